"""Road-network distances: a hand-measured case, never shorter than the straight line, and the
radius-limited search finds exactly the pairs an unlimited all-pairs search finds."""

import numpy as np
import pytest
from scipy.sparse.csgraph import dijkstra

from spatial_planning_monitor.core.errors import InputError
from spatial_planning_monitor.core.sensors import pairs
from spatial_planning_monitor.core.sensors.network import RoadNetwork


def l_road():
    # (0,0) → (100,0) → (100,100), plus a separate piece far away that touches nothing
    return RoadNetwork([np.array([[0.0, 0.0], [100.0, 0.0], [100.0, 100.0]]),
                        np.array([[500.0, 0.0], [600.0, 0.0]])])


def as_dict(found):
    i, j, d = found
    return {(int(a), int(b)): float(c) for a, b, c in zip(i, j, d)}


def test_hand_measured_distances_along_an_l_shaped_road():
    net = l_road()
    points = np.array([[10.0, 5.0],      # 5 m off the road at x = 10
                       [100.0, 0.0],     # on the corner vertex
                       [550.0, 3.0]])    # beside the piece that touches nothing
    sites = np.array([[100.0, 90.0],     # on the road, 90 m up the second leg
                      [103.0, 50.0]])    # 3 m east of the second leg at y = 50
    found = as_dict(net.pairs(points, sites, 400.0))
    assert found[(0, 0)] == pytest.approx(5 + 90 + 90)
    assert found[(0, 1)] == pytest.approx(5 + 90 + 50 + 3)
    assert found[(1, 0)] == pytest.approx(90)
    assert found[(1, 1)] == pytest.approx(53)
    assert not any(i == 2 for i, _ in found)             # the separate piece reaches no site
    # boundary included: 185 m exactly is within a 185 m radius, not within 184.9 m
    assert (0, 0) in as_dict(net.pairs(points, sites, 185.0))
    assert (0, 0) not in as_dict(net.pairs(points, sites, 184.9))


def random_grid_roads(rng, size=2000.0, step=200.0):
    lines = []
    for x in np.arange(0, size + 1, step):
        ys = np.sort(rng.uniform(0, size, 6))
        lines.append(np.column_stack([np.full(8, x) + rng.normal(0, 5, 8), np.r_[0, ys, size]]))
    for y in np.arange(0, size + 1, step):
        lines.append(np.array([[0.0, y], [size, y]]))
    return lines


@pytest.mark.parametrize('seed', range(4))
def test_network_distance_is_never_shorter_than_straight_and_matches_an_unlimited_search(seed):
    rng = np.random.default_rng(seed)
    net = RoadNetwork(random_grid_roads(rng), max_segment=30.0)
    points = rng.uniform(-50, 2050, (150, 2))
    sites = rng.uniform(0, 2000, (60, 2))
    radius = 450.0
    found = as_dict(net.pairs(points, sites, radius))
    assert found                                            # the test covers real pairs
    straight = np.hypot(*(points[:, None, :] - sites[None, :, :]).transpose(2, 0, 1))
    for (i, j), d in found.items():
        assert d >= straight[i, j] - 1e-6
        assert d <= radius * (1 + 1e-9)
    # the same distances from an all-pairs Dijkstra without limit on the same snapped graph
    graph, node, snap = net.attach(np.vstack([points, sites]))
    full = dijkstra(graph, directed=True, indices=node[len(points):])
    expected = {}
    for j in range(len(sites)):
        d = full[j, node[:len(points)]] + snap[:len(points)] + snap[len(points) + j]
        for i in np.flatnonzero(d <= radius):
            expected[(int(i), j)] = float(d[i])
    assert found.keys() == expected.keys()
    assert all(found[k] == pytest.approx(expected[k]) for k in expected)


def test_search_runs_from_either_side_with_the_same_answer():
    rng = np.random.default_rng(9)
    net = RoadNetwork(random_grid_roads(rng))
    points = rng.uniform(0, 2000, (30, 2))
    sites = rng.uniform(0, 2000, (90, 2))
    forward = as_dict(net.pairs(points, sites, 500.0))       # searches from the points (fewer)
    backward = as_dict(net.pairs(sites, points, 500.0))      # searches from the sites' side
    assert forward.keys() == {(i, j) for j, i in backward}
    assert all(forward[(i, j)] == pytest.approx(backward[(j, i)]) for i, j in forward)


def test_points_on_the_same_road_spot_share_a_node_and_snap_to_the_nearest_segment():
    net = l_road()
    seg, along, dist = net.snap(np.array([[40.0, -7.0], [40.0, 7.0], [104.0, 60.0]]))
    assert list(dist) == pytest.approx([7.0, 7.0, 4.0])
    assert along[0] == pytest.approx(40.0) and along[2] == pytest.approx(60.0)   # 60 m along (100,0)→(100,100)
    _, node, _ = net.attach(np.array([[40.0, -7.0], [40.0, 7.0]]))
    assert node[0] == node[1]


def test_bad_network_input():
    with pytest.raises(InputError, match='no line'):
        RoadNetwork([np.array([[0.0, 0.0]])])
    with pytest.raises(InputError, match='greater than 0'):
        l_road().pairs(np.zeros((1, 2)), np.zeros((1, 2)), 0.0)
    with pytest.raises(InputError, match='greater than 0'):
        pairs.euclidean_pairs(np.zeros((1, 2)), np.zeros((1, 2)), -5.0)
