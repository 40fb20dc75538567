"""Walking distances on the network: one multi-source Dijkstra per facility kind.

The graph is the road network of :mod:`core.sensors.network` (lines joined at shared vertices,
every origin and facility attached at its nearest road point as a node, which splits its segment).
For a kind, one extra node is joined to the attached nodes of its facilities by edges weighing
their access walk (facility → road, or 0); a single ``scipy.sparse.csgraph.dijkstra`` from that
node, bounded by ``limit``, gives every node its distance to the nearest facility of the kind —
the same as ``indices=<facility nodes>, min_only=True``, with the access walks counted. Memory is
O(nodes) per kind: no origin × destination matrix is ever built.

The extra node's edges weigh walk + 1 m (and the limit grows by 1 m) so that no edge has
weight 0, which sparse graph formats would drop as "no edge"; the 1 m is taken off again.
"""

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components, dijkstra

from ..sensors.network import RoadNetwork


class WalkGraph:
    """The walkable network with a set of points attached (origins, facilities, park entrances)."""

    def __init__(self, lines, xy):
        self.network = RoadNetwork(lines)
        graph, self.node, self.snap, self.node_xy = self.network.attach(np.asarray(xy, float).reshape(-1, 2),
                                                                        with_xy=True)
        self.n = graph.shape[0]
        graph = graph.tocsr()
        # nearest() appends one row (and column) for the per-kind source node
        self._indptr = graph.indptr.astype(np.int64)
        self._indices = graph.indices.astype(np.int64)
        self._data = graph.data
        self.graph = graph
        self.n_parts, self.part = connected_components(graph, directed=False)

    def edges(self):
        """(u, v, length) of every edge once (u < v)."""
        rows = np.repeat(np.arange(self.n), np.diff(self._indptr))
        once = rows < self._indices
        return rows[once], self._indices[once], self._data[once]

    def part_ranks(self):
        """Rank of each network part by size (0 = largest), per node."""
        sizes = np.bincount(self.part, minlength=self.n_parts)
        rank = np.empty(self.n_parts, np.int64)
        rank[np.argsort(-sizes, kind='stable')] = np.arange(self.n_parts)
        return rank[self.part]

    def nearest(self, points, walk, limit):
        """Distance from every node to the nearest of ``points`` (indices of attached points), each
        starting with its ``walk`` metres; inf beyond ``limit``."""
        points = np.asarray(points, np.int64)
        if not len(points):
            return np.full(self.n, np.inf)
        targets = self.node[points]
        weight = np.asarray(walk, float) + 1.0
        order = np.lexsort((weight, targets))          # one edge per node, the shortest walk
        targets, weight = targets[order], weight[order]
        first = np.r_[True, targets[1:] != targets[:-1]]
        targets, weight = targets[first], weight[first]
        indptr = np.r_[self._indptr, self._indptr[-1] + len(targets)]
        indices = np.r_[self._indices, targets]
        data = np.r_[self._data, weight]
        graph = sp.csr_matrix((data, indices, indptr), shape=(self.n + 1, self.n + 1))
        dist = dijkstra(graph, directed=True, indices=self.n, limit=float(limit) + 1.0)
        return dist[:self.n] - 1.0

