#!/usr/bin/env python3
"""城市运行体征 at scale: 1,000 sensors × 10,000 readings (10 M rows, 5-minute readings over 35 days)
in a GeoPackage table and in PostgreSQL. For each store: the I/O floor (just reading the four columns
with the same reader, GDAL's Arrow stream) against the whole job (read, match to sensors and
thresholds, levels with hysteresis, events, rate alarms, sensor states). Target: ≤ 2× the floor,
< 4 GiB. Each store runs in its own process so that its peak memory is its own; there the floor and
the whole job are timed in turn ``--repeat`` times after a warm-up read, and the best of each counts
(every run is recorded, and the ratio of the medians too).

    /usr/bin/python3 benchmarks/bench_vitals.py [--sensors 1000] [--readings 10000] [--repeat 3] [--keep]

Writing the inputs takes minutes (the 10 M-row GeoPackage about 200 s, the PostgreSQL load about
150 s). With ``--keep`` they stay in benchmarks/work (vitals.gpkg and the server's data folder
vitals_pg/, about 2 GB) and a later run with the same sizes reuses them instead of writing them again.
"""

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from _common import ROOT, WORK, import_plugin, peak_rss_gib, save

KINDS = (('积水监测仪', 'depth'), ('管网压力监测仪', 'ch4'), ('边坡位移监测仪', 'disp'), ('水位监测仪', 'level'))
BASE = {'depth': 0.0, 'ch4': 0.5, 'disp': 5.0, 'level': 2.5}
SCALE = {'depth': 6.0, 'ch4': 3.0, 'disp': 6.0, 'level': 0.5}


def readings(n_sensors, n_readings, seed=1):
    """Sensor i reports metric of kind i % 4 every 5 minutes; a random walk with storms."""
    rng = np.random.default_rng(seed)
    kinds = np.arange(n_sensors) % len(KINDS)
    t0 = np.datetime64('2025-06-01T00:00:00')
    step = np.arange(n_readings) * 300
    rows = n_sensors * n_readings
    ids = np.repeat(np.arange(1, n_sensors + 1), n_readings)
    metric = np.array([m for _, m in KINDS])[np.repeat(kinds, n_readings)]
    wave = np.sin(np.arange(n_readings) / 900.0) ** 8          # a storm now and then
    base = np.array([BASE[m] for _, m in KINDS])[np.repeat(kinds, n_readings)]
    scale = np.array([SCALE[m] for _, m in KINDS])[np.repeat(kinds, n_readings)]
    noise = rng.normal(0, 0.02, rows).astype(np.float32)
    value = base + scale * (np.tile(wave, n_sensors) * rng.uniform(0.3, 8, n_sensors).repeat(n_readings) + noise)
    value = np.maximum(value, 0).round(2)
    times = (t0 + np.tile(step, n_sensors).astype('timedelta64[s]'))
    return pd.DataFrame({'sensor_id': ids, 'time': times, 'metric': metric, 'value': value}), sensor_table(n_sensors)


def sensor_table(n_sensors):
    kinds = np.arange(n_sensors) % len(KINDS)
    return pd.DataFrame({'id': np.arange(1, n_sensors + 1), 'kind': [KINDS[k][0] for k in kinds]})


def write_gpkg(frame, path):
    from osgeo import gdal, ogr
    gdal.UseExceptions()
    if path.exists():
        path.unlink()
    ds = ogr.GetDriverByName('GPKG').CreateDataSource(str(path))
    layer = ds.CreateLayer('readings', geom_type=ogr.wkbNone)
    for name, kind in (('sensor_id', ogr.OFTInteger), ('time', ogr.OFTDateTime), ('metric', ogr.OFTString),
                       ('value', ogr.OFTReal)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    ds = None
    db = sqlite3.connect(path)
    text = frame['time'].dt.strftime('%Y-%m-%dT%H:%M:%S')
    db.executemany('INSERT INTO readings (sensor_id, time, metric, value) VALUES (?, ?, ?, ?)',
                   zip(frame['sensor_id'].tolist(), text.tolist(), frame['metric'].tolist(), frame['value'].tolist()))
    db.commit()
    db.close()


class KeptPgServer:
    """The tests' throwaway server, in a folder of benchmarks/work that outlives the run when kept."""

    def __init__(self, folder):
        sys.path.insert(0, str(ROOT / 'tests'))
        from pg_server import PgServer
        self.server = PgServer()
        shutil.rmtree(self.server.folder, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o755)
        if self.server.as_user:
            shutil.chown(folder, 'nobody', 'nogroup')
        self.server.folder, self.server.data = str(folder), str(folder / 'data')
        self.port = self.server.port

    def start(self):
        """(self, True when the readings are already loaded)."""
        if not (Path(self.server.data) / 'PG_VERSION').exists():
            self.server.start()
            return self, False
        options = "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " \
                  "-c full_page_writes=off".format(self.port, self.server.folder)
        self.server._run(os.path.join(self.server.bin, 'pg_ctl'), '-D', self.server.data, '-o', options, '-l',
                         os.path.join(self.server.folder, 'log'), '-w', 'start')
        return self, True

    def stop(self, keep):
        if keep:
            self.server._run(os.path.join(self.server.bin, 'pg_ctl'), '-D', self.server.data, '-m', 'fast',
                             'stop')
        else:
            self.server.stop()


def inputs_kept(sizes):
    """True when benchmarks/work holds inputs written for these sizes (and both finished)."""
    stamp = WORK / 'vitals_inputs.json'
    return stamp.exists() and json.loads(stamp.read_text()) == sizes and (WORK / 'vitals.gpkg').exists()


def measure(source, repeat):
    """In a child process: the floor (read) and the whole job, seconds, and the peak memory. The two
    are timed one after the other ``repeat`` times (after a warm-up read); the best of each counts."""
    import_plugin()
    from spatial_planning_monitor.core.vitals import evaluate, io, load_thresholds, prepare
    fields = ('sensor_id', 'time', 'metric', 'value')
    sensors = pd.read_json(WORK / 'vitals_sensors.json')
    thresholds = load_thresholds()
    del io.read(source, fields)['id']               # warm the caches: both sides read warm
    floors, wholes, reads = [], [], []
    for _ in range(repeat):
        start = time.perf_counter()
        raw = io.read(source, fields)
        floors.append(time.perf_counter() - start)
        del raw
        start = time.perf_counter()
        raw = io.read(source, fields)
        reads.append(time.perf_counter() - start)
        prepared = prepare(raw, sensors, thresholds)
        del raw
        result = evaluate(prepared, thresholds, sensors['kind'].to_numpy(), time_from=0)
        wholes.append(time.perf_counter() - start)
        rows, events = len(prepared), result.events['type'].value_counts()
        del prepared, result
    floor, whole = min(floors), min(wholes)
    return {'rows': rows, 'floor_s': round(floor, 2), 'whole_s': round(whole, 2), 'ratio': round(whole / floor, 2),
            'ratio_of_medians': round(float(np.median(wholes) / np.median(floors)), 2),
            'floor_runs_s': [round(x, 2) for x in floors], 'whole_runs_s': [round(x, 2) for x in wholes],
            'read_in_whole_runs_s': [round(x, 2) for x in reads],
            'events': int(events.get('level', 0)), 'alarms': int(events.get('rate', 0)), 'peak_gib': peak_rss_gib()}


def child(store, repeat, port=None):
    source = ('ogr', str(WORK / 'vitals.gpkg'), 'readings') if store == 'gpkg' else \
        ('ogr', "PG:host='127.0.0.1' port='{}' dbname='city' user='postgres'".format(port), 'public.readings')
    out = subprocess.run([sys.executable, __file__, '--child', json.dumps(source), '--repeat', str(repeat)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--sensors', type=int, default=1000)
    parser.add_argument('--readings', type=int, default=10000)
    parser.add_argument('--child')
    parser.add_argument('--repeat', type=int, default=3, help='paired floor / whole runs per store (best counts)')
    parser.add_argument('--keep', action='store_true',
                        help='keep the GeoPackage and the PostgreSQL data in benchmarks/work for the next run')
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(tuple(json.loads(args.child)), args.repeat)))
        return
    WORK.mkdir(parents=True, exist_ok=True)
    sizes = {'sensors': args.sensors, 'readings': args.readings}
    kept = inputs_kept(sizes)
    (WORK / 'vitals_inputs.json').unlink(missing_ok=True)       # stamped again once both are written
    frame, sensors = (None, sensor_table(args.sensors)) if kept else readings(args.sensors, args.readings)
    sensors.to_json(WORK / 'vitals_sensors.json')
    results = {'sensors': args.sensors, 'readings_per_sensor': args.readings, 'rows': args.sensors * args.readings,
               'repeat': args.repeat, 'load_before': os.getloadavg()}
    if not kept:
        start = time.perf_counter()
        write_gpkg(frame, WORK / 'vitals.gpkg')
        results['gpkg_write_s'] = round(time.perf_counter() - start, 1)
    results['gpkg'] = child('gpkg', args.repeat)
    results['gpkg']['load_after'] = os.getloadavg()
    print('gpkg', results['gpkg'], flush=True)
    if not kept:
        shutil.rmtree(WORK / 'vitals_pg', ignore_errors=True)
    server, loaded = KeptPgServer(WORK / 'vitals_pg').start()
    try:
        if not loaded:
            start = time.perf_counter()
            server.server.load_readings(frame.assign(time=frame['time'].dt.strftime('%Y-%m-%d %H:%M:%S')))
            server.server.sql('VACUUM ANALYZE readings')
            results['pg_load_s'] = round(time.perf_counter() - start, 1)
        del frame
        results['postgresql'] = child('pg', args.repeat, server.port)
        results['postgresql']['load_after'] = os.getloadavg()
        print('postgresql', results['postgresql'], flush=True)
    finally:
        server.stop(args.keep)
    if args.keep:
        (WORK / 'vitals_inputs.json').write_text(json.dumps(sizes))
    else:
        (WORK / 'vitals.gpkg').unlink()
    results['inputs_reused'] = kept
    save('vitals', results)


if __name__ == '__main__':
    main()
