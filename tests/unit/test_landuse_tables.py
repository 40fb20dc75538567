"""The classification tables: complete, consistent, and the lookups other modules rely on."""

import csv

import numpy as np
import pytest

from spatial_planning_monitor.core.data import TABLES_DIR
from spatial_planning_monitor.core.errors import InputError
from spatial_planning_monitor.core.landuse import tables


@pytest.fixture(scope='module')
def plan():
    return tables.load_plan_classes()


@pytest.fixture(scope='module')
def current():
    return tables.load_current_classes()


def test_plan_table_has_the_2023_counts(plan):
    assert len(plan.codes(1)) == 24
    assert len(plan.codes(2)) == 111
    assert len(plan.codes(3)) == 40
    assert plan.codes(1) == [f'{n:02d}' for n in range(1, 25)]


def test_plan_table_agrees_with_the_public_copies_of_the_2023_code_list(plan):
    """The reconciliation in layers/tables/landuse_sources.md: 0601 农村道路 and its 三级 classes are
    there; every level-2 class of 06 and 23 is the guide's."""
    assert plan.name('0601') == '农村道路' and plan.entry('0601')['level'] == 2
    assert [c for c in plan.codes(3) if c.startswith('06')] == ['060101', '060102', '060201', '060202', '060203']
    assert [c for c in plan.codes(2) if c.startswith('06')] == ['0601', '0602']
    assert [plan.name(c) for c in plan.codes(2) if c.startswith('23')] == [
        '空闲地', '后备耕地', '田坎', '盐碱地', '沙地', '裸土地', '裸岩石砾地']
    assert sum(c.startswith('08') for c in plan.codes(3)) == 16      # 0803, 0804, 0805, 0806, 0807


def test_sandiao_class_02_is_gbt_21010_garden_land(current):
    """GB/T 21010-2017 names class 02 园地; 种植园用地 is only the 三调 working name."""
    assert current.name('02') == '园地'
    with open(TABLES_DIR / 'sandiao_2017.csv', encoding='utf-8') as handle:
        row = next(r for r in csv.DictReader(handle) if r['code'] == '02')
    assert row['origin'] == 'gbt' and row['name_en'] == 'Garden land'


def test_plan_table_is_the_2023_edition_not_the_2020_trial(plan):
    assert plan.name('2302') == '后备耕地'      # 2020 trial: 2302 田坎
    assert plan.name('2303') == '田坎'
    assert plan.name('0204') == '油料园地'      # new in 2023; 其他园地 moved to 0205
    assert plan.name('0205') == '其他园地'
    assert plan.name('060101') == '村道用地'
    assert plan.name('1311') == '水工设施用地'
    assert plan.name('1804') == '农林牧业用岛'
    assert '2023' in plan.edition


def test_every_code_decodes_to_its_parent_and_level(plan, current):
    for table in (plan, current):
        for code in table.codes():
            entry = table.entry(code)
            assert entry['name_zh'] and entry['name_en']
            if entry['level'] == 1:
                assert entry['parent'] == ''
            else:
                parent = table.entry(entry['parent'])
                assert parent['level'] == entry['level'] - 1
                assert table.ancestor(code, 1) == table.ancestor(entry['parent'], 1)
    for code in plan.codes():
        assert plan.ancestor(code, 1) == code[:2]


def test_colours_are_rgb_and_every_code_has_one(plan, current):
    for table in (plan, current):
        for code in table.codes():
            assert all(0 <= v <= 255 for v in table.color(code))
    assert plan.color('01') == (245, 248, 220)
    assert plan.color('0701') == (255, 255, 45)


def test_construction_flags_match_the_usual_filters(plan, current):
    expected = [c for c in current.codes(2)
                if c[:2] in ('05', '06', '07', '08', '09')
                or c in ('1001', '1002', '1003', '1004', '1005', '1007', '1008', '1009', '1109',
                         '1201')
                or (c[:2] == '00' and c == '0603')]
    got = [c for c in current.codes(2) if current.is_construction([c])[0]]
    assert sorted(got) == sorted(expected)
    assert not current.is_construction(['1006', '1202', '0101', '1104A', '0201K']).any()
    assert current.is_construction(['05H1', '08H1', '08H2A', '0810A']).all()
    plan_construction = [c for c in plan.codes(1) if plan.is_construction([c])[0]]
    assert plan_construction == [f'{n:02d}' for n in range(7, 17)]
    assert plan.is_construction(['2301', '070101', '1311']).all()
    assert not plan.is_construction(['0601', '0602', '2302', '1804']).any()


def test_mapping_covers_every_current_code_and_keeps_construction(current, plan):
    mapping = tables.load_mapping()
    assert set(mapping) == set(current.codes())
    for source, target in mapping.items():
        if current.entry(source)['category'] in ('construction', 'agricultural', 'unused'):
            assert current.is_construction([source])[0] == plan.is_construction([target])[0], \
                (source, target)
    assert list(tables.to_plan_codes(['0204', '1006', '0201K', 'XYZ'])) == \
        ['0205', '0601', '0201', tables.UNKNOWN]


def test_codes_are_normalised():
    assert tables.normalize_code(101) == '0101'
    assert tables.normalize_code(101.0) == '0101'
    assert tables.normalize_code(' 0201k ') == '0201K'
    assert tables.normalize_code(None) == ''
    assert tables.normalize_code(float('nan')) == ''
    assert tables.normalize_code(60101) == '060101'


def test_levels_and_unknown_codes(current, plan):
    assert list(current.at_level(['0101', '0201K', '0303', '9999'], 1)) == \
        ['01', '02', '00', tables.UNKNOWN]
    assert list(current.at_level(['0201K', '08H2A', '1104A'], 2)) == ['0201', '08H2', '1104']
    assert list(plan.at_level(['070101', '0701', '07'], 2)) == ['0701', '0701', '07']
    assert current.name('9999') == tables.UNKNOWN
    assert list(current.known(['0101', '9999', ''])) == [True, False, False]


def test_scheme_detection():
    assert tables.detect_scheme(['0101', '05H1', '1001', '0307']) == 'current'
    assert tables.detect_scheme(['070101', '0902', '1207', '2302']) == 'plan'
    assert tables.is_construction(['0601'], scheme='current')[0]       # 工业用地
    assert not tables.is_construction(['0601'], scheme='plan')[0]      # 农村道路


def test_a_users_table_replaces_the_shipped_one(tmp_path, monkeypatch):
    rows = list(csv.reader((TABLES_DIR / tables.CURRENT_TABLE).read_text(encoding='utf-8').splitlines()))
    header = rows[0]
    name = header.index('name_zh')
    for row in rows[1:]:
        if row[0] == '0101':
            row[name] = '水田（本地）'
    path = tmp_path / tables.CURRENT_TABLE
    with open(path, 'w', encoding='utf-8-sig', newline='') as handle:   # Excel writes a BOM
        csv.writer(handle).writerows(rows)
    assert tables.load_current_classes(path).name('0101') == '水田（本地）'
    monkeypatch.setenv(tables.USER_DIR_ENV, str(tmp_path))
    assert tables.load_current_classes().name('0101') == '水田（本地）'
    monkeypatch.delenv(tables.USER_DIR_ENV)
    assert tables.load_current_classes().name('0101') == '水田'


def test_a_broken_table_is_reported_with_its_path(tmp_path):
    path = tmp_path / 'bad.csv'
    path.write_text('code,level\n01,1\n', encoding='utf-8')
    with pytest.raises(InputError, match='bad.csv'):
        tables.load_plan_classes(path)
    dup = tmp_path / 'dup.csv'
    text = (TABLES_DIR / tables.PLAN_TABLE).read_text(encoding='utf-8')
    dup.write_text(text + text.splitlines()[1] + '\n', encoding='utf-8')
    with pytest.raises(InputError, match='appears twice'):
        tables.load_plan_classes(dup)


def test_is_construction_returns_an_array():
    flags = tables.is_construction(np.array(['0701', None, 701]))
    assert flags.dtype == bool and list(flags) == [True, False, True]
