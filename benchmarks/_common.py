"""Shared by the benchmark scripts: import the plugin from the checkout, time things, save results."""

import json
import os
import platform
import resource
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / 'benchmarks' / 'results'
WORK = ROOT / 'benchmarks' / 'work'


def import_plugin():
    """Make ``spatial_planning_monitor`` importable (link in build/plugins) and return its root."""
    sys.path.insert(0, str(ROOT / 'scripts'))
    from devenv import link_plugin
    link_plugin()
    return ROOT


def qgis_app():
    """A headless QgsApplication with Processing initialised."""
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append('/usr/share/qgis/python/plugins')
    from processing.core.Processing import Processing
    Processing.initialize()
    return app


@contextmanager
def timer(results, key):
    """Record the wall time of the block in ``results[key]`` (seconds)."""
    start = time.perf_counter()
    yield
    results[key] = round(time.perf_counter() - start, 3)


def peak_rss_gib():
    """Peak resident memory of this process so far, GiB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2, 3)


def save(topic, results):
    """Write benchmarks/results/<topic>.json with the machine's description, and print it."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    results = dict(results, machine=f'{platform.machine()} {os.cpu_count()} cores, {platform.python_version()}')
    (RESULTS / f'{topic}.json').write_text(json.dumps(results, indent=2, ensure_ascii=False) + '\n')
    print(json.dumps(results, indent=2, ensure_ascii=False))
    return results


# --- one algorithm against the I/O floor and a QGIS peer, in one run (bench_conformance.py,
# bench_control_lines.py, bench_landuse_carbon.py) ----------------------------------------------

def schedstat():
    """(CPU s, run-queue wait s) of this process's live threads, from /proc (Linux): the time
    spent waiting for a core, as opposed to waiting for I/O (the rest of the wall time)."""
    cpu = wait = 0
    try:
        for task in os.listdir('/proc/self/task'):
            with open(f'/proc/self/task/{task}/schedstat', encoding='ascii') as stat:
                on_cpu, queued, _ = stat.read().split()
            cpu, wait = cpu + int(on_cpu), wait + int(queued)
    except OSError:
        return float('nan'), float('nan')
    return cpu / 1e9, wait / 1e9


def pressure():
    """Stall totals (s) of the whole machine from /proc/pressure (Linux PSI): time some task
    waited for a CPU, and time some task waited for I/O; NaN where unavailable."""
    out = []
    for resource_name in ('cpu', 'io'):
        try:
            with open(f'/proc/pressure/{resource_name}', encoding='ascii') as stat:
                out.append(int(stat.readline().rsplit('total=', 1)[1]) / 1e6)
        except (OSError, IndexError, ValueError):
            out.append(float('nan'))
    return out


def run_algorithm(algorithm, parameters):
    """Run ``spm:<algorithm>`` in this process (QGIS and the provider already loaded); raise
    SystemExit with the errors when it fails."""
    from qgis.core import (QgsApplication, QgsProcessingAlgorithm, QgsProcessingContext,
                           QgsProcessingFeedback, QgsProject)

    class Feedback(QgsProcessingFeedback):
        errors = []

        def reportError(self, error, fatalError=False):  # noqa: N802, N803
            self.errors.append(error)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = Feedback()
    alg = QgsApplication.processingRegistry().createAlgorithmById('spm:' + algorithm)
    # QgsProcessingAlgorithm.run called unbound: immune to a Python override of ``run``
    results, ok = QgsProcessingAlgorithm.run(alg, parameters, context, feedback)
    if not ok:
        raise SystemExit(f'spm:{algorithm} failed: ' + ' | '.join(feedback.errors))
    return results


def peer_run(algorithm, parameters):
    """``processing.run`` of a QGIS algorithm in a context whose ellipsoid is CGCS2000 (EPSG:1024),
    as in a project set up for Chinese survey data: ``$area`` is then the ellipsoidal area our
    algorithms report (without it, ``$area`` is planar, 1e-5 larger 20 km off the meridian)."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setEllipsoid('EPSG:1024')
    return processing.run(algorithm, parameters, context=context,
                          feedback=QgsProcessingFeedback())


def peer_sum(layer, group, sums, output, count=None):
    """``native:aggregate`` of ``layer`` by field ``group``: its first value, the sum of each
    field of ``sums`` and, when ``count`` is given, the number of rows in a field of that name."""
    def entry(kind, field, name, length, precision, type_):
        return {'aggregate': kind, 'delimiter': ',', 'input': f'"{field}"', 'length': length,
                'name': name, 'precision': precision, 'type': type_}
    aggregates = [entry('first_value', group, group, 0, 0, 10)] + \
        [entry('sum', name, name, 30, 12, 6) for name in sums] + \
        ([entry('count', sums[0], count, 10, 0, 2)] if count else [])
    return peer_run('native:aggregate', {'INPUT': layer, 'GROUP_BY': f'"{group}"',
                                         'AGGREGATES': aggregates, 'OUTPUT': output})['OUTPUT']


def sums_by(path, key, value, count=None, where=None):
    """{key value: sum of ``value``} over the first layer of ``path`` (rows matching the OGR
    filter ``where``), and the number of rows (or the sum of ``count``) under '#'."""
    from osgeo import ogr
    dataset = ogr.Open(str(path))          # kept alive while reading
    layer = dataset.GetLayer(0)
    if where:
        layer.SetAttributeFilter(where)
    out, rows = {}, 0
    for feature in layer:
        name = feature.GetField(key)
        out[name] = out.get(name, 0.0) + (feature.GetField(value) or 0.0)
        rows += feature.GetField(count) if count else 1
    out['#'] = rows
    return out


def ogr_floor(inputs, target):
    """The I/O floor: ``ogr2ogr`` copies every (path, layer) of ``inputs`` (read and write) into
    one GeoPackage ``target``; wall and CPU time of the copies."""
    import subprocess
    if os.path.exists(target):
        os.remove(target)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    for path, layer in inputs:
        subprocess.run(['ogr2ogr', '-f', 'GPKG', '-update', '-append', str(target), str(path), layer],
                       check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    os.remove(target)
    return {'wall_s': round(time.perf_counter() - wall, 3),
            'cpu_s': round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 3)}


class PairedBench:
    """An algorithm (``ours``) against the I/O floor (ogr2ogr copying its inputs) and a QGIS
    chain giving the same answer (``peer``), on the county of bench_conformance.py.

    ``prepare(county)`` adds what the run needs beside the parcels and zones and returns the
    inputs as {name: (path, layer)}; ``ours(inputs, out)``/``peer(inputs, out)`` run one side
    (files named ``out`` + suffix) and return figures with ``answer``: {key: number} (areas or
    tonnes by class), compared key by key. Each side runs in a child process of its own, so that
    its peak memory is its own; the timer starts once QGIS and the plugin are loaded (the peer's
    provider is loaded then too). ``floor_inputs`` names the inputs ogr2ogr copies.
    """

    def __init__(self, script, topic, description, prepare, ours, peer, floor_inputs):
        self.script, self.topic, self.description = script, topic, description
        self.prepare, self.ours, self.peer, self.floor_inputs = prepare, ours, peer, floor_inputs

    def side(self, name, county):
        """Run one side in this process; print its figures as JSON on the last line."""
        import_plugin()
        app = qgis_app()  # noqa: F841 (kept alive for the run)
        from qgis.core import QgsApplication
        start = time.perf_counter()
        from spatial_planning_monitor.provider.provider import SpmProvider
        provider = SpmProvider()
        QgsApplication.processingRegistry().addProvider(provider)
        loading = time.perf_counter() - start
        inputs = self.prepare(county)
        out = str(WORK / f'{name}_{os.path.splitext(os.path.basename(county))[0]}')
        _remove_outputs(out)
        wall, cpu, sched, stalls = time.perf_counter(), time.process_time(), schedstat(), pressure()
        figures = (self.ours if name == 'ours' else self.peer)(inputs, out)
        after, stalls_after = schedstat(), pressure()
        figures.update(wall_s=round(time.perf_counter() - wall, 3),
                       cpu_s=round(time.process_time() - cpu, 3),
                       runqueue_wait_s=round(after[1] - sched[1], 3),
                       machine_cpu_stall_s=round(stalls_after[0] - stalls[0], 3),
                       machine_io_stall_s=round(stalls_after[1] - stalls[1], 3),
                       provider_load_s=round(loading, 3), peak_gib=peak_rss_gib())
        _remove_outputs(out)
        print(json.dumps(figures, ensure_ascii=False))

    def _child(self, name, county):
        import subprocess
        done = subprocess.run([sys.executable, self.script, '--side', name, '--county', county],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f'{name} failed:\n{done.stderr[-3000:]}')
        return json.loads(done.stdout.strip().splitlines()[-1])

    def main(self, make_county):
        import argparse
        import numpy as np
        parser = argparse.ArgumentParser(description=self.description)
        parser.add_argument('--parcels', type=int, default=100_000)
        parser.add_argument('--zones', type=int, default=None, help='default: parcels / 20')
        parser.add_argument('--skip-peer', action='store_true',
                            help="reuse the peer's figures of the last results file (same sizes)")
        parser.add_argument('--repeat', type=int, default=3, help='paired runs of the floor and ours')
        parser.add_argument('--side', choices=('ours', 'peer'), help=argparse.SUPPRESS)
        parser.add_argument('--county', help=argparse.SUPPRESS)
        args = parser.parse_args()
        if args.side:
            return self.side(args.side, args.county)
        zones = args.zones or args.parcels // 20
        WORK.mkdir(parents=True, exist_ok=True)
        county = str(WORK / f'county_{args.parcels}_{zones}.gpkg')
        if not os.path.exists(county):
            start = time.perf_counter()
            make_county(county, args.parcels, zones)
            print(f'county generated in {time.perf_counter() - start:.1f} s: {county}')
        floor_inputs = [self.prepare(county)[name] for name in self.floor_inputs]
        pairs = []
        for _ in range(args.repeat):          # paired runs: the machine is shared
            pairs.append((ogr_floor(floor_inputs, WORK / 'floor.gpkg'), self._child('ours', county)))
        median = lambda values: round(float(np.median(values)), 3)  # noqa: E731
        ours = dict(pairs[-1][1], **{k: median([o[k] for _, o in pairs]) for k in (
            'wall_s', 'cpu_s', 'runqueue_wait_s', 'machine_cpu_stall_s', 'machine_io_stall_s')})
        floor = {k: median([f[k] for f, _ in pairs]) for k in ('wall_s', 'cpu_s')}
        topic = self.topic if args.parcels == 1_000_000 else f'{self.topic}_{args.parcels}'
        previous = RESULTS / f'{topic}.json'
        peer, reused = None, False
        if args.skip_peer and previous.exists():
            old = json.loads(previous.read_text())
            if old.get('parcels_requested') == args.parcels and old.get('zones_requested') == zones:
                peer, reused = old['peer'], True
        if peer is None:
            peer = self._child('peer', county)
        peer.setdefault('answer', peer.get('by_class', {}))     # results files before PairedBench
        keys = set(ours['answer']) | set(peer['answer'])
        worst = max((abs(ours['answer'].get(k, 0.0) - peer['answer'].get(k, 0.0))
                     / max(abs(peer['answer'].get(k, 0.0)), 1e-9) for k in keys if k != '#'),
                    default=0.0)
        return save(topic, {
            'topic': self.description,
            'parcels_requested': args.parcels, 'zones_requested': zones,
            'ours': ours,
            'floor': dict(floor, what='ogr2ogr copies ' + ', '.join(
                f'{path.rsplit("/", 1)[-1]}:{layer}' for path, layer in floor_inputs)
                + ' into one GeoPackage'),
            'ratio_to_floor_wall': round(median([o['wall_s'] / f['wall_s'] for f, o in pairs]), 2),
            'ratio_to_floor_cpu': round(median([o['cpu_s'] / f['cpu_s'] for f, o in pairs]), 2),
            'ours_wall_over_cpu': round(ours['wall_s'] / ours['cpu_s'], 2),
            'ours_runqueue_wait_share_of_gap': round(
                ours['runqueue_wait_s'] / (ours['wall_s'] - ours['cpu_s']), 2)
            if ours['wall_s'] - ours['cpu_s'] > 0.1 else None,      # no gap to explain
            'pairs': [{'floor': f, 'ours_wall_s': o['wall_s'], 'ours_cpu_s': o['cpu_s'],
                       'ours_runqueue_wait_s': o['runqueue_wait_s']} for f, o in pairs],
            'load_average': os.getloadavg(),
            'peer': peer,
            'ratio_wall': round(peer['wall_s'] / ours['wall_s'], 2),
            'ratio_cpu': round(peer['cpu_s'] / ours['cpu_s'], 2),
            'answer_keys': len(keys),
            'max_answer_rel_diff': worst,
            'peer_reused': reused,
        })


def _remove_outputs(stem):
    folder, name = os.path.split(stem)
    for entry in os.listdir(folder or '.'):
        if entry.startswith(name + '_') and entry.endswith('.gpkg'):
            os.remove(os.path.join(folder, entry))
