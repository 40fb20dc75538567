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
    assert out.AREA_M2.sum() == pytest.approx(current.geometry.buffer(0).area.sum(), rel=1e-6)
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
    before_ha = previous.geometry.buffer(0).area.sum() / 1e4
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
