"""Building carbon account: t CO₂/a of each building, and optionally a grid of sums.

CO₂ (t/a) = floor area (m²) × Σ over the energy carriers of the use's intensity (kWh m⁻² a⁻¹)
/ 1000 × the carrier's factor (t CO₂/MWh): electricity × the grid emission factor, natural gas ×
IPCC 2006's default (0.202 t CO₂/MWh), heat × the heat factor of the fuel table (0.11 t CO₂/GJ).
Floor area is a given field, or footprint area × floors. The grid factor is the one given, else
the province's (from ``region_code``), else the national one.
"""

import math

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import box

from ..errors import Canceled, InputError
from ..i18n import translate
from . import tables
from .landuse import _unknown_message

MAX_GRID_CELLS = 5_000_000


def floor_area(buildings, floor_area_field=None, floors_field=None, layer_name='BUILDINGS'):
    """Floor area (m²) of each building: the given field, or footprint area × floors."""
    if floor_area_field:
        values = pd.to_numeric(buildings[floor_area_field], errors='coerce').to_numpy(dtype=float)
        what = floor_area_field
    else:
        floors = pd.to_numeric(buildings[floors_field], errors='coerce').to_numpy(dtype=float)
        values = buildings.geometry.area.to_numpy() * floors
        what = floors_field
    bad = np.isnan(values) | (values < 0)
    if bad.any():
        ids = [str(i) for i in buildings.index[bad][:10]]
        raise InputError(translate(
            'spm', 'Layer “{layer}”, field {field}: {n} building(s) have a missing or negative value '
                   '(feature ids {ids}).').format(layer=layer_name, field=what, n=int(bad.sum()),
                                                  ids=', '.join(ids)))
    return values


def building_carbon(buildings, use_field, floor_area_field=None, floors_field=None,
                    intensities=None, grid_factor=None, default_use=None, layer_name='BUILDINGS',
                    region_code=None):
    """(buildings with FLOOR_M2, EUI, ELEC_MWH, GAS_MWH, HEAT_MWH, ENERGY_MWH, CO2_T, UNKNOWN
    fields, report dict).

    Uses the intensity table does not know raise :class:`InputError` listing them with their
    counts, unless ``default_use`` (a use in the table) is given; the report counts them and
    names the grid factor used (``grid_factor``, ``grid_label``, ``grid_choice``).
    """
    eui = tables.building_intensities(intensities)
    grid_factor, grid_label, grid_choice = tables.choose_grid_factor(grid_factor, region_code)
    carrier_factor = tables.carrier_factors(grid_factor)
    for field in [use_field, floor_area_field, floors_field]:
        if field and field not in buildings.columns:
            raise InputError(translate('spm', 'Layer “{layer}” has no field “{field}”.').format(
                layer=layer_name, field=field))
    if not floor_area_field and not floors_field:
        raise InputError(translate('spm', 'Layer “{layer}”: give a floor-area field or a floors '
                                          'field.').format(layer=layer_name))
    if buildings.crs is not None and buildings.crs.is_geographic and not floor_area_field:
        raise InputError(translate(
            'spm', 'Layer “{layer}” is in a geographic CRS ({crs}); footprint areas need a '
                   'projected CRS.').format(layer=layer_name, crs=buildings.crs.to_string()))
    uses = buildings[use_field].map(lambda v: '' if v is None or str(v).strip() in
                                    ('', 'None', 'nan', 'NULL') else str(v).strip())
    unknown_mask = ~uses.isin(list(eui)).to_numpy()
    report = {'unknown_uses': {}, 'unknown_features': int(unknown_mask.sum()), 'default_use': None}
    if unknown_mask.any():
        counts = uses[unknown_mask].value_counts().to_dict()
        report['unknown_uses'] = counts
        if default_use is None or str(default_use).strip() == '':
            raise InputError(_unknown_message(layer_name, use_field, sorted(counts), counts,
                                              translate('spm', 'a building use')))
        if default_use not in eui:
            raise InputError(translate(
                'spm', 'The default use “{use}” is not in the intensity table ({known}).').format(
                    use=default_use, known=', '.join(eui)))
        uses = uses.where(~unknown_mask, default_use)
        report['default_use'] = default_use
    area = floor_area(buildings, floor_area_field, floors_field, layer_name)
    out = buildings.copy()
    out['USE_EFF'] = uses.to_numpy()
    out['FLOOR_M2'] = area
    out['EUI'] = uses.map(lambda u: sum(eui[u].values())).to_numpy(dtype=float)
    co2 = np.zeros(len(out))
    for carrier in tables.CARRIERS:
        energy_mwh = area * uses.map(lambda u, c=carrier: eui[u][c]).to_numpy(dtype=float) / 1000.0
        out['{}_MWH'.format(carrier.upper())] = energy_mwh
        co2 += energy_mwh * carrier_factor[carrier]
    out['ENERGY_MWH'] = out['EUI'].to_numpy() * area / 1000.0
    out['CO2_T'] = co2
    out['UNKNOWN'] = unknown_mask.astype(int)
    report.update(grid_factor=grid_factor, grid_label=grid_label, grid_choice=grid_choice,
                  carrier_factors=carrier_factor)
    return out, report


def grid_sums(buildings, size, extent=None, is_canceled=None):
    """Square cells of ``size`` metres with the number of buildings, floor area and CO₂ summed.

    A building counts in the cell that holds its representative point (inside the footprint), so
    the grid total equals the building total. Only cells holding at least one building are kept.
    """
    if size <= 0:
        raise InputError(translate('spm', 'GRID_SIZE must be positive.'))
    if extent is None and buildings.geometry.dropna().empty:      # no building: no cell
        buildings = buildings.iloc[:0]
        extent = (0.0, 0.0, size, size)
    minx, miny, maxx, maxy = extent if extent is not None else buildings.total_bounds
    minx, miny = math.floor(minx / size) * size, math.floor(miny / size) * size
    ncols = max(1, int(math.ceil((maxx - minx) / size)))
    nrows = max(1, int(math.ceil((maxy - miny) / size)))
    if ncols * nrows > MAX_GRID_CELLS:
        raise InputError(translate(
            'spm', 'GRID_SIZE {size} m would make {cols} × {rows} = {n} cells (limit {limit}); '
                   'choose a larger size.').format(size=size, cols=ncols, rows=nrows,
                                                   n=ncols * nrows, limit=MAX_GRID_CELLS))
    points = buildings.geometry.representative_point()
    col = np.clip(((points.x.to_numpy() - minx) // size).astype(np.int64), 0, ncols - 1)
    row = np.clip(((points.y.to_numpy() - miny) // size).astype(np.int64), 0, nrows - 1)
    frame = pd.DataFrame({'ROW': row, 'COL': col, 'FLOOR_M2': buildings['FLOOR_M2'].to_numpy(),
                          'CO2_T': buildings['CO2_T'].to_numpy()})
    cells = frame.groupby(['ROW', 'COL'], as_index=False).agg(
        N_BLDG=('CO2_T', 'size'), FLOOR_M2=('FLOOR_M2', 'sum'), CO2_T=('CO2_T', 'sum'))
    geometries = []
    for r, c in zip(cells['ROW'], cells['COL']):
        if is_canceled is not None and is_canceled():
            raise Canceled('canceled')
        x0, y0 = minx + c * size, miny + r * size
        geometries.append(box(x0, y0, x0 + size, y0 + size))
    cells['CELL_ID'] = ['R{}C{}'.format(r, c) for r, c in zip(cells['ROW'], cells['COL'])]
    cells['CO2_T_KM2'] = cells['CO2_T'] / (size * size / 1e6)
    cells = cells[['CELL_ID', 'ROW', 'COL', 'N_BLDG', 'FLOOR_M2', 'CO2_T', 'CO2_T_KM2']]
    return gpd.GeoDataFrame(cells, geometry=geometries, crs=buildings.crs)
