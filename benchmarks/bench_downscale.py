"""Downscaling 20 regional totals onto a 10,000 × 10,000 grid with two raster proxies.

Compares, in one run, ``core.carbon.downscale`` (streaming by strips: two passes, conserving
each region's total) with the I/O floor: reading the same two proxies strip by strip with GDAL
(rasterio) and writing one raster of the same size with the same creation options. Each side runs
in a child process of its own so that its peak memory (ru_maxrss) is its own. Afterwards an
independent check reads the output back and compares each region's sum with its total.

Usage: /usr/bin/python3 benchmarks/bench_downscale.py [--size 10000] [--regions 20]
Work files go to benchmarks/work/downscale/ (git-ignored) and are removed at the end.
"""

import argparse
import json
import shutil
import subprocess
import sys
import time

import numpy as np

from _common import WORK, import_plugin, save

CRS = 'EPSG:4528'
X0, Y0 = 40_400_000.0, 2_700_000.0
PIXEL = 10.0


def regions(size, count, seed=0):
    """``count`` quadrilaterals tiling the grid (a jittered 5 × 4 lattice), with totals."""
    from shapely.geometry import Polygon
    rng = np.random.default_rng(seed)
    cols = 5 if count == 20 else int(np.ceil(np.sqrt(count)))
    rows = int(np.ceil(count / cols))
    extent = size * PIXEL
    xs = np.linspace(0, extent, cols + 1)
    ys = np.linspace(0, extent, rows + 1)
    gx, gy = np.meshgrid(xs, ys)
    jitter = extent / cols / 5
    inner = (slice(1, -1), slice(1, -1))
    gx[inner] += rng.uniform(-jitter, jitter, gx[inner].shape)
    gy[inner] += rng.uniform(-jitter, jitter, gy[inner].shape)
    polygons = []
    for r in range(rows):
        for c in range(cols):
            corners = [(gx[r, c], gy[r, c]), (gx[r, c + 1], gy[r, c + 1]),
                       (gx[r + 1, c + 1], gy[r + 1, c + 1]), (gx[r + 1, c], gy[r + 1, c])]
            polygons.append(Polygon([(X0 + x, Y0 + y) for x, y in corners]))
    polygons = polygons[:count]
    totals = rng.uniform(1e5, 5e6, len(polygons))
    return polygons, totals


def make_proxies(folder, size, seed=1):
    """Two proxies on the output grid: 'night lights' (smooth + noise) and 'population' (counts)."""
    import rasterio
    from rasterio.transform import from_origin
    from rasterio.windows import Window
    from spatial_planning_monitor.core.carbon import downscale
    rng = np.random.default_rng(seed)
    profile = dict(driver='GTiff', dtype='float32', count=1, width=size, height=size, crs=CRS,
                   transform=from_origin(X0, Y0 + size * PIXEL, PIXEL, PIXEL), nodata=None,
                   **downscale.creation_options())
    paths = [str(folder / 'lights.tif'), str(folder / 'population.tif')]
    cols = np.arange(size)
    with rasterio.open(paths[0], 'w', **profile) as lights, rasterio.open(paths[1], 'w', **profile) as pop:
        for row0 in range(0, size, 512):
            rows = min(512, size - row0)
            r = (row0 + np.arange(rows))[:, None]
            base = 20 + 15 * np.sin(cols[None, :] / 700.0) * np.cos(r / 900.0)
            light = np.round(np.maximum(base + rng.normal(0, 2, (rows, size)), 0), 1)
            people = rng.poisson(np.maximum(base / 4, 0.1)).astype('float32')
            lights.write(light.astype('float32'), 1, window=Window(0, row0, size, rows))
            pop.write(people, 1, window=Window(0, row0, size, rows))
    return paths


def side_floor(folder, paths, size):
    """Read both proxies strip by strip and write one raster of the same size (same options)."""
    import rasterio
    from rasterio.windows import Window
    from spatial_planning_monitor.core.carbon import downscale
    start = time.perf_counter()
    sources = [rasterio.open(p) for p in paths]
    profile = dict(sources[0].profile, **downscale.creation_options())
    with rasterio.open(str(folder / 'floor.tif'), 'w', **profile) as dst:
        for row0 in range(0, size, downscale.BLOCK):
            rows = min(downscale.BLOCK, size - row0)
            window = Window(0, row0, size, rows)
            data = [s.read(1, window=window) for s in sources]
            dst.write(data[0] + data[1], 1, window=window)
    for s in sources:
        s.close()
    return {'seconds': time.perf_counter() - start}


def side_ours(folder, paths, size, count):
    from spatial_planning_monitor.core.carbon import downscale
    polygons, totals = regions(size, count)
    start = time.perf_counter()
    report = downscale.downscale(polygons, totals, [downscale.RasterProxy(p) for p in paths], [0.6, 0.4],
                                 PIXEL, str(folder / 'emissions.tif'), CRS, work_dir=str(folder))
    return {'seconds': time.perf_counter() - start, 'max_relative_error': report['max_relative_error'],
            'uniform_regions': sum(r['uniform'] for r in report['regions'])}


def side_check(folder, size, count):
    """Independent check: read the output back, rasterize the regions, compare sums."""
    import rasterio
    from rasterio import features
    from rasterio.windows import Window
    polygons, totals = regions(size, count)
    sums = np.zeros(count + 1)
    with rasterio.open(str(folder / 'emissions.tif')) as src:
        transform = src.transform
        for row0 in range(0, size, 1024):
            rows = min(1024, size - row0)
            window = Window(0, row0, size, rows)
            ids = features.rasterize([(g, i + 1) for i, g in enumerate(polygons)], out_shape=(rows, size),
                                     transform=rasterio.windows.transform(window, transform), fill=0,
                                     dtype='uint16')
            data = src.read(1, window=window).astype(np.float64)
            inside = ids > 0
            sums += np.bincount(ids[inside], weights=data[inside], minlength=count + 1)
    relative = np.abs(sums[1:] - totals) / totals
    return {'max_relative_error_read_back': float(relative.max())}


def child(args):
    import resource
    import_plugin()
    folder = WORK / 'downscale'
    paths = [str(folder / 'lights.tif'), str(folder / 'population.tif')]
    if args.side == 'make':
        result = {'paths': make_proxies(folder, args.size)}
    elif args.side == 'floor':
        result = side_floor(folder, paths, args.size)
    elif args.side == 'ours':
        result = side_ours(folder, paths, args.size, args.regions)
    else:
        result = side_check(folder, args.size, args.regions)
    result['peak_rss_gib'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2
    print('RESULT ' + json.dumps(result))


def run_child(side, args):
    done = subprocess.run([sys.executable, __file__, '--side', side, '--size', str(args.size),
                           '--regions', str(args.regions)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f'{side} failed:\n{done.stderr}')
    line = [x for x in done.stdout.splitlines() if x.startswith('RESULT ')][-1]
    return json.loads(line[len('RESULT '):])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--size', type=int, default=10_000)
    parser.add_argument('--regions', type=int, default=20)
    parser.add_argument('--side', choices=['make', 'floor', 'ours', 'check'])
    parser.add_argument('--keep', action='store_true', help='keep the work files')
    args = parser.parse_args()
    if args.side:
        return child(args)
    folder = WORK / 'downscale'
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    try:
        run_child('make', args)
        floor = run_child('floor', args)
        ours = run_child('ours', args)
        check = run_child('check', args)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    import_plugin()
    from spatial_planning_monitor.core.carbon import downscale
    results = {
        'grid': f'{args.size} x {args.size}', 'regions': args.regions, 'proxies': 2,
        'creation_options': downscale.creation_options(),
        'floor_s': round(floor['seconds'], 2), 'ours_s': round(ours['seconds'], 2),
        'ratio_to_floor': round(ours['seconds'] / floor['seconds'], 2),
        'floor_peak_rss_gib': round(floor['peak_rss_gib'], 3),
        'ours_peak_rss_gib': round(ours['peak_rss_gib'], 3),
        'max_relative_error': ours['max_relative_error'],
        'max_relative_error_read_back': check['max_relative_error_read_back'],
        'targets': {'ratio_to_floor': '<= 3', 'peak_rss_gib': '< 2', 'relative_error': '< 1e-6'},
    }
    save('downscale' if args.size == 10_000 else f'downscale_{args.size}', results)


if __name__ == '__main__':
    main()
