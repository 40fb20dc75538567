"""spm:landuse_carbon against QGIS's chain for the same answer, and against the I/O floor.

The parcels of bench_conformance.py's county (三调 codes) and 20 districts (a 5 × 4 grid whose
lines cut through parcels, so that "the district a parcel overlaps most" matters). Our side runs
``spm:landuse_carbon`` with the shipped coefficients (ellipsoidal areas, the default); the peer:
``native:joinattributesbylocation`` (largest overlap), ``native:fieldcalculator`` for the net
emission ($area on the CGCS2000 ellipsoid / 10⁴ × the coefficient of the parcel's class, written
as a CASE over the codes, as a user would), and ``native:aggregate`` by district. The answers
compared: the net emission of each district (t CO₂/a). The floor: ogr2ogr copies the parcels
and the districts.

Usage: flock /work/bench.lock /usr/bin/python3 benchmarks/bench_landuse_carbon.py [--parcels 100000]
       [--repeat 3] [--skip-peer]
Results: benchmarks/results/landuse_carbon_<parcels>.json (landuse_carbon.json at 1 M).
"""

import os
import time

from _common import PairedBench, import_plugin, peer_run, peer_sum, run_algorithm, sums_by
from bench_conformance import CURRENT_CODES, make_county

GRID = (5, 4)


def _inputs(county):
    """The parcels and the districts (made once, in <county>_districts.gpkg)."""
    districts = county.replace('.gpkg', '_districts.gpkg')
    if not os.path.exists(districts):
        from osgeo import ogr
        source = ogr.Open(county)
        parcels = source.GetLayer('parcels')
        xmin, xmax, ymin, ymax = parcels.GetExtent()
        target = ogr.GetDriverByName('GPKG').CreateDataSource(districts)
        layer = target.CreateLayer('districts', parcels.GetSpatialRef(), ogr.wkbPolygon)
        layer.CreateField(ogr.FieldDefn('adcode', ogr.OFTString))
        nx, ny = GRID
        xs = [xmin + (xmax - xmin) * k / nx + (13.7 if 0 < k < nx else 0) for k in range(nx + 1)]
        ys = [ymin + (ymax - ymin) * k / ny + (7.3 if 0 < k < ny else 0) for k in range(ny + 1)]
        for i in range(nx):
            for j in range(ny):
                feature = ogr.Feature(layer.GetLayerDefn())
                feature.SetField('adcode', f'3503{i:01d}{j:01d}')
                feature.SetGeometry(ogr.CreateGeometryFromWkt(
                    'POLYGON(({0} {2}, {1} {2}, {1} {3}, {0} {3}, {0} {2}))'.format(
                        xs[i], xs[i + 1], ys[j], ys[j + 1])))
                layer.CreateFeature(feature)
        target = None
    return {'parcels': (county, 'parcels'), 'districts': (districts, 'districts')}


def _uri(inputs, name):
    return '{}|layername={}'.format(*inputs[name])


def _run_ours(inputs, out):
    run_algorithm('landuse_carbon', {
        'LANDUSE': _uri(inputs, 'parcels'), 'LANDUSE_FIELD': 'DLBM', 'CODE_SCHEME': 0,
        'DISTRICTS': _uri(inputs, 'districts'), 'DISTRICT_FIELD': 'adcode',
        'OUTPUT': out + '_parcels.gpkg', 'SUMMARY': out + '_summary.gpkg'})
    by_district = sums_by(out + '_summary.gpkg', 'DIST', 'NET_T', where="LU1 = '合计'")
    by_district.pop('#')
    return {'answer': by_district}


def coefficients():
    """{三调 code: t CO₂ hm⁻² a⁻¹ of its 用地用海 level-1 class} for the benchmark's codes."""
    import_plugin()
    from spatial_planning_monitor.core.carbon import classes, tables
    level1, _ = classes.level1_classes(CURRENT_CODES, 'current')
    table = tables.landuse_coefficients()
    return {code: float(table[cls]) for code, cls in zip(CURRENT_CODES, level1)}


def _run_peer(inputs, out):
    steps = {}
    start = time.perf_counter()
    joined = peer_run('native:joinattributesbylocation', {
        'INPUT': _uri(inputs, 'parcels'), 'JOIN': _uri(inputs, 'districts'), 'PREDICATE': [0],
        'JOIN_FIELDS': ['adcode'], 'METHOD': 2, 'DISCARD_NONMATCHING': False, 'PREFIX': '',
        'OUTPUT': out + '_joined.gpkg'})['OUTPUT']
    steps['join_s'] = round(time.perf_counter() - start, 3)
    start = time.perf_counter()
    factor = 'CASE ' + ' '.join(f"""WHEN "DLBM" = '{code}' THEN {value!r}"""
                                for code, value in coefficients().items()) + ' END'
    net = peer_run('native:fieldcalculator', {
        'INPUT': joined, 'FIELD_NAME': 'NET_T', 'FIELD_TYPE': 0, 'FIELD_LENGTH': 20,
        'FIELD_PRECISION': 12, 'FORMULA': f'$area / 10000.0 * ({factor})',
        'OUTPUT': out + '_net.gpkg'})['OUTPUT']
    steps['net_s'] = round(time.perf_counter() - start, 3)
    start = time.perf_counter()
    summary = peer_sum(net, 'adcode', ['NET_T'], out + '_summary.gpkg')
    steps['aggregate_s'] = round(time.perf_counter() - start, 3)
    by_district = sums_by(summary, 'adcode', 'NET_T')
    by_district.pop('#')
    return dict(steps, answer={'' if k is None else k: v for k, v in by_district.items()})


BENCH = PairedBench(
    __file__, 'landuse_carbon',
    'spm:landuse_carbon vs native:joinattributesbylocation (largest overlap) + field calculator '
    '($area × coefficient) + aggregate',
    _inputs, _run_ours, _run_peer, ('parcels', 'districts'))


if __name__ == '__main__':
    BENCH.main(make_county)
