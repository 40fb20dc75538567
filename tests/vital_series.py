"""Hand-made readings with known answers, for the 城市运行体征 tests (unit, qgis, ui).

Sensors (sensor_id, kind, name, x, y): 1 a ponding gauge whose depth rises through yellow to red and
back, with a one-reading dip that hysteresis must not split; 2 a ponding gauge that falls silent for
three hours (longer than its 60-minute offline interval) while yellow, then reports again; 1 again as
a gas sensor (same id, other kind) with a leak reaching orange; 3 a ponding gauge that stops reporting
(offline at the end). The rows are shuffled (out of time order). Districts: A holds sensors 1 and
gas 1, B holds 2 and 3.
"""

import numpy as np
import pandas as pd

SENSORS = pd.DataFrame({'sensor_id': [1, 2, 1, 3], 'kind': ['积水监测仪', '积水监测仪', '管网压力监测仪', '积水监测仪'],
                        'name': ['gauge-1', 'gauge-2', 'gas-1', 'gauge-3'], 'x': [100.0, 2100.0, 150.0, 2300.0],
                        'y': [100.0, 100.0, 120.0, 300.0], 'district': ['A', 'B', 'A', 'B']})
START = pd.Timestamp('2025-07-01 08:00:00')
STEP = pd.Timedelta(minutes=15)
#            08:00 ...                                     yellow 15, orange 27, red 40; hysteresis 2
DEPTH_1 = [0, 4, 11, 16, 24, 30, 44, 38, 26, 16, 9, 11, 6, 2, 0, 0]    # 9: below blue (10), above 10 − 2
DEPTH_2 = [0, 8, 16, 18, 17]       # then silent 3 h, then two readings at 0
CH4_1 = [0.5, 0.8, 3, 11, 26, 27, 12, 4, 1, 0.5, 0.4, 0.4, 0.3, 0.3, 0.2, 0.2]


def readings():
    rows = []
    for i, value in enumerate(DEPTH_1):
        rows.append((1, START + i * STEP, 'depth', value))
    for i, value in enumerate(CH4_1):
        rows.append((1, START + i * STEP, 'ch4', value))
    for i, value in enumerate(DEPTH_2):
        rows.append((2, START + i * STEP, 'depth', value))
    back = START + 4 * STEP + pd.Timedelta(hours=3)
    rows += [(2, back, 'depth', 0.0), (2, back + STEP, 'depth', 0.0)]
    rows += [(3, START + i * STEP, 'depth', 1.0) for i in range(4)]
    frame = pd.DataFrame(rows, columns=['sensor_id', 'time', 'metric', 'value'])
    frame = frame.sample(frac=1.0, random_state=7).reset_index(drop=True)    # out of time order
    frame['time'] = frame['time'].dt.strftime('%Y-%m-%d %H:%M:%S')
    return frame


END = START + 4 * STEP + pd.Timedelta(hours=3) + STEP      # 12:15, the latest reading (gauge-2)
EXPECTED_EVENTS = {              # (sensor name, metric) -> (level, start, end, peak)
    ('gauge-1', 'depth'): (4, START + 2 * STEP, START + 12 * STEP, 44.0),
    ('gas-1', 'ch4'): (3, START + 3 * STEP, START + 8 * STEP, 27.0),
    ('gauge-2', 'depth'): (2, START + 2 * STEP, START + 4 * STEP, 18.0),   # ended by the silence
}
EXPECTED_RATE_ALARMS = {'gauge-1': 2, 'gas-1': 1, 'gauge-2': 1}


def districts_wkt():
    return {'A': 'POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))',
            'B': 'POLYGON((2000 0, 3000 0, 3000 1000, 2000 1000, 2000 0))'}


def seconds(timestamp):
    return int(pd.Timestamp(timestamp).value // 1_000_000_000)


def as_array(values):
    return np.asarray(values, float)
