"""spm:control_lines against QGIS's chain for the same answer, and against the I/O floor.

The county of bench_conformance.py (current parcels, 三调 codes); the three control lines are
made of its plan zones: 生态保护红线 = the zones planned 0301 林地, 0401 草地, 1701/1704 水域;
永久基本农田 = 0101/0103 耕地; 城镇开发边界 = the urban zones (07–16). Our side runs
``spm:control_lines`` with the shipped rules (layers/tables/control_line_rules.csv, no district
layer); the peer writes each rule as QGIS users do: ``native:extractbyexpression`` of the rule's
codes, ``native:intersection`` with the line (``native:difference`` for UDB_OUTSIDE, outside the
boundary), ``native:fieldcalculator`` for the type, then ``native:mergevectorlayers``, ``$area``
(CGCS2000 ellipsoid, as ours) and ``native:aggregate`` by type. The answers compared: the area of
each violation type. The floor: ogr2ogr copies the parcels and the three lines.

Usage: flock /work/bench.lock /usr/bin/python3 benchmarks/bench_control_lines.py [--parcels 100000]
       [--repeat 3] [--skip-peer]
Results: benchmarks/results/control_lines_<parcels>.json (control_lines.json at 1 M).
"""

import os
import subprocess
import time

from _common import PairedBench, import_plugin, peer_run, peer_sum, run_algorithm, sums_by
from bench_conformance import CURRENT_CODES, make_county

LINES = {'ECO_REDLINE': ('0301', '0401', '1701', '1704'), 'FARMLAND': ('0101', '0103'),
         'DEV_BOUNDARY': ('070101', '0702', '0703', '0801', '0804', '0901', '1001', '1101',
                          '1207', '1208', '1401', '16')}


def _inputs(county):
    """The parcels and the three lines (made once, in <county>_lines.gpkg)."""
    lines = county.replace('.gpkg', '_lines.gpkg')
    if not os.path.exists(lines):
        for name, codes in LINES.items():
            subprocess.run(['ogr2ogr', '-f', 'GPKG', '-update', '-append', lines, county, 'zones',
                            '-nln', name, '-where',
                            'YDYHFLDM IN ({})'.format(', '.join(f"'{c}'" for c in codes))],
                           check=True, capture_output=True)
    return dict({'parcels': (county, 'parcels')}, **{name: (lines, name) for name in LINES})


def _uri(inputs, name):
    return '{}|layername={}'.format(*inputs[name])


def _run_ours(inputs, out):
    run_algorithm('control_lines', dict({
        'LANDUSE': _uri(inputs, 'parcels'), 'LANDUSE_FIELD': 'DLBM',
        'OUTPUT': out + '_patches.gpkg', 'SUMMARY': out + '_summary.gpkg'},
        **{name: _uri(inputs, name) for name in LINES}))
    by_type = sums_by(out + '_summary.gpkg', 'VTYPE', 'AREA_M2', count='COUNT')
    return {'patches': by_type.pop('#'), 'answer': by_type}


def rule_codes():
    """{violation type: the benchmark's 三调 codes its (current-scheme) rule selects}, as a
    user writes them into an expression."""
    import numpy as np
    import_plugin()
    from types import SimpleNamespace
    from spatial_planning_monitor.core.landuse import control_lines, tables
    layer = SimpleNamespace(codes=np.array(CURRENT_CODES, dtype=object),
                            table=tables.load_current_classes())
    return {rule['type']: (rule['line'], rule['where'], [
        c for c, chosen in zip(CURRENT_CODES, control_lines._selected(layer, rule)) if chosen])
        for rule in control_lines.load_rules() if rule['scheme'] == 'current'}


def _run_peer(inputs, out):
    steps, parts = {}, []
    by_line = {}
    for vtype, (line, where, codes) in rule_codes().items():
        by_line.setdefault((line, where), []).append((vtype, codes))
    start = time.perf_counter()
    for k, ((line, where), rules) in enumerate(by_line.items()):
        quoted = lambda codes: ', '.join(f"'{c}'" for c in codes)  # noqa: E731
        selected = peer_run('native:extractbyexpression', {
            'INPUT': _uri(inputs, 'parcels'), 'OUTPUT': f'{out}_{k}_selected.gpkg',
            'EXPRESSION': '"DLBM" IN ({})'.format(quoted(sum((c for _, c in rules), [])))})['OUTPUT']
        if where == 'inside':
            cut = peer_run('native:intersection', {
                'INPUT': selected, 'OVERLAY': _uri(inputs, line), 'INPUT_FIELDS': ['DLBM'],
                'OVERLAY_FIELDS': ['fid'], 'OUTPUT': f'{out}_{k}_cut.gpkg'})['OUTPUT']
        else:
            cut = peer_run('native:difference', {
                'INPUT': selected, 'OVERLAY': _uri(inputs, line),
                'OUTPUT': f'{out}_{k}_cut.gpkg'})['OUTPUT']
        kind = 'CASE ' + ' '.join(f"""WHEN "DLBM" IN ({quoted(c)}) THEN '{v}'""" for v, c in rules) + ' END'
        parts.append(peer_run('native:fieldcalculator', {
            'INPUT': cut, 'FIELD_NAME': 'VTYPE', 'FIELD_TYPE': 2, 'FIELD_LENGTH': 20,
            'FORMULA': kind, 'OUTPUT': f'{out}_{k}_typed.gpkg'})['OUTPUT'])
    steps['select_cut_s'] = round(time.perf_counter() - start, 3)
    start = time.perf_counter()
    merged = peer_run('native:mergevectorlayers', {
        'LAYERS': parts, 'OUTPUT': out + '_merged.gpkg'})['OUTPUT']
    with_area = peer_run('native:fieldcalculator', {
        'INPUT': merged, 'FIELD_NAME': 'AREA_M2', 'FIELD_TYPE': 0, 'FIELD_LENGTH': 20,
        'FIELD_PRECISION': 3, 'FORMULA': '$area', 'OUTPUT': out + '_area.gpkg'})['OUTPUT']
    summary = peer_sum(with_area, 'VTYPE', ['AREA_M2'], out + '_summary.gpkg', 'COUNT')
    steps['merge_area_aggregate_s'] = round(time.perf_counter() - start, 3)
    by_type = sums_by(summary, 'VTYPE', 'AREA_M2', count='COUNT')
    return dict(steps, patches=by_type.pop('#'), answer=by_type,
                rules={v: {'line': line, 'where': where, 'codes': codes}
                       for v, (line, where, codes) in rule_codes().items()})


BENCH = PairedBench(
    __file__, 'control_lines',
    'spm:control_lines vs native:extractbyexpression + intersection/difference + field '
    'calculator + merge + $area + aggregate, per rule',
    _inputs, _run_ours, _run_peer, ('parcels',) + tuple(LINES))


if __name__ == '__main__':
    BENCH.main(make_county)
