"""Carbon algorithms through the Processing registry: a small hand-made city and the sample city."""

import os

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import LineString, box

CRS = 'EPSG:4528'
X0, Y0 = 40_400_000.0, 2_800_000.0


@pytest.fixture
def city(tmp_path):
    """Two districts, four parcels, three buildings, one road and an energy table."""
    path = str(tmp_path / 'city.gpkg')
    districts = gpd.GeoDataFrame(
        {'adcode': ['350302', '350303'], 'name': ['城厢区', '涵江区'], 'population': [100, 50]},
        geometry=[box(X0, Y0, X0 + 2000, Y0 + 2000), box(X0 + 2000, Y0, X0 + 4000, Y0 + 2000)], crs=CRS)
    districts.to_file(path, layer='districts', driver='GPKG')
    landuse = gpd.GeoDataFrame({'DLBM': ['0301', '0701', '0101', '1101']}, geometry=[
        box(X0, Y0, X0 + 1000, Y0 + 1000),                       # 100 ha forest in 350302
        box(X0 + 1000, Y0, X0 + 1500, Y0 + 1000),               # 50 ha housing in 350302
        box(X0 + 2000, Y0, X0 + 3000, Y0 + 2000),               # 200 ha paddy in 350303
        box(X0 + 3000, Y0, X0 + 3100, Y0 + 1000)], crs=CRS)     # 10 ha river in 350303
    landuse.to_file(path, layer='landuse_current', driver='GPKG')
    buildings = gpd.GeoDataFrame({'use': ['住宅', '办公', '工业'], 'floors': [10, 20, 2],
                                  'height': [30.0, 60.0, 8.0]}, geometry=[
        box(X0 + 100, Y0 + 100, X0 + 140, Y0 + 120),            # 800 m² × 10
        box(X0 + 150, Y0 + 100, X0 + 180, Y0 + 130),            # 900 m² × 20
        box(X0 + 2500, Y0 + 500, X0 + 2600, Y0 + 600)], crs=CRS)  # 10000 m² × 2
    buildings.to_file(path, layer='buildings', driver='GPKG')
    roads = gpd.GeoDataFrame({'kind': ['主干路']}, geometry=[
        LineString([(X0 + 50, Y0 + 1550), (X0 + 3950, Y0 + 1550)])], crs=CRS)
    roads.to_file(path, layer='roads', driver='GPKG')
    energy = pd.DataFrame({
        'adcode': ['350302', '350302', '350303', '350303'], 'district': ['城厢区', '城厢区', '涵江区', '涵江区'],
        'year': [2022] * 4, 'fuel': ['原煤', '电力', '天然气', '电力'], 'amount': [1000.0, 5000.0, 2.0, 100.0],
        'unit': ['t', 'MWh', '万m³', 'MWh']})
    gpd.GeoDataFrame(energy, geometry=[None] * 4).to_file(path, layer='energy_use', driver='GPKG')
    return path


def layer(path, name):
    return f'{path}|layername={name}'


def recording_feedback():
    """A QgsProcessingFeedback that keeps its info lines and errors."""
    from qgis.core import QgsProcessingFeedback

    class Recording(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines, self.errors = [], []

        def pushInfo(self, info):  # noqa: N802
            self.lines.append(info)

        def reportError(self, error, fatalError=False):  # noqa: N802, N803
            self.errors.append(error)
    return Recording()


@pytest.fixture
def run_alg(spm_provider):
    """Run ``spm:`` algorithms through the registry and QgsProcessingAlgorithm's own C++ ``run``.

    conftest's ``run_alg`` goes through ``processing.run``, whose Python ``alg.run(...)`` call lands
    on ``SpmAlgorithm.run`` (the base's hook shadows QgsProcessingAlgorithm.run): calling the C++
    method unbound avoids that. Temporary outputs come back as layers.
    """
    from qgis.core import (QgsApplication, QgsProcessingAlgorithm, QgsProcessingContext,
                           QgsProcessingException, QgsProcessingUtils, QgsProject)

    def run(alg_id, params, feedback=None):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        feedback = feedback or recording_feedback()
        alg = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
        results, ok = QgsProcessingAlgorithm.run(alg, params, context, feedback)
        if not ok:
            raise QgsProcessingException(' | '.join(feedback.errors))
        out = {}
        for key, value in results.items():
            found = None
            if isinstance(value, str) and not os.path.exists(value.split('|')[0]):
                found = QgsProcessingUtils.mapLayerFromString(value, context)
            if found is not None:
                context.temporaryLayerStore().takeMapLayer(found)
            out[key] = found if found is not None else value
        return out
    return run


def test_landuse_carbon_hand_values_and_summary(run_alg, city):
    result = run_alg('spm:landuse_carbon', {
        'LANDUSE': layer(city, 'landuse_current'), 'LANDUSE_FIELD': 'DLBM',
        'DISTRICTS': layer(city, 'districts'), 'DISTRICT_FIELD': 'adcode', 'AREA_METHOD': 'PLANAR',
        'OUTPUT': 'TEMPORARY_OUTPUT', 'SUMMARY': 'TEMPORARY_OUTPUT'})
    parcels = {f['DLBM']: f for f in result['OUTPUT'].getFeatures()}
    assert parcels['0301']['SINK_T'] == pytest.approx(100 * 3.9)        # forest: 100 ha × 3.9
    assert parcels['0701']['EMIS_T'] == pytest.approx(50 * 0.6)         # housing: 50 ha × 0.6
    assert parcels['0101']['EMIS_T'] == pytest.approx(200 * 0.1)        # paddy: 200 ha × 0.1
    assert parcels['1101']['SINK_T'] == pytest.approx(10 * 0.6)         # river → 陆地水域 (wetland)
    assert parcels['1101']['DIST'] == '350303'
    totals = {f['DIST']: f['NET_T'] for f in result['SUMMARY'].getFeatures() if f['LU1'] == '合计'}
    assert totals == pytest.approx({'350302': -390 + 30, '350303': 20 - 6})


def test_landuse_carbon_unknown_codes_stop_with_counts_or_use_the_default(run_alg, city, tmp_path):
    from qgis.core import QgsProcessingException
    bad = gpd.read_file(city, layer='landuse_current')
    bad.loc[0, 'DLBM'] = 'QQQ'
    path = str(tmp_path / 'bad.gpkg')
    bad.to_file(path, layer='lu', driver='GPKG')
    out = str(tmp_path / 'never.gpkg')
    with pytest.raises(QgsProcessingException, match=r'QQQ \(1\)'):
        run_alg('spm:landuse_carbon', {'LANDUSE': layer(path, 'lu'), 'LANDUSE_FIELD': 'DLBM',
                                       'OUTPUT': out, 'SUMMARY': 'TEMPORARY_OUTPUT'})
    assert not os.path.exists(out)
    result = run_alg('spm:landuse_carbon', {'LANDUSE': layer(path, 'lu'), 'LANDUSE_FIELD': 'DLBM',
                                            'DEFAULT_CLASS': '23', 'OUTPUT': 'TEMPORARY_OUTPUT',
                                            'SUMMARY': 'TEMPORARY_OUTPUT'})
    flagged = [f['LU1'] for f in result['OUTPUT'].getFeatures() if f['UNKNOWN'] == 1]
    assert flagged == ['23']


def test_energy_carbon_totals_with_district_polygons(run_alg, city):
    result = run_alg('spm:energy_carbon', {
        'TABLE': layer(city, 'energy_use'), 'GRID_FACTOR': 0.5, 'DISTRICTS': layer(city, 'districts'),
        'OUTPUT': 'TEMPORARY_OUTPUT', 'TOTALS': 'TEMPORARY_OUTPUT'})
    totals = {f['DIST']: f for f in result['TOTALS'].getFeatures()}
    coal = 1000 * 0.7143 * 0.7559 * 44 / 12                                # 1979.77769
    gas = 2 * 13.3 * 0.4483 * 44 / 12                                      # 43.72419
    assert totals['350302']['CO2_T'] == pytest.approx(coal + 2500)
    assert totals['350303']['CO2_T'] == pytest.approx(gas + 50)
    assert totals['350302']['NAME'] == '城厢区' and totals['350302'].hasGeometry()
    assert result['TOTALS'].featureCount() == 2 and result['OUTPUT'].featureCount() == 4


def test_energy_carbon_refuses_negative_consumption(run_alg, city, tmp_path):
    from qgis.core import QgsProcessingException
    table = gpd.read_file(city, layer='energy_use')
    table.loc[1, 'amount'] = -3.0
    path = str(tmp_path / 'bad.gpkg')
    table.to_file(path, layer='energy_use', driver='GPKG')
    with pytest.raises(QgsProcessingException, match=r'row 2 \(350302 / 电力\): amount -3.0 is negative'):
        run_alg('spm:energy_carbon', {'TABLE': layer(path, 'energy_use'), 'OUTPUT': 'TEMPORARY_OUTPUT',
                                      'TOTALS': 'TEMPORARY_OUTPUT'})


def test_building_carbon_and_grid(run_alg, city):
    result = run_alg('spm:building_carbon', {
        'BUILDINGS': layer(city, 'buildings'), 'GRID_FACTOR': 0.5, 'GRID_SIZE': 1000,
        'OUTPUT': 'TEMPORARY_OUTPUT', 'GRID_OUTPUT': 'TEMPORARY_OUTPUT'})
    co2 = {f['use']: f['CO2_T'] for f in result['OUTPUT'].getFeatures()}
    # electricity × 0.5 t/MWh + gas × 0.20196 t/MWh (IPCC 56.1 t CO₂/TJ):
    # 住宅 8000 m² × (24 + 6 kWh): 192 × 0.5 + 48 × 0.20196 = 105.69408 t
    # 办公 18000 m² × (76 + 4): 1368 × 0.5 + 72 × 0.20196 = 698.54112 t
    # 工业 20000 m² × (100 + 20): 2000 × 0.5 + 400 × 0.20196 = 1080.784 t
    assert co2 == pytest.approx({'住宅': 105.69408, '办公': 698.54112, '工业': 1080.784})
    cells = {f['CELL_ID']: f['CO2_T'] for f in result['GRID_OUTPUT'].getFeatures()}
    assert sum(cells.values()) == pytest.approx(1885.0192) and len(cells) == 2


def test_energy_carbon_takes_each_districts_province_factor_and_says_so(run_alg, city, tmp_path):
    feedback = recording_feedback()
    result = run_alg('spm:energy_carbon', {
        'TABLE': layer(city, 'energy_use'), 'OUTPUT': 'TEMPORARY_OUTPUT', 'TOTALS': 'TEMPORARY_OUTPUT'},
        feedback=feedback)
    totals = {f['DIST']: f['CO2_T'] for f in result['TOTALS'].getFeatures()}
    assert totals['350302'] == pytest.approx(1000 * 0.7143 * 0.7559 * 44 / 12 + 5000 * 0.4092)   # 福建 2022
    assert any('350302' in line and '0.4092' in line and '福建 2022' in line for line in feedback.lines)
    assert not feedback.errors
    # a table that lists the power plant's coal and the district's electricity: warned
    table = gpd.read_file(city, layer='energy_use')
    table['sector'] = ['火力发电', '', '', '']
    path = str(tmp_path / 'sector.gpkg')
    table.to_file(path, layer='energy_use', driver='GPKG')
    feedback = recording_feedback()
    run_alg('spm:energy_carbon', {'TABLE': layer(path, 'energy_use'), 'OUTPUT': 'TEMPORARY_OUTPUT',
                                  'TOTALS': 'TEMPORARY_OUTPUT'}, feedback=feedback)
    assert len(feedback.errors) == 1 and '350302' in feedback.errors[0] and '原煤' in feedback.errors[0]
    assert 'counted twice' in feedback.errors[0]


def test_downscale_with_raster_and_vector_proxies_conserves_totals(run_alg, city, tmp_path):
    import rasterio
    from rasterio import features
    from rasterio.transform import from_origin
    from qgis.core import QgsRasterLayer, QgsVectorLayer
    energy = run_alg('spm:energy_carbon', {
        'TABLE': layer(city, 'energy_use'), 'DISTRICTS': layer(city, 'districts'),
        'OUTPUT': 'TEMPORARY_OUTPUT', 'TOTALS': 'TEMPORARY_OUTPUT'})['TOTALS']
    rng = np.random.default_rng(1)
    lights = str(tmp_path / 'lights.tif')                     # another CRS-free resolution: 250 m
    with rasterio.open(lights, 'w', driver='GTiff', width=16, height=8, count=1, dtype='float32',
                       crs=CRS, transform=from_origin(X0, Y0 + 2000, 250, 250)) as dst:
        dst.write(rng.gamma(2, 3, (8, 16)).astype('float32'), 1)
    proxies = [QgsRasterLayer(lights, 'lights'), QgsVectorLayer(layer(city, 'buildings'), 'b', 'ogr'),
               QgsVectorLayer(layer(city, 'roads'), 'r', 'ogr')]
    out = str(tmp_path / 'grid.tif')
    feedback = recording_feedback()
    result = run_alg('spm:downscale_emissions', {
        'REGIONS': energy, 'TOTAL_FIELD': 'CO2_T', 'NAME_FIELD': 'NAME', 'PROXIES': proxies,
        'WEIGHTS': '0.5, 0.3, 0.2', 'PIXEL_SIZE': 100, 'OUTPUT': out}, feedback=feedback)
    assert result['MAX_RELATIVE_ERROR'] < 1e-6
    assert any('resampled' in line and '250' in line for line in feedback.lines)
    totals = {f['DIST']: f['CO2_T'] for f in energy.getFeatures()}
    districts = gpd.read_file(city, layer='districts')
    with rasterio.open(out) as src:
        data = src.read(1).astype(float)
        assert src.res == (100.0, 100.0) and src.profile['tiled'] and src.compression is not None
        ids = features.rasterize([(g, i + 1) for i, g in enumerate(districts.geometry)],
                                 out_shape=data.shape, transform=src.transform, fill=0)
    for i, code in enumerate(districts['adcode'], start=1):
        assert data[ids == i].sum() == pytest.approx(totals[code], rel=1e-6)


def test_downscale_refuses_an_absurd_pixel_size_before_writing(run_alg, city, tmp_path):
    from qgis.core import QgsProcessingException, QgsVectorLayer
    regions = QgsVectorLayer(layer(city, 'districts'), 'd', 'ogr')
    out = str(tmp_path / 'never.tif')
    with pytest.raises(QgsProcessingException, match=r'would make a raster of 4000000 × 2000000'):
        run_alg('spm:downscale_emissions', {
            'REGIONS': regions, 'TOTAL_FIELD': 'population',
            'PROXIES': [QgsVectorLayer(layer(city, 'roads'), 'r', 'ogr')], 'PIXEL_SIZE': 0.001,
            'OUTPUT': out})
    assert not os.path.exists(out)


def test_hotspots_on_the_building_grid(run_alg, city):
    grid = run_alg('spm:building_carbon', {
        'BUILDINGS': layer(city, 'buildings'), 'GRID_SIZE': 50, 'OUTPUT': 'TEMPORARY_OUTPUT',
        'GRID_OUTPUT': 'TEMPORARY_OUTPUT'})['GRID_OUTPUT']
    result = run_alg('spm:carbon_hotspots', {'INPUT': grid, 'FIELD': 'CO2_T', 'WEIGHTS': 0,
                                             'ALPHA': 0.05, 'OUTPUT': 'TEMPORARY_OUTPUT'})
    fields = result['OUTPUT'].fields().names()
    assert {'GI_Z', 'GI_P', 'GI_BIN', 'N_NEIGH'} <= set(fields)
    assert result['OUTPUT'].featureCount() == grid.featureCount()


# --- the sample city -------------------------------------------------------------------------------

def test_sample_city_building_total_equals_floor_area_times_intensity_times_factor(run_alg, sample_gpkg):
    import csv
    from spatial_planning_monitor.core.data import data_path
    with open(data_path('tables', 'carbon_building_eui.csv'), encoding='utf-8') as handle:
        # t CO₂ per m²: electricity × 福建's 0.4092, gas × IPCC 0.20196 t CO₂/MWh (no heat in 夏热冬暖)
        per_m2 = {row['use']: (float(row['elec_kwh_per_m2_a']) * 0.4092 + float(row['gas_kwh_per_m2_a']) * 0.20196)
                  / 1000 for row in csv.DictReader(handle)}
    buildings = gpd.read_file(sample_gpkg, layer='buildings')
    by_hand = sum(geometry.area * floors * per_m2[use]
                  for geometry, floors, use in zip(buildings.geometry, buildings['floors'], buildings['use']))
    result = run_alg('spm:building_carbon', {'BUILDINGS': f'{sample_gpkg}|layername=buildings',
                                             'REGION_CODE': '350302', 'OUTPUT': 'TEMPORARY_OUTPUT'})
    total = sum(f['CO2_T'] for f in result['OUTPUT'].getFeatures())
    assert result['OUTPUT'].featureCount() == len(buildings)
    assert total == pytest.approx(by_hand, rel=1e-9)


def test_sample_city_landuse_and_energy(run_alg, sample_gpkg):
    landuse = run_alg('spm:landuse_carbon', {
        'LANDUSE': f'{sample_gpkg}|layername=landuse_current', 'LANDUSE_FIELD': 'DLBM',
        'DISTRICTS': f'{sample_gpkg}|layername=districts', 'DISTRICT_FIELD': 'adcode',
        'OUTPUT': 'TEMPORARY_OUTPUT', 'SUMMARY': 'TEMPORARY_OUTPUT'})
    parcels = gpd.read_file(sample_gpkg, layer='landuse_current')
    area = sum(f['AREA_HA'] for f in landuse['OUTPUT'].getFeatures())
    # the default area method on a layer with the 三调 fields: the parcels' 图斑地类面积
    assert area == pytest.approx(parcels.TBDLMJ.sum() / 1e4, rel=1e-9)
    energy = run_alg('spm:energy_carbon', {
        'TABLE': f'{sample_gpkg}|layername=energy_use', 'DISTRICTS': f'{sample_gpkg}|layername=districts',
        'OUTPUT': 'TEMPORARY_OUTPUT', 'TOTALS': 'TEMPORARY_OUTPUT'})
    districts = gpd.read_file(sample_gpkg, layer='districts')
    codes = {str(f['DIST']) for f in energy['TOTALS'].getFeatures()}
    assert codes == set(districts['adcode'].astype(str))
