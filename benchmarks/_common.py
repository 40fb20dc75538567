"""Shared by the benchmark scripts: import the plugin from the checkout, time things, save results."""

import json
import os
import platform
import resource
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / 'benchmarks' / 'results'
WORK = ROOT / 'benchmarks' / 'work'


def import_plugin():
    """Make ``spatial_planning_monitor`` importable (link in build/plugins) and return its root."""
    sys.path.insert(0, str(ROOT / 'scripts'))
    from devenv import link_plugin
    link_plugin()
    return ROOT


def qgis_app():
    """A headless QgsApplication with Processing initialised."""
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append('/usr/share/qgis/python/plugins')
    from processing.core.Processing import Processing
    Processing.initialize()
    return app


@contextmanager
def timer(results, key):
    """Record the wall time of the block in ``results[key]`` (seconds)."""
    start = time.perf_counter()
    yield
    results[key] = round(time.perf_counter() - start, 3)


def peak_rss_gib():
    """Peak resident memory of this process so far, GiB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2, 3)


def save(topic, results):
    """Write benchmarks/results/<topic>.json with the machine's description, and print it."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    results = dict(results, machine=f'{platform.machine()} {os.cpu_count()} cores, {platform.python_version()}')
    (RESULTS / f'{topic}.json').write_text(json.dumps(results, indent=2, ensure_ascii=False) + '\n')
    print(json.dumps(results, indent=2, ensure_ascii=False))
    return results
