"""With a dependency missing, the plugin still loads, says so once (message bar and log, with the
apt and OSGeo4W package names), and hides exactly the algorithms that need it; no traceback.

Each case runs in a fresh Python process (QGIS offscreen, its own settings folder) in which
``import <module>`` raises ImportError, as on a machine without the package.
"""

import json
import re
import subprocess
import sys
import textwrap

import pytest

from conftest import PLUGINS
from interface_language import compile_translations

SCRIPT = textwrap.dedent("""
    import json, sys
    for blocked in {blocked!r}:
        sys.modules[blocked] = None                 # import <blocked> -> ImportError
    sys.path.insert(0, {plugins!r})
    from qgis.core import Qgis, QgsApplication, QgsSettings
    app = QgsApplication([], False); app.initQgis()
    if {locale!r}:
        QgsSettings().setValue('locale/overrideFlag', True)
        QgsSettings().setValue('locale/userLocale', {locale!r})
        from spatial_planning_monitor import i18n
        i18n.qm_path = lambda language: {qm_folder!r} + '/spatial_planning_monitor_' + language + '.qm'

    log = []
    QgsApplication.messageLog().messageReceived.connect(
        lambda message, tag, level: log.append([tag, message]))

    class Bar:
        messages = []
        def pushMessage(self, *args): self.messages.append([str(a) for a in args])

    class Iface:
        bar = Bar()
        def messageBar(self): return self.bar
        def mainWindow(self): return None
        def addToolBar(self, name):
            from qgis.PyQt.QtWidgets import QToolBar
            return QToolBar(name)
        def addPluginToMenu(self, *a): pass
        def removePluginMenu(self, *a): pass
        def mapCanvas(self): return None
        def registerLocatorFilter(self, *a): pass
        def deregisterLocatorFilter(self, *a): pass

    from spatial_planning_monitor import classFactory
    plugin = classFactory(Iface())
    plugin.initGui()
    app.processEvents()
    provider = QgsApplication.processingRegistry().providerById('spm')
    startup_messages = len(Iface.bar.messages)
    from spatial_planning_monitor import ui
    unavailable = [module for module, *_ in ui.panels() + ui.commands()
                   if plugin._import_ui(module) is None]       # what a click on the menu does
    print('RESULT', json.dumps({{
        'unavailable_tools': unavailable,
        'tool_messages': Iface.bar.messages[startup_messages:],
        'provider': provider is not None,
        'algorithms': sorted(a.name() for a in provider.algorithms()) if provider else [],
        'messages': Iface.bar.messages[:startup_messages],
        'log': [entry for entry in log if entry[0] == 'Spatial Planning Monitor'],
    }}, ensure_ascii=False))
    plugin.unload()
""")


def _run(tmp_path, blocked, locale='', qm_folder=''):
    script = SCRIPT.format(blocked=list(blocked), plugins=str(PLUGINS), locale=locale,
                           qm_folder=str(qm_folder))
    env = {**__import__('os').environ, 'QGIS_CUSTOM_CONFIG_PATH': str(tmp_path / 'profile'),
           'QT_QPA_PLATFORM': 'offscreen'}
    done = subprocess.run([sys.executable, '-c', script], capture_output=True, text=True,
                          timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    assert 'Traceback' not in done.stderr, done.stderr[-3000:]
    line = next(line for line in done.stdout.splitlines() if line.startswith('RESULT '))
    return json.loads(line[len('RESULT '):])


def _requirements():
    """{algorithm name: REQUIRES} of every algorithm (all packages are installed here)."""
    from spatial_planning_monitor.provider.provider import algorithm_classes
    classes, problems = algorithm_classes()
    assert not problems, problems
    return {cls.NAME: set(cls.REQUIRES) for cls in classes}


@pytest.mark.parametrize('module, package', [
    ('geopandas', 'python3-geopandas'),
    ('scipy', 'python3-scipy'),
    ('rasterio', 'python3-rasterio'),
])
def test_a_missing_package_gives_one_message_and_hides_what_needs_it(tmp_path, qgis_app, module, package):
    requires = _requirements()
    needing = {name for name, modules in requires.items() if module in modules}
    assert needing, f'no algorithm declares {module} in REQUIRES'
    result = _run(tmp_path, [module])
    assert result['provider']
    shown = set(result['algorithms'])
    assert not shown & needing, shown & needing                  # hidden
    if module == 'geopandas':
        # everything built on GeoDataFrames goes; the message still comes once, no traceback
        assert shown <= {name for name, modules in requires.items() if 'geopandas' not in modules}
    else:
        assert shown == set(requires) - needing                  # and only those
    assert len(result['messages']) == 1, result['messages']
    text = result['messages'][0][1]
    assert f'{module}: not installed' in text
    assert f'sudo apt install {package}' in text and 'OSGeo4W' in text and package in text
    assert result['messages'][0][2] == str(1)                    # Qgis.Warning
    # the log says it too, and names each hidden algorithm
    logged = '\n'.join(message for _, message in result['log'])
    assert text in logged
    for name in needing:
        assert re.search(rf'Algorithm (\S+\.)?{name} is unavailable', logged), name  # name or module path


def test_the_message_follows_the_interface_language(tmp_path, qgis_app):
    result = _run(tmp_path, ['scipy'], locale='zh_CN', qm_folder=compile_translations(tmp_path / 'qm'))
    assert len(result['messages']) == 1
    text = result['messages'][0][1]
    assert '由于缺少 Python 包（scipy: 未安装），部分算法不可用。' in text, text
    assert 'sudo apt install python3-scipy' in text and 'OSGeo4W' in text
    assert 'plan_sensors' not in result['algorithms'] and 'plan_conformance' in result['algorithms']


def test_nothing_missing_gives_no_message(tmp_path, qgis_app):
    result = _run(tmp_path, [])
    assert result['messages'] == []
    assert set(result['algorithms']) == set(_requirements())


def test_a_tool_that_needs_a_missing_package_says_so_instead_of_a_traceback(tmp_path, qgis_app):
    result = _run(tmp_path, ['geopandas'])
    assert result['unavailable_tools'], 'some docks need geopandas'
    assert len(result['tool_messages']) == len(result['unavailable_tools'])
    assert all('python3-geopandas' in ' '.join(m) for m in result['tool_messages'])
