"""bridge.frames: QGIS layer -> GeoDataFrame -> QGIS layer keeps fields, values, CRS and geometry."""

import datetime
import math
import struct
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QDate
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer, QgsWkbTypes

from spatial_planning_monitor.bridge import frames
from spatial_planning_monitor.compat import FieldType, WkbType


def _layer():
    layer = QgsVectorLayer('MultiPolygon?crs=EPSG:4528', '现状用地', 'memory')
    provider = layer.dataProvider()
    provider.addAttributes([QgsField('地类编码', FieldType.String), QgsField('DLMC', FieldType.String),
                            QgsField('层数', FieldType.Int), QgsField('面积', FieldType.Double),
                            QgsField('调查日期', FieldType.Date)])
    layer.updateFields()
    rows = [('0101', '水田', 3, 1234.5, QDate(2023, 12, 31),
             'MULTIPOLYGON(((40500000 2810000, 40500100 2810000, 40500100 2810100, 40500000 2810000)))'),
            ('05H1', '商业服务业设施用地', None, None, None,
             'POLYGON((40500200 2810000, 40500300 2810000, 40500300 2810100, 40500200 2810000))')]
    for *attributes, wkt in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(attributes))
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        provider.addFeatures([feature])
    return layer


def test_layer_to_frame_keeps_names_values_types_and_crs(qgis_app):
    frame = frames.source_to_frame(_layer())
    assert list(frame.columns[:-1]) == ['地类编码', 'DLMC', '层数', '面积', '调查日期']
    assert frame['DLMC'].tolist() == ['水田', '商业服务业设施用地']
    assert frame['层数'].tolist()[0] == 3 and frame['层数'].isna().tolist() == [False, True]
    assert frame['面积'].iloc[0] == 1234.5 and frame['面积'].isna().iloc[1]
    assert frame['调查日期'].iloc[0] == datetime.date(2023, 12, 31) and frame['调查日期'].iloc[1] is None
    assert frame.crs.to_epsg() == 4528
    assert abs(frame.geometry.area.iloc[0] - 5000.0) < 1e-6


def test_round_trip_gives_the_same_layer(qgis_app):
    original = _layer()
    back = frames.frame_to_layer(frames.source_to_frame(original), 'back')
    assert back.crs().authid() == 'EPSG:4528'
    assert back.wkbType() == WkbType.MultiPolygon
    assert back.fields().names() == original.fields().names()
    assert [back.fields().field(i).isNumeric() for i in range(5)] == [False, False, True, True, False]
    for a, b in zip(original.getFeatures(), back.getFeatures()):
        assert a.attributes() == b.attributes()
        assert a.geometry().equals(b.geometry()) or a.geometry().asWkt() == b.geometry().asWkt()


def test_tables_without_geometry(qgis_app):
    layer = QgsVectorLayer('None', '能源消费', 'memory')
    layer.dataProvider().addAttributes([QgsField('燃料', FieldType.String), QgsField('消费量', FieldType.Double)])
    layer.updateFields()
    feature = QgsFeature(layer.fields())
    feature.setAttributes(['天然气', 12.5])
    layer.dataProvider().addFeatures([feature])
    table = frames.source_to_frame(layer, with_geometry=False)
    assert table.to_dict('records') == [{'燃料': '天然气', '消费量': 12.5}]
    back = frames.frame_to_layer(table, 'back')
    assert back.wkbType() == WkbType.NoGeometry
    assert next(back.getFeatures()).attributes() == ['天然气', 12.5]


def test_styling_applies_to_vector_and_raster_layers(qgis_app, tmp_path):
    import numpy as np
    from osgeo import gdal
    from qgis.core import QgsRasterLayer
    from spatial_planning_monitor.layers import styling
    path = str(tmp_path / 'grid.tif')
    raster = gdal.GetDriverByName('GTiff').Create(path, 4, 4, 1, gdal.GDT_Float32)
    raster.GetRasterBand(1).WriteArray(np.arange(16, dtype='float32').reshape(4, 4))
    raster = None
    styling.apply(QgsRasterLayer(path, 'grid'), 'no_such_style')
    layer = _layer()
    layer.dataProvider().addAttributes([QgsField('AREA_M2', FieldType.Double)])
    layer.updateFields()
    styling.apply(layer)
    index = layer.fields().indexOf('AREA_M2')
    assert layer.attributeAlias(index) in ('Area (m²)', '面积（平方米）')


# --- every geometry QGIS can hold --------------------------------------------------------------

REAL = Path(__file__).resolve().parents[1] / 'data' / 'real'


def _memory(kind, wkts):
    """A memory layer of ``kind`` whose features hold exactly the geometries of ``wkts``
    (WKT, or WKB bytes for what WKT cannot say)."""
    layer = QgsVectorLayer(f'{kind}?crs=EPSG:3067', kind, 'memory')
    features = []
    for value in wkts:
        geometry = QgsGeometry()
        if isinstance(value, bytes):
            geometry.fromWkb(value)
        else:
            geometry = QgsGeometry.fromWkt(value)
        feature = QgsFeature()
        feature.setGeometry(geometry)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    assert layer.featureCount() == len(wkts)
    return layer


def _notes(frame):
    return {note.fid: note for note in frame.attrs[frames.NOTES]}


def _segmentized(geometry):
    return QgsGeometry(geometry.constGet().segmentize())


ARC = 'CompoundCurve (CircularString (0 0, 10 10, 20 0), (20 0, 0 0))'
CURVES = [f'CurvePolygon ({ARC})',
          f'MultiSurface (CurvePolygon ({ARC}, (8 2, 12 2, 12 4, 8 2)), '
          '((100 0, 110 0, 110 10, 100 0)))',
          'CurvePolygon (CircularString (0 0, 20 0, 0 0))',          # a full circle, r = 10
          'Polygon ((0 0, 1 0, 1 1, 0 0))']


def test_curved_polygons_are_segmentized_with_their_area(qgis_app):
    layer = _memory('MultiSurface', CURVES)
    frame = frames.source_to_frame(layer)
    notes = _notes(frame)
    for feature, area in zip(layer.getFeatures(), frame.geometry.area):
        expected = _segmentized(feature.geometry()).area()
        assert area == pytest.approx(expected, rel=1e-9)
        assert area == pytest.approx(feature.geometry().area(), rel=1e-3)      # the true arc area
    assert frame.geometry.area.iloc[2] == pytest.approx(math.pi * 100, rel=1e-3)
    assert sorted(notes) == [1, 2, 3]                                        # the polygon: fast path
    assert all(n.action == frames.REPAIRED and 'curves segmentized' in n.reasons for n in notes.values())
    assert frame.geometry.iloc[1].geom_type == 'MultiPolygon' and len(frame.geometry.iloc[1].geoms) == 2


def test_curved_lines_are_segmentized_with_their_length(qgis_app):
    layer = _memory('MultiCurve', [ARC.replace(', (20 0, 0 0)', ''), 'CircularString (0 0, 10 10, 20 0)',
                                   'MultiCurve (CircularString (0 0, 10 10, 20 0), (30 0, 40 0))'])
    frame = frames.source_to_frame(layer)
    for feature, length in zip(layer.getFeatures(), frame.geometry.length):
        assert length == pytest.approx(_segmentized(feature.geometry()).length(), rel=1e-9)
    assert frame.geometry.length.iloc[1] == pytest.approx(math.pi * 10, rel=1e-3)
    assert list(frame.geometry.geom_type) == ['LineString', 'LineString', 'MultiLineString']


def _wkb_polygon(*rings, kind=3):
    blob = struct.pack('<BII', 1, kind, len(rings))
    for ring in rings:
        blob += struct.pack('<I', len(ring)) + struct.pack(f'<{2 * len(ring)}d', *[c for p in ring for c in p])
    return blob


def test_degenerate_unclosed_empty_z_m_and_invalid_polygons(qgis_app):
    square = [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]
    with_empty_part = struct.pack('<BII', 1, 6, 2) + struct.pack('<BII', 1, 3, 0) + _wkb_polygon(square)
    layer = _memory('MultiPolygon', [
        'MultiPolygon (((5 5, 5 5)))',                                              # 1: 2 points
        'MultiPolygon (((0 0, 10 5, 0 0)))',                                        # 2: a, b, a
        _wkb_polygon([(0, 0), (10, 0), (10, 10), (0, 10)]),                         # 3: unclosed
        _wkb_polygon(square, [(2, 2), (3, 3)]),                                     # 4: hole of 2 points
        with_empty_part,                                                            # 5: empty part
        'PolygonZM ((0 0 7 1, 10 0 7 1, 10 10 7 1, 0 0 7 1))',                      # 6: Z kept, M dropped
        'Polygon ((0 0, 10 10, 10 0, 0 10, 0 0))',                                  # 7: bow-tie
        'MultiPolygon (((0 0, 10 0, 10 10, 0 0)), ((20 20, 20 20)))',               # 8: one good part
        'Polygon EMPTY',                                                            # 9
    ])
    frame = frames.source_to_frame(layer)
    notes = _notes(frame)
    geometry = frame.geometry                      # index = fid (memory layers count from 1)
    assert geometry[1] is None and geometry[2] is None
    assert notes[1].action == notes[2].action == frames.SKIPPED
    assert notes[2].reasons == ('ring with fewer than 4 points (no area) dropped',)
    assert (notes[1].x, notes[1].y) == (5.0, 5.0)
    assert (notes[2].x, notes[2].y) == (5.0, 2.5)                  # the mean of its distinct points
    assert geometry[3].area == pytest.approx(100.0)
    assert notes[3].reasons == ('unclosed ring closed',) and notes[3].action == frames.REPAIRED
    assert geometry[4].area == pytest.approx(100.0) and notes[4].action == frames.REPAIRED
    assert geometry[5].area == pytest.approx(100.0) and 5 not in notes     # GEOS reads empty parts
    assert geometry[6].has_z and geometry[6].exterior.coords[0] == (0.0, 0.0, 7.0) and 6 not in notes
    assert geometry[7].area == pytest.approx(50.0)                 # both halves of the bow-tie
    assert notes[7].reasons == ('invalid polygon made valid (Self-intersection)',)
    assert geometry[8].area == pytest.approx(50.0) and notes[8].action == frames.REPAIRED
    assert geometry[9] is None or geometry[9].is_empty
    assert all(g is None or g.is_valid for g in geometry)
    message = frames.describe_notes(frame.attrs[frames.NOTES], 'parcels')
    assert 'Layer “parcels”' in message and 'features 1, 2' in message and 'feature 3' in message


def test_geometry_collections_keep_the_parts_of_the_layers_dimension(qgis_app, tmp_path):
    from osgeo import ogr, osr
    path = str(tmp_path / 'mixed.gpkg')
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3067)
    ds = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    ogr_layer = ds.CreateLayer('parcels', srs, ogr.wkbMultiPolygon)
    for wkt in ('GEOMETRYCOLLECTION (POLYGON ((0 0, 10 0, 10 10, 0 0)), LINESTRING (0 0, 5 5), POINT (1 1))',
                'GEOMETRYCOLLECTION (LINESTRING (0 0, 5 5))'):
        feature = ogr.Feature(ogr_layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        ogr_layer.CreateFeature(feature)
    ds = None
    layer = QgsVectorLayer(f'{path}|layername=parcels', 'parcels', 'ogr')
    assert QgsWkbTypes.flatType(next(layer.getFeatures()).geometry().wkbType()) == WkbType.GeometryCollection
    frame = frames.source_to_frame(layer)
    notes = _notes(frame)
    assert frame.geometry.iloc[0].area == pytest.approx(50.0) and frame.geometry.iloc[1] is None
    assert notes[1].reasons == ('parts of another geometry type dropped',)
    assert notes[2].action == frames.SKIPPED


def test_real_osm_footprints_are_read_and_every_problem_named_once(qgis_app):
    layer = QgsVectorLayer(f'{REAL / "helsinki_osm.gpkg"}|layername=buildings', 'buildings', 'ogr')
    frame = frames.source_to_frame(layer)
    notes = frame.attrs[frames.NOTES]
    skipped = [n.fid for n in notes if n.action == frames.SKIPPED]
    repaired = [n.fid for n in notes if n.action == frames.REPAIRED]
    assert len(frame) == 494 and len({n.fid for n in notes}) == len(notes) == 23
    assert len(skipped) == 12 and len(repaired) == 11
    assert sorted(frame.index[frame.geometry.isna()]) == sorted(skipped)
    assert all(g.is_valid and g.area > 0 for g in frame.geometry.dropna())
    for fid in skipped:                           # rings of 2 or 3 points: QGIS sees no area either
        assert layer.getFeature(fid).geometry().area() == 0
    for fid in repaired:                          # self-intersections: QGIS's makeValid agrees
        expected = layer.getFeature(fid).geometry().makeValid().area()
        assert frame.geometry[fid].area == pytest.approx(expected, rel=1e-6)
    others = frame.geometry.drop(index=skipped + repaired)
    assert others.area.sum() == pytest.approx(sum(layer.getFeature(int(i)).geometry().area() for i in others.index),
                                              rel=1e-9)
    message = frames.describe_notes(notes, 'buildings')
    assert all(message.count(f' {fid}') >= 1 for fid in skipped + repaired)


def test_real_district_boundaries_keep_every_part(qgis_app):
    layer = QgsVectorLayer(f'{REAL / "putian_districts.gpkg"}|layername=districts', 'districts', 'ogr')
    frame = frames.source_to_frame(layer)
    assert frame.attrs[frames.NOTES] == []
    parts = dict(zip(frame['adcode'], (len(g.geoms) for g in frame.geometry)))
    assert parts['350305'] == 29                   # 秀屿区 and its islands
    for feature in layer.getFeatures():
        assert frame.geometry[feature.id()].area == pytest.approx(feature.geometry().area(), rel=1e-12)
