"""Exact MCLP, LSCP and p-median with HiGHS (``scipy.optimize.milp``) under a time limit.

MCLP and LSCP run in four steps, each of which keeps a proven bound:

1. the LP relaxation by HiGHS's interior-point method (``linprog(method='highs-ipm')``);
2. its duals give a Lagrangian bound L, computed here from the duals (valid for any multipliers,
   so it does not rest on the LP solver's tolerances), and a reduced cost ρ_j per facility;
3. a MILP restricted to the facilities the LP uses (plus the greedy answer's) improves the
   incumbent;
4. reduced-cost fixing: a facility whose forced use (or forced absence) bounds the objective by
   no better than the incumbent cannot be part (or must be part) of any strictly better answer;
   the MILP over the remaining facilities then proves the optimum or, at the time limit, a gap.

Plain HiGHS on the whole model spends most of its time in the root LP (dual simplex); the
interior-point LP plus fixing usually leaves a few hundred facilities. p-median is one MILP.
The MILP objective is scaled the user's way: MCLP covered weight (max), LSCP number or cost of
sensors (min), p-median weighted distance (min).
"""

import time
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from ..errors import Canceled
from ..i18n import translate

_SAFETY = 1e-7      # relative slack on bound comparisons (floating-point sums)
_SUPPORT = 1e-6     # an LP value above this puts the facility in the restricted MILP


@dataclass
class ExactResult:
    """Chosen facilities (indices of the model's columns), their objective and a proven bound."""

    chosen: list = None
    value: float = None
    bound: float = None
    status: str = 'no_solution'      # optimal | time_limit | infeasible | no_solution
    notes: list = field(default_factory=list)


class Clock:
    """Time left before the limit."""

    def __init__(self, limit):
        self.end = time.monotonic() + float(limit)

    def left(self):
        return max(self.end - time.monotonic(), 0.0)


def _check(canceled):
    if canceled is not None and canceled():
        raise Canceled(translate('spm', 'canceled'))


def merge_rows(A, w):
    """Points covered by the same set of facilities become one row with the summed weight."""
    A = sp.csr_matrix(A)
    A.sort_indices()
    index, first, weights = {}, [], []
    for i in range(A.shape[0]):
        key = A.indices[A.indptr[i]:A.indptr[i + 1]].tobytes()
        k = index.get(key)
        if k is None:
            index[key] = len(first)
            first.append(i)
            weights.append(float(w[i]))
        else:
            weights[k] += float(w[i])
    return A[first].tocsc(), np.asarray(weights)


def _integral(values):
    values = np.asarray(values, float)
    return bool(np.all(np.abs(values - np.round(values)) < 1e-9))


def _run_milp(c, integrality, lb, ub, blocks, time_limit):
    """milp with ``blocks`` = [(matrix, lower, upper)]; (x or None, fun, dual bound, status)."""
    matrix = sp.vstack([b[0] for b in blocks]).tocsr()
    lower = np.concatenate([np.broadcast_to(b[1], (b[0].shape[0],)) for b in blocks])
    upper = np.concatenate([np.broadcast_to(b[2], (b[0].shape[0],)) for b in blocks])
    res = milp(c, integrality=integrality, bounds=Bounds(lb, ub),
               constraints=LinearConstraint(matrix, lower, upper),
               options={'time_limit': max(float(time_limit), 0.01), 'mip_rel_gap': 0.0})
    dual = res.get('mip_dual_bound')
    dual = float(dual) if dual is not None and np.isfinite(dual) else None
    status = {0: 'optimal', 1: 'time_limit', 2: 'infeasible'}.get(res.status, 'no_solution')
    x = res.x if res.x is not None and res.status in (0, 1) else None
    return x, res.fun, dual, status


# --- MCLP ------------------------------------------------------------------------------------

def _mclp_milp(A, w, p, cost, budget, forced, time_limit):
    """Maximum weight covered with Σx ≤ p and/or Σcx ≤ budget; x = 1 where ``forced``."""
    m, n = A.shape
    if n == 0 or m == 0:
        return [], 0.0, 0.0, 'optimal'
    c = np.concatenate([np.zeros(n), -w])
    blocks = [(sp.hstack([-A, sp.identity(m)]), -np.inf, 0.0)]
    if p is not None:
        blocks.append((sp.hstack([sp.csr_matrix(np.ones((1, n))), sp.csr_matrix((1, m))]), -np.inf, p))
    if budget is not None:
        blocks.append((sp.hstack([sp.csr_matrix(cost.reshape(1, -1)), sp.csr_matrix((1, m))]),
                       -np.inf, budget))
    lb = np.concatenate([forced.astype(float), np.zeros(m)])
    integrality = np.concatenate([np.ones(n), np.zeros(m)])
    x, fun, dual, status = _run_milp(c, integrality, lb, 1.0, blocks, time_limit)
    chosen = None if x is None else list(np.flatnonzero(x[:n] > 0.5))
    return chosen, None if fun is None else -fun, None if dual is None else -dual, status


def _covered(A, w, chosen):
    if not len(chosen):
        return 0.0
    hit = np.asarray(A[:, list(chosen)].sum(axis=1)).ravel() > 0
    return float(w[hit].sum())


def _mclp_lagrangian(A, w, lam, beta, p, cost, budget):
    """(bound L, reduced cost ρ per facility) for multipliers λ ∈ [0, w], β ≥ 0 (μ optimal)."""
    lam = np.clip(lam, 0.0, w)
    beta = max(float(beta), 0.0) if budget is not None else 0.0
    r = np.asarray(A.T @ lam).ravel() - beta * cost
    if p is not None and p < len(r):
        mu = max(float(np.sort(r)[::-1][int(p) - 1]) if p >= 1 else float(r.max()), 0.0)
    else:
        mu = 0.0
    rho = r - mu
    bound = float(np.maximum(w - lam, 0).sum() + (mu * p if p is not None else 0.0)
                  + (beta * budget if budget is not None else 0.0) + np.maximum(rho, 0).sum())
    return bound, rho


def max_cover(A, w, p=None, cost=None, budget=None, incumbent=(), time_limit=60.0, canceled=None):
    """Exact MCLP on the points × facilities matrix ``A`` (see the module docstring)."""
    clock = Clock(time_limit)
    n = A.shape[1]
    cost = np.ones(n) if cost is None else np.asarray(cost, float)
    A, w = merge_rows(A, np.asarray(w, float))
    m = A.shape[0]
    integral = _integral(w)
    best = list(incumbent)
    best_value = _covered(A, w, best)
    result = ExactResult(chosen=best, value=best_value, status='time_limit')
    if n == 0 or m == 0:
        result.bound, result.status = best_value, 'optimal'
        return result
    # 1. LP relaxation
    c = np.concatenate([np.zeros(n), -w])
    rows = [sp.hstack([-A, sp.identity(m)])]
    rhs = [np.zeros(m)]
    if p is not None:
        rows.append(sp.hstack([sp.csr_matrix(np.ones((1, n))), sp.csr_matrix((1, m))]))
        rhs.append([p])
    if budget is not None:
        rows.append(sp.hstack([sp.csr_matrix(cost.reshape(1, -1)), sp.csr_matrix((1, m))]))
        rhs.append([budget])
    _check(canceled)
    lp = linprog(c, A_ub=sp.vstack(rows).tocsr(), b_ub=np.concatenate(rhs), bounds=(0, 1),
                 method='highs-ipm', options={'time_limit': max(clock.left(), 0.01)})
    if lp.status != 0 or lp.ineqlin is None:
        result.notes.append(translate('spm', 'The LP relaxation did not finish within the time limit.'))
        return result
    duals = -np.asarray(lp.ineqlin.marginals)
    beta = duals[m + (1 if p is not None else 0)] if budget is not None else 0.0
    bound, rho = _mclp_lagrangian(A, w, duals[:m], beta, p, cost, budget)
    # 2.–3. restricted MILP on the LP's support and the incumbent
    _check(canceled)
    support = lp.x[:n] > _SUPPORT
    support[best] = True
    keep = np.flatnonzero(support)
    chosen, _, _, _ = _mclp_milp(_rows_with(A[:, keep]), w[_hit(A[:, keep])], p, cost[keep], budget,
                                 np.zeros(len(keep), bool), min(clock.left() * 0.25, 30.0))
    if chosen is not None:
        value = _covered(A, w, keep[chosen])
        if value > best_value:
            best, best_value = list(keep[chosen]), value
    # 4. reduced-cost fixing, then the MILP on what is left
    delta = 1.0 if integral else 0.0
    slack = _SAFETY * max(1.0, abs(best_value))
    drop = (rho < 0) & (bound + rho < best_value + delta - slack)
    force = (rho > 0) & (bound - rho < best_value + delta - slack)
    if integral:
        bound = np.floor(bound + slack)
    result.chosen, result.value, result.bound = best, best_value, min(bound, _upper_limit(w))
    if result.bound <= best_value + slack:
        result.bound, result.status = best_value, 'optimal'
        return result
    keep = np.flatnonzero(~drop)
    if force.sum() > (p if p is not None else n) or (budget is not None and cost[force].sum() > budget):
        result.bound, result.status = best_value, 'optimal'     # nothing strictly better exists
        return result
    _check(canceled)
    sub = A[:, keep]
    hit = _hit(sub)
    chosen, _, sub_bound, status = _mclp_milp(_rows_with(sub), w[hit], p, cost[keep], budget,
                                              force[keep], clock.left())
    if chosen is not None:
        value = _covered(A, w, keep[chosen])
        if value > best_value:
            best, best_value = list(keep[chosen]), value
    result.chosen, result.value = best, best_value
    if status == 'optimal' or status == 'infeasible':
        result.bound, result.status = best_value, 'optimal'
    else:
        if sub_bound is not None:
            result.bound = min(result.bound, max(best_value, np.floor(sub_bound + slack)
                                                 if integral else sub_bound))
        result.status = 'time_limit'
        result.notes.append(translate('spm', 'HiGHS reached the time limit.'))
    return result


def _hit(A):
    return np.diff(sp.csr_matrix(A).indptr) > 0


def _rows_with(A):
    """Only the rows that some column covers."""
    A = sp.csr_matrix(A)
    return A[_hit(A)].tocsc()


def _upper_limit(w):
    return float(np.sum(w))


# --- LSCP ------------------------------------------------------------------------------------

def _lscp_milp(A, cost, forced, time_limit):
    m, n = A.shape
    if m == 0:
        return [], 0.0, 0.0, 'optimal'
    lb = forced.astype(float)
    x, fun, dual, status = _run_milp(cost, np.ones(n), lb, 1.0, [(sp.csr_matrix(A), 1.0, np.inf)],
                                     time_limit)
    chosen = None if x is None else list(np.flatnonzero(x > 0.5))
    return chosen, fun, dual, status


def set_cover(A, cost=None, incumbent=(), time_limit=60.0, canceled=None):
    """Exact LSCP: every row of ``A`` (points that must be covered) covered at least cost."""
    clock = Clock(time_limit)
    n = A.shape[1]
    cost = np.ones(n) if cost is None else np.asarray(cost, float)
    A, _ = merge_rows(A, np.ones(A.shape[0]))
    m = A.shape[0]
    integral = _integral(cost)
    best = list(incumbent)
    best_value = float(cost[best].sum())
    result = ExactResult(chosen=best, value=best_value, bound=0.0, status='time_limit')
    if m == 0:
        result.chosen, result.value, result.status = [], 0.0, 'optimal'
        return result
    _check(canceled)
    lp = linprog(cost, A_ub=-sp.csr_matrix(A), b_ub=-np.ones(m), bounds=(0, 1), method='highs-ipm',
                 options={'time_limit': max(clock.left(), 0.01)})
    if lp.status != 0 or lp.ineqlin is None:
        result.notes.append(translate('spm', 'The LP relaxation did not finish within the time limit.'))
        return result
    u = np.maximum(-np.asarray(lp.ineqlin.marginals), 0.0)
    rho = cost - np.asarray(A.T @ u).ravel()
    bound = float(u.sum() + np.minimum(rho, 0).sum())
    _check(canceled)
    support = lp.x > _SUPPORT
    support[best] = True
    keep = np.flatnonzero(support)
    sub = A[:, keep]
    if np.all(_hit(sub)):
        chosen, _, _, _ = _lscp_milp(sub, cost[keep], np.zeros(len(keep), bool),
                                     min(clock.left() * 0.25, 30.0))
        if chosen is not None and cost[keep[chosen]].sum() < best_value:
            best, best_value = list(keep[chosen]), float(cost[keep[chosen]].sum())
    delta = 1.0 if integral else 0.0
    slack = _SAFETY * max(1.0, abs(best_value))
    drop = (rho > 0) & (bound + rho > best_value - delta + slack)
    force = (rho < 0) & (bound - rho > best_value - delta + slack)
    if integral:
        bound = np.ceil(bound - slack)
    result.chosen, result.value, result.bound = best, best_value, max(bound, 0.0)
    if result.bound >= best_value - slack:
        result.bound, result.status = best_value, 'optimal'
        return result
    keep = np.flatnonzero(~drop)
    sub = A[:, keep]
    if not np.all(_hit(sub)):
        result.bound, result.status = best_value, 'optimal'     # nothing strictly better exists
        return result
    _check(canceled)
    chosen, _, sub_bound, status = _lscp_milp(sub, cost[keep], force[keep], clock.left())
    if chosen is not None and cost[keep[chosen]].sum() < best_value:
        best, best_value = list(keep[chosen]), float(cost[keep[chosen]].sum())
    result.chosen, result.value = best, best_value
    if status in ('optimal', 'infeasible'):
        result.bound, result.status = best_value, 'optimal'
    else:
        if sub_bound is not None:
            sub_bound = np.ceil(sub_bound - slack) if integral else sub_bound
            result.bound = max(result.bound, min(best_value, sub_bound))
        result.status = 'time_limit'
        result.notes.append(translate('spm', 'HiGHS reached the time limit.'))
    return result


# --- p-median --------------------------------------------------------------------------------

def p_median(A, dist, w, p, fixed, time_limit=60.0, canceled=None):
    """Exact p-median within reach: every row of ``A`` assigned to one open facility covering it.

    ``dist`` is aligned with ``A.data``; at most ``p`` facilities besides the ``fixed`` ones.
    Returns ExactResult with status 'infeasible' when p facilities cannot reach every row.
    """
    A = sp.csc_matrix(A)
    m, n = A.shape
    k = A.nnz
    cols = np.repeat(np.arange(n), np.diff(A.indptr))
    rows = A.indices
    fixed = np.asarray(fixed, bool)
    _check(canceled)
    c = np.concatenate([np.zeros(n), np.asarray(w, float)[rows] * dist])
    assign = sp.csr_matrix((np.ones(k), (rows, n + np.arange(k))), shape=(m, n + k))
    link = sp.csr_matrix((np.r_[np.ones(k), -np.ones(k)],
                          (np.r_[np.arange(k), np.arange(k)], np.r_[n + np.arange(k), cols])),
                         shape=(k, n + k))
    card = sp.csr_matrix((np.ones(int((~fixed).sum())), (np.zeros(int((~fixed).sum()), int),
                                                         np.flatnonzero(~fixed))), shape=(1, n + k))
    lb = np.concatenate([fixed.astype(float), np.zeros(k)])
    integrality = np.concatenate([np.ones(n), np.zeros(k)])
    x, fun, dual, status = _run_milp(c, integrality, lb, 1.0,
                                     [(assign, 1.0, 1.0), (link, -np.inf, 0.0), (card, -np.inf, p)],
                                     time_limit)
    result = ExactResult(status=status)
    if x is not None:
        result.chosen = list(np.flatnonzero(x[:n] > 0.5))
        result.value = float(fun)
    result.bound = float(fun) if status == 'optimal' else dual
    if status == 'time_limit':
        result.notes.append(translate('spm', 'HiGHS reached the time limit.'))
    return result
