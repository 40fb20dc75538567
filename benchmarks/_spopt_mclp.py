"""The PySAL spopt side of bench_sensors.py; runs in benchmarks/.venv-spopt (never in QGIS's Python).

Usage: .venv-spopt/bin/python _spopt_mclp.py instance.npz [time limit s]
Reads points, sites, weights, radius and p; builds the dense cost matrix spopt's API takes
(scipy cdist), ``MCLP.from_cost_matrix``, solves with PuLP's bundled CBC; prints one JSON line.
"""

import json
import resource
import sys
import time

import numpy as np


def main():
    data = np.load(sys.argv[1])
    limit = float(sys.argv[2]) if len(sys.argv) > 2 else None
    import pulp
    import spopt
    from scipy.spatial.distance import cdist
    from spopt.locate import MCLP
    out = {'spopt': spopt.__version__, 'pulp': pulp.__version__}
    start = time.perf_counter()
    cost = cdist(data['points'], data['sites'])
    out['matrix_s'] = round(time.perf_counter() - start, 3)
    t = time.perf_counter()
    model = MCLP.from_cost_matrix(cost, data['weights'], float(data['radius']), int(data['p']), name='bench')
    out['build_s'] = round(time.perf_counter() - t, 3)
    t = time.perf_counter()
    solver = pulp.PULP_CBC_CMD(msg=False, timeLimit=limit) if limit else pulp.PULP_CBC_CMD(msg=False)
    model.solve(solver, results=False)
    out['solve_s'] = round(time.perf_counter() - t, 3)
    out['total_s'] = round(time.perf_counter() - start, 3)
    out['status'] = pulp.LpStatus[model.problem.status]
    chosen = [j for j, v in enumerate(model.fac_vars) if v.value() is not None and v.value() > 0.5]
    covered = (cost[:, chosen] <= float(data['radius'])).any(axis=1) if chosen else np.zeros(len(cost), bool)
    out['objective'] = float(data['weights'][covered].sum())          # recomputed from the sites
    out['model_objective'] = float(pulp.value(model.problem.objective))
    out['chosen'] = chosen
    out['peak_rss_gib'] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2, 3)
    print(json.dumps(out))


if __name__ == '__main__':
    main()
