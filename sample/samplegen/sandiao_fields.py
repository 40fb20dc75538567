"""The 三调 area and attribute fields of the land-use layers (TD/T 1055-2019 《第三次全国国土调查技术规程》).

- ``TBMJ`` 图斑面积 (m², 2 decimals): the parcel's ellipsoidal area on CGCS2000 (a = 6378137 m,
  1/f = 298.257222101), each ring measured as a geodesic polygon (pyproj.Geod, Karney).
- ``KCXS`` 扣除地类系数 (田坎系数) of 耕地 by its 坡度级别 (1–5: ≤2°, 2–6°, 6–15°, 15–25°, >25°;
  the slope of the synthetic terrain at the parcel's representative point) and a small local
  variation, seeded:
  grade 1: 0–0.02, 2: 0.03–0.06, 3: 0.08–0.12, 4: 0.13–0.17, 5: 0.18–0.20; 0 for other parcels.
  The same place gets the same coefficient in both surveys.
- ``KCMJ`` 扣除地类面积 = round(TBMJ × KCXS, 2); ``TBDLMJ`` 图斑地类面积 = TBMJ − KCMJ.
- ``CZCSXM`` 城镇村属性码 of construction land: 201 城市 (the 中心城区 and the 涵江/秀屿 片区),
  202 建制镇 (仙游县城 and the 镇 seats), 203 村庄 (elsewhere), 204 盐田及采矿用地 (0602, 0603),
  205 特殊用地 (09*); empty for other land and for railways, highways, airports, ports, pipelines
  and hydraulic structures (outside the 城镇村 system). Simplified: 三调 also codes the
  non-construction parcels inside a town's 城镇村 extent.
"""

import numpy as np
from pyproj import Geod, Transformer

from . import codes
from .geo import CRS
from .rng import stream

GEOD = Geod(a=6378137.0, rf=298.257222101)
_TO_LONLAT = Transformer.from_crs(CRS, 'EPSG:4490', always_xy=True)
SLOPE_LIMITS = (2.0, 6.0, 15.0, 25.0)                      # degrees: grade 1 | 2 | 3 | 4 | 5
KCXS_RANGE = {1: (0.0, 0.02), 2: (0.03, 0.06), 3: (0.08, 0.12), 4: (0.13, 0.17), 5: (0.18, 0.20)}
CITY_NUCLEI = ('中心城区', '涵江片区', '秀屿片区')
URBAN_U = 0.3                                              # urban intensity of a town's extent
NO_CZCS = ('1001', '1002', '1003', '1007', '1008', '1009', '1109')


def ellipsoidal_area(geometry):
    """图斑面积: geodesic area of a (multi)polygon in EPSG:4528, m²."""
    total = 0.0
    for polygon in getattr(geometry, 'geoms', [geometry]):
        for k, ring in enumerate([polygon.exterior, *polygon.interiors]):
            lon, lat = _TO_LONLAT.transform(*ring.xy)
            area, _ = GEOD.polygon_area_perimeter(lon, lat)
            total += -abs(area) if k else abs(area)
    return total


def slope_grade(fields, x, y, step=60.0):
    """坡度级别 of the terrain at (x, y): central differences of the elevation field."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    dzdx = (fields.elevation(x + step, y) - fields.elevation(x - step, y)) / (2 * step)
    dzdy = (fields.elevation(x, y + step) - fields.elevation(x, y - step)) / (2 * step)
    slope = np.degrees(np.arctan(np.hypot(dzdx, dzdy)))
    return 1 + np.searchsorted(SLOPE_LIMITS, slope)


def coefficient(grade, x, y):
    """扣除地类系数 of a grade at a place: a fixed value per 200 m cell (same in both surveys)."""
    out = np.zeros(len(grade))
    for k, (x0, y0, g) in enumerate(zip(np.floor(np.asarray(x) / 200.0),
                                        np.floor(np.asarray(y) / 200.0), grade)):
        rng = stream(f'sandiao:kcxs:{int(x0)}:{int(y0)}')
        low, high = KCXS_RANGE[int(g)]
        out[k] = round(float(rng.uniform(low, high)), 2)
    return out


def czcsxm(code, nucleus_name, u, kind):
    """城镇村属性码 of one parcel ('' when it has none)."""
    if code not in codes.CURRENT_CONSTRUCTION or code in NO_CZCS:
        return ''
    if code in ('0602', '0603'):
        return '204'
    if code.startswith('09'):
        return '205'
    if kind == 'village' or u < URBAN_U:
        return '203'
    return '201' if nucleus_name in CITY_NUCLEI else '202'


def add(frame, fields, nucleus_names=None):
    """Add TBMJ, KCXS, KCMJ, TBDLMJ and CZCSXM to a land-use frame (``DLBM``; with
    ``nucleus_names`` / ``u`` / ``kind`` columns for CZCSXM, else from the fields)."""
    points = [g.representative_point() for g in frame.geometry]
    x = np.array([p.x for p in points])
    y = np.array([p.y for p in points])
    tbmj = np.round([ellipsoidal_area(g) for g in frame.geometry], 2)
    crop = frame['DLBM'].astype(str).str.startswith('01').to_numpy()
    grade = np.zeros(len(frame), dtype=int)
    kcxs = np.zeros(len(frame))
    if crop.any():
        grade[crop] = slope_grade(fields, x[crop], y[crop])
        kcxs[crop] = coefficient(grade[crop], x[crop], y[crop])
    kcmj = np.round(tbmj * kcxs, 2)
    u, which = fields.urban(x, y)
    names = [fields.nuclei[k][0] for k in which]
    kinds = frame['_kind'].to_numpy() if '_kind' in frame.columns else [''] * len(frame)
    out = frame.copy()
    out['TBMJ'] = tbmj
    out['KCXS'] = kcxs
    out['KCMJ'] = kcmj
    out['TBDLMJ'] = np.round(tbmj - kcmj, 2)
    out['CZCSXM'] = [czcsxm(c, n, v, k) or None
                     for c, n, v, k in zip(frame['DLBM'], names, u, kinds)]
    return out.drop(columns=[c for c in ('_kind',) if c in out.columns])
