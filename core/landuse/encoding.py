"""Guess the text encoding of a shapefile that does not declare one (no .cpg, no DBF language id).

Chinese survey shapefiles are usually GBK. With a .cpg file or the DBF's language-driver byte,
GDAL decodes them itself; without either, QGIS reads the bytes as UTF-8 and the Chinese text is
lost. :func:`undeclared_dbf_encoding` looks at the raw records to tell GBK from UTF-8.
"""

import os
import struct

SAMPLE_BYTES = 4 * 1024 * 1024


def _dbf_path(shp_path):
    stem = os.path.splitext(shp_path)[0]
    for suffix in ('.dbf', '.DBF'):
        if os.path.exists(stem + suffix):
            return stem + suffix
    return None


def undeclared_dbf_encoding(shp_path):
    """``'GBK'`` (or ``'GB18030'``) when the shapefile declares no encoding and its text is not
    UTF-8 but decodes as GBK; None when it declares one, is plain ASCII/UTF-8, or is unreadable."""
    stem = os.path.splitext(shp_path)[0]
    if any(os.path.exists(stem + s) for s in ('.cpg', '.CPG')):
        return None
    dbf = _dbf_path(shp_path)
    if dbf is None:
        return None
    try:
        with open(dbf, 'rb') as handle:
            header = handle.read(32)
            if len(header) < 32 or header[29] != 0:      # language driver id: declared
                return None
            header_length, record_length = struct.unpack('<HH', header[8:12])
            handle.seek(header_length)
            records = max(1, SAMPLE_BYTES // max(record_length, 1))
            sample = handle.read(records * record_length)
    except OSError:
        return None
    sample = sample[:len(sample) - len(sample) % max(record_length, 1)]   # whole records only
    if all(b < 0x80 for b in sample):
        return None
    try:
        sample.decode('utf-8')
        return None
    except UnicodeDecodeError:
        pass
    for encoding in ('gbk', 'gb18030'):
        try:
            sample.decode(encoding)
            return encoding.upper()
        except UnicodeDecodeError:
            continue
    return None
