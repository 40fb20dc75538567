"""Stop on non-finite numbers before they turn into silent nonsense.

``inf``, ``-inf`` and ``nan`` parse as floats, and a finite ``1e308`` overflows a sum to ``inf``;
written out, such values become 0 or NULL in a district total. :func:`check_finite` is the one
check used for tables read from files and for numeric fields of layers: it names the table or
layer, the row and the column.
"""

import numpy as np

from .errors import InputError
from .i18n import translate

_NAN_WORDS = {'nan', '+nan', '-nan'}


def _as_float(value):
    """(number, is the text nan) of one cell: numbers as they are, text parsed, else NaN."""
    if isinstance(value, str):
        text = value.strip()
        try:
            return float(text), text.lower() in _NAN_WORDS
        except ValueError:
            return np.nan, False
    if isinstance(value, (int, float, np.number)) and not isinstance(value, (bool, np.bool_)):
        try:
            return float(value), False
        except OverflowError:          # an integer beyond the float range
            return np.inf, False
    return np.nan, False


def _as_floats(values):
    """(floats, textual_nan) of a column; blanks and None give NaN (missing)."""
    if values.dtype.kind in 'iuf':
        return values.to_numpy(dtype=float), np.zeros(len(values), dtype=bool)
    pairs = [_as_float(v) for v in values]
    return (np.array([p[0] for p in pairs], dtype=float),
            np.array([p[1] for p in pairs], dtype=bool))


def check_finite(frame, columns, label, rows=None):
    """Raise InputError when a value of ``columns`` is ±inf or NaN, or their sum overflows.

    ``frame``: a DataFrame (text or numbers); ``columns``: the numeric columns to check;
    ``label``: how messages name the table or layer; ``rows``: the row number (or feature id) to
    name for each position, default 1, 2, … Blank cells, None and NaN in a numeric column are
    missing values, which callers treat on their own; the text ``nan`` is refused. Text that is not
    a number is left to the caller too. The sum check uses absolute values, so no subtotal of
    a column (per district, per year) can overflow either.
    """
    row_names = list(rows) if rows is not None else list(range(1, len(frame) + 1))
    for column in columns:
        values = frame[column]
        floats, textual_nan = _as_floats(values)
        bad = np.isinf(floats) | textual_nan
        if bad.any():
            at = int(np.flatnonzero(bad)[0])
            raise InputError(translate(
                'spm', '{table}, row {row}, column {column}: “{value}” is not a finite number; '
                       'give a number or leave the cell empty.').format(
                table=label, row=row_names[at], column=column, value=values.iloc[at]))
        with np.errstate(over='ignore', invalid='ignore'):
            running = np.cumsum(np.abs(np.nan_to_num(floats, nan=0.0)))
        over = np.flatnonzero(np.isinf(running))
        if len(over):
            at = int(over[0])
            raise InputError(translate(
                'spm', '{table}, column {column}: the values add up beyond the largest number a '
                       'computer holds (about 1.8e308) at row {row} (“{value}”); check the unit of '
                       'that value.').format(
                table=label, column=column, row=row_names[at], value=values.iloc[at]))


__all__ = ['check_finite']
