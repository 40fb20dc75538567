"""Read access to an indicator TABLE (the long format written by spm:indicators), for the dock.

The dock, the atlas and a notebook ask the same questions of a result: which indicators, which
districts, one district's rows, one indicator's values across districts, which districts are in
预警/超标. Keys are compared as text (see :func:`engine.district_key`).
"""

from ..errors import InputError
from ..i18n import translate
from .engine import as_number, district_key
from .status import EXCEEDED, WARNING

REQUIRED = ('DISTRICT', 'IND_ID', 'VALUE', 'STATUS')
FLAGGED = (WARNING, EXCEEDED)


class Results:
    """An indicator TABLE as a pandas DataFrame, with the questions the dock asks of it."""

    def __init__(self, frame):
        missing = [c for c in REQUIRED if c not in frame.columns]
        if missing:
            raise InputError(translate('spm', 'not an indicator table: field(s) {fields} missing')
                             .format(fields=', '.join(missing)))
        frame = frame.copy()
        frame['DISTRICT'] = [district_key(k) for k in frame['DISTRICT']]
        frame['IND_ID'] = frame['IND_ID'].astype(str)
        for column in ('IND_NAME', 'UNIT', 'TREND', 'NOTE', 'DIRECTION', 'STATUS'):
            if column not in frame.columns:
                frame[column] = ''
            frame[column] = frame[column].fillna('').astype(str)
        for column in ('VALUE', 'TARGET', 'WARNING'):
            if column not in frame.columns:
                frame[column] = float('nan')
            frame[column] = frame[column].astype(float)
        self.frame = frame.reset_index(drop=True)

    def indicators(self):
        """Indicator ids in table order."""
        return list(dict.fromkeys(self.frame['IND_ID']))

    def districts(self):
        """District keys in table order."""
        return list(dict.fromkeys(self.frame['DISTRICT']))

    def info(self, indicator):
        """{id, name, unit, direction, target, warning} of an indicator (None when absent)."""
        rows = self.frame[self.frame['IND_ID'] == indicator]
        if rows.empty:
            return None
        first = rows.iloc[0]
        return {'id': indicator, 'name': first['IND_NAME'] or indicator, 'unit': first['UNIT'],
                'direction': first['DIRECTION'], 'target': as_number(first['TARGET']),
                'warning': as_number(first['WARNING'])}

    def district_rows(self, district):
        """The rows of one district, in indicator order (a DataFrame)."""
        return self.frame[self.frame['DISTRICT'] == district_key(district)]

    def values(self, indicator):
        """{district key: value or None} of one indicator."""
        rows = self.frame[self.frame['IND_ID'] == indicator]
        return {k: as_number(v) for k, v in zip(rows['DISTRICT'], rows['VALUE'])}

    def statuses(self, indicator):
        """{district key: status} of one indicator."""
        rows = self.frame[self.frame['IND_ID'] == indicator]
        return dict(zip(rows['DISTRICT'], rows['STATUS']))

    def flagged(self, indicator):
        """District keys whose status for ``indicator`` is 预警 or 超标."""
        return [k for k, s in self.statuses(indicator).items() if s in FLAGGED]

