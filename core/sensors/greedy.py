"""Greedy solvers on a points × facilities CSC matrix of ones (``A``), with their proven bounds.

- :func:`max_cover` — lazy greedy (CELF, Leskovec et al. 2007) for MCLP: coverage is submodular, so
  a facility's gain can only shrink and is recomputed only when it reaches the top of the heap.
  With p facilities it is (1 − 1/e)-optimal; with a budget it takes the better of the gain/cost
  greedy and the best single facility. :func:`max_cover_bound` gives the data-dependent bound
  OPT ≤ f(S) + (best p remaining marginal gains), usually far tighter than f(S)/(1 − 1/e).
- :func:`set_cover` — greedy for LSCP (gain = newly covered points per unit cost), then redundant
  facilities are dropped; it is H(d)-optimal, d the most points one facility covers.
- :func:`p_median` — greedy add for p-median: first reach as much weight as possible, then shorten
  the weighted distance to the nearest chosen facility.
"""

import heapq

import numpy as np

from ..errors import Canceled
from ..i18n import translate


def _column(A, j):
    return A.indices[A.indptr[j]:A.indptr[j + 1]]


def _check(canceled, step, every=64):
    if canceled is not None and step % every == 0 and canceled():
        raise Canceled(translate('spm', 'canceled'))


def max_cover(A, w, p=None, cost=None, budget=None, covered=None, per_cost=None, canceled=None):
    """(order, gains): facilities in the order the lazy greedy adds them and the weight each adds.

    Stops at ``p`` facilities, when nothing affordable within ``budget`` adds weight, or when no
    facility adds any. ``covered``: points already covered (by existing sensors). Facilities are
    ranked by gain per unit cost when ``per_cost`` (default: when a budget is given).
    """
    n = A.shape[1]
    w = np.asarray(w, float)
    cov = np.zeros(A.shape[0], bool) if covered is None else np.array(covered, bool)
    cost = np.ones(n) if cost is None else np.asarray(cost, float)
    remaining = np.inf if budget is None else float(budget)
    limit = n if p is None else int(p)
    ratio = (budget is not None) if per_cost is None else bool(per_cost)
    free = np.where(cov, 0.0, w)
    start = np.asarray(A.T @ free).ravel()
    heap = [(-(g / cost[j] if ratio else g), j) for j, g in enumerate(start) if g > 0]
    heapq.heapify(heap)
    fresh = np.ones(n, bool)           # gain computed against the current set
    order, gains = [], []
    step = 0
    while heap and len(order) < limit:
        step += 1
        _check(canceled, step)
        key, j = heapq.heappop(heap)
        if cost[j] > remaining:
            continue
        if not fresh[j]:
            rows = _column(A, j)
            gain = float(w[rows][~cov[rows]].sum())
            if gain > 0:
                fresh[j] = True
                heapq.heappush(heap, (-(gain / cost[j] if ratio else gain), j))
            continue
        rows = _column(A, j)
        gain = float(w[rows][~cov[rows]].sum())
        order.append(j)
        gains.append(gain)
        cov[rows] = True
        remaining -= cost[j]
        fresh[:] = False
    if budget is not None and np.isfinite(budget) and order:
        # the best single affordable facility may beat the ratio greedy (Khuller et al. 1999)
        affordable = np.flatnonzero(cost <= float(budget))
        if len(affordable):
            best = affordable[np.argmax(start[affordable])]
            if start[best] > sum(gains):
                return [int(best)], [float(start[best])]
    return [int(j) for j in order], gains


def max_cover_bound(A, w, chosen, covered=None, p=None, cost=None, budget=None):
    """Upper bound on the best weight any feasible choice adds: f(S) + best remaining gains.

    With ``p``: the p largest marginal gains with respect to ``chosen``; with a budget: the
    fractional knapsack of those gains; with both, the smaller bound.
    """
    w = np.asarray(w, float)
    cov = np.zeros(A.shape[0], bool) if covered is None else np.array(covered, bool)
    base = cov.copy()
    for j in chosen:
        cov[_column(A, j)] = True
    value = float(w[cov & ~base].sum())
    delta = np.asarray(A.T @ np.where(cov, 0.0, w)).ravel()
    bounds = []
    if p is not None:
        bounds.append(value + float(np.sort(delta)[::-1][:int(p)].sum()))
    if budget is not None:
        cost = np.asarray(cost, float)
        order = np.argsort(-delta / cost)
        take = np.cumsum(cost[order])
        full = take <= budget
        extra = float(delta[order][full].sum())
        rest = np.flatnonzero(~full)
        if len(rest):
            k = order[rest[0]]
            spare = budget - (take[rest[0] - 1] if rest[0] > 0 else 0.0)
            extra += delta[k] * max(spare, 0.0) / cost[k]
        bounds.append(value + extra)
    if not bounds:
        bounds.append(value + float(delta.sum()))
    return min(bounds)


def set_cover(A, need, cost=None, canceled=None):
    """Facilities covering every point in ``need`` (mask), greedily by new points per unit cost."""
    n = A.shape[1]
    cost = np.ones(n) if cost is None else np.asarray(cost, float)
    order, _ = max_cover(A, need.astype(float), cost=cost, per_cost=True, canceled=canceled)
    return prune(A, order, need)


def prune(A, chosen, need):
    """Drop chosen facilities (latest first) whose needed points all stay covered without them."""
    chosen = list(chosen)
    count = np.zeros(A.shape[0], np.int64)
    for j in chosen:
        count[_column(A, j)] += 1
    for j in reversed(list(chosen)):
        rows = _column(A, j)
        rows = rows[need[rows]]
        if np.all(count[rows] >= 2):
            count[_column(A, j)] -= 1
            chosen.remove(j)
    return chosen


def harmonic(n):
    """H(n) = 1 + 1/2 + … + 1/n: the greedy set-cover ratio."""
    return float(np.sum(1.0 / np.arange(1, max(int(n), 1) + 1)))


def p_median(A, dist, w, p, fixed=None, canceled=None):
    """Greedy add for p-median: (order of added facilities, distance of each point or inf).

    ``dist`` is aligned with ``A.data`` (the distance of each covering pair). A point no chosen
    facility reaches counts as a penalty larger than any possible saving of distance, so coverage
    comes first and distance second.
    """
    n_points, n = A.shape
    w = np.asarray(w, float)
    cols = np.repeat(np.arange(n), np.diff(A.indptr))
    rows = A.indices
    best = np.full(n_points, np.inf)
    fixed = np.zeros(n, bool) if fixed is None else np.asarray(fixed, bool)
    sel = fixed[cols]
    np.minimum.at(best, rows[sel], dist[sel])
    max_d = float(dist.max()) if len(dist) else 0.0
    positive = w[w > 0]
    penalty = (max_d + 1.0) * (w.sum() / (positive.min() if len(positive) else 1.0) + 1.0)
    order = []
    for step in range(int(p)):
        _check(canceled, step, every=1)
        current = np.where(np.isfinite(best), best, penalty)
        saving = w[rows] * np.maximum(current[rows] - dist, 0.0)
        gain = np.bincount(cols, weights=saving, minlength=n)
        gain[fixed] = -1.0
        gain[order] = -1.0
        j = int(np.argmax(gain))
        if gain[j] <= 0:
            break
        order.append(j)
        sel = slice(A.indptr[j], A.indptr[j + 1])
        np.minimum.at(best, rows[sel], dist[sel])
    return order, best
