"""Run part of a test in another interface language, as a user who set it in QGIS would.

``interface_locale('zh_CN', qm_folder)`` sets QGIS's locale override (QgsSettings
``locale/overrideFlag`` and ``locale/userLocale``, what *Settings ▸ Options ▸ General ▸ Override
system locale* writes), re-installs the plugin's translator with ``i18n.install()`` (which reads
that setting) and, on exit, restores the settings and the translator of the previous locale, so
the tests that follow see English again. ``compile_translations(folder)`` compiles the .ts with
lrelease into ``folder``: the tests use the .ts as it is now, not a stale .qm in i18n/.
"""

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / 'i18n' / 'spatial_planning_monitor_zh_CN.ts'
KEYS = ('locale/overrideFlag', 'locale/userLocale')


def compile_translations(folder):
    """Compile i18n/*_zh_CN.ts into ``folder`` (as `make transcompile` does into i18n/)."""
    lrelease = shutil.which('lrelease')
    assert lrelease, 'lrelease is missing: apt install qttools5-dev-tools'
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    qm = folder / 'spatial_planning_monitor_zh_CN.qm'
    done = subprocess.run([lrelease, '-silent', str(TS), '-qm', str(qm)], capture_output=True, text=True)
    assert done.returncode == 0 and qm.exists(), done.stdout + done.stderr
    return folder


@contextmanager
def interface_locale(locale, qm_folder, provider=None):
    """QGIS's interface locale set to ``locale`` inside the block (see the module docstring).

    With ``provider``, its algorithms are re-created on entry and exit, so their parameter
    labels (translated when an algorithm is initialised) follow the language.
    """
    from qgis.core import QgsSettings
    from spatial_planning_monitor import i18n
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in KEYS if settings.contains(key)}
    original_path = i18n.qm_path
    i18n.qm_path = lambda language: os.path.join(str(qm_folder), f'spatial_planning_monitor_{language}.qm')
    settings.setValue('locale/overrideFlag', True)
    settings.setValue('locale/userLocale', locale)
    try:
        installed = i18n.install()
        assert installed == locale.startswith('zh'), (locale, installed)
        if provider is not None:
            provider.refreshAlgorithms()
        yield
    finally:
        for key in KEYS:
            if key in saved:
                settings.setValue(key, saved[key])
            else:
                settings.remove(key)
        i18n.qm_path = original_path
        i18n.install()
        if provider is not None:
            provider.refreshAlgorithms()
