"""Levels with hysteresis, warning events, rate-of-change alarms and the state of every sensor.

All readings are processed at once, sorted by (series, time) as :func:`.readings.prepare` leaves
them. For each level k (1 蓝 … 4 红) a reading *sets* the level when its value reaches the threshold
and *holds* it while the value stays at or above threshold − hysteresis; a level is on from a set
until the first reading that does not hold it. So a run of readings above the threshold − hysteresis
is one stretch, however the value wobbles inside it. A gap longer than the offline interval ends every
level (the sensor was silent, nothing is known in between). An *event* is a run of readings at level ≥ 1
(its level is the highest reached, its end the time of the first reading back at level 0, or of the
last reading when the sensor fell silent or the event is still going on). A *rate alarm* is a run of
readings each rising faster than the rate limit (per hour) since the previous reading.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..i18n import translate


def level_names():
    return (translate('spm', 'none'), translate('spm', 'blue'), translate('spm', 'yellow'),
            translate('spm', 'orange'), translate('spm', 'red'))


LEVEL_NAMES = ('none', 'blue', 'yellow', 'orange', 'red')
DAY = 86400


@dataclass
class Result:
    sensors: pd.DataFrame      # one row per sensor (index = sensor row)
    events: pd.DataFrame       # level events and rate alarms
    series: pd.DataFrame       # one row per series: current and peak level and value
    time_from: int
    time_to: int


def _breaks(s, t, gap):
    """True where a reading starts a new stretch: a new series, or a gap longer than ``gap``."""
    brk = np.ones(len(s), bool)
    if len(s) > 1:
        brk[1:] = (s[1:] != s[:-1]) | ((t[1:] - t[:-1]) > gap[1:])
    return brk


def levels_with_hysteresis(x, bounds, hysteresis, brk):
    """Level 0–4 of each reading (``x`` already signed so that higher is worse)."""
    level = np.zeros(len(x), np.int8)
    positions = np.arange(len(x))
    for k in range(bounds.shape[1]):
        bound = bounds[:, k]
        held = x >= bound - hysteresis
        sets = x >= bound
        start = held.copy()
        start[1:] &= brk[1:] | ~held[:-1]
        seen = np.cumsum(sets)
        before = seen - sets
        first = np.maximum.accumulate(np.where(start, positions, 0))
        level += held & (seen - before[first] > 0)
    return level


def runs(flag, brk):
    """(first, last) positions of each run of consecutive flagged readings within a stretch."""
    start = flag.copy()
    start[1:] &= brk[1:] | ~flag[:-1]
    stop = flag.copy()
    stop[:-1] &= brk[1:] | ~flag[1:]
    return np.flatnonzero(start), np.flatnonzero(stop)


def _run_max(values, flag, first):
    """Max of ``values`` over each run (readings outside runs do not count)."""
    if not len(first):
        return values[:0]
    masked = np.where(flag, values, -np.inf)
    return np.maximum.reduceat(masked, first)


def _argmax_time(values, flag, first, peak, t):
    """Time of the first reading of each run that reaches its peak."""
    if not len(first):
        return t[:0]
    mark = np.zeros(len(values), bool)
    mark[first] = True
    run_of = np.cumsum(mark) - 1
    hit = flag & (run_of >= 0) & (values == peak[np.maximum(run_of, 0)])
    _, index = np.unique(run_of[hit], return_index=True)
    return t[np.flatnonzero(hit)[index]]


def _events(kind, flag, brk, x, t, s, series_of, level, sign, time_to, gap, bound_of_level):
    first, last = runs(flag, brk)
    peak = _run_max(x, flag, first)
    peak_time = _argmax_time(x, flag, first, peak, t)
    n = len(t)
    after = np.minimum(last + 1, n - 1)
    cleared = (last + 1 < n) & ~brk[after]
    end = np.where(cleared, t[after], t[last])
    ongoing = ~cleared & ((last + 1 >= n) | (s[after] != s[last])) & (time_to - t[last] <= gap[last])
    events = pd.DataFrame({
        'series': s[first], 'type': kind, 'level': level if np.ndim(level) else np.full(len(first), level),
        'start': t[first], 'end': end, 'peak': peak * sign[first], 'peak_time': peak_time,
        'threshold': bound_of_level, 'ongoing': ongoing, 'readings': last - first + 1})
    events['sensor'] = series_of[events['series'].to_numpy()] if len(events) else []
    return events


def evaluate(readings, thresholds, sensor_kinds, time_from=None, time_to=None):
    """Levels, events and sensor states between ``time_from`` and ``time_to`` (local seconds;
    default: the day up to the latest reading). ``sensor_kinds``: kind of each sensor row."""
    series = readings.series.copy()
    s, t, v = readings.s, readings.t, readings.v
    n_sensors = len(sensor_kinds)
    if time_to is None:
        time_to = int(t.max()) if len(t) else 0
    if time_from is None:
        time_from = time_to - DAY
    # last seen: any reading up to time_to, thresholded or not
    seen = t <= time_to
    s_seen, t_seen = (s, t) if seen.all() else (s[seen], t[seen])
    ends = np.flatnonzero(np.r_[s_seen[1:] != s_seen[:-1], True]) if len(s_seen) else np.zeros(0, int)
    series['last_seen'] = pd.Series(t_seen[ends], index=s_seen[ends]).reindex(range(len(series))).to_numpy()
    sensor_last = series.groupby('sensor')['last_seen'].max().reindex(range(n_sensors)).to_numpy()

    window = seen & (t >= time_from) & (series['thr'].to_numpy()[s] >= 0)
    if not window.all():
        s, t, v = s[window], t[window], v[window]
    thr = series['thr'].to_numpy()[s]
    sign = thresholds.sign[thr]
    x = v * sign
    gap = thresholds.offline_s[thr]
    brk = _breaks(s, t, gap)
    bounds = thresholds.levels[thr]
    level = levels_with_hysteresis(x, bounds, thresholds.hysteresis[thr], brk)

    series_of = series['sensor'].to_numpy()
    flag = level > 0
    first, _ = runs(flag, brk)
    ev_level = np.maximum.reduceat(np.where(flag, level, 0), first) if len(first) else level[:0]
    bound = np.abs(bounds[first, np.maximum(ev_level.astype(int) - 1, 0)]) if len(first) else x[:0]
    level_events = _events('level', flag, brk, x, t, s, series_of, ev_level, sign, time_to, gap, bound)

    rate = np.zeros(len(x))
    if len(x) > 1:
        rate[1:] = (x[1:] - x[:-1]) / np.maximum(t[1:] - t[:-1], 1) * 3600.0
    alarm = ~brk & (rate > thresholds.rate_limit[thr])
    first, _ = runs(alarm, brk)
    rate_events = _events('rate', alarm, brk, rate, t, s, series_of, thresholds.rate_level[thr][first],
                          np.ones(len(x)), time_to, gap, thresholds.rate_limit[thr][first])
    events = pd.concat([level_events, rate_events], ignore_index=True)
    events['sensor'] = events['sensor'].astype(np.int64)
    events['metric'] = series['metric'].to_numpy()[events['series'].to_numpy()] if len(events) else []
    events['duration_h'] = (events['end'] - events['start']) / 3600.0
    events = events.sort_values(['level', 'start'], ascending=[False, True], kind='stable').reset_index(drop=True)

    # per series: the last reading in the window, the peak
    last_pos = np.flatnonzero(np.r_[s[1:] != s[:-1], True]) if len(s) else np.zeros(0, int)
    first_pos = np.r_[0, last_pos[:-1] + 1] if len(s) else np.zeros(0, int)
    ids = s[last_pos]
    for column, values in (('level', level[last_pos]), ('value', v[last_pos]), ('time', t[last_pos]),
                           ('peak_level', np.maximum.reduceat(level, first_pos) if len(s) else level[:0]),
                           ('peak', np.maximum.reduceat(x, first_pos) * sign[first_pos] if len(s) else x[:0])):
        series[column] = pd.Series(values, index=ids).reindex(range(len(series))).to_numpy()
    series['unit'] = [thresholds.unit(r) if r >= 0 else '' for r in series['thr']]
    return Result(_sensor_states(series, events, thresholds, sensor_kinds, sensor_last, time_to),
                  events, series, int(time_from), int(time_to))


def _sensor_states(series, events, thresholds, sensor_kinds, sensor_last, time_to):
    n = len(sensor_kinds)
    kinds = pd.Series(sensor_kinds, dtype=object).astype(str)
    offline_after = kinds.map({k: thresholds.offline_after(k) for k in kinds.unique()})
    by_sensor = series[series['thr'] >= 0].groupby('sensor')
    state = pd.DataFrame(index=range(n))
    state['level'] = by_sensor['level'].max().reindex(state.index).fillna(0).astype(int)
    state['peak_level'] = by_sensor['peak_level'].max().reindex(state.index).fillna(0).astype(int)
    with_value = series[(series['thr'] >= 0) & series['value'].notna()]
    text = with_value['metric'] + ' ' + with_value['value'].round(2).astype(str) + ' ' + with_value['unit']
    state['current'] = text.groupby(with_value['sensor']).agg('; '.join).reindex(state.index).fillna('')
    state['last_seen'] = sensor_last
    silent = np.isnan(sensor_last) | (time_to - np.nan_to_num(sensor_last, nan=-np.inf) >
                                       offline_after.fillna(np.inf).to_numpy())
    state['offline'] = silent & offline_after.notna().to_numpy()
    state['known_kind'] = offline_after.notna().to_numpy()
    level_events = events[events['type'] == 'level']
    state['events'] = level_events.groupby('sensor').size().reindex(state.index).fillna(0).astype(int)
    state['alarms'] = events[events['type'] == 'rate'].groupby('sensor').size().reindex(
        state.index).fillna(0).astype(int)
    return state
