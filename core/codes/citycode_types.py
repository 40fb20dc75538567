"""The code types a city code register links, how each is written down the same way, and checked.

Standard types: ``building`` (a building code scheme), ``real_estate_unit`` (GB/T 37346),
``project`` (GB/T 40058), ``credit`` (GB 32100), ``beidou`` (GB/T 39409) and ``address`` (a
standard address, text). Any other name is a user type (checked only for being non-empty).
Chinese names of the standard types are accepted too (不动产单元代码, 投资项目代码, …).

Normalising: NFKC first (full-width letters, digits and hyphens become ASCII), then upper case
and no spaces; hyphens and other dashes are dropped from every code but a project code, which is
written in its canonical ``YYMM-AAAAAA-DD-TT-NNNNNN`` form; an address keeps its text with its
white space removed.
"""

import re
import unicodedata

import numpy as np
import pandas as pd

from ..errors import InputError
from ..i18n import translate
from .checks import Verdict

STANDARD = ('building', 'real_estate_unit', 'project', 'credit', 'beidou', 'address')
ALIASES = {
    '房屋编码': 'building', '房屋建筑编码': 'building', 'building_code': 'building',
    '不动产单元代码': 'real_estate_unit', '不动产单元号': 'real_estate_unit', 'bdcdyh': 'real_estate_unit',
    '投资项目代码': 'project', '项目代码': 'project', 'project_code': 'project',
    '统一社会信用代码': 'credit', 'credit_code': 'credit',
    '北斗网格码': 'beidou', '北斗网格位置码': 'beidou', 'beidou_grid': 'beidou',
    '标准地址': 'address', '地址': 'address', 'standard_address': 'address',
}
_DASHES = re.compile('[-‐‑‒–—―−_]')
_SPACES = re.compile(r'\s+')


def code_type(name):
    """The key of a code type named by its key, a Chinese name or a user's own word."""
    text = unicodedata.normalize('NFKC', str(name or '')).strip()
    if not text:
        raise InputError(translate('spm', 'Give the type of the codes (CODE_TYPE): one of {types}, or a '
                                          'name of your own.').format(types=', '.join(STANDARD)))
    lowered = text.lower()
    if lowered in STANDARD:
        return lowered
    if lowered in ALIASES or text in ALIASES:
        return ALIASES.get(lowered, ALIASES.get(text))
    if not re.fullmatch(r'[\w.:-]{1,40}', text):
        raise InputError(translate('spm', 'Code type “{name}”: a type of your own is a word of at most 40 letters, '
                                          'digits, “_”, “-”, “.” or “:”.').format(name=text))
    return text


def _project(text):
    digits = text.replace('-', '')
    if len(digits) == 20 and digits.isdigit():
        return '-'.join((digits[:4], digits[4:10], digits[10:12], digits[12:14], digits[14:]))
    return text


def normalise_one(value, kind):
    """One value written the standard way for ``kind`` ('' for an empty value)."""
    if value is None or (isinstance(value, float) and value != value):
        return ''
    text = _SPACES.sub('', unicodedata.normalize('NFKC', str(value)))
    if kind == 'address':
        return text
    text = text.upper()
    if kind == 'project':
        return _project(_DASHES.sub('-', text))
    if kind in STANDARD:
        return _DASHES.sub('', text)
    return text


# texts already written the standard way for a kind (NFKC-stable, no spaces, upper case, no
# dashes where they are dropped): normalising them changes nothing
_WRITTEN = {'address': re.compile('[\u4e00-\u9fff!-~]*'),
            'project': re.compile('[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}|[0-9A-Z]{0,19}|[0-9A-Z]{21,}')}


def _written(kind):
    if kind in _WRITTEN:
        return _WRITTEN[kind].fullmatch
    return re.compile('[0-9A-Z]*' if kind in STANDARD else '[0-9A-Z.:-]*').fullmatch


def normalise(values, kind):
    """Normalised texts (NumPy object array) of a sequence of values of one type."""
    written = _written(kind)
    return np.array([v if v.__class__ is str and written(v) else normalise_one(v, kind) for v in values],
                    dtype=object)


def spellings(value):
    """Every way a code of unknown type may be written in a register: as typed, without dashes,
    and as a project code (deduplicated, non-empty)."""
    if value is None or (isinstance(value, float) and value != value):
        return []
    text = _SPACES.sub('', unicodedata.normalize('NFKC', str(value)))
    upper = text.upper()
    forms = [text, upper, _DASHES.sub('', upper), _project(_DASHES.sub('-', upper))]
    return [f for k, f in enumerate(forms) if f and f not in forms[:k]]


def check(values, kind, scheme=None):
    """(verdict per value): the existing checks of the standard types on the normalised values."""
    values = list(values)
    if kind in ('building', 'real_estate_unit', 'project', 'credit', 'beidou'):
        from .validate import check_codes    # here: the look-up dock loads without geopandas
        verdicts, _ = check_codes(values, kind, scheme)
        return verdicts
    empty = translate('spm', 'no code')
    ok = translate('spm', 'not empty (a type without a standard check)')
    return [Verdict(bool(v), ok if v else empty, '') for v in values]


def check_name(kind):
    """The check a type's codes go through, for messages."""
    return {
        'building': translate('spm', 'building code scheme'),
        'real_estate_unit': translate('spm', 'GB/T 37346-2019 format'),
        'project': translate('spm', 'GB/T 40058-2021 format'),
        'credit': translate('spm', 'GB 32100-2015 check character'),
        'beidou': translate('spm', 'GB/T 39409-2020 grid code'),
    }.get(kind, translate('spm', 'not empty'))


def validated(values, kind, scheme=None):
    """DataFrame CODE (normalised), VALID, REASON of raw values of one type (index kept)."""
    index = values.index if isinstance(values, pd.Series) else None
    codes = normalise(list(values), kind)
    if kind in ('building', 'real_estate_unit', 'project', 'credit'):
        from .validate import check_arrays    # here: the look-up dock loads without geopandas
        valid, reasons, _ = check_arrays(codes, kind, scheme)
    else:
        verdicts = check(codes, kind, scheme)
        valid, reasons = [v.valid for v in verdicts], [v.reason for v in verdicts]
    return pd.DataFrame({'CODE': codes, 'VALID': valid, 'REASON': reasons}, index=index)
