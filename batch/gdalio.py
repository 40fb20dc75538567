"""Reading and writing layers with GDAL alone (no QGIS): what the batch engine's tasks call.

A minimal stand-in, behind three functions, for the core-level GDAL reader/writer being built on
the scale-io branch (Arrow stream reads, large-transaction writes): at merge time
:func:`read_frame`, :func:`layer_info` and :class:`GpkgWriter` become thin calls into it.

Layers are named like Processing inputs: ``file.gpkg|layername=parcels`` (or a plain path for a
single-layer file). Frames are indexed by the feature id (as QGIS numbers features of a
GeoPackage or shapefile), geometries are shapely; curves are segmentized by GDAL.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..core.errors import InputError
from ..core.i18n import translate


@dataclass
class LayerInfo:
    uri: str
    label: str
    count: int
    extent: tuple        # (xmin, ymin, xmax, ymax)
    crs_wkt: str         # '' when the layer has none
    fields: dict         # name -> OGR field type name ('String', 'Integer', 'Real' …)


def split_uri(uri):
    """(path, layer name or None) of ``path|layername=name``."""
    path, _, options = str(uri).partition('|')
    layer = None
    for option in options.split('|'):
        key, _, value = option.partition('=')
        if key.strip() == 'layername':
            layer = value.strip()
    return path, layer


def _open(uri):
    from osgeo import gdal, ogr
    gdal.UseExceptions()
    path, name = split_uri(uri)
    try:
        dataset = ogr.Open(path)
    except RuntimeError:
        dataset = None
    if dataset is None:
        raise InputError(translate('spm', 'Layer “{uri}” cannot be opened.').format(uri=uri))
    layer = dataset.GetLayerByName(name) if name else dataset.GetLayer(0)
    if layer is None:
        raise InputError(translate('spm', '“{path}” has no layer “{layer}”.').format(
            path=path, layer=name))
    return dataset, layer


def label_of(uri):
    path, name = split_uri(uri)
    return name or path.rsplit('/', 1)[-1].rsplit('.', 1)[0]


def layer_info(uri):
    """Feature count, extent, CRS and fields of a layer (nothing else is read)."""
    dataset, layer = _open(uri)  # noqa: F841 (the dataset owns the layer)
    defn = layer.GetLayerDefn()
    fields = {defn.GetFieldDefn(k).GetName(): defn.GetFieldDefn(k).GetTypeName()
              for k in range(defn.GetFieldCount())}
    srs = layer.GetSpatialRef()
    xmin, xmax, ymin, ymax = layer.GetExtent(force=1) if layer.GetFeatureCount() else (0, 0, 0, 0)
    return LayerInfo(uri, label_of(uri), layer.GetFeatureCount(), (xmin, ymin, xmax, ymax),
                     srs.ExportToWkt() if srs is not None else '', fields)


def count_in(uri, bbox):
    """Features whose bounding box meets ``bbox`` (a spatial-index query in a GeoPackage)."""
    dataset, layer = _open(uri)  # noqa: F841
    layer.SetSpatialFilterRect(*bbox)
    return layer.GetFeatureCount()


def read_frame(uri, fields=None, bbox=None, geometry=True, crs=None):
    """The layer (features whose box meets ``bbox``, all when None) as a GeoDataFrame indexed by
    feature id, with ``fields`` (all when None)."""
    import geopandas as gpd
    from osgeo import ogr
    from shapely import wkb

    dataset, layer = _open(uri)  # noqa: F841
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(k).GetName() for k in range(defn.GetFieldCount())]
    wanted = names if fields is None else list(fields)
    missing = [f for f in wanted if f not in names]
    if missing:
        raise InputError(translate('spm', 'Layer “{layer}”: field “{field}” is missing').format(
            layer=label_of(uri), field=missing[0]))
    layer.SetIgnoredFields([n for n in names if n not in wanted]
                           + ([] if geometry else ['OGR_GEOMETRY']))
    if bbox is not None:
        layer.SetSpatialFilterRect(*bbox)
    indices = [names.index(f) for f in wanted]
    fids, columns, shapes = [], [[] for _ in wanted], []
    for feature in layer:
        fids.append(feature.GetFID())
        for column, index in zip(columns, indices):
            column.append(feature.GetField(index) if feature.IsFieldSetAndNotNull(index) else None)
        if geometry:
            shape = feature.GetGeometryRef()
            if shape is None or shape.IsEmpty():
                shapes.append(None)
                continue
            if ogr.GT_IsNonLinear(shape.GetGeometryType()):
                shape = shape.GetLinearGeometry()
            shapes.append(wkb.loads(bytes(shape.ExportToIsoWkb())))
    index = pd.Index(np.asarray(fids, dtype=np.int64))
    data = {name: _column(values, defn.GetFieldDefn(names.index(name)).GetType())
            for name, values in zip(wanted, columns)}
    if not geometry:
        return pd.DataFrame(data, index=index)
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(shapes, index=index), index=index, crs=crs)


def _column(values, kind):
    from osgeo import ogr
    if kind in (ogr.OFTInteger, ogr.OFTInteger64):
        if any(v is None for v in values):
            return pd.array(values, dtype='Int64')
        return np.asarray(values, dtype=np.int64)
    if kind == ogr.OFTReal:
        return np.asarray([np.nan if v is None else v for v in values], dtype=float)
    return np.asarray(values, dtype=object)


def same_crs(a_wkt, b_wkt):
    """True when two layers' CRSs are the same (both missing counts as the same)."""
    if not a_wkt or not b_wkt:
        return not a_wkt and not b_wkt
    from osgeo import osr
    a, b = osr.SpatialReference(), osr.SpatialReference()
    a.ImportFromWkt(a_wkt)
    b.ImportFromWkt(b_wkt)
    return bool(a.IsSame(b))


class GpkgWriter:
    """One layer of a new GeoPackage, appended frame by frame in large transactions.

    The fields come from the first frame (int → Integer64, float → Real, else String); polygons
    are written as MultiPolygon, as the algorithms write their pieces."""

    def __init__(self, path, layer_name, crs_wkt='', geometry=True):
        from osgeo import gdal, ogr, osr
        gdal.UseExceptions()
        driver = ogr.GetDriverByName('GPKG')
        self.dataset = ogr.Open(path, 1) if _exists(path) else driver.CreateDataSource(path)
        srs = None
        if crs_wkt:
            srs = osr.SpatialReference()
            srs.ImportFromWkt(crs_wkt)
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        self.layer = self.dataset.CreateLayer(
            layer_name, srs, ogr.wkbMultiPolygon if geometry else ogr.wkbNone, ['SPATIAL_INDEX=YES'])
        self.geometry = geometry
        self.columns = None
        self.count = 0

    def _fields(self, frame):
        from osgeo import ogr
        self.columns = [c for c in frame.columns if c != getattr(frame, '_geometry_column_name', None)
                        and not (self.geometry and c == 'geometry')]
        for name in self.columns:
            kind = frame[name].dtype.kind
            ogr_type = ogr.OFTInteger64 if kind in 'iu' or str(frame[name].dtype) == 'Int64' \
                else ogr.OFTReal if kind == 'f' else ogr.OFTString
            self.layer.CreateField(ogr.FieldDefn(str(name), ogr_type))
        self.defn = self.layer.GetLayerDefn()

    def write(self, frame):
        """Append the rows of ``frame`` (a GeoDataFrame, or a DataFrame for a table)."""
        from osgeo import ogr
        from shapely.geometry import MultiPolygon
        if not len(frame):
            return                      # an empty tile's columns may be of no type yet
        if self.columns is None:
            self._fields(frame)
        values = [frame[c].astype(object).where(frame[c].notna(), None).tolist()
                  for c in self.columns]
        shapes = list(frame.geometry) if self.geometry else [None] * len(frame)
        self.layer.StartTransaction()
        for row in range(len(frame)):
            feature = ogr.Feature(self.defn)
            for k, column in enumerate(values):
                value = column[row]
                if value is not None:
                    feature.SetField(k, value.item() if hasattr(value, 'item') else value)
            shape = shapes[row]
            if shape is not None:
                if shape.geom_type == 'Polygon':
                    shape = MultiPolygon([shape])
                feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(shape.wkb))
            self.layer.CreateFeature(feature)
        self.layer.CommitTransaction()
        self.count += len(frame)

    def close(self, empty_like=None):
        if self.columns is None and empty_like is not None:
            self._fields(empty_like)
        self.layer = self.dataset = None


def _exists(path):
    import os
    return os.path.exists(path)
