"""Polygon geometry helpers: validity repair with a per-feature report, fast bounds, polygon parts;
fast centroids and line coordinates for many geometries.

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


def geos_function(name, argtypes, restype):
    """A private ctypes handle on a GEOS C function of the library shapely 1.8 loaded.

    ``library[name]`` makes a new function object, so shapely's own prototypes stay untouched.
    Returns (context handle, function), or None on shapely 2 / when unavailable.
    """
    try:
        from shapely.geos import lgeos
        function = lgeos._lgeos[name]
    except (ImportError, AttributeError, KeyError):
        return None
    function.argtypes = argtypes
    function.restype = restype
    return lgeos.geos_handle, function


def _geos_bounds_functions():
    """GEOSGeom_getXMin_r … (None when unavailable)."""
    found = [geos_function(name, [ctypes.c_void_p, ctypes.c_void_p,
                                   ctypes.POINTER(ctypes.c_double)], ctypes.c_int)
             for name in ('GEOSGeom_getXMin_r', 'GEOSGeom_getYMin_r', 'GEOSGeom_getXMax_r',
                          'GEOSGeom_getYMax_r')]
    if any(f is None for f in found):
        return None
    return found[0][0], [f for _, f in found]


_GEOS_BOUNDS = None if _SHAPELY2 else _geos_bounds_functions()
_PTR, _CHAR = ctypes.c_void_p, ctypes.c_char     # GEOS predicates return char 0/1 (2 = error)
_GEOS_EMPTY = None if _SHAPELY2 else geos_function('GEOSisEmpty_r', [_PTR] * 2, _CHAR)
_GEOS_VALID = None if _SHAPELY2 else geos_function('GEOSisValid_r', [_PTR] * 2, _CHAR)
_GEOS_PREPARED_CONTAINS = None if _SHAPELY2 else geos_function(
    'GEOSPreparedContains_r', [_PTR] * 3, _CHAR)
_GEOS_PREPARED_CONTAINS_PROPERLY = None if _SHAPELY2 else geos_function(
    'GEOSPreparedContainsProperly_r', [_PTR] * 3, _CHAR)
_TRUE, _FALSE = b'\x01', b'\x00'


def is_empty(geometry):
    """``geometry.is_empty`` (None counts as empty), without shapely 1.8's per-call overhead."""
    if geometry is None:
        return True
    if _GEOS_EMPTY is not None:
        answer = _GEOS_EMPTY[1](_GEOS_EMPTY[0], geometry._geom)
        if answer in (_TRUE, _FALSE):
            return answer == _TRUE
    return geometry.is_empty


def is_valid(geometry):
    """``geometry.is_valid`` through GEOS directly where shapely 1.8 is slow."""
    if _GEOS_VALID is not None:
        answer = _GEOS_VALID[1](_GEOS_VALID[0], geometry._geom)
        if answer in (_TRUE, _FALSE):
            return answer == _TRUE
    return geometry.is_valid


def _prepared_predicate(function, name, prepared, geometry):
    if function is not None:
        answer = function[1](function[0], prepared._geom, geometry._geom)
        if answer in (_TRUE, _FALSE):
            return answer == _TRUE
    return getattr(prepared, name)(geometry)


def prepared_contains(prepared, geometry):
    """``prepared.contains(geometry)`` for a ``shapely.prepared.prep`` object, through GEOS."""
    return _prepared_predicate(_GEOS_PREPARED_CONTAINS, 'contains', prepared, geometry)


def prepared_contains_properly(prepared, geometry):
    """``prepared.contains_properly(geometry)``: inside without touching the boundary."""
    return _prepared_predicate(_GEOS_PREPARED_CONTAINS_PROPERLY, 'contains_properly', prepared,
                               geometry)


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
        if is_empty(geometry):          # GEOS crashes on the bounds of an empty geometry
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


_CENTROID = None if _SHAPELY2 else geos_function('GEOSGetCentroid_r', [_PTR] * 2, _PTR)
_GET_XY = None if _SHAPELY2 else [geos_function(name, [_PTR, _PTR, ctypes.POINTER(ctypes.c_double)], ctypes.c_int)
                                  for name in ('GEOSGeomGetX_r', 'GEOSGeomGetY_r')]
_DESTROY = None if _SHAPELY2 else geos_function('GEOSGeom_destroy_r', [_PTR] * 2, None)
_TYPE_ID = None if _SHAPELY2 else geos_function('GEOSGeomTypeId_r', [_PTR] * 2, ctypes.c_int)
_N_PARTS = None if _SHAPELY2 else geos_function('GEOSGetNumGeometries_r', [_PTR] * 2, ctypes.c_int)
_PART = None if _SHAPELY2 else geos_function('GEOSGetGeometryN_r', [_PTR, _PTR, ctypes.c_int], _PTR)
_SEQUENCE = None if _SHAPELY2 else geos_function('GEOSGeom_getCoordSeq_r', [_PTR] * 2, _PTR)
_SEQ_SIZE = None if _SHAPELY2 else geos_function('GEOSCoordSeq_getSize_r',
                                                 [_PTR, _PTR, ctypes.POINTER(ctypes.c_uint)], ctypes.c_int)
_SEQ_COPY = None if _SHAPELY2 else geos_function('GEOSCoordSeq_copyToBuffer_r',
                                                 [_PTR, _PTR, _PTR, ctypes.c_int, ctypes.c_int], ctypes.c_int)
_LINESTRING = 1      # GEOSGeomTypeId


def _available(*functions):
    return all(f is not None for f in functions) and all(f is not None for f in (_GET_XY or [None]))


def centroid_array(geometries):
    """(n, 2) float array of the centroids (a point is its own); NaN for missing or empty ones."""
    geometries = list(geometries)
    if _SHAPELY2:
        centroids = shapely.centroid(np.array(geometries, dtype=object))
        return np.column_stack([shapely.get_x(centroids), shapely.get_y(centroids)]).astype(float)
    out = np.full((len(geometries), 2), np.nan)
    if not _available(_CENTROID, _DESTROY):
        for i, geometry in enumerate(geometries):
            if not is_empty(geometry):
                c = geometry.centroid
                out[i] = c.x, c.y
        return out
    handle, centroid = _CENTROID
    destroy, get_x, get_y = _DESTROY[1], _GET_XY[0][1], _GET_XY[1][1]
    x, y = ctypes.c_double(), ctypes.c_double()
    ref_x, ref_y = ctypes.byref(x), ctypes.byref(y)
    for i, geometry in enumerate(geometries):
        if is_empty(geometry):
            continue
        point = centroid(handle, geometry._geom)
        if not point:
            continue
        if get_x(handle, point, ref_x) and get_y(handle, point, ref_y):
            out[i] = x.value, y.value
        destroy(handle, point)
    return out


def line_coordinates(geometries):
    """(n, 2) XY arrays of every LineString (or LineString part of a multi geometry or
    collection), in order; missing and empty geometries are left out."""
    if not _available(_TYPE_ID, _N_PARTS, _PART, _SEQUENCE, _SEQ_SIZE, _SEQ_COPY):
        return _line_coordinates_shapely(geometries)
    handle = _TYPE_ID[0]
    type_id, n_parts, part_n = _TYPE_ID[1], _N_PARTS[1], _PART[1]
    sequence, size_of, copy = _SEQUENCE[1], _SEQ_SIZE[1], _SEQ_COPY[1]
    size = ctypes.c_uint()
    ref = ctypes.byref(size)
    out = []

    def line(pointer):
        seq = sequence(handle, pointer)
        if not seq or not size_of(handle, seq, ref):
            return
        coords = np.empty((size.value, 2))
        if size.value and copy(handle, seq, coords.ctypes.data, 0, 0):
            out.append(coords)

    for geometry in geometries:
        if is_empty(geometry):
            continue
        pointer = geometry._geom
        kind = type_id(handle, pointer)
        if kind == _LINESTRING:
            line(pointer)
        elif kind >= 4:                       # multi geometries and collections
            for k in range(n_parts(handle, pointer)):
                part = part_n(handle, pointer, k)
                if part and type_id(handle, part) == _LINESTRING:
                    line(part)
    return out


def _line_coordinates_shapely(geometries):
    out = []
    for geom in geometries:
        if geom is None or geom.is_empty:
            continue
        for part in (geom.geoms if hasattr(geom, 'geoms') else [geom]):
            if part.geom_type == 'LineString' and not part.is_empty:
                out.append(np.asarray(part.coords)[:, :2])
    return out


READ_WKB = '_spm_wkb'
"""Key, in a polygon's ``__dict__``, of the WKB it was read from (core/io/gdal_frames.py keeps the
2D little-endian WKB GDAL gave; the bytes GEOS would write for it): :class:`WkbWriter` returns it
instead of writing the polygon again. Polygons are immutable, so it stays true."""


class WkbWriter:
    """shapely geometries -> 2D little-endian WKB through one GEOS writer (shapely 1.8's
    ``.wkb`` makes a writer per geometry)."""

    def __init__(self):
        import shapely
        self.vectorised = hasattr(shapely, 'to_wkb')
        if self.vectorised:
            return
        from shapely.geos import lgeos
        library, handle = lgeos._lgeos, lgeos.geos_handle
        create = library['GEOSWKBWriter_create_r']
        create.restype, create.argtypes = ctypes.c_void_p, [ctypes.c_void_p]
        self._destroy = library['GEOSWKBWriter_destroy_r']
        self._destroy.restype, self._destroy.argtypes = None, [ctypes.c_void_p, ctypes.c_void_p]
        setter = library['GEOSWKBWriter_setByteOrder_r']
        setter.restype, setter.argtypes = None, [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int]
        self._write = library['GEOSWKBWriter_write_r']
        self._write.restype = ctypes.POINTER(ctypes.c_ubyte)
        self._write.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p,
                                ctypes.POINTER(ctypes.c_size_t)]
        self._free = library['GEOSFree_r']
        self._free.restype, self._free.argtypes = None, [ctypes.c_void_p, ctypes.c_void_p]
        self._handle = handle
        self._writer = create(handle)
        setter(handle, self._writer, 1)          # little endian (NDR)

    def __del__(self):
        if not getattr(self, 'vectorised', True) and self._writer:
            self._destroy(self._handle, self._writer)
            self._writer = None

    def many(self, geometries):
        """WKB of each geometry (None for None)."""
        if self.vectorised:
            import shapely
            return list(shapely.to_wkb(np.array(geometries, dtype=object), output_dimension=2))
        size = ctypes.c_size_t()
        ref = ctypes.byref(size)
        write, free, handle, writer = self._write, self._free, self._handle, self._writer
        string_at = ctypes.string_at
        out = []
        for geometry in geometries:
            if geometry is None:
                out.append(None)
                continue
            known = geometry.__dict__.get(READ_WKB)
            if known is not None:
                out.append(known)
                continue
            pointer = write(handle, writer, geometry._geom, ref)
            out.append(string_at(pointer, size.value))
            free(handle, pointer)
        return out


def polygonal(geometry):
    """The polygon parts of a geometry (Polygon or MultiPolygon), or None when it has none."""
    if is_empty(geometry):
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


def repair(geometries, labels=None, canceled=None, checked=False):
    """Make every polygon valid; return ``(geometries, report)``.

    ``report`` is a list of ``(position, label, message)``, one per feature that was repaired
    (self-intersections, bow-ties: ``make_valid`` keeps all the area) or that has no usable
    polygon (missing, empty, or nothing polygonal left) — those come back as None and the
    callers report them as skipped. ``labels[i]`` names feature i in the messages (its fid).
    ``checked``: the polygons were validated as they were read (bridge/frames.py validates every
    polygon layer it reads), so validity is not tested again.
    """
    out = list(geometries)
    report = []
    for i, geometry in enumerate(out):
        if canceled is not None and i % 5000 == 0 and canceled():
            raise Canceled(translate('spm', 'canceled'))
        label = labels[i] if labels is not None else i
        if is_empty(geometry):
            out[i] = None
            report.append((i, label, translate('spm', 'no geometry; skipped')))
            continue
        if checked or is_valid(geometry):
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
