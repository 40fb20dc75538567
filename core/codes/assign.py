"""Give every building a stable code: township by centroid, BeiDou grid code, registry matching.

One coding run (:func:`assign_codes`) inside an open registry transaction:

1. each building goes to the township (admin polygon) holding its footprint's centroid — a
   building straddling a boundary goes where most of it is weighted; a building outside every
   township is reported (status ``outside``) and not coded;
2. its BeiDou grid code is computed at a point on its surface (CGCS2000 longitude/latitude);
3. it is matched to the registry's active codes by footprint: first identical geometry, then
   overlap — the intersection must cover at least ``min_overlap`` of the larger of the two
   footprints; pairs are taken best overlap first, one building per code (not by feature id, which
   changes when a layer is edited or re-exported);
4. matched buildings keep their code (``kept``); active codes that match no building are retired;
5. the others get new codes: the next free sequence in their township and year, after the
   highest ever issued there (retired codes included, so a code is never reused), numbered north
   to south, west to east.
"""

import datetime

import geopandas as gpd
import numpy as np
import pandas as pd
from pyproj import CRS, Transformer
from shapely import wkb as shapely_wkb

from ..errors import InputError
from ..i18n import translate
from . import beidou, footprints
from .registry import as_multipolygon, gpkg_blobs

OUTPUT_FIELDS = ('BUILDING_CODE', 'BEIDOU_CODE', 'ADMIN_CODE', 'CODE_STATUS')
KEPT, NEW, OUTSIDE, NO_GEOMETRY = 'kept', 'new', 'outside', 'no geometry'
GEOGRAPHIC = CRS.from_epsg(4490)          # CGCS2000, the datum of GB/T 39409 in China


def _names(ids, limit=8):
    ids = [str(i) for i in ids]
    text = ', '.join(ids[:limit])
    return text + (translate('spm', ' and {n} more').format(n=len(ids) - limit) if len(ids) > limit else '')


# --- inputs ---------------------------------------------------------------------------------

def admin_codes(admin, field, scheme, layer='ADMIN'):
    """Admin codes as text of the scheme's length; a clear error naming bad features."""
    values = admin[field]
    text = values.astype(object).where(values.notna(), '').astype(str).str.strip()
    numeric = text.str.fullmatch(r'\d+(\.0+)?')
    text = text.where(~numeric, text.str.replace(r'\.0+$', '', regex=True))
    bad = ~text.str.fullmatch(r'\d{%d}' % scheme.admin_length)
    if bad.any():
        examples = ['{} (“{}”)'.format(i, v) for i, v in zip(admin.index[bad], text[bad])]
        raise InputError(translate(
            'spm', 'Layer “{layer}”, field “{field}”: the building code scheme {scheme} needs {n}-digit '
                   'administrative codes; features {features} have other values.').format(
            layer=layer, field=field, scheme=scheme.id, n=scheme.admin_length, features=_names(examples)))
    return text.to_numpy(dtype=object)


def building_years(buildings, field, default_year, layer='BUILDINGS'):
    """Year of each building from ``field`` (empty → ``default_year``); error naming bad ones."""
    if not field:
        return np.full(len(buildings), int(default_year), dtype=np.int64), 0
    raw = pd.to_numeric(buildings[field], errors='coerce')
    given = buildings[field].notna() & (buildings[field].astype(str).str.strip() != '')
    bad = given & (raw.isna() | (raw % 1 != 0) | (raw < 1000) | (raw > 9999))
    if bad.any():
        examples = ['{} (“{}”)'.format(i, v) for i, v in zip(buildings.index[bad], buildings[field][bad])]
        raise InputError(translate(
            'spm', 'Layer “{layer}”, field “{field}”: years must be 4-digit numbers; features {features} '
                   'have other values.').format(layer=layer, field=field, features=_names(examples)))
    missing = int((~given).sum())
    return raw.fillna(default_year).astype(np.int64).to_numpy(), missing


# --- township of each building --------------------------------------------------------------

def _contains_xy(geometry, x, y):
    try:
        from shapely import contains_xy           # shapely 2
        return contains_xy(geometry, x, y)
    except ImportError:
        from shapely.vectorized import contains   # shapely 1.8
        return contains(geometry, x, y)


BOUNDARY_TOLERANCE = 1e-13        # of the coordinates' magnitude: 4 µm in a zone-prefixed CGCS2000 GK CRS


def _rings(geometry):
    """Coordinate arrays of every ring of a (multi)polygon."""
    parts = getattr(geometry, 'geoms', [geometry])
    for part in parts:
        yield np.asarray(part.exterior.coords)[:, :2]
        for hole in part.interiors:
            yield np.asarray(hole.coords)[:, :2]


def near_boundary(x, y, geometries, tolerance):
    """Index of the first polygon whose boundary passes within ``tolerance`` of each point (−1: none).

    Exact point–segment distances, vectorised per boundary segment over the points whose x lies
    in the segment's range (points sorted by x once); no buffering, which is unreliable at
    sub-millimetre distances on coordinates in the tens of millions.
    """
    first = np.full(len(x), -1, dtype=np.int64)
    finite = np.flatnonzero(np.isfinite(x) & np.isfinite(y))
    order = finite[np.argsort(x[finite], kind='stable')]
    xs = x[order]
    for index in range(len(geometries) - 1, -1, -1):          # the lowest index wins: written last
        geometry = geometries[index]
        if geometry is None or geometry.is_empty:
            continue
        for ring in _rings(geometry):
            for (x1, y1), (x2, y2) in zip(ring[:-1], ring[1:]):
                lo = np.searchsorted(xs, min(x1, x2) - tolerance, 'left')
                hi = np.searchsorted(xs, max(x1, x2) + tolerance, 'right')
                if lo == hi:
                    continue
                rows = order[lo:hi]
                py = y[rows]
                keep = (py >= min(y1, y2) - tolerance) & (py <= max(y1, y2) + tolerance)
                if not keep.any():
                    continue
                rows, px, py = rows[keep], x[rows[keep]], py[keep]
                dx, dy = x2 - x1, y2 - y1
                length2 = dx * dx + dy * dy
                t = np.clip(((px - x1) * dx + (py - y1) * dy) / length2, 0.0, 1.0) if length2 else 0.0
                close = np.hypot(px - (x1 + t * dx), py - (y1 + t * dy)) <= tolerance
                first[rows[close]] = index
    return first


def locate(x, y, geometries, codes):
    """Code of the polygon holding each point ('' when none); (codes, on-boundary count).

    A point inside a polygon, farther than a rounding tolerance (:data:`BOUNDARY_TOLERANCE` ×
    the coordinates' magnitude) from every boundary, gets its code. A point that close to a
    boundary — the centroid of a building drawn symmetrically across a township line — gets the
    first polygon (in the order of ``geometries``; callers sort them by code) whose boundary it
    touches, and counts as on the boundary; so does a point inside two overlapping polygons.
    """
    n = len(x)
    result = np.full(n, '', dtype=object)
    hits = np.zeros(n, dtype=np.int64)
    finite = np.isfinite(x) & np.isfinite(y)
    for geometry, code in zip(geometries, codes):
        if geometry is None or geometry.is_empty:
            continue
        minx, miny, maxx, maxy = geometry.bounds
        candidates = np.flatnonzero(finite & (x >= minx) & (x <= maxx) & (y >= miny) & (y <= maxy))
        if candidates.size == 0:
            continue
        inside = candidates[np.asarray(_contains_xy(geometry, x[candidates], y[candidates]), dtype=bool)]
        result[inside[hits[inside] == 0]] = code
        hits[inside] += 1
    scale = max(float(np.max(np.abs(x[finite]), initial=1.0)), float(np.max(np.abs(y[finite]), initial=1.0)))
    edge = near_boundary(x, y, list(geometries), BOUNDARY_TOLERANCE * scale)
    on_edge = edge >= 0
    codes = np.asarray(list(codes), dtype=object)
    result[on_edge] = codes[edge[on_edge]]
    return result, int(((hits > 1) & ~on_edge).sum() + on_edge.sum())


def geographic(x, y, crs):
    """Longitude/latitude (CGCS2000) of points in ``crs``."""
    crs = CRS.from_user_input(crs)
    if crs.is_geographic:
        return np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    transformer = Transformer.from_crs(crs, GEOGRAPHIC, always_xy=True)
    return transformer.transform(np.asarray(x, dtype=float), np.asarray(y, dtype=float))


# --- footprint matching ---------------------------------------------------------------------

def _overlap(a, b):
    try:
        return a.intersection(b).area
    except Exception:     # invalid footprints (self-intersections): repair, then measure
        return a.buffer(0).intersection(b.buffer(0)).area


def match_footprints(new_wkb, old_wkb, min_overlap=0.5, check=None):
    """(new index, old index) pairs: identical WKB first, then best overlap, one-to-one.

    An overlap pair counts when the intersection covers at least ``min_overlap`` of the larger
    footprint.
    """
    exact = {}
    for j, blob in enumerate(old_wkb):
        exact.setdefault(blob, []).append(j)
    new_idx, old_idx = [], []
    left_over = []
    for i, blob in enumerate(new_wkb):
        candidates = exact.get(blob) if blob is not None else None
        if candidates:
            new_idx.append(i)
            old_idx.append(candidates.pop())
        elif blob is not None:
            left_over.append(i)
    used = np.zeros(len(old_wkb), dtype=bool)
    used[old_idx] = True
    old_left = np.flatnonzero(~used)
    if left_over and old_left.size:
        if check:
            check()
        left = gpd.GeoSeries([shapely_wkb.loads(new_wkb[i]) for i in left_over])
        right = gpd.GeoSeries([shapely_wkb.loads(old_wkb[j]) for j in old_left])
        li, ri = footprints.intersecting_pairs(left, right)
        if li.size:
            area_left, area_right = left.area.to_numpy(), right.area.to_numpy()
            shared = np.empty(len(li))
            for k, (a, b) in enumerate(zip(li, ri)):
                if check and k % 10000 == 9999:
                    check()
                shared[k] = _overlap(left.iloc[a], right.iloc[b])
            with np.errstate(invalid='ignore', divide='ignore'):
                ratio = shared / np.maximum(area_left[li], area_right[ri])
            order = np.argsort(-ratio, kind='stable')
            taken_left = np.zeros(len(left), dtype=bool)
            taken_right = np.zeros(len(right), dtype=bool)
            for k in order:
                if not ratio[k] >= min_overlap:
                    break
                a, b = li[k], ri[k]
                if taken_left[a] or taken_right[b]:
                    continue
                taken_left[a] = taken_right[b] = True
                new_idx.append(left_over[a])
                old_idx.append(int(old_left[b]))
    return np.asarray(new_idx, dtype=np.int64), np.asarray(old_idx, dtype=np.int64)


# --- sequences ------------------------------------------------------------------------------

def next_sequences(admin, year, north, east, last):
    """Sequence numbers for new buildings: after ``last[(admin, year)]``, north→south, west→east."""
    n = len(admin)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    keys = pd.DataFrame({'admin': admin, 'year': year})
    group = keys.groupby(['admin', 'year'], sort=True).ngroup().to_numpy()
    order = np.lexsort((east, -north, group))
    ranked = np.empty(n, dtype=np.int64)
    sorted_group = group[order]
    first = np.r_[0, np.flatnonzero(sorted_group[1:] != sorted_group[:-1]) + 1]
    starts = np.repeat(first, np.diff(np.r_[first, n]))
    ranked[order] = np.arange(n) - starts + 1
    base = np.array([last.get((a, int(y)), 0) for a, y in zip(admin, year)], dtype=np.int64) if len(last) else 0
    return base + ranked


# --- the run --------------------------------------------------------------------------------

def _in_crs(geometries, crs):
    if geometries.crs is None or CRS.from_user_input(geometries.crs).equals(crs):
        return geometries
    return geometries.to_crs(crs)


STEPS = ('inputs checked', 'footprints serialised', 'centroids and township join', 'BeiDou codes',
         'registry read and matching', 'sequences and building codes', 'registry written')


def assign_codes(registry, buildings, admin, admin_field, year_field=None, beidou_level=8,
                 min_overlap=0.5, day=None, source='', check=None, layer_names=('BUILDINGS', 'ADMIN'),
                 progress=None):
    """Code ``buildings`` (polygon GeoDataFrame, index = feature ids) within the open ``registry``.

    ``admin``: township polygons with ``admin_field``. Returns (frame, summary): the buildings with
    BUILDING_CODE, BEIDOU_CODE, ADMIN_CODE and CODE_STATUS, and the run's counts. Writes the
    registry (issue, retire, run row) without committing: the caller commits once the output is
    safely written. ``check()`` is called within long loops and between steps (it raises to
    cancel); ``progress(k, step)`` after each of the :data:`STEPS`.
    """
    check = check or (lambda: None)
    steps = iter(enumerate(STEPS))

    def done():
        check()
        if progress is not None:
            progress(*next(steps))
    scheme = registry.scheme
    day = day or datetime.date.today()
    buildings_layer, admin_layer = layer_names
    if buildings.crs is None:
        raise InputError(translate('spm', 'Layer “{layer}” has no coordinate reference system.').format(
            layer=buildings_layer))
    codes_of_admin = admin_codes(admin, admin_field, scheme, admin_layer)
    years, missing_years = building_years(buildings, year_field, day.year, buildings_layer)
    if not 0 < min_overlap <= 1:
        raise InputError(translate('spm', 'The minimum overlap must be above 0 and at most 1, not {value}.').format(
            value=min_overlap))
    done()

    # everything is measured and stored in the registry's CRS (the buildings' CRS for a new one)
    crs = CRS.from_wkt(registry.crs_wkt) if registry.crs_wkt else CRS.from_user_input(buildings.crs)
    geometries = _in_crs(buildings.geometry, crs)
    admin_geoms = _in_crs(admin.geometry, crs)
    wkbs = [None if blob is None else as_multipolygon(blob) for blob in footprints.to_wkb(geometries)]
    wkbs, located = footprints.stand_ins(wkbs, buildings, crs)      # footprints without area
    done()

    rings = footprints.read_rings(wkbs, check)
    px, py, cx, cy = footprints.anchor_points(geometries, rings=rings)
    has_geometry = np.isfinite(cx) & np.isfinite(px)
    wkbs = [blob if ok else None for blob, ok in zip(wkbs, has_geometry)]   # empty: not matched
    order = np.argsort(codes_of_admin.astype(str), kind='stable')     # boundary ties: lowest code
    township, ambiguous = locate(cx, cy, list(admin_geoms.iloc[order]), list(codes_of_admin[order]))
    done()

    lng, lat = geographic(np.where(has_geometry, px, 0.0), np.where(has_geometry, py, 0.0), crs)
    beidou_codes = np.full(len(buildings), None, dtype=object)
    if has_geometry.any():
        beidou_codes[has_geometry] = beidou.encode(lng[has_geometry], lat[has_geometry], beidou_level,
                                                   labels=list(buildings.index[has_geometry]))
    done()

    active = registry.active()
    new_pos, old_pos = match_footprints(wkbs, list(active['wkb']), min_overlap, check)
    done()

    n = len(buildings)
    code = np.full(n, None, dtype=object)
    admin_out = np.where(township == '', None, township).astype(object)
    status = np.full(n, NEW, dtype=object)
    status[~has_geometry] = NO_GEOMETRY
    code[new_pos] = active['code'].to_numpy()[old_pos]
    kept_admin = active['admin_code'].to_numpy()[old_pos]
    township_changed = int((kept_admin != township[new_pos]).sum())
    status[new_pos] = KEPT
    outside = (status == NEW) & (township == '')
    status[outside] = OUTSIDE

    fresh = np.flatnonzero(status == NEW)
    sequences = next_sequences(township[fresh].astype(str), years[fresh], cy[fresh], cx[fresh],
                               registry.last_sequences())
    if len(sequences) and sequences.max() > scheme.max_sequence:
        full = pd.Series(sequences > scheme.max_sequence).groupby(
            [township[fresh], years[fresh]]).any()
        where = ', '.join('{} / {}'.format(a, y) for (a, y), over in full.items() if over)
        raise InputError(translate(
            'spm', 'Scheme {scheme} allows {max} buildings per township and year; this run would go beyond '
                   'that in {where}. Nothing was written.').format(scheme=scheme.id, max=scheme.max_sequence,
                                                                   where=where))
    code[fresh] = scheme.compose(township[fresh].astype(str), years[fresh], sequences) if len(fresh) else []
    done()

    retired = np.setdiff1d(np.arange(len(active)), old_pos)
    run_id = registry.next_run_id()
    today = day.isoformat()
    issued = pd.DataFrame({
        'code': code[fresh], 'admin_code': township[fresh], 'year': years[fresh], 'sequence': sequences,
        'beidou_code': beidou_codes[fresh], 'source_fid': np.asarray(buildings.index[fresh], dtype=np.int64),
    })
    fresh_bounds = footprints.bounds(rings)[:, fresh].T
    issued['blob'] = gpkg_blobs([wkbs[i] for i in fresh], fresh_bounds, registry.srs_id)
    before = registry.counts()
    registry.issue(issued, run_id, today)
    registry.retire(active['fid'].to_numpy()[retired], run_id, today)
    registry.seen(active['fid'].to_numpy()[old_pos], today)
    summary = {
        'source': source, 'buildings': n, 'kept': int(len(new_pos)), 'issued': int(len(fresh)),
        'retired': int(len(retired)), 'outside': int(outside.sum()), 'no_geometry': int((~has_geometry).sum()),
        'outside_ids': [int(i) for i in buildings.index[outside]], 'township_changed': township_changed,
        'ambiguous_township': ambiguous, 'missing_years': missing_years, 'run': run_id,
        'located_by_vertices': located,
        'registry_before': before,
    }
    registry.record_run(run_id, today, summary, fresh_bounds)
    summary['registry_after'] = registry.counts()
    done()

    frame = buildings.drop(columns=[c for c in OUTPUT_FIELDS if c in buildings.columns])
    frame = frame.assign(BUILDING_CODE=code, BEIDOU_CODE=beidou_codes, ADMIN_CODE=admin_out, CODE_STATUS=status)
    return frame, summary
