"""Parcels (图斑): road strips, river and canal pieces, villages, and subdivided block cores.

Urban cores are cut into lots by slabs across the block's long axis (rectangular-ish lots, two
rows in wide blocks); rural cores by the Voronoi cells of seeds scattered at random (scipy), which
gives irregular fields. Target parcel sizes grow from ~12 ha in town centres (a 小区 or a
factory is one parcel) to ~500 ha of forest in the mountains.
"""

import geopandas as gpd
import numpy as np
from scipy.spatial import Voronoi
from shapely.geometry import Polygon
from shapely.ops import unary_union

from .fields import contains_xy
from .geo import min_rect, polygons
from .rng import stream


MIN_PARCEL = 100.0   # m2: smaller pieces join a neighbour (三调 mapping units are 200-600 m2)
SPECK = 1.0          # m2: isolated pieces below this are clipping noise and are dropped


def target_area(u, e, noise):
    """Target parcel area (m2) from urban intensity u, elevation e and a noise value."""
    if u >= 0.45:
        base = 1.2e5
    elif u >= 0.2:
        base = 1.6e5
    elif e < 40:
        base = 1.35e6
    elif e < 300:
        base = 2.6e6
    else:
        base = 5.0e6
    return base * (1.0 + 0.3 * np.clip(noise, -1.5, 1.5))


def _slabs(poly, k, rng):
    """Cut poly into k lots across its long axis (two rows of lots when the block is wide)."""
    centre, a, b, length, width = min_rect(poly)
    rows = 2 if (k >= 4 and width > 150) else 1
    per_row = int(np.ceil(k / rows))
    cuts = np.linspace(-0.5, 0.5, per_row + 1) * length
    cuts[1:-1] += rng.uniform(-0.12, 0.12, per_row - 1) * length / per_row
    cuts[0], cuts[-1] = -length, length            # outer slabs reach past the block
    sides = [-width, 0.0, width] if rows == 2 else [-width, width]
    if rows == 2:
        sides[1] = rng.uniform(-0.08, 0.08) * width
    out = []
    for r in range(rows):
        for i in range(per_row):
            t0, t1, s0, s1 = cuts[i], cuts[i + 1], sides[r], sides[r + 1]
            ring = [centre + a * t0 + b * s0, centre + a * t1 + b * s0,
                    centre + a * t1 + b * s1, centre + a * t0 + b * s1]
            piece = poly.intersection(Polygon(ring))
            out.extend(p for p in polygons(piece) if p.area > 1e-6)
    return out


def voronoi_cells(seeds, bounds):
    """Convex Voronoi cells (shapely polygons, in seed order) of seeds inside ``bounds``."""
    x0, y0, x1, y1 = bounds
    m = 3 * max(x1 - x0, y1 - y0) + 1.0
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    frame = np.array([[cx - m, cy - m], [cx + m, cy - m], [cx + m, cy + m], [cx - m, cy + m]])
    vor = Voronoi(np.vstack([seeds, frame]))
    return [Polygon(vor.vertices[vor.regions[vor.point_region[i]]]) for i in range(len(seeds))]


def _random_seeds(poly, k, rng):
    x0, y0, x1, y1 = poly.bounds
    for _ in range(20):
        x = rng.uniform(x0, x1, 8 * k + 16)
        y = rng.uniform(y0, y1, 8 * k + 16)
        ok = contains_xy(poly, x, y)
        if ok.sum() >= k:
            return np.column_stack([x[ok][:k], y[ok][:k]])
    return None


def subdivide(poly, k, urban, rng):
    """Split poly into about k parts; returns a list of polygons that tile it."""
    if k <= 1:
        return [poly]
    if urban:
        return _slabs(poly, k, rng) or [poly]
    seeds = _random_seeds(poly, k, rng)
    if seeds is None:
        return [poly]
    out = []
    for cell in voronoi_cells(seeds, poly.bounds):
        if not cell.is_valid:
            cell = cell.buffer(0)
        out.extend(p for p in polygons(cell.intersection(poly)) if p.area > 1e-6)
    return out or [poly]


def build(partition, fields):
    """All parcels as a dict of lists: geometry, kind (road/river/canal/village/core), cell (the
    Voronoi cell, -1 for roads), ridge (the road, -1 otherwise), adcode."""
    net = partition.network
    rng = stream('parcels')
    seeds = net.seeds
    seed_u, _ = fields.urban(seeds[:, 0], seeds[:, 1])
    seed_e = fields.elevation(seeds[:, 0], seeds[:, 1])
    seed_noise = fields.noise_use(seeds[:, 0], seeds[:, 1])
    out = {'geometry': [], 'kind': [], 'cell': [], 'ridge': [], 'adcode': []}

    def add(geom, kind, cell, ridge, adcode):
        out['geometry'].append(geom)
        out['kind'].append(kind)
        out['cell'].append(cell)
        out['ridge'].append(ridge)
        out['adcode'].append(adcode)

    for (r, adcode), polys in sorted(partition.roads.items()):
        merged = unary_union(polys) if len(polys) > 1 else polys[0]
        for p in polygons(merged):
            add(p, 'road', -1, r, adcode)
    for kind, pieces in (('river', partition.rivers), ('canal', partition.canals)):
        for (k, adcode), polys in sorted(pieces.items()):
            for p in polygons(unary_union(polys)):
                add(p, kind, k, -1, adcode)
    village_rng = stream('villages')
    for (k, adcode), polys in sorted(partition.cores.items()):
        urban = seed_u[k] >= 0.2 and net.seed_nucleus[k] >= 0
        target = target_area(seed_u[k], seed_e[k], seed_noise[k])
        hosts = village_rng.random() < np.interp(seed_e[k], [0, 40, 300, 800],
                                                 [0.95, 0.8, 0.55, 0.3])
        radius = village_rng.uniform(200, 340)
        for poly in polys:
            if not urban and hosts and seed_u[k] < 0.2:
                village = _village(seeds[k], radius, poly, village_rng)
                if village is not None:
                    for p in polygons(village):
                        add(p, 'village', k, -1, adcode)
                    poly = poly.difference(village)
            for part in polygons(poly):
                n = int(np.clip(round(part.area / target), 1, 10))
                for p in subdivide(part, n, urban, rng):
                    add(p, 'core', k, -1, adcode)
    return absorb_slivers(out)


def absorb_slivers(parcels, min_area=MIN_PARCEL):
    """Merge parcels smaller than ``min_area`` into the neighbour of the same district that
    shares the longest boundary with them (below the survey's minimum mapping unit). The
    tiling is unchanged; a sliver with no neighbour stays, unless it is a floating-point speck
    (< SPECK m2), which is dropped."""
    geoms = list(parcels['geometry'])
    small = sorted((g.area, i) for i, g in enumerate(geoms) if g.area < min_area)
    if not small:
        return parcels
    index = gpd.GeoSeries(geoms).sindex
    alive = np.ones(len(geoms), bool)
    for _, i in small:
        best, best_len = -1, 0.0
        for j in sorted(index.query(geoms[i], predicate='intersects')):
            if j == i or not alive[j] or parcels['adcode'][j] != parcels['adcode'][i]:
                continue
            shared = geoms[i].intersection(geoms[j]).length
            if shared > best_len and geoms[j].area >= geoms[i].area:
                best, best_len = j, shared
        if best >= 0:
            merged = unary_union([geoms[best], geoms[i]])
            parts = polygons(merged)
            geoms[best] = max(parts, key=lambda p: p.area) if len(parts) > 1 and \
                sum(p.area for p in parts) - max(p.area for p in parts) < 1e-6 else merged
            alive[i] = False
        elif geoms[i].area < SPECK:
            alive[i] = False          # a floating-point speck with no edge neighbour
    keep = np.nonzero(alive)[0]
    out = {k: [v[i] for i in keep] for k, v in parcels.items() if k != 'geometry'}
    out['geometry'] = [geoms[i] for i in keep]
    return out


def _village(centre, radius, poly, rng):
    """An irregular village patch (~10-35 ha) around a rural cell's seed, inside poly."""
    angles = np.sort(rng.uniform(0, 2 * np.pi, 9))
    radii = radius * rng.uniform(0.7, 1.25, 9)
    ring = np.column_stack([centre[0] + radii * np.cos(angles), centre[1] + radii * np.sin(angles)])
    shape = Polygon(ring)
    if not shape.is_valid:
        shape = shape.buffer(0)
    village = shape.intersection(poly)
    if village.area < 0.3 * shape.area or village.area > 0.6 * poly.area:
        return None
    return village
