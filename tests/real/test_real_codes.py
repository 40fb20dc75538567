"""spm:assign_building_codes on real OpenStreetMap footprints (tests/data/real/helsinki_osm.gpkg).

494 footprints, 12 of them degenerate (rings of 2 or 3 points: ways clipped at the extract's edge),
11 self-intersecting, 61 with holes. OpenStreetMap has no township boundaries here, so the townships
are a synthetic 2 × 2 grid over the footprints' extent (codes 999000001…4). Run twice on the same
registry with an update in between: 12 buildings removed, 25 moved by 36 cm, 8 added.
"""

import sqlite3

import pytest
from qgis.core import NULL

from realdata import HELSINKI, Log, grid, open_layer, save, uri
from spatial_planning_monitor.compat import FieldType

TOWNSHIP = '99900000{}'


@pytest.fixture
def townships(tmp_path):
    extent = open_layer(HELSINKI, 'buildings').extent()
    cells = [(wkt, TOWNSHIP.format(1 + column + 2 * row)) for wkt, column, row in grid(extent, 2, 2)]
    return save(tmp_path / 'townships.gpkg', 'townships', 'Polygon', [('code', FieldType.String)], cells)


def assign(run_alg, log, buildings, townships, registry, output):
    return run_alg('spm:assign_building_codes', {
        'BUILDINGS': buildings, 'ADMIN': townships, 'ADMIN_CODE_FIELD': 'code', 'REGISTRY': str(registry),
        'OUTPUT': str(output)}, feedback=log)


def coded(path):
    return {f.id(): (f['BUILDING_CODE'], f['CODE_STATUS'], f['ADMIN_CODE']) for f in open_layer(path).getFeatures()}


def registry_codes(path):
    connection = sqlite3.connect(str(path))
    try:
        return dict(connection.execute('SELECT code, status FROM building_codes'))
    finally:
        connection.close()


def township_of(townships, x, y):
    from qgis.core import QgsGeometry, QgsPointXY
    point = QgsGeometry.fromPointXY(QgsPointXY(x, y))
    return [f['code'] for f in open_layer(*townships.split('|layername=')).getFeatures()
            if f.geometry().contains(point)]


def degenerate(layer):
    """{fid: mean of its distinct vertices} of the footprints without area."""
    found = {}
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        if geometry.area() == 0:
            points = sorted({(v.x(), v.y()) for v in geometry.vertices()})
            found[feature.id()] = (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
    return found


def edit(source, path):
    """A copy of the buildings with 12 removed, 25 moved by (0.3, -0.2) m and 8 new ones."""
    from qgis.core import QgsFeature, QgsGeometry, QgsSpatialIndex
    original = open_layer(*source.split('|layername='))
    kept = [f for f in original.getFeatures() if f.id() % 40 != 0]
    big = [f.id() for f in kept if f.geometry().area() > 50][::12][:25]
    index = QgsSpatialIndex(original.getFeatures())
    extent = original.extent()
    new = []
    for wkt, _, _ in grid(extent, 12, 12, margin=-40.0):
        cell = QgsGeometry.fromWkt(wkt).centroid().asPoint()
        square = QgsGeometry.fromWkt(f'POLYGON(({cell.x()} {cell.y()},{cell.x() + 6} {cell.y()},{cell.x() + 6} '
                                     f'{cell.y() + 6},{cell.x()} {cell.y() + 6},{cell.x()} {cell.y()}))')
        if not index.intersects(square.buffer(2, 2).boundingBox()) and len(new) < 8:
            new.append(square)
    assert len(new) == 8
    rows = []
    for feature in kept:
        geometry = QgsGeometry(feature.geometry())
        if feature.id() in big:
            geometry.translate(0.3, -0.2)
        rows.append((geometry, feature.id()))
    rows += [(square, None) for square in new]
    layer = save(path, 'buildings', 'MultiPolygon', [('OLD_FID', FieldType.LongLong)], rows)
    old_fid_of = {f.id(): (None if f['OLD_FID'] in (None, NULL) else f['OLD_FID'])
                  for f in open_layer(path, 'buildings').getFeatures()}
    return layer, old_fid_of, set(big)


def test_real_footprints_keep_their_codes_across_an_update(run_alg, tmp_path, townships):
    log = Log()
    buildings = uri(HELSINKI, 'buildings')
    registry = tmp_path / 'registry.gpkg'
    assign(run_alg, log, buildings, townships, registry, tmp_path / 'coded1.gpkg')
    first = coded(tmp_path / 'coded1.gpkg')
    codes1 = {fid: code for fid, (code, _, _) in first.items()}
    assert len(first) == 494 and {s for _, s, _ in first.values()} == {'new'}
    assert len(set(codes1.values())) == 494 and None not in codes1.values()
    assert {c: s for c, s in registry_codes(registry).items()} == {c: 'active' for c in codes1.values()}
    # the 12 footprints without area: coded from the mean of their vertices, named in the log
    flat = degenerate(open_layer(HELSINKI, 'buildings'))
    assert len(flat) == 12
    for fid, (x, y) in flat.items():
        assert first[fid][2] == codes1[fid][:9]
        assert township_of(townships, x, y) == [codes1[fid][:9]]
    warning = next(w for w in log.warnings if 'mean of their vertices' in w)
    assert all(str(fid) in warning for fid in flat)
    assert any('skipped' in w and all(str(fid) in w for fid in flat) for w in log.warnings)

    edited, old_fid_of, moved = edit(buildings, tmp_path / 'edited.gpkg')
    log2 = Log()
    assign(run_alg, log2, edited, townships, registry, tmp_path / 'coded2.gpkg')
    second = coded(tmp_path / 'coded2.gpkg')
    assert len(second) == 494 - 12 + 8
    kept = {fid: old for fid, old in old_fid_of.items() if old is not None}
    for fid, old in kept.items():                                  # moved and degenerate ones too
        assert second[fid][:2] == (codes1[old], 'kept'), (fid, old, old in moved)
    assert moved <= set(kept.values()) and set(flat) <= set(kept.values())
    fresh = [second[fid][0] for fid, old in old_fid_of.items() if old is None]
    assert len(fresh) == 8 and all(second[fid][1] == 'new' for fid, old in old_fid_of.items() if old is None)
    assert not set(fresh) & set(codes1.values())                  # never reused
    removed = {codes1[fid] for fid in codes1 if fid % 40 == 0}
    status = registry_codes(registry)
    assert len(removed) == 12 and {status[c] for c in removed} == {'retired'}
    assert {c for c, s in status.items() if s == 'active'} == {code for code, _, _ in second.values()}
    assert len(status) == 494 + 8


def test_curved_footprints_are_coded_with_their_segmentized_area(run_alg, tmp_path, townships):
    log = Log()
    from qgis.core import QgsGeometry
    extent = open_layer(HELSINKI, 'buildings').extent()
    x, y = extent.center().x(), extent.center().y()
    wkts = [f'CurvePolygon (CompoundCurve (CircularString ({x} {y}, {x + 10} {y + 10}, {x + 20} {y}), '
            f'({x + 20} {y}, {x} {y})))',
            f'MultiSurface (CurvePolygon (CircularString ({x + 50} {y}, {x + 70} {y}, {x + 50} {y})), '
            f'(({x + 100} {y}, {x + 110} {y}, {x + 110} {y + 10}, {x + 100} {y})))',
            f'CurvePolygon (CompoundCurve (({x} {y + 50}, {x + 20} {y + 50}), CircularString ({x + 20} {y + 50}, '
            f'{x + 30} {y + 60}, {x + 20} {y + 70}), ({x + 20} {y + 70}, {x} {y + 70}, {x} {y + 50})))']
    buildings = save(tmp_path / 'curved.gpkg', 'buildings', 'MultiSurface', [('name', FieldType.String)],
                     [(w, str(i)) for i, w in enumerate(wkts)])
    layer = open_layer(*buildings.split('|layername='))
    assert all(QgsGeometry(f.geometry()).constGet().hasCurvedSegments() for f in layer.getFeatures())
    assign(run_alg, log, buildings, townships, tmp_path / 'registry.gpkg', tmp_path / 'coded.gpkg')
    output = {f['name']: f for f in open_layer(tmp_path / 'coded.gpkg').getFeatures()}
    for feature in layer.getFeatures():
        expected = QgsGeometry(feature.geometry().constGet().segmentize()).area()
        result = output[feature['name']]
        assert result['CODE_STATUS'] == 'new' and len(result['BUILDING_CODE']) == 23
        assert result.geometry().area() == pytest.approx(expected, rel=1e-3)
        assert result.geometry().area() == pytest.approx(feature.geometry().area(), rel=1e-3)


def test_qgis_process_codes_real_footprints_without_a_traceback(qgis_process, tmp_path, townships):
    done = qgis_process('run', 'spm:assign_building_codes', '--json', '--', f'BUILDINGS={uri(HELSINKI, "buildings")}',
                        f'ADMIN={townships}', 'ADMIN_CODE_FIELD=code', f'REGISTRY={tmp_path / "registry.gpkg"}',
                        f'OUTPUT={tmp_path / "coded.gpkg"}')
    text = done.stdout + done.stderr
    assert done.returncode == 0, text
    assert 'Traceback' not in text and 'WKBReadingError' not in text
    assert 'ring with fewer than 4 points' in text and 'mean of their vertices' in text
    assert open_layer(tmp_path / 'coded.gpkg').featureCount() == 494
