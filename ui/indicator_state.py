"""The indicator dock's choices kept in the project: written at each change, read when a project
is read, forgotten when it is cleared (IndicatorDock mixes :class:`StateMixin` in)."""

from qgis.PyQt.QtCore import QTimer
from qgis.core import QgsProject

from .indicator_trace import SOURCES

SCOPE = 'SpatialPlanningMonitor'
PREFIX = 'indicator_dock/'


class StateMixin:
    """save_state / restore_state and the project's read and cleared signals."""

    def save_state(self, *args):
        """Write the dock's choices into the project (saved with it)."""
        if self._updating or self._loading or self._reading or not self._active:
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

    def _project_reading(self, *args):
        self._reading = True

    def _project_read(self, *args):
        self._loading = self._reading = False
        self._filter_layers()
        self.restore_state()
        self._pick_layers()
        self._update_empty_state()

    def _end_loading(self):
        self._loading = False

    def _project_cleared(self):
        self.highlight.clear()
        # a project being read is cleared first: until readProject (or the next event loop turn,
        # for a plain "new project") layer combos moving around must not overwrite its state
        self._loading = True
        QTimer.singleShot(0, self._end_loading)
        self.results, self.district, self.indicator = None, None, None
        self.original_renderers.clear()
        self.indicatorTable.setRowCount(0)
        self.chart.set_data('', [], [])

