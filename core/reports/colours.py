"""Colours of the indicator statuses in reports: the same as the district map style
(layers/styles/indicators_districts.qml), so the table, the chart and the map agree."""

from ..indicators.status import EXCEEDED, NORMAL, WARNING

STATUS_COLOURS = {EXCEEDED: '#d7301f', WARNING: '#fdae61', NORMAL: '#66bd63'}
NO_STATUS_COLOUR = '#bdbdbd'
# text drawn on a status colour
STATUS_TEXT = {EXCEEDED: '#ffffff', WARNING: '#3f2a00', NORMAL: '#0b3d0b'}
CITY_COLOUR = '#3b3b3b'
TARGET_COLOUR = '#1f4e9c'


def status_colour(status):
    """Fill colour of a status (grey for no status / not computed)."""
    return STATUS_COLOURS.get(status, NO_STATUS_COLOUR)
