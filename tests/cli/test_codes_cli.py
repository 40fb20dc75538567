"""落图+赋码 from qgis_process, with the parameter names of the issue, on the sample city."""

import sqlite3

from spatial_planning_monitor.core.codes import beidou


def test_codes_from_qgis_process(qgis_process, sample_gpkg, tmp_path):
    layer = sample_gpkg + '|layername='
    registry, coded = tmp_path / 'registry.gpkg', tmp_path / 'coded.gpkg'
    done = qgis_process('run', 'spm:assign_building_codes', '--json', '--', f'BUILDINGS={layer}buildings',
                        f'ADMIN={layer}townships', 'ADMIN_CODE_FIELD=code', 'YEAR_FIELD=year',
                        f'REGISTRY={registry}', 'BEIDOU_LEVEL=8', f'OUTPUT={coded}')
    assert done.returncode == 0, done.stderr + done.stdout
    assert done.json['results']['OUTPUT'] == str(coded)
    connection = sqlite3.connect(registry)
    issued, = connection.execute("SELECT COUNT(DISTINCT code) FROM building_codes WHERE status = 'active'").fetchone()
    runs = connection.execute('SELECT run, issued, total_after FROM spm_runs').fetchall()
    connection.close()
    source = sqlite3.connect(sample_gpkg)
    total, = source.execute('SELECT COUNT(*) FROM buildings').fetchone()
    source.close()
    assert issued == total and runs == [(1, total, total)]

    done = qgis_process('run', 'spm:validate_codes', '--json', '--', f'INPUT={coded}', 'CODE_FIELD=BUILDING_CODE',
                        'CODE_TYPE=0', f'ADMIN={layer}townships', 'ADMIN_CODE_FIELD=code',
                        f'OUTPUT={tmp_path / "checked.gpkg"}')
    assert done.returncode == 0, done.stderr + done.stdout
    assert f'{total} codes checked' in done.stdout and f'{total} valid, 0 invalid' in done.stdout

    done = qgis_process('run', 'spm:beidou_grid_code', '--', f'INPUT={layer}risk_points', 'LEVEL=10',
                        'FIELD=BD', f'OUTPUT={tmp_path / "points.gpkg"}')
    assert done.returncode == 0, done.stderr + done.stdout
    points = sqlite3.connect(tmp_path / 'points.gpkg')
    codes = [row[0] for row in points.execute('SELECT BD FROM points')]
    points.close()
    assert codes and all(len(c) == 20 and not beidou.problem_of(c) for c in codes)

    done = qgis_process('run', 'spm:beidou_grid_cells', '--', f'CODES={tmp_path / "points.gpkg"}',
                        'CODE_FIELD=BD', f'OUTPUT={tmp_path / "cells.gpkg"}')
    assert done.returncode == 0, done.stderr + done.stdout
    assert f'{len(codes)} cells' in done.stdout

    projects = sample_gpkg.replace('putian.gpkg', 'projects.csv')
    done = qgis_process('run', 'spm:place_projects', '--', f'TABLE={projects}', 'CODE_FIELD=project_code',
                        'X_FIELD=lon', 'Y_FIELD=lat', 'SOURCE_CRS=EPSG:4490', f'ADMIN={layer}townships',
                        'ADMIN_CODE_FIELD=code', f'PLAN={layer}landuse_plan', 'PLAN_FIELD=YDYHFLDM',
                        f'OUTPUT={tmp_path / "projects.gpkg"}')
    assert done.returncode == 0, done.stderr + done.stdout
    assert '22 projects: 20 placed, 18 with a valid code, 3 in conflict with the plan' in done.stdout
