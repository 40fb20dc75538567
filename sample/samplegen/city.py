"""Build the whole sample city in memory: districts, network, parcels and their land use."""

import time

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import MultiPolygon
from shapely.ops import unary_union

from . import controls, fields, geo, landuse, network, parcels, partition, townships
from .fields import contains_xy
from .geo import polygons

SMALL_ISLAND = 5e6     # m2: island parts smaller than this get shrub/grass/bare land


class City:
    """Everything the layers are made from. ``log`` receives progress lines."""

    def __init__(self, data_dir, log=print):
        self.log = log
        self.t0 = time.time()
        self.districts, self.tiling_report = geo.load_districts(data_dir)
        self.city = unary_union([g for _, _, g in self.districts])
        self.fields = fields.Fields(self.city)
        self.step('fields')
        self.network = network.Network(self.city, self.fields)
        self.step(f'network: {len(self.network.seeds)} blocks, {len(self.network.ridge_a)} ridges')
        self.partition = partition.Partition(self.network, self.districts, self.fields.river_area,
                                             self.fields.canal_area)
        self.step('partition')
        self.parcels = self._parcels()
        self.step(f'parcels: {len(self.parcels)}')

    def step(self, what):
        self.log(f'  {time.time() - self.t0:6.1f} s  {what}')

    def _parcels(self):
        f = self.fields
        raw = parcels.build(self.partition, f)
        df = pd.DataFrame({k: v for k, v in raw.items() if k != 'geometry'})
        geoms = raw['geometry']
        rep = [g.representative_point() for g in geoms]
        df['x'] = np.array([p.x for p in rep])
        df['y'] = np.array([p.y for p in rep])
        df['e'] = f.elevation(df['x'], df['y'])
        df['u'], df['nucleus'] = f.urban(df['x'], df['y'])
        df['dc'] = f.coast_distance(df['x'], df['y'])
        df['dr'] = f.river_distance(df['x'], df['y'])
        islands = MultiPolygon([p for p in polygons(self.city) if p.area < SMALL_ISLAND])
        df['island'] = contains_xy(islands, df['x'], df['y'])
        df['area'] = [g.area for g in geoms]
        gdf = gpd.GeoDataFrame(df, geometry=geoms, crs=geo.CRS)
        # Land use, townships, control lines.
        gdf['current'] = landuse.current_use(gdf, self.network, f, gdf['island'].to_numpy())
        gdf['previous'], gdf['changed'] = landuse.previous_use(gdf, gdf['current'].to_numpy(),
                                                               self.network)
        plan, expand = landuse.plan_use(gdf, gdf['current'].to_numpy())
        self.table = townships.township_table()
        gdf['township'] = townships.assign(gdf, self.table)
        gdf['zone'] = controls.assign(gdf, gdf['current'].to_numpy(), gdf['changed'].to_numpy(),
                                      expand)
        # The plan restores what the control lines forbid.
        built = np.isin(gdf['current'], tuple(landuse.codes.CURRENT_CONSTRUCTION)) & \
            (gdf['kind'] != 'road').to_numpy()
        plan[built & (gdf['zone'] == 'red').to_numpy()] = '0301'
        plan[built & (gdf['zone'] == 'farm').to_numpy()] = '0101'
        gdf['plan'] = plan
        gdf['expand'] = expand
        return gdf
