"""Hostile cases for spm:link_codes and its city code register (issue 19): a run killed (kill -9)
inside the register's transaction leaves the register and an earlier output as they were, and the
next run gives the same city codes; a killed first run leaves no register; bad input — GBK
registers, another CRS, invalid codes, one code on hundreds of objects — is handled or stopped
before the register changes."""

import glob
import os
import signal
import sqlite3

import pytest

from test_registry import digest, run_and_kill

ALG = 'spm:link_codes'


def state(path):
    """(city codes with status, current links) of a register; a hot journal rolled back first."""
    connection = sqlite3.connect(path)
    try:
        assert connection.execute('PRAGMA integrity_check').fetchone() == ('ok',)
        codes = connection.execute('SELECT city_code, status FROM city_entities ORDER BY fid').fetchall()
        links = connection.execute('SELECT code_type, code, city_code, method FROM city_links '
                                   'WHERE valid_to IS NULL ORDER BY fid').fetchall()
    finally:
        connection.close()
    return codes, links


def params(sample_gpkg, register, output, subset=None, **extra):
    entities = f'{sample_gpkg}|layername=buildings' + (f'|subset={subset}' if subset else '')
    values = {'ENTITIES': entities, 'ENTITY_TYPE': 'building', 'ENTITY_KEY_FIELD': 'BSM',
              'CITY_REGISTER': str(register), 'REGION': '350300',
              'REGISTER': os.path.join(os.path.dirname(sample_gpkg), 'bdc_buildings.csv'),
              'CODE_FIELD': '不动产单元号', 'CODE_TYPE': 'real_estate_unit', 'MATCH': 'key',
              'KEY_FIELD': '房屋标识码', 'KEY_TYPE': 'building_id', 'OUTPUT': str(output)}
    return dict(values, **extra)


def cli(values):
    return ['run', ALG, '--', *[f'{k}={v}' for k, v in values.items()]]


def test_killed_inside_the_transaction_leaves_register_and_output_unchanged(qgis_process, tmp_path, sample_gpkg):
    register, output = tmp_path / 'city.gpkg', tmp_path / 'links.gpkg'
    first = qgis_process(*cli(params(sample_gpkg, register, output, '"fid" <= 4000')))
    assert first.returncode == 0, first.stderr + first.stdout
    before, before_output = state(register), digest(output)
    staging = lambda: glob.glob(str(tmp_path / '.spm-run-*' / 'links.gpkg'))   # noqa: E731
    assert run_and_kill(None, staging, args=cli(params(sample_gpkg, register, output))) == -signal.SIGKILL
    assert os.path.exists(f'{register}-journal')           # killed inside the register's transaction
    assert digest(output) == before_output
    assert state(register) == before
    again = qgis_process(*cli(params(sample_gpkg, register, output)))
    assert again.returncode == 0, again.stderr + again.stdout
    codes, links = state(register)
    assert codes[:len(before[0])] == before[0]             # the first run's codes, unchanged
    assert len(codes) == 8164 and len({c for c, _ in codes}) == 8164


def test_a_killed_first_run_leaves_no_register(qgis_process, tmp_path, sample_gpkg):
    register, output = tmp_path / 'city.gpkg', tmp_path / 'links.gpkg'
    drawn = lambda: glob.glob(str(tmp_path / '.spm-run-*' / 'links.gpkg'))   # noqa: E731
    assert run_and_kill(None, drawn, args=cli(params(sample_gpkg, register, output))) == -signal.SIGKILL
    assert not register.exists() and not output.exists()
    assert [n for n in os.listdir(tmp_path) if not n.startswith('.')] == []


def test_gbk_register_invalid_codes_and_conflicts(run_alg, tmp_path, sample_gpkg):
    register = tmp_path / 'city.gpkg'
    run_alg(ALG, params(sample_gpkg, register, tmp_path / 'links.gpkg',
                                      CONFLICTS=str(tmp_path / 'conflicts.csv'), INVALID=str(tmp_path / 'bad.csv')))
    import pandas as pd
    bad = pd.read_csv(tmp_path / 'bad.csv', dtype=str)
    assert list(bad['STATUS']) == ['invalid', 'invalid']
    assert bad['REASON'].str.startswith('GB/T 37346-2019 format: ').all()
    assert '坐落' in bad.columns and bad['坐落'].str.startswith('莆田市').all()       # GBK read as GBK
    conflicts = pd.read_csv(tmp_path / 'conflicts.csv', dtype=str)
    assert list(conflicts['KIND']) == ['shared']


def test_a_location_in_another_crs_is_reprojected(run_alg, tmp_path, sample_gpkg):
    """Address points given in EPSG:4490 link to the same buildings as in the sample's EPSG:4528."""
    register = tmp_path / 'city.gpkg'
    points = tmp_path / 'addresses_4490.gpkg'
    run_alg('native:reprojectlayer', {'INPUT': f'{sample_gpkg}|layername=address_points',
                                      'TARGET_CRS': 'EPSG:4490', 'OUTPUT': str(points)})
    common = dict(CODE_FIELD='address', CODE_TYPE='address', MATCH='nearest', TOLERANCE=30)
    run_alg(ALG, params(sample_gpkg, register, tmp_path / 'a.csv', REGISTER=f'{sample_gpkg}|layername=address_points',
                        **common))
    run_alg(ALG, params(sample_gpkg, register, tmp_path / 'b.csv', REGISTER=str(points), **common))
    import pandas as pd
    a = pd.read_csv(tmp_path / 'a.csv', dtype=str).sort_values('CODE')
    b = pd.read_csv(tmp_path / 'b.csv', dtype=str).sort_values('CODE')
    assert len(a) > 1500 and list(a['CITY_CODE']) == list(b['CITY_CODE'])


def test_one_code_on_hundreds_of_objects_stops_and_changes_nothing(run_alg, tmp_path, sample_gpkg):
    register = tmp_path / 'city.gpkg'
    run_alg(ALG, params(sample_gpkg, register, tmp_path / 'first.gpkg'))
    before = state(register)
    with pytest.raises(Exception, match='would be linked to [0-9]+ objects'):
        run_alg(ALG, params(sample_gpkg, register, tmp_path / 'second.gpkg', REGISTER=f'{sample_gpkg}|layername=districts',
                            CODE_FIELD='name', CODE_TYPE='district_name', MATCH='overlay', MIN_SHARE=0.5))
    assert state(register) == before and not (tmp_path / 'second.gpkg').exists()
