"""The 城市运行体征 dock, driven through its widgets (offscreen): the sample city's storm, the empty
state, and live readings in PostgreSQL: new readings inserted while the dock refreshes on its timer
make a new warning appear."""

import os

import pandas as pd
import pytest

from conftest import wait_for

import vital_series as vs
from conftest import screenshot_path
from vital_layers import postgres_readings, write_city



@pytest.fixture
def make_dock(iface, qgis_new_project):
    docks = []

    def make():
        from spatial_planning_monitor.ui.vitals_dock import VitalsDock
        dock = VitalsDock(iface)
        dock.resize(380, 700)
        dock.show()
        docks.append(dock)
        return dock
    yield make
    for dock in docks:
        wait_for(lambda: not dock.busy)
        dock.unload()
        dock.deleteLater()


def refresh(dock):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest
    QTest.mouseClick(dock.refreshButton, Qt.MouseButton.LeftButton)
    wait_for(lambda: dock.result is not None and not dock.busy)


def test_empty_state_says_what_to_add(make_dock):
    dock = make_dock()
    assert not dock.empty.isHidden()
    assert 'readings table' in dock.empty.label.text() and 'sensors' in dock.empty.label.text()
    assert not dock.refreshButton.isEnabled()


def test_sample_storm(make_dock, sample_gpkg, sample_layer):
    from qgis.core import QgsProject, QgsVectorLayer
    readings = QgsVectorLayer(os.path.join(os.path.dirname(sample_gpkg), 'vital_readings.csv.gz'), 'vital_readings', 'ogr')
    QgsProject.instance().addMapLayers([readings, sample_layer('sensors_existing')])
    dock = make_dock()
    assert dock.empty.isHidden() and not dock.autoCheck.isChecked()    # a file: no timer
    refresh(dock)
    rows = [[dock.warningsTree.topLevelItem(i).text(c) for c in range(4)]
            for i in range(dock.warningsTree.topLevelItemCount())]
    assert rows and rows[0][0] == 'red' and rows[0][2].startswith('disp')   # the slope still moving
    levels = dock.active_warnings()['current'].tolist()
    assert levels == sorted(levels, reverse=True) and len(levels) == len(rows)
    assert dock.offlineList.count() == 2
    dock.warningsTree.itemClicked.emit(dock.warningsTree.topLevelItem(0), 0)
    assert len(dock.chart.t) > 100 and dock.chart.thresholds[3] == 50
    dock.grab().save(str(screenshot_path('vitals_dock.png')))


def test_new_readings_in_postgresql_raise_a_warning(make_dock, tmp_path, postgres):
    from qgis.core import QgsProject, QgsVectorLayer
    sensors_source, _, _, _ = write_city(tmp_path)
    frame = vs.readings()
    frame['time'] = pd.to_datetime(frame['time'])
    early = frame[frame['time'] < vs.START + 2 * vs.STEP]          # before anything rose
    source = postgres_readings(postgres, early, table='live')
    readings = QgsVectorLayer(source[len('postgres://'):], 'readings', 'postgres')
    assert readings.isValid()
    sensors = QgsVectorLayer(sensors_source, 'sensors', 'ogr')
    QgsProject.instance().addMapLayers([readings, sensors])
    dock = make_dock()
    assert dock.autoCheck.isChecked()              # a database table: refreshed on the timer
    dock.intervalSpin.setValue(1)
    wait_for(lambda: dock.result is not None)
    assert dock.warningsTree.topLevelItemCount() == 0
    later = frame[(frame['time'] >= vs.START + 2 * vs.STEP) & (frame['time'] <= vs.START + 6 * vs.STEP)]
    postgres.append(later, 'live')                 # the storm arrives while the dock watches
    wait_for(lambda: dock.warningsTree.topLevelItemCount() > 0, timeout=30)
    items = [dock.warningsTree.topLevelItem(i) for i in range(dock.warningsTree.topLevelItemCount())]
    assert [(i.text(0), i.text(1)) for i in items][0] == ('red', 'gauge-1')
    assert {i.text(1) for i in items} == {'gauge-1', 'gas-1', 'gauge-2'}
