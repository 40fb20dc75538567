"""A valid run of every spm algorithm on the sample city, with every output a file in ``out``.

The hostile tests start from these and break one thing at a time. ``layer(name)`` is the source
string of a sample layer; the inputs come from ``gpkg`` (a copy of the sample city, so that a test
may aim an output at it).
"""

import os
import shutil

import pytest

# The outputs each algorithm writes, with the file each goes to in a run.
OUTPUTS = {
    'spm:plan_conformance': {'OUTPUT': 'pieces.gpkg', 'SUMMARY': 'summary.csv'},
    'spm:control_lines': {'OUTPUT': 'violations.gpkg', 'SUMMARY': 'summary.csv'},
    'spm:landuse_change': {'OUTPUT': 'changes.gpkg', 'MATRIX': 'matrix.csv',
                           'NEW_CONSTRUCTION': 'new_construction.csv'},
    'spm:farmland_balance': {'OUTPUT': 'flows.gpkg', 'SUMMARY': 'balance.csv'},
    'spm:indicators': {'OUTPUT': 'indicators.gpkg', 'TABLE': 'table.csv'},
    'spm:assign_building_codes': {'OUTPUT': 'coded.gpkg'},
    'spm:beidou_grid_code': {'OUTPUT': 'beidou.gpkg'},
    'spm:validate_codes': {'OUTPUT': 'checked.gpkg'},
    'spm:place_projects': {'OUTPUT': 'projects.gpkg'},
    'spm:landuse_carbon': {'OUTPUT': 'carbon.gpkg', 'SUMMARY': 'summary.csv'},
    'spm:energy_carbon': {'OUTPUT': 'by_fuel.csv', 'TOTALS': 'totals.csv'},
    'spm:building_carbon': {'OUTPUT': 'buildings.gpkg', 'GRID_OUTPUT': 'grid.gpkg'},
    'spm:evaluate_sensor_coverage': {'OUTPUT': 'coverage.gpkg', 'SUMMARY': 'summary.csv'},
    'spm:plan_sensors': {'OUTPUT': 'sites.gpkg', 'ASSIGNMENTS': 'lines.gpkg', 'SUMMARY': 'summary.csv'},
    'spm:downscale_emissions': {'OUTPUT': 'grid.tif'},
    'spm:vital_signs': {'OUTPUT': 'vital_sensors.gpkg', 'EVENTS': 'vital_events.gpkg',
                        'DISTRICT_TABLE': 'vital_districts.csv'},
    'spm:life_circle': {'OUTPUT': 'homes.gpkg', 'DISTRICT_TABLE': 'districts.csv', 'STREETS': 'streets.gpkg'},
    'spm:link_codes': {'OUTPUT': 'links.gpkg', 'CONFLICTS': 'conflicts.csv', 'INVALID': 'invalid.csv'},
    'spm:resolve_codes': {'OUTPUT': 'resolved.gpkg', 'TABLE': 'resolved.csv'},
}

# Algorithms that commit a register before publishing their outputs: a cancel that comes after
# the commit (at the last progress report) lets the run complete, so register and outputs agree.
COMMITS_FIRST = {'spm:assign_building_codes', 'spm:link_codes'}

# The polygon/point input of each algorithm that hostile layers replace, and its kind.
MAIN_INPUT = {
    'spm:plan_conformance': ('CURRENT', 'landuse_current'),
    'spm:control_lines': ('LANDUSE', 'landuse_current'),
    'spm:landuse_change': ('AFTER', 'landuse_current'),
    'spm:farmland_balance': ('AFTER', 'landuse_current'),
    'spm:indicators': ('LANDUSE', 'landuse_current'),
    'spm:assign_building_codes': ('BUILDINGS', 'buildings'),
    'spm:beidou_grid_code': ('INPUT', 'buildings'),
    'spm:landuse_carbon': ('LANDUSE', 'landuse_current'),
    'spm:building_carbon': ('BUILDINGS', 'buildings'),
    'spm:evaluate_sensor_coverage': ('RISK_POINTS', 'risk_points'),
    'spm:plan_sensors': ('RISK_POINTS', 'risk_points'),
    'spm:life_circle': ('RESIDENTIAL', 'buildings'),
    'spm:link_codes': ('ENTITIES', 'buildings'),
}


def inputs(alg, gpkg, out, sample_dir):
    """The input parameters of a valid run of ``alg``."""
    def layer(name):
        return f'{gpkg}|layername={name}'
    if alg == 'spm:resolve_codes':            # needs a register: a small one, made once
        from city_register import make
        register, codes = make(gpkg, sample_dir)
        return {'CITY_REGISTER': register, 'INPUT': codes, 'CODE_FIELD': 'code'}
    risk = {'RISK_POINTS': layer('risk_points'), 'KIND_FIELD': 'kind', 'WEIGHT_FIELD': 'weight'}
    return {
        'spm:plan_conformance': {'CURRENT': layer('landuse_current'), 'CURRENT_FIELD': 'DLBM',
                                 'PLAN': layer('landuse_plan'), 'PLAN_FIELD': 'YDYHFLDM'},
        'spm:control_lines': {'LANDUSE': layer('landuse_current'), 'LANDUSE_FIELD': 'DLBM',
                              'ECO_REDLINE': layer('eco_redline'), 'FARMLAND': layer('farmland'),
                              'DEV_BOUNDARY': layer('dev_boundary'), 'DISTRICTS': layer('districts'),
                              'DISTRICT_FIELD': 'name'},
        'spm:landuse_change': {'BEFORE': layer('landuse_previous'), 'BEFORE_FIELD': 'DLBM',
                               'AFTER': layer('landuse_current'), 'AFTER_FIELD': 'DLBM', 'LEVEL': 1,
                               'DEV_BOUNDARY': layer('dev_boundary'), 'DISTRICTS': layer('districts'),
                               'DISTRICT_FIELD': 'name'},
        'spm:farmland_balance': {'BEFORE': layer('landuse_previous'), 'BEFORE_FIELD': 'DLBM',
                                 'AFTER': layer('landuse_current'), 'AFTER_FIELD': 'DLBM',
                                 'DISTRICTS': layer('districts'), 'DISTRICT_FIELD': 'name'},
        'spm:indicators': {'DISTRICTS': layer('districts'), 'DISTRICT_FIELD': 'adcode',
                           'POPULATION_FIELD': 'population', 'URBAN_POPULATION_FIELD': 'urban_population',
                           'LANDUSE': layer('landuse_current'), 'LANDUSE_FIELD': 'DLBM',
                           'FARMLAND': layer('farmland'), 'DEV_BOUNDARY': layer('dev_boundary')},
        'spm:assign_building_codes': {'BUILDINGS': layer('buildings'), 'ADMIN': layer('townships'),
                                      'ADMIN_CODE_FIELD': 'code', 'YEAR_FIELD': 'year',
                                      'REGISTRY': os.path.join(out, 'registry.gpkg'), 'BEIDOU_LEVEL': 8},
        'spm:beidou_grid_code': {'INPUT': layer('buildings'), 'LEVEL': 8, 'FIELD': 'BEIDOU'},
        'spm:validate_codes': {'INPUT': os.path.join(sample_dir, 'projects.csv'),
                               'CODE_FIELD': 'owner_credit_code', 'CODE_TYPE': 4},
        'spm:place_projects': {'TABLE': os.path.join(sample_dir, 'projects.csv'), 'CODE_FIELD': 'project_code',
                               'X_FIELD': 'lon', 'Y_FIELD': 'lat', 'SOURCE_CRS': 'EPSG:4490',
                               'ADMIN': layer('townships'), 'ADMIN_CODE_FIELD': 'code'},
        'spm:landuse_carbon': {'LANDUSE': layer('landuse_current'), 'LANDUSE_FIELD': 'DLBM',
                               'DISTRICTS': layer('districts'), 'DISTRICT_FIELD': 'adcode'},
        'spm:energy_carbon': {'TABLE': layer('energy_use'), 'DISTRICT_FIELD': 'adcode', 'FUEL_FIELD': 'fuel',
                              'AMOUNT_FIELD': 'amount', 'UNIT_FIELD': 'unit', 'YEAR_FIELD': 'year',
                              'GRID_FACTOR': 0.4092},
        'spm:building_carbon': {'BUILDINGS': layer('buildings'), 'USE_FIELD': 'use',
                                'FLOORS_FIELD': 'floors', 'GRID_FACTOR': 0.4092, 'GRID_SIZE': 500},
        'spm:evaluate_sensor_coverage': dict(risk, SENSORS=layer('sensors_existing'),
                                             SENSOR_RADIUS_FIELD='radius', DISTANCE='EUCLIDEAN'),
        'spm:plan_sensors': dict(risk, EXISTING=layer('sensors_existing'), EXISTING_RADIUS_FIELD='radius',
                                 MODEL='MCLP', P=10, SPACING=300, TIME_LIMIT=10),
        'spm:link_codes': {'ENTITIES': layer('buildings'), 'ENTITY_TYPE': 'building', 'ENTITY_KEY_FIELD': 'BSM',
                           'CITY_REGISTER': os.path.join(out, 'city_register.gpkg'), 'REGION': '350300',
                           'REGISTER': os.path.join(sample_dir, 'bdc_buildings.csv'), 'CODE_FIELD': '不动产单元号',
                           'CODE_TYPE': 'real_estate_unit', 'MATCH': 'key', 'KEY_FIELD': '房屋标识码',
                           'KEY_TYPE': 'building_id'},
        'spm:downscale_emissions': {'REGIONS': layer('districts'), 'TOTAL_FIELD': 'population',
                                    'PROXIES': [layer('buildings')], 'PIXEL_SIZE': 500},
        'spm:vital_signs': {'READINGS': os.path.join(sample_dir, 'vital_readings.csv.gz'),
                            'SENSORS': layer('sensors_existing'), 'DISTRICTS': layer('districts'),
                            'DISTRICT_FIELD': 'name'},
        'spm:life_circle': {'RESIDENTIAL': layer('buildings'), 'POPULATION_FIELD': 'population',
                            'FACILITIES': layer('facilities'), 'KIND_FIELD': 'kind', 'PARKS': layer('parks'),
                            'ROADS': layer('roads'), 'FOOTPATHS': layer('footpaths'),
                            'DISTRICTS': layer('districts'), 'DISTRICT_FIELD': 'adcode'},
    }[alg]


def outputs(alg, out):
    """Every output of ``alg`` as a file in the folder ``out``."""
    return {name: os.path.join(out, file) for name, file in OUTPUTS[alg].items()}


def params(alg, gpkg, out, sample_dir):
    return dict(inputs(alg, gpkg, out, sample_dir), **outputs(alg, out))


@pytest.fixture(scope='module')
def city(tmp_path_factory, sample_gpkg):
    """A private copy of the sample city (tests aim outputs at it) and the sample folder; a test
    module uses it with ``from runs import city``."""
    folder = tmp_path_factory.mktemp('city')
    copy = folder / 'putian.gpkg'
    shutil.copy(sample_gpkg, copy)
    return str(copy), os.path.dirname(sample_gpkg)
