"""City code (城市码) schemes, as data (layers/tables/city_code_schemes.json).

A city code scheme is a building code scheme (:class:`.schemes.Scheme`, same file shape, same
checks) whose ``fixed`` segment is the entity type: ``types`` gives its value per type. The
default, ``city17``, is region (6) + entity type (2) + serial (8) + ISO 7064 MOD 11-2 check.
"""

import copy

from ..data import data_path
from ..errors import InputError
from ..i18n import translate
from .schemes import Scheme, load_schemes

DEFAULT = 'city17'
SCHEMES_FILE = data_path('tables', 'city_code_schemes.json')
ENTITY_TYPES = ('building', 'parcel', 'project', 'address', 'enterprise')


class CityScheme:
    """One city code layout: a :class:`Scheme` per entity type."""

    def __init__(self, scheme):
        self.template = scheme
        self.id = scheme.id
        types = scheme.spec.get('types') or {}
        fixed = scheme._segment('fixed')
        if fixed is None or sorted(types) != sorted(ENTITY_TYPES):
            raise InputError(translate('spm', 'City code scheme “{id}”: it needs a fixed segment (the entity type) '
                                              'and a value in “types” for each of {types}.').format(
                id=scheme.id, types=', '.join(ENTITY_TYPES)))
        self.by_type = {}
        for entity_type, value in types.items():
            spec = copy.deepcopy(scheme.spec)
            spec.pop('example', None)
            for segment in spec['segments']:
                if segment.get('key') == 'fixed':
                    segment['value'] = str(value)
            self.by_type[entity_type] = Scheme(spec, origin=scheme.origin)
        self.building_codes = bool(scheme.spec.get('building_code_is_city_code', True))

    @property
    def region_length(self):
        return self.template.admin_length

    def fingerprint(self):
        return '|'.join(self.by_type[t].fingerprint() for t in ENTITY_TYPES)

    def to_json(self):
        return self.template.to_json()

    def compose(self, region, entity_type, serials):
        """City codes for ``serials`` (ints) of one entity type in ``region``."""
        return self.by_type[entity_type].compose([region] * len(serials), None, serials)

    def type_of(self, code):
        """(entity type, verdict reason) of a city code of this scheme, or (None, reason)."""
        reason = ''
        for entity_type, scheme in self.by_type.items():
            verdict = scheme.validate(code)
            if verdict.valid:
                return entity_type, verdict.reason
            reason = reason or verdict.reason
        return None, reason


def get_city_scheme(name=None):
    """The city code scheme ``name``: a shipped id, ``file.json`` (its first) or ``file.json#id``."""
    name = str(name or DEFAULT).strip()
    path, _, wanted = name.partition('#')
    if path.lower().endswith('.json'):
        schemes = load_schemes(path)
        wanted = wanted or next(iter(schemes))
    else:
        schemes, wanted = load_schemes(str(SCHEMES_FILE)), name
    if wanted not in schemes:
        raise InputError(translate('spm', 'There is no city code scheme “{name}”; available: {ids}.').format(
            name=wanted, ids=', '.join(schemes)))
    return CityScheme(schemes[wanted])
