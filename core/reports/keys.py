"""Which field of the district (coverage) layer the indicator table's DISTRICT column refers to.

``spm:indicators`` writes the district key it was given (an administrative code or a name) into
the long table's DISTRICT column. The report finds the coverage field whose values match those
keys, so the user does not have to name it twice; keys are compared as text the way the indicator
engine writes them (350302, 350302.0 and '350302' are the same district).
"""

from ..errors import InputError
from ..i18n import translate
from ..indicators.engine import district_key


def match_key_field(columns, table_keys, prefer=None, layer='', table=''):
    """The name of the coverage field whose values best match ``table_keys``.

    ``columns``: {field name: values of the coverage features}; ``table_keys``: the DISTRICT
    values of the indicator table; ``prefer``: the field chosen on ties (the name field).
    Returns (field, unmatched) where ``unmatched`` lists coverage keys absent from the table.
    Raises InputError naming both layers when no field shares a single key with the table.
    """
    keys = {district_key(k) for k in table_keys} - {''}
    best, best_hits = None, 0
    for name, values in columns.items():
        hits = sum(1 for v in values if district_key(v) in keys)
        if hits > best_hits or (hits == best_hits and hits and name == prefer):
            best, best_hits = name, hits
    if best is None:
        sample = ', '.join(sorted(keys)[:5]) or translate('spm', '(none)')
        raise InputError(translate(
            'spm', 'Indicator table “{table}”: no value of its DISTRICT column ({sample}) is found '
                   'in any field of the district layer “{layer}” ({fields}).').format(
            table=table, sample=sample, layer=layer, fields=', '.join(columns)))
    unmatched = [v for v in columns[best] if district_key(v) not in keys]
    return best, unmatched
