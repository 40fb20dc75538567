"""District indicators of the city's vital signs (城市运行体征), from the sensor states and events.

Per district: sensors, online and offline (失联) sensors and the online rate (在线率, %), online
sensors at each current level (none, blue, yellow, orange, red: they add up to the online count),
ponding gauges whose peak depth reached the yellow level (易涝点积水超标数; yellow is the 15 cm road
standard in the shipped table), level events and rate alarms, and the worst event (highest level, then
furthest over its threshold, then longest).
"""

import numpy as np
import pandas as pd

from ..i18n import translate
from .readings import to_iso

PONDING_METRIC = 'depth'
EXCEEDED = 2      # yellow


def worst_events(events, names):
    """Events ordered worst first: level, then how far the peak went past its threshold, then length."""
    ordered = events.assign(
        _over=(events['peak'] / events['threshold'].replace(0, np.nan)).fillna(0),
        name=names[events['sensor'].to_numpy()] if len(events) else [])
    return ordered.sort_values(['level', '_over', 'duration_h'], ascending=False, kind='stable')


def describe_event(row):
    return translate('spm', '{name}: {metric} {peak:g} at {time} (level {level})').format(
        name=row['name'], metric=row['metric'], peak=round(float(row['peak']), 2),
        time=to_iso([row['peak_time']])[0].strftime('%Y-%m-%d %H:%M'), level=int(row['level']))


def district_table(result, district_of, names, districts=None, ponding_metric=PONDING_METRIC):
    """One row per district. ``district_of``: district key of each sensor row (None: outside all);
    ``names``: sensor names (array); ``districts``: every key to list (also those without sensors)."""
    state = result.sensors.assign(district=pd.Series(district_of, dtype=object).to_numpy())
    keys = list(districts) if districts is not None else sorted(state['district'].dropna().unique(), key=str)
    group = state.groupby('district')
    table = pd.DataFrame(index=pd.Index(keys, name='DISTRICT'))
    table['SENSORS'] = group.size().reindex(keys).fillna(0).astype(int)
    table['OFFLINE'] = group['offline'].sum().reindex(keys).fillna(0).astype(int)
    table['ONLINE'] = table['SENSORS'] - table['OFFLINE']
    table['ONLINE_RATE'] = (100.0 * table['ONLINE'] / table['SENSORS'].replace(0, np.nan)).round(1)
    online = state[~state['offline']]
    counts = online.groupby(['district', 'level']).size().unstack(fill_value=0)
    for level, name in enumerate(('LEVEL_NONE', 'LEVEL_BLUE', 'LEVEL_YELLOW', 'LEVEL_ORANGE', 'LEVEL_RED')):
        table[name] = (counts[level] if level in counts.columns else pd.Series(dtype=int)).reindex(
            keys).fillna(0).astype(int)
    series = result.series
    ponding = series[(series['metric'] == ponding_metric) & (series['peak_level'] >= EXCEEDED)]
    over = state.loc[np.unique(ponding['sensor'].to_numpy(int)), 'district'] if len(ponding) else pd.Series(dtype=object)
    table['PONDING_OVER'] = over.value_counts().reindex(keys).fillna(0).astype(int)
    events = result.events.assign(district=state['district'].to_numpy()[result.events['sensor'].to_numpy(int)]
                                  if len(result.events) else [])
    for column, kind in (('EVENTS', 'level'), ('ALARMS', 'rate')):
        table[column] = events[events['type'] == kind].groupby('district').size().reindex(keys).fillna(0).astype(int)
    worst = worst_events(events[events['type'] == 'level'], np.asarray(names, dtype=object))
    worst = worst.drop_duplicates('district').set_index('district')
    table['WORST_LEVEL'] = worst['level'].reindex(keys).fillna(0).astype(int)
    table['WORST_EVENT'] = pd.Series([describe_event(r) for _, r in worst.iterrows()], index=worst.index,
                                     dtype=object).reindex(keys).fillna('')
    return table.reset_index()
