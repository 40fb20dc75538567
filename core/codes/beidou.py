"""BeiDou grid location codes (北斗网格位置码), GB/T 39409-2020: 2D and 3D, levels 1–10.

Everything works on NumPy arrays: a million points are encoded with a few integer array
operations, no Python loop per point.

How the 2D code is built (GB/T 39409-2020 §5, Annex B):

* level 0: ``N`` or ``S`` (latitude ≥ 0 is north);
* level 1 (6°×4°, the 1:1,000,000 map sheet): two digits, the column ``floor(lng/6°) + 31``
  (01–60), then a letter ``'A' + floor(|lat|/4°)`` (A–V);
* levels 2–10 split the parent cell: 2 (30′×30′, 12×8: hex column 0–B, row 0–7), 3 (15′×10′,
  2×3: one digit 2·row+col), 4 (1′×1′, 15×10: hex 0–E, 0–9), 5 (4″×4″, 15×15: hex 0–E, 0–E),
  6 (2″×2″, 2×2: one digit 2·row+col), 7–10 (1/4″, 1/32″, 1/256″, 1/2048″, 8×8: two octal
  digits, column then row).

Below level 1 index 0 is always the corner nearest the equator and the prime meridian: the code
is computed on |lng| and |lat| measured from the level-1 cell's corner, so the four hemispheres
are mirror images of each other. Cumulative code lengths per level: 1, 4, 6, 7, 9, 11, 12, 14,
16, 18, 20.

Arithmetic is exact: a coordinate becomes an integer count of level-10 cells (1/2048″), and each
level is an integer division of that count. Cells with |lat| ≥ 88° are polar cells with their own
rules in the standard; they are refused with :class:`PolarCellError`.

The 3D code (32 characters at level 10) adds a height index
``n = floor((θ₀/θ)·log_{1+θ₀}((H + r₀)/r₀))`` with θ₀ = π/180 rad (1°), θ = 1/2048″ and
r₀ = 6378137 m: a sign bit (``0`` at or above the reference surface, ``1`` below) and 31 bits of
|n| cut into per-level fields of 6, 3, 1, 4, 4, 1, 3, 3, 3, 3 bits. The fields are interleaved
with the 2D segments level by level: level 0 is ``N``/``S`` then the sign, and each level k is its
2D segment followed by its height field (level 1: two decimal digits 00–63; 3 bits: one octal
digit; 4 bits: one hex digit; 1 bit: 0/1).
"""

import math

import numpy as np

from ..errors import InputError
from ..i18n import translate

LEVELS = tuple(range(1, 11))
UNITS_PER_DEGREE = 3600 * 2048                    # level-10 cells (1/2048″) per degree
_UNITS_PER_SECOND = 2048

# Cell size per level in level-10 units: index 0 unused, 1..10.
CELL_LNG = (None, 6 * UNITS_PER_DEGREE, 1800 * _UNITS_PER_SECOND, 900 * _UNITS_PER_SECOND,
            60 * _UNITS_PER_SECOND, 4 * _UNITS_PER_SECOND, 2 * _UNITS_PER_SECOND, 512, 64, 8, 1)
CELL_LAT = (None, 4 * UNITS_PER_DEGREE, 1800 * _UNITS_PER_SECOND, 600 * _UNITS_PER_SECOND,
            60 * _UNITS_PER_SECOND, 4 * _UNITS_PER_SECOND, 2 * _UNITS_PER_SECOND, 512, 64, 8, 1)
# Columns × rows of each level inside its parent.
SPLITS = (None, (60, 22), (12, 8), (2, 3), (15, 10), (15, 15), (2, 2),
          (8, 8), (8, 8), (8, 8), (8, 8))
CODE_LENGTH = (1, 4, 6, 7, 9, 11, 12, 14, 16, 18, 20)       # 2D, cumulative, levels 0..10

POLAR_LATITUDE = 88.0
_MAX_LNG_UNITS = 180 * UNITS_PER_DEGREE - 1      # |lng| = 180° falls in the last column
_LEVEL1_LNG = CELL_LNG[1]
_LEVEL1_LAT = CELL_LAT[1]

# 3D height code
EARTH_RADIUS = 6378137.0                          # r₀, metres
_THETA0 = math.pi / 180.0                         # θ₀, radians (1°)
_HEIGHT_SCALE = UNITS_PER_DEGREE / math.log1p(_THETA0)   # (θ₀/θ) / ln(1 + θ₀)
HEIGHT_BITS = (None, 6, 3, 1, 4, 4, 1, 3, 3, 3, 3)         # bits of |n| per level (sum 31)
HEIGHT_CHARS = (None, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1)        # characters of each height field
_HEIGHT_SHIFT = tuple([None] + [31 - sum(HEIGHT_BITS[1:k + 1]) for k in LEVELS])
MAX_HEIGHT_INDEX = 2 ** 31 - 1
CODE_LENGTH_3D = tuple(2 + sum(CODE_LENGTH[k] - CODE_LENGTH[k - 1] + HEIGHT_CHARS[k]
                               for k in range(1, level + 1)) for level in range(0, 11))

_VALUE = np.full(256, 99, dtype=np.int16)          # character -> digit value (99 = not a digit)
for _i, _c in enumerate(b'0123456789ABCDEF'):
    _VALUE[_c] = _i


class PolarCellError(InputError):
    """A point or code lies in a polar cell (|lat| ≥ 88°), which is not encoded here."""


class CodeFormatError(InputError):
    """A string is not a BeiDou grid code."""


# --- coordinates -> level-10 units ------------------------------------------------------------

def _labels(labels, positions):
    """The names of the first few offending rows, for a message."""
    shown = [str(labels[p] if labels is not None else p) for p in positions[:5]]
    more = len(positions) - len(shown)
    text = ', '.join(shown)
    if more > 0:
        text += translate('spm', ' and {count} more').format(count=more)
    return text


def _coordinates(lng, lat, labels=None):
    """Longitudes and latitudes as float arrays, after checking every point is encodable."""
    lng = np.asarray(lng, dtype=np.float64).ravel()
    lat = np.asarray(lat, dtype=np.float64).ravel()
    if lng.shape != lat.shape:
        raise InputError(translate('spm', 'Longitudes and latitudes differ in number ({a} and {b}).')
                         .format(a=lng.size, b=lat.size))
    bad = ~(np.isfinite(lng) & np.isfinite(lat))
    if bad.any():
        raise InputError(translate('spm', 'Missing or non-numeric coordinates at {rows}.').format(
            rows=_labels(labels, np.flatnonzero(bad))))
    bad = (np.abs(lng) > 180.0) | (np.abs(lat) > 90.0)
    if bad.any():
        first = np.flatnonzero(bad)
        raise InputError(translate(
            'spm', 'Coordinates outside longitude −180…180° / latitude −90…90° at {rows} '
            '(first: {lng}, {lat}); are they geographic degrees?').format(
                rows=_labels(labels, first), lng=lng[first[0]], lat=lat[first[0]]))
    polar = np.abs(lat) >= POLAR_LATITUDE
    if polar.any():
        first = np.flatnonzero(polar)
        raise PolarCellError(translate(
            'spm', 'Latitude {lat}° at {rows} is in a polar cell (|latitude| ≥ 88°); GB/T 39409 '
            'codes polar cells by other rules, which are not implemented.').format(
                lat=lat[first[0]], rows=_labels(labels, first)))
    return lng, lat


def _units(lng, lat):
    """(west, south, |lng|, |lat|) of checked coordinates, in level-10 cells (1/2048″)."""
    u = (np.abs(lng) * UNITS_PER_DEGREE).astype(np.int64)     # ≥ 0: truncation is the floor
    v = (np.abs(lat) * UNITS_PER_DEGREE).astype(np.int64)
    np.minimum(u, _MAX_LNG_UNITS, out=u)
    return lng < 0, lat < 0, u, v


# Points are encoded in chunks: the temporaries of a chunk stay in the CPU cache and in memory
# the allocator reuses, instead of a fresh (page-faulting) 8 MB array per operation.
CHUNK = 1 << 15


def _encode_chunks(lng, lat, width, columns_of):
    """Array of ``width``-character str: ``columns_of(start, stop)`` gives the character
    columns (uint8 arrays) of rows start..stop; they are written as UCS-4 code points row by row,
    which is NumPy's str layout, so the result is a view without per-element conversion."""
    n = lng.size
    matrix = np.empty((n, width), dtype=np.uint32)
    for start in range(0, n, CHUNK):
        stop = min(start + CHUNK, n)
        matrix[start:stop] = np.column_stack(columns_of(start, stop))
    return matrix.view(f'U{width}').ravel()


# --- 2D encode ------------------------------------------------------------------------------

def _check_level(level):
    if int(level) != level or not 1 <= level <= 10:
        raise InputError(translate('spm', 'BeiDou grid level must be 1 to 10, not {level}.').format(
            level=level))
    return int(level)


def _chars(values):
    """Digit values 0–15 (any integer array) -> their characters '0'–'9', 'A'–'F' as uint8."""
    d = values.astype(np.uint8)
    return d + np.uint8(48) + (d > 9).view(np.uint8) * np.uint8(7)


# Levels 2–4 inside a level-1 cell, by whole arcminutes (6° = 360′ wide, 4° = 240′ high):
# lookup tables from the minute to the level-2/3/4 indices.
_MINUTE = CELL_LNG[4]
_MINUTES_LNG, _MINUTES_LAT = np.arange(360), np.arange(240)
_L2_COL, _L2_ROW = _chars(_MINUTES_LNG // 30), _chars(_MINUTES_LAT // 30)
_L3_COL, _L3_ROW = (_MINUTES_LNG // 15 % 2).astype(np.uint8), (_MINUTES_LAT // 10 % 3).astype(np.uint8)
_L4_COL, _L4_ROW = _chars(_MINUTES_LNG % 15), _chars(_MINUTES_LAT % 10)


def _segments(west, south, u, v, level):
    """Characters of each level's 2D segment: a list (level 0..level) of lists of uint8 columns.

    One division per axis splits the level-10 unit count into whole arcminutes and the rest:
    levels 1–4 come from the minutes (level 1 by division, 2–4 from lookup tables), and from
    level 5 on every cell is a power of two of level-10 cells, so the indices are bit fields of
    the rest.
    """
    # (np.divmod is ten times slower than // with a scalar divisor, which NumPy runs through
    # libdivide; the rest is one multiply-subtract.)
    minutes_u, minutes_v = (u // _MINUTE).astype(np.int32), (v // _MINUTE).astype(np.int32)
    rest_u = (u - minutes_u * np.int64(_MINUTE)).astype(np.int32)
    rest_v = (v - minutes_v * np.int64(_MINUTE)).astype(np.int32)
    a, b = minutes_u // 360, minutes_v // 240
    qu, qv = minutes_u - a * 360, minutes_v - b * 240
    column = np.where(west, 30 - a, 31 + a)
    segments = [[np.where(south, np.uint8(ord('S')), np.uint8(ord('N')))],
                [_chars(column // 10), _chars(column % 10), b.astype(np.uint8) + np.uint8(ord('A'))]]
    if level >= 2:
        segments.append([_L2_COL[qu], _L2_ROW[qv]])
    if level >= 3:
        segments.append([_chars(_L3_ROW[qv] * np.uint8(2) + _L3_COL[qu])])
    if level >= 4:
        segments.append([_L4_COL[qu], _L4_ROW[qv]])
    for k in range(5, level + 1):                     # 4″, 2″, 1/4″ … 1/2048″: bit fields
        shift = CELL_LNG[k].bit_length() - 1
        mask = 0xF if k == 5 else SPLITS[k][0] - 1
        col = (rest_u >> shift) & mask
        row = (rest_v >> shift) & mask
        segments.append([_chars(2 * row + col)] if k == 6 else [_chars(col), _chars(row)])
    return segments


def encode(lng, lat, level=10, labels=None):
    """2D BeiDou grid codes of points (degrees, CGCS2000/WGS 84) at ``level`` (1–10).

    Returns a NumPy array of str. ``labels`` (e.g. feature ids) name offending rows in errors.
    """
    level = _check_level(level)
    lng, lat = _coordinates(lng, lat, labels)

    def columns(start, stop):
        segments = _segments(*_units(lng[start:stop], lat[start:stop]), level)
        return [column for segment in segments for column in segment]
    return _encode_chunks(lng, lat, CODE_LENGTH[level], columns)


def encode_point(lng, lat, level=10):
    """The 2D code of one point, as str."""
    return str(encode([lng], [lat], level)[0])


# --- 3D encode ------------------------------------------------------------------------------

def height_index(height):
    """Height index n of GB/T 39409 (integer array) for heights in metres."""
    height = np.asarray(height, dtype=np.float64).ravel()
    with np.errstate(invalid='ignore', divide='ignore'):
        n = np.floor(_HEIGHT_SCALE * np.log1p(height / EARTH_RADIUS))
    return n


def height_of_index(n):
    """Height (m) of the lower surface of height layer ``n`` (inverse of :func:`height_index`)."""
    n = np.asarray(n, dtype=np.float64)
    return EARTH_RADIUS * np.expm1(n / _HEIGHT_SCALE)


def _height_fields(height, labels=None):
    n = height_index(height)
    bad = ~np.isfinite(n) | (np.abs(n) > MAX_HEIGHT_INDEX)
    if bad.any():
        first = np.flatnonzero(bad)
        raise InputError(translate(
            'spm', 'Height {height} m at {rows} cannot be coded (missing, or beyond the range of '
            'the 3D grid).').format(height=np.asarray(height, dtype=float).ravel()[first[0]],
                                   rows=_labels(labels, first)))
    n = n.astype(np.int64)
    return n < 0, np.abs(n)


def encode_3d(lng, lat, height, level=10, labels=None):
    """3D BeiDou grid codes (2D segments and height fields interleaved per level)."""
    level = _check_level(level)
    lng, lat = _coordinates(lng, lat, labels)
    height = np.asarray(height, dtype=np.float64).ravel()
    if height.size != lng.size:
        raise InputError(translate('spm', 'Heights and points differ in number ({a} and {b}).')
                         .format(a=height.size, b=lng.size))
    negative, magnitude = _height_fields(height, labels)

    def columns(start, stop):
        segments = _segments(*_units(lng[start:stop], lat[start:stop]), level)
        m = magnitude[start:stop]
        out = segments[0] + [_chars(negative[start:stop])]
        for k in range(1, level + 1):
            field = (m >> _HEIGHT_SHIFT[k]) & ((1 << HEIGHT_BITS[k]) - 1)
            out += segments[k]
            out += [_chars(field // 10), _chars(field % 10)] if k == 1 else [_chars(field)]
        return out
    return _encode_chunks(lng, lat, CODE_LENGTH_3D[level], columns)


# --- decode ---------------------------------------------------------------------------------

def _as_matrix(codes, width):
    """Codes of one length -> (n, width) uint8 matrix (upper case, surrounding spaces removed)."""
    array = np.char.encode(np.char.upper(np.asarray(codes, dtype=str)), 'ascii', 'replace')
    return np.frombuffer(array.astype(f'S{width}').tobytes(), dtype=np.uint8).reshape(-1, width)


def _layout(level, three_d):
    """[(level, start, stop)] of the 2D segments in a code, and [(level, start, stop)] of heights."""
    spans, heights = [], []
    position = 2 if three_d else 1
    for k in range(1, level + 1):
        width = CODE_LENGTH[k] - CODE_LENGTH[k - 1]
        spans.append((k, position, position + width))
        position += width
        if three_d:
            heights.append((k, position, position + HEIGHT_CHARS[k]))
            position += HEIGHT_CHARS[k]
    return spans, heights


def _decode_matrix(matrix, level, three_d):
    """(problem per row or '', west, south, u0, v0) for a matrix of codes of one level."""
    n = matrix.shape[0]
    problem = np.full(n, '', dtype=object)

    def flag(mask, message):
        mask = mask & (problem == '')
        problem[mask] = message

    flag((matrix[:, 0] != ord('N')) & (matrix[:, 0] != ord('S')),
         translate('spm', 'the first character must be N or S'))
    south = matrix[:, 0] == ord('S')
    spans, heights = _layout(level, three_d)
    u0 = np.zeros(n, dtype=np.int64)
    v0 = np.zeros(n, dtype=np.int64)
    west = np.zeros(n, dtype=bool)
    for k, start, stop in spans:
        values = _VALUE[matrix[:, start:stop]].astype(np.int64)
        if k == 1:
            column = values[:, 0] * 10 + values[:, 1]
            letter = matrix[:, start + 2].astype(np.int64) - ord('A')
            flag((values[:, 0] > 9) | (values[:, 1] > 9) | (column < 1) | (column > 60),
                 translate('spm', 'the level-1 column must be 01 to 60'))
            flag(letter == 22, translate('spm', 'row letter W is a polar cell (|latitude| ≥ 88°), '
                                                'which is not decoded here'))
            flag((letter < 0) | (letter >= 22), translate('spm', 'the level-1 row must be a letter A to V'))
            column = np.clip(column, 1, 60)
            west = column <= 30
            u0 += np.where(west, 30 - column, column - 31) * CELL_LNG[1]
            v0 += np.clip(letter, 0, 21) * CELL_LAT[1]
            continue
        cols, rows = SPLITS[k]
        if stop - start == 1:
            flag(values[:, 0] >= cols * rows, translate(
                'spm', 'level {level} must be a digit 0 to {top}').format(level=k, top=cols * rows - 1))
            cell = np.minimum(values[:, 0], cols * rows - 1)
            col, row = cell % 2, cell // 2
        else:
            col, row = values[:, 0], values[:, 1]
            flag((col >= cols) | (row >= rows), translate(
                'spm', 'level {level} must be a column 0–{col} and a row 0–{row}').format(
                    level=k, col=format(cols - 1, 'X'), row=format(rows - 1, 'X')))
            col, row = np.minimum(col, cols - 1), np.minimum(row, rows - 1)
        u0 += col * CELL_LNG[k]
        v0 += row * CELL_LAT[k]
    if three_d:
        sign = matrix[:, 1]
        flag((sign != ord('0')) & (sign != ord('1')),
             translate('spm', 'the height sign (second character) must be 0 or 1'))
        for k, start, stop in heights:
            values = _VALUE[matrix[:, start:stop]].astype(np.int64)
            if k == 1:
                flag((values > 9).any(axis=1) | (values[:, 0] * 10 + values[:, 1] > 63),
                     translate('spm', 'the level-1 height must be 00 to 63'))
            else:
                flag(values[:, 0] >= 2 ** HEIGHT_BITS[k], translate(
                    'spm', 'the level-{level} height digit is out of range').format(level=k))
    return problem, west, south, u0, v0


def _height_range(matrix, level):
    """(low, high) heights in metres of the 3D cells in ``matrix`` (codes already checked)."""
    _, heights = _layout(level, True)
    m = np.zeros(matrix.shape[0], dtype=np.int64)
    for k, start, stop in heights:
        values = np.minimum(_VALUE[matrix[:, start:stop]].astype(np.int64), 15)
        field = values[:, 0] * 10 + values[:, 1] if k == 1 else values[:, 0]
        m = (m << HEIGHT_BITS[k]) | np.minimum(field, 2 ** HEIGHT_BITS[k] - 1)
    shift = _HEIGHT_SHIFT[level]
    lo, hi = m << shift, (m + 1) << shift
    negative = matrix[:, 1] == ord('1')
    n_lo = np.where(negative, 1 - hi, lo)
    n_hi = np.where(negative, 1 - lo, hi)
    return height_of_index(n_lo), height_of_index(n_hi)


def level_of(code, three_d=False):
    """Level of a code from its length, or None when no level has that length."""
    lengths = CODE_LENGTH_3D if three_d else CODE_LENGTH
    length = len(str(code).strip())
    return lengths.index(length) if length in lengths[1:] else None


def decode(codes, three_d=False, strict=True):
    """Cells of BeiDou grid codes (2D by default, 3D with ``three_d=True``).

    Returns a dict of arrays: ``level``, ``west``, ``south``, ``east``, ``north`` (degrees) and
    ``problem`` ('' when the code is valid); 3D adds ``bottom`` and ``top`` (metres). With
    ``strict`` (the default) the first invalid code raises :class:`CodeFormatError`; otherwise
    invalid codes get NaN bounds and their reason in ``problem``.
    """
    texts = np.char.strip(np.asarray(codes, dtype=str).ravel())
    n = texts.size
    lengths = np.char.str_len(texts) if n else np.zeros(0, dtype=int)
    table = CODE_LENGTH_3D if three_d else CODE_LENGTH
    out = {name: np.full(n, np.nan) for name in ('west', 'south', 'east', 'north')}
    if three_d:
        out['bottom'] = np.full(n, np.nan)
        out['top'] = np.full(n, np.nan)
    out['level'] = np.zeros(n, dtype=np.int64)
    problem = np.full(n, '', dtype=object)
    known = np.isin(lengths, table[1:])
    for row in np.flatnonzero(~known):
        problem[row] = translate(
            'spm', 'a {kind} BeiDou grid code has {lengths} characters, this one has {n}').format(
                kind='3D' if three_d else '2D', lengths='/'.join(str(x) for x in table[1:]),
                n=lengths[row])
    for level in LEVELS:
        rows = np.flatnonzero(lengths == table[level])
        if rows.size == 0:
            continue
        matrix = _as_matrix(texts[rows], table[level])
        bad, west, south, u0, v0 = _decode_matrix(matrix, level, three_d)
        problem[rows] = bad
        ok = bad == ''
        rows, west, south, u0, v0 = rows[ok], west[ok], south[ok], u0[ok], v0[ok]
        matrix = matrix[ok]
        lo_x, hi_x = u0 / UNITS_PER_DEGREE, (u0 + CELL_LNG[level]) / UNITS_PER_DEGREE
        lo_y, hi_y = v0 / UNITS_PER_DEGREE, (v0 + CELL_LAT[level]) / UNITS_PER_DEGREE
        out['west'][rows] = np.where(west, -hi_x, lo_x)
        out['east'][rows] = np.where(west, -lo_x, hi_x)
        out['south'][rows] = np.where(south, -hi_y, lo_y)
        out['north'][rows] = np.where(south, -lo_y, hi_y)
        out['level'][rows] = level
        if three_d:
            out['bottom'][rows], out['top'][rows] = _height_range(matrix, level)
    out['problem'] = problem
    if strict:
        bad = np.flatnonzero(problem != '')
        if bad.size:
            raise CodeFormatError(translate('spm', 'Not a BeiDou grid code: “{code}” ({reason}).').format(
                code=texts[bad[0]], reason=problem[bad[0]]))
    return out


def decode_code(code, three_d=False):
    """Cell of one code: dict with level, west, south, east, north (and bottom, top in 3D)."""
    cell = decode([code], three_d=three_d)
    return {name: (int(values[0]) if name == 'level' else float(values[0]))
            for name, values in cell.items() if name != 'problem'}


def problem_of(code):
    """Why ``code`` is not a 2D or 3D BeiDou grid code ('' when it is one).

    Lengths 7, 12, 18 and 20 exist in both forms; such a code counts as 2D when it reads as 2D.
    """
    text = str(code).strip() if code is not None else ''
    two = decode([text], strict=False)['problem'][0]
    if not two:
        return ''
    three = decode([text], three_d=True, strict=False)['problem'][0]
    if not three:
        return ''
    in_3d = len(text) in CODE_LENGTH_3D[1:] and len(text) not in CODE_LENGTH[1:]
    return three if in_3d else two


def is_3d(code):
    """True when ``code`` reads as a 3D code and not as a 2D one."""
    text = str(code).strip()
    return (decode([text], strict=False)['problem'][0] != ''
            and decode([text], three_d=True, strict=False)['problem'][0] == '')


def cell_size_m(level, latitude=0.0):
    """Approximate (east-west, north-south) size in metres of a level's cell at ``latitude``."""
    level = _check_level(level)
    metres_per_degree = EARTH_RADIUS * math.pi / 180.0
    return (CELL_LNG[level] / UNITS_PER_DEGREE * metres_per_degree * math.cos(math.radians(latitude)),
            CELL_LAT[level] / UNITS_PER_DEGREE * metres_per_degree)
