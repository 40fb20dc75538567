"""core.vitals on hand-made series with known events (tests/vital_series.py)."""

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import vital_series as vs  # noqa: E402
from spatial_planning_monitor.core.errors import InputError  # noqa: E402
from spatial_planning_monitor.core.vitals import evaluate, load_thresholds, prepare  # noqa: E402
from spatial_planning_monitor.core.vitals.districts import district_table  # noqa: E402
from spatial_planning_monitor.core.vitals.engine import _levels_of_readings, levels_with_hysteresis  # noqa: E402
from spatial_planning_monitor.core.vitals.readings import parse_times  # noqa: E402

THRESHOLDS = load_thresholds()


def run(raw=None, **window):
    sensors = vs.SENSORS.rename(columns={'sensor_id': 'id'})
    raw = vs.readings() if raw is None else raw
    prepared = prepare(raw.rename(columns={'sensor_id': 'id'}), sensors, THRESHOLDS)
    return prepared, evaluate(prepared, THRESHOLDS, sensors['kind'].to_numpy(), **window)


def named_events(result, kind='level'):
    events = result.events[result.events['type'] == kind]
    names = vs.SENSORS['name'].to_numpy()
    return {(names[r.sensor], r.metric): r for r in events.itertuples()}


def test_known_events_from_shuffled_readings():
    _, result = run()
    events = named_events(result)
    assert set(events) == set(vs.EXPECTED_EVENTS)
    for key, (level, start, end, peak) in vs.EXPECTED_EVENTS.items():
        event = events[key]
        assert (event.level, event.start, event.end, event.peak) == (level, vs.seconds(start), vs.seconds(end), peak), key
    gauge = events[('gauge-1', 'depth')]
    assert gauge.duration_h == 2.5 and gauge.threshold == 40 and not gauge.ongoing
    assert gauge.peak_time == vs.seconds(vs.START + 6 * vs.STEP)


def test_one_reading_dip_inside_the_hysteresis_does_not_split_the_event():
    # gauge-1 reads 9 cm once (below blue, 10, but above 10 − 2): one event, not two
    _, result = run()
    level = result.events[(result.events['type'] == 'level') & (result.events['sensor'] == 0)]
    assert len(level) == 1
    bounds = np.array([[10.0, 15, 27, 40]] * 4)
    brk = np.array([True, False, False, False])
    assert levels_with_hysteresis(np.array([11.0, 9, 11, 7]), bounds, np.full(4, 2.0), brk).tolist() == [1, 1, 1, 0]
    assert levels_with_hysteresis(np.array([11.0, 9, 11, 7]), bounds, np.zeros(4), brk).tolist() == [1, 0, 1, 0]


def test_rise_through_yellow_to_red_and_back_level_by_level():
    bounds = np.array([[10.0, 15, 27, 40]] * 8)
    values = np.array([0, 16, 28, 41, 39, 26, 14, 7.0])
    brk = np.zeros(8, bool)
    brk[0] = True
    # red holds at 39 (≥ 40 − 2), orange falls at 26 (< 27 − 2 = 25? no: 26 ≥ 25 holds), yellow at 14 holds (≥ 13)
    assert levels_with_hysteresis(values, bounds, np.full(8, 2.0), brk).tolist() == [0, 2, 3, 4, 4, 3, 2, 0]


def test_gap_longer_than_the_offline_interval_ends_the_event_and_offline_sensors():
    _, result = run()
    event = named_events(result)[('gauge-2', 'depth')]
    assert event.end == vs.seconds(vs.START + 4 * vs.STEP) and not event.ongoing
    state = result.sensors
    assert state['offline'].tolist() == [False, False, False, True]     # gauge-3 silent since 08:45
    assert result.time_to == vs.seconds(vs.END)


def test_same_id_in_two_kinds_and_rate_alarms():
    _, result = run()
    assert result.sensors.loc[2, 'peak_level'] == 3          # gas-1 (id 1) got the ch4 readings
    assert result.sensors.loc[0, 'peak_level'] == 4          # gauge-1 (id 1) the depth readings
    alarms = result.events[result.events['type'] == 'rate']
    counts = alarms.groupby('sensor').size().rename(index=dict(enumerate(vs.SENSORS['name']))).to_dict()
    assert counts == vs.EXPECTED_RATE_ALARMS


def test_district_counts_add_up():
    _, result = run()
    table = district_table(result, vs.SENSORS['district'].to_numpy(), vs.SENSORS['name'].to_numpy()).set_index('DISTRICT')
    assert table.loc['A', ['SENSORS', 'ONLINE', 'OFFLINE', 'PONDING_OVER', 'EVENTS', 'WORST_LEVEL']].tolist() == [2, 2, 0, 1, 2, 4]
    assert table.loc['B', ['SENSORS', 'ONLINE', 'OFFLINE', 'ONLINE_RATE', 'PONDING_OVER', 'EVENTS']].tolist() == [2, 1, 1, 50.0, 1, 1]
    levels = table[['LEVEL_NONE', 'LEVEL_BLUE', 'LEVEL_YELLOW', 'LEVEL_ORANGE', 'LEVEL_RED']].sum(axis=1)
    assert (levels == table['ONLINE']).all()
    assert (table['ONLINE'] + table['OFFLINE'] == table['SENSORS']).all()
    assert table['SENSORS'].sum() == len(vs.SENSORS)
    assert table.loc['A', 'WORST_EVENT'].startswith('gauge-1: depth 44')


def test_window_and_ongoing_event():
    _, result = run(time_to=vs.seconds(vs.START + 7 * vs.STEP))
    event = named_events(result)[('gauge-1', 'depth')]
    assert event.ongoing and event.end == vs.seconds(vs.START + 7 * vs.STEP)
    assert result.sensors.loc[0, 'level'] == 4


def test_times_iso_chinese_and_zones():
    text = pd.Series(['2025-07-01 08:00:00', '2025-07-01T08:00:00', '2025-07-01T00:00:00Z',
                      '2025-07-01T08:00:00+08:00', '2025-07-01T02:00+02:00', '2025/07/01 08:00', 'tomorrow'])
    seconds, ok = parse_times(text, 8.0)
    assert ok.tolist() == [True] * 6 + [False]
    # naive times are local; zoned ones are converted to local time (UTC+8)
    assert (seconds[:6] == vs.seconds('2025-07-01 08:00:00')).all()


def test_bad_rows_are_counted_and_named():
    raw = vs.readings()
    bad = pd.DataFrame({'sensor_id': [1, 99, 99, 1, 3], 'time': ['01/07/2025 8h', '2025-07-01 09:00:00',
                                                                  '2025-07-01 09:15:00', '2025-07-01 09:00:00',
                                                                  '2025-07-01 09:00:00'],
                        'metric': ['depth', 'depth', 'depth', 'depth', 'humidity'],
                        'value': [1, 2, 3, 'n/a', 50]})
    raw = pd.concat([raw.astype({'value': object}), bad], ignore_index=True)
    prepared, result = run(raw)
    assert prepared.counts['bad_time'] == 1 and prepared.counts['bad_value'] == 1
    assert prepared.unknown == {'99': 2} and prepared.counts['no_threshold'] == 1
    notes = ' '.join(prepared.notes)
    assert 'expected ISO 8601' in notes and '“01/07/2025 8h”' in notes and '“n/a”' in notes
    assert '99' in notes and '积水监测仪 / humidity' in notes
    assert set(named_events(result)) == set(vs.EXPECTED_EVENTS)


def test_no_time_readable_stops_with_the_format():
    raw = vs.readings().assign(time='yesterday')
    with pytest.raises(InputError, match='expected ISO 8601'):
        run(raw)


def test_thresholds_table_errors(tmp_path):
    path = tmp_path / 't.csv'
    path.write_text('kind,metric,blue,yellow,orange,red,hysteresis,offline_after_min\n'
                    'a,depth,10,15,12,40,2,60\n', encoding='utf-8')
    with pytest.raises(InputError, match='row 2 .*must rise'):
        load_thresholds(path)
    path.write_text('kind,metric,blue,yellow,orange,red,hysteresis,offline_after_min\n'
                    'a,depth,10,x,27,40,2,60\n', encoding='utf-8')
    with pytest.raises(InputError, match='yellow “x” is not a number'):
        load_thresholds(path)


def test_shipped_thresholds_name_their_source():
    table = THRESHOLDS.table
    assert table['source'].str.len().min() > 10
    assert (table['source'].str.contains('local setting')).all()
    assert THRESHOLDS.row('积水监测仪', 'depth') is not None
    assert table.set_index(['kind', 'metric']).loc[('积水监测仪', 'depth'), 'yellow'] == 15


def test_quiet_readings_make_no_event():
    raw = vs.readings()
    raw = raw[pd.to_datetime(raw['time']) < vs.START + 2 * vs.STEP]
    _, result = run(raw)
    assert (result.events['type'] == 'level').sum() == 0 and result.sensors['peak_level'].tolist() == [0, 0, 0, 0]
    assert result.sensors['offline'].tolist() == [False, False, False, False]


def test_levels_of_all_readings_match_the_latch_on_every_reading(tmp_path):
    # evaluate works levels out only on readings that hold at least the lowest level; on random
    # series (a falling metric, a missing level, gaps, no hysteresis) every reading's level, and so
    # every series' current and peak level, must be what the latch gives on all the readings
    path = tmp_path / 't.csv'
    path.write_text('kind,metric,direction,blue,yellow,orange,red,hysteresis,offline_after_min\n'
                    'a,depth,up,10,15,27,40,2,60\n'
                    'a,ph,down,7,,5,4,0.3,30\n'
                    'b,depth,up,,15,27,40,0,45\n', encoding='utf-8')
    thresholds = load_thresholds(path)
    rng = np.random.default_rng(5)
    n = 3000
    raw = pd.DataFrame({'id': rng.integers(1, 4, n), 'metric': rng.choice(['depth', 'ph'], n),
                        'time': pd.Timestamp('2025-07-01') + pd.to_timedelta(
                            np.sort(rng.integers(0, 6 * 24 * 12, n)) * 300 + (rng.random(n) < 0.01).cumsum() * 7200,
                            unit='s'),
                        'value': np.round(rng.normal(12, 12, n), 1)})
    sensors = pd.DataFrame({'id': [1, 2, 3], 'kind': ['a', 'a', 'b']})
    prepared = prepare(raw.sample(frac=1, random_state=1), sensors, thresholds)
    result = evaluate(prepared, thresholds, sensors['kind'].to_numpy(), time_from=0)
    with_threshold = prepared.series['thr'].to_numpy()[prepared.s] >= 0       # b / ph has none
    s, t, v = prepared.s[with_threshold], prepared.t[with_threshold], prepared.v[with_threshold]
    thr = prepared.series['thr'].to_numpy()[s]
    brk = np.r_[True, (np.diff(s) != 0) | (np.diff(t) > thresholds.offline_s[thr][1:])]
    level = levels_with_hysteresis(v * thresholds.sign[thr], thresholds.levels[thr], thresholds.hysteresis[thr], brk)
    fast = _levels_of_readings(v * thresholds.sign[thr], s, np.maximum(prepared.series['thr'].to_numpy(), 0),
                               thresholds, brk)
    assert (fast == level).all()
    by_series = pd.DataFrame({'s': s, 'level': level}).groupby('s')['level']
    series = result.series.loc[by_series.max().index]
    assert len(series) == 5 and series['peak_level'].tolist() == by_series.max().tolist()
    assert series['level'].tolist() == by_series.last().tolist()
    assert series['peak_level'].max() == 4 and 0.1 < (level > 0).mean() < 0.9
