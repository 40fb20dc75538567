"""Sensor models on small instances whose optimum is known by enumerating every choice.

The exact solver must match the enumerated optimum and prove it (gap 0); greedy MCLP must be within
(1 − 1/e) of it and below its own bound; LSCP must cover every coverable point; existing sensors
stay chosen and do not count toward P.
"""

import itertools
import math

import numpy as np
import pytest

from spatial_planning_monitor.core.errors import InputError
from spatial_planning_monitor.core.sensors import coverage, greedy, models, pairs


def instance(seed, n_points=40, n_sites=11, radius=260.0, size=1000.0, fixed=(), costs=False):
    rng = np.random.default_rng(seed)
    points = rng.uniform(0, size, (n_points, 2))
    sites = rng.uniform(0, size, (n_sites, 2))
    weights = rng.integers(1, 6, n_points).astype(float)
    is_fixed = np.zeros(n_sites, bool)
    is_fixed[list(fixed)] = True
    cost = rng.integers(1, 5, n_sites).astype(float) if costs else np.ones(n_sites)
    found = pairs.euclidean_pairs(points, sites, radius)
    cov = coverage.build(found, weights, np.zeros(n_points, int), [''], [radius],
                         np.full(n_sites, coverage.ANY_KIND), np.full(n_sites, np.nan), is_fixed, cost)
    return cov, points, sites


def site_sets(cov):
    """Per site: the set of points it covers (by facility, one facility per site here)."""
    sets = {}
    for j, s in enumerate(cov.fac_site):
        sets[int(s)] = set(cov.rows[cov.cols == j].tolist())
    return sets


def weight_of(cov, sites):
    sets = site_sets(cov)
    hit = set().union(*[sets.get(s, set()) for s in sites]) if sites else set()
    return float(cov.weights[list(hit)].sum()) if hit else 0.0


def chosen_sites(cov, solution):
    return sorted(int(cov.fac_site[f]) for f in solution.chosen)


@pytest.mark.parametrize('seed', range(12))
@pytest.mark.parametrize('p', [1, 3, 5])
def test_mclp_exact_matches_enumeration_and_greedy_keeps_its_bound(seed, p):
    cov, _, sites = instance(seed)
    best = max(weight_of(cov, list(c)) for c in itertools.combinations(range(len(sites)), p))
    exact = models.solve(cov, 'MCLP', p=p, time_limit=30)
    assert exact.objective == pytest.approx(best)
    assert weight_of(cov, chosen_sites(cov, exact)) == pytest.approx(best)   # the sites do cover it
    assert len(exact.added) <= p
    assert exact.status == 'optimal' and exact.gap == 0.0 and exact.bound == pytest.approx(best)
    fast = models.solve(cov, 'MCLP', p=p, time_limit=0)
    assert fast.solver == 'greedy' and fast.status == 'heuristic'
    assert (1 - 1 / math.e) * best - 1e-9 <= fast.objective <= best + 1e-9
    assert fast.bound >= best - 1e-9                                          # greedy's bound is valid
    assert weight_of(cov, chosen_sites(cov, fast)) == pytest.approx(fast.objective)


@pytest.mark.parametrize('seed', range(10))
def test_mclp_with_budget_matches_enumeration(seed):
    cov, _, sites = instance(seed, costs=True)
    cost = {int(s): c for s, c in zip(cov.fac_site, cov.fac_cost)}
    budget = 6.0
    best = 0.0
    for k in range(len(sites) + 1):
        for combo in itertools.combinations(cost, k):
            if sum(cost[s] for s in combo) <= budget:
                best = max(best, weight_of(cov, list(combo)))
    exact = models.solve(cov, 'MCLP', budget=budget, time_limit=30)
    assert exact.objective == pytest.approx(best) and exact.proven_optimal
    assert sum(cov.fac_cost[f] for f in exact.added) <= budget
    fast = models.solve(cov, 'MCLP', budget=budget, time_limit=0)
    assert sum(cov.fac_cost[f] for f in fast.added) <= budget
    assert fast.objective <= best + 1e-9 <= fast.bound + 2e-9


def min_cover_by_enumeration(cov, cost):
    sets = site_sets(cov)
    need = set(np.flatnonzero(cov.coverable()).tolist())
    best = math.inf
    for k in range(len(sets) + 1):
        for combo in itertools.combinations(sets, k):
            if set().union(*[sets[s] for s in combo]) >= need if combo else not need:
                best = min(best, sum(cost[s] for s in combo))
    return best


@pytest.mark.parametrize('seed', range(10))
@pytest.mark.parametrize('by_cost', [False, True])
def test_lscp_exact_matches_enumeration_and_covers_every_coverable_point(seed, by_cost):
    cov, points, _ = instance(seed, n_points=30, n_sites=12, radius=300.0, costs=by_cost)
    cost = {int(s): (c if by_cost else 1.0) for s, c in zip(cov.fac_site, cov.fac_cost)}
    best = min_cover_by_enumeration(cov, cost)
    for limit in (30, 0):
        solution = models.solve(cov, 'LSCP', minimise_cost=by_cost, time_limit=limit)
        covered = cov.covered_by(solution.chosen) > 0
        assert np.array_equal(covered, cov.coverable())                  # every coverable point
        assert solution.objective == pytest.approx(sum(cost[int(cov.fac_site[f])] for f in solution.added))
        assert solution.bound <= best + 1e-9 <= solution.objective + 1e-9
        if limit:
            assert solution.objective == pytest.approx(best) and solution.proven_optimal


def test_lscp_counts_points_no_site_can_reach_as_uncoverable():
    cov, points, _ = instance(1, n_points=30, n_sites=6, radius=150.0)
    assert not cov.coverable().all()                         # the instance has unreachable points
    solution = models.solve(cov, 'LSCP', time_limit=10)
    assert np.array_equal(cov.covered_by(solution.chosen) > 0, cov.coverable())


def weighted_distance_by_enumeration(cov, p):
    best = math.inf
    facs = range(cov.n_facilities)
    for combo in itertools.combinations(facs, p):
        value, missed = models.weighted_distance(cov, list(combo))
        if missed == 0:
            best = min(best, value)
    return best


@pytest.mark.parametrize('seed', range(6))
def test_pmedian_exact_matches_enumeration(seed):
    cov, _, _ = instance(seed, n_points=25, n_sites=9, radius=450.0)
    p = 4
    best = weighted_distance_by_enumeration(cov, p)
    if not math.isfinite(best):
        with pytest.raises(InputError, match='cannot reach every coverable risk point'):
            models.solve(cov, 'PMEDIAN', p=p, time_limit=30)
        return
    solution = models.solve(cov, 'PMEDIAN', p=p, time_limit=30)
    assert solution.objective == pytest.approx(best) and solution.proven_optimal
    assert models.weighted_distance(cov, solution.chosen) == (pytest.approx(best), 0)


def test_pmedian_too_few_sensors_says_how_many_are_needed():
    cov, _, _ = instance(4, n_points=30, n_sites=12, radius=300.0)
    need = models.solve(cov, 'LSCP', time_limit=10).objective
    with pytest.raises(InputError, match=f'at least {int(need)}'):
        models.solve(cov, 'PMEDIAN', p=int(need) - 1, time_limit=10)


@pytest.mark.parametrize('model, extra', [('MCLP', {'p': 2}), ('LSCP', {}), ('PMEDIAN', {'p': 6})])
def test_existing_sensors_stay_chosen_and_do_not_count_toward_p(model, extra):
    cov, _, _ = instance(2, n_points=40, n_sites=11, radius=450.0, fixed=(0, 5))
    fixed = set(np.flatnonzero(cov.fac_fixed).tolist())
    assert {int(cov.fac_site[f]) for f in fixed} == {0, 5}
    for limit in (30, 0):
        solution = models.solve(cov, model, time_limit=limit, **extra)
        assert fixed <= set(int(f) for f in solution.chosen)
        assert not fixed & set(int(f) for f in solution.added)
        if 'p' in extra:
            assert len(solution.added) <= extra['p']
    if model == 'MCLP':
        # the optimum with sites 0 and 5 forced plus 2 more, by enumeration
        others = [s for s in range(11) if s not in (0, 5)]
        best = max(weight_of(cov, [0, 5, *c]) for c in itertools.combinations(others, 2))
        assert models.solve(cov, 'MCLP', p=2, time_limit=30).objective == pytest.approx(best)


def test_p_larger_than_candidates_chooses_all_with_a_message():
    cov, _, _ = instance(3, n_sites=5)
    useful = int((np.bincount(cov.cols, minlength=cov.n_facilities) > 0).sum())
    solution = models.solve(cov, 'MCLP', p=50, time_limit=10)
    assert len(solution.added) == useful
    assert solution.objective == pytest.approx(float(cov.weights[cov.coverable()].sum()))
    assert any('all of them are chosen' in note for note in solution.notes)


def test_bad_model_inputs_are_refused():
    cov, _, _ = instance(0)
    with pytest.raises(InputError, match='P must be a whole number'):
        models.solve(cov, 'MCLP', p=-1)
    with pytest.raises(InputError, match='needs P'):
        models.solve(cov, 'MCLP')
    with pytest.raises(InputError, match='budget must be greater than 0'):
        models.solve(cov, 'MCLP', budget=0)
    with pytest.raises(InputError, match='Unknown model'):
        models.solve(cov, 'PCENTER', p=2)


def test_time_limit_hit_returns_the_best_answer_found_with_its_proven_gap():
    # random set cover with 1,600 distinct rows: HiGHS needs minutes to prove it (measured), so a
    # one-second limit stops it; the greedy answer (or better) comes back with an honest bound.
    cov, _, _ = instance(1, n_points=2000, n_sites=500, radius=500.0, size=6000.0)
    solution = models.solve(cov, 'LSCP', time_limit=1.0)
    assert solution.status == 'time_limit' and solution.solver == 'HiGHS'
    assert solution.objective <= solution.greedy_objective
    assert np.array_equal(cov.covered_by(solution.chosen) > 0, cov.coverable())
    assert 0 < solution.bound < solution.objective and solution.gap > 0
    assert any('time limit' in note for note in solution.notes)


def test_coverage_curve_follows_the_greedy_order_up_to_full_coverage():
    cov, _, _ = instance(5, n_points=60, n_sites=15, radius=300.0, fixed=(3,))
    order, count, weight = models.coverage_curve(cov)
    assert count[0] == int((cov.covered_by(cov.fac_fixed) > 0).sum())
    assert np.all(np.diff(count) >= 0) and np.all(np.diff(weight) > 0)
    assert count[-1] == int(cov.coverable().sum())
    for k in range(len(order) + 1):          # each point of the curve is what its sensors cover
        chosen = np.r_[np.flatnonzero(cov.fac_fixed), order[:k]].astype(int)
        assert weight[k] == pytest.approx(cov.covered_weight(chosen))
    gains = np.diff(weight)
    assert np.all(gains[:-1] >= gains[1:] - 1e-9)               # greedy gains never grow


def test_lazy_greedy_equals_plain_greedy():
    cov, _, _ = instance(7, n_points=200, n_sites=40, radius=200.0)
    A = cov.matrix()
    w = cov.weights
    order, gains = greedy.max_cover(A, w, p=10)
    covered = np.zeros(len(w), bool)
    for j, gain in zip(order, gains):
        plain = np.array([w[A.indices[A.indptr[k]:A.indptr[k + 1]]][
            ~covered[A.indices[A.indptr[k]:A.indptr[k + 1]]]].sum() for k in range(A.shape[1])])
        assert gain == pytest.approx(plain.max())
        covered[A.indices[A.indptr[j]:A.indptr[j + 1]]] = True
