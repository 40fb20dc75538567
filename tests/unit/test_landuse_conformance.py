"""Plan conformance: statuses from the default rules, areas that add up, rules files."""

import geopandas as gpd
import pytest
from shapely.geometry import Polygon, box

from spatial_planning_monitor.core.errors import InputError
from spatial_planning_monitor.core.landuse import conformance, inputs, tables

PLAN = [(box(0, 0, 10, 10), '0101'), (box(10, 0, 20, 10), '070101'), (box(20, 0, 30, 10), '16')]
CURRENT = [
    ('p1', box(1, 1, 4, 4), '0101', {'': None, '0101': '符合'}),
    ('p2', box(5, 5, 15, 8), '0701', {'0101': '不符合', '070101': '符合'}),
    ('p3', box(12, 1, 14, 3), '0601', {'070101': '待核'}),           # 三调 0601 工业 -> 1001
    ('p4', box(22, 1, 24, 3), '0101', {'16': '符合'}),
    ('p5', box(25, 1, 27, 3), '0701', {'16': '待核'}),
    ('p6', box(28, 5, 35, 8), '0103', {'16': '符合', '': '待核'}),    # partly outside the plan
    ('p7', box(1, 6, 3, 8), 'XYZ', {'0101': '待核'}),                 # unknown code
    ('p8', box(6, 1, 8, 3), '0301', {'0101': '待核'}),                # forest on planned cropland
    ('p9', box(16, 6, 18, 8), '0101', {'070101': '符合'}),            # planned housing, not built
    ('p10', Polygon([(11, 1), (13, 3), (13, 1), (11, 3)]), '0702', {'070101': '符合'}),  # bow-tie
]


def _frames(crs='EPSG:4528', shift=(0, 0), scale=1.0):
    def geom(g):
        from shapely import affinity
        return affinity.translate(affinity.scale(g, scale, scale, origin=(0, 0)), *shift)
    plan = gpd.GeoDataFrame({'YDYHDM': [c for _, c in PLAN]}, geometry=[geom(g) for g, _ in PLAN],
                            crs=crs, index=[101, 102, 103])
    current = gpd.GeoDataFrame({'DLBM': [c for _, _, c, _ in CURRENT]},
                               geometry=[geom(g) for _, g, _, _ in CURRENT], crs=crs,
                               index=list(range(1, len(CURRENT) + 1)))
    return current, plan


def _run(crs='EPSG:4528', rules=None, **kw):
    current, plan = _frames(crs, **kw)
    messages = []
    log = lambda message, warning=False: messages.append(message)  # noqa: E731
    cur = inputs.land_use(current, 'DLBM', 'CURRENT', log=log)
    zones = inputs.land_use(plan, 'YDYHDM', 'PLAN', log=log, scheme='plan')
    pieces, summary = conformance.evaluate(cur, zones, rules=rules, crs=crs, log=log)
    return current, pieces, summary, messages


def test_each_piece_gets_the_status_of_the_default_rules():
    current, pieces, _, _ = _run()
    for fid, (_, _, code, expected) in enumerate(CURRENT, start=1):
        mine = pieces[pieces.CUR_FID == fid]
        got = dict(zip(mine.PLAN_CODE, mine.STATUS))
        assert got == {k: v for k, v in expected.items() if v}, CURRENT[fid - 1][0]
    assert set(pieces.loc[pieces.CUR_FID == 7, 'CUR_NAME']) == {tables.UNKNOWN}
    assert set(pieces.loc[pieces.CUR_FID == 3, 'CUR_YDYH']) == {'1001'}
    outside = pieces[pieces.PLAN_CODE == '']
    assert outside.PLAN_FID.isna().all() and set(outside.PLAN_NAME) == {conformance.NOT_COVERED}
    assert set(pieces.loc[pieces.PLAN_CODE == '16', 'PLAN_FID']) == {103}


def test_pieces_add_up_to_each_parcel_and_the_summary_to_the_pieces():
    current, pieces, summary, messages = _run()
    repaired = inputs.polygons(current, 'CURRENT').geometry
    for fid, geom in zip(current.index, repaired):
        got = pieces.loc[pieces.CUR_FID == fid, 'AREA_M2'].sum()
        assert got == pytest.approx(geom.area, rel=1e-9)
    assert summary.AREA_M2.sum() == pytest.approx(pieces.AREA_M2.sum(), rel=1e-12)
    assert summary.COUNT.sum() == len(pieces)
    assert summary.AREA_HA.sum() == pytest.approx(pieces.AREA_M2.sum() / 1e4)
    row = summary[(summary.PLAN_CODE == '0101') & (summary.STATUS == '不符合')]
    assert row.AREA_M2.iloc[0] == pytest.approx(15.0)        # p2's part in the cropland zone
    assert any('feature 10' in m and 'repaired' in m for m in messages)     # the bow-tie
    assert any('未知' in m and 'XYZ' in m for m in messages)


def test_geographic_input_gets_ellipsoidal_areas():
    _, pieces, _, _ = _run('EPSG:4490', shift=(119.0, 25.0), scale=0.001)
    from pyproj import Geod
    geod = Geod(a=6378137.0, rf=298.257222101)
    p1 = pieces[pieces.CUR_FID == 1]
    expected = abs(geod.geometry_area_perimeter(p1.geometry.iloc[0])[0])
    assert p1.AREA_M2.iloc[0] == pytest.approx(expected, rel=1e-9)
    assert p1.AREA_M2.iloc[0] > 1000         # m², not 9e-6 square degrees


def test_a_users_rules_table(tmp_path):
    path = tmp_path / 'rules.csv'
    path.write_text('current,plan,status\n0301,01*,符合\n*,=,符合\n*,*,不符合\n', encoding='utf-8')
    _, pieces, _, _ = _run(rules=conformance.load_rules(path))
    assert set(pieces.loc[pieces.CUR_FID == 8, 'STATUS']) == {'符合'}
    assert set(pieces.loc[pieces.CUR_FID == 5, 'STATUS']) == {'不符合'}


@pytest.mark.parametrize('text, message', [
    ('current,plan,status\n*,*,ok\n', 'status ok'),
    ('current,plan,status\n=,*,符合\n', 'plan column only'),
    ('current,plan\n*,*\n', 'status'),
    ('current,plan,status\n', 'no rule'),
])
def test_bad_rules_are_refused_with_the_file_named(tmp_path, text, message):
    path = tmp_path / 'rules.csv'
    path.write_text(text, encoding='utf-8')
    with pytest.raises(InputError, match=message):
        conformance.load_rules(path)


def test_empty_layers_give_empty_outputs():
    current, plan = _frames()
    cur = inputs.land_use(current.iloc[:0], 'DLBM', 'CURRENT')
    zones = inputs.land_use(plan, 'YDYHDM', 'PLAN', scheme='plan')
    pieces, summary = conformance.evaluate(cur, zones, crs='EPSG:4528')
    assert len(pieces) == 0 and len(summary) == 0
    assert list(summary.columns) == conformance.SUMMARY_COLUMNS
    cur = inputs.land_use(current, 'DLBM', 'CURRENT')
    zones = inputs.land_use(plan.iloc[:0], 'YDYHDM', 'PLAN', scheme='plan')
    pieces, summary = conformance.evaluate(cur, zones, crs='EPSG:4528')
    assert (pieces.PLAN_CODE == '').all() and set(pieces.STATUS) == {'待核'}
    assert len(pieces) == len(current)


@pytest.mark.parametrize('scheme, field_codes', [
    ('current', ['1203', '1006', '1107', '1202', '0101', '1109', '0701']),
    ('plan', ['2303', '060101', '1705', '0602', '0101', '1311', '0701'])])
def test_farm_support_on_planned_cropland_and_water_works_in_planned_water_conform(scheme, field_codes):
    """田坎, 农村道路, 沟渠 and 设施农用地 inside a planned 01 zone and 水工建筑 inside a planned 17 zone
    conform, whether the current layer is coded in 三调 or in 用地用海; a house there does not."""
    plan = gpd.GeoDataFrame({'YDYHDM': ['0102', '1701']}, geometry=[box(0, 0, 50, 10), box(50, 0, 60, 10)],
                            crs='EPSG:4528')
    places = [box(1, 1, 2, 9), box(3, 1, 4, 9), box(5, 1, 6, 9), box(7, 1, 9, 3), box(10, 1, 20, 9),
              box(51, 1, 53, 9), box(30, 1, 32, 3)]
    current = gpd.GeoDataFrame({'DLBM': field_codes}, geometry=places, crs='EPSG:4528')
    cur = inputs.land_use(current, 'DLBM', 'CURRENT', scheme=scheme)
    zones = inputs.land_use(plan, 'YDYHDM', 'PLAN', scheme='plan')
    pieces, summary = conformance.evaluate(cur, zones, crs='EPSG:4528')
    status = dict(zip(pieces.CUR_CODE, pieces.STATUS))
    assert status == dict(zip(field_codes, ['符合'] * 6 + ['不符合']))
    assert summary.loc[summary.STATUS == '符合', 'AREA_M2'].sum() == pytest.approx(8 + 8 + 8 + 4 + 80 + 16)


def test_ydyh_patterns_belong_to_the_current_column(tmp_path):
    path = tmp_path / 'rules.csv'
    path.write_text('current,plan,status\n*,ydyh:01,符合\n', encoding='utf-8')
    with pytest.raises(InputError, match='ydyh:01 is allowed in the current column only'):
        conformance.load_rules(path)
