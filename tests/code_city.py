"""A small synthetic city for the code tests: four townships and random rectangular buildings.

EPSG:4528 (3-degree zone 40, near Putian); township codes 35030200x / 35030300x; buildings with
years 2015–2018. ``code_run`` codes buildings into a registry in one committed run.
"""

import datetime

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import box

from spatial_planning_monitor.core.codes import assign, registry, schemes

X0, Y0 = 40_480_000.0, 2_810_000.0          # EPSG:4528 (zone 40), near Putian
CRS = 'EPSG:4528'
RUN1, RUN2 = datetime.date(2024, 6, 1), datetime.date(2025, 6, 1)


def make_townships():
    codes = ['350302001', '350302002', '350303001', '350303002']
    cells = [box(X0, Y0, X0 + 1000, Y0 + 1000), box(X0 + 1000, Y0, X0 + 2000, Y0 + 1000),
             box(X0, Y0 + 1000, X0 + 1000, Y0 + 2000), box(X0 + 1000, Y0 + 1000, X0 + 2000, Y0 + 2000)]
    return gpd.GeoDataFrame({'code': codes}, geometry=cells, crs=CRS)


def make_buildings(n=1500, seed=3, first_id=0):
    rng = np.random.default_rng(seed)
    x = rng.uniform(X0 + 5, X0 + 1980, n)
    y = rng.uniform(Y0 + 5, Y0 + 1980, n)
    return gpd.GeoDataFrame({'year': rng.integers(2015, 2019, n)},
                            geometry=[box(a, b, a + 9, b + 11) for a, b in zip(x, y)],
                            index=pd.Index(np.arange(first_id, first_id + n), name='fid'), crs=CRS)


def code_run(path, buildings, townships=None, day=RUN1, scheme=None, **options):
    scheme = scheme or schemes.get_scheme()
    with registry.open_registry(path, scheme, buildings.crs) as reg:
        frame, summary = assign.assign_codes(reg, buildings, townships if townships is not None else make_townships(),
                                             'code', 'year', 8, day=day, **options)
        reg.commit()
    return frame, summary
