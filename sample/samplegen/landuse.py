"""Land use of every parcel: current (2023, 三调 codes), previous (2020) and planned (用地用海 2023).

Current use follows the fields: construction where the urban intensity beats a noisy threshold
(block by block: each urban block has a dominant use), villages in the rural cells, aquaculture
ponds and tidal flats along the coast, reservoirs in the hills, farmland on the plain, orchards and
tea on the foothills, forest in the mountains. The 2020 survey undoes realistic change (fields and
forest built over at the urban fringe, scattered rural building, demolished factories turned into
parks, farm restructuring). The plan maps current use to 用地用海 and adds the planned urban
expansion at the fringe, urban renewal, and the restoration of construction that the control lines
forbid (set later, in ``controls``).
"""

import numpy as np

from . import codes
from .rng import stream

URBAN_USES = ('0701', '05H1', '08H1', '08H2', '0809', '0810', '0601', '0508')
URBAN_MIX = {              # zone -> probabilities of URBAN_USES
    'core': (0.42, 0.22, 0.06, 0.14, 0.03, 0.08, 0.03, 0.02),
    'middle': (0.50, 0.10, 0.04, 0.10, 0.03, 0.06, 0.12, 0.05),
    'fringe': (0.28, 0.05, 0.02, 0.06, 0.03, 0.04, 0.40, 0.12),
}
RURAL_MIX = {              # elevation band -> (codes, probabilities)
    'plain': (('0101', '0102', '0103', '0201', '0201K', '1104', '1202', '0307', '0404', '0301',
               '1206'),
              (0.50, 0.06, 0.13, 0.14, 0.02, 0.04, 0.03, 0.03, 0.02, 0.02, 0.01)),
    'foothill': (('0103', '0101', '0201', '0202', '0301', '0305', '0307', '0404', '0201K', '0301K',
                  '1206'),
                 (0.12, 0.07, 0.18, 0.05, 0.32, 0.10, 0.08, 0.04, 0.02, 0.01, 0.01)),
    'mountain': (('0301', '0305', '0307', '0202', '0401', '0404', '0301K', '1206', '1207'),
                 (0.62, 0.14, 0.07, 0.05, 0.03, 0.05, 0.02, 0.01, 0.01)),
    'island': (('0305', '0404', '0301', '1206', '1207', '0103'),
               (0.35, 0.25, 0.15, 0.10, 0.10, 0.05)),
}
ROAD_CODES = {'铁路': '1001', '主干路': '1004', '次干路': '1004', '支路': '1004'}
GRADE_CODES = {'国道': '1003', '省道': '1003', '县道': '1003', '乡道': '1003', '村道': '1006'}
AGRI = ('0101', '0102', '0103')


def _draw(rng, choices, probs, n=None):
    probs = np.asarray(probs, float)
    return rng.choice(np.asarray(choices, dtype=object), size=n, p=probs / probs.sum())


def zone_of(u):
    return 'core' if u >= 0.7 else ('middle' if u >= 0.45 else 'fringe')


def band_of(e):
    return 'plain' if e < 40 else ('foothill' if e < 300 else 'mountain')


def current_use(df, network, fields, island_area):
    """三调 code of every parcel. ``df`` has kind, cell, ridge, x, y, e, u, dc, dr columns."""
    rng = stream('landuse:current')
    n = len(df)
    code = np.empty(n, dtype=object)
    kind = df['kind'].to_numpy()
    # Roads, water.
    for i in np.nonzero(kind == 'road')[0]:
        r = df['ridge'].iat[i]
        c = network.ridge_class[r]
        code[i] = GRADE_CODES[network.grade_of(r)] if c == '公路' else ROAD_CODES[c]
    code[kind == 'river'] = '1101'
    code[kind == 'canal'] = '1107'
    code[kind == 'village'] = '0702'
    # Block types of urban cells.
    seeds = network.seeds
    seed_u, _ = fields.urban(seeds[:, 0], seeds[:, 1])
    seed_ind = fields.noise_industry(seeds[:, 0], seeds[:, 1])
    block_type = {}
    block_band = {}
    seed_e = fields.elevation(seeds[:, 0], seeds[:, 1])
    for k in np.unique(df['cell'][df['cell'] >= 0]):
        mix = np.array(URBAN_MIX[zone_of(seed_u[k])])
        if seed_ind[k] > 0.5:
            mix[6] *= 3.0
        block_type[k] = (_draw(rng, URBAN_USES, mix), mix)
        band = band_of(seed_e[k])
        choices, probs = RURAL_MIX[band]
        block_band[k] = (band, _draw(rng, choices, probs))
    # Core parcels.
    thr = 0.40 + 0.08 * fields.noise_use(df['x'], df['y'])
    r1 = rng.random(n)
    r2 = rng.random(n)
    reservoir = np.zeros(n, bool)
    for name, centre, radius in fields.reservoirs:
        d = np.hypot(df['x'] - centre[0], df['y'] - centre[1])
        reservoir |= d < radius * (1 + 0.25 * fields.noise_terrain(df['x'], df['y']))
    for i in np.nonzero(kind == 'core')[0]:
        k = df['cell'].iat[i]
        u, e, dc = df['u'].iat[i], df['e'].iat[i], df['dc'].iat[i]
        if island_area[i]:
            choices, probs = RURAL_MIX['island']
            code[i] = _draw(rng, choices, probs)
        elif reservoir[i] and u < 0.3:
            code[i] = '1103'
        elif u > thr[i]:
            dominant, mix = block_type[k]
            code[i] = dominant if r1[i] < 0.65 else _draw(rng, URBAN_USES, mix)
        elif dc < 450 and e < 15:
            code[i] = '1105' if r1[i] < 0.45 else ('1104A' if r1[i] < 0.97 else '1109')
        elif dc < 1800 and e < 12 and r1[i] < 0.7:
            code[i] = '1104A' if r2[i] < 0.75 else ('1104' if r2[i] < 0.93 else '1104K')
        elif df['dr'].iat[i] < 400 and e < 25 and r1[i] < 0.12:
            code[i] = '1106'
        elif u > 0.12 and r1[i] < 0.16:
            code[i] = '0601' if r2[i] < 0.6 else ('0508' if r2[i] < 0.8 else '1202')
        elif r1[i] < 0.03 and e < 200:
            code[i] = '0601' if r2[i] < 0.5 else '1202'
        else:
            band, dominant = block_band[k]
            choices, probs = RURAL_MIX[band]
            code[i] = dominant if r1[i] < 0.55 else _draw(rng, choices, probs)
    return code


def previous_use(df, current, network):
    """三调 code of every parcel three years earlier (2020) and whether it changed."""
    rng = stream('landuse:previous')
    n = len(df)
    prev = current.copy()
    r1, r2 = rng.random(n), rng.random(n)
    u, e, kind = df['u'].to_numpy(), df['e'].to_numpy(), df['kind'].to_numpy()
    built = np.isin(current, ('0701', '05H1', '0601', '0508', '08H2', '08H1', '0809'))
    green_field = np.where(e < 40, np.where(r2 < 0.6, '0101', np.where(r2 < 0.85, '0103', '0201')),
                           np.where(r2 < 0.4, '0103', np.where(r2 < 0.7, '0201', '0301')))
    # Urban expansion: fields and forest built over at the fringe.
    fringe = (kind == 'core') & built & (u >= 0.2) & (u <= 0.62) & (r1 < 0.38)
    prev[fringe] = green_field[fringe]
    # Scattered new rural construction (many of them violations later).
    rural = (kind != 'road') & np.isin(current, ('0702', '0601')) & (u < 0.2) & (r1 < 0.02)
    prev[rural] = np.where(e[rural] < 200, np.where(r2[rural] < 0.7, '0101', '0103'), '0301')
    # Demolished factories / homesteads turned into parks.
    green = (current == '0810') & (u > 0.45) & (r1 < 0.5)
    prev[green] = np.where(r2[green] < 0.6, '0601', '0702')
    # Farm restructuring and forest change.
    rules = [(current == '0201') & (e < 40) & (r1 < 0.10), '0101',
             (current == '0101') & (r1 < 0.02), '0201K',
             (current == '1202') & (r1 < 0.30), '0101',
             (current == '1104A') & (r1 < 0.06), '0101',
             (current == '0301') & (r1 < 0.02), '0305',
             (current == '0103') & (r1 < 0.03), '0301']
    for mask, value in zip(rules[::2], rules[1::2]):
        prev[mask] = value
    # New urban roads where both neighbouring blocks were built in the period.
    new_cell = {}
    cells = df['cell'].to_numpy()
    for k in np.unique(cells[fringe]):
        in_cell = (cells == k) & (kind == 'core')
        new_cell[k] = fringe[in_cell].mean() > 0.5
    for i in np.nonzero((kind == 'road') & (current == '1004'))[0]:
        r = df['ridge'].iat[i]
        p, q = network.ridge_p[r], network.ridge_q[r]
        if new_cell.get(p, False) and new_cell.get(q, False):
            prev[i] = '0103' if r2[i] < 0.5 else '0101'
    return prev, prev != current


def refine_plan_code(current_code, plan_code, r):
    """A level-2 用地用海 code where the mapping only gives the level-1 class."""
    if current_code == '05H1':
        return '0901' if r < 0.8 else '0902'
    if current_code == '08H2':
        return '0804' if r < 0.5 else ('0806' if r < 0.7 else ('0803' if r < 0.85 else '0805'))
    if current_code == '0809':
        return '1301' if r < 0.35 else ('1303' if r < 0.7 else '1309')
    if current_code == '0810':
        return '1401' if r < 0.85 else '1402'
    return plan_code


def plan_use(df, current):
    """用地用海 code of every parcel in the plan (before the control-line restorations), and the
    parcels the plan newly zones for construction (expansion)."""
    rng = stream('landuse:plan')
    n = len(df)
    r1, r2, r3 = rng.random(n), rng.random(n), rng.random(n)
    plan = np.array([refine_plan_code(c, codes.MAPPING[c], r) for c, r in zip(current, r1)],
                    dtype=object)
    u, e, kind = df['u'].to_numpy(), df['e'].to_numpy(), df['kind'].to_numpy()
    natural = (kind == 'core') & ~np.isin(current, tuple(codes.CURRENT_CONSTRUCTION)) & \
        ~np.isin(current, ('1101', '1103', '1104A', '1105', '1106', '1107'))
    # Planned urban expansion at the fringe (not yet built: conforming).
    expand = natural & (u >= 0.15) & (u < 0.5) & (e < 80) & (r2 < 0.6)
    planned = np.where(r3 < 0.5, '0701', np.where(r3 < 0.75, '1001',
                       np.where(r3 < 0.85, '0901', np.where(r3 < 0.95, '1401', '0804'))))
    plan[expand] = planned[expand]
    # Urban renewal: old factories in the centre become housing or parks.
    renew = (current == '0601') & (u > 0.7) & (r2 < 0.5)
    plan[renew] = np.where(r3[renew] < 0.7, '0701', '1401')
    # Urban villages at the fringe become urban housing.
    uv = (current == '0702') & (u > 0.3) & (r2 < 0.5)
    plan[uv] = '0701'
    # Scattered rural construction the plan returns to farmland or forest (村庄撤并, 复垦).
    back = (kind != 'road') & np.isin(current, ('0702', '0601', '0508')) & (u < 0.3) & \
        (r2 < np.where(u < 0.08, 0.06, 0.5))
    plan[back] = np.where(e[back] < 100, '0101', '0301')
    # The plan restores adjustable (K) classes to cropland on the plain.
    k_back = np.isin(current, ('0201K', '1104K')) & (e < 40) & (r2 < 0.6)
    plan[k_back] = '0101'
    # Fringe construction on the plain outside the planned urban area goes back to fields.
    fringe_back = (kind == 'core') & np.isin(current, ('0601', '0508', '0701', '05H1')) & \
        (u >= 0.12) & (u < 0.38) & (r2 < np.where(np.isin(current, ('0601', '0508')), 0.5, 0.3))
    plan[fringe_back] = np.where(e[fringe_back] < 60, '0101', '0301')
    # Block-level decisions (a plan is drawn by area, not by parcel): near towns, orchards and
    # plantations on the plain go back to cropland (耕地恢复) and some fields become green
    # corridors; far out, hill cropland goes back to forest (退耕还林).
    cells = df['cell'].to_numpy()
    block_draw = {k: stream(f'landuse:plan:block:{k}').random(3) for k in np.unique(cells)}
    b1 = np.array([block_draw[k][0] for k in cells])
    b2 = np.array([block_draw[k][1] for k in cells])
    b3 = np.array([block_draw[k][2] for k in cells])
    near_town = (u > 0.02) & (u < 0.45)
    restore = natural & ~expand & np.isin(current, ('0201', '0201K', '0307', '0301')) & \
        (e < 40) & near_town & (b1 < 0.8)
    plan[restore] = '0101'
    corridor = natural & ~expand & ~restore & np.isin(current, ('0101', '0102', '0103')) & \
        near_town & (b2 < 0.4)
    plan[corridor] = '0301'
    reforest = natural & np.isin(current, ('0101', '0103')) & (e > 250) & (b3 < 0.15)
    plan[reforest] = '0301'
    return plan, expand
