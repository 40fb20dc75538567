"""core/ must import in a Python where QGIS and Qt are unavailable."""

import subprocess
import sys
import textwrap

from conftest import PLUGINS, ROOT


def test_every_core_module_imports_with_qgis_blocked():
    script = textwrap.dedent(f"""
        import importlib, pkgutil, sys
        for blocked in ('qgis', 'PyQt5', 'qgis.core', 'qgis.PyQt', 'sip'):
            sys.modules[blocked] = None          # any import of them raises ImportError
        sys.path.insert(0, {str(PLUGINS)!r})
        import spatial_planning_monitor.core as core
        names = [m.name for m in pkgutil.walk_packages(core.__path__, core.__name__ + '.')]
        for name in names:
            importlib.import_module(name)
        assert not any(k.startswith(('qgis', 'PyQt5')) and sys.modules[k] is not None
                       for k in sys.modules)
        print(len(names))
    """)
    done = subprocess.run([sys.executable, '-c', script], capture_output=True, text=True, cwd='/')
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) >= 4  # i18n, errors, data, deps at least


def test_repository_root_is_the_plugin_folder():
    assert (ROOT / 'metadata.txt').exists() and (ROOT / '__init__.py').exists()
    assert (PLUGINS / 'spatial_planning_monitor').resolve() == ROOT
