"""README screenshots of first use (make screenshots writes them to docs/img): each dock's empty state
and an algorithm dialog with its help, in English."""

import pytest

from conftest import screenshot_path


@pytest.fixture
def dialog_iface(iface, qgis_processing, monkeypatch):
    from qgis.gui import QgsBrowserGuiModel
    model = QgsBrowserGuiModel()
    monkeypatch.setattr(iface, 'browserModel', lambda: model, raising=False)
    return iface


def test_empty_states_side_by_side(iface, qgis_new_project, spm_provider):
    from qgis.PyQt.QtGui import QColor, QImage, QPainter
    from spatial_planning_monitor.ui.code_lookup import CodeLookupDock
    from spatial_planning_monitor.ui.indicator_dock import IndicatorDock
    from spatial_planning_monitor.ui.sensor_dock import SensorDock
    docks = [cls(iface) for cls in (IndicatorDock, SensorDock, CodeLookupDock)]
    try:
        shots = []
        for dock in docks:
            dock.setFloating(True)
            dock.resize(360, 560)
            dock.show()
            assert not dock.empty.isHidden()
            shots.append(dock.grab())
        image = QImage(sum(s.width() for s in shots) + 8 * len(shots), max(s.height() for s in shots),
                       QImage.Format_ARGB32)
        image.fill(QColor('#d0d0d0'))
        painter = QPainter(image)
        x = 0
        for shot in shots:
            painter.drawPixmap(x, 0, shot)
            x += shot.width() + 8
        painter.end()
        path = screenshot_path('docks_first_use.png')
        assert image.save(str(path))
    finally:
        for dock in docks:
            dock.unload()
            dock.deleteLater()


def test_algorithm_dialog_with_its_help(dialog_iface, qgis_new_project, spm_provider):
    import processing
    dialog = processing.createAlgorithmDialog('spm:plan_conformance', {})
    dialog.resize(1000, 640)
    dialog.show()
    html = dialog.findChild(type(dialog.textShortHelp), 'textShortHelp').toHtml() \
        if hasattr(dialog, 'textShortHelp') else ''
    path = screenshot_path('algorithm_dialog.png')
    assert dialog.grab().save(str(path))
    dialog.close()
    assert html == '' or 'qgis_process run spm:plan_conformance' in html
