"""Layers named as Processing names them, read and written by core/io/gdal_frames.py (no QGIS).

Layers are ``file.gpkg|layername=parcels`` (or a plain path for a single-layer file). Frames
are indexed by the feature id (as QGIS numbers the features of a GeoPackage or shapefile);
geometries are shapely, curves linearized by GDAL. Invalid polygons are left as they are:
core/landuse/inputs.py repairs them and reports each by its fid, as on the algorithms' path.
"""

from dataclasses import dataclass

from ..core.errors import InputError
from ..core.i18n import translate
from ..core.io import gdal_frames


@dataclass
class LayerInfo:
    uri: str
    label: str
    count: int
    extent: tuple        # (xmin, ymin, xmax, ymax)
    crs: str             # 'EPSG:n', or WKT, or None (gdal_frames.layer_crs)
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


def label_of(uri):
    path, name = split_uri(uri)
    return name or path.rsplit('/', 1)[-1].rsplit('.', 1)[0]


def layer_info(uri):
    """Feature count, extent, CRS and fields of a layer (nothing else is read)."""
    info = gdal_frames.layer_info(*split_uri(uri))
    return LayerInfo(uri, label_of(uri), info['count'], info['extent'] or (0, 0, 0, 0),
                     info['crs'], info['fields'])


def count_in(uri, bbox):
    """Features whose bounding box meets ``bbox`` (a spatial-index query in a GeoPackage)."""
    return gdal_frames.count_in(*split_uri(uri), bbox)


def read_frame(uri, fields=None, bbox=None, geometry=True):
    """The layer (features whose box meets ``bbox``, all when None) as a GeoDataFrame indexed by
    feature id, with ``fields`` (all but the fid column when None)."""
    path, layer = split_uri(uri)
    if fields is None:
        fields = list(gdal_frames.layer_info(path, layer)['fields'])
    try:
        return gdal_frames.read_frame(path, layer, fields=list(fields), bbox=bbox,
                                      with_geometry=geometry, check_valid=False)
    except gdal_frames.Unsupported as error:
        raise InputError(translate('spm', 'Layer “{layer}”: the batch engine cannot read {what}.')
                         .format(layer=label_of(uri), what=error)) from error


def same_crs(a, b):
    """True when two layers' CRSs are the same (both missing counts as the same)."""
    if not a or not b:
        return not a and not b
    from pyproj import CRS
    return CRS.from_user_input(a) == CRS.from_user_input(b)


class GpkgWriter:
    """One layer of a GeoPackage, appended frame by frame (gdal_frames.LayerWriter): its
    columns come from the first frame with rows (or ``empty_like`` at :meth:`close`); polygons
    are written as MultiPolygon, as the algorithms write their pieces."""

    def __init__(self, path, layer_name, crs=None, geometry=True):
        self.path, self.layer_name, self.crs, self.geometry = path, layer_name, crs, geometry
        self.writer, self.count = None, 0

    def _open(self, like):
        from osgeo import ogr
        self.writer = gdal_frames.LayerWriter(
            self.path, self.layer_name, like,
            geometry_type=ogr.wkbMultiPolygon if self.geometry else ogr.wkbNone,
            crs=self.crs or '')

    def write(self, frame):
        """Append the rows of ``frame`` (a GeoDataFrame, or a DataFrame for a table)."""
        if not len(frame):
            return                      # an empty tile's columns may be of no type yet
        if self.writer is None:
            self._open(frame)
        self.writer.append(frame)
        self.count += len(frame)

    def close(self, empty_like=None):
        if self.writer is None and empty_like is not None:
            self._open(empty_like)
        if self.writer is not None:
            self.writer.close()
