"""`make package` builds a zip that installs into a clean QGIS profile and loads its provider."""

import os
import subprocess
import zipfile

from conftest import QGIS_PROCESS, ROOT


def test_package_installs_into_a_clean_profile(tmp_path):
    built = subprocess.run(['make', '-s', 'package'], cwd=ROOT, capture_output=True, text=True,
                           timeout=600)
    assert built.returncode == 0, built.stderr
    version = next(line.split('=', 1)[1] for line in (ROOT / 'metadata.txt').read_text().splitlines()
                   if line.startswith('version='))
    archive = ROOT / 'dist' / f'spatial_planning_monitor-{version}.zip'
    names = zipfile.ZipFile(archive).namelist()
    assert 'spatial_planning_monitor/metadata.txt' in names
    assert 'spatial_planning_monitor/i18n/spatial_planning_monitor_zh_CN.qm' in names
    assert not [n for n in names if '/tests/' in n or '__pycache__' in n or n.endswith('.pyc')]

    home = tmp_path / 'home'                 # a clean profile: a new HOME
    plugins = home / '.local/share/QGIS/QGIS3/profiles/default/python/plugins'
    plugins.mkdir(parents=True)
    zipfile.ZipFile(archive).extractall(plugins)
    env = dict(os.environ, HOME=str(home), QT_QPA_PLATFORM='offscreen')
    for name in ('QGIS_PLUGINPATH', 'QGIS_CUSTOM_CONFIG_PATH'):  # pytest-qgis sets the latter
        env.pop(name, None)
    enable = subprocess.run([QGIS_PROCESS, 'plugins', 'enable', 'spatial_planning_monitor'],
                            env=env, capture_output=True, text=True, timeout=300)
    assert enable.returncode == 0, (enable.stdout + enable.stderr, sorted(p.name for p in plugins.iterdir()))
    listing = subprocess.run([QGIS_PROCESS, 'list'], env=env, capture_output=True, text=True,
                             timeout=300)
    assert 'Spatial Planning Monitor' in listing.stdout
