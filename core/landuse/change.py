"""Land-use change between two surveys: change patches and the transition matrix (土地利用转移矩阵).

BEFORE is cut by AFTER; every piece gets its class at the chosen level in both years. Change
patches are the pieces whose class differs. The matrix (hectares) has the BEFORE classes as rows
and the AFTER classes as columns; area of BEFORE that AFTER does not cover goes to the column
``T_NONE``, area of AFTER that BEFORE does not cover to the row with an empty FROM_CODE, so that
every row sums to the BEFORE area of its class and every column to the AFTER area of its class.
When one layer uses 三调 codes and the other 用地用海 codes, the 三调 codes are converted.

Areas follow ``method`` (area.py). With ATTRIBUTE a piece counts the earlier parcel's attribute
area share in the patches and the matrix cells (what the earlier survey lost), and the later
parcel's share for the area of AFTER that BEFORE does not cover; 新增建设用地 (:func:`new_construction`)
counts the later parcel's share (the new construction land as the later survey measures it).
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import InputError
from ..i18n import translate
from . import tables
from .area import PLANAR, areas, piece_areas, sliver_width
from .overlay import UNCOVERED, cut

PATCH_COLUMNS = ['BEF_FID', 'AFT_FID', 'FROM_CODE', 'FROM_NAME', 'TO_CODE', 'TO_NAME', 'FROM_TO',
                 'AREA_M2', 'AREA_HA']
NONE_ROW = ''                  # FROM_CODE of the row "AFTER area outside BEFORE"
TOTAL = 'TOTAL'
NOT_SURVEYED = '（未覆盖）'     # name of that row and of the T_NONE column (a data value)
TOTAL_NAME = '合计'


def column_name(code):
    """Matrix column of an AFTER class: ``T_0101``; ``T_UNKNOWN`` for 未知, ``T_NONE`` for none."""
    if code == tables.UNKNOWN:
        return 'T_UNKNOWN'
    return 'T_' + (code or 'NONE')


def common_table(before_scheme, after_scheme):
    """The ClassTable both surveys are compared in: their own, or 用地用海 when they differ."""
    if before_scheme == after_scheme:
        return tables.load_classes(before_scheme)
    return tables.load_plan_classes()


def harmonised_codes(before, after):
    """Both layers' full codes in the scheme they are compared in (see :func:`common_table`)."""
    return _harmonise(before, after, None)[:2]


def _harmonise(before, after, log):
    """Both layers' codes in one scheme: 用地用海 when the schemes differ."""
    if before.scheme == after.scheme:
        return before.codes, after.codes, before.table
    mapping = tables.load_mapping()
    plan = common_table(before.scheme, after.scheme)
    converted = []
    for layer in (before, after):
        if layer.scheme == 'current':
            converted.append(tables.to_plan_codes(layer.codes, mapping))
            if log is not None:
                log(translate('spm', 'Layer {layer}: 三调 codes converted to 用地用海 to compare '
                                     'with the other layer.').format(layer=layer.label))
        else:
            converted.append(layer.codes)
    return converted[0], converted[1], plan


@dataclass
class Transitions:
    """BEFORE cut by AFTER: one entry per piece (see :func:`transitions`)."""
    left: np.ndarray            # BEFORE position
    right: np.ndarray           # AFTER position, or -1
    geometry: list
    from_class: np.ndarray      # class at the chosen level (harmonised scheme)
    to_class: np.ndarray        # '' where AFTER does not cover the piece
    area: np.ndarray            # m², measured for BEFORE (its parcels' attribute share)
    area_after: np.ndarray      # m², measured for AFTER (0 where AFTER does not cover)
    table: object               # the ClassTable of the harmonised scheme
    after_class: np.ndarray     # class of every AFTER feature
    after_total: np.ndarray     # m² of every AFTER feature
    before_class: np.ndarray
    from_code: np.ndarray       # full codes (harmonised scheme)
    to_code: np.ndarray

    @property
    def covered(self):
        return self.right != UNCOVERED


def transitions(before, after, level, crs=None, canceled=None, progress=None, log=None,
                method=None):
    """Cut BEFORE by AFTER and measure every piece; a :class:`Transitions`."""
    if level not in (1, 2):
        raise InputError(translate('spm', 'LEVEL must be 1 or 2, not {level}').format(level=level))
    before_codes, after_codes, table = _harmonise(before, after, log)
    before_class = table.at_level(before_codes, level)
    after_class = table.at_level(after_codes, level)
    result = cut(before.geometry, after.geometry, canceled=canceled, progress=progress,
                 left_labels=before.fids, right_labels=after.fids, sliver_width=sliver_width(crs))
    covered = result.right != UNCOVERED
    piece_area = piece_areas(result.geometry, crs, method, result.left, before, canceled,
                             partition=True)
    area_after = np.zeros(len(covered))
    if covered.any():
        area_after[covered] = piece_areas([g for g, c in zip(result.geometry, covered) if c], crs,
                                          method, result.right[covered], after, canceled)
    to_class = np.full(len(covered), '', dtype=object)
    to_class[covered] = after_class[result.right[covered]]
    after_total = piece_areas(after.geometry, crs, method, np.arange(len(after.geometry)), after,
                              canceled)
    to_code = np.full(len(covered), '', dtype=object)
    to_code[covered] = np.asarray(after_codes, dtype=object)[result.right[covered]]
    return Transitions(result.left, result.right, result.geometry, before_class[result.left],
                       to_class, piece_area, area_after, table, after_class, after_total,
                       before_class, np.asarray(before_codes, dtype=object)[result.left], to_code)


def evaluate(before, after, level, crs=None, canceled=None, progress=None, log=None, method=None):
    """Change patches and the transition matrix; return ``(patches, matrix)``."""
    moves = transitions(before, after, level, crs, canceled, progress, log, method)
    return evaluate_moves(moves, before, after, crs, log)


def evaluate_moves(moves, before, after, crs=None, log=None):
    """:func:`evaluate` from :func:`transitions` already made."""
    import geopandas as gpd

    covered, table = moves.covered, moves.table
    from_class, to_class, piece_area = moves.from_class, moves.to_class, moves.area
    matrix = transition_matrix(table, from_class, to_class, piece_area, moves.area_after,
                               moves.after_class, moves.after_total, moves.before_class)
    result = moves

    changed = covered & (from_class != to_class)
    geometry = [g for g, keep in zip(result.geometry, changed) if keep]
    names = {c: table.name(c) for c in set(from_class) | set(to_class)}
    patches = gpd.GeoDataFrame({
        'BEF_FID': before.fids[result.left[changed]],
        'AFT_FID': after.fids[result.right[changed]],
        'FROM_CODE': from_class[changed],
        'FROM_NAME': [names[c] for c in from_class[changed]],
        'TO_CODE': to_class[changed],
        'TO_NAME': [names[c] for c in to_class[changed]],
        'FROM_TO': [f'{a}→{b}' for a, b in zip(from_class[changed], to_class[changed])],
        'AREA_M2': piece_area[changed],
        'AREA_HA': piece_area[changed] / 10000.0,
    }, geometry=geometry, crs=crs)
    if log is not None:
        log(translate('spm', 'Change patches: {count}, {area:.2f} ha changed of {total:.2f} ha '
                             'compared.').format(count=len(patches), area=patches.AREA_HA.sum(),
                                                 total=piece_area[covered].sum() / 10000.0))
    return patches, matrix


def _order(codes, table):
    """Class codes in table order, unknown last."""
    position = {c: i for i, c in enumerate(table.codes())}
    return sorted(codes, key=lambda c: (position.get(c, len(position)), c))


def transition_matrix(table, from_class, to_class, piece_area, piece_after, after_class,
                      after_area, before_class):
    """The transition matrix in hectares (see the module docstring), from the pieces (their
    classes and areas in both surveys, in the order of :func:`transitions`) and every feature's
    class (and AFTER's areas). The batch engine calls it with the pieces of all its tiles."""
    cells = pd.DataFrame({'f': from_class, 't': to_class, 'a': piece_area}) \
        .groupby(['f', 't']).a.sum()
    covered_after = pd.DataFrame({'t': to_class, 'a': piece_after})
    covered_total = covered_after[covered_after.t != ''].groupby('t').a.sum()
    rows = _order(set(before_class), table)
    columns = _order(set(after_class), table)
    # AFTER area that no BEFORE polygon covers, per AFTER class
    after_total = pd.Series(after_area).groupby(after_class).sum()
    uncovered = (after_total - covered_total.reindex(after_total.index, fill_value=0.0))
    uncovered = uncovered.where(uncovered.abs() > 1e-9 * after_total.abs().clip(lower=1.0), 0.0)
    grid = np.zeros((len(rows) + 1, len(columns) + 1))
    row_of = {c: i for i, c in enumerate(rows)}
    col_of = {c: j for j, c in enumerate(columns)}
    for (f, t), value in cells.items():
        grid[row_of[f], col_of[t] if t else len(columns)] += value
    for t, value in uncovered.items():
        grid[len(rows), col_of[t]] += value
    grid /= 10000.0
    frame = pd.DataFrame(grid, columns=[column_name(c) for c in columns] + [column_name('')])
    frame.insert(0, 'FROM_CODE', rows + [NONE_ROW])
    frame.insert(1, 'FROM_NAME', [table.name(c) for c in rows] + [NOT_SURVEYED])
    frame['TOTAL'] = grid.sum(axis=1)
    frame.loc[len(frame)] = [TOTAL, TOTAL_NAME] + frame.iloc[:, 2:].sum(axis=0).tolist()
    # names of the AFTER-class columns, for field aliases: {'T_0101': '0101 水田'}
    frame.attrs['aliases'] = {column_name(c): f'{c} {table.name(c)}'.strip() for c in columns}
    return frame


NEW_CONSTRUCTION_COLUMNS = ['DISTRICT', 'COUNT', 'INSIDE_HA', 'OUTSIDE_HA', 'TOTAL_HA']


def new_construction(moves, boundary, districts=None, district_names=None, crs=None, method=None,
                     canceled=None):
    """新增建设用地 by district, inside and outside the urban development boundary.

    New construction land: pieces that are construction land in AFTER and were not in BEFORE
    (construction = the table's ``construction`` flag of the full code, e.g. 05*–09*, 1001–1005,
    1007–1009, 1109, 1201 in 三调), measured as AFTER measures them. ``boundary``: the boundary's
    polygons (a :class:`inputs.Layer`). Returns a table with one row per district (empty name:
    outside every district) and a 合计 row; INSIDE_HA + OUTSIDE_HA = TOTAL_HA on every row.
    """
    return construction_table(construction_parts(moves, boundary, districts, district_names, crs,
                                                 method, canceled))


def construction_parts(moves, boundary, districts=None, district_names=None, crs=None,
                       method=None, canceled=None):
    """The parts :func:`new_construction` sums: one row per new-construction piece cut by the
    boundary and the districts, in the pieces' order: ``PIECE`` (the piece's position in
    ``moves``), ``DISTRICT``, ``IN`` and ``OUT`` (m² inside / outside the boundary)."""
    table = moves.table
    new = moves.covered & table.is_construction(moves.to_code) & \
        ~table.is_construction(moves.from_code)
    piece = np.flatnonzero(new)
    geometry = [moves.geometry[i] for i in piece]
    part = split(geometry, moves.area_after[new], boundary.geometry, crs, method, canceled)
    inside = part.right != UNCOVERED
    piece = piece[part.left]
    district = np.full(len(part.area), '', dtype=object)
    area = part.area
    if districts is not None:
        by = split(part.geometry, area, districts.geometry, crs, method, canceled)
        inside, area, piece = inside[by.left], by.area, piece[by.left]
        district = np.full(len(area), '', dtype=object)
        known = by.right != UNCOVERED
        district[known] = np.asarray(district_names, dtype=object)[by.right[known]]
    return pd.DataFrame({'PIECE': piece, 'DISTRICT': district, 'IN': np.where(inside, area, 0.0),
                         'OUT': np.where(inside, 0.0, area)})


def construction_table(frame):
    """The 新增建设用地 table from :func:`construction_parts` (in the pieces' order)."""
    rows = frame.groupby('DISTRICT', sort=True).agg(
        COUNT=('IN', 'size'), INSIDE_HA=('IN', 'sum'), OUTSIDE_HA=('OUT', 'sum')).reset_index()
    for column in ('INSIDE_HA', 'OUTSIDE_HA'):
        rows[column] = rows[column] / 10000.0
    rows['TOTAL_HA'] = rows['INSIDE_HA'] + rows['OUTSIDE_HA']
    total = [TOTAL_NAME, int(rows['COUNT'].sum()), rows['INSIDE_HA'].sum(),
             rows['OUTSIDE_HA'].sum(), rows['TOTAL_HA'].sum()]
    rows.loc[len(rows)] = total
    rows['COUNT'] = rows['COUNT'].astype('int64')
    return rows[NEW_CONSTRUCTION_COLUMNS]


@dataclass
class Split:
    """Pieces cut by zones: parent position, zone position (-1 outside), geometry, area (m²)."""
    left: np.ndarray
    right: np.ndarray
    geometry: list
    area: np.ndarray


def split(geometries, measured, zones, crs=None, method=None, canceled=None):
    """Cut measured pieces by ``zones`` (polygons); each part gets the piece's measured area times
    its share of the piece's geometric area (ellipsoidal, or planar with PLANAR), so that the
    parts of a piece add up to its measured area."""
    measured = np.asarray(measured, dtype=float)
    result = cut(geometries, zones, canceled=canceled, sliver_width=sliver_width(crs))
    geometric = method if method in (PLANAR, None) else 'ELLIPSOIDAL'
    part = areas(result.geometry, crs, canceled, geometric)
    whole = np.bincount(result.left, weights=part, minlength=len(measured))[result.left]
    share = np.divide(part, whole, out=np.zeros(len(part)), where=whole > 0)
    return Split(result.left, result.right, result.geometry, measured[result.left] * share)
