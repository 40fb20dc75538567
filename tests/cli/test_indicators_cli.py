"""spm:indicators from qgis_process on the sample city, as the demo runs it."""

import csv

from pathlib import Path

DEFINITIONS = Path(__file__).resolve().parents[2] / 'layers' / 'indicators.csv'


def test_indicators_from_qgis_process(qgis_process, sample_gpkg, tmp_path):
    table = tmp_path / 'indicator_table.csv'
    layer = sample_gpkg + '|layername='
    done = qgis_process(
        'run', 'spm:indicators', '--json', '--',
        f'DISTRICTS={layer}districts', 'DISTRICT_FIELD=adcode', 'POPULATION_FIELD=population',
        'URBAN_POPULATION_FIELD=urban_population', f'LANDUSE={layer}landuse_current', 'LANDUSE_FIELD=DLBM',
        f'ECO_REDLINE={layer}eco_redline', f'FARMLAND={layer}farmland', f'DEV_BOUNDARY={layer}dev_boundary',
        f'BUILDINGS={layer}buildings', f'ROADS={layer}roads', f'RISK_POINTS={layer}risk_points',
        'RISK_KIND_FIELD=kind', f'SENSORS={layer}sensors_existing', 'SENSOR_RADIUS=300',
        f'OUTPUT={tmp_path / "districts.gpkg"}', f'TABLE={table}')
    assert done.returncode == 0, done.stderr + done.stdout
    assert done.json['results']['TABLE'] == str(table)
    with open(table, encoding='utf-8') as handle:
        rows = list(csv.DictReader(handle))
    districts = {r['DISTRICT'] for r in rows}
    shipped = sum(1 for _ in open(DEFINITIONS, encoding='utf-8')) - 1     # rows of layers/indicators.csv
    assert len(districts) == 5 and len(rows) == 5 * shipped
    by_id = {}
    for row in rows:
        by_id.setdefault(row['IND_ID'], []).append(row)
    # given every layer but CARBON, STATS, LIFE_CIRCLE and VITALS: only their indicators are not computed
    not_computed = sorted({r['IND_ID'] for r in rows if r['STATUS'] == '未计算' and not r['IND_ID'].startswith(('LC_', 'VS_'))})
    assert not_computed == ['CO2_AREA', 'CO2_GDP', 'CO2_PC']
    assert all('CARBON' in r['NOTE'] for r in by_id['CO2_PC'])
    for row in by_id['DEV_INTENS'] + by_id['FOREST'] + by_id['RISK_COV']:
        assert 0 <= float(row['VALUE']) <= 100
        assert row['STATUS'] in ('正常', '预警', '超标')
