"""规划符合性: overlay current use with planned use and give every piece a status.

Statuses 符合 (conforming), 不符合 (non-conforming), 待核 (to be checked), decided by a
compatibility table (``layers/tables/conformance_rules.csv``, replaceable): rows ``current, plan,
status``; the first row that matches a piece wins. Patterns are those of
:func:`tables.pattern_matches` (``*``, ``@unknown``, ``@construction`` …, ``01*``, ``*K``) — of the
current layer's own codes in the current column, of 用地用海 codes in the plan column — plus, in
the plan column only, ``@none`` (no plan zone covers the piece) and ``=`` (the plan's level-1
class equals the current class's 用地用海 level-1 class), and in the current column only
``ydyh:PATTERN``, matched against the current code's 用地用海 equivalent (so ``ydyh:2303`` is
田坎 whether the current layer says 三调 1203 or 用地用海 2303).

The shipped rules let farm support inside a planned 01 耕地 zone conform — 田坎 (2303), 农村道路
(0601), 沟渠 (1705) and 设施农用地 (0602): the 用地用海 guide (自然资发〔2023〕234号) files 田坎 under
23 and 农村道路/设施农用地 under 06 农业设施建设用地, and GB/T 21010-2017 (附录 A, 三大类) counts
农村道路, 沟渠, 设施农用地 and 田坎 as 农用地 serving the fields — and let 水工设施用地
(三调 1109 水工建筑用地 → 1311) inside a planned 17 陆地水域 zone conform.
"""


import numpy as np
import pandas as pd

from ..errors import InputError
from ..i18n import translate
from . import tables
from .area import piece_areas, sliver_width
from .overlay import UNCOVERED, cut
from .summary import area_summary

STATUSES = ('符合', '不符合', '待核')
YDYH_PREFIX = 'ydyh:'   # current-column pattern on the current code's 用地用海 equivalent
NOT_COVERED = '规划未覆盖'   # plan name of pieces no plan zone covers (a data value, like 未知)
PIECE_COLUMNS = ['CUR_FID', 'CUR_CODE', 'CUR_NAME', 'CUR_YDYH', 'PLAN_FID', 'PLAN_CODE',
                 'PLAN_NAME', 'STATUS', 'AREA_M2']
SUMMARY_COLUMNS = ['PLAN_CODE', 'PLAN_NAME', 'STATUS', 'COUNT', 'AREA_M2', 'AREA_HA']


class Rules:
    """The compatibility table; :meth:`status` gives the status of one (current, plan) pair."""

    def __init__(self, rows, path):
        self.path = path
        self.rows = []
        for line, row in enumerate(rows, start=2):
            current, plan, status = row['current'], row['plan'], row['status']
            if not current and not plan and not status:
                continue
            if status not in STATUSES:
                raise InputError(translate(
                    'spm', 'Rules {path}, line {line}: status {status} is not one of {allowed}'
                ).format(path=path, line=line, status=status, allowed=', '.join(STATUSES)))
            for column, value in (('current', current), ('plan', plan)):
                if not value:
                    raise InputError(translate(
                        'spm', 'Rules {path}, line {line}: column {column} is empty').format(
                            path=path, line=line, column=column))
                if value in ('=', '@none') and column == 'current':
                    raise InputError(translate(
                        'spm', 'Rules {path}, line {line}: {value} is allowed in the plan column only'
                    ).format(path=path, line=line, value=value))
                if value.lower().startswith(YDYH_PREFIX) and column == 'plan':
                    raise InputError(translate(
                        'spm', 'Rules {path}, line {line}: {value} is allowed in the current column only'
                    ).format(path=path, line=line, value=value))
            if current.lower().startswith(YDYH_PREFIX):
                current = YDYH_PREFIX + current[len(YDYH_PREFIX):].upper()
            self.rows.append((current if current.startswith(('@', YDYH_PREFIX)) else current.upper(),
                              plan if plan.startswith('@') else plan.upper(), status))
        if not self.rows:
            raise InputError(translate('spm', 'Rules {path} has no rule').format(path=path))

    def status(self, current, plan):
        """Status for ``current`` = (code, category, 用地用海 code) and ``plan`` = (code, category),
        or None when no plan zone covers the piece; category None = code not in its table."""
        code, category, ydyh = current
        for cur_pattern, plan_pattern, status in self.rows:
            if cur_pattern.startswith(YDYH_PREFIX):
                if category is None or not tables.pattern_matches(cur_pattern[len(YDYH_PREFIX):], ydyh, category):
                    continue
            elif not tables.pattern_matches(cur_pattern, code, category):
                continue
            if plan is None:
                if plan_pattern in ('*', '@none'):
                    return status
                continue
            if plan_pattern == '@none':
                continue
            if plan_pattern == '=':
                if category is not None and plan[1] is not None and ydyh[:2] == plan[0][:2]:
                    return status
                continue
            if tables.pattern_matches(plan_pattern, plan[0], plan[1]):
                return status
        return '待核'


def load_rules(path=None):
    """The compatibility rules: ``path``, the user's copy, or the shipped default."""
    resolved = tables.table_path(tables.RULES_TABLE, path)
    return Rules(tables.read_csv_rows(resolved, ('current', 'plan', 'status')), resolved)


def evaluate(current_layer, plan_layer, rules=None, crs=None, canceled=None, progress=None,
             log=None, method=None):
    """Overlay and classify; return ``(pieces, summary)``.

    ``current_layer``/``plan_layer``: :class:`inputs.Layer` (land use; the plan read as 用地用海).
    ``pieces``: a GeoDataFrame with :data:`PIECE_COLUMNS`; ``summary``: area and count of pieces
    by plan class and status, whose totals equal the pieces' totals. ``method``: see area.py.
    """
    import geopandas as gpd

    rules = rules or load_rules()
    result = cut(current_layer.geometry, plan_layer.geometry, canceled=canceled,
                 progress=progress, left_labels=current_layer.fids, right_labels=plan_layer.fids,
                 sliver_width=sliver_width(crs))
    if log is not None:
        log(translate('spm', 'Wholly inside one plan zone: {whole} of {total} current polygons (no '
                             'intersection computed); {pieces} pieces in all.').format(
            whole=result.whole, total=sum(g is not None for g in current_layer.geometry),
            pieces=len(result.geometry)))
        for a, b in result.overlaps:
            log(translate('spm', 'Layer {layer}: features {a} and {b} overlap; the shared area is '
                                 'counted once, for feature {a}.').format(
                layer=plan_layer.label, a=plan_layer.fids[a], b=plan_layer.fids[b]), warning=True)
    mapping = tables.load_mapping()
    plan_table = tables.load_plan_classes()
    cur_codes = current_layer.codes[result.left]
    covered = result.right != UNCOVERED
    plan_codes = np.full(len(covered), '', dtype=object)
    plan_codes[covered] = plan_layer.codes[result.right[covered]]
    plan_fids = pd.array(np.full(len(covered), None), dtype='Int64')
    plan_fids[covered] = plan_layer.fids[result.right[covered]]
    if current_layer.scheme == 'plan':
        cur_ydyh = np.where(current_layer.table.known(cur_codes), cur_codes, tables.UNKNOWN)
    else:
        cur_ydyh = tables.to_plan_codes(cur_codes, mapping)
    status = _classify(cur_codes, cur_ydyh, current_layer.table, plan_codes, covered, plan_table,
                       rules)
    pieces = gpd.GeoDataFrame({
        'CUR_FID': current_layer.fids[result.left],
        'CUR_CODE': cur_codes,
        'CUR_NAME': current_layer.table.names(cur_codes),
        'CUR_YDYH': cur_ydyh,
        'PLAN_FID': plan_fids,
        'PLAN_CODE': plan_codes,
        'PLAN_NAME': np.where(covered, np.array(plan_table.names(plan_codes), dtype=object),
                              NOT_COVERED),
        'STATUS': status,
        'AREA_M2': piece_areas(result.geometry, crs, method, result.left, current_layer,
                               canceled, partition=True),
    }, geometry=result.geometry, crs=crs)
    return pieces, summarize(pieces)


def _classify(cur_codes, cur_ydyh, cur_table, plan_codes, covered, plan_table, rules):
    """Status per piece, decided once per distinct (current code, plan code, covered) triple."""
    combos = pd.DataFrame({'c': cur_codes, 'y': cur_ydyh, 'p': plan_codes, 'v': covered})
    if not len(combos):
        return np.empty(0, dtype=object)
    group = combos.groupby(['c', 'p', 'v'], sort=False).ngroup().to_numpy()
    decided = []
    for code, ydyh, plan_code, is_covered in combos.drop_duplicates(['c', 'p', 'v']).itertuples(
            index=False):
        entry = cur_table.entry(code)
        current = (code, entry['category'] if entry else None, ydyh)
        plan = None
        if is_covered:
            plan_entry = plan_table.entry(plan_code)
            plan = (plan_code, plan_entry['category'] if plan_entry else None)
        decided.append(rules.status(current, plan))
    return np.array(decided, dtype=object)[group]


def summarize(pieces):
    """Area (m², ha) and number of pieces by plan class and status."""
    return area_summary(pieces, ['PLAN_CODE', 'PLAN_NAME', 'STATUS'], SUMMARY_COLUMNS)
