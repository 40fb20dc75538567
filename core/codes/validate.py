"""Check a column of codes: format and check character, duplicates, and place against location.

Code types: ``building`` (a building code scheme), ``beidou`` (GB/T 39409, 2D or 3D),
``real_estate_unit`` (GB/T 37346), ``project`` (GB/T 40058) and ``credit`` (GB 32100). Where a
code names an administrative area (building: its township; real-estate unit: its county;
project: its region), the area holding the feature is compared with it; a BeiDou code's cell must
touch the feature.
"""

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import box

from ..i18n import translate
from . import beidou, checks, schemes
from .assign import GEOGRAPHIC, locate
from .footprints import anchor_points

CODE_TYPES = ('building', 'beidou', 'real_estate_unit', 'project', 'credit')
UNIQUE_TYPES = ('building', 'real_estate_unit')       # one code, one thing


def type_labels():
    """(key, label) of each code type, in the order of :data:`CODE_TYPES`."""
    return [
        ('building', translate('spm', 'Building code (building code scheme)')),
        ('beidou', translate('spm', 'BeiDou grid location code (GB/T 39409-2020)')),
        ('real_estate_unit', translate('spm', 'Real-estate unit code (GB/T 37346-2019)')),
        ('project', translate('spm', 'Investment project code (GB/T 40058-2021)')),
        ('credit', translate('spm', 'Unified social credit code (GB 32100-2015)')),
    ]


def _beidou_verdicts(codes):
    texts = np.array([checks.clean(c) for c in codes], dtype=object).astype(str)
    two = beidou.decode(texts, strict=False)
    three = beidou.decode(texts, three_d=True, strict=False)
    verdicts = []
    for k, text in enumerate(texts):
        if not text:
            verdicts.append(checks.Verdict(False, translate('spm', 'no code'), ''))
        elif two['problem'][k] == '':
            verdicts.append(checks.Verdict(True, translate('spm', 'valid 2D code, level {level}').format(
                level=two['level'][k]), ''))
        elif three['problem'][k] == '':
            verdicts.append(checks.Verdict(True, translate('spm', 'valid 3D code, level {level}').format(
                level=three['level'][k]), ''))
        else:
            only_3d = len(text) in beidou.CODE_LENGTH_3D[1:] and len(text) not in beidou.CODE_LENGTH[1:]
            verdicts.append(checks.Verdict(False, three['problem'][k] if only_3d else two['problem'][k], ''))
    cells = {name: np.where(~np.isnan(two[name]), two[name], three[name])
             for name in ('west', 'south', 'east', 'north')}
    return verdicts, cells


def check_codes(codes, code_type, scheme=None):
    """(verdicts, cells): a :class:`checks.Verdict` per code, and for BeiDou codes their cells
    (dict of west/south/east/north arrays, NaN when invalid), else None."""
    codes = list(codes)
    if code_type == 'beidou':
        return _beidou_verdicts(codes)
    return [checks.Verdict(*v) for v in zip(*check_arrays(codes, code_type, scheme))], None


def check_arrays(codes, code_type, scheme=None):
    """(valid, reason, region) arrays of the codes of a type other than BeiDou: the codes that
    are surely valid as written are found at once, the others go through their check one by one."""
    codes = list(codes)
    if code_type == 'building':
        scheme = scheme or schemes.get_scheme()
        one, sure = scheme.validate, scheme.surely_valid(codes)
        region = scheme.span('admin')
        reason = translate('spm', 'valid ({scheme})').format(scheme=scheme.id)
    elif code_type == 'real_estate_unit':
        one, sure, region = checks.check_real_estate_unit, checks.surely_valid_real_estate_units(codes), (0, 6)
        reason = translate('spm', 'valid (format of GB/T 37346; the code has no check character)')
    elif code_type == 'credit':
        one, sure, region = checks.check_credit_code, checks.surely_valid_credit_codes(codes), (2, 8)
        reason = translate('spm', 'valid (GB 32100 check character)')
    else:
        one, sure, region, reason = checks.check_project_code, np.zeros(0, dtype=np.int64), (0, 0), ''
    n = len(codes)
    valid = np.zeros(n, dtype=bool)
    reasons, regions = np.empty(n, dtype=object), np.empty(n, dtype=object)
    valid[sure], reasons[sure] = True, reason
    regions[sure] = [codes[k][region[0]:region[1]] for k in sure]
    rest = np.ones(n, dtype=bool)
    rest[sure] = False
    empty = checks.Verdict(False, translate('spm', 'no code'), '')
    for k in np.flatnonzero(rest):
        valid[k], reasons[k], regions[k] = one(codes[k]) if checks.clean(codes[k]) else empty
    return valid, reasons, regions


def duplicates(codes, labels):
    """{position: [labels of the other features with the same code]} for repeated codes."""
    cleaned = pd.Series([checks.clean(c) for c in codes])
    repeated = cleaned[(cleaned != '') & cleaned.duplicated(keep=False)]
    found = {}
    for _, positions in repeated.groupby(repeated).groups.items():
        for p in positions:
            found[p] = [labels[q] for q in positions if q != p]
    return found


def significant(code):
    """The meaningful prefix of an administrative code: 350300 → 3503, 350000 → 35,
    350302000 → 350302, 350302001 → 350302001."""
    code = str(code or '').strip()
    if len(code) > 6 and set(code[6:]) == {'0'}:
        code = code[:6]
    if len(code) == 6:
        while len(code) > 2 and code.endswith('00'):
            code = code[:-2]
    return code


def region_matches(claimed, located):
    """True when the area a code names and the area holding the feature are the same or nested."""
    a, b = significant(claimed), significant(located)
    return bool(a) and bool(b) and (a.startswith(b) or b.startswith(a))


def location_reason(claimed, located):
    """'' when they match, else why not (both codes named)."""
    if not located:
        return translate('spm', 'the feature lies outside every administrative area of the ADMIN layer')
    if region_matches(claimed, located):
        return ''
    return translate('spm', 'the code names area {claimed}, but the feature lies in {located}').format(
        claimed=claimed, located=located)


def _cells_touch_features(frame, cells):
    """True where the feature touches its BeiDou cell (NaN cells: False)."""
    ok = np.isfinite(cells['west'])
    result = np.zeros(len(frame), dtype=bool)
    if not ok.any() or frame.crs is None:
        return result
    boxes = gpd.GeoSeries([box(w, s, e, n) for w, s, e, n in zip(
        cells['west'][ok], cells['south'][ok], cells['east'][ok], cells['north'][ok])], crs=GEOGRAPHIC)
    boxes = boxes.to_crs(frame.crs)
    geometries = frame.geometry.iloc[np.flatnonzero(ok)]
    result[ok] = [g is not None and not g.is_empty and g.intersects(b) for g, b in zip(geometries, boxes)]
    return result


def validate_frame(frame, code_field, code_type, scheme=None, admin=None, admin_field=None, check=None):
    """VALID (1/0) and REASON (words) per row of ``frame``; ADMIN_CODE (area at the feature's
    centroid) when ``admin`` is given. Returns a new frame; ``frame`` is not modified."""
    check = check or (lambda: None)
    codes = list(frame[code_field])
    labels = [str(i) for i in frame.index]
    verdicts, cells = check_codes(codes, code_type, scheme)
    valid = np.array([v.valid for v in verdicts], dtype=bool)
    reasons = [v.reason for v in verdicts]
    check()
    if code_type in UNIQUE_TYPES:
        for position, others in duplicates(codes, labels).items():
            valid[position] = False
            reasons[position] = translate('spm', 'duplicate: features {others} carry the same code').format(
                others=', '.join(others[:5]))
    geometric = hasattr(frame, 'geometry') and frame.crs is not None
    if code_type == 'beidou' and geometric:
        touching = _cells_touch_features(frame, cells)
        for position in np.flatnonzero(valid & ~touching):
            valid[position] = False
            reasons[position] = translate('spm', 'the feature lies outside the cell of its BeiDou code')
    located = None
    if admin is not None and admin_field and geometric:
        admin = admin.to_crs(frame.crs) if admin.crs is not None and admin.crs != frame.crs else admin
        _, _, cx, cy = anchor_points(frame.geometry)
        admin_codes = admin[admin_field].astype(object).where(admin[admin_field].notna(), '').astype(str)
        located, _ = locate(cx, cy, list(admin.geometry), list(admin_codes.str.strip()))
        check()
        if code_type in ('building', 'real_estate_unit', 'project'):
            for position in np.flatnonzero(valid):
                why = location_reason(verdicts[position].region, located[position])
                if why:
                    valid[position] = False
                    reasons[position] = why
    result = frame.copy()
    result['VALID'] = valid.astype(np.int64)
    result['REASON'] = reasons
    if located is not None:
        result['ADMIN_CODE'] = [c or None for c in located]
    return result
