"""Which 三调 (GB/T 21010-2017) land-use codes count as construction land, forest, cultivated land.

The indicator measures need three yes/no questions about a current-use code. Construction land is
asked of the land-use tables of the plan-monitoring package (``core.landuse``) when it offers an
``is_construction`` function; until then (and as a fallback) the filter of DOMAIN.md §2 is used:
codes 05*, 06*, 07*, 08*, 09*, 1001–1005, 1007–1009, 1109, 1201. Survey working codes keep their
class (05H1, 08H2, 1104A …); K-suffixed 可调整 codes (0201K) are not construction land.
"""

import pandas as pd

CONSTRUCTION_PREFIXES = ('05', '06', '07', '08', '09')
CONSTRUCTION_CODES = ('1001', '1002', '1003', '1004', '1005', '1007', '1008', '1009', '1109', '1201')
# 森林覆盖率: 乔木林地, 竹林地, 红树林地, 森林沼泽 (灌木林地 0305 is left out: only the 国家特别规定
# 灌木林 counts, and 三调 does not tell it apart)
FOREST_CODES = ('0301', '0302', '0303', '0304')
CULTIVATED_PREFIX = '01'          # 耕地: 0101 水田, 0102 水浇地, 0103 旱地
# 城镇村属性码 (CZCSXM) of 三调: 201 城市, 202 建制镇, 203 村庄 (A suffix: 城镇村内部的独立单位)
URBAN_CZCS = ('201', '201A', '202', '202A')
VILLAGE_CZCS = ('203', '203A')


def _codes(codes):
    return pd.Series(codes, dtype=object).fillna('').astype(str).str.strip().str.upper()


def _landuse_api():
    """``is_construction`` of the plan-monitoring land-use package, or None while it is absent."""
    try:
        from ..landuse import is_construction  # noqa: WPS433 (optional sibling package)
    except ImportError:
        return None
    return is_construction


def is_construction(codes):
    """Boolean Series: which 三调 codes are construction land (建设用地)."""
    codes = _codes(codes)
    api = _landuse_api()
    if api is not None:
        return pd.Series(api(codes), index=codes.index).astype(bool)
    base = codes.str[:4]
    adjustable = codes.str.endswith('K')
    return (codes.str[:2].isin(CONSTRUCTION_PREFIXES) | base.isin(CONSTRUCTION_CODES)) & ~adjustable


def is_forest(codes):
    """Boolean Series: which 三调 codes count towards 森林覆盖率."""
    codes = _codes(codes)
    return codes.str[:4].isin(FOREST_CODES) & ~codes.str.endswith('K')


def is_cultivated(codes):
    """Boolean Series: which 三调 codes are cultivated land (耕地, 01*)."""
    return _codes(codes).str[:2] == CULTIVATED_PREFIX


def is_urban(czcs):
    """Boolean Series: 城镇村属性码 201/202 (城市, 建制镇)."""
    return _codes(czcs).isin(URBAN_CZCS)


def is_village(czcs):
    """Boolean Series: 城镇村属性码 203 (村庄)."""
    return _codes(czcs).isin(VILLAGE_CZCS)
