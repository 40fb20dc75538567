"""Which 三调 (GB/T 21010-2017) land-use codes count as construction land, forest, cultivated land.

Construction land comes from the land-use tables of the plan-monitoring package
(``core.landuse.tables.is_construction``, the 三调 table's construction flag), so that every theme
agrees on it. Forest and cultivated land are read through the same table's hierarchy, so working
codes (0301K 可调整乔木林地) and numbers stored without their leading zero (301) are recognised.
"""

import numpy as np

from ..landuse import tables

# 森林覆盖率: 乔木林地, 竹林地, 红树林地, 森林沼泽 and their 可调整 (K) variants. 灌木林地 0305 is
# left out: only the 国家特别规定灌木林 counts, and 三调 does not tell it apart.
FOREST_CLASSES = ('0301', '0302', '0303', '0304')
CULTIVATED_CLASS = '01'           # 耕地: 0101 水田, 0102 水浇地, 0103 旱地
# 城镇村属性码 (CZCSXM) of 三调: 201 城市, 202 建制镇, 203 村庄 (A suffix: 城镇村内部的独立单位)
URBAN_CZCS = ('201', '201A', '202', '202A')
VILLAGE_CZCS = ('203', '203A')
# construction land that is not 城乡建设用地 when no 城镇村属性码 says so: 区域基础设施用地 (railways,
# highways, airports, ports, pipelines, water works) and 其他建设用地 (mining, salt pans, special land)
REGIONAL_CLASSES = ('0602', '0603', '1001', '1003', '1007', '1008', '1009', '1109')
SPECIAL_CLASS = '09'


def is_construction(codes):
    """Boolean array: which 三调 codes are construction land (建设用地)."""
    return np.asarray(tables.is_construction(list(codes), scheme='current'), dtype=bool)


def is_forest(codes):
    """Boolean array: which 三调 codes count towards 森林覆盖率."""
    return np.isin(tables.load_current_classes().at_level(list(codes), 2), FOREST_CLASSES)


def is_cultivated(codes):
    """Boolean array: which 三调 codes are cultivated land (耕地, 01*)."""
    return tables.load_current_classes().at_level(list(codes), 1) == CULTIVATED_CLASS


def is_regional(codes):
    """Boolean array: 三调 construction classes outside 城乡建设用地 (regional infrastructure, mining,
    salt pans, special land) — the proxy used when the layer has no 城镇村属性码."""
    table = tables.load_current_classes()
    codes = list(codes)
    return np.isin(table.at_level(codes, 2), REGIONAL_CLASSES) | (table.at_level(codes, 1) == SPECIAL_CLASS)


def _czcs(values):
    """城镇村属性码 as text ('201', '203A'); numbers stored in a numeric field keep no leading zero."""
    out = []
    for value in values:
        if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
            out.append('' if value != value else str(int(value)))
        else:
            text = '' if value is None else str(value).strip().upper()
            out.append(text[:-2] if text.endswith('.0') else text)
    return np.array(out, dtype=object)


def is_urban(czcs):
    """Boolean array: 城镇村属性码 201/202 (城市, 建制镇)."""
    return np.isin(_czcs(czcs), URBAN_CZCS)


def is_urban_rural(czcs):
    """Boolean array: 城镇村属性码 201–203 (城市, 建制镇, 村庄: 城乡建设用地)."""
    return np.isin(_czcs(czcs), URBAN_CZCS + VILLAGE_CZCS)


def is_village(czcs):
    """Boolean array: 城镇村属性码 203 (村庄)."""
    return np.isin(_czcs(czcs), VILLAGE_CZCS)
