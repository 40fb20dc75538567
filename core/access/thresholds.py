"""The life-circle thresholds: kind → walking minutes and metres (layers/tables/life_circle_thresholds.csv).

Columns: ``kind`` (the value in the facilities' kind field; the row with code PARK is the parks
layer), ``code`` (ASCII, names the output fields D_<code>, C_<code>, POP_<code>, PCT_<code>),
``minutes`` and ``metres`` (either may be blank: it follows from the other at the walking speed),
``kind_en``, ``circle`` and ``source`` describe the row. A row with both gives the metres as the
threshold (the standard's service radius) and the minutes as written.
"""

import re
from dataclasses import dataclass

import pandas as pd

from .. import textfile
from ..data import data_path
from ..errors import InputError
from ..finite import check_finite
from ..i18n import translate

DEFAULT_TABLE = 'life_circle_thresholds.csv'
PARK = 'PARK'
_CODE = re.compile(r'^[A-Z][A-Z0-9_]{0,7}$')


@dataclass(frozen=True)
class Threshold:
    kind: str
    code: str
    metres: float
    minutes: float
    kind_en: str = ''


def table_path():
    return str(data_path('tables', DEFAULT_TABLE))


def metres_per_minute(walk_speed_kmh):
    if not walk_speed_kmh or not walk_speed_kmh > 0:
        raise InputError(translate('spm', 'WALK_SPEED must be greater than 0 km/h (it is {value}).').format(
            value=walk_speed_kmh))
    return walk_speed_kmh * 1000.0 / 60.0


def load(table=None, walk_speed_kmh=4.0):
    """The thresholds in table order; ``table`` is a path, a DataFrame or None (the shipped table)."""
    speed = metres_per_minute(walk_speed_kmh)
    if table is None:
        table = table_path()
    if isinstance(table, pd.DataFrame):
        frame, label = table.astype(object).fillna(''), translate('spm', 'the threshold table')
    else:
        frame, label = textfile.read_csv(table, required=('kind', 'code')), textfile.describe(table)
    for column in ('minutes', 'metres'):
        if column not in frame.columns:
            frame[column] = ''
    check_finite(frame, ['minutes', 'metres'], translate('spm', 'Threshold table {table}').format(table=label))
    out, seen = [], set()
    for row, record in frame.iterrows():
        kind, code = str(record['kind']).strip(), str(record['code']).strip().upper()
        where = translate('spm', 'Threshold table {table}, row {row}').format(table=label, row=row)
        if not kind or not _CODE.match(code):
            raise InputError(translate('spm', '{where}: a kind and a code of 1–8 ASCII letters, digits or _ '
                                              '(starting with a letter) are needed; got “{kind}”, “{code}”.')
                             .format(where=where, kind=kind, code=code))
        if kind in seen or code in {t.code for t in out}:
            raise InputError(translate('spm', '{where}: kind “{kind}” or code {code} is listed twice.').format(
                where=where, kind=kind, code=code))
        seen.add(kind)
        minutes = pd.to_numeric(str(record['minutes']).strip() or None, errors='coerce')
        metres = pd.to_numeric(str(record['metres']).strip() or None, errors='coerce')
        if pd.isna(metres) and pd.isna(minutes):
            raise InputError(translate('spm', '{where}: kind “{kind}” has neither minutes nor metres.').format(
                where=where, kind=kind))
        metres = float(metres) if not pd.isna(metres) else float(minutes) * speed
        minutes = float(minutes) if not pd.isna(minutes) else metres / speed
        if not (metres > 0 and minutes > 0):
            raise InputError(translate('spm', '{where}: the threshold of “{kind}” must be greater than 0.')
                             .format(where=where, kind=kind))
        out.append(Threshold(kind, code, metres, minutes, str(record.get('kind_en', '') or '').strip()))
    return out
