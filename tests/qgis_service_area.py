"""The peer of spm:life_circle built from QGIS's own tools, for the tests and the benchmark.

Coverage of one kind = homes (building centroids, ``native:centroids``) moved to the nearest
point of the network within ``max_snap`` (QgsGeometry.closestSegmentWithContext), lying on
the service area of the kind's facilities (``native:serviceareafromlayer``, shortest, lines,
buffered by 1 cm and dissolved: ``native:buffer``; ``native:extractbylocation``). QGIS 3.22
measures the network on the WGS84 ellipsoid whatever the context's ellipsoid. Facilities
farther than ``max_snap`` from the network are left out first, as spm:life_circle does (they start
from their nearest network point, as serviceareafromlayer snaps them itself).
"""

from qgis.core import QgsFeatureRequest, QgsGeometry, QgsRectangle, QgsSpatialIndex, QgsVectorLayer


def _run(alg, params, context, feedback=None):
    import processing
    return processing.run(alg, dict(params), context=context, feedback=feedback, is_child_algorithm=False)


def _nearest(index, geoms, point, max_snap):
    """(distance, nearest network point) of a QgsPointXY, or (inf, None) beyond ``max_snap``."""
    box = QgsRectangle(point.x() - max_snap, point.y() - max_snap, point.x() + max_snap, point.y() + max_snap)
    best = (float('inf'), None)
    for fid in index.intersects(box):
        sqr, at, _, _ = geoms[fid].closestSegmentWithContext(point)
        if sqr ** 0.5 < best[0]:
            best = (sqr ** 0.5, at)
    return best if best[0] <= max_snap else (float('inf'), None)


def snapped(points, network, max_snap, keep_far=False):
    """A memory point layer: ``points`` moved to their nearest network point (farther than
    ``max_snap``: left out, or kept where they are when ``keep_far``)."""
    index = QgsSpatialIndex(network.getFeatures())
    geoms = {f.id(): f.geometry() for f in network.getFeatures()}
    out = QgsVectorLayer(f'Point?crs={points.crs().authid()}', 'snapped', 'memory')
    out.dataProvider().addAttributes(points.fields())
    out.updateFields()
    features = []
    for feature in points.getFeatures():
        geom = feature.geometry()
        point = geom.centroid().asPoint() if geom.type() != 0 else geom.asPoint()
        _, at = _nearest(index, geoms, point, max_snap)
        if at is None and not keep_far:
            continue
        feature.setGeometry(QgsGeometry.fromPointXY(at if at is not None else point))
        features.append(feature)
    out.dataProvider().addFeatures(features)
    return out


def homes_on_network(homes, network, max_snap, context):
    """The homes' centroids (``native:centroids``) moved to their nearest network point; homes
    farther than ``max_snap`` are left out. Made once, used for every kind."""
    points = _run('native:centroids', {'INPUT': homes, 'ALL_PARTS': False, 'OUTPUT': 'memory:'}, context)['OUTPUT']
    return snapped(points, network, max_snap)


def covered_ids(homes, facilities, network, threshold, max_snap, context, id_field='hid', timings=None,
                on_network=None, buffer=0.01, dissolve=True):
    """Set of ``id_field`` values of the homes covered within ``threshold`` metres of walk;
    ``timings`` (a dict) gets the seconds of the service areas and of the rest. ``on_network``:
    :func:`homes_on_network` when already made (then ``homes`` is not read); ``buffer``: metres
    around the service-area lines that count as on them; ``dissolve``: one area for all facilities
    (or one per facility, for ``extractbylocation`` to test through its spatial index)."""
    import time
    timings = {} if timings is None else timings
    start = time.perf_counter()
    timings['service_area'] = 0.0
    starts = snapped(facilities, network, max_snap)
    if starts.featureCount() == 0:
        timings['rest'] = time.perf_counter() - start
        return set()
    middle = time.perf_counter()
    lines = _run('native:serviceareafromlayer', {
        'INPUT': network, 'STRATEGY': 0, 'DEFAULT_DIRECTION': 2, 'TOLERANCE': 0, 'START_POINTS': starts,
        'TRAVEL_COST2': threshold, 'INCLUDE_BOUNDS': False, 'OUTPUT_LINES': 'memory:'}, context)['OUTPUT_LINES']
    timings['service_area'] = time.perf_counter() - middle
    area = _run('native:buffer', {'INPUT': lines, 'DISTANCE': buffer, 'SEGMENTS': 2, 'DISSOLVE': dissolve,
                                  'OUTPUT': 'memory:'}, context)['OUTPUT']
    if on_network is None:
        on_network = homes_on_network(homes, network, max_snap, context)
    inside = _run('native:extractbylocation', {'INPUT': on_network, 'PREDICATE': [0], 'INTERSECT': area,
                                               'OUTPUT': 'memory:'}, context)['OUTPUT']
    if isinstance(inside, str):
        inside = context.getMapLayer(inside)
    timings['rest'] = time.perf_counter() - start - timings['service_area']
    return {f[id_field] for f in inside.getFeatures(QgsFeatureRequest().setSubsetOfAttributes([id_field],
                                                                                          inside.fields()))}


def network_layer(lines, crs):
    """A memory line layer of coordinate arrays (the walkable network, as spm:life_circle nodes it)."""
    from qgis.core import QgsFeature, QgsPointXY
    layer = QgsVectorLayer(f'LineString?crs={crs}', 'walk', 'memory')
    features = []
    for coords in lines:
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(float(x), float(y)) for x, y in coords]))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer
