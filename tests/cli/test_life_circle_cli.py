"""spm:life_circle through qgis_process on the sample city, then into spm:indicators (LIFE_CIRCLE)."""

import geopandas as gpd
import pandas as pd
import pytest


def run_ok(qgis_process, *args):
    done = qgis_process('run', *args, '--json')
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done


def test_life_circle_then_indicators(qgis_process, sample_gpkg, tmp_path):
    layer = f'{sample_gpkg}|layername'
    homes, table = tmp_path / 'homes.gpkg', tmp_path / 'districts.csv'
    done = run_ok(qgis_process, 'spm:life_circle', '--', f'RESIDENTIAL={layer}=buildings',
                  'POPULATION_FIELD=population', f'FACILITIES={layer}=facilities', 'KIND_FIELD=kind',
                  f'PARKS={layer}=parks', f'ROADS={layer}=roads', f'FOOTPATHS={layer}=footpaths',
                  f'DISTRICTS={layer}=districts', 'DISTRICT_FIELD=adcode', f'OUTPUT={homes}',
                  f'DISTRICT_TABLE={table}')
    log = done.stdout + done.stderr
    assert '“托育机构” (2)' in log and 'separate parts' in log and '0 residents' in log
    out = gpd.read_file(homes)
    assert len(out) == 8164 and {'D_PRIMARY', 'C_PARK', 'N_15MIN', 'COMPLETE', 'PART'} <= set(out.columns)
    t = pd.read_csv(table, dtype={'DISTRICT': str}).set_index('DISTRICT')
    parts, total = t.drop(index='合计'), t.loc['合计']
    assert list(parts.index) == ['350302', '350303', '350304', '350305', '350322']
    assert total['POP'] == out['population'].sum() == parts['POP'].sum()
    for code in ('PARK', 'HEALTH', 'PRIMARY', 'MIDDLE', 'KINDER', 'ELDERLY', 'MARKET', 'SERVICE', 'ALL'):
        assert parts['POP_' + code].sum() == total['POP_' + code]
        assert total['PCT_' + code] == pytest.approx(100 * total['POP_' + code] / total['POP'])
    assert total['POP_PRIMARY'] == out.loc[out['C_PRIMARY'] == 1, 'population'].sum()
    indicators = tmp_path / 'indicators.csv'
    run_ok(qgis_process, 'spm:indicators', '--', f'DISTRICTS={layer}=districts', 'DISTRICT_FIELD=adcode',
           f'LANDUSE={layer}=landuse_current', 'LANDUSE_FIELD=DLBM', f'LIFE_CIRCLE={table}',
           f'OUTPUT={tmp_path / "ind.gpkg"}', f'TABLE={indicators}')
    long = pd.read_csv(indicators, dtype={'DISTRICT': str}).set_index(['DISTRICT', 'IND_ID'])
    assert long.loc[('350302', 'LC_PRIMARY'), 'VALUE'] == pytest.approx(t.loc['350302', 'PCT_PRIMARY'])
    assert long.loc[('350303', 'LC_PARK_PC'), 'VALUE'] == pytest.approx(t.loc['350303', 'PARK_PC'])
    assert set(long.loc['350302'].index) >= {'LC_PARK5', 'LC_HEALTH', 'LC_PRIMARY', 'LC_MIDDLE', 'LC_ELDERLY',
                                              'LC_PARK_PC', 'LC_15MIN'}
    assert long.loc[('350302', 'LC_15MIN'), 'STATUS'] in ('正常', '预警', '超标')
