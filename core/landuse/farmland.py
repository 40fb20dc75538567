"""耕地进出平衡 (cropland in/out balance) between two land surveys, by district.

BEFORE is cut by AFTER (:func:`change.transitions`, level-1 classes: 耕地 is class ``01`` in both
三调 / GB/T 21010-2017 and 用地用海 2023). A piece that was 耕地 and is not any more is a 流出
(outflow) patch, one that became 耕地 a 流入 (inflow) patch. Each outflow is typed by its new use
and each inflow by its former use, from ``layers/tables/farmland_flows.csv`` (replaceable; the
first matching row wins): 非农化 (``NONAGRI``: to construction land) and 非粮化 (``NONGRAIN``: to
园地, 林地, 坑塘水面 or other agricultural land), following 《国务院办公厅关于坚决制止耕地“非农化”
行为的通知》(国办发明电〔2020〕24号) and 《关于防止耕地“非粮化”稳定粮食生产的意见》
(国办发〔2020〕44号); the rest is 其他.

Areas follow ``method`` (area.py): an outflow counts the earlier parcel's area share (the 耕地 the
earlier survey counted), an inflow the later parcel's. The summary has, per district, one row per
class exchanged with 耕地 (流出 OUT_HA, 流入 IN_HA, 净增减 NET_HA = IN − OUT), a 合计 row, the
耕地 totals of both surveys (期初 BEFORE, 期末 AFTER, measured from the parcels themselves), and
其他变化 (OTHER): AFTER − BEFORE − 合计 NET, the change that no class change explains (a changed
田坎 deduction of a parcel that stayed 耕地, area outside the other survey). So for every
district BEFORE + 合计 NET + OTHER = AFTER; with geometric areas over the same extent OTHER is 0.
"""

import numpy as np
import pandas as pd

from ..errors import InputError
from ..i18n import translate
from . import change, tables
from .area import piece_areas
from .overlay import UNCOVERED

CROP = '01'
FLOWS_TABLE = 'farmland_flows.csv'
TYPE_NAMES = {'NONAGRI': '非农化', 'NONGRAIN': '非粮化', 'OTHER': '其他'}
PATCH_COLUMNS = ['DISTRICT', 'KIND', 'FLOW', 'FLOW_NAME', 'FTYPE', 'FTYPE_NAME', 'GROUP', 'GROUP_NAME',
                 'OTHER_CODE', 'OTHER_NAME', 'BEF_FID', 'AFT_FID', 'FROM_CODE', 'TO_CODE',
                 'AREA_M2', 'AREA_HA']
SUMMARY_COLUMNS = ['DISTRICT', 'ROW', 'CLASS', 'CLASS_NAME', 'FTYPE', 'FTYPE_NAME', 'OUT_HA',
                   'IN_HA', 'NET_HA']
ROW_NAMES = {'TOTAL': '合计', 'OTHER': '其他变化', 'BEFORE': '期初耕地', 'AFTER': '期末耕地'}
FLOW_NAMES = {'OUT': '流出', 'IN': '流入'}


def load_flows(path=None):
    """The flow typing table: [(scheme, pattern, type, group, group name)]."""
    resolved = tables.table_path(FLOWS_TABLE, path)
    rows = tables.read_csv_rows(resolved, ('scheme', 'pattern', 'type', 'group', 'group_zh'))
    out = []
    for line, row in enumerate(rows, start=2):
        if row['scheme'] not in ('current', 'plan') or row['type'] not in TYPE_NAMES \
                or not row['pattern'] or not row['group']:
            raise InputError(translate(
                'spm', 'Table {path}, line {line}: needs scheme current/plan, a pattern, a type '
                       'among {types} and a group').format(path=resolved, line=line,
                                                         types=', '.join(TYPE_NAMES)))
        out.append((row['scheme'], row['pattern'], row['type'], row['group'], row['group_zh']))
    return out


def _typing(codes, table, scheme, flows):
    """(type, group, group name) of each code: the first row of ``flows`` that matches."""
    decided = {}
    for code in set(codes):
        entry = table.entry(code)
        category = entry['category'] if entry else None
        decided[code] = next(((kind, group, name) for s, pattern, kind, group, name in flows
                              if s == scheme and tables.pattern_matches(pattern, code, category)),
                             ('OTHER', 'OTHER', translate('spm', '其他土地')))
    return [decided[c] for c in codes]


def _districted(geometry, area, districts, names, crs, method, canceled):
    """(parent positions, district names, geometries, areas) of pieces cut by the districts."""
    if districts is None:
        return np.arange(len(area)), np.full(len(area), '', dtype=object), list(geometry), area
    part = change.split(geometry, area, districts.geometry, crs, method, canceled)
    district = np.full(len(part.area), '', dtype=object)
    known = part.right != UNCOVERED
    district[known] = np.asarray(names, dtype=object)[part.right[known]]
    return part.left, district, part.geometry, part.area


def crop_parts(layer, codes, districts=None, names=None, crs=None, method=None, canceled=None):
    """The 耕地 features of a survey (level-1 ``codes`` 01) cut by the districts, in the features'
    order: ``POS`` (the feature's position in ``layer``), ``DISTRICT``, ``AREA`` (m²)."""
    crop = np.flatnonzero(np.array([c == CROP for c in codes], dtype=bool))
    geometry = [layer.geometry[i] for i in crop]
    measured = piece_areas(geometry, crs, method, crop, layer, canceled)
    keep = np.array([g is not None for g in geometry], dtype=bool)
    geometry = [g for g, k in zip(geometry, keep) if k]
    parent, district, _, area = _districted(geometry, measured[keep], districts, names, crs,
                                            method, canceled)
    return pd.DataFrame({'POS': crop[keep][parent], 'DISTRICT': district, 'AREA': area})


def crop_totals(parts):
    """耕地 area (m²) by district name from :func:`crop_parts`."""
    return pd.Series(parts['AREA'].to_numpy()).groupby(parts['DISTRICT'].to_numpy()).sum()


def _totals(layer, codes, districts, names, crs, method, canceled):
    """耕地 area (m²) of a survey by district name."""
    return crop_totals(crop_parts(layer, codes, districts, names, crs, method, canceled))


def evaluate(before, after, districts=None, district_names=None, crs=None, method=None,
             flows=None, canceled=None, progress=None, log=None):
    """Flow patches and the balance table; return ``(patches, summary)``."""
    flows = flows if flows is not None else load_flows()
    moves = change.transitions(before, after, 1, crs, canceled, progress, log, method)
    patches = flow_patches(moves, before, after, districts, district_names, crs, method, flows,
                           canceled)
    before_codes, after_codes, _ = change._harmonise(before, after, None)
    table = moves.table
    totals = (_totals(before, table.at_level(before_codes, 1), districts, district_names, crs,
                      method, canceled),
              _totals(after, table.at_level(after_codes, 1), districts, district_names, crs,
                      method, canceled))
    summary = summarize(patches, totals, district_names if districts is not None else None)
    if log is not None:
        out = patches.loc[patches.FLOW == 'OUT', 'AREA_HA'].sum()
        into = patches.loc[patches.FLOW == 'IN', 'AREA_HA'].sum()
        log(translate('spm', '耕地 流出 {out:.2f} ha (非农化 {nonagri:.2f} ha, 非粮化 {nongrain:.2f} ha), '
                             '流入 {into:.2f} ha, 净增减 {net:+.2f} ha.').format(
            out=out, into=into, net=into - out,
            nonagri=patches.loc[(patches.FLOW == 'OUT') & (patches.FTYPE == 'NONAGRI'),
                                'AREA_HA'].sum(),
            nongrain=patches.loc[(patches.FLOW == 'OUT') & (patches.FTYPE == 'NONGRAIN'),
                                 'AREA_HA'].sum()))
    return patches, summary


def flow_patches(moves, before, after, districts=None, district_names=None, crs=None, method=None,
                 flows=None, canceled=None):
    """The 流出 and 流入 patches of :func:`change.transitions` (level 1), cut by the districts:
    all outflows (in the pieces' order), then all inflows."""
    import geopandas as gpd

    flows = flows if flows is not None else load_flows()
    table = moves.table
    scheme = 'plan' if table.scheme == 'plan' else 'current'
    covered = moves.covered
    lost = covered & (moves.from_class == CROP) & (moves.to_class != CROP)
    gained = covered & (moves.from_class != CROP) & (moves.to_class == CROP)
    parts = []
    for flow, mask, area, other_code, other_class in (
            ('OUT', lost, moves.area, moves.to_code, moves.to_class),
            ('IN', gained, moves.area_after, moves.from_code, moves.from_class)):
        index = np.flatnonzero(mask)
        geometry = [moves.geometry[i] for i in index]
        parent, district, geometry, measured = _districted(
            geometry, area[index], districts, district_names, crs, method, canceled)
        index = index[parent]
        typing = _typing(other_code[index], table, scheme, flows)
        parts.append(gpd.GeoDataFrame({
            'DISTRICT': district,
            'KIND': [f'OUT_{t[0]}' if flow == 'OUT' else 'IN' for t in typing],
            'FLOW': flow,
            'FLOW_NAME': FLOW_NAMES[flow],
            'FTYPE': [t[0] for t in typing],
            'FTYPE_NAME': [TYPE_NAMES[t[0]] for t in typing],
            'GROUP': [t[1] for t in typing],
            'GROUP_NAME': [t[2] for t in typing],
            'OTHER_CODE': other_class[index],
            'OTHER_NAME': table.names(other_class[index]),
            'BEF_FID': before.fids[moves.left[index]],
            'AFT_FID': after.fids[moves.right[index]],
            'FROM_CODE': moves.from_code[index],
            'TO_CODE': moves.to_code[index],
            'AREA_M2': measured,
            'AREA_HA': measured / 10000.0,
        }, geometry=list(geometry), crs=crs))
    patches = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry='geometry', crs=crs)
    return patches[PATCH_COLUMNS + ['geometry']]


def summarize(patches, totals, district_names=None):
    """The balance table (see the module docstring) from the patches and the 耕地 totals (m² by
    district, BEFORE and AFTER)."""
    before, after = totals
    known = set(patches['DISTRICT']) | set(before.index) | set(after.index)
    order = list(dict.fromkeys([str(n) for n in (district_names or [])] + sorted(known)))
    order = [d for d in order if d in known] or ['']
    rows = []
    for district in order:
        mine = patches[patches['DISTRICT'] == district]
        grouped = mine.groupby(['OTHER_CODE', 'OTHER_NAME', 'FTYPE', 'FLOW'], sort=True)['AREA_HA'] \
            .sum().unstack('FLOW', fill_value=0.0)
        for column in ('OUT', 'IN'):
            if column not in grouped.columns:
                grouped[column] = 0.0
        for (code, name, kind), values in grouped.iterrows():
            rows.append((district, 'CLASS', code, name, kind, TYPE_NAMES[kind], values['OUT'],
                         values['IN'], values['IN'] - values['OUT']))
        out, into = grouped['OUT'].sum(), grouped['IN'].sum()
        b = float(before.get(district, 0.0)) / 10000.0
        a = float(after.get(district, 0.0)) / 10000.0
        rows.append((district, 'TOTAL', '', ROW_NAMES['TOTAL'], '', '', out, into, into - out))
        rows.append((district, 'OTHER', '', ROW_NAMES['OTHER'], '', '', 0.0, 0.0,
                     a - b - (into - out)))
        rows.append((district, 'BEFORE', '', ROW_NAMES['BEFORE'], '', '', 0.0, 0.0, b))
        rows.append((district, 'AFTER', '', ROW_NAMES['AFTER'], '', '', 0.0, 0.0, a))
    frame = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    for column in ('OUT_HA', 'IN_HA', 'NET_HA'):
        frame[column] = frame[column].astype(float)
    return frame
