"""A GDAL vector layer <-> GeoDataFrame, with GDAL, numpy and shapely only (no QGIS).

Reading goes through GDAL 3.6's ``Layer.GetArrowStreamAsNumPy``: one numpy array per column and
batch, the geometries as WKB. The WKB is parsed by GEOS through one reused reader and wrapped in
shapely objects without shapely 1.8's per-object overhead (``shapely.wkb.loads`` costs twice as
much). Attributes come back as bridge/frames.py reads them through QGIS: integers int64 (Int64
with nulls), reals float64 (NaN for null), text and dates as Python objects (None for null); the
index holds the feature ids (``fid``).

Geometries GEOS cannot read as they are (curves, M values, another dimension than the layer's)
and invalid polygons go to ``repair(fid, wkb)``, the caller's repair function (bridge/frames.py
passes its own, so both paths give the same repaired geometries and notes); the default one,
:func:`repair_wkb`, uses OGR (curves linearized, M dropped) and ``make_valid``.

Writing creates a GeoPackage or FlatGeobuf layer and adds the rows in large transactions.
"""

import ctypes
import os

import numpy as np
import pandas as pd

from ..errors import Canceled, InputError
from ..i18n import translate
from ..landuse.geometry import READ_WKB

BATCH = 65536            # features per Arrow batch
TRANSACTION = 200_000    # features per write transaction

POINT, LINE, POLYGON = 'point', 'line', 'polygon'
_BASE = {POINT: (1, 4), LINE: (2, 5), POLYGON: (3, 6)}
_NAMES = {1: 'Point', 2: 'LineString', 3: 'Polygon', 4: 'MultiPoint', 5: 'MultiLineString',
          6: 'MultiPolygon', 7: 'GeometryCollection'}


class Unsupported(Exception):
    """The layer holds something the fast reader does not read as QGIS would (a field type);
    the caller reads it another way."""


def _gdal():
    from osgeo import gdal, ogr, osr
    gdal.UseExceptions()
    ogr.UseExceptions()
    osr.UseExceptions()
    return gdal, ogr, osr


# --- GEOS: WKB -> shapely, fast ------------------------------------------------------------

class _Parser:
    """WKB -> shapely geometry through one GEOS WKB reader (shapely 1.8) or shapely 2."""

    def __init__(self):
        import shapely
        self.vectorised = hasattr(shapely, 'from_wkb')
        if self.vectorised:
            return
        from shapely import geometry
        from shapely.geos import WKBReader, lgeos
        self._reader = WKBReader(lgeos)          # kept: it owns the GEOS reader
        function = lgeos._lgeos['GEOSWKBReader_read_r']   # a private handle, prototypes untouched
        function.restype = ctypes.c_void_p
        function.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
        self._read, self._handle = function, lgeos.geos_handle
        self._classes = {code: getattr(geometry, name) for code, name in _NAMES.items()}

    def __call__(self, blob, code, z):
        """The shapely geometry of ``blob`` (ISO type ``code`` 1–7, ``z``) or None (refused)."""
        pointer = self._read(self._handle, self._reader._reader, blob, len(blob))
        if not pointer:
            return None
        shape = object.__new__(self._classes[code])
        shape.__dict__.update({'__geom__': pointer, '__p__': None, '_ndim': 3 if z else 2,
                               '_is_empty': False})
        if not z and code in (3, 6) and blob[0] == 1:   # what GEOS would write: kept for writing
            shape.__dict__[READ_WKB] = bytes(blob)
        return shape



def _type_codes(blobs):
    """(ISO base code 1–7 or 0 when not simple, has Z, readable as it is) of each WKB blob."""
    codes = np.zeros(len(blobs), dtype=np.int64)
    for i, blob in enumerate(blobs):
        if blob is not None and len(blob) >= 5:
            codes[i] = int.from_bytes(blob[1:5], 'little' if blob[0] == 1 else 'big')
    flags = codes & 0xF0000000          # EWKB flags (Z 0x80000000, M 0x40000000, SRID 0x20000000)
    iso = codes & 0x0FFFFFFF
    base = iso % 1000
    family = iso // 1000                # 0 XY, 1 Z, 2 M, 3 ZM
    z = (family == 1) | (family == 3) | ((flags & 0x80000000) != 0)
    plain = (flags & 0x60000000 == 0) & (base >= 1) & (base <= 7)   # M is dropped by GEOS
    return base, z, plain


def _blobs(column):
    """The WKB blobs of an Arrow geometry column (masked = None; fixed-width ``|V`` arrays too)."""
    mask = np.ma.getmaskarray(column) if np.ma.isMaskedArray(column) else None
    data = np.ma.getdata(column)
    if data.dtype.kind == 'V':
        size = data.dtype.itemsize
        buffer = data.tobytes()
        blobs = [buffer[k:k + size] for k in range(0, len(buffer), size)]
    else:
        blobs = list(data)
    if mask is not None and mask.any():
        for k in np.flatnonzero(mask):
            blobs[k] = None
    return blobs


def _multi_wkb(blob, code):
    """The WKB of a single geometry promoted to its multi type (one part)."""
    order = 'little' if blob[0] == 1 else 'big'
    kind = int.from_bytes(blob[1:5], order)
    return bytes(blob[:1]) + (kind + 3).to_bytes(4, order) + (1).to_bytes(4, order) + bytes(blob)


# --- the default repair (no QGIS) ----------------------------------------------------------

def repair_wkb(blob, dimension, notes, fid):
    """A shapely geometry of ``dimension`` from a WKB GEOS refused or that is invalid: curves
    linearized and M dropped by OGR, parts of another dimension dropped, polygons made valid.
    Appends ``(fid, action, reasons)`` to ``notes``; returns None when nothing is left."""
    from shapely import wkb as shapely_wkb
    from shapely.validation import make_valid
    from ..landuse.geometry import polygonal
    _, ogr, _ = _gdal()
    reasons = []
    try:
        geometry = ogr.CreateGeometryFromWkb(bytes(blob))
        if geometry.HasCurveGeometry():
            geometry = geometry.GetLinearGeometry()
            reasons.append('curves segmentized')
        geometry.SetMeasured(False)
        shape = shapely_wkb.loads(bytes(geometry.ExportToIsoWkb()))
        if dimension == POLYGON:
            if not shape.is_valid:
                reasons.append('invalid polygon made valid')
                shape = make_valid(shape)
            shape = polygonal(shape)
    except Exception as error:                     # noqa: BLE001 (listed, never a traceback)
        shape = None
        reasons.append(f'unreadable geometry ({error})')
    if shape is not None and shape.is_empty:
        shape = None
    notes.append((fid, 'skipped' if shape is None else 'repaired', tuple(reasons)))
    return shape


# --- reading -------------------------------------------------------------------------------

_INTEGER, _REAL, _TEXT, _DATE = 'integer', 'real', 'text', 'date'


def _kind(field_defn, ogr):
    kind, subtype = field_defn.GetType(), field_defn.GetSubType()
    if kind in (ogr.OFTInteger, ogr.OFTInteger64) and subtype == ogr.OFSTNone:
        return _INTEGER
    if kind == ogr.OFTReal:
        return _REAL
    if kind == ogr.OFTString:
        return _TEXT
    if kind == ogr.OFTDate:
        return _DATE
    raise Unsupported(f'field {field_defn.GetName()} of type {field_defn.GetTypeName()}')


def _column(parts, kind):
    """One frame column from its Arrow batches, typed as bridge/frames.py types it."""
    if not parts:
        return (np.empty(0, dtype=np.int64) if kind == _INTEGER else
                np.empty(0, dtype=np.float64) if kind == _REAL else pd.array([], dtype=object))
    data = np.ma.concatenate(parts) if any(np.ma.isMaskedArray(p) for p in parts) else np.concatenate(parts)
    mask = np.ma.getmaskarray(data) if np.ma.isMaskedArray(data) else np.zeros(len(data), bool)
    values = np.ma.getdata(data)
    if kind == _INTEGER:
        values = values.astype(np.int64)
        if mask.any():
            return pd.arrays.IntegerArray(values, mask)
        return values
    if kind == _REAL:
        values = values.astype(np.float64)
        values[mask] = np.nan
        return values
    if kind == _TEXT:
        out = [b.decode('utf-8', 'replace') for b in values.tolist()]
    else:
        out = values.astype('datetime64[D]').astype(object).tolist()
    for k in np.flatnonzero(mask):
        out[k] = None
    return pd.array(out, dtype=object)


def layer_crs(layer):
    """'EPSG:n' when the layer's SRS has an EPSG code, its WKT otherwise, or None."""
    srs = layer.GetSpatialRef()
    if srs is None:
        return None
    if srs.GetAuthorityName(None) == 'EPSG' and srs.GetAuthorityCode(None):
        return 'EPSG:' + srs.GetAuthorityCode(None)
    return srs.ExportToWkt()


def _open(path, layer, open_options=()):
    """(dataset, layer) of ``path`` (name or index; default the first layer)."""
    gdal, _, _ = _gdal()
    try:
        dataset = gdal.OpenEx(os.fspath(path), gdal.OF_VECTOR, open_options=list(open_options))
        source = dataset.GetLayer(layer if layer is not None else 0)
    except RuntimeError as error:
        raise InputError(translate('spm', 'Cannot read {path}: {error}').format(path=path, error=error)) from error
    if source is None:
        raise InputError(translate('spm', 'Cannot read {path}: no layer {layer}').format(path=path, layer=layer))
    return dataset, source


def layer_info(path, layer=None):
    """What a layer is, without reading its features: ``{'name', 'count', 'extent' (xmin, ymin,
    xmax, ymax; None when empty), 'crs' (:func:`layer_crs`), 'fields' ({name: OGR type name},
    without the fid column)}``."""
    dataset, source = _open(path, layer)  # noqa: F841 (the dataset owns the layer)
    defn = source.GetLayerDefn()
    count = source.GetFeatureCount()
    extent = None
    if count:
        xmin, xmax, ymin, ymax = source.GetExtent(force=1)
        extent = (xmin, ymin, xmax, ymax)
    return {'name': source.GetName(), 'count': count, 'extent': extent, 'crs': layer_crs(source),
            'fields': {defn.GetFieldDefn(k).GetName(): defn.GetFieldDefn(k).GetTypeName()
                       for k in range(defn.GetFieldCount())}}


def count_in(path, layer, bbox):
    """Features of the layer whose bounding box meets ``bbox`` (the spatial index of a
    GeoPackage answers; no geometry is read)."""
    dataset, source = _open(path, layer)  # noqa: F841
    source.SetSpatialFilterRect(*bbox)
    return source.GetFeatureCount()


def dimension_of(geometry_type):
    """POINT, LINE, POLYGON or None (mixed, unknown, none) of an OGR geometry type."""
    _, ogr, _ = _gdal()
    flat = ogr.GT_Flatten(ogr.GT_GetLinear(geometry_type))
    for dimension, (single, multi) in _BASE.items():
        if flat in (single, multi):
            return dimension
    return None


def read_frame(path, layer=None, fields=None, where=None, bbox=None, fids=None,
               with_geometry=True, dimension=None, multi=None, check_valid=True, repair=None,
               canceled=None, open_options=()):
    """A GDAL vector layer as a GeoDataFrame (a DataFrame without ``with_geometry``).

    ``layer``: name or index (default the first); ``fields``: names to read, in order (default
    all; the GeoPackage's fid column gives the feature ids); ``where``: an attribute filter (OGR
    SQL, or the driver's SQL for GeoPackage); ``bbox``: (xmin, ymin, xmax, ymax) spatial filter;
    ``fids``: keep only these feature ids. ``dimension`` (POINT/LINE/POLYGON; default the layer's)
    and ``multi`` (promote single geometries to multi; default when the layer's type is multi).
    Geometries GEOS refuses, of another type, or (``check_valid``) invalid polygons go through
    ``repair(fid, wkb)`` (default :func:`repair_wkb`, notes in ``frame.attrs['gdal_notes']``).
    ``canceled()`` is polled between batches. Raises :class:`Unsupported` for field types it does
    not read (booleans, date-times, lists, binary), :class:`InputError` when the file or layer
    cannot be opened or ``where`` is refused.
    """
    import geopandas as gpd
    _, ogr, _ = _gdal()
    dataset, source = _open(path, layer, open_options)
    defn = source.GetLayerDefn()
    fid_column = source.GetFIDColumn() or None
    available = [defn.GetFieldDefn(k).GetName() for k in range(defn.GetFieldCount())]
    names = ([fid_column] if fid_column else []) + available if fields is None else list(fields)
    kinds = {}
    for name in names:
        if name == fid_column:
            kinds[name] = 'fid'
        elif name in available:
            kinds[name] = _kind(defn.GetFieldDefn(available.index(name)), ogr)
        else:
            raise InputError(translate('spm', 'Layer {layer} has no field {field}').format(
                layer=source.GetName(), field=name))
    ignored = [n for n in available if n not in kinds]
    if not with_geometry:
        ignored.append('OGR_GEOMETRY')
    source.SetIgnoredFields(ignored + ['OGR_STYLE'])
    try:
        source.SetAttributeFilter(where or None)
    except RuntimeError as error:
        raise InputError(translate('spm', 'Layer {layer}: filter {where} refused ({error})').format(
            layer=source.GetName(), where=where, error=error)) from error
    if bbox is not None:
        source.SetSpatialFilterRect(*bbox)
    geometry_type = source.GetGeomType()
    if dimension is None:
        dimension = dimension_of(geometry_type)
    if multi is None:
        multi = ogr.GT_IsSubClassOf(ogr.GT_Flatten(geometry_type), ogr.wkbGeometryCollection) and \
            ogr.GT_Flatten(geometry_type) != ogr.wkbGeometryCollection
    geometry_name = source.GetGeometryColumn() or 'wkb_geometry'
    wanted = None if fids is None else np.unique(np.asarray(list(fids), dtype=np.int64))

    parse = _Parser()
    notes = []
    if repair is None:
        repair = lambda fid, blob: repair_wkb(blob, dimension, notes, fid)  # noqa: E731
    readable = frozenset(_BASE.get(dimension, range(1, 8)))
    ids, columns, shapes = [], {name: [] for name in names}, []
    for batch in source.GetArrowStreamAsNumPy(options=[f'MAX_FEATURES_IN_BATCH={BATCH}']):
        if canceled is not None and canceled():
            raise Canceled(translate('spm', 'canceled'))
        batch_fids = np.asarray(batch[fid_column or 'OGC_FID'], dtype=np.int64)
        keep = None if wanted is None else np.isin(batch_fids, wanted)
        take = (lambda a: a) if keep is None else (lambda a: a[keep])   # noqa: E731
        batch_fids = take(batch_fids)
        ids.append(batch_fids)
        for name in names:
            if kinds[name] != 'fid':
                columns[name].append(take(batch[name]))
        if with_geometry and geometry_type == ogr.wkbNone:
            shapes.extend([None] * len(batch_fids))
        elif with_geometry:
            blobs = _blobs(take(batch[geometry_name]))
            shapes.extend(_decode(blobs, batch_fids, parse, readable, dimension, multi,
                                  check_valid, repair))
    fid_values = np.concatenate(ids) if ids else np.empty(0, dtype=np.int64)
    data = {name: fid_values.copy() if kinds[name] == 'fid' else _column(columns[name], kinds[name])
            for name in names}
    index = pd.Index(fid_values, dtype=np.int64, name='fid')
    crs = layer_crs(source)
    del dataset                     # the layer is read: close the file
    if not with_geometry:
        return pd.DataFrame(data, index=index)
    frame = gpd.GeoDataFrame(data, geometry=geoseries(shapes, index, crs), index=index)
    frame.attrs['gdal_notes'] = notes
    return frame


def geoseries(shapes, index=None, crs=None):
    """A GeoSeries of a list of shapely geometries (or None). ``GeoSeries(list)`` makes numpy ask
    every shapely 1.8 line or point for its array interface (10 s for 200,000 lines); the
    geometries are put one by one into an object array instead."""
    import geopandas as gpd
    from geopandas import _compat
    from geopandas.array import GeometryArray
    if getattr(_compat, 'USE_PYGEOS', False):      # geopandas converts to pygeos itself
        return gpd.GeoSeries(list(shapes), index=index, crs=crs)
    array = np.empty(len(shapes), dtype=object)
    for k, shape in enumerate(shapes):
        array[k] = shape
    return gpd.GeoSeries(GeometryArray(array, crs=crs), index=index, crs=crs)


def _decode(blobs, fids, parse, readable, dimension, multi, check_valid, repair):
    """Shapely geometries of one batch's WKB blobs; the rare ones go through ``repair``."""
    from ..landuse.geometry import is_valid
    base, z, plain = _type_codes(blobs)
    direct = plain & np.isin(base, list(readable))
    promote = multi & (base >= 1) & (base <= 3)
    out = []
    polygons = dimension == POLYGON
    for k, blob in enumerate(blobs):
        if blob is None:
            out.append(None)
            continue
        shape = None
        if direct[k]:
            code = int(base[k])
            if promote[k]:
                blob, code = _multi_wkb(blob, code), code + 3
            shape = parse(blob, code, z[k])
        if shape is None or (polygons and check_valid and not is_valid(shape)):
            shape = repair(int(fids[k]), blob)
        out.append(shape)
    return out


# --- writing -------------------------------------------------------------------------------

DRIVERS = {'.gpkg': 'GPKG', '.fgb': 'FlatGeobuf'}


def ogr_field_type(series):
    """(OGR field type, subtype) for a frame column, as QGIS's writer makes them."""
    _, ogr, _ = _gdal()
    kind = series.dtype.kind
    if pd.api.types.is_bool_dtype(series):
        return ogr.OFTInteger, ogr.OFSTBoolean
    if kind in 'iu' or str(series.dtype) in ('Int64', 'Int32', 'UInt32'):
        return ogr.OFTInteger64, ogr.OFSTNone
    if kind == 'f':
        return ogr.OFTReal, ogr.OFSTNone
    if kind == 'M':
        return ogr.OFTDateTime, ogr.OFSTNone
    import datetime
    sample = next((v for v in series if v is not None and v == v), None)
    if isinstance(sample, datetime.datetime):
        return ogr.OFTDateTime, ogr.OFSTNone
    if isinstance(sample, datetime.date):
        return ogr.OFTDate, ogr.OFSTNone
    return ogr.OFTString, ogr.OFSTNone


def write_frame(frame, path, layer, geometry_type=None, crs=None, fields=None,
                layer_options=None, canceled=None, transaction=TRANSACTION, fid=None):
    """Write a (Geo)DataFrame as layer ``layer`` of a GeoPackage (new, or an existing one: the
    layer is added, or replaced) or of a new FlatGeobuf file ``path``.

    ``geometry_type``: an OGR geometry type (default: from the geometries; single geometries are
    promoted when it is a multi type); ``crs``: WKT/'EPSG:n' (default the frame's); ``fields``:
    [(name, OGR type, subtype)] (default :func:`ogr_field_type` of each column). Rows are added
    in transactions of ``transaction`` features; ``canceled()`` is polled between them. The
    index is not written: the file numbers the features, or, in a GeoPackage, ``fid`` names the
    column (of unique integers) that gives the feature ids, as QGIS's writer does with a field
    called like the fid column.
    """
    if canceled is not None and canceled():
        raise Canceled(translate('spm', 'canceled'))
    writer = LayerWriter(path, layer, frame, geometry_type, crs, fields, layer_options, fid)
    writer.append(frame, canceled, transaction)
    return writer.close()


class LayerWriter:
    """A new layer written in parts: :meth:`append` frame after frame (same columns), then
    :meth:`close`. What :func:`write_frame` does in one go; the batch engine appends each tile's
    rows as they arrive. ``like``: a frame with the columns (and geometry, if any) to write —
    the first part, or an empty frame of the same columns. ``fid``: see :func:`write_frame`."""

    def __init__(self, path, layer, like, geometry_type=None, crs=None, fields=None,
                 layer_options=None, fid=None):
        import geopandas as gpd
        gdal, ogr, osr = _gdal()
        driver = DRIVERS.get(os.path.splitext(os.fspath(path))[1].lower())
        if driver is None:
            raise InputError(translate('spm', 'Cannot write {path}: only GeoPackage and FlatGeobuf').format(path=path))
        has_geometry = isinstance(like, gpd.GeoDataFrame)
        names = [c for c in like.columns if not (has_geometry and c == like.geometry.name) and c != fid]
        if fields is None:
            fields = [(str(name),) + ogr_field_type(like[name]) for name in names]
        srs = None
        crs = crs if crs is not None else (like.crs.to_wkt() if has_geometry and like.crs else None)
        if crs:
            srs = osr.SpatialReference()
            srs.SetFromUserInput(crs)
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        if geometry_type is None:
            geometry_type = _geometry_type(like) if has_geometry else ogr.wkbNone
        has_geometry = has_geometry and geometry_type != ogr.wkbNone
        if driver == 'GPKG' and os.path.exists(path):     # another layer of the same file
            dataset = gdal.OpenEx(os.fspath(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
            for k in range(dataset.GetLayerCount()):
                if dataset.GetLayer(k).GetName() == layer:
                    dataset.DeleteLayer(k)
                    break
        else:
            dataset = gdal.GetDriverByName(driver).Create(os.fspath(path), 0, 0, 0, gdal.GDT_Unknown)
        if dataset is None:
            raise InputError(translate('spm', 'Cannot write {path}').format(path=path))
        self.direct = driver == 'GPKG' and has_geometry and not ogr.GT_HasZ(geometry_type) and \
            not ogr.GT_HasM(geometry_type) and all(
                kind in (ogr.OFTInteger64, ogr.OFTReal, ogr.OFTString) and subtype == ogr.OFSTNone
                for _, kind, subtype in fields)
        options = list(layer_options or []) + (['SPATIAL_INDEX=NO'] if self.direct else [])
        target = dataset.CreateLayer(layer, srs, geometry_type, options)
        for name, kind, subtype in fields:
            defn = ogr.FieldDefn(name, kind)
            defn.SetSubType(subtype)
            target.CreateField(defn)
        fields = [f for f in fields if f[0] != fid]
        self.path, self.names, self.count = path, [f[0] for f in fields], 0
        self.fid = fid
        self.fid_key = (target.GetFIDColumn(), fid) if fid is not None else None
        self.has_geometry, self.geometry_type = has_geometry, geometry_type
        self.table, self.geometry_column = target.GetName(), target.GetGeometryColumn()
        self.extent = None
        self.dataset, self.target = dataset, target
        if self.direct:                    # rows go in with sqlite3: GDAL lets the file go
            dataset.FlushCache()
            self.dataset = self.target = None

    def append(self, frame, canceled=None, transaction=TRANSACTION):
        """Add the rows of ``frame`` (its columns named as the first part's)."""
        if not len(frame):
            return
        if self.direct:
            extent = _insert_geopackage(self.path, self.table, self.geometry_column, frame,
                                        self.names, self.geometry_type, canceled, transaction,
                                        self.fid_key)
            if extent is not None:
                self.extent = extent if self.extent is None else (
                    min(self.extent[0], extent[0]), min(self.extent[1], extent[1]),
                    max(self.extent[2], extent[2]), max(self.extent[3], extent[3]))
        else:
            _add_rows(self.target, frame, self.names, self.has_geometry, self.geometry_type,
                      canceled, transaction, self.fid)
        self.count += len(frame)

    def close(self):
        """Finish the layer (extent, spatial index); returns the path."""
        if not self.direct:
            if self.dataset is not None:
                self.dataset.FlushCache()
            self.dataset = self.target = None
            return self.path
        gdal, _, _ = _gdal()
        if self.extent is not None:
            import sqlite3
            connection = sqlite3.connect(os.fspath(self.path))
            try:
                with connection:
                    connection.execute('UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, '
                                       'max_y = ? WHERE table_name = ?',
                                       tuple(map(float, self.extent)) + (self.table,))
            finally:
                connection.close()
        dataset = gdal.OpenEx(os.fspath(self.path), gdal.OF_VECTOR | gdal.OF_UPDATE)
        dataset.ExecuteSQL(f"SELECT CreateSpatialIndex('{self.table}', '{self.geometry_column}')")
        dataset = None
        self.direct = False                # closed
        return self.path


def _gpkg_blobs(frame, promote):
    """GeoPackage geometry blobs (header with the xy envelope, then ISO WKB) of a frame's
    2D geometries, and the frame's extent."""
    import struct
    from ..landuse.geometry import WkbWriter, bounds_array
    geometries = list(frame.geometry)
    bounds = bounds_array(geometries)
    srs_id = _srs_id
    blobs = []
    wkbs = WkbWriter().many(geometries)
    codes = _type_codes(wkbs)[0]
    pack = struct.Struct('<2sBBi4d').pack
    empty = struct.Struct('<2sBBi').pack(b'GP', 0, 0x11, srs_id)
    for k, blob in enumerate(wkbs):
        if blob is None:
            blobs.append(None)
            continue
        if promote and 1 <= codes[k] <= 3:
            blob = _multi_wkb(blob, codes[k])
        box = bounds[k]
        if np.isnan(box[0]):
            blobs.append(empty + blob)
        else:
            blobs.append(pack(b'GP', 0, 0x03, srs_id, box[0], box[2], box[1], box[3]) + blob)
    extent = (np.nanmin(bounds[:, 0]), np.nanmin(bounds[:, 1]), np.nanmax(bounds[:, 2]),
              np.nanmax(bounds[:, 3])) if len(bounds) and not np.isnan(bounds[:, 0]).all() else None
    return blobs, extent


_srs_id = 0


def _insert_geopackage(path, table, geometry_column, frame, names, geometry_type, canceled,
                       transaction, fid=None):
    """Insert the rows with sqlite3 in large transactions (GDAL 3.6 has no Arrow writer);
    returns their extent (None when no row has a geometry). ``fid``: (the table's fid column,
    the frame's column of ids), or None."""
    global _srs_id
    import sqlite3
    _, ogr, _ = _gdal()
    connection = sqlite3.connect(os.fspath(path))
    try:
        row = connection.execute('SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?',
                                 (table,)).fetchone()
        _srs_id = int(row[0]) if row else 0
        promote = ogr.GT_Flatten(geometry_type) in (ogr.wkbMultiPoint, ogr.wkbMultiLineString,
                                                    ogr.wkbMultiPolygon)
        blobs, extent = _gpkg_blobs(frame, promote)
        columns = [blobs]
        if fid is not None:          # (the table's fid column, the frame's column of ids)
            columns.append(frame[fid[1]].astype(np.int64).tolist())
        for name in names:
            series = frame[name]
            values = series.astype(object).where(series.notna(), None).tolist()
            if series.dtype == object:
                values = [v if v is None or isinstance(v, str) else str(v) for v in values]
            columns.append(values)
        keys = [geometry_column] + ([fid[0]] if fid is not None else []) + names
        quoted = ', '.join('"{}"'.format(n.replace('"', '""')) for n in keys)
        sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
            table.replace('"', '""'), quoted, ', '.join('?' * len(keys)))
        rows = list(zip(*columns))
        connection.execute('PRAGMA synchronous = OFF')
        for start in range(0, len(rows), transaction):
            if canceled is not None and canceled():
                raise Canceled(translate('spm', 'canceled'))
            with connection:
                connection.executemany(sql, rows[start:start + transaction])
    finally:
        connection.close()
    return extent


def _geometry_type(frame):
    _, ogr, _ = _gdal()
    names = set(frame.geometry.dropna().geom_type.unique())
    bases = {n.replace('Multi', '') for n in names}
    if len(bases) != 1:
        return ogr.wkbUnknown
    name = ('Multi' if any(n.startswith('Multi') for n in names) else '') + bases.pop()
    kind = {v: k for k, v in _NAMES.items()}[name]
    return ogr.GT_SetZ(kind) if bool(frame.geometry.dropna().has_z.any()) else kind


def _add_rows(target, frame, names, has_geometry, geometry_type, canceled, transaction, fid=None):
    _, ogr, _ = _gdal()
    defn = target.GetLayerDefn()
    columns = []
    for name in names:
        series = frame[name]
        values = series.astype(object).where(series.notna(), None).tolist()
        index = defn.GetFieldIndex(name)
        kind = defn.GetFieldDefn(index).GetType()
        if kind == ogr.OFTDateTime:
            values = [None if v is None else pd.Timestamp(v).strftime('%Y/%m/%d %H:%M:%S') for v in values]
        elif kind == ogr.OFTDate:
            values = [None if v is None else v.strftime('%Y/%m/%d') for v in values]
        columns.append((index, values))
    promote = ogr.GT_Flatten(geometry_type) in (ogr.wkbMultiPoint, ogr.wkbMultiLineString, ogr.wkbMultiPolygon)
    blobs = list(frame.geometry.to_wkb()) if has_geometry and len(frame) else [None] * len(frame)
    create = ogr.CreateGeometryFromWkb
    force = {ogr.wkbMultiPolygon: ogr.ForceToMultiPolygon, ogr.wkbMultiLineString: ogr.ForceToMultiLineString,
             ogr.wkbMultiPoint: ogr.ForceToMultiPoint}.get(ogr.GT_Flatten(geometry_type))
    ids = None if fid is None else frame[fid].astype(np.int64).tolist()
    for start in range(0, len(frame), transaction):
        if canceled is not None and canceled():
            raise Canceled(translate('spm', 'canceled'))
        target.StartTransaction()
        for row in range(start, min(start + transaction, len(frame))):
            feature = ogr.Feature(defn)
            if ids is not None:
                feature.SetFID(ids[row])
            for index, values in columns:
                value = values[row]
                if value is None:
                    feature.SetFieldNull(index)
                else:
                    feature.SetField(index, value)
            blob = blobs[row]
            if blob is not None:
                geometry = create(blob)
                if promote and force is not None and ogr.GT_Flatten(geometry.GetGeometryType()) < 4:
                    geometry = force(geometry)
                feature.SetGeometryDirectly(geometry)
            target.CreateFeature(feature)
        target.CommitTransaction()
