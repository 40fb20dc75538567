"""Write the layers and tables into one GeoPackage, reproducibly (fixed timestamps, fixed order).

The file is written next to its destination and renamed into place when complete, so an
interrupted run never leaves a half-written sample behind."""

import os
from collections import OrderedDict
from pathlib import Path

import fiona

TIMESTAMP = '2024-01-01T00:00:00.000Z'   # gpkg_contents.last_change of every layer


def write(path, layers, tables):
    """layers: [(name, GeoDataFrame)]; tables: [(name, [(field, fiona type)], rows)]."""
    path = Path(path)
    tmp = path.with_name(path.name + '.part')
    for stale in (tmp, Path(str(tmp) + '-journal')):
        if stale.exists():
            stale.unlink()
    os.environ['OGR_CURRENT_DATE'] = TIMESTAMP
    with fiona.Env(OGR_CURRENT_DATE=TIMESTAMP):
        for name, frame in layers:
            frame.to_file(tmp, layer=name, driver='GPKG', SPATIAL_INDEX='NO')
        for name, fields, rows in tables:
            schema = {'geometry': 'None', 'properties': OrderedDict(fields)}
            with fiona.open(tmp, 'w', driver='GPKG', layer=name, schema=schema) as dst:
                keys = [f for f, _ in fields]
                dst.writerecords({'geometry': None, 'properties': dict(zip(keys, row))}
                                 for row in rows)
    os.replace(tmp, path)
