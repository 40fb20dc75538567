"""城市运行体征: warning levels, events, rate-of-change alarms and offline sensors from sensor readings.

Everything is vectorised over all readings at once (numpy/pandas; no loop over sensors):

- :mod:`.thresholds` reads the table of four-level (蓝/黄/橙/红) thresholds per sensor kind and metric;
- :mod:`.readings` turns raw rows (id, time, metric, value) into clean sorted arrays and says what
  it dropped (unparseable times, non-numeric values, unknown sensors, metrics without a threshold);
- :mod:`.engine` computes levels with hysteresis, events, rate alarms and the state of each sensor;
- :mod:`.districts` sums the sensors per district (在线率, sensors per level, 积水超标数, worst event);
- :mod:`.io` reads readings fast from CSV, GeoPackage or PostgreSQL (GDAL's Arrow stream).
"""

from .engine import LEVEL_NAMES, Result, evaluate
from .readings import Readings, prepare
from .thresholds import Thresholds, load_thresholds

__all__ = ['LEVEL_NAMES', 'Readings', 'Result', 'Thresholds', 'evaluate', 'load_thresholds', 'prepare']
