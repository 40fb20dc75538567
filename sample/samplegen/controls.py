"""The three control lines (三区三线): ecological red line, permanent basic farmland, urban
development boundary. Each parcel belongs to at most one, so the lines never overlap; each line is
the union of its parcels. A realistic handful of construction parcels falls inside the red line
and the farmland, and some construction built since 2020 lies outside the development boundary,
so that monitoring has violations to find."""

import numpy as np

from . import codes
from .rng import stream

FOREST_GRASS = ('0301', '0301K', '0305', '0307', '0401', '0404', '1207', '1206')
ZONES = ('dev', 'farm', 'red')


def assign(df, current, changed, expand):
    """Control zone of every parcel: 'dev', 'farm', 'red' or ''."""
    rng = stream('controls')
    n = len(df)
    r1, r2 = rng.random(n), rng.random(n)
    u, e, kind = df['u'].to_numpy(), df['e'].to_numpy(), df['kind'].to_numpy()
    built = np.isin(current, tuple(codes.CURRENT_CONSTRUCTION)) & (kind != 'road')
    zone = np.full(n, '', dtype=object)
    dev = ((u >= 0.38) & (e < 150)) | expand | (built & (u >= 0.3) & (e < 150))
    # New fringe construction sometimes spills past the boundary the plan drew.
    spill = built & changed & (u < 0.45) & (r2 < 0.08)
    dev &= ~spill
    zone[dev] = 'dev'
    free = zone == ''
    farm = free & (kind == 'core') & np.isin(current, ('0101', '0102', '0103')) & (e < 60) & \
        (r1 < 0.92)
    farm |= free & (current == '0201') & (e < 40) & (r1 < 0.25)          # 非粮化 orchards
    farm |= free & (current == '1202') & (e < 40) & (r1 < 0.5)
    farm |= free & built & (u < 0.3) & (e < 60) & (r1 < 0.04)           # old violations
    farm |= free & built & changed & (e < 60) & (r1 < 0.5)              # new violations
    zone[farm] = 'farm'
    free = zone == ''
    red = free & (kind == 'core') & np.isin(current, FOREST_GRASS) & (e > 420) & (r1 < 0.8)
    red |= free & np.isin(current, ('1103', '1105'))
    red |= free & (kind == 'core') & np.isin(current, FOREST_GRASS) & (df['island'].to_numpy()) & \
        (r1 < 0.8)
    red |= free & built & (e > 300) & (r1 < 0.12)                       # construction inside
    zone[red] = 'red'
    return zone


def violations(current, changed, zone, kind):
    """Counts a monitoring run should find: construction in the red line and on farmland, and
    construction new since 2020 outside the development boundary."""
    built = np.isin(current, tuple(codes.CURRENT_CONSTRUCTION)) & (kind != 'road')
    return {'construction_in_red_line': int((built & (zone == 'red')).sum()),
            'construction_on_farmland': int((built & (zone == 'farm')).sum()),
            'new_construction_outside_dev': int((built & changed & (zone != 'dev')).sum())}
