"""Building footprints: rotated rectangles on a grid inside construction parcels.

Each building-bearing parcel (or lot) is set back by a few metres and filled with a rotated grid of
rectangles whose size, spacing and floor count depend on the use and on the urban intensity; the
grid step is larger than a footprint plus its jitter, so footprints never overlap, and lots are
disjoint, so buildings of different lots never overlap either. A few lots are made of two adjacent
parcels of different townships (a factory or estate spanning a township line): their buildings may
straddle the township boundary, which exercises the "centroid decides the township" coding rule.
"""

from collections import defaultdict

import numpy as np
from shapely import affinity
from shapely.geometry import Polygon
from shapely.ops import linemerge, unary_union
from shapely.prepared import prep

from .fields import contains_xy
from .geo import min_rect, polygons
from .rng import stream

# 三调 code -> (use, width range m, length range m, gap m, keep probability)
SPECS = {
    '0701': ('住宅', (14, 20), (36, 64), 45, 0.20),
    '0702': ('住宅', (10, 14), (11, 16), 10, 0.018),
    '05H1': ('商业', (30, 55), (40, 80), 30, 0.30),
    '08H1': ('办公', (22, 34), (40, 60), 30, 0.30),
    '08H2': ('公共服务', (24, 40), (30, 66), 35, 0.22),
    '0809': ('公共服务', (14, 24), (18, 36), 25, 0.25),
    '0601': ('工业', (30, 60), (50, 110), 30, 0.18),
    '0508': ('仓储', (40, 60), (70, 120), 30, 0.22),
}
SEAM_BUILDINGS = 2     # buildings placed across the shared edge of a cross-township lot
SETBACK = 4.0          # m from the parcel edge
STRADDLE_SHARE = 0.6  # share of cross-township parcel pairs merged into one lot


def floors_for(code, u, rng):
    """Floor count from use and urban intensity (towers in the centre, low-rise outside)."""
    if code == '0701':
        lo, hi = (18, 33) if u >= 0.7 else ((8, 26) if u >= 0.45 else (5, 12))
    elif code == '0702':
        lo, hi = 2, 5
    elif code == '05H1':
        lo, hi = (6, 30) if u >= 0.7 else (3, 12)
    elif code == '08H1':
        lo, hi = 5, 18
    elif code == '08H2':
        lo, hi = 2, 8
    elif code == '0809':
        lo, hi = 1, 3
    elif code == '0601':
        lo, hi = 1, 4
    else:
        lo, hi = 1, 2
    return int(rng.integers(lo, hi + 1))


def place(lot, code, u, rng, seam=None):
    """Footprints (shapely polygons) of one lot; with ``seam`` (the line between two parcels of
    different townships) up to SEAM_BUILDINGS footprints are centred on it first."""
    use, (w0, w1), (l0, l1), gap, keep = SPECS[code]
    inner = lot.buffer(-SETBACK, 2)
    if inner.is_empty:
        return []
    centre, axis, _, _, _ = min_rect(lot)
    angle = float(np.arctan2(axis[1], axis[0])) + rng.uniform(-0.04, 0.04)
    cos, sin = np.cos(angle), np.sin(angle)
    # Local frame: rotated by -angle about the centre, so footprints are axis-aligned.
    to_local = [cos, sin, -sin, cos, -(cos * centre[0] + sin * centre[1]),
                sin * centre[0] - cos * centre[1]]
    local = affinity.affine_transform(inner, to_local)
    x0, y0, x1, y1 = local.bounds
    w, length = rng.uniform(w0, w1), rng.uniform(l0, l1)
    if code == '0701' and u >= 0.7 and rng.random() < 0.4:
        w = length = rng.uniform(22, 30)                       # point towers
    step_x, step_y = length + gap, w + gap
    jitter = min(gap * 0.3, 4.0)
    xs = np.arange(x0 + rng.uniform(0, step_x) - step_x, x1, step_x)
    ys = np.arange(y0 + rng.uniform(0, step_y) - step_y, y1, step_y)
    gx, gy = np.meshgrid(xs, ys)
    gx = gx.ravel() + rng.uniform(-jitter, jitter, gx.size)
    gy = gy.ravel() + rng.uniform(-jitter, jitter, gy.size)
    corners = np.array([[0, 0], [length, 0], [length, w], [0, w]], float)
    prepared = prep(local)
    convex = local.area >= local.convex_hull.area * (1 - 1e-9)
    chosen = []                                               # lower-left corners (local)
    if seam is not None and seam.length > 0:
        line = affinity.affine_transform(seam, to_local)
        for t in rng.permutation(np.linspace(0.2, 0.8, 4)):
            q = line.interpolate(t, normalized=True)
            origin = np.array([q.x - length / 2, q.y - w / 2])
            far = all(np.abs(origin - o).max() >= max(length, w) + gap for o in chosen)
            if far and prepared.contains(Polygon(corners + origin)):
                chosen.append(origin)
            if len(chosen) == SEAM_BUILDINGS:
                break
    ok = rng.random(gx.size) < keep
    for dx, dy in corners:
        ok &= contains_xy(local, gx + dx, gy + dy)
    for x, y in zip(gx[ok], gy[ok]):
        origin = np.array([x, y])
        if chosen and any(not (abs(x - o[0]) >= length + gap or abs(y - o[1]) >= w + gap)
                          for o in chosen[:SEAM_BUILDINGS]):
            continue
        if not convex and not prepared.contains(Polygon(corners + origin)):
            continue
        chosen.append(origin)
    out = []
    for origin in chosen:
        pts = corners + origin
        out.append(Polygon(np.column_stack([centre[0] + pts[:, 0] * cos - pts[:, 1] * sin,
                                            centre[1] + pts[:, 0] * sin + pts[:, 1] * cos])))
    return out


def lots(parcels):
    """Lots (index lists of parcels) to build on: single parcels, plus some pairs of adjacent
    building-bearing parcels of the same block that lie in different townships."""
    rng = stream('buildings:lots')
    bearing = parcels.index[parcels['current'].isin(SPECS) & (parcels['kind'] != 'road')]
    by_cell = defaultdict(list)
    for i in bearing:
        by_cell[parcels.at[i, 'cell']].append(i)
    paired = set()
    out = []
    for cell in sorted(by_cell):
        members = by_cell[cell]
        for a in members:
            if a in paired:
                continue
            for b in members:
                if b <= a or b in paired:
                    continue
                if parcels.at[a, 'township'] == parcels.at[b, 'township']:
                    continue
                shared = parcels.geometry[a].intersection(parcels.geometry[b]).length
                if shared > 30 and rng.random() < STRADDLE_SHARE:
                    paired.update((a, b))
                    out.append([a, b])
                    break
    out.extend([i] for i in bearing if i not in paired)
    out.sort(key=lambda lot: lot[0])
    return out


def _seam(parcels, lot):
    if len(lot) < 2:
        return None
    shared = parcels.geometry[lot[0]].boundary.intersection(parcels.geometry[lot[1]].boundary)
    lines = [g for g in getattr(shared, 'geoms', [shared]) if g.geom_type == 'LineString']
    if not lines:
        return None
    merged = linemerge(lines)
    return max(getattr(merged, 'geoms', [merged]), key=lambda g: g.length)


def build(parcels, first_year):
    """Buildings as a dict of lists: geometry, floors, use, height, year, parcel (index of the
    parcel holding the centroid's lot), adcode. ``first_year``: earliest year a building on
    each parcel can have (survey-based: parcels built after 2020 get 2021-2023)."""
    rng = stream('buildings')
    out = defaultdict(list)
    for lot in lots(parcels):
        main = max(lot, key=lambda i: parcels.at[i, 'area'])
        code = parcels.at[main, 'current']
        u = parcels.at[main, 'u']
        geom = parcels.geometry[lot[0]] if len(lot) == 1 else \
            unary_union([parcels.geometry[i] for i in lot])
        seam = _seam(parcels, lot)
        for poly in polygons(geom):
            part_seam = seam if seam is not None and poly.intersects(seam) else None
            for rect in place(poly, code, u, rng, part_seam):
                floors = floors_for(code, u, rng)
                lo = first_year[main]
                year = int(rng.integers(lo, 2024)) if lo >= 2021 else \
                    int(np.clip(round(rng.normal(2004 + 10 * u, 9)), 1978, 2020))
                out['geometry'].append(rect)
                out['floors'].append(floors)
                out['use'].append(SPECS[code][0])
                out['height'].append(round(floors * 3.0 + rng.uniform(0.3, 2.5), 1))
                out['year'].append(year)
                out['parcel'].append(main)
                out['adcode'].append(parcels.at[main, 'adcode'])
    return out
