"""The city code register (issue 19): stable codes across updates, never reused, links carry their
method, resolution is symmetric, conflicts found exactly, bad codes named with their check."""

import sqlite3

import pytest
from shapely.geometry import Point, box

from citycode_city import X0, Y0, buildings, footprint, inside, run, table
from spatial_planning_monitor.core.codes import citycode_resolve, citycode_types
from spatial_planning_monitor.core.errors import InputError

UNIT = '350302001001GB{:05d}F00010001'


def every_code(path):
    connection = sqlite3.connect(path)
    try:
        return [c for (c,) in connection.execute('SELECT city_code FROM city_entities')]
    finally:
        connection.close()


def lineage_rows(path):
    connection = sqlite3.connect(path)
    try:
        return sorted(connection.execute('SELECT parent, child, kind FROM city_lineage').fetchall())
    finally:
        connection.close()


def test_codes_stable_across_runs_with_new_demolished_split_and_merged_buildings(tmp_path):
    path = tmp_path / 'city.gpkg'
    first, summary, _ = run(path, 'building', buildings())
    assert summary['issued'] == 6 and len(set(first)) == 6
    code = dict(zip('B1 B2 B3 B4 B5 B6'.split(), first))
    # B2 demolished; B3 split into B3a/B3b; B5 and B6 merged into B56; B7 new; B1, B4 unchanged
    left, right = box(X0 + 40, Y0, X0 + 45, Y0 + 10), box(X0 + 45, Y0, X0 + 50, Y0 + 10)
    merged = box(X0 + 80, Y0, X0 + 110, Y0 + 10)
    second = buildings(['B1', 'B3a', 'B3b', 'B4', 'B56', 'B7'],
                       [footprint(0), left, right, footprint(3), merged, footprint(8)])
    codes, summary, _ = run(path, 'building', second)
    assert (summary['kept'], summary['issued'], summary['retired']) == (2, 4, 4)
    assert codes[0] == code['B1'] and codes[3] == code['B4']
    assert not set(codes[[1, 2, 4, 5]]) & set(first)                 # no code reused
    assert lineage_rows(path) == sorted([
        (code['B3'], codes[1], 'split'), (code['B3'], codes[2], 'split'),
        (code['B5'], codes[4], 'merge'), (code['B6'], codes[4], 'merge')])
    # a third run brings back the key B2: a new object, a new code, never the retired one
    before = every_code(path)
    third, summary, _ = run(path, 'building', buildings(['B1', 'B2'], [footprint(0), footprint(1)]))
    assert third[0] == code['B1'] and third[1] not in before
    assert len(every_code(path)) == len(set(every_code(path))) == 11


def test_a_building_keyed_by_its_building_code_keeps_it_as_city_code(tmp_path):
    codes = ['11010101020200109000000', '11010101020200110000008']     # valid default23 codes
    layer = buildings(codes, [footprint(0), footprint(1)])
    first, summary, _ = run(tmp_path / 'c.gpkg', 'building', layer)
    assert list(first) == codes and summary['key_type'] == 'building'


def test_footprint_matching_without_a_key(tmp_path):
    path = tmp_path / 'c.gpkg'
    first, _, _ = run(path, 'building', buildings(), entity_key=None)
    moved = buildings(shapes=[footprint(k) if k != 2 else footprint(2, 9.0) for k in range(6)])
    again, summary, _ = run(path, 'building', moved, entity_key=None)
    assert list(again) == list(first) and summary['issued'] == 0


def register_of_units(rows):
    return table(rows, ['bdc', 'fw'])


def test_every_link_carries_its_method_and_resolution_is_the_same_from_any_code(tmp_path):
    path = tmp_path / 'c.gpkg'
    run(path, 'building', buildings())
    units = register_of_units([[UNIT.format(k + 1), f'B{k + 1}'] for k in range(6)])
    run(path, 'building', buildings(), register=units, code_field='bdc', code_type='real_estate_unit',
        method='key', key_field='fw', key_type='building_id')
    addresses = table([[f'某路{2 * k}号'] for k in range(6)], ['addr'], [inside(k, dx=12) for k in range(6)])
    codes, _, result = run(path, 'building', buildings(), register=addresses, code_field='addr', code_type='address',
                           method='nearest', tolerance=5)
    assert set(result['links']['METHOD']) == {'nearest'}
    assert list(result['links']['DISTANCE']) == [2.0] * 6
    connection = sqlite3.connect(path)
    methods = dict(connection.execute('SELECT code_type, group_concat(DISTINCT method) FROM city_links '
                                      'GROUP BY code_type').fetchall())
    connection.close()
    assert methods == {'building_id': 'entity', 'real_estate_unit': 'key', 'address': 'nearest'}
    for k in range(6):
        found, _ = citycode_resolve.resolve(path, [codes[k], f'B{k + 1}', UNIT.format(k + 1), f'某路 {2 * k}号'])
        assert list(found['CITY_CODE']) == [codes[k]] * 4
        assert found['CODES'].nunique() == 1
        assert found['CODES'][0] == f'address: 某路{2 * k}号 | building_id: B{k + 1} | real_estate_unit: {UNIT.format(k + 1)}'


def test_conflicts_found_exactly_on_hand_made_cases(tmp_path):
    path = tmp_path / 'c.gpkg'
    run(path, 'building', buildings())
    rows = [[UNIT.format(1), 'B1'], [UNIT.format(2), 'B2'], [UNIT.format(2), 'B3'],       # shared
            [UNIT.format(4), 'B4'], [UNIT.format(5), 'B4'],                              # several on B4
            [UNIT.format(6), 'B6']]
    points = [inside(0), inside(1), inside(2), inside(3), inside(3), inside(5, dy=60)]   # row 6: 50 m away
    _, _, result = run(path, 'building', buildings(), register=table(rows, ['bdc', 'fw'], points),
                       code_field='bdc', code_type='real_estate_unit', method='key', key_field='fw',
                       key_type='building_id', tolerance=30)
    conflicts = result['conflicts']
    assert sorted(conflicts['KIND']) == ['far', 'several', 'shared']
    shared = conflicts[conflicts['KIND'] == 'shared'].iloc[0]
    assert shared['CODE'] == UNIT.format(2) and shared['CITY_CODES'].count(',') == 1
    several = conflicts[conflicts['KIND'] == 'several'].iloc[0]
    assert several['CODE'] == '{}, {}'.format(UNIT.format(4), UNIT.format(5))
    far = conflicts[conflicts['KIND'] == 'far'].iloc[0]
    assert far['CODE'] == UNIT.format(6) and far['DISTANCE'] == 50.0


def test_invalid_codes_are_listed_with_their_check_and_not_linked(tmp_path):
    path = tmp_path / 'c.gpkg'
    run(path, 'building', buildings())
    credit = table([['91350300MA2Y8K3P1U', 'B1'], ['91350300MA2Y8K3P1X', 'B2'], ['', 'B3'],
                    ['９１１１００００６０００３７３４１Ｌ', 'B4']], ['uscc', 'fw'])
    _, _, result = run(path, 'building', buildings(), register=credit, code_field='uscc', code_type='统一社会信用代码',
                       method='key', key_field='fw', key_type='building_id')
    invalid = result['invalid'].set_index('row')
    assert list(invalid.index) == [1, 2]
    assert 'check character should be' in invalid.loc[1, 'REASON']
    assert invalid.loc[2, 'REASON'] == 'GB 32100-2015 check character: no code'
    assert list(result['links']['CODE']) == ['91350300MA2Y8K3P1U', '91110000600037341L']


def test_mixed_formats_of_one_type_are_one_code():
    assert set(citycode_types.normalise(['2403-350302-04-01-583216', '24033503020401583216',
                                         '２４０３－３５０３０２－０４－０１－５８３２１６', ' 2403 350302 04 01 583216'],
                                        'project')) == {'2403-350302-04-01-583216'}
    assert set(citycode_types.normalise(['350302-001001-GB00001-F00010001', '３５０３０２００１００１ＧＢ００００１Ｆ０００１０００１'],
                                        'real_estate_unit')) == {UNIT.format(1)}
    assert citycode_types.code_type('不动产单元代码') == 'real_estate_unit'


def test_a_register_linking_one_code_to_hundreds_of_objects_stops(tmp_path):
    path = tmp_path / 'c.gpkg'
    many = buildings([f'K{k}' for k in range(150)], [footprint(k) for k in range(150)])
    run(path, 'building', many)
    huge = table([[UNIT.format(1)]], ['bdc'], [box(X0 - 10, Y0 - 10, X0 + 3100, Y0 + 20)])
    before = every_code(path)
    with pytest.raises(InputError, match='would be linked to 150 objects'):
        run(path, 'building', many, register=huge, code_field='bdc', code_type='real_estate_unit',
            method='overlay', max_links=100)
    assert every_code(path) == before


def test_duplicate_keys_stop_before_anything_changes(tmp_path):
    with pytest.raises(InputError, match='Key “B1” is on 2 features'):
        run(tmp_path / 'c.gpkg', 'building', buildings(['B1', 'B1'], [footprint(0), footprint(1)]))
    assert not (tmp_path / 'c.gpkg').exists()


def test_a_relinked_register_ends_vanished_links_and_keeps_history(tmp_path):
    path = tmp_path / 'c.gpkg'
    codes, _, _ = run(path, 'building', buildings())
    first = register_of_units([[UNIT.format(1), 'B1'], [UNIT.format(2), 'B2']])
    kwargs = dict(code_field='bdc', code_type='real_estate_unit', method='key', key_field='fw', key_type='building_id')
    run(path, 'building', buildings(), register=first, **kwargs)
    _, _, result = run(path, 'building', buildings(), register=register_of_units([[UNIT.format(1), 'B1']]), **kwargs)
    assert (result['summary']['added'], result['summary']['ended']) == (0, 1)
    entity, links, _ = citycode_resolve.history(path, codes[1])
    ended = links[links['code_type'] == 'real_estate_unit']
    assert len(ended) == 1 and ended['valid_to'].iloc[0] is not None
    found, _ = citycode_resolve.resolve(path, [UNIT.format(2)])
    assert list(found['CITY_CODE']) == [codes[1]]                     # found through its history


def test_point_in_footprint_and_point_entities(tmp_path):
    path = tmp_path / 'c.gpkg'
    codes, _, _ = run(path, 'building', buildings())
    grid = table([['N50J47539B8255'], ['N50J47539B8256']], ['bd'], [inside(2), Point(X0 - 500, Y0)])
    _, _, result = run(path, 'building', buildings(), register=grid, code_field='bd', code_type='user_grid',
                       method='point')
    assert list(result['links']['CITY_CODE']) == [codes[2]]
    assert list(result['unmatched']['REASON']) == ['the point lies in no footprint']
    points = table([['A1'], ['A2']], ['bsm'], [inside(0), inside(1)])
    addr_codes, summary, _ = run(path, 'address', points)
    assert summary['key_type'] == 'address_id' or summary['key_type'] == 'address'
    assert all(c.startswith('35030004') for c in addr_codes)


def test_codes_of_one_object_are_joined_by_type_and_code():
    """Two addresses of one building: both in CODES (by type, then code) and '; '-joined in the
    address column; an object without links keeps empty text."""
    from spatial_planning_monitor.core.codes.citycode_resolve import _joined
    links = [('C1', 'address', '某路1号'), ('C1', 'address', '某路2号'), ('C1', 'credit', '91X'),
             ('C2', 'credit', '91Y')]
    joined = _joined(links, {'ADDRESS': 'address', 'CREDIT': 'credit'}, {'C1': 0, 'C2': 1, 'C3': 2}, 4)
    assert list(joined['CODES']) == ['address: 某路1号 | address: 某路2号 | credit: 91X', 'credit: 91Y', '', '']
    assert list(joined['ADDRESS']) == ['某路1号; 某路2号', '', '', '']
    assert list(joined['CREDIT']) == ['91X', '91Y', '', '']
