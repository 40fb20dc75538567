"""spm:plan_conformance and spm:control_lines on real polygons: the OpenStreetMap landuse of
central Helsinki (tests/data/real/helsinki_osm.gpkg) with real holes, multiparts, overlaps,
self-intersections and rings of 2–3 points.

OSM tags become 三调 codes by the small table below. The plan zoning is derived from the same
polygons (simplified by 2 m, grown by 1.5 m: real slivers and overlaps along every boundary), coded
by the plugin's 三调 → 用地用海 correspondence, every 7th zone given 16 (留白) instead so that
some land does not conform. Control lines: the natural areas as the ecological red line, grass as
farmland, the residential and commercial areas grown by 30 m as the development boundary; two
synthetic districts (west and east halves).
"""

from collections import defaultdict

import pytest

from realdata import HELSINKI, Log, grid, open_layer, save
from spatial_planning_monitor.compat import FieldType

SANDIAO = {  # OSM tag value → 三调 code (GB/T 21010-2017 and survey working codes)
    'residential': '0701', 'commercial': '05H1', 'retail': '05H1', 'civil': '08H1', 'construction': '0701',
    'military': '09', 'railway': '1001', 'road': '1004', 'lane': '1004', 'lanes': '1004', 'lane;parking': '1004',
    'cycleway': '1004', 'steps': '1004', 'bus_stop': '1005', 'parking': '1005', 'bicycle_parking': '1005',
    'disused_parking': '1005', 'unsigned_tourist_bus_halting': '1005', 'school': '08H2', 'college': '08H2',
    'university': '08H2', 'park': '0810', 'garden': '0810', 'pitch': '0810', 'playground': '0810',
    'fitness_station': '0810', 'grass': '0404', 'heath': '0404', 'wood': '0301', 'scrub': '0305',
    'water': '1101', 'basin': '1104', 'pond': '1104', 'wetland': '1108', 'bare_rock': '1206', 'scree': '1206',
    'shingle': '1206'}
PLAN = {'0701': '0701', '05H1': '09', '08H1': '0801', '08H2': '08', '09': '15', '1001': '1201', '1004': '1207',
        '1005': '1208', '0810': '14', '0404': '0403', '0301': '0301', '0305': '0303', '1101': '1701',
        '1104': '1704', '1108': '0504', '1206': '2306'}
RED_LINE, FARMLAND, DEVELOPED = ('0301', '0305', '1101', '1104', '1108', '1206'), ('0404',), ('0701', '05H1')


def construction(code):
    """建设用地 by the usual 三调 filter (05*, 06*, 07*, 08*, 09*, 1001–1005, 1007–1009, 1109, 1201)."""
    return code[:2] in ('05', '06', '07', '08', '09') or code in (
        '1001', '1002', '1003', '1004', '1005', '1007', '1008', '1009', '1109', '1201')


@pytest.fixture(scope='module')
def city(tmp_path_factory, qgis_app):
    """Paths of the current land use, plan, control lines and districts (GeoPackage layers)."""
    from qgis.core import QgsGeometry
    folder = tmp_path_factory.mktemp('landuse')
    source = open_layer(HELSINKI, 'landuse')
    rows, plan = [], []
    for feature in source.getFeatures():
        tag = next(feature[k] for k in ('landuse', 'natural', 'leisure', 'amenity') if feature[k])
        code = SANDIAO[tag]
        rows.append((QgsGeometry(feature.geometry()), code, feature.id()))
        zone = feature.geometry().makeValid().simplify(2.0).buffer(1.5, 4)
        if not zone.isEmpty() and zone.area() > 0:
            plan.append((zone, '16' if len(plan) % 7 == 0 else PLAN[code]))
    gpkg = folder / 'city.gpkg'
    layers = {'current': save(gpkg, 'current', 'MultiPolygon', [('DLBM', FieldType.String),
                                                                 ('OSM_FID', FieldType.LongLong)], rows),
              'plan': save(gpkg, 'plan', 'MultiPolygon', [('YDYHDM', FieldType.String)], plan)}

    def union(codes, grow=0.0):
        parts = [QgsGeometry(g) for g, code, _ in rows if code in codes]
        geometry = QgsGeometry.unaryUnion([p.makeValid().buffer(grow, 8) if grow else p for p in parts])
        return [(geometry,)]
    layers['red'] = save(gpkg, 'red', 'MultiPolygon', [], [(g, ) for g, c, _ in rows if c in RED_LINE])
    layers['farm'] = save(gpkg, 'farm', 'MultiPolygon', [], [(g, ) for g, c, _ in rows if c in FARMLAND])
    layers['dev'] = save(gpkg, 'dev', 'MultiPolygon', [], union(DEVELOPED, grow=30.0))
    extent = source.extent()
    layers['districts'] = save(gpkg, 'districts', 'Polygon', [('NAME', FieldType.String)],
                               [(wkt, ('西区', '东区')[column]) for wkt, column, _ in grid(extent, 2, 1)])
    layers['rows'] = rows
    return layers


def valid_area(geometry):
    """The area a repaired polygon keeps (QGIS's makeValid; rings of 2–3 points: 0)."""
    fixed = geometry.makeValid()
    return fixed.area() if not fixed.isEmpty() else 0.0


def test_conformance_pieces_add_up_on_real_polygons(run_alg, city, tmp_path):
    log = Log()
    result = run_alg('spm:plan_conformance', {
        'CURRENT': city['current'], 'CURRENT_FIELD': 'DLBM', 'PLAN': city['plan'], 'PLAN_FIELD': 'YDYHDM',
        'OUTPUT': str(tmp_path / 'pieces.gpkg'), 'SUMMARY': str(tmp_path / 'summary.csv'),
        'AREA_METHOD': 'PLANAR'}, feedback=log)   # compared with QGIS's planar areas
    pieces = list(open_layer(result['OUTPUT']).getFeatures())
    current = open_layer(*city['current'].split('|layername='))
    by_parcel = defaultdict(float)
    for piece in pieces:
        by_parcel[piece['CUR_FID']] += piece['AREA_M2']
        assert piece['AREA_M2'] == pytest.approx(piece.geometry().area(), rel=1e-6)
    checked = 0
    for feature in current.getFeatures():
        expected = valid_area(feature.geometry())
        if expected == 0:
            assert feature.id() not in by_parcel                  # a ring of 2–3 points: no piece
            continue
        assert by_parcel[feature.id()] == pytest.approx(expected, rel=1e-6), feature.id()
        checked += 1
    assert checked >= 390
    summary = list(open_layer(result['SUMMARY']).getFeatures())
    total = sum(p['AREA_M2'] for p in pieces)
    assert sum(float(r['AREA_M2']) for r in summary) == pytest.approx(total, rel=1e-9)
    by_status = defaultdict(float)
    for piece in pieces:
        by_status[piece['STATUS']] += piece['AREA_M2']
    assert sum(by_status.values()) == pytest.approx(total, rel=1e-12)
    assert by_status['符合'] > 0 and by_status['不符合'] > 0             # 16 (留白) zones do not conform
    assert any('ring with fewer than 4 points' in w for w in log.warnings)


def test_control_lines_patches_add_up_on_real_polygons(run_alg, city, tmp_path):
    log = Log()
    from qgis.core import QgsGeometry
    result = run_alg('spm:control_lines', {
        'LANDUSE': city['current'], 'LANDUSE_FIELD': 'DLBM', 'ECO_REDLINE': city['red'], 'FARMLAND': city['farm'],
        'DEV_BOUNDARY': city['dev'], 'DISTRICTS': city['districts'], 'DISTRICT_FIELD': 'NAME',
        'OUTPUT': str(tmp_path / 'patches.gpkg'), 'SUMMARY': str(tmp_path / 'summary.csv'),
        'AREA_METHOD': 'PLANAR'}, feedback=log)   # compared with QGIS's planar areas
    patches = list(open_layer(result['OUTPUT']).getFeatures())
    found = defaultdict(float)
    for patch in patches:
        found[patch['VTYPE']] += patch['AREA_M2']
        assert patch['DISTRICT'] in ('西区', '东区')
    summary = list(open_layer(result['SUMMARY']).getFeatures())
    assert sum(float(r['AREA_M2']) for r in summary) == pytest.approx(sum(found.values()), rel=1e-9)
    assert sum(int(r['COUNT']) for r in summary) == len(patches)

    # the same totals from QGIS geometry: per parcel, its part inside (outside) the line's union
    lines = {name: QgsGeometry.unaryUnion([f.geometry().makeValid() for f in
                                           open_layer(*city[name].split('|layername=')).getFeatures()])
             for name in ('red', 'farm', 'dev')}
    expected = defaultdict(float)
    for geometry, code, _ in city['rows']:
        parcel = geometry.makeValid()
        if parcel.isEmpty() or parcel.area() == 0:
            continue
        if construction(code):
            expected['ECO_BUILD'] += parcel.intersection(lines['red']).area()
            expected['FARM_BUILD'] += parcel.intersection(lines['farm']).area()
            if not (code.startswith('09') or code == '1001'):
                expected['UDB_OUTSIDE'] += parcel.difference(lines['dev']).area()
        elif not code.startswith('01'):
            expected['FARM_NONCROP'] += parcel.intersection(lines['farm']).area()
    assert expected['FARM_NONCROP'] > 1000 and expected['UDB_OUTSIDE'] > 100
    for kind, area in expected.items():
        assert found[kind] == pytest.approx(area, rel=1e-3, abs=0.5), kind


def test_overlapping_zones_over_a_partly_uncovered_parcel_count_once():
    """What the real plan exposed: two zones overlapping inside a parcel that they do not wholly
    cover (the overlap was counted twice: the pieces' sum only looked too large when full)."""
    from shapely.geometry import box
    from spatial_planning_monitor.core.landuse.overlay import UNCOVERED, cut
    parcel = box(0, 0, 10, 10)
    result = cut([parcel], [box(-1, -1, 6, 11), box(5, -1, 8, 11)])
    areas = dict(zip(result.right, (g.area for g in result.geometry)))
    assert areas == pytest.approx({0: 60.0, 1: 20.0, UNCOVERED: 20.0})
    assert result.overlaps == [(0, 1)]


def test_conformance_on_curved_parcels_and_zones_uses_their_segmentized_areas(run_alg, tmp_path):
    """Survey exports are full of arcs: CurvePolygon, MultiSurface and CompoundCurve rings."""
    from qgis.core import QgsGeometry
    x, y = 385_000.0, 6_672_000.0
    current = [
        (f'CurvePolygon (CompoundCurve (CircularString ({x} {y}, {x + 50} {y + 50}, {x + 100} {y}), '
         f'({x + 100} {y}, {x} {y})))', '0701'),
        (f'MultiSurface (CurvePolygon (CircularString ({x + 200} {y}, {x + 260} {y}, {x + 200} {y})), '
         f'(({x + 300} {y}, {x + 340} {y}, {x + 340} {y + 40}, {x + 300} {y})))', '0301'),
        (f'CurvePolygon (CompoundCurve (({x} {y + 100}, {x + 80} {y + 100}), CircularString ({x + 80} {y + 100}, '
         f'{x + 120} {y + 140}, {x + 80} {y + 180}), ({x + 80} {y + 180}, {x} {y + 180}, {x} {y + 100})))', '05H1')]
    zones = [(f'CurvePolygon (CircularString ({x - 20} {y + 40}, {x + 180} {y + 40}, {x - 20} {y + 40}))', '0701'),
             (f'Polygon (({x + 150} {y - 50}, {x + 400} {y - 50}, {x + 400} {y + 20}, {x + 150} {y + 20}, '
              f'{x + 150} {y - 50}))', '0301')]
    gpkg = tmp_path / 'curved.gpkg'
    parcels = save(gpkg, 'current', 'MultiSurface', [('DLBM', FieldType.String)], current)
    plan = save(gpkg, 'plan', 'MultiSurface', [('YDYHDM', FieldType.String)], zones)
    result = run_alg('spm:plan_conformance', {
        'CURRENT': parcels, 'CURRENT_FIELD': 'DLBM', 'PLAN': plan, 'PLAN_FIELD': 'YDYHDM',
        'OUTPUT': str(tmp_path / 'pieces.gpkg'), 'SUMMARY': str(tmp_path / 'summary.csv'),
        'AREA_METHOD': 'PLANAR'})   # compared with QGIS's planar areas
    by_parcel = defaultdict(float)
    for piece in open_layer(result['OUTPUT']).getFeatures():
        by_parcel[piece['CUR_FID']] += piece['AREA_M2']
    layer = open_layer(*parcels.split('|layername='))
    assert all(QgsGeometry(f.geometry()).constGet().hasCurvedSegments() for f in layer.getFeatures())
    for feature in layer.getFeatures():
        expected = QgsGeometry(feature.geometry().constGet().segmentize()).area()
        assert by_parcel[feature.id()] == pytest.approx(expected, rel=1e-3)
        assert by_parcel[feature.id()] == pytest.approx(feature.geometry().area(), rel=1e-3)
    zone = next(open_layer(*plan.split('|layername=')).getFeatures()).geometry()
    inside = sum(p['AREA_M2'] for p in open_layer(result['OUTPUT']).getFeatures() if p['PLAN_CODE'] == '0701')
    expected = sum(QgsGeometry(f.geometry().constGet().segmentize()).intersection(
        QgsGeometry(zone.constGet().segmentize())).area() for f in layer.getFeatures())
    assert inside == pytest.approx(expected, rel=1e-3) and inside > 1000
