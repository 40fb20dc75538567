"""The road network: a Voronoi diagram of seeds whose edges are the roads that bound the blocks.

Seeds sit on a slightly jittered, rotated grid around each urban nucleus (so that town streets form
a grid) and on a thinned, jittered grid in the countryside whose spacing grows with elevation
(larger blocks in the hills). scipy's Voronoi diagram gives cells (blocks) and ridges (road centre
lines) with exact shared vertices; vertices closer than ``MERGE_TOL`` are merged, so that grid
crossings become true four-way junctions. Ridges are classed by the grid they separate (urban
主干路/次干路/支路) or by the shortest paths between township seats that use them (公路 by grade);
one path between waypoints is the railway.
"""

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import Voronoi, cKDTree
from shapely.geometry import LineString
from shapely.prepared import prep

from . import places
from .fields import contains_xy
from .geo import lonlat_to_xy
from .rng import stream

MERGE_TOL = 15.0            # m: Voronoi vertices closer than this become one junction
RURAL_BASE = 800.0          # m: spacing of the rural candidate grid

# Road classes: urban ones by grid line, highways by grade. Widths are road-reserve widths (m).
URBAN_WIDTH = {             # rank of the nucleus -> class -> width
    0: {'主干路': 44.0, '次干路': 30.0, '支路': 16.0},
    1: {'主干路': 36.0, '次干路': 26.0, '支路': 14.0},
    2: {'主干路': 24.0, '次干路': 18.0, '支路': 10.0},
}
GRADES = ('国道', '省道', '县道', '乡道', '村道')
GRADE_WIDTH = {'国道': 24.0, '省道': 16.0, '县道': 9.0, '乡道': 6.5, '村道': 4.5}
GRADE_PREFIX = {'国道': 'G', '省道': 'S', '县道': 'X', '乡道': 'Y', '村道': 'C'}
RAIL_WIDTH = 28.0
MOUNTAIN_TRACK_ELEVATION = 200.0   # m: 村道 above this have no road parcel (lines only)

_NAME_A = list('东西南北中新长文兴福安华龙凤荔梅莲桃枫松柏玉金银青紫云霞海江湖溪泉山岭峰屿沙石塘港'
               '桥坂洋田林园亭阳明德和平仁义礼智信宁康乐富丰隆盛泰延寿双')
_NAME_B = list('城江湖海山峰溪泉桥园亭台阁门坊塘洲湾岭林田坂港川源宁安华兴盛荣昌隆泰丰和平')


class NameMaker:
    """Unique synthetic street names (two characters + a suffix), seeded."""

    def __init__(self, topic):
        self.rng = stream('names:' + topic)
        self.used = set()

    def make(self, suffix):
        for attempt in range(4000):
            a = _NAME_A[self.rng.integers(len(_NAME_A))]
            b = _NAME_B[self.rng.integers(len(_NAME_B))]
            if attempt > 200:          # two-character names are getting scarce: add one
                a += _NAME_A[self.rng.integers(len(_NAME_A))]
            if a[-1] != b and a + b not in self.used:
                self.used.add(a + b)
                return a + b + suffix
        raise RuntimeError('street names exhausted')


def _thin(points, radius, order):
    """Drop points closer than radius[i] to an earlier-kept point (greedy, in ``order``)."""
    tree = cKDTree(points)
    removed = np.zeros(len(points), bool)
    for i in order:
        if removed[i]:
            continue
        for j in tree.query_ball_point(points[i], radius[i]):
            if j != i:
                removed[j] = True
    return ~removed


def rural_spacing(elevation):
    """Block spacing (m) in the countryside: ~1.9 km on the plain, ~3.8 km in the mountains."""
    return np.interp(elevation, [0, 40, 300, 800], [1900, 2200, 3000, 3800])


class Network:
    """Seeds, Voronoi cells and classed ridges of the sample city."""

    def __init__(self, city, fields):
        self.city = city
        self.fields = fields
        self._seeds()
        self._voronoi()
        self._classify()

    # --- seeds ------------------------------------------------------------------------------
    def _seeds(self):
        f = self.fields
        rng = stream('seeds')
        pts, nucleus, gi, gj = [], [], [], []
        self.grid_angle = {}
        for k, (key, lon, lat, radius, spacing, rank) in enumerate(f.nuclei):
            if not spacing:
                continue
            angle = rng.uniform(0, np.pi / 2)
            self.grid_angle[k] = angle
            reach = radius * 1000.0 * 1.45
            n = int(np.ceil(reach / spacing)) + 1
            ii, jj = np.meshgrid(np.arange(-n, n + 1), np.arange(-n, n + 1))
            ii, jj = ii.ravel(), jj.ravel()
            jitter = rng.uniform(-0.05, 0.05, (len(ii), 2)) * spacing
            lx = ii * spacing + jitter[:, 0]
            ly = jj * spacing + jitter[:, 1]
            c, s = np.cos(angle), np.sin(angle)
            x = f.nuclei_xy[k, 0] + c * lx - s * ly
            y = f.nuclei_xy[k, 1] + s * lx + c * ly
            u, which = f.urban(x, y)
            keep = (which == k) & (u >= (0.32 if rank < 2 else 0.5)) & contains_xy(self.city, x, y)
            pts.append(np.column_stack([x[keep], y[keep]]))
            nucleus.append(np.full(keep.sum(), k))
            gi.append(ii[keep])
            gj.append(jj[keep])
        urban = np.vstack(pts)
        # Countryside: jittered grid thinned to an elevation-dependent spacing.
        x0, y0, x1, y1 = self.city.bounds
        gx, gy = np.meshgrid(np.arange(x0, x1 + RURAL_BASE, RURAL_BASE),
                             np.arange(y0, y1 + RURAL_BASE, RURAL_BASE))
        x = gx.ravel() + rng.uniform(-0.4, 0.4, gx.size) * RURAL_BASE
        y = gy.ravel() + rng.uniform(-0.4, 0.4, gx.size) * RURAL_BASE
        inside = contains_xy(self.city, x, y)
        x, y = x[inside], y[inside]
        spacing = rural_spacing(f.elevation(x, y))
        near_urban = cKDTree(urban).query(np.column_stack([x, y]))[0] < 0.6 * RURAL_BASE
        x, y, spacing = x[~near_urban], y[~near_urban], spacing[~near_urban]
        order = rng.permutation(len(x))
        keep = _thin(np.column_stack([x, y]), 0.62 * spacing, order)
        rural = np.column_stack([x[keep], y[keep]])
        self.seeds = np.vstack([urban, rural])
        self.n_urban = len(urban)
        self.seed_nucleus = np.concatenate(nucleus + [np.full(len(rural), -1)])
        self.seed_gi = np.concatenate(gi + [np.zeros(len(rural), int)])
        self.seed_gj = np.concatenate(gj + [np.zeros(len(rural), int)])

    # --- Voronoi ----------------------------------------------------------------------------
    def _voronoi(self):
        n = len(self.seeds)
        x0, y0, x1, y1 = self.city.bounds
        m = 30000.0
        fx = np.arange(x0 - m, x1 + m + 1, 6000.0)
        fy = np.arange(y0 - m, y1 + m + 1, 6000.0)
        frame = np.vstack([np.column_stack([fx, np.full(len(fx), y0 - m)]),
                           np.column_stack([fx, np.full(len(fx), y1 + m)]),
                           np.column_stack([np.full(len(fy), x0 - m), fy]),
                           np.column_stack([np.full(len(fy), x1 + m), fy])])
        vor = Voronoi(np.vstack([self.seeds, frame]))
        # Merge close vertices (union-find), so that short ridges vanish.
        parent = np.arange(len(vor.vertices))

        def find(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i
        for a, b in sorted(cKDTree(vor.vertices).query_pairs(MERGE_TOL)):
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        root = np.array([find(i) for i in range(len(parent))])
        verts = np.zeros_like(vor.vertices)
        counts = np.bincount(root, minlength=len(root)).astype(float)
        np.add.at(verts, root, vor.vertices)
        verts[counts > 0] /= counts[counts > 0, None]
        self.vertices = verts
        # Ridges between two real seeds or a real seed and the frame.
        ridge_p, ridge_q, ridge_a, ridge_b = [], [], [], []
        lookup = {}
        for (p, q), (a, b) in zip(vor.ridge_points, vor.ridge_vertices):
            if a < 0 or b < 0:
                continue
            a, b = root[a], root[b]
            if a == b or (p >= n and q >= n):
                continue
            r = len(ridge_p)
            ridge_p.append(p if p < n else -1)
            ridge_q.append(q if q < n else -1)
            ridge_a.append(a)
            ridge_b.append(b)
            key = (min(a, b), max(a, b))
            lookup[(p,) + key] = r
            lookup[(q,) + key] = r
        self.ridge_p = np.array(ridge_p)
        self.ridge_q = np.array(ridge_q)
        self.ridge_a = np.array(ridge_a)
        self.ridge_b = np.array(ridge_b)
        # Cells: merged vertex ids (counter-clockwise) and the ridge of each edge (-1: none).
        self.cells, self.cell_ridges = [], []
        for k in range(n):
            region = vor.regions[vor.point_region[k]]
            ids = [root[v] for v in region]
            ids = [v for i, v in enumerate(ids) if v != ids[i - 1]] if len(ids) > 1 else ids
            if len(ids) < 3:
                self.cells.append(None)
                self.cell_ridges.append(None)
                continue
            xy = verts[ids]
            area2 = np.sum(xy[:, 0] * np.roll(xy[:, 1], -1) - np.roll(xy[:, 0], -1) * xy[:, 1])
            if area2 < 0:
                ids = ids[::-1]
            edges = [lookup.get((k, min(ids[i], ids[(i + 1) % len(ids)]),
                                 max(ids[i], ids[(i + 1) % len(ids)])), -1)
                     for i in range(len(ids))]
            self.cells.append(np.array(ids))
            self.cell_ridges.append(np.array(edges))

    # --- classes ----------------------------------------------------------------------------
    def ridge_lines(self):
        return [LineString([self.vertices[a], self.vertices[b]])
                for a, b in zip(self.ridge_a, self.ridge_b)]

    def _graph(self, weight):
        nv = len(self.vertices)
        ok = np.isfinite(weight)
        a, b, w = self.ridge_a[ok], self.ridge_b[ok], weight[ok]
        g = coo_matrix((np.concatenate([w, w]), (np.concatenate([a, b]), np.concatenate([b, a]))),
                       shape=(nv, nv)).tocsr()
        return g

    def _path(self, graph, nodes):
        """Ridge ids of the shortest path through the vertex ids ``nodes`` (consecutive legs)."""
        out = []
        for s, t in zip(nodes[:-1], nodes[1:]):
            _, pred = dijkstra(graph, indices=s, return_predecessors=True)
            v = t
            while v != s and v >= 0:
                u = pred[v]
                if u < 0:
                    break
                out.append(self._edge_of[(min(u, v), max(u, v))])
                v = u
        return out

    def _classify(self):
        f = self.fields
        nr = len(self.ridge_a)
        lines = self.ridge_lines()
        city = prep(self.city)
        self.ridge_inside = np.array([city.intersects(line) for line in lines])
        real = (self.ridge_p >= 0) & (self.ridge_q >= 0)
        mid = (self.vertices[self.ridge_a] + self.vertices[self.ridge_b]) / 2
        length = np.hypot(*(self.vertices[self.ridge_a] - self.vertices[self.ridge_b]).T)
        elev = f.elevation(mid[:, 0], mid[:, 1])
        urb, _ = f.urban(mid[:, 0], mid[:, 1])
        self.ridge_length = length
        self._edge_of = {}
        for r in range(nr):
            if real[r]:
                key = (min(self.ridge_a[r], self.ridge_b[r]), max(self.ridge_a[r], self.ridge_b[r]))
                self._edge_of.setdefault(key, r)
        base = np.where(real, length, np.inf)
        base = np.where(self.ridge_inside, base, base * 40)
        used = self.vertices[np.unique(np.concatenate([self.ridge_a[real], self.ridge_b[real]]))]
        used_ids = np.unique(np.concatenate([self.ridge_a[real], self.ridge_b[real]]))
        tree = cKDTree(used)

        def node(lon, lat):
            return used_ids[tree.query(lonlat_to_xy(lon, lat))[1]]

        # Railway first (avoids towns and hills), then roads (never on the railway).
        self.is_rail = np.zeros(nr, bool)
        rail_w = base * (1 + 8 * urb) * (1 + elev / 40.0)
        name, waypoints = places.RAILWAY
        self.rail_name = name
        self.is_rail[self._path(self._graph(rail_w), [node(*p) for p in waypoints])] = True
        road_w = np.where(self.is_rail, np.inf, base * (1 + elev / 150.0))
        graph = self._graph(road_w)
        grade = np.full(nr, len(GRADES) - 1)          # 村道 unless a path says better
        hname = np.array([''] * nr, dtype=object)
        seats = {}
        for adcode, lst in places.TOWNSHIPS.items():
            for sname, kind, lon, lat in lst:
                seats[sname] = (kind, node(lon, lat), adcode)
        nuc = {key: node(lon, lat) for key, lon, lat, *_ in places.NUCLEI}
        routes = []       # (grade, name, [nodes])
        routes.append(('国道', 'G324', [node(118.850, 25.218), seats['枫溪镇'][1], seats['溪桥镇'][1],
                                        nuc['中心城区'], nuc['涵江片区'], seats['塘坂镇'][1],
                                        node(119.215, 25.548)]))
        routes.append(('省道', 'S201', [nuc['中心城区'], seats['渡头镇'][1], nuc['秀屿片区'],
                                        seats['港里镇'][1], seats['沙澳镇'][1]]))
        routes.append(('省道', 'S203', [nuc['中心城区'], seats['溪桥镇'][1], seats['榕溪镇'][1],
                                        nuc['仙游县城'], seats['杉洋镇'][1], seats['石门镇'][1],
                                        node(118.500, 25.470)]))
        routes.append(('省道', 'S206', [nuc['中心城区'], seats['梅亭镇'][1], seats['青岚镇'][1],
                                        seats['竹溪镇'][1], seats['峰口镇'][1]]))
        routes.append(('省道', 'S305', [nuc['仙游县城'], seats['仙峰镇'][1], seats['枫溪镇'][1]]))
        routes.append(('省道', 'S306', [nuc['秀屿片区'], seats['南屿镇'][1], seats['东礁镇'][1],
                                        seats['澳前镇'][1], seats['浮屿镇'][1]]))
        # County and township roads: each seat to its two nearest seats.
        names = sorted(seats)
        sxy = np.array([self.vertices[seats[s][1]] for s in names])
        stree = cKDTree(sxy)
        county_no, town_no = 301, 101
        for s in names:
            kind, v, _ = seats[s]
            _, idx = stree.query(self.vertices[v], k=3)
            for j in idx[1:]:
                other = names[j]
                if s > other and names.index(s) in stree.query(sxy[j], k=3)[1][1:]:
                    continue          # the pair was routed from the other side
                g = '县道' if kind != '乡' and seats[other][0] != '乡' else '乡道'
                if g == '县道':
                    rname, county_no = f'X{county_no}', county_no + 1
                else:
                    rname, town_no = f'Y{town_no:03d}', town_no + 1
                routes.append((g, rname, [v, seats[other][1]]))
        for g, rname, nodes in routes:
            gi = GRADES.index(g)
            for r in self._path(graph, nodes):
                if gi < grade[r]:
                    grade[r] = gi
                    hname[r] = rname
        self.ridge_grade = grade
        # Urban grid classes.
        cls = np.array([''] * nr, dtype=object)
        width = np.zeros(nr)
        sname = np.array([''] * nr, dtype=object)
        names_maker = NameMaker('streets')
        grid_names = {}
        p, q = self.ridge_p, self.ridge_q
        n_p = np.where(p >= 0, self.seed_nucleus[np.maximum(p, 0)], -1)
        n_q = np.where(q >= 0, self.seed_nucleus[np.maximum(q, 0)], -1)
        village_no = 1
        for r in range(nr):
            if self.is_rail[r]:
                cls[r], width[r], sname[r] = '铁路', RAIL_WIDTH, self.rail_name
                continue
            if not real[r]:
                continue
            on_highway = grade[r] < GRADES.index('村道')
            if n_p[r] >= 0 and n_p[r] == n_q[r]:
                k = n_p[r]
                rank = min(f.nuclei[k][5], 2)
                di = self.seed_gi[p[r]] - self.seed_gi[q[r]]
                dj = self.seed_gj[p[r]] - self.seed_gj[q[r]]
                if di != 0 and dj == 0:
                    key = (k, 'x', max(self.seed_gi[p[r]], self.seed_gi[q[r]]))
                elif dj != 0 and di == 0:
                    key = (k, 'y', max(self.seed_gj[p[r]], self.seed_gj[q[r]]))
                else:
                    key = None
                if key is None:
                    c = '支路'
                elif key[2] % 4 == 0 and rank < 2:
                    c = '主干路'
                elif key[2] % 2 == 0:
                    c = '次干路'
                else:
                    c = '支路'
                if on_highway and grade[r] <= GRADES.index('省道'):
                    c = '主干路'
                elif on_highway and c == '支路':
                    c = '次干路'
                if key is not None and (key, c) not in grid_names:
                    suffix = {'主干路': '大道' if rank == 0 else '路', '次干路': '路', '支路': '街'}[c]
                    grid_names[(key, c)] = names_maker.make(suffix)
                cls[r] = c
                width[r] = URBAN_WIDTH[rank][c]
                sname[r] = grid_names[(key, c)] if key is not None else ''
            elif on_highway:
                g = GRADES[grade[r]]
                cls[r], width[r], sname[r] = '公路', GRADE_WIDTH[g], hname[r]
            elif n_p[r] >= 0 or n_q[r] >= 0:
                k = n_p[r] if n_p[r] >= 0 else n_q[r]
                cls[r], width[r] = '支路', URBAN_WIDTH[min(f.nuclei[k][5], 2)]['支路']
            else:
                cls[r], width[r] = '公路', GRADE_WIDTH['村道']
                sname[r] = f'C{village_no:04d}'
                village_no += 1
        self.ridge_class = cls
        self.ridge_width = width
        self.ridge_name = sname
        # Village tracks in the hills stay lines: no road parcel, the fields meet at the centre.
        self.ridge_strip = (width > 0) & ~((cls == '公路') & (grade == GRADES.index('村道')) &
                                           (elev > MOUNTAIN_TRACK_ELEVATION))

    def grade_of(self, r):
        """The highway grade of ridge r ('' for urban streets and the railway)."""
        return GRADES[self.ridge_grade[r]] if self.ridge_class[r] == '公路' else ''
