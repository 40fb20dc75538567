"""The city-indicator dock: a district's vital signs beside the map, and an indicator mapped.

Pick the district layer and an indicator TABLE (from spm:indicators). Selecting a district (on the
map or in the panel) lists its indicators with status colours, units and targets, and draws the
current indicator across all districts as a bar chart. Selecting an indicator row renders the
district layer as a graduated map of it and selects the districts in 预警/超标. The selection is
linked both ways, the dock's state is kept in the project, and tracing the features that
contributed to a value runs in a QgsTask.
"""


from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import QHeaderView, QTableWidgetItem
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFieldProxyModel,
    QgsProject,
    QgsRendererCategory,
    QgsSymbol,
)

from .form_dock import FormDock, load_form
from .indicator_chart import BarChart, number_text
from .indicator_state import StateMixin
from .indicator_trace import SOURCES, TraceHighlight, TraceMixin
from ..core.errors import SpmError
from ..core.indicators.engine import district_key
from ..core.indicators.results import REQUIRED, Results
from ..compat import GeometryType, LayerFilter, LayerType

FORM = load_form('indicator_dock.ui')

STATUS_COLORS = {'正常': '#c7e9c0', '预警': '#fee08b', '超标': '#fc9272', '未计算': '#e0e0e0'}
DISTRICT_NAMES = ('districts', 'district', 'xzq', 'XZQ', '行政区')
NAME_FIELDS = ('name', 'NAME', 'Name', 'XZQMC', 'xzqmc', '名称', 'MC')


def is_indicator_table(layer):
    """True for a vector layer with the columns of an indicator TABLE (DISTRICT, IND_ID, VALUE, STATUS)."""
    if layer is None or layer.type() != LayerType.Vector:
        return False
    names = set(layer.fields().names())
    return all(column in names for column in REQUIRED)


class IndicatorDock(StateMixin, TraceMixin, FormDock, FORM):
    """The indicator dock (see the module docstring)."""

    PRODUCER = ('spm:indicators', QT_TRANSLATE_NOOP('spm', 'Compute indicators…'))

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
        self.highlight = TraceHighlight(iface.mapCanvas() if iface is not None else None)
        self.last_trace = {}
        self.results = None
        self.district = None            # key of the current district
        self.indicator = None           # id of the current indicator
        self.original_renderers = {}    # layer id -> renderer before the dock restyled it
        self.task = None
        self._updating = False
        self._loading = False           # between a project's clear and its readProject
        self._reading = False           # from a project's first layer read to its readProject
        self._active = True             # False once unloaded: the project is no longer ours
        self._connected_layer = None

        self.districtLayerCombo.setFilters(LayerFilter.PolygonLayer)
        self.resultLayerCombo.setFilters(LayerFilter.VectorLayer)
        self.resultLayerCombo.setAllowEmptyLayer(True)
        self.landuseCombo.setFilters(LayerFilter.PolygonLayer)
        for name in ('redlineCombo', 'farmlandCombo', 'boundaryCombo', 'buildingsCombo'):
            getattr(self, name).setFilters(LayerFilter.PolygonLayer)
        self.roadsCombo.setFilters(LayerFilter.LineLayer)
        self.riskCombo.setFilters(LayerFilter.PointLayer)
        for role, (combo, _) in SOURCES.items():
            getattr(self, combo).setAllowEmptyLayer(True)
            getattr(self, combo).setLayer(None)       # empty unless guessed or restored
        self.landuseFieldCombo.setFilters(QgsFieldProxyModel.Filter.String | QgsFieldProxyModel.Filter.Int
                                          | QgsFieldProxyModel.Filter.LongLong)
        self.indicatorTable.setColumnCount(6)
        self.indicatorTable.setHorizontalHeaderLabels([
            self.tr('Indicator'), self.tr('Value'), self.tr('Unit'), self.tr('Target'),
            self.tr('Status'), self.tr('Trend')])
        self.indicatorTable.horizontalHeaderItem(5).setToolTip(
            self.tr('Change since the previous result (give spm:indicators a PREVIOUS table)'))
        header = self.indicatorTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(36)
        self.indicatorTable.setWordWrap(True)          # full names, on two lines when narrow
        self.indicatorTable.verticalHeader().setVisible(False)
        self.indicatorTable.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

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
        project.layerLoaded.connect(self._project_reading)
        self._loading = True            # nothing is written before the saved state is read
        self._pick_layers()
        if self._connected_layer is None and self.district_layer() is not None:
            # the combo picked its first layer before we listened to layerChanged
            self._district_layer_changed(self.district_layer())
        self.restore_state()
        self._loading = False
        self._update_empty_state()

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
        self.sourcesToggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    # ---- layers -----------------------------------------------------------------------------

    def district_layer(self):
        return self.districtLayerCombo.currentLayer()

    def result_layer(self):
        return self.resultLayerCombo.currentLayer()

    def _filter_layers(self):
        """Offer indicator tables only as the table, and everything else only as the districts."""
        layers = [layer for layer in QgsProject.instance().mapLayers().values()
                  if layer.type() == LayerType.Vector]
        tables = [layer for layer in layers if is_indicator_table(layer)]
        self.resultLayerCombo.setExceptedLayerList([layer for layer in layers if layer not in tables])
        self.districtLayerCombo.setExceptedLayerList(tables)
        return tables

    def _pick_layers(self):
        tables = self._filter_layers()
        if not is_indicator_table(self.result_layer()):
            self.resultLayerCombo.setLayer(tables[0] if tables else None)
        self._guess_layers()

    def layers_changed(self):
        """Layers were added or removed: offer the fitting ones, pick what is still empty."""
        if not self._active or self._loading or self._reading:   # readProject will restore
            return
        self._pick_layers()
        self._update_empty_state()

    def _update_empty_state(self):
        has_table = any(is_indicator_table(layer) for layer in QgsProject.instance().mapLayers().values())
        self.empty.set_message('' if has_table else self.tr(
            'No indicator table in the project yet. Compute the indicators first with “City indicators” '
            '(spm:indicators) on your districts and land use; its indicator table is what this panel shows.'))

    def _guess_layers(self):
        """Pick the districts and the source layers by the usual names (districts, landuse_current,
        eco_redline …) where nothing is picked yet."""
        project = QgsProject.instance()
        district = self.district_layer()
        if district is None or (district.name() not in DISTRICT_NAMES
                                and (self.results is None or not self._key_matches())):
            named = next((layer for name in DISTRICT_NAMES for layer in project.mapLayersByName(name)
                          if layer.type() == LayerType.Vector
                          and layer.geometryType() == GeometryType.Polygon), None)
            if named is not None and named is not district:
                self.districtLayerCombo.setLayer(named)
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
        self.statusLabel.clear()
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
        self.set_indicator(item.data(Qt.ItemDataRole.UserRole))

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
                    item.setData(Qt.ItemDataRole.UserRole, row['IND_ID'])
                    if column in (1, 3):
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    if colour and column == 4:
                        item.setBackground(QBrush(QColor(colour)))
                    tip = row['NOTE'] or '{} · {}'.format(row['IND_ID'], row.get('DIMENSION', ''))
                    item.setToolTip('{}\n{}'.format(cells[0], tip) if column == 0 else tip)
                    table.setItem(n, column, item)
        table.resizeRowsToContents()
        self._updating = False
        self._mark_indicator_row()
        self._refresh_chart()

    def _mark_indicator_row(self):
        self._updating = True
        for row in range(self.indicatorTable.rowCount()):
            if self.indicatorTable.item(row, 0).data(Qt.ItemDataRole.UserRole) == self.indicator:
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

    def status_expression(self, ident):
        """``map_get(map('key', 'status', …), key)``: the indicator's status per district feature."""
        pairs = ["'{}', '{}'".format(key.replace("'", "''"), status.replace("'", "''"))
                 for key, status in self.results.statuses(ident).items() if status]
        return 'map_get(map({}), {})'.format(', '.join(pairs), self.key_expression())

    def apply_renderer(self):
        """The district layer coloured by the current indicator's status (正常, 预警, 超标, 未计算),
        the same colours as the table: a district is red only when it is 超标."""
        layer = self.district_layer()
        if layer is None or self.results is None or not self.indicator:
            return
        statuses = self.results.statuses(self.indicator)
        if not any(statuses.values()):
            self.statusLabel.setText(self.tr('The indicator has no value in any district.'))
            return
        if layer.id() not in self.original_renderers and layer.renderer() is not None:
            self.original_renderers[layer.id()] = layer.renderer().clone()
        counts = {}
        for status in statuses.values():
            counts[status] = counts.get(status, 0) + 1
        categories = []
        for status, colour in STATUS_COLORS.items():
            if status in counts:
                symbol = QgsSymbol.defaultSymbol(GeometryType.Polygon)
                symbol.setColor(QColor(colour))
                categories.append(QgsRendererCategory(status, symbol, '{} ({})'.format(status, counts[status])))
        layer.setRenderer(QgsCategorizedSymbolRenderer(self.status_expression(self.indicator), categories))
        layer.triggerRepaint()
        if self.iface is not None and hasattr(self.iface, 'layerTreeView') and self.iface.layerTreeView():
            self.iface.layerTreeView().refreshLayerSymbology(layer.id())

    def restore_style(self):
        layer = self.district_layer()
        if layer is not None and layer.id() in self.original_renderers:
            layer.setRenderer(self.original_renderers.pop(layer.id()))
            layer.triggerRepaint()

    def unload(self):
        """Disconnect from the project and the district layer (the plugin removes the dock)."""
        self._active = False
        self.disconnect_project()
        self.highlight.clear()
        project = QgsProject.instance()
        for signal, slot in ((project.readProject, self._project_read),
                             (project.cleared, self._project_cleared),
                             (project.layerLoaded, self._project_reading)):
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

