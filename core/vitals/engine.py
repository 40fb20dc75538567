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


def _breaks(s, t, gap_of_series):
    """True where a reading starts a new stretch: a new series, or a gap longer than its series'
    offline interval. Also returns the time steps (``dt[i]`` = t[i + 1] − t[i])."""
    brk = np.ones(len(s), bool)
    dt = np.diff(t)
    if len(s) > 1:
        np.not_equal(s[1:], s[:-1], out=brk[1:])
        # a gap can only be longer than its interval where it is longer than the shortest interval
        long = np.flatnonzero(dt > gap_of_series.min()) if len(gap_of_series) else np.zeros(0, int)
        brk[long + 1] |= dt[long] > gap_of_series[s[long + 1]]
    return brk, dt


def _levels(x, bounds, hysteresis, cont):
    """Level 0–4 of each reading; ``cont``: the reading continues the stretch of the one before it."""
    level = np.zeros(len(x), np.int8)
    if not len(x):
        return level
    positions = np.arange(len(x), dtype=np.int32 if len(x) < 2 ** 31 else np.int64)
    held_before = np.zeros(len(x), bool)
    for k in range(bounds.shape[1]):
        bound = bounds[:, k]
        held = x >= bound - hysteresis
        sets = x >= bound
        held_before[1:] = held[:-1]
        start = held & ~(cont & held_before)
        # on: held, and some reading since the start of this held stretch reached the bound
        stretch = np.maximum.accumulate(np.where(start, positions, -1))
        reached = np.maximum.accumulate(np.where(sets, positions, -1))
        level += held & (reached >= stretch)
    return level


def levels_with_hysteresis(x, bounds, hysteresis, brk):
    """Level 0–4 of each reading (``x`` already signed so that higher is worse)."""
    return _levels(x, bounds, hysteresis, ~brk)


def _levels_of_readings(x, s, thr_of_series, thresholds, brk):
    """levels_with_hysteresis on the readings that hold at least the lowest level of their series
    (the others are at level 0); their bounds are looked up there only."""
    lowest = np.min(thresholds.levels - thresholds.hysteresis[:, None], axis=1)[thr_of_series]
    level = np.zeros(len(x), np.int8)
    if not len(x) or not len(lowest):
        return level
    candidates = np.flatnonzero(x >= lowest.min())
    candidates = candidates[x[candidates] >= lowest[s[candidates]]]
    if not len(candidates):
        return level
    cont = np.zeros(len(candidates), bool)      # the reading before is a candidate of the same stretch
    cont[1:] = (np.diff(candidates) == 1) & ~brk[candidates[1:]]
    thr = thr_of_series[s[candidates]]
    level[candidates] = _levels(x[candidates], thresholds.levels[thr], thresholds.hysteresis[thr], cont)
    return level


def runs(flag, brk):
    """(first, last) positions of each run of consecutive flagged readings within a stretch."""
    start = flag.copy()
    start[1:] &= brk[1:] | ~flag[:-1]
    stop = flag.copy()
    stop[:-1] &= brk[1:] | ~flag[1:]
    return np.flatnonzero(start), np.flatnonzero(stop)


def _run_peaks(values, flag, first, t):
    """Max of ``values`` over each run and the time of the first reading of the run that reaches it
    (readings outside runs do not count)."""
    if not len(first):
        return values[:0], t[:0]
    inside = np.flatnonzero(flag)                   # runs are consecutive flagged readings
    starts = np.searchsorted(inside, first)
    value = values[inside]
    peak = np.maximum.reduceat(value, starts)
    mark = np.zeros(len(inside), np.int32)
    mark[starts] = 1
    run_of = np.cumsum(mark) - 1
    hit = np.flatnonzero(value == peak[run_of])
    first_hit = np.ones(len(hit), bool)
    first_hit[1:] = run_of[hit[1:]] != run_of[hit[:-1]]
    return peak, t[inside[hit[first_hit]]]


def _events(kind, flag, brk, x, t, s, series_of, level, sign_of_series, time_to, gap_of_series, bound_of_level):
    first, last = runs(flag, brk)
    peak, peak_time = _run_peaks(x, flag, first, t)
    n = len(t)
    after = np.minimum(last + 1, n - 1)
    cleared = (last + 1 < n) & ~brk[after]
    end = np.where(cleared, t[after], t[last])
    series = s[first]
    ongoing = ~cleared & ((last + 1 >= n) | (s[after] != s[last])) & (time_to - t[last] <= gap_of_series[series])
    events = pd.DataFrame({
        'series': series, 'type': kind, 'level': level if np.ndim(level) else np.full(len(first), level),
        'start': t[first], 'end': end, 'peak': peak * sign_of_series[series], 'peak_time': peak_time,
        'threshold': bound_of_level, 'ongoing': ongoing, 'readings': last - first + 1})
    events['sensor'] = series_of[events['series'].to_numpy()] if len(events) else []
    return events


def _rates(x, dt, brk, rate_of_series, s):
    """Rate of change per hour since the previous reading, and where it exceeds its series' limit
    (never across a break). Rates are only worked out where a limit can be exceeded."""
    rate = np.zeros(len(x))
    alarm = np.zeros(len(x), bool)
    if len(x) < 2 or not len(rate_of_series):
        return rate, alarm
    rising = x[1:] > x[:-1] if rate_of_series.min() >= 0 else np.ones(len(x) - 1, bool)
    at = np.flatnonzero(rising & ~brk[1:]) + 1
    rate[at] = (x[at] - x[at - 1]) / np.maximum(dt[at - 1], 1) * 3600.0
    alarm[at] = rate[at] > rate_of_series[s[at]]
    return rate, alarm


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

    thr_of_series = series['thr'].to_numpy()
    window = seen & (t >= time_from)
    if not (thr_of_series >= 0).all():
        window &= (thr_of_series >= 0)[s]
    if not window.all():
        s, t, v = s[window], t[window], v[window]
    thr_used = np.maximum(thr_of_series, 0)         # series without a threshold have no reading left
    sign_of_series = thresholds.sign[thr_used]
    x = v if (sign_of_series > 0).all() else v * sign_of_series[s]
    gap_of_series = thresholds.offline_s[thr_used]
    brk, dt = _breaks(s, t, gap_of_series)
    level = _levels_of_readings(x, s, thr_used, thresholds, brk)

    series_of = series['sensor'].to_numpy()
    flag = level > 0
    first, _ = runs(flag, brk)
    ev_level = np.maximum.reduceat(level, first) if len(first) else level[:0]    # level is 0 outside runs
    bound = np.abs(thresholds.levels[thr_used[s[first]], np.maximum(ev_level.astype(int) - 1, 0)]) \
        if len(first) else x[:0]
    level_events = _events('level', flag, brk, x, t, s, series_of, ev_level, sign_of_series, time_to,
                           gap_of_series, bound)

    rate, alarm = _rates(x, dt, brk, thresholds.rate_limit[thr_used], s)
    first, _ = runs(alarm, brk)
    rate_thr = thr_used[s[first]]
    rate_events = _events('rate', alarm, brk, rate, t, s, series_of, thresholds.rate_level[rate_thr],
                          np.ones(len(series)), time_to, gap_of_series, thresholds.rate_limit[rate_thr])
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
                           ('peak', np.maximum.reduceat(x, first_pos) * sign_of_series[ids] if len(s) else x[:0])):
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
