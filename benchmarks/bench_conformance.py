"""spm:plan_conformance against the chain native:intersection + area field + aggregate.

A synthetic county: current parcels tile a jittered grid (三调 codes), plan zones are blocks of
4 × 5 parcels whose boundaries follow the parcels' edges, except along some grid lines shifted by
half a parcel, so that about 11 % of the parcels straddle two or four zones (用地用海 codes).
Both sides read the same GeoPackage and write a GeoPackage, in one run, one after the other.

The floor is ``ogr2ogr`` copying both layers into a GeoPackage (read + write, no overlay); the
floor and our side run in pairs (``--repeat``), and the medians are reported, with the load
average of the (shared) machine.

Usage: flock /work/bench.lock /usr/bin/python3 benchmarks/bench_conformance.py [--parcels 100000]
       [--zones 5000] [--skip-peer]  (keep the peer's figures from the last results file)
       [--repeat 3]
The county is cached in benchmarks/work/county_<parcels>_<zones>.gpkg; results go to
benchmarks/results/conformance.json (1 M parcels) or conformance_<parcels>.json. The harness
(paired runs, medians, run-queue wait, answers compared) is _common.PairedBench.
"""

import os
import struct
import time

import numpy as np

from _common import PairedBench, peer_run, peer_sum, run_algorithm, sums_by

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

def _inputs(county):
    return {'parcels': (county, 'parcels'), 'zones': (county, 'zones')}


def _run_ours(inputs, out):
    county = inputs['parcels'][0]
    run_algorithm('plan_conformance', {
        'CURRENT': county + '|layername=parcels', 'CURRENT_FIELD': 'DLBM',
        'PLAN': county + '|layername=zones', 'PLAN_FIELD': 'YDYHFLDM',
        'OUTPUT': out + '_pieces.gpkg', 'SUMMARY': out + '_summary.gpkg'})
    by_class = sums_by(out + '_summary.gpkg', 'PLAN_CODE', 'AREA_M2', count='COUNT')
    return {'pieces': by_class.pop('#'), 'answer': by_class}


def _run_peer(inputs, out):
    county = inputs['parcels'][0]
    steps = {}
    start = time.perf_counter()
    intersected = peer_run('native:intersection', {
        'INPUT': county + '|layername=parcels', 'OVERLAY': county + '|layername=zones',
        'INPUT_FIELDS': ['DLBM'], 'OVERLAY_FIELDS': ['YDYHFLDM'],
        'OUTPUT': out + '_intersection.gpkg'})['OUTPUT']
    steps['intersection_s'] = round(time.perf_counter() - start, 3)
    start = time.perf_counter()
    with_area = peer_run('native:fieldcalculator', {
        'INPUT': intersected, 'FIELD_NAME': 'AREA_M2', 'FIELD_TYPE': 0, 'FIELD_LENGTH': 20,
        'FIELD_PRECISION': 3, 'FORMULA': '$area', 'OUTPUT': out + '_area.gpkg'})['OUTPUT']
    steps['area_s'] = round(time.perf_counter() - start, 3)
    start = time.perf_counter()
    summary = peer_sum(with_area, 'YDYHFLDM', ['AREA_M2'], out + '_summary.gpkg', 'COUNT')
    steps['aggregate_s'] = round(time.perf_counter() - start, 3)
    by_class = sums_by(summary, 'YDYHFLDM', 'AREA_M2', count='COUNT')
    return dict(steps, pieces=by_class.pop('#'), answer=by_class)


BENCH = PairedBench(
    __file__, 'conformance',
    'spm:plan_conformance vs native:intersection + field calculator ($area) + aggregate',
    _inputs, _run_ours, _run_peer, ('parcels', 'zones'))


if __name__ == '__main__':
    BENCH.main(make_county)
