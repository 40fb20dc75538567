"""The land-use classification tables: 三调 current use, 用地用海 2023, the mapping between them.

The tables are UTF-8 CSV files in ``layers/tables/`` (see ``layers/tables/README.md``). A user's
own copy replaces a shipped one: pass its path, or put a file of the same name in the folder named
by the environment variable ``SPM_TABLES_DIR``.

Typical use from other modules::

    from ..landuse import tables
    current = tables.load_current_classes()          # 三调 / GB/T 21010-2017
    current.is_construction(['0701', '0101'])         # -> array([ True, False])
    tables.is_construction(codes, scheme='plan')      # 用地用海 2023 codes
    tables.to_plan_codes(['0204', '1006'])            # -> ['0205', '0601']
"""

import functools
import os
from fnmatch import fnmatchcase
from pathlib import Path

import numpy as np

from .. import textfile
from ..data import TABLES_DIR
from ..errors import InputError
from ..i18n import translate

CURRENT_TABLE = 'sandiao_2017.csv'
PLAN_TABLE = 'ydyh_2023.csv'
MAPPING_TABLE = 'sandiao_to_ydyh.csv'
RULES_TABLE = 'conformance_rules.csv'
USER_DIR_ENV = 'SPM_TABLES_DIR'

CURRENT_EDITION = 'GB/T 21010-2017《土地利用现状分类》+ 第三次全国国土调查工作分类'
PLAN_EDITION = '《国土空间调查、规划、用途管制用地用海分类指南》（自然资源部，2023年11月）'

UNKNOWN = '未知'
CATEGORIES = ('agricultural', 'construction', 'unused', 'sea', 'mixed')
_CLASS_COLUMNS = ('code', 'level', 'parent', 'name_zh', 'name_en', 'r', 'g', 'b', 'category',
                  'construction')


def table_path(name, path=None):
    """The file to read for table ``name``: ``path`` if given, else the user's copy, else shipped."""
    if path:
        return path if isinstance(path, textfile.TableFile) else Path(path)
    user_dir = os.environ.get(USER_DIR_ENV)
    if user_dir and (Path(user_dir) / name).is_file():
        return Path(user_dir) / name
    return TABLES_DIR / name


def read_csv_rows(path, required):
    """Rows of a CSV table (UTF-8 or GBK, see :mod:`..textfile`) as dicts of stripped text."""
    return textfile.read_csv(path, required, allow_empty=True).to_dict('records')


# --- codes -----------------------------------------------------------------------------------

def normalize_code(value):
    """A land-use code as text: stripped, upper case; integers regain their leading zero.

    ``101`` (a code stored in a number field) -> ``'0101'``; ``None``/NaN/blank -> ``''``.
    """
    if value is None:
        return ''
    if isinstance(value, float):
        if value != value:
            return ''
        if value.is_integer():
            value = int(value)
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        text = str(int(value))
        return text.zfill(len(text) + len(text) % 2)
    return str(value).strip().upper()


def per_distinct(function, values):
    """``[function(v) for v in values]``, calling ``function`` once per distinct value (a layer
    holds a few dozen codes in a million features); values are told apart by type too."""
    done = {}
    out = []
    for value in values:
        try:
            key = (type(value), value)
            out.append(done[key])
        except KeyError:
            out.append(done.setdefault(key, function(value)))
        except TypeError:          # unhashable
            out.append(function(value))
    return out


def normalize_codes(values):
    """:func:`normalize_code` over a sequence; a numpy array of ``str`` (object dtype)."""
    return np.array(per_distinct(normalize_code, values), dtype=object)


# --- classification tables --------------------------------------------------------------------

class ClassTable:
    """One classification: codes with level, parent, names, colour and land category.

    ``category`` is one of 农用地 ``agricultural``, 建设用地 ``construction``, 未利用地
    ``unused``, 海域 ``sea`` or ``mixed`` (a grouping code whose sub-classes differ).
    """

    def __init__(self, rows, scheme, edition, path):
        self.scheme = scheme
        self.edition = edition
        self.path = Path(path)
        self.rows = {}
        for number, row in enumerate(rows, start=2):
            code = normalize_code(row['code'])
            if not code:
                continue
            if code in self.rows:
                raise InputError(translate('spm', 'Table {path}: code {code} appears twice').format(
                    path=path, code=code))
            try:
                entry = {
                    'code': code,
                    'level': int(row['level']),
                    'parent': normalize_code(row['parent']),
                    'name_zh': row['name_zh'],
                    'name_en': row['name_en'] or row['name_zh'],
                    'rgb': (int(row['r']), int(row['g']), int(row['b'])),
                    'category': row['category'],
                    'construction': row['construction'] in ('1', 'true', 'True', 'yes'),
                    'color_status': row.get('color_status', ''),
                }
            except ValueError as error:
                raise InputError(translate(
                    'spm', 'Table {path}, line {line}: {error}').format(
                        path=path, line=number, error=error)) from error
            if entry['category'] not in CATEGORIES:
                raise InputError(translate(
                    'spm', 'Table {path}, line {line}: category {value} is not one of {allowed}'
                ).format(path=path, line=number, value=entry['category'],
                         allowed=', '.join(CATEGORIES)))
            self.rows[code] = entry
        for code, entry in self.rows.items():
            if entry['parent'] and entry['parent'] not in self.rows:
                raise InputError(translate(
                    'spm', 'Table {path}: parent {parent} of code {code} is not in the table'
                ).format(path=path, parent=entry['parent'], code=code))

    def __contains__(self, code):
        return normalize_code(code) in self.rows

    def __len__(self):
        return len(self.rows)

    def codes(self, level=None):
        """All codes, or the codes of one level, in table order."""
        return [c for c, e in self.rows.items() if level is None or e['level'] == level]

    def entry(self, code):
        """The row of ``code`` as a dict, or None when the code is not in the table."""
        return self.rows.get(normalize_code(code))

    def known(self, codes):
        """Boolean array: which codes are in the table."""
        return np.array(per_distinct(lambda c: normalize_code(c) in self.rows, codes), dtype=bool)

    def name(self, code, language='zh'):
        """The class name (``'未知'``/``'unknown'`` for codes not in the table)."""
        entry = self.entry(code)
        if entry is None:
            return UNKNOWN if language == 'zh' else 'unknown'
        return entry['name_zh'] if language == 'zh' else entry['name_en']

    def names(self, codes, language='zh'):
        """:meth:`name` for each code, as a list."""
        return per_distinct(lambda c: self.name(c, language), codes)

    def color(self, code):
        """(r, g, b) of the class, or None for a code not in the table."""
        entry = self.entry(code)
        return None if entry is None else entry['rgb']

    def category(self, codes):
        """The land category of each code (``'unknown'`` when not in the table)."""
        return np.array([self.rows[c]['category'] if c in self.rows else 'unknown'
                         for c in normalize_codes(codes)], dtype=object)

    def is_construction(self, codes):
        """Boolean array: construction land (建设用地); unknown codes are not construction."""
        return np.array([c in self.rows and self.rows[c]['construction']
                         for c in normalize_codes(codes)], dtype=bool)

    def ancestor(self, code, level):
        """The code's class at ``level`` (itself when already at or above it); None if unknown."""
        entry = self.entry(code)
        while entry is not None and entry['level'] > level:
            entry = self.rows.get(entry['parent'])
        return None if entry is None else entry['code']

    def at_level(self, codes, level):
        """:meth:`ancestor` for each code; unknown codes become ``'未知'``."""
        cache = {}
        out = []
        for code in normalize_codes(codes):
            if code not in cache:
                cache[code] = self.ancestor(code, level) or UNKNOWN
            out.append(cache[code])
        return np.array(out, dtype=object)


@functools.lru_cache(maxsize=16)
def _load_class_table(path, mtime, scheme, edition):
    del mtime  # part of the cache key: an edited file is read again
    return ClassTable(read_csv_rows(path, _CLASS_COLUMNS), scheme, edition, path)


def _load(name, path, scheme, edition):
    resolved = table_path(name, path)
    try:
        mtime = resolved.stat().st_mtime
    except OSError as error:
        raise InputError(translate('spm', 'Table {path} cannot be read: {error}').format(
            path=resolved, error=error)) from error
    return _load_class_table(str(resolved), mtime, scheme, edition)


def load_current_classes(path=None):
    """The current-use classes (三调 / GB/T 21010-2017 with the survey working codes)."""
    return _load(CURRENT_TABLE, path, 'current', CURRENT_EDITION)


def load_plan_classes(path=None):
    """The 用地用海 classes, 2023 edition (24 level-1, 111 level-2, 40 level-3 codes)."""
    return _load(PLAN_TABLE, path, 'plan', PLAN_EDITION)


def load_classes(scheme, path=None):
    """``load_current_classes`` for ``'current'``, ``load_plan_classes`` for ``'plan'``."""
    if scheme == 'current':
        return load_current_classes(path)
    if scheme == 'plan':
        return load_plan_classes(path)
    raise ValueError(scheme)


# --- mapping 三调 -> 用地用海 ------------------------------------------------------------------

def load_mapping(path=None):
    """{三调 code: 用地用海 code}, checked against both class tables."""
    resolved = table_path(MAPPING_TABLE, path)
    current, plan = load_current_classes(), load_plan_classes()
    mapping = {}
    for number, row in enumerate(read_csv_rows(resolved, ('current_code', 'plan_code')), start=2):
        source, target = normalize_code(row['current_code']), normalize_code(row['plan_code'])
        if not source:
            continue
        if target not in plan:
            raise InputError(translate(
                'spm', 'Table {path}, line {line}: {code} is not a 用地用海 code').format(
                    path=resolved, line=number, code=target))
        mapping[source] = target
    missing = [c for c in current.codes() if c not in mapping]
    if missing:
        raise InputError(translate(
            'spm', 'Table {path}: no 用地用海 code for {codes}').format(
                path=resolved, codes=', '.join(missing[:10])))
    return mapping


def to_plan_codes(current_codes, mapping=None):
    """用地用海 codes for 三调 codes; codes without a mapping become ``'未知'``."""
    mapping = load_mapping() if mapping is None else mapping
    return np.array([mapping.get(c, UNKNOWN) for c in normalize_codes(current_codes)],
                    dtype=object)


def detect_scheme(codes):
    """``'current'`` or ``'plan'``: the table that knows more of the (distinct) codes.

    Ties go to ``'current'`` (a land-use survey layer is the usual input).
    """
    distinct = {c for c in normalize_codes(codes) if c}
    current = sum(c in load_current_classes() for c in distinct)
    plan = sum(c in load_plan_classes() for c in distinct)
    return 'plan' if plan > current else 'current'


def is_construction(codes, scheme='current'):
    """Boolean array: construction land (建设用地) for codes of ``scheme``.

    ``scheme``: ``'current'`` (三调, the default), ``'plan'`` (用地用海 2023) or ``'auto'``
    (:func:`detect_scheme`). The usual 三调 filter: 05*, 06*, 07*, 08*, 09*, 1001–1005,
    1007–1009, 1109, 1201; 用地用海: 07–16 and 2301.
    """
    if scheme == 'auto':
        scheme = detect_scheme(codes)
    return load_classes(scheme).is_construction(codes)


# --- code patterns (rules tables) --------------------------------------------------------------

def pattern_matches(pattern, code, category):
    """Does ``code`` match a rules-table pattern? ``category`` is None for codes not in the table.

    Patterns: ``*`` anything; ``@unknown`` a code absent from its table; ``@construction``,
    ``@agricultural``, ``@unused``, ``@sea``, ``@mixed`` a land category; otherwise a code
    pattern with shell wildcards (``01*``, ``*K``, ``0702``) that a known code must match.
    """
    if pattern == '*':
        return True
    if pattern == '@unknown':
        return category is None
    if pattern.startswith('@'):
        return category is not None and category == pattern[1:]
    return category is not None and fnmatchcase(code, pattern)
