"""The indicator chart of a district report: each indicator against the other districts of the city.

QGIS 3.22 has no chart item in print layouts, so the report pre-renders one SVG per district and a
picture item shows the atlas district's file. Indicators have different units, so each indicator
gets its own row and scale (a bullet chart): the district's value as a bar in its status colour,
the range of all districts' values as a grey band, their mean as a dark mark and the target as a
blue tick, with the value written at the end of the row.

"The city" here is the set of districts in the indicator table: its mean is the unweighted mean of
the district values (the table has no city-wide row to compare with).
"""

import math
import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape

import pandas as pd

from ..indicators.engine import district_key
from ..indicators.status import EXCEEDED, NORMAL, WARNING
from .colours import CITY_COLOUR, STATUS_COLOURS, TARGET_COLOUR, status_colour
from .fonts import FAMILY

WIDTH = 460
ROW = 26
TOP = 6
LEGEND_ROW = 20
LABEL_W = 172
VALUE_W = 112
NAME_CHARS = 12
TEXT = 13
SMALL = 11


@dataclass
class Row:
    """One indicator of one district, with the city's reference values."""
    name: str
    unit: str
    value: float
    status: str
    target: float = None
    city_mean: float = None
    city_min: float = None
    city_max: float = None


def _number(value):
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) or math.isinf(value) else value


# units of counted things: their whole values print without decimals ("3 个", not "3.00 个")
COUNT_UNITS = ('个', '处', '座', '台', '套', '项', '件', '次', '人', '户', '栋', '幢', '条', '宗')


def is_count(value, unit):
    """True when ``value`` is a whole number of a counted ``unit``."""
    return (unit or '').strip() in COUNT_UNITS and float(value).is_integer()


def format_value(value, unit=''):
    """The value as the report table prints it: thousands separated, two decimals (none for a
    whole count)."""
    return '{:,.0f}'.format(value) if is_count(value, unit) else '{:,.2f}'.format(value)


def district_rows(long):
    """{district key: [Row, ...]} from the indicator long table (columns DISTRICT, IND_ID,
    IND_NAME, VALUE, UNIT, STATUS and optionally TARGET).

    Rows without a value are left out. When some indicators have a status (a target), only those
    are charted, for every district: they are the monitored ones, and an area in km² compared
    with other districts' areas says little.
    """
    frame = pd.DataFrame({
        'key': [district_key(k) for k in long['DISTRICT']],
        'ind': long['IND_ID'].astype(str) if 'IND_ID' in long else long['IND_NAME'].astype(str),
        'name': long['IND_NAME'].fillna('').astype(str),
        'unit': long['UNIT'].fillna('').astype(str) if 'UNIT' in long else '',
        'value': [_number(v) for v in long['VALUE']],
        'target': [_number(v) for v in long['TARGET']] if 'TARGET' in long else None,
        'status': long['STATUS'].fillna('').astype(str) if 'STATUS' in long else '',
    })
    values = frame.dropna(subset=['value'])
    city = values.groupby('ind')['value'].agg(['mean', 'min', 'max'])
    monitored = frame['status'].isin(list(STATUS_COLOURS))
    rows = {}
    for record, keep in zip(frame.itertuples(index=False), monitored | (not monitored.any())):
        rows.setdefault(record.key, [])
        if not keep or record.value is None or math.isnan(record.value):
            continue
        ref = city.loc[record.ind]
        rows[record.key].append(Row(
            name=record.name, unit=record.unit, value=record.value, status=record.status,
            target=_number(record.target), city_mean=float(ref['mean']),
            city_min=float(ref['min']), city_max=float(ref['max'])))
    return rows


def _short(text, limit=NAME_CHARS):
    return text if len(text) <= limit else text[:limit - 1] + '…'


def _text(x, y, content, size=12, anchor='start', fill='#222222', weight='normal', family=FAMILY):
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-family="{escape(family)}" font-size="{size}" '
            f'font-weight="{weight}" fill="{fill}" text-anchor="{anchor}">{escape(content)}</text>')


def text_width(text, size):
    """Estimated width in px of ``text`` at font ``size`` (CJK and full-width ~1 em, others ~0.55)."""
    return size * sum(1.0 if unicodedata.east_asian_width(ch) in 'WF' else 0.55 for ch in text)


def svg(rows, labels, family=FAMILY):
    """The chart of one district's ``rows`` as SVG text.

    ``labels``: {'district', 'city', 'range', 'target', 'empty'} legend texts, in the report's
    language (the template carries them).
    """
    legend, legend_height = _legend(labels, family)
    height = TOP + max(len(rows), 1) * ROW + 6 + legend_height
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
             f'viewBox="0 0 {WIDTH} {height}">',
             f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>']
    if not rows:
        parts.append(_text(WIDTH / 2, TOP + ROW * 0.65, labels['empty'], TEXT, 'middle', '#666666',
                           family=family))
    bar_x, bar_w = LABEL_W, WIDTH - LABEL_W - VALUE_W
    for i, row in enumerate(rows):
        top = TOP + i * ROW
        mid = top + ROW / 2
        if i % 2 == 0:
            parts.append(f'<rect x="0" y="{top}" width="{WIDTH}" height="{ROW}" fill="#f3f3f3"/>')
        parts.append(_text(4, mid + TEXT * 0.36, _short(row.name), TEXT, family=family))
        candidates = [0.0, row.value, row.city_min, row.city_max, row.target]
        finite = [v for v in candidates if v is not None]
        lo, hi = min(finite), max(finite)
        if hi - lo <= 0:
            hi = lo + 1.0
        scale = (bar_w - 8) / (hi - lo)

        def x(v, scale=scale, lo=lo):
            return bar_x + 4 + (v - lo) * scale
        if row.city_min is not None and row.city_max is not None:
            width = max(x(row.city_max) - x(row.city_min), 1.0)
            parts.append(f'<rect x="{x(row.city_min):.1f}" y="{top + 4}" width="{width:.1f}" '
                         f'height="{ROW - 8}" fill="#d6d6d6"/>')
        start, end = sorted((x(0.0), x(row.value)))
        parts.append(f'<rect x="{start:.1f}" y="{mid - 5}" width="{max(end - start, 1.0):.1f}" '
                     f'height="10" fill="{status_colour(row.status)}" stroke="#555555" '
                     f'stroke-width="0.5"/>')
        if row.city_mean is not None:
            cx = x(row.city_mean)
            parts.append(f'<path d="M {cx:.1f} {mid - 7} L {cx + 4:.1f} {mid} L {cx:.1f} {mid + 7} '
                         f'L {cx - 4:.1f} {mid} Z" fill="{CITY_COLOUR}"/>')
        if row.target is not None:
            tx = x(row.target)
            parts.append(f'<line x1="{tx:.1f}" y1="{top + 2}" x2="{tx:.1f}" y2="{top + ROW - 2}" '
                         f'stroke="{TARGET_COLOUR}" stroke-width="2.5"/>')
        value = format_value(row.value, row.unit) + (' ' + row.unit if row.unit else '')
        size = min(SMALL + 1, round((VALUE_W - 8) / text_width(value, 1.05), 1))   # long units
        parts.append(_text(WIDTH - 4, mid + TEXT * 0.36, value, size, 'end', weight='bold',
                           family=family))
    parts.append(f'<g transform="translate(0 {height - legend_height})">{legend}</g>')
    parts.append('</svg>')
    return '\n'.join(parts)


def _legend(labels, family):
    """(SVG of the legend, its height): district (status colours), city mean, range, target;
    items flow onto a second line when they do not fit the width."""
    swatches = ''.join(f'<rect x="{12 * k}" y="0" width="10" height="10" fill="{status_colour(s)}"/>'
                       for k, s in enumerate((NORMAL, WARNING, EXCEEDED)))
    symbols = [
        (swatches, 36, labels['district']),
        (f'<path d="M 4 -2 L 8 5 L 4 12 L 0 5 Z" fill="{CITY_COLOUR}"/>', 12, labels['city']),
        ('<rect x="0" y="0" width="22" height="10" fill="#d6d6d6"/>', 26, labels['range']),
        (f'<line x1="4" y1="-2" x2="4" y2="12" stroke="{TARGET_COLOUR}" stroke-width="2.5"/>', 10,
         labels['target']),
    ]
    items, x, y = [], 4.0, 4.0
    for symbol, offset, text in symbols:
        width = offset + text_width(text, SMALL) + 14
        if x > 4 and x + width > WIDTH:
            x, y = 4.0, y + LEGEND_ROW
        items.append(f'<g transform="translate({x:.1f} {y:.1f})">{symbol}'
                     + _text(offset, 9.5, text, SMALL, family=family) + '</g>')
        x += width
    return ''.join(items), y + LEGEND_ROW
