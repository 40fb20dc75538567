"""Read readings fast: CSV with pandas; GeoPackage, PostgreSQL (and any other GDAL source) through
GDAL's Arrow stream, column by column, without a Python object per row.

A source is ``('csv', path)`` or ``('ogr', connection, layer name, attribute filter or None)`` where
connection is a GeoPackage path or ``PG:host=… dbname=…``. :func:`read` returns a DataFrame with the
columns ``id, time, metric, value``; text columns come back as pandas categoricals (decoded once per
distinct value).
"""

import numpy as np
import pandas as pd

from ..errors import InputError
from ..i18n import translate

COLUMNS = ('id', 'time', 'metric', 'value')


def _describe(source):
    if source[0] == 'csv':
        return source[1]
    connection = source[1]
    if connection.startswith('PG:'):
        kept = [p for p in connection[3:].split() if not p.lower().startswith('password')]
        connection = 'PG:' + ' '.join(kept)
    return '{} ({})'.format(connection, source[2])


def _missing(fields, have, source):
    missing = [f for f in fields if f not in have]
    if missing:
        raise InputError(translate('spm', 'Readings {source}: field(s) {missing} not found; it has {fields}.').format(
            source=_describe(source), missing=', '.join(missing), fields=', '.join(have)))


def read_csv(path, fields):
    """fields: (id, time, metric, value) column names."""
    for encoding in ('utf-8-sig', 'gb18030'):
        try:
            header = pd.read_csv(path, nrows=0, encoding=encoding).columns
            _missing(fields, list(header), ('csv', path))
            frame = pd.read_csv(path, usecols=list(fields), encoding=encoding, low_memory=False,
                                dtype={fields[1]: str, fields[2]: 'category'})
            break
        except UnicodeDecodeError:
            continue
        except (OSError, pd.errors.ParserError) as exc:
            raise InputError(translate('spm', 'Readings {source}: cannot be read ({error}).').format(
                source=path, error=exc)) from None
    else:
        raise InputError(translate('spm', 'Readings {source}: the text is neither UTF-8 nor GBK.').format(source=path))
    return frame[list(fields)].set_axis(list(COLUMNS), axis=1)


def factorize_bytes(array):
    """(codes, uniques) of a fixed-width bytes array without a Python object per row: the bytes are
    read as 64-bit words and the words factorized one after the other."""
    width = -(-max(array.dtype.itemsize, 1) // 8) * 8
    words = np.ascontiguousarray(array.astype('S{}'.format(width))).view(np.uint64).reshape(len(array), -1)
    codes = None
    for column in words.T:
        part, _ = pd.factorize(column)
        codes = part if codes is None else pd.factorize(codes * (int(part.max()) + 1 if len(part) else 1) + part)[0]
    codes = np.zeros(len(array), np.int64) if codes is None else codes
    first = np.zeros(int(codes.max()) + 1 if len(codes) else 0, np.int64)
    first[codes[::-1]] = np.arange(len(codes))[::-1]          # the last write wins: first occurrence
    return codes, array[first]


def _decoded(array):
    """A numpy column from Arrow as something pandas handles fast: bytes → categorical of text."""
    if array.dtype.kind == 'S':
        codes, uniques = factorize_bytes(array)
        text = [u.decode('utf-8', 'replace') for u in uniques]
        return pd.Categorical.from_codes(codes, categories=pd.Index(text).unique()) \
            if len(set(text)) == len(text) else pd.Series(np.asarray(text, dtype=object)[codes])
    if array.dtype.kind == 'O':     # nested or null-only columns: leave to pandas
        return pd.Series(array)
    return array


def open_ogr(connection, layer_name):
    from osgeo import gdal, ogr
    gdal.UseExceptions()
    try:
        dataset = gdal.OpenEx(connection, gdal.OF_VECTOR | gdal.OF_READONLY)
    except RuntimeError as exc:
        raise InputError(translate('spm', 'Readings {source}: cannot connect or open ({error}).').format(
            source=_describe(('ogr', connection, layer_name)), error=str(exc).strip())) from None
    layer = dataset.GetLayerByName(layer_name) if layer_name else dataset.GetLayer(0)
    if layer is None:
        raise InputError(translate('spm', 'Readings {source}: there is no table “{layer}”.').format(
            source=_describe(('ogr', connection, layer_name)), layer=layer_name))
    ogr.UseExceptions()
    return dataset, layer


def read_ogr(connection, layer_name, fields, where=None):
    source = ('ogr', connection, layer_name)
    dataset, layer = open_ogr(connection, layer_name)
    definition = layer.GetLayerDefn()
    have = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    _missing(fields, have, source)
    layer.SetIgnoredFields([f for f in have if f not in fields] + ['OGR_GEOMETRY', 'OGR_STYLE'])
    if where:
        layer.SetAttributeFilter(where)
    columns = {f: [] for f in fields}
    try:
        stream = layer.GetArrowStreamAsNumPy(options=['USE_MASKED_ARRAYS=NO', 'INCLUDE_FID=NO'])
        for batch in stream:
            for f in fields:
                columns[f].append(np.asarray(batch[f]))
    except RuntimeError as exc:
        raise InputError(translate('spm', 'Readings {source}: reading failed ({error}).').format(
            source=_describe(source), error=str(exc).strip())) from None
    finally:
        del layer, dataset
    data = {}
    for name, f in zip(COLUMNS, fields):
        parts = columns[f]
        data[name] = _decoded(np.concatenate(parts) if parts else np.zeros(0))
    return pd.DataFrame(data)


def read(source, fields, where=None):
    """The readings of ``source`` (see the module docstring) with columns id, time, metric, value."""
    if source[0] == 'csv':
        return read_csv(source[1], fields)
    return read_ogr(source[1], source[2], fields, where if where is not None else (
        source[3] if len(source) > 3 else None))
