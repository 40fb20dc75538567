"""spm:life_circle on the sample city: coverage equal to QGIS's own service area, feature by feature."""

import geopandas as gpd
import pytest



def _layer(sample_gpkg, name, subset=None):
    from qgis.core import QgsVectorLayer
    uri = f'{sample_gpkg}|layername={name}' + (f'|subset={subset}' if subset else '')
    layer = QgsVectorLayer(uri, name, 'ogr')
    assert layer.isValid()
    return layer




def test_coverage_equals_qgis_service_area(run_alg, sample_gpkg, tmp_path):
    from qgis.core import QgsProcessingContext, QgsProject
    import qgis_service_area
    from spatial_planning_monitor.core.access import paths
    from spatial_planning_monitor.core.sensors.problem import lines_of
    homes_subset = "\"use\" = '住宅'"
    out = tmp_path / 'lc.gpkg'
    results = run_alg('spm:life_circle', {
        'RESIDENTIAL': f'{sample_gpkg}|layername=buildings|subset={homes_subset}', 'POPULATION_FIELD': 'population',
        'FACILITIES': f'{sample_gpkg}|layername=facilities', 'KIND_FIELD': 'kind',
        'ROADS': f'{sample_gpkg}|layername=roads', 'FOOTPATHS': f'{sample_gpkg}|layername=footpaths',
        'ACCESS_WALK': False, 'MAX_SNAP': 200, 'OUTPUT': str(out)})
    ours = gpd.read_file(out)
    assert len(ours) == 4561
    roads = gpd.read_file(sample_gpkg, layer='roads')
    foot = gpd.read_file(sample_gpkg, layer='footpaths')
    network = qgis_service_area.network_layer(paths.walkable_lines(lines_of(roads), lines_of(foot)), 'EPSG:4528')
    homes = _layer(sample_gpkg, 'buildings', homes_subset)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setEllipsoid('NONE')    # planar, as spm:life_circle (else 500 m planar ≈ 499.9 m here)
    fids = {f['BSM']: f.id() for f in homes.getFeatures()}
    for kind, code, metres in (('小学', 'PRIMARY', 500.0), ('幼儿园', 'KINDER', 300.0)):
        facilities = _layer(sample_gpkg, 'facilities', f"\"kind\" = '{kind}'")
        theirs = qgis_service_area.covered_ids(homes, facilities, network, metres, 200.0, context, 'BSM')
        mine = set(ours.loc[ours['C_' + code] == 1, 'BSM'])
        assert len(mine) > 100, kind
        assert mine == theirs, (kind, sorted(mine ^ theirs)[:10])


def test_walk_never_shorter_than_the_straight_line(run_alg, sample_gpkg, tmp_path):
    """With the walk to and from the network counted (the default), the triangle inequality holds."""
    out = tmp_path / 'lc.gpkg'
    run_alg('spm:life_circle', {
        'RESIDENTIAL': f'{sample_gpkg}|layername=buildings|subset="use" = \'住宅\'', 'POPULATION_FIELD': 'population',
        'FACILITIES': f'{sample_gpkg}|layername=facilities', 'KIND_FIELD': 'kind',
        'ROADS': f'{sample_gpkg}|layername=roads', 'FOOTPATHS': f'{sample_gpkg}|layername=footpaths',
        'OUTPUT': str(out)})
    ours = gpd.read_file(out)
    fac = gpd.read_file(sample_gpkg, layer='facilities')
    for kind, code in (('小学', 'PRIMARY'), ('菜市场', 'MARKET')):
        found = ours[ours['D_' + code].notna()]
        assert len(found) > 300
        straight = found.geometry.centroid.apply(lambda p: fac[fac['kind'] == kind].distance(p).min())
        assert (found['D_' + code] >= straight - 0.1).all()
