"""Coordinates, the real district boundaries, and small geometry helpers."""

import json
import struct
from pathlib import Path

import numpy as np
from pyproj import Transformer
from shapely import wkb
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.ops import transform, unary_union

CRS = 'EPSG:4528'          # CGCS2000 / 3-degree Gauss-Kruger zone 40 (zone-prefixed eastings)
SOURCE_CRS = 'EPSG:4490'   # the boundaries' lon/lat, read as CGCS2000 (they are GCJ-02-ish)

DISTRICTS = (              # adcode, name, kind
    ('350302', '城厢区', '区'),
    ('350303', '涵江区', '区'),
    ('350304', '荔城区', '区'),
    ('350305', '秀屿区', '区'),
    ('350322', '仙游县', '县'),
)

_TO_XY = Transformer.from_crs(SOURCE_CRS, CRS, always_xy=True)


def lonlat_to_xy(lon, lat):
    """Project lon/lat (scalars or arrays) to EPSG:4528 x, y."""
    return _TO_XY.transform(lon, lat)


def project(geom):
    """A lon/lat shapely geometry in EPSG:4528."""
    return transform(_TO_XY.transform, geom)


def polygons(geom):
    """The polygons of a (multi)polygon or collection, as a list."""
    if geom is None or geom.is_empty:
        return []
    if geom.geom_type == 'Polygon':
        return [geom]
    if hasattr(geom, 'geoms'):
        out = []
        for part in geom.geoms:
            out.extend(polygons(part))
        return out
    return []


def as_multi(geom):
    """A MultiPolygon from a polygon or multipolygon (what the GeoPackage layers hold)."""
    if geom.geom_type == 'MultiPolygon':
        return geom
    if geom.geom_type == 'Polygon':                # wrap the polygon's WKB: no coordinate copy
        inner = geom.wkb
        order = '<' if inner[0] == 1 else '>'
        return wkb.loads(inner[:1] + struct.pack(order + 'II', 6, 1) + inner)
    return MultiPolygon(polygons(geom))


def min_rect(poly):
    """Minimum-area bounding rectangle by rotating calipers on the convex hull (numpy).

    Returns (centre, a, b, length, width): unit vectors a along the long side, b across it."""
    hull = np.array(poly.convex_hull.exterior.coords)
    edges = np.diff(hull, axis=0)
    angles = np.unique(np.mod(np.arctan2(edges[:, 1], edges[:, 0]), np.pi / 2))
    c, s = np.cos(angles), np.sin(angles)
    # Coordinates of the hull in each rotated frame: (n_angles, n_points)
    u = hull[None, :, 0] * c[:, None] + hull[None, :, 1] * s[:, None]
    v = -hull[None, :, 0] * s[:, None] + hull[None, :, 1] * c[:, None]
    du, dv = u.max(1) - u.min(1), v.max(1) - v.min(1)
    k = int(np.argmin(du * dv))
    a = np.array([c[k], s[k]])
    b = np.array([-s[k], c[k]])
    mid_u, mid_v = (u[k].max() + u[k].min()) / 2, (v[k].max() + v[k].min()) / 2
    centre = a * mid_u + b * mid_v
    length, width = du[k], dv[k]
    if width > length:
        a, b, length, width = b, -a, width, length
    return centre, a, b, length, width


def drop_small_holes(geom, min_area):
    """The geometry without interior rings smaller than ``min_area`` (dissolve slivers)."""
    out = []
    for poly in polygons(geom):
        holes = [r for r in poly.interiors if Polygon(r).area >= min_area]
        out.append(Polygon(poly.exterior, holes))
    return unary_union(out) if len(out) > 1 else (out[0] if out else Polygon())


def load_districts(data_dir):
    """The five districts as (adcode, name, EPSG:4528 MultiPolygon), tiling their union.

    The source files are bare GeoJSON geometries. Overlaps are removed in adcode order (a later
    district loses the overlap) and gaps inside the union's outline are given to the neighbour
    that shares the longest border with them. Returns the districts and a report of both fixes.
    """
    data_dir = Path(data_dir)
    raw = []
    for adcode, name, _ in DISTRICTS:
        with open(data_dir / f'{adcode}.geojson', encoding='utf-8') as handle:
            geom = shape(json.load(handle))
        raw.append((adcode, name, project(geom)))
    return tile_districts(raw)


def tile_districts(raw):
    """Make (adcode, name, geometry) districts tile their union: no overlaps, no inner gaps."""
    report = {'overlap_m2': 0.0, 'gap_m2': 0.0}
    fixed = []
    taken = None
    for adcode, name, geom in raw:
        geom = geom.buffer(0) if not geom.is_valid else geom
        if taken is not None and geom.intersects(taken):
            overlap = geom.intersection(taken).area
            if overlap > 0:
                report['overlap_m2'] += overlap
                geom = geom.difference(taken)
        fixed.append([adcode, name, geom])
        taken = geom if taken is None else taken.union(geom)
    outline = unary_union([Polygon(p.exterior) for p in polygons(taken)])
    gaps = polygons(outline.difference(taken))
    for gap in gaps:
        report['gap_m2'] += gap.area
        shared = [gap.boundary.intersection(item[2].boundary).length for item in fixed]
        best = int(np.argmax(shared))
        fixed[best][2] = fixed[best][2].union(gap)
    return [(a, n, as_multi(g)) for a, n, g in fixed], report
