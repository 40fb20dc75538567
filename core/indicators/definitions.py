"""Indicator definitions: the editable table ``layers/indicators.csv`` (or a user's copy).

One row per indicator with the columns in :data:`COLUMNS`. A row whose formula or thresholds are
wrong does not stop the others: it is loaded with :attr:`Indicator.error` set, and the run reports
it as "not computed" with that message. Only an unreadable file or missing columns stop the run.
"""

import math
import re
from dataclasses import dataclass, field

from .. import textfile
from ..data import data_path
from ..errors import InputError
from ..i18n import translate
from .formula import Formula, FormulaError
from .status import check_thresholds, parse_direction

DEFAULT_PATH = data_path('indicators.csv')
COLUMNS = ('id', 'name_zh', 'name_en', 'unit', 'dimension', 'level', 'formula', 'direction',
           'target', 'warning', 'source', 'threshold_source')
# threshold_source: where the target and warning values come from — a citation, or ``local`` for a
# target the city sets itself (the shipped ``local`` values are placeholders to replace)
LOCAL_TARGET = 'local'
REQUIRED = ('id', 'name_zh', 'formula', 'direction')
# TD/T 1063-2021 dimensions, Chinese and the English used in the file's alternative spelling
DIMENSIONS = {'安全': '安全', '创新': '创新', '协调': '协调', '绿色': '绿色', '开放': '开放', '共享': '共享',
              'safety': '安全', 'innovation': '创新', 'coordination': '协调', 'green': '绿色',
              'openness': '开放', 'sharing': '共享'}
LEVELS = {'basic': 'basic', '基本': 'basic', 'recommended': 'recommended', '推荐': 'recommended'}
ID_PATTERN = re.compile(r'^[A-Z][A-Z0-9_]{0,9}$')


@dataclass
class Indicator:
    """One indicator; ``error`` is set (and ``formula`` may be None) when its row is unusable."""
    id: str
    name_zh: str
    name_en: str = ''
    unit: str = ''
    dimension: str = ''
    level: str = ''
    formula_text: str = ''
    direction: str = 'none'
    target: float = None
    warning: float = None
    source: str = ''
    threshold_source: str = ''
    formula: Formula = field(default=None, repr=False)
    error: str = None

    @property
    def inputs(self):
        """Names the formula reads (empty when the formula did not parse)."""
        return self.formula.names if self.formula is not None else frozenset()

    @property
    def local_target(self):
        """True when the thresholds are the city's own (``threshold_source`` starts with local)."""
        return self.threshold_source.lower().startswith(LOCAL_TARGET)

    def label(self):
        """'ID 名称' for messages."""
        return '{} {}'.format(self.id, self.name_zh)


def _number(text, column):
    text = (text or '').strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise InputError(translate('spm', 'column {column}: "{value}" is not a number').format(
            column=column, value=text)) from None
    if not math.isfinite(value):
        raise InputError(translate('spm', 'column {column}: "{value}" is not a finite number').format(
            column=column, value=text))
    return value


def parse_row(row):
    """Indicator from a dict of column -> text; errors in the row go to ``Indicator.error``."""
    get = {k: (row.get(k) or '').strip() for k in COLUMNS}
    ind = Indicator(id=get['id'], name_zh=get['name_zh'], name_en=get['name_en'], unit=get['unit'],
                    source=get['source'], formula_text=get['formula'],
                    threshold_source=get['threshold_source'])
    problems = []
    ind.dimension = DIMENSIONS.get(get['dimension'].lower(), get['dimension'])
    if get['dimension'] and ind.dimension not in DIMENSIONS.values():
        problems.append(translate('spm', 'dimension "{value}" is not one of 安全/创新/协调/绿色/开放/共享')
                        .format(value=get['dimension']))
    ind.level = LEVELS.get(get['level'].lower(), get['level'])
    if get['level'] and ind.level not in LEVELS.values():
        problems.append(translate('spm', 'level "{value}" is not basic/recommended (基本/推荐)')
                        .format(value=get['level']))
    for attr in ('direction', 'target', 'warning', 'formula'):
        try:
            if attr == 'direction':
                ind.direction = parse_direction(get['direction'])
            elif attr == 'formula':
                ind.formula = Formula(get['formula'])
            else:
                setattr(ind, attr, _number(get[attr], attr))
        except InputError as exc:   # FormulaError is an InputError
            problems.append(str(exc))
    if not problems:
        try:
            check_thresholds(ind.direction, ind.target, ind.warning)
        except InputError as exc:
            problems.append(str(exc))
    if problems:
        ind.error = '; '.join(problems)
    return ind


def load_definitions(path=None):
    """(indicators, problems) from a definitions CSV (UTF-8 or GBK, ``#`` rows are comments).

    ``problems`` lists rows that cannot become an indicator at all (bad or duplicate id). Rows with
    a bad formula or thresholds are returned with ``error`` set. Raises InputError when the file
    cannot be read or lacks a required column.
    """
    table = textfile.read_csv(path or DEFAULT_PATH, REQUIRED, allow_empty=True)
    indicators, problems, seen = [], [], set()
    for line, row in zip(table.index, table.to_dict('records')):
        ident = row['id']
        if not ident or ident.startswith('#'):
            continue
        if not ID_PATTERN.match(ident):
            problems.append(translate(
                'spm', 'Definitions file line {line}: id "{id}" must be 1-10 characters A-Z, 0-9 or _ '
                'starting with a letter (it becomes a field name)').format(line=line, id=ident))
            continue
        if ident in seen:
            problems.append(translate('spm', 'Definitions file line {line}: id {id} is defined twice')
                            .format(line=line, id=ident))
            continue
        seen.add(ident)
        indicators.append(parse_row(row))
    if not indicators:
        raise InputError(translate('spm', 'Definitions file {path} defines no indicator').format(
            path=textfile.describe(path or DEFAULT_PATH)))
    return indicators, problems


__all__ = ['Indicator', 'load_definitions', 'parse_row', 'FormulaError', 'DEFAULT_PATH', 'COLUMNS']
