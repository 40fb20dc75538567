"""Outputs load styled, named and with aliases, as in the Toolbox (runAndLoadResults)."""

from qgis.core import QgsGraduatedSymbolRenderer, QgsProject


def _loaded(name):
    layers = QgsProject.instance().mapLayersByName(name)
    assert layers, f'{name} was not loaded; loaded: {[l.name() for l in QgsProject.instance().mapLayers().values()]}'
    return layers[0]


def test_monitoring_and_carbon_outputs_load_styled(spm_provider, qgis_new_project, sample_gpkg):
    import processing
    current = f'{sample_gpkg}|layername=landuse_current'
    processing.runAndLoadResults('spm:landuse_change', {
        'BEFORE': f'{sample_gpkg}|layername=landuse_previous', 'BEFORE_FIELD': 'DLBM',
        'AFTER': current, 'AFTER_FIELD': 'DLBM', 'LEVEL': 1,
        'OUTPUT': 'TEMPORARY_OUTPUT', 'MATRIX': 'TEMPORARY_OUTPUT'})
    matrix = _loaded('Transition matrix (ha)')
    aliases = [matrix.attributeAlias(i) for i in range(matrix.fields().count())]
    assert any('耕地' in a or 'Cropland' in a for a in aliases)      # per-run class aliases

    processing.runAndLoadResults('spm:landuse_carbon', {
        'LANDUSE': current, 'LANDUSE_FIELD': 'DLBM', 'OUTPUT': 'TEMPORARY_OUTPUT',
        'SUMMARY': 'TEMPORARY_OUTPUT'})
    net = _loaded('Land-use carbon, net (t CO₂/a)')
    renderer = net.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.ranges()
    assert renderer.classAttribute() == 'NET_T'
    values = [f['NET_T'] for f in net.getFeatures()]
    ranges = renderer.ranges()                                         # classes fitted to the data
    assert ranges[0].lowerValue() <= min(values) + 1e-6 and ranges[-1].upperValue() >= max(values) - 1e-6
    assert net.attributeAlias(net.fields().indexOf('NET_T'))          # aliases from layers/fields.csv
