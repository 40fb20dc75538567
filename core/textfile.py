"""The one reader of the text files users give the plugin: CSV tables and JSON documents.

Every table a user can replace (coefficients, intensities, fuel factors, kind and cost tables,
rules, indicator definitions, building-code schemes) and every shipped table is read here, the
same way: UTF-8 (with or without BOM) first, then GBK (read as GB18030, its superset), which is
what Excel writes on a Chinese Windows. The encoding used is returned, and logged when the caller
gives a ``log``. Binary files, undecodable text, malformed JSON, empty files and missing columns
stop with an :class:`~.errors.InputError` naming the file (and the parameter it came from).

A caller that knows the Processing parameter passes a :class:`TableFile` instead of a path::

    table = textfile.read_csv(TableFile(path, 'COEFFICIENTS', log=feedback.pushInfo), ['code'])
    table.attrs['encoding']    # 'UTF-8', 'UTF-8 (BOM)' or 'GBK'; table.index: row numbers
"""

import codecs
import csv
import io
import json
import os

import pandas as pd

from .errors import InputError
from .i18n import translate

UTF8, UTF8_BOM, GBK = 'UTF-8', 'UTF-8 (BOM)', 'GBK'
MAX_BYTES = 256 * 1024 * 1024      # a table is text; a bigger file is not one
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


class TableFile(os.PathLike):
    """A path with the Processing parameter it came from and where to log how it was read.

    Usable wherever a path is (``open``, ``Path``, ``os.path``): loaders pass it on unchanged to the
    reader, which names ``param`` in its messages and calls ``log`` with the encoding it used.
    """

    def __init__(self, path, param='', log=None):
        self.path = os.fspath(path)
        self.param = param
        self.log = log
        self._reported = set()

    def report(self, encoding):
        """Log how the file was read, once (loaders may read a table twice)."""
        if self.log is not None and encoding not in self._reported:
            self._reported.add(encoding)
            self.log(translate('spm', 'File {file} read as {encoding}.').format(
                file=describe(self), encoding=encoding))

    def __fspath__(self):
        return self.path

    def __str__(self):
        return self.path

    def __repr__(self):
        return 'TableFile({!r}, {!r})'.format(self.path, self.param)


def describe(path):
    """How messages name the file: '“/path/x.csv”' or '“/path/x.csv” (COEFFICIENTS)'."""
    param = getattr(path, 'param', '')
    text = '“{}”'.format(os.fspath(path))
    return '{} ({})'.format(text, param) if param else text


def _fail(path, problem):
    """InputError 'File “path” (PARAM): problem' (``problem`` already translated)."""
    return InputError(translate('spm', 'File {file}: {problem}').format(file=describe(path),
                                                                      problem=problem))


def decode(raw, path='text'):
    """(text, encoding) of ``raw`` bytes: UTF-8 with or without BOM, else GBK; InputError otherwise."""
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw[len(codecs.BOM_UTF8):].decode('utf-8'), UTF8_BOM
        except UnicodeDecodeError as exc:
            raise _fail(path, translate('spm', 'it starts as UTF-8 but byte {pos} is not UTF-8.')
                        .format(pos=exc.start)) from None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _fail(path, translate('spm', 'it is UTF-16 text; save it as CSV UTF-8 (or GBK) instead.'))
    control = sum(1 for b in raw[:65536] if b in _CONTROL)
    if control:
        raise _fail(path, translate('spm', 'it is not a text file (it holds {n} control byte(s), '
                                           'e.g. NUL); give a CSV or JSON text file.').format(n=control))
    try:
        return raw.decode('utf-8'), UTF8
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode('gb18030'), GBK
    except UnicodeDecodeError as exc:
        raise _fail(path, translate('spm', 'it is neither UTF-8 nor GBK text (byte {pos} cannot be '
                                           'read); save it as CSV UTF-8 or GBK.')
                    .format(pos=exc.start)) from None


def read_text(path):
    """(text, encoding) of a text file; InputError when missing, unreadable, binary or empty."""
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise _fail(path, translate('spm', 'it is {mb:.0f} MB, too large for a table.')
                        .format(mb=size / 2 ** 20))
        with open(path, 'rb') as handle:
            raw = handle.read()
    except FileNotFoundError:
        raise _fail(path, translate('spm', 'it does not exist.')) from None
    except IsADirectoryError:
        raise _fail(path, translate('spm', 'it is a folder, not a file.')) from None
    except OSError as exc:
        raise _fail(path, translate('spm', 'it cannot be read ({error}).')
                    .format(error=exc.strerror or exc)) from None
    text, encoding = decode(raw, path)
    if not text.strip():
        raise _fail(path, translate('spm', 'it is empty.'))
    if isinstance(path, TableFile):
        path.report(encoding)
    return text, encoding


def sniff_encoding(path, limit=8 * 1024 * 1024):
    """The encoding of a text file that something else reads (a CSV layer through OGR): 'UTF-8',
    'UTF-8 (BOM)' or 'GBK', judged on its first ``limit`` bytes (whole lines); InputError when the
    file is binary or neither."""
    try:
        with open(path, 'rb') as handle:
            raw = handle.read(limit)
    except OSError as exc:
        raise _fail(path, translate('spm', 'it cannot be read ({error}).')
                    .format(error=exc.strerror or exc)) from None
    if len(raw) == limit:
        raw = raw[:raw.rfind(b'\n') + 1]      # a newline never sits inside a UTF-8 or GBK character
    return decode(raw, path)[1]


def read_csv(path, required=(), skip_comments=False, allow_empty=False):
    """A CSV file as a DataFrame of text, cells stripped ('' for blanks).

    The index is the row number a spreadsheet shows (the header is row 1), for messages; ``attrs``
    hold ``encoding``, ``file`` and ``label`` (how messages name the file). Blank rows are skipped,
    and with ``skip_comments`` rows whose first cell starts with ``#``. Duplicate header names are
    kept as written; cells beyond the header are ignored, missing ones are ''. Stops when a
    ``required`` column is missing or, unless ``allow_empty``, no data row follows the header.
    """
    text, encoding = read_text(path)
    try:
        records = list(csv.reader(io.StringIO(text, newline='')))
    except csv.Error as exc:
        raise _fail(path, translate('spm', 'it is not a readable CSV table ({error}).')
                    .format(error=exc)) from None
    numbered = [(n, r) for n, r in enumerate(records, start=1) if any(cell.strip() for cell in r)]
    header = [cell.strip() for cell in numbered[0][1]]
    missing = [c for c in required if c not in header]
    if missing:
        raise _fail(path, translate('spm', 'column(s) {missing} missing; it has {columns}.')
                    .format(missing=', '.join(missing), columns=', '.join(header)))
    rows, numbers = [], []
    for number, record in numbered[1:]:
        cells = [cell.strip() for cell in record[:len(header)]]
        if skip_comments and cells[0].startswith('#'):
            continue
        rows.append(cells + [''] * (len(header) - len(cells)))
        numbers.append(number)
    if not rows and not allow_empty:
        raise _fail(path, translate('spm', 'it has a header but no data row.'))
    frame = pd.DataFrame(rows, columns=header, index=pd.Index(numbers, dtype=int), dtype=object)
    frame.attrs.update(encoding=encoding, file=os.fspath(path), label=describe(path))
    return frame


def read_json(path):
    """(document, encoding) of a JSON file; the error names the line and column of a syntax error."""
    text, encoding = read_text(path)
    try:
        return json.loads(text), encoding
    except json.JSONDecodeError as exc:
        raise _fail(path, translate('spm', 'it is not valid JSON: {error} at line {line}, column '
                                           '{column}.').format(error=exc.msg, line=exc.lineno,
                                                               column=exc.colno)) from None
    except RecursionError:
        raise _fail(path, translate('spm', 'it is not valid JSON: nested too deeply.')) from None


__all__ = ['TableFile', 'describe', 'decode', 'read_text', 'sniff_encoding', 'read_csv', 'read_json',
           'UTF8', 'UTF8_BOM', 'GBK']
