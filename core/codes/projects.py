"""Put a list of major projects on the map (落图) and check their codes against the place.

Each row of a project table becomes a point (from X/Y columns in a source CRS) or a polygon (the
parcels whose ids it lists, joined to a parcel layer). Each gets: its GB/T 40058 code check; the
township holding it (and whether the code's region agrees); the planned land use (用地用海) at
the location — for polygons the class covering most of it, with its share; and a conflict flag:

* with a project land-use column: conflict when the planned level-1 class differs from it;
* without: conflict when the planned use is not construction land (a major project builds).

Rows that cannot be placed (no or bad coordinates, unknown parcel) stay in the output without
geometry and say why in PLACE_NOTE.
"""

import re

import geopandas as gpd
import numpy as np
import pandas as pd
from pyproj import CRS
from shapely.geometry import Point
from shapely.ops import unary_union

from ..errors import InputError
from ..i18n import translate
from ..landuse import tables as landuse
from . import checks
from .assign import locate
from .footprints import anchor_points, intersecting_pairs
from .validate import location_reason

OUTPUT_FIELDS = ('CODE_VALID', 'CODE_REASON', 'ADMIN_CODE', 'PLAN_USE', 'PLAN_NAME', 'PLAN_SHARE',
                 'CONFLICT', 'PLACE_NOTE')
_SEPARATORS = re.compile(r'[;,；，、\s]+')
_CHINA = (73.0, 136.0, 3.0, 54.0)     # lng min, max, lat min, max (incl. the South China Sea)


def _text(value):
    return checks.clean(value) if value is not None else ''


def points_from_xy(table, x_field, y_field, source_crs):
    """(geometries, notes) from coordinate columns; bad rows get None and a reason."""
    x = pd.to_numeric(table[x_field], errors='coerce').to_numpy(dtype=float)
    y = pd.to_numeric(table[y_field], errors='coerce').to_numpy(dtype=float)
    geographic = CRS.from_user_input(source_crs).is_geographic
    geometries, notes = [], []
    for a, b in zip(x, y):
        note = ''
        if not (np.isfinite(a) and np.isfinite(b)):
            note = translate('spm', 'no usable coordinates')
        elif geographic and _CHINA[2] <= a <= _CHINA[3] and _CHINA[0] <= b <= _CHINA[1]:
            note = translate('spm', 'X and Y look swapped (X {x} is a latitude, Y {y} a longitude)').format(x=a, y=b)
        elif geographic and not (-180 <= a <= 180 and -90 <= b <= 90):
            note = translate('spm', 'coordinates {x}, {y} are not longitude/latitude').format(x=a, y=b)
        geometries.append(None if note else Point(a, b))
        notes.append(note)
    return geometries, notes


def polygons_from_parcels(table, parcel_field, parcels, parcels_key):
    """(geometries, notes): the union of the parcels each row lists (ids split at ; , 、 or spaces)."""
    keys = parcels[parcels_key].astype(object).where(parcels[parcels_key].notna(), '')
    index = {}
    for key, geometry in zip(keys, parcels.geometry):
        text = _text(key)
        if text and geometry is not None and not geometry.is_empty:
            index.setdefault(text, []).append(geometry)
    geometries, notes = [], []
    for value in table[parcel_field]:
        wanted = [p for p in _SEPARATORS.split(_text(value)) if p]
        found = [g for p in wanted for g in index.get(p, [])]
        missing = [p for p in wanted if p not in index]
        if not wanted:
            geometries.append(None)
            notes.append(translate('spm', 'no parcel id'))
        elif not found:
            geometries.append(None)
            notes.append(translate('spm', 'parcel {ids} not found in the parcel layer').format(ids=', '.join(missing)))
        else:
            geometries.append(unary_union(found) if len(found) > 1 else found[0])
            notes.append(translate('spm', 'parcels {ids} not found; placed on the others').format(
                ids=', '.join(missing)) if missing else '')
    return geometries, notes


def planned_use(geometries, plan, plan_field):
    """(code, share) of the plan class at each geometry: the polygon holding a point, or the
    class covering most of a polygon and the share it covers (0–1)."""
    n = len(geometries)
    code = np.full(n, '', dtype=object)
    share = np.full(n, np.nan)
    plan_codes = landuse.normalize_codes(plan[plan_field])
    points = np.array([g is not None and g.geom_type == 'Point' for g in geometries])
    if points.any():
        x = np.array([g.x if p else np.nan for g, p in zip(geometries, points)])
        y = np.array([g.y if p else np.nan for g, p in zip(geometries, points)])
        found, _ = locate(x, y, list(plan.geometry), list(plan_codes))
        code[points] = found[points]
    areal = np.array([g is not None and not g.is_empty and g.geom_type.endswith('Polygon') for g in geometries])
    if areal.any():
        rows = np.flatnonzero(areal)
        left = gpd.GeoSeries([geometries[r] for r in rows])
        li, ri = intersecting_pairs(left, plan.geometry.reset_index(drop=True))
        covered = {}
        for a, b in zip(li, ri):
            piece = left.iloc[a].intersection(plan.geometry.iloc[b]).area
            if piece > 0:
                key = (a, plan_codes[b])
                covered[key] = covered.get(key, 0.0) + piece
        best = {}
        for (a, klass), area in covered.items():
            if area > best.get(a, ('', 0.0))[1]:
                best[a] = (klass, area)
        for a, (klass, area) in best.items():
            code[rows[a]] = klass
            share[rows[a]] = area / left.iloc[a].area
    return code, share


def conflicts(plan_code, project_use=None):
    """CONFLICT per row: 1, 0, or None when it cannot be told (no plan there, unknown code)."""
    classes = landuse.load_plan_classes()
    out = []
    for k, planned in enumerate(plan_code):
        if not planned or planned not in classes:
            out.append(None)
            continue
        if project_use is not None:
            wanted = landuse.normalize_code(project_use[k])
            if not wanted or wanted not in classes:
                out.append(None)
                continue
            out.append(int(classes.ancestor(planned, 1) != classes.ancestor(wanted, 1)))
        else:
            out.append(int(not classes.is_construction([planned])[0]))
    return out


def place_projects(table, code_field, crs, geometries, notes, admin=None, admin_field=None,
                   plan=None, plan_field=None, use_field=None, check=None):
    """The projects as a GeoDataFrame in ``crs``: the table's columns plus :data:`OUTPUT_FIELDS`.

    ``geometries``/``notes``: from :func:`points_from_xy` or :func:`polygons_from_parcels`, in the
    CRS ``crs`` already.
    """
    check = check or (lambda: None)
    if code_field not in table.columns:
        raise InputError(translate('spm', 'The project table has no column “{field}”.').format(field=code_field))
    frame = gpd.GeoDataFrame(table.drop(columns=[c for c in OUTPUT_FIELDS if c in table.columns]).copy(),
                             geometry=gpd.GeoSeries(geometries, index=table.index, crs=crs), crs=crs)
    verdicts = [checks.check_project_code(c) if _text(c) else checks.Verdict(False, translate('spm', 'no code'), '')
                for c in table[code_field]]
    valid = [v.valid for v in verdicts]
    reasons = [v.reason for v in verdicts]
    notes = list(notes)
    placed = np.array([g is not None for g in geometries])
    check()
    located = np.full(len(frame), None, dtype=object)
    if admin is not None and admin_field:
        _, _, cx, cy = anchor_points(frame.geometry)
        codes = admin[admin_field].astype(object).where(admin[admin_field].notna(), '').astype(str).str.strip()
        found, _ = locate(np.where(placed, cx, np.nan), np.where(placed, cy, np.nan),
                          list(admin.geometry), list(codes))
        for k in np.flatnonzero(placed):
            located[k] = found[k] or None
            if not found[k]:
                notes[k] = '; '.join(filter(None, [notes[k], translate('spm', 'outside every township')]))
            elif valid[k]:
                why = location_reason(verdicts[k].region, found[k])
                if why:
                    valid[k], reasons[k] = False, why
    check()
    plan_code = np.full(len(frame), '', dtype=object)
    share = np.full(len(frame), np.nan)
    conflict = [None] * len(frame)
    if plan is not None and plan_field:
        plan_code, share = planned_use(list(frame.geometry), plan, plan_field)
        conflict = conflicts(plan_code, list(table[use_field]) if use_field else None)
        for k in np.flatnonzero(placed & (plan_code == '')):
            notes[k] = '; '.join(filter(None, [notes[k], translate('spm', 'no plan polygon here')]))
    classes = landuse.load_plan_classes()
    frame['CODE_VALID'] = np.asarray(valid, dtype=np.int64)
    frame['CODE_REASON'] = reasons
    frame['ADMIN_CODE'] = located
    frame['PLAN_USE'] = [c or None for c in plan_code]
    frame['PLAN_NAME'] = [classes.name(c) if c else None for c in plan_code]
    frame['PLAN_SHARE'] = np.round(share, 4)
    frame['CONFLICT'] = pd.array(conflict, dtype='Int64')
    frame['PLACE_NOTE'] = [n or None for n in notes]
    return frame
