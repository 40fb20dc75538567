"""From GeoDataFrames (risk points, candidate sites, existing sensors, roads) to a :class:`Problem`.

- Risk points: a kind field picks each point's radius and default weight from the kind table
  (:mod:`.kinds`); a weight field overrides the weight; without a kind field every point is of one
  kind and the radius must be given.
- Candidate sites: the given points, or — when none are given — points every ``spacing`` metres
  along the roads (when a road layer is given) or on a square grid within reach of a risk point.
  A candidate layer that has a field named like the kind field offers only that kind of sensor;
  otherwise each candidate can take a sensor of any kind.
- Existing sensors: always chosen; their kind (a field named like the kind field; empty = every
  kind) and their own radius (optional field; empty = the kind's radius).
- A site's kind is a risk kind (易涝积水点) or a sensor name the kind table maps to one (积水监测仪).
- Distance: ``EUCLIDEAN`` (straight line), ``NETWORK`` (along the roads, :mod:`.network`) or a cost
  table (point id, site id, cost) that replaces the distance computation (:mod:`.pairs`).

Every layer must be in the same projected CRS (metres); the Processing algorithms reproject.
"""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from ..errors import InputError
from ..i18n import translate
from ..landuse.geometry import line_coordinates
from . import coverage as coverage_module
from . import kinds as kinds_module
from . import pairs as pairs_module
from .network import RoadNetwork

DISTANCES = ('EUCLIDEAN', 'NETWORK')
MAX_GRID = 5_000_000
SOURCE_CANDIDATE, SOURCE_GENERATED, SOURCE_EXISTING = 'candidate', 'generated', 'existing'
_NO_KIND = -2       # a site whose kind no risk point has


@dataclass
class Problem:
    """A coverage problem and what is needed to report on it."""

    coverage: coverage_module.Coverage
    points: object          # GeoDataFrame of the risk points used (index = feature id), KIND, WEIGHT
    sites: object           # GeoDataFrame of sites: SITE_ID, SOURCE, SRC_FID, KIND, RADIUS, COST
    distance: str
    notes: list = field(default_factory=list)
    network: object = None  # the RoadNetwork of NETWORK distance, reusable for new sites


def _labels(labels):
    base = {'risk': 'RISK_POINTS', 'candidates': 'CANDIDATES', 'existing': 'EXISTING',
            'roads': 'ROADS', 'cost_table': 'COST_TABLE'}
    base.update(labels or {})
    return base


def _fids(frame, mask, limit=8):
    ids = [str(v) for v in frame.index[np.asarray(mask)][:limit]]
    more = int(np.asarray(mask).sum()) - len(ids)
    return ', '.join(ids) + (translate('spm', ' and {n} more').format(n=more) if more > 0 else '')


def xy_of(frame):
    """(n, 2) coordinates of point features (the centroid of other geometries)."""
    geoms = frame.geometry
    if not len(geoms):
        return np.empty((0, 2))
    points = geoms if bool((geoms.geom_type == 'Point').all()) else geoms.centroid
    return np.column_stack([points.x.to_numpy(), points.y.to_numpy()])


def _usable(frame, label, notes):
    """The features that have a geometry (the others are reported and left out)."""
    if frame is None:
        return None
    empty = frame.geometry.isna().to_numpy() | frame.geometry.is_empty.to_numpy()
    if empty.any():
        notes.append(translate('spm', 'Layer {layer}: {n} feature(s) without geometry are left out '
                                      '(fid {fids}).').format(
            layer=label, n=int(empty.sum()), fids=_fids(frame, empty)))
    return frame[~empty]


def _text(values):
    return [None if v is None or (isinstance(v, float) and np.isnan(v)) or str(v).strip() == ''
            else str(v).strip() for v in values]


def _check_crs(frames):
    crs = None
    for label, frame in frames:
        if frame is None or frame.crs is None:
            continue
        if frame.crs.is_geographic:
            raise InputError(translate(
                'spm', 'Layer {layer} is in geographic coordinates ({crs}); distances need a projected '
                       'CRS in metres, e.g. EPSG:4528 (CGCS2000 / 3-degree Gauss-Kruger zone 40).').format(
                    layer=label, crs=frame.crs.to_string()))
        if crs is None:
            crs = frame.crs
        elif frame.crs != crs:
            raise InputError(translate('spm', 'Layer {layer} is not in the CRS of the risk points ({crs}).')
                             .format(layer=label, crs=crs.to_string()))


def _field(frame, name, label, what):
    if name not in frame.columns:
        raise InputError(translate('spm', 'Layer {layer} has no field {field} ({what}). Fields: {fields}.')
                         .format(layer=label, field=name, what=what,
                                 fields=', '.join(str(c) for c in frame.columns if c != 'geometry')))
    return frame[name]


def _numbers(frame, name, label, what, positive=True, allow_empty=False):
    values = pd.to_numeric(_field(frame, name, label, what), errors='coerce').to_numpy(float)
    empty = np.isnan(values)
    bad = (~empty & ~(values > 0 if positive else values >= 0)) | (empty & (not allow_empty))
    if bad.any():
        raise InputError(translate(
            'spm', 'Layer {layer}: field {field} ({what}) must be a number {rule}; fid {fids}.').format(
                layer=label, field=name, what=what, rule='> 0' if positive else '≥ 0',
                fids=_fids(frame, bad)))
    return values


def lines_of(frame):
    """Coordinate arrays of every line part of a (Multi)LineString GeoDataFrame."""
    return line_coordinates(frame.geometry)


def along_lines(lines, spacing):
    """Points every ``spacing`` metres along each line (ends included), without duplicates."""
    pairs_module.check_radius(spacing, 'SPACING')
    found = []
    for coords in lines:
        steps = np.hypot(*np.diff(coords, axis=0).T)
        along = np.r_[0.0, np.cumsum(steps)]
        if along[-1] <= 0:
            continue
        at = np.r_[np.arange(0.0, along[-1], spacing), along[-1]]
        found.append(np.column_stack([np.interp(at, along, coords[:, 0]), np.interp(at, along, coords[:, 1])]))
    if not found:
        return np.empty((0, 2))
    xy = np.vstack(found)
    _, first = np.unique(np.round(xy, 2), axis=0, return_index=True)
    return xy[np.sort(first)]


def grid_near(point_xy, spacing, reach):
    """Square grid nodes (multiples of ``spacing``) within ``reach`` of some point."""
    pairs_module.check_radius(spacing, 'SPACING')
    if not len(point_xy):
        return np.empty((0, 2))
    low = np.floor((point_xy.min(axis=0) - reach) / spacing) * spacing
    high = point_xy.max(axis=0) + reach
    nx, ny = (np.floor((high - low) / spacing).astype(np.int64) + 1)
    if nx * ny > MAX_GRID:
        raise InputError(translate(
            'spm', 'A grid at SPACING = {s} m would have {n:,} nodes; use a larger spacing or give '
                   'candidate sites.').format(s=spacing, n=int(nx * ny)))
    gx, gy = np.meshgrid(low[0] + spacing * np.arange(nx), low[1] + spacing * np.arange(ny))
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    distance, _ = cKDTree(point_xy).query(grid, distance_upper_bound=reach * (1 + pairs_module.TOLERANCE))
    return grid[np.isfinite(distance)]


def prepare(risk, candidates=None, existing=None, *, radius=None, kind_field=None, weight_field=None,
            kind_table=None, cost_field=None, existing_radius_field=None, distance='EUCLIDEAN',
            roads=None, spacing=100.0, cost_table=None, generate=True, labels=None, canceled=None,
            report_unreachable=True):
    """Build the :class:`Problem` (see the module docstring); the frames are not modified.

    ``report_unreachable``: add a note on the risk points no site can reach (off when the sites are
    the sensors being evaluated, where an uncovered point is the result, not a problem).
    """
    labels = _labels(labels)
    notes = []
    if distance not in DISTANCES:
        raise InputError(translate('spm', 'Unknown distance {d}: use EUCLIDEAN or NETWORK.').format(d=distance))
    if radius is not None:
        pairs_module.check_radius(radius, 'RADIUS')
    if distance == 'NETWORK' and roads is None and cost_table is None:
        raise InputError(translate('spm', 'Network distance needs a road layer (ROADS).'))
    _check_crs([(labels['risk'], risk), (labels['candidates'], candidates),
                (labels['existing'], existing), (labels['roads'], roads)])
    risk = _usable(risk, labels['risk'], notes)
    candidates = _usable(candidates, labels['candidates'], notes)
    existing = _usable(existing, labels['existing'], notes)
    if not len(risk):
        raise InputError(translate('spm', 'Layer {layer} has no risk point.').format(layer=labels['risk']))

    # risk points: kind, radius per kind, weight
    if kind_field:
        point_kinds = _text(_field(risk, kind_field, labels['risk'], translate('spm', 'kind')))
        empty = np.array([k is None for k in point_kinds])
        if empty.any():
            raise InputError(translate('spm', 'Layer {layer}: field {field} is empty for fid {fids}.').format(
                layer=labels['risk'], field=kind_field, fids=_fids(risk, empty)))
        table_order = list(kinds_module.load(kind_table).index)
        present = set(point_kinds)
        kinds = [k for k in table_order if k in present] + sorted(present - set(table_order))
    else:
        if radius is None:
            raise InputError(translate('spm', 'Give a radius, or a kind field so that each kind takes its '
                                              'radius from the kind table.'))
        point_kinds, kinds = [''] * len(risk), ['']
    kind_radius, kind_weight = kinds_module.radius_and_weight(kinds, kind_table, radius, labels['risk'])
    code = {k: n for n, k in enumerate(kinds)}
    site_code = {name: code[kind] for name, kind in kinds_module.sensor_kind_map(kind_table).items()
                 if kind in code}
    site_code.update(code)
    point_kind = np.array([code[k] for k in point_kinds], np.int64)
    if weight_field:
        weights = _numbers(risk, weight_field, labels['risk'], translate('spm', 'weight'), positive=False)
    else:
        weights = kind_weight[point_kind] if kind_field else np.ones(len(risk))
    points = risk[[risk.geometry.name]].copy()
    points['KIND'] = point_kinds
    points['WEIGHT'] = weights

    # sites
    site_parts = []
    if candidates is not None:
        site_parts.append(_sites(candidates, SOURCE_CANDIDATE, kind_field, site_code, cost_field, None,
                                 labels['candidates']))
    elif generate:
        reach = float(np.max(kind_radius))
        if roads is not None:
            xy = along_lines(lines_of(roads), spacing)
            where = translate('spm', 'along the roads')
        else:
            xy = grid_near(xy_of(risk), spacing, reach)
            where = translate('spm', 'on a square grid')
        import geopandas as gpd
        generated = gpd.GeoDataFrame(geometry=gpd.points_from_xy(xy[:, 0], xy[:, 1]), crs=risk.crs)
        generated.index = pd.RangeIndex(1, len(generated) + 1, name='fid')
        notes.append(translate('spm', 'No candidate sites were given: {n} candidate(s) were placed every '
                                      '{s} m {where}.').format(n=len(generated), s=spacing, where=where))
        site_parts.append(_sites(generated, SOURCE_GENERATED, None, code, None, None, ''))
    if existing is not None:
        site_parts.append(_sites(existing, SOURCE_EXISTING, kind_field, site_code, None, existing_radius_field,
                                 labels['existing']))
    if not site_parts:
        raise InputError(translate('spm', 'There is no candidate site and no existing sensor.'))
    import geopandas as gpd
    sites = gpd.GeoDataFrame(pd.concat(site_parts, ignore_index=True), geometry='geometry', crs=risk.crs)
    site_kind = sites.pop('_kind').to_numpy(np.int64)
    if candidates is not None and not len(candidates):
        raise InputError(translate('spm', 'Layer {layer} has no candidate site.').format(
            layer=labels['candidates']))
    if (site_kind == _NO_KIND).any():
        foreign = sorted(set(sites['KIND'][site_kind == _NO_KIND]))
        notes.append(translate('spm', '{n} site(s) have a kind that no risk point has ({kinds}); they cover '
                                      'nothing.').format(n=int((site_kind == _NO_KIND).sum()),
                                                         kinds=', '.join(foreign)))
    fixed = (sites['SOURCE'] == SOURCE_EXISTING).to_numpy()
    own_radius = sites['RADIUS'].to_numpy(float)
    reach = float(np.nanmax(np.r_[kind_radius, own_radius]))

    # pairs within reach
    point_xy, site_xy = xy_of(risk), xy_of(sites)
    network = None
    if cost_table is not None:
        found = _cost_pairs(cost_table, risk, candidates, existing, sites, labels, notes)
        mode = 'COST_TABLE'
    elif distance == 'NETWORK':
        network = RoadNetwork(lines_of(roads))
        found = network.pairs(point_xy, site_xy, reach, canceled=canceled)
        mode = 'NETWORK'
    else:
        found = pairs_module.euclidean_pairs(point_xy, site_xy, reach)
        mode = 'EUCLIDEAN'
    cov = coverage_module.build(found, weights, point_kind, kinds, kind_radius, site_kind, own_radius,
                                fixed, sites['COST'].to_numpy(float))
    _coverage_notes(cov, points, sites, mode, labels, notes, report_unreachable)
    return Problem(cov, points, sites, mode, notes, network)


def _sites(frame, source, kind_field, code, cost_field, radius_field, label):
    """Sites of one layer: SITE_ID, SOURCE, SRC_FID, KIND, RADIUS (own, NaN = by kind), COST."""
    out = frame[[]].copy()
    out['SRC_FID'] = frame.index.to_numpy()
    out['SOURCE'] = source
    prefix = {SOURCE_CANDIDATE: 'C', SOURCE_GENERATED: 'G', SOURCE_EXISTING: 'E'}[source]
    out['SITE_ID'] = [f'{prefix}{fid}' for fid in frame.index]
    if kind_field and kind_field in frame.columns:
        names = _text(frame[kind_field])
        out['KIND'] = [k or '' for k in names]
        out['_kind'] = [coverage_module.ANY_KIND if k is None else code.get(k, _NO_KIND) for k in names]
    else:
        out['KIND'] = ''
        out['_kind'] = coverage_module.ANY_KIND
    if radius_field:
        values = pd.to_numeric(_field(frame, radius_field, label, translate('spm', 'radius')),
                               errors='coerce').to_numpy(float)
        bad = ~np.isnan(values) & ~(values > 0)
        if bad.any():
            raise InputError(translate(
                'spm', 'Layer {layer}: field {field} (radius) must be greater than 0; fid {fids}.').format(
                    layer=label, field=radius_field, fids=_fids(frame, bad)))
        out['RADIUS'] = values
    else:
        out['RADIUS'] = np.nan
    out['COST'] = _numbers(frame, cost_field, label, translate('spm', 'cost')) if cost_field else 1.0
    out['geometry'] = frame.geometry.to_numpy()
    return out.reset_index(drop=True)


def _cost_pairs(table, risk, candidates, existing, sites, labels, notes):
    """Pairs from a cost table whose header names the id fields (or ``fid``)."""
    if candidates is None:
        raise InputError(translate('spm', 'A cost table needs the candidate sites (CANDIDATES) it refers to.'))
    pairs_module.check_columns(table, labels['cost_table'])
    point_col, site_col = str(table.columns[0]), str(table.columns[1])

    def ids(frame, column, label):
        if column.lower() == 'fid' and column not in frame.columns:
            return pairs_module.id_strings(frame.index)
        _field(frame, column, label, translate('spm', 'id named in the cost table header'))
        return pairs_module.unique_ids(frame[column], label, column)

    point_ids = ids(risk, point_col, labels['risk'])
    site_ids = ids(candidates, site_col, labels['candidates'])
    if existing is not None:
        if site_col.lower() == 'fid' and site_col not in existing.columns:
            raise InputError(translate(
                'spm', 'With existing sensors, the cost table must name sites by an id field present in '
                       'both {candidates} and {existing}, not by fid.').format(
                    candidates=labels['candidates'], existing=labels['existing']))
        site_ids = site_ids + ids(existing, site_col, labels['existing'])
        shared = set(site_ids[:len(candidates)]) & set(site_ids[len(candidates):])
        if shared:
            raise InputError(translate('spm', 'The site id(s) {ids} are both a candidate and an existing '
                                              'sensor.').format(ids=', '.join(sorted(shared)[:10])))
    i, j, cost, table_notes = pairs_module.cost_table_pairs(table, point_ids, site_ids, labels['cost_table'])
    notes.extend(table_notes)
    return i, j, cost


def _coverage_notes(cov, points, sites, mode, labels, notes, report_unreachable):
    """Report risk points out of reach and given candidates that cover nothing."""
    reach = cov.coverable()
    if report_unreachable and (~reach).any():
        where = {'NETWORK': translate('spm', 'along the roads (nearest road too far, or a road piece not '
                                             'connected to any site)'),
                 'COST_TABLE': translate('spm', 'in the cost table'),
                 'EUCLIDEAN': translate('spm', 'in a straight line')}[mode]
        by_kind = pd.Series(np.asarray(points['KIND'])[~reach]).value_counts()
        listing = ', '.join(f'{k or "-"}: {n}' for k, n in by_kind.items())
        notes.append(translate('spm', '{n} risk point(s) are out of reach of every site {where} ({kinds}; '
                                      'fid {fids}); no sensor can cover them.').format(
            n=int((~reach).sum()), where=where, kinds=listing, fids=_fids(points, ~reach)))
    used = np.zeros(len(sites), bool)
    used[cov.fac_site] = True
    idle = (sites['SOURCE'] == SOURCE_CANDIDATE).to_numpy() & ~used
    if idle.any():
        notes.append(translate('spm', '{n} candidate site(s) in {layer} cover no risk point within reach and '
                                      'are left out (fid {fids}).').format(
            n=int(idle.sum()), layer=labels['candidates'],
            fids=', '.join(str(v) for v in sites['SRC_FID'][idle][:8])))
    idle = (sites['SOURCE'] == SOURCE_EXISTING).to_numpy() & ~used
    if idle.any():
        notes.append(translate('spm', '{n} existing sensor(s) in {layer} cover no risk point (fid {fids}).')
                     .format(n=int(idle.sum()), layer=labels['existing'],
                             fids=', '.join(str(v) for v in sites['SRC_FID'][idle][:8])))
