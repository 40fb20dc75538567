"""Risk points of the six kinds named by the 2024 guidance, and a few dozen existing sensors.

Placement follows where each risk occurs: waterlogging on low-lying urban streets, pipe bursts
along urban streets (more on trunk roads and in older, denser areas), road-slope failures on
highways in the hills, geological hazards around hill villages and roads, flood-control nodes on
the river and canal banks near towns and at reservoir dams, bridges where roads cross water and
tunnels where highways cross high ground.
"""

from collections import defaultdict

import numpy as np
from shapely.geometry import Point
from shapely.prepared import prep

from .geo import polygons
from .rng import stream

KINDS = ('管道泄漏爆管风险点', '道路边坡风险点', '地质灾害易发点', '防洪排涝关键节点', '易涝积水点',
         '城市桥梁隧道')
SHORT = {'管道泄漏爆管风险点': '管网', '道路边坡风险点': '边坡', '地质灾害易发点': '地灾',
         '防洪排涝关键节点': '防汛', '易涝积水点': '积水', '城市桥梁隧道': '桥隧'}
COUNTS = {'易涝积水点': 260, '管道泄漏爆管风险点': 240, '道路边坡风险点': 150, '地质灾害易发点': 150,
          '防洪排涝关键节点': 90, '城市桥梁隧道': 110}
SENSORS = {                 # risk kind -> (sensor kind, radius m, how many exist)
    '易涝积水点': ('积水监测仪', 300, 10),
    '管道泄漏爆管风险点': ('管网压力监测仪', 500, 8),
    '道路边坡风险点': ('边坡位移监测仪', 200, 5),
    '地质灾害易发点': ('地质灾害监测站', 800, 5),
    '防洪排涝关键节点': ('水位监测仪', 1000, 6),
    '城市桥梁隧道': ('桥梁结构监测仪', 300, 4),
}
URBAN = ('主干路', '次干路', '支路')


def _along(lines, weights, n, rng):
    """n points at random positions along lines picked with probability ~ weights * length."""
    lengths = np.array([line.length for line in lines])
    p = np.asarray(weights, float) * lengths
    if p.sum() <= 0 or not len(lines):
        return []
    idx = rng.choice(len(lines), size=n, p=p / p.sum())
    return [lines[i].interpolate(rng.uniform(0.1, 0.9), normalized=True) for i in idx]


def risk_points(roads, fields, parcels, water):
    """Risk points as a list of (kind, Point, severity in [0, 1])."""
    rng = stream('risk')
    lines = list(roads.geometry)
    mid = np.array([line.interpolate(0.5, normalized=True).coords[0] for line in lines])
    e = fields.elevation(mid[:, 0], mid[:, 1])
    u, _ = fields.urban(mid[:, 0], mid[:, 1])
    cls = roads['class'].to_numpy()
    urban = np.isin(cls, URBAN)
    out = []
    # Waterlogging: low urban streets.
    w = urban * (u > 0.3) * np.clip(20 - e, 0, None) ** 1.5
    for p in _along(lines, w, COUNTS['易涝积水点'], rng):
        out.append(('易涝积水点', p, rng.uniform(0.3, 1.0)))
    # Pipe bursts: urban streets, trunk roads and dense areas first.
    trunk = np.where(cls == '主干路', 3.0, np.where(cls == '次干路', 2.0, 1.0))
    for p in _along(lines, urban * trunk * u ** 2, COUNTS['管道泄漏爆管风险点'], rng):
        out.append(('管道泄漏爆管风险点', p, rng.uniform(0.2, 1.0)))
    # Road slopes: highways in the hills (slope from the elevation field).
    step = 60.0
    slope = np.hypot(fields.elevation(mid[:, 0] + step, mid[:, 1]) - e,
                     fields.elevation(mid[:, 0], mid[:, 1] + step) - e) / step
    w = (cls == '公路') * (e > 80) * (slope + 0.02)
    for p in _along(lines, w, COUNTS['道路边坡风险点'], rng):
        out.append(('道路边坡风险点', p, rng.uniform(0.3, 1.0)))
    # Geological hazards: hill villages and hill roads, offset a little off the road.
    villages = parcels[(parcels['current'] == '0702') & (parcels['e'] > 150)]
    n_village = min(len(villages), COUNTS['地质灾害易发点'] // 2)
    pick = rng.choice(len(villages), size=n_village, replace=False) if n_village else []
    for i in sorted(pick):
        x, y = villages['x'].iat[i], villages['y'].iat[i]
        a, r = rng.uniform(0, 2 * np.pi), rng.uniform(40, 160)
        out.append(('地质灾害易发点', Point(x + r * np.cos(a), y + r * np.sin(a)),
                    rng.uniform(0.4, 1.0)))
    w = (cls == '公路') * (e > 200) * (e / 500.0)
    for p in _along(lines, w, COUNTS['地质灾害易发点'] - n_village, rng):
        a, r = rng.uniform(0, 2 * np.pi), rng.uniform(30, 120)
        out.append(('地质灾害易发点', Point(p.x + r * np.cos(a), p.y + r * np.sin(a)),
                    rng.uniform(0.3, 0.9)))
    # Bridges (roads over rivers and canals) and tunnels (highways over high ground).
    bridges = []
    wet = prep(water)
    for i, line in enumerate(lines):
        if wet.intersects(line):
            for seg in polygons(line.intersection(water).buffer(1.0)):
                c = seg.centroid
                bridges.append((cls[i], c))
    rank = {'主干路': 0, '公路': 1, '次干路': 2, '支路': 3}
    bridges.sort(key=lambda b: (rank[b[0]], round(b[1].x, 3), round(b[1].y, 3)))
    tunnels = [lines[i].interpolate(0.5, normalized=True) for i in np.nonzero(
        (cls == '公路') & (e > 450) & (roads['grade'].isin(('国道', '省道', '县道')).to_numpy()))[0]]
    n_tunnel = min(len(tunnels), 15)
    chosen = [b[1] for b in bridges[:COUNTS['城市桥梁隧道'] - n_tunnel]]
    if n_tunnel:
        chosen += [tunnels[i] for i in sorted(rng.choice(len(tunnels), n_tunnel, replace=False))]
    for p in chosen:
        out.append(('城市桥梁隧道', p, rng.uniform(0.4, 1.0)))
    # Flood-control nodes: river/canal banks near towns, canal mouths, reservoir dams.
    bank = []
    for name, poly, line in fields.rivers + fields.canals:
        for part in polygons(poly):
            ring = part.exterior
            n = max(int(ring.length // 250), 1)
            bank.extend(ring.interpolate(i / n, normalized=True) for i in range(n))
    bx = np.array([p.x for p in bank])
    by = np.array([p.y for p in bank])
    bu, _ = fields.urban(bx, by)
    n_bank = COUNTS['防洪排涝关键节点'] - len(fields.reservoirs)
    p = bu ** 2 + 1e-6
    for i in sorted(rng.choice(len(bank), size=n_bank, replace=False, p=p / p.sum())):
        out.append(('防洪排涝关键节点', bank[i], rng.uniform(0.4, 1.0)))
    for name, centre, radius in fields.reservoirs:
        res = parcels[parcels['current'] == '1103']
        d = np.hypot(res['x'] - centre[0], res['y'] - centre[1])
        if len(res):
            j = int(np.argmin(d))
            dam = res.geometry.iat[j].exterior.interpolate(0.0) if \
                res.geometry.iat[j].geom_type == 'Polygon' else Point(centre)
            out.append(('防洪排涝关键节点', dam, 1.0))
    return out


def sensors(points, rng_topic='sensors'):
    """Existing sensors near some risk points: list of (kind, radius, Point, source index)."""
    rng = stream(rng_topic)
    by_kind = defaultdict(list)
    for i, (kind, p, _) in enumerate(points):
        by_kind[kind].append(i)
    out = []
    for kind in KINDS:
        sensor, radius, n = SENSORS[kind]
        idx = sorted(rng.choice(by_kind[kind], size=min(n, len(by_kind[kind])), replace=False))
        for i in idx:
            p = points[i][1]
            a, r = rng.uniform(0, 2 * np.pi), rng.uniform(10, 60)
            out.append((sensor, radius, Point(p.x + r * np.cos(a), p.y + r * np.sin(a)), i))
    return out
