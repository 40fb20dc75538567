"""Getis–Ord Gi* hot-spot statistic on polygons or points (grid cells, districts, parcels).

For feature i with value x_i among n features and binary spatial weights w_ij that include the
feature itself (w_ii = 1, the "star" of Gi*):

    Gi* = (Σ_j w_ij x_j − x̄ W_i) / (S √((n Σ_j w_ij² − W_i²) / (n − 1))),   W_i = Σ_j w_ij,
    x̄ = Σ x / n,   S = √(Σ x² / n − x̄²)

(Getis & Ord 1992; Ord & Getis 1995; the form ArcGIS "Hot Spot Analysis" reports). Gi* is a
z-score; p is two-sided from the standard normal. Spatial weights (each feature is its own
neighbour as well):

- ``distance``: features whose centroids lie within ``distance`` (map units) of each other; the
  default distance is the smallest that gives every feature at least one other neighbour;
- ``contiguity``: polygons that touch or overlap (queen contiguity: a shared corner suffices;
  on a square grid, the 8 surrounding cells);
- ``knn``: the ``k`` nearest centroids.

Bins (as ArcGIS ``Gi_Bin``): ±3 / ±2 / ±1 for p < 0.01 / 0.05 / 0.10, kept only when p ≤ the
chosen significance level ``alpha`` (and, with ``fdr``, when it passes the Benjamini–Hochberg
false-discovery-rate test at ``alpha``); 0 otherwise.
"""

import math

import numpy as np
from scipy import sparse
from scipy.spatial import cKDTree
from scipy.special import ndtr

from ..errors import InputError
from ..i18n import translate

METHODS = ('distance', 'contiguity', 'knn')
LEVELS = ((0.01, 3), (0.05, 2), (0.10, 1))


def _centroids(geometries):
    points = geometries.centroid
    return np.column_stack([points.x.to_numpy(), points.y.to_numpy()])


def default_distance(xy):
    """The smallest distance band that gives every feature at least one other neighbour."""
    if len(xy) < 2:
        return 0.0
    distances, _ = cKDTree(xy).query(xy, k=2)
    return float(distances[:, 1].max())


def weights(geometries, method='distance', distance=None, k=8):
    """(binary n × n CSR matrix with the diagonal set, description of the weights)."""
    n = len(geometries)
    if method not in METHODS:
        raise InputError(translate('spm', 'Unknown spatial weights “{method}” (use {methods}).').format(
            method=method, methods=', '.join(METHODS)))
    if method == 'contiguity':
        left, right = geometries.sindex.query_bulk(geometries, predicate='intersects')
        matrix = sparse.csr_matrix((np.ones(len(left)), (left, right)), shape=(n, n))
        description = translate('spm', 'queen contiguity (touching or overlapping features)')
    else:
        xy = _centroids(geometries)
        tree = cKDTree(xy)
        if method == 'knn':
            k = int(min(max(1, k), n - 1))
            _d, index = tree.query(xy, k=k + 1)
            rows = np.repeat(np.arange(n), k + 1)
            matrix = sparse.csr_matrix((np.ones(rows.size), (rows, index.ravel())), shape=(n, n))
            description = translate('spm', '{k} nearest neighbours').format(k=k)
        else:
            if distance is None or distance <= 0:
                distance = default_distance(xy)
            pairs = tree.query_pairs(distance, output_type='ndarray')
            rows = np.concatenate([pairs[:, 0], pairs[:, 1], np.arange(n)])
            cols = np.concatenate([pairs[:, 1], pairs[:, 0], np.arange(n)])
            matrix = sparse.csr_matrix((np.ones(rows.size), (rows, cols)), shape=(n, n))
            description = translate('spm', 'distance band {d:g} map units between centroids').format(
                d=distance)
    matrix = matrix.tolil()
    matrix.setdiag(1.0)
    matrix = matrix.tocsr()
    matrix.data[:] = 1.0
    return matrix, description


def gi_star(values, matrix):
    """(z, two-sided p, neighbour count incl. self) of Gi* for ``values`` and binary ``matrix``."""
    x = np.asarray(values, dtype=float)
    n = len(x)
    if n < 3:
        raise InputError(translate('spm', 'Hot spots need at least 3 features, got {n}.').format(n=n))
    mean = x.mean()
    s = math.sqrt(max((x * x).mean() - mean * mean, 0.0))
    if s == 0:
        raise InputError(translate('spm', 'All values are equal: there are no hot or cold spots.'))
    w_sum = np.asarray(matrix.sum(axis=1)).ravel()
    w_sq = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()
    lag = matrix @ x
    denominator = s * np.sqrt(np.maximum(n * w_sq - w_sum ** 2, 0.0) / (n - 1))
    with np.errstate(divide='ignore', invalid='ignore'):
        z = np.where(denominator > 0, (lag - mean * w_sum) / denominator, 0.0)
    p = 2.0 * ndtr(-np.abs(z))
    return z, p, w_sum.astype(int)


def significant(p, alpha, fdr=False):
    """Booleans: p ≤ alpha, or passing Benjamini–Hochberg at level alpha when ``fdr``."""
    p = np.asarray(p, dtype=float)
    if not fdr:
        return p <= alpha
    order = np.argsort(p)
    ranked = p[order]
    passing = ranked <= alpha * np.arange(1, len(p) + 1) / len(p)
    if not passing.any():
        return np.zeros(len(p), dtype=bool)
    threshold = ranked[np.nonzero(passing)[0].max()]
    return p <= threshold


def bins(z, p, alpha=0.05, fdr=False):
    """Gi_Bin-style classes: ±3/±2/±1 by confidence (99/95/90 %), 0 when not significant."""
    if not 0 < alpha < 1:
        raise InputError(translate('spm', 'The significance level must be between 0 and 1, got {a}.')
                         .format(a=alpha))
    level = np.zeros(len(z), dtype=int)
    for threshold, value in reversed(LEVELS):
        level[p < threshold] = value
    level[~significant(p, alpha, fdr)] = 0
    return (np.sign(z) * level).astype(int)


def hot_spots(frame, field, method='distance', distance=None, k=8, alpha=0.05, fdr=False,
              layer_name='INPUT'):
    """(frame with GI_Z, GI_P, GI_BIN, N_NEIGH, description of the weights)."""
    if field not in frame.columns:
        raise InputError(translate('spm', 'Layer “{layer}” has no field “{field}”.').format(
            layer=layer_name, field=field))
    frame = frame[frame.geometry.notna() & ~frame.geometry.is_empty]
    values = np.asarray(frame[field], dtype=float)
    missing = np.isnan(values)
    if missing.any():
        raise InputError(translate(
            'spm', 'Layer “{layer}”, field {field}: {n} feature(s) have no value; fill or filter them '
                   'first.').format(layer=layer_name, field=field, n=int(missing.sum())))
    matrix, description = weights(frame.geometry, method, distance, k)
    z, p, neighbours = gi_star(values, matrix)
    out = frame.copy()
    out['GI_Z'] = z
    out['GI_P'] = p
    out['GI_BIN'] = bins(z, p, alpha, fdr)
    out['N_NEIGH'] = neighbours
    return out, description
