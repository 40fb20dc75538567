"""The README's screenshots of first use, taken in the real QGIS desktop under Xvfb (1366×768, a fresh
profile), in English and in Chinese (tests/desktop_shots.py): the main window with the sample city and
the plugin's docks opened from its menu, tabified on the right; each dock's empty state on a project
without layers; the Processing dialog of spm:plan_conformance with its help. `make screenshots` writes
them to docs/img, `make test` to build/screenshots.

The Chinese run shows what the .ts translates: strings added since the last `make translations` are
still English there until the translations are refreshed."""

import re

import pytest

from conftest import screenshot_path
from desktop_shots import SCREEN, take

CJK = re.compile(r'[\u3400-\u9fff]')
# each dock and the algorithm its empty state names (the sensor dock names the risk points it needs)
DOCKS = {'IndicatorDock': 'spm:indicators', 'SensorDock': 'risk_points', 'CodeLookupDock': 'spm:assign_building_codes',
         'VitalsDock': 'readings'}   # the vital-signs dock names the readings table it needs
RIGHT = 2       # Qt.RightDockWidgetArea


def _side_by_side(paths, target):
    """The docks' pictures in a row on grey, as one PNG."""
    from qgis.PyQt.QtGui import QColor, QImage, QPainter
    shots = [QImage(str(p)) for p in paths]
    image = QImage(sum(s.width() for s in shots) + 8 * (len(shots) - 1), max(s.height() for s in shots),
                   QImage.Format.Format_ARGB32)
    image.fill(QColor('#d0d0d0'))
    painter = QPainter(image)
    x = 0
    for shot in shots:
        painter.drawImage(x, 0, shot)
        x += shot.width() + 8
    painter.end()
    assert image.save(str(target))
    for path in paths:
        path.unlink()
    return image


@pytest.mark.parametrize('language', ['en', 'zh_CN'])
def test_first_use_in_the_qgis_desktop(qgis_app, language):
    from qgis.PyQt.QtGui import QImage
    folder = screenshot_path('main_window_en.png').parent
    report = take(language, folder)
    assert not report['errors'], report['errors']
    assert report['plugin_loaded']
    assert report['main_window'] == list(SCREEN)
    assert set(report['docks']) == set(DOCKS)
    for name, dock in report['docks'].items():
        # opened from the menu: on the right, one tab each, and it fits the screen's height
        assert dock['area'] == RIGHT, name
        assert set(dock['tabified_with']) == set(DOCKS) - {name}, name
        assert dock['size'][1] < SCREEN[1] - 150 and dock['hint'][1] < SCREEN[1] - 150, (name, dock)
        # the empty state says which algorithm makes the dock's input, and offers to open it
        assert dock['empty_shown'], name
        assert DOCKS[name] in dock['empty_text'], dock['empty_text']
        assert dock['empty_text'].endswith('…') or name == 'VitalsDock', dock['empty_text']
        if language == 'zh_CN':
            assert CJK.match(dock['title']), dock['title']
    # the sample city has risk points (the sensor dock is ready) but no indicator table yet
    assert not report['sensor_empty_after_sample']
    assert 'spm:indicators' in report['indicator_empty_after_sample']
    assert report['dialog_title'] == ('规划符合性分析' if language == 'zh_CN' else 'Plan Conformance (规划符合性分析)')
    main = QImage(str(folder / f'main_window_{language}.png'))
    assert (main.width(), main.height()) == SCREEN
    # the map is drawn: many colours in the canvas (the 用地用海 style), not a blank window
    colours = {main.pixelColor(x, y).name() for x in range(400, 1000, 15) for y in range(200, 700, 15)}
    assert len(colours) > 12, len(colours)
    docks = _side_by_side([folder / f'dock_{n}_{language}.png' for n in ('indicators', 'sensors', 'codes')],
                          folder / f'docks_first_use_{language}.png')
    assert docks.width() > 850
    dialog = QImage(str(folder / f'algorithm_dialog_{language}.png'))
    assert dialog.width() >= 1000
