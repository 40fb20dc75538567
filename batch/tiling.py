"""Spatial tiles for the batch engine: their size from the data's density and the worker memory.

The layer's extent is split like a quadtree: a box whose features (counted by the GeoPackage's
spatial index, no geometry read) exceed the budget is cut in four, until every tile holds at most
the budget. Dense towns get small tiles, empty hills large ones.

Tiles partition the extent: each tile is half-open ``[x0, x1) × [y0, y1)`` except on the
extent's upper edges, which belong to the last tiles. A feature is owned by the one tile holding
its representative point (see :func:`owners`), so every feature is processed exactly once.
"""

from dataclasses import dataclass

import numpy as np

BYTES_PER_FEATURE = 6000      # one parcel in a task: shapely objects, zones, pieces, WKB (measured ~4 KB)
WORKER_BASE = 160 * 2 ** 20   # a worker's own memory before it reads anything (measured 137 MiB:
                              # Python, distributed, pandas, GEOS, GDAL)
SHARE = 0.25                  # of the rest, what one task may use (several tasks, spills, copies)
MIN_FEATURES = 500
MAX_DEPTH = 16


@dataclass(frozen=True)
class Tile:
    index: int
    bbox: tuple                # (xmin, ymin, xmax, ymax)
    closed_x: bool = False     # xmax belongs to this tile (the extent's right edge)
    closed_y: bool = False

    def owns(self, x, y):
        """Boolean array: the points (x, y) that lie in this tile."""
        x0, y0, x1, y1 = self.bbox
        in_x = (x >= x0) & ((x <= x1) if self.closed_x else (x < x1))
        in_y = (y >= y0) & ((y <= y1) if self.closed_y else (y < y1))
        return in_x & in_y


def budget(memory_limit, count, workers):
    """Features per tile: what a task may hold in ``memory_limit`` bytes, and small enough that
    each worker gets several tiles (progress, and a lost tile costs little)."""
    by_memory = max(MIN_FEATURES, int((memory_limit - WORKER_BASE) * SHARE / BYTES_PER_FEATURE))
    by_spread = max(MIN_FEATURES, -(-count // (4 * max(1, workers))))
    return min(by_memory, by_spread)


def plan(extent, count_in, max_features):
    """Tiles covering ``extent``, each with at most ``max_features`` features by ``count_in(bbox)``
    (or at the depth limit), in row-major order of their lower-left corners."""
    xmin, ymin, xmax, ymax = extent
    found = []
    stack = [(xmin, ymin, xmax, ymax, 0)]
    while stack:
        x0, y0, x1, y1, depth = stack.pop()
        if depth < MAX_DEPTH and count_in((x0, y0, x1, y1)) > max_features:
            xm, ym = (x0 + x1) / 2.0, (y0 + y1) / 2.0
            stack += [(x0, y0, xm, ym, depth + 1), (xm, y0, x1, ym, depth + 1),
                      (x0, ym, xm, y1, depth + 1), (xm, ym, x1, y1, depth + 1)]
            continue
        found.append((x0, y0, x1, y1))
    found.sort(key=lambda b: (b[1], b[0]))
    return [Tile(k, box, closed_x=box[2] == xmax, closed_y=box[3] == ymax)
            for k, box in enumerate(found)]


def representative_points(geometries):
    """(x, y) arrays of a point inside each geometry (NaN for a missing one). GEOS's
    representative point; the centre of the box where GEOS cannot compute it (invalid input):
    either lies inside the feature's box, so the owning tile's spatial filter returns it."""
    x = np.full(len(geometries), np.nan)
    y = np.full(len(geometries), np.nan)
    for k, geometry in enumerate(geometries):
        if geometry is None or geometry.is_empty:
            continue
        try:
            point = geometry.representative_point()
            x[k], y[k] = point.x, point.y
        except Exception:  # GEOS refuses some invalid polygons: any point in the box will do
            bx0, by0, bx1, by1 = geometry.bounds
            x[k], y[k] = (bx0 + bx1) / 2.0, (by0 + by1) / 2.0
    return x, y


def owned(tile, geometries):
    """Boolean array: the geometries ``tile`` owns (by their representative point)."""
    x, y = representative_points(geometries)
    return tile.owns(x, y)


def grown(tile, geometries, mask):
    """The tile's box grown to cover the boxes of the owned geometries (where their neighbours
    in other layers must be read from)."""
    x0, y0, x1, y1 = tile.bbox
    for geometry, keep in zip(geometries, mask):
        if keep:
            bx0, by0, bx1, by1 = geometry.bounds
            x0, y0, x1, y1 = min(x0, bx0), min(y0, by0), max(x1, bx1), max(y1, by1)
    return x0, y0, x1, y1
