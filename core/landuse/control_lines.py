"""三线 monitoring: land use that violates the ecological red line, the permanent basic farmland
or the urban development boundary.

What counts as a violation is data (``layers/tables/control_line_rules.csv``, replaceable): each
row names a violation type, the control line, whether the land use is checked ``inside`` or
``outside`` it, the scheme of the land-use codes, and which classes are selected (``select``) or
left out (``exclude``), as space-separated patterns of :func:`tables.pattern_matches`.
Violation patches are the parts of land-use polygons inside (or outside) the line, cut by the
districts when given, so that areas by district are exact.
"""

import numpy as np

from ..errors import InputError
from ..i18n import translate
from . import tables
from .area import piece_areas, sliver_width
from .overlay import UNCOVERED, cut
from .summary import area_summary

CONTROL_RULES_TABLE = 'control_line_rules.csv'
LINES = ('ECO_REDLINE', 'FARMLAND', 'DEV_BOUNDARY')
PATCH_COLUMNS = ['VTYPE', 'VNAME', 'CUR_FID', 'CUR_CODE', 'CUR_NAME', 'DISTRICT', 'AREA_M2']
SUMMARY_COLUMNS = ['DISTRICT', 'VTYPE', 'VNAME', 'COUNT', 'AREA_M2', 'AREA_HA']


def load_rules(path=None):
    """The violation rules as a list of dicts (type, line, where, scheme, select, exclude, names)."""
    resolved = tables.table_path(CONTROL_RULES_TABLE, path)
    rows = tables.read_csv_rows(resolved, ('type', 'line', 'where', 'scheme', 'select', 'exclude',
                                           'name_zh', 'name_en'))
    rules = []
    for line, row in enumerate(rows, start=2):
        if row['line'] not in LINES or row['where'] not in ('inside', 'outside') \
                or row['scheme'] not in ('current', 'plan') or not row['type']:
            raise InputError(translate(
                'spm', 'Table {path}, line {line}: needs a type, a line among {lines}, where '
                       'inside/outside and scheme current/plan').format(
                path=resolved, line=line, lines=', '.join(LINES)))
        rules.append(dict(row, select=row['select'].split() or ['*'],
                          exclude=row['exclude'].split()))
    return rules


def _selected(layer, rule):
    """Boolean array: the land-use features a rule looks at (decided once per distinct code)."""
    decisions = {}
    for code in set(layer.codes):
        entry = layer.table.entry(code)
        category = entry['category'] if entry else None
        decisions[code] = (
            any(tables.pattern_matches(p, code, category) for p in rule['select'])
            and not any(tables.pattern_matches(p, code, category) for p in rule['exclude']))
    return np.array([decisions[code] for code in layer.codes], dtype=bool)


def evaluate(landuse, lines, districts=None, district_names=None, crs=None, rules=None,
             canceled=None, progress=None, log=None, method=None):
    """Violation patches and the 三线占用情况汇总表; return ``(patches, summary)``.

    ``landuse``: :class:`inputs.Layer` with codes; ``lines``: {line name: :class:`inputs.Layer`}
    for the lines given (at least one); ``districts``: a Layer and ``district_names`` (one text
    per district feature), or None. ``method``: how areas are measured (see area.py).
    """
    import geopandas as gpd

    if not lines:
        raise InputError(translate('spm', 'Give at least one control line layer.'))
    rules = rules if rules is not None else load_rules()
    collected = {name: [] for name in ('VTYPE', 'VNAME', 'CUR', 'geometry')}
    active = [r for r in rules if r['line'] in lines and r['scheme'] == landuse.scheme]
    for step, rule in enumerate(active):
        chosen = np.flatnonzero(_selected(landuse, rule))
        geometries = [landuse.geometry[i] for i in chosen]

        def report(percent, step=step):
            if progress is not None:
                progress((step + percent / 100.0) * 100.0 / (len(active) + 1))
        result = cut(geometries, lines[rule['line']].geometry, canceled=canceled, progress=report,
                     left_labels=landuse.fids[chosen], sliver_width=sliver_width(crs))
        keep = (result.right == UNCOVERED) if rule['where'] == 'outside' \
            else (result.right != UNCOVERED)
        name = rule['name_zh']
        for position in np.flatnonzero(keep):
            collected['VTYPE'].append(rule['type'])
            collected['VNAME'].append(name)
            collected['CUR'].append(chosen[result.left[position]])
            collected['geometry'].append(result.geometry[position])
        if log is not None:
            log(translate('spm', '{name}: {count} patch(es).').format(
                name=name, count=int(keep.sum())))
    current = np.asarray(collected['CUR'], dtype=np.int64)
    vtype = np.asarray(collected['VTYPE'], dtype=object)
    vname = np.asarray(collected['VNAME'], dtype=object)
    geometry = collected['geometry']
    district = np.full(len(geometry), '', dtype=object)
    if districts is not None:
        result = cut(geometry, districts.geometry, canceled=canceled, sliver_width=sliver_width(crs))
        current, vtype, vname = current[result.left], vtype[result.left], vname[result.left]
        geometry = result.geometry
        district = np.full(len(geometry), '', dtype=object)
        inside = result.right != UNCOVERED
        district[inside] = np.asarray(district_names, dtype=object)[result.right[inside]]
    codes = landuse.codes[current]
    patches = gpd.GeoDataFrame({
        'VTYPE': vtype,
        'VNAME': vname,
        'CUR_FID': landuse.fids[current],
        'CUR_CODE': codes,
        'CUR_NAME': landuse.table.names(codes),
        'DISTRICT': district,
        'AREA_M2': piece_areas(geometry, crs, method, current, landuse, canceled),
    }, geometry=list(geometry), crs=crs)
    if progress is not None:
        progress(100.0)
    return patches, summarize(patches)


def summarize(pieces):
    """Area (m², ha) and number of patches by district and violation type."""
    return area_summary(pieces, ['DISTRICT', 'VTYPE', 'VNAME'], SUMMARY_COLUMNS)
