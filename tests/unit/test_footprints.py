"""Footprints read straight from WKB: one-ring polygons in one go, every other shape one by one."""

import numpy as np
from shapely import wkb
from shapely.geometry import MultiPolygon, Point, Polygon

from spatial_planning_monitor.core.codes import footprints

SQUARE = [(0, 0), (2, 0), (2, 2), (0, 2)]
HOUSE = [(10, 0), (12, 0), (12, 2), (11, 3), (10, 2)]


def test_rings_of_mixed_shapes_in_row_order():
    rows = [wkb.dumps(Polygon(SQUARE)),
            None,
            wkb.dumps(Polygon(HOUSE)),
            wkb.dumps(Point(1, 1)),
            wkb.dumps(Polygon([(0, 0), (9, 0), (9, 9), (0, 9)], [[(1, 1), (2, 1), (2, 2)]])),
            wkb.dumps(MultiPolygon([Polygon(SQUARE), Polygon(HOUSE)])),
            wkb.dumps(Polygon([(x, y, 5) for x, y in SQUARE])),
            wkb.dumps(Polygon(HOUSE), big_endian=True),
            wkb.dumps(Polygon(SQUARE))]
    rings = footprints.read_rings(rows)
    assert list(rings.geometry) == [0, 2, 4, 4, 5, 5, 6, 7, 8]
    assert list(rings.exterior) == [True, True, True, False, True, True, True, True, True]
    assert list(np.diff(rings.start)) == [5, 6, 5, 4, 5, 6, 5, 6, 5]
    assert list(rings.parsed) == [True, False, True, False, True, True, True, True, True]
    assert rings.xy[rings.start[1]:rings.start[2]].tolist() == [list(p) for p in HOUSE + HOUSE[:1]]
    assert rings.xy[rings.start[6]:rings.start[7]].tolist() == [list(p) for p in SQUARE + SQUARE[:1]]
    minx, miny, maxx, maxy = footprints.bounds(rings)
    assert np.array_equal(maxx, [2, np.nan, 12, np.nan, 9, 12, 2, 12, 2], equal_nan=True)
    assert np.array_equal(maxy, [2, np.nan, 3, np.nan, 9, 3, 2, 3, 2], equal_nan=True)
