"""Fast per-geometry helpers (core/landuse/geometry.py, core/io/gdal_frames.py) give shapely's answers."""

import geopandas as gpd
import numpy as np
from shapely import wkt

from spatial_planning_monitor.core.io.gdal_frames import geoseries
from spatial_planning_monitor.core.landuse.geometry import centroid_array, line_coordinates

SHAPES = [wkt.loads(text) for text in (
    'POINT (3 4)', 'POLYGON ((0 0, 30 0, 30 10, 0 10, 0 0))', 'LINESTRING (0 0, 10 0, 10 10)',
    'MULTILINESTRING ((0 0, 1 1), (5 5, 6 5, 7 8))', 'LINESTRING Z (1 2 3, 4 5 6)', 'LINESTRING EMPTY',
    'GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (2 2, 3 3))', 'POLYGON EMPTY')] + [None]


def test_centroids_are_shapelys():
    xy = centroid_array(SHAPES)
    assert xy[0].tolist() == [3.0, 4.0] and xy[1].tolist() == [15.0, 5.0]
    for k, shape in enumerate(SHAPES):
        if shape is None or shape.is_empty:
            assert np.isnan(xy[k]).all()
        else:
            assert np.allclose(xy[k], [shape.centroid.x, shape.centroid.y], rtol=0, atol=1e-12)


def test_line_coordinates_take_every_line_part_in_order_xy_only():
    lines = line_coordinates(SHAPES)
    assert [c.tolist() for c in lines] == [
        [[0, 0], [10, 0], [10, 10]], [[0, 0], [1, 1]], [[5, 5], [6, 5], [7, 8]], [[1, 2], [4, 5]], [[2, 2], [3, 3]]]


def test_geoseries_holds_the_same_objects():
    series = geoseries(SHAPES, index=list(range(10, 19)), crs='EPSG:4528')
    assert list(series.index) == list(range(10, 19)) and series.crs.to_epsg() == 4528
    assert all(a is b for a, b in zip(series, SHAPES[:-1])) and series.iloc[-1] is None
    assert series.equals(gpd.GeoSeries(SHAPES, index=list(range(10, 19))))
