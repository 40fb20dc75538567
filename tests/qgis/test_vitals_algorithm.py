"""spm:vital_signs through the registry: the hand-made series from CSV, GeoPackage and PostgreSQL
give the same answer, the temporal properties are set, bad input stops with a clear message."""

import pandas as pd
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer, QgsVectorLayerTemporalProperties

import vital_series as vs
from vital_layers import frame_of, postgres_readings, write_city


@pytest.fixture
def city(tmp_path):
    return write_city(tmp_path)


def run(run_alg, tmp_path, readings, sensors, districts, **extra):
    params = dict({'READINGS': readings, 'SENSORS': sensors, 'DISTRICTS': districts, 'DISTRICT_FIELD': 'name',
                   'OUTPUT': str(tmp_path / 'out_sensors.gpkg'), 'EVENTS': str(tmp_path / 'out_events.gpkg'),
                   'DISTRICT_TABLE': str(tmp_path / 'out_districts.csv')}, **extra)
    result = run_alg('spm:vital_signs', params)
    outputs = {name: frame_of(QgsVectorLayer(result[name], name, 'ogr'))
               for name in ('OUTPUT', 'EVENTS', 'DISTRICT_TABLE')}
    return result, outputs


def check_answer(outputs):
    events = outputs['EVENTS']
    level = events[events['TYPE'] == 'level'].set_index(['NAME', 'METRIC'])
    assert set(level.index) == set(vs.EXPECTED_EVENTS)
    for key, (lvl, start, end, peak) in vs.EXPECTED_EVENTS.items():
        row = level.loc[key]
        assert (row['LEVEL'], row['START'].toPyDateTime(), row['END'].toPyDateTime(), row['PEAK']) == \
            (lvl, start.to_pydatetime(), end.to_pydatetime(), peak), key
    sensors = outputs['OUTPUT'].set_index('name')
    assert sensors.loc['gauge-3', 'OFFLINE'] == 1 and sensors['OFFLINE'].sum() == 1
    assert sensors.loc['gauge-1', 'PEAK_LEVEL'] == 4 and sensors.loc['gas-1', 'PEAK_LEVEL'] == 3
    table = outputs['DISTRICT_TABLE'].set_index('DISTRICT').astype({c: float for c in (
        'SENSORS', 'ONLINE', 'OFFLINE', 'PONDING_OVER', 'EVENTS', 'ONLINE_RATE')})
    assert table.loc['B', ['SENSORS', 'ONLINE', 'OFFLINE', 'ONLINE_RATE', 'PONDING_OVER']].tolist() == [2, 1, 1, 50, 1]
    assert table['SENSORS'].sum() == 4 and table['EVENTS'].sum() == 3


def test_csv_readings(run_alg, spm_provider, tmp_path, city):
    sensors, districts, csv, _ = city
    result, outputs = run(run_alg, tmp_path, csv, sensors, districts)
    check_answer(outputs)
    assert result['N_EVENTS'] == 3 and result['N_OFFLINE'] == 1


def test_geopackage_readings_give_the_same_answer(run_alg, spm_provider, tmp_path, city):
    sensors, districts, csv, gpkg = city
    (tmp_path / 'a').mkdir()
    _, from_csv = run(run_alg, tmp_path / 'a', csv, sensors, districts)
    _, from_gpkg = run(run_alg, tmp_path, gpkg, sensors, districts)
    check_answer(from_gpkg)
    pd.testing.assert_frame_equal(from_csv['EVENTS'].astype(str), from_gpkg['EVENTS'].astype(str))


def test_gbk_csv_with_chinese_fields_gives_the_same_answer(run_alg, spm_provider, tmp_path, city):
    """A readings file saved by a Chinese Windows program: GBK, Chinese column names, ISO times with a
    zone on some rows and the common '2025-07-01 08:00:00' on others."""
    sensors, districts, csv, _ = city
    frame = pd.read_csv(csv, dtype=str)
    frame.columns = ['传感器', '时间', '指标', '数值']
    times = pd.to_datetime(frame['时间'])
    frame['时间'] = [t.strftime('%Y-%m-%d %H:%M:%S') if i % 2 else t.strftime('%Y-%m-%dT%H:%M:%S+08:00')
                   for i, t in enumerate(times)]
    gbk = tmp_path / '读数.csv'
    frame.to_csv(gbk, index=False, encoding='gbk')
    (tmp_path / 'a').mkdir()
    _, from_utf8 = run(run_alg, tmp_path / 'a', csv, sensors, districts)
    _, from_gbk = run(run_alg, tmp_path, str(gbk), sensors, districts, SENSOR_ID_FIELD='传感器',
                      TIME_FIELD='时间', METRIC_FIELD='指标', VALUE_FIELD='数值')
    check_answer(from_gbk)
    pd.testing.assert_frame_equal(from_utf8['EVENTS'].astype(str), from_gbk['EVENTS'].astype(str))


def test_postgresql_readings_give_the_same_answer(run_alg, spm_provider, tmp_path, city, postgres):
    sensors, districts, csv, _ = city
    source = postgres_readings(postgres)
    assert postgres.sql('SELECT count(*) FROM readings').strip() == str(len(vs.readings()))
    assert postgres.sql('SELECT PostGIS_Version()').strip().startswith('3.')
    (tmp_path / 'a').mkdir()
    _, from_csv = run(run_alg, tmp_path / 'a', csv, sensors, districts)
    _, from_pg = run(run_alg, tmp_path, source, sensors, districts)
    check_answer(from_pg)
    pd.testing.assert_frame_equal(from_csv['EVENTS'].astype(str), from_pg['EVENTS'].astype(str))
    pd.testing.assert_frame_equal(from_csv['DISTRICT_TABLE'].astype(str), from_pg['DISTRICT_TABLE'].astype(str))


def test_events_replay_in_the_temporal_controller(spm_provider, tmp_path, city):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject
    sensors, districts, csv, _ = city
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.runAndLoadResults('spm:vital_signs', {
        'READINGS': csv, 'SENSORS': sensors, 'OUTPUT': str(tmp_path / 's.gpkg'), 'EVENTS': str(tmp_path / 'e.gpkg'),
        'DISTRICT_TABLE': str(tmp_path / 'd.csv')}, context=context, feedback=QgsProcessingFeedback())
    loaded = {layer.source().split('|')[0]: layer for layer in QgsProject.instance().mapLayers().values()}
    layer = loaded[str(tmp_path / 'e.gpkg')]
    properties = layer.temporalProperties()
    assert properties.isActive()
    assert properties.mode() == QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromFields
    assert (properties.startField(), properties.endField()) == ('START', 'END')
    sensor_layer = loaded[str(tmp_path / 's.gpkg')]
    assert sensor_layer.renderer().type() == 'RuleRenderer'
    QgsProject.instance().removeAllMapLayers()


def test_time_window_and_bad_times(run_alg, spm_provider, tmp_path, city):
    sensors, districts, csv, _ = city
    _, outputs = run(run_alg, tmp_path, csv, sensors, districts, TIME_TO='2025-07-01T09:45:00+08:00')
    events = outputs['EVENTS']
    gauge = events[(events['NAME'] == 'gauge-1') & (events['TYPE'] == 'level')].iloc[0]
    assert gauge['ONGOING'] == 1 and gauge['LEVEL'] == 4
    with pytest.raises(QgsProcessingException, match='TIME_FROM: “noon” is not a time; expected ISO 8601'):
        run(run_alg, tmp_path, csv, sensors, districts, TIME_FROM='noon')


def test_bad_readings_are_reported(run_alg, spm_provider, tmp_path, city):
    from qgis.core import QgsProcessingFeedback
    sensors, districts, csv, _ = city
    frame = vs.readings()
    extra = pd.DataFrame({'sensor_id': [77, 77, 1], 'time': ['2025-07-01 09:00:00', '07/01 9am', '2025-07-01 09:00:00'],
                          'metric': ['depth', 'depth', 'depth'], 'value': ['1', '2', 'high']})
    pd.concat([frame.astype({'value': object}), extra]).to_csv(tmp_path / 'bad.csv', index=False)
    warnings = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, text):  # noqa: N802
            warnings.append(text)

    result = run_alg('spm:vital_signs', {'READINGS': str(tmp_path / 'bad.csv'), 'SENSORS': sensors,
                                         'OUTPUT': str(tmp_path / 's.gpkg')}, feedback=Feedback())
    text = ' '.join(warnings)
    assert result['N_UNKNOWN_READINGS'] == 1
    assert '“07/01 9am”' in text and 'expected ISO 8601' in text and '“high”' in text and ': 77.' in text


def test_unreachable_database(run_alg, spm_provider, tmp_path, city):
    from pg_server import free_port
    sensors, _, _, _ = city
    source = "postgres://dbname='city' host=127.0.0.1 port={} user='postgres' table=\"public\".\"readings\"".format(
        free_port())
    with pytest.raises(QgsProcessingException, match='READINGS.*cannot be opened.*running'):
        run_alg('spm:vital_signs', {'READINGS': source, 'SENSORS': sensors, 'OUTPUT': str(tmp_path / 's.gpkg')})
    assert not (tmp_path / 's.gpkg').exists()
