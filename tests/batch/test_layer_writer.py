"""core/io/gdal_frames.LayerWriter (what the batch engine appends each tile with) writes what
write_frame writes in one go: same fields, rows, geometries, extent and spatial index."""

import geopandas as gpd
import numpy as np
import pandas as pd
from osgeo import gdal
from shapely.geometry import MultiPolygon, box

from spatial_planning_monitor.core.io import gdal_frames


def frame(start, n):
    return gpd.GeoDataFrame({
        'CODE': [f'{k:04d}' for k in range(start, start + n)],
        'NUM': np.arange(start, start + n, dtype=np.int64),
        'AREA': np.arange(start, start + n, dtype=float) * 1.5,
    }, geometry=[box(k * 10.0, -k, k * 10.0 + 5, 7.0) for k in range(start, start + n)],
        crs='EPSG:4528')


def layer_contents(path, layer):
    out = gdal_frames.read_frame(path, layer)
    dataset = gdal.OpenEx(path)
    source = dataset.GetLayerByName(layer)
    extent = source.GetExtent()
    index = dataset.ExecuteSQL(f"SELECT HasSpatialIndex('{layer}', 'geom')")
    has_index = index.GetNextFeature().GetField(0)
    dataset.ReleaseResultSet(index)
    return out, extent, has_index


def test_appended_parts_equal_one_write(tmp_path):
    from osgeo import ogr
    whole = str(tmp_path / 'whole.gpkg')
    parts = str(tmp_path / 'parts.gpkg')
    pieces = [frame(0, 3), frame(3, 0), frame(3, 5), frame(8, 1)]
    gdal_frames.write_frame(pd.concat(pieces, ignore_index=True), whole, 'pieces',
                            geometry_type=ogr.wkbMultiPolygon)
    writer = gdal_frames.LayerWriter(parts, 'pieces', pieces[0], geometry_type=ogr.wkbMultiPolygon)
    for piece in pieces:
        writer.append(piece)
    assert writer.close() == parts and writer.count == 9
    expected, extent, indexed = layer_contents(whole, 'pieces')
    got, got_extent, got_indexed = layer_contents(parts, 'pieces')
    assert got.drop(columns='geometry').equals(expected.drop(columns='geometry'))
    assert all(isinstance(g, MultiPolygon) for g in got.geometry)
    assert [g.wkb for g in got.geometry] == [g.wkb for g in expected.geometry]
    assert got_extent == extent == (0.0, 85.0, -8.0, 7.0)
    assert got_indexed == indexed == 1
