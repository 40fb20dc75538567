"""Coverage gaps from offline sensors (core.sensors.evaluate.coverage_gaps) on a hand-made line of
points: a point only an offline sensor covered is a gap; one an online sensor also covers is not;
one no sensor ever covered is not a gap either (it was never covered)."""

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import Point

from spatial_planning_monitor.core.sensors.evaluate import coverage_gaps

CRS = 'EPSG:4528'
WATER, SLOPE = '易涝积水点', '道路边坡风险点'


def frame(xy, start, **columns):
    gdf = gpd.GeoDataFrame(columns, geometry=[Point(x, y) for x, y in xy], crs=CRS)
    gdf.index = pd.RangeIndex(start, start + len(gdf), name='fid')
    return gdf


def test_points_covered_only_by_offline_sensors_are_gaps():
    #            only A   A and B   only B   nobody    only D (C, online, watches another kind)
    points = frame([(0, 0), (100, 0), (200, 0), (1000, 0), (5000, 0)], start=11,
                   kind=[WATER, WATER, WATER, WATER, WATER])
    sensors = frame([(0, 0), (200, 0), (5000, 0), (5000, 50)], start=1,
                    kind=[WATER, WATER, SLOPE, WATER])
    offline = [True, False, False, True]        # A, D offline; B, C online
    gaps = coverage_gaps(points, sensors, offline, 150.0, kind_field='kind')
    assert list(gaps.points) == [11, 15]
    assert gaps.n_gaps == 2 and gaps.n_offline == 2
    assert gaps.report.n_covered == 4            # (1000, 0) was never covered


def test_no_offline_sensor_no_gap_and_all_offline_loses_all_coverage():
    points = frame([(0, 0), (100, 0), (1000, 0)], start=1)
    sensors = frame([(0, 0), (1000, 0)], start=1)
    assert coverage_gaps(points, sensors, np.zeros(2, bool), 150.0).n_gaps == 0
    assert list(coverage_gaps(points, sensors, np.ones(2, bool), 150.0).points) == [1, 2, 3]
