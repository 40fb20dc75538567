"""The carbon chain through qgis_process on the sample city, as a technician would batch it."""

import geopandas as gpd
import numpy as np
import pytest


def run_ok(qgis_process, *args):
    done = qgis_process('run', *args, '--json')
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done.json['results']


def test_energy_totals_downscaled_with_buildings_and_hot_spots(qgis_process, sample_gpkg, tmp_path):
    import rasterio
    from rasterio import features
    totals_path = str(tmp_path / 'totals.gpkg')
    run_ok(qgis_process, 'spm:energy_carbon', '--', f'TABLE={sample_gpkg}|layername=energy_use',
           'DISTRICT_FIELD=adcode', 'FUEL_FIELD=fuel', 'AMOUNT_FIELD=amount', 'UNIT_FIELD=unit',
           'YEAR_FIELD=year', f'DISTRICTS={sample_gpkg}|layername=districts', 'DISTRICTS_KEY=adcode',
           f'OUTPUT={tmp_path / "by_fuel.csv"}', f'TOTALS={totals_path}')
    totals = gpd.read_file(totals_path)
    year = totals['YEAR'].max()
    totals = totals[totals['YEAR'] == year]
    regions = str(tmp_path / 'regions.gpkg')
    totals.to_file(regions, driver='GPKG')
    grid = str(tmp_path / 'grid.tif')
    results = run_ok(qgis_process, 'spm:downscale_emissions', '--', f'REGIONS={regions}', 'TOTAL_FIELD=CO2_T',
                     'NAME_FIELD=NAME', f'PROXIES={sample_gpkg}|layername=buildings',
                     f'PROXIES={sample_gpkg}|layername=roads', 'WEIGHTS=0.7,0.3', 'PIXEL_SIZE=200',
                     f'OUTPUT={grid}')
    assert results['MAX_RELATIVE_ERROR'] < 1e-6
    with rasterio.open(grid) as src:
        data = src.read(1).astype(float)
        ids = features.rasterize([(g, i + 1) for i, g in enumerate(totals.geometry)], out_shape=data.shape,
                                 transform=src.transform, fill=0)
    for i, total in enumerate(totals['CO2_T'], start=1):
        assert data[ids == i].sum() == pytest.approx(total, rel=1e-6)

    building_grid = str(tmp_path / 'bgrid.gpkg')
    run_ok(qgis_process, 'spm:building_carbon', '--', f'BUILDINGS={sample_gpkg}|layername=buildings',
           'USE_FIELD=use', 'FLOORS_FIELD=floors', 'GRID_SIZE=500', f'OUTPUT={tmp_path / "b.gpkg"}',
           f'GRID_OUTPUT={building_grid}')
    hot = str(tmp_path / 'hot.gpkg')
    run_ok(qgis_process, 'spm:carbon_hotspots', '--', f'INPUT={building_grid}', 'FIELD=CO2_T', 'WEIGHTS=1',
           'ALPHA=0.05', f'OUTPUT={hot}')
    spots = gpd.read_file(hot)
    assert len(spots) == len(gpd.read_file(building_grid))
    assert set(np.unique(spots['GI_BIN'])) <= {-3, -2, -1, 0, 1, 2, 3}
    assert (spots['GI_BIN'] > 0).any()      # a city's building emissions cluster somewhere


def test_building_carbon_runs_without_the_optional_grid_size(qgis_process, sample_gpkg, tmp_path):
    out = str(tmp_path / 'buildings.gpkg')
    done = qgis_process('run', 'spm:building_carbon', '--json', '--',
                        f'BUILDINGS={sample_gpkg}|layername=buildings', 'USE_FIELD=use',
                        'FLOORS_FIELD=floors', 'GRID_FACTOR=0.5366', f'OUTPUT={out}')
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.json['results']['OUTPUT']
