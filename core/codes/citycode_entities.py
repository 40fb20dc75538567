"""Keep the register's entities of one type in step with a layer: same key (or same footprint),
same city code; a vanished object's code retired for good; a new object the next free serial;
split, merged and rebuilt footprints recorded as parent → child lineage."""

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely import wkb as shapely_wkb

from ..errors import InputError
from ..i18n import translate
from . import citycode_types, footprints
from .assign import match_footprints


# the code type an entity's own key is linked as, when every key passes that type's check
KEY_TYPES = {'building': 'building', 'parcel': 'real_estate_unit', 'project': 'project', 'address': 'address',
             'enterprise': 'credit'}


def wkb_bounds(wkbs):
    """(n, 4) bounds of WKBs (NaN for missing ones): polygons vectorised, the rest by shapely."""
    out = footprints.bounds(footprints.read_rings(wkbs)).T.copy()
    for row in np.flatnonzero(~np.isfinite(out[:, 0])):
        if wkbs[row]:
            geometry = shapely_wkb.loads(wkbs[row])
            if not geometry.is_empty:
                out[row] = geometry.bounds
    return out


def key_type_of(entity_type, raw_keys, building_scheme=None):
    """(code type, normalised keys): the entity type's standard code type when every key passes
    its check, else ``<entity type>_id`` (keys compared as text)."""
    kind = KEY_TYPES[entity_type]
    keys = citycode_types.normalise(raw_keys, kind)
    present = [k for k in keys if k]
    if present and all(v.valid for v in citycode_types.check(present[:1000], kind, building_scheme)) \
            and all(v.valid for v in citycode_types.check(present[1000:], kind, building_scheme)):
        return kind, keys
    kind = entity_type + '_id'
    return kind, citycode_types.normalise(raw_keys, kind)


def _duplicates(keys, labels):
    series = pd.Series(keys)
    repeated = series[(series != '') & series.duplicated(keep=False)]
    if len(repeated):
        key = repeated.iloc[0]
        rows = [str(labels[i]) for i in np.flatnonzero(series.to_numpy() == key)[:5]]
        raise InputError(translate('spm', 'Key “{key}” is on {n} features ({rows}): a key names one object. Nothing '
                                          'was changed.').format(key=key, n=int((series == key).sum()),
                                                                 rows=', '.join(rows)))


def lineage(old_codes, old_wkbs, new_codes, new_wkbs, min_overlap=0.5):
    """(parent, child, kind, share) of retired and new footprints that overlap by at least
    ``min_overlap`` of the smaller one: split (one parent, several children), merge (several
    parents, one child), rebuilt (one to one)."""
    if not len(old_codes) or not len(new_codes):
        return []
    left = gpd.GeoSeries([shapely_wkb.loads(w) if w else None for w in old_wkbs])
    right = gpd.GeoSeries([shapely_wkb.loads(w) if w else None for w in new_wkbs])
    li, ri = footprints.intersecting_pairs(left, right)
    pairs = []
    for a, b in zip(li, ri):
        pa, pb = left.iloc[a], right.iloc[b]
        smaller = min(pa.area, pb.area)
        if smaller <= 0:
            continue
        share = pa.intersection(pb).area / smaller
        if share >= min_overlap:
            pairs.append((a, b, share))
    parents = pd.Series([p[0] for p in pairs], dtype=np.int64).value_counts()
    children = pd.Series([p[1] for p in pairs], dtype=np.int64).value_counts()
    rows = []
    for a, b, share in pairs:
        kind = 'split' if parents[a] > 1 else 'merge' if children[b] > 1 else 'rebuilt'
        rows.append((old_codes[a], new_codes[b], kind, round(share, 4)))
    return rows


def sync(reg, entity_type, wkbs, raw_keys=None, labels=None, building_scheme=None, min_overlap=0.5, check=None):
    """Bring the register's active ``entity_type`` entities in step with one layer.

    ``wkbs``: WKB per feature in the register's CRS; ``raw_keys``: the key field's values, or None
    to match by footprint. Returns (city code per feature, summary dict).
    """
    check = check or (lambda: None)
    n = len(wkbs)
    labels = list(range(n)) if labels is None else list(labels)
    if raw_keys is not None:
        key_type, keys = key_type_of(entity_type, list(raw_keys), building_scheme)
        _duplicates(keys, labels)
    else:
        key_type, keys = None, np.array([''] * n, dtype=object)
    old = reg.active(entity_type)
    check()
    codes = np.array([''] * n, dtype=object)
    if raw_keys is not None:
        position = pd.Index(old['source_key'].fillna('')).get_indexer(keys)
        position[keys == ''] = -1
        matched_new = np.flatnonzero(position >= 0)
        matched_old = position[matched_new]
    else:
        matched_new, matched_old = match_footprints(list(wkbs), list(old['wkb']), min_overlap, check)
    codes[matched_new] = old['city_code'].to_numpy()[matched_old]
    check()
    moved = [k for k, j in zip(matched_new, matched_old) if wkbs[k] and wkbs[k] != old['wkb'].iloc[j]]
    bounds = wkb_bounds(list(wkbs))
    if moved:
        reg.move(codes[moved], [wkbs[k] for k in moved], bounds[moved])
    gone = np.setdiff1d(np.arange(len(old)), matched_old)
    retired = old['city_code'].to_numpy()[gone]
    reg.retire(retired)
    new = np.flatnonzero((codes == '') & ((keys != '') if raw_keys is not None else np.array(
        [bool(w) for w in wkbs], dtype=bool)))
    new_codes, serials = _new_codes(reg, entity_type, key_type, keys[new])
    codes[new] = new_codes
    reg.issue(entity_type, new_codes, serials, keys[new], [wkbs[k] for k in new], bounds[new])
    check()
    family = lineage(retired, list(old['wkb'].iloc[gone]), new_codes, [wkbs[k] for k in new], min_overlap)
    reg.record_lineage(family)
    if key_type is not None and len(new):
        reg.add_links(key_type, pd.DataFrame({'code': keys[new], 'city_code': new_codes, 'method': 'entity',
                                              'confidence': 1.0, 'distance': 0.0}), 'entity key')
    summary = {'entities': int((codes != '').sum()), 'kept': len(matched_new), 'issued': len(new),
               'retired': len(retired), 'lineage': family, 'key_type': key_type,
               'no_key': int(((keys == '') & (codes == '')).sum()) if raw_keys is not None else 0}
    return codes, summary


def _new_codes(reg, entity_type, key_type, keys):
    """City codes for new entities: a building's own building code where the scheme says so (and
    the code was never a city code), else the type's next serials."""
    codes = np.array([''] * len(keys), dtype=object)
    serials = np.full(len(keys), -1, dtype=np.int64)
    if entity_type == 'building' and key_type == 'building' and reg.scheme.building_codes:
        taken = reg.existing(keys)
        own = np.array([k not in taken for k in keys], dtype=bool)
        codes[own] = keys[own]
    rest = np.flatnonzero(codes == '')
    if len(rest):
        first = reg.next_serial(entity_type)
        serials[rest] = np.arange(first, first + len(rest))
        codes[rest] = reg.scheme.compose(reg.region, entity_type, serials[rest]).astype(object)
    return codes, serials


