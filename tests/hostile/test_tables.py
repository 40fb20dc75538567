"""Hostile tables: every CSV/JSON a user can hand an spm: algorithm, in the forms users really send.

GBK and UTF-8-BOM files read like UTF-8 ones and say how they were read; binary, empty, header-only
and column-less files, malformed scheme JSON, non-finite numbers (inf, nan, 1e308 overflowing a
sum) and formula bombs stop with a message naming the file (or layer), the parameter and the row —
exit code non-zero, no output file — or, for a bad indicator formula, skip only that indicator.
Run through the registry (``run_alg``) and, for what a batch user does, through ``qgis_process``.
"""

import csv
import os
import time

import pytest

S = None       # the sample GeoPackage, set by the autouse fixture below
PNG = (b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f'
       b'\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND'
       b'\xaeB`\x82')


@pytest.fixture(autouse=True)
def _sample(sample_gpkg):
    global S
    S = sample_gpkg


def lyr(name):
    return f'{S}|layername={name}'


def raises(run_alg, alg, params, *needles):
    """Run ``alg``; it must fail with every needle in the message and write none of the outputs."""
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException) as caught:
        run_alg(alg, params)
    message = str(caught.value)
    for needle in needles:
        assert needle in message, message
    assert 'Traceback' not in message
    for key, value in params.items():
        if key in OUTPUT_KEYS:
            assert not os.path.exists(value), f'{key} was written: {value}'
    return message


OUTPUT_KEYS = {'OUTPUT', 'TOTALS', 'SUMMARY', 'TABLE_OUT', 'ASSIGNMENTS', 'GRID_OUTPUT', 'SENSOR_STATS'}


def base_params(alg, out):
    """Valid parameters of ``alg`` on the sample city, outputs in the folder ``out``."""
    o = {k: str(out / f'{k.lower()}.gpkg') for k in ('OUTPUT', 'TOTALS', 'SUMMARY', 'ASSIGNMENTS')}
    return {
        'spm:energy_carbon': {'TABLE': lyr('energy_use'), 'DISTRICT_FIELD': 'adcode', 'FUEL_FIELD': 'fuel',
                              'AMOUNT_FIELD': 'amount', 'OUTPUT': o['OUTPUT'], 'TOTALS': o['TOTALS']},
        'spm:landuse_carbon': {'LANDUSE': lyr('landuse_current'), 'LANDUSE_FIELD': 'DLBM',
                               'OUTPUT': o['OUTPUT'], 'SUMMARY': o['SUMMARY']},
        'spm:building_carbon': {'BUILDINGS': lyr('buildings'), 'USE_FIELD': 'use', 'FLOORS_FIELD': 'floors',
                                'OUTPUT': o['OUTPUT']},
        'spm:indicators': {'DISTRICTS': lyr('districts'), 'DISTRICT_FIELD': 'adcode',
                           'LANDUSE': lyr('landuse_current'), 'LANDUSE_FIELD': 'DLBM',
                           'OUTPUT': o['OUTPUT'], 'TABLE': str(out / 'table.csv')},
        'spm:plan_conformance': {'CURRENT': lyr('landuse_current'), 'CURRENT_FIELD': 'DLBM',
                                 'PLAN': lyr('landuse_plan'), 'PLAN_FIELD': 'YDYHFLDM',
                                 'OUTPUT': o['OUTPUT'], 'SUMMARY': o['SUMMARY']},
        'spm:plan_sensors': {'RISK_POINTS': lyr('risk_points'), 'KIND_FIELD': 'kind', 'P': 3,
                             'TIME_LIMIT': 0, 'OUTPUT': o['OUTPUT'], 'ASSIGNMENTS': o['ASSIGNMENTS'],
                             'SUMMARY': o['SUMMARY']},
        'spm:evaluate_sensor_coverage': {'RISK_POINTS': lyr('risk_points'), 'KIND_FIELD': 'kind',
                                         'SENSORS': lyr('sensors_existing'), 'OUTPUT': o['OUTPUT'],
                                         'SUMMARY': o['SUMMARY']},
    }[alg]


# every CSV file parameter of the provider
CSV_PARAMETERS = [
    ('spm:energy_carbon', 'FACTORS'),
    ('spm:landuse_carbon', 'COEFFICIENTS'),
    ('spm:building_carbon', 'INTENSITIES'),
    ('spm:indicators', 'DEFINITIONS'),
    ('spm:plan_conformance', 'RULES'),
    ('spm:plan_sensors', 'COST_TABLE'),
    ('spm:plan_sensors', 'KIND_TABLE'),
    ('spm:evaluate_sensor_coverage', 'KIND_TABLE'),
]

BAD_FILES = {
    'png': (PNG, 'not a text file'),
    'random bytes': (bytes(range(256)) * 8, 'not a text file'),
    'empty': (b'', 'is empty'),
    'blank lines': (b'\r\n  \r\n', 'is empty'),
    'latin-1 garbage': ('a,b,c\ncafé,naïve,ÿ\n'.encode('latin-1'), 'neither UTF-8 nor GBK'),
    'UTF-16': ('a,b\n1,2\n'.encode('utf-16'), 'UTF-16'),
    'no such columns (GBK)': ('名称,数值\n甲,1\n'.encode('gbk'), 'column'),
}


@pytest.mark.parametrize('alg,param', CSV_PARAMETERS)
@pytest.mark.parametrize('kind', list(BAD_FILES))
def test_a_bad_file_as_each_csv_parameter_stops_naming_file_and_parameter(run_alg, tmp_path, alg, param,
                                                                          kind):
    content, reason = BAD_FILES[kind]
    bad = tmp_path / 'bad_input.csv'     # not table.csv: that is where spm:indicators writes TABLE
    bad.write_bytes(content)
    params = base_params(alg, tmp_path)
    params[param] = str(bad)
    raises(run_alg, alg, params, str(bad), f'({param})', reason)


def test_a_binary_file_as_the_energy_table_layer_is_refused(run_alg, tmp_path):
    bad = tmp_path / 'energy.csv'
    bad.write_bytes(PNG)
    params = base_params('spm:energy_carbon', tmp_path)
    raises(run_alg, 'spm:energy_carbon', dict(params, TABLE=str(bad)), 'energy')


def test_a_folder_or_a_missing_file_is_named(run_alg, tmp_path):
    params = base_params('spm:building_carbon', tmp_path)
    raises(run_alg, 'spm:building_carbon', dict(params, INTENSITIES=str(tmp_path / 'none.csv')),
           'none.csv', 'does not exist')


# --- GBK and BOM read like UTF-8, and the log says how ----------------------------------------

def Log():  # noqa: N802 (a feedback that keeps what it was told)
    from qgis.core import QgsProcessingFeedback

    class Recording(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines = []

        def pushInfo(self, text):  # noqa: N802
            self.lines.append(text)
            super().pushInfo(text)

        def reportError(self, text, fatalError=False):  # noqa: N802
            self.lines.append(text)
            super().reportError(text, fatalError)
    return Recording()


def shipped(name):
    from spatial_planning_monitor.core.data import data_path
    return data_path('tables', name).read_text(encoding='utf-8-sig')


def totals(layer, key, value):
    return {f[key]: f[value] for f in layer.getFeatures()}


@pytest.mark.parametrize('encoding,said', [('gbk', 'GBK'), ('utf-8-sig', 'UTF-8 (BOM)')])
def test_gbk_and_bom_coefficient_tables_give_the_shipped_results(run_alg, tmp_path, encoding, said):
    table = tmp_path / 'intensities.csv'
    table.write_text(shipped('carbon_building_eui.csv').replace('²', '2'), encoding=encoding)
    params = base_params('spm:building_carbon', tmp_path)
    reference = run_alg('spm:building_carbon', dict(params, OUTPUT='TEMPORARY_OUTPUT'))
    log = Log()
    result = run_alg('spm:building_carbon', dict(params, INTENSITIES=str(table)), feedback=log)
    from qgis.core import QgsVectorLayer
    got = QgsVectorLayer(result['OUTPUT'], 'b', 'ogr')
    expected = sum(f['CO2_T'] for f in reference['OUTPUT'].getFeatures())
    assert sum(f['CO2_T'] for f in got.getFeatures()) == pytest.approx(expected, rel=1e-12)
    assert expected > 0
    assert any(f'(INTENSITIES) read as {said}' in line for line in log.lines), log.lines


def test_gbk_energy_csv_with_chinese_headers_and_gbk_factor_table(run_alg, tmp_path):
    """A consumption table saved by Excel on a Chinese Windows (GBK, Chinese header) as TABLE, and a
    GBK factor table: same totals as the UTF-8 sample layer."""
    rows = [('地区', '燃料', '数量', '单位'), ('350302', '原煤', '100', 't'), ('350302', '柴油', '20', 't'),
            ('350303', '电力', '1000', 'MWh')]
    energy = tmp_path / 'energy.csv'
    with open(energy, 'w', encoding='gbk', newline='') as handle:
        csv.writer(handle).writerows(rows)
    factors = tmp_path / 'factors.csv'
    factors.write_text(shipped('carbon_fuels.csv').replace('m³', 'm3').replace('₂', '2'), encoding='gbk')
    log = Log()
    result = run_alg('spm:energy_carbon', {
        'TABLE': str(energy), 'DISTRICT_FIELD': '地区', 'FUEL_FIELD': '燃料', 'AMOUNT_FIELD': '数量',
        'UNIT_FIELD': '单位', 'FACTORS': str(factors), 'GRID_FACTOR': 0.5,
        'OUTPUT': 'TEMPORARY_OUTPUT', 'TOTALS': 'TEMPORARY_OUTPUT'}, feedback=log)
    got = totals(result['TOTALS'], 'DIST', 'CO2_T')
    coal, diesel = 0.7143 * 0.7559 * 44 / 12, 1.4571 * 0.5921 * 44 / 12
    assert got == pytest.approx({'350302': 100 * coal + 20 * diesel, '350303': 1000 * 0.5}, rel=1e-3)
    assert any('read as GBK' in line and 'TABLE' in line for line in log.lines), log.lines
    assert any('(FACTORS) read as GBK' in line for line in log.lines), log.lines


# --- non-finite numbers ---------------------------------------------------------------------

def energy_csv(path, amounts):
    with open(path, 'w', encoding='utf-8', newline='') as handle:
        writer = csv.writer(handle)
        writer.writerow(['adcode', 'fuel', 'amount', 'unit'])
        for k, amount in enumerate(amounts):
            writer.writerow(['350302' if k % 2 == 0 else '350303', '原煤', amount, 't'])
    return str(path)


@pytest.mark.parametrize('amounts,needles', [
    (['100', 'inf', '5'], ['row 2', '“inf” is not a finite number']),
    (['100', '5', '-inf'], ['row 3', '“-inf” is not a finite number']),
    (['100', 'nan'], ['row 2', 'amount is missing']),
    (['100', '1e308'], ['row 2', 'more CO₂ than a number can hold']),
    (['1e307'] * 10, ['CO2_T', 'add up beyond the largest number', 'row 10']),
])
def test_energy_carbon_refuses_non_finite_amounts(run_alg, tmp_path, amounts, needles):
    """Today's bug: inf became a district total of 0. Now: stop, naming the table and the row."""
    params = base_params('spm:energy_carbon', tmp_path)
    params['TABLE'] = energy_csv(tmp_path / 'energy.csv', amounts)
    raises(run_alg, 'spm:energy_carbon', params, 'energy', *needles)


@pytest.mark.parametrize('alg,param,name,column', [
    ('spm:landuse_carbon', 'COEFFICIENTS', 'carbon_landuse_guangdong2023.csv', 'net_t_co2_per_ha_a'),
    ('spm:building_carbon', 'INTENSITIES', 'carbon_building_eui.csv', 'eui_kwh_per_m2_a'),
    ('spm:energy_carbon', 'FACTORS', 'carbon_fuels.csv', 'sce_t_per_unit'),
    ('spm:plan_sensors', 'KIND_TABLE', 'sensor_kinds.csv', 'radius_m'),
])
@pytest.mark.parametrize('value', ['inf', '-inf', 'nan', 'NaN', '1e999'])
def test_non_finite_coefficients_stop_naming_file_row_and_column(run_alg, tmp_path, alg, param, name,
                                                                  column, value):
    text = shipped(name)
    reader = list(csv.reader(text.splitlines()))
    header, rows = reader[0], [r for r in reader[1:] if r and not r[0].startswith('#')]
    index = header.index(column)
    rows[0][index] = value
    table = tmp_path / name
    with open(table, 'w', encoding='utf-8', newline='') as handle:
        csv.writer(handle).writerows([header] + rows)
    params = base_params(alg, tmp_path)
    params[param] = str(table)
    raises(run_alg, alg, params, str(table), f'({param})', 'row 2', column, f'“{value}”', 'not a finite')


def test_overflowing_cost_table_and_inf_cost_stop(run_alg, tmp_path):
    for costs, needles in ((['1', 'inf'], ['row 3', '“inf”']),
                           (['1e308', '1e308'], ['add up beyond the largest number', 'row 3'])):
        table = tmp_path / 'costs.csv'
        table.write_text('rid,sid,cost\nR1,S1,{}\nR1,S2,{}\n'.format(*costs), encoding='utf-8')
        params = base_params('spm:plan_sensors', tmp_path)
        params.update(COST_TABLE=str(table), RADIUS=300)
        raises(run_alg, 'spm:plan_sensors', params, str(table), '(COST_TABLE)', 'cost', *needles)


def test_indicators_refuse_an_inf_carbon_total_and_an_inf_district_field(run_alg, tmp_path):
    carbon = tmp_path / 'carbon.csv'
    carbon.write_text('adcode,co2\n350302,100\n350303,inf\n', encoding='utf-8')
    params = base_params('spm:indicators', tmp_path)
    raises(run_alg, 'spm:indicators', dict(params, CARBON=str(carbon), CARBON_DISTRICT_FIELD='adcode',
                                           CARBON_FIELD='co2'),
           'carbon', 'row 2', 'co2', '“inf”')
    carbon.write_text('adcode,co2\n350302,1e308\n350303,1e308\n', encoding='utf-8')
    raises(run_alg, 'spm:indicators', dict(params, CARBON=str(carbon), CARBON_DISTRICT_FIELD='adcode',
                                           CARBON_FIELD='co2'),
           'carbon', 'co2', 'add up beyond the largest number')


# --- building-code scheme JSON --------------------------------------------------------------

@pytest.mark.parametrize('content,needles', [
    (b'{"schemes": [{"id": "x",}', ['not valid JSON', 'line 1, column 25']),
    (PNG, ['not a text file']),
    (b'', ['is empty']),
    (b'{"schemes": [1, 2]}', ['scheme 1 is not an object']),
    (b'{"schemes": [{"id": "x", "segments": [{"key": "admin", "length": "nine"}]}]}',
     ['scheme 1 is not an object']),
    (b'{"schemes": {}}', ['holds no building code scheme']),
    (b'[' * 100000 + b']' * 100000, ['nested too deeply']),
])
def test_malformed_scheme_json_stops_before_the_registry_is_touched(run_alg, tmp_path, content, needles):
    scheme = tmp_path / 'my_scheme.json'
    scheme.write_bytes(content)
    registry, output = tmp_path / 'registry.gpkg', tmp_path / 'coded.gpkg'
    raises(run_alg, 'spm:assign_building_codes', {
        'BUILDINGS': lyr('buildings'), 'ADMIN': lyr('townships'), 'ADMIN_CODE_FIELD': 'code',
        'REGISTRY': str(registry), 'SCHEME': str(scheme), 'OUTPUT': str(output)}, 'my_scheme.json', *needles)
    assert not registry.exists()


# --- formula bombs: reported and skipped, the others compute ----------------------------------

BOMBS = {
    'TOWER': '(((((9**64)**64)**64)**64)**64)',
    'PARENS': '(' * 10000 + 'construction_area' + ')' * 10000,
    'DEEP': '(' * 250 + 'construction_area' + ')' * 250,
    'UNARY': '-' * 1500 + 'construction_area',
    'CHAIN': '+'.join(['construction_area'] * 110),
    'HUGE': 'construction_area * 1e308 * 10',
    'ROUNDPOW': 'round(1e300) ** 64 ** 64',
}


def definitions_with_bombs(path):
    header = ['id', 'name_zh', 'name_en', 'unit', 'dimension', 'level', 'formula', 'direction', 'target',
              'warning', 'source']
    rows = [['CONST_AREA', '建设用地总面积', '', 'km2', '安全', 'basic', 'construction_area / 1e6', 'lower',
             '', '', '']]
    rows += [[ident, '炸弹' + ident, '', '', '安全', 'basic', formula, 'none', '', '', '']
             for ident, formula in BOMBS.items()]
    rows.append(['DEV_INTENS', '开发强度', '', '%', '绿色', 'basic',
                 'construction_area / district_area * 100', 'lower', '30', '25', ''])
    with open(path, 'w', encoding='gbk', newline='') as handle:
        csv.writer(handle).writerows([header] + rows)
    return str(path)


def test_formula_bombs_are_reported_and_skipped_through_qgis_process(qgis_process, tmp_path):
    definitions = definitions_with_bombs(tmp_path / '指标.csv')
    table = tmp_path / 'table.csv'
    started = time.monotonic()
    done = qgis_process('run', 'spm:indicators', '--', f'DISTRICTS={lyr("districts")}', 'DISTRICT_FIELD=adcode',
                        f'LANDUSE={lyr("landuse_current")}', 'LANDUSE_FIELD=DLBM',
                        f'DEFINITIONS={definitions}', f'OUTPUT={tmp_path / "d.gpkg"}', f'TABLE={table}',
                        timeout=300)
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert elapsed < 120
    log = done.stdout + done.stderr
    assert 'Traceback' not in log and 'RecursionError' not in log
    assert '(DEFINITIONS) read as GBK' in log
    with open(table, encoding='utf-8') as handle:
        rows = list(csv.DictReader(handle))
    by_id = {}
    for row in rows:
        by_id.setdefault(row['IND_ID'], []).append(row)
    assert set(by_id) == {'CONST_AREA', 'DEV_INTENS', *BOMBS}
    for ident in BOMBS:
        assert {r['STATUS'] for r in by_id[ident]} == {'未计算'}, ident
        assert all(r['NOTE'] for r in by_id[ident])
        assert f'Indicator {ident} 炸弹{ident}: not computed' in log, ident
    assert 'does not give a finite number' in by_id['TOWER'][0]['NOTE']
    assert 'longer than 2000 characters' in by_id['PARENS'][0]['NOTE']
    assert 'too many nested parentheses' in by_id['DEEP'][0]['NOTE']
    assert 'nested more than 100 levels' in by_id['UNARY'][0]['NOTE']
    assert 'nested more than 100 levels' in by_id['CHAIN'][0]['NOTE']
    for row in by_id['DEV_INTENS']:
        assert 0 < float(row['VALUE']) < 100
    assert all(float(r['VALUE']) > 0 for r in by_id['CONST_AREA'])


def test_energy_inf_through_qgis_process_exits_non_zero_without_output(qgis_process, tmp_path):
    table = energy_csv(tmp_path / 'energy.csv', ['100', 'inf'])
    totals_path, by_fuel = tmp_path / 'totals.csv', tmp_path / 'by_fuel.csv'
    done = qgis_process('run', 'spm:energy_carbon', '--', f'TABLE={table}', 'DISTRICT_FIELD=adcode',
                        'FUEL_FIELD=fuel', 'AMOUNT_FIELD=amount', f'OUTPUT={by_fuel}', f'TOTALS={totals_path}')
    assert done.returncode != 0
    assert 'row 2' in done.stdout + done.stderr and '“inf” is not a finite number' in done.stdout + done.stderr
    assert 'Traceback' not in done.stdout + done.stderr
    assert not totals_path.exists() and not by_fuel.exists()


def test_gbk_tables_given_as_layers_to_every_table_input(run_alg, tmp_path):
    """A GBK CSV with Chinese column names handed as a layer (not a file parameter) is read as GBK by
    every algorithm, not only those that expect Chinese tables: code checking and project placing."""
    from qgis.core import QgsVectorLayer
    rows = [('项目名称', '项目代码', '备注'), ('城厢区测试项目', '2019-350302-47-01-000001', '莆田'),
            ('荔城区测试项目', '2019-350304-47-01-00000X', '无效')]
    table = tmp_path / '项目.csv'
    with open(table, 'w', encoding='gbk', newline='') as handle:
        csv.writer(handle).writerows(rows)
    log = Log()
    result = run_alg('spm:validate_codes', {'INPUT': str(table), 'CODE_FIELD': '项目代码',
                                            'CODE_TYPE': 3, 'OUTPUT': str(tmp_path / 'v.gpkg')},
                     feedback=log)
    checked = list(QgsVectorLayer(result['OUTPUT'], 'v', 'ogr').getFeatures())
    assert [f['项目名称'] for f in checked] == ['城厢区测试项目', '荔城区测试项目']
    assert any('(INPUT): the file is not UTF-8' in line for line in log.lines), log.lines
