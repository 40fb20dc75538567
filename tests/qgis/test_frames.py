"""bridge.frames: QGIS layer -> GeoDataFrame -> QGIS layer keeps fields, values, CRS and geometry."""

import datetime

from qgis.PyQt.QtCore import QDate, QVariant
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer, QgsWkbTypes

from spatial_planning_monitor.bridge import frames


def _layer():
    layer = QgsVectorLayer('MultiPolygon?crs=EPSG:4528', '现状用地', 'memory')
    provider = layer.dataProvider()
    provider.addAttributes([QgsField('地类编码', QVariant.String), QgsField('DLMC', QVariant.String),
                            QgsField('层数', QVariant.Int), QgsField('面积', QVariant.Double),
                            QgsField('调查日期', QVariant.Date)])
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
    assert back.wkbType() == QgsWkbTypes.MultiPolygon
    assert back.fields().names() == original.fields().names()
    assert [back.fields().field(i).isNumeric() for i in range(5)] == [False, False, True, True, False]
    for a, b in zip(original.getFeatures(), back.getFeatures()):
        assert a.attributes() == b.attributes()
        assert a.geometry().equals(b.geometry()) or a.geometry().asWkt() == b.geometry().asWkt()


def test_tables_without_geometry(qgis_app):
    layer = QgsVectorLayer('None', '能源消费', 'memory')
    layer.dataProvider().addAttributes([QgsField('燃料', QVariant.String), QgsField('消费量', QVariant.Double)])
    layer.updateFields()
    feature = QgsFeature(layer.fields())
    feature.setAttributes(['天然气', 12.5])
    layer.dataProvider().addFeatures([feature])
    table = frames.source_to_frame(layer, with_geometry=False)
    assert table.to_dict('records') == [{'燃料': '天然气', '消费量': 12.5}]
    back = frames.frame_to_layer(table, 'back')
    assert back.wkbType() == QgsWkbTypes.NoGeometry
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
    layer.dataProvider().addAttributes([QgsField('AREA_M2', QVariant.Double)])
    layer.updateFields()
    styling.apply(layer)
    index = layer.fields().indexOf('AREA_M2')
    assert layer.attributeAlias(index) in ('Area (m²)', '面积（平方米）')
