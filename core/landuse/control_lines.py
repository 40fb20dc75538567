"""三线 monitoring: land use that violates the ecological red line, the permanent basic farmland
or the urban development boundary.

What counts as a violation is data (``layers/tables/control_line_rules.csv``, replaceable): each
row names a violation type, the control line, whether the land use is checked ``inside`` or
``outside`` it, the scheme of the land-use codes, and which classes are selected (``select``) or
left out (``exclude``), as space-separated patterns of :func:`tables.pattern_matches`.
Violation patches are the parts of land-use polygons inside (or outside) the line, cut by the
districts when given, so that areas by district are exact.

A rule may also name 城镇村属性码 patterns (column ``czcsxm``). When the land-use layer carries the
三调 field ``CZCSXM`` (TD/T 1055-2019 《第三次全国国土调查技术规程》: 201 城市, 202 建制镇,
203 村庄, 204 盐田及采矿用地, 205 特殊用地; an ``A`` suffix marks the 独立工业用地 of each), such
a rule selects the features whose code matches ``select`` *and* whose CZCSXM matches one of the
patterns, and ``exclude`` is not applied: the attribute says directly what the code exclusions
only approximate. ``UDB_OUTSIDE`` (城镇开发边界外城镇建设用地) takes ``201* 202*``: 城镇 land outside
the boundary; village land (203: shops, roads and houses of a village), mining and salt pans
(204) and special land (205), which may lie outside the boundary, are not urban sprawl.
"""

from fnmatch import fnmatchcase

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
                          exclude=row['exclude'].split(),
                          czcsxm=(row.get('czcsxm') or '').upper().split()))
    return rules


def normalize_czcsxm(values):
    """城镇村属性码 as upper-case text ('' for blanks; 201.0 -> '201')."""
    out = []
    for value in values:
        text = '' if value is None or (isinstance(value, float) and value != value) else str(value).strip()
        if text.endswith('.0'):
            text = text[:-2]
        out.append('' if text in ('None', 'nan', 'NULL') else text.upper())
    return np.asarray(out, dtype=object)


def _selected(layer, rule, czcsxm=None):
    """Boolean array: the land-use features a rule looks at (decided once per distinct code, and
    per distinct 城镇村属性码 when the rule uses it and ``czcsxm`` is given)."""
    by_attribute = czcsxm is not None and bool(rule['czcsxm'])
    decisions = {}
    for code in set(layer.codes):
        entry = layer.table.entry(code)
        category = entry['category'] if entry else None
        decisions[code] = (
            any(tables.pattern_matches(p, code, category) for p in rule['select'])
            and (by_attribute or not any(tables.pattern_matches(p, code, category) for p in rule['exclude'])))
    chosen = np.array([decisions[code] for code in layer.codes], dtype=bool)
    if by_attribute:
        chosen &= np.array([any(fnmatchcase(v, p) for p in rule['czcsxm']) for v in czcsxm], dtype=bool)
    return chosen


def evaluate(landuse, lines, districts=None, district_names=None, crs=None, rules=None,
             canceled=None, progress=None, log=None, czcsxm=None, method=None):
    """Violation patches and the 三线占用情况汇总表; return ``(patches, summary)``.

    ``landuse``: :class:`inputs.Layer` with codes; ``lines``: {line name: :class:`inputs.Layer`}
    for the lines given (at least one); ``districts``: a Layer and ``district_names`` (one text
    per district feature), or None; ``czcsxm``: the 城镇村属性码 of each land-use feature, or None;
    ``method``: how areas are measured (see area.py).
    """
    import geopandas as gpd

    if not lines:
        raise InputError(translate('spm', 'Give at least one control line layer.'))
    rules = rules if rules is not None else load_rules()
    collected = {name: [] for name in ('VTYPE', 'VNAME', 'CUR', 'geometry')}
    active = [r for r in rules if r['line'] in lines and r['scheme'] == landuse.scheme]
    if czcsxm is not None:
        czcsxm = normalize_czcsxm(czcsxm)
    for step, rule in enumerate(active):
        chosen = np.flatnonzero(_selected(landuse, rule, czcsxm))
        if log is not None and czcsxm is not None and rule['czcsxm']:
            log(translate('spm', '{name}: land use chosen by 城镇村属性码 CZCSXM {codes} ({count} feature(s)).')
                .format(name=rule['name_zh'], codes=' '.join(rule['czcsxm']), count=len(chosen)))
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
