"""The land-use QML styles match the tables they were generated from (layers/make_styles.py)."""

import xml.etree.ElementTree as ET

import pytest

from spatial_planning_monitor.core.data import STYLES_DIR
from spatial_planning_monitor.core.landuse import tables


def _categories(name):
    root = ET.parse(STYLES_DIR / f'{name}.qml').getroot()
    renderer = root.find('renderer-v2')
    colours = {}
    for symbol in renderer.find('symbols'):
        layer = symbol.find('layer')
        value = next(o.get('value') for o in layer.iter('Option') if o.get('name') == 'color')
        colours[symbol.get('name')] = tuple(int(v) for v in value.split(',')[:3])
    return renderer.get('attr'), {c.get('value'): (colours[c.get('symbol')], c.get('label'))
                                  for c in renderer.find('categories')}


@pytest.mark.parametrize('style, field, scheme, levels', [
    ('landuse_sandiao', 'DLBM', 'current', (1, 2, 3)),
    ('landuse_ydyh', 'YDYHFLDM', 'plan', (1, 2, 3)),
    ('landuse_change_current', 'TO_CODE', 'current', (1, 2)),
    ('landuse_change_plan', 'TO_CODE', 'plan', (1, 2)),
])
def test_every_code_has_its_table_colour_and_label(style, field, scheme, levels):
    attr, categories = _categories(style)
    table = tables.load_classes(scheme)
    assert attr == field
    expected = {c for c in table.codes() if table.entry(c)['level'] in levels}
    assert set(categories) - {''} == expected
    for code in expected:
        colour, label = categories[code]
        assert colour == table.color(code), code
        assert label == f'{code} {table.name(code)}'


def test_status_styles_cover_every_value():
    assert set(_categories('conformance')[1]) == {'符合', '不符合', '待核'}
    from spatial_planning_monitor.core.landuse import control_lines
    assert set(_categories('control_lines')[1]) == {r['type'] for r in control_lines.load_rules()}
