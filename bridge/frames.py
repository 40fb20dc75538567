"""The one place that converts QGIS vector layers/sources to GeoDataFrames and back.

Geometries cross as WKB (one C++ export and one GEOS parse per feature, no Python geometry walk),
attributes as plain Python values column by column. Field names and values (Chinese included),
field types, the CRS and the geometry type survive a round trip.
"""

import datetime

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
    QgsVectorLayer,
    QgsWkbTypes,
)
from shapely import wkb as shapely_wkb

from ..core.errors import Canceled

_INT_TYPES = (QVariant.Int, QVariant.UInt, QVariant.LongLong, QVariant.ULongLong)
_FLOAT_TYPES = (QVariant.Double,)

_WKB_BY_NAME = {
    'Point': QgsWkbTypes.Point,
    'MultiPoint': QgsWkbTypes.MultiPoint,
    'LineString': QgsWkbTypes.LineString,
    'MultiLineString': QgsWkbTypes.MultiLineString,
    'Polygon': QgsWkbTypes.Polygon,
    'MultiPolygon': QgsWkbTypes.MultiPolygon,
}


# --- CRS -------------------------------------------------------------------------------------

def crs_to_frame(crs):
    """A CRS for geopandas (``'EPSG:4528'`` when QGIS knows the code, WKT otherwise, or None)."""
    if crs is None or not crs.isValid():
        return None
    authid = crs.authid()
    if authid.upper().startswith('EPSG:'):
        return authid
    return crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED)


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


def source_to_frame(source, fields=None, request=None, feedback=None, with_geometry=True):
    """Read a QgsFeatureSource or QgsVectorLayer into a GeoDataFrame.

    ``fields``: names to read (default all); ``request``: an extra QgsFeatureRequest (filter,
    extent). The index holds the feature ids; the CRS is the source's.
    """
    all_fields = source.fields()
    names = list(all_fields.names()) if fields is None else list(fields)
    indices = [all_fields.indexOf(n) for n in names]
    request = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
    request.setSubsetOfAttributes(indices)
    if not with_geometry:
        request.setFlags(request.flags() | QgsFeatureRequest.NoGeometry)

    total = source.featureCount()
    step = 100.0 / total if total and total > 0 else 0
    ids, rows, blobs = [], [], []
    for n, feature in enumerate(source.getFeatures(request)):
        if feedback is not None and n % 1000 == 0:
            if feedback.isCanceled():
                raise Canceled('canceled')
            feedback.setProgress(n * step)
        ids.append(feature.id())
        attributes = feature.attributes()
        rows.append([attributes[i] for i in indices])
        if with_geometry:
            geometry = feature.geometry()
            blobs.append(None if geometry.isNull() else bytes(geometry.asWkb()))

    columns = list(zip(*rows)) if rows else [[] for _ in names]
    data = {name: _column(list(col), all_fields.field(idx))
            for name, idx, col in zip(names, indices, columns)}
    index = pd.Index(ids, dtype=np.int64, name='fid')
    if not with_geometry:
        return pd.DataFrame(data, index=index)
    geometry = gpd.GeoSeries([None if b is None else shapely_wkb.loads(b) for b in blobs],
                             index=index, crs=crs_to_frame(source.sourceCrs()))
    return gpd.GeoDataFrame(data, geometry=geometry, index=index)


# --- GeoDataFrame -> QGIS --------------------------------------------------------------------

def _field_for(name, series):
    kind = series.dtype.kind
    if pd.api.types.is_bool_dtype(series):
        return QgsField(name, QVariant.Bool)
    if kind in 'iu' or str(series.dtype) in ('Int64', 'Int32', 'UInt32'):
        return QgsField(name, QVariant.LongLong)
    if kind == 'f':
        return QgsField(name, QVariant.Double)
    if kind == 'M':
        return QgsField(name, QVariant.DateTime)
    sample = next((v for v in series if v is not None and v == v), None)
    if isinstance(sample, datetime.datetime):
        return QgsField(name, QVariant.DateTime)
    if isinstance(sample, datetime.date):
        return QgsField(name, QVariant.Date)
    return QgsField(name, QVariant.String)


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
        return QgsWkbTypes.NoGeometry
    names = set(frame.geometry.dropna().geom_type.unique())
    if not names:
        return QgsWkbTypes.Unknown
    base = {n.replace('Multi', '') for n in names}
    if len(base) > 1:
        return QgsWkbTypes.Unknown
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
        if field.type() in (QVariant.DateTime,):
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


def write_features(sink, features, feedback=None, chunk=10000):
    """Add features to a sink in chunks, checking for cancellation between chunks."""
    for start in range(0, len(features), chunk):
        if feedback is not None and feedback.isCanceled():
            raise Canceled('canceled')
        if not sink.addFeatures(features[start:start + chunk], QgsFeatureSink.FastInsert):
            raise RuntimeError(getattr(sink, 'lastError', lambda: '')() or 'could not write features')


def frame_to_layer(frame, name='result', crs=None):
    """A memory QgsVectorLayer holding the frame (a table when it has no geometry)."""
    wkb_type = wkb_type_for_frame(frame)
    crs = crs if crs is not None else (
        crs_from_frame(frame.crs) if isinstance(frame, gpd.GeoDataFrame) else None)
    geometry = 'None' if wkb_type == QgsWkbTypes.NoGeometry else QgsWkbTypes.displayString(wkb_type)
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
