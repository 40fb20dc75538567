"""A sensor plan on real data: Albuquerque census tracts (libpysal example 10740, see
tests/data/real/sensors/README.md), in geographic NAD83 (EPSG:4269), with a cost table keyed by the
tracts' real text ids (STFID '35001003001' for risk points, TRACTID '3', '14', '32.02' for sites).

The optimum is verified independently by brute force over every subset of the 11 candidate sites,
reading only costs.csv (for the cost table) or geodesic distances (for straight distances).
"""

import csv
import itertools
import os

import geopandas as gpd
import pandas as pd
import pytest
from pyproj import Geod

DATA = os.path.join(os.path.dirname(__file__), '..', 'data', 'real', 'sensors')
GPKG = os.path.join(DATA, 'albuquerque_tracts.gpkg')
COSTS = os.path.join(DATA, 'costs.csv')
RADIUS = 2000.0
T = 'TEMPORARY_OUTPUT'


def covers_from_costs(radius=RADIUS):
    """{site TRACTID: set of risk STFIDs within radius}, from costs.csv alone."""
    reach = {}
    with open(COSTS, encoding='utf-8') as handle:
        for row in csv.DictReader(handle):
            if float(row['cost_m']) <= radius:
                reach.setdefault(row['TRACTID'], set()).add(row['STFID'])
    return reach


def covers_geodesic(radius=RADIUS):
    """The same from the points' geodesic distances (GRS80)."""
    risk = gpd.read_file(GPKG, layer='risk_points')
    sites = gpd.read_file(GPKG, layer='candidates')
    geod = Geod(ellps='GRS80')
    reach, gaps = {}, []
    for _, s in sites.iterrows():
        for _, r in risk.iterrows():
            d = geod.inv(s.geometry.x, s.geometry.y, r.geometry.x, r.geometry.y)[2]
            gaps.append(abs(d - radius))
            if d <= radius:
                reach.setdefault(s.TRACTID, set()).add(r.STFID)
    return reach, min(gaps)


def brute_force(reach, sites):
    """{k: most risk points k sites cover}, and the fewest sites covering every coverable point."""
    coverable = set().union(*reach.values())
    best, fewest = {}, None
    for k in range(len(sites) + 1):
        best[k] = max(len(set().union(set(), *(reach.get(s, set()) for s in combo)))
                      for combo in itertools.combinations(sites, k))
        if fewest is None and best[k] == len(coverable):
            fewest = k
    return best, fewest, coverable


def layer(name):
    return f'{GPKG}|layername={name}'


@pytest.fixture(scope='module')
def tracts():
    risk = gpd.read_file(GPKG, layer='risk_points')
    sites = gpd.read_file(GPKG, layer='candidates')
    assert risk.crs.to_epsg() == 4269 and len(risk) == 12 and len(sites) == 11
    assert risk['STFID'].str.len().eq(11).all() and {'3', '14', '32.02'} <= set(sites['TRACTID'])
    return risk, sites


def chosen_tracts(sites, output):
    """TRACTIDs of the new sensors of a plan_sensors OUTPUT layer (via SRC_FID = the gpkg fid)."""
    fids = [f['SRC_FID'] for f in output.getFeatures() if f['EXISTING'] == 0]
    return [sites['TRACTID'].iloc[fid - 1] for fid in fids]


def test_cost_table_with_real_text_ids_lscp_through_qgis_process(qgis_process, tracts, tmp_path):
    _, sites = tracts
    reach = covers_from_costs()
    _, fewest, coverable = brute_force(reach, list(sites['TRACTID']))
    out, summary = tmp_path / 'sites.gpkg', tmp_path / 'summary.csv'
    done = qgis_process('run', 'spm:plan_sensors', '--', f'RISK_POINTS={layer("risk_points")}',
                        f'CANDIDATES={layer("candidates")}', f'COST_TABLE={COSTS}', f'RADIUS={RADIUS}',
                        'MODEL=LSCP', 'TIME_LIMIT=30', f'OUTPUT={out}', f'SUMMARY={summary}', '--json')
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    total = pd.read_csv(summary).iloc[-1]
    planned = gpd.read_file(out)
    assert total['DISTANCE'] == 'COST_TABLE' and total['STATUS'] == 'optimal'
    assert len(planned) == total['OBJECTIVE'] == fewest and total['N_COVERED'] == len(coverable)
    picked = [sites['TRACTID'].iloc[fid - 1] for fid in planned['SRC_FID']]
    assert set().union(*(reach[t] for t in picked)) == coverable
    assert planned.crs.to_epsg() == 4269                       # written in the input's CRS


@pytest.mark.parametrize('p', [1, 2, 3, 4])
def test_cost_table_mclp_matches_brute_force(run_alg, tracts, p):
    _, sites = tracts
    reach = covers_from_costs()
    best, _, _ = brute_force(reach, list(sites['TRACTID']))
    result = run_alg('spm:plan_sensors', {
        'RISK_POINTS': layer('risk_points'), 'CANDIDATES': layer('candidates'), 'COST_TABLE': COSTS,
        'RADIUS': RADIUS, 'MODEL': 'MCLP', 'P': p, 'TIME_LIMIT': 30, 'OUTPUT': T, 'SUMMARY': T})
    total = list(result['SUMMARY'].getFeatures())[-1]
    assert total['N_COVERED'] == total['OBJECTIVE'] == best[p] and total['STATUS'] == 'optimal'
    picked = chosen_tracts(sites, result['OUTPUT'])
    assert len(picked) == p and len(set().union(*(reach[t] for t in picked))) == best[p]


def test_straight_distances_in_the_utm_zone_match_geodesic_brute_force(run_alg, tracts):
    from qgis.core import QgsProcessingFeedback
    _, sites = tracts
    reach, margin = covers_geodesic()
    assert margin > 5.0         # no pair within 5 m of the radius: UTM and geodesic agree on every pair
    assert reach == covers_from_costs()
    best, fewest, coverable = brute_force(reach, list(sites['TRACTID']))

    class Log(QgsProcessingFeedback):
        text = []

        def pushInfo(self, info):  # noqa: N802
            Log.text.append(info)
    result = run_alg('spm:plan_sensors', {
        'RISK_POINTS': layer('risk_points'), 'CANDIDATES': layer('candidates'), 'RADIUS': RADIUS,
        'MODEL': 'LSCP', 'TIME_LIMIT': 30, 'OUTPUT': T, 'ASSIGNMENTS': T, 'SUMMARY': T}, feedback=Log())
    assert any('EPSG:32613' in line for line in Log.text)   # WGS 84 / UTM zone 13N, outside China
    total = list(result['SUMMARY'].getFeatures())[-1]
    assert total['OBJECTIVE'] == fewest and total['N_COVERED'] == len(coverable)
    assert result['OUTPUT'].crs().authid() == result['ASSIGNMENTS'].crs().authid() == 'EPSG:4269'
    # the straight distances in UTM 13N are the geodesic ones to within 0.1 %
    with open(COSTS, encoding='utf-8') as handle:
        geodesic = {(r['STFID'], r['TRACTID']): float(r['cost_m']) for r in csv.DictReader(handle)}
    risk, _ = tracts
    for line in result['ASSIGNMENTS'].getFeatures():
        stfid = risk['STFID'].iloc[line['POINT_FID'] - 1]
        tract = sites['TRACTID'].iloc[int(line['SITE_ID'][1:]) - 1]
        assert line['DIST_M'] == pytest.approx(geodesic[(stfid, tract)], rel=1e-3)
