#!/usr/bin/env python3
"""Generate the sample city sample/putian.gpkg (莆田市, EPSG:4528): real district boundaries from
/work/shared/data/putian (copied into sample/boundaries/), deterministic synthetic layers.

    /usr/bin/python3 sample/make_sample.py [--out PATH] [--boundaries DIR]

Same seed, same data: a re-run reproduces the file (see docs/sample.md for the layers and fields).
"""

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from samplegen import gpkg, verify, vitals  # noqa: E402
from samplegen.city import City  # noqa: E402
from samplegen.layers import Layers  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--out', default=str(HERE / 'putian.gpkg'), help='GeoPackage to write')
    parser.add_argument('--boundaries', default=str(HERE / 'boundaries'),
                        help='folder with the district GeoJSON files (adcode.geojson)')
    parser.add_argument('--quiet', action='store_true')
    args = parser.parse_args(argv)
    log = (lambda *a: None) if args.quiet else print
    start = time.time()
    log(f'sample city -> {args.out}')
    city = City(args.boundaries, log=log)
    layers = Layers(city)
    figures = verify.check(layers, log=log)
    gpkg.write(args.out, layers.spatial(), layers.tables())
    vitals.write_readings(layers.vital_readings, Path(args.out).with_name('vital_readings.csv.gz'))
    layers.city_registers.write(Path(args.out).parent)
    size = Path(args.out).stat().st_size
    log(f'  {time.time() - start:6.1f} s  written, {size / 1e6:.2f} MB')
    return figures


if __name__ == '__main__':
    main()
