"""How many indicators of each district are 正常, 预警 and 超标 (the report's summary line)."""

from ..indicators.engine import district_key
from ..indicators.status import EXCEEDED, NORMAL, WARNING

STATUSES = (EXCEEDED, WARNING, NORMAL)


def status_counts(keys, statuses):
    """{district key: {超标: n, 预警: n, 正常: n}} from the long table's DISTRICT and STATUS columns.

    Rows with another status (no target, 未计算) are not counted.
    """
    counts = {}
    for key, status in zip(keys, statuses):
        row = counts.setdefault(district_key(key), dict.fromkeys(STATUSES, 0))
        if status in row:
            row[status] += 1
    return counts
