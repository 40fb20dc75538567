"""Cut every Voronoi cell into road strips (one per bounding road) and a block core.

For a convex cell and per-edge half widths d_i, the strip piece of edge i is the set of points of
the cell where edge i's "arrival time" t_i = dist_i / d_i is the smallest and below 1 (the weighted
straight skeleton of a convex polygon); the core is where every t_j >= 1. All pieces are
intersections of half-planes with the cell, so they tile it. The two strip pieces on either side
of a ridge form that road's parcel. Pieces are then clipped to the districts and the rivers are
carved out (river and canal surface wins over roads: bridges are not parcels).
"""

import numpy as np
from shapely.geometry import Polygon
from shapely.prepared import prep

from .geo import polygons


def clip(poly, planes):
    """Sutherland-Hodgman: the part of ``poly`` (list of (x, y)) where a*dx + b*dy <= c for every
    plane (a, b, c, ox, oy) with dx = x - ox, dy = y - oy."""
    for a, b, c, ox, oy in planes:
        if not poly:
            return poly
        out = []
        n = len(poly)
        vals = [a * (x - ox) + b * (y - oy) - c for x, y in poly]
        for i in range(n):
            p, vp = poly[i], vals[i]
            q, vq = poly[(i + 1) % n], vals[(i + 1) % n]
            if vp <= 0:
                out.append(p)
            if (vp < 0 < vq) or (vq < 0 < vp):
                t = vp / (vp - vq)
                out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
        poly = out
    return poly


def split_cell(xy, half):
    """Strip pieces and core of a cell: xy (n, 2) counter-clockwise vertices, half[i] the half
    width of edge i (xy[i] -> xy[i+1]); 0 means no road. Returns ({i: ring}, core ring)."""
    n = len(xy)
    poly = [tuple(p) for p in xy]
    roads = [i for i in range(n) if half[i] > 0]
    if not roads:
        return {}, poly
    ox, oy = xy[0]
    normal, offset = {}, {}
    for i in roads:
        p, q = xy[i], xy[(i + 1) % n]
        t = q - p
        length = np.hypot(*t)
        if length == 0:
            continue
        nx, ny = -t[1] / length, t[0] / length          # inward for a counter-clockwise ring
        normal[i] = (nx, ny)
        offset[i] = nx * (p[0] - ox) + ny * (p[1] - oy)  # dist_i = n.(x - o) - offset_i
    roads = [i for i in roads if i in normal]
    pieces = {}
    for i in roads:
        ni, di = normal[i], half[i]
        planes = [(ni[0], ni[1], offset[i] + di, ox, oy)]        # dist_i <= d_i
        for j in roads:
            if j == i:
                continue
            nj, dj = normal[j], half[j]
            # dist_i/d_i - dist_j/d_j <= 0
            a = ni[0] / di - nj[0] / dj
            b = ni[1] / di - nj[1] / dj
            c = offset[i] / di - offset[j] / dj
            planes.append((a, b, c, ox, oy))
        ring = clip(poly, planes)
        if len(ring) >= 3:
            pieces[i] = ring
    core_planes = [(-normal[j][0], -normal[j][1], -(offset[j] + half[j]), ox, oy) for j in roads]
    core = clip(poly, core_planes)
    return pieces, core


def _clean(ring, min_area=1e-6):
    if len(ring) < 3:
        return None
    poly = Polygon(ring)
    if not poly.is_valid:
        poly = poly.buffer(0)
    if poly.is_empty or poly.area < min_area:
        return None
    return poly


class Partition:
    """All pieces of the city: road strips per (ridge, district), cores and river pieces per
    (cell, district). ``districts`` is [(adcode, name, geometry)]."""

    def __init__(self, network, districts, river_area, canal_area):
        self.network = network
        net = network
        self.roads = {}      # (ridge, adcode) -> [polygons]
        self.cores = {}      # (cell, adcode) -> [polygons]
        self.rivers = {}     # (cell, adcode) -> [polygons]
        self.canals = {}     # (cell, adcode) -> [polygons]
        dprep = [(a, g, prep(g)) for a, _, g in districts]
        river_prep = prep(river_area)
        canal_prep = prep(canal_area)
        city_prep = prep(net.city)
        for k, ids in enumerate(net.cells):
            if ids is None:
                continue
            xy = net.vertices[ids]
            cell = Polygon(xy)
            if not city_prep.intersects(cell):
                continue
            ridges = net.cell_ridges[k]
            half = np.array([net.ridge_width[r] / 2 if r >= 0 and net.ridge_strip[r] else 0.0
                             for r in ridges])
            strip_rings, core_ring = split_cell(xy, half)
            pieces = [('road', ridges[i], _clean(ring)) for i, ring in strip_rings.items()]
            pieces.append(('core', -1, _clean(core_ring)))
            pieces = [p for p in pieces if p[2] is not None]
            for kind, area, wet in (('river', river_area, river_prep),
                                    ('canal', canal_area, canal_prep)):
                if wet.intersects(cell):
                    water = cell.intersection(area)
                    pieces = [(kd, r, g.difference(area)) for kd, r, g in pieces]
                    pieces.append((kind, -1, water))
            for adcode, dgeom, dp in dprep:
                if dp.contains(cell):
                    parts = pieces
                elif dp.intersects(cell):
                    parts = [(kind, r, g.intersection(dgeom)) for kind, r, g in pieces]
                else:
                    continue
                for kind, r, g in parts:
                    polys = [p for p in polygons(g) if p.area > 1e-6]
                    if not polys:
                        continue
                    if kind == 'road':
                        self.roads.setdefault((r, adcode), []).extend(polys)
                    elif kind == 'core':
                        self.cores.setdefault((k, adcode), []).extend(polys)
                    elif kind == 'river':
                        self.rivers.setdefault((k, adcode), []).extend(polys)
                    else:
                        self.canals.setdefault((k, adcode), []).extend(polys)
