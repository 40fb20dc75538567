"""The sample city sample/putian.gpkg keeps its contract (layer and field names, CRS, the five real
districts, tilings, codes, violations), and sample/make_sample.py reproduces it.

Read with fiona/geopandas only (no QGIS)."""

import json
import subprocess
import sys
from pathlib import Path

import fiona
import geopandas as gpd
import numpy as np
import pytest
from pyproj import Transformer
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from shapely.geometry import shape
from shapely.ops import transform, unary_union

from spatial_planning_monitor.core.landuse import conformance, inputs, tables

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / 'sample' / 'putian.gpkg'
GENERATOR = ROOT / 'sample' / 'make_sample.py'
BOUNDARIES = ROOT / 'sample' / 'boundaries'

DISTRICTS = {'350302': '城厢区', '350303': '涵江区', '350304': '荔城区', '350305': '秀屿区',
             '350322': '仙游县'}
GEOMETRY = {
    'districts': 'MultiPolygon', 'townships': 'MultiPolygon', 'landuse_current': 'MultiPolygon',
    'landuse_previous': 'MultiPolygon', 'landuse_plan': 'MultiPolygon',
    'eco_redline': 'MultiPolygon', 'farmland': 'MultiPolygon', 'dev_boundary': 'MultiPolygon',
    'buildings': 'Polygon', 'roads': 'LineString', 'risk_points': 'Point',
    'sensors_existing': 'Point', 'facilities': 'Point', 'parks': 'Polygon', 'footpaths': 'LineString',
    'address_points': 'Point',
}
FIELDS = {
    'districts': {'adcode', 'name', 'population', 'urban_population'},
    'townships': {'code', 'name', 'adcode'},
    'landuse_current': {'DLBM', 'DLMC', 'district', 'BSM', 'year'},
    'landuse_previous': {'DLBM', 'DLMC', 'district', 'BSM', 'year'},
    'landuse_plan': {'YDYHFLDM', 'YDYHFLMC', 'district'},
    'eco_redline': {'name', 'code'},
    'farmland': {'code'},
    'dev_boundary': {'name'},
    'buildings': {'floors', 'use', 'height', 'year', 'BSM', 'population'},
    'roads': {'class', 'name', 'width'},
    'risk_points': {'kind', 'weight', 'name', 'district'},
    'sensors_existing': {'kind', 'radius'},
    'facilities': {'kind', 'name'},
    'parks': {'kind', 'name', 'area_m2'},
    'footpaths': {'class', 'name'},
    'address_points': {'address', 'building_bsm'},
    'district_stats': {'adcode', 'name', 'year', 'population', 'urban_population', 'gdp'},
    'energy_use': {'adcode', 'district', 'year', 'fuel', 'amount', 'unit'},
}
RISK_KINDS = {'管道泄漏爆管风险点', '道路边坡风险点', '地质灾害易发点', '防洪排涝关键节点', '易涝积水点',
              '城市桥梁隧道'}
BUILDING_USES = {'住宅', '商业', '办公', '工业', '公共服务', '仓储'}
ROAD_CLASSES = {'主干路', '次干路', '支路', '公路'}
FUEL_UNITS = {'原煤': 't', '焦炭': 't', '汽油': 't', '柴油': 't', '燃料油': 't', '天然气': '万m³',
              '电力': 'MWh'}
TOL = 1e-6   # relative area tolerance of the tilings


@pytest.fixture(scope='module')
def layer():
    assert SAMPLE.exists(), 'run /usr/bin/python3 sample/make_sample.py'
    cache = {}

    def read(name):
        if name not in cache:
            cache[name] = gpd.read_file(SAMPLE, layer=name)
        return cache[name]
    return read


@pytest.fixture(scope='module')
def district_area(layer):
    d = layer('districts')
    return dict(zip(d['adcode'], d.geometry.area))


@pytest.fixture(scope='module')
def construction(layer):
    """The current parcels that are 建设用地 (by the plugin's 三调 table)."""
    current = layer('landuse_current')
    return current[tables.is_construction(current['DLBM'].to_numpy(), scheme='current')]


# --- names, CRS, geometry types -----------------------------------------------------------------

def test_layers_and_tables_are_exactly_the_contract():
    assert set(fiona.listlayers(SAMPLE)) == set(FIELDS)


@pytest.mark.parametrize('name', sorted(FIELDS))
def test_fields_are_present(layer, name):
    assert FIELDS[name] <= set(layer(name).columns)


@pytest.mark.parametrize('name', sorted(GEOMETRY))
def test_layers_are_in_epsg_4528_with_zone_prefixed_eastings(layer, name):
    frame = layer(name)
    assert frame.crs.to_epsg() == 4528
    assert set(frame.geom_type) == {GEOMETRY[name]}
    x0, y0, x1, y1 = frame.total_bounds
    assert 40_340_000 < x0 < x1 < 40_470_000      # zone 40 prefix; Putian is 118.4-119.7 E
    assert 2_760_000 < y0 < y1 < 2_860_000        # 24.9-25.8 N
    assert frame.geometry.is_valid.all()


# --- districts ----------------------------------------------------------------------------------

def test_the_five_real_districts_are_the_source_boundaries_reprojected(layer):
    districts = layer('districts')
    assert dict(zip(districts['adcode'], districts['name'])) == DISTRICTS
    to_xy = Transformer.from_crs('EPSG:4490', 'EPSG:4528', always_xy=True).transform
    for adcode, geom in zip(districts['adcode'], districts.geometry):
        with open(BOUNDARIES / f'{adcode}.geojson', encoding='utf-8') as handle:
            source = transform(to_xy, shape(json.load(handle)))
        assert geom.symmetric_difference(source).area < TOL * source.area
    total = districts.geometry.area.sum() / 1e6
    assert 3_800 < total < 4_300                   # Putian's land area is about 4,100 km²
    assert unary_union(list(districts.geometry)).area == pytest.approx(total * 1e6, rel=TOL)


def test_district_population_is_realistic(layer):
    districts = layer('districts')
    assert 3.0e6 < districts['population'].sum() < 3.5e6       # about 3.2 million residents
    assert (districts['urban_population'] < districts['population']).all()
    assert (districts['urban_population'] > 0.3 * districts['population']).all()


# --- tilings ------------------------------------------------------------------------------------

@pytest.mark.parametrize('name,field', [('landuse_current', 'district'),
                                        ('landuse_previous', 'district'),
                                        ('landuse_plan', 'district'),
                                        ('townships', 'adcode')])
def test_layer_tiles_every_district_without_gaps_or_overlaps(layer, district_area, name, field):
    frame = layer(name)
    districts = layer('districts').set_index('adcode')
    for adcode, area in district_area.items():
        part = frame[frame[field] == adcode]
        union = unary_union(list(part.geometry))
        assert part.geometry.area.sum() == pytest.approx(area, rel=TOL)   # no overlaps ...
        assert union.area == pytest.approx(area, rel=TOL)                  # ... and no gaps
        assert union.symmetric_difference(districts.geometry[adcode]).area < TOL * area


def test_parcel_counts_and_sizes(layer):
    current = layer('landuse_current')
    assert 9_000 <= len(current) <= 30_000
    assert current['BSM'].is_unique
    area = current.geometry.area
    roads = current['DLBM'].isin(['1001', '1003', '1004', '1006'])
    assert area[~roads].median() < 30e4            # most land parcels are below 30 ha ...
    assert area.max() < 20e6                       # ... and none is absurd


# --- codes --------------------------------------------------------------------------------------

@pytest.mark.parametrize('name,year', [('landuse_current', 2023), ('landuse_previous', 2020)])
def test_current_use_codes_and_names_come_from_the_sandiao_table(layer, name, year):
    frame = layer(name)
    table = tables.load_current_classes()
    codes = frame['DLBM'].to_numpy()
    assert table.known(codes).all()
    assert list(frame['DLMC']) == list(table.names(codes))
    assert set(frame['year']) == {year}
    used = set(codes)
    assert {'0101', '0201', '0301', '0701', '0702', '0601', '1004', '1101', '1103',
            '1104A', '0201K'} <= used


def test_plan_codes_and_names_come_from_the_2023_table(layer):
    plan = layer('landuse_plan')
    table = tables.load_plan_classes()
    codes = plan['YDYHFLDM'].to_numpy()
    assert table.known(codes).all()
    assert list(plan['YDYHFLMC']) == list(table.names(codes))
    assert 3_000 <= len(plan) <= 6_000
    assert {'0101', '0301', '0701', '0703', '1001', '1207', '1401', '1701'} <= set(codes)


def test_townships_have_codes_prefixed_by_their_district(layer):
    towns = layer('townships')
    assert towns['code'].is_unique
    for code, adcode, name in zip(towns['code'], towns['adcode'], towns['name']):
        assert len(code) == 9 and code.isdigit() and code.startswith(adcode)
        suffix = int(code[6:])
        kind = '街道' if suffix < 100 else ('镇' if suffix < 200 else '乡')
        assert name.endswith(kind)
    per_district = towns.groupby('adcode').size()
    assert set(per_district.index) == set(DISTRICTS)
    assert per_district.between(5, 12).all()


def test_parcels_name_the_township_that_holds_them(layer):
    current, towns = layer('landuse_current'), layer('townships')
    assert set(current['ZLDWDM']) <= set(towns['code'])
    assert all(z.startswith(d) for z, d in zip(current['ZLDWDM'], current['district']))
    points = current.geometry.representative_point()
    joined = gpd.sjoin(gpd.GeoDataFrame(geometry=points, crs=current.crs), towns, how='left',
                       predicate='within')
    assert (joined['code'].to_numpy() == current['ZLDWDM'].to_numpy()).all()


# --- change, plan, control lines ----------------------------------------------------------------

def test_previous_survey_differs_by_a_few_percent(layer):
    current, previous = layer('landuse_current'), layer('landuse_previous')
    new = ~current['BSM'].isin(set(previous['BSM']))
    share = current.geometry.area[new].sum() / current.geometry.area.sum()
    assert 0.01 < share < 0.06
    kept = current[~new].merge(previous[['BSM', 'DLBM']], on='BSM', suffixes=('', '_2020'))
    assert (kept['DLBM'] == kept['DLBM_2020']).all()      # unchanged parcels keep code and BSM
    built = tables.is_construction(current['DLBM'].to_numpy(), scheme='current')
    assert (new & built).sum() > 50                        # fields built over since 2020


def test_plan_mostly_conforms_with_realistic_non_conformance(layer):
    current, plan = layer('landuse_current'), layer('landuse_plan')
    pieces, _ = conformance.evaluate(inputs.land_use(current, 'DLBM', 'current'),
                                     inputs.land_use(plan, 'YDYHFLDM', 'plan'), crs=current.crs)
    share = pieces.groupby('STATUS')['AREA_M2'].sum() / pieces['AREA_M2'].sum()
    assert 0.05 <= 1 - share['符合'] <= 0.15
    assert share['不符合'] > 0.002
    # Non-conformance concentrates at the urban fringe: more of it within 2 km of the
    # development boundary than in the rest of the city, which is far larger.
    dev = unary_union(list(layer('dev_boundary').geometry))
    odd = pieces[pieces['STATUS'] != '符合']
    near = odd.geometry.representative_point().distance(dev) < 2000
    assert odd['AREA_M2'][near].sum() > odd['AREA_M2'][~near].sum()


def test_control_lines_do_not_overlap(layer):
    lines = {name: unary_union(list(layer(name).geometry))
             for name in ('eco_redline', 'farmland', 'dev_boundary')}
    for a, b in (('eco_redline', 'farmland'), ('eco_redline', 'dev_boundary'),
                 ('farmland', 'dev_boundary')):
        assert lines[a].intersection(lines[b]).area < 1.0


def inside(parcels, zones):
    """Which parcels have their representative point inside one of ``zones``' features."""
    points = gpd.GeoDataFrame(geometry=parcels.geometry.representative_point().values,
                              crs=parcels.crs)
    hits = gpd.sjoin(points, zones[['geometry']], predicate='within')
    return np.isin(np.arange(len(parcels)), hits.index.unique())


@pytest.mark.parametrize('line', ['eco_redline', 'farmland'])
def test_some_construction_lies_inside_the_protected_lines(layer, construction, line):
    count = inside(construction, layer(line)).sum()
    assert 5 <= count <= 0.05 * len(construction)


def test_some_new_construction_lies_outside_the_development_boundary(layer, construction):
    previous = layer('landuse_previous')
    new = construction[~construction['BSM'].isin(set(previous['BSM']))]
    outside = ~inside(new, layer('dev_boundary'))
    assert 5 <= outside.sum() < 0.5 * len(new)


# --- buildings, roads, points -------------------------------------------------------------------

def test_buildings_stand_on_construction_land_and_never_overlap(layer, construction):
    buildings = layer('buildings')
    assert len(buildings) >= 5_000
    assert set(buildings['use']) == BUILDING_USES
    assert buildings['BSM'].is_unique
    assert (buildings['floors'] >= 1).all()
    assert (abs(buildings['height'] - 3 * buildings['floors']) <= 3).all()
    assert buildings['year'].between(1970, 2023).all()
    # each footprint is covered by construction parcels (one, or two adjacent ones)
    b, c = construction.sindex.query_bulk(buildings.geometry, predicate='intersects')
    covered = np.zeros(len(buildings))
    for i, j in zip(b, c):
        covered[i] += buildings.geometry.iat[i].intersection(construction.geometry.iat[j]).area
    assert np.allclose(covered, buildings.geometry.area, rtol=1e-6)
    left, right = buildings.sindex.query_bulk(buildings.geometry, predicate='intersects')
    assert (left == right).all()


def test_about_one_percent_of_buildings_straddle_a_township_boundary(layer):
    buildings, towns = layer('buildings'), layer('townships')
    hits = gpd.sjoin(buildings, towns[['code', 'geometry']], predicate='intersects')
    share = (hits.groupby(level=0).size() > 1).mean()
    assert 0.003 <= share <= 0.03


def test_roads_are_noded_at_their_intersections(layer):
    roads = layer('roads')
    assert set(roads['class']) == ROAD_CLASSES
    assert (roads['width'] > 0).all()
    ends = [(line.coords[0], line.coords[-1]) for line in roads.geometry]
    left, right = roads.sindex.query_bulk(roads.geometry, predicate='intersects')
    for i, j in zip(left, right):
        if i < j:
            shared = roads.geometry.iat[i].intersection(roads.geometry.iat[j])
            assert shared.geom_type == 'Point', (i, j, shared.wkt)
            assert shared.coords[0] in ends[i] and shared.coords[0] in ends[j]
    # the network is mostly one piece: 90 % of the length is in the largest component
    nodes = {}
    edges = np.array([[nodes.setdefault(a, len(nodes)), nodes.setdefault(b, len(nodes))]
                      for a, b in ends])
    graph = coo_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])),
                       shape=(len(nodes), len(nodes)))
    _, label = connected_components(graph, directed=False)
    component = label[edges[:, 0]]
    length = roads.geometry.length.to_numpy()
    biggest = np.bincount(component, weights=length).argmax()
    assert length[component == biggest].sum() > 0.9 * length.sum()


def test_risk_points_have_the_six_kinds_placed_in_their_district(layer):
    points, districts = layer('risk_points'), layer('districts')
    assert set(points['kind']) == RISK_KINDS
    assert 600 <= len(points) <= 1_500
    assert points['weight'].between(1, 5).all()
    joined = gpd.sjoin(points, districts[['adcode', 'geometry']], predicate='within')
    assert len(joined) >= 0.98 * len(points)
    assert (joined['district'] == joined['adcode']).mean() > 0.98
    sensors = layer('sensors_existing')
    assert 20 <= len(sensors) <= 80 and (sensors['radius'] > 0).all()


# --- tables -------------------------------------------------------------------------------------

def test_district_stats_and_energy_use(layer):
    stats, energy = layer('district_stats'), layer('energy_use')
    assert set(stats['adcode']) == set(DISTRICTS)
    assert sorted(set(stats['year'])) == [2020, 2021, 2022, 2023]
    assert len(stats) == 20
    assert 3.0e6 < stats[stats['year'] == 2020]['population'].sum() < 3.5e6
    assert 2_000 < stats[stats['year'] == 2023]['gdp'].sum() < 4_500          # 亿元
    assert dict(zip(energy['fuel'], energy['unit'])) == FUEL_UNITS
    assert len(energy) == 5 * 4 * len(FUEL_UNITS) and (energy['amount'] > 0).all()
    power = energy[(energy['fuel'] == '电力') & (energy['year'] == 2023)]['amount'].sum()
    assert 5e6 < power < 4e7                                                  # MWh, 3.2 million people


# --- reproducibility ----------------------------------------------------------------------------

def test_generator_reproduces_the_committed_sample(tmp_path):
    out = tmp_path / 'again.gpkg'
    subprocess.run(['/usr/bin/python3', str(GENERATOR), '--out', str(out), '--quiet'],
                   check=True, timeout=900)
    assert set(fiona.listlayers(out)) == set(fiona.listlayers(SAMPLE))
    for name in fiona.listlayers(SAMPLE):
        old, new = gpd.read_file(SAMPLE, layer=name), gpd.read_file(out, layer=name)
        assert list(old.columns) == list(new.columns), name
        assert len(old) == len(new), name
        attributes = [c for c in old.columns if c != 'geometry']
        assert old[attributes].equals(new[attributes]), name
        if 'geometry' in old and old.geometry.notna().any():
            assert all(a.wkb == b.wkb for a, b in zip(old.geometry, new.geometry)), name


if __name__ == '__main__':
    sys.exit(pytest.main([__file__, '-q']))
