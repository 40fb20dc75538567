"""Status 正常/预警/超标 flips exactly at the documented boundaries; trend follows direction."""

import pytest

from spatial_planning_monitor.core.errors import InputError
from spatial_planning_monitor.core.indicators.status import (
    check_thresholds, classify, parse_direction, trend)


@pytest.mark.parametrize('value, expected', [
    (24.999, '正常'), (25.0, '预警'), (29.0, '预警'), (30.0, '预警'), (30.0001, '超标'),
])
def test_lower_is_better_boundaries(value, expected):
    # 开发强度: target 30 (ceiling), warning 25
    assert classify(value, 'lower', target=30, warning=25) == expected


@pytest.mark.parametrize('value, expected', [
    (39.999, '超标'), (40.0, '预警'), (45.0, '预警'), (45.001, '正常'),
])
def test_higher_is_better_boundaries(value, expected):
    # 森林覆盖率: target 40 (floor), warning 45
    assert classify(value, 'higher', target=40, warning=45) == expected


def test_target_only_and_warning_only():
    assert classify(0.0, 'lower', target=0) == '正常'          # "must be zero" indicators
    assert classify(1e-9, 'lower', target=0) == '超标'
    assert classify(1.0, 'lower', warning=1) == '预警'
    assert classify(0.99, 'lower', warning=1) == '正常'
    assert classify(5.0, 'higher', warning=5) == '预警'
    assert classify(5.1, 'higher', warning=5) == '正常'


def test_no_status_without_thresholds_or_direction():
    assert classify(10.0, 'lower') == ''
    assert classify(10.0, 'none', target=3, warning=1) == ''
    assert classify(None, 'lower', target=3) == '未计算'


def test_directions_and_threshold_order():
    assert parse_direction('正向') == 'higher' and parse_direction('逆向') == 'lower'
    assert parse_direction('') == 'none'
    with pytest.raises(InputError):
        parse_direction('sideways')
    with pytest.raises(InputError, match='must not exceed the target'):
        check_thresholds('lower', 30, 35)
    with pytest.raises(InputError, match='must not be below the target'):
        check_thresholds('higher', 40, 35)
    check_thresholds('lower', 30, 30)


def test_trend():
    assert trend(21.0, 20.0, 'lower') == (1.0, '恶化')
    assert trend(19.0, 20.0, 'lower') == (-1.0, '改善')
    assert trend(55.0, 50.0, 'higher') == (5.0, '改善')
    assert trend(50.0, 50.0, 'higher') == (0.0, '持平')
    assert trend(3.0, 2.0, 'none') == (1.0, '上升')
    assert trend(3.0, None, 'lower') == (None, '')
