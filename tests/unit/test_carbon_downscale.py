"""Downscaling (core): totals are conserved per region, uniform proxies give uniform densities,
proxies on other grids are warped, vector proxies are binned, bad requests are refused."""

import os

import numpy as np
import pytest
import rasterio
from rasterio import features
from rasterio.transform import from_origin
from shapely.geometry import LineString, Polygon, box

from spatial_planning_monitor.core.carbon import downscale
from spatial_planning_monitor.core.errors import InputError

CRS = 'EPSG:4528'
X0, Y0 = 40_400_000.0, 2_800_000.0


def _regions():
    """Three regions: two rectangles and an L-shaped one, on a 100 m grid aligned to X0, Y0."""
    a = box(X0, Y0, X0 + 3000, Y0 + 2000)
    b = box(X0 + 3000, Y0, X0 + 5000, Y0 + 2000)
    c = Polygon([(X0, Y0 + 2000), (X0 + 5000, Y0 + 2000), (X0 + 5000, Y0 + 3000),
                 (X0 + 1000, Y0 + 3000), (X0 + 1000, Y0 + 4000), (X0, Y0 + 4000)])
    return [a, b, c]


def _write(path, data, transform, crs=CRS, nodata=None):
    with rasterio.open(path, 'w', driver='GTiff', width=data.shape[1], height=data.shape[0], count=1,
                       dtype=data.dtype, crs=crs, transform=transform, nodata=nodata) as dst:
        dst.write(data, 1)
    return str(path)


def _per_region_sums(path, regions):
    with rasterio.open(path) as src:
        data = src.read(1).astype(np.float64)
        ids = features.rasterize([(g, i + 1) for i, g in enumerate(regions)], out_shape=data.shape,
                                 transform=src.transform, fill=0, dtype='int32')
        nodata = src.nodata
    assert np.all(data[ids == 0] == nodata)
    return np.bincount(ids.ravel(), weights=np.where(ids > 0, data, 0).ravel(), minlength=4)[1:], data, ids


def test_each_region_sums_to_its_total_with_two_proxies(tmp_path):
    rng = np.random.default_rng(7)
    transform = from_origin(X0, Y0 + 4000, 100, 100)
    lights = _write(tmp_path / 'lights.tif', rng.gamma(2.0, 5.0, (40, 50)).astype('float32'), transform)
    population = _write(tmp_path / 'pop.tif', rng.poisson(30, (40, 50)).astype('float32'), transform)
    totals = [123456.789, 9876.5, 55555.0]
    out = tmp_path / 'out.tif'
    report = downscale.downscale(
        _regions(), totals, [downscale.RasterProxy(lights), downscale.RasterProxy(population)],
        [0.7, 0.3], 100, out, CRS, block_rows=7)
    sums, _data, _ids = _per_region_sums(out, _regions())
    assert np.all(np.abs(sums - totals) / totals < 1e-6)
    assert report['max_relative_error'] < 1e-6
    assert [r['cells'] for r in report['regions']] == [600, 400, 600]
    assert not os.path.exists(str(out) + '.part')


def test_weights_split_the_total_between_proxies(tmp_path):
    transform = from_origin(X0, Y0 + 4000, 100, 100)
    one_hot = np.zeros((40, 50), 'float32')
    one_hot[39, 0] = 5.0                                 # a single lit cell in region a (bottom left)
    lights = _write(tmp_path / 'l.tif', one_hot, transform)
    flat = _write(tmp_path / 'f.tif', np.ones((40, 50), 'float32'), transform)
    out = tmp_path / 'o.tif'
    downscale.downscale(_regions(), [600.0, 400.0, 600.0], [downscale.RasterProxy(lights),
                        downscale.RasterProxy(flat)], [0.5, 0.5], 100, out, CRS)
    _sums, data, ids = _per_region_sums(out, _regions())
    # region a: half of 600 on the lit cell, the other half spread over 600 cells (0.5 each)
    assert data[39, 0] == pytest.approx(300 + 0.5)
    assert data[30, 5] == pytest.approx(0.5)
    # regions b and c have no light: the flat proxy takes their whole total
    assert np.allclose(data[ids == 2], 1.0) and np.allclose(data[ids == 3], 1.0)


def test_uniform_proxy_gives_uniform_density_per_region(tmp_path):
    flat = _write(tmp_path / 'flat.tif', np.full((40, 50), 3.0, 'float32'),
                  from_origin(X0, Y0 + 4000, 100, 100))
    out = tmp_path / 'u.tif'
    totals = [1200.0, 100.0, 7.5]
    downscale.downscale(_regions(), totals, [downscale.RasterProxy(flat)], None, 100, out, CRS)
    _sums, data, ids = _per_region_sums(out, _regions())
    for region, (total, cells) in enumerate(zip(totals, [600, 400, 600]), start=1):
        values = data[ids == region]
        assert np.allclose(values, total / cells, rtol=1e-6)


def test_a_region_where_every_proxy_is_zero_is_spread_evenly_and_logged(tmp_path):
    data = np.ones((40, 50), 'float32')
    data[20:, 30:] = 0.0                                  # region b (x 3000–5000, y 0–2000) is dark
    lights = _write(tmp_path / 'l.tif', data, from_origin(X0, Y0 + 4000, 100, 100))
    messages = []
    report = downscale.downscale(_regions(), [10.0, 40.0, 5.0], [downscale.RasterProxy(lights)], None,
                                 100, tmp_path / 'o.tif', CRS, names=['a', 'b', 'c'], log=messages.append)
    assert [r['uniform'] for r in report['regions']] == [False, True, False]
    assert any('Region b' in m and 'evenly' in m and '400' in m for m in messages)
    _sums, out, ids = _per_region_sums(tmp_path / 'o.tif', _regions())
    assert np.allclose(out[ids == 2], 0.1)


def test_proxy_in_another_crs_and_resolution_is_warped_and_logged(tmp_path):
    # the same flat proxy in geographic coordinates at a coarse resolution
    proxy = _write(tmp_path / 'geo.tif', np.full((60, 60), 2.0, 'float32'),
                   from_origin(118.9, 25.5, 0.01, 0.01), crs='EPSG:4490')
    with rasterio.open(proxy) as src:
        from rasterio.warp import transform_bounds
        assert transform_bounds(src.crs, CRS, *src.bounds)[0] < X0  # covers the regions
    messages = []
    totals = [60.0, 40.0, 50.0]
    downscale.downscale(_regions(), totals, [downscale.RasterProxy(proxy)], None, 100,
                        tmp_path / 'o.tif', CRS, log=messages.append)
    assert any('EPSG:4490' in m and 'resampled' in m and 'average' in m for m in messages)
    sums, data, ids = _per_region_sums(tmp_path / 'o.tif', _regions())
    assert np.allclose(sums, totals, rtol=1e-6)
    assert np.allclose(data[ids == 1], 0.1, rtol=1e-5)


def test_vector_proxies_buildings_by_floor_area_and_roads_by_length(tmp_path):
    import geopandas as gpd
    buildings = gpd.GeoDataFrame({'floors': [2, 6]}, geometry=[
        box(X0 + 110, Y0 + 110, X0 + 130, Y0 + 130),        # 400 m² × 2 = 800 in cell (row 18, col 1)
        box(X0 + 1010, Y0 + 210, X0 + 1020, Y0 + 220)], crs=CRS)   # 100 m² × 6 = 600 in (37, 10)
    proxy = downscale.PointsProxy.from_frame(buildings, 100, 'buildings', floors_field='floors')
    downscale.downscale(_regions()[:1], [1400.0], [proxy], None, 100, tmp_path / 'b.tif', CRS)
    with rasterio.open(tmp_path / 'b.tif') as src:
        data = src.read(1)
    assert data[18, 1] == pytest.approx(800) and data[17, 10] == pytest.approx(600)
    # a road 250 m along the row of cells y 50 m: 100 + 100 + 50 m in three cells
    roads = gpd.GeoDataFrame(geometry=[LineString([(X0 + 0, Y0 + 50), (X0 + 250, Y0 + 50)])], crs=CRS)
    proxy = downscale.PointsProxy.from_frame(roads, 100, 'roads')
    downscale.downscale(_regions()[:1], [250.0], [proxy], None, 100, tmp_path / 'r.tif', CRS)
    with rasterio.open(tmp_path / 'r.tif') as src:
        data = src.read(1)
    assert list(data[19, :3]) == pytest.approx([100, 100, 50])


def test_absurd_pixel_size_is_refused_with_the_size_it_would_have(tmp_path):
    flat = _write(tmp_path / 'f.tif', np.ones((4, 5), 'float32'), from_origin(X0, Y0 + 4000, 1000, 1000))
    with pytest.raises(InputError, match=r'PIXEL_SIZE 0.01 would make a raster of 500000 × 400000'):
        downscale.downscale(_regions(), [1, 1, 1], [downscale.RasterProxy(flat)], None, 0.01,
                            tmp_path / 'o.tif', CRS)
    with pytest.raises(InputError, match='positive'):
        downscale.plan_grid((0, 0, 1, 1), -5, CRS)
    assert not os.path.exists(tmp_path / 'o.tif')


def test_regions_without_cells_or_totals_are_refused_before_writing(tmp_path):
    flat = _write(tmp_path / 'f.tif', np.ones((40, 50), 'float32'), from_origin(X0, Y0 + 4000, 100, 100))
    tiny = box(X0 + 10, Y0 + 10, X0 + 20, Y0 + 20)             # misses every cell centre
    with pytest.raises(InputError, match=r'1 region\(s\) cover no cell centre.*tiny'):
        downscale.downscale(_regions() + [tiny], [1, 1, 1, 1], [downscale.RasterProxy(flat)], None, 100,
                            tmp_path / 'o.tif', CRS, names=['a', 'b', 'c', 'tiny'])
    with pytest.raises(InputError, match=r'no total: b'):
        downscale.downscale(_regions(), [1, float('nan'), 1], [downscale.RasterProxy(flat)], None, 100,
                            tmp_path / 'o.tif', CRS, names=['a', 'b', 'c'])
    assert not os.path.exists(tmp_path / 'o.tif') and not os.path.exists(tmp_path / 'o.tif.part')


def test_cancel_leaves_no_output(tmp_path):
    flat = _write(tmp_path / 'f.tif', np.ones((40, 50), 'float32'), from_origin(X0, Y0 + 4000, 100, 100))
    calls = []

    def cancel_in_pass_two():
        calls.append(1)
        return len(calls) > 6                              # 4 strips in pass 1, cancel in pass 2

    from spatial_planning_monitor.core.errors import Canceled
    with pytest.raises(Canceled):
        downscale.downscale(_regions(), [1, 2, 3], [downscale.RasterProxy(flat)], None, 100,
                            tmp_path / 'o.tif', CRS, block_rows=10, is_canceled=cancel_in_pass_two)
    assert os.listdir(tmp_path) == ['f.tif']
