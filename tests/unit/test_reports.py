"""core.reports: file names, fonts, key matching, status counts and the indicator chart (no QGIS)."""

import re
import xml.etree.ElementTree as ET

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from spatial_planning_monitor.core.errors import InputError
from spatial_planning_monitor.core.reports import chart, filenames, fonts, keys, summary

ILLEGAL = set('<>:"/\\|?*')


# --- file names ------------------------------------------------------------------------------

def test_chinese_names_are_kept():
    assert filenames.unique_names(['城厢区', '涵江区', '仙游县'], 'pdf') == [
        '城厢区.pdf', '涵江区.pdf', '仙游县.pdf']


def test_illegal_characters_reserved_names_and_empties():
    names = filenames.unique_names(['城厢/荔城:区', 'a*b?', 'CON', 'nul.txt', '', None, ' . ', '新区. '], 'pdf')
    assert names == ['城厢_荔城_区.pdf', 'a_b_.pdf', '_CON.pdf', '_nul.txt.pdf', 'district_5.pdf',
                     'district_6.pdf', 'district_7.pdf', '新区.pdf']


def test_duplicates_get_suffixes_case_insensitively():
    assert filenames.unique_names(['秀屿区', '秀屿区', 'Ab', 'aB', '秀屿区'], 'png') == [
        '秀屿区.png', '秀屿区_2.png', 'Ab.png', 'aB_2.png', '秀屿区_3.png']


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=80), max_size=12))
def test_any_names_give_distinct_legal_file_names(texts):
    names = filenames.unique_names(texts, 'pdf')
    assert len(names) == len(texts)
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        stem = name[:-4]
        assert stem and not (set(stem) & ILLEGAL)
        assert not re.search(r'[\x00-\x1f\x7f]', stem)
        assert not stem.endswith(('.', ' '))
        assert stem.split('.')[0].upper() not in filenames.RESERVED
        assert len(name.encode('utf-8')) <= 255


# --- fonts -----------------------------------------------------------------------------------

def test_font_choice_prefers_the_template_family_then_fallbacks():
    assert fonts.choose_family(['DejaVu Sans', 'Noto Sans CJK SC']) == 'Noto Sans CJK SC'
    assert fonts.choose_family(['DejaVu Sans', 'microsoft yahei', 'SimSun']) == 'microsoft yahei'
    assert fonts.choose_family(['DejaVu Sans', 'Liberation Serif']) is None


# --- keys ------------------------------------------------------------------------------------

def test_key_field_matches_codes_written_as_text_or_float():
    columns = {'adcode': [350302, 350303, 350304], 'name': ['城厢区', '涵江区', '荔城区']}
    assert keys.match_key_field(columns, ['350302', 350303, 350304.0]) == ('adcode', [])
    field, unmatched = keys.match_key_field(columns, ['城厢区', '涵江区'], prefer='name')
    assert (field, unmatched) == ('name', ['荔城区'])


def test_no_shared_key_names_both_layers():
    with pytest.raises(InputError) as err:
        keys.match_key_field({'adcode': [1, 2]}, ['X', 'Y'], layer='districts', table='ind_table')
    assert 'districts' in str(err.value) and 'ind_table' in str(err.value) and 'X, Y' in str(err.value)


# --- summary and chart -----------------------------------------------------------------------

LONG = pd.DataFrame({
    'DISTRICT': ['350302', '350302', '350302', '350303', '350303', '350303'],
    'IND_ID': ['DEV', 'FOREST', 'AREA', 'DEV', 'FOREST', 'AREA'],
    'IND_NAME': ['开发强度', '森林覆盖率', '建设用地总面积', '开发强度', '森林覆盖率', '建设用地总面积'],
    'VALUE': [32.0, 48.0, 50.0, 20.0, None, 30.0],
    'UNIT': ['%', '%', 'km²', '%', '%', 'km²'],
    'TARGET': [30.0, 40.0, None, 30.0, 40.0, None],
    'STATUS': ['超标', '正常', '', '正常', '未计算', ''],
})


def test_status_counts_per_district():
    counts = summary.status_counts(LONG['DISTRICT'], LONG['STATUS'])
    assert counts == {'350302': {'超标': 1, '预警': 0, '正常': 1},
                      '350303': {'超标': 0, '预警': 0, '正常': 1}}


def test_chart_rows_compare_with_the_districts_of_the_city():
    rows = chart.district_rows(LONG)
    # indicators with a status are charted; the area (no target) and missing values are not
    assert [r.name for r in rows['350302']] == ['开发强度', '森林覆盖率']
    assert [r.name for r in rows['350303']] == ['开发强度']
    dev = rows['350302'][0]
    assert (dev.value, dev.city_mean, dev.city_min, dev.city_max, dev.target, dev.status) == (
        32.0, 26.0, 20.0, 32.0, 30.0, '超标')
    forest = rows['350302'][1]
    assert (forest.city_mean, forest.city_min, forest.city_max) == (48.0, 48.0, 48.0)


def test_chart_rows_without_any_status_show_every_value():
    table = LONG.assign(STATUS='')
    assert [r.name for r in chart.district_rows(table)['350302']] == ['开发强度', '森林覆盖率', '建设用地总面积']


LABELS = {'district': '本区', 'city': '全市各区均值', 'range': '全市各区范围', 'target': '目标值',
          'empty': '无指标'}


def test_chart_svg_draws_each_value_in_its_status_colour():
    rows = chart.district_rows(LONG)['350302']
    root = ET.fromstring(chart.svg(rows, LABELS))
    ns = '{http://www.w3.org/2000/svg}'
    texts = [t.text for t in root.iter(ns + 'text')]
    assert '开发强度' in texts and '32.00 %' in texts and '48.00 %' in texts
    assert {'本区', '全市各区均值', '全市各区范围', '目标值'} <= set(texts)
    bars = [r for r in root.iter(ns + 'rect') if r.get('height') == '10' and r.get('stroke')]
    assert [b.get('fill') for b in bars] == ['#d7301f', '#66bd63']
    # bar length is proportional to the value on the row's own scale (0 .. max(value, range, target))
    dev_bar = bars[0]
    scale = (chart.WIDTH - chart.LABEL_W - chart.VALUE_W - 8) / 32.0
    assert float(dev_bar.get('width')) == pytest.approx(32.0 * scale, abs=0.1)
    assert all(t.get('font-family') == fonts.FAMILY for t in root.iter(ns + 'text'))


def test_chart_svg_of_a_district_without_values_says_so():
    root = ET.fromstring(chart.svg([], LABELS, family='WenQuanYi Micro Hei'))
    texts = [t for t in root.iter('{http://www.w3.org/2000/svg}text')]
    assert texts[0].text == '无指标' and texts[0].get('font-family') == 'WenQuanYi Micro Hei'


def test_long_values_shrink_to_fit_the_value_column():
    row = chart.Row(name='单位面积碳排放', unit='t CO₂/km²', value=3728.888, status='正常', target=20000.0,
                    city_mean=3000.0, city_min=1000.0, city_max=5000.0)
    root = ET.fromstring(chart.svg([row], LABELS))
    value = next(t for t in root.iter('{http://www.w3.org/2000/svg}text') if t.text == '3,728.89 t CO₂/km²')
    size = float(value.get('font-size'))
    assert size < chart.SMALL + 1
    assert chart.text_width(value.text, size) <= chart.VALUE_W - 8
