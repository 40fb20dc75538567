"""The one place that converts QGIS vector layers/sources to GeoDataFrames and back.

Geometries cross as WKB (one C++ export and one GEOS parse per feature, no Python geometry walk),
attributes as plain Python values column by column. Field names and values (Chinese included),
field types, the CRS and the geometry type survive a round trip.

Every geometry QGIS can hold is read. Those GEOS cannot parse as they are, or that are not of the
layer's dimension, take a slow path (:func:`_rebuild`): curves are segmentized, M values dropped
(Z kept), rings closed, rings of fewer than 4 points and empty parts dropped, parts of another
dimension (in geometry collections) dropped, and what remains made valid. What was repaired and
what was skipped (no geometry left: the feature's geometry becomes None) is listed once per
feature in ``frame.attrs['spm_geometry_notes']`` (:class:`GeometryNote`);
:func:`describe_notes` words them for the log.
"""

import collections
import contextlib
import datetime
import logging
import os

import geopandas as gpd
import numpy as np
import pandas as pd
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsGeometryCollection,
    QgsProcessingFeatureSourceDefinition,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from shapely import wkb as shapely_wkb
from shapely.geometry import GeometryCollection, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon
from shapely.validation import explain_validity, make_valid

from ..core.errors import Canceled, InputError
from ..core.io import gdal_frames
from ..core.i18n import translate
from ..core.landuse.geometry import is_valid, polygonal
from ..compat import FeatureRequestFlag, FieldType, GeometryType, WkbType

_INT_TYPES = (FieldType.Int, FieldType.UInt, FieldType.LongLong, FieldType.ULongLong)
_FLOAT_TYPES = (FieldType.Double,)

_WKB_BY_NAME = {
    'Point': WkbType.Point,
    'MultiPoint': WkbType.MultiPoint,
    'LineString': WkbType.LineString,
    'MultiLineString': WkbType.MultiLineString,
    'Polygon': WkbType.Polygon,
    'MultiPolygon': WkbType.MultiPolygon,
}


# --- CRS -------------------------------------------------------------------------------------

def crs_to_frame(crs):
    """A CRS for geopandas (``'EPSG:4528'`` when QGIS knows the code, WKT otherwise, or None)."""
    if crs is None or not crs.isValid():
        return None
    authid = crs.authid()
    if authid.upper().startswith('EPSG:'):
        return authid
    return crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED)


def crs_from_frame(frame_crs):
    """The QgsCoordinateReferenceSystem of a geopandas/pyproj CRS (invalid when None)."""
    if frame_crs is None:
        return QgsCoordinateReferenceSystem()
    epsg = frame_crs.to_epsg(min_confidence=100) if hasattr(frame_crs, 'to_epsg') else None
    if epsg:
        return QgsCoordinateReferenceSystem(f'EPSG:{epsg}')
    return QgsCoordinateReferenceSystem.fromWkt(frame_crs.to_wkt())


# --- QGIS -> GeoDataFrame --------------------------------------------------------------------

def _python_value(value):
    """Plain Python for a QGIS attribute value (NULL -> None, QDate -> date ...)."""
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QTime):
        return value.toPyTime() if value.isValid() else None
    return value


def _column(values, field):
    """A pandas column with a dtype that matches the QGIS field type."""
    if any(isinstance(v, (QVariant, QDate, QDateTime, QTime)) for v in values):
        values = [_python_value(v) for v in values]
    if field.type() in _INT_TYPES:
        if any(v is None for v in values):
            return pd.array(values, dtype='Int64')
        return np.asarray(values, dtype=np.int64)
    if field.type() in _FLOAT_TYPES:
        return np.asarray([np.nan if v is None else v for v in values], dtype=np.float64)
    return pd.array(values, dtype=object)


def source_to_frame(source, fields=None, request=None, feedback=None, with_geometry=True,
                    origin=None):
    """Read a QgsFeatureSource or QgsVectorLayer into a GeoDataFrame.

    ``fields``: names to read (default all); ``request``: an extra QgsFeatureRequest (filter,
    extent). The index holds the feature ids; the CRS is the source's. Geometries that needed
    repair or were skipped are listed in ``frame.attrs['spm_geometry_notes']`` (empty list when
    none). ``origin`` (:func:`file_origin`) or a file-backed QgsVectorLayer as ``source`` lets
    GDAL read the file directly (:func:`_read_with_gdal`); the frame is the same.
    """
    all_fields = source.fields()
    names = list(all_fields.names()) if fields is None else list(fields)
    if origin is None and isinstance(source, QgsVectorLayer):
        origin = file_origin(source)
    if origin and _plain(request, source):
        frame = _read_with_gdal(origin, source, names, with_geometry, feedback)
        if frame is not None:
            return frame
    indices = [all_fields.indexOf(n) for n in names]
    request = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
    request.setSubsetOfAttributes(indices)
    if not with_geometry:
        request.setFlags(request.flags() | FeatureRequestFlag.NoGeometry)
    with _quiet_geos():
        ids, rows, shapes, notes = _read(source, request, indices, with_geometry, feedback)

    columns = list(zip(*rows)) if rows else [[] for _ in names]
    data = {name: _column(list(col), all_fields.field(idx))
            for name, idx, col in zip(names, indices, columns)}
    index = pd.Index(ids, dtype=np.int64, name='fid')
    if not with_geometry:
        return pd.DataFrame(data, index=index)
    geometry = gdal_frames.geoseries(shapes, index, crs_to_frame(source.sourceCrs()))
    frame = gpd.GeoDataFrame(data, geometry=geometry, index=index)
    frame.attrs[NOTES] = notes
    return frame


# --- the fast path: files GDAL reads as QGIS does -------------------------------------------

FileOrigin = collections.namedtuple('FileOrigin', 'path layer subset fids strict')
FileOrigin.__doc__ = """A layer's file for GDAL: ``path``, ``layer`` (name, index or None),
``subset`` (the layer's subset string, an attribute filter), ``fids`` (the selection, or None for
all) and ``strict``: a geometry check is on (invalid geometries skipped or refused by QGIS), so a
feature that needs repair sends the whole read back to QGIS."""

_GDAL_FILES = ('.gpkg', '.shp', '.fgb')
_UTF8 = ('utf-8', 'utf8', '65001')


class _Fallback(Exception):
    """The file holds something only QGIS reads as QGIS does."""


def file_origin(layer, selected_only=False, check=QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck, limit=-1):
    """The :class:`FileOrigin` of a QgsVectorLayer GDAL can read directly (a GeoPackage,
    FlatGeobuf or UTF-8 shapefile, without an SQL query as subset), or None."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid() or layer.providerType() != 'ogr' \
            or limit not in (None, -1) or (selected_only and layer.selectedFeatureCount() == 0):
        return None
    parts = QgsProviderRegistry.instance().decodeUri('ogr', layer.source())
    path = parts.get('path') or ''
    extension = os.path.splitext(path)[1].lower()
    if extension not in _GDAL_FILES or not os.path.isfile(path) or \
            set(parts) - {'path', 'layerName', 'layerId', 'subset'}:
        return None
    subset = layer.subsetString().strip()
    if subset.lower().startswith('select'):
        return None
    if extension == '.shp':
        cpg = os.path.splitext(path)[0] + '.cpg'
        declared = open(cpg, encoding='ascii', errors='replace').read().strip().lower() \
            if os.path.isfile(cpg) else ''
        if declared not in _UTF8 or layer.dataProvider().encoding().lower() not in _UTF8:
            return None
    name = parts.get('layerName') or parts.get('layerId') or 0    # QGIS opens the first one
    fids = sorted(layer.selectedFeatureIds()) if selected_only else None
    return FileOrigin(path, name, subset or None, fids, check != QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)


def parameter_origin(value, layer, context):
    """The :class:`FileOrigin` of a source parameter's ``value`` read through ``layer`` (the
    layer it names) in ``context``: its selection, feature limit and geometry check honoured."""
    check, selected, limit = context.invalidGeometryCheck(), False, -1
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        selected, limit = value.selectedFeaturesOnly, value.featureLimit
        if value.flags & QgsProcessingFeatureSourceDefinition.Flag.FlagOverrideDefaultGeometryCheck:
            check = value.geometryCheck
    return file_origin(layer, selected, check, limit)


def _plain(request, source):
    """True when ``request`` asks nothing GDAL would not do (no filter, no reprojection)."""
    if request is None:
        return True
    crs = request.destinationCrs()
    return request.filterType() == QgsFeatureRequest.FilterType.FilterNone and request.filterRect().isNull() \
        and request.limit() == -1 and (not crs.isValid() or crs == source.sourceCrs()) \
        and request.invalidGeometryCheck() == QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck


_DIMENSIONS = {GeometryType.Point: gdal_frames.POINT, GeometryType.Line: gdal_frames.LINE,
               GeometryType.Polygon: gdal_frames.POLYGON}


def _read_with_gdal(origin, source, names, with_geometry, feedback):
    """The frame :func:`source_to_frame` reads through QGIS, read by GDAL (core/io), or None when
    only QGIS can read it: a field type GDAL gives otherwise, or a geometry that needs repair while
    a geometry check is on. Rare geometries go through :func:`_rebuild`, as on QGIS's path."""
    wkb_type = source.wkbType()
    dimension = QgsWkbTypes.geometryType(wkb_type)
    multi = QgsWkbTypes.isMultiType(wkb_type)
    notes = []

    def repair(fid, blob):
        if origin.strict:
            raise _Fallback()
        geometry = QgsGeometry()
        geometry.fromWkb(blob)
        if multi:
            geometry.convertToMultiType()
        return _rebuild(geometry, dimension, fid, notes)

    try:
        with _quiet_geos():
            frame = gdal_frames.read_frame(
                origin.path, origin.layer, fields=names, where=origin.subset, fids=origin.fids,
                with_geometry=with_geometry, dimension=_DIMENSIONS.get(dimension), multi=multi,
                check_valid=True, repair=repair,
                canceled=feedback.isCanceled if feedback is not None else None)
    except (gdal_frames.Unsupported, _Fallback, InputError):
        return None
    if not with_geometry:
        return frame
    crs = crs_to_frame(source.sourceCrs())
    if crs is not None:
        frame = frame.set_crs(crs, allow_override=True)
    frame.attrs = {NOTES: notes}
    return frame


def _read(source, request, indices, with_geometry, feedback):
    """(ids, attribute rows, shapely geometries, notes) of the features of ``request``.

    Fast path: one WKB export and one GEOS parse per feature (plus a validity check for
    polygons); what GEOS refuses, what is of another type and invalid polygons take the slow path.
    """
    wkb_type = source.wkbType() if hasattr(source, 'wkbType') else WkbType.Unknown  # duck-typed sources
    dimension = QgsWkbTypes.geometryType(wkb_type)
    readable = _readable_codes(dimension)
    polygons = dimension == GeometryType.Polygon
    total = source.featureCount()
    step = 100.0 / total if total and total > 0 else 0
    ids, rows, shapes, notes = [], [], [], []
    for n, feature in enumerate(source.getFeatures(request)):
        if feedback is not None and n % 1000 == 0:
            if feedback.isCanceled():
                raise Canceled('canceled')
            feedback.setProgress(n * step)
        ids.append(feature.id())
        attributes = feature.attributes()
        rows.append([attributes[i] for i in indices])
        if not with_geometry:
            continue
        geometry = feature.geometry()
        shape = None
        if not geometry.isNull():
            blob = bytes(geometry.asWkb())
            if int.from_bytes(blob[1:5], 'little' if blob[0] == 1 else 'big') in readable:
                try:
                    shape = shapely_wkb.loads(blob)
                except Exception:                  # noqa: BLE001 (GEOS refuses it: slow path)
                    shape = None
            if shape is None or (polygons and not is_valid(shape)):
                shape = _rebuild(geometry, dimension, feature.id(), notes)
        shapes.append(shape)
    return ids, rows, shapes, notes


# --- geometries GEOS cannot read as they are --------------------------------------------------

NOTES = 'spm_geometry_notes'
REPAIRED, SKIPPED = 'repaired', 'skipped'
GeometryNote = collections.namedtuple('GeometryNote', 'fid action reasons x y')
GeometryNote.__doc__ = """What was done to one feature's geometry: ``action`` REPAIRED or SKIPPED (no
geometry left: None in the frame), ``reasons`` (texts), and ``x``, ``y``: the mean of its distinct
vertices, in the frame's CRS (the location of a skipped one; NaN when it has no vertex)."""

_BASE_CODES = {GeometryType.Point: (1, 4), GeometryType.Line: (2, 5),
               GeometryType.Polygon: (3, 6)}


@contextlib.contextmanager
def _quiet_geos():
    """Silence shapely's log of GEOS errors while reading: refusals are handled and listed."""
    logger = logging.getLogger('shapely.geos')
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _readable_codes(dimension):
    """ISO WKB type codes GEOS reads as they are for a layer of ``dimension`` (Z kept, M dropped)."""
    base = _BASE_CODES.get(dimension, (1, 2, 3, 4, 5, 6, 7))
    return frozenset(code + offset for code in base for offset in (0, 1000, 2000, 3000))


def _leaves(abstract):
    """The points, curves and surfaces of a QGIS geometry (collections opened, recursively)."""
    if isinstance(abstract, QgsGeometryCollection):
        for i in range(abstract.numGeometries()):
            yield from _leaves(abstract.geometryN(i))
    else:
        yield abstract


def _coordinates(curve, z):
    return [(p.x(), p.y(), p.z()) if z else (p.x(), p.y()) for p in curve.points()]


def _distinct(coordinates):
    return {c[:2] for c in coordinates}


def _polygon(surface, z, reasons):
    """A shapely Polygon of a QGIS (curve) polygon: rings closed, short rings dropped; or None."""
    kept = []
    for position, ring in enumerate(_rings_of(surface)):
        coordinates = _coordinates(ring, z)
        if len(_distinct(coordinates)) < 3:
            reasons.add(translate('spm', 'ring with fewer than 4 points (no area) dropped'))
            if position == 0:
                return None
            continue
        if coordinates[0][:2] != coordinates[-1][:2]:
            reasons.add(translate('spm', 'unclosed ring closed'))
            coordinates.append(coordinates[0])
        kept.append(coordinates)
    return Polygon(kept[0], kept[1:]) if kept else None


def _parts(abstract, z, reasons):
    """{dimension: [shapely parts]} of a segmentized QGIS geometry; (parts, all vertices)."""
    parts = {GeometryType.Point: [], GeometryType.Line: [], GeometryType.Polygon: []}
    vertices = []
    for leaf in _leaves(abstract):
        kind = QgsWkbTypes.geometryType(leaf.wkbType())
        if leaf.isEmpty():
            reasons.add(translate('spm', 'empty parts dropped'))
        elif kind == GeometryType.Point:
            vertices.append((leaf.x(), leaf.y()))
            parts[kind].append(Point((leaf.x(), leaf.y(), leaf.z()) if z else (leaf.x(), leaf.y())))
        elif kind == GeometryType.Line:
            coordinates = _coordinates(leaf, z)
            vertices.extend(c[:2] for c in coordinates)
            if len(_distinct(coordinates)) < 2:
                reasons.add(translate('spm', 'line of fewer than 2 distinct points dropped'))
            else:
                parts[kind].append(LineString(coordinates))
        elif kind == GeometryType.Polygon:
            vertices.extend((p.x(), p.y()) for ring in _rings_of(leaf) for p in ring.points())
            polygon = _polygon(leaf, z, reasons)
            if polygon is not None:
                parts[kind].append(polygon)
    return parts, vertices


def _rings_of(surface):
    rings = [surface.exteriorRing()] + [surface.interiorRing(i) for i in range(surface.numInteriorRings())]
    return [ring for ring in rings if ring is not None]


_MULTI = {GeometryType.Point: MultiPoint, GeometryType.Line: MultiLineString,
          GeometryType.Polygon: MultiPolygon}


def _assemble(parts, dimension, multi, reasons):
    """One shapely geometry of the layer's dimension from ``parts`` (None when none is left)."""
    if dimension not in _MULTI:                     # a layer of mixed or unknown type
        found = [kind for kind in _MULTI if parts[kind]]
        if len(found) > 1:
            return GeometryCollection([p for kind in found for p in parts[kind]])
        if not found:
            return None
        dimension = found[0]
    if any(parts[kind] for kind in _MULTI if kind != dimension):
        reasons.add(translate('spm', 'parts of another geometry type dropped'))
    kept = parts[dimension]
    if not kept:
        return None
    shape = _MULTI[dimension](kept) if multi or len(kept) > 1 else kept[0]
    if dimension == GeometryType.Polygon and not is_valid(shape):
        reason = explain_validity(shape).split('[')[0].strip()
        shape = polygonal(make_valid(shape))
        reasons.add(translate('spm', 'invalid polygon made valid ({reason})').format(reason=reason))
        if shape is not None and multi and not isinstance(shape, MultiPolygon):
            shape = MultiPolygon([shape])
    return shape


def _rebuild(geometry, dimension, fid, notes):
    """The shapely geometry of a QgsGeometry GEOS cannot read as it is (see the module's doc).

    Appends one :class:`GeometryNote` for the feature to ``notes``; returns None when nothing of
    the layer's dimension is left.
    """
    reasons = set()
    abstract = geometry.constGet()
    if abstract.hasCurvedSegments():
        abstract = abstract.segmentize()
        reasons.add(translate('spm', 'curves segmentized'))
    z = QgsWkbTypes.hasZ(abstract.wkbType())
    try:
        parts, vertices = _parts(abstract, z, reasons)
        shape = _assemble(parts, dimension, QgsWkbTypes.isMultiType(geometry.wkbType()), reasons)
    except Exception as error:                     # noqa: BLE001 (listed, never a traceback)
        shape, vertices = None, []
        reasons.add(translate('spm', 'unreadable geometry ({error})').format(error=error))
    if shape is not None and shape.is_empty:
        shape = None
    if shape is None and not reasons:
        reasons.add(translate('spm', 'empty geometry'))
    if not reasons:
        reasons.add(translate('spm', 'read from its vertices'))
    x, y = np.mean(sorted(_distinct(vertices)), axis=0) if vertices else (np.nan, np.nan)
    notes.append(GeometryNote(fid, SKIPPED if shape is None else REPAIRED, tuple(sorted(reasons)),
                              float(x), float(y)))
    return shape


def describe_notes(notes, layer, limit=20):
    """One log message naming, by feature id, what was repaired and what was skipped and why
    ('' when ``notes`` is empty)."""
    if not notes:
        return ''
    groups = collections.defaultdict(list)
    for note in notes:
        groups[(note.action, '; '.join(note.reasons))].append(str(note.fid))
    lines = []
    for action, label in ((SKIPPED, translate('spm', 'skipped (read without geometry)')),
                          (REPAIRED, translate('spm', 'repaired'))):
        for (kind, reasons), fids in sorted(groups.items()):
            if kind != action:
                continue
            shown = ', '.join(fids[:limit]) + (translate('spm', ' and {n} more').format(
                n=len(fids) - limit) if len(fids) > limit else '')
            text = (translate('spm', '{n} {label}, {reasons}: feature {fids}') if len(fids) == 1 else
                    translate('spm', '{n} {label}, {reasons}: features {fids}'))
            lines.append(text.format(n=len(fids), label=label, reasons=reasons, fids=shown))
    return translate('spm', 'Layer “{layer}”: {n} geometries needed care. {details}.').format(
        layer=layer, n=len(notes), details='. '.join(lines))


# --- GeoDataFrame -> QGIS --------------------------------------------------------------------

def _field_for(name, series):
    kind = series.dtype.kind
    if pd.api.types.is_bool_dtype(series):
        return QgsField(name, FieldType.Bool)
    if kind in 'iu' or str(series.dtype) in ('Int64', 'Int32', 'UInt32'):
        return QgsField(name, FieldType.LongLong)
    if kind == 'f':
        return QgsField(name, FieldType.Double)
    if kind == 'M':
        return QgsField(name, FieldType.DateTime)
    sample = next((v for v in series if v is not None and v == v), None)
    if isinstance(sample, datetime.datetime):
        return QgsField(name, FieldType.DateTime)
    if isinstance(sample, datetime.date):
        return QgsField(name, FieldType.Date)
    return QgsField(name, FieldType.String)


def fields_for_frame(frame):
    """QgsFields matching the frame's attribute columns (geometry column excluded)."""
    fields = QgsFields()
    geometry_name = frame.geometry.name if isinstance(frame, gpd.GeoDataFrame) else None
    for name in frame.columns:
        if name != geometry_name:
            fields.append(_field_for(str(name), frame[name]))
    return fields


def wkb_type_for_frame(frame):
    """The QGIS geometry type for the frame: multi when any part is multi, NoGeometry for tables."""
    if not isinstance(frame, gpd.GeoDataFrame):
        return WkbType.NoGeometry
    names = set(frame.geometry.dropna().geom_type.unique())
    if not names:
        return WkbType.Unknown
    base = {n.replace('Multi', '') for n in names}
    if len(base) > 1:
        return WkbType.Unknown
    single = base.pop()
    multi = any(n.startswith('Multi') for n in names)
    wkb_type = _WKB_BY_NAME['Multi' + single if multi else single]
    has_z = bool(frame.geometry.dropna().has_z.any())
    return QgsWkbTypes.addZ(wkb_type) if has_z else wkb_type


def _attribute_lists(frame, fields):
    """Columns as Python lists with NaN/NA -> None, in the order of ``fields``."""
    columns = []
    for field in fields:
        series = frame[field.name()]
        values = series.astype(object).where(series.notna(), None).tolist()
        if field.type() in (FieldType.DateTime,):
            values = [None if v is None else QDateTime(pd.Timestamp(v).to_pydatetime())
                      for v in values]
        columns.append(values)
    return columns


def frame_to_features(frame, fields=None, wkb_type=None, feedback=None):
    """QgsFeatures for every row; attributes in the order of ``fields`` (by name).

    When ``wkb_type`` is a multi type, single geometries are promoted so that every feature fits
    the sink.
    """
    fields = fields if fields is not None else fields_for_frame(frame)
    columns = _attribute_lists(frame, fields)
    has_geometry = isinstance(frame, gpd.GeoDataFrame)
    promote = wkb_type is not None and QgsWkbTypes.isMultiType(wkb_type)
    blobs = list(frame.geometry.to_wkb()) if has_geometry and len(frame) else [None] * len(frame)
    features = []
    for row in range(len(frame)):
        if feedback is not None and row % 1000 == 0 and feedback.isCanceled():
            raise Canceled('canceled')
        feature = QgsFeature(fields)
        feature.setAttributes([column[row] for column in columns])
        blob = blobs[row] if has_geometry else None
        if blob is not None:
            geometry = QgsGeometry()
            geometry.fromWkb(blob)
            if promote:
                geometry.convertToMultiType()
            feature.setGeometry(geometry)
        features.append(feature)
    return features


_OGR_FIELD_TYPES = {FieldType.LongLong: 12, FieldType.Double: 2, FieldType.String: 4}  # OFTInteger64, OFTReal, OFTString


def gdal_writes(frame, path, fields, wkb_type):
    """True when :func:`write_file` writes this frame to ``path`` as QGIS's sink would."""
    extension = os.path.splitext(path)[1].lower()
    simple = wkb_type in range(0, 8) or (wkb_type == WkbType.NoGeometry and extension == '.gpkg')
    names = [f.name().lower() for f in fields]
    return extension in gdal_frames.DRIVERS and simple and \
        all(f.type() in _OGR_FIELD_TYPES for f in fields) and all(n.strip() for n in names) and \
        len(set(names)) == len(names) and \
        ('fid' not in names or (extension == '.gpkg' and _fid_column(frame) is not None))


def _fid_column(frame):
    """The frame's column ``fid`` when it can be a GeoPackage's feature ids (QGIS's writer then
    takes the ids from it): integers, unique, none missing; else None."""
    column = frame.get('fid')
    if column is None or column.dtype.kind not in 'iu' or column.isna().any() or \
            not column.is_unique:
        return None
    return 'fid'


def write_file(frame, path, layer, fields, wkb_type, crs, feedback=None):
    """Write the frame to a new GeoPackage/FlatGeobuf file with GDAL directly (core/io), the
    layer as QGIS's sink makes it (``fields``, ``wkb_type``, ``crs``); see :func:`gdal_writes`."""
    kinds = [(f.name(), _OGR_FIELD_TYPES[f.type()], 0) for f in fields]
    wkt = crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED) if crs is not None and crs.isValid() else None
    gdal_frames.write_frame(frame, path, layer, geometry_type=int(wkb_type), crs=wkt, fields=kinds,
                            canceled=feedback.isCanceled if feedback is not None else None,
                            fid=_fid_column(frame) if path.lower().endswith('.gpkg') else None)


def write_features(sink, features, feedback=None, chunk=10000):
    """Add features to a sink in chunks, checking for cancellation between chunks."""
    for start in range(0, len(features), chunk):
        if feedback is not None and feedback.isCanceled():
            raise Canceled('canceled')
        if not sink.addFeatures(features[start:start + chunk], QgsFeatureSink.Flag.FastInsert):
            raise RuntimeError(getattr(sink, 'lastError', lambda: '')() or 'could not write features')


def frame_to_layer(frame, name='result', crs=None):
    """A memory QgsVectorLayer holding the frame (a table when it has no geometry)."""
    wkb_type = wkb_type_for_frame(frame)
    crs = crs if crs is not None else (
        crs_from_frame(frame.crs) if isinstance(frame, gpd.GeoDataFrame) else None)
    geometry = 'None' if wkb_type == WkbType.NoGeometry else QgsWkbTypes.displayString(wkb_type)
    uri = geometry
    if crs is not None and crs.isValid() and geometry != 'None':
        uri += '?crs=' + (crs.authid() or 'wkt:' + crs.toWkt())
    layer = QgsVectorLayer(uri, name, 'memory')
    if crs is not None and crs.isValid() and geometry != 'None':
        layer.setCrs(crs)
    fields = fields_for_frame(frame)
    provider = layer.dataProvider()
    provider.addAttributes(fields.toList())
    layer.updateFields()
    provider.addFeatures(frame_to_features(frame, layer.fields(), wkb_type))
    layer.updateExtents()
    return layer
