"""The sample GeoPackage opens in QGIS: every layer in EPSG:4528, the five real districts."""

import pytest

LAYERS = ['districts', 'townships', 'landuse_current', 'landuse_previous', 'landuse_plan',
          'eco_redline', 'farmland', 'dev_boundary', 'buildings', 'roads', 'risk_points',
          'sensors_existing']
TABLES = ['district_stats', 'energy_use']
DISTRICTS = {'350302': '城厢区', '350303': '涵江区', '350304': '荔城区', '350305': '秀屿区',
             '350322': '仙游县'}


@pytest.mark.parametrize('name', LAYERS)
def test_layer_opens_in_epsg_4528(sample_layer, name):
    layer = sample_layer(name)
    assert layer.crs().authid() == 'EPSG:4528'
    assert layer.featureCount() > 0
    extent = layer.extent()   # zone-prefixed Gauss–Krüger eastings (zone 40)
    assert 40_300_000 < extent.xMinimum() < extent.xMaximum() < 40_700_000


@pytest.mark.parametrize('name', TABLES)
def test_tables_open_without_geometry(sample_layer, name):
    layer = sample_layer(name)
    assert not layer.isSpatial() and layer.featureCount() > 0


def test_the_five_real_districts(sample_layer):
    layer = sample_layer('districts')
    found = {f['adcode']: f['name'] for f in layer.getFeatures()}
    assert found == DISTRICTS
    total_km2 = sum(f.geometry().area() for f in layer.getFeatures()) / 1e6
    assert 3_800 < total_km2 < 4_300   # Putian's land area is about 4,100 km²
