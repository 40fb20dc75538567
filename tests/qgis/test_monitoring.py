"""spm:plan_conformance, spm:control_lines, spm:landuse_change through the Processing registry.

Numbers are checked against QGIS's own geometry areas and, on the sample city, against
native:intersection followed by an area sum.
"""

import os
from collections import defaultdict

import pytest

CRS = 'EPSG:4528'
X0, Y0 = 40_500_000.0, 2_800_000.0


def _box(x0, y0, x1, y1):
    return (f'POLYGON(({X0 + x0} {Y0 + y0},{X0 + x1} {Y0 + y0},{X0 + x1} {Y0 + y1},'
            f'{X0 + x0} {Y0 + y1},{X0 + x0} {Y0 + y0}))')


BOW_TIE = (f'POLYGON(({X0 + 110} {Y0 + 10},{X0 + 130} {Y0 + 30},{X0 + 130} {Y0 + 10},'
           f'{X0 + 110} {Y0 + 30},{X0 + 110} {Y0 + 10}))')
PLAN = [(_box(0, 0, 100, 100), '0101'), (_box(100, 0, 200, 100), '070101'),
        (_box(200, 0, 300, 100), '16')]
CURRENT = [(_box(10, 10, 40, 40), '0101'), (_box(50, 50, 150, 80), '0701'),
           (_box(120, 60, 140, 90), '0601'), (_box(280, 50, 350, 80), '0103'),
           (_box(10, 60, 30, 80), 'XYZ'), (BOW_TIE, '0702'), (_box(60, 10, 80, 30), '0301')]


def write_layer(path, name, rows, fields=(('CODE', 'string'),), crs=CRS, driver='GPKG',
                options=()):
    """A polygon layer written with OGR: rows are (wkt, value, value …)."""
    from osgeo import gdal, ogr, osr
    # QGIS sets SHAPE_ENCODING="" (no recoding); unset it so that ENCODING=GBK writes GBK bytes
    previous = gdal.GetConfigOption('SHAPE_ENCODING')
    gdal.SetConfigOption('SHAPE_ENCODING', None)
    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    drv = ogr.GetDriverByName(driver)
    ds = drv.Open(path, 1) if os.path.exists(path) and driver == 'GPKG' else drv.CreateDataSource(path)
    layer = ds.CreateLayer(name, srs, ogr.wkbPolygon, list(options))
    kinds = {'string': ogr.OFTString, 'real': ogr.OFTReal, 'int': ogr.OFTInteger}
    for field, kind in fields:
        layer.CreateField(ogr.FieldDefn(field, kinds[kind]))
    for wkt, *values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for (field, _), value in zip(fields, values):
            feature.SetField(field, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    gdal.SetConfigOption('SHAPE_ENCODING', previous)
    return path if driver != 'GPKG' else f'{path}|layername={name}'


class Recording:
    """A feedback that records the log and can cancel itself past a progress value."""

    def __new__(cls, cancel_at=None):
        from qgis.core import QgsProcessingFeedback

        class _Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.lines = []

            def pushInfo(self, info):  # noqa: N802
                self.lines.append(info)

            def pushWarning(self, warning):  # noqa: N802
                self.lines.append(warning)

            def reportError(self, error, fatalError=False):  # noqa: N802, N803
                self.lines.append(error)

            def setProgress(self, progress):  # noqa: N802
                super().setProgress(progress)
                if cancel_at is not None and progress >= cancel_at:
                    self.cancel()
        return _Feedback()


def layer_of(result, key):
    from qgis.core import QgsVectorLayer
    value = result[key]
    return value if not isinstance(value, str) else QgsVectorLayer(value, key, 'ogr')


def features(layer):
    return [{f.name(): feature[f.name()] for f in layer.fields()} | {'_area': feature.geometry().area()}
            for feature in layer.getFeatures()]


@pytest.fixture
def city(tmp_path):
    path = str(tmp_path / 'city.gpkg')
    return {
        'current': write_layer(path, 'current', CURRENT, [('DLBM', 'string')]),
        'plan': write_layer(path, 'plan', PLAN, [('YDYHDM', 'string')]),
        'path': path,
    }


def test_conformance_pieces_add_up_to_each_parcel_and_to_the_summary(run_alg, city, tmp_path):
    from qgis.core import QgsVectorLayer
    feedback = Recording()
    out, summary = str(tmp_path / 'pieces.gpkg'), str(tmp_path / 'summary.csv')
    result = run_alg('spm:plan_conformance', {
        'CURRENT': city['current'], 'CURRENT_FIELD': 'DLBM', 'PLAN': city['plan'],
        'PLAN_FIELD': 'YDYHDM', 'AREA_METHOD': 'PLANAR', 'OUTPUT': out, 'SUMMARY': summary},
        feedback=feedback)
    pieces = features(layer_of(result, 'OUTPUT'))
    current = QgsVectorLayer(city['current'], 'current', 'ogr')
    by_parcel = defaultdict(float)
    for piece in pieces:
        by_parcel[piece['CUR_FID']] += piece['AREA_M2']
        assert piece['AREA_M2'] == pytest.approx(piece['_area'], rel=1e-9)
    for feature in current.getFeatures():
        geometry = feature.geometry().makeValid()              # the bow-tie: 2 × 100 m²
        assert by_parcel[feature.id()] == pytest.approx(geometry.area(), rel=1e-6)
    rows = list(QgsVectorLayer(summary, 'summary', 'ogr').getFeatures())
    assert sum(float(r['AREA_M2']) for r in rows) == pytest.approx(sum(p['AREA_M2'] for p in pieces))
    assert sum(int(r['COUNT']) for r in rows) == len(pieces)
    status = {(p['CUR_CODE'], p['PLAN_CODE']): p['STATUS'] for p in pieces}
    assert status[('0701', '0101')] == '不符合' and status[('0701', '070101')] == '符合'
    assert status[('0601', '070101')] == '待核' and status[('0103', '')] == '待核'
    assert status[('XYZ', '0101')] == '待核'
    assert {p['CUR_NAME'] for p in pieces if p['CUR_CODE'] == 'XYZ'} == {'未知'}
    assert any('feature 6' in line and 'repaired' in line for line in feedback.lines)
    assert any('未知' in line for line in feedback.lines)


def test_geographic_inputs_get_ellipsoidal_areas_and_other_crs_are_reprojected(run_alg, tmp_path):
    from pyproj import Geod
    from shapely import wkt
    path = str(tmp_path / 'geo.gpkg')
    square = 'POLYGON((119 25,119.01 25,119.01 25.01,119 25.01,119 25))'
    current = write_layer(path, 'current', [(square, '0101')], [('DLBM', 'string')], 'EPSG:4490')
    zone = 'POLYGON((40300000 2700000,40500000 2700000,40500000 2850000,40300000 2850000,' \
           '40300000 2700000))'
    plan = write_layer(path, 'plan', [(zone, '01')], [('YDYHDM', 'string')], 'EPSG:4528')
    feedback = Recording()
    result = run_alg('spm:plan_conformance', {
        'CURRENT': current, 'CURRENT_FIELD': 'DLBM', 'PLAN': plan, 'PLAN_FIELD': 'YDYHDM',
        'OUTPUT': 'TEMPORARY_OUTPUT', 'SUMMARY': 'TEMPORARY_OUTPUT'}, feedback=feedback)
    pieces = features(layer_of(result, 'OUTPUT'))
    expected = abs(Geod(a=6378137.0, rf=298.257222101).geometry_area_perimeter(wkt.loads(square))[0])
    assert [p['PLAN_CODE'] for p in pieces] == ['01']        # the plan, reprojected, covers it
    assert pieces[0]['AREA_M2'] == pytest.approx(expected, rel=1e-6)
    assert expected > 1e6                                   # m², not 1e-4 square degrees
    assert any('reprojected' in line for line in feedback.lines)


def test_control_lines_find_each_violation_by_district(run_alg, city, tmp_path):
    path = city['path']
    landuse = write_layer(path, 'landuse', [
        (_box(0, 0, 10, 10), '0701'), (_box(10, 0, 20, 10), '0101'), (_box(20, 0, 30, 10), '0301'),
        (_box(0, 10, 10, 20), '0702'), (_box(10, 10, 20, 20), '0201K'), (_box(20, 10, 30, 20), 'XYZ')],
        [('DLBM', 'string')])
    red = write_layer(path, 'red', [(_box(5, 0, 25, 10),)], [])
    farm = write_layer(path, 'farm', [(_box(0, 0, 30, 20),)], [])
    dev = write_layer(path, 'dev', [(_box(0, 0, 5, 20),)], [])
    districts = write_layer(path, 'districts', [(_box(0, 0, 15, 20), '城厢区'),
                                                (_box(15, 0, 30, 20), '荔城区')], [('NAME', 'string')])
    result = run_alg('spm:control_lines', {
        'LANDUSE': landuse, 'LANDUSE_FIELD': 'DLBM', 'ECO_REDLINE': red, 'FARMLAND': farm,
        'DEV_BOUNDARY': dev, 'DISTRICTS': districts, 'DISTRICT_FIELD': 'NAME',
        'AREA_METHOD': 'PLANAR', 'OUTPUT': 'TEMPORARY_OUTPUT', 'SUMMARY': 'TEMPORARY_OUTPUT'})
    patches = features(layer_of(result, 'OUTPUT'))
    by = defaultdict(float)
    for patch in patches:
        by[(patch['DISTRICT'], patch['VTYPE'])] += patch['AREA_M2']
        assert patch['AREA_M2'] == pytest.approx(patch['_area'], rel=1e-9)
    assert {k: round(v, 6) for k, v in by.items()} == {
        ('城厢区', 'ECO_BUILD'): 50.0, ('城厢区', 'FARM_BUILD'): 200.0,
        ('城厢区', 'UDB_OUTSIDE'): 50.0, ('荔城区', 'FARM_NONCROP'): 200.0}
    summary = features(layer_of(result, 'SUMMARY'))
    assert sum(r['AREA_M2'] for r in summary) == pytest.approx(sum(by.values()))
    assert sum(r['COUNT'] for r in summary) == len(patches)


def test_urban_land_outside_the_boundary_reads_czcsxm(run_alg, city):
    """CZCSXM (城镇村属性码) is read when the layer has it: the village shop (203) outside the
    boundary is not urban land, the city's housing (201) is."""
    from qgis.core import QgsProcessingException
    path = city['path']
    landuse = write_layer(path, 'lu_czcsxm', [
        (_box(0, 0, 10, 10), '05H1', '203'), (_box(10, 0, 20, 10), '0701', '201'),
        (_box(20, 0, 30, 10), '1004', '')], [('DLBM', 'string'), ('CZCSXM', 'string')])
    dev = write_layer(path, 'dev_far', [(_box(0, 50, 5, 60),)], [])
    run = {'LANDUSE': landuse, 'LANDUSE_FIELD': 'DLBM', 'DEV_BOUNDARY': dev, 'OUTPUT': 'TEMPORARY_OUTPUT', 'SUMMARY': 'TEMPORARY_OUTPUT'}
    patches = features(layer_of(run_alg('spm:control_lines', run), 'OUTPUT'))
    assert [(p['CUR_CODE'], round(p['AREA_M2'], 6)) for p in patches] == [('0701', 100.0)]
    patches = features(layer_of(run_alg('spm:control_lines', dict(run, CZCSXM_FIELD='')), 'OUTPUT'))
    assert sorted(p['CUR_CODE'] for p in patches) == ['05H1', '0701', '1004']    # by code only
    with pytest.raises(QgsProcessingException, match='no field “CZCSXM2”'):
        run_alg('spm:control_lines', dict(run, CZCSXM_FIELD='CZCSXM2'))


def test_transition_matrix_rows_and_columns_are_the_class_areas(run_alg, city):
    from qgis.core import QgsVectorLayer
    path = city['path']
    before_rows = [(_box(0, 0, 10, 10), '0101'), (_box(10, 0, 20, 10), '0102'),
                   (_box(0, 10, 10, 20), '0301'), (_box(10, 10, 20, 20), '0701')]
    after_rows = [(_box(0, 0, 10, 10), '0101'), (_box(10, 0, 20, 10), '0601'),
                  (_box(0, 10, 10, 20), '0702'), (_box(10, 10, 20, 20), '0701'),
                  (_box(20, 0, 25, 20), '1101')]
    before = write_layer(path, 'before', before_rows, [('DLBM', 'string')])
    after = write_layer(path, 'after', after_rows, [('DLBM', 'string')])
    result = run_alg('spm:landuse_change', {
        'BEFORE': before, 'BEFORE_FIELD': 'DLBM', 'AFTER': after, 'AFTER_FIELD': 'DLBM', 'LEVEL': 1,
        'OUTPUT': 'TEMPORARY_OUTPUT', 'MATRIX': 'TEMPORARY_OUTPUT'})
    matrix = features(layer_of(result, 'MATRIX'))

    def class_areas(uri):
        out = defaultdict(float)
        for feature in QgsVectorLayer(uri, 'x', 'ogr').getFeatures():
            out[feature['DLBM'][:2]] += feature.geometry().area() / 1e4
        return out
    columns = [c for c in matrix[0] if c.startswith('T_')]
    body = [r for r in matrix if r['FROM_CODE'] != 'TOTAL']
    for row in body:
        if row['FROM_CODE']:
            assert sum(row[c] for c in columns) == pytest.approx(class_areas(before)[row['FROM_CODE']])
    for code, area in class_areas(after).items():
        assert sum(r[f'T_{code}'] for r in body) == pytest.approx(area)
    changes = sorted(p['FROM_TO'] for p in features(layer_of(result, 'OUTPUT')))
    assert changes == ['01→06', '03→07']


@pytest.mark.parametrize('field, message', [('NOPE', 'has no field “NOPE”'),
                                            ('AREA', 'holds Real values')])
def test_a_missing_or_mistyped_code_field_stops_before_any_output(run_alg, tmp_path, field, message):
    from qgis.core import QgsProcessingException
    path = str(tmp_path / 'bad.gpkg')
    current = write_layer(path, 'current', [(_box(0, 0, 1, 1), '0101', 1.0)],
                          [('DLBM', 'string'), ('AREA', 'real')])
    plan = write_layer(path, 'plan', PLAN, [('YDYHDM', 'string')])
    out = str(tmp_path / 'never.gpkg')
    with pytest.raises(QgsProcessingException, match=message) as raised:
        run_alg('spm:plan_conformance', {'CURRENT': current, 'CURRENT_FIELD': field, 'PLAN': plan,
                                         'PLAN_FIELD': 'YDYHDM', 'OUTPUT': out,
                                         'SUMMARY': str(tmp_path / 'never.csv')})
    assert '“current”' in str(raised.value)                  # the layer of the GeoPackage
    assert not os.path.exists(out) and not os.path.exists(str(tmp_path / 'never.csv'))


@pytest.mark.parametrize('with_cpg', [True, False])
def test_gbk_shapefiles_read_with_and_without_cpg(run_alg, tmp_path, with_cpg):
    path = str(tmp_path / 'districts.shp')
    write_layer(path, 'districts', [(_box(0, 0, 15, 20), '城厢区'), (_box(15, 0, 30, 20), '荔城区')],
                [('NAME', 'string')], driver='ESRI Shapefile', options=['ENCODING=GBK'])
    landuse = write_layer(str(tmp_path / 'lu.shp'), 'lu', [(_box(0, 0, 30, 10), '0701')],
                          [('DLBM', 'string')], driver='ESRI Shapefile', options=['ENCODING=GBK'])
    if not with_cpg:
        os.remove(str(tmp_path / 'districts.cpg'))
    with open(str(tmp_path / 'districts.dbf'), 'rb') as handle:
        assert '城厢区'.encode('gbk') in handle.read()            # really GBK bytes on disk
    result = run_alg('spm:control_lines', {
        'LANDUSE': landuse, 'LANDUSE_FIELD': 'DLBM', 'FARMLAND': write_layer(
            str(tmp_path / 'farm.gpkg'), 'farm', [(_box(0, 0, 30, 20),)], []),
        'DISTRICTS': path, 'DISTRICT_FIELD': 'NAME',
        'OUTPUT': 'TEMPORARY_OUTPUT', 'SUMMARY': 'TEMPORARY_OUTPUT'})
    names = {p['DISTRICT']: p['AREA_M2'] for p in features(layer_of(result, 'SUMMARY'))}
    assert names == {'城厢区': pytest.approx(150.0), '荔城区': pytest.approx(150.0)}


def test_empty_layers_give_empty_outputs(run_alg, city, tmp_path):
    path = city['path']
    empty = write_layer(path, 'empty', [], [('DLBM', 'string')])
    result = run_alg('spm:plan_conformance', {
        'CURRENT': empty, 'CURRENT_FIELD': 'DLBM', 'PLAN': city['plan'], 'PLAN_FIELD': 'YDYHDM',
        'OUTPUT': str(tmp_path / 'p.gpkg'), 'SUMMARY': str(tmp_path / 's.gpkg')})
    assert layer_of(result, 'OUTPUT').featureCount() == 0
    assert layer_of(result, 'SUMMARY').featureCount() == 0
    result = run_alg('spm:landuse_change', {
        'BEFORE': empty, 'BEFORE_FIELD': 'DLBM', 'AFTER': empty, 'AFTER_FIELD': 'DLBM',
        'LEVEL': 2, 'OUTPUT': 'TEMPORARY_OUTPUT', 'MATRIX': 'TEMPORARY_OUTPUT'})
    assert layer_of(result, 'OUTPUT').featureCount() == 0


def test_cancellation_leaves_no_output(run_alg, city, tmp_path):
    from qgis.core import QgsProcessingException
    out, summary = str(tmp_path / 'c.gpkg'), str(tmp_path / 'c.csv')
    with pytest.raises(QgsProcessingException, match='Canceled'):
        run_alg('spm:plan_conformance', {
            'CURRENT': city['current'], 'CURRENT_FIELD': 'DLBM', 'PLAN': city['plan'],
            'PLAN_FIELD': 'YDYHDM', 'OUTPUT': out, 'SUMMARY': summary},
            feedback=Recording(cancel_at=30))
    assert not os.path.exists(out) and not os.path.exists(summary)


def test_conformance_agrees_with_native_intersection_on_the_sample_city(run_alg, sample_gpkg):
    import processing
    current = f'{sample_gpkg}|layername=landuse_current'
    plan = f'{sample_gpkg}|layername=landuse_plan'
    result = run_alg('spm:plan_conformance', {
        'CURRENT': current, 'CURRENT_FIELD': 'DLBM', 'PLAN': plan, 'PLAN_FIELD': 'YDYHFLDM',
        'AREA_METHOD': 1, 'OUTPUT': 'TEMPORARY_OUTPUT', 'SUMMARY': 'TEMPORARY_OUTPUT'})
    ours = defaultdict(float)
    for row in features(layer_of(result, 'SUMMARY')):
        ours[row['PLAN_CODE']] += row['AREA_M2']
    fixed = processing.run('native:fixgeometries', {'INPUT': current, 'OUTPUT': 'memory:'})['OUTPUT']
    native = processing.run('native:intersection', {
        'INPUT': fixed, 'OVERLAY': plan, 'INPUT_FIELDS': ['DLBM'], 'OVERLAY_FIELDS': ['YDYHFLDM'],
        'OUTPUT': 'memory:'})['OUTPUT']
    theirs = defaultdict(float)
    for feature in native.getFeatures():
        theirs[feature['YDYHFLDM']] += feature.geometry().area()
    assert len(theirs) > 5
    for code, area in theirs.items():
        assert ours[code] == pytest.approx(area, rel=1e-4), code


def test_control_lines_on_the_sample_city_agree_with_an_independent_overlay(run_alg, sample_gpkg):
    import processing
    from qgis.core import QgsVectorLayer
    layer = lambda name: f'{sample_gpkg}|layername={name}'  # noqa: E731
    result = run_alg('spm:control_lines', {
        'LANDUSE': layer('landuse_current'), 'LANDUSE_FIELD': 'DLBM',
        'ECO_REDLINE': layer('eco_redline'), 'FARMLAND': layer('farmland'),
        'DEV_BOUNDARY': layer('dev_boundary'), 'DISTRICTS': layer('districts'),
        'DISTRICT_FIELD': 'name', 'AREA_METHOD': 'PLANAR', 'OUTPUT': 'TEMPORARY_OUTPUT',
        'SUMMARY': 'TEMPORARY_OUTPUT'})
    patches = features(layer_of(result, 'OUTPUT'))
    summary = features(layer_of(result, 'SUMMARY'))
    assert sum(r['AREA_M2'] for r in summary) == pytest.approx(sum(p['AREA_M2'] for p in patches))
    found = {p['VTYPE'] for p in patches}
    assert {'ECO_BUILD', 'FARM_BUILD', 'UDB_OUTSIDE'} <= found     # the sample plants all three
    districts = features(QgsVectorLayer(layer('districts'), 'districts', 'ogr'))
    assert {r['DISTRICT'] for r in summary} <= {d['name'] for d in districts} | {''}
    # construction on farmland, independently: construction parcels ∩ farmland, area summed
    construction = processing.run('native:extractbyexpression', {
        'INPUT': layer('landuse_current'), 'OUTPUT': 'memory:',
        'EXPRESSION': "regexp_match(\"DLBM\", '^(05|06|07|08|09|100[1-5]|100[7-9]|1109|1201)')"})
    fixed = processing.run('native:fixgeometries', {'INPUT': construction['OUTPUT'],
                                                    'OUTPUT': 'memory:'})['OUTPUT']
    native = processing.run('native:intersection', {
        'INPUT': fixed, 'OVERLAY': layer('farmland'), 'OUTPUT': 'memory:'})['OUTPUT']
    expected = sum(f.geometry().area() for f in native.getFeatures())
    got = sum(p['AREA_M2'] for p in patches if p['VTYPE'] == 'FARM_BUILD')
    assert got == pytest.approx(expected, rel=1e-4)


def test_transition_matrix_on_the_sample_city(run_alg, sample_gpkg):
    from qgis.core import QgsVectorLayer
    layer = lambda name: f'{sample_gpkg}|layername={name}'  # noqa: E731
    result = run_alg('spm:landuse_change', {
        'BEFORE': layer('landuse_previous'), 'BEFORE_FIELD': 'DLBM',
        'AFTER': layer('landuse_current'), 'AFTER_FIELD': 'DLBM', 'LEVEL': 1,
        'AREA_METHOD': 'PLANAR', 'OUTPUT': 'TEMPORARY_OUTPUT', 'MATRIX': 'TEMPORARY_OUTPUT'})
    matrix = features(layer_of(result, 'MATRIX'))
    body = [r for r in matrix if r['FROM_CODE'] != 'TOTAL']
    columns = [c for c in matrix[0] if c.startswith('T_')]
    from spatial_planning_monitor.core.landuse import tables
    table = tables.load_current_classes()

    def class_areas(name):
        out = defaultdict(float)
        for feature in QgsVectorLayer(layer(name), name, 'ogr').getFeatures():
            code = table.ancestor(tables.normalize_code(feature['DLBM']), 1) or tables.UNKNOWN
            out[code] += feature.geometry().makeValid().area() / 1e4
        return out
    before, after = class_areas('landuse_previous'), class_areas('landuse_current')
    rows = {r['FROM_CODE']: sum(r[c] for c in columns) for r in body if r['FROM_CODE']}
    assert rows == pytest.approx(dict(before), rel=1e-6)
    for code, area in after.items():
        assert sum(r[f'T_{code}'] for r in body) == pytest.approx(area, rel=1e-6)
    assert len(features(layer_of(result, 'OUTPUT'))) > 0
