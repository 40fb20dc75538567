"""Tracing an indicator value back to the features that made it: the measuring runs in a QgsTask
(:func:`trace_task`), the result is drawn above every layer (:class:`TraceHighlight`) and the map
zooms to it."""

from qgis.PyQt.QtGui import QColor
from qgis.core import (
    QgsApplication,
    QgsExpression,
    QgsFeatureRequest,
    QgsProject,
    QgsRectangle,
    QgsTask,
    QgsVectorLayerFeatureSource,
)
from qgis.gui import QgsHighlight

STROKE, FILL = QColor('#e31a1c'), QColor(227, 26, 28, 70)

# source role -> (combo attribute, layer names to pick automatically)
SOURCES = {
    'landuse': ('landuseCombo', ('landuse_current', 'landuse', 'dltb', 'DLTB')),
    'eco_redline': ('redlineCombo', ('eco_redline', 'stbhhx')),
    'farmland': ('farmlandCombo', ('farmland', 'yjjbnt')),
    'dev_boundary': ('boundaryCombo', ('dev_boundary', 'czkfbj')),
    'buildings': ('buildingsCombo', ('buildings',)),
    'roads': ('roadsCombo', ('roads',)),
    'risk_points': ('riskCombo', ('risk_points',)),
}


class ThreadSource:
    """A layer's features readable from a worker thread (what bridge.frames needs of a source)."""

    def __init__(self, layer):
        self._source = QgsVectorLayerFeatureSource(layer)
        self._fields, self._crs, self._count = layer.fields(), layer.crs(), layer.featureCount()
        self._name = layer.name()

    def fields(self):
        return self._fields

    def sourceCrs(self):  # noqa: N802
        return self._crs

    def featureCount(self):  # noqa: N802
        return self._count

    def sourceName(self):  # noqa: N802
        return self._name

    def getFeatures(self, request):  # noqa: N802
        return self._source.getFeatures(request)


class TraceHighlight:
    """Traced features drawn in red on the canvas above all layers (QgsHighlight), until cleared."""

    def __init__(self, canvas):
        self.canvas = canvas
        self.items = []

    def show(self, layers_and_ids):
        """Highlight {layer: feature ids}, zoom to them; returns the extent (canvas CRS) or None."""
        self.clear()
        if self.canvas is None:
            return None
        extent = None
        settings = self.canvas.mapSettings()
        for layer, fids in layers_and_ids:
            for feature in layer.getFeatures(QgsFeatureRequest().setFilterFids(list(fids))):
                if not feature.hasGeometry():
                    continue
                item = QgsHighlight(self.canvas, feature, layer)
                item.setColor(STROKE)
                item.setFillColor(FILL)
                item.setWidth(2)
                item.setZValue(1000)
                item.show()
                self.items.append(item)
                box = settings.layerExtentToOutputExtent(layer, feature.geometry().boundingBox())
                if extent is None:
                    extent = QgsRectangle(box)
                else:
                    extent.combineExtentWith(box)
        if extent is None:
            return None
        if extent.width() == 0 or extent.height() == 0:
            extent.grow(50.0 * max(settings.mapUnitsPerPixel(), 1e-9))
        extent.scale(1.15)
        self.canvas.setExtent(extent)
        self.canvas.refresh()
        return extent

    def clear(self):
        for item in self.items:
            if self.canvas is not None:
                self.canvas.scene().removeItem(item)
        self.items = []


class TraceMixin:
    """The dock's "Show contributing features" (IndicatorDock mixes it in): needs the dock's
    results, district, indicator, source-layer combos, ``highlight`` and ``statusLabel``."""

    def trace(self):
        """Select the features that contributed to the current indicator in the current district."""
        if self.results is None or not self.district or not self.indicator:
            self.statusLabel.setText(self.tr('Pick a district and an indicator first.'))
            return
        from ..core.indicators import load_definitions
        from ..core.indicators.measures import MEASURES
        indicators, _ = load_definitions()
        known = {i.id: i for i in indicators}
        ind = known.get(self.indicator)
        if ind is None or ind.formula is None:
            self.statusLabel.setText(self.tr('Indicator {id} is not in the definitions.').format(
                id=self.indicator))
            return
        if life_circle_fields(ind.inputs):
            self._trace_life_circle(ind, life_circle_fields(ind.inputs))
            return
        measures = sorted(n for n in ind.inputs if n in MEASURES
                          and MEASURES[n].aggregate != 'value' and MEASURES[n].source != 'districts')
        if not measures:
            self.statusLabel.setText(self.tr('{name} is computed from district attributes only.').format(
                name=ind.name_zh))
            return
        layers = {role: getattr(self, combo).currentLayer() for role, (combo, _) in SOURCES.items()}
        needed = {MEASURES[n].source for n in measures} | {MEASURES[n].zone for n in measures}
        if any(MEASURES[n].select in ('urban', 'village') for n in measures):
            needed.add('dev_boundary')     # the dock traces the boundary split (no 城镇村属性码)
        needed.discard(None)
        missing = [role for role in needed if layers.get(role) is None]
        if missing:
            self.statusLabel.setText(self.tr('Choose the source layer(s) {roles} under “Source layers”.')
                                     .format(roles=', '.join(sorted(missing))))
            return
        features = self.district_features()
        if self.district not in features:
            return
        spec = self._trace_spec(layers, needed, features)
        self.statusLabel.setText(self.tr('Tracing {name}…').format(name=ind.name_zh))
        self.task = QgsTask.fromFunction(self.tr('Trace indicator {id}').format(id=ind.id),
                                         trace_task, spec, measures, on_finished=self._traced)
        QgsApplication.taskManager().addTask(self.task)

    def _trace_life_circle(self, ind, fields):
        """Select and highlight the homes of the district that the indicator does not cover, in the
        loaded OUTPUT of spm:life_circle (a layer with DISTRICT and the coverage fields)."""
        layer = next((lyr for lyr in QgsProject.instance().mapLayers().values()
                      if hasattr(lyr, 'fields') and all(lyr.fields().indexOf(f) >= 0 for f in ['DISTRICT'] + fields)),
                     None)
        if layer is None:
            self.statusLabel.setText(self.tr('Load the output of spm:life_circle (with {fields}) to trace {name}.')
                                     .format(fields=', '.join(fields), name=ind.name_zh))
            return
        expression = '"DISTRICT" = {key} AND ({uncovered})'.format(
            key=QgsExpression.quotedValue(self.district),
            uncovered=' OR '.join('"{}" = 0'.format(f) for f in fields))
        fids = [f.id() for f in layer.getFeatures(QgsFeatureRequest(QgsExpression(expression)).setNoAttributes())]
        layer.selectByIds(fids)
        self.last_trace = {'life_circle': set(fids)}
        self.highlight.show([(layer, fids)])
        self.statusLabel.setText(self.tr('{n} home(s) in “{layer}” not covered for {name}, highlighted in red.')
                                 .format(n=len(fids), layer=layer.name(), name=ind.name_zh))

    def _trace_spec(self, layers, needed, features):
        district_layer = self.district_layer()
        fid = features[self.district][0]
        spec = {'crs': district_layer.crs(), 'district': district_layer.getFeature(fid).geometry(),
                'layers': {}, 'sources': {}}
        for role in needed:
            layer = layers[role]
            fields = []
            if role == 'landuse':
                fields = [self.landuseFieldCombo.currentField() or 'DLBM']
            if role == 'risk_points' and self.riskKindCombo.currentField():
                fields = [self.riskKindCombo.currentField()]
            spec['sources'][role] = (ThreadSource(layer), fields)
            spec['layers'][role] = layer
        return spec

    def _traced(self, exception, result=None):
        """Select the traced features, draw them above every layer and zoom to them; the district
        layer's selection (the flagged districts) is cleared so it does not hide them."""
        self.task = None
        if exception is not None:
            self.statusLabel.setText(self.tr('Tracing failed: {error}').format(error=exception))
            return
        layers, lines, shown = result['layers'], [], []
        for role, fids in result['selected'].items():
            layer = layers[role]
            layer.selectByIds(list(fids))
            shown.append((layer, fids))
            lines.append(self.tr('{n} feature(s) in “{layer}”').format(n=len(fids), layer=layer.name()))
        district_layer = self.district_layer()
        if district_layer is not None and district_layer not in [layer for layer, _ in shown]:
            self._updating = True
            district_layer.removeSelection()
            self._updating = False
        self.last_trace = result['selected']
        self.highlight.show(shown)
        total = sum(len(fids) for fids in result['selected'].values())
        if not total:
            self.statusLabel.setText(self.tr('No feature contributed to this value in this district.'))
            return
        self.statusLabel.setText(self.tr('Traced {n} feature(s), highlighted in red and zoomed to: {list}.')
                                 .format(n=total, list='; '.join(lines)))


def life_circle_fields(inputs):
    """The coverage fields (C_<code>, COMPLETE) of spm:life_circle behind an indicator's inputs."""
    from ..core.indicators.measures import DISTRICT_TABLES
    LIFE_CIRCLE = DISTRICT_TABLES['life_circle']
    columns = sorted(LIFE_CIRCLE[n] for n in inputs if LIFE_CIRCLE.get(n, '').startswith('POP_'))
    return ['COMPLETE' if c == 'POP_ALL' else 'C_' + c[4:] for c in columns]


def trace_task(task, spec, measures):
    """Worker: measure the one district and return the contributing feature ids per source."""
    import geopandas as gpd
    from shapely import wkb
    from ..bridge import frames
    from ..core.indicators.measures import Inputs, MeasureTable

    frames_by_role = {}
    for role, (source, fields) in spec['sources'].items():
        request = QgsFeatureRequest()
        request.setDestinationCrs(spec['crs'], QgsProject.instance().transformContext())
        request.setFilterRect(spec['district'].boundingBox())
        frames_by_role[role] = frames.source_to_frame(source, fields, request=request, feedback=task)
    district = gpd.GeoSeries([wkb.loads(bytes(spec['district'].asWkb()))])
    inputs = Inputs(districts=district)
    for role, frame in frames_by_role.items():
        setattr(inputs, role, frame.geometry.reset_index(drop=True))
        fields = spec['sources'][role][1]
        if role == 'landuse':
            inputs.landuse_codes = frame[fields[0]].reset_index(drop=True)
        if role == 'risk_points' and fields:
            inputs.risk_kinds = frame[fields[0]].reset_index(drop=True)
    table = MeasureTable(inputs, canceled=task.isCanceled)
    selected = {}
    for name in measures:
        try:
            source, positions = table.contributors(name, 0)
        except KeyError:
            continue
        if source is None:
            continue
        fids = frames_by_role[source].index.values[positions]
        selected.setdefault(source, set()).update(int(f) for f in fids)
    return {'selected': selected, 'layers': spec['layers']}
