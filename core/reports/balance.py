"""The report page's small table of the year's balances, per district (ha, two decimals):

* 耕地进出平衡 from ``spm:farmland_balance``'s SUMMARY: the district's TOTAL row (OUT_HA, IN_HA,
  NET_HA, the net signed);
* 新增建设用地 inside / outside the urban development boundary from ``spm:landuse_change``'s
  NEW_CONSTRUCTION (INSIDE_HA, OUTSIDE_HA).

A table not given prints "—" in its rows; a district missing from a given table had no such change
(0.00). Keys are compared as the indicator engine writes them (:func:`district_key`).
"""

import math

from ..errors import InputError
from ..i18n import translate
from ..indicators.engine import district_key

DASH = '—'
# (label key, table, column, signed) in the order the table prints them
ROWS = (
    ('farmland_out', 'farmland', 'OUT_HA', False),
    ('farmland_in', 'farmland', 'IN_HA', False),
    ('farmland_net', 'farmland', 'NET_HA', True),
    ('construction_inside', 'construction', 'INSIDE_HA', False),
    ('construction_outside', 'construction', 'OUTSIDE_HA', False),
)
# columns each table must have (the algorithms' outputs)
COLUMNS = {
    'farmland': ('DISTRICT', 'ROW', 'OUT_HA', 'IN_HA', 'NET_HA'),
    'construction': ('DISTRICT', 'INSIDE_HA', 'OUTSIDE_HA'),
}


def check_columns(kind, names, table):
    """InputError naming the table and the missing columns when ``names`` lacks one of ``kind``'s."""
    missing = [c for c in COLUMNS[kind] if c not in names]
    if missing:
        raise InputError(translate(
            'spm', 'Table “{table}” has no column {missing}: it is not the output of {alg}.').format(
                table=table, missing=', '.join(missing),
                alg='spm:farmland_balance SUMMARY' if kind == 'farmland'
                else 'spm:landuse_change NEW_CONSTRUCTION'))


def district_values(kind, records):
    """{district key: {column: value}} of a table's records (dicts); for the farmland balance
    only its TOTAL rows (the 合计 of each district)."""
    if records is None:
        return None
    values = {}
    for record in records:
        if kind == 'farmland' and str(record.get('ROW')) != 'TOTAL':
            continue
        key = district_key(record.get('DISTRICT'))
        if key:
            values[key] = record
    return values


def number(value, signed=False):
    """Hectares as printed: two decimals, the net with its sign; "—" for no value."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return DASH
    if math.isnan(value):
        return DASH
    value = round(value, 2) + 0.0   # no "-0.00"
    return f'{value:+.2f}' if signed else f'{value:.2f}'


def district_rows(key, tables):
    """[(label key, text)] of one district; ``tables``: {'farmland'/'construction': values of
    :func:`district_values` or None (not given)}."""
    rows = []
    for label, kind, column, signed in ROWS:
        values = tables.get(kind)
        if values is None:
            text = DASH
        else:
            text = number(values.get(key, {}).get(column, 0.0), signed)
        rows.append((label, text))
    return rows
