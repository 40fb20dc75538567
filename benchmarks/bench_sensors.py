"""MCLP with 20,000 risk points, 5,000 candidate sites and p = 200: this plugin vs PySAL spopt.

One seeded instance (points and sites uniform in a 20 km square, weights 1–5, radius 500 m), solved
in the same run by

- this plugin's core (``core.sensors``): k-d-tree coverage, lazy greedy (CELF), and the exact path
  (HiGHS via scipy.optimize.milp: LP bound, reduced-cost fixing, MILP on the rest), in this process;
- PySAL ``spopt`` ``MCLP.from_cost_matrix`` with PuLP's bundled CBC, in a child process running in
  its own virtual environment ``benchmarks/.venv-spopt`` (made here on first use with
  ``/usr/bin/python3 -m venv`` + ``pip install spopt``; spopt never enters QGIS's Python).

Both objectives are recomputed from the chosen sites with the same coverage rule (distance ≤ radius).
Targets (issue 7): the same objective as spopt's exact answer (or a proven gap ≤ 1 %) in ≥ 10× less
time; greedy in ≤ 5 s. Results: benchmarks/results/sensors.json.

Usage: /usr/bin/python3 benchmarks/bench_sensors.py [--points 20000 --sites 5000 --p 200]
       [--radius 500 --size 20000 --seed 1 --time-limit 600 --skip-spopt --plain-highs]
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from _common import ROOT, WORK, import_plugin, peak_rss_gib, save

VENV = ROOT / 'benchmarks' / '.venv-spopt'
SPOPT_SIDE = ROOT / 'benchmarks' / '_spopt_mclp.py'


def instance(args):
    rng = np.random.default_rng(args.seed)
    return {'points': rng.uniform(0, args.size, (args.points, 2)),
            'sites': rng.uniform(0, args.size, (args.sites, 2)),
            'weights': rng.integers(1, 6, args.points).astype(float),
            'radius': float(args.radius), 'p': int(args.p)}


def ensure_spopt():
    """The venv's python with spopt installed, or (None, reason)."""
    python = VENV / 'bin' / 'python'
    if not python.exists():
        print(f'making {VENV} (spopt + pulp with its CBC) …', flush=True)
        subprocess.run(['/usr/bin/python3', '-m', 'venv', str(VENV)], check=True)
    check = subprocess.run([str(python), '-c', 'import spopt, pulp'], capture_output=True, text=True)
    if check.returncode != 0:
        done = subprocess.run([str(python), '-m', 'pip', 'install', '-q', '--disable-pip-version-check', 'spopt'],
                              capture_output=True, text=True)
        if done.returncode != 0:
            return None, 'pip install spopt failed: ' + done.stderr.strip().splitlines()[-1]
    return python, None


def coverage_of(data):
    from spatial_planning_monitor.core.sensors import coverage, pairs
    n, m = len(data['points']), len(data['sites'])
    found = pairs.euclidean_pairs(data['points'], data['sites'], data['radius'])
    return coverage.build(found, data['weights'], np.zeros(n, int), [''], [data['radius']],
                          np.full(m, coverage.ANY_KIND), np.full(m, np.nan), np.zeros(m, bool), np.ones(m))


def ours(data, time_limit):
    from spatial_planning_monitor.core.sensors import coverage, models, pairs  # noqa: F401 (imports untimed)
    out = {}
    start = time.perf_counter()
    cov = coverage_of(data)
    out['coverage_s'] = round(time.perf_counter() - start, 3)
    out['pairs'] = int(len(cov.rows))
    t = time.perf_counter()
    greedy = models.solve(cov, 'MCLP', p=data['p'], time_limit=0)
    out['greedy_s'] = round(time.perf_counter() - t, 3)
    out['greedy_objective'] = greedy.objective
    out['greedy_bound'] = greedy.bound
    t = time.perf_counter()
    exact = models.solve(cov, 'MCLP', p=data['p'], time_limit=time_limit)
    out['exact_solve_s'] = round(time.perf_counter() - t, 3)
    out['exact_total_s'] = round(out['coverage_s'] + out['exact_solve_s'], 3)
    out['greedy_total_s'] = round(out['coverage_s'] + out['greedy_s'], 3)
    out.update(exact_objective=exact.objective, exact_bound=exact.bound, exact_status=exact.status,
               exact_gap=exact.gap, exact_found_by=exact.found_by, n_chosen=len(exact.added))
    out['check_objective'] = cov.covered_weight(exact.chosen)            # recomputed from the sites
    out['peak_rss_gib'] = peak_rss_gib()
    return out, cov


def plain_highs(cov, p, time_limit):
    """The textbook MILP straight into HiGHS (no LP fixing), for comparison."""
    import scipy.sparse as sp
    from scipy.optimize import Bounds, LinearConstraint, milp
    from spatial_planning_monitor.core.sensors import exact
    A, w = exact.merge_rows(cov.matrix(), cov.weights)
    m, n = A.shape
    matrix = sp.vstack([sp.hstack([-A, sp.identity(m)]), sp.hstack([sp.csr_matrix(np.ones((1, n))),
                                                                     sp.csr_matrix((1, m))])]).tocsr()
    t = time.perf_counter()
    res = milp(np.r_[np.zeros(n), -w], integrality=np.r_[np.ones(n), np.zeros(m)], bounds=Bounds(0, 1),
               constraints=LinearConstraint(matrix, -np.inf, np.r_[np.zeros(m), p]),
               options={'time_limit': time_limit, 'mip_rel_gap': 0.0})
    return {'plain_highs_s': round(time.perf_counter() - t, 3), 'plain_highs_status': res.message,
            'plain_highs_objective': None if res.fun is None else -res.fun}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--points', type=int, default=20000)
    parser.add_argument('--sites', type=int, default=5000)
    parser.add_argument('--p', type=int, default=200)
    parser.add_argument('--radius', type=float, default=500.0)
    parser.add_argument('--size', type=float, default=20000.0)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--time-limit', type=float, default=600.0)
    parser.add_argument('--skip-spopt', action='store_true')
    parser.add_argument('--plain-highs', action='store_true')
    args = parser.parse_args()
    import_plugin()
    data = instance(args)
    folder = WORK / 'sensors'
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / 'instance.npz'
    np.savez(path, **data)
    results = {'instance': {'points': args.points, 'sites': args.sites, 'p': args.p, 'radius_m': args.radius,
                            'square_m': args.size, 'seed': args.seed, 'weights': 'integers 1–5'}}

    mine, cov = ours(data, args.time_limit)
    results['plugin'] = mine
    print(json.dumps(mine), flush=True)
    if args.plain_highs:
        results['plugin'].update(plain_highs(cov, args.p, args.time_limit))

    if not args.skip_spopt:
        python, problem = ensure_spopt()
        if python is None:
            results['spopt'] = {'error': problem}
        else:
            done = subprocess.run([str(python), str(SPOPT_SIDE), str(path)], capture_output=True, text=True,
                                  cwd=str(folder), env=dict(os.environ, OMP_NUM_THREADS='1'))
            if done.returncode != 0:
                results['spopt'] = {'error': done.stderr.strip()[-2000:]}
            else:
                theirs = json.loads(done.stdout.strip().splitlines()[-1])
                chosen = theirs.pop('chosen')
                mask = np.zeros(cov.n_facilities, bool)
                mask[chosen] = True                   # one facility per site here, same order
                theirs['check_objective'] = cov.covered_weight(mask)
                results['spopt'] = theirs
    spopt = results.get('spopt', {})
    if 'objective' in spopt:
        same = abs(mine['exact_objective'] - spopt['objective']) <= 1e-6 * max(1.0, spopt['objective'])
        results['comparison'] = {
            'same_objective': same,
            'proven_gap_pct': None if mine['exact_gap'] is None else 100.0 * mine['exact_gap'],
            'speedup_end_to_end': round(spopt['total_s'] / mine['exact_total_s'], 1),
            'speedup_solver_only': round(spopt['solve_s'] / mine['exact_solve_s'], 1),
            'greedy_within_5_s': mine['greedy_s'] <= 5.0,
            'greedy_vs_exact_pct': round(100.0 * mine['greedy_objective'] / mine['exact_objective'], 2),
        }
    save('sensors', results)


if __name__ == '__main__':
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
