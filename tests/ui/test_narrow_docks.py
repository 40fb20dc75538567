"""A dock about 300–360 px wide (QGIS's right column on a small screen) never scrolls sideways: its
button rows stack into columns and the sensor dock's 4-column grid becomes 2 columns; wider again,
they go back side by side (issue 14)."""

import pytest

DOCKS = [('indicator_dock', 'IndicatorDock'), ('sensor_dock', 'SensorDock'), ('code_lookup', 'CodeLookupDock')]
SAMPLE = ('districts', 'landuse_current', 'roads', 'risk_points', 'sensors_existing', 'townships')


def _dock(iface, module, name):
    import importlib
    dock = getattr(importlib.import_module(f'spatial_planning_monitor.ui.{module}'), name)(iface)
    dock.setFloating(True)
    dock.show()
    return dock


def _sideways(dock, width):
    from qgis.PyQt.QtWidgets import QApplication
    dock.resize(width, 560)
    for _ in range(5):
        QApplication.processEvents()
    return dock.scroll.horizontalScrollBar().maximum()


@pytest.mark.parametrize('width', [300, 360])
@pytest.mark.parametrize('module, name', DOCKS)
def test_no_sideways_scrolling_when_narrow(iface, qgis_new_project, sample_layer, module, name, width):
    from qgis.core import QgsProject
    QgsProject.instance().addMapLayers([sample_layer(n) for n in SAMPLE])
    dock = _dock(iface, module, name)
    try:
        if module == 'indicator_dock':
            dock.sourcesToggle.setChecked(True)
        assert _sideways(dock, width) == 0, (name, width, dock.body.minimumSizeHint())
    finally:
        dock.unload()
        dock.deleteLater()


def test_rows_stack_when_narrow_and_return_when_wide(iface, qgis_new_project):
    from qgis.PyQt.QtWidgets import QBoxLayout
    dock = _dock(iface, 'sensor_dock', 'SensorDock')
    try:
        grid = dock.modelGrid
        _sideways(dock, 300)
        assert dock.runLayout.direction() == QBoxLayout.Direction.TopToBottom
        # Distance | Radius on one row becomes Distance, then Radius below it
        distance, radius = (grid.getItemPosition(grid.indexOf(w)) for w in (dock.distanceCombo, dock.radiusSpin))
        assert distance[:2] == (0, 1) and radius[:2] == (1, 1)
        assert _sideways(dock, 700) == 0
        assert dock.runLayout.direction() == QBoxLayout.Direction.LeftToRight
        distance, radius = (grid.getItemPosition(grid.indexOf(w)) for w in (dock.distanceCombo, dock.radiusSpin))
        assert distance[:2] == (0, 1) and radius[:2] == (0, 3)
    finally:
        dock.unload()
        dock.deleteLater()
