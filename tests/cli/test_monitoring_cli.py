"""The three monitoring algorithms through qgis_process on the sample city, as a technician batches them."""

import os

import geopandas as gpd
import pytest


def run_ok(qgis_process, *args):
    done = qgis_process('run', *args, '--json')
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done.json['results']


def test_conformance_control_lines_and_change_on_the_sample_city(qgis_process, sample_gpkg, tmp_path):
    layer = lambda name: f'{sample_gpkg}|layername={name}'  # noqa: E731
    pieces, summary = str(tmp_path / 'conformance.gpkg'), str(tmp_path / 'conformance_summary.csv')
    run_ok(qgis_process, 'spm:plan_conformance', '--', f'CURRENT={layer("landuse_current")}',
           'CURRENT_FIELD=DLBM', f'PLAN={layer("landuse_plan")}', 'PLAN_FIELD=YDYHFLDM',
           f'OUTPUT={pieces}', f'SUMMARY={summary}')
    current = gpd.read_file(sample_gpkg, layer='landuse_current')
    out = gpd.read_file(pieces)
    # the default area method on a 三调 layer: the pieces add up to the parcels' 图斑地类面积
    assert out.AREA_M2.sum() == pytest.approx(current.TBDLMJ.sum(), rel=1e-9)
    table = gpd.read_file(summary)
    assert table.AREA_M2.astype(float).sum() == pytest.approx(out.AREA_M2.sum(), rel=1e-9)
    assert set(out.STATUS) == {'符合', '不符合', '待核'}

    violations, lines_summary = str(tmp_path / 'violations.gpkg'), str(tmp_path / 'lines.csv')
    run_ok(qgis_process, 'spm:control_lines', '--', f'LANDUSE={layer("landuse_current")}',
           'LANDUSE_FIELD=DLBM', f'ECO_REDLINE={layer("eco_redline")}', f'FARMLAND={layer("farmland")}',
           f'DEV_BOUNDARY={layer("dev_boundary")}', f'DISTRICTS={layer("districts")}',
           'DISTRICT_FIELD=name', f'OUTPUT={violations}', f'SUMMARY={lines_summary}')
    patches = gpd.read_file(violations)
    lines = gpd.read_file(lines_summary)
    assert lines.AREA_M2.astype(float).sum() == pytest.approx(patches.AREA_M2.sum(), rel=1e-9)
    assert set(lines.DISTRICT) <= set(gpd.read_file(sample_gpkg, layer='districts')['name']) | {''}

    changes, matrix = str(tmp_path / 'changes.gpkg'), str(tmp_path / 'matrix.csv')
    run_ok(qgis_process, 'spm:landuse_change', '--', f'BEFORE={layer("landuse_previous")}',
           'BEFORE_FIELD=DLBM', f'AFTER={layer("landuse_current")}', 'AFTER_FIELD=DLBM', 'LEVEL=2',
           f'OUTPUT={changes}', f'MATRIX={matrix}')
    grid = gpd.read_file(matrix)
    total = grid[grid.FROM_CODE == 'TOTAL'].iloc[0]
    previous = gpd.read_file(sample_gpkg, layer='landuse_previous')
    before_ha = previous.TBDLMJ.sum() / 1e4
    body = grid[grid.FROM_CODE != 'TOTAL']
    assert body[body.FROM_CODE.fillna('') != '']['TOTAL'].astype(float).sum() == \
        pytest.approx(before_ha, rel=1e-6)
    assert float(total['TOTAL']) >= before_ha * (1 - 1e-9)
    assert len(gpd.read_file(changes)) > 0


def test_a_missing_field_fails_naming_layer_and_field_and_writes_nothing(qgis_process, sample_gpkg,
                                                                          tmp_path):
    out = str(tmp_path / 'never.gpkg')
    done = qgis_process('run', 'spm:plan_conformance', '--',
                        f'CURRENT={sample_gpkg}|layername=landuse_current', 'CURRENT_FIELD=DLBMX',
                        f'PLAN={sample_gpkg}|layername=landuse_plan', 'PLAN_FIELD=YDYHFLDM',
                        f'OUTPUT={out}', f'SUMMARY={tmp_path / "never.csv"}')
    assert done.returncode != 0
    assert 'DLBMX' in done.stdout + done.stderr and 'landuse_current' in done.stdout + done.stderr
    assert not os.path.exists(out)


def test_farmland_balance_and_new_construction_as_a_bureau_batches_them(qgis_process, sample_gpkg,
                                                                        tmp_path):
    layer = lambda name: f'{sample_gpkg}|layername={name}'  # noqa: E731
    flows, balance = str(tmp_path / 'flows.gpkg'), str(tmp_path / 'balance.csv')
    run_ok(qgis_process, 'spm:farmland_balance', '--', f'BEFORE={layer("landuse_previous")}',
           'BEFORE_FIELD=DLBM', f'AFTER={layer("landuse_current")}', 'AFTER_FIELD=DLBM',
           f'DISTRICTS={layer("districts")}', 'DISTRICT_FIELD=adcode', 'AREA_METHOD=2',
           f'OUTPUT={flows}', f'SUMMARY={balance}')
    table = gpd.read_file(balance)
    for column in ('OUT_HA', 'IN_HA', 'NET_HA'):
        table[column] = table[column].astype(float)
    current = gpd.read_file(sample_gpkg, layer='landuse_current')
    crop = current[current.DLBM.str.startswith('01')].groupby('district').TBDLMJ.sum() / 1e4
    after = table[table.ROW == 'AFTER'].set_index('DISTRICT').NET_HA
    for adcode, hectares in crop.items():
        assert after[adcode] == pytest.approx(hectares, rel=1e-9)
    total = table[table.ROW == 'TOTAL'].set_index('DISTRICT')
    before = table[table.ROW == 'BEFORE'].set_index('DISTRICT').NET_HA
    assert (total.IN_HA - total.OUT_HA).to_dict() == pytest.approx((after - before).to_dict(),
                                                                   abs=1e-4)
    patches = gpd.read_file(flows)
    assert patches[patches.FLOW == 'OUT'].AREA_HA.sum() == pytest.approx(total.OUT_HA.sum())
    assert {'非农化', '非粮化'} <= set(patches.FTYPE_NAME)

    new = str(tmp_path / 'new_construction.csv')
    run_ok(qgis_process, 'spm:landuse_change', '--', f'BEFORE={layer("landuse_previous")}',
           'BEFORE_FIELD=DLBM', f'AFTER={layer("landuse_current")}', 'AFTER_FIELD=DLBM',
           f'DEV_BOUNDARY={layer("dev_boundary")}', 'AREA_METHOD=PLANAR',
           f'OUTPUT={tmp_path / "changes.gpkg"}', f'NEW_CONSTRUCTION={new}')
    rows = gpd.read_file(new)
    for column in ('INSIDE_HA', 'OUTSIDE_HA', 'TOTAL_HA'):
        rows[column] = rows[column].astype(float)
    assert (rows.INSIDE_HA + rows.OUTSIDE_HA - rows.TOTAL_HA).abs().max() < 1e-9
    assert rows.iloc[-1].DISTRICT == '合计' and rows.iloc[-1].OUTSIDE_HA > 0
