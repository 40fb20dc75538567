"""The building code registry: a GeoPackage with one row per code ever issued.

The registry is a plain GeoPackage (SQLite) that QGIS opens as a layer, ``building_codes``
(MultiPolygon, the footprint at issue time), with the code, its parts (admin code, year,
sequence), the BeiDou grid code at issue time, ``status`` (active/retired), the dates of issue,
of the last run that saw the building and of retirement, and the runs that issued/retired it.
``code`` is UNIQUE, and so is (admin code, year, sequence): a code is never issued twice, and a
retired code keeps its row, so it is never reused. Two more tables: ``spm_registry`` (the scheme
the registry was made for, its CRS) and ``spm_runs`` (one row per coding run with its counts).

A run is one SQLite transaction taken with ``BEGIN IMMEDIATE`` before anything is read: a
registry locked by another program, read-only, or made for another scheme stops the run with a
clear error and is left as it was; if the run fails, is canceled or the process dies, SQLite's
rollback journal restores the file as it was before the run.

A new registry is built in a temporary file beside the named one (``.<name>.<pid>-<random>.tmp``)
and put in place by ``commit()`` with a hard link, which fails when the name exists: two runs
creating the same registry at once never overwrite or delete each other's file; the later one
gets :class:`RegistryRaced` and nothing of it is left. A failed, canceled or killed first run
leaves no registry (a killed one may leave its hidden temporary file).

Paths are used as named: opened through an SQLite URI with every byte percent-encoded (``%``,
``?``, ``#``, spaces, Chinese), and never normalised lexically (``link/../r.gpkg`` is where the
system puts it, not where ``os.path.abspath`` would).
"""

import datetime
import json
import errno
import os
import secrets
import sqlite3
import struct
import urllib.parse

import numpy as np
import pandas as pd

from ..errors import InputError
from ..i18n import translate

TABLE = 'building_codes'
META = 'spm_registry'
RUNS = 'spm_runs'
FORMAT = 'spm-building-code-registry/1'
_GPKG_APPLICATION_ID = 0x47504B47            # 'GPKG'
_GPKG_USER_VERSION = 10200                   # GeoPackage 1.2
_FLAGS = 0b0000_0011                         # little-endian header, xy envelope


class RegistryError(InputError):
    """The registry cannot be used (locked, read-only, another scheme, not a registry)."""


class RegistryRaced(RegistryError):
    """Another run created the registry while this run was creating it; this run wrote nothing."""


# --- GeoPackage geometry blobs --------------------------------------------------------------

_LE_POLYGON, _LE_MULTI_ONE = b'\x01\x03\x00\x00\x00', b'\x01\x06\x00\x00\x00\x01\x00\x00\x00'


def as_multipolygon(blob):
    """WKB of a Polygon wrapped as a one-part MultiPolygon; MultiPolygons unchanged."""
    if blob[:5] == _LE_POLYGON:                  # the usual case, without unpacking
        return _LE_MULTI_ONE + blob
    endian = '<' if blob[0] == 1 else '>'
    kind = struct.unpack_from(endian + 'I', blob, 1)[0] & 0x0FFFFFFF
    if kind % 1000 == 3:
        return blob[:1] + struct.pack(endian + 'II', (kind - 3) + 6, 1) + blob
    return blob


def gpkg_blobs(wkbs, bounds, srs_id, multi=True):
    """GeoPackage geometry blobs (header + envelope + WKB) of WKBs; polygons made MultiPolygons
    unless ``multi`` is False (a GEOMETRY column keeps each geometry as it is)."""
    headers = np.zeros(len(wkbs), dtype=[('magic', 'S2'), ('version', 'u1'), ('flags', 'u1'),
                                         ('srs_id', '<i4'), ('envelope', '<f8', 4)])
    headers['magic'], headers['flags'], headers['srs_id'] = b'GP', _FLAGS, srs_id
    bounds = np.asarray(bounds, dtype=np.float64).reshape(-1, 4)
    headers['envelope'] = bounds[:, [0, 2, 1, 3]]             # GeoPackage order: minx maxx miny maxy
    raw = headers.tobytes()
    size = headers.dtype.itemsize
    wrap = as_multipolygon if multi else bytes
    return [raw[k * size:(k + 1) * size] + wrap(blob) for k, blob in enumerate(wkbs)]


_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}       # by the envelope bits of the flags


def wkb_of_blob(blob):
    """The WKB inside a GeoPackage geometry blob."""
    return bytes(blob[8 + _ENVELOPE_BYTES.get((blob[3] >> 1) & 0b111, 0):])


def wkbs_of_blobs(blobs):
    """The WKB inside each GeoPackage geometry blob (None for None); blobs with this plugin's
    header (little-endian, xy envelope: 40 bytes) are cut without looking further."""
    return [None if blob is None else blob[40:] if blob[3] == _FLAGS and isinstance(blob, bytes)
            else wkb_of_blob(blob) for blob in blobs]


# --- the registry ---------------------------------------------------------------------------

class Transaction:
    """A GeoPackage opened by :func:`open_database`, holding the write lock of one run until
    :meth:`commit` or :meth:`rollback`; a context manager (leaving it without a commit rolls back)."""

    def __init__(self, path, connection, created):
        self.path = path
        self.connection = connection
        self.created = created          # the temporary file a new file is built in, or None
        self.finished = False

    def commit(self):
        """Make the run durable; a new file appears at its path only now.

        Raises :class:`RegistryRaced` (nothing written) when another run created the file
        meanwhile."""
        try:
            self.connection.execute('COMMIT')
        except BaseException:
            self.rollback()
            raise
        self.finished = True
        self.connection.close()
        if self.created:
            _install(self.created, self.path)

    def rollback(self):
        """Undo the run; remove the temporary file of a new registry (never anything else)."""
        if not self.finished:
            try:
                self.connection.execute('ROLLBACK')
            except sqlite3.Error:
                pass
            self.finished = True
            self.connection.close()
            if self.created:
                _remove_own(self.created)

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        self.rollback()      # no-op after commit
        return False


class Registry(Transaction):
    """An open registry holding the write lock of one coding run; use :func:`open_registry`."""

    def __init__(self, path, connection, created, scheme, srs_id, crs_wkt):
        super().__init__(path, connection, created)
        self.scheme = scheme
        self.srs_id = srs_id
        self.crs_wkt = crs_wkt

    # --- reading ------------------------------------------------------------------------------

    def active(self):
        """Active codes: DataFrame fid, code, admin_code, year, sequence, wkb (bytes)."""
        rows = self.connection.execute(
            f'SELECT fid, code, admin_code, year, sequence, geom FROM {TABLE} WHERE status = ?',
            ('active',)).fetchall()
        frame = pd.DataFrame(rows, columns=['fid', 'code', 'admin_code', 'year', 'sequence', 'geom'])
        frame['wkb'] = [wkb_of_blob(b) for b in frame.pop('geom')]
        return frame

    def last_sequences(self):
        """{(admin code, year): highest sequence ever issued}, retired codes included."""
        rows = self.connection.execute(
            f'SELECT admin_code, year, MAX(sequence) FROM {TABLE} GROUP BY admin_code, year').fetchall()
        return {(admin, year): top for admin, year, top in rows}

    def counts(self):
        """{'total': rows, 'active': …, 'retired': …} of the code table."""
        result = {'total': 0, 'active': 0, 'retired': 0}
        for status, count in self.connection.execute(f'SELECT status, COUNT(*) FROM {TABLE} GROUP BY status'):
            result[status] = count
            result['total'] += count
        return result

    # --- writing (inside the run's transaction) -----------------------------------------------

    def next_run_id(self):
        (top,) = self.connection.execute(f'SELECT COALESCE(MAX(run), 0) FROM {RUNS}').fetchone()
        return top + 1

    def issue(self, frame, run_id, day):
        """Insert new codes. ``frame`` columns: code, admin_code, year, sequence, beidou_code,
        source_fid, blob (GeoPackage geometry)."""
        frame = frame.sort_values('code')          # in index order: appends to the B-trees
        rows = zip(frame['blob'], frame['code'], frame['admin_code'], frame['year'].astype(int).tolist(),
                   frame['sequence'].astype(int).tolist(), frame['beidou_code'],
                   frame['source_fid'].astype(int).tolist())
        self.connection.executemany(
            f'INSERT INTO {TABLE} (geom, code, admin_code, year, sequence, beidou_code, source_fid, status, '
            f'issued_on, last_seen, issued_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            ((blob, code, admin, year, seq, beidou, fid, 'active', day, day, run_id)
             for blob, code, admin, year, seq, beidou, fid in rows))

    def retire(self, fids, run_id, day):
        self.connection.executemany(
            f"UPDATE {TABLE} SET status = 'retired', retired_on = ?, retired_run = ? WHERE fid = ?",
            ((day, run_id, int(fid)) for fid in fids))

    def seen(self, fids, day):
        """Mark kept codes as seen by this run."""
        self.connection.executemany(f'UPDATE {TABLE} SET last_seen = ? WHERE fid = ?',
                                    ((day, int(fid)) for fid in fids))

    def record_run(self, run_id, day, summary, new_bounds=None):
        """Write the run's row in spm_runs and widen the layer extent by the new footprints."""
        counts = self.counts()
        self.connection.execute(
            f'INSERT INTO {RUNS} (run, run_on, source, buildings, kept, issued, retired, outside, '
            f'active_after, total_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            (run_id, day, summary.get('source', ''), summary['buildings'], summary['kept'], summary['issued'],
             summary['retired'], summary['outside'], counts['active'], counts['total']))
        widen_extent(self.connection, TABLE, new_bounds)


def widen_extent(connection, table, new_bounds=None):
    """Widen the extent of ``table`` in gpkg_contents by (n, 4) bounds and stamp its last change."""
    extent = connection.execute('SELECT min_x, min_y, max_x, max_y FROM gpkg_contents '
                                'WHERE table_name = ?', (table,)).fetchone()
    new_bounds = None if new_bounds is None else np.asarray(new_bounds, dtype=float).reshape(-1, 4)
    if new_bounds is not None and len(new_bounds) and np.isfinite(new_bounds).any():
        fresh = (np.nanmin(new_bounds[:, 0]), np.nanmin(new_bounds[:, 1]),
                 np.nanmax(new_bounds[:, 2]), np.nanmax(new_bounds[:, 3]))
        if extent[0] is not None:
            fresh = (min(fresh[0], extent[0]), min(fresh[1], extent[1]),
                     max(fresh[2], extent[2]), max(fresh[3], extent[3]))
        extent = fresh
    now = datetime.datetime.utcnow().strftime('%Y-%m-%dT%H:%M:%S.%f')[:-3] + 'Z'
    connection.execute('UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, '
                       'last_change = ? WHERE table_name = ?', (*[float(v) if v is not None else None
                                                                for v in extent], now, table))


GPKG_SCHEMA = [
    'CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, '
    'organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, '
    'description TEXT)',
    "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, "
    "identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT "
    "(strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, "
    "srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))",
    'CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, '
    'geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, '
    'CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), '
    'CONSTRAINT uk_gc_table_name UNIQUE (table_name), '
    'CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), '
    'CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))',
]

_SCHEMA = [
    f"CREATE TABLE {TABLE} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON, "
    f"code TEXT NOT NULL UNIQUE, admin_code TEXT NOT NULL, year INTEGER NOT NULL, sequence INTEGER NOT NULL, "
    f"beidou_code TEXT, source_fid INTEGER, status TEXT NOT NULL CHECK (status IN ('active', 'retired')), "
    f"issued_on DATE NOT NULL, last_seen DATE, retired_on DATE, issued_run INTEGER NOT NULL, "
    f"retired_run INTEGER, UNIQUE (admin_code, year, sequence))",
    f'CREATE TABLE {META} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, key TEXT NOT NULL UNIQUE, value TEXT)',
    f'CREATE TABLE {RUNS} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, run INTEGER NOT NULL UNIQUE, '
    f'run_on DATE NOT NULL, source TEXT, buildings INTEGER, kept INTEGER, issued INTEGER, retired INTEGER, '
    f'outside INTEGER, active_after INTEGER, total_after INTEGER)',
]


def _srs_rows(crs):
    """gpkg_spatial_ref_sys rows: the three the standard requires and the registry's CRS."""
    rows = [
        ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
        ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
        ('WGS 84 geodetic', 4326, 'EPSG', 4326,
         'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],'
         'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",'
         '0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],'
         'AUTHORITY["EPSG","4326"]]', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid'),
    ]
    epsg = crs.to_epsg(min_confidence=100)
    srs_id = epsg if epsg else 100000
    if srs_id != 4326:
        rows.append((crs.name, srs_id, 'EPSG' if epsg else 'NONE', epsg or srs_id,
                     crs.to_wkt('WKT1_GDAL'), ''))
    return rows, srs_id


def _uri(path, mode):
    """An SQLite URI naming exactly ``path`` (every byte but ``/`` and [A-Za-z0-9_.~-] escaped)."""
    return 'file:{}?mode={}'.format(urllib.parse.quote(os.fsencode(path), safe='/'), mode)


def _connect(path):
    return sqlite3.connect(_uri(path, 'rw'), uri=True, timeout=2.0, isolation_level=None)


def absolute(path):
    """``path`` made absolute without normalising it: ``..`` after a symbolic link is resolved by
    the system, as SQLite and every other program resolve it."""
    path = os.fspath(path)
    return path if os.path.isabs(path) else os.path.join(os.getcwd(), path)


def same_file(a, b):
    """Whether two paths name the same file (existing or not), links and ``..`` resolved."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(absolute(a)) == os.path.realpath(absolute(b))


def _temporary_beside(path):
    """A new empty file, in the registry's folder, that only this run knows (umask applies)."""
    folder, name = os.path.split(path)
    while True:
        candidate = os.path.join(folder, '.{}.{}-{}.tmp'.format(name, os.getpid(), secrets.token_hex(4)))
        try:
            os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            return candidate
        except FileExistsError:
            continue


def _remove_own(temporary):
    """Remove a temporary file this run created (and a journal SQLite may have left)."""
    for name in (temporary, temporary + '-journal'):
        try:
            os.remove(name)
        except FileNotFoundError:
            pass


def _raced(temporary, path):
    _remove_own(temporary)
    _fail(path, translate('spm', 'another run created this registry while this run was creating it; this '
                                 'run wrote nothing to it. Run again to code against that registry.'),
          RegistryRaced)


def _install(temporary, path):
    """Give the committed temporary registry its name, unless that name exists by now."""
    try:
        os.link(temporary, path)              # atomic, and never replaces an existing file
    except FileExistsError:
        _raced(temporary, path)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS):
            _remove_own(temporary)
            raise
        # no hard links here (FAT, some network shares): claim the name, then move onto the claim
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            _raced(temporary, path)
        os.replace(temporary, path)
    else:
        os.remove(temporary)
    _sync_folder(os.path.dirname(path))


def _sync_folder(folder):
    """Make a new name in ``folder`` durable (best effort: not every system can)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _fail(path, message, kind=RegistryError):
    raise kind(translate('spm', 'Code registry {path}: {problem}').format(path=path, problem=message))


def _lock(connection, path):
    """Take the write lock for the whole run, or fail clearly."""
    try:
        connection.execute('BEGIN IMMEDIATE')
    except sqlite3.DatabaseError as exc:
        connection.close()
        text = str(exc).lower()
        if 'locked' in text or 'busy' in text:
            _fail(path, translate('spm', 'it is locked by another program (is it being edited in QGIS?). '
                                         'Save or close that session and run again; nothing was changed.'))
        if 'not a database' in text or 'encrypted' in text:
            _fail(path, translate('spm', 'it is not a GeoPackage/SQLite file; nothing was changed.'))
        if 'readonly' in text or 'read-only' in text:
            _fail(path, translate('spm', 'it is read-only; nothing was changed.'))
        _fail(path, translate('spm', 'cannot be opened for writing ({error}); nothing was changed.').format(error=exc))


def create_geopackage(connection, crs, statements, contents, geometries):
    """Make an empty GeoPackage in ``connection``: the GeoPackage tables, ``statements`` (the
    caller's tables), ``contents`` rows (table, data type, description; features get the CRS) and
    ``geometries`` (table, geometry type name). Returns the srs_id of ``crs``."""
    rows, srs_id = _srs_rows(crs)
    connection.execute(f'PRAGMA application_id = {_GPKG_APPLICATION_ID}')
    connection.execute(f'PRAGMA user_version = {_GPKG_USER_VERSION}')
    for statement in GPKG_SCHEMA + list(statements):
        connection.execute(statement)
    connection.executemany('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)', rows)
    connection.executemany(
        'INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES (?, ?, ?, ?, ?)',
        [(table, kind, table, description, srs_id if kind == 'features' else None)
         for table, kind, description in contents])
    connection.executemany('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)',
                           [(table, 'geom', kind, srs_id) for table, kind in geometries])
    return srs_id


def _create(connection, scheme, crs):
    srs_id = create_geopackage(
        connection, crs, _SCHEMA,
        [(TABLE, 'features', 'Building codes issued (one row per code, never deleted)'),
         (META, 'attributes', 'What this code registry is for'),
         (RUNS, 'attributes', 'One row per coding run')],
        [(TABLE, 'MULTIPOLYGON')])
    meta = {'format': FORMAT, 'scheme_id': scheme.id, 'scheme_fingerprint': scheme.fingerprint(),
            'scheme': scheme.to_json(), 'srs_id': str(srs_id), 'crs': crs.to_wkt(),
            'created_on': datetime.date.today().isoformat()}
    connection.executemany(f'INSERT INTO {META} (key, value) VALUES (?, ?)', sorted(meta.items()))
    return srs_id, crs.to_wkt()


def _writable(path):
    """Writable for this user, and not marked read-only (a mark root would otherwise ignore)."""
    return os.access(path, os.W_OK) and bool(os.stat(path).st_mode & 0o222)


def open_database(path, create, check):
    """Open (or create) the GeoPackage at ``path`` for one run and take its write lock.

    ``create(connection)`` makes a new file's tables, ``check(connection, path)`` vets an existing
    one (raising :class:`RegistryError`); whichever runs, its result is returned as ``info``.
    Returns (absolute path, connection, temporary file of a new one or None, info). A new file
    is built in a temporary file and appears at ``path`` only when :meth:`Transaction.commit`
    runs; any failure here rolls back and leaves nothing.
    """
    path = absolute(str(path))
    folder = os.path.dirname(path)
    created = None
    if not os.path.exists(path):
        if os.path.lexists(path):
            _fail(path, translate('spm', 'it is a link to a file that does not exist.'))
        if not os.path.isdir(folder):
            _fail(path, translate('spm', 'the folder {folder} does not exist.').format(folder=folder))
        if not _writable(folder):
            _fail(path, translate('spm', 'the folder {folder} is read-only.').format(folder=folder))
        try:
            created = _temporary_beside(path)
        except OSError as exc:
            _fail(path, translate('spm', 'no file can be created in {folder} ({error}).').format(
                folder=folder, error=exc.strerror))
    else:
        if not os.path.isfile(path):
            _fail(path, translate('spm', 'it is not a file.'))
        if not _writable(path) or not _writable(folder):
            _fail(path, translate('spm', 'it is read-only (the file or its folder); nothing was changed.'))
    try:
        connection = _connect(created or path)
    except sqlite3.Error as exc:
        if created:
            _remove_own(created)
        _fail(path, translate('spm', 'cannot be opened ({error}).').format(error=exc))
    try:
        _lock(connection, path)
        connection.execute('PRAGMA cache_size = -262144')      # 256 MB: a big run stays in memory
        info = create(connection) if created else check(connection, path)
    except BaseException:
        try:
            connection.execute('ROLLBACK')
        except sqlite3.Error:
            pass
        connection.close()
        if created:
            _remove_own(created)
        raise
    return path, connection, created, info


def open_registry(path, scheme, crs):
    """Open (or create) the registry at ``path`` for a run coding with ``scheme`` in ``crs``
    (a pyproj CRS, used when the registry is created). Holds the write lock until
    ``commit()``/``rollback()``; use as a context manager. A new registry is built in a
    temporary file and appears at ``path`` only on ``commit()``."""
    path, connection, created, (srs_id, crs_wkt) = open_database(
        path, lambda c: _create(c, scheme, crs), lambda c, p: _check(c, p, scheme))
    return Registry(path, connection, created, scheme, srs_id, crs_wkt)


def _check(connection, path, scheme):
    """(srs_id, crs WKT) of an existing registry, after checking it is one and fits ``scheme``."""
    try:
        meta = dict(connection.execute(f'SELECT key, value FROM {META}').fetchall())
    except sqlite3.DatabaseError as exc:
        if 'file is not a database' in str(exc) or 'encrypted' in str(exc):
            _fail(path, translate('spm', 'it is not a GeoPackage/SQLite file; nothing was changed.'))
        _fail(path, translate('spm', 'it is not a building code registry (no {table} table); choose a new '
                                     'file name or the registry made by an earlier run.').format(table=META))
    if meta.get('format') != FORMAT:
        _fail(path, translate('spm', 'it is not a building code registry of this plugin (format {format}).').format(
            format=meta.get('format')))
    if meta.get('scheme_fingerprint') != scheme.fingerprint():
        theirs = json.loads(meta.get('scheme', '{}')).get('id', meta.get('scheme_id'))
        _fail(path, translate('spm', 'it was made for building code scheme “{theirs}”, this run uses “{ours}”; '
                                     'codes of two schemes cannot share a registry. Nothing was changed.').format(
            theirs=theirs, ours=scheme.id))
    return int(meta['srs_id']), meta.get('crs', '')


def connect_to_read(path):
    """A connection to read a registry without its lock (``rw`` so that SQLite rolls back what a
    crashed run left; ``ro`` for a read-only file)."""
    path = absolute(str(path))
    return sqlite3.connect(_uri(path, 'rw' if _writable(path) else 'ro'), uri=True)


def read_registry(path):
    """(codes, runs, meta) of a registry: codes with geometry WKB, without taking the lock.

    A registry left by a crashed run is rolled back first (SQLite does it on opening), which
    needs write access; a read-only file is read as it is.
    """
    connection = connect_to_read(path)
    try:
        codes = pd.read_sql_query(f'SELECT * FROM {TABLE} ORDER BY fid', connection)
        runs = pd.read_sql_query(f'SELECT * FROM {RUNS} ORDER BY run', connection)
        meta = dict(connection.execute(f'SELECT key, value FROM {META}').fetchall())
    finally:
        connection.close()
    codes['wkb'] = [None if b is None else wkb_of_blob(b) for b in codes.pop('geom')]
    return codes, runs, meta

