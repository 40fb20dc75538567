"""Point–site pairs within reach, as three arrays (point index, site index, distance).

Straight-line pairs come from a k-d tree (``cKDTree.sparse_distance_matrix`` with the largest
radius), so only pairs within reach are ever computed; a cost table supplied by the user replaces
the distance computation. Road-network pairs are in :mod:`.network`.
"""

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from .. import textfile
from ..errors import InputError
from ..finite import check_finite
from ..i18n import translate

# A point exactly on a sensor's circle is covered: distances are compared with this relative slack
# so that floating-point noise (e.g. 500.0000000001 for a point 500 m away) does not exclude it.
TOLERANCE = 1e-9


def within(distance, radius):
    """True where ``distance`` ≤ ``radius`` (boundary included, see TOLERANCE)."""
    return distance <= radius * (1.0 + TOLERANCE)


def empty():
    """No pairs."""
    return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, float)


def check_radius(radius, label):
    """Stop on a radius that is not a positive number."""
    values = np.atleast_1d(np.asarray(radius, dtype=float))
    if values.size and not np.all(values > 0):
        raise InputError(translate('spm', 'The radius must be greater than 0 ({label}: {value}).').format(
            label=label, value=values[~(values > 0)][0]))


def euclidean_pairs(point_xy, site_xy, max_radius):
    """(i, j, d) for every point i and site j at most ``max_radius`` apart (straight line)."""
    check_radius(max_radius, translate('spm', 'straight-line search'))
    point_xy, site_xy = np.asarray(point_xy, float), np.asarray(site_xy, float)
    if not len(point_xy) or not len(site_xy):
        return empty()
    found = cKDTree(point_xy).sparse_distance_matrix(
        cKDTree(site_xy), max_radius * (1.0 + TOLERANCE), output_type='ndarray')
    return (found['i'].astype(np.int64), found['j'].astype(np.int64), found['v'].astype(float))


def id_strings(values):
    """Ids as comparable text: 12, 12.0 and '12 ' all become '12'."""
    out = []
    for value in values:
        if value is None or (isinstance(value, float) and np.isnan(value)):
            out.append(None)
        elif isinstance(value, (float, np.floating)) and float(value).is_integer():
            out.append(str(int(value)))
        else:
            out.append(str(value).strip())
    return out


def unique_ids(values, layer, field):
    """The ids as text, after checking that none is empty or repeated."""
    ids = id_strings(values)
    if any(v is None or v == '' for v in ids):
        raise InputError(translate('spm', 'Layer {layer}: field {field} has empty ids.').format(
            layer=layer, field=field))
    seen = pd.Series(ids)
    repeated = seen[seen.duplicated()].unique()
    if len(repeated):
        raise InputError(translate('spm', 'Layer {layer}: field {field} repeats the id(s) {ids}.').format(
            layer=layer, field=field, ids=', '.join(repeated[:10])))
    return ids


def read_cost_table(path):
    """A cost table CSV (UTF-8, or GBK as Excel writes it in China) with ids kept as text.

    Read by :func:`..textfile.read_csv`; the header is kept as written, even when two columns have
    the same name (``fid,fid,cost``). A cost (third column) that is not finite stops the run.
    """
    table = textfile.read_csv(path)
    check_columns(table, textfile.describe(path))
    check_finite(table.iloc[:, [2]], [table.columns[2]],
                 translate('spm', 'Cost table {table}').format(table=textfile.describe(path)),
                 rows=table.index)
    return table


def check_columns(table, label):
    """Stop unless the cost table has the three columns point id, site id, cost."""
    if table.shape[1] < 3:
        raise InputError(translate(
            'spm', 'Cost table {table} needs three columns (point id, site id, cost); it has {n}.').format(
                table=label, n=table.shape[1]))


def cost_table_pairs(table, point_ids, site_ids, label='cost table'):
    """(i, j, cost, notes) from a table whose first three columns are point id, site id and cost.

    ``point_ids`` and ``site_ids`` are the ids (text, see :func:`id_strings`) of the points and
    sites in index order. A pair listed twice stops the run; rows naming an unknown id are skipped
    and counted in ``notes``.
    """
    check_columns(table, label)
    points = pd.Series(id_strings(table.iloc[:, 0]), dtype=object)
    sites = pd.Series(id_strings(table.iloc[:, 1]), dtype=object)
    cost = pd.to_numeric(table.iloc[:, 2], errors='coerce').to_numpy(float)
    bad = np.flatnonzero(~(cost >= 0))
    if len(bad):
        raise InputError(translate(
            'spm', 'Cost table {table}: row {row} has the cost “{value}”, not a number ≥ 0.').format(
                table=label, row=int(bad[0]) + 2, value=table.iloc[:, 2].iloc[bad[0]]))
    # two columns, not a joined text key: 25→1 and 2→51 are different pairs
    repeated = pd.DataFrame({'point': points, 'site': sites}).duplicated(keep=False)
    if repeated.any():
        first = np.flatnonzero(repeated.to_numpy())[:5]
        listing = '; '.join(f'{points.iloc[k]} → {sites.iloc[k]} (row {k + 2})' for k in first)
        raise InputError(translate(
            'spm', 'Cost table {table} lists the same point and site more than once: {pairs}.').format(
                table=label, pairs=listing))
    point_index = pd.Series(np.arange(len(point_ids)), index=pd.Index(point_ids, dtype=object))
    site_index = pd.Series(np.arange(len(site_ids)), index=pd.Index(site_ids, dtype=object))
    i = point_index.reindex(points.to_numpy()).to_numpy()
    j = site_index.reindex(sites.to_numpy()).to_numpy()
    known = ~(np.isnan(i) | np.isnan(j))
    notes = []
    if not known.all():
        unknown = int((~known).sum())
        example = np.flatnonzero(~known)[0]
        notes.append(translate(
            'spm', 'Cost table {table}: {n} row(s) name a point or site that is not in the layers '
                   '(first: row {row}, {point} → {site}); they are ignored.').format(
                table=label, n=unknown, row=int(example) + 2, point=points.iloc[example],
                site=sites.iloc[example]))
    return (i[known].astype(np.int64), j[known].astype(np.int64), cost[known], notes)
