"""bridge.frames' GDAL path (core/io/gdal_frames.py) gives the frame QGIS's feature path gives."""

import shutil

import numpy as np
import pytest
from osgeo import gdal, ogr
from qgis.core import QgsFeatureRequest, QgsVectorLayer

from spatial_planning_monitor.bridge import frames
from spatial_planning_monitor.core.io import gdal_frames


@pytest.fixture
def sample_copy(sample_gpkg, tmp_path):
    """A copy of the sample city (QGIS may write to a GeoPackage it opens)."""
    return shutil.copy(sample_gpkg, tmp_path / 'putian.gpkg')


def _sample_layers(path):
    dataset = gdal.OpenEx(path)
    return [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]


def _fast(layer, origin=None):
    origin = origin or frames.file_origin(layer)
    assert origin is not None, f'{layer.source()} is not read by GDAL'
    frame = frames._read_with_gdal(origin, layer, list(layer.fields().names()), True, None)
    assert frame is not None, f'{layer.source()} fell back to QGIS'
    return frame


def _assert_same(fast, slow):
    assert list(fast.columns) == list(slow.columns)
    assert fast.index.equals(slow.index) and fast.index.name == slow.index.name == 'fid'
    assert fast.dtypes.astype(str).tolist() == slow.dtypes.astype(str).tolist()
    geometry = getattr(slow, '_geometry_column_name', None)
    for name in fast.columns:
        if name == geometry:
            continue
        a, b = fast[name].astype(object), slow[name].astype(object)
        assert (a.isna() == b.isna()).all(), name
        assert a[a.notna()].tolist() == b[b.notna()].tolist(), name
    if geometry is not None:
        wkb_fast = [None if g is None else g.wkb for g in fast.geometry]
        wkb_slow = [None if g is None else g.wkb for g in slow.geometry]
        assert wkb_fast == wkb_slow
        assert str(fast.crs) == str(slow.crs)
        assert fast.attrs[frames.NOTES] == slow.attrs[frames.NOTES]


def test_every_sample_layer_reads_the_same_through_gdal_and_qgis(qgis_app, sample_copy):
    names = _sample_layers(str(sample_copy))
    assert len(names) >= 14
    for name in names:
        layer = QgsVectorLayer(f'{sample_copy}|layername={name}', name, 'ogr')
        _assert_same(_fast(layer), frames.source_to_frame(layer, origin=False))
        fast = frames._read_with_gdal(frames.file_origin(layer), layer, ['fid'], False, None)
        _assert_same(fast, frames.source_to_frame(layer, ['fid'], origin=False, with_geometry=False))


def test_subset_string_and_selection_are_honoured(qgis_app, sample_copy):
    layer = QgsVectorLayer(f'{sample_copy}|layername=landuse_current', 'current', 'ogr')
    layer.setSubsetString("DLBM LIKE '01%'")
    fast, slow = _fast(layer), frames.source_to_frame(layer, origin=False)
    assert 0 < len(fast) < 10016
    _assert_same(fast, slow)
    chosen = sorted(layer.allFeatureIds())[::7]
    layer.selectByIds(chosen)
    fast = _fast(layer, frames.file_origin(layer, selected_only=True))
    slow = frames.source_to_frame(layer, origin=False, request=QgsFeatureRequest().setFilterFids(chosen))
    assert fast.index.tolist() == chosen
    _assert_same(fast, slow)


@pytest.mark.parametrize('extension, driver', [('shp', 'ESRI Shapefile'), ('fgb', 'FlatGeobuf')])
def test_shapefile_and_flatgeobuf_read_the_same(qgis_app, sample_copy, tmp_path, extension, driver):
    path = str(tmp_path / f'current.{extension}')
    gdal.VectorTranslate(path, str(sample_copy), layers=['landuse_current'], format=driver,
                         layerCreationOptions=['ENCODING=UTF-8'] if extension == 'shp' else [])
    layer = QgsVectorLayer(path, 'current', 'ogr')
    assert layer.isValid()
    fast, slow = _fast(layer), frames.source_to_frame(layer, origin=False)
    assert len(fast) == 10016 and fast.geometry.iloc[0].geom_type == slow.geometry.iloc[0].geom_type
    _assert_same(fast, slow)


def test_messy_geometries_are_repaired_alike(qgis_app, tmp_path):
    path = str(tmp_path / 'messy.gpkg')
    dataset = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    target = dataset.CreateLayer('messy', None, ogr.wkbMultiPolygon)
    target.CreateField(ogr.FieldDefn('name', ogr.OFTString))
    wkts = ['MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)))',
            'MULTIPOLYGON(((0 0,10 10,10 0,0 10,0 0)))',                         # bow-tie
            'MULTISURFACE(CURVEPOLYGON(COMPOUNDCURVE(CIRCULARSTRING(0 0,5 5,10 0),(10 0,0 0))))',
            'MULTIPOLYGON(((0 0,1 1,0 0)))',                                      # no area
            'MULTIPOLYGON M(((0 0 1,4 0 1,4 4 1,0 0 1)))',
            None]
    for k, wkt in enumerate(wkts):
        feature = ogr.Feature(target.GetLayerDefn())
        feature.SetField('name', f'f{k}')
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        target.CreateFeature(feature)
    dataset = None
    layer = QgsVectorLayer(path, 'messy', 'ogr')
    fast, slow = _fast(layer), frames.source_to_frame(layer, origin=False)
    assert len(slow.attrs[frames.NOTES]) >= 3
    _assert_same(fast, slow)
    strict = frames.file_origin(layer, check=QgsFeatureRequest.InvalidGeometryCheck.GeometrySkipInvalid)
    assert frames._read_with_gdal(strict, layer, ['name'], True, None) is None   # QGIS decides


def _rows(frame):
    return sorted((g.wkb, int(f), u, -1.0 if h != h else h)
                  for g, f, u, h in zip(frame.geometry, frame['floors'], frame['use'], frame['height']))


def test_frames_written_by_gdal_read_back_equal(qgis_app, sample_copy, tmp_path):
    layer = QgsVectorLayer(f'{sample_copy}|layername=buildings', 'buildings', 'ogr')
    frame = frames.source_to_frame(layer, ['floors', 'use', 'height']).iloc[:500]
    frame.loc[frame.index[:3], 'use'] = None
    frame.loc[frame.index[:2], 'height'] = np.nan
    fields = frames.fields_for_frame(frame)
    wkb_type = frames.wkb_type_for_frame(frame)
    for extension in ('gpkg', 'fgb'):
        path = str(tmp_path / f'out.{extension}')
        assert frames.gdal_writes(frame, path, fields, wkb_type)
        frames.write_file(frame, path, 'out', fields, wkb_type, layer.crs())
        back = QgsVectorLayer(path, 'out', 'ogr')
        assert back.isValid() and back.featureCount() == 500 and back.crs().authid() == 'EPSG:4528'
        read = frames.source_to_frame(back, ['floors', 'use', 'height'], origin=False)
        assert _rows(read) == _rows(frame)      # FlatGeobuf's spatial index reorders the rows
        assert [f.typeName().lower() for f in back.fields() if f.name() != 'fid'] == \
            ['integer64', 'string', 'real']
    assert back.wkbType() == layer.wkbType()


def test_a_fid_column_gives_the_feature_ids_as_qgis_writer_does(qgis_app, sample_copy, tmp_path):
    """A frame with a column ``fid`` of unique integers (a layer read with all its fields) is
    written by GDAL, its values as the GeoPackage's feature ids, as QGIS's writer does."""
    from qgis.core import QgsVectorFileWriter, QgsCoordinateTransformContext
    layer = QgsVectorLayer(f'{sample_copy}|layername=buildings', 'buildings', 'ogr')
    frame = frames.source_to_frame(layer, ['fid', 'floors', 'use']).iloc[200:300]
    frame['fid'] = frame['fid'] * 10 + 7                 # ids the file would not choose itself
    fields = frames.fields_for_frame(frame)
    wkb_type = frames.wkb_type_for_frame(frame)
    fast = str(tmp_path / 'fast.gpkg')
    assert frames.gdal_writes(frame, fast, fields, wkb_type)
    assert not frames.gdal_writes(frame, str(tmp_path / 'fast.fgb'), fields, wkb_type)
    frames.write_file(frame, fast, 'out', fields, wkb_type, layer.crs())
    memory = frames.frame_to_layer(frame, 'out', layer.crs())
    slow = str(tmp_path / 'slow.gpkg')
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = 'GPKG'
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        memory, slow, QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    read = [{f.id(): (f['fid'], f['floors'], f['use'], f.geometry().asWkt(3))
             for f in QgsVectorLayer(path, 'x', 'ogr').getFeatures()} for path in (fast, slow)]
    assert read[0] == read[1]
    assert sorted(read[0]) == sorted(int(v) for v in frame['fid'])
    duplicated = frame.assign(fid=7)
    assert not frames.gdal_writes(duplicated, fast, frames.fields_for_frame(duplicated), wkb_type)


def test_the_wkb_kept_from_reading_is_what_geos_writes(sample_copy):
    """Polygons read by GDAL keep their WKB, written again without GEOS; it must be the bytes
    GEOS writes for them (else outputs and areas would silently differ)."""
    from spatial_planning_monitor.core.landuse.geometry import READ_WKB, WkbWriter
    checked = 0
    dataset = gdal.OpenEx(str(sample_copy))
    for name in _sample_layers(str(sample_copy)):
        kind = dataset.GetLayerByName(name).GetGeomType()
        if gdal_frames.dimension_of(kind) != gdal_frames.POLYGON:
            continue
        frame = gdal_frames.read_frame(sample_copy, name, fields=[])
        shapes = [g for g in frame.geometry if g is not None]
        kept = WkbWriter().many(shapes)
        assert all(READ_WKB in g.__dict__ for g in shapes), name
        for g in shapes:
            del g.__dict__[READ_WKB]
        assert kept == WkbWriter().many(shapes), name
        checked += len(shapes)
    assert checked > 20000
