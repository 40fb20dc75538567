"""The indicator formula language: arithmetic only, parsed with ast, never eval'd."""

import math

import pytest
from hypothesis import given, strategies as st

from spatial_planning_monitor.core.indicators.formula import Formula, FormulaError


def test_arithmetic_precedence_and_names():
    f = Formula('construction_area / district_area * 100')
    assert f.names == {'construction_area', 'district_area'}
    assert f.evaluate({'construction_area': 210000, 'district_area': 1e6}) == 21.0
    assert Formula('2 + 3 * 4 ** 2 - -1').evaluate({}) == 2 + 3 * 16 + 1
    assert Formula('(a + b) / 1e6').evaluate({'a': 1.5e6, 'b': 0.5e6}) == 2.0
    assert Formula('7 // 2 + 7 % 2').evaluate({}) == 4.0


def test_functions():
    assert Formula('max(a, b, 3)').evaluate({'a': 1, 'b': 2}) == 3
    assert Formula('min(a, 0)').evaluate({'a': -2}) == -2
    assert Formula('abs(a) + sqrt(16)').evaluate({'a': -1}) == 5
    assert Formula('round(a, 2)').evaluate({'a': 1.23456}) == 1.23


@pytest.mark.parametrize('text', [
    '__import__("os").system("true")', 'a.b', 'a[0]', 'lambda: 1', 'a if b else c', 'a < b',
    '"text"', 'open("x")', '[1, 2]', 'a and b', 'True + 1', 'f(a)', 'max', 'max(x=1)',
])
def test_refuses_everything_but_arithmetic(text):
    with pytest.raises(FormulaError):
        Formula(text)


def test_syntax_error_names_the_formula():
    with pytest.raises(FormulaError, match=r'syntax error in formula "construction_area / \(district_area"'):
        Formula('construction_area / (district_area')
    with pytest.raises(FormulaError, match='empty'):
        Formula('  ')


def test_evaluation_problems():
    f = Formula('urban_construction_area / urban_population')
    with pytest.raises(FormulaError, match='division by zero'):
        f.evaluate({'urban_construction_area': 5.0, 'urban_population': 0})
    with pytest.raises(FormulaError, match='input urban_population has no value'):
        f.evaluate({'urban_construction_area': 5.0, 'urban_population': float('nan')})
    with pytest.raises(FormulaError, match='input urban_population is not available'):
        f.evaluate({'urban_construction_area': 5.0})
    with pytest.raises(FormulaError):
        Formula('sqrt(a)').evaluate({'a': -1})
    with pytest.raises(FormulaError):
        Formula('a ** 0.5').evaluate({'a': -8})     # would be a complex number
    with pytest.raises(FormulaError):
        Formula('10 ** 1000').evaluate({})           # exponent cap


@given(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6))
def test_matches_python_arithmetic(a, b):
    expected = a * 3 - b / 7 + abs(a - b)
    assert math.isclose(Formula('a * 3 - b / 7 + abs(a - b)').evaluate({'a': a, 'b': b}),
                        expected, rel_tol=1e-12, abs_tol=1e-9)


# --- bounded work: bombs end fast with a FormulaError ---------------------------------------------

@pytest.mark.parametrize('text,reason', [
    ('(((((9**64)**64)**64)**64)**64)', 'does not give a finite number'),
    ('round(1e300) ** 64 ** 64', 'exponent'),
    ('a * 1e308 * 10 / 1e308', 'does not give a finite number'),     # an infinite step, even if undone
    ('9' * 400, 'too large'),
    ('(' * 10000 + 'a' + ')' * 10000, 'longer than 2000'),
    ('(' * 250 + 'a' + ')' * 250, 'too many nested parentheses'),
    ('-' * 1500 + 'a', 'nested more than 100 levels'),
    ('+'.join(['a'] * 150), 'nested more than 100 levels'),
    ('a\x00', 'cannot be parsed'),
])
def test_formula_bombs_give_a_formula_error_fast(text, reason):
    import time
    started = time.monotonic()
    with pytest.raises(FormulaError, match=reason):
        Formula(text).evaluate({'a': 2.0})
    assert time.monotonic() - started < 1.0


def test_deep_but_reasonable_formulas_still_work():
    assert Formula('+'.join(['a'] * 90)).evaluate({'a': 1.0}) == 90.0
    assert Formula('(' * 190 + 'a' + ')' * 190).evaluate({'a': 3.0}) == 3.0
    assert Formula('round(a)').evaluate({'a': 2.6}) == 3.0 and isinstance(Formula('round(a)').evaluate({'a': 2.6}), float)


def test_an_infinite_input_is_named():
    with pytest.raises(FormulaError, match='input gdp is not a finite number'):
        Formula('gdp / population').evaluate({'gdp': float('inf'), 'population': 1.0})
