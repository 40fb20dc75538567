"""Getis–Ord Gi* (core): a hand-computed chain, a planted hot spot on a grid, significance gates."""

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import box

from spatial_planning_monitor.core.carbon import hotspots
from spatial_planning_monitor.core.errors import InputError


def _chain(values):
    return gpd.GeoDataFrame({'v': values}, geometry=[box(i, 0, i + 1, 1) for i in range(len(values))],
                            crs='EPSG:4528')


def test_gi_star_on_a_chain_by_hand():
    # x = 1 2 3 4 10: mean 4, S = √(130/5 − 16) = √10. Feature 0 has neighbours {0, 1}:
    # (3 − 4·2) / (√10 · √((5·2 − 2²)/4)) = −5 / 3.872983 = −1.290994; feature 1 has {0, 1, 2}:
    # (6 − 4·3) / (√10 · √((5·3 − 3²)/4)) = −6 / 3.872983 = −1.549193
    out, description = hotspots.hot_spots(_chain([1, 2, 3, 4, 10]), 'v', method='contiguity')
    assert list(out['GI_Z']) == pytest.approx([-1.290994, -1.549193, -0.774597, 1.290994, 1.549193],
                                              abs=1e-6)
    assert list(out['N_NEIGH']) == [2, 3, 3, 3, 2]
    assert out['GI_P'].iloc[4] == pytest.approx(0.121335, abs=1e-6)   # 2 (1 − Φ(1.549193))
    assert list(out['GI_BIN']) == [0, 0, 0, 0, 0]                     # nothing at 5 %
    assert 'contiguity' in description


def test_distance_band_equals_contiguity_on_a_chain_and_default_distance_is_nearest():
    chain = _chain([1, 2, 3, 4, 10])
    by_distance, description = hotspots.hot_spots(chain, 'v', method='distance')
    assert '1' in description
    by_contiguity, _ = hotspots.hot_spots(chain, 'v', method='contiguity')
    assert np.allclose(by_distance['GI_Z'], by_contiguity['GI_Z'])


def test_planted_hot_and_cold_spots_on_a_grid():
    rng = np.random.default_rng(3)
    cells, values = [], []
    for r in range(12):
        for c in range(12):
            cells.append(box(c * 100, r * 100, c * 100 + 100, r * 100 + 100))
            value = rng.normal(10, 1)
            if r < 3 and c < 3:
                value += 20          # hot block, bottom left
            if r > 8 and c > 8:
                value -= 8           # cold block, top right
            values.append(value)
    grid = gpd.GeoDataFrame({'co2': values}, geometry=cells, crs='EPSG:4528')
    out, _ = hotspots.hot_spots(grid, 'co2', method='contiguity', alpha=0.01)
    bins = out['GI_BIN'].to_numpy().reshape(12, 12)
    assert (bins[:3, :3] == 3).all()
    assert (bins[10:, 10:] == -3).all()
    assert (bins[5:7, 5:7] == 0).all()
    strict, _ = hotspots.hot_spots(grid, 'co2', method='contiguity', alpha=0.01, fdr=True)
    assert (strict['GI_BIN'] != 0).sum() <= (out['GI_BIN'] != 0).sum()
    assert (strict['GI_BIN'].to_numpy().reshape(12, 12)[:2, :2] == 3).all()


def test_significance_gate_and_fdr():
    p = np.array([0.001, 0.02, 0.04, 0.2])
    assert list(hotspots.significant(p, 0.05)) == [True, True, True, False]
    # BH at 5 %: thresholds 0.0125, 0.025, 0.0375, 0.05 → the largest passing rank is 2
    assert list(hotspots.significant(p, 0.05, fdr=True)) == [True, True, False, False]
    z = np.array([3.5, -2.4, 1.8, 0.5])
    assert list(hotspots.bins(z, p, alpha=0.10)) == [3, -2, 2, 0]
    assert list(hotspots.bins(z, p, alpha=0.01)) == [3, 0, 0, 0]


def test_bad_inputs():
    with pytest.raises(InputError, match='All values are equal'):
        hotspots.hot_spots(_chain([5, 5, 5, 5]), 'v')
    with pytest.raises(InputError, match='no value'):
        hotspots.hot_spots(_chain([1.0, None, 3.0, 4.0]), 'v')
    with pytest.raises(InputError, match='between 0 and 1'):
        hotspots.hot_spots(_chain([1, 2, 3, 9]), 'v', alpha=5)
