"""The shipped indicator table and the loader's handling of users' files."""

import pytest

from spatial_planning_monitor.core.errors import InputError
from spatial_planning_monitor.core.indicators import MEASURES, load_definitions

HEADER = 'id,name_zh,name_en,unit,dimension,level,formula,direction,target,warning,source\n'


def test_shipped_definitions_are_complete_and_valid():
    indicators, problems = load_definitions()
    assert problems == []
    assert [i.error for i in indicators if i.error] == []
    ids = [i.id for i in indicators]
    assert len(ids) == len(set(ids)) >= 18
    for ind in indicators:
        assert ind.inputs <= set(MEASURES) | {'gdp', 'gdp_prev'}, ind.id      # STATS gives gdp
        assert ind.dimension in ('安全', '创新', '协调', '绿色', '开放', '共享'), ind.id
        assert ind.level in ('basic', 'recommended') and ind.unit and ind.name_en and ind.source
    names = {i.name_zh for i in indicators}
    for required in ('建设用地总面积', '开发强度', '人均城镇建设用地面积', '永久基本农田保护面积',
                     '生态保护红线范围内城乡建设用地面积', '森林覆盖率', '城区建筑密度', '城区道路网密度',
                     '城市内涝积水点数量', '人均碳排放', '单位面积碳排放', '风险点感知覆盖率'):
        assert required in names
    # at least 15 need neither carbon nor sensors
    plain = [i for i in indicators if not i.inputs & {'co2_total', 'covered_risk_points'}]
    assert len(plain) >= 15


def test_user_file_in_gbk_with_comments(tmp_path):
    path = tmp_path / 'mine.csv'
    path.write_bytes((HEADER + '# 注释行,,,,,,,,,,\n'
                      'MY_IND,我的指标,Mine,%,绿色,推荐,forest_area / district_area * 100,正向,30,35,本市\n')
                     .encode('gbk'))
    indicators, problems = load_definitions(path)
    assert problems == [] and len(indicators) == 1
    ind = indicators[0]
    assert (ind.name_zh, ind.level, ind.direction, ind.target, ind.warning) == (
        '我的指标', 'recommended', 'higher', 30.0, 35.0)


def test_bad_rows_are_reported_not_fatal(tmp_path):
    path = tmp_path / 'bad.csv'
    path.write_text(HEADER
                    + 'ok,小写id,,,,,1,lower,,,\n'
                    + 'A,甲,,,绿色,basic,1,lower,,,\n'
                    + 'A,重复,,,绿色,basic,1,lower,,,\n'
                    + 'B,乙,,,红色,basic,1 +,lower,x,,\n', encoding='utf-8')
    indicators, problems = load_definitions(path)
    assert [i.id for i in indicators] == ['A', 'B']
    assert any('line 2' in p and 'ok' in p for p in problems)
    assert any('line 4' in p and 'twice' in p for p in problems)
    error = indicators[1].error
    assert 'dimension "红色"' in error and 'syntax error' in error and '"x" is not a number' in error


def test_unusable_files_stop_with_a_message(tmp_path):
    with pytest.raises(InputError, match='does not exist'):
        load_definitions(tmp_path / 'nope.csv')
    path = tmp_path / 'cols.csv'
    path.write_text('id,name_zh\nA,甲\n', encoding='utf-8')
    with pytest.raises(InputError, match=r'column\(s\) formula, direction missing'):
        load_definitions(path)


def test_formula_bomb_rows_are_loaded_with_their_error_and_the_others_evaluate(tmp_path):
    from spatial_planning_monitor.core.indicators import Inputs, MeasureTable, evaluate
    import geopandas as gpd
    from shapely.geometry import box
    path = tmp_path / 'bombs.csv'
    path.write_text(HEADER
                    + 'AREA,面积,,km2,安全,basic,district_area / 1e6,none,,,\n'
                    + 'TOWER,塔,,,安全,basic,(((((9**64)**64)**64)**64)**64),none,,,\n'
                    + 'DEEP,深,,,安全,basic,' + '-' * 1500 + 'district_area,none,,,\n'
                    + 'PARENS,括号,,,安全,basic,' + '(' * 10000 + '1' + ')' * 10000 + ',none,,,\n',
                    encoding='utf-8')
    indicators, problems = load_definitions(path)
    assert problems == [] and [i.id for i in indicators] == ['AREA', 'TOWER', 'DEEP', 'PARENS']
    assert 'nested more than 100 levels' in indicators[2].error
    assert 'longer than 2000' in indicators[3].error
    districts = gpd.GeoSeries([box(0, 0, 1000, 2000)], crs='EPSG:4528')
    result = evaluate(indicators, MeasureTable(Inputs(districts=districts)), ['350302'])
    values = dict(zip(result.long['IND_ID'], result.long['VALUE']))
    notes = dict(zip(result.long['IND_ID'], result.long['NOTE']))
    assert values['AREA'] == pytest.approx(2.0)
    assert 'does not give a finite number' in notes['TOWER']
    assert len(result.messages) == 3


def test_names_citations_and_threshold_sources():
    """The standard's names; the permanent-farmland rule cites the law, not the red-line notice;
    every threshold cites its source or is marked a local target."""
    indicators = {i.id: i for i in load_definitions()[0]}
    assert indicators['DB_CONST'].name_zh == '城镇开发边界范围内建设用地面积'
    assert indicators['UR_CONST'].inputs == {'urban_rural_construction_area'}
    farm = indicators['FARM_CONST']
    assert '142号' not in farm.source and '土地管理法' in farm.source and '自然资规〔2019〕1号' in farm.source
    assert '142号' in indicators['RL_CONST'].threshold_source          # the red-line notice
    assert indicators['CO2_GDP'].name_zh == '单位GDP二氧化碳排放降低比例'
    for ind in indicators.values():
        if ind.target is not None or ind.warning is not None:
            assert ind.threshold_source, ind.id
            assert ind.local_target or any(c.isdigit() for c in ind.threshold_source.split(':')[0]), ind.id
    assert indicators['FOREST'].local_target and not indicators['FARM_CONST'].local_target
