"""Cut the polygons of one layer by the polygons of another: the overlay behind conformance,
control lines and change.

Every left polygon comes back as pieces that partition it: a piece for each right polygon it
overlaps, and the remainder that no right polygon covers (right index -1). The pieces' areas add
up to the polygon's area. Most parcels lie wholly inside one zone; for them no intersection is
computed: the candidate zones come from a grid join of bounding boxes done in numpy (only a zone
whose box covers the parcel's box can contain it), and a prepared-geometry test settles the case,
so the piece is the parcel itself. The test is first ``contains_properly`` against the zone grown
by a tolerance of 1e-13 × the zone's largest coordinate (micrometres in metre CRSs: a parcel sharing
the zone's boundary is then inside without GEOS's costly boundary analysis), then exact
``contains``. The tolerance depends on the zone alone, so a parcel is cut the same way whichever
other polygons are in the call (the batch engine cuts tile by tile).

Where right polygons overlap each other (a topology error in a plan), each part of a left polygon
is counted once, for the right polygon met first (lowest position), and :class:`Pieces` lists the
overlapping pairs.

Layers digitised separately never share boundaries exactly: cutting leaves slivers (pieces of a
few mm² along a boundary). With ``sliver_width`` > 0, a piece whose mean width (2 × area /
perimeter) is below it joins the largest piece of the same polygon, so the partition still adds
up and no 0.000 ha patch is reported.
"""

from dataclasses import dataclass, field

import numpy as np
from shapely.errors import ShapelyError
from shapely.ops import unary_union
from shapely.prepared import prep

from ..errors import Canceled, InputError
from ..i18n import translate
from .geometry import bounds_array, polygonal, prepared_contains, prepared_contains_properly

UNCOVERED = -1
_CHUNK = 200_000           # left polygons per grid-join batch (bounds the join's memory)
_MAX_CELLS = 8_000_000     # cell entries per side before the grid is made coarser
_RELATIVE_GAP = 1e-9       # uncovered share of a polygon below which no remainder is computed
_TOLERANCE = 1e-13         # growth of a zone for the fast "inside" test, × largest |coordinate|


@dataclass
class Pieces:
    """Result of :func:`cut`: parallel lists, one entry per piece."""
    left: np.ndarray                    # position of the left polygon
    right: np.ndarray                   # position of the right polygon, or -1 (not covered)
    geometry: list                      # shapely Polygon/MultiPolygon
    whole: int = 0                      # left polygons that lay wholly inside one right polygon
    overlaps: list = field(default_factory=list)   # (right position, right position) pairs


def _grid(bounds, origin, cell):
    """Cell ranges (ix0, iy0, nx, ny) of each box on a grid of square cells."""
    ix0 = np.floor((bounds[:, 0] - origin[0]) / cell).astype(np.int64)
    iy0 = np.floor((bounds[:, 1] - origin[1]) / cell).astype(np.int64)
    ix1 = np.floor((bounds[:, 2] - origin[0]) / cell).astype(np.int64)
    iy1 = np.floor((bounds[:, 3] - origin[1]) / cell).astype(np.int64)
    return ix0, iy0, ix1 - ix0 + 1, iy1 - iy0 + 1


def _expand(positions, ix0, iy0, nx, ny, width):
    """One (cell key, position) entry per cell a box covers."""
    counts = nx * ny
    owner = np.repeat(np.arange(len(positions)), counts)
    first = np.repeat(np.cumsum(counts) - counts, counts)
    k = np.arange(counts.sum()) - first
    ix = ix0[owner] + k // ny[owner]
    iy = iy0[owner] + k % ny[owner]
    return ix * width + iy, positions[owner]


def candidate_pairs(left_bounds, right_bounds):
    """Pairs (left, right) of positions whose bounding boxes meet, sorted by left then right.

    A grid join in numpy: both sides are bucketed into square cells; a pair is reported only in
    the cell holding the lower-left corner of the boxes' intersection, so it appears once.
    """
    left_ok = np.flatnonzero(~np.isnan(left_bounds[:, 0]))
    right_ok = np.flatnonzero(~np.isnan(right_bounds[:, 0]))
    empty = np.empty(0, dtype=np.int64)
    if not len(left_ok) or not len(right_ok):
        return empty, empty
    lb, rb = left_bounds[left_ok], right_bounds[right_ok]
    origin = (min(lb[:, 0].min(), rb[:, 0].min()), min(lb[:, 1].min(), rb[:, 1].min()))
    top = max(lb[:, 2].max(), rb[:, 2].max()) - origin[0], max(lb[:, 3].max(), rb[:, 3].max()) - origin[1]
    size = lambda b: np.maximum(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1])  # noqa: E731
    cell = max(float(np.median(size(rb))), float(np.median(size(lb))), max(top) * 1e-6, 1e-9)
    while True:
        r_grid = _grid(rb, origin, cell)
        l_grid = _grid(lb, origin, cell)
        if (r_grid[2] * r_grid[3]).sum() <= _MAX_CELLS and \
                (l_grid[2] * l_grid[3]).sum() <= 4 * _MAX_CELLS:
            break
        cell *= 2
    width = int(np.floor(top[1] / cell)) + 2
    r_keys, r_pos = _expand(np.arange(len(rb)), *r_grid, width)
    order = np.argsort(r_keys, kind='stable')
    r_keys, r_pos = r_keys[order], r_pos[order]

    out_left, out_right = [], []
    for start in range(0, len(lb), _CHUNK):
        part = slice(start, start + _CHUNK)
        grid = tuple(a[part] for a in l_grid)
        l_keys, l_pos = _expand(np.arange(start, min(start + _CHUNK, len(lb))), *grid, width)
        lo = np.searchsorted(r_keys, l_keys, 'left')
        hi = np.searchsorted(r_keys, l_keys, 'right')
        m = hi - lo
        if not m.sum():
            continue
        li = np.repeat(l_pos, m)
        cell_key = np.repeat(l_keys, m)
        k = np.arange(m.sum()) - np.repeat(np.cumsum(m) - m, m)
        ri = r_pos[np.repeat(lo, m) + k]
        a, b = lb[li], rb[ri]
        meet = (a[:, 0] <= b[:, 2]) & (b[:, 0] <= a[:, 2]) & (a[:, 1] <= b[:, 3]) & (b[:, 1] <= a[:, 3])
        corner_x = np.floor((np.maximum(a[:, 0], b[:, 0]) - origin[0]) / cell).astype(np.int64)
        corner_y = np.floor((np.maximum(a[:, 1], b[:, 1]) - origin[1]) / cell).astype(np.int64)
        keep = meet & (corner_x * width + corner_y == cell_key)
        out_left.append(li[keep])
        out_right.append(ri[keep])
    if not out_left:
        return empty, empty
    li, ri = np.concatenate(out_left), np.concatenate(out_right)
    order = np.lexsort((ri, li))
    return left_ok[li[order]], right_ok[ri[order]]


def _box_join(left, right):
    """(right bounds, candidate pairs li and ri sorted by left, whether the right box covers the
    left one — only then can the right polygon contain the left one —, and the start of each left
    polygon's pairs)."""
    left_bounds, right_bounds = bounds_array(left), bounds_array(right)
    li, ri = candidate_pairs(left_bounds, right_bounds)
    a, b = left_bounds[li], right_bounds[ri]
    box_covers = (b[:, 0] <= a[:, 0]) & (b[:, 1] <= a[:, 1]) & (a[:, 2] <= b[:, 2]) & \
        (a[:, 3] <= b[:, 3])
    return right_bounds, li, ri, box_covers, np.searchsorted(li, np.arange(len(left) + 1))


def _intersection(a, b, what):
    try:
        return polygonal(a.intersection(b))
    except (ShapelyError, ValueError) as error:
        raise InputError(translate('spm', 'Geometry error while cutting {what}: {error}').format(
            what=what, error=error)) from error


def _difference(a, b, what):
    try:
        return polygonal(a.difference(b))
    except (ShapelyError, ValueError) as error:
        raise InputError(translate('spm', 'Geometry error while cutting {what}: {error}').format(
            what=what, error=error)) from error


def cut(left, right, canceled=None, progress=None, left_labels=None, right_labels=None,
        sliver_width=0.0):
    """Cut each left polygon by the right polygons; see the module docstring.

    ``left``, ``right``: sequences of shapely polygons (None entries are skipped).
    ``canceled()`` is polled, ``progress(percent)`` told as the work goes on; the labels (fids)
    name features in error messages.
    """
    left, right = list(left), list(right)
    right_bounds, li, ri, box_covers, starts = _box_join(left, right)
    prepared, grown = {}, {}
    out_left, out_right, out_geometry = [], [], []
    whole = 0
    overlaps = set()
    n = len(left)
    for i, geometry in enumerate(left):
        if i % 2000 == 0:
            if canceled is not None and canceled():
                raise Canceled(translate('spm', 'canceled'))
            if progress is not None and n:
                progress(100.0 * i / n)
        if geometry is None:
            continue
        candidates = ri[starts[i]:starts[i + 1]]
        if not len(candidates):
            out_left.append(i)
            out_right.append(UNCOVERED)
            out_geometry.append(geometry)
            continue
        inside = UNCOVERED
        covering = candidates[box_covers[starts[i]:starts[i + 1]]]
        for j in covering:
            tester = grown.get(j)
            if tester is None:
                tolerance = _TOLERANCE * float(np.abs(right_bounds[j]).max())
                tester = grown[j] = prep(right[j].buffer(tolerance, 1))
            if prepared_contains_properly(tester, geometry):
                inside = j
                break
        else:
            for j in covering:
                tester = prepared.get(j)
                if tester is None:
                    tester = prepared[j] = prep(right[j])
                if prepared_contains(tester, geometry):
                    inside = j
                    break
        if inside != UNCOVERED:
            whole += 1
            out_left.append(i)
            out_right.append(inside)
            out_geometry.append(geometry)
            continue
        what = translate('spm', 'feature {label}').format(
            label=left_labels[i] if left_labels is not None else i)
        pieces = []
        for j in candidates:
            tester = prepared.get(j)
            if tester is None:
                tester = prepared[j] = prep(right[j])
            if not tester.intersects(geometry):
                continue
            piece = _intersection(geometry, right[j], what)
            if piece is not None and piece.area > 0:
                pieces.append((j, piece))
        area = geometry.area
        covered = sum(piece.area for _, piece in pieces)
        if len(pieces) > 1 and abs(covered - area) > area * _RELATIVE_GAP:   # overlaps hide in gaps too
            pieces = _separate(pieces, overlaps, what)
            covered = sum(piece.area for _, piece in pieces)
        if area - covered > area * _RELATIVE_GAP:
            rest = geometry if not pieces else _difference(
                geometry, unary_union([piece for _, piece in pieces]), what)
            if rest is not None and rest.area > 0:
                pieces.append((UNCOVERED, rest))
        if sliver_width > 0 and len(pieces) > 1:
            pieces = _absorb_slivers(pieces, sliver_width, what)
        for j, piece in pieces:
            out_left.append(i)
            out_right.append(j)
            out_geometry.append(piece)
    if progress is not None:
        progress(100.0)
    return Pieces(np.asarray(out_left, dtype=np.int64), np.asarray(out_right, dtype=np.int64),
                  out_geometry, whole, sorted(overlaps))


def largest_overlap(left, right, canceled=None):
    """For each left polygon, the position of the right polygon it overlaps most (largest
    intersection area, the lowest position on a tie), or -1 when it overlaps none (touching is
    not overlapping). As in :func:`cut`, a left polygon inside a right one (box join, then a
    prepared test) needs no intersection; only those crossing a boundary are intersected."""
    left, right = list(left), list(right)
    _, li, ri, box_covers, starts = _box_join(left, right)
    out = np.full(len(left), UNCOVERED, dtype=np.int64)
    prepared = {}

    def tester(j):
        if j not in prepared:
            prepared[j] = prep(right[j])
        return prepared[j]
    for count, i in enumerate(np.unique(li).tolist()):
        if canceled is not None and count % 2000 == 0 and canceled():
            raise Canceled(translate('spm', 'canceled'))
        geometry = left[i]
        candidates = ri[starts[i]:starts[i + 1]].tolist()
        covering = ri[starts[i]:starts[i + 1]][box_covers[starts[i]:starts[i + 1]]].tolist()
        inside = next((j for j in covering if prepared_contains(tester(j), geometry)), UNCOVERED)
        if inside != UNCOVERED:
            out[i] = inside
            continue
        best, most = UNCOVERED, 0.0
        what = translate('spm', 'feature {label}').format(label=i)
        for j in candidates:
            if not tester(j).intersects(geometry):
                continue
            piece = _intersection(geometry, right[j], what)
            area = 0.0 if piece is None else piece.area
            if area > most:
                best, most = j, area
        out[i] = best
    return out


def _separate(pieces, overlaps, what):
    """Make the pieces of one polygon disjoint: earlier right polygons keep the shared part."""
    kept = []
    for j, piece in pieces:
        for k, earlier in kept:
            if piece.intersection(earlier).area > 0:
                overlaps.add((int(k), int(j)))
        if kept:
            piece = _difference(piece, unary_union([p for _, p in kept]), what)
        if piece is not None and piece.area > 0:
            kept.append((j, piece))
    return kept


def _absorb_slivers(pieces, width, what):
    """Join pieces thinner than ``width`` (mean width 2A/P) to the largest other piece."""
    widths = [2.0 * piece.area / piece.length if piece.length > 0 else 0.0 for _, piece in pieces]
    thin = [w < width for w in widths]
    if all(thin) or not any(thin):
        return pieces
    keep = [k for k, is_thin in enumerate(thin) if not is_thin]
    target = max(keep, key=lambda k: pieces[k][1].area)
    slivers = [pieces[k][1] for k, is_thin in enumerate(thin) if is_thin]
    try:
        merged = polygonal(unary_union([pieces[target][1]] + slivers))
    except (ShapelyError, ValueError) as error:
        raise InputError(translate('spm', 'Geometry error while cutting {what}: {error}').format(
            what=what, error=error)) from error
    return [(pieces[k][0], merged if k == target else pieces[k][1]) for k in keep]
