"""Vectorised measures of building footprints read straight from WKB.

On shapely 1.8 (no pygeos) every GeoSeries method is a Python loop creating shapely objects:
centroids of a million footprints take 40 s. Here the WKB of each polygon is read once into one
coordinate array with ring offsets, and centroids, bounds, areas and "is this point inside its own
footprint" are NumPy reductions over that array (a million footprints in a few seconds).

Point-on-surface: the centroid when it lies inside the footprint (almost every building),
otherwise GEOS's point on surface for the few others.
"""

import struct

import numpy as np

_POLYGON, _MULTIPOLYGON = 3, 6
_SIMPLE_HEAD = b'\x01\x03\x00\x00\x00\x01\x00\x00\x00'   # little-endian 2D polygon, one ring


class Rings:
    """All rings of a list of polygon/multipolygon WKBs.

    ``xy``: (m, 2) coordinates of every ring one after the other (closing point included);
    ``start``: index in ``xy`` of each ring's first point (plus a final sentinel);
    ``geometry``: the geometry (row) each ring belongs to; ``exterior``: True for outer rings;
    ``count``: number of geometries; ``parsed``: False for rows that are not (multi)polygons.
    """

    def __init__(self, xy, start, geometry, exterior, count, parsed):
        self.xy, self.start, self.geometry = xy, start, geometry
        self.exterior, self.count, self.parsed = exterior, count, parsed


def _geometry_type(code):
    """(base type, coordinate dimension) of a WKB/EWKB type integer."""
    dims = 2
    if code & 0x80000000:
        dims += 1
    if code & 0x40000000:
        dims += 1
    code &= 0x0FFFFFFF
    if code >= 1000:
        thousands = code // 1000
        dims += {1: 1, 2: 1, 3: 2}.get(thousands, 0)
        code %= 1000
    return code, dims


def _read_polygon(blob, offset, dims, endian, rings, row):
    """Append the rings of the polygon at ``offset`` (after its header); return the end offset."""
    (nrings,) = struct.unpack_from(endian + 'I', blob, offset)
    offset += 4
    keep = True
    for ring in range(nrings):
        (npoints,) = struct.unpack_from(endian + 'I', blob, offset)
        offset += 4
        if npoints < 4:                            # not a ring: a degenerate (part of a) polygon
            keep = keep and ring > 0
        elif keep:
            values = np.frombuffer(blob, dtype=endian + 'f8', count=npoints * dims, offset=offset)
            rings.append((values.reshape(npoints, dims)[:, :2], row, ring == 0))
        offset += npoints * dims * 8
    return offset


def _simple_rings(wkbs):
    """Rows that are little-endian 2D polygons of one ring (the usual footprint), and those
    rings as {number of points: (rows, (n, points, 2) coordinates)} read in one go per length."""
    try:
        sizes = np.fromiter(map(len, wkbs), dtype=np.int64, count=len(wkbs))
    except TypeError:                      # None among them
        sizes = np.fromiter((len(b) if b is not None else 0 for b in wkbs), dtype=np.int64, count=len(wkbs))
    points = (sizes - 13) // 16
    candidate = (sizes >= 13 + 4 * 16) & ((sizes - 13) % 16 == 0)
    simple = np.zeros(len(wkbs), dtype=bool)
    groups = {}
    for n in np.unique(points[candidate]):
        rows = np.flatnonzero(candidate & (points == n))
        joined = np.frombuffer(b''.join([wkbs[r] for r in rows]), dtype=np.uint8).reshape(len(rows), -1)
        head = np.frombuffer(_SIMPLE_HEAD + int(n).to_bytes(4, 'little'), dtype=np.uint8)
        same = (joined[:, :13] == head).all(axis=1)
        if same.any():
            xy = np.ascontiguousarray(joined[same, 13:]).view('<f8').reshape(-1, int(n), 2)
            groups[int(n)] = (rows[same], xy)
            simple[rows[same]] = True
    return simple, groups


def read_rings(wkbs, check=None):
    """:class:`Rings` of a sequence of WKB bytes (None or non-polygons are skipped, not parsed).

    One-ring little-endian polygons are read in one go per number of points; the others one by
    one. ``check()`` is called every 50,000 geometries (it raises to cancel).
    """
    simple, groups = _simple_rings(wkbs)
    rings = []
    parsed = simple.copy()
    for row in np.flatnonzero(~simple):
        blob = wkbs[row]
        if check is not None and row % 50000 == 49999:
            check()
        if blob is None or len(blob) < 9:
            continue
        endian = '<' if blob[0] == 1 else '>'
        kind, dims = _geometry_type(struct.unpack_from(endian + 'I', blob, 1)[0])
        if kind == _POLYGON:
            _read_polygon(blob, 5, dims, endian, rings, row)
        elif kind == _MULTIPOLYGON:
            (parts,) = struct.unpack_from(endian + 'I', blob, 5)
            offset = 9
            for _ in range(parts):
                part_endian = '<' if blob[offset] == 1 else '>'
                _, part_dims = _geometry_type(struct.unpack_from(part_endian + 'I', blob, offset + 1)[0])
                offset = _read_polygon(blob, offset + 5, part_dims, part_endian, rings, row)
        else:
            continue
        parsed[row] = True
    if check is not None:
        check()
    # every ring: its row, size and place in ``source`` (looped rings first, then each group)
    row_of = [np.fromiter((r[1] for r in rings), dtype=np.int64, count=len(rings))]
    sizes = [np.fromiter((len(r[0]) for r in rings), dtype=np.int64, count=len(rings))]
    exterior = [np.fromiter((r[2] for r in rings), dtype=bool, count=len(rings))]
    source = [r[0] for r in rings]
    for n, (rows, xy) in groups.items():
        row_of.append(rows)
        sizes.append(np.full(len(rows), n, dtype=np.int64))
        exterior.append(np.ones(len(rows), dtype=bool))
        source.append(xy.reshape(-1, 2))
    row_of, sizes, exterior = np.concatenate(row_of), np.concatenate(sizes), np.concatenate(exterior)
    if not len(row_of):
        empty = np.zeros(0, dtype=np.int64)
        return Rings(np.zeros((0, 2)), np.zeros(1, dtype=np.int64), empty, empty.astype(bool),
                     len(wkbs), parsed)
    source = np.concatenate(source).astype(np.float64, copy=False)
    first = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    order = np.argsort(row_of, kind='stable')          # by row, a row's rings in their order
    if np.array_equal(order, np.arange(len(order))):
        xy = source
    else:
        ring, offset = expand(sizes[order])
        xy = source[first[order][ring] + offset]
    start = np.concatenate([[0], np.cumsum(sizes[order])])
    return Rings(xy, start, row_of[order], exterior[order], len(wkbs), parsed)


def expand(counts):
    """(owner, offset) arrays enumerating ``counts[i]`` items of each i."""
    counts = np.asarray(counts, dtype=np.int64)
    owner = np.repeat(np.arange(len(counts)), counts)
    offset = np.arange(len(owner)) - np.repeat(np.cumsum(counts) - counts, counts)
    return owner, offset


def _ring_sums(rings):
    """Per ring: |area| and the area-weighted centroid sums (|A|·cx, |A|·cy)."""
    n_rings = len(rings.start) - 1
    if n_rings == 0:
        zero = np.zeros(0)
        return zero, zero, zero
    first = rings.start[:-1]
    ring_of_point = np.repeat(np.arange(n_rings), np.diff(rings.start))
    x0, y0 = rings.xy[first, 0], rings.xy[first, 1]
    # coordinates relative to each ring's first point: full precision with projected eastings
    x = rings.xy[:, 0] - x0[ring_of_point]
    y = rings.xy[:, 1] - y0[ring_of_point]
    cross = x[:-1] * y[1:] - x[1:] * y[:-1]
    cross[rings.start[1:-1] - 1] = 0.0                # the step from one ring to the next
    area2 = np.add.reduceat(cross, first)
    cx6 = np.add.reduceat(cross * (x[:-1] + x[1:]), first)
    cy6 = np.add.reduceat(cross * (y[:-1] + y[1:]), first)
    area = np.abs(area2) / 2.0
    with np.errstate(invalid='ignore', divide='ignore'):
        cx = np.where(area2 != 0, cx6 / (3.0 * area2), 0.0) + x0
        cy = np.where(area2 != 0, cy6 / (3.0 * area2), 0.0) + y0
    return area, area * cx, area * cy


def areas_and_centroids(rings):
    """(area, cx, cy) per geometry (NaN centroid for unparsed or empty rows)."""
    area, wx, wy = _ring_sums(rings)
    signed = np.where(rings.exterior, 1.0, -1.0)
    total = np.bincount(rings.geometry, weights=area * signed, minlength=rings.count)
    sx = np.bincount(rings.geometry, weights=wx * signed, minlength=rings.count)
    sy = np.bincount(rings.geometry, weights=wy * signed, minlength=rings.count)
    with np.errstate(invalid='ignore', divide='ignore'):
        cx = np.where(total > 0, sx / total, np.nan)
        cy = np.where(total > 0, sy / total, np.nan)
    return total, cx, cy


def bounds(rings):
    """(minx, miny, maxx, maxy) per geometry (NaN for unparsed rows)."""
    out = np.full((4, rings.count), np.nan)
    if len(rings.xy) == 0:
        return out
    ring_of_point = np.repeat(np.arange(len(rings.start) - 1), np.diff(rings.start))
    geometry_of_point = rings.geometry[ring_of_point]
    order = np.argsort(geometry_of_point, kind='stable')
    g = geometry_of_point[order]
    firsts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    rows = g[firsts]
    x, y = rings.xy[order, 0], rings.xy[order, 1]
    out[0, rows] = np.minimum.reduceat(x, firsts)
    out[1, rows] = np.minimum.reduceat(y, firsts)
    out[2, rows] = np.maximum.reduceat(x, firsts)
    out[3, rows] = np.maximum.reduceat(y, firsts)
    return out


def inside(rings, px, py):
    """True where point (px[i], py[i]) is strictly inside geometry i (even-odd over all rings)."""
    crossings = np.zeros(rings.count, dtype=np.int64)
    if len(rings.xy) < 2:
        return crossings > 0
    ring_of_point = np.repeat(np.arange(len(rings.start) - 1), np.diff(rings.start))
    geometry = rings.geometry[ring_of_point][:-1]
    x1, y1 = rings.xy[:-1, 0], rings.xy[:-1, 1]
    x2, y2 = rings.xy[1:, 0], rings.xy[1:, 1]
    valid = np.ones(len(x1), dtype=bool)
    valid[rings.start[1:-1] - 1] = False                # no edge between two rings
    qx, qy = px[geometry], py[geometry]
    straddles = (y1 > qy) != (y2 > qy)
    with np.errstate(invalid='ignore', divide='ignore'):
        x_at = x1 + (qy - y1) * (x2 - x1) / (y2 - y1)
    hit = valid & straddles & (qx < x_at)
    crossings = np.bincount(geometry[hit], minlength=rings.count)
    return crossings % 2 == 1


def to_wkb(geometries):
    """2D WKB bytes of each geometry (None for missing ones); one writer for all on shapely 1.8,
    the vectorised ``shapely.to_wkb`` on shapely 2."""
    values = np.asarray(geometries, dtype=object)
    import shapely
    if hasattr(shapely, 'to_wkb'):                                    # shapely 2
        out = shapely.to_wkb(values, output_dimension=2)
        return [None if g is None else blob for g, blob in zip(values, out)]
    from shapely.geos import WKBWriter, lgeos                          # shapely 1.8
    writer = WKBWriter(lgeos, output_dimension=2)
    return [None if g is None else writer.write(g) for g in values]


def anchor_points(geometries, wkbs=None, rings=None):
    """(x, y, cx, cy) per geometry: a point on the surface (x, y) and the centroid (cx, cy).

    Points give themselves; polygons their centroid when it is inside, else GEOS's point on
    surface; lines and others GEOS's point on surface; missing or empty geometries NaN.
    ``wkbs`` / ``rings`` may pass what the caller already made.
    """
    values = np.asarray(geometries, dtype=object)
    if rings is None:
        rings = read_rings(to_wkb(values) if wkbs is None else wkbs)
    _, cx, cy = areas_and_centroids(rings)
    x, y = cx.copy(), cy.copy()
    good = rings.parsed & np.isfinite(cx) & inside(rings, np.nan_to_num(cx), np.nan_to_num(cy))
    for row in np.flatnonzero(~good):
        geometry = values[row]
        if geometry is None or geometry.is_empty:
            continue
        point = geometry if geometry.geom_type == 'Point' else geometry.representative_point()
        x[row], y[row] = point.x, point.y
        if not rings.parsed[row]:
            centroid = geometry.centroid
            cx[row], cy[row] = centroid.x, centroid.y
    return x, y, cx, cy


def intersecting_pairs(left, right):
    """(i, j) index arrays of the bounding-box candidates that intersect: left[i] ∩ right[j] ≠ ∅
    (GeoSeries; works with geopandas 0.12's rtree index and 1.x's STRtree)."""
    tree = right.sindex
    if hasattr(tree, 'query_bulk'):
        found = tree.query_bulk(left.values, predicate='intersects')
    else:
        found = tree.query(left.values, predicate='intersects')
    return np.asarray(found[0], dtype=np.int64), np.asarray(found[1], dtype=np.int64)


# --- footprints without area ----------------------------------------------------------------

NOTES = 'spm_geometry_notes'           # bridge.frames lists repaired and skipped geometries here
STAND_IN_SIDE = 0.01                   # metres; 1e-7 degree in a geographic CRS


def _square(x, y, half):
    """WKB of a one-part MultiPolygon: the square of half-side ``half`` centred on (x, y)."""
    ring = [(x - half, y - half), (x + half, y - half), (x + half, y + half), (x - half, y + half),
            (x - half, y - half)]
    return (struct.pack('<BII', 1, 6, 1) + struct.pack('<BIII', 1, 3, 1, len(ring))
            + np.asarray(ring, dtype='<f8').tobytes())


def stand_ins(wkbs, frame, crs):
    """Give a location to the buildings whose footprint has no area; (wkbs, their fids).

    ``frame.attrs['spm_geometry_notes']`` (bridge.frames) lists the features whose geometry was
    skipped — a ring of 2 points, a clipped way collapsed to a line — with the mean of their
    vertices (in the frame's CRS). Such a building still has a location: its footprint in
    ``wkbs`` (None) becomes a square of :data:`STAND_IN_SIDE` centred there (in ``crs``, the
    registry's), so it is coded from that point, the registry keeps the square, and the same
    input matches it again in later runs (identical WKB) while a real footprint drawn there later
    is a new building.
    """
    notes = [n for n in frame.attrs.get(NOTES) or () if n.action == 'skipped' and np.isfinite(n.x)]
    rows = frame.index.get_indexer([n.fid for n in notes]) if notes else []
    chosen = [(row, n) for row, n in zip(rows, notes) if row >= 0 and wkbs[row] is None]
    if not chosen:
        return wkbs, []
    from pyproj import CRS, Transformer
    x = np.array([n.x for _, n in chosen])
    y = np.array([n.y for _, n in chosen])
    target = CRS.from_user_input(crs)
    if frame.crs is not None and not CRS.from_user_input(frame.crs).equals(target):
        x, y = Transformer.from_crs(frame.crs, target, always_xy=True).transform(x, y)
    half = (1e-7 if target.is_geographic else STAND_IN_SIDE) / 2
    wkbs = list(wkbs)
    for (row, _), a, b in zip(chosen, x, y):
        wkbs[row] = _square(float(a), float(b), half)
    return wkbs, [int(n.fid) for _, n in chosen]
