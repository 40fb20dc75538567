"""Hand-computable indicator values for two square districts with known parcels.

The city is tests/indicator_city.py: district A = [0,1000]² (1 km²), B = [1000,2000]×[0,1000].
Every expected value below is worked out in the comments from the rectangles, not from the code.
"""

import math

import pandas as pd
import pytest

import indicator_city

from spatial_planning_monitor.core.indicators import (
    Inputs, MeasureTable, evaluate, load_definitions, previous_values)
from spatial_planning_monitor.core.indicators.definitions import parse_row


@pytest.fixture
def city():
    return indicator_city.inputs()


def test_measures_by_hand(city):
    table = MeasureTable(city)
    m = table.compute(['district_area', 'construction_area', 'urban_construction_area',
                       'village_construction_area', 'forest_area', 'cultivated_area', 'farmland_area',
                       'redline_area', 'redline_construction_area', 'farmland_construction_area',
                       'boundary_area', 'boundary_construction_area', 'building_footprint_area',
                       'urban_building_footprint_area', 'road_length', 'urban_road_length',
                       'risk_points', 'flood_points', 'covered_risk_points', 'rural_population'])
    expected = {
        'district_area': [1e6, 1e6],
        'construction_area': [210000, 460000],
        'urban_construction_area': [210000, 450000],   # no 城镇村属性码: inside the boundary
        'village_construction_area': [0, 10000],       # the 0601 strip east of x=1000
        'forest_area': [200000, 0],
        'cultivated_area': [600000, 0],
        'farmland_area': [600000 + 100 * 100, 0],      # [0,100]×[300,400] adds 10 000 outside 0101
        'redline_area': [200000, 0],
        'redline_construction_area': [80000, 0],       # 0701 ∩ x<200: 200×400
        'farmland_construction_area': [100 * 100, 0],  # 0701 ∩ [0,100]×[300,400]
        'boundary_area': [400000, 450000],
        'boundary_construction_area': [210000, 450000],
        'building_footprint_area': [10000, 10000],
        'urban_building_footprint_area': [10000, 10000],
        'road_length': [1000, 2000],
        'urban_road_length': [1000, 500],
        'risk_points': [3, 1],                          # (1000,500) on the shared edge: first district
        'flood_points': [2, 1],
        'covered_risk_points': [1, 0],                  # distance 4 = radius covers; 5 does not
        'rural_population': [1000, 1000],
    }
    for name, values in expected.items():
        assert m[name].tolist() == pytest.approx(values, abs=1e-6), name
    assert table.missing == {}


def test_indicators_by_hand(city):
    indicators, problems = load_definitions()
    assert problems == []
    result = evaluate(indicators, MeasureTable(city), keys=['A', 'B'])
    got = result.long.set_index(['DISTRICT', 'IND_ID'])

    def value(d, i):
        return got.loc[(d, i), 'VALUE']

    def status(d, i):
        return got.loc[(d, i), 'STATUS']
    assert value('A', 'DEV_INTENS') == pytest.approx(21.0) and status('A', 'DEV_INTENS') == '正常'
    assert value('B', 'DEV_INTENS') == pytest.approx(46.0) and status('B', 'DEV_INTENS') == '超标'
    assert value('A', 'CONST_AREA') == pytest.approx(0.21)
    assert value('A', 'PC_URBAN') == pytest.approx(105.0)            # 210 000 / 2000
    assert value('B', 'PC_URBAN') == pytest.approx(112.5)            # 450 000 / 4000
    assert value('B', 'PC_VILLAGE') == pytest.approx(10.0)           # 10 000 / 1000
    assert value('A', 'PC_UR') == pytest.approx(70.0)                # 210 000 / 3000
    assert value('A', 'RL_CONST') == pytest.approx(8.0) and status('A', 'RL_CONST') == '超标'
    assert value('B', 'RL_CONST') == 0 and status('B', 'RL_CONST') == '正常'
    assert value('A', 'FARMLAND') == pytest.approx(610000 * 15 / 1e8)
    assert value('A', 'FOREST') == pytest.approx(20.0) and status('A', 'FOREST') == '超标'
    assert value('A', 'BLD_DENS') == pytest.approx(2.5)
    assert value('B', 'BLD_DENS') == pytest.approx(10000 / 450000 * 100)
    assert value('A', 'ROAD_DENS') == pytest.approx(2.5)             # 1 km / 0.4 km²
    assert value('B', 'ROAD_DENS') == pytest.approx(0.5 / 0.45)
    assert value('A', 'FLOOD_PTS') == 2 and status('A', 'FLOOD_PTS') == '预警'
    assert value('A', 'RISK_COV') == pytest.approx(100 / 3)
    assert value('A', 'URB_RATE') == pytest.approx(200 / 3)
    assert value('A', 'POP_DENS') == pytest.approx(5000.0)           # 2000 / 0.4 km²
    # 人均碳排放 = 30 000 t / 3000 人 = 10 = the target: reaching the ceiling is 预警, not 超标
    assert value('A', 'CO2_PC') == pytest.approx(10.0) and status('A', 'CO2_PC') == '预警'
    assert value('A', 'CO2_AREA') == pytest.approx(30000.0)
    # B has no carbon total: not computed, with the reason
    assert math.isnan(value('B', 'CO2_PC')) and status('B', 'CO2_PC') == '未计算'
    assert 'input co2_total has no value' in got.loc[('B', 'CO2_PC'), 'NOTE']
    assert any('CO2_PC' in m and 'B: ' in m for m in result.messages)
    # wide table: one column per indicator, summary of statuses
    assert result.wide.loc[0, 'DEV_INTENS'] == pytest.approx(21.0)
    assert result.wide.loc[1, 'WORST'] == '超标'
    assert result.wide.loc[0, 'N_EXCEED'] == (got.loc['A', 'STATUS'] == '超标').sum()


def test_missing_inputs_are_not_computed_with_the_reason(city):
    city.sensors = None
    city.co2 = None
    city.dev_boundary = None
    indicators, _ = load_definitions()
    result = evaluate(indicators, MeasureTable(city), keys=['A', 'B'])
    got = result.long.set_index(['DISTRICT', 'IND_ID'])
    assert got.loc[('A', 'RISK_COV'), 'STATUS'] == '未计算'
    assert 'SENSORS' in got.loc[('A', 'RISK_COV'), 'NOTE']
    assert 'CARBON' in got.loc[('A', 'CO2_PC'), 'NOTE']
    assert 'URBAN_FIELD' in got.loc[('A', 'PC_URBAN'), 'NOTE']
    # the others still compute
    assert got.loc[('A', 'DEV_INTENS'), 'VALUE'] == pytest.approx(21.0)


def test_urban_village_split_by_czcs_field(city):
    city.landuse_czcs = pd.Series(['201', '', '', '203', '', '203', ''])
    m = MeasureTable(city).compute(['urban_construction_area', 'village_construction_area'])
    assert m['urban_construction_area'].tolist() == [200000, 0]
    assert m['village_construction_area'].tolist() == [10000, 460000]


def test_bad_definitions_name_the_indicator_and_the_rest_compute(city):
    rows = [
        dict(id='GOOD', name_zh='开发强度', formula='construction_area / district_area * 100',
             direction='lower', target='30', warning='25'),
        dict(id='SYNTAX', name_zh='语法错误', formula='construction_area / (district_area', direction='lower'),
        dict(id='UNKNOWN', name_zh='未知输入', formula='constrution_area / district_area', direction='lower'),
        dict(id='ZERO', name_zh='人均', formula='construction_area / population', direction='lower'),
        dict(id='THRESH', name_zh='阈值', formula='1', direction='lower', target='10', warning='20'),
    ]
    indicators = [parse_row(r) for r in rows]
    city.population = pd.Series([0.0, 5000.0])
    result = evaluate(indicators, MeasureTable(city), keys=['A', 'B'])
    got = result.long.set_index(['DISTRICT', 'IND_ID'])
    assert got.loc[('A', 'GOOD'), 'VALUE'] == pytest.approx(21.0)
    text = '\n'.join(result.messages)
    assert 'SYNTAX 语法错误' in text and 'syntax error' in text
    assert 'UNKNOWN 未知输入' in text and 'constrution_area' in text
    assert 'ZERO 人均' in text and 'division by zero' in text and 'A: ' in text
    assert 'THRESH 阈值' in text and 'must not exceed the target' in text
    # ZERO fails only where the population is 0
    assert got.loc[('B', 'ZERO'), 'VALUE'] == pytest.approx(460000 / 5000)
    assert got.loc[('A', 'ZERO'), 'STATUS'] == '未计算'


def test_trend_against_previous_long_and_wide(city):
    indicators, _ = load_definitions()
    first = evaluate(indicators, MeasureTable(city), keys=['A', 'B'])
    prev = first.long.copy()
    prev.loc[prev.IND_ID == 'DEV_INTENS', 'VALUE'] = [20.0, 50.0]
    second = evaluate(indicators, MeasureTable(city), keys=['A', 'B'],
                      previous=previous_values(prev, indicators))
    got = second.long.set_index(['DISTRICT', 'IND_ID'])
    assert got.loc[('A', 'DEV_INTENS'), 'TREND'] == '恶化'          # lower is better, 20 -> 21
    assert got.loc[('A', 'DEV_INTENS'), 'CHANGE'] == pytest.approx(1.0)
    assert got.loc[('B', 'DEV_INTENS'), 'TREND'] == '改善'          # 50 -> 46
    assert got.loc[('A', 'FOREST'), 'TREND'] == '持平'
    wide = pd.DataFrame({'adcode': [350302.0, 2], 'FOREST': [25.0, None]})
    prev = previous_values(wide, indicators, district_column='adcode')
    assert prev[('350302', 'FOREST')] == 25.0 and prev[('2', 'FOREST')] is None


def test_contributors_are_the_parcels_in_the_red_line(city):
    table = MeasureTable(city)
    source, rows = table.contributors('redline_construction_area', 0)
    assert source == 'landuse' and rows.tolist() == [0]
    source, rows = table.contributors('construction_area', 1)
    assert rows.tolist() == [3, 5]


def test_land_classes_follow_the_landuse_tables():
    from spatial_planning_monitor.core.indicators import classes
    codes = ['0701', '05H1', '1001', '1006', '1109', '1201', '0201K', '0301K', 301, '0305', '0102', '']
    assert classes.is_construction(codes).tolist() == [
        True, True, True, False, True, True, False, False, False, False, False, False]
    assert classes.is_forest(codes).tolist() == [
        False] * 7 + [True, True, False, False, False]
    assert classes.is_cultivated(codes).tolist() == [False] * 10 + [True, False]
    assert classes.is_urban([201, '202A', '203', None]).tolist() == [True, True, False, False]
    assert classes.is_village([203.0, '203A', '201']).tolist() == [True, True, False]


def test_touching_features_leave_no_sliver():
    from shapely.geometry import box
    import geopandas as gpd
    # a parcel that shares an edge with the red line (offset by 1e-9 m of rounding) adds nothing
    inputs = Inputs(districts=gpd.GeoSeries([box(0, 0, 100, 100)]),
                    landuse=gpd.GeoSeries([box(10, 0, 50, 50)]), landuse_codes=pd.Series(['0701']),
                    eco_redline=gpd.GeoSeries([box(0, 0, 10 + 1e-9, 100)]))
    m = MeasureTable(inputs).compute(['redline_construction_area', 'construction_area'])
    assert m['redline_construction_area'].tolist() == [0.0]
    assert m['construction_area'].tolist() == [2000.0]


def test_urban_rural_construction_land_from_czcs_201_to_203(city):
    """城乡建设用地 = construction land with 城镇村属性码 201–203; without the field the regional
    infrastructure and other construction land (here a highway, 1003) are left out."""
    codes = city.landuse_codes.tolist()
    codes[4] = '1003'                                        # [1100,2000]×[0,500] in 乙区: 450 000 m²
    city.landuse_codes = pd.Series(codes)
    m = MeasureTable(city).compute(['construction_area', 'urban_rural_construction_area'])
    assert m['construction_area'].tolist() == [210000, 910000]
    assert m['urban_rural_construction_area'].tolist() == [210000, 460000]
    city.landuse_czcs = pd.Series(['201', '', '', '203', '', '203', ''])
    m = MeasureTable(city).compute(['urban_rural_construction_area'])
    assert m['urban_rural_construction_area'].tolist() == [210000, 460000]
    city.landuse_czcs = pd.Series(['201', '', '', '204', '', '203', ''])      # 204 采矿: not 城乡
    m = MeasureTable(city).compute(['urban_rural_construction_area'])
    assert m['urban_rural_construction_area'].tolist() == [200000, 450000]
    indicators, _ = load_definitions()
    result = evaluate([i for i in indicators if i.id == 'UR_CONST'], MeasureTable(city), keys=['A', 'B'])
    assert result.long['VALUE'].tolist() == pytest.approx([0.2, 0.45])


def test_co2_per_gdp_reduction_by_hand(city):
    """单位GDP二氧化碳排放降低比例: 甲区 30 000 t / 100 亿元 this year, 32 000 t / 95 亿元 last year:
    (1 − 300 / 336.842105) × 100 = 10.9375 %."""
    city.attributes = {'gdp': pd.Series([100.0, 200.0]), 'gdp_prev': pd.Series([95.0, 190.0])}
    city.co2_prev = [32000.0, float('nan')]
    indicators, _ = load_definitions()
    co2_gdp = [i for i in indicators if i.id == 'CO2_GDP']
    assert co2_gdp and co2_gdp[0].inputs == {'co2_total', 'co2_prev', 'gdp', 'gdp_prev'}
    got = evaluate(co2_gdp, MeasureTable(city), keys=['A', 'B']).long.set_index('DISTRICT')
    assert got.loc['A', 'VALUE'] == pytest.approx(10.9375)
    assert got.loc['A', 'STATUS'] == '正常'                  # target 3.9 %/a (十四五: −18 % in 5 years)
    assert math.isnan(got.loc['B', 'VALUE'])


def test_yearly_statistics_give_this_and_last_years_values():
    from spatial_planning_monitor.core.indicators import yearly
    stats = pd.DataFrame({'adcode': ['350302', '350302', '350303', '350303', '350302'],
                          'year': [2022, 2023, 2022, 2023, 2021], 'gdp': [95.0, 100.0, 190.0, 200.0, 90.0],
                          'name': ['甲', '甲', '乙', '乙', '甲']})
    got = yearly.yearly_attributes(stats, 'adcode', 'year', 2023, ['350302', '350303', '350399'])
    assert set(got) == {'gdp', 'gdp_prev'}
    assert got['gdp'].tolist()[:2] == [100.0, 200.0] and got['gdp_prev'].tolist()[:2] == [95.0, 190.0]
    assert math.isnan(got['gdp'].iloc[2])
    assert yearly.latest_year(stats['year']) == 2023
    with pytest.raises(Exception, match='two rows for 2023'):
        yearly.yearly_attributes(pd.concat([stats, stats.iloc[[1]]]), 'adcode', 'year', 2023, ['350302'])
