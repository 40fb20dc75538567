"""What a set of sensors covers: per point, per sensor, per kind or district; :func:`coverage_of`.

:func:`coverage_of` is the entry point for other features (e.g. the indicator 风险点感知覆盖率 =
covered risk points ÷ all risk points × 100 %): give it the risk points and the sensors as
GeoDataFrames in one projected CRS and it returns a :class:`CoverageReport`.

A sensor is *redundant* when every risk point it covers is also covered by another sensor (it
covers nothing uniquely, or nothing at all): removing it alone loses no coverage. Removing two
redundant sensors at once may.
"""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..i18n import translate
from . import kinds, problem as problem_module


def assignment(cov, chosen):
    """(nearest chosen facility or −1, its distance or inf, number of chosen facilities covering)."""
    mask = np.zeros(cov.n_facilities, bool)
    mask[np.asarray(chosen, np.int64)] = True
    sel = np.flatnonzero(mask[cov.cols])
    order = sel[np.lexsort((cov.cols[sel], cov.dist[sel], cov.rows[sel]))]
    rows = cov.rows[order]
    first = order[np.r_[True, rows[1:] != rows[:-1]]] if len(order) else order
    nearest = np.full(cov.n_points, -1, np.int64)
    distance = np.full(cov.n_points, np.inf)
    nearest[cov.rows[first]] = cov.cols[first]
    distance[cov.rows[first]] = cov.dist[first]
    return nearest, distance, cov.covered_by(mask)


def facility_stats(cov, chosen):
    """Per chosen facility (DataFrame indexed by facility): N_COVER, W_COVER, N_UNIQUE, N_ASSIGN,
    W_ASSIGN — points within reach, their weight, points only it covers, points it is nearest to."""
    chosen = np.asarray(chosen, np.int64)
    nearest, _, count = assignment(cov, chosen)
    mask = np.zeros(cov.n_facilities, bool)
    mask[chosen] = True
    sel = mask[cov.cols]
    rows, cols = cov.rows[sel], cov.cols[sel]
    w = cov.weights
    n = cov.n_facilities
    assigned = nearest >= 0
    stats = pd.DataFrame({
        'N_COVER': np.bincount(cols, minlength=n),
        'W_COVER': np.bincount(cols, weights=w[rows], minlength=n),
        'N_UNIQUE': np.bincount(cols[count[rows] == 1], minlength=n),
        'N_ASSIGN': np.bincount(nearest[assigned], minlength=n),
        'W_ASSIGN': np.bincount(nearest[assigned], weights=w[assigned], minlength=n),
    })
    return stats.iloc[chosen]


def group_summary(groups, weights, covered, reachable=None):
    """Coverage per group value: N_POINTS, N_COVERED, COVER_PCT, W_POINTS, W_COVERED, WCOVER_PCT
    (and N_UNREACH when ``reachable`` is given); a last row None holds all points."""
    frame = pd.DataFrame({'g': list(groups), 'w': weights, 'c': covered.astype(bool)})
    frame['wc'] = np.where(frame['c'], frame['w'], 0.0)
    if reachable is not None:
        frame['u'] = ~np.asarray(reachable, bool)
    parts = [(g, part) for g, part in frame.groupby('g', sort=False)] + [(None, frame)]
    rows = []
    for group, part in parts:
        n, w = len(part), float(part['w'].sum())
        row = {'GROUP': group, 'N_POINTS': n, 'N_COVERED': int(part['c'].sum()),
               'COVER_PCT': 100.0 * part['c'].sum() / n if n else np.nan,
               'W_POINTS': w, 'W_COVERED': float(part['wc'].sum()),
               'WCOVER_PCT': 100.0 * part['wc'].sum() / w if w else np.nan}
        if reachable is not None:
            row['N_UNREACH'] = int(part['u'].sum())
        rows.append(row)
    return pd.DataFrame(rows)


@dataclass
class CoverageReport:
    """Coverage of risk points by sensors (see :func:`coverage_of`)."""

    points: object           # GeoDataFrame: KIND, WEIGHT, COVERED_BY, COVERED, NEAREST, DIST_M
    sensors: object          # GeoDataFrame: SITE_ID, KIND, N_COVER, W_COVER, N_UNIQUE, REDUNDANT
    by_kind: object          # DataFrame from :func:`group_summary` (last row: all kinds)
    problem: object = None
    notes: list = field(default_factory=list)

    @property
    def n_points(self):
        return len(self.points)

    @property
    def n_covered(self):
        return int(self.points['COVERED'].sum())

    @property
    def ratio(self):
        """Covered risk points ÷ all risk points (0–1)."""
        return self.n_covered / self.n_points if self.n_points else float('nan')

    @property
    def weighted_ratio(self):
        """Covered weight ÷ total weight (0–1)."""
        total = float(self.points['WEIGHT'].sum())
        return float(self.points['WEIGHT'][self.points['COVERED'] == 1].sum()) / total if total else float('nan')

    def by(self, values):
        """Coverage per group of ``values`` (one per point, e.g. the district code column)."""
        return group_summary(values, self.points['WEIGHT'].to_numpy(float),
                             self.points['COVERED'].to_numpy() == 1)


def coverage_of(points, sensors, radius=None, *, kind_field=None, weight_field=None,
                sensor_radius_field=None, kind_table=None, distance='EUCLIDEAN', roads=None,
                labels=None, canceled=None):
    """Which risk points the sensors cover.

    ``points``, ``sensors``: GeoDataFrames of points in one projected CRS (metres). ``radius``:
    metres for every sensor, or None to take each kind's radius from the kind table (needs
    ``kind_field`` on the points; a sensor layer with a field of the same name covers only that
    kind). ``sensor_radius_field``: a sensor's own radius overrides both. ``distance``:
    ``'EUCLIDEAN'`` or ``'NETWORK'`` (with ``roads``, a GeoDataFrame of lines).
    """
    labels = dict({'risk': 'points', 'existing': 'sensors'}, **(labels or {}))
    prob = problem_module.prepare(
        points, None, sensors, radius=radius, kind_field=kind_field, weight_field=weight_field,
        kind_table=kind_table, existing_radius_field=sensor_radius_field, distance=distance, roads=roads,
        generate=False, labels=labels, canceled=canceled, report_unreachable=False)
    cov = prob.coverage
    chosen = np.arange(cov.n_facilities)
    nearest, dist, count = assignment(cov, chosen)
    out = prob.points.copy()
    site_of = cov.fac_site
    out['COVERED_BY'] = count
    out['COVERED'] = (count > 0).astype(np.int64)
    out['NEAREST'] = [prob.sites['SITE_ID'].iat[site_of[f]] if f >= 0 else None for f in nearest]
    out['DIST_M'] = np.where(np.isfinite(dist), dist, np.nan)
    stats = facility_stats(cov, chosen)
    per_site = stats.groupby(site_of[stats.index.to_numpy()]).sum()
    sensors_out = prob.sites[['SITE_ID', 'SRC_FID', 'KIND', 'geometry']].copy()
    watched = np.asarray(sensors_out['KIND'], object)           # the risk kind each sensor watches
    watched[site_of] = [cov.kinds[k] if k >= 0 else '' for k in cov.fac_kind]
    sensors_out['KIND'] = [kinds.label(k) for k in watched]
    radius = np.full(len(sensors_out), np.nan)
    radius[site_of] = cov.effective_radius()
    sensors_out.insert(3, 'RADIUS_M', np.where(np.isnan(prob.sites['RADIUS']), radius, prob.sites['RADIUS']))
    for column in ('N_COVER', 'W_COVER', 'N_UNIQUE'):
        sensors_out[column] = per_site[column].reindex(range(len(sensors_out))).fillna(0).to_numpy()
    sensors_out['N_COVER'] = sensors_out['N_COVER'].astype(np.int64)
    sensors_out['N_UNIQUE'] = sensors_out['N_UNIQUE'].astype(np.int64)
    sensors_out['REDUNDANT'] = (sensors_out['N_UNIQUE'] == 0).astype(np.int64)
    by_kind = group_summary(out['KIND'], out['WEIGHT'].to_numpy(float), count > 0)
    notes = list(prob.notes)
    if not len(sensors_out):
        notes.append(translate('spm', 'There is no sensor: nothing is covered.'))
    return CoverageReport(out, sensors_out, by_kind, prob, notes)


def evaluation_summary(report, districts=None):
    """Coverage by kind (with sensors and redundant sensors of that kind), by district, and overall.

    GROUP_TYPE is ``kind``, ``district`` or ``all``; the ``all`` row lists the redundant sensors.
    """
    cov = report.problem.coverage
    sensors = report.sensors
    kind_of_site = np.full(len(sensors), -1, np.int64)
    kind_of_site[cov.fac_site] = cov.fac_kind
    parts = []
    by_kind = report.by_kind.iloc[:-1].copy()
    by_kind.insert(0, 'GROUP_TYPE', 'kind')
    code = {name: k for k, name in enumerate(cov.kinds)}
    by_kind['N_SENSORS'] = [int((kind_of_site == code.get(g, -9)).sum()) for g in by_kind['GROUP']]
    by_kind['N_REDUNDANT'] = [int(((kind_of_site == code.get(g, -9)) & (sensors['REDUNDANT'] == 1)).sum())
                              for g in by_kind['GROUP']]
    parts.append(by_kind)
    if districts is not None:
        by_district = report.by(np.asarray(districts, object)).iloc[:-1].copy()
        by_district.insert(0, 'GROUP_TYPE', 'district')
        parts.append(by_district)
    overall = report.by_kind.iloc[-1:].copy()
    overall.insert(0, 'GROUP_TYPE', 'all')
    overall['GROUP'] = translate('spm', 'All risk points')
    overall['N_SENSORS'] = len(sensors)
    redundant = sensors.loc[sensors['REDUNDANT'] == 1, 'SRC_FID']
    overall['N_REDUNDANT'] = len(redundant)
    overall['REDUNDANT_FIDS'] = ', '.join(str(v) for v in redundant)
    table = pd.concat(parts + [overall], ignore_index=True)
    table['GROUP'] = [kinds.label(g) for g in table['GROUP']]
    for column in ('N_SENSORS', 'N_REDUNDANT'):
        table[column] = pd.array(table[column], dtype='Int64')
    return table



@dataclass
class CoverageGaps:
    """Risk points that only offline sensors covered (see :func:`coverage_gaps`)."""

    points: object           # index (of the ``points`` frame) of the risk points no longer covered
    n_offline: int           # offline sensors
    report: CoverageReport   # coverage by all sensors, online and offline

    @property
    def n_gaps(self):
        return len(self.points)


def coverage_gaps(points, sensors, offline, radius=None, **options):
    """The risk points covered by some sensor but by no online one: the coverage lost while the
    ``offline`` sensors (one truth value per row of ``sensors``) are silent. Options as
    :func:`coverage_of`."""
    offline = np.asarray(offline, bool)
    report = coverage_of(points, sensors, radius, **options)
    cov = report.problem.coverage
    online = cov.covered_by(~offline[cov.fac_site])
    lost = (report.points['COVERED'].to_numpy() == 1) & (online == 0)
    return CoverageGaps(report.points.index[lost], int(offline.sum()), report)
