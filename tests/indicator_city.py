"""A two-district city whose indicator values are computed by hand (shared by the indicator tests).

District 350302 (甲区) = [0,1000]² (1 km²), district 350303 (乙区) = [1000,2000]×[0,1000], EPSG:4528.

Construction land (三调 05–09, 1001–1005 …): 0701 [0,500]×[0,400] = 200 000 m² in 甲区; 0601
[900,1100]×[0,100] = 10 000 m² in each district; 0702 [1100,2000]×[500,1000] = 450 000 m² in 乙区.
Not construction: 0301 forest 200 000 m², 0101 cultivated 600 000 m² (甲区), 1006 农村道路 and 0201K
(乙区). So 开发强度 = 21 % (甲区) and 46 % (乙区). Red line [0,200]×[0,1000] holds 80 000 m² of the
0701 parcel. The development boundary is [0,1000]×[0,400] ∪ [1100,2000]×[500,1000].
"""

import geopandas as gpd
import numpy as np
from shapely.geometry import LineString, Point, box

CRS = 'EPSG:4528'
A, B = '350302', '350303'


def frames():
    """{layer name: GeoDataFrame} of the city."""
    return {
        'districts': gpd.GeoDataFrame(
            {'adcode': [A, B], 'name': ['甲区', '乙区'], 'population': [3000.0, 5000.0],
             'urban_population': [2000.0, 4000.0]},
            geometry=[box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000)], crs=CRS),
        'landuse_current': gpd.GeoDataFrame(
            {'DLBM': ['0701', '0301', '0101', '0601', '1006', '0702', '0201K']},
            geometry=[box(0, 0, 500, 400), box(500, 0, 1000, 400), box(0, 400, 1000, 1000),
                      box(900, 0, 1100, 100), box(1100, 0, 2000, 500), box(1100, 500, 2000, 1000),
                      box(1000, 100, 1100, 1000)], crs=CRS),
        'eco_redline': gpd.GeoDataFrame({'id': [1]}, geometry=[box(0, 0, 200, 1000)], crs=CRS),
        # overlapping polygons: the union counts once ([0,100]×[300,400] adds 10 000 m²)
        'farmland': gpd.GeoDataFrame({'id': [1, 2]}, geometry=[box(0, 400, 1000, 1000), box(0, 300, 100, 500)],
                                     crs=CRS),
        'dev_boundary': gpd.GeoDataFrame({'id': [1, 2]}, geometry=[box(0, 0, 1000, 400),
                                                                    box(1100, 500, 2000, 1000)], crs=CRS),
        'buildings': gpd.GeoDataFrame({'floors': [3, 5]}, geometry=[box(50, 50, 150, 150),
                                                                    box(1500, 600, 1600, 700)], crs=CRS),
        'roads': gpd.GeoDataFrame({'class': ['主干路', '次干路']}, geometry=[
            LineString([(0, 200), (2000, 200)]), LineString([(1500, 0), (1500, 1000)])], crs=CRS),
        # (1000, 500) lies on the shared edge: it counts once, in the first district
        'risk_points': gpd.GeoDataFrame(
            {'kind': ['易涝积水点', '道路边坡风险点', '易涝积水点', '易涝积水点']},
            geometry=[Point(100, 100), Point(300, 300), Point(1000, 500), Point(1500, 800)], crs=CRS),
        # radius 4: (100,104) covers (100,100) at exactly 4 m; (1503,804) is 5 m from (1500,800)
        'sensors': gpd.GeoDataFrame({'id': [1, 2]}, geometry=[Point(100, 104), Point(1503, 804)], crs=CRS),
    }


def carbon_table():
    """Two rows for 甲区 summing to 30 000 t CO₂, none for 乙区."""
    import pandas as pd
    return pd.DataFrame({'district': [A, A], 'co2_t': [10000.0, 20000.0]})


def inputs():
    """core Inputs of the whole city (sensor radius 4 m, carbon only for 甲区)."""
    from spatial_planning_monitor.core.indicators import Inputs
    f = frames()
    d = f['districts']
    return Inputs(
        districts=d.geometry, population=d.population, urban_population=d.urban_population,
        landuse=f['landuse_current'].geometry, landuse_codes=f['landuse_current'].DLBM,
        eco_redline=f['eco_redline'].geometry, farmland=f['farmland'].geometry,
        dev_boundary=f['dev_boundary'].geometry, buildings=f['buildings'].geometry,
        roads=f['roads'].geometry, risk_points=f['risk_points'].geometry,
        risk_kinds=f['risk_points'].kind, sensors=f['sensors'].geometry, sensor_radius=4.0,
        co2=np.array([30000.0, np.nan]))
