"""District statistics by year (a long table: district × year), as formula inputs.

A statistics table such as the sample city's ``district_stats`` (adcode, year, gdp, population …)
gives each numeric column of the chosen year under its own lower-case name (``gdp``) and the
previous year's under the name with ``_prev`` (``gdp_prev``), so that formulas can compare two
years: 单位GDP二氧化碳排放降低比例 = (1 − (co2_total / gdp) / (co2_prev / gdp_prev)) × 100.
"""

import numpy as np
import pandas as pd

from ..errors import InputError
from ..i18n import translate


def year_of(value):
    """A year as int from 2022, 2022.0 or '2022'; None when blank or not a year."""
    try:
        return int(float(str(value).strip()))
    except (TypeError, ValueError):
        return None


def latest_year(values):
    """The largest year among ``values`` (None when there is none)."""
    years = [y for y in (year_of(v) for v in values) if y is not None]
    return max(years) if years else None


def yearly_attributes(table, key_field, year_field, year, keys, key=str, label='STATS'):
    """{name: float Series aligned with ``keys``}: numeric columns of ``year`` and, as ``name_prev``,
    of ``year`` − 1. A district with two rows for one year is an error; a district without a row
    gets NaN (its indicators are not computed)."""
    years = table[year_field].map(year_of)
    district = table[key_field].map(key)
    for wanted in (year, year - 1):
        rows = district[years == wanted]
        twice = sorted(set(rows[rows.duplicated()]))
        if twice:
            raise InputError(translate('spm', 'Table {table}: district(s) {keys} have two rows for {year}.')
                             .format(table=label, keys=', '.join(twice), year=wanted))
    out = {}
    for column in table.columns:
        if column in (key_field, year_field) or str(column).lower() in ('geometry', 'fid'):
            continue
        values = pd.to_numeric(table[column], errors='coerce')
        if values.notna().sum() == 0 or not str(column).lower().isidentifier():
            continue
        for wanted, suffix in ((year, ''), (year - 1, '_prev')):
            chosen = dict(zip(district[years == wanted], values[years == wanted]))
            out[str(column).lower() + suffix] = pd.Series([chosen.get(k, np.nan) for k in keys], dtype=float)
    return out


def sums_by_year(keys_column, values, years, year, keys):
    """Float Series aligned with ``keys``: the sum of ``values`` of the rows of ``year`` per key
    (NaN for a key without such a row)."""
    frame = pd.DataFrame({'k': keys_column, 'v': pd.to_numeric(values, errors='coerce'),
                          'y': [year_of(y) for y in years]})
    frame = frame[(frame['y'] == year) & frame['v'].notna()]
    sums = frame.groupby('k')['v'].sum()
    return pd.Series([sums.get(k, np.nan) for k in keys], dtype=float)
