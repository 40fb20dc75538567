"""Run inside the QGIS desktop by tests/desktop_shots.py (``qgis --code``): screenshots of first use.

Environment: SPM_SHOTS_DIR (where to save), SPM_SHOTS_LANG (file suffix), SPM_SAMPLE (putian.gpkg).
Each step runs from the event loop (QTimer), so QGIS has drawn the window before it is grabbed.
The report desktop_<lang>.json is written last; QGIS is then left with os._exit (no save prompt).
"""

import json
import os
import traceback

from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.utils import iface, plugins

FOLDER = os.environ['SPM_SHOTS_DIR']
LANG = os.environ['SPM_SHOTS_LANG']
SAMPLE = os.environ['SPM_SAMPLE']
# top to bottom in the Layers panel: risk points, district outlines, the plan in the shipped 用地用海
# colours, the current land use (unchecked: there for the dialog)
SAMPLE_LAYERS = (('risk_points', None), ('sensors_existing', None), ('districts', None),
                 ('landuse_plan', 'landuse_ydyh'), ('landuse_current', None))
report = {'language': LANG, 'errors': [], 'docks': {}}


def path(name):
    return os.path.join(FOLDER, f'{name}_{LANG}.png')


def settle(rounds=20):
    for _ in range(rounds):
        QApplication.processEvents()


def plugin():
    return plugins['spatial_planning_monitor']


def open_docks():
    """Open every dock from the plugin's menu actions (as a user does): tabified on the right."""
    main = iface.mainWindow()
    toolbox = main.findChild(QDockWidget, 'ProcessingToolbox')
    if toolbox is not None:
        toolbox.hide()              # the column is the plugin's (a user closes the Toolbox the same way)
    for action in plugin().actions:
        if action.objectName().startswith('spm_panel_'):
            action.trigger()
    settle()


def docks():
    return [p for p in plugin().panels.values() if isinstance(p, QDockWidget)]


def shoot_empty_states():
    """Each dock raised in turn on a project without layers, grabbed alone."""
    for dock in docks():
        dock.raise_()
        settle()
        name = type(dock).__name__
        empty = getattr(dock, 'empty', None)
        report['docks'][name] = {
            'title': dock.windowTitle(),
            'size': [dock.width(), dock.height()],
            'hint': [dock.sizeHint().width(), dock.sizeHint().height()],
            'minimum': [dock.minimumSizeHint().width(), dock.minimumSizeHint().height()],
            'area': int(iface.mainWindow().dockWidgetArea(dock)),
            'tabified_with': sorted(type(d).__name__ for d in iface.mainWindow().tabifiedDockWidgets(dock)),
            'empty_shown': bool(empty is not None and empty.isVisible()),
            'empty_text': _texts(empty),
        }
        assert dock.grab().save(path('dock_' + _short(name)))


def _texts(widget):
    from qgis.PyQt.QtWidgets import QLabel, QPushButton
    if widget is None:
        return ''
    return ' '.join(w.text() for w in widget.findChildren((QLabel, QPushButton)) if w.isVisibleTo(widget))


def _short(name):
    return {'IndicatorDock': 'indicators', 'SensorDock': 'sensors', 'CodeLookupDock': 'codes'}.get(name, name)


def load_sample():
    from qgis.core import QgsFillSymbol, QgsMarkerSymbol, QgsSingleSymbolRenderer
    from spatial_planning_monitor.layers import styling
    layers = {}
    for name, style in SAMPLE_LAYERS:
        layer = QgsVectorLayer(f'{SAMPLE}|layername={name}', name, 'ogr')
        if not layer.isValid():
            report['errors'].append(f'sample layer {name} did not load')
            continue
        styling.apply(layer, style)
        layers[name] = layer
    layers['districts'].setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {'style': 'no', 'outline_color': '#303030', 'outline_width': '0.6'})))
    for name, shape, colour in (('risk_points', 'circle', '#d7301f'), ('sensors_existing', 'triangle', '#2b5fd9')):
        layers[name].setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
            {'name': shape, 'color': colour, 'size': '1.6', 'outline_color': 'white', 'outline_width': '0.2'})))
    QgsProject.instance().addMapLayers(list(layers.values()))
    root = QgsProject.instance().layerTreeRoot()
    root.findLayer(layers['landuse_current'].id()).setItemVisibilityChecked(False)
    report['layers'] = {name: layer.id() for name, layer in layers.items()}
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(layers['districts'].crs())
    canvas.setExtent(layers['districts'].extent().buffered(layers['districts'].extent().width() * 0.02))
    canvas.refresh()


def shoot_main_window():
    main = iface.mainWindow()
    docks_ = {type(d).__name__: d for d in docks()}
    docks_['IndicatorDock'].raise_()
    canvas = iface.mapCanvas()
    canvas.waitWhileRendering()
    settle(40)
    report['main_window'] = [main.width(), main.height()]
    report['indicator_empty_after_sample'] = _texts(docks_['IndicatorDock'].empty)
    report['sensor_empty_after_sample'] = docks_['SensorDock'].empty.isVisible()
    assert main.grab().save(path('main_window'))


def shoot_dialog():
    import processing
    layers = report.get('layers', {})
    dialog = processing.createAlgorithmDialog('spm:plan_conformance', {
        'CURRENT': layers.get('landuse_current'), 'PLAN': layers.get('landuse_plan')})
    dialog.resize(1100, 700)
    dialog.show()
    settle(40)
    report['dialog_title'] = dialog.windowTitle()
    assert dialog.grab().save(path('algorithm_dialog'))
    dialog.close()


def step(functions):
    if not functions:
        with open(os.path.join(FOLDER, f'desktop_{LANG}.json'), 'w', encoding='utf-8') as handle:
            json.dump(report, handle, ensure_ascii=False, indent=1)
        os._exit(0)
    try:
        functions[0]()
    except Exception:               # noqa: BLE001 - reported to the test, which fails on it
        report['errors'].append(traceback.format_exc())
    QTimer.singleShot(300, lambda: step(functions[1:]))


def start():
    main = iface.mainWindow()
    main.move(0, 0)
    main.resize(1366, 768)          # the whole Xvfb screen (no window manager to maximise it)
    report['plugin_loaded'] = 'spatial_planning_monitor' in plugins
    report['provider'] = getattr(QgsApplication.processingRegistry().providerById('spm'), 'name', lambda: None)()
    if not report['plugin_loaded']:
        step([])
    step([open_docks, shoot_empty_states, load_sample, shoot_main_window, shoot_dialog])


QTimer.singleShot(2000, start)
