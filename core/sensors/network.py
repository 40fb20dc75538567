"""Distances along a road network: graph from road lines, points snapped, Dijkstra up to the radius.

Lines connect where they share a vertex (coordinates equal to the millimetre): noded road data, as
a road centre-line layer usually is. A point reaches the network at the nearest point of the
nearest road segment; the network distance between a risk point and a site is

    walk from the point to the road + shortest path along the roads + walk from the road to the site,

which is never shorter than the straight line between them (triangle inequality). Shortest paths
come from ``scipy.sparse.csgraph.dijkstra`` with ``limit`` = the radius, run from the smaller side
in chunks, so no all-pairs matrix is ever built.
"""

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from ..errors import Canceled, InputError
from ..i18n import translate
from . import pairs as pairs_module

MERGE = 1e-3          # vertices closer than this (metres, per axis grid) are one node
MAX_SEGMENT = 50.0    # long segments are split so that the nearest-segment search stays local
_ON_VERTEX = 1e-4     # a snap this close to a segment end uses the end node
_CELLS = 10_000_000   # distances held at once per Dijkstra chunk (80 MB)


class RoadNetwork:
    """An undirected graph of road segments weighted by their length."""

    def __init__(self, lines, max_segment=MAX_SEGMENT):
        """``lines``: iterable of (n, 2) coordinate arrays (one per line part)."""
        starts, ends = [], []
        for coords in lines:
            coords = np.asarray(coords, float)[:, :2]
            if len(coords) >= 2:
                starts.append(coords[:-1])
                ends.append(coords[1:])
        if not starts:
            raise InputError(translate('spm', 'The road layer has no line with two or more vertices.'))
        a, b = np.vstack(starts), np.vstack(ends)
        keys = np.round(np.vstack([a, b]) / MERGE).astype(np.int64)
        first, inverse = _unique_rows(keys)
        self.node_xy = np.vstack([a, b])[first]
        u, v = inverse[:len(a)], inverse[len(a):]
        keep = u != v
        self.seg_u, self.seg_v = u[keep], v[keep]
        self.seg_a, self.seg_b = self.node_xy[self.seg_u], self.node_xy[self.seg_v]
        self.seg_len = np.hypot(*(self.seg_b - self.seg_a).T)
        # the nearest-segment search runs on pieces of at most max_segment (the graph keeps the
        # segments whole: fewer nodes for the shortest-path searches)
        pa, pb, self._piece_seg, self._piece_from = _split_long(self.seg_a, self.seg_b, max_segment)
        self._piece_a, self._piece_b = pa, pb
        self._piece_len = np.hypot(*(pb - pa).T)
        self._tree = cKDTree((pa + pb) / 2.0)
        self._half = float(self._piece_len.max()) / 2.0

    @property
    def n_nodes(self):
        return len(self.node_xy)

    # --- snapping --------------------------------------------------------------------------

    def snap(self, xy):
        """(segment, position along it in metres, snap distance) of the nearest road point."""
        xy = np.asarray(xy, float).reshape(-1, 2)
        if not len(xy):
            return np.empty(0, np.int64), np.empty(0), np.empty(0)
        # The nearest segment's midpoint is at most (distance to it + half the longest segment)
        # away, and that distance is at most the distance to the nearest midpoint.
        nearest_mid, _ = self._tree.query(xy)
        found = self._tree.query_ball_point(xy, nearest_mid + self._half + 1e-9)
        counts = np.fromiter((len(f) for f in found), np.int64, len(found))
        piece = np.fromiter((s for f in found for s in f), np.int64, int(counts.sum()))
        point = np.repeat(np.arange(len(xy)), counts)
        t, dist = _project(xy[point], self._piece_a[piece], self._piece_b[piece], self._piece_len[piece])
        order = np.lexsort((piece, dist, point))          # per point: nearest first, then lowest id
        first = order[np.r_[0, np.flatnonzero(np.diff(point[order])) + 1]]
        piece = piece[first]
        along = self._piece_from[piece] + t[first] * self._piece_len[piece]
        return self._piece_seg[piece], along, dist[first]

    def attach(self, xy, with_xy=False):
        """(graph, node of each point, snap distance): the graph with the snapped points as nodes
        (and, ``with_xy``, the coordinates of every node of that graph)."""
        seg, along, dist = self.snap(xy)
        length = self.seg_len[seg]
        node = np.empty(len(seg), np.int64)
        at_start = along <= _ON_VERTEX
        at_end = ~at_start & (along >= length - _ON_VERTEX)
        inside = ~(at_start | at_end)
        node[at_start] = self.seg_u[seg[at_start]]
        node[at_end] = self.seg_v[seg[at_end]]
        # one new node per distinct (segment, position); the segment becomes a chain through them
        ev_seg, ev_along = seg[inside], np.round(along[inside], 6)
        rows = np.column_stack([ev_seg, ev_along])
        first_event, event_of = _unique_rows(rows)
        events = rows[first_event]
        new_ids = self.n_nodes + np.arange(len(events))
        node[inside] = new_ids[event_of]
        e_seg, e_along = events[:, 0].astype(np.int64), events[:, 1]
        first = np.r_[True, e_seg[1:] != e_seg[:-1]] if len(e_seg) else np.empty(0, bool)
        last = np.r_[e_seg[1:] != e_seg[:-1], True] if len(e_seg) else np.empty(0, bool)
        prev_node = np.where(first, self.seg_u[e_seg], np.r_[-1, new_ids[:-1]])
        prev_along = np.where(first, 0.0, np.r_[0.0, e_along[:-1]])
        split = np.zeros(len(self.seg_u), bool)
        split[e_seg] = True
        u = np.concatenate([self.seg_u[~split], prev_node, new_ids[last]])
        v = np.concatenate([self.seg_v[~split], new_ids, self.seg_v[e_seg[last]]])
        w = np.concatenate([self.seg_len[~split], e_along - prev_along,
                            self.seg_len[e_seg[last]] - e_along[last]])
        graph = _graph(u, v, w, self.n_nodes + len(events))
        if not with_xy:
            return graph, node, dist
        t = (e_along / np.where(self.seg_len[e_seg] > 0, self.seg_len[e_seg], 1.0))[:, None]
        new_xy = self.seg_a[e_seg] + t * (self.seg_b[e_seg] - self.seg_a[e_seg])
        return graph, node, dist, np.vstack([self.node_xy, new_xy])

    # --- distances -------------------------------------------------------------------------

    def pairs(self, point_xy, site_xy, max_radius, canceled=None):
        """(i, j, d): point/site pairs whose network distance is at most ``max_radius``."""
        pairs_module.check_radius(max_radius, translate('spm', 'road-network search'))
        point_xy = np.asarray(point_xy, float).reshape(-1, 2)
        site_xy = np.asarray(site_xy, float).reshape(-1, 2)
        if not len(point_xy) or not len(site_xy):
            return pairs_module.empty()
        graph, node, snap = self.attach(np.vstack([point_xy, site_xy]))
        n = len(point_xy)
        sides = [(node[:n], snap[:n]), (node[n:], snap[n:])]
        # search from whichever side sits on fewer nodes
        from_points = len(np.unique(sides[0][0])) < len(np.unique(sides[1][0]))
        (src_node, src_snap), (dst_node, dst_snap) = sides if from_points else sides[::-1]
        src, dst, d = _limited_paths(graph, src_node, src_snap, dst_node, dst_snap, max_radius, canceled)
        return (src, dst, d) if from_points else (dst, src, d)


def _split_long(a, b, max_segment):
    """Segments longer than ``max_segment`` split into equal pieces: (start, end, segment of each
    piece, metres from the segment's start to the piece's)."""
    length = np.hypot(*(b - a).T)
    pieces = np.maximum(1, np.ceil(length / max_segment)).astype(np.int64)
    seg = np.repeat(np.arange(len(a)), pieces)
    if pieces.max(initial=1) == 1:
        return a, b, seg, np.zeros(len(a))
    k = np.arange(len(seg)) - np.repeat(np.cumsum(pieces) - pieces, pieces)
    t0 = (k / pieces[seg])[:, None]
    t1 = ((k + 1) / pieces[seg])[:, None]
    d = b[seg] - a[seg]
    start, end = a[seg] + t0 * d, a[seg] + t1 * d
    start[k == 0] = a[seg][k == 0]
    end[k == pieces[seg] - 1] = b[seg][k == pieces[seg] - 1]     # exact shared end vertex
    return start, end, seg, t0[:, 0] * length[seg]


def _unique_rows(rows):
    """(first row of each distinct row, distinct row of each row), the distinct rows in
    lexicographic order: ``np.unique(rows, axis=0, return_index=True, return_inverse=True)``
    without its slow sort of rows as bytes."""
    order = np.lexsort(rows.T[::-1])
    ordered = rows[order]
    new = np.r_[True, np.any(ordered[1:] != ordered[:-1], axis=1)] if len(rows) else np.empty(0, bool)
    inverse = np.empty(len(rows), np.int64)
    inverse[order] = np.cumsum(new) - 1
    return order[new], inverse


def _project(p, a, b, length):
    """(t ∈ [0, 1], distance) of the projection of points ``p`` on segments a→b."""
    d = b - a
    t = np.einsum('ij,ij->i', p - a, d) / np.where(length > 0, length ** 2, 1.0)
    t = np.clip(t, 0.0, 1.0)
    foot = a + t[:, None] * d
    return t, np.hypot(*(p - foot).T)


def _graph(u, v, w, n_nodes):
    """Symmetric CSR graph; parallel edges keep the shortest length."""
    uu, vv, ww = np.concatenate([u, v]), np.concatenate([v, u]), np.concatenate([w, w])
    order = np.lexsort((ww, vv, uu))
    uu, vv, ww = uu[order], vv[order], ww[order]
    keep = np.r_[True, (uu[1:] != uu[:-1]) | (vv[1:] != vv[:-1])]
    uu, vv, ww = uu[keep], vv[keep], ww[keep]
    indptr = np.r_[0, np.cumsum(np.bincount(uu, minlength=n_nodes))]    # rows sorted, columns sorted
    return sp.csr_matrix((ww, vv, indptr), shape=(n_nodes, n_nodes))


def _groups(nodes):
    """(unique nodes, members sorted by node, start offsets): the points sitting on each node."""
    order = np.argsort(nodes, kind='stable')
    unique, starts = np.unique(nodes[order], return_index=True)
    return unique, order, np.r_[starts, len(order)]


def _limited_paths(graph, src_node, src_snap, dst_node, dst_snap, max_radius, canceled):
    """(source index, destination index, distance) for all pairs within ``max_radius``."""
    reach = max_radius * (1.0 + pairs_module.TOLERANCE)
    src_unique, src_order, src_starts = _groups(src_node)
    dst_unique, dst_order, dst_starts = _groups(dst_node)
    # the closest point on each source node bounds how far along the roads the search must go
    src_min_snap = np.minimum.reduceat(src_snap[src_order], src_starts[:-1])
    dst_min_snap = float(dst_snap.min())
    useful = src_min_snap + dst_min_snap <= reach
    chunk = max(1, _CELLS // max(graph.shape[0], 1))
    out_i, out_j, out_d = [], [], []
    candidates = np.flatnonzero(useful)
    for start in range(0, len(candidates), chunk):
        if canceled is not None and canceled():
            raise Canceled(translate('spm', 'canceled'))
        block = candidates[start:start + chunk]
        limit = reach - float(src_min_snap[block].min()) - dst_min_snap
        dist = dijkstra(graph, directed=True, indices=src_unique[block], limit=limit)[:, dst_unique]
        rows, cols = np.nonzero(np.isfinite(dist))
        path = dist[rows, cols]
        s_node, d_node = block[rows], cols
        # expand node pairs to the points on them
        s_count = src_starts[s_node + 1] - src_starts[s_node]
        d_count = dst_starts[d_node + 1] - dst_starts[d_node]
        pair = np.repeat(np.arange(len(path)), s_count * d_count)
        within = np.arange(len(pair)) - np.repeat(np.cumsum(s_count * d_count) - s_count * d_count,
                                                  s_count * d_count)
        s_point = src_order[src_starts[s_node[pair]] + within // d_count[pair]]
        d_point = dst_order[dst_starts[d_node[pair]] + within % d_count[pair]]
        total = path[pair] + src_snap[s_point] + dst_snap[d_point]
        keep = total <= reach
        out_i.append(s_point[keep])
        out_j.append(d_point[keep])
        out_d.append(total[keep])
    if not out_i:
        return pairs_module.empty()
    return np.concatenate(out_i), np.concatenate(out_j), np.concatenate(out_d)
