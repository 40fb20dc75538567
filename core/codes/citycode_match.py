"""Points against polygons, vectorised: candidates from a uniform grid, then the exact test.

On shapely 1.8 without pygeos a spatial join is a Python loop over an rtree; a million points
against a million footprints takes minutes. Here the footprints' edges are read once from WKB
(:mod:`.footprints`), every footprint's box (grown by a tolerance) is put in the grid cells it
covers, points are looked up in their cell, and "inside" (even-odd crossings) and the distance to
the boundary are NumPy reductions over the candidate pairs' edges.
"""

import numpy as np

from . import footprints

_BIG = np.int64(1 << 31)


class Edges:
    """Every edge of a list of polygon WKBs, grouped by polygon (see :func:`edges_of`)."""

    def __init__(self, x1, y1, x2, y2, first, count, boxes):
        self.x1, self.y1, self.x2, self.y2 = x1, y1, x2, y2
        self.first, self.count, self.boxes = first, count, boxes


def edges_of(wkbs, check=None):
    """:class:`Edges` of polygon/multipolygon WKBs (others get no edges and a NaN box)."""
    rings = footprints.read_rings(wkbs, check)
    boxes = footprints.bounds(rings)
    if len(rings.xy) < 2:
        empty = np.zeros(0)
        return Edges(empty, empty, empty, empty, np.zeros(rings.count, np.int64), np.zeros(rings.count, np.int64),
                     boxes)
    ring_of_point = np.repeat(np.arange(len(rings.start) - 1), np.diff(rings.start))
    valid = np.ones(len(rings.xy) - 1, dtype=bool)
    valid[rings.start[1:-1] - 1] = False                 # no edge from one ring to the next
    owner = rings.geometry[ring_of_point][:-1][valid]
    x1, y1 = rings.xy[:-1, 0][valid], rings.xy[:-1, 1][valid]
    x2, y2 = rings.xy[1:, 0][valid], rings.xy[1:, 1][valid]
    count = np.bincount(owner, minlength=rings.count)
    first = np.concatenate([[0], np.cumsum(count)[:-1]])
    return Edges(x1, y1, x2, y2, first, count, boxes)


def candidates(px, py, boxes, pad=0.0):
    """(point, polygon) pairs whose polygon box grown by ``pad`` holds the point."""
    minx, miny, maxx, maxy = boxes[0] - pad, boxes[1] - pad, boxes[2] + pad, boxes[3] + pad
    good = np.flatnonzero(np.isfinite(minx))
    points = np.flatnonzero(np.isfinite(px) & np.isfinite(py))
    if good.size == 0 or points.size == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    size = np.maximum(maxx[good] - minx[good], maxy[good] - miny[good])
    cell = max(float(np.percentile(size, 90)), 1e-9)
    ox, oy = float(np.nanmin(minx[good])), float(np.nanmin(miny[good]))
    x0 = ((minx[good] - ox) // cell).astype(np.int64)
    x1 = ((maxx[good] - ox) // cell).astype(np.int64)
    y0 = ((miny[good] - oy) // cell).astype(np.int64)
    y1 = ((maxy[good] - oy) // cell).astype(np.int64)
    nx, ny = x1 - x0 + 1, y1 - y0 + 1
    owner, k = footprints.expand(nx * ny)
    keys = (x0[owner] + k % nx[owner]) * _BIG + (y0[owner] + k // nx[owner])
    order = np.argsort(keys, kind='stable')
    keys, polygons = keys[order], good[owner[order]]
    qx = ((px[points] - ox) // cell).astype(np.int64)
    qy = ((py[points] - oy) // cell).astype(np.int64)
    query = qx * _BIG + qy
    left, right = np.searchsorted(keys, query, 'left'), np.searchsorted(keys, query, 'right')
    which, offset = footprints.expand(right - left)
    point = points[which]
    polygon = polygons[left[which] + offset]
    keep = ((px[point] >= minx[polygon]) & (px[point] <= maxx[polygon])
            & (py[point] >= miny[polygon]) & (py[point] <= maxy[polygon]))
    return point[keep], polygon[keep]


def measure(px, py, edges, point, polygon):
    """(inside, distance to the boundary) of each (point, polygon) pair; 0 distance inside."""
    n = len(point)
    if n == 0:
        return np.zeros(0, bool), np.zeros(0)
    pair, offset = footprints.expand(edges.count[polygon])
    edge = edges.first[polygon][pair] + offset
    qx, qy = px[point][pair], py[point][pair]
    x1, y1, x2, y2 = edges.x1[edge], edges.y1[edge], edges.x2[edge], edges.y2[edge]
    straddles = (y1 > qy) != (y2 > qy)
    with np.errstate(invalid='ignore', divide='ignore'):
        x_at = x1 + (qy - y1) * (x2 - x1) / (y2 - y1)
        dx, dy = x2 - x1, y2 - y1
        t = np.clip(((qx - x1) * dx + (qy - y1) * dy) / (dx * dx + dy * dy), 0.0, 1.0)
    t = np.nan_to_num(t)
    gap = np.hypot(qx - (x1 + t * dx), qy - (y1 + t * dy))
    inside = np.bincount(pair[straddles & (qx < x_at)], minlength=n) % 2 == 1
    distance = np.full(n, np.inf)
    np.minimum.at(distance, pair, gap)
    distance[inside] = 0.0
    return inside, distance


def points_in(px, py, edges, pad=0.0):
    """(point, polygon, inside, distance) of the candidate pairs within ``pad`` of a polygon."""
    point, polygon = candidates(px, py, edges.boxes, pad)
    inside, distance = measure(px, py, edges, point, polygon)
    near = distance <= pad
    return point[near], polygon[near], inside[near], distance[near]


def nearest(point, polygon, distance, n_points):
    """The pair of least distance per point (ties: the lower polygon index)."""
    if len(point) == 0:
        return np.zeros(0, np.int64)
    order = np.lexsort((polygon, distance, point))
    first = np.r_[True, point[order][1:] != point[order][:-1]]
    return order[first]
