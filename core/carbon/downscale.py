"""Downscale regional totals to a grid with proxies, conserving each region's total exactly.

Every proxy k (raster: night lights, population …; vector: buildings by floor area, roads by
length, points by count or a field) gives each cell c of region r a share p_k(c) / S_k(r), where
S_k(r) is the proxy's sum over the region. The cell receives

    value(c) = total(r) × Σ_k w'_k(r) · p_k(c) / S_k(r),   w'_k(r) = w_k / Σ_{j: S_j(r) > 0} w_j,

so the cells of a region sum to its total whatever the proxies' units, and the weights say which
part of the total each proxy places. A region where every proxy sums to zero gets its total spread
evenly over its cells (and the report says so).

Streaming: the grid is processed in strips of ``block_rows`` rows (whole tiles of the output).
Pass 1 reads each strip of every proxy once (rasters through a rasterio ``WarpedVRT`` when their
CRS or grid differ from the output's), rasterizes the region ids, accumulates S_k(r) and spills
the strip (ids + proxies as raw float32) to a temporary file. Pass 2 reads the spill back, applies
the per-region coefficients and writes the strip to a tiled, compressed GeoTIFF. Memory stays at
a few strips whatever the grid size. The output is written to a temporary name and renamed only
when complete: a failed or canceled run leaves no output.
"""

import math
import os
import tempfile
import time

import numpy as np
import rasterio
from rasterio import features
from rasterio.crs import CRS
from rasterio.enums import Resampling
from rasterio.transform import from_origin
from rasterio.vrt import WarpedVRT
from rasterio.windows import Window

from ..errors import Canceled, InputError
from ..i18n import translate

NODATA = -9999.0
MAX_CELLS = 1_000_000_000
BLOCK = 512


def _compression():
    """ZSTD when this GDAL has it (fast), DEFLATE otherwise."""
    try:
        from osgeo import gdal
        options = gdal.GetDriverByName('GTiff').GetMetadataItem('DMD_CREATIONOPTIONLIST') or ''
        return 'ZSTD' if 'ZSTD' in options else 'DEFLATE'
    except Exception:  # no GDAL Python bindings: DEFLATE is always there
        return 'DEFLATE'


def creation_options():
    """GeoTIFF creation options of the output (also used by the benchmark's I/O floor)."""
    return {'tiled': True, 'blockxsize': BLOCK, 'blockysize': BLOCK, 'compress': _compression(),
            'predictor': 3, 'bigtiff': 'IF_SAFER', 'num_threads': '2'}


class Grid:
    """The output grid: origin, pixel size, shape and CRS."""

    def __init__(self, minx, maxy, pixel_size, width, height, crs):
        self.minx, self.maxy, self.pixel_size = minx, maxy, pixel_size
        self.width, self.height, self.crs = width, height, crs
        self.transform = from_origin(minx, maxy, pixel_size, pixel_size)

    def strip_transform(self, row0):
        return from_origin(self.minx, self.maxy - row0 * self.pixel_size,
                           self.pixel_size, self.pixel_size)


def plan_grid(bounds, pixel_size, crs, max_cells=MAX_CELLS):
    """The grid covering ``bounds`` (snapped outward to multiples of the pixel size).

    Refuses a pixel size that is not positive or that would make more than ``max_cells`` cells,
    naming the size the raster would have had.
    """
    if not pixel_size or not math.isfinite(pixel_size) or pixel_size <= 0:
        raise InputError(translate('spm', 'PIXEL_SIZE must be a positive number, got {size}.').format(
            size=pixel_size))
    minx, miny, maxx, maxy = bounds
    minx = math.floor(minx / pixel_size) * pixel_size
    miny = math.floor(miny / pixel_size) * pixel_size
    maxx = math.ceil(maxx / pixel_size) * pixel_size
    maxy = math.ceil(maxy / pixel_size) * pixel_size
    width = max(1, int(round((maxx - minx) / pixel_size)))
    height = max(1, int(round((maxy - miny) / pixel_size)))
    cells = width * height
    if cells > max_cells:
        raise InputError(translate(
            'spm', 'PIXEL_SIZE {size} would make a raster of {width} × {height} = {cells:,} cells '
                   '({gib:.1f} GiB as float32); the limit is {limit:,} cells. Choose a larger pixel '
                   'size.').format(size=pixel_size, width=width, height=height, cells=cells,
                                   gib=cells * 4 / 2 ** 30, limit=max_cells))
    return Grid(minx, maxy, pixel_size, width, height, crs)


# --- proxies ------------------------------------------------------------------------------------

class RasterProxy:
    """A raster proxy read strip by strip on the output grid (warped when its grid differs)."""

    def __init__(self, path, name=None, band=1):
        self.path, self.band = str(path), band
        self.name = name or os.path.basename(self.path)
        self._src = self._view = None
        self.negative_cells = 0

    def open(self, grid, log):
        try:
            self._src = rasterio.open(self.path)
        except rasterio.errors.RasterioIOError as exc:
            raise InputError(translate('spm', 'Proxy “{name}” cannot be read as a raster: {error}')
                             .format(name=self.name, error=exc)) from exc
        src = self._src
        if src.crs is None:
            raise InputError(translate('spm', 'Proxy “{name}” has no CRS.').format(name=self.name))
        same = (CRS.from_user_input(src.crs) == CRS.from_user_input(grid.crs)
                and src.width == grid.width and src.height == grid.height
                and src.transform.almost_equals(grid.transform))
        if same:
            self._view = src
            log(translate('spm', 'Proxy “{name}”: already on the output grid, read as is.').format(
                name=self.name))
            return
        self._view = WarpedVRT(src, crs=grid.crs, transform=grid.transform, width=grid.width,
                               height=grid.height, resampling=Resampling.average, src_nodata=src.nodata,
                               nodata=src.nodata if src.nodata is not None else None)
        log(translate(
            'spm', 'Proxy “{name}”: {crs} at {xres:g} × {yres:g} ({w} × {h} cells) is resampled to '
                   '{gcrs} at {size:g} ({gw} × {gh} cells) with the average of the covered cells '
                   '(GDAL warp, on the fly).').format(
            name=self.name, crs=src.crs.to_string(), xres=abs(src.res[0]), yres=abs(src.res[1]),
            w=src.width, h=src.height, gcrs=CRS.from_user_input(grid.crs).to_string(),
            size=grid.pixel_size, gw=grid.width, gh=grid.height))

    def read(self, row0, rows, grid):
        data = self._view.read(self.band, window=Window(0, row0, grid.width, rows), masked=True)
        data = np.ma.filled(data.astype(np.float32), 0.0)
        data[~np.isfinite(data)] = 0.0
        negative = data < 0
        if negative.any():
            self.negative_cells += int(negative.sum())
            data[negative] = 0.0
        return data

    def close(self):
        for handle in (self._view, self._src):
            if handle is not None:
                handle.close()
        self._src = self._view = None


class PointsProxy:
    """A vector proxy reduced to weighted points, binned into cells strip by strip."""

    def __init__(self, name, x, y, weight):
        self.name = name
        self._x, self._y, self._w = (np.asarray(a, dtype=float) for a in (x, y, weight))
        self.negative_cells = 0

    @classmethod
    def from_frame(cls, frame, pixel_size, name, weight_field=None, floors_field=None):
        """Polygons: area × floors (or ``weight_field``) at their representative point; lines:
        length, sampled every half pixel; points: 1 (or ``weight_field``)."""
        frame = frame[frame.geometry.notna() & ~frame.geometry.is_empty]
        kinds = set(frame.geom_type.str.replace('Multi', ''))
        if kinds - {'Polygon', 'LineString', 'Point'} or len(kinds) > 1:
            raise InputError(translate('spm', 'Proxy “{name}”: mixed or unsupported geometry types {kinds}.')
                             .format(name=name, kinds=', '.join(sorted(kinds))))
        kind = kinds.pop() if kinds else 'Point'
        field_weight = None
        if weight_field:
            field_weight = np.nan_to_num(np.asarray(frame[weight_field], dtype=float))
        if kind == 'LineString':
            return cls(name, *_sample_lines(frame.geometry, pixel_size / 2.0, field_weight))
        if kind == 'Polygon':
            points = frame.geometry.representative_point()
            if field_weight is None:
                field_weight = frame.geometry.area.to_numpy()
                if floors_field and floors_field in frame.columns:
                    floors = np.nan_to_num(np.asarray(frame[floors_field], dtype=float), nan=1.0)
                    field_weight = field_weight * floors
            return cls(name, points.x.to_numpy(), points.y.to_numpy(), field_weight)
        weight = field_weight if field_weight is not None else np.ones(len(frame))
        return cls(name, frame.geometry.x.to_numpy(), frame.geometry.y.to_numpy(), weight)

    def open(self, grid, log):
        col = np.floor((self._x - grid.minx) / grid.pixel_size).astype(np.int64)
        row = np.floor((grid.maxy - self._y) / grid.pixel_size).astype(np.int64)
        w = self._w.copy()
        negative = w < 0
        self.negative_cells = int(negative.sum())
        w[negative] = 0.0
        inside = (col >= 0) & (col < grid.width) & (row >= 0) & (row < grid.height)
        order = np.argsort(row[inside], kind='stable')
        self._row, self._col, self._wt = row[inside][order], col[inside][order], w[inside][order]
        log(translate('spm', 'Proxy “{name}”: {n} weighted point(s) binned into {size:g} cells.')
            .format(name=self.name, n=int(inside.sum()), size=grid.pixel_size))

    def read(self, row0, rows, grid):
        lo, hi = np.searchsorted(self._row, [row0, row0 + rows])
        flat = (self._row[lo:hi] - row0) * grid.width + self._col[lo:hi]
        cells = np.bincount(flat, weights=self._wt[lo:hi], minlength=rows * grid.width)
        return cells.astype(np.float32).reshape(rows, grid.width)

    def close(self):
        pass


def _sample_lines(geometries, step, field_weight=None):
    """Points every ≤ ``step`` along lines, each carrying its piece of length (or of the field)."""
    xs, ys, ws = [], [], []
    for index, geometry in enumerate(geometries):
        parts = getattr(geometry, 'geoms', [geometry])
        total = geometry.length
        for part in parts:
            coords = np.asarray(part.coords)[:, :2]
            if len(coords) < 2:
                continue
            start, end = coords[:-1], coords[1:]
            length = np.hypot(*(end - start).T)
            pieces = np.maximum(1, np.ceil(length / step)).astype(np.int64)
            seg = np.repeat(np.arange(len(length)), pieces)
            k = np.arange(pieces.sum()) - np.repeat(np.cumsum(pieces) - pieces, pieces)
            t = (k + 0.5) / pieces[seg]
            xs.append(start[seg, 0] + t * (end[seg, 0] - start[seg, 0]))
            ys.append(start[seg, 1] + t * (end[seg, 1] - start[seg, 1]))
            piece = length[seg] / pieces[seg]
            if field_weight is not None:
                piece = piece * (field_weight[index] / total if total > 0 else 0.0)
            ws.append(piece)
    if not xs:
        return np.empty(0), np.empty(0), np.empty(0)
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(ws)


# --- the two passes -----------------------------------------------------------------------------

def _region_ids(regions, grid, row0, rows, dtype, boxes):
    top = grid.maxy - row0 * grid.pixel_size
    bottom = top - rows * grid.pixel_size
    shapes = [(geometry, index + 1) for index, (geometry, (_x0, y0, _x1, y1)) in
              enumerate(zip(regions, boxes)) if y1 >= bottom and y0 <= top]
    if not shapes:
        return np.zeros((rows, grid.width), dtype=dtype)
    return features.rasterize(shapes, out_shape=(rows, grid.width),
                              transform=grid.strip_transform(row0), fill=0, dtype=dtype)


def downscale(regions, totals, proxies, weights, pixel_size, output, crs, names=None,
              max_cells=MAX_CELLS, block_rows=BLOCK, log=None, progress=None, is_canceled=None,
              work_dir=None):
    """Write the downscaled GeoTIFF to ``output``; return a report dict.

    ``regions``: sequence of shapely geometries in ``crs``; ``totals``: their totals (t CO₂);
    ``proxies``: :class:`RasterProxy` / :class:`PointsProxy` objects; ``weights``: one per proxy.
    The report holds, per region, the total, the number of cells, the sum written (float32 cells
    added in float64) and whether it was spread evenly; and the proxies' resampling lines.
    """
    log = log or (lambda message: None)
    progress = progress or (lambda fraction: None)
    is_canceled = is_canceled or (lambda: False)
    started = time.perf_counter()
    totals = np.asarray(totals, dtype=float)
    if len(regions) == 0:
        raise InputError(translate('spm', 'REGIONS has no features.'))
    bad = ~np.isfinite(totals)
    if bad.any():
        listed = [str(names[i]) if names is not None else str(i + 1) for i in np.nonzero(bad)[0][:10]]
        raise InputError(translate('spm', 'REGIONS: {n} region(s) have no total: {regions}.').format(
            n=int(bad.sum()), regions=', '.join(listed)))
    if not proxies:
        raise InputError(translate('spm', 'Give at least one proxy.'))
    weights = np.asarray(weights if weights is not None else [1.0] * len(proxies), dtype=float)
    if len(weights) != len(proxies):
        raise InputError(translate('spm', 'WEIGHTS has {n} value(s) for {m} proxies.').format(
            n=len(weights), m=len(proxies)))
    if (weights < 0).any() or not np.isfinite(weights).all() or weights.sum() <= 0:
        raise InputError(translate('spm', 'WEIGHTS must be non-negative numbers, not all zero.'))

    boxes = [geometry.bounds for geometry in regions]
    bounds = (min(b[0] for b in boxes), min(b[1] for b in boxes),
              max(b[2] for b in boxes), max(b[3] for b in boxes))
    grid = plan_grid(bounds, pixel_size, crs, max_cells)
    log(translate('spm', 'Output grid: {w} × {h} cells of {size:g}, {n} region(s), {k} proxy(ies).')
        .format(w=grid.width, h=grid.height, size=grid.pixel_size, n=len(regions), k=len(proxies)))
    n = len(regions)
    id_dtype = np.uint16 if n < 65535 else np.uint32
    k = len(proxies)
    sums = np.zeros((k, n + 1))
    counts = np.zeros(n + 1, dtype=np.int64)
    strips = [(row0, min(block_rows, grid.height - row0)) for row0 in range(0, grid.height, block_rows)]

    handle, spill_path = tempfile.mkstemp(suffix='.spill', dir=work_dir)
    os.close(handle)
    part = str(output) + '.part'
    try:
        for proxy in proxies:
            proxy.open(grid, log)
        # Pass 1: proxy sums per region; spill strips.
        with open(spill_path, 'wb') as spill:
            for index, (row0, rows) in enumerate(strips):
                if is_canceled():
                    raise Canceled('canceled')
                ids = _region_ids(regions, grid, row0, rows, id_dtype, boxes)
                flat = ids.ravel()
                counts += np.bincount(flat, minlength=n + 1)
                spill.write(ids.tobytes())
                for j, proxy in enumerate(proxies):
                    data = proxy.read(row0, rows, grid)
                    sums[j] += np.bincount(flat, weights=data.ravel(), minlength=n + 1)
                    spill.write(data.tobytes())
                progress(0.5 * (index + 1) / len(strips))
        for proxy in proxies:
            if proxy.negative_cells:
                log(translate('spm', 'Proxy “{name}”: {n} negative value(s) were treated as 0.')
                    .format(name=proxy.name, n=proxy.negative_cells))

        empty = [i for i in range(n) if counts[i + 1] == 0]
        if empty:
            listed = [str(names[i]) if names is not None else str(i + 1) for i in empty[:10]]
            raise InputError(translate(
                'spm', '{n} region(s) cover no cell centre at PIXEL_SIZE {size:g} and would lose '
                       'their total: {regions}. Choose a smaller pixel size.').format(
                n=len(empty), size=grid.pixel_size, regions=', '.join(listed)))

        coef, uniform = _coefficients(totals, weights, sums[:, 1:], counts[1:])
        for i in np.nonzero(uniform)[0]:
            log(translate('spm', 'Region {region}: every proxy is zero there; its total is spread '
                                 'evenly over its {cells} cell(s).').format(
                region=names[i] if names is not None else i + 1, cells=int(counts[i + 1])))
        # lookup tables indexed by region id (0 = outside)
        coef_lut = np.vstack([np.zeros((1, k)), coef])               # (n+1, k)
        flat_lut = np.concatenate([[0.0], np.where(uniform, totals / np.maximum(counts[1:], 1), 0.0)])
        written = np.zeros(n + 1)

        profile = dict(driver='GTiff', dtype='float32', count=1, width=grid.width,
                       height=grid.height, crs=grid.crs, transform=grid.transform, nodata=NODATA,
                       **creation_options())
        id_bytes = np.dtype(id_dtype).itemsize
        with rasterio.open(part, 'w', **profile) as dst, open(spill_path, 'rb') as spill:
            for index, (row0, rows) in enumerate(strips):
                if is_canceled():
                    raise Canceled('canceled')
                cells = rows * grid.width
                ids = np.frombuffer(spill.read(cells * id_bytes), dtype=id_dtype)
                value = flat_lut[ids]
                for j in range(k):
                    data = np.frombuffer(spill.read(cells * 4), dtype=np.float32)
                    column = coef_lut[:, j]
                    if column.any():
                        value += column[ids] * data
                out = value.astype(np.float32)
                written += np.bincount(ids, weights=out, minlength=n + 1)
                out[ids == 0] = NODATA
                dst.write(out.reshape(rows, grid.width), 1, window=Window(0, row0, grid.width, rows))
                progress(0.5 + 0.5 * (index + 1) / len(strips))
        os.replace(part, output)
    except BaseException:
        if os.path.exists(part):
            os.remove(part)
        raise
    finally:
        for proxy in proxies:
            proxy.close()
        if os.path.exists(spill_path):
            os.remove(spill_path)

    report = {
        'width': grid.width, 'height': grid.height, 'pixel_size': grid.pixel_size,
        'transform': tuple(grid.transform)[:6], 'seconds': time.perf_counter() - started,
        'regions': [{
            'index': i, 'name': names[i] if names is not None else i + 1,
            'total': float(totals[i]), 'cells': int(counts[i + 1]), 'written': float(written[i + 1]),
            'uniform': bool(uniform[i]),
            'proxy_sums': [float(sums[j, i + 1]) for j in range(k)],
        } for i in range(n)],
    }
    worst = max((abs(r['written'] - r['total']) / abs(r['total']) if r['total'] else
                 abs(r['written']) for r in report['regions']), default=0.0)
    report['max_relative_error'] = worst
    log(translate('spm', 'Largest relative difference between a region total and its cells: {err:.2e}.')
        .format(err=worst))
    return report


def _coefficients(totals, weights, sums, counts):
    """(n × k coefficients multiplying proxy values, n booleans: spread evenly)."""
    positive = sums > 0                                              # (k, n)
    active = (weights[:, None] * positive).sum(axis=0)               # (n,)
    uniform = active <= 0
    with np.errstate(divide='ignore', invalid='ignore'):
        coef = np.where(positive, totals[None, :] * (weights[:, None] / np.where(active > 0, active, 1))
                        / np.where(positive, sums, 1.0), 0.0)
    return coef.T, uniform
