"""The city-indicator dock: a district's vital signs beside the map, and an indicator mapped.

Pick the district layer and an indicator TABLE (from spm:indicators). Selecting a district (on the
map or in the panel) lists its indicators with status colours, units and targets, and draws the
current indicator across all districts as a bar chart. Selecting an indicator row renders the
district layer as a graduated map of it and selects the districts in 预警/超标. The selection is
linked both ways, the dock's state is kept in the project, and tracing the features that
contributed to a value runs in a QgsTask.
"""


from qgis.PyQt.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer
from qgis.PyQt.QtGui import QBrush, QColor, QPen
from qgis.PyQt.QtWidgets import QHeaderView, QSizePolicy, QTableWidgetItem, QWidget
from qgis.core import (
    QgsApplication,
    QgsClassificationQuantile,
    QgsFeatureRequest,
    QgsFieldProxyModel,
    QgsGradientColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsStyle,
    QgsSymbol,
    QgsTask,
    QgsVectorLayerFeatureSource,
    QgsWkbTypes,
)

from .chart import begin_chart
from .form_dock import FormDock, load_form
from ..core.errors import SpmError
from ..core.indicators.engine import district_key
from ..core.indicators.results import Results

FORM = load_form('indicator_dock.ui')

SCOPE = 'SpatialPlanningMonitor'
PREFIX = 'indicator_dock/'
STATUS_COLORS = {'正常': '#c7e9c0', '预警': '#fee08b', '超标': '#fc9272', '未计算': '#e0e0e0'}
BAR_COLORS = {'正常': '#41ab5d', '预警': '#fdae61', '超标': '#d7301f'}
NAME_FIELDS = ('name', 'NAME', 'Name', 'XZQMC', 'xzqmc', '名称', 'MC')
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


def number_text(value):
    """A value for the panel: thousands separators, at most two decimals, no trailing zeros."""
    if value is None:
        return '—'
    text = '{:,.2f}'.format(value)
    return text.rstrip('0').rstrip('.') if '.' in text else text


class BarChart(QWidget):
    """The current indicator across districts: one bar each, target and warning as dashed lines."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.title = ''
        self.bars = []            # (label, value or None, status, highlighted)
        self.lines = []           # (value, colour)

    def set_data(self, title, bars, lines):
        self.title, self.bars, self.lines = title, list(bars), list(lines)
        self.update()

    def paintEvent(self, event):  # noqa: N802
        painter, metrics = begin_chart(self, self.title)
        values = [v for _, v, _, _ in self.bars if v is not None] + [v for v, _ in self.lines]
        if not self.bars or not values:
            painter.end()
            return
        top, bottom = metrics.height() + 8, self.height() - metrics.height() - 6
        left, right = 6, self.width() - 6
        low, high = min(0.0, min(values)), max(0.0, max(values))
        span = (high - low) or 1.0

        def y(value):
            return bottom - (value - low) / span * (bottom - top)
        step = (right - left) / len(self.bars)
        for n, (label, value, status, highlighted) in enumerate(self.bars):
            x = left + n * step
            if value is not None:
                rect = QRectF(QPointF(x + step * 0.15, y(max(value, 0.0))),
                              QPointF(x + step * 0.85, y(min(value, 0.0))))
                painter.setBrush(QBrush(QColor(BAR_COLORS.get(status, '#9ecae1'))))
                painter.setPen(QPen(QColor('#000000'), 2.0) if highlighted else Qt.NoPen)
                painter.drawRect(rect)
            painter.setPen(QColor('#000000') if highlighted else QColor('#505050'))
            text = metrics.elidedText(label, Qt.ElideRight, int(step))
            painter.drawText(QRectF(x, bottom + 2, step, metrics.height() + 2), Qt.AlignHCenter, text)
        for value, colour in self.lines:
            painter.setPen(QPen(QColor(colour), 1.5, Qt.DashLine))
            painter.drawLine(QPointF(left, y(value)), QPointF(right, y(value)))
        painter.setPen(QColor('#808080'))
        painter.drawLine(QPointF(left, y(0.0)), QPointF(right, y(0.0)))
        painter.end()


class _ThreadSource:
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


class IndicatorDock(FormDock, FORM):
    """The indicator dock (see the module docstring)."""

    def __init__(self, iface, parent=None):
        super().__init__(iface, 'SpmIndicatorDock', parent)
        self.setWindowTitle(self.tr('City indicators (城市体检)'))
        self.chart = BarChart(self.chartContainer)
        self.chartLayout.addWidget(self.chart)
        self._retranslate()
        self.sourcesGroup.setVisible(False)
        self.sourcesToggle.toggled.connect(self._toggle_sources)
        self.mainLayout.setStretchFactor(self.indicatorTable, 3)
        self.mainLayout.setStretchFactor(self.chartContainer, 2)
        self.results = None
        self.district = None            # key of the current district
        self.indicator = None           # id of the current indicator
        self.original_renderers = {}    # layer id -> renderer before the dock restyled it
        self.task = None
        self._updating = False
        self._loading = False           # between a project's clear and its readProject
        self._active = True             # False once unloaded: the project is no longer ours
        self._connected_layer = None

        self.districtLayerCombo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.resultLayerCombo.setFilters(QgsMapLayerProxyModel.VectorLayer)
        self.landuseCombo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        for name in ('redlineCombo', 'farmlandCombo', 'boundaryCombo', 'buildingsCombo'):
            getattr(self, name).setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.roadsCombo.setFilters(QgsMapLayerProxyModel.LineLayer)
        self.riskCombo.setFilters(QgsMapLayerProxyModel.PointLayer)
        for role, (combo, _) in SOURCES.items():
            getattr(self, combo).setAllowEmptyLayer(True)
            getattr(self, combo).setLayer(None)       # empty unless guessed or restored
        self.landuseFieldCombo.setFilters(QgsFieldProxyModel.String | QgsFieldProxyModel.Int
                                          | QgsFieldProxyModel.LongLong)
        self.indicatorTable.setColumnCount(6)
        self.indicatorTable.setHorizontalHeaderLabels([
            self.tr('Indicator'), self.tr('Value'), self.tr('Unit'), self.tr('Target'),
            self.tr('Status'), self.tr('Trend')])
        header = self.indicatorTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setMinimumSectionSize(40)
        self.indicatorTable.setMinimumHeight(220)
        self.indicatorTable.setWordWrap(False)
        self.indicatorTable.verticalHeader().setVisible(False)

        self.districtLayerCombo.layerChanged.connect(self._district_layer_changed)
        self.districtFieldCombo.fieldChanged.connect(self._reload)
        self.resultLayerCombo.layerChanged.connect(self._reload)
        self.districtCombo.currentIndexChanged.connect(self._district_picked)
        self.indicatorTable.itemSelectionChanged.connect(self._indicator_picked)
        self.landuseCombo.layerChanged.connect(self.landuseFieldCombo.setLayer)
        self.riskCombo.layerChanged.connect(self.riskKindCombo.setLayer)
        self.traceButton.clicked.connect(self.trace)
        self.resetStyleButton.clicked.connect(self.restore_style)
        for role, (combo, _) in SOURCES.items():
            getattr(self, combo).layerChanged.connect(self.save_state)
        project = QgsProject.instance()
        project.readProject.connect(self._project_read)
        project.cleared.connect(self._project_cleared)
        self._loading = True            # nothing is written before the saved state is read
        self._guess_layers()
        if self._connected_layer is None and self.district_layer() is not None:
            # the combo picked its first layer before we listened to layerChanged
            self._district_layer_changed(self.district_layer())
        self.restore_state()
        self._loading = False

    def tr(self, text):
        return QCoreApplication.translate('IndicatorDock', text)

    def _retranslate(self):
        for name, text in (('districtLayerLabel', self.tr('Districts')),
                           ('districtFieldLabel', self.tr('Key field')),
                           ('resultLayerLabel', self.tr('Indicator table')),
                           ('districtLabel', self.tr('District')),
                           ('traceButton', self.tr('Show contributing features')),
                           ('resetStyleButton', self.tr('Restore style')),
                           ('landuseLabel', self.tr('Land use')),
                           ('landuseFieldLabel', self.tr('Land-use code field')),
                           ('redlineLabel', self.tr('Ecological red line')),
                           ('farmlandLabel', self.tr('Permanent farmland')),
                           ('boundaryLabel', self.tr('Development boundary')),
                           ('buildingsLabel', self.tr('Buildings')),
                           ('roadsLabel', self.tr('Roads')),
                           ('riskLabel', self.tr('Risk points')),
                           ('riskKindLabel', self.tr('Risk kind field'))):
            getattr(self, name).setText(text)
        self.sourcesToggle.setText(self.tr('Source layers (for tracing)'))

    def _toggle_sources(self, shown):
        self.sourcesGroup.setVisible(shown)
        self.sourcesToggle.setArrowType(Qt.DownArrow if shown else Qt.RightArrow)

    # ---- layers -----------------------------------------------------------------------------

    def district_layer(self):
        return self.districtLayerCombo.currentLayer()

    def result_layer(self):
        return self.resultLayerCombo.currentLayer()

    def _guess_layers(self):
        """Pick the source layers of the sample names (landuse_current, eco_redline …) if present."""
        project = QgsProject.instance()
        for role, (combo, names) in SOURCES.items():
            widget = getattr(self, combo)
            if widget.currentLayer() is not None:
                continue
            for name in names:
                layers = project.mapLayersByName(name)
                if layers:
                    widget.setLayer(layers[0])
                    break
        if self.landuseCombo.currentLayer() is not None:
            self.landuseFieldCombo.setLayer(self.landuseCombo.currentLayer())
            if self.landuseCombo.currentLayer().fields().indexOf('DLBM') >= 0:
                self.landuseFieldCombo.setField('DLBM')
        if self.riskCombo.currentLayer() is not None:
            self.riskKindCombo.setLayer(self.riskCombo.currentLayer())
            if self.riskCombo.currentLayer().fields().indexOf('kind') >= 0:
                self.riskKindCombo.setField('kind')

    def _district_layer_changed(self, layer):
        if self._connected_layer is not None:
            try:
                self._connected_layer.selectionChanged.disconnect(self._map_selection_changed)
            except (TypeError, RuntimeError):
                pass
            self._connected_layer = None
        self.districtFieldCombo.setLayer(layer)
        if layer is not None:
            layer.selectionChanged.connect(self._map_selection_changed)
            self._connected_layer = layer
        self._reload()

    def _detect_key_field(self):
        """The district field whose values match the table's DISTRICT keys best."""
        layer = self.district_layer()
        if layer is None or self.results is None:
            return
        wanted = set(self.results.districts())
        best, score = None, 0
        for field in layer.fields():
            values = {district_key(f[field.name()]) for f in layer.getFeatures()}
            hits = len(values & wanted)
            if hits > score:
                best, score = field.name(), hits
        if best and best != self.districtFieldCombo.currentField():
            self._updating = True
            self.districtFieldCombo.setField(best)
            self._updating = False

    def _reload(self, *args):
        """Read the indicator table and the districts; refresh everything."""
        if self._updating:
            return
        self.results = None
        layer = self.result_layer()
        if layer is not None:
            from ..bridge import frames
            try:
                self.results = Results(frames.source_to_frame(layer, with_geometry=False))
            except SpmError as exc:
                self.statusLabel.setText(self.tr('Layer “{layer}”: {problem}').format(
                    layer=layer.name(), problem=exc))
        if self.results is not None and not self.districtFieldCombo.currentField():
            self._detect_key_field()
        elif self.results is not None and not self._key_matches():
            self._detect_key_field()
        self._fill_districts()
        self.refresh()
        self.save_state()

    def _key_matches(self):
        layer, field = self.district_layer(), self.districtFieldCombo.currentField()
        if layer is None or not field or layer.fields().indexOf(field) < 0:
            return False
        values = {district_key(f[field]) for f in layer.getFeatures()}
        return bool(values & set(self.results.districts()))

    def district_features(self):
        """{district key: (feature id, label)} of the district layer."""
        layer, field = self.district_layer(), self.districtFieldCombo.currentField()
        if layer is None or not field or layer.fields().indexOf(field) < 0:
            return {}
        names = [n for n in NAME_FIELDS if n != field and layer.fields().indexOf(n) >= 0]
        out = {}
        for feature in layer.getFeatures():
            key = district_key(feature[field])
            label = key
            if names and feature[names[0]] not in (None, '') and str(feature[names[0]]) != key:
                label = '{} {}'.format(key, feature[names[0]]) if key.isdigit() else str(feature[names[0]])
            out[key] = (feature.id(), label)
        return out

    def _fill_districts(self):
        self._updating = True
        self.districtCombo.clear()
        for key, (_, label) in self.district_features().items():
            self.districtCombo.addItem(label, key)
        index = self.districtCombo.findData(self.district) if self.district else -1
        self.districtCombo.setCurrentIndex(index)
        self._updating = False

    # ---- selection, both ways -------------------------------------------------------------------

    def _map_selection_changed(self, *args):
        if self._updating:
            return
        layer = self.district_layer()
        ids = layer.selectedFeatureIds() if layer is not None else []
        if len(ids) != 1:
            return
        feature = layer.getFeature(ids[0])
        field = self.districtFieldCombo.currentField()
        if field and layer.fields().indexOf(field) >= 0:
            self.set_district(district_key(feature[field]), select=False)

    def _district_picked(self, index):
        if self._updating or index < 0:
            return
        self.set_district(self.districtCombo.itemData(index), select=True)

    def set_district(self, key, select=True):
        """Make ``key`` the current district; ``select`` it on the map too."""
        self.district = key
        self._updating = True
        index = self.districtCombo.findData(key)
        if index != self.districtCombo.currentIndex():
            self.districtCombo.setCurrentIndex(index)
        layer = self.district_layer()
        if select and layer is not None:
            feature = self.district_features().get(key)
            layer.selectByIds([feature[0]] if feature else [])
        self._updating = False
        self.refresh()
        self.save_state()

    def _indicator_picked(self):
        if self._updating:
            return
        rows = self.indicatorTable.selectionModel().selectedRows()
        if not rows:
            return
        item = self.indicatorTable.item(rows[0].row(), 0)
        self.set_indicator(item.data(Qt.UserRole))

    def set_indicator(self, ident):
        """Make ``ident`` the current indicator: graduated map, 预警/超标 districts selected."""
        self.indicator = ident
        self.apply_renderer()
        layer = self.district_layer()
        if layer is not None and self.results is not None:
            features = self.district_features()
            flagged = [features[k][0] for k in self.results.flagged(ident) if k in features]
            self._updating = True
            layer.selectByIds(flagged)
            self._updating = False
            info = self.results.info(ident) or {}
            self.statusLabel.setText(self.tr('{name}: {n} district(s) in 预警/超标 selected.').format(
                name=info.get('name', ident), n=len(flagged)))
        self._refresh_chart()
        self._mark_indicator_row()
        self.save_state()

    # ---- display ----------------------------------------------------------------------------------

    def refresh(self):
        """Fill the indicator table for the current district and redraw the chart."""
        self._updating = True
        table = self.indicatorTable
        table.setRowCount(0)
        if self.results is not None and self.district:
            rows = self.results.district_rows(self.district)
            table.setRowCount(len(rows))
            for n, (_, row) in enumerate(rows.iterrows()):
                value = None if row['VALUE'] != row['VALUE'] else row['VALUE']
                target = None if row['TARGET'] != row['TARGET'] else row['TARGET']
                cells = [row['IND_NAME'] or row['IND_ID'], number_text(value), row['UNIT'],
                         number_text(target) if target is not None else '', row['STATUS'], row['TREND']]
                colour = STATUS_COLORS.get(row['STATUS'])
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(str(text))
                    item.setData(Qt.UserRole, row['IND_ID'])
                    if column in (1, 3):
                        item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                    if colour and column == 4:
                        item.setBackground(QBrush(QColor(colour)))
                    tip = row['NOTE'] or '{} · {}'.format(row['IND_ID'], row.get('DIMENSION', ''))
                    item.setToolTip(tip)
                    table.setItem(n, column, item)
        has_trend = self.results is not None and bool((self.results.frame['TREND'] != '').any())
        table.setColumnHidden(5, not has_trend)
        self._updating = False
        self._mark_indicator_row()
        self._refresh_chart()

    def _mark_indicator_row(self):
        self._updating = True
        for row in range(self.indicatorTable.rowCount()):
            if self.indicatorTable.item(row, 0).data(Qt.UserRole) == self.indicator:
                self.indicatorTable.selectRow(row)
                self.indicatorTable.scrollToItem(self.indicatorTable.item(row, 0))
                break
        self._updating = False

    def _refresh_chart(self):
        if self.results is None or not self.indicator or self.results.info(self.indicator) is None:
            self.chart.set_data('', [], [])
            return
        info = self.results.info(self.indicator)
        values, statuses = self.results.values(self.indicator), self.results.statuses(self.indicator)
        # the bars are narrow: the name alone ('城厢区'), not '350302 城厢区'
        labels = {k: label.split(' ', 1)[-1] for k, (_, label) in self.district_features().items()}
        bars = [(labels.get(k, k), values[k], statuses.get(k, ''), k == self.district) for k in values]
        lines = []
        if info['target'] is not None:
            lines.append((info['target'], '#d7301f'))
        if info['warning'] is not None:
            lines.append((info['warning'], '#f46d43'))
        title = '{} ({})'.format(info['name'], info['unit']) if info['unit'] else info['name']
        self.chart.set_data(title, bars, lines)

    def key_expression(self):
        """QGIS expression giving a district's key as the indicator table writes it."""
        layer, field = self.district_layer(), self.districtFieldCombo.currentField()
        quoted = '"{}"'.format(field.replace('"', '""'))
        index = layer.fields().indexOf(field)
        if index >= 0 and layer.fields().field(index).isNumeric():
            return 'to_string(to_int({}))'.format(quoted)
        return 'trim(to_string({}))'.format(quoted)

    def value_expression(self, ident):
        """``map_get(map('key', value, …), key)``: the indicator's value per district feature."""
        pairs = []
        for key, value in self.results.values(ident).items():
            if value is not None:
                pairs.append("'{}', {!r}".format(key.replace("'", "''"), float(value)))
        return 'map_get(map({}), {})'.format(', '.join(pairs), self.key_expression())

    def apply_renderer(self):
        """Graduated colours of the current indicator on the district layer (quantiles, ≤ 5 classes)."""
        layer = self.district_layer()
        if layer is None or self.results is None or not self.indicator:
            return
        values = [v for v in self.results.values(self.indicator).values() if v is not None]
        if not values:
            self.statusLabel.setText(self.tr('The indicator has no value in any district.'))
            return
        if layer.id() not in self.original_renderers and layer.renderer() is not None:
            self.original_renderers[layer.id()] = layer.renderer().clone()
        info = self.results.info(self.indicator)
        ramp = QgsStyle.defaultStyle().colorRamp('RdYlGn') or QgsGradientColorRamp(
            QColor('#d7301f'), QColor('#1a9850'))
        if info['direction'] == 'lower':
            ramp.invert()
        elif info['direction'] not in ('higher', 'lower'):
            ramp = QgsStyle.defaultStyle().colorRamp('Blues') or ramp
        symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.PolygonGeometry)
        renderer = QgsGraduatedSymbolRenderer(self.value_expression(self.indicator))
        renderer.setSourceSymbol(symbol)
        renderer.setSourceColorRamp(ramp)
        renderer.setClassificationMethod(QgsClassificationQuantile())
        renderer.updateClasses(layer, min(5, len(set(values))))
        layer.setRenderer(renderer)
        layer.triggerRepaint()
        if self.iface is not None and hasattr(self.iface, 'layerTreeView') and self.iface.layerTreeView():
            self.iface.layerTreeView().refreshLayerSymbology(layer.id())

    def restore_style(self):
        layer = self.district_layer()
        if layer is not None and layer.id() in self.original_renderers:
            layer.setRenderer(self.original_renderers.pop(layer.id()))
            layer.triggerRepaint()

    # ---- traceability (QgsTask) ---------------------------------------------------------------------

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
                                         _trace_task, spec, measures, on_finished=self._traced)
        QgsApplication.taskManager().addTask(self.task)

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
            spec['sources'][role] = (_ThreadSource(layer), fields)
            spec['layers'][role] = layer
        return spec

    def _traced(self, exception, result=None):
        self.task = None
        if exception is not None:
            self.statusLabel.setText(self.tr('Tracing failed: {error}').format(error=exception))
            return
        layers, lines = result['layers'], []
        for role, fids in result['selected'].items():
            layer = layers[role]
            layer.selectByIds(list(fids))
            lines.append(self.tr('{n} feature(s) selected in “{layer}”').format(n=len(fids),
                                                                                   layer=layer.name()))
        self.last_trace = result['selected']
        self.statusLabel.setText('; '.join(lines) + '.')

    # ---- project state -------------------------------------------------------------------------------

    def save_state(self, *args):
        """Write the dock's choices into the project (saved with it)."""
        if self._updating or self._loading or not self._active:
            return
        project = QgsProject.instance()
        values = {
            'district_layer': self.district_layer().id() if self.district_layer() else '',
            'result_layer': self.result_layer().id() if self.result_layer() else '',
            'district_field': self.districtFieldCombo.currentField() or '',
            'district': self.district or '',
            'indicator': self.indicator or '',
        }
        for role, (combo, _) in SOURCES.items():
            layer = getattr(self, combo).currentLayer()
            values['source_' + role] = layer.id() if layer else ''
        for key, value in values.items():
            if project.readEntry(SCOPE, PREFIX + key, '')[0] != value:
                project.writeEntry(SCOPE, PREFIX + key, value)

    def restore_state(self):
        """Set the dock from the project's entries (written by :meth:`save_state`)."""
        project = QgsProject.instance()

        keys = ['district_layer', 'result_layer', 'district_field', 'district', 'indicator']
        keys += ['source_' + role for role in SOURCES]
        saved = {key: project.readEntry(SCOPE, PREFIX + key, '')[0] for key in keys}

        def entry(key):
            return saved[key]
        if not entry('district_layer') and not entry('result_layer'):
            return
        self._updating = True
        for role, (combo, _) in SOURCES.items():
            layer = project.mapLayer(entry('source_' + role))
            if layer is not None:
                getattr(self, combo).setLayer(layer)
        district_layer = project.mapLayer(entry('district_layer'))
        self.districtLayerCombo.setLayer(district_layer)
        self.resultLayerCombo.setLayer(project.mapLayer(entry('result_layer')))
        self._updating = False
        self._district_layer_changed(district_layer)
        if entry('district_field'):
            self._updating = True
            self.districtFieldCombo.setField(entry('district_field'))
            self._updating = False
        self.district = entry('district') or None
        self.indicator = entry('indicator') or None
        self._reload()
        if self.indicator:
            self.set_indicator(self.indicator)

    def _project_read(self, *args):
        self._loading = False
        self.restore_state()

    def _end_loading(self):
        self._loading = False

    def _project_cleared(self):
        # a project being read is cleared first: until readProject (or the next event loop turn,
        # for a plain "new project") layer combos moving around must not overwrite its state
        self._loading = True
        QTimer.singleShot(0, self._end_loading)
        self.results, self.district, self.indicator = None, None, None
        self.original_renderers.clear()
        self.indicatorTable.setRowCount(0)
        self.chart.set_data('', [], [])

    def unload(self):
        """Disconnect from the project and the district layer (the plugin removes the dock)."""
        self._active = False
        project = QgsProject.instance()
        for signal, slot in ((project.readProject, self._project_read),
                             (project.cleared, self._project_cleared)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        if self._connected_layer is not None:
            try:
                self._connected_layer.selectionChanged.disconnect(self._map_selection_changed)
            except (TypeError, RuntimeError):
                pass
            self._connected_layer = None
        if self.task is not None:
            self.task.cancel()


def _trace_task(task, spec, measures):
    """Worker: measure the one district and return the contributing feature ids per source."""
    import geopandas as gpd
    from ..bridge import frames
    from ..core.indicators.measures import Inputs, MeasureTable

    request_crs = spec['crs']
    frames_by_role = {}
    for role, (source, fields) in spec['sources'].items():
        request = QgsFeatureRequest()
        request.setDestinationCrs(request_crs, QgsProject.instance().transformContext())
        request.setFilterRect(spec['district'].boundingBox())
        frames_by_role[role] = frames.source_to_frame(source, fields, request=request, feedback=task)
    from shapely import wkb
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
