"""provider.working_crs on an algorithm outside the sensor group: spm:assign_building_codes on the
sample city in geographic CGCS2000 (EPSG:4490) gives the codes it gives in EPSG:4528, in EPSG:4490."""

import sqlite3

import pytest


def subset(sample_gpkg, name, expression, epsg=None):
    import processing
    layer = processing.run('native:extractbyexpression', {
        'INPUT': f'{sample_gpkg}|layername={name}', 'EXPRESSION': expression, 'OUTPUT': 'memory:'})['OUTPUT']
    if epsg:
        layer = processing.run('native:reprojectlayer', {'INPUT': layer, 'TARGET_CRS': f'EPSG:{epsg}',
                                                          'OUTPUT': 'memory:'})['OUTPUT']
    return layer


def test_building_codes_of_geographic_input_match_the_projected_run(run_alg, sample_gpkg, tmp_path):
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        text = []

        def pushInfo(self, info):  # noqa: N802
            Log.text.append(info)

    codes = {}
    for epsg in (None, 4490):
        buildings = subset(sample_gpkg, 'buildings', '$id <= 400', epsg)
        townships = subset(sample_gpkg, 'townships', 'true', epsg)
        result = run_alg('spm:assign_building_codes', {
            'BUILDINGS': buildings, 'ADMIN': townships, 'ADMIN_CODE_FIELD': 'code', 'YEAR_FIELD': 'year',
            'REGISTRY': str(tmp_path / f'registry_{epsg}.gpkg'), 'OUTPUT': 'TEMPORARY_OUTPUT'},
            feedback=Log())
        out = result['OUTPUT']
        assert out.crs().authid() == f'EPSG:{epsg or 4528}'
        codes[epsg] = [(f['BUILDING_CODE'], f['BEIDOU_CODE'], f['CODE_STATUS']) for f in out.getFeatures()]
    assert any('EPSG:4549' in line and 'EPSG:4490' in line for line in Log.text)
    assert len(codes[None]) == 400 and sum(1 for c in codes[None] if c[2] == 'new') > 300
    assert codes[4490] == codes[None]
    # the new registry stores footprints in the working CRS (metres), not in degrees
    with sqlite3.connect(tmp_path / 'registry_4490.gpkg') as db:
        srs = {row[0] for row in db.execute('SELECT srs_id FROM gpkg_geometry_columns')}
    assert srs == {4549}


def test_geographic_centre_and_prefixed_input_choose_the_prefixed_zone(qgis_app):
    from qgis.core import (QgsFeature, QgsGeometry, QgsProcessingContext, QgsProcessingFeedback,
                           QgsVectorLayer)
    from spatial_planning_monitor.provider import working_crs
    from spatial_planning_monitor.provider.base import SpmAlgorithm

    def layer(crs, geometry):
        lyr = QgsVectorLayer(f'Point?crs={crs}', 'l', 'memory')
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromWkt(geometry))
        lyr.dataProvider().addFeatures([feature])
        return lyr

    alg = SpmAlgorithm()
    degrees = layer('EPSG:4490', 'POINT(119.0 25.4)')       # Putian
    prefixed = layer('EPSG:4528', 'POINT(40400000 2810000)')
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    assert working_crs.resolve(alg, {}, context, [degrees], feedback).authid() == 'EPSG:4549'
    assert working_crs.resolve(alg, {}, context, [degrees, prefixed], feedback).authid() == 'EPSG:4528'
    assert working_crs.resolve(alg, {}, context, [prefixed, degrees], feedback).authid() == 'EPSG:4528'


def test_building_carbon_and_hot_spots_of_geographic_input_match_the_projected_run(run_alg, sample_gpkg):
    results = {}
    for epsg in (None, 4490):
        buildings = subset(sample_gpkg, 'buildings', '$id <= 600', epsg)
        carbon = run_alg('spm:building_carbon', {'BUILDINGS': buildings, 'USE_FIELD': 'use', 'FLOORS_FIELD': 'floors',
                                                 'GRID_SIZE': 1000,
                                                 'OUTPUT': 'TEMPORARY_OUTPUT', 'GRID_OUTPUT': 'TEMPORARY_OUTPUT'})
        spots = run_alg('spm:carbon_hotspots', {'INPUT': carbon['OUTPUT'], 'FIELD': 'CO2_T', 'WEIGHTS': 0,
                                                'DISTANCE': 1500, 'ALPHA': 0.05, 'OUTPUT': 'TEMPORARY_OUTPUT'})
        for layer in (carbon['OUTPUT'], carbon['GRID_OUTPUT'], spots['OUTPUT']):
            assert layer.crs().authid() == f'EPSG:{epsg or 4528}'
        results[epsg] = ([f['CO2_T'] for f in carbon['OUTPUT'].getFeatures()],
                         sorted(f['CO2_T'] for f in carbon['GRID_OUTPUT'].getFeatures()),
                         [(f['N_NEIGH'], f['GI_BIN']) for f in spots['OUTPUT'].getFeatures()])
    projected, degrees = results[None], results[4490]
    assert sum(degrees[0]) == pytest.approx(sum(projected[0]), rel=1e-9) and sum(projected[0]) > 0
    assert degrees[1] == pytest.approx(projected[1], rel=1e-9)       # footprint areas and 1 km cells in metres
    assert degrees[2] == projected[2] and max(n for n, _ in projected[2]) > 1    # a 1,500 m band, not 1,500°
