"""Layer <-> GeoDataFrame round trip on 100,000 polygons (bridge/frames.py).

Compares the WKB-based bridge with the naive per-feature conversion through WKT that plugins
often write, in one run. Also, side by side on the same layer: the bare floor of the bridge's read
(one WKB export + one GEOS parse per feature, no checks: the reader before it learned to repair),
and a messy layer where 1 % of the features take the slow path (rings of 2 points, bow-ties,
curves). Usage: /usr/bin/python3 benchmarks/bench_frames.py [--features N]
"""

import argparse

import numpy as np

from _common import import_plugin, peak_rss_gib, qgis_app, save, timer


def make_layer(n, seed=0, messy_every=0):
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
    from spatial_planning_monitor.compat import FieldType
    rng = np.random.default_rng(seed)
    layer = QgsVectorLayer('MultiPolygon?crs=EPSG:4528', 'parcels', 'memory')
    layer.dataProvider().addAttributes([QgsField('DLBM', FieldType.String), QgsField('DLMC', FieldType.String),
                                        QgsField('面积', FieldType.Double), QgsField('层数', FieldType.Int)])
    layer.updateFields()
    codes = [('0101', '水田'), ('0301', '乔木林地'), ('0701', '城镇住宅用地'), ('05H1', '商业服务业设施用地')]
    xs, ys = 40_450_000 + rng.uniform(0, 1e5, n), 2_800_000 + rng.uniform(0, 1e5, n)
    features = []
    for i in range(n):
        x, y = xs[i], ys[i]
        ring = [(x, y), (x + 30, y), (x + 34, y + 20), (x + 15, y + 31), (x - 3, y + 18), (x, y)]
        wkt = 'MULTIPOLYGON(((' + ','.join(f'{a} {b}' for a, b in ring) + ')))'
        if messy_every and i % messy_every == 0:
            wkt = MESSY[(i // messy_every) % len(MESSY)].format(x=x, y=y, x1=x + 30, y1=y + 30)
        feature = QgsFeature(layer.fields())
        code, name = codes[i % 4]
        feature.setAttributes([code, name, float(i), i % 30])
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


MESSY = ('MULTIPOLYGON((({x} {y},{x} {y})))',                                    # a ring of 2 points
         'MULTIPOLYGON((({x} {y},{x1} {y1},{x1} {y},{x} {y1},{x} {y})))',           # a bow-tie
         'MULTISURFACE(CURVEPOLYGON(COMPOUNDCURVE(CIRCULARSTRING({x} {y},{x1} {y1},{x1} {y}),'
         '({x1} {y},{x} {y}))))')                                                  # an arc


def plain_read(layer):
    """The floor: one WKB export and one GEOS parse per feature, geometries only."""
    from shapely import wkb
    return [wkb.loads(bytes(f.geometry().asWkb())) for f in layer.getFeatures()]


def naive_round_trip(layer):
    """Per-feature WKT in both directions: the usual hand-written conversion."""
    import geopandas as gpd
    from shapely import wkt
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
    records, geometries = [], []
    for feature in layer.getFeatures():
        records.append(dict(zip(layer.fields().names(), feature.attributes())))
        geometries.append(wkt.loads(feature.geometry().asWkt()))
    frame = gpd.GeoDataFrame(records, geometry=geometries, crs='EPSG:4528')
    back = QgsVectorLayer('MultiPolygon?crs=EPSG:4528', 'back', 'memory')
    back.dataProvider().addAttributes(layer.fields().toList())
    back.updateFields()
    features = []
    for row, geometry in zip(frame.drop(columns='geometry').itertuples(index=False), frame.geometry):
        feature = QgsFeature(back.fields())
        feature.setAttributes(list(row))
        feature.setGeometry(QgsGeometry.fromWkt(geometry.wkt))
        features.append(feature)
    back.dataProvider().addFeatures(features)
    return back


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--features', type=int, default=100_000)
    args = parser.parse_args()
    import_plugin()
    app = qgis_app()  # noqa: F841 (keeps QGIS alive)
    from spatial_planning_monitor.bridge import frames
    layer = make_layer(args.features)
    results = {'features': args.features}
    with timer(results, 'to_frame_s'):
        frame = frames.source_to_frame(layer)
    with timer(results, 'to_layer_s'):
        back = frames.frame_to_layer(frame, 'back')
    results['round_trip_s'] = round(results['to_frame_s'] + results['to_layer_s'], 3)
    assert back.featureCount() == layer.featureCount()
    assert abs(frame.geometry.area.sum() - sum(f.geometry().area() for f in back.getFeatures())) < 1e-3
    with timer(results, 'plain_parse_floor_s'):
        plain_read(layer)
    results['to_frame_over_floor'] = round(results['to_frame_s'] / results['plain_parse_floor_s'], 2)
    messy = make_layer(args.features, messy_every=100)
    with timer(results, 'to_frame_messy_1pct_s'):
        messy_frame = frames.source_to_frame(messy)
    notes = messy_frame.attrs[frames.NOTES]
    results['messy_repaired'] = sum(n.action == frames.REPAIRED for n in notes)
    results['messy_skipped'] = sum(n.action == frames.SKIPPED for n in notes)
    del messy, messy_frame
    with timer(results, 'naive_wkt_round_trip_s'):
        naive_round_trip(layer)
    results['speedup_vs_naive'] = round(results['naive_wkt_round_trip_s'] / results['round_trip_s'], 2)
    results['peak_rss_gib'] = peak_rss_gib()
    save('frames', results)


if __name__ == '__main__':
    main()
