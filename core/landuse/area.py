"""Areas in square metres: planar in a projected CRS, on the ellipsoid when the CRS is geographic.

A geographic CRS (CGCS2000 EPSG:4490 and the like) is never measured in square degrees: each
polygon's area is the geodesic area on the CRS's own ellipsoid (CGCS2000: a = 6378137 m,
1/f = 298.257222101), computed by PROJ's geodesic routines (Karney's algorithm).
"""

import ctypes

import numpy as np
import shapely
from pyproj import CRS, Geod

from ..errors import Canceled, InputError
from ..i18n import translate
from .geometry import geos_function

CGCS2000 = Geod(a=6378137.0, rf=298.257222101)


def _geos_area_function():
    return geos_function('GEOSArea_r', [ctypes.c_void_p, ctypes.c_void_p,
                                         ctypes.POINTER(ctypes.c_double)], ctypes.c_int)


_GEOS_AREA = _geos_area_function()


def is_geographic(crs):
    """True when ``crs`` (anything pyproj understands) has angular coordinates."""
    if crs is None:
        return False
    return CRS.from_user_input(crs).is_geographic


def geod_for(crs):
    """The Geod of a geographic CRS's ellipsoid (CGCS2000 when it cannot be read)."""
    try:
        ellipsoid = CRS.from_user_input(crs).ellipsoid
        if ellipsoid is not None and ellipsoid.inverse_flattening:
            return Geod(a=ellipsoid.semi_major_metre, rf=ellipsoid.inverse_flattening)
    except Exception:  # a CRS without a readable ellipsoid: use the national one
        pass
    return CGCS2000


def check_units(crs, label):
    """Refuse a projected CRS whose unit is not the metre (areas would not be m²)."""
    if crs is None:
        return
    crs = CRS.from_user_input(crs)
    if crs.is_projected:
        unit = crs.axis_info[0].unit_name if crs.axis_info else 'metre'
        if unit not in ('metre', 'meter', 'm'):
            raise InputError(translate(
                'spm', 'Layer {layer}: its CRS measures in {unit}, not metres; reproject it first'
            ).format(layer=label, unit=unit))


def _planar(geometries):
    if hasattr(shapely, 'area') and callable(shapely.area):  # shapely 2: vectorised
        return np.nan_to_num(shapely.area(np.array(geometries, dtype=object)).astype(float))
    out = np.zeros(len(geometries))
    if _GEOS_AREA is None:
        for i, geometry in enumerate(geometries):
            if geometry is not None:
                out[i] = geometry.area
        return out
    handle, function = _GEOS_AREA
    value = ctypes.c_double()
    ref = ctypes.byref(value)
    for i, geometry in enumerate(geometries):
        if geometry is not None:
            function(handle, geometry._geom, ref)
            out[i] = value.value
    return out


def _ring_area(geod, ring):
    x, y = ring.xy
    area, _ = geod.polygon_area_perimeter(np.asarray(x), np.asarray(y))
    return abs(area)


def _ellipsoidal(geometries, geod, canceled=None):
    out = np.zeros(len(geometries))
    for i, geometry in enumerate(geometries):
        if canceled is not None and i % 5000 == 0 and canceled():
            raise Canceled(translate('spm', 'canceled'))
        if geometry is None or geometry.is_empty:
            continue
        polygons = geometry.geoms if hasattr(geometry, 'geoms') else [geometry]
        total = 0.0
        for polygon in polygons:
            if polygon.geom_type != 'Polygon' or polygon.is_empty:
                continue
            total += _ring_area(geod, polygon.exterior)
            total -= sum(_ring_area(geod, ring) for ring in polygon.interiors)
        out[i] = total
    return out


def areas(geometries, crs, canceled=None):
    """Area of each polygon in m² (0 for missing geometries); see the module docstring."""
    geometries = list(geometries)
    if is_geographic(crs):
        return _ellipsoidal(geometries, geod_for(crs), canceled)
    return _planar(geometries)


def method(crs):
    """A short description of how areas are measured in ``crs``, for the log."""
    if is_geographic(crs):
        geod = geod_for(crs)
        return translate('spm', 'ellipsoidal (geodesic) areas on a = {a} m, 1/f = {rf}').format(
            a=geod.a, rf=round(1 / geod.f, 9))
    return translate('spm', 'planar areas in the layer CRS (m²)')


def sliver_width(crs):
    """Mean width below which a cut piece is a sliver: 1 mm, or 1e-8° in a geographic CRS."""
    return 1e-8 if is_geographic(crs) else 1e-3
