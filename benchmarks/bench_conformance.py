"""spm:plan_conformance against the chain native:intersection + area field + aggregate.

A synthetic county: current parcels tile a jittered grid (三调 codes), plan zones are blocks of
4 × 5 parcels whose boundaries follow the parcels' edges, except along some grid lines shifted by
half a parcel, so that about 11 % of the parcels straddle two or four zones (用地用海 codes).
Both sides read the same GeoPackage and write a GeoPackage, in one run, one after the other.

The floor is ``ogr2ogr`` copying both layers into a GeoPackage (read + write, no overlay); the
floor and our side run in pairs (``--repeat``), and the medians are reported, with the load
average of the (shared) machine.

Usage: /usr/bin/python3 benchmarks/bench_conformance.py [--parcels 1000000] [--zones 50000]
       [--skip-peer]  (keep the peer's figures from the last results file) [--repeat 3]
The county is cached in benchmarks/work/county_<parcels>.gpkg.
"""

import argparse
import json
import os
import resource
import struct
import subprocess
import sys
import time

import numpy as np

from _common import RESULTS, WORK, import_plugin, save  # noqa: F401

CURRENT_CODES = ['0101', '0102', '0103', '0201', '0301', '0305', '0307', '0404', '05H1', '0601',
                 '0701', '0702', '08H1', '08H2', '1003', '1004', '1006', '1101', '1104', '1201',
                 '1202', '1203']
PLAN_CODES = ['0101', '0103', '0201', '0301', '0401', '0601', '070101', '0702', '0703', '0801',
              '0804', '0901', '1001', '1101', '1207', '1208', '1401', '16', '1701', '1704']
CELL = 40.0                   # parcel size, metres
ORIGIN = (40_480_000.0, 2_790_000.0)   # EPSG:4528 (3° zone 40, easting with zone prefix)


def _lattice(nx, ny, seed):
    """Jittered corner lattice (nx+1) × (ny+1) shared by parcels and zones."""
    rng = np.random.default_rng(seed)
    i, j = np.meshgrid(np.arange(nx + 1), np.arange(ny + 1), indexing='ij')
    x = ORIGIN[0] + i * CELL + rng.uniform(-6, 6, i.shape)
    y = ORIGIN[1] + j * CELL + rng.uniform(-6, 6, i.shape)
    return x, y


def _point(x, y, a2, b2):
    """Lattice point at half-integer position (a2/2, b2/2): corner, edge midpoint or cell centre."""
    a0, b0 = a2 // 2, b2 // 2
    a1, b1 = a0 + a2 % 2, b0 + b2 % 2
    return ((x[a0, b0] + x[a1, b0] + x[a0, b1] + x[a1, b1]) / 4.0,
            (y[a0, b0] + y[a1, b0] + y[a0, b1] + y[a1, b1]) / 4.0)


def _wkb_polygon(xs, ys):
    ring = np.empty(2 * len(xs))
    ring[0::2], ring[1::2] = xs, ys
    return struct.pack('<BII', 1, 3, 1) + struct.pack('<I', len(xs)) + ring.astype('<f8').tobytes()


def make_county(path, n_parcels, n_zones, seed=0):
    """Write the county GeoPackage (layers ``parcels`` DLBM, ``zones`` YDYHFLDM) and return it."""
    from osgeo import ogr, osr
    nx = int(round(np.sqrt(n_parcels)))
    ny = n_parcels // nx
    zx = max(1, int(round(np.sqrt(n_zones * nx / ny * 4 / 5))))      # zones of ~4 × 5 parcels
    zy = max(1, n_zones // zx)
    x, y = _lattice(nx, ny, seed)
    rng = np.random.default_rng(seed + 1)
    # zone boundary lines in half-parcel units; some interior lines shifted by half a parcel
    cols = np.round(np.linspace(0, nx, zx + 1)).astype(int) * 2
    rows = np.round(np.linspace(0, ny, zy + 1)).astype(int) * 2
    cols[1:-1] += (rng.random(len(cols) - 2) < 0.3).astype(int)
    rows[1:-1] += (rng.random(len(rows) - 2) < 0.2).astype(int)

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4528)
    if os.path.exists(path):
        os.remove(path)
    ds = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    layer = ds.CreateLayer('parcels', srs, ogr.wkbPolygon, ['SPATIAL_INDEX=YES'])
    layer.CreateField(ogr.FieldDefn('DLBM', ogr.OFTString))
    defn = layer.GetLayerDefn()
    codes = rng.choice(CURRENT_CODES, size=nx * ny)
    offsets = [(0, 0), (1, 0), (2, 0), (2, 1), (2, 2), (1, 2), (0, 2), (0, 1), (0, 0)]
    layer.StartTransaction()
    k = 0
    for i in range(nx):
        for j in range(ny):
            ring = [_point(x, y, 2 * i + a, 2 * j + b) for a, b in offsets]
            feature = ogr.Feature(defn)
            feature.SetField(0, str(codes[k]))
            feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(
                _wkb_polygon([p[0] for p in ring], [p[1] for p in ring])))
            layer.CreateFeature(feature)
            k += 1
    layer.CommitTransaction()

    layer = ds.CreateLayer('zones', srs, ogr.wkbPolygon, ['SPATIAL_INDEX=YES'])
    layer.CreateField(ogr.FieldDefn('YDYHFLDM', ogr.OFTString))
    defn = layer.GetLayerDefn()
    layer.StartTransaction()
    for a in range(len(cols) - 1):
        for b in range(len(rows) - 1):
            c0, c1, r0, r1 = cols[a], cols[a + 1], rows[b], rows[b + 1]
            walk = ([(c, r0) for c in range(c0, c1)] + [(c1, r) for r in range(r0, r1)]
                    + [(c, r1) for c in range(c1, c0, -1)] + [(c0, r) for r in range(r1, r0, -1)]
                    + [(c0, r0)])
            ring = [_point(x, y, p, q) for p, q in walk]
            feature = ogr.Feature(defn)
            feature.SetField(0, str(rng.choice(PLAN_CODES)))
            feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(
                _wkb_polygon([p[0] for p in ring], [p[1] for p in ring])))
            layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None
    return path


# --- the two sides, each in its own process (so each has its own peak memory) -----------------

def _run_ours(county, out):
    from qgis.core import (QgsApplication, QgsProcessingAlgorithm, QgsProcessingContext,
                           QgsProcessingFeedback, QgsProject)
    from spatial_planning_monitor.provider.provider import SpmProvider
    provider = SpmProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    class Feedback(QgsProcessingFeedback):
        errors = []

        def reportError(self, error, fatalError=False):  # noqa: N802, N803
            self.errors.append(error)
    feedback = Feedback()
    alg = QgsApplication.processingRegistry().createAlgorithmById('spm:plan_conformance')
    # QgsProcessingAlgorithm.run called unbound: immune to a Python override of ``run``
    results, ok = QgsProcessingAlgorithm.run(alg, {
        'CURRENT': county + '|layername=parcels', 'CURRENT_FIELD': 'DLBM',
        'PLAN': county + '|layername=zones', 'PLAN_FIELD': 'YDYHFLDM',
        'OUTPUT': out + '_pieces.gpkg', 'SUMMARY': out + '_summary.gpkg'}, context, feedback)
    if not ok:
        raise SystemExit('spm:plan_conformance failed: ' + ' | '.join(feedback.errors))
    from osgeo import ogr
    by_class = {}
    summary = ogr.Open(out + '_summary.gpkg')   # keep the data source alive while reading
    for feature in summary.GetLayer(0):
        key = feature.GetField('PLAN_CODE')
        by_class[key] = by_class.get(key, 0.0) + feature.GetField('AREA_M2')
    pieces = ogr.Open(out + '_pieces.gpkg')
    return {'pieces': pieces.GetLayer(0).GetFeatureCount(), 'by_class': by_class}


def _run_peer(county, out):
    import processing
    steps = {}
    start = time.perf_counter()
    intersected = processing.run('native:intersection', {
        'INPUT': county + '|layername=parcels', 'OVERLAY': county + '|layername=zones',
        'INPUT_FIELDS': ['DLBM'], 'OVERLAY_FIELDS': ['YDYHFLDM'],
        'OUTPUT': out + '_intersection.gpkg'})['OUTPUT']
    steps['intersection_s'] = round(time.perf_counter() - start, 3)
    start = time.perf_counter()
    with_area = processing.run('native:fieldcalculator', {
        'INPUT': intersected, 'FIELD_NAME': 'AREA_M2', 'FIELD_TYPE': 0, 'FIELD_LENGTH': 20,
        'FIELD_PRECISION': 3, 'FORMULA': '$area', 'OUTPUT': out + '_area.gpkg'})['OUTPUT']
    steps['area_s'] = round(time.perf_counter() - start, 3)
    start = time.perf_counter()
    summary = processing.run('native:aggregate', {
        'INPUT': with_area, 'GROUP_BY': '"YDYHFLDM"', 'AGGREGATES': [
            {'aggregate': 'first_value', 'delimiter': ',', 'input': '"YDYHFLDM"', 'length': 0,
             'name': 'YDYHFLDM', 'precision': 0, 'type': 10},
            {'aggregate': 'sum', 'delimiter': ',', 'input': '"AREA_M2"', 'length': 20,
             'name': 'AREA_M2', 'precision': 3, 'type': 6},
            {'aggregate': 'count', 'delimiter': ',', 'input': '"AREA_M2"', 'length': 10,
             'name': 'COUNT', 'precision': 0, 'type': 2}],
        'OUTPUT': out + '_summary.gpkg'})['OUTPUT']
    steps['aggregate_s'] = round(time.perf_counter() - start, 3)
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(summary, 'summary', 'ogr')
    by_class = {f['YDYHFLDM']: f['AREA_M2'] for f in layer.getFeatures()}
    pieces = sum(f['COUNT'] for f in layer.getFeatures())
    return dict(steps, pieces=pieces, by_class=by_class)


def side(name, county):
    """Run one side in this process; print its figures as JSON on the last line."""
    import_plugin()
    from _common import qgis_app
    app = qgis_app()  # noqa: F841 (kept alive for the run)
    out = os.path.join(WORK, name + '_' + os.path.splitext(os.path.basename(county))[0])
    _remove(out)
    wall, cpu = time.perf_counter(), time.process_time()
    figures = (_run_ours if name == 'ours' else _run_peer)(county, out)
    figures.update(wall_s=round(time.perf_counter() - wall, 3),
                   cpu_s=round(time.process_time() - cpu, 3),
                   peak_gib=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2, 3))
    _remove(out)
    print(json.dumps(figures))


def _remove(stem):
    for suffix in ('_pieces.gpkg', '_summary.gpkg', '_intersection.gpkg', '_area.gpkg'):
        if os.path.exists(stem + suffix):
            os.remove(stem + suffix)


def floor(county, out):
    """The I/O floor: ogr2ogr copies both input layers (read and write) into one GeoPackage."""
    target = out + '_floor.gpkg'
    if os.path.exists(target):
        os.remove(target)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    for layer in ('parcels', 'zones'):
        subprocess.run(['ogr2ogr', '-f', 'GPKG', '-update', '-append', target, county, layer],
                       check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    os.remove(target)
    return {'wall_s': round(time.perf_counter() - wall, 3),
            'cpu_s': round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 3)}


def _child(name, county):
    done = subprocess.run([sys.executable, __file__, '--side', name, '--county', county],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f'{name} failed:\n{done.stderr[-3000:]}')
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--parcels', type=int, default=1_000_000)
    parser.add_argument('--zones', type=int, default=None, help='default: parcels / 20')
    parser.add_argument('--skip-peer', action='store_true',
                        help="reuse the peer's figures of the last results file (same sizes)")
    parser.add_argument('--repeat', type=int, default=3, help='paired runs of the floor and ours')
    parser.add_argument('--side', choices=('ours', 'peer'), help=argparse.SUPPRESS)
    parser.add_argument('--county', help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        return side(args.side, args.county)
    zones = args.zones or args.parcels // 20
    os.makedirs(WORK, exist_ok=True)
    county = os.path.join(WORK, f'county_{args.parcels}_{zones}.gpkg')
    if not os.path.exists(county):
        start = time.perf_counter()
        make_county(county, args.parcels, zones)
        print(f'county generated in {time.perf_counter() - start:.1f} s: {county}')
    pairs = []
    for _ in range(args.repeat):          # paired runs: the machine is shared
        pairs.append((floor(county, os.path.join(WORK, 'floor')), _child('ours', county)))
    median = lambda values: float(np.median(values))  # noqa: E731
    ours = dict(pairs[-1][1], wall_s=median([o['wall_s'] for _, o in pairs]),
                cpu_s=median([o['cpu_s'] for _, o in pairs]))
    floor_figures = {'wall_s': median([f['wall_s'] for f, _ in pairs]),
                     'cpu_s': median([f['cpu_s'] for f, _ in pairs])}
    topic = 'conformance' if args.parcels == 1_000_000 else f'conformance_{args.parcels}'
    previous = RESULTS / f'{topic}.json'
    peer = None
    if args.skip_peer and previous.exists():
        old = json.loads(previous.read_text())
        if old.get('parcels_requested') == args.parcels and old.get('zones_requested') == zones:
            peer = old['peer']
    if peer is None:
        peer = _child('peer', county)
    classes = set(ours['by_class']) | set(peer['by_class'])
    worst = max(abs(ours['by_class'].get(c, 0.0) - peer['by_class'].get(c, 0.0))
                / max(peer['by_class'].get(c, 0.0), 1e-9) for c in classes if c)
    results = {
        'topic': 'spm:plan_conformance vs native:intersection + field calculator ($area) + aggregate',
        'parcels_requested': args.parcels, 'zones_requested': zones,
        'ours': {k: v for k, v in ours.items() if k != 'by_class'},
        'floor': dict(floor_figures, what='ogr2ogr copies parcels and zones into one GeoPackage'),
        'ratio_to_floor_wall': round(median([o['wall_s'] / f['wall_s'] for f, o in pairs]), 2),
        'ratio_to_floor_cpu': round(median([o['cpu_s'] / f['cpu_s'] for f, o in pairs]), 2),
        'ours_wall_over_cpu': round(ours['wall_s'] / ours['cpu_s'], 2),
        'pairs': [{'floor': f, 'ours_wall_s': o['wall_s'], 'ours_cpu_s': o['cpu_s']} for f, o in pairs],
        'load_average': os.getloadavg(),
        'peer': peer,
        'ratio_wall': round(peer['wall_s'] / ours['wall_s'], 2),
        'ratio_cpu': round(peer['cpu_s'] / ours['cpu_s'], 2),
        'max_class_area_rel_diff': worst,
        'peer_reused': args.skip_peer and peer is not None and 'reused' or False,
    }
    save(topic, results)


if __name__ == '__main__':
    main()
