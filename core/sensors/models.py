"""LSCP, MCLP and p-median on a :class:`~.coverage.Coverage`: :func:`solve` and :func:`coverage_curve`.

Existing sensors (fixed facilities) are always chosen; ``p`` and ``budget`` count the *new* sensors
only. The greedy answer is always computed (it is the warm start, the fallback and the coverage
curve); with a time limit > 0 HiGHS then looks for the optimum (:mod:`.exact`). The solution says
which solver produced it, the best proven bound and the relative gap |bound − objective| / objective
(0 = proven optimal), as HiGHS defines it.

Objectives, in the user's terms: MCLP — total weight of the covered points (existing sensors
included, higher is better); LSCP — number (or cost) of new sensors so that every coverable point
is covered (lower is better); p-median — Σ weight × distance from each coverable point to its
nearest chosen sensor (lower is better).
"""

import time
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from ..errors import InputError
from ..i18n import translate
from . import exact, greedy

MODELS = ('LSCP', 'MCLP', 'PMEDIAN')
EXACT = 'HiGHS'
GREEDY = 'greedy'


@dataclass
class Solution:
    """What was chosen, how good it is and how good it is proven to be."""

    model: str
    chosen: np.ndarray                 # facility indices, existing sensors included
    added: list                        # facility indices of the new sensors
    objective: float
    bound: float = None
    solver: str = GREEDY
    status: str = 'heuristic'          # optimal | time_limit | heuristic
    seconds: float = 0.0
    greedy_objective: float = None
    found_by: str = GREEDY             # which solver found the answer kept
    notes: list = field(default_factory=list)

    @property
    def gap(self):
        """|bound − objective| / |objective| (None without a bound; 0 when both are 0)."""
        if self.bound is None or self.objective is None:
            return None
        diff = abs(self.bound - self.objective)
        if diff <= 1e-9 * max(1.0, abs(self.objective)):
            return 0.0
        return diff / abs(self.objective) if self.objective else float('inf')

    @property
    def proven_optimal(self):
        return self.gap == 0.0


def submatrix(cov, point_mask, fac_mask):
    """(CSC matrix, distances aligned with its data, point indices, facility indices)."""
    points, facs = np.flatnonzero(point_mask), np.flatnonzero(fac_mask)
    keep = point_mask[cov.rows] & fac_mask[cov.cols]
    new_row = np.cumsum(point_mask) - 1
    new_col = np.cumsum(fac_mask) - 1
    rows, cols = new_row[cov.rows[keep]], new_col[cov.cols[keep]]
    indptr = np.r_[0, np.cumsum(np.bincount(cols, minlength=len(facs)))]
    A = sp.csc_matrix((np.ones(len(rows)), rows, indptr), shape=(len(points), len(facs)))
    return A, cov.dist[keep], points, facs


def _fmt(value):
    return f'{value:,.6g}'


def _check_inputs(model, p, budget):
    if model not in MODELS:
        raise InputError(translate('spm', 'Unknown model {model}: use one of {models}.').format(
            model=model, models=', '.join(MODELS)))
    if p is not None and (p < 0 or int(p) != p):
        raise InputError(translate('spm', 'P must be a whole number ≥ 0 (got {p}).').format(p=p))
    if budget is not None and not budget > 0:
        raise InputError(translate('spm', 'The budget must be greater than 0 (got {budget}).').format(
            budget=budget))
    if model == 'MCLP' and p is None and budget is None:
        raise InputError(translate('spm', 'MCLP needs P (number of new sensors) or a budget.'))
    if model == 'PMEDIAN' and p is None:
        raise InputError(translate('spm', 'p-median needs P (number of new sensors).'))


def solve(cov, model='MCLP', p=None, budget=None, minimise_cost=False, time_limit=60.0,
          canceled=None, progress=None):
    """Solve ``model`` on ``cov``; ``time_limit`` ≤ 0 runs the greedy solver only."""
    _check_inputs(model, p, budget)
    started = time.monotonic()
    report = progress or (lambda percent: None)
    if model == 'MCLP':
        solution = _mclp(cov, p, budget, time_limit, canceled, report)
    elif model == 'LSCP':
        solution = _lscp(cov, minimise_cost, time_limit, canceled, report)
    else:
        solution = _pmedian(cov, int(p), time_limit, canceled, report)
    solution.seconds = time.monotonic() - started
    if solution.status == 'time_limit':
        gap = solution.gap
        solution.notes.append(translate(
            'spm', 'The time limit ({limit} s) was reached: the answer is the best found; it is proven '
                   'within {gap} of the optimum.').format(
                limit=_fmt(time_limit), gap='?' if gap is None else f'{gap:.2%}'))
    report(100)
    return solution


def _mclp(cov, p, budget, time_limit, canceled, report):
    fixed = cov.fac_fixed
    covered0 = cov.covered_by(fixed) > 0
    base = float(cov.weights[covered0].sum())
    A, _, _, facs = submatrix(cov, ~covered0, ~fixed)
    cost = cov.fac_cost[facs]
    useful = np.flatnonzero(np.diff(A.indptr) > 0)
    notes = []
    if p is not None and p >= len(useful) and (budget is None or cost[useful].sum() <= budget):
        notes.append(translate('spm', 'P = {p} is at least the {n} candidate sensor(s) that cover any '
                                      'uncovered point: all of them are chosen.').format(
            p=int(p), n=len(useful)))
        chosen = np.r_[np.flatnonzero(fixed), facs[useful]].astype(np.int64)
        value = cov.covered_weight(chosen)
        return Solution('MCLP', chosen, list(facs[useful]), value, value, GREEDY, 'optimal',
                        greedy_objective=value, found_by=GREEDY, notes=notes)
    w = np.where(covered0, 0.0, cov.weights)[~covered0]
    order, gains = greedy.max_cover(A, w, p=p, cost=cost, budget=budget, canceled=canceled)
    g_value = base + float(sum(gains))
    g_bound = base + greedy.max_cover_bound(A, w, order, p=p, cost=cost, budget=budget)
    report(10)
    solution = Solution('MCLP', None, list(facs[order]), g_value, g_bound, GREEDY, 'heuristic',
                        greedy_objective=g_value, notes=notes)
    if time_limit > 0:
        res = exact.max_cover(A, w, p=p, cost=cost, budget=budget, incumbent=order,
                              time_limit=time_limit, canceled=canceled)
        _take_exact(solution, res, facs, base, maximise=True)
    solution.chosen = np.r_[np.flatnonzero(fixed), solution.added].astype(np.int64)
    return solution


def _take_exact(solution, res, facs, base, maximise):
    """Keep HiGHS's answer when strictly better than greedy's, and the tighter proven bound."""
    sign = 1.0 if maximise else -1.0
    if res.value is not None and sign * (base + res.value - solution.objective) > 1e-9:
        solution.added, solution.objective = list(facs[res.chosen]), base + res.value
        solution.found_by = EXACT
    if res.bound is not None:
        bound = base + res.bound
        solution.bound = bound if solution.bound is None else (min if maximise else max)(solution.bound, bound)
    solution.solver = EXACT
    solution.status = 'optimal' if res.status == 'optimal' else 'time_limit'
    if res.status == 'optimal':
        solution.bound = solution.objective
    solution.notes.extend(res.notes)


def _lscp(cov, minimise_cost, time_limit, canceled, report):
    fixed = cov.fac_fixed
    covered0 = cov.covered_by(fixed) > 0
    need = cov.coverable() & ~covered0
    A, _, _, facs = submatrix(cov, need, ~fixed)
    cost = cov.fac_cost[facs] if minimise_cost else np.ones(len(facs))
    order = greedy.set_cover(A, np.ones(A.shape[0], bool), cost, canceled=canceled)
    g_value = float(cost[order].sum())
    largest = int(np.diff(A.indptr).max()) if A.shape[1] else 1
    g_bound = g_value / greedy.harmonic(largest)
    if np.all(np.abs(cost - np.round(cost)) < 1e-9):
        g_bound = float(np.ceil(g_bound - 1e-9))
    report(10)
    solution = Solution('LSCP', None, list(facs[order]), g_value, g_bound, GREEDY, 'heuristic',
                        greedy_objective=g_value)
    if time_limit > 0:
        res = exact.set_cover(A, cost, incumbent=order, time_limit=time_limit, canceled=canceled)
        _take_exact(solution, res, facs, 0.0, maximise=False)
    solution.chosen = np.r_[np.flatnonzero(fixed), solution.added].astype(np.int64)
    return solution


def weighted_distance(cov, chosen):
    """(Σ weight × distance to the nearest chosen facility over covered points, points left out)."""
    mask = np.zeros(cov.n_facilities, bool)
    mask[np.asarray(chosen, np.int64)] = True
    sel = mask[cov.cols]
    best = np.full(cov.n_points, np.inf)
    np.minimum.at(best, cov.rows[sel], cov.dist[sel])
    reached = np.isfinite(best)
    missed = int((cov.coverable() & ~reached).sum())
    return float((cov.weights[reached] * best[reached]).sum()), missed


def _pmedian(cov, p, time_limit, canceled, report):
    fixed = cov.fac_fixed
    coverable = cov.coverable()
    A, dist, _, facs = submatrix(cov, coverable, np.ones(cov.n_facilities, bool))
    w = cov.weights[coverable]
    sub_fixed = fixed[facs]
    n_new = int((~sub_fixed).sum())
    notes = []
    if p > n_new:
        notes.append(translate('spm', 'P = {p} is more than the {n} candidate sensor(s): all of them '
                                      'are chosen.').format(p=p, n=n_new))
        p = n_new
    order, _ = greedy.p_median(A, dist, w, p, sub_fixed, canceled=canceled)
    g_chosen = np.r_[np.flatnonzero(fixed), facs[order]].astype(np.int64)
    g_value, g_missed = weighted_distance(cov, g_chosen)
    report(10)
    solution = Solution('PMEDIAN', g_chosen, list(facs[order]), g_value, None, GREEDY, 'heuristic',
                        greedy_objective=g_value, notes=notes)
    if time_limit > 0:
        res = exact.p_median(A, dist, w, p, sub_fixed, time_limit=time_limit, canceled=canceled)
        solution.solver = EXACT
        if res.status == 'infeasible':
            needed = _lscp(cov, False, max(time_limit, 1.0), canceled, report)
            raise InputError(translate(
                'spm', 'P = {p} new sensor(s) cannot reach every coverable risk point; p-median needs '
                       'at least {n} (the LSCP answer{proof}). Raise P or use MCLP.').format(
                    p=p, n=_fmt(needed.objective),
                    proof='' if needed.proven_optimal else translate('spm', ', not proven minimal')))
        if res.chosen is not None:        # new sensors only; value with the nearest assignment
            res.chosen = [j for j in res.chosen if not sub_fixed[j]]
            res.value, missed = weighted_distance(cov, np.r_[np.flatnonzero(fixed), facs[res.chosen]])
            res.value = None if missed else res.value
        if g_missed:
            solution.objective = np.inf          # greedy's answer leaves points out: any full one is better
        _take_exact(solution, res, facs, 0.0, maximise=False)
        if solution.found_by == EXACT:
            g_missed = 0
        elif g_missed:
            solution.objective = g_value
        solution.chosen = np.r_[np.flatnonzero(fixed), solution.added].astype(np.int64)
    if g_missed:
        solution.notes.append(translate(
            'spm', '{n} coverable risk point(s) are not reached by the {p} sensor(s) chosen.').format(
                n=g_missed, p=p))
    return solution


def coverage_curve(cov, canceled=None):
    """Greedy order of new facilities with the coverage after each: (order, count, weight) arrays.

    Index 0 is the existing sensors alone; index k adds the k-th greedy sensor. Greedy adds the
    most uncovered weight each step and stops when nothing more can be covered.
    """
    fixed = cov.fac_fixed
    covered0 = cov.covered_by(fixed) > 0
    A, _, points, facs = submatrix(cov, ~covered0, ~fixed)
    w = cov.weights[points]
    order, gains = greedy.max_cover(A, w, canceled=canceled)
    count = [int(covered0.sum())]
    hit = np.zeros(len(points), bool)
    for j in order:
        hit[A.indices[A.indptr[j]:A.indptr[j + 1]]] = True
        count.append(int(covered0.sum() + hit.sum()))
    weight = float(cov.weights[covered0].sum()) + np.r_[0.0, np.cumsum(gains)]
    return np.asarray(facs[order], np.int64), np.asarray(count), weight
