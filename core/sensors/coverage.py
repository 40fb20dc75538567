"""The sparse coverage structure: which facility covers which risk point, and at what distance.

A *facility* is one sensor of one kind at one site. A candidate site without a kind of its own can
take a sensor of any kind, so it gives one facility per kind of risk point within reach; a site
(candidate or existing sensor) with a kind gives one facility of that kind; an existing sensor
without a kind covers points of every kind. Facility f covers point i when the kinds match and
the distance is at most the radius — the site's own radius when it has one, else the radius of
the point's kind (boundary included). Only covering pairs are stored.
"""

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from .pairs import within

ANY_KIND = -1


@dataclass
class Coverage:
    """Points (weight, kind), facilities (site, kind, fixed, cost) and covering pairs."""

    weights: np.ndarray          # per point
    point_kind: np.ndarray       # per point: index into ``kinds``
    kinds: list                  # kind names ([''] when the points have no kind)
    kind_radius: np.ndarray      # per kind
    fac_site: np.ndarray         # per facility: index of its site
    fac_kind: np.ndarray         # per facility: kind index, or ANY_KIND
    fac_fixed: np.ndarray        # per facility: an existing sensor, always chosen
    fac_cost: np.ndarray         # per facility
    fac_radius: np.ndarray       # per facility: the site's own radius, NaN = by the point's kind
    rows: np.ndarray             # per pair: point
    cols: np.ndarray             # per pair: facility (pairs sorted by facility, then point)
    dist: np.ndarray             # per pair: distance (or cost from a cost table)
    n_sites: int = 0
    notes: list = field(default_factory=list)

    @property
    def n_points(self):
        return len(self.weights)

    @property
    def n_facilities(self):
        return len(self.fac_site)

    def matrix(self):
        """Points × facilities CSC matrix of ones; its data order is the pair order."""
        indptr = np.r_[0, np.cumsum(np.bincount(self.cols, minlength=self.n_facilities))]
        return sp.csc_matrix((np.ones(len(self.rows)), self.rows, indptr),
                             shape=(self.n_points, self.n_facilities))

    def effective_radius(self):
        """Per facility: its site's own radius, else its kind's (NaN for an every-kind sensor)."""
        kind_radius = np.r_[self.kind_radius, np.nan]
        by_kind = kind_radius[np.where(self.fac_kind >= 0, self.fac_kind, len(self.kind_radius))]
        return np.where(np.isnan(self.fac_radius), by_kind, self.fac_radius)

    def coverable(self):
        """Per point: some facility can cover it."""
        return np.bincount(self.rows, minlength=self.n_points) > 0

    def covered_by(self, chosen):
        """Per point: how many of the ``chosen`` facilities (mask or indices) cover it."""
        mask = _mask(chosen, self.n_facilities)
        return np.bincount(self.rows[mask[self.cols]], minlength=self.n_points)

    def covered_weight(self, chosen):
        """Total weight of the points covered by the ``chosen`` facilities."""
        return float(self.weights[self.covered_by(chosen) > 0].sum())


def _mask(chosen, n):
    chosen = np.asarray(chosen)
    if chosen.dtype == bool:
        return chosen
    mask = np.zeros(n, bool)
    mask[chosen.astype(np.int64)] = True
    return mask


def build(pairs, weights, point_kind, kinds, kind_radius, site_kind, site_radius, site_fixed, site_cost):
    """A :class:`Coverage` from (point, site, distance) pairs and the rules in the module docstring.

    ``site_kind``: per site, a kind index or ANY_KIND; ``site_radius``: per site, NaN = by kind.
    """
    i, j, d = (np.asarray(a) for a in pairs)
    point_kind = np.asarray(point_kind, np.int64)
    site_kind = np.asarray(site_kind, np.int64)
    site_radius = np.asarray(site_radius, float)
    site_fixed = np.asarray(site_fixed, bool)
    kind_radius = np.asarray(kind_radius, float)
    n_kinds = len(kinds)
    own = site_radius[j]
    radius = np.where(np.isnan(own), kind_radius[point_kind[i]], own)
    kind_ok = (site_kind[j] == ANY_KIND) | (site_kind[j] == point_kind[i])
    keep = kind_ok & within(d, radius)
    i, j, d = i[keep], j[keep], d[keep]
    # facility key: site × (kind, or n_kinds for a fixed sensor covering every kind)
    fac_kind = np.where(site_kind[j] != ANY_KIND, site_kind[j],
                        np.where(site_fixed[j], n_kinds, point_kind[i]))
    key = j * (n_kinds + 1) + fac_kind
    unique, col = np.unique(key, return_inverse=True)
    col = col.ravel()
    site = unique // (n_kinds + 1)
    kind = unique % (n_kinds + 1)
    order = np.lexsort((i, col))
    return Coverage(
        weights=np.asarray(weights, float), point_kind=point_kind, kinds=list(kinds),
        kind_radius=kind_radius, fac_site=site, fac_kind=np.where(kind == n_kinds, ANY_KIND, kind),
        fac_fixed=site_fixed[site], fac_cost=np.asarray(site_cost, float)[site],
        fac_radius=site_radius[site], rows=i[order], cols=col[order], dist=np.asarray(d, float)[order],
        n_sites=len(site_kind))
