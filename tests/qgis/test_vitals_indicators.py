"""spm:vital_signs' district table feeds spm:indicators (VITALS): 在线率, 橙色及以上预警, 易涝点积水超标."""

import csv
import os

import pytest


def rows(path):
    with open(path, encoding='utf-8') as handle:
        return list(csv.DictReader(handle))


def test_vital_signs_district_table_gives_the_indicators(run_alg, sample_gpkg, tmp_path):
    layer = f'{sample_gpkg}|layername='
    readings = os.path.join(os.path.dirname(sample_gpkg), 'vital_readings.csv.gz')
    run_alg('spm:vital_signs', {
        'READINGS': readings, 'SENSORS': layer + 'sensors_existing', 'DISTRICTS': layer + 'districts',
        'DISTRICT_FIELD': 'adcode', 'TIME_FROM': '2024-06-20 12:00:00', 'TIME_TO': '2024-06-21 12:00:00',
        'OUTPUT': str(tmp_path / 'sensors.gpkg'), 'EVENTS': str(tmp_path / 'events.gpkg'),
        'DISTRICT_TABLE': str(tmp_path / 'vitals.csv')})
    run_alg('spm:indicators', {
        'DISTRICTS': layer + 'districts', 'DISTRICT_FIELD': 'adcode', 'LANDUSE': layer + 'landuse_current',
        'LANDUSE_FIELD': 'DLBM', 'VITALS': str(tmp_path / 'vitals.csv'),
        'OUTPUT': str(tmp_path / 'indicators.gpkg'), 'TABLE': str(tmp_path / 'table.csv')})
    vitals = {r['DISTRICT']: r for r in rows(tmp_path / 'vitals.csv')}
    table = {(r['DISTRICT'], r['IND_ID']): r for r in rows(tmp_path / 'table.csv')}
    assert len(vitals) == 5
    assert sum(int(v['PONDING_OVER']) for v in vitals.values()) > 0          # the storm floods somewhere
    for key, v in vitals.items():
        online, sensors = float(v['ONLINE']), float(v['SENSORS'])
        if sensors:
            assert float(table[(key, 'VS_ONLINE')]['VALUE']) == pytest.approx(100 * online / sensors)
        warned = float(v['LEVEL_ORANGE']) + float(v['LEVEL_RED'])
        assert float(table[(key, 'VS_WARN')]['VALUE']) == warned
        assert table[(key, 'VS_WARN')]['STATUS'] == ('超标' if warned > 0 else '正常')
        assert float(table[(key, 'VS_PONDING')]['VALUE']) == float(v['PONDING_OVER'])
