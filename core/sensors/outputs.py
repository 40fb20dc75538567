"""The tables a sensor plan is reported in: chosen sites, assignment lines, summary by kind.

Field names are ASCII upper case (their Chinese and English aliases are in layers/fields.csv).
"""

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import LineString

from ..i18n import translate
from . import evaluate, kinds, problem as problem_module


def facility_kinds(cov, facilities):
    """Kind labels of facilities ('*' for an existing sensor of every kind)."""
    return [kinds.label(cov.kinds[k]) if k >= 0 else '*' for k in cov.fac_kind[facilities]]


def chosen_sites(prob, solution):
    """One point per chosen sensor (site × kind): where, which kind, what it covers."""
    cov = prob.coverage
    chosen = np.asarray(solution.chosen, np.int64)
    stats = evaluate.facility_stats(cov, chosen)
    rank = {int(f): k + 1 for k, f in enumerate(solution.added)}
    sites = prob.sites.iloc[cov.fac_site[chosen]].reset_index(drop=True)
    out = gpd.GeoDataFrame({
        'SITE_ID': sites['SITE_ID'].to_numpy(),
        'SOURCE': sites['SOURCE'].to_numpy(),
        'SRC_FID': sites['SRC_FID'].to_numpy(np.int64),
        'EXISTING': cov.fac_fixed[chosen].astype(np.int64),
        'KIND': facility_kinds(cov, chosen),
        'RADIUS_M': cov.effective_radius()[chosen],
        'RANK': [rank.get(int(f), 0) for f in chosen],
        'N_COVER': stats['N_COVER'].to_numpy(np.int64),
        'W_COVER': stats['W_COVER'].to_numpy(float),
        'N_UNIQUE': stats['N_UNIQUE'].to_numpy(np.int64),
        'N_ASSIGN': stats['N_ASSIGN'].to_numpy(np.int64),
        'W_ASSIGN': stats['W_ASSIGN'].to_numpy(float),
        'COST': cov.fac_cost[chosen],
    }, geometry=sites.geometry.to_numpy(), crs=prob.sites.crs)
    # existing sensors that cover nothing are listed too, with zeros
    listed = np.zeros(len(prob.sites), bool)
    listed[cov.fac_site[chosen]] = True
    idle = prob.sites[(prob.sites['SOURCE'] == problem_module.SOURCE_EXISTING).to_numpy() & ~listed]
    if len(idle):
        extra = gpd.GeoDataFrame({
            'SITE_ID': idle['SITE_ID'].to_numpy(), 'SOURCE': idle['SOURCE'].to_numpy(),
            'SRC_FID': idle['SRC_FID'].to_numpy(np.int64), 'EXISTING': 1,
            'KIND': [kinds.label(k) for k in idle['KIND']], 'RADIUS_M': idle['RADIUS'].to_numpy(float),
            'RANK': 0, 'N_COVER': 0, 'W_COVER': 0.0, 'N_UNIQUE': 0, 'N_ASSIGN': 0, 'W_ASSIGN': 0.0,
            'COST': idle['COST'].to_numpy(float)}, geometry=idle.geometry.to_numpy(), crs=prob.sites.crs)
        out = gpd.GeoDataFrame(pd.concat([out, extra], ignore_index=True), geometry='geometry',
                               crs=prob.sites.crs)
    return out.sort_values(['EXISTING', 'RANK'], ascending=[False, True]).reset_index(drop=True)


def assignment_lines(prob, chosen):
    """A line from each covered risk point to its nearest chosen sensor (straight, for display)."""
    cov = prob.coverage
    nearest, dist, _ = evaluate.assignment(cov, chosen)
    covered = np.flatnonzero(nearest >= 0)
    point_xy = problem_module.xy_of(prob.points)[covered]
    site_xy = problem_module.xy_of(prob.sites)[cov.fac_site[nearest[covered]]]
    lines = [LineString([tuple(a), tuple(b)]) for a, b in zip(point_xy, site_xy)]
    return gpd.GeoDataFrame({
        'POINT_FID': prob.points.index.to_numpy(np.int64)[covered],
        'KIND': [kinds.label(k) for k in np.asarray(prob.points['KIND'], object)[covered]],
        'WEIGHT': prob.points['WEIGHT'].to_numpy(float)[covered],
        'SITE_ID': prob.sites['SITE_ID'].to_numpy()[cov.fac_site[nearest[covered]]],
        'DIST_M': dist[covered],
    }, geometry=lines, crs=prob.points.crs)


def plan_summary(prob, solution):
    """Coverage per kind and for all kinds; the all-kinds row carries the solver's report."""
    cov = prob.coverage
    _, _, count = evaluate.assignment(cov, solution.chosen)
    table = evaluate.group_summary([kinds.label(k) for k in prob.points['KIND']],
                                   prob.points['WEIGHT'].to_numpy(float), count > 0, cov.coverable())
    table = table.rename(columns={'GROUP': 'KIND'})
    table['N_UNCOVER'] = table['N_POINTS'] - table['N_COVERED']
    added = np.asarray(solution.added, np.int64)
    fixed = np.flatnonzero(cov.fac_fixed)
    new_kind = pd.Series(facility_kinds(cov, added), dtype=object)
    table['N_NEW'] = [int((new_kind == k).sum()) if k is not None else len(added) for k in table['KIND']]
    fixed_kind = pd.Series(facility_kinds(cov, fixed), dtype=object)
    n_existing = int(prob.sites['SOURCE'].eq(problem_module.SOURCE_EXISTING).sum())
    table['N_EXISTING'] = [int((fixed_kind == k).sum()) if k is not None else n_existing
                           for k in table['KIND']]
    table['KIND'] = table['KIND'].where(table['KIND'].notna(), translate('spm', 'All kinds'))
    last = len(table) - 1
    report = {'MODEL': solution.model, 'DISTANCE': prob.distance, 'SOLVER': solution.solver,
              'FOUND_BY': solution.found_by, 'STATUS': solution.status,
              'OBJECTIVE': solution.objective, 'BOUND': solution.bound,
              'GAP_PCT': None if solution.gap is None else 100.0 * solution.gap,
              'GREEDY_OBJ': solution.greedy_objective, 'SECONDS': solution.seconds}
    for column, value in report.items():
        values = [None] * len(table)
        values[last] = value
        table[column] = pd.array(values, dtype=object if isinstance(value, str) or value is None
                                 else 'Float64')
    return table
