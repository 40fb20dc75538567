"""spm:indicators through the Processing registry: hand values, bad definitions, bad input, trend."""

import pytest

import indicator_city

from pathlib import Path

DEFINITIONS = Path(__file__).resolve().parents[2] / 'layers' / 'indicators.csv'


@pytest.fixture
def city_layers(qgis_app):
    from spatial_planning_monitor.bridge import frames
    layers = {name: frames.frame_to_layer(frame, name) for name, frame in indicator_city.frames().items()}
    layers['carbon'] = frames.frame_to_layer(indicator_city.carbon_table(), 'carbon')
    return layers


def _params(layers, **extra):
    params = {
        'DISTRICTS': layers['districts'], 'DISTRICT_FIELD': 'adcode',
        'POPULATION_FIELD': 'population', 'URBAN_POPULATION_FIELD': 'urban_population',
        'LANDUSE': layers['landuse_current'], 'LANDUSE_FIELD': 'DLBM', 'AREA_METHOD': 'PLANAR',
        'ECO_REDLINE': layers['eco_redline'], 'FARMLAND': layers['farmland'],
        'DEV_BOUNDARY': layers['dev_boundary'], 'BUILDINGS': layers['buildings'],
        'ROADS': layers['roads'], 'RISK_POINTS': layers['risk_points'], 'RISK_KIND_FIELD': 'kind',
        'SENSORS': layers['sensors'], 'SENSOR_RADIUS': 4.0,
        'CARBON': layers['carbon'], 'CARBON_DISTRICT_FIELD': 'district', 'CARBON_FIELD': 'co2_t',
        'OUTPUT': 'memory:', 'TABLE': 'memory:',
    }
    params.update(extra)
    return params


def _table(layer):
    return {(f['DISTRICT'], f['IND_ID']): f for f in layer.getFeatures()}


def test_hand_values_through_the_registry(run_alg, city_layers):
    result = run_alg('spm:indicators', _params(city_layers))
    rows = _table(result['TABLE'])
    A, B = indicator_city.A, indicator_city.B
    assert rows[(A, 'DEV_INTENS')]['VALUE'] == pytest.approx(21.0)
    assert rows[(B, 'DEV_INTENS')]['STATUS'] == '超标'
    assert rows[(A, 'RL_CONST')]['VALUE'] == pytest.approx(8.0)          # 80 000 m² = 8 hm²
    assert rows[(A, 'FARMLAND')]['VALUE'] == pytest.approx(610000 * 15 / 1e8)
    assert rows[(A, 'RISK_COV')]['VALUE'] == pytest.approx(100 / 3)      # 1 of 3 points within 4 m
    assert rows[(A, 'FLOOD_PTS')]['VALUE'] == 2
    assert rows[(A, 'CO2_PC')]['VALUE'] == pytest.approx(10.0)           # (10 000 + 20 000) t / 3000
    assert rows[(A, 'CO2_PC')]['STATUS'] == '预警'                        # = target: warning, not 超标
    assert rows[(B, 'CO2_PC')]['STATUS'] == '未计算'
    assert rows[(A, 'ROAD_DENS')]['UNIT'] == 'km/km²'
    output = {f['adcode']: f for f in result['OUTPUT'].getFeatures()}
    assert output[A]['DEV_INTENS'] == pytest.approx(21.0) and output[A]['name'] == '甲区'
    assert output[B]['WORST'] == '超标'
    assert output[B]['N_EXCEED'] == sum(1 for (d, _), f in rows.items() if d == B and f['STATUS'] == '超标')
    shipped = sum(1 for _ in open(DEFINITIONS, encoding='utf-8')) - 1     # rows of layers/indicators.csv
    assert result['TABLE'].featureCount() == 2 * shipped


def test_bad_definitions_are_reported_and_the_rest_computes(run_alg, city_layers, tmp_path):
    from qgis.core import QgsProcessingFeedback
    path = tmp_path / 'defs.csv'
    path.write_text(
        'id,name_zh,name_en,unit,dimension,level,formula,direction,target,warning,source\n'
        'DEV,开发强度,,%,协调,recommended,construction_area / district_area * 100,lower,30,25,\n'
        'BROKEN,语法错误,,,,,construction_area / (district_area,lower,,,\n'
        'TYPO,拼写错误,,,,,constructon_area / district_area,lower,,,\n'
        'PERCAP,人均建设用地,,m²/人,协调,basic,construction_area / population,lower,,,\n',
        encoding='utf-8')

    class Recorder(QgsProcessingFeedback):
        errors = []

        def reportError(self, error, fatalError=False):  # noqa: N802
            self.errors.append(error)

        def pushWarning(self, warning):  # noqa: N802 - not computed is a warning, not an error
            self.errors.append(warning)
    feedback = Recorder()
    layers = city_layers
    zero = layers['districts']
    zero.startEditing()
    first = next(zero.getFeatures())
    zero.changeAttributeValue(first.id(), zero.fields().indexOf('population'), 0.0)
    zero.commitChanges()
    result = run_alg('spm:indicators', _params(layers, DEFINITIONS=str(path)), feedback=feedback)
    rows = _table(result['TABLE'])
    assert rows[(indicator_city.A, 'DEV')]['VALUE'] == pytest.approx(21.0)
    text = '\n'.join(feedback.errors)
    assert 'BROKEN 语法错误' in text and 'syntax error' in text
    assert 'TYPO 拼写错误' in text and 'constructon_area' in text
    assert 'PERCAP 人均建设用地' in text and 'division by zero' in text
    assert rows[(indicator_city.B, 'PERCAP')]['VALUE'] == pytest.approx(460000 / 5000)
    assert rows[(indicator_city.A, 'PERCAP')]['STATUS'] == '未计算'


def test_bad_input_stops_before_writing(run_alg, city_layers, tmp_path):
    from qgis.core import QgsProcessingException
    out = tmp_path / 'out.gpkg'
    with pytest.raises(QgsProcessingException, match='landuse_current.*no field “CODE”'):
        run_alg('spm:indicators', _params(city_layers, LANDUSE_FIELD='CODE', OUTPUT=str(out)))
    assert not out.exists()
    # a text field is read as numbers (CSV tables have only text), but a word is refused
    with pytest.raises(QgsProcessingException, match='“districts”: field “name”, row 1: “甲区” is not a number'):
        run_alg('spm:indicators', _params(city_layers, CARBON=city_layers['districts'],
                                          CARBON_DISTRICT_FIELD='adcode', CARBON_FIELD='name'))


def test_previous_result_gives_the_trend(run_alg, city_layers):
    first = run_alg('spm:indicators', _params(city_layers))
    previous = first['TABLE']
    previous.startEditing()
    for feature in previous.getFeatures():
        if feature['IND_ID'] == 'DEV_INTENS':
            value = 20.0 if feature['DISTRICT'] == indicator_city.A else 50.0
            previous.changeAttributeValue(feature.id(), previous.fields().indexOf('VALUE'), value)
    previous.commitChanges()
    rows = _table(run_alg('spm:indicators', _params(city_layers, PREVIOUS=previous))['TABLE'])
    assert rows[(indicator_city.A, 'DEV_INTENS')]['TREND'] == '恶化'
    assert rows[(indicator_city.A, 'DEV_INTENS')]['CHANGE'] == pytest.approx(1.0)
    assert rows[(indicator_city.B, 'DEV_INTENS')]['TREND'] == '改善'
    assert rows[(indicator_city.A, 'FOREST')]['TREND'] == '持平'


def test_carbon_totals_from_a_text_table(run_alg, city_layers):
    from spatial_planning_monitor.bridge import frames
    text = indicator_city.carbon_table().astype(str)          # as a CSV without .csvt reads
    table = frames.frame_to_layer(text, 'carbon_text')
    rows = _table(run_alg('spm:indicators', _params(city_layers, CARBON=table))['TABLE'])
    assert rows[(indicator_city.A, 'CO2_PC')]['VALUE'] == pytest.approx(10.0)


def test_co2_per_gdp_from_two_years_of_statistics_and_carbon(run_alg, city_layers):
    """STATS (district × year, gdp) and a carbon table with YEAR: 甲区 2023 30 000 t / 100,
    2022 32 000 t / 95 → (1 − 300 / 336.842105) × 100 = 10.9375 %."""
    import pandas as pd
    from spatial_planning_monitor.bridge import frames
    A, B = indicator_city.A, indicator_city.B
    stats = frames.frame_to_layer(pd.DataFrame({
        'adcode': [A, A, B, B, A], 'year': [2022, 2023, 2022, 2023, 2021],
        'gdp': [95.0, 100.0, 190.0, 200.0, 80.0]}), 'stats')
    carbon = frames.frame_to_layer(pd.DataFrame({
        'DIST': [A, A, A, B], 'YEAR': [2023, 2022, 2021, 2023], 'CO2_T': [30000.0, 32000.0, 1.0, 50000.0]}), 'co2')
    params = _params(city_layers, STATS=stats, CARBON=carbon, CARBON_DISTRICT_FIELD='DIST', CARBON_FIELD='CO2_T')
    rows = _table(run_alg('spm:indicators', params)['TABLE'])
    assert rows[(A, 'CO2_GDP')]['VALUE'] == pytest.approx(10.9375)
    assert rows[(A, 'CO2_PC')]['VALUE'] == pytest.approx(10.0)              # 2023 only: 30 000 t / 3000
    assert rows[(B, 'CO2_GDP')]['STATUS'] == '未计算'                         # no 2022 carbon row for 乙区
    rows = _table(run_alg('spm:indicators', dict(params, YEAR=2022))['TABLE'])
    assert rows[(A, 'CO2_GDP')]['VALUE'] == pytest.approx((1 - (32000 / 95) / (1 / 80)) * 100)


def test_czcsxm_is_read_by_default_when_the_land_use_has_it(run_alg, city_layers):
    from spatial_planning_monitor.bridge import frames
    landuse = indicator_city.frames()['landuse_current']
    landuse['CZCSXM'] = ['201', '', '', '204', '', '203', '']        # 0601 工业 in a mine's extent: not 城乡
    layer = frames.frame_to_layer(landuse, 'lu')
    rows = _table(run_alg('spm:indicators', _params(city_layers, LANDUSE=layer))['TABLE'])
    A, B = indicator_city.A, indicator_city.B
    assert rows[(A, 'UR_CONST')]['VALUE'] == pytest.approx(0.2)             # km²: the 0701 parcel only
    assert rows[(B, 'UR_CONST')]['VALUE'] == pytest.approx(0.45)
