"""Every Qt class, enum and member the plugin spells out exists under that spelling in PyQt5 (the
system's, QGIS 3.x) and in PyQt6 (QGIS 4), and every enum in the .ui files resolves in PyQt6's uic.

The names are collected from the syntax tree of every tracked .py file (plugin, tests, scripts):
each chain starting at a name imported from ``qgis.PyQt.*`` / ``PyQt5.*`` (``Qt.AlignmentFlag.AlignLeft``,
``QSizePolicy.Policy.Expanding``, ``QFontDatabase.addApplicationFont``). PyQt6 comes from PyPI in
build/pyqt6-venv (scripts/setup.sh), a venv of its own that only this test's subprocess uses: it
imports PyQt6's modules (QtGui/QtWidgets too, offscreen) and says which names exist.
"""

import ast
import json
import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYQT6 = ROOT / 'build' / 'pyqt6-venv' / 'bin' / 'python'
QT_PREFIXES = ('qgis.PyQt.', 'PyQt5.')
# qgis.PyQt keeps these importable from QtWidgets on Qt6 builds (qgis/QGIS#55658, #57467, in 3.34+);
# QtWidgets is also where PyQt5 (QGIS 3.22) has them, so that is the spelling that works on both.
QGIS_SHIMS = {('QtWidgets', 'QAction'): ('QtGui', 'QAction'),
              ('QtWidgets', 'QActionGroup'): ('QtGui', 'QActionGroup'),
              ('QtWidgets', 'QShortcut'): ('QtGui', 'QShortcut')}
# modules qgis.PyQt provides itself rather than re-exporting PyQt's
SKIP_MODULES = {'uic', 'sip'}

CHILD = r'''
import importlib, json, sys
found = {}
for spec in json.load(sys.stdin):
    module, *chain = spec.split('.')
    try:
        value = importlib.import_module(PREFIX + module)
        for part in chain:
            value = getattr(value, part)
        found[spec] = True
    except (ImportError, AttributeError):
        found[spec] = False
json.dump(found, sys.stdout)
'''

UI_CHILD = r'''
import json, sys
from PyQt6 import QtCore, QtGui, QtWidgets
from PyQt6.uic.enum_map import EnumMap
found = {}
for cpp in json.load(sys.stdin):
    name = EnumMap.get(cpp if '::' in cpp else 'Qt::' + cpp, cpp)
    head, *rest = name.split('::')
    value = QtCore.Qt if head == 'Qt' else getattr(QtWidgets, head, None) or getattr(QtGui, head, None)
    try:
        for part in rest:
            value = getattr(value, part)
        found[cpp] = value is not None
    except AttributeError:
        found[cpp] = False
json.dump(found, sys.stdout)
'''


def _chain(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    return (node.id, *reversed(parts)) if isinstance(node, ast.Name) else None


def qt_names_used():
    """{'QtCore.Qt.AlignmentFlag.AlignLeft': ['ui/chart.py', ...]} for every tracked .py file."""
    used = {}
    files = subprocess.run(['git', 'ls-files', '*.py'], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    for path in files:
        tree = ast.parse((ROOT / path).read_text(encoding='utf-8'))
        imported = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(QT_PREFIXES):
                module = node.module.split('.')[-1]
                if module in SKIP_MODULES:
                    continue
                for alias in node.names:
                    imported[alias.asname or alias.name] = (module, alias.name)
                    used.setdefault(f'{module}.{alias.name}', []).append(path)
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute) or isinstance(parents.get(node), ast.Attribute):
                continue  # only the longest chain
            chain = _chain(node)
            if chain and chain[0] in imported:
                module, name = imported[chain[0]]
                used.setdefault('.'.join((module, name, *chain[1:])), []).append(path)
    return used


def ui_enums():
    found = {}
    for path in sorted(ROOT.glob('ui/*.ui')):
        for value in re.findall(r'<(?:enum|set)>([^<]+)</', path.read_text(encoding='utf-8')):
            for cpp in value.split('|'):
                found.setdefault(cpp.strip(), []).append(str(path.relative_to(ROOT)))
    return found


def _ask(python, prefix, names, env=None):
    done = subprocess.run([str(python), '-c', f'PREFIX = {prefix!r}\n' + CHILD], input=json.dumps(sorted(names)),
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _qt6_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith(('PYTHON', 'QGIS'))}
    env['QT_QPA_PLATFORM'] = 'offscreen'
    return env


@pytest.fixture(scope='module')
def used():
    names = qt_names_used()
    assert len(names) > 80, 'the scan found too few Qt names to be looking at the plugin'
    assert 'QtCore.Qt.AlignmentFlag.AlignLeft' in names
    return names


def test_every_qt_name_exists_in_pyqt5(used):
    found = _ask('/usr/bin/python3', 'PyQt5.', used)
    missing = {name: used[name][:3] for name, ok in found.items() if not ok}
    assert not missing, f'not in PyQt5: {missing}'


def test_every_qt_name_exists_in_pyqt6(used):
    assert PYQT6.exists(), 'run `make setup` (scripts/setup.sh makes build/pyqt6-venv with PyQt6)'
    spelled = {}
    for name in used:
        module, cls, *rest = name.split('.')
        module, cls = QGIS_SHIMS.get((module, cls), (module, cls))
        spelled['.'.join((module, cls, *rest))] = name
    found = _ask(PYQT6, 'PyQt6.', spelled, env=_qt6_env())
    missing = {spelled[name]: used[spelled[name]][:3] for name, ok in found.items() if not ok}
    assert not missing, f'not in PyQt6 under this spelling: {missing}'


def test_the_check_catches_an_unscoped_enum():
    found = _ask(PYQT6, 'PyQt6.', ['QtCore.Qt.AlignLeft', 'QtCore.Qt.AlignmentFlag.AlignLeft',
                                   'QtWidgets.QSizePolicy.Expanding', 'QtWidgets.QAction'], env=_qt6_env())
    assert found == {'QtCore.Qt.AlignLeft': False, 'QtCore.Qt.AlignmentFlag.AlignLeft': True,
                     'QtWidgets.QSizePolicy.Expanding': False, 'QtWidgets.QAction': False}


def test_ui_file_enums_resolve_in_pyqt6_uic():
    enums = ui_enums()
    assert 'Qt::Horizontal' in enums
    done = subprocess.run([str(PYQT6), '-c', UI_CHILD], input=json.dumps(sorted(enums)), capture_output=True,
                          text=True, timeout=300, env=_qt6_env())
    assert done.returncode == 0, done.stderr
    missing = {cpp: enums[cpp] for cpp, ok in json.loads(done.stdout).items() if not ok}
    assert not missing, f'.ui enums PyQt6 uic cannot resolve: {missing}'
