"""A hand-made city for the city code tests: six 10 m × 10 m buildings in a row, 20 m apart,
keyed B1…B6 (EPSG:4528), and helpers to run the register on it."""

import geopandas as gpd
import pandas as pd
from pyproj import CRS
from shapely.geometry import Point, box

from spatial_planning_monitor.core.codes import citycode, citycode_entities, citycode_link, citycode_scheme

CRS_M = CRS.from_epsg(4528)
X0, Y0 = 40500000.0, 2800000.0


def footprint(k, width=10.0):
    return box(X0 + 20 * k, Y0, X0 + 20 * k + width, Y0 + 10)


def buildings(keys=('B1', 'B2', 'B3', 'B4', 'B5', 'B6'), shapes=None):
    shapes = shapes or [footprint(k) for k in range(len(keys))]
    return gpd.GeoDataFrame({'bsm': list(keys)}, geometry=shapes, crs=CRS_M)


def inside(k, dx=5.0, dy=5.0):
    return Point(X0 + 20 * k + dx, Y0 + dy)


def run(path, entity_type, layer, entity_key='bsm', register=None, **kwargs):
    """One run: sync ``layer`` as ``entity_type`` and, when given, link ``register`` (a frame) with
    kwargs of citycode_link.link. Returns (city codes, sync summary, link result or None)."""
    scheme = citycode_scheme.get_city_scheme()
    with citycode.open_register(path, scheme, '350300', CRS_M) as reg:
        wkbs = [g.wkb if g is not None else None for g in layer.geometry]
        codes, summary = citycode_entities.sync(reg, entity_type, wkbs,
                                                None if entity_key is None else list(layer[entity_key]))
        result = None
        if register is not None:
            active = codes != ''
            result = citycode_link.link(reg, entity_type, codes[active], citycode_link.entity_geometry(
                [w for w, a in zip(wkbs, active) if a]), register, **kwargs)
        reg.commit()
    return codes, summary, result


def table(rows, columns, points=None):
    frame = pd.DataFrame(rows, columns=columns)
    return gpd.GeoDataFrame(frame, geometry=points, crs=CRS_M) if points is not None else frame
