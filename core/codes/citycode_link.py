"""Link a register of codes (不动产单元, projects, credit codes, addresses, BeiDou, a user type)
to the city code register's entities of one type, and list what a person must resolve.

Each code is normalised and checked first (invalid ones are listed with the check that failed,
never linked). Matching: ``key`` (a field of the register equals a code already linked to the
entity, e.g. its building code or its address), ``point`` (the register's point lies in the
footprint), ``nearest`` (the nearest footprint within ``tolerance``), ``overlay`` (the register
polygon holding at least ``min_share`` of the footprint's area). Conflicts: ``shared`` (one code on
two entities), ``several`` (two codes of one type on one entity), ``far`` (a key match whose
register location lies farther than ``tolerance`` from the entity).
"""

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely import wkb as shapely_wkb

from ..errors import InputError
from ..i18n import translate
from . import citycode_match as match
from . import citycode_types, footprints

MATCHES = ('key', 'point', 'nearest', 'overlay')


def _points(frame):
    """(x, y) of each register row: a point itself, a polygon's centroid or point on surface."""
    n = len(frame)
    if not isinstance(frame, gpd.GeoDataFrame) or frame.geometry.isna().all():
        return np.full(n, np.nan), np.full(n, np.nan)
    wkbs = footprints.to_wkb(frame.geometry.values)
    points = np.array([b is not None and len(b) == 21 and b[:5] == b'\x01\x01\x00\x00\x00' for b in wkbs], bool)
    x, y = np.full(n, np.nan), np.full(n, np.nan)
    if points.any():             # points: their coordinates straight from the WKB
        xy = np.frombuffer(b''.join(b[5:] for b, p in zip(wkbs, points) if p), dtype='<f8').reshape(-1, 2)
        x[points], y[points] = xy[:, 0], xy[:, 1]
    if not points.all():
        rest = np.flatnonzero(~points)
        ax, ay, _, _ = footprints.anchor_points(frame.geometry.values[rest], [wkbs[k] for k in rest])
        x[rest], y[rest] = ax, ay
    return x, y


def _entity_xy(wkbs):
    """(x, y) of point entities (NaN for the rest)."""
    x, y = np.full(len(wkbs), np.nan), np.full(len(wkbs), np.nan)
    for k, blob in enumerate(wkbs):
        if blob and blob[1 if blob[0] == 1 else 4] == 1:
            point = shapely_wkb.loads(blob)
            x[k], y[k] = point.x, point.y
    return x, y


def _distances(px, py, edges, ex, ey, rows, entities):
    """Distance from register point ``rows[k]`` to entity ``entities[k]`` (0 inside)."""
    polygon = edges.count[entities] > 0
    distance = np.hypot(px[rows] - ex[entities], py[rows] - ey[entities])
    if polygon.any():
        _, d = match.measure(px, py, edges, rows[polygon], entities[polygon])
        distance[polygon] = d
    return distance


def _located(method, frame, px, py, entities, tolerance, min_share, check):
    """(row, entity, confidence, distance) pairs of a location match."""
    edges, ex, ey, wkbs = entities['edges'], entities['x'], entities['y'], entities['wkbs']
    if method == 'overlay':
        return _overlay(frame, wkbs, min_share, check)
    pad = tolerance if method == 'nearest' else 0.0
    row, entity, _, distance = match.points_in(px, py, edges, pad)
    points = np.flatnonzero((edges.count == 0) & np.isfinite(ex))
    if points.size:            # point entities: distance between points
        near = max(pad, 1e-6)
        boxes = np.vstack([ex[points], ey[points], ex[points], ey[points]])
        r, e = match.candidates(px, py, boxes, near)
        d = np.hypot(px[r] - ex[points[e]], py[r] - ey[points[e]])
        keep = d <= near
        row, entity = np.r_[row, r[keep]], np.r_[entity, points[e[keep]]]
        distance = np.r_[distance, d[keep]]
    check()
    if method == 'nearest':
        best = match.nearest(row, entity, distance, len(px))
        row, entity, distance = row[best], entity[best], distance[best]
        confidence = np.round(1.0 - 0.5 * distance / max(tolerance, 1e-9), 3)
    else:
        confidence = np.ones(len(row))
    return row, entity, confidence, distance


def _overlay(frame, wkbs, min_share, check):
    """Each entity to the register polygon holding the largest share (≥ ``min_share``) of its area."""
    empty = (np.zeros(0, np.int64),) * 2 + (np.zeros(0),) * 2
    if not isinstance(frame, gpd.GeoDataFrame):
        return empty
    polygons = frame.geometry.reset_index(drop=True)
    objects = gpd.GeoSeries([shapely_wkb.loads(w) if w else None for w in wkbs])
    oi, pi = footprints.intersecting_pairs(objects, polygons)
    if not len(oi):
        return empty
    area = objects.area.to_numpy()
    shares = np.zeros(len(oi))
    for k, (a, b) in enumerate(zip(oi, pi)):
        if k % 5000 == 4999:
            check()
        if area[a] > 0:
            shares[k] = objects.iloc[a].intersection(polygons.iloc[b]).area / area[a]
    order = np.lexsort((pi, -shares, oi))
    best = order[np.r_[True, oi[order][1:] != oi[order][:-1]]]
    best = best[shares[best] >= min_share]
    return pi[best], oi[best], np.round(shares[best], 4), np.zeros(len(best))


def fanout_guard(codes, rows, entities, max_links):
    """Stop when one code would link to more than ``max_links`` entities."""
    if not len(rows) or max_links <= 0:
        return
    table = pd.DataFrame({'code': codes[rows], 'entity': entities})
    counts = table.drop_duplicates().groupby('code').size()
    if counts.max() > max_links:
        code = counts.idxmax()
        raise InputError(translate(
            'spm', 'Code “{code}” would be linked to {n} objects (the limit is {limit}): the register or the way it is '
                   'matched is wrong for it (a key many objects share, a polygon over a whole district?). Nothing '
                   'was linked.').format(code=code, n=int(counts.max()), limit=max_links))


def entity_geometry(wkbs, check=None):
    """What matching needs of the entities: their edges (polygons) and points."""
    x, y = _entity_xy(wkbs)
    return {'wkbs': wkbs, 'edges': match.edges_of(wkbs, check), 'x': x, 'y': y}


def _keyed(reg, frame, key_field, key_type, entity_type, city_codes):
    """(row, entity) pairs of a key match; entity = position in ``city_codes``."""
    keys = citycode_types.normalise(list(frame[key_field]), key_type)
    position = pd.Index(city_codes)
    if key_type == 'city':
        table = pd.DataFrame({'code': city_codes, 'city_code': city_codes})
    else:
        table = reg.current_links(key_type, entity_type)[['code', 'city_code']]
    table = table.assign(entity=position.get_indexer(table['city_code']))
    table = table[table['entity'] >= 0]
    hits = pd.DataFrame({'code': keys, 'row': np.arange(len(keys))}).merge(table, on='code')
    return hits['row'].to_numpy(np.int64), hits['entity'].to_numpy(np.int64), keys


def link(reg, entity_type, city_codes, entities, frame, code_field, code_type, method, key_field=None,
         key_type=None, tolerance=30.0, min_share=0.5, max_links=100, building_scheme=None, source='',
         check=None):
    """Link the codes of ``frame`` (a register, in the register's CRS) to the active entities of
    ``entity_type`` (``city_codes`` and ``entities`` = :func:`entity_geometry` of theirs, same order).

    Returns a dict of DataFrames: ``links`` (row, CODE, CITY_CODE, METHOD, CONFIDENCE, DISTANCE),
    ``invalid`` (row, CODE, REASON), ``unmatched`` (row, CODE, REASON), ``conflicts`` (KIND, CODE,
    CITY_CODES, DETAIL, DISTANCE, row) and ``summary``.
    """
    check = check or (lambda: None)
    code_type = citycode_types.code_type(code_type)
    key_type = citycode_types.code_type(key_type) if method == 'key' else None
    checked = citycode_types.validated(list(frame[code_field]), code_type, building_scheme)
    codes = checked['CODE'].to_numpy(object)
    valid = checked['VALID'].to_numpy(bool)
    city_codes = np.asarray(city_codes, dtype=object)
    px, py = _points(frame)
    check()
    if method == 'key':
        rows, hit, keys = _keyed(reg, frame, key_field, key_type, entity_type, city_codes)
        confidence = np.ones(len(rows))
        distance = np.full(len(rows), np.nan)
        located = np.isfinite(px[rows])
        distance[located] = _distances(px, py, entities['edges'], entities['x'], entities['y'],
                                       rows[located], hit[located])
    else:
        rows, hit, confidence, distance = _located(method, frame, px, py, entities, tolerance, min_share, check)
    keep = valid[rows]
    rows, hit, confidence, distance = rows[keep], hit[keep], confidence[keep], distance[keep]
    fanout_guard(codes, rows, hit, max_links)
    check()
    made = pd.DataFrame({'row': rows, 'CODE': codes[rows], 'CITY_CODE': city_codes[hit], 'METHOD': method,
                         'CONFIDENCE': confidence, 'DISTANCE': np.round(distance, 2)}).sort_values(['row', 'CITY_CODE'])
    ended, added, current = _store(reg, code_type, entity_type, made, source)
    far = made[(made['METHOD'] == 'key') & (made['DISTANCE'] > tolerance)]
    conflicts = _conflicts(current, code_type, made, far, tolerance)
    invalid = pd.DataFrame({'row': np.flatnonzero(~valid), 'CODE': codes[~valid],
                            'REASON': ['{}: {}'.format(citycode_types.check_name(code_type), r)
                                       for r in checked['REASON'].to_numpy(object)[~valid]]})
    linked_rows = np.zeros(len(frame), dtype=bool)
    linked_rows[rows] = True
    lonely = np.flatnonzero(valid & ~linked_rows)
    unmatched = pd.DataFrame({'row': lonely, 'CODE': codes[lonely], 'REASON': _why_unmatched(
        method, lonely, keys if method == 'key' else None, key_type, tolerance, px, py)})
    summary = {'rows': len(frame), 'linked': int(linked_rows.sum()), 'links': len(made), 'added': added,
               'ended': ended, 'invalid': len(invalid), 'unmatched': len(unmatched), 'conflicts': len(conflicts)}
    return {'links': made, 'invalid': invalid, 'unmatched': unmatched, 'conflicts': conflicts, 'summary': summary}


def _why_unmatched(method, rows, keys, key_type, tolerance, px, py):
    if method == 'key':
        return [translate('spm', 'no object has {type} “{key}”').format(type=key_type, key=keys[r]) if keys[r]
                else translate('spm', 'no key') for r in rows]
    located = np.isfinite(px[rows]) & np.isfinite(py[rows])
    text = {'point': translate('spm', 'the point lies in no footprint'),
            'nearest': translate('spm', 'no object within {d} m').format(d=tolerance),
            'overlay': translate('spm', 'no object has enough of its area in this polygon')}[method]
    return [text if ok else translate('spm', 'no location') for ok in located]


def _pairs(codes, city_codes):
    """(code, city code) pairs as one text each, for hashed membership tests."""
    return pd.Series(np.asarray(codes, dtype=object) + '\x1f' + np.asarray(city_codes, dtype=object), dtype=object)


def _store(reg, code_type, entity_type, made, source):
    """Write this run's links: unchanged ones kept, vanished ones ended, new ones added.
    Returns (ended, added, the current links of ``code_type`` on ``entity_type`` now: code, city_code)."""
    wanted = made.drop_duplicates(['CODE', 'CITY_CODE']).rename(columns={
        'CODE': 'code', 'CITY_CODE': 'city_code', 'METHOD': 'method', 'CONFIDENCE': 'confidence',
        'DISTANCE': 'distance'})
    current = reg.current_links(code_type)
    present = _pairs(current['code'], current['city_code'])
    pairs = _pairs(wanted['code'], wanted['city_code'])
    ours = (current['entity_type'] == entity_type).to_numpy()
    mine = ours & current['method'].isin(MATCHES).to_numpy()
    gone = mine & ~present.isin(pairs).to_numpy()
    reg.end_links(current['fid'].to_numpy()[gone])
    fresh = wanted.loc[~pairs.isin(present).to_numpy()]
    reg.add_links(code_type, fresh[['code', 'city_code', 'method', 'confidence', 'distance']], source)
    # ``city_codes`` are active entities of ``entity_type``: the new links join the kept ones
    now = pd.concat([current.loc[ours & ~gone, ['code', 'city_code']], fresh[['code', 'city_code']]])
    return int(gone.sum()), len(fresh), now


def _conflicts(current, code_type, made, far, tolerance):
    """Conflicts among the ``current`` links of ``code_type`` on the entity type after this run."""
    current = current.drop_duplicates(['code', 'city_code'])
    rows_of = made.groupby('CODE')['row'].min()
    out = []
    for code, group in current[current['code'].duplicated(keep=False)].groupby('code'):
        out.append(('shared', code, ', '.join(sorted(group['city_code'])),
                    translate('spm', 'one code on {n} objects').format(n=len(group)), np.nan, rows_of.get(code, -1)))
    for city, group in current[current['city_code'].duplicated(keep=False)].groupby('city_code'):
        first = sorted(group['code'])
        out.append(('several', ', '.join(first), city,
                    translate('spm', '{n} codes of type {type} on one object').format(n=len(first), type=code_type),
                    np.nan, rows_of.get(first[0], -1)))
    for _, link_row in far.iterrows():
        out.append(('far', link_row['CODE'], link_row['CITY_CODE'],
                    translate('spm', '{d:.0f} m from its object (more than {t:g} m)').format(
                        d=link_row['DISTANCE'], t=tolerance), link_row['DISTANCE'], link_row['row']))
    return pd.DataFrame(out, columns=['KIND', 'CODE', 'CITY_CODES', 'DETAIL', 'DISTANCE', 'row'])
