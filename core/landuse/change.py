"""Land-use change between two surveys: change patches and the transition matrix (土地利用转移矩阵).

BEFORE is cut by AFTER; every piece gets its class at the chosen level in both years. Change
patches are the pieces whose class differs. The matrix (hectares) has the BEFORE classes as rows
and the AFTER classes as columns; area of BEFORE that AFTER does not cover goes to the column
``T_NONE``, area of AFTER that BEFORE does not cover to the row with an empty FROM_CODE, so that
every row sums to the BEFORE area of its class and every column to the AFTER area of its class.
When one layer uses 三调 codes and the other 用地用海 codes, the 三调 codes are converted.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import InputError
from ..i18n import translate
from . import tables
from .area import areas, sliver_width
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


def _harmonise(before, after, log):
    """Both layers' codes in one scheme: 用地用海 when the schemes differ."""
    if before.scheme == after.scheme:
        return before.codes, after.codes, before.table
    mapping = tables.load_mapping()
    plan = tables.load_plan_classes()
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
    """BEFORE cut by AFTER: each piece with its classes at the chosen level and its area."""
    table: object                  # the ClassTable both layers' codes are read in
    before_class: np.ndarray       # class of every BEFORE feature
    after_class: np.ndarray        # class of every AFTER feature
    pieces: object                 # :class:`overlay.Pieces`
    from_class: np.ndarray         # per piece
    to_class: np.ndarray           # per piece ('' where AFTER does not cover it)
    piece_area: np.ndarray         # per piece, m²


def transitions(before, after, level, crs=None, canceled=None, progress=None, log=None):
    """Cut BEFORE by AFTER and classify the pieces (the part of :func:`evaluate` that the batch
    engine runs tile by tile)."""
    if level not in (1, 2):
        raise InputError(translate('spm', 'LEVEL must be 1 or 2, not {level}').format(level=level))
    before_codes, after_codes, table = _harmonise(before, after, log)
    before_class = table.at_level(before_codes, level)
    after_class = table.at_level(after_codes, level)
    result = cut(before.geometry, after.geometry, canceled=canceled, progress=progress,
                 left_labels=before.fids, right_labels=after.fids, sliver_width=sliver_width(crs))
    covered = result.right != UNCOVERED
    to_class = np.full(len(covered), '', dtype=object)
    to_class[covered] = after_class[result.right[covered]]
    return Transitions(table, before_class, after_class, result, before_class[result.left],
                       to_class, areas(result.geometry, crs, canceled))


def change_patches(moves, before, after, crs=None):
    """The change patches (pieces whose class differs) of :func:`transitions`."""
    import geopandas as gpd
    result, from_class, to_class = moves.pieces, moves.from_class, moves.to_class
    changed = (result.right != UNCOVERED) & (from_class != to_class)
    geometry = [g for g, keep in zip(result.geometry, changed) if keep]
    names = {c: moves.table.name(c) for c in set(from_class) | set(to_class)}
    return gpd.GeoDataFrame({
        'BEF_FID': before.fids[result.left[changed]],
        'AFT_FID': after.fids[result.right[changed]],
        'FROM_CODE': from_class[changed],
        'FROM_NAME': [names[c] for c in from_class[changed]],
        'TO_CODE': to_class[changed],
        'TO_NAME': [names[c] for c in to_class[changed]],
        'FROM_TO': [f'{a}→{b}' for a, b in zip(from_class[changed], to_class[changed])],
        'AREA_M2': moves.piece_area[changed],
        'AREA_HA': moves.piece_area[changed] / 10000.0,
    }, geometry=geometry, crs=crs)


def evaluate(before, after, level, crs=None, canceled=None, progress=None, log=None):
    """Change patches and the transition matrix; return ``(patches, matrix)``."""
    moves = transitions(before, after, level, crs, canceled, progress, log)
    after_area = areas(after.geometry, crs, canceled)
    matrix = transition_matrix(moves.table, moves.from_class, moves.to_class, moves.piece_area,
                               moves.after_class, after_area, moves.before_class)
    patches = change_patches(moves, before, after, crs)
    if log is not None:
        covered = moves.pieces.right != UNCOVERED
        log(translate('spm', 'Change patches: {count}, {area:.2f} ha changed of {total:.2f} ha '
                             'compared.').format(count=len(patches), area=patches.AREA_HA.sum(),
                                                 total=moves.piece_area[covered].sum() / 10000.0))
    return patches, matrix


def _order(codes, table):
    """Class codes in table order, unknown last."""
    position = {c: i for i, c in enumerate(table.codes())}
    return sorted(codes, key=lambda c: (position.get(c, len(position)), c))


def transition_matrix(table, from_class, to_class, piece_area, after_class, after_area, before_class):
    """The transition matrix in hectares (see the module docstring)."""
    cells = pd.DataFrame({'f': from_class, 't': to_class, 'a': piece_area}) \
        .groupby(['f', 't']).a.sum()
    rows = _order(set(before_class), table)
    columns = _order(set(after_class), table)
    # AFTER area that no BEFORE polygon covers, per AFTER class
    after_total = pd.Series(after_area).groupby(after_class).sum()
    covered_total = cells.drop(index='', level='t', errors='ignore').groupby(level='t').sum()
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
