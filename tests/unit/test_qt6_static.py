"""Nothing Qt6 / QGIS 4 lacks comes back: no unscoped Qt or QGIS enum, no ``QVariant`` field type
outside compat.py, no ``exec_``, no compiled resource module; the metadata offers the plugin to QGIS 4.

The enum check is scripts/qt6_codemod.py in --check mode (it finds unscoped members by introspecting
PyQt5 and QGIS 3.22); the others read the syntax tree directly. On a failure, run
``/usr/bin/python3 scripts/qt6_codemod.py`` and commit what it changed.
"""

import ast
import configparser
import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CODEMOD = ROOT / 'scripts' / 'qt6_codemod.py'
FIELD_TYPES = {'Bool', 'Int', 'UInt', 'LongLong', 'ULongLong', 'Double', 'String', 'Date', 'DateTime', 'Time',
               'ByteArray', 'StringList', 'List', 'Map', 'Invalid'}


def _sources():
    files = subprocess.run(['git', 'ls-files', '*.py'], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    return {p: ast.parse((ROOT / p).read_text(encoding='utf-8')) for p in files
            if p != 'scripts/qt6_codemod.py' and not p.startswith('tests/unit/test_qt6')}


def test_the_codemod_has_nothing_left_to_do():
    done = subprocess.run(['/usr/bin/python3', str(CODEMOD), '--check'], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, (
        'old Qt/QGIS spellings are back; run /usr/bin/python3 scripts/qt6_codemod.py\n' + done.stdout + done.stderr)
    assert '0 file(s) to change' in done.stdout


def test_no_qvariant_field_type_exec_or_compiled_resources():
    found = []
    for path, tree in _sources().items():
        for node in ast.walk(tree):
            where = f'{path}:{getattr(node, "lineno", "?")}'
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == 'QVariant'
                    and node.attr in FIELD_TYPES and path != 'compat.py'):
                found.append(f'{where} QVariant.{node.attr} (use compat.FieldType)')
            if isinstance(node, ast.Attribute) and node.attr == 'exec_':
                found.append(f'{where} exec_ (use exec)')
            if isinstance(node, ast.Import) and any('resources_rc' in a.name for a in node.names):
                found.append(f'{where} imports a compiled resource module')
            if isinstance(node, ast.ImportFrom) and ('resources_rc' in (node.module or '')
                                                     or any(a.name == 'resources_rc' for a in node.names)):
                found.append(f'{where} imports a compiled resource module')
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith(':/plugins/'):
                found.append(f'{where} a Qt resource path (load the file by path)')
    assert not found, '\n'.join(found)


SAMPLE = '''from qgis.PyQt.QtCore import Qt, QVariant
from qgis.PyQt.QtWidgets import QDialog, QSizePolicy
from qgis.core import Qgis, QgsField, QgsProcessing, QgsWkbTypes


def build(dialog, parameter):
    dialog.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
    if dialog.exec_() != QDialog.Accepted:
        return Qt.AlignLeft | Qt.AlignVCenter, Qgis.Warning
    optional = parameter.flags() & parameter.FlagOptional
    return QgsField('n', QVariant.Int), QgsProcessing.TypeVectorPolygon, QgsWkbTypes.PolygonGeometry, optional
'''


def test_the_codemod_rewrites_each_kind_once():
    program = f'''
import json, sys
sys.path.insert(0, {str(ROOT / 'scripts')!r})
import qt6_codemod
text = sys.stdin.read()
once = qt6_codemod.rewrite('ui/sample.py', text, {{}})
twice = qt6_codemod.rewrite('ui/sample.py', once, {{}})
json.dump([once, twice], sys.stdout)
'''
    done = subprocess.run(['/usr/bin/python3', '-c', program], input=SAMPLE, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    once, twice = json.loads(done.stdout)
    assert once == twice                                    # idempotent
    assert 'from qgis.PyQt.QtCore import Qt\n' in once      # QVariant no longer needed
    assert 'from qgis.core import Qgis, QgsField\n' in once
    assert 'from ..compat import FieldType, GeometryType, ParameterFlag, SourceType\n' in once
    for new in ('QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred', 'dialog.exec()',
                'QDialog.DialogCode.Accepted', 'Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter',
                'Qgis.MessageLevel.Warning', 'parameter.flags() & ParameterFlag.Optional',
                "QgsField('n', FieldType.Int), SourceType.VectorPolygon, GeometryType.Polygon"):
        assert new in once, new


def test_metadata_offers_the_plugin_to_qgis_4():
    parser = configparser.ConfigParser()
    parser.optionxform = str
    parser.read(ROOT / 'metadata.txt', encoding='utf-8')
    meta = dict(parser.items('general'))
    assert meta['supportsQt6'] == 'True'
    assert meta['qgisMinimumVersion'] == '3.22' and meta['qgisMaximumVersion'] == '4.99'
