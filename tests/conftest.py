"""Shared test fixtures.

The checkout is imported as the package ``spatial_planning_monitor`` through the link
build/plugins/spatial_planning_monitor (whatever the checkout folder is called). QGIS is imported
lazily, inside fixtures, so core unit tests stay fast.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / 'scripts'))
from devenv import PLUGIN_NAME, PLUGINS, link_plugin  # noqa: E402
SAMPLE = ROOT / 'sample' / 'putian.gpkg'
QGIS_PROCESS = '/usr/bin/qgis_process.bin'

os.environ.setdefault('XDG_RUNTIME_DIR', f'/tmp/runtime-{os.getuid()}')
os.makedirs(os.environ['XDG_RUNTIME_DIR'], mode=0o700, exist_ok=True)


link_plugin()


# --- data ----------------------------------------------------------------------------------

@pytest.fixture(scope='session')
def sample_gpkg():
    """Path of the sample city GeoPackage (EPSG:4528)."""
    assert SAMPLE.exists(), f'{SAMPLE} is missing: run /usr/bin/python3 sample/make_sample.py'
    return str(SAMPLE)


@pytest.fixture
def sample_layer(qgis_app, sample_gpkg):
    """Open a layer of the sample city: ``sample_layer('districts')``."""
    from qgis.core import QgsVectorLayer

    def open_layer(name):
        layer = QgsVectorLayer(f'{sample_gpkg}|layername={name}', name, 'ogr')
        assert layer.isValid(), f'sample layer {name} does not open'
        return layer
    return open_layer


# --- QGIS Processing -----------------------------------------------------------------------

@pytest.fixture
def spm_provider(qgis_app, qgis_processing):
    """The plugin's provider, registered when no test has registered it yet.

    Looked up for each test (not cached): plugin tests remove and re-add the provider, and the
    registry deletes a provider it removes.
    """
    from qgis.core import QgsApplication
    from spatial_planning_monitor.provider.provider import SpmProvider
    registry = QgsApplication.processingRegistry()
    if registry.providerById('spm') is None:
        register_provider(SpmProvider())
    return registry.providerById('spm')


_PROVIDERS = []


def register_provider(provider):
    """Add a provider and keep its Python object alive (the registry holds only the C++ side)."""
    from qgis.core import QgsApplication
    _PROVIDERS.append(provider)
    QgsApplication.processingRegistry().addProvider(provider)
    return provider


@pytest.fixture
def registry_without_spm(qgis_processing):
    """The registry without the spm provider (a test's plugin adds its own), restored after."""
    from qgis.core import QgsApplication
    from spatial_planning_monitor.provider.provider import SpmProvider
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById('spm')
    if existing is not None:
        registry.removeProvider(existing)
    yield registry
    if registry.providerById('spm') is None:
        register_provider(SpmProvider())


@pytest.fixture
def run_alg(spm_provider):
    """Run an algorithm through the registry: ``run_alg('spm:x', {...})`` -> results dict.

    Temporary outputs come back as layers. Pass ``feedback=`` or ``context=`` to control them.
    """
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    def run(alg_id, params, feedback=None, context=None):
        if context is None:
            context = QgsProcessingContext()
            context.setProject(QgsProject.instance())
        return processing.run(alg_id, params, context=context,
                              feedback=feedback or QgsProcessingFeedback())
    return run


# --- qgis_process --------------------------------------------------------------------------

def qgis_process_env():
    env = dict(os.environ)
    env['QGIS_PLUGINPATH'] = str(PLUGINS)
    env['QT_QPA_PLATFORM'] = 'offscreen'
    return env


@pytest.fixture(scope='session')
def qgis_process():
    """Run /usr/bin/qgis_process.bin with the plugin enabled: ``qgis_process('run', 'spm:x', '--', 'A=1')``.

    Returns the CompletedProcess; with ``--json`` among the arguments, ``.json`` holds the
    parsed output.
    """
    link_plugin()
    env = qgis_process_env()
    subprocess.run([QGIS_PROCESS, 'plugins', 'enable', PLUGIN_NAME], env=env,
                   capture_output=True, text=True, timeout=300)

    def run(*args, timeout=600):
        done = subprocess.run([QGIS_PROCESS, *args], env=env, capture_output=True, text=True,
                              timeout=timeout)
        done.json = None
        if '--json' in args and done.stdout.strip():
            start = done.stdout.find('{')
            done.json = json.loads(done.stdout[start:]) if start >= 0 else None
        return done
    return run


# --- QGIS interface ------------------------------------------------------------------------

@pytest.fixture
def iface(qgis_iface, monkeypatch):
    """pytest-qgis's iface, completed with what plugins call on unload, and recording it.

    ``iface.spm_menus`` {menu: [actions]}, ``iface.spm_docks`` [docks] (also docked in the mock
    main window, so screenshots show them beside the canvas), ``iface.spm_locators`` [filters].
    """
    from qgis.PyQt.QtWidgets import QMainWindow

    menus, docks, locators = {}, [], []
    window = qgis_iface.mainWindow()

    def add_menu(name, action):
        menus.setdefault(name, []).append(action)

    def remove_menu(name, action):
        menus.get(name, []).remove(action)
        if name in menus and not menus[name]:
            del menus[name]

    def add_dock(area, dock):
        docks.append(dock)
        if isinstance(window, QMainWindow):
            window.addDockWidget(area, dock)

    def remove_dock(dock):
        docks.remove(dock)
        if isinstance(window, QMainWindow):
            window.removeDockWidget(dock)

    patches = {
        'addPluginToMenu': add_menu, 'removePluginMenu': remove_menu,
        'addDockWidget': add_dock, 'removeDockWidget': remove_dock,
        'registerLocatorFilter': locators.append, 'deregisterLocatorFilter': locators.remove,
        'showProcessingToolbox': lambda: None,
    }
    for name, function in patches.items():
        monkeypatch.setattr(qgis_iface, name, function, raising=False)
    monkeypatch.setattr(qgis_iface, 'spm_menus', menus, raising=False)
    monkeypatch.setattr(qgis_iface, 'spm_docks', docks, raising=False)
    monkeypatch.setattr(qgis_iface, 'spm_locators', locators, raising=False)
    return qgis_iface


@pytest.fixture(scope='session')
def postgres():
    """A PostgreSQL + PostGIS server of this test session (tests/pg_server.py), database ``city``."""
    from pg_server import PgServer
    server = PgServer().start()
    yield server
    server.stop()


def wait_for(condition, timeout=180.0):
    """Process Qt events until ``condition()`` holds (asserting it does within ``timeout`` s)."""
    import time
    from qgis.PyQt.QtCore import QCoreApplication
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, 'timed out'
        QCoreApplication.processEvents()
        time.sleep(0.02)


# --- leaving ---------------------------------------------------------------------------------

def pytest_sessionfinish(session, exitstatus):
    session.config.spm_exitstatus = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave with pytest's status without the interpreter's teardown.

    After exitQgis, Python deletes the remaining Qt/QGIS wrappers in arbitrary order, which can
    segfault (seen on 3.22 once several docks and providers have lived in one session) after
    every result is already reported. Nothing is left to run here, so skip that teardown.
    """
    if 'qgis.core' in sys.modules and hasattr(config, 'spm_exitstatus'):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(config.spm_exitstatus)


# --- screenshots -----------------------------------------------------------------------------

def screenshot_path(name):
    """Where a GUI test saves its screenshot: docs/img/<name> under `make screenshots`
    (SPM_SCREENSHOTS=1), otherwise build/screenshots/<name>, so `make test` leaves docs/ alone."""
    folder = ROOT / 'docs' / 'img' if os.environ.get('SPM_SCREENSHOTS') == '1' else ROOT / 'build' / 'screenshots'
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name
