"""The 城市运行体征 dock: active warnings, offline sensors and one sensor's readings, kept fresh.

Pick the readings (a CSV, GeoPackage or PostgreSQL table in the project) and the sensors; the dock
evaluates them in a QgsTask (core.vitals, as spm:vital_signs does, up to the latest reading) and lists
the active warnings, worst first, with the time since each began; clicking one zooms to its sensor
and draws its readings with the thresholds. Offline (失联) sensors are listed below. When the readings
come from a database (readings keep arriving), the dock refreshes itself on a timer, without blocking
QGIS: a refresh never starts while the previous one runs.
"""

import numpy as np
import pandas as pd
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QTimer, Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (QCheckBox, QFormLayout, QHBoxLayout, QLabel, QListWidget,
                                 QPushButton, QSpinBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout)
from qgis.core import (
    QgsApplication,
    QgsFeatureRequest,
    QgsProject,
    QgsRectangle,
    QgsTask,
)
from qgis.gui import QgsMapLayerComboBox

from .form_dock import FormDock
from .vitals_chart import COLOURS, SeriesChart
from ..core.errors import SpmError
from ..core.vitals import evaluate, io, load_thresholds, prepare
from ..core.vitals.engine import level_names
from ..compat import LayerFilter

READINGS_FIELDS = ('sensor_id', 'time', 'metric', 'value')
SENSOR_FIELDS = ('sensor_id', 'kind', 'name')
LAYER_GUESSES = {'readings': ('vital_readings', 'readings'), 'sensors': ('sensors_existing', 'sensors')}
LEVEL_BRUSH = ('#9e9e9e',) + COLOURS


class _Form:
    """The dock's body, built in code (a Designer form would hold nothing more)."""

    def setupUi(self, body):  # noqa: N802
        layout = QVBoxLayout(body)
        form = QFormLayout()
        self.readingsCombo = QgsMapLayerComboBox(body)
        self.readingsCombo.setFilters(LayerFilter.VectorLayer)
        self.sensorsCombo = QgsMapLayerComboBox(body)
        self.sensorsCombo.setFilters(LayerFilter.PointLayer)
        self.readingsLabel, self.sensorsLabel = QLabel(body), QLabel(body)
        form.addRow(self.readingsLabel, self.readingsCombo)
        form.addRow(self.sensorsLabel, self.sensorsCombo)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.refreshButton = QPushButton(body)
        self.autoCheck = QCheckBox(body)
        self.intervalSpin = QSpinBox(body)
        self.intervalSpin.setRange(1, 3600)
        self.intervalSpin.setValue(60)
        for widget in (self.refreshButton, self.autoCheck, self.intervalSpin):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.statusLabel = QLabel(body)
        self.statusLabel.setWordWrap(True)
        layout.addWidget(self.statusLabel)
        self.warningsLabel = QLabel(body)
        layout.addWidget(self.warningsLabel)
        self.warningsTree = QTreeWidget(body)
        self.warningsTree.setRootIsDecorated(False)
        self.warningsTree.setMinimumHeight(120)
        layout.addWidget(self.warningsTree, 2)
        self.chart = SeriesChart(body)
        layout.addWidget(self.chart, 1)
        self.offlineLabel = QLabel(body)
        layout.addWidget(self.offlineLabel)
        self.offlineList = QListWidget(body)
        self.offlineList.setMaximumHeight(90)
        layout.addWidget(self.offlineList)


def evaluate_readings(source, raw_rows, sensors, thresholds):
    """Read (unless ``raw_rows`` is given), prepare and evaluate: what the task runs off the main thread."""
    raw = raw_rows if raw_rows is not None else io.read(source, READINGS_FIELDS)
    prepared = prepare(raw, sensors, thresholds)
    result = evaluate(prepared, thresholds, sensors['kind'].astype(str).to_numpy())
    return prepared, result


class VitalsDock(_Form, FormDock):
    """Active warnings, offline sensors, a sensor's readings; refreshes in a QgsTask."""

    PRODUCER = ('spm:vital_signs', QT_TRANSLATE_NOOP('spm', 'Open City vital signs (城市运行体征)…'))

    def __init__(self, iface, parent=None):
        super().__init__(iface, 'SpmVitalsDock', parent)
        self.task, self.result, self.prepared, self.sensors, self.thresholds = None, None, None, None, None
        self.pending = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self._retranslate()
        self.refreshButton.clicked.connect(self.refresh)
        self.autoCheck.toggled.connect(self._timer_changed)
        self.intervalSpin.valueChanged.connect(self._timer_changed)
        self.readingsCombo.layerChanged.connect(self._readings_changed)
        self.sensorsCombo.layerChanged.connect(self._update_empty_state)
        self.warningsTree.itemClicked.connect(self._warning_clicked)
        self.offlineList.itemClicked.connect(self._offline_clicked)
        self._guess_layers()

    def _retranslate(self):
        self.setWindowTitle(self.tr('City vital signs (城市运行体征)'))
        self.readingsLabel.setText(self.tr('Readings'))
        self.sensorsLabel.setText(self.tr('Sensors'))
        self.refreshButton.setText(self.tr('Refresh'))
        self.autoCheck.setText(self.tr('Auto, every (s)'))
        self.warningsLabel.setText(self.tr('Active warnings (worst first)'))
        self.offlineLabel.setText(self.tr('Offline sensors (失联)'))
        self.warningsTree.setHeaderLabels([self.tr('Level'), self.tr('Sensor'), self.tr('Value'),
                                           self.tr('Since')])
        self.chart.clear(self.tr('Click a warning to see its readings'))

    # ---- layers -------------------------------------------------------------------------------
    def _guess_layers(self):
        for key, combo in (('readings', self.readingsCombo), ('sensors', self.sensorsCombo)):
            for layer in QgsProject.instance().mapLayers().values():
                if layer.name() in LAYER_GUESSES[key]:
                    previous = combo.currentLayer()
                    combo.setLayer(layer)
                    if combo.currentLayer() is layer:
                        break
                    combo.setLayer(previous)
        self._readings_changed()

    def layers_changed(self):
        self._guess_layers()

    def _readings_changed(self, *args):
        layer = self.readingsCombo.currentLayer()
        is_database = layer is not None and layer.providerType() == 'postgres'
        self.autoCheck.setChecked(is_database)
        self._update_empty_state()

    def _update_empty_state(self, *args):
        missing = []
        readings, sensors = self.readingsCombo.currentLayer(), self.sensorsCombo.currentLayer()
        if readings is None:
            missing.append(self.tr('a readings table (sensor_id, time, metric, value; CSV, GeoPackage or '
                                   'PostgreSQL, e.g. sample/vital_readings.csv.gz)'))
        if sensors is None:
            missing.append(self.tr('the sensors (points with sensor_id, kind, name; e.g. sensors_existing)'))
        self.empty.set_message(self.tr('Add {what} to the project; or run City vital signs for the events '
                                       'and district table.').format(what=self.tr(' and ').join(missing))
                               if missing else '')
        self.refreshButton.setEnabled(not missing)
        return not missing

    def _timer_changed(self, *args):
        self.timer.stop()
        if self.autoCheck.isChecked():
            self.timer.start(self.intervalSpin.value() * 1000)

    # ---- refreshing (QgsTask) ---------------------------------------------------------------------
    def refresh(self):
        """Evaluate the readings again in a task; a refresh asked while one runs waits for it."""
        if not self._update_empty_state():
            return False
        if self.task is not None:
            self.pending = True
            return False
        from ..bridge import frames
        from ..provider.algorithms.vitals.common import readings_source
        try:
            self.thresholds = self.thresholds or load_thresholds()
            sensor_layer = self.sensorsCombo.currentLayer()
            missing = [f for f in SENSOR_FIELDS[:2] if sensor_layer.fields().indexOf(f) < 0]
            if missing:
                raise SpmError(self.tr('Sensors “{layer}” need the fields {fields}.').format(
                    layer=sensor_layer.name(), fields=', '.join(SENSOR_FIELDS)))
            fields = [f for f in SENSOR_FIELDS if sensor_layer.fields().indexOf(f) >= 0]
            self.sensors = frames.source_to_frame(sensor_layer, fields).rename(columns={'sensor_id': 'id'})
            layer = self.readingsCombo.currentLayer()
            source = readings_source(layer)
            raw = None
            if source is None:      # another provider: read through QGIS here, evaluate in the task
                frame = frames.source_to_frame(layer, list(READINGS_FIELDS), with_geometry=False)
                raw = pd.DataFrame({c: frame[f].to_numpy() for c, f in zip(io.COLUMNS, READINGS_FIELDS)})
        except SpmError as exc:
            self.statusLabel.setText(str(exc))
            return False
        self.statusLabel.setText(self.tr('Reading…'))
        sensors, thresholds = self.sensors, self.thresholds
        self.task = QgsTask.fromFunction(self.tr('City vital signs'),
                                         lambda task: evaluate_readings(source, raw, sensors, thresholds),
                                         on_finished=self._finished)
        QgsApplication.taskManager().addTask(self.task)
        return True

    def _finished(self, exception, value=None):
        self.task = None
        if exception is not None or value is None:
            self.statusLabel.setText(self.tr('Could not evaluate the readings: {error}').format(error=exception))
        else:
            try:
                self.prepared, self.result = value
                self._show()
            except Exception as exc:   # a slot must not raise (PyQt would abort QGIS)
                import traceback
                from qgis.core import Qgis, QgsMessageLog
                QgsMessageLog.logMessage(traceback.format_exc(), 'Spatial Planning Monitor', Qgis.MessageLevel.Critical)
                self.statusLabel.setText(self.tr('Could not show the result: {error}').format(error=exc))
        if self.pending:
            self.pending = False
            QTimer.singleShot(0, self.refresh)

    @property
    def busy(self):
        return self.task is not None

    # ---- showing ------------------------------------------------------------------------------
    def active_warnings(self):
        """Ongoing level events with their current level, worst first (then the earliest start)."""
        events = self.result.events
        events = events[(events['type'] == 'level') & events['ongoing']]
        events = events.assign(current=self.result.series['level'].to_numpy()[events['series'].to_numpy(int)].astype(int))
        return events.sort_values(['current', 'start'], ascending=[False, True], kind='stable')

    def offline_names(self):
        state = self.result.sensors
        return list(self._names()[state.index[state['offline']].to_numpy()])

    def _names(self):
        column = 'name' if 'name' in self.sensors.columns else 'id'
        return self.sensors[column].astype(str).to_numpy()

    def _show(self):
        names, levels = self._names(), level_names()
        self.warningsTree.clear()
        warnings = self.active_warnings()
        for event in warnings.itertuples():
            since = (self.result.time_to - event.start) / 3600.0
            unit = self.thresholds.unit(self.result.series.at[event.series, 'thr'])
            value = self.result.series.at[event.series, 'value']
            item = QTreeWidgetItem([levels[event.current], names[event.sensor],
                                    '{} {:g} {}'.format(event.metric, round(value, 2), unit),
                                    self.tr('{h:.1f} h').format(h=since)])
            item.setBackground(0, QBrush(QColor(LEVEL_BRUSH[event.current])))
            item.setData(0, Qt.ItemDataRole.UserRole, (int(event.sensor), int(event.series)))
            self.warningsTree.addTopLevelItem(item)
        self.offlineList.clear()
        for row in np.flatnonzero(self.result.sensors['offline'].to_numpy()):
            self.offlineList.addItem(names[row])
            self.offlineList.item(self.offlineList.count() - 1).setData(Qt.ItemDataRole.UserRole, int(row))
        for column in range(4):
            self.warningsTree.resizeColumnToContents(column)
        counts = self.prepared.counts
        note = ' '.join(self.prepared.notes[:2])
        self.statusLabel.setText(self.tr('{w} active warnings, {o} offline of {n} sensors; latest reading {t}. '
                                         '{note}').format(w=len(warnings), o=self.offlineList.count(),
                                                          n=len(self.sensors), note=note,
                                                          t=_local(self.result.time_to)) if counts['used'] else
                                 self.tr('No reading matches a sensor and a threshold. {note}').format(note=note))

    def _warning_clicked(self, item, column=0):
        sensor, series = item.data(0, Qt.ItemDataRole.UserRole)
        self.show_series(series)
        self.zoom_to(sensor)

    def _offline_clicked(self, item):
        self.zoom_to(item.data(Qt.ItemDataRole.UserRole))

    def show_series(self, series):
        """Draw the readings of ``series`` (one sensor, one metric) with its thresholds."""
        prepared = self.prepared
        mask = prepared.s == series
        info = self.result.series.loc[series]
        row = int(info['thr'])
        bounds = self.thresholds.levels[row] * self.thresholds.sign[row]
        self.chart.set_series('{} · {}'.format(self._names()[int(info['sensor'])], info['metric']),
                              prepared.t[mask], prepared.v[mask],
                              [b if np.isfinite(b) else np.nan for b in bounds], self.thresholds.unit(row))

    def zoom_to(self, sensor_row):
        layer = self.sensorsCombo.currentLayer()
        if layer is None or self.iface is None:
            return
        fid = int(self.sensors.index[sensor_row])
        feature = next(layer.getFeatures(QgsFeatureRequest(fid)), None)
        if feature is None or not feature.hasGeometry():
            return
        canvas = self.iface.mapCanvas()
        from qgis.core import QgsCoordinateTransform
        transform = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
        point = transform.transform(feature.geometry().asPoint())
        canvas.setExtent(QgsRectangle(point.x() - 500, point.y() - 500, point.x() + 500, point.y() + 500))
        canvas.refresh()
        layer.selectByIds([fid])

    def unload(self):
        self.timer.stop()
        self.disconnect_project()


def _local(seconds):
    return pd.to_datetime(seconds, unit='s').strftime('%Y-%m-%d %H:%M')
