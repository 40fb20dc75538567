"""A small city code register of the sample city for runs of spm:resolve_codes: 300 buildings
with their 不动产单元 codes, made once per process with core (no QGIS), and a table of codes."""

import csv
import os
import tempfile

import geopandas as gpd

from spatial_planning_monitor.core.codes import citycode, citycode_entities, citycode_link, citycode_scheme

_MADE = {}


def make(gpkg, sample_dir):
    """(register path, codes CSV path) — built on first use."""
    if gpkg in _MADE:
        return _MADE[gpkg]
    folder = tempfile.mkdtemp(prefix='spm-city-register-')
    path, codes = os.path.join(folder, 'city_register.gpkg'), os.path.join(folder, 'codes.csv')
    buildings = gpd.read_file(gpkg, layer='buildings', rows=300)
    with open(os.path.join(sample_dir, 'bdc_buildings.csv'), encoding='gbk') as handle:
        units = gpd.pd.DataFrame(list(csv.reader(handle))[1:], columns=['bdc', 'fw', 'address'])
    with citycode.open_register(path, citycode_scheme.get_city_scheme(), '350300', buildings.crs) as reg:
        wkbs = [g.wkb for g in buildings.geometry]
        found, _ = citycode_entities.sync(reg, 'building', wkbs, list(buildings['BSM']))
        citycode_link.link(reg, 'building', found, citycode_link.entity_geometry(wkbs), units, 'bdc',
                           'real_estate_unit', 'key', 'fw', 'building_id')
        reg.commit()
    with open(codes, 'w', encoding='utf-8', newline='') as handle:
        writer = csv.writer(handle)
        writer.writerow(['code', 'note'])
        writer.writerows([[found[0], 'city code'], [buildings['BSM'][1], 'key'], [units['bdc'][0], 'unit'],
                          ['nothing', 'unknown']])
    _MADE[gpkg] = path, codes
    return _MADE[gpkg]
