"""Check characters and code formats: published examples, and every single-character error caught."""

import json

import pytest
from hypothesis import given, strategies as st

from spatial_planning_monitor.core.codes import checks, schemes
from spatial_planning_monitor.core.errors import InputError


def recursive_mod11_2(body):
    """GB/T 17710 / ISO 7064 MOD 11-2 written as its recursion: p = 2·(p + d) mod 11."""
    p = 0
    for d in body:
        p = (2 * (p + int(d))) % 11
    return '0123456789X'[(12 - p) % 11]


# --- MOD 11-2 ------------------------------------------------------------------------------

@pytest.mark.parametrize('id_number', [
    '11010519491231002X',   # GB 11643-1999's example (check character X)
    '440524188001010014',   # GB 11643-1999's second example
])
def test_mod11_2_reproduces_the_id_number_examples(id_number):
    assert checks.mod11_2(id_number[:17]) == id_number[17]
    assert checks.is_mod11_2(id_number)


@given(st.text(alphabet='0123456789', min_size=1, max_size=30))
def test_vectorised_mod11_2_equals_the_recursion(body):
    assert checks.mod11_2(body) == recursive_mod11_2(body)


@given(st.text(alphabet='0123456789', min_size=17, max_size=17), st.integers(0, 16), st.integers(1, 9))
def test_mod11_2_catches_every_single_digit_error(body, position, shift):
    code = body + checks.mod11_2(body)
    wrong = body[:position] + str((int(body[position]) + shift) % 10) + body[position + 1:]
    assert not checks.is_mod11_2(wrong + code[-1])


def test_check_characters_of_an_array():
    bodies = ['11010519491231002', '44052418800101001']
    assert list(checks.check_characters(bodies, 'mod11_2')) == ['X', '4']
    assert list(checks.check_characters(['79927398713'[:-1]], 'luhn')) == ['3']   # Luhn's textbook example


# --- GB 32100 credit code --------------------------------------------------------------------

def test_credit_code_published_example():
    verdict = checks.check_credit_code('91110000600037341L')
    assert verdict.valid and verdict.region == '110000'
    assert checks.credit_check('91110000600037341') == 'L'


@pytest.mark.parametrize('code, reason', [
    ('91110000600037341', '18 characters'),
    ('91110000600037341M', 'should be L'),
    ('9111000060003734IL', 'not allowed'),
    ('91AB0000600037341L', 'administrative division'),
])
def test_bad_credit_codes_get_a_reason(code, reason):
    verdict = checks.check_credit_code(code)
    assert not verdict.valid and reason in verdict.reason


# --- GB/T 37346 real-estate unit code ---------------------------------------------------------

def test_real_estate_unit_example_and_errors():
    good = checks.check_real_estate_unit('320505400202GB00001F00010069')
    assert good.valid and good.region == '320505'
    for code, reason in [('320505400202GB00001F0001006', '28 characters'),
                         ('320505400202QB00001F00010069', 'G, J or Z'),
                         ('320505400202GK00001F00010069', 'type of the parcel'),
                         ('320505400202GB00001T00010069', 'F, L, Q or W'),
                         ('320505400202GB00001W00010069', '00000000'),
                         ('32050540020AGB00001F00010069', 'must be digits')]:
        verdict = checks.check_real_estate_unit(code)
        assert not verdict.valid and reason in verdict.reason, code


@pytest.mark.parametrize('code', ['330782102003GL00012W00000000',      # 林地使用权宗地, no fixture
                                  '330782102003GL00012L00000001',      # 林地使用权宗地 with its forest
                                  '350303001002JN00031W00000000'])     # 农用地使用权宗地 (collective land)
def test_forest_and_farmland_use_right_parcels_are_valid(code):
    """GB/T 37346-2019 宗地特征码: L 林地使用权宗地 and N 农用地使用权宗地 are parcel types of their own."""
    verdict = checks.check_real_estate_unit(code)
    assert verdict.valid, verdict.reason
    assert set(checks.PARCEL_RIGHT) == set('ABSXCDEFLNHGWY')


# --- GB/T 40058 project code ------------------------------------------------------------------

def test_project_codes():
    verdict = checks.check_project_code('2509-320193-89-01-544060')
    assert verdict.valid and verdict.region == '320193' and 'not verified' in verdict.reason
    assert checks.check_project_code('250932019389015440 60'.replace(' ', '')).valid      # no hyphens
    assert checks.check_project_code('2018-350302-70-03-010088').valid                     # pre-2020 year
    for code, reason in [('2513-320193-89-01-544060', 'month'),
                         ('2509-32019-89-01-544060', 'YYMM-AAAAAA'),
                         ('2509-000000-89-01-544060', 'administrative'),
                         ('2509-3201A3-89-01-544060', 'only digits')]:
        verdict = checks.check_project_code(code)
        assert not verdict.valid and reason in verdict.reason, code


# --- building code schemes --------------------------------------------------------------------

def test_default_scheme_is_the_23_character_layout():
    scheme = schemes.get_scheme()
    assert scheme.id == schemes.DEFAULT_SCHEME and scheme.length == 23 and scheme.admin_length == 9
    code = scheme.compose(['110101010'], [2020], [109])[0]
    # 9 township + 4 year + 4 sequence + 5 unit + MOD 11-2 over the 22 digits
    assert code == '110101010' + '2020' + '0109' + '00000' + checks.mod11_2('1101010102020010900000')
    assert scheme.parse(code) == {'admin': '110101010', 'year': '2020', 'sequence': '0109',
                                  'fixed': '00000', 'check': code[-1]}
    assert scheme.validate(code).valid and scheme.validate(code).region == '110101010'


def test_the_drafts_example_follows_luhn_not_mod11_2():
    draft = '11010101020200109000003'
    assert not schemes.get_scheme('default23').validate(draft).valid
    assert 'should be 0' in schemes.get_scheme('default23').validate(draft).reason
    assert schemes.get_scheme('draft23_luhn').validate(draft).valid


@pytest.mark.parametrize('code, reason', [
    ('1101010102020010900000', '23 characters'),
    ('11010101020200109000001', 'should be 0'),
    ('1101010102020010900001X', 'must be 00000'),
    ('1101010102020000000000X', 'starts at 1'),
    ('11010101A2020010900000X', 'must be digits'),
])
def test_bad_building_codes_get_a_reason(code, reason):
    verdict = schemes.get_scheme().validate(code)
    assert not verdict.valid and reason in verdict.reason


def test_every_shipped_scheme_is_valid_and_its_example_validates():
    shipped = schemes.load_schemes()
    assert {'default23', 'draft23_luhn', 'city_county17'} <= set(shipped)
    for scheme in shipped.values():
        assert scheme.validate(scheme.example).valid, scheme.id
        assert len(scheme.example) == scheme.length


def test_a_citys_own_scheme_from_a_file(tmp_path):
    spec = {'schemes': [{'id': 'my_city', 'check': 'none', 'segments': [
        {'key': 'admin', 'length': 6}, {'key': 'sequence', 'length': 7}]}]}
    path = tmp_path / 'mine.json'
    path.write_text(json.dumps(spec), encoding='utf-8')
    scheme = schemes.get_scheme(str(path))
    assert scheme.id == 'my_city' and scheme.length == 13 and not scheme.has_year
    assert list(scheme.compose(['350302'], [0], [42])) == ['3503020000042']
    assert schemes.get_scheme(f'{path}#my_city').fingerprint() == scheme.fingerprint()
    assert scheme.fingerprint() != schemes.get_scheme().fingerprint()


@pytest.mark.parametrize('bad, message', [
    ({'id': 'x', 'segments': [{'key': 'sequence', 'length': 4}]}, 'exactly one “admin”'),
    ({'id': 'x', 'segments': [{'key': 'admin', 'length': 6}, {'key': 'seq', 'length': 4}]}, 'not one of'),
    ({'id': 'x', 'check': 'crc', 'segments': [{'key': 'admin', 'length': 6}, {'key': 'sequence', 'length': 4}]},
     'check “crc”'),
])
def test_malformed_schemes_are_refused_with_the_reason(tmp_path, bad, message):
    path = tmp_path / 'bad.json'
    path.write_text(json.dumps({'schemes': [bad]}), encoding='utf-8')
    with pytest.raises(InputError, match=message):
        schemes.get_scheme(str(path))


def test_unknown_scheme_lists_the_available_ones():
    with pytest.raises(InputError, match='default23'):
        schemes.get_scheme('no_such_scheme')


# --- a column at once (validate.check_arrays): the verdicts of the codes one by one ----------

def _with_check(body, method):
    return body + str(checks.check_characters([body], method)[0])


_ONE_BY_ONE = {     # type: (a valid code, scheme, check, codes that are wrong beyond their check character)
    'credit': ('91110000600037341L', None, checks.check_credit_code, ['91110000600037341l', '9111000060003734IL']),
    'real_estate_unit': ('320505400202GB00001F00010069', None, checks.check_real_estate_unit,
                         ['320505400202GB00001W00010069', '320505400202GB00001W00000000']),
    'building': ('11010101020200109000003', 'draft23_luhn', None,
                 [_with_check('1101010102020000000000', 'luhn'), _with_check('1101010102020010900001', 'luhn')]),
    'building ': (schemes.get_scheme().compose(['110101010'], [2020], [109])[0], 'default23', None,
                  [_with_check('1101010102020000000000', 'mod11_2'), _with_check('1101010102020010900001', 'mod11_2')]),
}


@pytest.mark.parametrize('kind', sorted(_ONE_BY_ONE))
@given(edits=st.lists(st.tuples(st.integers(0, 30), st.sampled_from('0123456789XLGJZBFWIO a-０')), max_size=3),
       written=st.sampled_from([str, str.lower, ' {} '.format, '{}-'.format]))
def test_a_column_of_codes_gets_the_verdict_of_each_code(kind, edits, written):
    from spatial_planning_monitor.core.codes import validate
    good, scheme_id, check, wrong = _ONE_BY_ONE[kind]
    scheme = schemes.get_scheme(scheme_id) if scheme_id else None
    check = check or scheme.validate
    code = good
    for position, character in edits:
        code = code[:position] + character + code[position + 1:]
    column = [good, code, written(code), '', None, 7] + wrong
    valid, reasons, regions = validate.check_arrays(column, kind.strip(), scheme)
    for k, value in enumerate(column):
        expected = check(value) if checks.clean(value) else checks.Verdict(False, 'no code', '')
        assert (valid[k], reasons[k], regions[k]) == tuple(expected), value
    assert valid[0] and regions[0]
