"""spm:indicators on the sample city, checked against QGIS's own overlay."""

import pytest

# the construction-land filter of DOMAIN.md §2, written independently of the code tables
CONSTRUCTION = ("regexp_match(\"DLBM\", '^(0[5-9]|100[1-5]|100[7-9]|1109|1201)') "
                "AND NOT regexp_match(\"DLBM\", 'K$')")


def test_development_intensity_equals_native_overlay(run_alg, sample_layer):
    import processing
    districts, landuse = sample_layer('districts'), sample_layer('landuse_current')
    result = run_alg('spm:indicators', {
        'DISTRICTS': districts, 'DISTRICT_FIELD': 'adcode', 'POPULATION_FIELD': 'population',
        'LANDUSE': landuse, 'LANDUSE_FIELD': 'DLBM', 'AREA_METHOD': 'PLANAR', 'OUTPUT': 'memory:',
        'TABLE': 'memory:'})
    values = {f['DISTRICT']: f['VALUE'] for f in result['TABLE'].getFeatures()
              if f['IND_ID'] == 'DEV_INTENS'}
    construction = processing.run('native:extractbyexpression', {
        'INPUT': landuse, 'EXPRESSION': CONSTRUCTION, 'OUTPUT': 'memory:'})['OUTPUT']
    pieces = processing.run('native:intersection', {
        'INPUT': construction, 'OVERLAY': districts, 'OVERLAY_FIELDS': ['adcode'],
        'OUTPUT': 'memory:'})['OUTPUT']
    built = {}
    for piece in pieces.getFeatures():
        key = str(piece['adcode'])
        built[key] = built.get(key, 0.0) + piece.geometry().area()
    areas = {str(f['adcode']): f.geometry().area() for f in districts.getFeatures()}
    assert len(areas) == 5 and set(values) == set(areas)
    for key, area in areas.items():
        expected = built.get(key, 0.0) / area * 100
        assert values[key] == pytest.approx(expected, rel=1e-6), key
        assert 0 < values[key] < 100
    # the wide output carries the same value on each district
    output = {str(f['adcode']): f['DEV_INTENS'] for f in result['OUTPUT'].getFeatures()}
    assert output == pytest.approx(values)
