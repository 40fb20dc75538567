"""社区生活圈 layers: residents per home, everyday facilities, parks and squares, footpaths.

* ``population`` of a 住宅 building = floor area (footprint × floors) ÷ 35 m² per resident
  (0 for other uses), written onto the buildings layer;
* ``facilities``: points of seven kinds near the homes of the urban areas (placed near homes picked
  with probability ~ residents), plus two of a kind with no threshold (托育机构) to show the note;
* ``parks``: rectangular parks and squares in gaps between buildings, about a fifth under 400 m²;
* ``footpaths``: a lane grid every 400 m over the urban cells that hold homes (the sample's roads
  are arterials ~600 m apart): lanes share vertices with each other and cross the roads, where
  spm:life_circle joins them.

Seeded from its own stream (``lifecircle``), so the other layers do not move when it changes.
"""

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import LineString, Point, box
from shapely.affinity import rotate
from shapely.prepared import prep

from .geo import CRS
from .rng import stream

M2_PER_RESIDENT = 35.0
KINDS = {                      # kind -> (count, short name)
    '社区卫生服务中心/站': (45, '卫生站'), '小学': (55, '小学'), '中学': (28, '中学'),
    '幼儿园': (90, '幼儿园'), '养老服务设施': (60, '养老'), '菜市场': (55, '菜市场'),
    '社区服务中心': (30, '社区中心'),
}
UNLISTED_KIND = '托育机构'
N_PARKS = 80
LANE = 400.0           # m between footpaths


def population(buildings):
    """Residents per building (住宅 only): floor area ÷ M2_PER_RESIDENT, rounded."""
    floor_area = buildings.geometry.area * buildings['floors']
    return np.where(buildings['use'] == '住宅', np.round(floor_area / M2_PER_RESIDENT), 0).astype(int)


def build(layers):
    """(facilities, parks, footpaths) GeoDataFrames for the city's ``layers``."""
    rng = stream('lifecircle')
    b = layers.buildings
    urban = prep(layers.dev_boundary.unary_union)
    homes = b[(b['use'] == '住宅') & np.array([urban.contains(g.centroid) for g in b.geometry])]
    weight = population(homes).astype(float)
    xy = np.column_stack([homes.geometry.centroid.x, homes.geometry.centroid.y])
    return _facilities(rng, xy, weight / weight.sum()), _parks(rng, b, xy), _footpaths(rng, xy)


def _facilities(rng, xy, p):
    rows, geoms = [], []
    kinds = [(k, n, s) for k, (n, s) in KINDS.items()] + [(UNLISTED_KIND, 2, '托育')]
    for kind, count, short in kinds:
        picks = rng.choice(len(xy), size=count, replace=False, p=p)
        for seq, k in enumerate(picks, start=1):
            x, y = xy[k] + rng.normal(0, 40, 2)
            rows.append((kind, f'{short}{seq:03d}'))
            geoms.append(Point(round(x, 2), round(y, 2)))
    return gpd.GeoDataFrame(pd.DataFrame(rows, columns=['kind', 'name']), geometry=geoms, crs=CRS)


def _parks(rng, buildings, home_xy):
    tree = buildings.sindex
    rows, geoms = [], []
    while len(geoms) < N_PARKS:
        cx, cy = home_xy[rng.integers(len(home_xy))] + rng.normal(0, 150, 2)
        small = rng.random() < 0.2
        w, h = (rng.uniform(8, 18, 2) if small else rng.uniform(25, 140, 2))
        poly = rotate(box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2), rng.uniform(0, 90))
        if len(tree.query(poly, predicate='intersects')) or any(poly.intersects(g) for g in geoms):
            continue
        kind = '广场' if small or rng.random() < 0.25 else '公园绿地'
        rows.append((kind, f'{kind}{len(geoms) + 1:03d}', round(poly.area, 1)))
        geoms.append(poly)
    return gpd.GeoDataFrame(pd.DataFrame(rows, columns=['kind', 'name', 'area_m2']), geometry=geoms, crs=CRS)


def _footpaths(rng, homes_xy):
    """A lane grid (LANE m) over the cells that hold homes, as row and column runs; the lanes meet
    each other at grid vertices and the roads where they cross them (the algorithm nodes those)."""
    cells = {tuple(c) for c in np.floor(homes_xy / LANE).astype(int)}
    rows, geoms = [], []
    for axis in (0, 1):
        runs = {}
        for c in cells:
            for edge in (c, (c[0] + (axis == 1), c[1] + (axis == 0))):   # both sides of the cell
                runs.setdefault(edge[1 - axis], set()).add(edge[axis])
        for fixed, steps in sorted(runs.items()):
            steps = sorted(steps)
            start = prev = steps[0]
            for k in steps[1:] + [None]:
                if k is not None and k == prev + 1:
                    prev = k
                    continue
                pts = [(i, fixed) if axis == 0 else (fixed, i) for i in range(start, prev + 2)]
                geoms.append(LineString([(x * LANE, y * LANE) for x, y in pts]))
                rows.append(('步行道', f'步道{len(geoms):04d}'))
                if k is not None:
                    start = prev = k
    return gpd.GeoDataFrame(pd.DataFrame(rows, columns=['class', 'name']), geometry=geoms, crs=CRS)
