"""Building coding run on 1,000,000 synthetic buildings in 50 townships, and BeiDou encoding vs a loop.

1. The coding run of spm:assign_building_codes' core (``assign.assign_codes``) into a new
   GeoPackage registry: township of every centroid, BeiDou grid code (level 8) at a point inside
   every footprint, building code (23 characters, MOD 11-2), registry write (one row with the
   footprint per building) and commit. Target: ≤ 90 s.
2. BeiDou encoding alone, vectorised (``beidou.encode`` on the million lng/lat pairs) against a
   plain per-feature Python loop doing the same encoding on the same points (all of them, not a
   subsample; both outputs are compared). Target: ≥ 50×.

The synthetic city: 50 townships as a 10 × 5 grid of 1.2 km × 1.6 km cells in EPSG:4528 near
Putian; buildings are rotated-free rectangles of 8–20 m, years 1980–2023. Building the input
(shapely geometries) is not timed.

Usage: /usr/bin/python3 benchmarks/bench_codes.py [--buildings 1000000]
"""

import argparse
import math
import os
import shutil
import tempfile
import time

import numpy as np

from _common import import_plugin, peak_rss_gib, save

X0, Y0 = 40_470_000.0, 2_800_000.0       # EPSG:4528 (3-degree zone 40), around Putian
COLS, ROWS, WIDTH, HEIGHT = 10, 5, 1200.0, 1600.0


def make_city(n, seed=0):
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import box
    townships = gpd.GeoDataFrame(
        {'code': ['350304%03d' % (k + 1) for k in range(COLS * ROWS)]},
        geometry=[box(X0 + c * WIDTH, Y0 + r * HEIGHT, X0 + (c + 1) * WIDTH, Y0 + (r + 1) * HEIGHT)
                  for r in range(ROWS) for c in range(COLS)], crs='EPSG:4528')
    rng = np.random.default_rng(seed)
    x = rng.uniform(X0, X0 + COLS * WIDTH - 20, n)
    y = rng.uniform(Y0, Y0 + ROWS * HEIGHT - 20, n)
    w, h = rng.uniform(8, 20, n), rng.uniform(8, 20, n)
    buildings = gpd.GeoDataFrame({'year': rng.integers(1980, 2024, n)},
                                 geometry=[box(a, b, a + c, b + d) for a, b, c, d in zip(x, y, w, h)],
                                 index=pd.Index(np.arange(n), name='fid'), crs='EPSG:4528')
    return townships, buildings


# --- the peer: a plain per-feature loop, as one would write it from the standard's text ----------

_LNG = (None, 21600, 1800, 900, 60, 4, 2, 0.25, 0.03125, 0.00390625, 0.00048828125)   # seconds
_LAT = (None, 14400, 1800, 600, 60, 4, 2, 0.25, 0.03125, 0.00390625, 0.00048828125)
_HEX = '0123456789ABCDEF'


def loop_encode(lng, lat, level):
    """One point at a time: the level-10 unit counts, then one integer division per level."""
    out = []
    for x, y in zip(lng.tolist(), lat.tolist()):
        u = min(math.floor(abs(x) * 7372800), 180 * 7372800 - 1)
        v = math.floor(abs(y) * 7372800)
        a = u // 44236800
        code = ('S' if y < 0 else 'N') + '%02d' % (30 - a if x < 0 else 31 + a) + chr(65 + v // 29491200)
        for k in range(2, level + 1):
            col = (u % int(_LNG[k - 1] * 2048)) // int(_LNG[k] * 2048)
            row = (v % int(_LAT[k - 1] * 2048)) // int(_LAT[k] * 2048)
            code += str(2 * row + col) if k in (3, 6) else _HEX[col] + _HEX[row]
        out.append(code)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--buildings', type=int, default=1_000_000)
    parser.add_argument('--level', type=int, default=8)
    args = parser.parse_args()
    import_plugin()
    from spatial_planning_monitor.core.codes import assign, beidou, registry, schemes

    t = time.perf_counter()
    townships, buildings = make_city(args.buildings)
    print(f'synthetic city: {len(buildings):,} buildings, {len(townships)} townships '
          f'({time.perf_counter() - t:.1f} s, not timed)')
    results = {'buildings': len(buildings), 'townships': len(townships), 'beidou_level': args.level}

    work = tempfile.mkdtemp(prefix='bench_codes_')
    path = os.path.join(work, 'registry.gpkg')
    phases, last = {}, [time.perf_counter()]

    def progress(_, step):
        now = time.perf_counter()
        phases[step] = round(now - last[0], 2)
        last[0] = now

    try:
        start = time.perf_counter()
        with registry.open_registry(path, schemes.get_scheme(), buildings.crs) as reg:
            frame, summary = assign.assign_codes(reg, buildings, townships, 'code', 'year', args.level,
                                                 progress=progress)
            reg.commit()
        total = time.perf_counter() - start
        phases['commit'] = round(time.perf_counter() - last[0], 2)
        results['coding_run_s'] = round(total, 2)
        results['coding_phases_s'] = phases
        results['issued'] = summary['issued']
        results['registry_mb'] = round(os.path.getsize(path) / 1e6, 1)
        assert summary['issued'] == len(buildings) and frame['BUILDING_CODE'].is_unique
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f'coding run: {total:.1f} s {phases}')

    # BeiDou alone: the same points, vectorised vs loop
    from spatial_planning_monitor.core.codes.footprints import anchor_points
    x, y, _, _ = anchor_points(buildings.geometry)
    lng, lat = assign.geographic(x, y, buildings.crs)
    start = time.perf_counter()
    vectorised = beidou.encode(lng, lat, args.level)
    results['beidou_vectorised_s'] = round(time.perf_counter() - start, 3)
    start = time.perf_counter()
    looped = loop_encode(lng, lat, args.level)
    results['beidou_loop_s'] = round(time.perf_counter() - start, 3)
    results['beidou_loop_points'] = len(looped)
    results['beidou_outputs_equal'] = bool(list(vectorised) == looped)
    results['beidou_speedup'] = round(results['beidou_loop_s'] / results['beidou_vectorised_s'], 1)
    results['targets'] = {'coding_run_s_max': 90, 'beidou_speedup_min': 50,
                          'coding_run_met': results['coding_run_s'] <= 90,
                          'beidou_speedup_met': results['beidou_speedup'] >= 50}
    results['peak_rss_gib'] = peak_rss_gib()
    save('codes', results)


if __name__ == '__main__':
    main()
