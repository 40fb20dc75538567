"""The thresholds table: per sensor kind and metric, four warning levels (蓝, 黄, 橙, 红), the
hysteresis, the rate-of-change limit and the interval after which a silent sensor is offline.

Columns (layers/tables/vital_thresholds.csv is the shipped default; users replace it):
``kind, metric, unit, direction (up|down), blue, yellow, orange, red, hysteresis, rate_limit
(unit per hour, empty = none), rate_level (1–4, the level of a rate alarm), offline_after_min,
source``. A level may be left empty (that kind skips it); the values must rise with the level
(fall, for ``down``).
"""

import numpy as np
import pandas as pd

from .. import textfile
from ..data import data_path
from ..errors import InputError
from ..i18n import translate

LEVEL_COLUMNS = ('blue', 'yellow', 'orange', 'red')
COLUMNS = ('kind', 'metric', 'unit', 'direction', *LEVEL_COLUMNS, 'hysteresis', 'rate_limit',
           'rate_level', 'offline_after_min')


def default_path():
    return data_path('tables', 'vital_thresholds.csv')


class Thresholds:
    """The table as arrays, one row per (kind, metric); ``row(kind, metric)`` gives the row index."""

    def __init__(self, table, name='thresholds'):
        self.table = table.reset_index(drop=True)
        self.name = name
        t = self.table
        sign = np.where(t['direction'] == 'down', -1.0, 1.0)
        levels = t[list(LEVEL_COLUMNS)].to_numpy(float) * sign[:, None]
        self.sign = sign
        self.levels = np.where(np.isnan(levels), np.inf, levels)   # a missing level is never reached
        self.hysteresis = t['hysteresis'].to_numpy(float)
        self.rate_limit = np.where(np.isnan(t['rate_limit'].to_numpy(float)), np.inf,
                                   t['rate_limit'].to_numpy(float))
        self.rate_level = t['rate_level'].fillna(2).to_numpy(int)
        self.offline_s = (t['offline_after_min'].to_numpy(float) * 60).astype(np.int64)
        self._rows = {(k, m): i for i, (k, m) in enumerate(zip(t['kind'], t['metric']))}

    def __len__(self):
        return len(self.table)

    def row(self, kind, metric):
        return self._rows.get((kind, metric))

    def kinds(self):
        return set(self.table['kind'])

    def metrics_of(self, kind):
        return [m for (k, m) in self._rows if k == kind]

    def offline_after(self, kind):
        """Seconds of silence after which a sensor of ``kind`` is offline (the most lenient of its
        metrics); None for a kind the table does not know."""
        rows = [i for (k, _), i in self._rows.items() if k == kind]
        return int(self.offline_s[rows].max()) if rows else None

    def unit(self, row):
        return str(self.table.at[row, 'unit'])


def _number_columns(table, path):
    for column in (*LEVEL_COLUMNS, 'hysteresis', 'rate_limit', 'rate_level', 'offline_after_min'):
        text = table[column].astype(str).str.strip().replace({'': np.nan, 'nan': np.nan, 'None': np.nan})
        numbers = pd.to_numeric(text, errors='coerce')
        bad = numbers.isna() & text.notna()
        if bad.any():
            row = bad.idxmax()
            raise InputError(translate('spm', 'Thresholds table {file}, row {row}: {column} “{value}” is not a '
                                              'number.').format(file=path, row=row, column=column,
                                                                value=table.at[row, column]))
        table[column] = numbers
    return table


def check(table, path):
    """Stop with a message naming the row when the table cannot be used."""
    table['direction'] = table['direction'].fillna('up').astype(str).str.strip().str.lower().replace('', 'up')
    for row in table.index:
        where = translate('spm', 'Thresholds table {file}, row {row} ({kind} / {metric})').format(
            file=path, row=row, kind=table.at[row, 'kind'], metric=table.at[row, 'metric'])
        if table.at[row, 'direction'] not in ('up', 'down'):
            raise InputError(translate('spm', '{where}: direction must be “up” or “down”, not “{value}”.').format(
                where=where, value=table.at[row, 'direction']))
        levels = table.loc[row, list(LEVEL_COLUMNS)].to_numpy(float)
        given = levels[~np.isnan(levels)]
        if not len(given):
            raise InputError(translate('spm', '{where}: no warning level is set.').format(where=where))
        steps = np.diff(given) * (1 if table.at[row, 'direction'] == 'up' else -1)
        if (steps <= 0).any():
            raise InputError(translate('spm', '{where}: the levels blue, yellow, orange, red must {order} '
                                              'strictly.').format(
                where=where, order=translate('spm', 'rise') if table.at[row, 'direction'] == 'up'
                else translate('spm', 'fall')))
        for column in ('hysteresis', 'offline_after_min'):
            value = table.at[row, column]
            if np.isnan(value) or value < 0 or (column == 'offline_after_min' and value == 0):
                raise InputError(translate('spm', '{where}: {column} must be a positive number.').format(
                    where=where, column=column))
        level = table.at[row, 'rate_level']
        if not np.isnan(level) and level not in (1, 2, 3, 4):
            raise InputError(translate('spm', '{where}: rate_level must be 1, 2, 3 or 4.').format(where=where))
    duplicated = table.duplicated(['kind', 'metric'])
    if duplicated.any():
        row = duplicated.idxmax()
        raise InputError(translate('spm', 'Thresholds table {file}: {kind} / {metric} is listed twice (rows '
                                          '{first} and {second}).').format(
            file=path, kind=table.at[row, 'kind'], metric=table.at[row, 'metric'],
            first=table.index[(table['kind'] == table.at[row, 'kind']) &
                              (table['metric'] == table.at[row, 'metric'])][0], second=row))
    return table


def load_thresholds(path=None):
    """Read and check a thresholds table (CSV, UTF-8 or GBK); the shipped one by default."""
    path = path or default_path()
    table = textfile.read_csv(path, ['kind', 'metric', *LEVEL_COLUMNS, 'hysteresis', 'offline_after_min'])
    for column in COLUMNS:
        if column not in table.columns:
            table[column] = np.nan if column not in ('unit', 'direction') else ''
    table['kind'] = table['kind'].astype(str).str.strip()
    table['metric'] = table['metric'].astype(str).str.strip()
    table['unit'] = table['unit'].fillna('').astype(str)
    return Thresholds(check(_number_columns(table, textfile.describe(path)), textfile.describe(path)),
                      textfile.describe(path))
