"""Townships (乡镇/街道): each parcel goes to the nearest seat of its district; a township is the
union of its parcels, so townships nest exactly in their district and follow parcel edges.
Codes: district adcode + 3 digits, 街道 001-099, 镇 100-199, 乡 200-299 (the national convention)."""

import numpy as np
from scipy.spatial import cKDTree

from . import places
from .geo import lonlat_to_xy


def township_table():
    """[(code, name, kind, adcode, x, y)] of all townships, in code order."""
    rows = []
    for adcode, seats in places.TOWNSHIPS.items():
        counters = {'街道': 1, '镇': 100, '乡': 200}
        for name, kind, lon, lat in seats:
            code = f'{adcode}{counters[kind]:03d}'
            counters[kind] += 1
            x, y = lonlat_to_xy(lon, lat)
            rows.append((code, name, kind, adcode, x, y))
    return sorted(rows)


def assign(df, table):
    """The township code of every parcel (nearest seat of the parcel's own district)."""
    out = np.empty(len(df), dtype=object)
    for adcode in sorted(set(df['adcode'])):
        rows = [t for t in table if t[3] == adcode]
        tree = cKDTree(np.array([(t[4], t[5]) for t in rows]))
        mask = (df['adcode'] == adcode).to_numpy()
        _, idx = tree.query(df.loc[mask, ['x', 'y']].to_numpy())
        out[mask] = [rows[i][0] for i in idx]
    return out
