"""Three weeks of readings from the existing sensors, with a rainstorm at the end (城市运行体征).

Sensors report hourly in dry weather and every 10 minutes while it rains (ponding gauges, rain
gauges and river gauges switch to their storm interval, as many such devices do). What happens:

- showers now and then, and a rainstorm on the last day (peak about 65 mm/h in the evening of
  2024-06-20); rain gauges sit on the ponding gauges and the geohazard stations (metric ``rain``);
- ponding depth (``depth``, cm) at the 易涝积水点 gauges fills when the rain exceeds what the drains
  take and drains away after, some points past 40 cm (red);
- river and canal level (``level``, m) rises with a lag;
- slope and geohazard displacement (``disp``, mm) creeps, and one slope accelerates in the storm and
  is still moving at the end; bridges sway with the traffic, with a one-reading overload spike;
- methane (``ch4``, %LEL) near the gas mains is background noise, with one leak (orange) and a spike;
- dropouts: one ponding gauge falls silent the day before the storm (offline at the end), a gas
  sensor has a six-hour gap, a bridge monitor dies mid-period.

Own random stream (``vitals``): the other layers do not change when this file does.
Readings go to a compressed CSV beside the GeoPackage (sample/vital_readings.csv.gz: about 30,000
rows would take over 1 MB inside it, 0.3 MB compressed); the sensors get an integer ``sensor_id``.
"""

import gzip
import io

import numpy as np
import pandas as pd

from .rng import stream

START = pd.Timestamp('2024-06-01 00:00:00')
END = pd.Timestamp('2024-06-21 12:00:00')
STORM_FROM, STORM_PEAK, STORM_TO = (pd.Timestamp('2024-06-20 12:00:00'), pd.Timestamp('2024-06-20 20:00:00'),
                                    pd.Timestamp('2024-06-21 06:00:00'))
METRICS = {'积水监测仪': ('depth', 'rain'), '地质灾害监测站': ('disp', 'rain'), '边坡位移监测仪': ('disp',),
           '桥梁结构监测仪': ('disp',), '管网压力监测仪': ('ch4',), '水位监测仪': ('level',)}
STORM_METRICS = ('depth', 'rain', 'level')
FINE = pd.Timedelta(minutes=10)


def with_ids(sensors):
    """The existing sensors with an integer ``sensor_id`` (1, 2, … in layer order)."""
    sensors = sensors.copy()
    sensors.insert(0, 'sensor_id', np.arange(1, len(sensors) + 1))
    return sensors


def _clock(fine):
    hourly = pd.date_range(START, END, freq='1h')
    if not fine:
        return hourly
    storm = pd.date_range(STORM_FROM, STORM_TO, freq=FINE)
    return hourly.union(storm)


def _rain(times, rng):
    """Areal rain intensity (mm/h): a few showers, and the storm."""
    hours = np.asarray((times - START) / pd.Timedelta(hours=1))
    rain = np.zeros(len(times))
    for centre, peak, width in ((3.6 * 24 + 15, 8, 2.0), (8.3 * 24, 14, 1.5), (12.7 * 24, 6, 3.0),
                                (16.2 * 24 + 2, 11, 1.2)):
        rain += peak * np.exp(-0.5 * ((hours - centre) / width) ** 2)
    storm = np.asarray((times - STORM_PEAK) / pd.Timedelta(hours=1))
    rain += 65 * np.exp(-0.5 * (storm / np.where(storm < 0, 3.0, 2.2)) ** 2)
    return np.where(rain > 0.3, rain, 0.0)


def _series(kind, metric, times, rain, rng, k):
    """One sensor's values at ``times`` (k: its number among its kind, for the scripted incidents)."""
    hours = np.asarray((times - START) / pd.Timedelta(hours=1))
    n = len(times)
    local_rain = rain * rng.uniform(0.75, 1.2)
    if metric == 'rain':
        return np.round(np.maximum(local_rain + rng.normal(0, 0.3, n) * (local_rain > 0), 0), 1)
    if metric == 'depth':          # a bucket: fills above the drain capacity, drains away
        capacity, gain, drain = rng.uniform(15, 48), rng.uniform(0.8, 2.0), rng.uniform(0.25, 0.6)
        depth, out = 0.0, np.zeros(n)
        dt = np.r_[1.0, np.diff(hours)]
        for i in range(n):
            depth = max(depth + dt[i] * (gain * max(local_rain[i] - capacity, 0) - drain * depth * 2), 0)
            out[i] = depth
        return np.round(out + np.abs(rng.normal(0, 0.2, n)), 1)
    if metric == 'level':          # river level: lagged response to the rain
        base = rng.uniform(2.0, 2.6)
        response = pd.Series(rain).ewm(halflife='12h', times=times).mean().to_numpy()
        return np.round(base + response * rng.uniform(0.05, 0.09) + rng.normal(0, 0.02, n), 2)
    if metric == 'disp':
        if kind == '桥梁结构监测仪':   # traffic sway, one overload spike on the first bridge
            values = 6 + 4 * np.sin(2 * np.pi * (hours - 8) / 24) ** 2 + rng.normal(0, 0.5, n)
            if k == 0:
                values[np.argmin(np.abs(hours - 10.4 * 24))] = 31.0
            return np.round(values, 1)
        creep = rng.uniform(2, 5) + hours * rng.uniform(0.001, 0.006)
        wet = np.cumsum(rain * np.r_[1.0, np.diff(hours)]) * rng.uniform(0.001, 0.004)
        values = creep + wet + rng.normal(0, 0.15, n)
        if kind == '边坡位移监测仪' and k == 0:   # the slope that fails in the storm
            after = np.clip(np.asarray((times - STORM_PEAK) / pd.Timedelta(hours=1)), 0, None)
            values += 0.17 * after ** 2
        return np.round(values, 1)
    if metric == 'ch4':
        values = np.abs(rng.normal(0.8, 0.5, n))
        if k == 0:                 # a leak on 2024-06-10, found and repaired in six hours
            leak = (hours - 9.4 * 24) / 1.5
            values += 32 * np.exp(-0.5 * np.clip(leak, -10, 10) ** 2 * np.where(leak > 0, 0.4, 1))
        if k == 1:
            values[np.argmin(np.abs(hours - 14.5 * 24))] = 12.0
        return np.round(values, 1)
    raise ValueError(metric)


def _silent(kind, k, times):
    """Readings a sensor never sent (dropouts)."""
    if kind == '积水监测仪' and k == 9:
        return times >= pd.Timestamp('2024-06-19 08:00:00')
    if kind == '管网压力监测仪' and k == 2:
        return (times >= pd.Timestamp('2024-06-12 02:00:00')) & (times < pd.Timestamp('2024-06-12 08:00:00'))
    if kind == '桥梁结构监测仪' and k == 3:
        return times >= pd.Timestamp('2024-06-15 13:00:00')
    return np.zeros(len(times), bool)


def readings(sensors):
    """All readings of ``sensors`` (a frame with sensor_id and kind) as a DataFrame."""
    rng = stream('vitals')
    coarse, fine = _clock(False), _clock(True)
    rain_coarse, rain_fine = _rain(coarse, rng), _rain(fine, rng)
    parts, seen = [], {}
    for sensor_id, kind in zip(sensors['sensor_id'], sensors['kind']):
        k = seen[kind] = seen.get(kind, -1) + 1
        for metric in METRICS.get(kind, ()):
            times, rain = (fine, rain_fine) if metric in STORM_METRICS else (coarse, rain_coarse)
            values = _series(kind, metric, times, rain, rng, k)
            keep = ~_silent(kind, k, times)
            parts.append(pd.DataFrame({'sensor_id': sensor_id, 'time': times[keep].strftime('%Y-%m-%dT%H:%M:%S'),
                                       'metric': metric, 'value': values[keep]}))
    table = pd.concat(parts, ignore_index=True)
    return table.sort_values(['time', 'sensor_id', 'metric'], kind='stable').reset_index(drop=True)


def write_readings(table, path):
    """Write the readings as gzip-compressed CSV, byte for byte the same on every run."""
    text = table.to_csv(index=False, lineterminator='\n')
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode='wb', mtime=0, filename='') as handle:
        handle.write(text.encode('utf-8'))
    with open(path, 'wb') as out:
        out.write(buffer.getvalue())
