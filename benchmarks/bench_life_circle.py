"""社区生活圈 at city scale: spm:life_circle vs QGIS's native:serviceareafromlayer + point-in-area.

Seeded instance: a 200,000-segment walking grid (317 × 317 junctions, 100 m apart, jittered, each
segment its own feature), 100,000 residential buildings (15 m squares) and 5,000 facilities of
6 kinds (thresholds 300/500/1000 m), in EPSG:4528.

- ours: the full ``spm:life_circle`` run through Processing (files in, files out: the homes with
  distances and coverage, the district table), timed, with the process's peak memory;
- the peer, per kind: ``native:serviceareafromlayer`` (shortest, the kind's threshold, lines) from
  the facilities, buffered 1 cm and dissolved (``native:buffer``), the homes' centroids moved to
  their nearest network point, and ``native:extractbylocation`` (tests/qgis_service_area.py).
  QGIS runs one full Dijkstra over the whole graph per facility, so at full size it needs hours: it
  runs on the south-west window holding ``--peer-fraction`` of the area, where spm:life_circle runs
  too and every home's coverage of every kind is compared; the peer's full-size time is
  extrapolated: service areas × (facilities ratio × segments ratio), the rest × homes ratio.

QGIS measures network lengths on the context's ellipsoid when one is set; here it is NONE (planar),
as spm:life_circle measures (on the ellipsoid, 500 m planar in this CRS is ≈ 499.9 m).
Both sides leave out the walk between a building and the network (ACCESS_WALK=false), which
serviceareafromlayer does not model; MAX_SNAP = 200 m on both.
Targets (issue 16): the same coverage, ≥ 20× faster, < 2 GiB. Results: benchmarks/results/life_circle.json.

Usage: /usr/bin/python3 benchmarks/bench_life_circle.py [--junctions 317 --homes 100000
       --facilities 5000 --peer-fraction 0.05 --seed 16]
"""

import argparse
import subprocess
import sys
import time

import numpy as np

from _common import ROOT, WORK, import_plugin, peak_rss_gib, qgis_app, save

KINDS = [('社区卫生服务中心/站', 'HEALTH', 1000, 0.12), ('小学', 'PRIMARY', 500, 0.16), ('中学', 'MIDDLE', 1000, 0.08),
         ('幼儿园', 'KINDER', 300, 0.28), ('养老服务设施', 'ELDERLY', 300, 0.2), ('菜市场', 'MARKET', 500, 0.16)]
SPACING = 100.0
ORIGIN = (40380000.0, 2790000.0)


def generate(args, path, thresholds):
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import LineString, box
    rng = np.random.default_rng(args.seed)
    n = args.junctions
    xy = np.stack(np.meshgrid(np.arange(n), np.arange(n), indexing='ij'), -1).reshape(-1, 2) * SPACING
    xy = np.round(xy + rng.uniform(-15, 15, xy.shape) + ORIGIN, 3)
    ids = np.arange(n * n).reshape(n, n)
    pairs = np.vstack([np.column_stack([ids[:-1, :].ravel(), ids[1:, :].ravel()]),
                       np.column_stack([ids[:, :-1].ravel(), ids[:, 1:].ravel()])])
    roads = gpd.GeoDataFrame({'seg': np.arange(len(pairs))},
                             geometry=[LineString([xy[a], xy[b]]) for a, b in pairs], crs='EPSG:4528')
    size = (n - 1) * SPACING
    c = rng.uniform(0, size, (args.homes, 2)) + ORIGIN
    homes = gpd.GeoDataFrame({'hid': np.arange(args.homes), 'pop': rng.integers(10, 300, args.homes)},
                             geometry=[box(x - 7.5, y - 7.5, x + 7.5, y + 7.5) for x, y in c], crs='EPSG:4528')
    p = np.array([k[3] for k in KINDS])
    kind = rng.choice(len(KINDS), size=args.facilities, p=p / p.sum())
    f = rng.uniform(0, size, (args.facilities, 2)) + ORIGIN
    facilities = gpd.GeoDataFrame({'kind': [KINDS[k][0] for k in kind]}, geometry=gpd.points_from_xy(f[:, 0], f[:, 1]),
                                  crs='EPSG:4528')
    w = size * np.sqrt(args.peer_fraction)
    window = box(ORIGIN[0], ORIGIN[1], ORIGIN[0] + w, ORIGIN[1] + w)
    for name, frame in (('roads', roads), ('homes', homes), ('facilities', facilities)):
        frame.to_file(path, layer=name, driver='GPKG')
        part = frame[frame.geometry.within(window)]
        part.to_file(path, layer=name + '_sub', driver='GPKG')
    pd.DataFrame([(k, c, '', m) for k, c, m, _ in KINDS], columns=['kind', 'code', 'minutes', 'metres']).to_csv(
        thresholds, index=False)


def ours(gpkg, thresholds, suffix, out, context):
    import processing
    params = {'RESIDENTIAL': f'{gpkg}|layername=homes{suffix}', 'POPULATION_FIELD': 'pop',
              'FACILITIES': f'{gpkg}|layername=facilities{suffix}', 'KIND_FIELD': 'kind',
              'ROADS': f'{gpkg}|layername=roads{suffix}', 'THRESHOLDS': str(thresholds), 'ACCESS_WALK': False,
              'MAX_SNAP': 200, 'OUTPUT': str(out) + '.gpkg', 'DISTRICT_TABLE': str(out) + '.csv'}
    start = time.perf_counter()
    processing.run('spm:life_circle', params, context=context)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--junctions', type=int, default=317)
    parser.add_argument('--homes', type=int, default=100_000)
    parser.add_argument('--facilities', type=int, default=5000)
    parser.add_argument('--peer-fraction', type=float, default=0.05)
    parser.add_argument('--seed', type=int, default=16)
    parser.add_argument('--generate', action='store_true', help='only write the instance (child process)')
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    gpkg, thresholds = WORK / 'life_circle.gpkg', WORK / 'life_circle_thresholds.csv'
    if args.generate:
        if gpkg.exists():
            gpkg.unlink()
        generate(args, gpkg, thresholds)
        return
    started = time.perf_counter()
    subprocess.run([sys.executable, __file__, '--generate'] + sys.argv[1:], check=True)
    results = {'generate_s': round(time.perf_counter() - started, 1)}
    import_plugin()
    app = qgis_app()  # noqa: F841
    sys.path.insert(0, str(ROOT / 'tests'))
    import geopandas as gpd
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProject, QgsVectorLayer
    from spatial_planning_monitor.provider.provider import SpmProvider
    import qgis_service_area
    provider = SpmProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setEllipsoid('NONE')   # planar lengths, as spm:life_circle measures in the working CRS

    results['ours_full_s'] = round(ours(gpkg, thresholds, '', WORK / 'lc_full', context), 2)
    results['ours_peak_rss_gib'] = peak_rss_gib()
    counts = {name: QgsVectorLayer(f'{gpkg}|layername={name}', name, 'ogr').featureCount()
              for name in ('roads', 'homes', 'facilities', 'roads_sub', 'homes_sub', 'facilities_sub')}
    results['instance'] = counts
    print(results, flush=True)
    results['ours_window_s'] = round(ours(gpkg, thresholds, '_sub', WORK / 'lc_sub', context), 2)
    mine = gpd.read_file(str(WORK / 'lc_sub') + '.gpkg')

    network = QgsVectorLayer(f'{gpkg}|layername=roads_sub', 'roads', 'ogr')
    homes = QgsVectorLayer(f'{gpkg}|layername=homes_sub', 'homes', 'ogr')
    service_s = rest_s = 0.0
    same = True
    per_kind = {}
    for kind, code, metres, _ in KINDS:
        facilities = QgsVectorLayer(f'{gpkg}|layername=facilities_sub|subset="kind" = \'{kind}\'', kind, 'ogr')
        timings = {}
        theirs = qgis_service_area.covered_ids(homes, facilities, network, metres, 200.0, context, 'hid',
                                               timings=timings)
        service_s += timings['service_area']
        rest_s += timings['rest']
        covered = set(mine.loc[mine['C_' + code] == 1, 'hid'])
        differ = sorted(covered ^ theirs)
        per_kind[code] = {'ours': len(covered), 'qgis': len(theirs), 'differ': len(differ),
                          'differing_homes': [{'hid': int(h), 'ours_m': float(mine.loc[mine['hid'] == h, 'D_' + code].iloc[0]),
                                               'snap_m': float(mine.loc[mine['hid'] == h, 'SNAP_M'].iloc[0]),
                                               'qgis_covers': h in theirs} for h in differ[:5]]}
        same &= covered == theirs
        print(code, per_kind[code], timings, flush=True)
    results['window_coverage'] = per_kind
    results['same_coverage_in_window'] = bool(same)
    results['homes_compared'] = counts['homes_sub'] * len(KINDS)
    results['qgis_window_s'] = round(service_s + rest_s, 2)
    scale_service = (counts['facilities'] / counts['facilities_sub']) * (counts['roads'] / counts['roads_sub'])
    scale_rest = counts['homes'] / counts['homes_sub']
    results['qgis_full_extrapolated_s'] = round(service_s * scale_service + rest_s * scale_rest, 0)
    results['extrapolation'] = (f'service areas {service_s:.1f} s × {scale_service:.0f} (facilities × segments '
                                f'ratios) + snapping/buffer/extract {rest_s:.1f} s × {scale_rest:.1f} (homes ratio)')
    results['speedup_window'] = round(results['qgis_window_s'] / results['ours_window_s'], 1)
    results['speedup_full_extrapolated'] = round(results['qgis_full_extrapolated_s'] / results['ours_full_s'], 0)
    results['peak_rss_gib'] = peak_rss_gib()
    save('life_circle', results)


if __name__ == '__main__':
    main()
