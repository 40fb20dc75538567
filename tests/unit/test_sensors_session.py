"""The editable layout behind the planning dock: the plan, points on the greedy curve, and sensors
added or removed by hand, each with its coverage recomputed from scratch."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import LineString, Point

from spatial_planning_monitor.core.sensors import problem, session

WATER, SLOPE = '易涝积水点', '道路边坡风险点'


def city(distance):
    rng = np.random.default_rng(11)
    n = 150
    xy = rng.uniform(0, 3000, (n, 2))
    xy[:, 1] = np.round(xy[:, 1] / 500) * 500 + rng.normal(0, 30, n)     # along east-west streets
    risk = gpd.GeoDataFrame({'kind': rng.choice([WATER, SLOPE], n)}, geometry=[Point(p) for p in xy],
                            crs='EPSG:4528')
    risk.index = pd.RangeIndex(1, n + 1, name='fid')
    roads = gpd.GeoDataFrame(geometry=[LineString([(0, y), (3000, y)]) for y in range(0, 3001, 500)]
                             + [LineString([(x, 0), (x, 3000)]) for x in range(0, 3001, 750)], crs='EPSG:4528')
    existing = gpd.GeoDataFrame({'kind': ['积水监测仪', '积水监测仪']},
                                geometry=[Point(xy[0]), Point(-9000, -9000)], crs='EPSG:4528')
    return problem.prepare(risk, None, existing, kind_field='kind', roads=roads, distance=distance,
                           spacing=150.0)


@pytest.mark.parametrize('distance', ['EUCLIDEAN', 'NETWORK'])
def test_the_layout_reproduces_the_plan_and_every_point_of_the_curve(distance):
    prob = city(distance)
    s = session.plan_session(prob, 'MCLP', p=12, time_limit=20)
    cov = prob.coverage
    assert np.array_equal(s.covered_by(), cov.covered_by(s.solution.chosen))
    assert s.summary()[3] == len(s.solution.added) == 12
    assert len([x for x in s.sensors if x.existing]) == 2          # the idle one is listed too
    for n in (0, 1, 5, len(s.curve_order)):
        assert s.use_curve(n) == n
        assert (s.covered_by() > 0).sum() == s.curve_count[n]
    assert s.curve_percent()[-1] == pytest.approx(100.0 * cov.coverable().sum() / cov.n_points)
    assert s.use_curve(10 ** 6) == len(s.curve_order)               # beyond the end: all of them


def test_adding_and_removing_sensors_by_hand_updates_coverage_at_once():
    prob = city('EUCLIDEAN')
    s = session.plan_session(prob, 'MCLP', p=3, time_limit=10)
    before = s.covered_by()
    target = np.flatnonzero(before == 0)[0]                          # an uncovered point
    x, y = problem.xy_of(prob.points)[target]
    kind = prob.coverage.kinds.index(prob.points['KIND'].iat[target])
    s.add(x + 5, y, kind)
    after = s.covered_by()
    assert after[target] == 1 and np.all(after >= before)
    other = 1 - kind                                                 # a sensor of the other kind
    s.add(x + 5, y, other)
    assert s.covered_by()[target] == 1
    assert s.remove_nearest(x + 5, y, tolerance=10.0)                # removes the later one
    assert s.remove_nearest(x + 5, y, tolerance=10.0)
    assert np.array_equal(s.covered_by(), before)
    assert not s.remove_nearest(x + 5, y, tolerance=10.0)
    ex = next(v for v in s.sensors if v.existing)
    assert not s.remove_nearest(ex.x, ex.y, tolerance=1.0)           # existing sensors stay
