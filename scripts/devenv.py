"""Make this checkout importable as ``spatial_planning_monitor`` (for tests, benchmarks, generators).

The checkout is linked as build/plugins/spatial_planning_monitor, whatever its own folder is
called, and build/plugins goes on ``sys.path`` (scripts/env.sh does the same for the shell).
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = ROOT / 'build' / 'plugins'
PLUGIN_NAME = 'spatial_planning_monitor'


def link_plugin():
    """Link the checkout into build/plugins, put that on sys.path, set a headless environment."""
    PLUGINS.mkdir(parents=True, exist_ok=True)
    link = PLUGINS / PLUGIN_NAME
    if not (link.is_symlink() and link.resolve() == ROOT):
        if link.is_symlink() or link.exists():
            link.unlink()
        try:
            link.symlink_to(ROOT, target_is_directory=True)
        except FileExistsError:  # another process made it meanwhile
            pass
    if str(PLUGINS) not in sys.path:
        sys.path.insert(0, str(PLUGINS))
    os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')
    os.environ.setdefault('PROJ_DATA', '/usr/share/proj')  # a venv's prefix hides it from pyproj
    return PLUGINS
