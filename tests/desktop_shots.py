"""README screenshots taken in the real QGIS desktop (Xvfb), as a new user sees the plugin.

``take(language, folder)`` starts ``qgis`` under ``xvfb-run`` with a fresh profile (interface language
``en_US`` or ``zh_CN``, the plugin enabled, QGIS_PLUGINPATH from scripts/env.sh) and runs
``desktop_shots_script.py`` in it (``qgis --code``). The script saves, in ``folder``:

- ``main_window_<lang>.png``: QGIS's main window with the sample city and the plugin's docks opened from
  its menu (tabified on the right, the indicator dock in front);
- ``dock_<name>_<lang>.png``: each dock's empty state (a project without layers);
- ``algorithm_dialog_<lang>.png``: the Processing dialog of spm:plan_conformance with its help;
- ``desktop_<lang>.json``: what the script saw (dock titles, sizes, empty-state texts, errors),
  read and removed by ``take``, which returns it.

The Chinese run needs the compiled translation (i18n/*.qm, `make transcompile`).
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(__file__).resolve().parent / 'desktop_shots_script.py'
SCREEN = (1366, 768)
LOCALES = {'en': 'en_US', 'zh_CN': 'zh-Hans'}      # QGIS's own name for Simplified Chinese


def _profile(folder, language):
    """A fresh QGIS profile: interface locale set, the plugin enabled, no tips or news."""
    ini = folder / 'profiles' / 'spm' / 'QGIS' / 'QGIS3.ini'
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text('\n'.join([
        '[locale]', 'overrideFlag=true', f'userLocale={LOCALES[language]}', 'globalLocale=',
        '[PythonPlugins]', 'spatial_planning_monitor=true', 'processing=true',
        '[qgis]', 'showTips322=false', 'checkVersion=false', 'allowVersionCheck=false',
        'newProjectDefault=false', 'projOpenAtLaunch=0', 'askToSaveProjectChanges=false',
        '[core]', 'NewsFeed\\httpsfeedqgisorg\\disabled=true', '']), encoding='utf-8')
    return folder


def take(language, folder, timeout=240):
    """Run QGIS once in ``language`` and return the script's report (a dict); images in ``folder``."""
    xvfb, qgis = shutil.which('xvfb-run'), shutil.which('qgis')
    assert xvfb and qgis, 'xvfb-run and qgis are needed (apt install xvfb qgis)'
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    profiles = _profile(folder / f'.profile_{language}', language)
    env = dict(os.environ)
    env.pop('QT_QPA_PLATFORM', None)             # a real X display (Xvfb), not offscreen
    plugins = ROOT / 'build' / 'plugins'
    plugins.mkdir(parents=True, exist_ok=True)
    link = plugins / 'spatial_planning_monitor'
    if not link.exists():
        link.symlink_to(ROOT)
    env.update({'QGIS_PLUGINPATH': str(plugins), 'SPM_SHOTS_DIR': str(folder), 'SPM_SHOTS_LANG': language,
                'SPM_SAMPLE': str(ROOT / 'sample' / 'putian.gpkg'), 'LANG': 'C.UTF-8'})
    report = folder / f'desktop_{language}.json'
    if report.exists():
        report.unlink()
    command = [xvfb, '-a', '-s', '-screen 0 {}x{}x24'.format(*SCREEN), qgis, '--profiles-path', str(profiles),
               '--profile', 'spm', '--nologo', '--lang', LOCALES[language], '--code', str(SCRIPT)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    assert report.exists(), f'QGIS ended ({done.returncode}) without a report:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}'
    shutil.rmtree(profiles, ignore_errors=True)
    result = json.loads(report.read_text(encoding='utf-8'))
    report.unlink()
    return result
