"""用地用海 level-1 class of a land-use code, for the land-use carbon account.

Input codes may already be 用地用海 codes (01 … 24, or level-2/3 such as 0101, 060101) or 三调 /
GB/T 21010-2017 codes with the survey's working codes (05H1, 08H2, 1104A, K-suffixed 0201K …).
:func:`level1_classes` returns the level-1 class of each and the codes it could not place.

The 三调 → 用地用海 mapping belongs to ``core.landuse`` (plan-monitoring issue); when that module
provides one (``core.landuse.mapping.to_ydyh_level1``) it is used, otherwise the interim table
below (level-2 三调 code → level-1 用地用海 class, following the 2023 guide's class definitions).
"""

import pandas as pd

# 三调 (GB/T 21010-2017 + 三调 working codes) level-2 code -> 用地用海 (2023) level-1 class.
_SANDIAO_TO_LEVEL1 = {
    '0101': '01', '0102': '01', '0103': '01',
    '0201': '02', '0202': '02', '0203': '02', '0204': '02',
    '0301': '03', '0302': '03', '0305': '03', '0307': '03',
    '0303': '05', '0304': '05', '0306': '05',             # 红树林地, 森林沼泽, 灌丛沼泽 -> 湿地
    '0401': '04', '0403': '04', '0404': '04', '0402': '05',  # 沼泽草地 -> 湿地
    '05H1': '09', '0501': '09', '0502': '09', '0503': '09', '0504': '09', '0505': '09',
    '0506': '09', '0507': '09', '0508': '09',
    '0601': '10', '0602': '10', '0603': '10', '0604': '11',
    '0701': '07', '0702': '07',
    '08H1': '08', '08H2': '08', '08H2A': '08', '0801': '08', '0802': '08', '0803': '08',
    '0804': '08', '0805': '08', '0806': '08', '0807': '08',
    '0808': '13', '0809': '14', '0810': '14', '0810A': '14',
    '09': '15', '0901': '15', '0902': '15', '0903': '15', '0904': '15', '0905': '15',
    '0906': '15', '0907': '15',
    '1001': '12', '1002': '12', '1003': '12', '1004': '12', '1005': '12', '1006': '06',
    '1007': '12', '1008': '12', '1009': '12',
    '1101': '17', '1102': '17', '1103': '17', '1104': '17', '1104A': '17', '1107': '17',
    '1107A': '17', '1110': '17',
    '1105': '05', '1106': '05', '1108': '05', '1109': '13',
    '1201': '23', '1202': '06', '1203': '23', '1204': '23', '1205': '23', '1206': '23',
    '1207': '23',
}


def _interim_level1(code):
    if code in _SANDIAO_TO_LEVEL1:
        return _SANDIAO_TO_LEVEL1[code]
    if code.endswith('K') and code[:-1] in _SANDIAO_TO_LEVEL1:   # 0201K … 可调整地类
        return _SANDIAO_TO_LEVEL1[code[:-1]]
    return None


def _shared_mapping():
    """The plan-monitoring engineer's 三调 → 用地用海 level-1 function, when it exists."""
    try:
        from ..landuse.mapping import to_ydyh_level1
    except ImportError:
        return None
    return to_ydyh_level1


def level1_classes(codes, scheme='sandiao'):
    """(Series of level-1 codes or None, sorted list of unmapped input codes).

    ``scheme`` is ``'sandiao'`` (三调 codes, mapped) or ``'ydyh'`` (用地用海 codes: the first two
    digits are the level-1 class).
    """
    text = pd.Series(codes, dtype=object).map(
        lambda v: None if v is None or str(v).strip() in ('', 'None', 'nan', 'NULL')
        else str(v).strip().upper())
    if scheme == 'ydyh':
        level1 = text.map(lambda c: c[:2] if c and len(c) >= 2 and c[:2].isdigit()
                          and 1 <= int(c[:2]) <= 24 else None)
    else:
        shared = _shared_mapping()
        mapper = shared if shared is not None else _interim_level1
        level1 = text.map(lambda c: mapper(c) if c else None)
    unmapped = sorted({str(c) for c, m in zip(text, level1) if m is None})
    return level1, unmapped
