"""Evaluate indicator definitions over per-district measures: the long and wide result tables.

The long table (one row per district × indicator) is what the dock and the atlas read; the wide
table (one column per indicator) goes onto the district polygons. An indicator that cannot be
computed — a bad row in the definitions, an unknown input, an input the user did not give, a
division by zero in one district — gets status 未计算 and the reason in NOTE; the others compute.
"""

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..i18n import translate
from .formula import FormulaError
from .measures import known_names
from .status import NOT_COMPUTED, SEVERITY, EXCEEDED, WARNING, classify, trend

LONG_COLUMNS = ('DISTRICT', 'IND_ID', 'IND_NAME', 'IND_NAME_EN', 'DIMENSION', 'LEVEL', 'VALUE', 'UNIT',
                'TARGET', 'WARNING', 'DIRECTION', 'STATUS', 'PREV_VALUE', 'CHANGE', 'TREND', 'NOTE')
SUMMARY_COLUMNS = ('N_WARN', 'N_EXCEED', 'WORST')


@dataclass
class Result:
    """``long``: DataFrame with LONG_COLUMNS; ``wide``: one row per district (ids + summary);
    ``messages``: one sentence per indicator that was not (fully) computed."""
    long: pd.DataFrame
    wide: pd.DataFrame
    messages: list = field(default_factory=list)


def district_key(value):
    """Text key of a district value: 350302, 350302.0 and '350302' all give '350302'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ''
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value).strip()


def previous_values(frame, indicators, district_column='DISTRICT'):
    """{(district key, indicator id): value} from last run's long TABLE or wide OUTPUT.

    A long table has columns IND_ID and VALUE (and ``district_column``); a wide one has a
    ``district_column`` and one column per indicator id.
    """
    if frame is None or len(frame) == 0:
        return {}
    values = {}
    if 'IND_ID' in frame.columns and 'VALUE' in frame.columns:
        column = 'DISTRICT' if 'DISTRICT' in frame.columns else district_column
        for key, ident, value in zip(frame[column], frame['IND_ID'], frame['VALUE']):
            values[(district_key(key), str(ident))] = as_number(value)
        return values
    for ind in indicators:
        if ind.id in frame.columns:
            for key, value in zip(frame[district_column], frame[ind.id]):
                values[(district_key(key), ind.id)] = as_number(value)
    return values


def as_number(value):
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else value


def evaluate(indicators, table, keys, previous=None, district_names=None):
    """Evaluate ``indicators`` for every district of ``table`` (a MeasureTable).

    ``keys``: district key per district position (written to DISTRICT); ``previous``: mapping from
    :func:`previous_values`; ``district_names``: optional labels used in messages.
    """
    previous = previous or {}
    keys = [district_key(k) for k in keys]
    labels = list(district_names) if district_names is not None else keys
    known = known_names(table.inputs.attributes)
    errors = {}
    for ind in indicators:
        if ind.error:
            errors[ind.id] = ind.error
            continue
        unknown = sorted(ind.inputs - known)
        if unknown:
            errors[ind.id] = translate('spm', 'unknown input(s) {names} (see the list of inputs in the '
                                              'documentation)').format(names=', '.join(unknown))
    needed = set().union(*[ind.inputs for ind in indicators if ind.id not in errors]) \
        if indicators else set()
    measures = table.compute(needed)
    rows, messages = [], []
    wide = pd.DataFrame(index=range(table.n))
    for ind in indicators:
        reason = errors.get(ind.id)
        if reason is None:
            absent = sorted(name for name in ind.inputs if name in table.missing)
            if absent:
                reason = '; '.join('{}: {}'.format(name, table.missing[name]) for name in absent)
        values = np.full(table.n, np.nan)
        failures = []
        for pos in range(table.n):
            note = reason
            value = None
            if note is None:
                inputs = {name: measures.at[pos, name] for name in ind.inputs}
                try:
                    value = ind.formula.evaluate(inputs)
                except FormulaError as exc:
                    note = str(exc)
                    failures.append('{}: {}'.format(labels[pos], note))
            status = classify(value, ind.direction, ind.target, ind.warning)
            prev = previous.get((keys[pos], ind.id))
            change, word = trend(value, prev, ind.direction)
            if value is not None:
                values[pos] = value
            rows.append((keys[pos], ind.id, ind.name_zh, ind.name_en, ind.dimension, ind.level,
                         value, ind.unit, ind.target, ind.warning, ind.direction, status, prev, change,
                         word, note or ''))
        wide[ind.id] = values
        if reason is not None:
            messages.append(translate('spm', 'Indicator {label}: not computed: {reason}').format(
                label=ind.label(), reason=reason))
        elif failures:
            messages.append(translate('spm', 'Indicator {label}: not computed for {n} district(s): '
                                             '{details}').format(
                label=ind.label(), n=len(failures), details='; '.join(failures)))
    long = pd.DataFrame(rows, columns=list(LONG_COLUMNS))
    for column in ('VALUE', 'TARGET', 'WARNING', 'PREV_VALUE', 'CHANGE'):
        long[column] = pd.to_numeric(long[column], errors='coerce').astype(float)
    _summarise(long, wide, keys)
    return Result(long=long, wide=wide, messages=messages)


def _summarise(long, wide, keys):
    """N_WARN, N_EXCEED and WORST status per district onto ``wide``."""
    by_district = long.groupby('DISTRICT', sort=False)['STATUS']
    n_warn = by_district.apply(lambda s: int((s == WARNING).sum()))
    n_exceed = by_district.apply(lambda s: int((s == EXCEEDED).sum()))
    worst = by_district.apply(lambda s: max(s, key=lambda v: SEVERITY.get(v, 0)) if len(s) else '')
    wide['N_WARN'] = [int(n_warn.get(k, 0)) for k in keys]
    wide['N_EXCEED'] = [int(n_exceed.get(k, 0)) for k in keys]
    wide['WORST'] = [worst.get(k, '') if SEVERITY.get(worst.get(k, ''), 0) > 0 else '' for k in keys]


__all__ = ['evaluate', 'previous_values', 'district_key', 'Result', 'LONG_COLUMNS', 'NOT_COMPUTED']
