"""Polygon geometry helpers: validity repair with a per-feature report, fast bounds, polygon parts.

Written for shapely 1.8 without pygeos (per-geometry calls go straight to GEOS through ctypes
where shapely's own properties are slow) and for shapely 2 (its vectorised functions).
"""

import ctypes

import numpy as np
import shapely
from shapely.geometry import GeometryCollection, MultiPolygon, Polygon
from shapely.validation import explain_validity, make_valid

from ..errors import Canceled
from ..i18n import translate

_SHAPELY2 = hasattr(shapely, 'bounds') and callable(getattr(shapely, 'bounds'))


def _geos_bounds_functions():
    """GEOSGeom_getXMin_r … from the GEOS library shapely 1.8 loaded (None when unavailable)."""
    try:
        from shapely.geos import lgeos
        library = lgeos._lgeos
        functions = [getattr(library, name) for name in (
            'GEOSGeom_getXMin_r', 'GEOSGeom_getYMin_r', 'GEOSGeom_getXMax_r', 'GEOSGeom_getYMax_r')]
    except (ImportError, AttributeError):
        return None
    for function in functions:
        function.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_double)]
        function.restype = ctypes.c_int
    return lgeos.geos_handle, functions


_GEOS_BOUNDS = None if _SHAPELY2 else _geos_bounds_functions()


def bounds_array(geometries):
    """(n, 4) float array of minx, miny, maxx, maxy; NaN for missing or empty geometries."""
    geometries = list(geometries)
    if _SHAPELY2:
        return shapely.bounds(np.array(geometries, dtype=object)).astype(float)
    out = np.full((len(geometries), 4), np.nan)
    if _GEOS_BOUNDS is None:
        for i, geometry in enumerate(geometries):
            if geometry is not None and not geometry.is_empty:
                out[i] = geometry.bounds
        return out
    handle, (xmin, ymin, xmax, ymax) = _GEOS_BOUNDS
    value = ctypes.c_double()
    ref = ctypes.byref(value)
    for i, geometry in enumerate(geometries):
        if geometry is None or geometry.is_empty:
            continue
        pointer = geometry._geom
        xmin(handle, pointer, ref)
        a = value.value
        ymin(handle, pointer, ref)
        b = value.value
        xmax(handle, pointer, ref)
        c = value.value
        ymax(handle, pointer, ref)
        out[i] = (a, b, c, value.value)
    return out


def polygonal(geometry):
    """The polygon parts of a geometry (Polygon or MultiPolygon), or None when it has none."""
    if geometry is None or geometry.is_empty:
        return None
    if isinstance(geometry, (Polygon, MultiPolygon)):
        return geometry
    if isinstance(geometry, GeometryCollection) or geometry.geom_type.startswith('Multi'):
        parts = []
        for part in getattr(geometry, 'geoms', []):
            piece = polygonal(part)
            if piece is not None:
                parts.extend(piece.geoms if isinstance(piece, MultiPolygon) else [piece])
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else MultiPolygon(parts)
    return None


def repair(geometries, labels=None, canceled=None):
    """Make every polygon valid; return ``(geometries, report)``.

    ``report`` is a list of ``(position, label, message)``, one per feature that was repaired
    (self-intersections, bow-ties: ``make_valid`` keeps all the area) or that has no usable
    polygon (missing, empty, or nothing polygonal left) — those come back as None and the
    callers report them as skipped. ``labels[i]`` names feature i in the messages (its fid).
    """
    out = list(geometries)
    report = []
    for i, geometry in enumerate(out):
        if canceled is not None and i % 5000 == 0 and canceled():
            raise Canceled(translate('spm', 'canceled'))
        label = labels[i] if labels is not None else i
        if geometry is None or geometry.is_empty:
            out[i] = None
            report.append((i, label, translate('spm', 'no geometry; skipped')))
            continue
        if geometry.is_valid:
            if not isinstance(geometry, (Polygon, MultiPolygon)):
                out[i] = polygonal(geometry)
                if out[i] is None:
                    report.append((i, label, translate(
                        'spm', '{kind} is not a polygon; skipped').format(kind=geometry.geom_type)))
            continue
        reason = explain_validity(geometry)
        fixed = polygonal(make_valid(geometry))
        out[i] = fixed
        if fixed is None:
            report.append((i, label, translate(
                'spm', 'invalid geometry ({reason}) has no area once repaired; skipped').format(
                    reason=reason)))
        else:
            report.append((i, label, translate(
                'spm', 'invalid geometry ({reason}) repaired').format(reason=reason)))
    return out, report
