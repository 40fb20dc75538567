"""core.finite.check_finite: inf, nan and overflowing sums stop, naming table, row and column."""

import numpy as np
import pandas as pd
import pytest

from spatial_planning_monitor.core.errors import InputError
from spatial_planning_monitor.core.finite import check_finite


@pytest.mark.parametrize('values,row,shown', [
    (['1', ' inf ', '2'], 2, ' inf '),
    (['1', '2', '-Infinity'], 3, '-Infinity'),
    (['nan', '1'], 1, 'nan'),
    (['1', 'NaN'], 2, 'NaN'),
    (['1e999'], 1, '1e999'),
    ([1.0, np.inf], 2, 'inf'),
    ([1.0, -np.inf], 2, '-inf'),
])
def test_non_finite_values_are_named(values, row, shown):
    frame = pd.DataFrame({'amount': values, 'other': ['x'] * len(values)})
    with pytest.raises(InputError) as caught:
        check_finite(frame, ['amount'], 'Table “energy”')
    assert str(caught.value).startswith(f'Table “energy”, row {row}, column amount: “{shown}” is not a finite')


def test_missing_values_and_text_are_left_to_the_caller():
    frame = pd.DataFrame({'a': ['1', '', None, 'abc', np.nan, 2.5], 'b': [1.0, np.nan, 2, 3, 4, 5]})
    check_finite(frame, ['a', 'b'], 'T')          # no error


def test_overflowing_sum_names_the_row_where_it_overflows():
    frame = pd.DataFrame({'v': ['1e308', '-1e308', '1']})
    with pytest.raises(InputError, match=r'T, column v: the values add up beyond .* at row 2 \(“-1e308”\)'):
        check_finite(frame, ['v'], 'T')     # by absolute value: a subtotal of 1e308 + 1e308 would overflow


def test_row_names_can_be_given():
    frame = pd.DataFrame({'v': [1.0, np.inf]}, index=[10, 11])
    with pytest.raises(InputError, match='row 11'):
        check_finite(frame, ['v'], 'T', rows=frame.index)
    with pytest.raises(InputError, match='row 2'):
        check_finite(frame, ['v'], 'T')


def test_integer_columns_and_huge_python_integers():
    check_finite(pd.DataFrame({'v': np.arange(5)}), ['v'], 'T')
    with pytest.raises(InputError, match='not a finite'):
        check_finite(pd.DataFrame({'v': pd.Series([1, 10 ** 400], dtype=object)}), ['v'], 'T')
