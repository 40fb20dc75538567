"""Building code schemes: the layout of a building code, as data (layers/tables/building_code_schemes.json).

A scheme is a list of digit segments read left to right — ``admin`` (the code of the township or
district holding the building), ``year``, ``sequence`` (the next free number per admin code and
year) and ``fixed`` (a constant, e.g. the unit ``00000`` = whole building) — then an optional check
character (``mod11_2``, ``luhn`` or ``none``). The default is the 23-character layout of the draft
national building-code standard; a city adds its own scheme to the table, or keeps it in a JSON
file of the same shape and passes the file's path (``path.json`` or ``path.json#id``).
"""

import json
import os
from collections import namedtuple

import numpy as np

from .. import textfile
from ..data import data_path
from ..errors import InputError
from ..i18n import translate
from .checks import CHECK_METHODS, Verdict, byte_matrix, check_characters, clean, fully_matching

DEFAULT_SCHEME = 'default23'
SCHEMES_FILE = data_path('tables', 'building_code_schemes.json')
SEGMENT_KEYS = ('admin', 'year', 'sequence', 'fixed')

Segment = namedtuple('Segment', 'key length value name_en name_zh')


class Scheme:
    """One building code layout (see the module docstring)."""

    def __init__(self, spec, origin=''):
        self.spec = spec
        self.origin = origin
        self.id = str(spec.get('id', '')).strip()
        self.name_en = spec.get('name_en', self.id)
        self.name_zh = spec.get('name_zh', self.name_en)
        self.source = spec.get('source', '')
        self.check = spec.get('check', 'none')
        self.example = spec.get('example', '')
        self.segments = [Segment(s.get('key'), int(s.get('length', 0)), str(s.get('value', '')),
                                 s.get('name_en', s.get('key')), s.get('name_zh', s.get('key')))
                         for s in spec.get('segments', [])]
        self._validate()

    def _fail(self, problem):
        raise InputError(translate('spm', 'Building code scheme “{id}” ({origin}): {problem}').format(
            id=self.id or '?', origin=self.origin, problem=problem))

    def _validate(self):
        if not self.id:
            self._fail(translate('spm', 'it has no id'))
        keys = [s.key for s in self.segments]
        for segment in self.segments:
            if segment.key not in SEGMENT_KEYS:
                self._fail(translate('spm', 'segment key “{key}” is not one of {keys}').format(
                    key=segment.key, keys=', '.join(SEGMENT_KEYS)))
            if segment.length < 1:
                self._fail(translate('spm', 'segment “{key}” needs a length of at least 1').format(key=segment.key))
            if segment.key == 'fixed' and (len(segment.value) != segment.length or not segment.value.isdigit()):
                self._fail(translate('spm', 'a fixed segment needs a value of {n} digits').format(n=segment.length))
            if segment.key == 'year' and segment.length != 4:
                self._fail(translate('spm', 'the year segment has 4 digits'))
        for key in ('admin', 'sequence'):
            if keys.count(key) != 1:
                self._fail(translate('spm', 'it needs exactly one “{key}” segment').format(key=key))
        if keys.count('year') > 1:
            self._fail(translate('spm', 'it has more than one year segment'))
        if self.check not in CHECK_METHODS and self.check != 'none':
            self._fail(translate('spm', 'check “{check}” is not one of {methods}, none').format(
                check=self.check, methods=', '.join(CHECK_METHODS)))
        if self.example and not self.validate(self.example).valid:
            self._fail(translate('spm', 'its own example {code} is invalid: {reason}').format(
                code=self.example, reason=self.validate(self.example).reason))

    # --- layout ------------------------------------------------------------------------------

    @property
    def body_length(self):
        return sum(s.length for s in self.segments)

    @property
    def length(self):
        return self.body_length + (0 if self.check == 'none' else 1)

    def _segment(self, key):
        return next((s for s in self.segments if s.key == key), None)

    @property
    def admin_length(self):
        return self._segment('admin').length

    @property
    def has_year(self):
        return self._segment('year') is not None

    @property
    def max_sequence(self):
        return 10 ** self._segment('sequence').length - 1

    def span(self, key):
        """(start, stop) of segment ``key`` in the code."""
        start = 0
        for segment in self.segments:
            if segment.key == key:
                return start, start + segment.length
            start += segment.length
        return None

    def label(self, language='en'):
        return self.name_zh if language == 'zh_CN' else self.name_en

    def fingerprint(self):
        """What makes two schemes issue the same codes: segment keys, lengths, values, check."""
        return json.dumps({'segments': [[s.key, s.length, s.value] for s in self.segments],
                           'check': self.check}, sort_keys=True)

    def to_json(self):
        return json.dumps(self.spec, ensure_ascii=False, sort_keys=True)

    # --- codes -------------------------------------------------------------------------------

    def compose(self, admin, year, sequence):
        """Codes (NumPy str array) for equal-length arrays of admin codes, years and sequences.

        Vectorised: the digits of every segment go into one (n, length) matrix of code points,
        the check character is computed on its digit columns, and the matrix is viewed as str.
        """
        admin = np.asarray(admin, dtype=f'U{self.admin_length}')
        n = admin.size
        digits = np.empty((n, self.body_length), dtype=np.int64)
        start = 0
        for segment in self.segments:
            block = digits[:, start:start + segment.length]
            if segment.key == 'admin':
                block[:] = admin.view(np.uint32).reshape(n, segment.length) - ord('0')
            elif segment.key == 'fixed':
                block[:] = [int(c) for c in segment.value]
            else:
                values = np.asarray(year if segment.key == 'year' else sequence, dtype=np.int64).reshape(n, 1)
                block[:] = values // 10 ** np.arange(segment.length - 1, -1, -1) % 10
            start += segment.length
        matrix = np.empty((n, self.length), dtype=np.uint32)
        matrix[:, :self.body_length] = digits + ord('0')
        if self.check != 'none':
            values_of, characters = CHECK_METHODS[self.check]
            table = np.frombuffer(characters.encode('ascii'), dtype=np.uint8)
            matrix[:, -1] = table[values_of(digits)] if n else 0
        return matrix.view(f'U{self.length}').ravel()

    def parse(self, code):
        """{segment key: text} of a code (no checking)."""
        code = clean(code)
        parts, start = {}, 0
        for segment in self.segments:
            parts[segment.key] = code[start:start + segment.length]
            start += segment.length
        if self.check != 'none':
            parts['check'] = code[start:start + 1]
        return parts

    def surely_valid(self, texts):
        """Positions of the texts that are, as written, valid codes of this scheme (vectorised;
        :meth:`validate` says why the others are not, or that they are)."""
        check = {'none': '', 'luhn': '[0-9]'}.get(self.check, '[0-9X]')
        rows = fully_matching(texts, '[0-9]{{{n}}}{check}'.format(n=self.body_length, check=check))
        if not len(rows):
            return rows
        chosen = [texts[r] for r in rows]
        digits = byte_matrix(chosen, self.length).astype(np.int64) - ord('0')
        ok = np.ones(len(rows), dtype=bool)
        start = 0
        for segment in self.segments:
            part = digits[:, start:start + segment.length]
            if segment.key == 'fixed':
                ok &= (part == np.array([int(c) for c in segment.value])).all(axis=1)
            if segment.key == 'sequence':
                ok &= part.any(axis=1)
            start += segment.length
        if self.check != 'none':
            values_of, characters = CHECK_METHODS[self.check]
            expected = np.frombuffer(characters.encode('ascii'), dtype=np.uint8)[values_of(digits[:, :-1])]
            ok &= byte_matrix(chosen, self.length)[:, -1] == expected
        return rows[ok]

    def validate(self, code):
        """A :class:`Verdict` for one code: length, digits per segment, fixed values, check."""
        code = clean(code)
        admin_span = self.span('admin')
        if len(code) != self.length:
            return Verdict(False, translate('spm', 'a code of scheme {id} has {n} characters, this one has {m}').format(
                id=self.id, n=self.length, m=len(code)), '')
        region = code[admin_span[0]:admin_span[1]]
        start = 0
        for segment in self.segments:
            text = code[start:start + segment.length]
            if not (text.isascii() and text.isdigit()):
                return Verdict(False, translate('spm', 'characters {a}–{b} ({name}) must be digits, found “{text}”').format(
                    a=start + 1, b=start + segment.length, name=segment.name_en, text=text), '')
            if segment.key == 'fixed' and text != segment.value:
                return Verdict(False, translate('spm', 'characters {a}–{b} ({name}) must be {value}, found “{text}”').format(
                    a=start + 1, b=start + segment.length, name=segment.name_en, value=segment.value, text=text), region)
            if segment.key == 'sequence' and int(text) == 0:
                return Verdict(False, translate('spm', 'the building sequence starts at 1, found “{text}”').format(
                    text=text), region)
            start += segment.length
        if self.check != 'none':
            expected = str(check_characters([code[:-1]], self.check)[0])
            if code[-1] != expected:
                return Verdict(False, translate('spm', 'check character should be {expected}, found {found}').format(
                    expected=expected, found=code[-1]), region)
        return Verdict(True, translate('spm', 'valid ({scheme})').format(scheme=self.id), region)


# --- loading --------------------------------------------------------------------------------

def load_schemes(path=None):
    """{id: Scheme} from a schemes JSON file (the shipped table by default).

    The file is read by :func:`..textfile.read_json` (UTF-8 or GBK); a file that is not JSON, or
    whose schemes are not objects of the documented shape, stops with a message naming it.
    """
    path = path or str(SCHEMES_FILE)
    document, _encoding = textfile.read_json(path)
    specs = document.get('schemes', []) if isinstance(document, dict) else document
    if not isinstance(specs, list):
        specs = []
    schemes = {}
    for number, spec in enumerate(specs, start=1):
        try:
            scheme = Scheme(spec, origin=os.path.basename(str(path)))
        except (AttributeError, TypeError, ValueError):
            raise InputError(translate(
                'spm', 'File {file}: scheme {n} is not an object with an id and segments of key and '
                       'length (see building_code_schemes.json).').format(
                file=textfile.describe(path), n=number)) from None
        schemes[scheme.id] = scheme
    if not schemes:
        raise InputError(translate('spm', '{path} holds no building code scheme.').format(
            path=textfile.describe(path)))
    return schemes


def scheme_ids():
    """Ids of the shipped schemes, the default first."""
    ids = list(load_schemes())
    return sorted(ids, key=lambda i: (i != DEFAULT_SCHEME, ids.index(i)))


def get_scheme(name=None):
    """The scheme named ``name``: a shipped id, ``file.json`` (its first scheme) or ``file.json#id``."""
    name = str(name or DEFAULT_SCHEME).strip()
    path, _, wanted = name.partition('#')
    if path.lower().endswith('.json'):
        schemes = load_schemes(path)
        if not wanted:
            return next(iter(schemes.values()))
    else:
        schemes, wanted = load_schemes(), name
    if wanted not in schemes:
        raise InputError(translate('spm', 'There is no building code scheme “{name}”; available: {ids}.').format(
            name=wanted, ids=', '.join(schemes)))
    return schemes[wanted]
