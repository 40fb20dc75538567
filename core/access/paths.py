"""The walkable network: roads, plus footpaths joined to the roads where they cross or end on them.

Roads join each other only at shared vertices (an overpass stays an overpass); a footpath and a
road that cross get a shared vertex there, inserted into both, so the path and the road connect.
Footpaths join each other at shared vertices too.
"""

import geopandas as gpd
import numpy as np
from shapely.geometry import LineString


def _points(geom):
    """Coordinates where two lines meet (ends of overlapping stretches included)."""
    if geom.is_empty:
        return []
    if geom.geom_type == 'Point':
        return [(geom.x, geom.y)]
    if geom.geom_type == 'LineString':
        return [geom.coords[0], geom.coords[-1]]
    return [p for part in geom.geoms for p in _points(part)]


def _insert(coords, points):
    """``coords`` (n, 2) with ``points`` added as vertices at their place along the line."""
    if not points:
        return coords
    line = LineString(coords)
    along_vertices = np.r_[0.0, np.cumsum(np.hypot(*np.diff(coords, axis=0).T))]
    along = np.array([line.project(gpd.points_from_xy([x], [y])[0]) for x, y in points])
    allp = np.vstack([coords, np.asarray(points, float)])
    key = np.r_[along_vertices, along]
    order = np.argsort(key, kind='stable')
    merged = allp[order]
    keep = np.r_[True, np.any(np.abs(np.diff(merged, axis=0)) > 1e-9, axis=1)]
    return merged[keep]


def walkable_lines(roads, paths):
    """Coordinate arrays of the roads and the paths, noded where paths meet roads."""
    roads = [np.asarray(c, float)[:, :2] for c in roads]
    paths = [np.asarray(c, float)[:, :2] for c in paths]
    if not paths or not roads:
        return roads + paths
    road_geoms = gpd.GeoSeries([LineString(c) for c in roads])
    path_geoms = gpd.GeoSeries([LineString(c) for c in paths])
    tree = road_geoms.sindex
    pairs = tree.query_bulk(path_geoms.values, predicate='intersects') if hasattr(tree, 'query_bulk') \
        else tree.query(path_geoms.values, predicate='intersects')
    on_road = {i: [] for i in range(len(roads))}
    on_path = {i: [] for i in range(len(paths))}
    for p, r in zip(*pairs):
        meet = _points(path_geoms.iat[p].intersection(road_geoms.iat[r]))
        on_path[p].extend(meet)
        on_road[r].extend(meet)
    return ([_insert(c, on_road[i]) for i, c in enumerate(roads)]
            + [_insert(c, on_path[i]) for i, c in enumerate(paths)])
