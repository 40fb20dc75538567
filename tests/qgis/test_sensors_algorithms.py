"""spm:plan_sensors and spm:evaluate_sensor_coverage through the Processing registry: a hand-made
city whose answer is worked out below, bad input that writes nothing, and the sample city."""

import math

import numpy as np
import pytest
from spatial_planning_monitor.compat import ParameterFlag

T = 'TEMPORARY_OUTPUT'
WATER, SLOPE = '易涝积水点', '道路边坡风险点'


def memory_layer(geometry, fields, rows, name='l'):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
    layer = QgsVectorLayer(f'{geometry}?crs=EPSG:4528&' + '&'.join(f'field={f}' for f in fields), name,
                           'memory')
    features = []
    for wkt, attributes in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(attributes)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def rows(layer):
    names = layer.fields().names()
    return [dict(zip(names, f.attributes()), geometry=f.geometry()) for f in layer.getFeatures()]


@pytest.fixture
def hand_city(qgis_app):
    # Risk points: two waterlogging points 100 m apart, a slope point 1 km east, one far away.
    # Kind table: waterlogging radius 300 m (weight 3), slope 200 m (weight 4); weights given here.
    risk = memory_layer('Point', ['kind:string', 'weight:double'], [
        ('POINT(0 0)', [WATER, 3]), ('POINT(100 0)', [WATER, 2]), ('POINT(1000 0)', [SLOPE, 5]),
        ('POINT(5000 5000)', [WATER, 1])], 'risk')
    # C1 at 50 m covers both waterlogging points; C2 50 m from the slope point covers it; C3 nothing.
    candidates = memory_layer('Point', ['cost:double'], [
        ('POINT(50 0)', [1.0]), ('POINT(1000 50)', [2.0]), ('POINT(9000 0)', [1.0])], 'candidates')
    # an existing water-level gauge (named as a device) 10 m from the first point, own radius 50 m
    existing = memory_layer('Point', ['kind:string', 'radius:double'], [('POINT(0 10)', ['积水监测仪', 50.0])],
                            'existing')
    return risk, candidates, existing


def plan(run_alg, hand_city, **extra):
    risk, candidates, existing = hand_city
    params = {'RISK_POINTS': risk, 'KIND_FIELD': 'kind', 'WEIGHT_FIELD': 'weight', 'CANDIDATES': candidates,
              'EXISTING': existing, 'EXISTING_RADIUS_FIELD': 'radius', 'TIME_LIMIT': 10,
              'OUTPUT': T, 'ASSIGNMENTS': T, 'SUMMARY': T}
    params.update(extra)
    return run_alg('spm:plan_sensors', params)


def test_mclp_on_the_hand_city(run_alg, hand_city):
    # The gauge already covers point 1 (weight 3). One more sensor: C1 adds point 2 (weight 2), C2 adds
    # the slope point (weight 5) → C2; covered weight 3 + 5 = 8 of 11.
    result = plan(run_alg, hand_city, MODEL='MCLP', P=1)
    sites = {r['SITE_ID']: r for r in rows(result['OUTPUT'])}
    assert set(sites) == {'E1', 'C2'}
    assert sites['E1']['EXISTING'] == 1 and sites['E1']['KIND'] == WATER and sites['E1']['RADIUS_M'] == 50
    assert sites['C2']['KIND'] == SLOPE and sites['C2']['RANK'] == 1 and sites['C2']['W_COVER'] == 5
    total = rows(result['SUMMARY'])[-1]
    assert (total['N_POINTS'], total['N_COVERED'], total['W_POINTS'], total['W_COVERED']) == (4, 2, 11, 8)
    assert total['N_UNREACH'] == 1 and total['N_NEW'] == 1 and total['N_EXISTING'] == 1
    assert total['STATUS'] == 'optimal' and total['GAP_PCT'] == 0 and total['OBJECTIVE'] == 8
    lines = sorted((r['POINT_FID'], r['SITE_ID'], r['DIST_M']) for r in rows(result['ASSIGNMENTS']))
    assert lines == [(1, 'E1', pytest.approx(10.0)), (3, 'C2', pytest.approx(50.0))]


def test_budget_and_lscp_by_cost_on_the_hand_city(run_alg, hand_city):
    # Budget 1.5: C2 costs 2, so only C1 (cost 1) fits → point 2 added, covered weight 3 + 2 = 5.
    result = plan(run_alg, hand_city, MODEL='MCLP', BUDGET=1.5, COST_FIELD='cost')
    assert {r['SITE_ID'] for r in rows(result['OUTPUT'])} == {'E1', 'C1'}
    assert rows(result['SUMMARY'])[-1]['W_COVERED'] == 5
    # LSCP: every coverable point (1, 2, 3) covered → C1 and C2, cost 3; point 4 stays unreachable
    result = plan(run_alg, hand_city, MODEL='LSCP', COST_FIELD='cost')
    assert {r['SITE_ID'] for r in rows(result['OUTPUT'])} == {'E1', 'C1', 'C2'}
    total = rows(result['SUMMARY'])[-1]
    assert total['OBJECTIVE'] == 3 and total['N_UNCOVER'] == total['N_UNREACH'] == 1


def test_generated_candidates_along_roads_with_network_distance(run_alg, hand_city):
    risk, _, existing = hand_city
    roads = memory_layer('LineString', ['name:string'], [('LINESTRING(-100 -20, 1100 -20)', ['路'])])
    result = run_alg('spm:plan_sensors', {
        'RISK_POINTS': risk, 'KIND_FIELD': 'kind', 'EXISTING': existing, 'EXISTING_RADIUS_FIELD': 'radius',
        'ROADS': roads, 'DISTANCE': 'NETWORK', 'SPACING': 100, 'MODEL': 'LSCP', 'TIME_LIMIT': 10,
        'OUTPUT': T, 'ASSIGNMENTS': T, 'SUMMARY': T})
    new = [r for r in rows(result['OUTPUT']) if r['EXISTING'] == 0]
    assert all(r['SITE_ID'].startswith('G') and r['geometry'].asPoint().y() == pytest.approx(-20) for r in new)
    total = rows(result['SUMMARY'])[-1]
    assert total['N_COVERED'] == 3 and total['N_UNREACH'] == 1 and total['DISTANCE'] == 'NETWORK'
    for line in rows(result['ASSIGNMENTS']):       # along the road is never shorter than straight
        assert line['DIST_M'] >= line['geometry'].length() - 1e-6


def test_bad_input_stops_with_a_message_and_writes_nothing(run_alg, hand_city, tmp_path):
    from qgis.core import QgsProcessingException
    out = {'OUTPUT': str(tmp_path / 'sites.gpkg'), 'ASSIGNMENTS': str(tmp_path / 'lines.gpkg'),
           'SUMMARY': str(tmp_path / 'summary.csv')}
    with pytest.raises(QgsProcessingException, match='RADIUS must be greater than 0'):
        plan(run_alg, hand_city, MODEL='MCLP', P=1, RADIUS=0, **out)
    table = tmp_path / 'costs.csv'
    table.write_text('fid,fid,cost\n1,1,10\n2,1,20\n1,1,30\n', encoding='utf-8')
    with pytest.raises(QgsProcessingException, match=r'more than once: 1 → 1 \(row 2\)'):
        plan(run_alg, hand_city, MODEL='MCLP', P=1, COST_TABLE=str(table), EXISTING=None, **out)
    with pytest.raises(QgsProcessingException, match='MCLP needs P'):
        plan(run_alg, hand_city, MODEL='MCLP', **out)
    with pytest.raises(QgsProcessingException, match='needs a road layer'):
        plan(run_alg, hand_city, MODEL='MCLP', P=1, DISTANCE='NETWORK', **out)
    assert not any(tmp_path.glob('sites*')) and not any(tmp_path.glob('lines*'))
    assert not (tmp_path / 'summary.csv').exists()


def test_evaluate_on_the_hand_city(run_alg, hand_city):
    risk, candidates, existing = hand_city
    result = run_alg('spm:evaluate_sensor_coverage', {
        'RISK_POINTS': risk, 'KIND_FIELD': 'kind', 'SENSORS': existing, 'SENSOR_RADIUS_FIELD': 'radius',
        'OUTPUT': T, 'SUMMARY': T, 'SENSOR_STATS': T})
    points = rows(result['OUTPUT'])
    assert [p['COVERED_BY'] for p in points] == [1, 0, 0, 0]
    assert points[0]['NEAREST'] == 'E1' and points[0]['DIST_M'] == pytest.approx(10)
    assert points[0]['kind'] == WATER and points[0]['weight'] == 3          # input fields kept
    summary = {(r['GROUP_TYPE'], r['GROUP']): r for r in rows(result['SUMMARY'])}
    overall = summary[('all', 'All risk points')]
    assert overall['N_COVERED'] == 1 and overall['COVER_PCT'] == 25 and overall['N_REDUNDANT'] == 0
    assert summary[('kind', WATER)]['N_SENSORS'] == 1 and summary[('kind', SLOPE)]['N_SENSORS'] == 0
    # every sensor at once, straight radius 1,200 m: the 4 candidates-as-sensors and a redundancy
    result = run_alg('spm:evaluate_sensor_coverage', {
        'RISK_POINTS': risk, 'SENSORS': candidates, 'RADIUS': 1200, 'OUTPUT': T, 'SUMMARY': T,
        'SENSOR_STATS': T})
    assert [p['COVERED_BY'] for p in rows(result['OUTPUT'])] == [2, 2, 2, 0]
    assert [s['REDUNDANT'] for s in rows(result['SENSOR_STATS'])] == [1, 1, 1]


# --- the sample city -----------------------------------------------------------------------

def sample_params(sample_layer):
    return {'RISK_POINTS': sample_layer('risk_points'), 'KIND_FIELD': 'kind', 'WEIGHT_FIELD': 'weight'}


def test_evaluate_on_the_sample_city_matches_a_brute_force_count(run_alg, sample_layer):
    from spatial_planning_monitor.core.sensors import kinds
    risk, sensors = sample_layer('risk_points'), sample_layer('sensors_existing')
    result = run_alg('spm:evaluate_sensor_coverage', {
        **sample_params(sample_layer), 'SENSORS': sensors, 'SENSOR_RADIUS_FIELD': 'radius',
        'DISTRICT_FIELD': 'district', 'OUTPUT': T, 'SUMMARY': T, 'SENSOR_STATS': T})
    # brute force: a sensor covers a point of the kind its name maps to within its radius
    watched = kinds.sensor_kind_map()
    s = [(f.geometry().asPoint(), watched[f['kind']], f['radius']) for f in sensors.getFeatures()]
    expected = []
    for f in risk.getFeatures():
        p = f.geometry().asPoint()
        expected.append(sum(1 for q, kind, r in s if kind == f['kind'] and math.hypot(p.x() - q.x(), p.y() - q.y()) <= r))
    got = [p['COVERED_BY'] for p in rows(result['OUTPUT'])]
    assert got == expected and sum(got) > 0
    summary = rows(result['SUMMARY'])
    overall = summary[-1]
    assert overall['N_POINTS'] == risk.featureCount()
    assert overall['N_COVERED'] == sum(1 for e in expected if e)
    assert overall['N_SENSORS'] == sensors.featureCount()
    for group_type in ('kind', 'district'):
        part = [r for r in summary if r['GROUP_TYPE'] == group_type]
        assert sum(r['N_POINTS'] for r in part) == overall['N_POINTS']
        assert sum(r['N_COVERED'] for r in part) == overall['N_COVERED']
    assert len([r for r in summary if r['GROUP_TYPE'] == 'kind']) == 6


def test_plan_on_the_sample_city_keeps_existing_sensors_and_adds_up(run_alg, sample_layer):
    p = 30
    result = run_alg('spm:plan_sensors', {
        **sample_params(sample_layer), 'EXISTING': sample_layer('sensors_existing'),
        'EXISTING_RADIUS_FIELD': 'radius', 'ROADS': sample_layer('roads'), 'DISTANCE': 'NETWORK',
        'MODEL': 'MCLP', 'P': p, 'TIME_LIMIT': 60, 'OUTPUT': T, 'ASSIGNMENTS': T, 'SUMMARY': T})
    sites = rows(result['OUTPUT'])
    existing = [s for s in sites if s['EXISTING'] == 1]
    new = [s for s in sites if s['EXISTING'] == 0]
    assert len(existing) == sample_layer('sensors_existing').featureCount()
    assert len(new) == p and sorted(s['RANK'] for s in new) == list(range(1, p + 1))
    summary = rows(result['SUMMARY'])
    total = summary[-1]
    assert total['N_POINTS'] == sample_layer('risk_points').featureCount()
    assert sum(r['N_COVERED'] for r in summary[:-1]) == total['N_COVERED']
    assert total['OBJECTIVE'] == pytest.approx(total['W_COVERED'])
    assert total['OBJECTIVE'] >= total['GREEDY_OBJ'] and total['BOUND'] >= total['OBJECTIVE'] - 1e-6
    assert sum(s['N_ASSIGN'] for s in sites) == total['N_COVERED'] == result['ASSIGNMENTS'].featureCount()
    radius = {s['SITE_ID']: s['RADIUS_M'] for s in sites}
    for line in rows(result['ASSIGNMENTS']):
        assert line['geometry'].length() - 1e-6 <= line['DIST_M'] <= radius[line['SITE_ID']] + 1e-6
    # more sensors never cover less
    more = run_alg('spm:plan_sensors', {
        **sample_params(sample_layer), 'EXISTING': sample_layer('sensors_existing'),
        'EXISTING_RADIUS_FIELD': 'radius', 'ROADS': sample_layer('roads'), 'DISTANCE': 'NETWORK',
        'MODEL': 'MCLP', 'P': 2 * p, 'TIME_LIMIT': 0, 'OUTPUT': T, 'ASSIGNMENTS': T, 'SUMMARY': T})
    assert rows(more['SUMMARY'])[-1]['W_COVERED'] >= total['GREEDY_OBJ']
    assert np.isfinite(total['SECONDS'])


def test_a_canceled_run_writes_nothing(run_alg, hand_city, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = {'OUTPUT': str(tmp_path / 'sites.gpkg'), 'ASSIGNMENTS': str(tmp_path / 'lines.gpkg'),
           'SUMMARY': str(tmp_path / 'summary.csv')}
    risk, candidates, existing = hand_city
    with pytest.raises(QgsProcessingException, match='Canceled'):
        run_alg('spm:plan_sensors', {'RISK_POINTS': risk, 'CANDIDATES': candidates, 'RADIUS': 300,
                                     'MODEL': 'MCLP', 'P': 1, **out}, feedback=feedback)
    assert not any(tmp_path.iterdir())


# --- geographic input, the working CRS, optional outputs ---------------------------------------

def reprojected(layer, epsg):
    import processing
    return processing.run('native:reprojectlayer', {'INPUT': layer, 'TARGET_CRS': f'EPSG:{epsg}',
                                                     'OUTPUT': 'memory:'})['OUTPUT']


class Log:
    """A feedback that keeps what the run said."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class Recording(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.text = []

            def pushInfo(self, info):  # noqa: N802
                self.text.append(info)
                super().pushInfo(info)
        return Recording()


@pytest.mark.parametrize('epsg, working', [(4490, 'EPSG:4549'), (4326, 'EPSG:4549')])
def test_the_sample_city_in_degrees_gives_the_projected_answer(run_alg, sample_layer, epsg, working):
    names = ('risk_points', 'sensors_existing')
    projected = {n: sample_layer(n) for n in names}
    degrees = {n: reprojected(projected[n], epsg) for n in names}
    assert degrees['risk_points'].crs().isGeographic()

    def both(alg, params):
        runs = {}
        for key, layers in (('m', projected), ('deg', degrees)):
            log = Log()
            resolved = {k: layers[v] if v in layers else v for k, v in params.items()}
            runs[key] = (run_alg(alg, resolved, feedback=log), ' '.join(log.text))
        return runs

    runs = both('spm:evaluate_sensor_coverage', {
        'RISK_POINTS': 'risk_points', 'KIND_FIELD': 'kind', 'SENSORS': 'sensors_existing',
        'SENSOR_RADIUS_FIELD': 'radius', 'OUTPUT': T, 'SUMMARY': T, 'SENSOR_STATS': T})
    (m, _), (deg, log) = runs['m'], runs['deg']
    assert working in log and f'EPSG:{epsg}' in log
    covered = [p['COVERED_BY'] for p in rows(m['OUTPUT'])]
    assert [p['COVERED_BY'] for p in rows(deg['OUTPUT'])] == covered and sum(covered) > 0
    def distances(run):
        return [p['DIST_M'] for p in rows(run['OUTPUT']) if p['COVERED']]
    assert distances(deg) == pytest.approx(distances(m), abs=1e-3)
    assert rows(deg['SUMMARY'])[-1]['N_COVERED'] == rows(m['SUMMARY'])[-1]['N_COVERED']
    for name in ('OUTPUT', 'SENSOR_STATS'):
        assert deg[name].crs().authid() == f'EPSG:{epsg}' and m[name].crs().authid() == 'EPSG:4528'

    runs = both('spm:plan_sensors', {
        'RISK_POINTS': 'risk_points', 'KIND_FIELD': 'kind', 'WEIGHT_FIELD': 'weight', 'CANDIDATES': 'sensors_existing',
        'MODEL': 'MCLP', 'P': 15, 'TIME_LIMIT': 30, 'OUTPUT': T, 'ASSIGNMENTS': T, 'SUMMARY': T})
    (m, _), (deg, log) = runs['m'], runs['deg']
    assert working in log
    total_m, total_deg = rows(m['SUMMARY'])[-1], rows(deg['SUMMARY'])[-1]
    assert (total_deg['N_COVERED'], total_deg['W_COVERED']) == (total_m['N_COVERED'], total_m['W_COVERED'])
    assert total_m['N_COVERED'] > 0 and total_deg['STATUS'] == total_m['STATUS'] == 'optimal'
    assert m['OUTPUT'].featureCount() == deg['OUTPUT'].featureCount() == 15
    assert deg['OUTPUT'].crs().authid() == deg['ASSIGNMENTS'].crs().authid() == f'EPSG:{epsg}'
    # the chosen sites are the input's points, in the input's degrees
    source = {f.id(): f.geometry().asPoint() for f in degrees['sensors_existing'].getFeatures()}
    for site in rows(deg['OUTPUT']):
        assert site['geometry'].asPoint().distance(source[site['SRC_FID']]) < 1e-9


def test_working_crs_parameter_overrides_and_must_be_projected(run_alg, sample_layer):
    from qgis.core import QgsProcessingException
    params = {**sample_params(sample_layer), 'SENSORS': sample_layer('sensors_existing'),
              'SENSOR_RADIUS_FIELD': 'radius', 'OUTPUT': T}
    default = run_alg('spm:evaluate_sensor_coverage', params)
    log = Log()
    # the same zone without the zone prefix, then a UTM zone (scale 0.9996, not 1): nearly the same
    for epsg in (4549, 32650):
        chosen = run_alg('spm:evaluate_sensor_coverage', {**params, 'WORKING_CRS': f'EPSG:{epsg}'}, feedback=log)
        assert f'EPSG:{epsg}' in ' '.join(log.text) and chosen['OUTPUT'].crs().authid() == 'EPSG:4528'
        assert set(chosen) == {'OUTPUT'}                   # the optional outputs were not asked for
        got = [p['COVERED_BY'] for p in rows(chosen['OUTPUT'])]
        want = [p['COVERED_BY'] for p in rows(default['OUTPUT'])]
        differ = sum(a != b for a, b in zip(got, want))
        assert differ == 0 if epsg == 4549 else differ <= 5
    with pytest.raises(QgsProcessingException, match='WORKING_CRS EPSG:4490 is geographic'):
        run_alg('spm:evaluate_sensor_coverage', {**params, 'WORKING_CRS': 'EPSG:4490'})


@pytest.mark.parametrize('alg_id, secondary', [('spm:plan_sensors', ['ASSIGNMENTS', 'SUMMARY']),
                                               ('spm:evaluate_sensor_coverage', ['SUMMARY', 'SENSOR_STATS'])])
def test_secondary_outputs_are_optional_but_the_dialog_creates_them(spm_provider, qgis_iface, alg_id, secondary):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingOutputLayerDefinition
    from qgis.gui import QgsGui, QgsProcessingGui
    alg = QgsApplication.processingRegistry().algorithmById(alg_id)
    assert not alg.parameterDefinition('OUTPUT').flags() & alg.parameterDefinition('OUTPUT').FlagOptional
    for name in secondary:
        param = alg.parameterDefinition(name)
        assert param.flags() & ParameterFlag.Optional and param.createByDefault()
        # the Toolbox dialog's widget starts on a temporary layer, not on "skip output"
        wrapper = QgsGui.processingGuiRegistry().createParameterWidgetWrapper(param, QgsProcessingGui.WidgetType.Standard)
        wrapper.createWrappedWidget(QgsProcessingContext())
        value = wrapper.parameterValue()
        assert isinstance(value, QgsProcessingOutputLayerDefinition)
        assert value.sink.staticValue() == 'TEMPORARY_OUTPUT'
