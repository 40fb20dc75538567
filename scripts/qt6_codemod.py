#!/usr/bin/python3
"""Rewrite the plugin for QGIS 3.22 .. 4 (Qt5 and Qt6) in place; idempotent (a second run changes nothing).

    /usr/bin/python3 scripts/qt6_codemod.py            # rewrite every tracked .py file
    /usr/bin/python3 scripts/qt6_codemod.py --check    # list what it would change, exit 1 if anything
    /usr/bin/python3 scripts/qt6_codemod.py FILE ...   # only these files

What it rewrites (on the syntax tree, so strings and comments are left alone; formatting is kept):
- unscoped Qt and QGIS enums: ``Qt.AlignLeft`` -> ``Qt.AlignmentFlag.AlignLeft``,
  ``QSizePolicy.Expanding`` -> ``QSizePolicy.Policy.Expanding``, ``Qgis.Warning`` ->
  ``Qgis.MessageLevel.Warning``. The enum of each member is looked up in the PyQt5 / QGIS this runs
  on (``type(Qt.AlignLeft).__name__``), and the scoped spelling is checked to resolve there too;
- the QGIS names that moved between 3.22 and 4 (field types ``QVariant.Int``, ``QgsProcessing.TypeVector``,
  ``QgsWkbTypes.*``, ``QgsUnitTypes.*`` ...) -> the names of the plugin's ``compat`` module (its
  ``NAMES`` table, read without importing it), adding ``from ..compat import ...``;
- ``x.FlagOptional`` on a parameter instance -> ``ParameterFlag.Optional``;
- ``exec_`` -> ``exec`` (calls, and the ``'exec_'`` string given to monkeypatch.setattr);
- imports the rewrite left unused are dropped.
It needs the system python with PyQt5 and QGIS (it introspects them).
"""

import argparse
import ast
import importlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = 'spatial_planning_monitor'
# files that are not rewritten: the compat module holds the old names on purpose; these files hold
# them as data (the codemod itself and the tests that check for them)
SKIP = {'compat.py', 'scripts/qt6_codemod.py'}
SKIP_PREFIXES = ('tests/unit/test_qt6',)
OUTSIDE_PLUGIN = ('tests', 'benchmarks', 'scripts', 'sample', 'demo', 'docs')
QT_MODULES = ('qgis.PyQt.', 'PyQt5.')
QGIS_MODULES = ('qgis.core', 'qgis.gui', 'qgis.analysis')


def compat_names():
    """{'QVariant.Int': ('FieldType', 'Int'), ...} from compat.NAMES, read as data."""
    tree = ast.parse((ROOT / 'compat.py').read_text(encoding='utf-8'))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], 'id', None) == 'NAMES':
            table = ast.literal_eval(node.value)
            return {old: (name, member) for name, (_, members) in table.items()
                    for member, (_, old) in members.items()}
    raise SystemExit('compat.py has no NAMES table')


MOVED = compat_names()
# a parameter flag read from an instance (``definition.FlagOptional``)
INSTANCE_FLAGS = {old.split('.')[1]: new for old, new in MOVED.items()
                  if old.startswith('QgsProcessingParameterDefinition.')}


def _is_enum_member(value):
    """A member of a sip (PyQt5/QGIS) enum: its type's metaclass is sip.enumtype."""
    meta = type(type(value))
    return meta.__name__ == 'enumtype' and meta.__module__ == 'sip'


def scoped(module, cls_name, member):
    """'AlignmentFlag' when ``cls_name.member`` is an unscoped enum member, else None."""
    try:
        cls = getattr(importlib.import_module(module), cls_name)
        value = getattr(cls, member)
    except (ImportError, AttributeError):
        return None
    if isinstance(value, type) or not _is_enum_member(value):
        return None
    enum = type(value).__name__
    if getattr(getattr(cls, enum, None), member, None) is None:
        return None
    return enum


def real_module(module):
    """The PyQt5 module behind a qgis.PyQt one (qgis.PyQt.QtCore -> PyQt5.QtCore)."""
    return 'PyQt5.' + module.split('.')[-1] if module.startswith('qgis.PyQt.') else module


class Edits:
    """Text edits by (line, byte column) as the ast gives them, applied from the end."""

    def __init__(self, text):
        self.lines = text.splitlines(keepends=True)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))
        self.items = []

    def offset(self, line, col):
        text = self.lines[line - 1]
        return self.starts[line - 1] + len(text.encode('utf-8')[:col].decode('utf-8'))

    def replace(self, node, text, kind):
        start = self.offset(node.lineno, node.col_offset)
        end = self.offset(node.end_lineno, node.end_col_offset)
        self.items.append((start, end, text, kind))

    def insert(self, pos, text, kind):
        self.items.append((pos, pos, text, kind))

    def apply(self, text):
        for start, end, new, _ in sorted(self.items, key=lambda e: (e[0], e[1]), reverse=True):
            text = text[:start] + new + text[end:]
        return text


def imported_names(tree):
    """{local name: (module, name)} for every ``from <qt/qgis module> import ...`` in the file."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and (
                node.module.startswith(QT_MODULES) or node.module in QGIS_MODULES):
            for alias in node.names:
                names[alias.asname or alias.name] = (node.module, alias.name)
    return names


SCOPES = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)


def parents(tree):
    found = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            found[child] = node
    return found


def scope_chain(node, parent):
    """The function scopes around ``node``, innermost first, ending with the module."""
    chain = []
    while node in parent:
        node = parent[node]
        if isinstance(node, SCOPES):
            chain.append(node)
    return chain


def is_script(tree):
    """A file run as a script (``if __name__ == '__main__':``) imports the plugin absolutely."""
    return any(isinstance(n, ast.If) and '__name__' in ast.dump(n.test) for n in tree.body)


def compat_module(path, tree):
    parts = Path(path).parts
    if parts[0] in OUTSIDE_PLUGIN or is_script(tree):
        return f'{PACKAGE}.compat'
    return '.' * len(parts) + 'compat'


def rewrite(path, text, counts):
    tree = ast.parse(text)
    names = imported_names(tree)
    parent = parents(tree)
    binders = {}  # (scope, name) -> the first import binding it there
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            scope = scope_chain(node, parent)[0]
            for alias in node.names:
                key = (scope, alias.asname or alias.name)
                if key not in binders or node.lineno < binders[key].lineno:
                    binders[key] = node
    edits = Edits(text)
    needed = {}  # scope -> [compat names, the imports binding the old classes there]

    def need(node, base, name):
        chain = scope_chain(node, parent)
        scope = next((s for s in chain if (s, base) in binders), tree)
        names_, anchors = needed.setdefault(scope, [set(), []])
        names_.add(name)
        if (scope, base) in binders:
            anchors.append(binders[(scope, base)])

    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            base, attr = node.value.id, node.attr
            if base in names:
                module, cls = names[base]
                moved = MOVED.get(f'{cls}.{attr}')
                if moved:
                    edits.replace(node, '.'.join(moved), 'compat: ' + cls)
                    need(node, base, moved[0])
                    continue
                enum = scoped(real_module(module), cls, attr)
                if enum:
                    kind = 'Qt enum scoped' if module.startswith(QT_MODULES) else 'QGIS enum scoped'
                    edits.replace(node, f'{base}.{enum}.{attr}', kind)
                    continue
            if attr in INSTANCE_FLAGS and base not in names:
                edits.replace(node, '.'.join(INSTANCE_FLAGS[attr]), 'compat: parameter flag on an instance')
                need(node, None, INSTANCE_FLAGS[attr][0])
        if isinstance(node, ast.Attribute) and node.attr == 'exec_':
            end = edits.offset(node.end_lineno, node.end_col_offset)
            edits.items.append((end - len('exec_'), end, 'exec', 'exec_() -> exec()'))
        if isinstance(node, ast.Constant) and node.value == 'exec_':
            edits.replace(node, repr('exec'), "'exec_' -> 'exec'")
    module = compat_module(path, tree)
    for scope, (wanted, anchors) in needed.items():
        anchor = min(anchors, key=lambda n: (n.lineno, n.col_offset)) if anchors else tree
        add_compat_import(module, tree, parent, text, edits, wanted, anchor)
    if not edits.items:
        return text
    for *_, kind in edits.items:
        counts[kind] = counts.get(kind, 0) + 1
    new = edits.apply(text)
    return drop_unused_imports(text, new, counts)


def add_compat_import(module, tree, parent, text, edits, needed, anchor):
    """Import ``needed`` from compat in the scope of ``anchor`` (merged into an import already there)."""
    level = len(module) - len(module.lstrip('.'))
    target = module.lstrip('.')
    scope = tree if anchor is tree else scope_chain(anchor, parent)[0]
    for node in ast.walk(scope):
        if (isinstance(node, ast.ImportFrom) and node.module == target and node.level == level
                and scope_chain(node, parent)[0] is scope):
            have = {a.name for a in node.names}
            if not needed <= have:
                new = import_text(module, sorted(have | needed), ' ' * node.col_offset,
                                  vertical=node.end_lineno > node.lineno)
                edits.replace(node, new.lstrip(), 'compat import')
            return
    if anchor is tree:  # no import binds it (an instance flag): after the module's imports
        anchor = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))][-1]
    body = next(v for v in vars(parent[anchor]).values() if isinstance(v, list) and anchor in v)
    i = body.index(anchor)
    while i + 1 < len(body) and isinstance(body[i + 1], (ast.Import, ast.ImportFrom)):
        i += 1
    anchor = body[i]
    pos = edits.offset(anchor.end_lineno + 1, 0) if anchor.end_lineno < len(edits.lines) else len(text)
    edits.insert(pos, import_text(module, sorted(needed), ' ' * anchor.col_offset) + '\n', 'compat import')


def import_text(module, names, indent, vertical=False):
    """``from module import a, b`` on one line, or one name a line when asked or too long."""
    line = f'{indent}from {module} import {", ".join(names)}'
    if len(line) <= 110 and not vertical:
        return line
    return f'{indent}from {module} import (\n' + ''.join(f'{indent}    {n},\n' for n in names) + f'{indent})'


def _loads(tree):
    used = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            used[node.id] = used.get(node.id, 0) + 1
    return used


def drop_unused_imports(old, new, counts):
    """Remove the names of ``from X import ...`` that were used before the rewrite and are not now."""
    before, tree = _loads(ast.parse(old)), ast.parse(new)
    after = _loads(tree)
    exported = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], 'id', None) == '__all__':
            exported = {getattr(e, 'value', None) for e in getattr(node.value, 'elts', [])}
    edits = Edits(new)
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or node.module == '__future__':
            continue
        gone = [a for a in node.names if before.get(a.asname or a.name) and not after.get(a.asname or a.name)
                and (a.asname or a.name) not in exported]
        if not gone:
            continue
        keep = [a for a in node.names if a not in gone]
        counts['unused import dropped'] = counts.get('unused import dropped', 0) + len(gone)
        indent = ' ' * node.col_offset
        if keep:
            names = [a.name if not a.asname else f'{a.name} as {a.asname}' for a in keep]
            module = '.' * node.level + (node.module or '')
            text = import_text(module, names, indent, vertical=node.end_lineno > node.lineno and len(names) > 1)
            edits.replace(node, text.lstrip(), 'unused import dropped')
        else:  # the whole statement (and its line)
            start = edits.offset(node.lineno, 0)
            end = edits.offset(node.end_lineno + 1, 0) if node.end_lineno < len(edits.lines) else len(new)
            edits.items.append((start, end, '', 'unused import dropped'))
    return edits.apply(new)


def tracked_files():
    listed = subprocess.run(['git', 'ls-files', '*.py'], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout.split()
    return [p for p in listed if p not in SKIP and not p.startswith(SKIP_PREFIXES)]


def run(paths, write=True):
    """{path: {kind: count}} of the files that change."""
    changed = {}
    for path in paths:
        file = ROOT / path
        text = file.read_text(encoding='utf-8')
        counts = {}
        new = rewrite(path, text, counts)
        if new != text:
            ast.parse(new)  # never write a file that does not parse
            changed[path] = counts
            if write:
                file.write_text(new, encoding='utf-8')
    return changed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--check', action='store_true', help='change nothing; exit 1 if a file would change')
    parser.add_argument('paths', nargs='*', help='files relative to the plugin root (default: all tracked)')
    args = parser.parse_args(argv)
    paths = [str(Path(p).resolve().relative_to(ROOT)) for p in args.paths] or tracked_files()
    changed = run(paths, write=not args.check)
    totals = {}
    for path, counts in sorted(changed.items()):
        print(f'{path}: ' + ', '.join(f'{k} {v}' for k, v in sorted(counts.items())))
        for kind, count in counts.items():
            totals[kind] = totals.get(kind, 0) + count
    print(f'{len(changed)} file(s) {"to change" if args.check else "changed"}'
          + ''.join(f'\n  {k}: {v}' for k, v in sorted(totals.items())))
    return 1 if args.check and changed else 0


if __name__ == '__main__':
    sys.exit(main())
