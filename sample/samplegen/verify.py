"""Checks run after generation; they raise if the sample breaks its contract, and report figures."""

import numpy as np

from . import codes, controls

TILING_TOL = 1e-6   # relative area error allowed when layers tile a district


def _by_district(frame, field):
    return frame.geometry.area.groupby(frame[field]).sum()


def check(layers, log=print):
    """Verify tiling, validity, non-overlap; return a dict of figures for the docs."""
    city = layers.city
    figures = {}
    d_area = {a: g.area for a, _, g in city.districts}
    for name, frame, field in (('landuse_current', layers.landuse_current, 'district'),
                               ('landuse_previous', layers.landuse_previous, 'district'),
                               ('landuse_plan', layers.landuse_plan, 'district'),
                               ('townships', layers.townships, 'adcode')):
        sums = _by_district(frame, field)
        for adcode, area in d_area.items():
            err = abs(sums[adcode] - area) / area
            if err > TILING_TOL:
                raise AssertionError(f'{name}: district {adcode} area off by {err:.2e}')
    for name, frame in layers.spatial():
        bad = int((~frame.geometry.is_valid).sum())
        if bad:
            raise AssertionError(f'{name}: {bad} invalid geometries')
        figures[f'count_{name}'] = len(frame)
    # Buildings never overlap each other and lie in construction parcels.
    b = layers.buildings
    left, right = b.sindex.query_bulk(b.geometry, predicate='intersects')
    pairs = [(i, j) for i, j in zip(left, right) if i < j]
    overlap = sum(b.geometry.iat[i].intersection(b.geometry.iat[j]).area for i, j in pairs)
    if overlap > 1e-6:
        raise AssertionError(f'buildings overlap ({overlap:.3f} m2)')
    towns = layers.townships
    bl, tl = towns.sindex.query_bulk(b.geometry, predicate='intersects')
    per_building = np.bincount(bl, minlength=len(b))
    figures['buildings_straddling_townships'] = int((per_building > 1).sum())
    figures['buildings_straddling_share'] = round(float((per_building > 1).mean()), 4)
    p = city.parcels
    figures.update(controls.violations(p['current'].to_numpy(), p['changed'].to_numpy(),
                                       p['zone'].to_numpy(), p['kind'].to_numpy()))
    total = p['area'].sum()
    figures['changed_share_2020_2023'] = round(float(p.loc[p['changed'], 'area'].sum() / total), 4)
    # Plan vs current (each parcel lies in exactly one plan zone): construction mismatches and
    # level-1 differences, as shares of the city's area.
    current_plan = np.array([codes.MAPPING[c] for c in p['current']])
    zone_code = p['plan_zone_code'].to_numpy()
    cur_built = p['current'].isin(tuple(codes.CURRENT_CONSTRUCTION)).to_numpy()
    plan_built = np.isin(zone_code, tuple(codes.PLAN_CONSTRUCTION))
    area = p['area'].to_numpy()
    figures['plan_built_on_non_construction_share'] = round(
        float(area[cur_built & ~plan_built].sum() / total), 4)
    figures['plan_not_yet_built_share'] = round(
        float(area[~cur_built & plan_built].sum() / total), 4)
    figures['plan_level1_differs_share'] = round(float(
        area[np.array([a[:2] != b[:2] for a, b in zip(current_plan, zone_code)])].sum() / total), 4)
    figures['construction_share_2023'] = round(float(area[cur_built].sum() / total), 4)
    for k, v in figures.items():
        log(f'    {k}: {v}')
    return figures
