"""An editable sensor layout over a planned problem: what the planning dock works on.

After a plan (:func:`plan_session`) the layout is the existing sensors plus the chosen ones; it can
be replaced by the first n sensors of the greedy order (a point on the coverage curve), and single
sensors can be added at any location or removed. Coverage is recomputed at once for the current
layout (straight-line or road-network distance, per-kind radius as in the plan).
"""

from dataclasses import dataclass, field

import numpy as np

from . import coverage as coverage_module, models, pairs as pairs_module
from .problem import xy_of


@dataclass
class Sensor:
    """One sensor of the layout: where, which kind (index, or ANY_KIND), own radius (NaN = kind's)."""

    x: float
    y: float
    kind: int
    radius: float
    existing: bool = False
    label: str = ''


@dataclass
class Session:
    """A problem, its plan, the greedy curve and the current layout."""

    problem: object
    solution: object
    curve_order: np.ndarray            # facilities in greedy order
    curve_count: np.ndarray            # covered points with the first k of them (k = 0 … n)
    curve_weight: np.ndarray
    sensors: list = field(default_factory=list)

    # --- the curve -------------------------------------------------------------------------

    @property
    def n_points(self):
        return self.problem.coverage.n_points

    def curve_percent(self, weighted=False):
        """Coverage (%) after 0, 1, … greedy sensors."""
        cov = self.problem.coverage
        if weighted:
            total = float(cov.weights.sum())
            return 100.0 * self.curve_weight / total if total else self.curve_weight * 0
        return 100.0 * self.curve_count / max(cov.n_points, 1)

    # --- building the layout ---------------------------------------------------------------

    def _facility_sensor(self, f, existing):
        cov = self.problem.coverage
        site = int(cov.fac_site[f])
        x, y = xy_of(self.problem.sites.iloc[[site]])[0]
        return Sensor(float(x), float(y), int(cov.fac_kind[f]), float(cov.fac_radius[f]), existing,
                      str(self.problem.sites['SITE_ID'].iat[site]))

    def existing_sensors(self):
        """Existing sensors, including those that cover nothing."""
        sites = self.problem.sites
        cov = self.problem.coverage
        listed = set()
        out = []
        for f in np.flatnonzero(cov.fac_fixed):
            out.append(self._facility_sensor(f, True))
            listed.add(int(cov.fac_site[f]))
        xy = xy_of(sites)
        for s in np.flatnonzero((sites['SOURCE'] == 'existing').to_numpy()):
            if s not in listed:
                out.append(Sensor(float(xy[s, 0]), float(xy[s, 1]), -2, float(sites['RADIUS'].iat[s]), True,
                                  str(sites['SITE_ID'].iat[s])))
        return out

    def use_plan(self):
        """The layout of the solver's answer."""
        self.sensors = self.existing_sensors() + [self._facility_sensor(f, False) for f in self.solution.added]

    def use_curve(self, n):
        """The layout of the first ``n`` greedy sensors (plus the existing ones)."""
        n = int(np.clip(n, 0, len(self.curve_order)))
        self.sensors = self.existing_sensors() + [self._facility_sensor(f, False)
                                                  for f in self.curve_order[:n]]
        return n

    def add(self, x, y, kind=coverage_module.ANY_KIND, radius=np.nan):
        """Add a sensor at (x, y); ``kind`` an index of ``problem.coverage.kinds`` or ANY_KIND."""
        self.sensors.append(Sensor(float(x), float(y), int(kind), float(radius), False,
                                   f'M{len(self.sensors) + 1}'))

    def remove_nearest(self, x, y, tolerance, new_only=True):
        """Remove the sensor nearest to (x, y) within ``tolerance``; True when one was removed."""
        best, where = None, tolerance
        for k, s in enumerate(self.sensors):
            if new_only and s.existing:
                continue
            d = float(np.hypot(s.x - x, s.y - y))
            if d <= where:
                best, where = k, d
        if best is None:
            return False
        del self.sensors[best]
        return True

    # --- coverage of the layout ------------------------------------------------------------

    def covered_by(self):
        """Per risk point: how many sensors of the current layout cover it."""
        cov = self.problem.coverage
        if not self.sensors:
            return np.zeros(cov.n_points, np.int64)
        xy = np.array([(s.x, s.y) for s in self.sensors])
        kind = np.array([s.kind for s in self.sensors], np.int64)
        radius = np.array([s.radius for s in self.sensors], float)
        reach = float(np.nanmax(np.r_[cov.kind_radius, radius]))
        points = xy_of(self.problem.points)
        if self.problem.network is not None:
            found = self.problem.network.pairs(points, xy, reach)
        else:
            found = pairs_module.euclidean_pairs(points, xy, reach)
        layout = coverage_module.build(found, cov.weights, cov.point_kind, cov.kinds, cov.kind_radius, kind,
                                       radius, np.ones(len(xy), bool), np.ones(len(xy)))
        return layout.covered_by(np.arange(layout.n_facilities))

    def summary(self):
        """(covered points, coverage %, weighted coverage %, new sensors) of the current layout."""
        cov = self.problem.coverage
        hit = self.covered_by() > 0
        total = float(cov.weights.sum())
        new = sum(1 for s in self.sensors if not s.existing)
        return (int(hit.sum()), 100.0 * hit.sum() / max(cov.n_points, 1),
                100.0 * float(cov.weights[hit].sum()) / total if total else 0.0, new)


def plan_session(prob, model='MCLP', p=None, budget=None, minimise_cost=False, time_limit=60.0,
                 canceled=None, progress=None):
    """Solve ``model`` on ``prob``, compute the greedy coverage curve, and start a :class:`Session`."""
    solution = models.solve(prob.coverage, model, p=p, budget=budget, minimise_cost=minimise_cost,
                            time_limit=time_limit, canceled=canceled, progress=progress)
    order, count, weight = models.coverage_curve(prob.coverage, canceled=canceled)
    session = Session(prob, solution, order, count, weight)
    session.use_plan()
    return session
