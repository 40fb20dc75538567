"""The overlay engine: candidate pairs, pieces that partition each polygon, repairs, areas."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.ops import unary_union

from spatial_planning_monitor.core.errors import Canceled
from spatial_planning_monitor.core.landuse import area, geometry, overlay


boxes = st.lists(st.tuples(st.floats(0, 100), st.floats(0, 100), st.floats(0, 30), st.floats(0, 30)),
                 min_size=0, max_size=40)


@settings(max_examples=60, deadline=None)
@given(boxes, boxes)
def test_candidate_pairs_equal_the_brute_force_pairs(left, right):
    lb = np.array([(x, y, x + w, y + h) for x, y, w, h in left]).reshape(-1, 4)
    rb = np.array([(x, y, x + w, y + h) for x, y, w, h in right]).reshape(-1, 4)
    li, ri = overlay.candidate_pairs(lb, rb)
    expected = sorted((i, j) for i, a in enumerate(lb) for j, b in enumerate(rb)
                      if a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3])
    assert list(zip(li.tolist(), ri.tolist())) == expected


def test_candidate_pairs_survive_a_huge_polygon_among_small_ones():
    rng = np.random.default_rng(1)
    xy = rng.uniform(0, 10000, (3000, 2))
    lb = np.hstack([xy, xy + 10])
    rb = np.vstack([[0, 0, 10000, 10000], np.hstack([xy[:50], xy[:50] + 5])])
    li, ri = overlay.candidate_pairs(lb, rb)
    assert (ri == 0).sum() == 3000                         # every parcel meets the huge one
    a, b = lb[:, None, :], rb[None, :, :]
    meet = (a[..., 0] <= b[..., 2]) & (b[..., 0] <= a[..., 2]) & (a[..., 1] <= b[..., 3]) & \
        (b[..., 1] <= a[..., 3])
    assert sorted(zip(li.tolist(), ri.tolist())) == sorted(zip(*np.nonzero(meet)))


def _grid_polygons(n, size, offset=0.0):
    return [box(offset + i * size, offset + j * size, offset + (i + 1) * size, offset + (j + 1) * size)
            for i in range(n) for j in range(n)]


def _check_partition(left, pieces):
    for i, geom in enumerate(left):
        mine = [g for g, k in zip(pieces.geometry, pieces.left) if k == i]
        total = sum(g.area for g in mine)
        assert total == pytest.approx(geom.area, rel=1e-9)
        assert unary_union(mine).area == pytest.approx(total, rel=1e-9)   # no overlaps


def test_pieces_partition_every_polygon():
    rng = np.random.default_rng(3)
    left = [Polygon(c + rng.uniform(-0.6, 0.6, (6, 2))).convex_hull for c in rng.uniform(0, 10, (300, 2))]
    right = _grid_polygons(4, 2.2)                 # leaves part of the area uncovered
    pieces = overlay.cut(left, right)
    _check_partition(left, pieces)
    assert (pieces.right == overlay.UNCOVERED).any()
    assert pieces.whole > 0
    for g, i, j in zip(pieces.geometry, pieces.left, pieces.right):
        if j >= 0:
            assert right[j].buffer(1e-9).contains(g)
        else:
            assert unary_union(right).intersection(g).area < 1e-9


def test_a_parcel_inside_a_zone_is_not_cut_and_shared_edges_count_as_inside():
    zones = [box(0, 0, 10, 10), box(10, 0, 20, 10)]
    parcels = [box(0, 0, 10, 5), box(12, 2, 14, 4), box(5, 5, 15, 8)]
    pieces = overlay.cut(parcels, zones)
    assert pieces.whole == 2
    assert pieces.geometry[0] is parcels[0]                 # the parcel itself, no intersection
    straddle = sorted((j, g.area) for g, i, j in zip(pieces.geometry, pieces.left, pieces.right) if i == 2)
    assert straddle == [(0, pytest.approx(15.0)), (1, pytest.approx(15.0))]


def test_overlapping_zones_count_each_part_once_for_the_first_zone():
    zones = [box(0, 0, 10, 10), box(5, 0, 15, 10)]          # overlap 5..10
    parcels = [box(2, 2, 12, 4)]
    pieces = overlay.cut(parcels, zones)
    _check_partition(parcels, pieces)
    got = {int(j): g.area for g, j in zip(pieces.geometry, pieces.right)}
    assert got == {0: pytest.approx(16.0), 1: pytest.approx(4.0)}
    assert pieces.overlaps == [(0, 1)]


def test_missing_geometries_and_empty_layers():
    pieces = overlay.cut([None, box(0, 0, 1, 1)], [])
    assert list(pieces.left) == [1] and list(pieces.right) == [overlay.UNCOVERED]
    pieces = overlay.cut([], [box(0, 0, 1, 1)])
    assert len(pieces.geometry) == 0


def test_cut_polls_cancellation():
    with pytest.raises(Canceled):
        overlay.cut([box(0, 0, 1, 1)], [box(0, 0, 1, 1)], canceled=lambda: True)


def test_repair_reports_each_feature_and_keeps_the_area_of_a_bow_tie():
    bow_tie = Polygon([(0, 0), (2, 2), (2, 0), (0, 2)])
    fixed, report = geometry.repair([bow_tie, box(0, 0, 1, 1), None, Polygon([(0, 0), (1, 1), (2, 2)])],
                                    labels=[11, 12, 13, 14])
    assert fixed[0].is_valid and fixed[0].area == pytest.approx(2.0)
    assert fixed[1].equals(box(0, 0, 1, 1))
    assert fixed[2] is None and fixed[3] is None
    assert [label for _, label, _ in report] == [11, 13, 14]
    assert 'repaired' in report[0][2] and 'Self-intersection' in report[0][2]


def test_bounds_array_matches_shapely():
    geoms = [box(1, 2, 3, 4), MultiPolygon([box(0, 0, 1, 1), box(5, 5, 6, 7)]), None]
    b = geometry.bounds_array(geoms)
    assert b[0].tolist() == [1, 2, 3, 4] and b[1].tolist() == [0, 0, 6, 7]
    assert np.isnan(b[2]).all()


def test_planar_and_ellipsoidal_areas():
    assert area.areas([box(0, 0, 3, 4), None], 'EPSG:4528').tolist() == [12.0, 0.0]
    # a 0.01° square at 25°N on CGCS2000: geodesic area, not square degrees
    square = box(119.0, 25.0, 119.01, 25.01)
    got = area.areas([square], 'EPSG:4490')[0]
    from pyproj import Geod
    expected = abs(Geod(a=6378137.0, rf=298.257222101).geometry_area_perimeter(square)[0])
    assert got == pytest.approx(expected, rel=1e-9)
    assert 1.1e6 < got < 1.14e6
    holed = Polygon(square.exterior.coords, [box(119.002, 25.002, 119.004, 25.004).exterior.coords])
    assert area.areas([holed], 'EPSG:4490')[0] < got


def test_slivers_join_the_largest_piece_and_the_partition_still_adds_up():
    zone = box(0, 0, 10, 10)
    parcel = box(9.9999995, 2, 20, 4)                    # 0.5 µm inside the zone along its edge
    plain = overlay.cut([parcel], [zone])
    assert sorted(plain.right.tolist()) == [overlay.UNCOVERED, 0]        # a 1e-6 m² sliver
    merged = overlay.cut([parcel], [zone], sliver_width=1e-3)
    assert merged.right.tolist() == [overlay.UNCOVERED]
    assert merged.geometry[0].area == pytest.approx(parcel.area, rel=1e-12)
    wide = overlay.cut([box(9, 2, 20, 4)], [zone], sliver_width=1e-3)   # a real 1 m strip stays
    assert sorted(wide.right.tolist()) == [overlay.UNCOVERED, 0]
    assert area.sliver_width('EPSG:4490') < area.sliver_width('EPSG:4528')
