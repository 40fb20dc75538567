"""Check characters and format checks of the codes a building or project carries.

* ISO 7064 MOD 11-2 (GB/T 17710; the check of the resident ID number, GB 11643): scalar and
  vectorised over a digit matrix.
* Unified social credit code, GB 32100-2015 (统一社会信用代码): 18 characters, check by weights
  3^i mod 31 over the 31-character alphabet.
* Real-estate unit code, GB/T 37346-2019 (不动产单元代码): 28 characters, no check character.
* Fixed-assets investment project code, GB/T 40058-2021 (投资项目统一代码):
  ``YYMM-AAAAAA-DD-TT-NNNNNN``; its check digit algorithm is not public, so only the format is
  checked.

Each ``check_*`` function returns a :class:`Verdict` (valid, reason in words, the administrative
code the code claims, or '' when it claims none).
"""

import re
from collections import namedtuple

import numpy as np

from ..i18n import translate

Verdict = namedtuple('Verdict', 'valid reason region')

MOD11_2_CHARS = '0123456789X'
CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'      # GB 32100: no I, O, S, V, Z
CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))

# GB/T 37346-2019 宗地（宗海）特征码 and 定着物特征码
PARCEL_OWNERSHIP = {'G': '国家土地（海域）所有权', 'J': '集体土地所有权', 'Z': '土地（海域）所有权未确定或有争议'}
# second character: the right on the parcel (宗地特征码第二位, GB/T 37346-2019 表 2)
PARCEL_RIGHT = {'A': '集体土地所有权宗地', 'B': '建设用地使用权宗地（地表）', 'S': '建设用地使用权宗地（地上）',
                'X': '建设用地使用权宗地（地下）', 'C': '宅基地使用权宗地', 'D': '土地承包经营权宗地（耕地）',
                'E': '土地承包经营权宗地（林地）', 'F': '土地承包经营权宗地（草地）', 'L': '林地使用权宗地',
                'N': '农用地使用权宗地', 'H': '海域使用权宗海', 'G': '无居民海岛使用权海岛',
                'W': '使用权未确定或有争议的土地', 'Y': '其他使用权宗地（海）'}
FIXTURE_TYPES = {'F': '房屋等建筑物、构筑物', 'L': '森林或林木', 'Q': '其他', 'W': '无定着物'}


def clean(code):
    """The code as upper-case text without surrounding spaces ('' for None/NaN)."""
    if code is None or (isinstance(code, float) and code != code):
        return ''
    return str(code).strip().upper()


# --- check characters over digit strings (vectorised) ---------------------------------------

def mod11_2_values(digits):
    """ISO 7064 MOD 11-2 check values (0–10) for a (n, k) matrix of digit values.

    Equivalent to the recursion p ← 2·(p + d) mod 11 over the digits, check = (12 − p) mod 11:
    the weights are 2^(k−i) mod 11 (7, 9, 10, 5, 8, 4, 2, 1, 6, 3 … for the ID number).
    """
    digits = np.asarray(digits, dtype=np.int64)
    k = digits.shape[1]
    weights = np.array([pow(2, k - i, 11) for i in range(k)], dtype=np.int64)
    return (12 - (digits @ weights) % 11) % 11


def luhn_values(digits):
    """Luhn mod-10 check values for a (n, k) matrix of digit values (every second digit from
    the right doubled)."""
    digits = np.asarray(digits, dtype=np.int64)
    k = digits.shape[1]
    doubled = (k - 1 - np.arange(k)) % 2 == 0
    values = np.where(doubled, digits * 2, digits)
    values = np.where(values > 9, values - 9, values)
    return (10 - values.sum(axis=1) % 10) % 10


# method name (as written in a building code scheme) -> (values function, characters)
CHECK_METHODS = {
    'mod11_2': (mod11_2_values, MOD11_2_CHARS),
    'luhn': (luhn_values, '0123456789'),
}


def digit_matrix(texts):
    """(n, k) digit values of equal-length ASCII digit strings (k = their length)."""
    texts = np.asarray(texts, dtype=str).ravel()
    width = int(np.char.str_len(texts).max()) if texts.size else 0
    if texts.size == 0 or width == 0:
        return np.zeros((texts.size, 0), dtype=np.int64)
    raw = np.frombuffer(texts.astype(f'S{width}').tobytes(), dtype=np.uint8).reshape(-1, width)
    return raw.astype(np.int64) - ord('0')


def check_characters(bodies, method='mod11_2'):
    """Check characters of equal-length digit strings by ``method`` ('mod11_2' or 'luhn')."""
    values_of, characters = CHECK_METHODS[method]
    bodies = np.asarray(bodies, dtype=str).ravel()
    if bodies.size == 0:
        return np.zeros(0, dtype='U1')
    return np.array(list(characters), dtype='U1')[values_of(digit_matrix(bodies))]


def mod11_2(body):
    """ISO 7064 MOD 11-2 check character of one digit string ('0'–'9' or 'X')."""
    return str(check_characters([body], 'mod11_2')[0])


def is_mod11_2(code):
    """True when the last character of ``code`` is the MOD 11-2 check of the digits before it."""
    code = clean(code)
    return (len(code) >= 2 and code[:-1].isascii() and code[:-1].isdigit()
            and mod11_2(code[:-1]) == code[-1])


# --- GB 32100 unified social credit code ------------------------------------------------------

def credit_check(body):
    """Check character of the first 17 characters of a unified social credit code."""
    total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(body, CREDIT_WEIGHTS))
    return CREDIT_ALPHABET[(31 - total % 31) % 31]


def fully_matching(texts, pattern):
    """Positions of the ``texts`` (str, or anything else: never) ``pattern`` matches in full."""
    match = re.compile(pattern).fullmatch
    return np.flatnonzero(np.fromiter((t.__class__ is str and match(t) is not None for t in texts), dtype=bool,
                                      count=len(texts)))


def byte_matrix(texts, width):
    """(n, width) bytes of ASCII texts of one length."""
    return np.frombuffer(''.join(texts).encode('ascii'), dtype=np.uint8).reshape(len(texts), width)


def surely_valid_credit_codes(texts):
    """Positions of the texts that are, as written, valid unified social credit codes
    (vectorised; :func:`check_credit_code` says why the others are not, or that they are)."""
    letters = CREDIT_ALPHABET.translate({ord(c): None for c in '0123456789'})
    rows = fully_matching(texts, '[0-9{a}]{{2}}[0-9]{{6}}[0-9{a}]{{10}}'.format(a=letters))
    if not len(rows):
        return rows
    value = np.full(256, -1, dtype=np.int64)
    value[np.frombuffer(CREDIT_ALPHABET.encode('ascii'), dtype=np.uint8)] = np.arange(len(CREDIT_ALPHABET))
    matrix = value[byte_matrix([texts[r] for r in rows], 18)]
    expected = (31 - (matrix[:, :17] @ np.array(CREDIT_WEIGHTS, dtype=np.int64)) % 31) % 31
    return rows[matrix[:, 17] == expected]


def check_credit_code(code):
    """GB 32100-2015: 18 characters over the 31-character alphabet, check by 3^i mod 31."""
    code = clean(code)
    if len(code) != 18:
        return Verdict(False, translate('spm', 'a unified social credit code has 18 characters, this one has {n}')
                       .format(n=len(code)), '')
    wrong = [c for c in code if c not in CREDIT_ALPHABET]
    if wrong:
        return Verdict(False, translate('spm', 'character “{char}” is not allowed (I, O, S, V, Z and lower-case '
                                               'letters are never used)').format(char=wrong[0]), '')
    if not code[2:8].isdigit():
        return Verdict(False, translate('spm', 'characters 3–8 must be the administrative division code (6 digits), '
                                               'found “{part}”').format(part=code[2:8]), '')
    expected = credit_check(code[:17])
    if code[17] != expected:
        return Verdict(False, translate('spm', 'check character should be {expected}, found {found}').format(
            expected=expected, found=code[17]), code[2:8])
    return Verdict(True, translate('spm', 'valid (GB 32100 check character)'), code[2:8])


# --- GB/T 37346 real-estate unit code ---------------------------------------------------------

def surely_valid_real_estate_units(texts):
    """Positions of the texts that are, as written, valid real-estate unit codes (vectorised;
    :func:`check_real_estate_unit` says why the others are not, or that they are)."""
    fixtures = ''.join(sorted(set(FIXTURE_TYPES) - {'W'}))
    return fully_matching(texts, '[0-9]{{12}}[{}][{}][0-9]{{5}}(?:[{}][0-9]{{8}}|W0{{8}})'.format(
        ''.join(PARCEL_OWNERSHIP), ''.join(PARCEL_RIGHT), fixtures))


def check_real_estate_unit(code):
    """GB/T 37346-2019: 6 county + 3 地籍区 + 3 地籍子区 + 2 宗地特征码 + 5 宗地顺序号 +
    1 定着物特征码 + 8 定着物单元编号 = 28 characters (no check character)."""
    code = clean(code)
    if len(code) != 28:
        return Verdict(False, translate('spm', 'a real-estate unit code has 28 characters, this one has {n}')
                       .format(n=len(code)), '')
    if not code[:12].isdigit() or not code[:12].isascii():
        return Verdict(False, translate('spm', 'characters 1–12 (county, cadastral district and sub-district) must '
                                               'be digits, found “{part}”').format(part=code[:12]), '')
    if code[12] not in PARCEL_OWNERSHIP:
        return Verdict(False, translate('spm', 'character 13 (ownership of the parcel) must be G, J or Z, found “{c}”')
                       .format(c=code[12]), code[:6])
    if code[13] not in PARCEL_RIGHT:
        return Verdict(False, translate('spm', 'character 14 (type of the parcel) must be one of {allowed}, found “{c}”')
                       .format(allowed=', '.join(PARCEL_RIGHT), c=code[13]), code[:6])
    if not code[14:19].isdigit():
        return Verdict(False, translate('spm', 'characters 15–19 (parcel number) must be digits, found “{part}”')
                       .format(part=code[14:19]), code[:6])
    if code[19] not in FIXTURE_TYPES:
        return Verdict(False, translate('spm', 'character 20 (type of the fixture) must be F, L, Q or W, found “{c}”')
                       .format(c=code[19]), code[:6])
    if not code[20:].isdigit():
        return Verdict(False, translate('spm', 'characters 21–28 (fixture unit number) must be digits, found “{part}”')
                       .format(part=code[20:]), code[:6])
    if code[19] == 'W' and code[20:] != '00000000':
        return Verdict(False, translate('spm', 'a parcel without fixture (W) has unit number 00000000, found “{part}”')
                       .format(part=code[20:]), code[:6])
    return Verdict(True, translate('spm', 'valid (format of GB/T 37346; the code has no check character)'), code[:6])


# --- GB/T 40058 investment project code -------------------------------------------------------

def check_project_code(code):
    """GB/T 40058-2021 ``YYMM-AAAAAA-DD-TT-NNNNNN`` (24 characters with the hyphens).

    The last six digits end with a check digit whose algorithm is not published; it is not
    checked. Codes issued before the 2020 rules start with a four-digit year (2014–2020); they are
    accepted and said so.
    """
    code = clean(code)
    parts = code.split('-')
    note = ''
    if len(parts) == 1 and len(code) == 20 and code.isdigit():
        parts = [code[:4], code[4:10], code[10:12], code[12:14], code[14:]]
        note = translate('spm', '; written without hyphens')
    if len(parts) != 5 or [len(p) for p in parts] != [4, 6, 2, 2, 6]:
        return Verdict(False, translate('spm', 'a project code reads YYMM-AAAAAA-DD-TT-NNNNNN (24 characters), '
                                               'this one is “{code}”').format(code=code), '')
    if not all(p.isdigit() and p.isascii() for p in parts):
        return Verdict(False, translate('spm', 'a project code has only digits between its hyphens'), '')
    time, region = parts[0], parts[1]
    if region == '000000' or region.startswith('00'):
        return Verdict(False, translate('spm', 'characters 6–11 must be an administrative division code, '
                                               'found “{part}”').format(part=region), '')
    month = int(time[2:])
    if 1 <= month <= 12:
        reason = translate('spm', 'valid format (issued 20{yy}-{mm}); the check digit is not verified{note}').format(
            yy=time[:2], mm=time[2:], note=note)
        return Verdict(True, reason, region)
    if 2014 <= int(time) <= 2020:
        reason = translate('spm', 'valid format of a code issued before the 2020 rules (year {year}); the check '
                                  'digit is not verified{note}').format(year=time, note=note)
        return Verdict(True, reason, region)
    return Verdict(False, translate('spm', 'characters 1–4 must be the year and month of issue (YYMM), '
                                           'month “{mm}” does not exist').format(mm=time[2:]), region)

