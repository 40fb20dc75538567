"""Sensor planning through qgis_process on the sample city, as a technician would batch it: the plan's
files agree with each other and with an independent evaluation of the sensors it chose."""

import geopandas as gpd
import pandas as pd
import pytest


def run_ok(qgis_process, *args):
    done = qgis_process('run', *args, '--json')
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done.json['results']


def test_plan_then_evaluate_the_planned_sensors(qgis_process, sample_gpkg, tmp_path):
    layer = f'{sample_gpkg}|layername'
    risk = [f'RISK_POINTS={layer}=risk_points', 'KIND_FIELD=kind', 'WEIGHT_FIELD=weight']
    sites, summary = tmp_path / 'sites.gpkg', tmp_path / 'summary.csv'
    run_ok(qgis_process, 'spm:plan_sensors', '--', *risk, f'EXISTING={layer}=sensors_existing',
           'EXISTING_RADIUS_FIELD=radius', f'ROADS={layer}=roads', 'DISTANCE=EUCLIDEAN', 'SPACING=150',
           'MODEL=MCLP', 'P=25', 'TIME_LIMIT=60', f'OUTPUT={sites}', f'ASSIGNMENTS={tmp_path / "lines.gpkg"}',
           f'SUMMARY={summary}')
    planned = gpd.read_file(sites)
    total = pd.read_csv(summary).iloc[-1]
    assert (planned['EXISTING'] == 0).sum() == 25 and total['STATUS'] == 'optimal' and total['GAP_PCT'] == 0
    # evaluate the planned layout independently: each sensor with its kind and radius
    layout = tmp_path / 'layout.gpkg'
    planned.rename(columns={'KIND': 'kind', 'RADIUS_M': 'radius'})[['kind', 'radius', 'geometry']].to_file(
        layout, driver='GPKG')
    coverage, table = tmp_path / 'coverage.gpkg', tmp_path / 'coverage.csv'
    run_ok(qgis_process, 'spm:evaluate_sensor_coverage', '--', *risk, f'SENSORS={layout}',
           'SENSOR_RADIUS_FIELD=radius', 'DISTRICT_FIELD=district', f'OUTPUT={coverage}', f'SUMMARY={table}')
    evaluated = pd.read_csv(table)
    overall = evaluated[evaluated['GROUP_TYPE'] == 'all'].iloc[0]
    assert overall['N_COVERED'] == total['N_COVERED']
    assert overall['W_COVERED'] == pytest.approx(total['W_COVERED'])
    points = gpd.read_file(coverage)
    assert len(points) == total['N_POINTS'] and (points['COVERED_BY'] > 0).sum() == total['N_COVERED']
    assert {'kind', 'weight', 'name', 'district'} <= set(points.columns)     # input fields kept
