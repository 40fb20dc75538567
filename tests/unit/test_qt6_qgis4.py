"""The plugin imports on QGIS 4: compat.py switched to its QGIS >= 3.38 branch against stubs of the
QGIS 4 API, every module of the plugin imported, every algorithm's parameters defined.

The stubs (a child process, so this test process never imports QGIS): the real QGIS 3.22 modules,
with ``Qgis.QGIS_VERSION_INT`` = 40000, the ``Qgis.*`` scoped enums of QGIS >= 3.36 added (their member
names written here from the QGIS API documentation, independently of compat.NAMES), and every QGIS
3.22 spelling compat replaces (``QgsProcessing.TypeVectorPolygon``, ``QVariant.Int`` ...) removed, so
a name that exists in only one branch fails here or in the ordinary 3.22 suite.
"""

import json
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# QGIS >= 3.36 enums (qgis.org/pyqgis/3.40/core/Qgis.html): only the members the plugin may use
QGIS4_ENUMS = {
    'ProcessingSourceType': 'MapLayer VectorAnyGeometry VectorPoint VectorLine VectorPolygon Raster File Vector '
                            'Mesh Plugin PointCloud Annotation VectorTile',
    'ProcessingNumberParameterType': 'Integer Double',
    'ProcessingFieldParameterDataType': 'Any Numeric String DateTime Binary Boolean',
    'ProcessingParameterFlag': 'Advanced Hidden Optional IsModelOutput',
    'ProcessingAlgorithmFlag': 'HasGUI CanCancel RequiresMatchingCrs NoThreading',
    'WkbType': 'Unknown Point LineString Polygon Triangle MultiPoint MultiLineString MultiPolygon '
               'GeometryCollection CircularString CompoundCurve CurvePolygon MultiCurve MultiSurface NoGeometry',
    'GeometryType': 'Point Line Polygon Unknown Null',
    'DistanceUnit': 'Meters Kilometers Feet NauticalMiles Yards Miles Degrees Centimeters Millimeters Unknown',
    'LayoutUnit': 'Millimeters Centimeters Meters Inches Feet Points Picas Pixels',
    'RenderUnit': 'Millimeters MapUnits Pixels Percentage Points Inches Unknown MetersInMapUnits',
    'LayerFilter': 'RasterLayer NoGeometry PointLayer LineLayer PolygonLayer HasGeometry VectorLayer PluginLayer '
                   'WritableLayer MeshLayer VectorTileLayer PointCloudLayer AnnotationLayer TiledSceneLayer All',
    'LayerType': 'Vector Raster Plugin Mesh VectorTile Annotation PointCloud Group TiledScene',
    'FeatureRequestFlag': 'NoFlags NoGeometry SubsetOfAttributes ExactIntersect IgnoreStaticNodesDuringExpressionCompilation '
                          'EmbeddedSymbols',
}

CHILD = r'''
import enum, importlib, json, subprocess, sys, types
import qgis.core as real_core
from qgis.PyQt import QtCore as real_qtcore

QGIS4_ENUMS, PLUGIN_ROOT = json.load(sys.stdin)
sys.path.insert(0, PLUGIN_ROOT + '/scripts')
from qt6_codemod import MOVED   # compat's 3.22 spellings, read from compat.NAMES


class Gone:
    def __init__(self, name):
        self.name = name

    def __get__(self, obj, owner):
        raise AttributeError(self.name + ' is not in QGIS 4')


removed = {}
for old in MOVED:
    cls, member = old.split('.')
    removed.setdefault(cls, []).append(member)


def without(module, cls_name):
    real = getattr(module, cls_name)
    if isinstance(real, enum.EnumMeta):      # QgsMapLayerType: a Python enum in 3.22, gone in 4
        return type(cls_name, (), {})
    return type(cls_name, (real,), {m: Gone(f'{cls_name}.{m}') for m in removed[cls_name]})


def stub_module(real, name, replace):
    stub = types.ModuleType(name)
    stub.__dict__.update({k: v for k, v in vars(real).items() if not k.startswith('__')})
    stub.__dict__.update(replace)
    return stub


enums = {name: enum.IntEnum(name, members.split()) for name, members in QGIS4_ENUMS.items()}
Qgis4 = type('Qgis', (real_core.Qgis,), dict(enums, QGIS_VERSION_INT=40000))
core = stub_module(real_core, 'qgis.core', dict(
    {c: without(real_core, c) for c in removed if hasattr(real_core, c)}, Qgis=Qgis4))
qtcore = stub_module(real_qtcore, 'qgis.PyQt.QtCore', {'QVariant': without(real_qtcore, 'QVariant')})
sys.modules['qgis.core'] = core
sys.modules['qgis.PyQt.QtCore'] = qtcore
import qgis, qgis.PyQt
qgis.core, qgis.PyQt.QtCore = core, qtcore

# the stubs lack the old spellings
for old in ('QgsProcessing.TypeVectorPolygon', 'QgsWkbTypes.PolygonGeometry', 'QgsUnitTypes.DistanceMeters'):
    cls, member = old.split('.')
    try:
        getattr(getattr(core, cls), member)
        raise SystemExit(old + ' still resolves in the QGIS 4 stub')
    except AttributeError:
        pass
try:
    qtcore.QVariant.Int
    raise SystemExit('QVariant.Int still resolves in the QGIS 4 stub')
except AttributeError:
    pass

report = {}
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
compat = importlib.import_module('spatial_planning_monitor.compat')
report['new_api'] = compat.NEW_API
report['polygon_source'] = repr(compat.SourceType.VectorPolygon)
report['string_field'] = repr(compat.FieldType.String)
files = subprocess.run(['git', 'ls-files', '*.py'], cwd=PLUGIN_ROOT, capture_output=True, text=True).stdout.split()
failed = {}
imported = 0
for path in files:
    if path.split('/')[0] in ('tests', 'benchmarks', 'scripts', 'sample', 'demo', 'docs'):
        continue
    name = 'spatial_planning_monitor' + ('.' + path[:-3].replace('/', '.')).replace('.__init__', '')
    name = name.rstrip('.')
    try:
        importlib.import_module(name)
        imported += 1
    except Exception as exc:
        failed[name] = f'{type(exc).__name__}: {exc}'
report['imported'] = imported
from spatial_planning_monitor.provider.provider import algorithm_classes
defined = {}
classes, problems = algorithm_classes()
failed.update({k: "ImportError: " + v for k, v in problems.items()})
for cls in classes:
    try:
        alg = cls()
        alg.initAlgorithm({})
        defined[alg.name()] = len(alg.parameterDefinitions())
    except Exception as exc:
        failed[cls.__name__ + '.initAlgorithm'] = f'{type(exc).__name__}: {exc}'
report['defined'] = defined
report['failed'] = failed
json.dump(report, sys.stdout)
sys.stdout.flush()
import os
os._exit(0)
'''


def test_the_plugin_imports_against_the_qgis4_stubs():
    env = dict(os.environ, QT_QPA_PLATFORM='offscreen', PYTHONPATH=str(ROOT / 'build' / 'plugins'))
    link = ROOT / 'build' / 'plugins' / 'spatial_planning_monitor'
    link.parent.mkdir(parents=True, exist_ok=True)
    if not link.exists():
        link.symlink_to(ROOT)
    done = subprocess.run(['/usr/bin/python3', '-c', CHILD], input=json.dumps([QGIS4_ENUMS, str(ROOT)]),
                          capture_output=True, text=True, timeout=600, env=env, cwd=str(ROOT))
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report['new_api'] is True
    assert report['polygon_source'] == '<ProcessingSourceType.VectorPolygon: 5>'
    assert report['string_field'].endswith('10')                 # QMetaType.Type.QString
    assert not report['failed'], report['failed']
    assert report['imported'] > 60
    assert len(report['defined']) >= 15 and all(n >= 2 for n in report['defined'].values()), report['defined']
