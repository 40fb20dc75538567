"""From layers (GeoDataFrames) to a sensor plan: kinds, weights, cost tables, candidates, reports,
coverage_of, and the messages for bad input."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import LineString, Point

from spatial_planning_monitor.core.errors import InputError
from spatial_planning_monitor.core.sensors import evaluate, kinds, models, outputs, problem

CRS = 'EPSG:4528'
WATER, SLOPE, BRIDGE = '易涝积水点', '道路边坡风险点', '城市桥梁隧道'


def frame(xy, start=1, **columns):
    gdf = gpd.GeoDataFrame(columns, geometry=[Point(x, y) for x, y in xy], crs=CRS)
    gdf.index = pd.RangeIndex(start, start + len(gdf), name='fid')
    return gdf


def random_city(seed=0, n=120, m=40):
    rng = np.random.default_rng(seed)
    risk = frame(rng.uniform(0, 2000, (n, 2)), kind=list(rng.choice([WATER, SLOPE, BRIDGE], n)),
                 w=rng.integers(1, 6, n), rid=[f'R{k:03d}' for k in range(n)])
    cand = frame(rng.uniform(0, 2000, (m, 2)), sid=[f'S{k:03d}' for k in range(m)],
                 cost=rng.integers(1, 4, m).astype(float))
    return risk, cand


def test_shipped_kind_table_has_the_six_risk_kinds_with_positive_radius_and_weight():
    table = kinds.load()
    assert set(table.index) == {'管道泄漏爆管风险点', SLOPE, '地质灾害易发点', '防洪排涝关键节点', WATER, BRIDGE}
    assert (table['radius_m'] > 0).all() and table['weight'].between(1, 5).all()
    assert table['source'].str.contains('unverified').all()
    names = kinds.sensor_kind_map()
    assert names['积水监测仪'] == WATER and names['桥梁结构监测仪'] == BRIDGE and names[SLOPE] == SLOPE


def test_per_kind_radius_and_weight_a_slope_sensor_does_not_cover_a_waterlogging_point():
    r_water, r_slope = kinds.load().at[WATER, 'radius_m'], kinds.load().at[SLOPE, 'radius_m']
    assert r_slope < 250 < r_water
    risk = frame([(250, 0), (0, 250), (0, 10)], kind=[WATER, SLOPE, WATER])
    cand = frame([(0, 0)])
    prob = problem.prepare(risk, cand, None, kind_field='kind')
    cov = prob.coverage
    # candidate (any kind) → one facility per kind; the slope one does not reach 250 m
    covers = {(cov.kinds[cov.fac_kind[f]], int(r)) for r, f in zip(cov.rows, cov.cols)}
    assert covers == {(WATER, 0), (WATER, 2)}
    assert list(prob.points['WEIGHT']) == [kinds.load().at[k, 'weight'] for k in (WATER, SLOPE, WATER)]
    # a slope sensor offered by the candidate layer covers no waterlogging point, however close
    prob = problem.prepare(risk, frame([(0, 0)], kind=[SLOPE]), None, kind_field='kind')
    assert prob.coverage.n_facilities == 0
    # an existing sensor without a kind covers every kind, with its own radius when given
    prob = problem.prepare(risk, cand, frame([(0, 0)], radius=[260.0]), kind_field='kind',
                           existing_radius_field='radius')
    fixed = np.flatnonzero(prob.coverage.fac_fixed)
    assert set(prob.coverage.rows[np.isin(prob.coverage.cols, fixed)]) == {0, 1, 2}
    # a sensor layer may name the device (积水监测仪) instead of the risk kind it watches
    prob = problem.prepare(risk, cand, frame([(0, 0)], kind=['积水监测仪']), kind_field='kind')
    fixed = np.flatnonzero(prob.coverage.fac_fixed)
    assert set(prob.coverage.rows[np.isin(prob.coverage.cols, fixed)]) == {0, 2}
    assert [prob.coverage.kinds[k] for k in prob.coverage.fac_kind[fixed]] == [WATER]


def test_weight_field_overrides_the_kind_weight_and_a_radius_overrides_the_kind_radius():
    risk = frame([(250, 0), (0, 250)], kind=[WATER, SLOPE], w=[7.0, 2.0])
    prob = problem.prepare(risk, frame([(0, 0)]), None, kind_field='kind', weight_field='w', radius=100.0)
    assert list(prob.points['WEIGHT']) == [7.0, 2.0]
    assert prob.coverage.n_facilities == 0 and list(prob.coverage.kind_radius) == [100.0, 100.0]


def test_cost_table_gives_the_same_plan_as_the_distances_it_encodes():
    risk, cand = random_city()
    direct = problem.prepare(risk, cand, None, radius=300.0)
    cov = direct.coverage
    table = pd.DataFrame({'rid': risk['rid'].to_numpy()[cov.rows],
                          'sid': cand['sid'].to_numpy()[cov.fac_site[cov.cols]],
                          'cost': cov.dist})
    far = pd.DataFrame({'rid': ['R000'], 'sid': ['S001'], 'cost': [5000.0]})   # beyond the radius
    tabled = problem.prepare(risk, cand, None, radius=300.0, cost_table=pd.concat([table, far]))
    assert tabled.distance == 'COST_TABLE'
    for model, extra in (('MCLP', {'p': 6}), ('LSCP', {}), ('PMEDIAN', {'p': 30})):
        a = models.solve(direct.coverage, model, time_limit=20, **extra)
        b = models.solve(tabled.coverage, model, time_limit=20, **extra)
        assert b.objective == pytest.approx(a.objective) and a.proven_optimal and b.proven_optimal
        sites_a = set(direct.sites['SITE_ID'].to_numpy()[direct.coverage.fac_site[a.chosen]])
        sites_b = set(tabled.sites['SITE_ID'].to_numpy()[tabled.coverage.fac_site[b.chosen]])
        if model != 'PMEDIAN':      # the optimum is unique on this instance for MCLP and LSCP
            assert sites_a == sites_b


def test_cost_table_with_fid_header_and_unknown_ids():
    risk = frame([(0, 0), (500, 0)])
    cand = frame([(0, 0), (500, 0)], start=10)
    table = pd.DataFrame({'fid': [1, 2, 99], 'FID': [10, 11, 10], 'cost': [0.0, 0.0, 1.0]})
    prob = problem.prepare(risk, cand, None, radius=50.0, cost_table=table)
    assert sorted(zip(prob.coverage.rows, prob.coverage.fac_site)) == [(0, 0), (1, 1)]
    assert any('not in the layers' in n and 'row 4' in n for n in prob.notes)


def test_duplicate_ids_in_a_cost_table_or_in_the_id_field_stop_with_their_names():
    risk, cand = random_city()
    table = pd.DataFrame({'rid': ['R001', 'R002', 'R001'], 'sid': ['S005', 'S005', 'S005'],
                          'cost': [10.0, 20.0, 30.0]})
    with pytest.raises(InputError, match=r'more than once: R001 → S005 \(row 2\); R001 → S005 \(row 4\)'):
        problem.prepare(risk, cand, None, radius=300.0, cost_table=table)
    risk.loc[5, 'rid'] = 'R000'
    with pytest.raises(InputError, match='repeats the id.*R000'):
        problem.prepare(risk, cand, None, radius=300.0, cost_table=table.iloc[:2])
    risk.loc[5, 'rid'] = 'R004'
    with pytest.raises(InputError, match='has no field nope'):
        problem.prepare(risk, cand, None, radius=300.0,
                        cost_table=pd.DataFrame({'nope': ['R001'], 'sid': ['S005'], 'cost': [1.0]}))
    with pytest.raises(InputError, match='not a number'):
        problem.prepare(risk, cand, None, radius=300.0,
                        cost_table=pd.DataFrame({'rid': ['R001'], 'sid': ['S005'], 'cost': ['far']}))


def test_ids_of_mixed_lengths_and_types_are_distinct_pairs():
    # 25→1 and 2→51 are different pairs (a joined text key made them one); text, integer and
    # Chinese ids side by side; '060750479.01' stays text (not the number 60750479.01)
    risk = frame([(0, 0), (100, 0), (200, 0), (300, 0)], pid=['25', '2', '060750479.01', '城厢-1'])
    cand = frame([(0, 0), (100, 0), (200, 0)], sid=[1, 51, 7])
    table = pd.DataFrame({'pid': ['25', '2', '060750479.01', '城厢-1', '2'],
                          'sid': ['1', '51', '7', '7', '1'], 'cost': ['0', '0', '0', '40', '900']})
    prob = problem.prepare(risk, cand, None, radius=50.0, cost_table=table)
    cov = prob.coverage
    assert sorted(zip(cov.rows.tolist(), cov.fac_site[cov.cols].tolist(), cov.dist.tolist())) == [
        (0, 0, 0.0), (1, 1, 0.0), (2, 2, 0.0), (3, 2, 40.0)]
    assert models.solve(cov, 'LSCP', time_limit=5).objective == 3
    with pytest.raises(InputError, match='more than once: 2 → 51'):
        problem.prepare(risk, cand, None, radius=50.0, cost_table=pd.concat([table, table.iloc[[1]]]))


def test_zero_or_negative_radius_is_refused_naming_where():
    risk, cand = random_city()
    for bad in (0.0, -10.0):
        with pytest.raises(InputError, match='greater than 0'):
            problem.prepare(risk, cand, None, radius=bad)
    with pytest.raises(InputError, match=r'field radius \(radius\) must be greater than 0; fid 2'):
        problem.prepare(risk, cand, frame([(0, 0), (5, 5)], radius=[100.0, -1.0]), radius=100.0,
                        existing_radius_field='radius')
    table = pd.DataFrame({'kind': [WATER], 'radius_m': [0.0], 'weight': [1.0]})
    with pytest.raises(InputError, match='radius_m must be a positive number'):
        problem.prepare(risk, cand, None, kind_field='kind', kind_table=table)


def test_kinds_missing_from_the_table_geographic_crs_and_empty_kinds_are_refused():
    risk, cand = random_city()
    risk.loc[3, 'kind'] = '不存在的类型'
    with pytest.raises(InputError, match='不存在的类型.*not in the kind table'):
        problem.prepare(risk, cand, None, kind_field='kind')
    assert problem.prepare(risk, cand, None, kind_field='kind', radius=200.0).coverage.n_points == len(risk)
    risk.loc[3, 'kind'] = None
    with pytest.raises(InputError, match='field kind is empty for fid 3'):
        problem.prepare(risk, cand, None, kind_field='kind')
    with pytest.raises(InputError, match='geographic coordinates'):
        problem.prepare(risk.set_crs('EPSG:4490', allow_override=True), None, None, radius=100.0)
    with pytest.raises(InputError, match='Give a radius'):
        problem.prepare(risk, cand, None)


def test_points_outside_the_road_networks_reach_and_idle_candidates_are_reported():
    roads = gpd.GeoDataFrame(geometry=[LineString([(0, 0), (1000, 0)]),
                                       LineString([(3000, 0), (3000, 800)])], crs=CRS)
    risk = frame([(100, 20), (900, -30), (3010, 400), (500, 900)])
    cand = frame([(300, 0), (5000, 5000)], start=21)
    prob = problem.prepare(risk, cand, None, radius=400.0, distance='NETWORK', roads=roads)
    assert list(prob.coverage.coverable()) == [True, False, False, False]    # 900 m along is too far
    note = next(n for n in prob.notes if 'out of reach' in n)
    assert '3 risk point(s)' in note and 'fid 2, 3, 4' in note and 'along the roads' in note
    assert any('1 candidate site(s)' in n and 'fid 22' in n for n in prob.notes)
    euclid = problem.prepare(risk, cand, None, radius=400.0)
    assert euclid.coverage.coverable().sum() >= prob.coverage.coverable().sum()
    with pytest.raises(InputError, match='needs a road layer'):
        problem.prepare(risk, cand, None, radius=400.0, distance='NETWORK')


def test_candidates_are_generated_along_the_roads_or_on_a_grid_when_none_are_given():
    roads = gpd.GeoDataFrame(geometry=[LineString([(0, 0), (1000, 0)]), LineString([(1000, 0), (1000, 250)])],
                             crs=CRS)
    risk = frame([(100, 20), (1000, 240)])
    prob = problem.prepare(risk, None, None, radius=150.0, roads=roads, spacing=100.0)
    xy = problem.xy_of(prob.sites)
    assert len(xy) == 11 + 3       # 0, 100 … 1000 on the first road; 100, 200, 250 up the second
    assert {tuple(p) for p in xy} >= {(0.0, 0.0), (1000.0, 0.0), (1000.0, 250.0)}
    prob = problem.prepare(risk, None, None, radius=150.0, spacing=100.0)
    xy = problem.xy_of(prob.sites)
    # every multiple of 100 m within 150 m of a risk point (brute force over a wide box): 7 + 7
    box = [(x, y) for x in range(-500, 1600, 100) for y in range(-500, 800, 100)]
    expected = {p for p in box if min(np.hypot(p[0] - 100, p[1] - 20), np.hypot(p[0] - 1000, p[1] - 240)) <= 150}
    assert {tuple(p) for p in xy} == expected and len(expected) == 14
    with pytest.raises(InputError, match='larger spacing'):
        problem.prepare(frame([(0, 0), (1e6, 1e6)]), None, None, radius=150.0, spacing=1.0)


def test_inputs_are_not_modified():
    risk, cand = random_city()
    before = risk.copy(), cand.copy()
    prob = problem.prepare(risk, cand, frame([(10, 10)]), kind_field='kind', weight_field='w')
    outputs.chosen_sites(prob, models.solve(prob.coverage, 'MCLP', p=4, time_limit=5))
    pd.testing.assert_frame_equal(risk, before[0])
    pd.testing.assert_frame_equal(cand, before[1])


def test_plan_report_adds_up():
    risk, cand = random_city(3)
    water = risk.geometry[risk['kind'] == WATER].iloc[0]
    existing = frame([(water.x + 5, water.y), (-5000, -5000)], kind=[WATER, WATER])  # 2nd covers nothing
    prob = problem.prepare(risk, cand, existing, kind_field='kind', weight_field='w')
    solution = models.solve(prob.coverage, 'MCLP', p=8, time_limit=10)
    sites = outputs.chosen_sites(prob, solution)
    lines = outputs.assignment_lines(prob, solution.chosen)
    summary = outputs.plan_summary(prob, solution)
    total = summary.iloc[-1]
    assert len(sites) == len(solution.chosen) + 1 and sites['EXISTING'].sum() == 2
    assert sites.loc[sites['SITE_ID'] == 'E2', ['N_COVER', 'N_ASSIGN']].values.tolist() == [[0, 0]]
    assert sites.loc[sites['SITE_ID'] == 'E1', 'N_COVER'].item() >= 1
    assert sorted(sites.loc[sites['EXISTING'] == 0, 'RANK']) == list(range(1, len(solution.added) + 1))
    assert sites['N_ASSIGN'].sum() == len(lines) == total['N_COVERED']
    assert sites['W_ASSIGN'].sum() == pytest.approx(total['W_COVERED']) == pytest.approx(solution.objective)
    assert total['W_COVERED'] == pytest.approx(lines['WEIGHT'].sum())
    assert summary.iloc[:-1]['N_POINTS'].sum() == total['N_POINTS'] == len(risk)
    assert summary.iloc[:-1]['N_NEW'].sum() == total['N_NEW'] == len(solution.added)
    assert total['MODEL'] == 'MCLP' and total['STATUS'] == 'optimal' and total['GAP_PCT'] == 0
    assert (lines['DIST_M'] <= sites.set_index('SITE_ID')['RADIUS_M'].max() + 1e-9).all()
    for line, site in zip(lines.geometry, lines['SITE_ID']):      # each line ends at its sensor
        assert Point(line.coords[-1]).equals(prob.sites.set_index('SITE_ID').geometry[site])


def test_coverage_of_counts_sensors_per_point_and_finds_redundant_ones():
    points = frame([(0, 0), (100, 0), (200, 0), (900, 0)], kind=[WATER, WATER, SLOPE, WATER],
                   district=['350302', '350302', '350303', '350303'])
    sensors = frame([(50, 0), (150, 0), (160, 0), (5000, 0)], start=11)
    report = evaluate.coverage_of(points, sensors, radius=60.0)
    # point 100 m: sensors at 50 and 150 m, and the one at 160 m exactly on its 60 m circle
    assert list(report.points['COVERED_BY']) == [1, 3, 2, 0]
    assert report.n_covered == 3 and report.ratio == pytest.approx(0.75)
    assert list(report.points['NEAREST']) == ['E11', 'E11', 'E13', None]
    assert list(report.sensors['N_UNIQUE']) == [1, 0, 0, 0]
    assert list(report.sensors['REDUNDANT']) == [0, 1, 1, 1]
    by_district = report.by(points['district']).set_index('GROUP')
    assert by_district.loc['350302', 'COVER_PCT'] == 100 and by_district.loc['350303', 'N_COVERED'] == 1
    # per kind (radii and weights from the kind table): a slope sensor covers only the slope point
    report = evaluate.coverage_of(points, frame([(200, 0)], kind=[SLOPE]), kind_field='kind')
    assert list(report.points['COVERED_BY']) == [0, 0, 1, 0]
    assert report.weighted_ratio == pytest.approx(4 / (3 + 3 + 4 + 3))
