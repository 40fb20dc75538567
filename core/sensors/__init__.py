"""Sensor placement (感知终端布设): coverage between risk points and sites, and the models on it.

- :mod:`.kinds`     the per-kind radius and weight table (layers/tables/sensor_kinds.csv)
- :mod:`.pairs`     (point, site, distance) pairs within reach: straight lines or a cost table
- :mod:`.network`   the same along a road network (snapped points, Dijkstra limited to the radius)
- :mod:`.coverage`  the sparse coverage structure: facilities (site × kind), who covers whom
- :mod:`.greedy`    lazy greedy (CELF) for MCLP, greedy for LSCP and p-median
- :mod:`.exact`     HiGHS (scipy.optimize.milp) with an LP bound, reduced-cost fixing and a time limit
- :mod:`.models`    :func:`solve`: the model (LSCP, MCLP, PMEDIAN), solvers and the proven gap
- :mod:`.problem`   from GeoDataFrames to a coverage problem; candidate sites on a grid or on roads
- :mod:`.evaluate`  :func:`coverage_of` and what a set of sensors covers (by kind, district, redundancy)
- :mod:`.outputs`   the plan's tables: chosen sites, assignment lines, summary by kind
- :mod:`.session`   an editable layout (plan, greedy-curve points, sensors added by hand) for the dock
"""
