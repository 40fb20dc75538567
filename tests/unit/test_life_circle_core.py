"""社区生活圈 walking access (core/access): distances known by hand on a river with one bridge."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import LineString, Point, box

from spatial_planning_monitor.core.access import life_circle, thresholds
from spatial_planning_monitor.core.errors import InputError

# North bank road y = 20, south bank road y = -20, x 0..1000; one bridge at x = 500.
# An isolated lane far east (a separate network part).
ROADS = gpd.GeoSeries([LineString([(0, 20), (500, 20), (1000, 20)]),
                       LineString([(0, -20), (500, -20), (1000, -20)]),
                       LineString([(500, 20), (500, -20)]),
                       LineString([(2000, 0), (2100, 0)])])
SCHOOL = gpd.GeoSeries([Point(100, -25)])            # south bank, 5 m from the road
HOMES = {                                             # name: (x, y, hand-computed walk to the school)
    'A': (100, 25, 5 + 400 + 40 + 400 + 5),           # across the river from the school: 850 m, 50 m straight
    'B': (480, 30, 10 + 20 + 40 + 400 + 5),           # next to the bridge: 475 m
    'C': (600, -20, 0 + 500 + 5),                     # 505 m: just beyond 500 m
    'D': (595, -20, 0 + 495 + 5),                     # exactly 500 m: covered (boundary included)
    'E': (2050, 5, None),                             # on the isolated lane
    'F': (300, 500, None),                            # 480 m from any road: beyond MAX_SNAP
    'H': (710, -15, 5 + 10 + 20),                     # park: road → (700|720, -20) → corner (…, -40)
}
PARK = box(700, -60, 720, -40)                        # 400 m²: counted
TINY = box(100, -60, 110, -50)                        # 100 m²: too small


def table():
    return thresholds.load(pd.DataFrame({'kind': ['公园绿地/广场', '小学'], 'code': ['PARK', 'PRIMARY'],
                                         'minutes': ['5', '10'], 'metres': ['300', '500']}))


def run(**kw):
    names = list(HOMES)
    homes = gpd.GeoSeries([Point(x, y) for x, y, _ in HOMES.values()], index=names)
    options = dict(parks=gpd.GeoSeries([PARK, TINY]), max_snap=200.0)
    options.update(kw)
    return life_circle.compute(homes, [100] * len(names), ROADS, SCHOOL, ['小学'], table(), **options)


def test_walks_known_by_hand_and_river_crossing():
    result = run()
    out = result.residents
    for name, (_, _, expected) in HOMES.items():
        if expected is None or name == 'H':
            continue
        assert out.at[name, 'D_PRIMARY'] == pytest.approx(expected)
    assert out.at['A', 'D_PRIMARY'] == pytest.approx(850.0)       # 50 m as the crow flies
    assert list(out.loc[['A', 'B', 'C', 'D'], 'C_PRIMARY']) == [0, 1, 0, 1]
    assert out.at['H', 'D_PARK'] == pytest.approx(35.0)
    assert out.at['H', 'C_PARK'] == 1 and out.at['A', 'C_PARK'] == 0
    assert np.isnan(out.at['E', 'D_PRIMARY']) and out.at['E', 'PART'] == 1
    assert np.isnan(out.at['F', 'D_PRIMARY']) and out.at['F', 'PART'] == -1
    notes = ' '.join(result.notes)
    assert '2 separate parts' in notes and '1 residential feature(s) (100 residents) are on parts' in notes
    assert 'more than 200 m from the walkable network and reach nothing: F' in notes
    assert '1 park(s) smaller than 400 m²' in notes


def test_without_access_walk_only_the_network_counts():
    out = run(access_walk=False).residents
    assert out.at['A', 'D_PRIMARY'] == pytest.approx(840.0)
    assert out.at['C', 'D_PRIMARY'] == pytest.approx(500.0) and out.at['C', 'C_PRIMARY'] == 1


def test_threshold_boundary_rule_and_rounded_distances_agree():
    # A road of 0.1 m vertices (sums that are not exact in floating point) from a school at x = 0;
    # homes on the road at 499.96, 500 (to the float sums), 500.004 and 500.094 m of walk.
    road = gpd.GeoSeries([LineString([(0.1 * k, 0.0) for k in range(5201)])])
    walks = [499.96, 500.0, 500.004, 500.094]
    homes = gpd.GeoSeries([Point(w, 0.0) for w in walks])
    result = life_circle.compute(homes, np.ones(len(walks)), road, gpd.GeoSeries([Point(0, 0)]), ['小学'],
                                 table(), access_walk=False)
    out = result.residents
    assert list(out['C_PRIMARY']) == [1, 1, 0, 0]
    # D is rounded up to 0.1 m, so that D ≤ 500 exactly when covered
    assert list(out['D_PRIMARY']) == [500.0, 500.0, 500.1, 500.1]
    assert list(out['N_15MIN']) == [1, 1, 1, 1]           # 15 minutes at 4 km/h = 1000 m


def test_beyond_the_fifteen_minute_search_the_distance_is_empty():
    # the MIDDLE school case of the benchmark: 1000.05 m away is beyond 1000 m, not unreachable
    road = gpd.GeoSeries([LineString([(0, 0), (1200, 0)])])
    homes = gpd.GeoSeries([Point(999.95, 0), Point(1000.05, 0)])
    out = life_circle.compute(homes, np.ones(2), road, gpd.GeoSeries([Point(0, 0)]), ['小学'], table(),
                              access_walk=False).residents
    assert out.at[0, 'D_PRIMARY'] == 1000.0 and out.at[0, 'N_15MIN'] == 1
    assert np.isnan(out.at[1, 'D_PRIMARY']) and out.at[1, 'N_15MIN'] == 0 and out.at[1, 'PART'] == 0


def test_reachable_streets_stop_at_the_threshold_on_a_long_road():
    # one 2 km road without inner vertices, a school on it at x = 1200: 500 m each way
    road = gpd.GeoSeries([LineString([(0, 0), (2000, 0)])])
    result = life_circle.compute(gpd.GeoSeries([Point(100, 0)]), [1], road, gpd.GeoSeries([Point(1200, 0)]),
                                 ['小学'], table(), access_walk=False)
    streets = life_circle.service_lines(result)
    assert list(streets['CODE']) == ['PRIMARY']
    line = streets.geometry.iloc[0]
    assert line.length == pytest.approx(1000.0) and line.bounds == pytest.approx((700.0, 0.0, 1700.0, 0.0))


def test_fifteen_minute_count_and_completeness():
    out = run().residents                     # 4 km/h: 15 minutes = 1000 m
    # H: park 35 m, school 5 + 610 + 5 = 620 m → both within 15 minutes
    assert out.at['H', 'D_PRIMARY'] == pytest.approx(620.0)
    assert out.at['H', 'N_15MIN'] == 2 and out.at['H', 'COMPLETE'] == 1
    assert out.at['A', 'D_PARK'] == pytest.approx(5 + 400 + 40 + 200 + 20)    # across the bridge: 665 m
    assert out.at['A', 'N_15MIN'] == 2 and out.at['C', 'N_15MIN'] == 2
    assert out.at['E', 'N_15MIN'] == 0 and out.at['E', 'COMPLETE'] == 0


def test_population_weighted_shares_add_up():
    districts = gpd.GeoSeries([box(-100, 0, 1200, 600), box(-100, -600, 1200, 0), box(1900, -50, 2200, 50)])
    homes = gpd.GeoSeries([Point(x, y) for x, y, _ in HOMES.values()], index=list(HOMES))
    pop = [10, 20, 30, 40, 50, 60, 70]
    result = life_circle.compute(homes, pop, ROADS, SCHOOL, ['小学'], table(), parks=gpd.GeoSeries([PARK]),
                                 districts=districts, district_keys=['N', 'S', 'E'])
    t = result.districts.set_index('DISTRICT')
    assert list(t.index) == ['N', 'S', 'E', life_circle.TOTAL]
    assert t['POP'].tolist() == [10 + 20 + 60, 30 + 40 + 70, 50, 280]
    assert t.loc['N', 'POP_PRIMARY'] == 20 and t.loc['S', 'POP_PRIMARY'] == 40     # H (620 m) is not
    total = t.loc[life_circle.TOTAL]
    for code in ('PRIMARY', 'PARK', 'ALL'):
        parts = t.drop(index=life_circle.TOTAL)
        assert parts['POP_' + code].sum() == total['POP_' + code]
        assert (parts['PCT_' + code] * parts['POP']).sum() / parts['POP'].sum() == pytest.approx(total['PCT_' + code])
    assert t.loc['S', 'PARK_M2'] == pytest.approx(400.0) and t.loc['N', 'PARK_M2'] == 0
    assert t.loc['S', 'PARK_PC'] == pytest.approx(400.0 / 140)


def test_network_distance_never_below_straight_line():
    rng = np.random.default_rng(7)
    xs = np.arange(0, 1001, 100.0)
    # a grid noded at its crossings (lines join at shared vertices only)
    lines = [LineString([(x, y) for y in xs]) for x in xs] + [LineString([(x, y) for x in xs]) for y in xs]
    homes = gpd.GeoSeries(gpd.points_from_xy(*rng.uniform(0, 1000, (2, 300))))
    facilities = gpd.GeoSeries(gpd.points_from_xy(*rng.uniform(0, 1000, (2, 12))))
    result = life_circle.compute(homes, np.ones(300), gpd.GeoSeries(lines), facilities, ['小学'] * 12, table())
    d = result.residents['D_PRIMARY'].to_numpy()
    hxy = np.column_stack([homes.x, homes.y])
    fxy = np.column_stack([facilities.x, facilities.y])
    straight = np.hypot(*(hxy[:, None, :] - fxy[None, :, :]).transpose(2, 0, 1)).min(axis=1)
    found = np.isfinite(d)
    assert found.sum() > 200
    assert (d[found] >= straight[found] - 0.1).all()      # D is rounded to 0.1 m


def test_bad_input_is_reported():
    homes = gpd.GeoSeries([Point(100, 25), Point(480, 30), Point(600, -20)])
    result = life_circle.compute(homes, [np.nan, 0, 5], ROADS,
                                 gpd.GeoSeries([Point(100, -25), Point(100, 900)]), ['小学', '小学'], table() +
                                 [], parks=None)
    notes = ' '.join(result.notes)
    assert '1 feature(s) have no population' in notes and '0 residents' in notes
    assert '1 facilities “小学” are more than 200 m' in notes
    assert 'No PARKS layer' in notes
    odd = life_circle.compute(homes, [1, 1, 1], ROADS, SCHOOL, ['托育'], table())
    assert '“托育” (1)' in ' '.join(odd.notes) and 'No facility of kind “小学”' in ' '.join(odd.notes)
    with pytest.raises(InputError, match='negative population'):
        life_circle.compute(homes, [1, -1, 1], ROADS, SCHOOL, ['小学'], table())


def test_shipped_thresholds():
    rows = {t.code: t for t in thresholds.load()}
    assert (rows['PARK'].metres, rows['PRIMARY'].metres, rows['HEALTH'].metres) == (300, 500, 1000)
    assert len(rows) == 8
    assert rows['MIDDLE'].minutes == 15
    derived = thresholds.load(pd.DataFrame({'kind': ['x'], 'code': ['X'], 'minutes': ['10'], 'metres': ['']}),
                              walk_speed_kmh=3.6)
    assert derived[0].metres == pytest.approx(600.0)
    with pytest.raises(InputError, match='twice'):
        thresholds.load(pd.DataFrame({'kind': ['x', 'x'], 'code': ['X', 'Y'], 'minutes': ['1', '2']}))


def test_footpaths_join_the_roads_they_cross():
    from spatial_planning_monitor.core.access import paths
    from spatial_planning_monitor.core.sensors.problem import lines_of
    roads = lines_of(gpd.GeoDataFrame(geometry=ROADS))
    # a footpath across the north road at x = 300 (no shared vertex), ending on the river bank
    lane = [np.array([(300.0, 100.0), (300.0, 10.0)])]
    lines = paths.walkable_lines(roads, lane)
    homes = gpd.GeoSeries([Point(300, 100)])
    walk = life_circle.compute(homes, [1], gpd.GeoSeries([LineString(c) for c in lines]), SCHOOL, ['小学'],
                               table()).residents
    assert walk.at[0, 'D_PRIMARY'] == pytest.approx(80 + 200 + 40 + 400 + 5)   # lane, north road, bridge
    apart = life_circle.compute(homes, [1], gpd.GeoSeries([LineString(c) for c in roads + lane]), SCHOOL,
                                ['小学'], table()).residents
    assert apart.at[0, 'PART'] == 1                                        # not joined without noding


def test_district_table_feeds_the_indicators_and_the_report_rows():
    from spatial_planning_monitor.core.indicators import MeasureTable, evaluate, load_definitions
    from spatial_planning_monitor.core.indicators.measures import Inputs
    from spatial_planning_monitor.core.reports import chart
    districts = gpd.GeoSeries([box(0, 0, 10, 10), box(10, 0, 20, 10)])
    table = pd.DataFrame({'POP': [1000.0, 400.0], 'POP_PARK': [950.0, 100.0], 'POP_HEALTH': [900.0, 0.0],
                          'POP_PRIMARY': [500.0, 400.0], 'POP_MIDDLE': [1000.0, 400.0],
                          'POP_ELDERLY': [850.0, 200.0], 'POP_ALL': [300.0, 0.0], 'PARK_M2': [12000.0, 800.0]})
    indicators = [i for i in load_definitions()[0] if i.id.startswith('LC_')]
    assert len(indicators) == 7
    result = evaluate(indicators, MeasureTable(Inputs(districts=districts, life_circle=table)), ['A', 'B'])
    values = result.long.set_index(['DISTRICT', 'IND_ID'])
    assert values.loc[('A', 'LC_PARK5'), 'VALUE'] == pytest.approx(95.0)
    assert values.loc[('A', 'LC_PARK5'), 'STATUS'] == '正常'          # target 85, warning 90
    assert values.loc[('B', 'LC_HEALTH'), 'VALUE'] == 0 and values.loc[('B', 'LC_HEALTH'), 'STATUS'] == '超标'
    assert values.loc[('A', 'LC_PARK_PC'), 'VALUE'] == pytest.approx(12.0)
    assert values.loc[('B', 'LC_15MIN'), 'VALUE'] == 0
    rows = chart.district_rows(result.long)
    assert '社区小学步行10分钟覆盖率' in [r.name for r in rows['A']]    # on the atlas page
    missing = evaluate(indicators, MeasureTable(Inputs(districts=districts)), ['A', 'B'])
    assert 'LIFE_CIRCLE' in ' '.join(missing.messages)
