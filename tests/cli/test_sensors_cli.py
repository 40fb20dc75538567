"""Sensor planning through qgis_process, as a technician would batch it.

The sample city: the plan's files agree with each other and with an independent evaluation of the
sensors it chose. A hand-made city in GeoPackages (EPSG:4528 and the same in geographic EPSG:4490)
whose ids mix text ('060750479.01', '25', '2', Chinese) and integers (1, 51, 7, 900): every
documented parameter combination of spm:plan_sensors and spm:evaluate_sensor_coverage, with the
answer worked out by hand, and only the outputs named on the command line written.
"""

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import LineString, Point


def run_ok(qgis_process, *args):
    done = qgis_process('run', *args, '--json')
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done.json['results']


def test_plan_then_evaluate_the_planned_sensors(qgis_process, sample_gpkg, tmp_path):
    layer = f'{sample_gpkg}|layername'
    risk = [f'RISK_POINTS={layer}=risk_points', 'KIND_FIELD=kind', 'WEIGHT_FIELD=weight']
    sites, summary = tmp_path / 'sites.gpkg', tmp_path / 'summary.csv'
    run_ok(qgis_process, 'spm:plan_sensors', '--', *risk, f'EXISTING={layer}=sensors_existing',
           'EXISTING_RADIUS_FIELD=radius', f'ROADS={layer}=roads', 'DISTANCE=EUCLIDEAN', 'SPACING=150',
           'MODEL=MCLP', 'P=25', 'TIME_LIMIT=60', f'OUTPUT={sites}', f'ASSIGNMENTS={tmp_path / "lines.gpkg"}',
           f'SUMMARY={summary}')
    planned = gpd.read_file(sites)
    total = pd.read_csv(summary).iloc[-1]
    assert (planned['EXISTING'] == 0).sum() == 25 and total['STATUS'] == 'optimal' and total['GAP_PCT'] == 0
    # evaluate the planned layout independently: each sensor with its kind and radius
    layout = tmp_path / 'layout.gpkg'
    planned.rename(columns={'KIND': 'kind', 'RADIUS_M': 'radius'})[['kind', 'radius', 'geometry']].to_file(
        layout, driver='GPKG')
    coverage, table = tmp_path / 'coverage.gpkg', tmp_path / 'coverage.csv'
    run_ok(qgis_process, 'spm:evaluate_sensor_coverage', '--', *risk, f'SENSORS={layout}',
           'SENSOR_RADIUS_FIELD=radius', 'DISTRICT_FIELD=district', f'OUTPUT={coverage}', f'SUMMARY={table}')
    evaluated = pd.read_csv(table)
    overall = evaluated[evaluated['GROUP_TYPE'] == 'all'].iloc[0]
    assert overall['N_COVERED'] == total['N_COVERED']
    assert overall['W_COVERED'] == pytest.approx(total['W_COVERED'])
    points = gpd.read_file(coverage)
    assert len(points) == total['N_POINTS'] and (points['COVERED_BY'] > 0).sum() == total['N_COVERED']
    assert {'kind', 'weight', 'name', 'district'} <= set(points.columns)     # input fields kept


# --- the hand city with mixed ids ------------------------------------------------------------

WATER, SLOPE = '易涝积水点', '道路边坡风险点'
X0, Y0 = 40_410_000.0, 2_810_000.0          # near Putian in EPSG:4528 (zone-prefixed eastings)
PIDS = ['060750479.01', '25', '2', '城厢-1']


def at(x, y):
    return Point(X0 + x, Y0 + y)


@pytest.fixture(scope='module')
def city(tmp_path_factory):
    """{'4528': gpkg path, '4490': gpkg path, 'costs': csv, 'fid_costs': csv, 'gbk_costs': csv, 'kinds': csv}.

    Risk points (kind table radius: waterlogging 300 m, slope 200 m): fid 1 '060750479.01' at (0, 0)
    water w3, fid 2 '25' at (100, 0) water w2, fid 3 '2' at (1000, 0) slope w5, fid 4 '城厢-1' at
    (5000, 5000) water w1. Candidates: fid 1 sid 1 at (50, 0) cost 1, fid 2 sid 51 at (1000, 50)
    cost 2, fid 3 sid 7 at (9000, 0) cost 1. Existing: sid 900, a water gauge at (0, 10), radius 50.
    A road y = −20 from x = −100 to 1100.
    """
    folder = tmp_path_factory.mktemp('sensor_city')
    layers = {
        'risk': gpd.GeoDataFrame({'pid': PIDS, 'kind': [WATER, WATER, SLOPE, WATER], 'weight': [3.0, 2.0, 5.0, 1.0],
                                  'district': ['城厢区', '城厢区', '荔城区', '仙游县']},
                                 geometry=[at(0, 0), at(100, 0), at(1000, 0), at(5000, 5000)], crs='EPSG:4528'),
        'candidates': gpd.GeoDataFrame({'sid': [1, 51, 7], 'cost': [1.0, 2.0, 1.0]},
                                       geometry=[at(50, 0), at(1000, 50), at(9000, 0)], crs='EPSG:4528'),
        'existing': gpd.GeoDataFrame({'sid': [900], 'kind': ['积水监测仪'], 'radius': [50.0]},
                                     geometry=[at(0, 10)], crs='EPSG:4528'),
        'roads': gpd.GeoDataFrame({'name': ['路']}, geometry=[LineString([(X0 - 100, Y0 - 20), (X0 + 1100, Y0 - 20)])],
                                  crs='EPSG:4528'),
    }
    paths = {}
    for epsg in ('4528', '4490'):
        paths[epsg] = str(folder / f'city_{epsg}.gpkg')
        for name, frame in layers.items():
            frame.to_crs(f'EPSG:{epsg}').to_file(paths[epsg], layer=name, driver='GPKG')
    # straight distances; '25'→1 and '2'→51 are the pairs a joined key ('251') once confused
    paths['costs'] = folder / 'costs.csv'
    paths['costs'].write_text('pid,sid,cost\n060750479.01,1,50\n060750479.01,900,10\n25,1,50\n25,900,100.5\n'
                              '2,51,50\n2,1,950\n城厢-1,7,4000\n', encoding='utf-8')
    paths['fid_costs'] = folder / 'fid_costs.csv'
    paths['fid_costs'].write_text('fid,fid,cost\n1,1,50\n2,1,50\n3,2,50\n4,3,4000\n', encoding='utf-8')
    paths['gbk_costs'] = folder / 'gbk_costs.csv'
    paths['gbk_costs'].write_bytes('pid,sid,费用\n060750479.01,1,50\n25,1,50\n2,1,950\n城厢-1,7,4000\n'.encode('gbk'))
    paths['kinds'] = folder / 'kinds.csv'
    paths['kinds'].write_text(f'kind,radius_m,weight,sensor_kinds\n{WATER},60,1,积水监测仪\n{SLOPE},60,1,\n',
                              encoding='utf-8')
    return paths


def layer(city, name, epsg='4528'):
    return f'{city[epsg]}|layername={name}'


def run_in(qgis_process, tmp_path, alg, params, outputs):
    """Run ``alg`` writing only ``outputs`` (names) into a fresh folder; return (results, folder, log)."""
    folder = tmp_path / alg.split(':')[1]
    folder.mkdir(parents=True, exist_ok=True)
    files = {'OUTPUT': 'output.gpkg', 'ASSIGNMENTS': 'assignments.gpkg', 'SUMMARY': 'summary.csv',
             'SENSOR_STATS': 'stats.gpkg'}
    args = [f'{k}={v}' for k, v in params.items()] + [f'{o}={folder / files[o]}' for o in outputs]
    done = qgis_process('run', alg, '--', *args, '--json')
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert sorted(p.name for p in folder.iterdir()) == sorted(files[o] for o in outputs)
    read = {o: (pd.read_csv(folder / files[o]) if files[o].endswith('.csv') else gpd.read_file(folder / files[o]))
            for o in outputs}
    return read, done.stdout      # the JSON, with the run's log


def plan(qgis_process, tmp_path, city, outputs=('OUTPUT', 'ASSIGNMENTS', 'SUMMARY'), epsg='4528', **params):
    base = {'RISK_POINTS': layer(city, 'risk', epsg), 'TIME_LIMIT': 10}
    base.update(params)
    return run_in(qgis_process, tmp_path, 'spm:plan_sensors', base, outputs)


def sites_of(result):
    return set(result['OUTPUT']['SITE_ID'])


def total_of(result):
    return result['SUMMARY'].iloc[-1]


KINDS = {'KIND_FIELD': 'kind', 'WEIGHT_FIELD': 'weight'}


def with_existing(city, epsg='4528'):
    return {'EXISTING': layer(city, 'existing', epsg), 'EXISTING_RADIUS_FIELD': 'radius'}


def test_lscp_with_only_the_sites_output(qgis_process, city, tmp_path):
    # radius 300: C1 covers points 1 and 2, C2 point 3, C3 nothing, point 4 is out of reach
    result, _ = plan(qgis_process, tmp_path, city, outputs=('OUTPUT',), CANDIDATES=layer(city, 'candidates'),
                     MODEL='LSCP', RADIUS=300)
    assert sites_of(result) == {'C1', 'C2'} and list(result['OUTPUT']['N_COVER']) == [2, 1]


def test_mclp_with_kinds_weights_and_existing(qgis_process, city, tmp_path):
    # the gauge covers point 1 (w3); one more: C2 adds the slope point (w5) > C1 adds point 2 (w2)
    result, _ = plan(qgis_process, tmp_path, city, CANDIDATES=layer(city, 'candidates'), MODEL='MCLP', P=1,
                     **KINDS, **with_existing(city))
    assert sites_of(result) == {'E1', 'C2'}
    total = total_of(result)
    assert (total['N_COVERED'], total['W_COVERED'], total['W_POINTS'], total['STATUS']) == (2, 8, 11, 'optimal')
    assert sorted(result['ASSIGNMENTS']['DIST_M'].round(6)) == [10.0, 50.0]


def test_mclp_budget_and_lscp_by_cost(qgis_process, city, tmp_path):
    result, _ = plan(qgis_process, tmp_path, city, CANDIDATES=layer(city, 'candidates'), MODEL='MCLP', BUDGET=1.5,
                     COST_FIELD='cost', **KINDS, **with_existing(city))
    assert sites_of(result) == {'E1', 'C1'} and total_of(result)['W_COVERED'] == 5
    result, _ = plan(qgis_process, tmp_path / 'b', city, CANDIDATES=layer(city, 'candidates'), MODEL='LSCP',
                     COST_FIELD='cost', **KINDS, **with_existing(city))
    assert sites_of(result) == {'E1', 'C1', 'C2'}
    assert total_of(result)['OBJECTIVE'] == 3 and total_of(result)['N_UNREACH'] == 1


def test_pmedian_and_greedy_only(qgis_process, city, tmp_path):
    # every reachable point reports to its nearest sensor, 50 m each: 3·50 + 2·50 + 5·50
    result, _ = plan(qgis_process, tmp_path, city, CANDIDATES=layer(city, 'candidates'), MODEL='PMEDIAN', P=2,
                     RADIUS=300, WEIGHT_FIELD='weight')
    assert sites_of(result) == {'C1', 'C2'} and total_of(result)['OBJECTIVE'] == pytest.approx(500)
    result, _ = plan(qgis_process, tmp_path / 'b', city, CANDIDATES=layer(city, 'candidates'), MODEL='MCLP', P=1,
                     TIME_LIMIT=0, **KINDS, **with_existing(city))
    assert sites_of(result) == {'E1', 'C2'} and total_of(result)['STATUS'] == 'heuristic'


def test_network_distance_with_given_and_generated_candidates(qgis_process, city, tmp_path):
    # along the road y = −20: walk 20 m to it, along, 20 m (C1) or 70 m (C2) up: 90 m each
    result, _ = plan(qgis_process, tmp_path, city, CANDIDATES=layer(city, 'candidates'), MODEL='LSCP',
                     DISTANCE='NETWORK', ROADS=layer(city, 'roads'), KIND_FIELD='kind')
    assert sites_of(result) == {'C1', 'C2'}
    assert list(result['ASSIGNMENTS']['DIST_M'].round(6)) == [90.0, 90.0, 90.0]
    result, _ = plan(qgis_process, tmp_path / 'b', city, MODEL='LSCP', DISTANCE='NETWORK', ROADS=layer(city, 'roads'),
                     SPACING=100, KIND_FIELD='kind', outputs=('OUTPUT', 'SUMMARY'))
    assert all(s.startswith('G') for s in sites_of(result))
    assert (total_of(result)['N_COVERED'], total_of(result)['DISTANCE']) == (3, 'NETWORK')


def test_grid_candidates_and_a_kind_table(qgis_process, city, tmp_path):
    # no candidates, no roads: a 100 m grid near every point; points 1–2 share a node, 3 and 4 alone
    result, _ = plan(qgis_process, tmp_path, city, MODEL='LSCP', RADIUS=300, SPACING=100, outputs=('SUMMARY', 'OUTPUT'))
    assert total_of(result)['N_COVERED'] == 4 and total_of(result)['OBJECTIVE'] == 3
    # a kind table with 60 m for both kinds, weight 1: C1 (points 1, 2) beats C2 (point 3)
    result, _ = plan(qgis_process, tmp_path / 'b', city, CANDIDATES=layer(city, 'candidates'), MODEL='MCLP', P=1,
                     KIND_FIELD='kind', KIND_TABLE=city['kinds'])
    assert sites_of(result) == {'C1'} and total_of(result)['W_COVERED'] == 2
    assert set(result['OUTPUT']['RADIUS_M']) == {60}


def test_cost_table_with_text_and_integer_id_fields_on_geographic_layers(qgis_process, city, tmp_path):
    # header pid (text field of the risk points) and sid (integer field of candidates and existing)
    result, log = plan(qgis_process, tmp_path, city, epsg='4490', CANDIDATES=layer(city, 'candidates', '4490'),
                       MODEL='MCLP', P=1, COST_TABLE=city['costs'], **KINDS, **with_existing(city, '4490'))
    assert sites_of(result) == {'E1', 'C2'} and total_of(result)['W_COVERED'] == 8
    assert total_of(result)['DISTANCE'] == 'COST_TABLE'
    assert sorted(result['ASSIGNMENTS']['DIST_M']) == [10.0, 50.0]       # the table's costs
    assert result['OUTPUT'].crs.to_epsg() == 4490 and result['ASSIGNMENTS'].crs.to_epsg() == 4490
    assert 'EPSG:4549' in log
    c2 = result['OUTPUT'].set_index('SITE_ID').geometry['C2']
    source = gpd.read_file(city['4490'], layer='candidates').geometry[1]
    assert c2.distance(source) < 1e-9                                   # back in the input's degrees


def test_cost_table_by_fid_and_in_gbk(qgis_process, city, tmp_path):
    result, _ = plan(qgis_process, tmp_path, city, CANDIDATES=layer(city, 'candidates'), MODEL='LSCP', RADIUS=100,
                     COST_TABLE=city['fid_costs'], outputs=('OUTPUT',))
    assert sites_of(result) == {'C1', 'C2'}
    # GBK (as Excel writes it), radius 5 km: C1 reaches '2' at 950, C3 reaches 城厢-1 at 4000
    result, _ = plan(qgis_process, tmp_path / 'b', city, CANDIDATES=layer(city, 'candidates'), MODEL='LSCP',
                     RADIUS=5000, COST_TABLE=city['gbk_costs'], outputs=('OUTPUT', 'SUMMARY'))
    assert sites_of(result) == {'C1', 'C3'} and total_of(result)['N_COVERED'] == 4


def evaluate(qgis_process, tmp_path, city, outputs=('OUTPUT', 'SUMMARY'), epsg='4528', **params):
    base = {'RISK_POINTS': layer(city, 'risk', epsg)}
    base.update(params)
    return run_in(qgis_process, tmp_path, 'spm:evaluate_sensor_coverage', base, outputs)


def test_evaluate_with_only_the_points_output(qgis_process, city, tmp_path):
    result, _ = evaluate(qgis_process, tmp_path, city, outputs=('OUTPUT',), KIND_FIELD='kind',
                         SENSORS=layer(city, 'existing'), SENSOR_RADIUS_FIELD='radius')
    points = result['OUTPUT']
    assert list(points['COVERED_BY']) == [1, 0, 0, 0] and list(points['pid']) == PIDS


def test_evaluate_by_district_with_sensor_stats(qgis_process, city, tmp_path):
    result, _ = evaluate(qgis_process, tmp_path, city, outputs=('OUTPUT', 'SUMMARY', 'SENSOR_STATS'), **KINDS,
                         DISTRICT_FIELD='district', SENSORS=layer(city, 'candidates'), RADIUS=1200)
    assert list(result['OUTPUT']['COVERED_BY']) == [2, 2, 2, 0]
    assert list(result['SENSOR_STATS']['REDUNDANT']) == [1, 1, 1]
    summary = result['SUMMARY'].set_index(['GROUP_TYPE', 'GROUP'])
    assert summary.loc[('district', '城厢区'), 'N_COVERED'] == 2 and summary.loc[('district', '仙游县'), 'N_COVERED'] == 0
    assert summary.loc[('all', 'All risk points'), 'W_COVERED'] == 10


def test_evaluate_along_roads_and_with_a_working_crs(qgis_process, city, tmp_path):
    # C1 is 90 m from points 1 and 2 along the road, C2 90 m from point 3; C2 is 1,090 m from point 1
    result, _ = evaluate(qgis_process, tmp_path, city, SENSORS=layer(city, 'candidates'), RADIUS=300,
                         DISTANCE='NETWORK', ROADS=layer(city, 'roads'))
    assert list(result['OUTPUT']['COVERED_BY']) == [1, 1, 1, 0]
    assert list(result['OUTPUT']['DIST_M'].round(6)[:3]) == [90.0, 90.0, 90.0]
    # geographic input measured in an explicit UTM zone: the same coverage, output in EPSG:4490
    result, log = evaluate(qgis_process, tmp_path / 'b', city, epsg='4490', SENSORS=layer(city, 'candidates', '4490'),
                           RADIUS=300, DISTANCE='NETWORK', ROADS=layer(city, 'roads', '4490'),
                           WORKING_CRS='EPSG:32650')
    assert list(result['OUTPUT']['COVERED_BY']) == [1, 1, 1, 0] and result['OUTPUT'].crs.to_epsg() == 4490
    assert 'EPSG:32650' in log
