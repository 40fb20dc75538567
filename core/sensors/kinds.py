"""Per-kind sensor radius and risk weight: layers/tables/sensor_kinds.csv or the user's own table.

Columns: ``kind`` (the value in the risk points' kind field, e.g. 易涝积水点), ``radius_m`` (how far
one sensor of that kind reaches, metres along the chosen distance), ``weight`` (importance of a
point of that kind when no weight field is given) and ``sensor_kinds`` (names a sensor layer may use
for a sensor of that kind, separated by ``;``, e.g. 积水监测仪;电子水尺). ``kind_en``, ``sensor_en``
and ``source`` describe the row. The shipped values are unverified defaults: cities replace them.
"""

import numpy as np
import pandas as pd

from .. import textfile
from ..data import data_path
from ..errors import InputError
from ..finite import check_finite
from ..i18n import translate

DEFAULT_TABLE = 'sensor_kinds.csv'
REQUIRED = ('kind', 'radius_m', 'weight')


def table_path():
    """Path of the shipped kind table."""
    return str(data_path('tables', DEFAULT_TABLE))


def load(table=None):
    """The kind table as a DataFrame indexed by ``kind``; ``table`` is a path, a DataFrame or None."""
    if table is None:
        table = table_path()
    if isinstance(table, pd.DataFrame):
        frame, label = table.copy(), translate('spm', 'the kind table')
    else:
        label, frame = textfile.describe(table), textfile.read_csv(table)
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise InputError(translate('spm', 'Kind table {table} lacks the column(s) {columns}.').format(
            table=label, columns=', '.join(missing)))
    frame['kind'] = frame['kind'].astype(str).str.strip()
    duplicated = frame['kind'][frame['kind'].duplicated()].unique()
    if len(duplicated):
        raise InputError(translate('spm', 'Kind table {table} lists {kinds} more than once.').format(
            table=label, kinds=', '.join(duplicated)))
    check_finite(frame, ['radius_m', 'weight'], translate('spm', 'Kind table {table}').format(table=label),
                 rows=None if isinstance(table, pd.DataFrame) else frame.index)
    for column in ('radius_m', 'weight'):
        values = pd.to_numeric(frame[column], errors='coerce')
        bad = frame['kind'][~(values > 0)]
        if len(bad):
            raise InputError(translate(
                'spm', 'Kind table {table}: {column} must be a positive number (kind {kind}).').format(
                    table=label, column=column, kind=bad.iloc[0]))
        frame[column] = values.astype(float)
    return frame.set_index('kind')


def radius_and_weight(kinds, table=None, radius=None, layer=''):
    """(radius per kind, default weight per kind) for the distinct ``kinds`` (list of strings).

    ``radius`` (a number) overrides the table for every kind; without it each kind must be in the
    table. Kinds missing from the table weigh 1.
    """
    frame = load(table)
    if radius is None:
        missing = [k for k in kinds if k not in frame.index]
        if missing:
            raise InputError(translate(
                'spm', 'Layer {layer}: the kind(s) {kinds} are not in the kind table ({known}); add '
                'them to the table or give a radius.').format(
                    layer=layer, kinds=', '.join(missing), known=', '.join(frame.index)))
        radii = np.array([frame.at[k, 'radius_m'] for k in kinds], dtype=float)
    else:
        radii = np.full(len(kinds), float(radius))
    weights = np.array([frame.at[k, 'weight'] if k in frame.index else 1.0 for k in kinds], dtype=float)
    return radii, weights



def sensor_kind_map(table=None):
    """{name a sensor layer may use: risk kind}: each kind itself and its ``sensor_kinds`` names."""
    frame = load(table)
    mapping = {}
    for kind, names in zip(frame.index, frame.get('sensor_kinds', pd.Series('', index=frame.index))):
        mapping[kind] = kind
        for name in str(names if isinstance(names, str) else '').split(';'):
            if name.strip():
                mapping.setdefault(name.strip(), kind)
    return mapping


def label(value):
    """A kind (or group) as shown in outputs: '' — points without a kind, or a sensor of every kind —
    shows as '*'; None stays None (the all-kinds row)."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    return str(value) if str(value) != '' else '*'
