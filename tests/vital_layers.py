"""The hand-made vital series (vital_series.py) as files and tables: sensors and districts in a
GeoPackage, readings as CSV, as a GeoPackage table and (with the ``postgres`` fixture) in PostgreSQL."""

import geopandas as gpd
import pandas as pd
from shapely import wkt
from shapely.geometry import Point

import vital_series as vs

CRS = 'EPSG:4528'


def write_city(folder):
    """(sensors source, districts source, readings CSV path, readings GeoPackage source)."""
    gpkg = folder / 'vitals.gpkg'
    sensors = gpd.GeoDataFrame(vs.SENSORS.drop(columns=['x', 'y']),
                               geometry=[Point(40_400_000 + x, 2_800_000 + y) for x, y in zip(vs.SENSORS['x'],
                                                                                              vs.SENSORS['y'])],
                               crs=CRS)
    sensors.to_file(gpkg, layer='sensors', driver='GPKG')
    districts = gpd.GeoDataFrame({'name': list(vs.districts_wkt())},
                                 geometry=[_shift(wkt.loads(g)) for g in vs.districts_wkt().values()], crs=CRS)
    districts.to_file(gpkg, layer='districts', driver='GPKG')
    csv = folder / 'readings.csv'
    vs.readings().to_csv(csv, index=False)
    readings_table(csv, gpkg, 'readings')
    return (f'{gpkg}|layername=sensors', f'{gpkg}|layername=districts', str(csv),
            f'{gpkg}|layername=readings')


def _shift(geometry):
    from shapely.affinity import translate
    return translate(geometry, 40_400_000, 2_800_000)


def readings_table(csv, gpkg, name):
    """Copy a readings CSV into a GeoPackage table (integer id, DateTime time, real value)."""
    from osgeo import gdal
    gdal.UseExceptions()
    gdal.VectorTranslate(str(gpkg), str(csv), accessMode='update', layerName=name,
                         options=['-oo', 'AUTODETECT_TYPE=YES', '-nlt', 'NONE'])


def postgres_readings(postgres, frame=None, table='readings'):
    """Load the readings into PostgreSQL; returns the QGIS source (postgres provider)."""
    postgres.load_readings(vs.readings() if frame is None else frame, table)
    return 'postgres://' + postgres.uri(table)


def frame_of(layer):
    return pd.DataFrame([f.attributes() for f in layer.getFeatures()], columns=layer.fields().names())
