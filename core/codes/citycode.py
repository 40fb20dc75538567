"""The city code register (城市码): one stable code per city object, every other code linked to it.

A GeoPackage, kept by the same rules as the building code registry (:mod:`.registry`: a run is one
``BEGIN IMMEDIATE`` transaction, a new register appears by a hard link on commit, paths are used
as named). Tables:

* ``city_entities`` (features, any geometry): one row per city code ever issued — ``city_code``
  (UNIQUE; a building keyed by a valid building code keeps it as its city code), ``entity_type``
  (building, parcel, project, address, enterprise), ``serial`` (UNIQUE per type, never reused),
  ``source_key``, ``status`` (active/retired) and the days and runs of issue and retirement. A
  retired row stays, so its code is never issued again.
* ``city_links``: code type, code (normalised), city code, ``method`` (entity, key, point,
  nearest, overlay), ``confidence``, ``distance``, ``valid_from`` / ``valid_to`` and their runs.
  A link is never deleted: a link that a later run no longer makes gets its ``valid_to``.
* ``city_lineage``: parent → child city codes of split, merged or rebuilt objects.
* ``spm_registry`` (scheme, region, CRS) and ``city_runs`` (one row per run with its counts).
"""

import datetime
import json
import re
import sqlite3
from contextlib import contextmanager
from itertools import repeat

import numpy as np
import pandas as pd

from ..i18n import translate
from . import registry
from .registry import RegistryError, Transaction, wkb_of_blob

ENTITIES, LINKS, LINEAGE, META, RUNS = 'city_entities', 'city_links', 'city_lineage', registry.META, 'city_runs'
FORMAT = 'spm-city-code-register/1'
METHODS = ('entity', 'key', 'point', 'nearest', 'overlay')

_SCHEMA = [
    f"CREATE TABLE {ENTITIES} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom GEOMETRY, "
    f"city_code TEXT NOT NULL UNIQUE, entity_type TEXT NOT NULL, serial INTEGER, source_key TEXT, "
    f"status TEXT NOT NULL CHECK (status IN ('active', 'retired')), issued_on DATE NOT NULL, "
    f"retired_on DATE, issued_run INTEGER NOT NULL, retired_run INTEGER, UNIQUE (entity_type, serial))",
    f"CREATE UNIQUE INDEX city_entities_key ON {ENTITIES} (entity_type, source_key) "
    f"WHERE status = 'active' AND source_key <> ''",
    f"CREATE TABLE {LINKS} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, code_type TEXT NOT NULL, "
    f"code TEXT NOT NULL, city_code TEXT NOT NULL REFERENCES {ENTITIES} (city_code), "
    f"method TEXT NOT NULL CHECK (method IN ({', '.join(repr(m) for m in METHODS)})), "
    f"confidence REAL NOT NULL, distance REAL, source TEXT, valid_from DATE NOT NULL, valid_to DATE, "
    f"from_run INTEGER NOT NULL, to_run INTEGER)",
    f"CREATE INDEX city_links_code ON {LINKS} (code, code_type)",
    f"CREATE INDEX city_links_entity ON {LINKS} (city_code)",
    f"CREATE UNIQUE INDEX city_links_current ON {LINKS} (code_type, code, city_code) WHERE valid_to IS NULL",
    f"CREATE TABLE {LINEAGE} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, parent TEXT NOT NULL, "
    f"child TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('split', 'merge', 'rebuilt')), share REAL, "
    f"run INTEGER NOT NULL, run_on DATE NOT NULL)",
    f'CREATE TABLE {META} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, key TEXT NOT NULL UNIQUE, value TEXT)',
    f'CREATE TABLE {RUNS} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, run INTEGER NOT NULL UNIQUE, '
    f'run_on DATE NOT NULL, source TEXT, entity_type TEXT, code_type TEXT, entities INTEGER, issued INTEGER, '
    f'retired INTEGER, linked INTEGER, ended INTEGER, invalid INTEGER, unmatched INTEGER, conflicts INTEGER)',
]


# a bulk insert of at least this many rows, and at least a quarter of the table, drops the
# table's indexes and builds them again after it (sorting once beats a million B-tree inserts)
BULK_ROWS = 50000


def _indexes(table):
    """(name, CREATE INDEX statement) of the indexes of a table of the schema."""
    found = [(re.match(rf'CREATE (?:UNIQUE )?INDEX (\w+) ON {table} ', sql), sql) for sql in _SCHEMA]
    return [(match.group(1), sql) for match, sql in found if match]


def _fail(path, message):
    raise RegistryError(translate('spm', 'City code register {path}: {problem}').format(path=path, problem=message))


def _create(connection, scheme, region, crs, path):
    region = str(region or '').strip()
    if not (region.isdigit() and len(region) == scheme.region_length):
        _fail(path, translate('spm', 'a new register needs its region code (REGION, {n} digits), found “{region}”.')
              .format(n=scheme.region_length, region=region))
    srs_id = registry.create_geopackage(
        connection, crs, _SCHEMA,
        [(ENTITIES, 'features', 'City objects and their city codes (城市码), never deleted'),
         (LINKS, 'attributes', 'Codes linked to city codes, with method, confidence and validity'),
         (LINEAGE, 'attributes', 'Parent and child city codes of split, merged or rebuilt objects'),
         (META, 'attributes', 'What this city code register is for'),
         (RUNS, 'attributes', 'One row per linking run')],
        [(ENTITIES, 'GEOMETRY')])
    meta = {'format': FORMAT, 'scheme_id': scheme.id, 'scheme_fingerprint': scheme.fingerprint(),
            'scheme': scheme.to_json(), 'region': region, 'srs_id': str(srs_id), 'crs': crs.to_wkt(),
            'created_on': datetime.date.today().isoformat()}
    connection.executemany(f'INSERT INTO {META} (key, value) VALUES (?, ?)', sorted(meta.items()))
    return meta


def _check(connection, path, scheme):
    try:
        meta = dict(connection.execute(f'SELECT key, value FROM {META}').fetchall())
    except sqlite3.DatabaseError as exc:
        if 'not a database' in str(exc) or 'encrypted' in str(exc):
            _fail(path, translate('spm', 'it is not a GeoPackage/SQLite file; nothing was changed.'))
        meta = {}
    if meta.get('format') != FORMAT:
        _fail(path, translate('spm', 'it is not a city code register of this plugin (choose a new file name or a '
                                     'register made by spm:link_codes); nothing was changed.'))
    if meta.get('scheme_fingerprint') != scheme.fingerprint():
        _fail(path, translate('spm', 'it was made for city code scheme “{theirs}”, this run uses “{ours}”. Nothing '
                                     'was changed.').format(theirs=meta.get('scheme_id'), ours=scheme.id))
    return meta


def open_register(path, scheme, region, crs):
    """Open (or create, with ``region`` and pyproj ``crs``) the register at ``path`` for one run;
    a :class:`Register` holding the write lock (a context manager, like the building registry)."""
    path, connection, created, meta = registry.open_database(
        path, lambda c: _create(c, scheme, region, crs, path), lambda c, p: _check(c, p, scheme))
    return Register(path, connection, created, scheme, meta)


class Register(Transaction):
    """An open register in the transaction of one run (see the module docstring)."""

    def __init__(self, path, connection, created, scheme, meta):
        super().__init__(path, connection, created)
        self.scheme, self.meta = scheme, meta
        self.region, self.srs_id, self.crs_wkt = meta['region'], int(meta['srs_id']), meta.get('crs', '')
        (top,) = connection.execute(f'SELECT COALESCE(MAX(run), 0) FROM {RUNS}').fetchone()
        self.run = top + 1
        self.day = datetime.date.today().isoformat()

    # --- entities ---------------------------------------------------------------------------

    def active(self, entity_type):
        """Active entities of a type: DataFrame city_code, source_key, wkb."""
        rows = self.connection.execute(
            f"SELECT city_code, source_key, geom FROM {ENTITIES} WHERE entity_type = ? AND status = 'active' "
            f"ORDER BY fid", (entity_type,)).fetchall()
        frame = pd.DataFrame(rows, columns=['city_code', 'source_key', 'geom'])
        frame['wkb'] = [None if b is None else wkb_of_blob(b) for b in frame.pop('geom')]
        return frame

    def existing(self, codes):
        """The subset of ``codes`` that are city codes already (active or retired)."""
        found = set()
        codes = list(codes)
        for k in range(0, len(codes), 500):
            part = codes[k:k + 500]
            found.update(c for (c,) in self.connection.execute(
                f"SELECT city_code FROM {ENTITIES} WHERE city_code IN ({','.join('?' * len(part))})", part))
        return found

    def next_serial(self, entity_type):
        (top,) = self.connection.execute(f'SELECT COALESCE(MAX(serial), 0) FROM {ENTITIES} WHERE entity_type = ?',
                                         (entity_type,)).fetchone()
        return top + 1

    @contextmanager
    def _bulk(self, table, rows):
        """Insert ``rows`` rows into ``table``: a big insert without the table's indexes, which are
        built again at the end (in the run's transaction: a failure or a kill rolls it all back)."""
        (top,) = self.connection.execute(f'SELECT COALESCE(MAX(fid), 0) FROM {table}').fetchone()
        indexes = _indexes(table) if rows >= BULK_ROWS and 4 * rows >= top else []
        for name, _ in indexes:
            self.connection.execute(f'DROP INDEX IF EXISTS {name}')
        yield
        for _, sql in indexes:
            self.connection.execute(sql)

    def issue(self, entity_type, codes, serials, keys, wkbs, bounds):
        blobs = registry.gpkg_blobs([w or b'' for w in wkbs], bounds, self.srs_id, multi=False)
        blobs = [blob if wkb else None for blob, wkb in zip(blobs, wkbs)]
        serials = np.asarray(serials, dtype=object)
        serials[np.array([s is None or s < 0 for s in serials], dtype=bool)] = None
        with self._bulk(ENTITIES, len(blobs)):
            self.connection.executemany(
                f"INSERT INTO {ENTITIES} (geom, city_code, entity_type, serial, source_key, status, issued_on, "
                f"issued_run) VALUES (?, ?, ?, ?, ?, 'active', ?, ?)",
                zip(blobs, list(codes), repeat(entity_type), [None if s is None else int(s) for s in serials],
                    list(keys), repeat(self.day), repeat(self.run)))
        registry.widen_extent(self.connection, ENTITIES, bounds)

    def move(self, codes, wkbs, bounds):
        """Store new geometries of kept entities."""
        blobs = registry.gpkg_blobs(wkbs, bounds, self.srs_id, multi=False)
        self.connection.executemany(f'UPDATE {ENTITIES} SET geom = ? WHERE city_code = ?', zip(blobs, codes))
        registry.widen_extent(self.connection, ENTITIES, bounds)

    def retire(self, codes):
        codes = list(codes)
        self.connection.executemany(
            f"UPDATE {ENTITIES} SET status = 'retired', retired_on = ?, retired_run = ? WHERE city_code = ?",
            ((self.day, self.run, c) for c in codes))
        self.connection.executemany(f'UPDATE {LINKS} SET valid_to = ?, to_run = ? WHERE city_code = ? AND '
                                    f'valid_to IS NULL', ((self.day, self.run, c) for c in codes))

    def record_lineage(self, rows):
        """rows: (parent, child, kind, share)."""
        self.connection.executemany(
            f'INSERT INTO {LINEAGE} (parent, child, kind, share, run, run_on) VALUES (?, ?, ?, ?, ?, ?)',
            ((p, c, k, float(s), self.run, self.day) for p, c, k, s in rows))

    # --- links ------------------------------------------------------------------------------

    def current_links(self, code_type, entity_type=None, methods=None):
        """Current links of a type (optionally only to active entities of one type, or by some
        methods): DataFrame fid, code, city_code, method, entity_type."""
        sql = (f'SELECT l.fid, l.code, l.city_code, l.method, e.entity_type FROM {LINKS} l JOIN {ENTITIES} e ON '
               f"e.city_code = l.city_code WHERE l.code_type = ? AND l.valid_to IS NULL AND e.status = 'active'")
        args = [code_type]
        if entity_type:
            sql += ' AND e.entity_type = ?'
            args.append(entity_type)
        if methods:
            sql += f" AND l.method IN ({','.join('?' * len(methods))})"
            args += list(methods)
        return pd.DataFrame(self.connection.execute(sql, args).fetchall(),
                            columns=['fid', 'code', 'city_code', 'method', 'entity_type'])

    def add_links(self, code_type, links, source):
        """Insert links: DataFrame code, city_code, method, confidence, distance."""
        distance = links['distance'].to_numpy(float)
        distance = np.where(np.isfinite(distance), distance.astype(object), None)
        with self._bulk(LINKS, len(links)):
            self.connection.executemany(
                f'INSERT INTO {LINKS} (code_type, code, city_code, method, confidence, distance, source, '
                f'valid_from, from_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
                zip(repeat(code_type), links['code'].tolist(), links['city_code'].tolist(), links['method'].tolist(),
                    links['confidence'].to_numpy(float).tolist(), distance.tolist(), repeat(source),
                    repeat(self.day), repeat(self.run)))

    def end_links(self, fids):
        self.connection.executemany(f'UPDATE {LINKS} SET valid_to = ?, to_run = ? WHERE fid = ?',
                                    ((self.day, self.run, int(f)) for f in fids))

    def record_run(self, summary):
        self.connection.execute(
            f'INSERT INTO {RUNS} (run, run_on, source, entity_type, code_type, entities, issued, retired, linked, '
            f'ended, invalid, unmatched, conflicts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            (self.run, self.day, summary.get('source', ''), summary.get('entity_type'), summary.get('code_type'),
             *[int(summary.get(k, 0)) for k in ('entities', 'issued', 'retired', 'linked', 'ended', 'invalid',
                                                 'unmatched', 'conflicts')]))


def read_meta(path):
    """The register's settings (scheme, region, CRS), without taking its lock."""
    connection = registry.connect_to_read(path)
    try:
        return dict(connection.execute(f'SELECT key, value FROM {META}').fetchall())
    except sqlite3.DatabaseError:
        return {}
    finally:
        connection.close()


def scheme_of(meta):
    return json.loads(meta.get('scheme', '{}')).get('id', meta.get('scheme_id'))
