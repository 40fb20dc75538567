"""Status (正常/预警/超标) of an indicator value against its thresholds, and its trend.

Boundary semantics (documented in docs/indicators.md and tested at the boundary):

* direction ``lower`` (lower is better, 逆向): the target is a ceiling and the warning threshold is
  at or below it. ``value > target`` → 超标; ``warning <= value <= target`` → 预警;
  ``value < warning`` → 正常. Reaching the target is a warning, only passing it is 超标.
* direction ``higher`` (higher is better, 正向): the target is a floor and the warning threshold is
  at or above it. ``value < target`` → 超标; ``target <= value <= warning`` → 预警;
  ``value > warning`` → 正常.
* Only a target: no warning band (``lower``: ``value > target`` → 超标, else 正常).
  Only a warning threshold: ``lower``: ``value >= warning`` → 预警, else 正常 (mirrored for ``higher``).
* Direction ``none`` or no thresholds: no status (empty).
"""

import math

from ..errors import InputError
from ..i18n import translate

NORMAL = '正常'
WARNING = '预警'
EXCEEDED = '超标'
NOT_COMPUTED = '未计算'
NO_STATUS = ''
# worst first: used to summarise a district
SEVERITY = {EXCEEDED: 3, WARNING: 2, NORMAL: 1, NO_STATUS: 0, NOT_COMPUTED: 0}

HIGHER = 'higher'
LOWER = 'lower'
NONE = 'none'
DIRECTIONS = {
    'higher': HIGHER, '正向': HIGHER, '+': HIGHER, 'up': HIGHER,
    'lower': LOWER, '逆向': LOWER, '-': LOWER, 'down': LOWER,
    'none': NONE, '': NONE, '无': NONE, '中性': NONE,
}

IMPROVED = '改善'
WORSENED = '恶化'
UNCHANGED = '持平'
ROSE = '上升'
FELL = '下降'


def parse_direction(text):
    """Canonical direction ('higher', 'lower', 'none') of ``text``; raises InputError if unknown."""
    key = (text or '').strip().lower()
    if key not in DIRECTIONS:
        raise InputError(translate('spm', 'direction "{value}" is not one of higher/lower/none '
                                          '(正向/逆向/无)').format(value=text))
    return DIRECTIONS[key]


def check_thresholds(direction, target, warning):
    """Raise InputError when the warning threshold lies on the wrong side of the target."""
    if target is None or warning is None:
        return
    if direction == LOWER and warning > target:
        raise InputError(translate(
            'spm', 'lower is better, so the warning threshold {warning} must not exceed the target '
            '{target}').format(warning=warning, target=target))
    if direction == HIGHER and warning < target:
        raise InputError(translate(
            'spm', 'higher is better, so the warning threshold {warning} must not be below the '
            'target {target}').format(warning=warning, target=target))


def classify(value, direction, target=None, warning=None):
    """Status of ``value``: 正常, 预警, 超标, or '' when there is nothing to compare with."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NOT_COMPUTED
    if direction == NONE or (target is None and warning is None):
        return NO_STATUS
    if direction == LOWER:
        if target is not None and value > target:
            return EXCEEDED
        if warning is not None and value >= warning:
            return WARNING
        return NORMAL
    if target is not None and value < target:
        return EXCEEDED
    if warning is not None and value <= warning:
        return WARNING
    return NORMAL


def trend(value, previous, direction, tolerance=1e-9):
    """(change, word) of ``value`` against ``previous``; word is 改善/恶化/持平 or 上升/下降/持平.

    Returns (None, '') when either value is missing. Changes within ``tolerance`` relative to the
    previous value (absolute when it is below 1) count as 持平.
    """
    if value is None or previous is None or any(
            isinstance(v, float) and math.isnan(v) for v in (value, previous)):
        return None, ''
    change = value - previous
    if abs(change) <= tolerance * max(1.0, abs(previous)):
        return 0.0, UNCHANGED
    if direction == NONE:
        return change, ROSE if change > 0 else FELL
    better = change > 0 if direction == HIGHER else change < 0
    return change, IMPROVED if better else WORSENED
