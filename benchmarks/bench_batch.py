"""The batch engine on a generated province: LocalCluster with 1 and 2 workers, one after the other.

The province is made of counties (``bench_conformance.make_county``, each with its own seed), laid
side by side and appended chunk by chunk into one GeoPackage with ``ogr2ogr`` — no step holds
more than one county. Each run is ``spm:plan_conformance``'s batch job; the figures: wall time,
tiles per second, peak resident memory of each worker (sampled every 0.2 s) and of the client.

Usage: flock /work/bench.lock /usr/bin/python3 benchmarks/bench_batch.py [--parcels 10000000]
       [--chunk 250000] [--workers 1 2] [--memory-limit 2GiB] [--scheduler tcp://host:8786]
The province is cached in benchmarks/work/province_<parcels>_<chunk>.gpkg (``--generate-only``
makes it and stops). With --scheduler the run goes to that cluster (its workers must see the same
paths, e.g. on a shared disk); worker memory is then not sampled. Results: benchmarks/results/
batch.json for 10 M parcels, batch_<parcels>.json for other sizes; each run records the load
average before and after it (the machine is shared).
"""

import argparse
import os
import resource
import subprocess
import threading
import time

from _common import WORK, import_plugin, save
from bench_conformance import CELL, make_county


def make_province(path, parcels, chunk):
    """Counties of ``chunk`` parcels (zones of ~20 parcels) in a row of columns, appended."""
    counties = max(1, -(-parcels // chunk))
    per_row = max(1, int(round(counties ** 0.5)))
    side = int(round(chunk ** 0.5)) * CELL + 100.0          # a county's width and a gap
    part = os.path.splitext(path)[0] + '_part.gpkg'     # one per province: several may be made
    if os.path.exists(path):
        os.remove(path)
    for k in range(counties):
        make_county(part, chunk, chunk // 20, seed=1000 + k)
        dx, dy = (k % per_row) * side, (k // per_row) * side
        for layer, field in (('parcels', 'DLBM'), ('zones', 'YDYHFLDM')):
            subprocess.run(['ogr2ogr', '-f', 'GPKG', '-append', '-nln', layer, '-dialect', 'sqlite',
                            '-sql', f'SELECT ST_Translate(geom, {dx}, {dy}, 0) AS geom, {field} '
                                    f'FROM {layer}', path, part], check=True)
        print(f'county {k + 1}/{counties} appended', flush=True)
    os.remove(part)
    return path


class Sampler(threading.Thread):
    """Peak RSS of each worker process of a LocalCluster (children of this process)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peaks, self.stop = {}, False

    def run(self):
        import psutil
        me = psutil.Process()
        while not self.stop:
            for child in me.children(recursive=True):
                try:
                    if 'spawn_main' in ' '.join(child.cmdline()):
                        rss = child.memory_info().rss
                        self.peaks[child.pid] = max(self.peaks.get(child.pid, 0), rss)
                except psutil.Error:
                    pass
            time.sleep(0.2)


def run(province, workers, memory_limit, scheduler):
    from spatial_planning_monitor.batch import engine, jobs
    out = os.path.join(WORK, f'province_out_{workers}.gpkg')
    for stale in (out,):
        if os.path.exists(stale):
            os.remove(stale)
    sampler = Sampler()
    sampler.start()
    load_before = os.getloadavg()
    start = time.perf_counter()
    figures = engine.run(
        jobs.job('plan_conformance', {'CURRENT': f'{province}|layername=parcels',
                                      'PLAN': f'{province}|layername=zones'}),
        {'OUTPUT': out, 'SUMMARY': f'{out}|layername=summary'}, scheduler=scheduler,
        workers=workers, memory_limit=memory_limit,
        progress=lambda d, t: print(f'  tiles {d}/{t}', end='\r', flush=True))
    wall = time.perf_counter() - start
    sampler.stop = True
    sampler.join()
    os.remove(out)
    # workers restarted by their nanny show up as further processes: keep the largest per slot
    peaks = sorted(sampler.peaks.values(), reverse=True)
    return dict(figures, workers=workers, wall_s=round(wall, 1),
                load_before=[round(v, 2) for v in load_before],
                load_after=[round(v, 2) for v in os.getloadavg()],
                tiles_per_s=round(figures['tiles'] / wall, 2),
                parcels_per_s=round(figures['features'] / wall),
                peak_worker_gib=[round(p / 2 ** 30, 2) for p in peaks[:workers]],
                client_peak_gib=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2 ** 20, 2))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--parcels', type=int, default=10_000_000)
    parser.add_argument('--chunk', type=int, default=250_000, help='parcels per generated county')
    parser.add_argument('--workers', type=int, nargs='+', default=[1, 2])
    parser.add_argument('--memory-limit', default='2GiB')
    parser.add_argument('--scheduler')
    parser.add_argument('--generate-only', action='store_true')
    args = parser.parse_args()
    import_plugin()
    os.makedirs(WORK, exist_ok=True)
    chunk = min(args.chunk, args.parcels)
    province = os.path.join(WORK, f'province_{args.parcels}_{chunk}.gpkg')
    if not os.path.exists(province):
        start = time.perf_counter()
        making = os.path.splitext(province)[0] + '_new.gpkg'   # cached only when complete
        make_province(making, args.parcels, chunk)
        os.replace(making, province)
        print(f'province generated in {time.perf_counter() - start:.0f} s: {province}')
    if args.generate_only:
        return
    runs = []
    for workers in args.workers:
        runs.append(run(province, workers, args.memory_limit, args.scheduler))
        print(runs[-1])
    save('batch' if args.parcels == 10_000_000 else f'batch_{args.parcels}', {'topic': 'batch plan_conformance on a generated province, LocalCluster',
                   'parcels_requested': args.parcels, 'chunk': chunk,
                   'memory_limit': args.memory_limit, 'scheduler': args.scheduler or 'local',
                   'runs': runs,
                   'speedup': round(runs[0]['wall_s'] / runs[-1]['wall_s'], 2)
                   if len(runs) > 1 else None})


if __name__ == '__main__':
    main()
