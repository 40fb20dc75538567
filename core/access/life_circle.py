"""社区生活圈: who reaches which everyday service within its walking threshold, by district.

Every residential feature walks from its centroid: (optionally) straight to the nearest point of
the walkable network, along the network, and (optionally) straight from the network to the
facility; parks and squares are reached at points of their boundary (every ``PARK_SPACING``
metres), or at their entrances where entrances are given. A feature is covered for a kind when
that walk is at most the kind's threshold (boundary included, to ``EPSILON``: a walk of exactly
500 m summed from pieces is covered by 500 m, one of 500.01 m is not). Distances are written
rounded *up* to 0.1 m, so that D ≤ threshold exactly when the feature is covered (thresholds
in whole decimetres); a distance beyond the 15-minute search (or the largest threshold) is
empty. Lengths are planar, in the projected working CRS. Features or facilities farther
than ``max_snap`` from the network reach nothing and are listed; parts of the network that do not
connect to each other are reported with the homes stranded on them.
"""

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import MultiLineString

from ..errors import Canceled, InputError
from ..i18n import translate
from ..landuse.geometry import centroid_array, line_coordinates
from . import thresholds as thresholds_module
from .walk import WalkGraph

PARK_SPACING = 20.0        # m between access points along a park's boundary
ENTRANCE_TOLERANCE = 20.0  # m: an entrance farther than this from every park is ignored
FIFTEEN = 15.0             # minutes of the 15-minute life circle
EPSILON = 1e-6             # m: a walk this much over a threshold still meets it (float sums)
TOTAL = '合计'             # DISTRICT of the whole-area row of the district table


@dataclass
class Result:
    residents: pd.DataFrame           # per residential feature, index as given
    districts: pd.DataFrame           # per district + the TOTAL row
    thresholds: list
    notes: list = field(default_factory=list)
    reach: dict = field(default_factory=dict)   # code -> distance at every network node
    graph: object = None


def _fids(index, mask, limit=10):
    ids = [str(i) for i in np.asarray(index)[np.asarray(mask, bool)][:limit]]
    more = int(np.count_nonzero(mask)) - len(ids)
    return ', '.join(ids) + (translate('spm', ' and {n} more').format(n=more) if more > 0 else '')


def park_access_points(parks, entrances=None, spacing=PARK_SPACING):
    """(xy, park position) of the points where each park is entered."""
    pts, owner = [], []
    has_entrance = np.zeros(len(parks), bool)
    if entrances is not None and len(entrances) and len(parks):
        exy = centroid_array(entrances)
        ok = np.isfinite(exy).all(axis=1)
        for x, y in exy[ok]:
            d = parks.distance(gpd.points_from_xy([x], [y])[0]).to_numpy()
            k = int(np.argmin(d))
            if d[k] <= ENTRANCE_TOLERANCE:
                pts.append((x, y))
                owner.append(k)
                has_entrance[k] = True
    for k, geom in enumerate(parks):
        if has_entrance[k]:
            continue
        for poly in getattr(geom, 'geoms', [geom]):
            ring = poly.exterior
            n = max(4, int(np.ceil(ring.length / spacing)))
            for t in np.arange(n) / n:
                p = ring.interpolate(t, normalized=True)
                pts.append((p.x, p.y))
                owner.append(k)
    return np.asarray(pts, float).reshape(-1, 2), np.asarray(owner, np.int64)


def compute(residents, population, roads, facilities, kinds, thresholds, *, parks=None, entrances=None,
            districts=None, district_keys=None, walk_speed=4.0, max_snap=200.0, access_walk=True,
            min_park_area=400.0, labels=None, canceled=None, progress=None):
    """The life-circle result (see :class:`Result`); all geometries in one projected CRS (metres).

    ``residents``: GeoSeries (buildings or points), ``population``: numbers aligned with it;
    ``roads``: GeoSeries of lines, or a list of (n, 2) coordinate arrays (:func:`paths.walkable_lines`);
    ``facilities``: GeoSeries of points with ``kinds``; ``parks``: GeoSeries of polygons or None;
    ``districts``: GeoSeries with ``district_keys``; ``thresholds``: from :func:`thresholds.load`.
    """
    labels = dict({'residential': 'RESIDENTIAL', 'facilities': 'FACILITIES', 'parks': 'PARKS'}, **(labels or {}))
    notes = []
    speed = thresholds_module.metres_per_minute(walk_speed)
    if not max_snap > 0:
        raise InputError(translate('spm', 'MAX_SNAP must be greater than 0 m.'))
    pop = pd.to_numeric(pd.Series(population, index=residents.index), errors='coerce').astype(float)
    if (pop < 0).any():
        raise InputError(translate('spm', 'Layer {layer}: negative population in feature(s) {fids}.').format(
            layer=labels['residential'], fids=_fids(residents.index, pop < 0)))
    if pop.isna().any():
        notes.append(translate('spm', 'Layer {layer}: {n} feature(s) have no population and count as 0 '
                                      'residents: {fids}.').format(
            layer=labels['residential'], n=int(pop.isna().sum()), fids=_fids(residents.index, pop.isna())))
        pop = pop.fillna(0.0)
    if (pop == 0).any():
        notes.append(translate('spm', 'Layer {layer}: {n} feature(s) have 0 residents; they get distances but '
                                      'weigh nothing in the coverage.').format(
            layer=labels['residential'], n=int((pop == 0).sum())))

    origin_xy = centroid_array(residents)
    no_geom = ~np.isfinite(origin_xy).all(axis=1)
    if no_geom.any():
        notes.append(translate('spm', 'Layer {layer}: {n} feature(s) without geometry reach nothing: {fids}.')
                     .format(layer=labels['residential'], n=int(no_geom.sum()),
                             fids=_fids(residents.index, no_geom)))

    # facilities by kind, parks as one more kind
    table = {t.kind: t for t in thresholds}
    kinds = pd.Series(kinds, index=facilities.index).fillna('').astype(str).str.strip()
    fac_xy = centroid_array(facilities)
    unknown = kinds[~kinds.isin(list(table))]
    if len(unknown):
        counts = unknown.value_counts()
        notes.append(translate('spm', 'Layer {layer}: {n} facilities have a kind with no threshold and are left '
                                      'out: {kinds}. Add the kind to the threshold table to count it.').format(
            layer=labels['facilities'], n=len(unknown),
            kinds=', '.join('“{}” ({})'.format(k, c) for k, c in counts.items())))
    groups_xy, groups_owner = {}, {}
    for t in thresholds:
        if t.code == thresholds_module.PARK:
            continue
        mask = (kinds == t.kind).to_numpy() & np.isfinite(fac_xy).all(axis=1)
        groups_xy[t.code] = fac_xy[mask]
        groups_owner[t.code] = np.asarray(facilities.index)[mask]
    park_table = [t for t in thresholds if t.code == thresholds_module.PARK]
    park_area = None
    if parks is not None and park_table:
        parks = gpd.GeoSeries(parks)
        usable = parks.notna() & ~parks.is_empty
        area = parks.area.where(usable, 0.0)
        small = usable & (area < min_park_area)
        if small.any():
            notes.append(translate('spm', 'Layer {layer}: {n} park(s) smaller than {min:g} m² are not counted.')
                         .format(layer=labels['parks'], n=int(small.sum()), min=min_park_area))
        parks = parks[usable & (area >= min_park_area)]
        park_area = parks
        xy, owner = park_access_points(parks.reset_index(drop=True), entrances)
        groups_xy[thresholds_module.PARK] = xy
        groups_owner[thresholds_module.PARK] = np.asarray(parks.index)[owner]
    active = [t for t in thresholds if t.code in groups_xy]
    for t in active:
        if not len(groups_xy[t.code]):
            notes.append(translate('spm', 'No facility of kind “{kind}” was given: nobody is covered for it.')
                         .format(kind=t.kind))
    if park_table and parks is None:
        notes.append(translate('spm', 'No PARKS layer: the kind “{kind}” is not computed.').format(
            kind=park_table[0].kind))
    if not active:
        raise InputError(translate('spm', 'No facility kind of the data is in the threshold table.'))

    # one graph with every point attached
    ok_origin = ~no_geom
    all_xy = [origin_xy[ok_origin]] + [groups_xy[t.code] for t in active]
    lines = roads if isinstance(roads, list) else line_coordinates(roads)
    graph = WalkGraph(lines, np.vstack(all_xy))
    offsets = np.cumsum([0] + [len(a) for a in all_xy])
    n_ok = int(ok_origin.sum())
    origin_snap = np.full(len(residents), np.inf)
    origin_snap[ok_origin] = graph.snap[:n_ok]
    far = ok_origin & (origin_snap > max_snap)
    if far.any():
        notes.append(translate('spm', 'Layer {layer}: {n} feature(s) ({p:,.0f} residents) are more than {d:g} m '
                                      'from the walkable network and reach nothing: {fids}.').format(
            layer=labels['residential'], n=int(far.sum()), p=float(pop[far].sum()), d=max_snap,
            fids=_fids(residents.index, far)))
    groups = {}
    for k, t in enumerate(active):
        idx = np.arange(offsets[k + 1], offsets[k + 2])
        snap = graph.snap[idx]
        near = snap <= max_snap
        if (~near).any():
            layer = labels['parks'] if t.code == thresholds_module.PARK else labels['facilities']
            what = (translate('spm', 'park access point(s)') if t.code == thresholds_module.PARK
                    else translate('spm', 'facilities “{kind}”').format(kind=t.kind))
            ids = np.unique(groups_owner[t.code][~near])
            notes.append(translate('spm', 'Layer {layer}: {n} {what} are more than {d:g} m from the walkable '
                                          'network and are left out: {fids}.').format(
                layer=layer, n=int((~near).sum()), what=what, d=max_snap,
                fids=_fids(ids, np.ones(len(ids), bool))))
        groups[t.code] = (idx[near], snap[near] if access_walk else np.zeros(int(near.sum())))

    limit = max(max(t.metres for t in active), FIFTEEN * speed)
    reachable = np.flatnonzero(ok_origin & ~far)
    origin_points = np.searchsorted(np.flatnonzero(ok_origin), reachable)
    origin_walk = graph.snap[origin_points] if access_walk else np.zeros(len(reachable))
    reach, dist = {}, {}
    for k, t in enumerate(active):
        if canceled is not None and canceled():
            raise Canceled(translate('spm', 'canceled'))
        at_node = graph.nearest(*groups[t.code], limit)
        reach[t.code] = at_node
        d = np.full(len(residents), np.inf)
        total = at_node[graph.node[origin_points]] + origin_walk
        total[total > limit + EPSILON] = np.inf
        d[reachable] = total
        dist[t.code] = d
        if progress is not None:
            progress(100.0 * (k + 1) / len(active))

    # network parts
    part = np.full(len(residents), -1, np.int64)
    ranks = graph.part_ranks()
    part[reachable] = ranks[graph.node[origin_points]]
    if graph.n_parts > 1:
        off_main = part > 0
        notes.append(translate('spm', 'The walkable network has {k} separate parts; {n} residential feature(s) '
                                      '({p:,.0f} residents) are on parts other than the largest (field PART > 0): '
                                      '{fids}.').format(k=graph.n_parts, n=int(off_main.sum()),
                                                        p=float(pop[off_main].sum()),
                                                        fids=_fids(residents.index, off_main)))
        for t in active:
            idx = groups[t.code][0]
            with_kind = np.unique(ranks[graph.node[idx]]) if len(idx) else np.array([], np.int64)
            stranded = (part >= 0) & ~np.isin(part, with_kind)
            if stranded.any() and len(idx):
                notes.append(translate('spm', '{n} residential feature(s) ({p:,.0f} residents) are on network parts '
                                              'with no “{kind}”: they cannot reach one.').format(
                    n=int(stranded.sum()), p=float(pop[stranded].sum()), kind=t.kind))

    out = pd.DataFrame(index=residents.index)
    out['POP'] = pop.to_numpy()
    out['SNAP_M'] = np.round(np.where(np.isfinite(origin_snap), origin_snap, np.nan), 1)
    out['PART'] = part
    fifteen = FIFTEEN * speed
    n15 = np.zeros(len(residents), np.int64)
    for t in active:
        d = dist[t.code]
        out['D_' + t.code] = _up_to_decimetre(np.where(np.isfinite(d), d, np.nan))
        out['C_' + t.code] = (d <= t.metres + EPSILON).astype(np.int64)
        n15 += d <= fifteen + EPSILON
    out['N_15MIN'] = n15
    out['COMPLETE'] = (n15 == len(active)).astype(np.int64)

    keys = _district_of(origin_xy, districts, district_keys)
    out['DISTRICT'] = keys
    outside = (keys == '') & ok_origin
    if districts is not None and outside.any():
        notes.append(translate('spm', 'Layer {layer}: {n} feature(s) lie in no district; they count only in the '
                                      'total row: {fids}.').format(layer=labels['residential'], n=int(outside.sum()),
                                                                   fids=_fids(residents.index, outside)))
    table = district_table(out, active, districts, district_keys, park_area)
    return Result(out, table, active, notes, reach, graph)


def _up_to_decimetre(metres):
    """Metres rounded up to 0.1 m (a walk within ``EPSILON`` of a decimetre stays on it)."""
    return np.ceil(np.round((metres - EPSILON) * 10.0, 6)) / 10.0


def _district_of(xy, districts, keys):
    """District key of each point ('' outside every district; the first district on a shared border)."""
    out = np.full(len(xy), '', dtype=object)
    if districts is None or not len(xy):
        return out
    ok = np.isfinite(xy).all(axis=1)
    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(xy[ok, 0], xy[ok, 1]))
    polys = gpd.GeoDataFrame({'key': [str(k) for k in keys]}, geometry=list(districts))
    joined = gpd.sjoin(points, polys, how='inner', predicate='intersects')
    joined = joined.sort_values('index_right', kind='stable')
    joined = joined[~joined.index.duplicated()]
    positions = np.flatnonzero(ok)
    out[positions[joined.index.to_numpy()]] = joined['key'].to_numpy()
    return out


def district_table(residents, active, districts=None, district_keys=None, parks=None):
    """Population-weighted coverage per district, and the TOTAL row (sums of the district rows
    plus the features that lie in no district)."""
    keys = [str(k) for k in district_keys] if districts is not None else []
    groups = keys + [TOTAL]
    rows = []
    pop = residents['POP'].to_numpy(float)
    for key in groups:
        mask = np.ones(len(residents), bool) if key == TOTAL else (residents['DISTRICT'] == key).to_numpy()
        row = {'DISTRICT': key, 'N_RES': int(mask.sum()), 'POP': float(pop[mask].sum())}
        for t in active:
            covered = float(pop[mask & (residents['C_' + t.code].to_numpy() == 1)].sum())
            row['POP_' + t.code] = covered
            row['PCT_' + t.code] = 100.0 * covered / row['POP'] if row['POP'] > 0 else np.nan
        complete = float(pop[mask & (residents['COMPLETE'].to_numpy() == 1)].sum())
        row['POP_ALL'] = complete
        row['PCT_ALL'] = 100.0 * complete / row['POP'] if row['POP'] > 0 else np.nan
        rows.append(row)
    table = pd.DataFrame(rows)
    if parks is not None:
        area = [float(parks.intersection(geom).area.sum()) for geom in districts] if districts is not None else []
        table['PARK_M2'] = area + [float(parks.area.sum())]
        table['PARK_PC'] = np.where(table['POP'] > 0, table['PARK_M2'] / table['POP'].where(table['POP'] > 0, 1),
                                    np.nan)
    return table


def service_lines(result, codes=None):
    """Reachable streets per kind (the network walked within the kind's threshold from its
    facilities): a GeoDataFrame with KIND, CODE, THRESH_M and one MultiLineString per kind."""
    graph = result.graph
    seg_u, seg_v, length = graph.edges()
    a, b = graph.node_xy[seg_u], graph.node_xy[seg_v]
    rows, geoms = [], []
    for t in result.thresholds:
        if codes is not None and t.code not in codes:
            continue
        at_node = result.reach[t.code]
        ru = np.clip(t.metres - at_node[seg_u], 0.0, None)
        rv = np.clip(t.metres - at_node[seg_v], 0.0, None)
        ru, rv = np.where(np.isfinite(ru), ru, 0.0), np.where(np.isfinite(rv), rv, 0.0)
        whole = ru + rv >= length
        fu = np.minimum(ru / np.where(length > 0, length, 1.0), 1.0)[:, None]
        fv = np.minimum(rv / np.where(length > 0, length, 1.0), 1.0)[:, None]
        parts = [np.stack([a[whole], b[whole]], axis=1)]
        from_u = ~whole & (ru > 0)
        from_v = ~whole & (rv > 0)
        parts.append(np.stack([a[from_u], (a + fu * (b - a))[from_u]], axis=1))
        parts.append(np.stack([b[from_v], (b + fv * (a - b))[from_v]], axis=1))
        segments = np.concatenate(parts)
        rows.append((t.kind, t.code, t.metres))
        geoms.append(MultiLineString([tuple(map(tuple, s)) for s in segments]) if len(segments) else None)
    return gpd.GeoDataFrame(pd.DataFrame(rows, columns=['KIND', 'CODE', 'THRESH_M']), geometry=geoms,
                            crs=getattr(result, 'crs', None))
