"""City codes (issue 19): link 1 M buildings with 1 M 不动产单元 records (key match) and 200 k
address points (nearest footprint within 10 m), then resolve 100 k mixed codes — this plugin's
core (register on disk, one transaction) against a straightforward GeoPandas ``merge`` + ``sjoin``
for the same links and a pandas merge for the same resolution (three paired runs, medians), in one run.

    python3 benchmarks/bench_city_codes.py [--buildings 1000000] [--addresses 200000] [--codes 100000]
"""

import argparse
import os
import shutil
import struct
import tempfile

import numpy as np

from _common import import_plugin, peak_rss_gib, save, timer

TOLERANCE = 10.0
PITCH = 30.0
RESOLVE_RUNS = 3


def city(n, rng):
    """Footprints on a grid (8–20 m boxes, 30 m apart) as WKB, and their keys."""
    side = int(np.ceil(np.sqrt(n)))
    x = 40500000.0 + (np.arange(n) % side) * PITCH
    y = 2800000.0 + (np.arange(n) // side) * PITCH
    w, h = rng.uniform(8, 20, n), rng.uniform(8, 20, n)
    ring = np.stack([x, y, x + w, y, x + w, y + h, x, y + h, x, y], axis=1)
    head = b'\x01\x03\x00\x00\x00\x01\x00\x00\x00\x05\x00\x00\x00'
    wkbs = [head + row.tobytes() for row in ring]
    keys = np.array(['B%07d' % k for k in range(n)], dtype=object)
    return wkbs, keys, x, y, w, h


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument('--buildings', type=int, default=1_000_000)
    parser.add_argument('--addresses', type=int, default=200_000)
    parser.add_argument('--codes', type=int, default=100_000)
    args = parser.parse_args(argv)
    import_plugin()
    import geopandas as gpd
    import pandas as pd
    from pyproj import CRS
    from shapely import wkb as shapely_wkb
    from spatial_planning_monitor.core.codes import (citycode, citycode_entities, citycode_link, citycode_resolve,
                                                     citycode_scheme)
    rng = np.random.default_rng(19)
    n, m = args.buildings, args.addresses
    wkbs, keys, x, y, w, h = city(n, rng)
    units = pd.DataFrame({'bdc': ['350302001001GB%05dF%04d0001' % (k // 1000, k % 1000 + 1) for k in range(n)],
                          'fw': keys})
    units.loc[::7, 'bdc'] = [c[:6] + '-' + c[6:] for c in units['bdc'][::7]]      # mixed formats
    picked = np.sort(rng.choice(n, m, replace=False))
    points = gpd.points_from_xy(x[picked] + w[picked] + 3.0, y[picked] + h[picked] / 2)
    crs = CRS.from_epsg(4528)
    addresses = gpd.GeoDataFrame({'addr': ['某路%d号' % k for k in range(m)]}, geometry=points, crs=crs)
    folder = tempfile.mkdtemp(prefix='bench-city-')
    path = os.path.join(folder, 'city.gpkg')
    results = {'buildings': n, 'units': n, 'addresses': m, 'codes': args.codes,
               'load_at_start': [round(v, 2) for v in os.getloadavg()]}

    # --- this plugin: one register transaction --------------------------------------------
    with timer(results, 'plugin_link_s'):
        with citycode.open_register(path, citycode_scheme.get_city_scheme(), '350300', crs) as reg:
            with timer(results, 'plugin_entities_s'):
                codes, _ = citycode_entities.sync(reg, 'building', wkbs, list(keys))
                geometry = citycode_link.entity_geometry(wkbs)
            with timer(results, 'plugin_key_s'):
                by_key = citycode_link.link(reg, 'building', codes, geometry, units, 'bdc', 'real_estate_unit',
                                            'key', 'fw', 'building_id', max_links=0)
            with timer(results, 'plugin_nearest_s'):
                by_place = citycode_link.link(reg, 'building', codes, geometry, addresses, 'addr', 'address',
                                              'nearest', tolerance=TOLERANCE, max_links=0)
            reg.commit()
    position = pd.Series(np.arange(n), index=codes)
    ours_key = set(zip(by_key['links']['CODE'], keys[position[by_key['links']['CITY_CODE']].to_numpy()]))
    ours_near = set(zip(by_place['links']['CODE'], keys[position[by_place['links']['CITY_CODE']].to_numpy()]))
    results['peak_rss_gib_plugin'] = peak_rss_gib()

    # --- GeoPandas: merge on the key, sjoin of the buffered addresses, nearest by distance -----
    buildings = gpd.GeoDataFrame({'fw': keys}, geometry=[shapely_wkb.loads(b) for b in wkbs], crs=crs)
    with timer(results, 'geopandas_link_s'):
        with timer(results, 'geopandas_key_s'):
            clean = units.assign(bdc=units['bdc'].str.replace('-', '', regex=False))
            merged = clean.merge(buildings[['fw']], on='fw')
        with timer(results, 'geopandas_nearest_s'):
            zone = gpd.GeoDataFrame(addresses[['addr']], geometry=addresses.buffer(TOLERANCE), crs=crs)
            pairs = gpd.sjoin(zone, buildings, predicate='intersects')
            pairs['d'] = addresses.geometry.loc[pairs.index].reset_index(drop=True).distance(
                buildings.geometry.loc[pairs['index_right']].reset_index(drop=True)).to_numpy()
            pairs = pairs[pairs['d'] <= TOLERANCE].sort_values(['addr', 'd'])
            nearest = pairs.drop_duplicates('addr')
    peer_key = set(zip(merged['bdc'], merged['fw']))
    peer_near = set(zip(nearest['addr'], nearest['fw']))
    results['same_key_links'] = ours_key == peer_key
    results['same_nearest_links'] = ours_near == peer_near
    results['links'] = len(ours_key) + len(ours_near)

    # --- resolution: 100 k mixed codes -----------------------------------------------------
    k = args.codes // 4
    sample = rng.choice(m, k, replace=False)
    queries = (list(codes[rng.choice(n, k)]) + list(keys[rng.choice(n, k)])
               + list(units['bdc'].to_numpy()[rng.choice(n, k)]) + list(addresses['addr'].to_numpy()[sample]))
    import sqlite3
    connection = sqlite3.connect(path)
    links = pd.read_sql_query('SELECT code, city_code FROM city_links WHERE valid_to IS NULL', connection)
    connection.close()

    def pandas_resolve():
        asked = pd.DataFrame({'k': np.arange(len(queries)), 'code': [q.replace('-', '') for q in queries]})
        direct = asked.merge(links, on='code')
        own = asked.merge(pd.DataFrame({'code': codes, 'city_code': codes}), on='code')
        hits = pd.concat([direct, own])[['k', 'city_code']].drop_duplicates()
        every = links.sort_values('code').groupby('city_code')['code'].agg(' | '.join)
        return hits.assign(codes=hits['city_code'].map(every))

    runs = {'plugin_resolve_s': [], 'pandas_resolve_s': []}
    for _ in range(RESOLVE_RUNS):            # paired: ours, then the peer, each time
        with timer(results, 'plugin_resolve_s'):
            found, _ = citycode_resolve.resolve(path, queries)
        with timer(results, 'pandas_resolve_s'):
            peer = pandas_resolve()
        for key in runs:
            runs[key].append(results[key])
    for key, times in runs.items():          # the median, and every run
        results[key], results[key.replace('_s', '_runs_s')] = float(np.median(times)), times
    ours = found[['k', 'CITY_CODE', 'CODES']]
    ours_sets = set(zip(ours['k'], ours['CITY_CODE'], ours['CODES'].str.count(r'\|')))
    peer_sets = set(zip(peer['k'], peer['city_code'], peer['codes'].str.count(r'\|')))
    results['same_resolution'] = ours_sets == peer_sets
    results['resolved'] = int((found['STATUS'] == 'active').sum())
    results['ratio_link'] = round(results['geopandas_link_s'] / results['plugin_link_s'], 2)
    results['peak_rss_gib'] = peak_rss_gib()
    results['register_mb'] = round(os.path.getsize(path) / 1e6, 1)
    results['load_at_end'] = [round(v, 2) for v in os.getloadavg()]
    shutil.rmtree(folder)
    return save('city_codes', results)


if __name__ == '__main__':
    main()
