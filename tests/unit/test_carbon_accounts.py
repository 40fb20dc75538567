"""Carbon accounts (core): coefficient tables, land-use parcels, fuels and buildings by hand."""

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from spatial_planning_monitor.core.carbon import building, classes, energy, landuse, tables
from spatial_planning_monitor.core.errors import InputError

CRS = 'EPSG:4528'


# --- tables ------------------------------------------------------------------------------------

def test_guangdong_table_matches_the_paper_with_sink_sign_flipped():
    coef = tables.landuse_coefficients()
    # 吕国玮 et al. 2023 表7, 广东省: 林地 3.9, 湿地 0.6, 耕地 −0.1, 草地 0.2, 建设用地 −0.6 (+ = sink)
    assert coef['03'] == -3.9 and coef['05'] == -0.6 and coef['01'] == 0.1
    assert coef['04'] == -0.2 and coef['07'] == 0.6 and coef['12'] == 0.6
    assert len(coef) == 24 and coef['24'] == 0.0


def test_classic_table_is_converted_from_carbon_to_co2():
    coef = tables.landuse_coefficients(tables.table_path(tables.LANDUSE_CLASSIC))
    assert coef['01'] == pytest.approx(0.422 * 44 / 12, abs=1e-6)
    assert coef['03'] == pytest.approx(-0.581 * 44 / 12, abs=1e-6)


def test_a_user_table_in_carbon_units_is_accepted():
    user = pd.DataFrame({'code': ['1', '3'], 'net_t_c_per_ha_a': ['1.2', '-3']})
    coef = tables.landuse_coefficients(user)
    assert coef == {'01': pytest.approx(4.4), '03': pytest.approx(-11.0)}


def test_fuel_factors_give_co2_per_unit():
    factors = tables.fuel_factors()
    assert factors.at['原煤', 'co2_t_per_unit'] == pytest.approx(0.7143 * 0.7559 * 44 / 12)
    # natural gas per 万m³ agrees with IPCC 2006's 56.1 t CO2/TJ at 38.931 MJ/m³ within 0.2 %
    assert factors.at['天然气', 'co2_t_per_unit'] == pytest.approx(56.1e-3 * 389.31, rel=2e-3)
    assert factors.at['电力', 'method'] == 'grid'


def test_diesel_and_the_added_fuels_reproduce_ipcc_carbon_content():
    factors = tables.fuel_factors()
    assert factors.at['柴油', 'carbon_t_c_per_tce'] == 0.5921          # 黄和平 & 王丽影 2017 (was 0.5912)
    assert 20.2 * 29.3076 / 1000 == pytest.approx(0.5921, abs=1.5e-4)   # IPCC gas/diesel oil 20.2 kg C/GJ
    # IPCC 2006 Vol.2 Table 1.3 default carbon content (kg C/GJ) × 29.3076 GJ/t ce, and the GB/T 2589
    # standard-coal coefficients (kgce/kg)
    for fuel, carbon, sce in (('原油', 20.0, 1.4286), ('煤油', 19.5, 1.4714), ('液化石油气', 17.2, 1.7143)):
        assert factors.at[fuel, 'carbon_t_c_per_tce'] == round(carbon * 29.3076 / 1000, 4), fuel
        assert factors.at[fuel, 'sce_t_per_unit'] == sce and factors.at[fuel, 'unit'] == 't'
    assert factors.at['热力', 'method'] == 'direct' and factors.at['热力', 'unit'] == 'GJ'
    assert factors.at['热力', 'co2_t_per_unit'] == 0.11


def test_heat_is_counted_with_its_own_factor():
    table = _energy([('350302', 2022, '热力', 2, '万GJ'),       # 20 000 GJ × 0.11 = 2200 t
                     ('350302', 2022, '原油', 100, 't')])       # 100 × 1.4286 × 0.5862 × 44/12
    by_fuel, totals = energy.energy_carbon(table, 'adcode', 'fuel', 'amount', 'unit', 'year')
    co2 = by_fuel.set_index('FUEL')['CO2_T']
    assert co2['热力'] == pytest.approx(2200) and co2['原油'] == pytest.approx(100 * 1.4286 * 0.5862 * 44 / 12)
    assert totals['HEAT_T'].iloc[0] == pytest.approx(2200) and totals['ELEC_T'].iloc[0] == 0


def test_grid_factor_is_the_provinces_from_the_district_code():
    assert tables.province_grid_factor('350302')[:1] + tables.province_grid_factor('350302')[2:] == \
        (0.4092, 'province')                                         # 福建 2022
    assert tables.province_grid_factor(440305)[0] == 0.4403           # 广东 2022
    assert tables.province_grid_factor('540102')[0::2] == (0.5366, 'national')   # 西藏: no factor
    table = _energy([('350302', 2022, '电力', 1000, 'MWh'), ('540102', 2022, '电力', 1000, 'MWh'),
                     ('ABC', 2022, '电力', 1000, 'MWh')])
    report = {}
    _by_fuel, totals = energy.energy_carbon(table, 'adcode', 'fuel', 'amount', 'unit', 'year', report=report)
    co2 = totals.set_index('DIST')['CO2_T']
    assert co2['350302'] == pytest.approx(409.2) and co2['540102'] == pytest.approx(536.6)
    assert co2['ABC'] == pytest.approx(536.6)
    assert report['grid']['350302'][2] == 'province' and report['grid']['ABC'][2] == 'national'
    # a factor given wins everywhere
    _by_fuel, totals = energy.energy_carbon(table, 'adcode', 'fuel', 'amount', 'unit', 'year', grid_factor=0.5)
    assert list(totals['CO2_T']) == pytest.approx([500, 500, 500])


def test_buildings_take_the_provinces_grid_factor():
    blds = gpd.GeoDataFrame({'use': ['仓储'], 'floors': [1]}, geometry=[box(0, 0, 100, 100)], crs=CRS)
    out, report = building.building_carbon(blds, 'use', floors_field='floors', region_code='350305')
    assert report['grid_choice'] == 'province' and report['grid_factor'] == 0.4092
    assert out['CO2_T'].iloc[0] == pytest.approx(10000 * 40 / 1000 * 0.4092)     # 仓储: electricity only
    _out, report = building.building_carbon(blds, 'use', floors_field='floors')
    assert report['grid_choice'] == 'national' and report['grid_factor'] == 0.5366


def test_power_plant_fuel_and_electricity_in_one_district_are_flagged():
    table = pd.DataFrame({'adcode': ['350305', '350305', '350305', '350302', '350302'],
                          'fuel': ['原煤', '原煤', '电力', '原煤', '电力'],
                          'sector': ['火力发电', '工业', '', '工业', ''],
                          'year': [2022] * 5})
    found = energy.double_counting(table, 'adcode', 'fuel', 'sector', 'year')
    assert found == [('350305', 2022, ['原煤'])]


def test_default_grid_factor_is_the_2022_national_one():
    value, label = tables.default_grid_factor()
    assert value == 0.5366 and '2022' in label


def test_bad_table_names_the_row_and_column():
    with pytest.raises(InputError, match=r'row 2: column eui_kwh_per_m2_a.*“abc”'):
        tables.building_intensities(pd.DataFrame({'use': ['a', 'b'], 'eui_kwh_per_m2_a': ['1', 'abc']}))
    with pytest.raises(InputError, match='appears twice'):
        tables.building_intensities(pd.DataFrame({'use': ['a', 'a'], 'eui_kwh_per_m2_a': ['1', '2']}))


# --- land-use classes and parcels ----------------------------------------------------------------

def test_sandiao_codes_map_to_level1_classes():
    level1, scheme = classes.level1_classes(['0101', '0301', '0303', '0201K', '1006', '08H2', 'XX', None])
    assert list(level1) == ['01', '03', '05', '02', '06', '08', None, None] and scheme == 'current'
    plan, _ = classes.level1_classes(['0101', '060101', '99'], scheme='plan')
    assert list(plan) == ['01', '06', None]


def _parcels(codes, sizes):
    geoms = [box(i * 1000, 0, i * 1000 + w, h) for i, (w, h) in enumerate(sizes)]
    return gpd.GeoDataFrame({'DLBM': codes}, geometry=geoms, crs=CRS)


def test_landuse_parcels_by_hand():
    # 林地 200 m × 100 m = 2 ha → sink 2 × 3.9 = 7.8; 城镇住宅 100 × 100 = 1 ha → emission 0.6;
    # 水田 300 × 100 = 3 ha → emission 3 × 0.1 = 0.3
    parcels = _parcels(['0301', '0701', '0101'], [(200, 100), (100, 100), (300, 100)])
    out, summary, report = landuse.landuse_carbon(parcels, 'DLBM')
    assert list(out['AREA_HA']) == pytest.approx([2, 1, 3])
    assert list(out['SINK_T']) == pytest.approx([7.8, 0, 0])
    assert list(out['EMIS_T']) == pytest.approx([0, 0.6, 0.3])
    assert list(out['NET_T']) == pytest.approx([-7.8, 0.6, 0.3])
    total = summary[summary['LU1'] == landuse.TOTAL_CLASS].iloc[0]
    assert total['NET_T'] == pytest.approx(-6.9) and total['AREA_HA'] == pytest.approx(6)
    assert report['unknown_features'] == 0
    assert 'LU1' not in parcels.columns  # input untouched


def test_landuse_summary_by_district_uses_the_largest_overlap():
    parcels = _parcels(['0301', '0301'], [(200, 100), (200, 100)])   # x 0–200 and 1000–1200
    districts = gpd.GeoDataFrame({'adcode': ['A', 'B']},
                                 geometry=[box(-10, -10, 1050, 200), box(1050, -10, 3000, 200)], crs=CRS)
    out, summary, _ = landuse.landuse_carbon(parcels, 'DLBM', districts=districts, district_field='adcode')
    assert list(out['DIST']) == ['A', 'B']          # second parcel: 50 m in A, 150 m in B
    by_dist = summary[summary['LU1'] == landuse.TOTAL_CLASS].set_index('DIST')['SINK_T']
    assert by_dist.to_dict() == pytest.approx({'A': 7.8, 'B': 7.8})


def test_unknown_land_use_codes_are_reported_with_counts_or_defaulted():
    parcels = _parcels(['0301', 'ZZ', 'ZZ', None], [(100, 100)] * 4)
    with pytest.raises(InputError, match=r'3 feature\(s\).*ZZ \(2\)'):
        landuse.landuse_carbon(parcels, 'DLBM')
    out, _summary, report = landuse.landuse_carbon(parcels, 'DLBM', default_class='23')
    assert report['unknown_features'] == 3 and report['unknown_codes'] == {'ZZ': 2, '': 1}
    assert list(out['UNKNOWN']) == [0, 1, 1, 1]
    assert list(out['LU1']) == ['03', '23', '23', '23']


# --- energy ---------------------------------------------------------------------------------------

def _energy(rows):
    return pd.DataFrame(rows, columns=['adcode', 'year', 'fuel', 'amount', 'unit'])


def test_fuels_by_hand():
    table = _energy([
        ('350302', 2022, '原煤', 1000, 't'),        # 1000 × 0.7143 × 0.7559 × 44/12 = 1979.77769
        ('350302', 2022, '天然气', 2, '万m³'),      # 2 × 13.3 × 0.4483 × 44/12 = 43.72419
        ('350302', 2022, '电力', 5000, 'MWh'),      # 5000 × 0.5 = 2500
        ('350303', 2022, '汽油', 500000, 'kg'),     # 500 t × 1.4714 × 0.5538 × 44/12 = 1493.91242
    ])
    by_fuel, totals = energy.energy_carbon(table, 'adcode', 'fuel', 'amount', 'unit', 'year',
                                           grid_factor=0.5)
    co2 = by_fuel.set_index(['DIST', 'FUEL'])['CO2_T']
    assert co2[('350302', '原煤')] == pytest.approx(1000 * 0.7143 * 0.7559 * 44 / 12)
    assert co2[('350302', '原煤')] == pytest.approx(1979.77769, abs=1e-4)
    assert co2[('350302', '天然气')] == pytest.approx(43.72419, abs=1e-4)
    assert co2[('350302', '电力')] == pytest.approx(2500)
    assert co2[('350303', '汽油')] == pytest.approx(1493.91242, abs=1e-4)
    row = totals.set_index('DIST').loc['350302']
    assert row['CO2_T'] == pytest.approx(1979.77769 + 43.72419 + 2500, abs=1e-3)
    assert row['ELEC_T'] == pytest.approx(2500)
    assert by_fuel.set_index(['DIST', 'FUEL']).loc[('350303', '汽油'), 'AMOUNT'] == 500


def test_negative_missing_and_unknown_consumption_are_refused_with_rows():
    table = _energy([('1', 2022, '原煤', -5, 't'), ('1', 2022, '柴油', None, 't'),
                     ('1', 2022, '木柴', 3, 't'), ('1', 2022, '电力', 3, '万m³')])
    with pytest.raises(InputError) as caught:
        energy.energy_carbon(table, 'adcode', 'fuel', 'amount', 'unit', 'year')
    message = str(caught.value)
    assert '4 problem(s)' in message and 'row 1' in message and 'negative' in message
    assert 'row 2' in message and 'missing' in message and '木柴 (1)' in message
    assert 'row 4' in message and 'cannot be converted to MWh' in message


# --- buildings ------------------------------------------------------------------------------------

def test_buildings_by_hand():
    blds = gpd.GeoDataFrame({'use': ['住宅', '办公'], 'floors': [10, 5]},
                            geometry=[box(0, 0, 20, 10), box(100, 0, 130, 20)], crs=CRS)
    out, report = building.building_carbon(blds, 'use', floors_field='floors', grid_factor=0.5)
    # each carrier × its own factor (gas = IPCC 56.1 t CO₂/TJ × 3.6 = 0.20196 t CO₂/MWh):
    # 住宅 2000 m² × (24 kWh electricity, 6 kWh gas): 48 MWh × 0.5 + 12 MWh × 0.20196 = 26.42352 t
    # 办公 3000 m² × (76, 4): 228 MWh × 0.5 + 12 MWh × 0.20196 = 116.42352 t
    assert list(out['FLOOR_M2']) == pytest.approx([2000, 3000])
    assert list(out['ELEC_MWH']) == pytest.approx([48, 228]) and list(out['GAS_MWH']) == pytest.approx([12, 12])
    assert list(out['ENERGY_MWH']) == pytest.approx([60, 240])
    assert list(out['CO2_T']) == pytest.approx([26.42352, 116.42352])
    grid = building.grid_sums(out, 100)
    assert grid['CO2_T'].sum() == pytest.approx(142.84704) and sorted(grid['N_BLDG']) == [1, 1]
    assert report['unknown_features'] == 0


def test_unknown_building_uses_are_counted_and_defaulted():
    blds = gpd.GeoDataFrame({'use': ['住宅', '宗教', '宗教'], 'floors': [1, 1, 1]},
                            geometry=[box(0, 0, 10, 10)] * 3, crs=CRS)
    with pytest.raises(InputError, match=r'宗教 \(2\)'):
        building.building_carbon(blds, 'use', floors_field='floors')
    out, report = building.building_carbon(blds, 'use', floors_field='floors', default_use='公共服务')
    assert report['unknown_uses'] == {'宗教': 2} and list(out['EUI']) == [30, 70, 70]


def test_missing_floors_are_refused():
    blds = gpd.GeoDataFrame({'use': ['住宅'], 'floors': [None]}, geometry=[box(0, 0, 10, 10)], crs=CRS)
    with pytest.raises(InputError, match='floors: 1 building'):
        building.building_carbon(blds, 'use', floors_field='floors')


def test_absurd_building_grid_is_refused():
    blds = gpd.GeoDataFrame({'FLOOR_M2': [1.0, 1.0], 'CO2_T': [1.0, 1.0]},
                            geometry=[box(0, 0, 1, 1), box(99999, 99999, 100000, 100000)], crs=CRS)
    with pytest.raises(InputError, match='would make 100000 × 100000'):
        building.grid_sums(blds, 1)


def test_non_finite_coefficients_and_overflowing_amounts_stop_naming_the_row(tmp_path):
    path = tmp_path / 'eui.csv'
    path.write_text('use,eui_kwh_per_m2_a\n住宅,30\n办公,inf\n', encoding='gbk')
    with pytest.raises(InputError, match=r'eui.csv”, row 3, column eui_kwh_per_m2_a: “inf” is not a finite'):
        tables.building_intensities(str(path))
    table = pd.DataFrame({'adcode': ['1', '1'], 'fuel': ['原煤', '原煤'], 'amount': ['1e308', '1'],
                          'unit': ['t', 't']})
    with pytest.raises(InputError, match=r'row 1 \(1 / 原煤\): amount 1e\+308 t gives more CO₂'):
        energy.energy_carbon(table, 'adcode', 'fuel', 'amount', 'unit', table_name='energy')
    table['amount'] = '1e307'
    table = pd.concat([table] * 5, ignore_index=True)
    with pytest.raises(InputError, match='add up beyond the largest number'):
        energy.energy_carbon(table, 'adcode', 'fuel', 'amount', 'unit', table_name='energy')
