"""一码互联: from any code of any type to its city object, its geometry and every code linked to it.

Read without the register's lock (a lookup never waits for a linking run, and never changes the
file). Codes are looked up as typed, without dashes and as a project code (see
:func:`.citycode_types.spellings`); a code only found in ended links (a demolished building's
不动产单元) resolves to its object with status ``retired``.
"""

import re
from itertools import groupby
from operator import itemgetter

import numpy as np
import pandas as pd

from . import citycode_types
from .citycode import ENTITIES, LINEAGE, LINKS
from .registry import connect_to_read, wkbs_of_blobs

_PLAIN = re.compile('[\u4e00-\u9fff0-9A-Z]+')      # written the one way every spelling gives
COLUMNS = ['INPUT', 'FOUND_AS', 'CITY_CODE', 'ENTITY_TYPE', 'STATUS', 'CODES']


def column_of(code_type, taken=()):
    """An ASCII upper-case field name for a code type's column."""
    name = re.sub(r'[^A-Za-z0-9_]', '_', str(code_type)).upper().strip('_')
    if not name or not str(code_type).isascii():
        name = 'TYPE_{}'.format(len(taken) + 1)
    return name


def _temp(connection, name, rows, columns):
    """A temporary table of ``rows``, given sorted by the column looked up: SQLite then walks the
    register's index in order, reading each page once."""
    connection.execute(f'CREATE TEMP TABLE {name} ({", ".join(columns)})')
    connection.executemany(f'INSERT INTO {name} VALUES ({", ".join("?" * len(columns))})', rows)


def _found(connection, current):
    """Add to ``temp.f`` (k, city code, code type) of the asked spellings, by k and city code:
    found in current (or ended) links, or as city codes; found as several types, the first by name."""
    where = 'l.valid_to IS NULL' if current else 'l.valid_to IS NOT NULL'
    connection.execute(
        f'INSERT INTO temp.f SELECT k, city_code, MIN(code_type) FROM ('
        f'SELECT q.k, l.code_type, l.city_code FROM temp.q q CROSS JOIN {LINKS} l ON l.code = q.code WHERE {where} '
        f'UNION ALL SELECT q.k, \'city\', e.city_code FROM temp.q q CROSS JOIN {ENTITIES} e '
        f'ON e.city_code = q.code) GROUP BY k, city_code ORDER BY k, city_code')


def _spelled(values):
    """(k, spelling) of every value, sorted by spelling (a plain code is its only spelling)."""
    plain = _PLAIN.fullmatch
    rows = []
    for k, v in enumerate(values):
        if plain(v) and not (len(v) == 20 and v.isdigit()):
            rows.append((k, v))
        else:
            rows.extend((k, form) for form in citycode_types.spellings(v))
    rows.sort(key=itemgetter(1))
    return rows


def resolve(path, values):
    """One row per (input value, object it names): INPUT, FOUND_AS (the code type it was found
    as, or ''), CITY_CODE, ENTITY_TYPE, STATUS (active, retired, not found), CODES (every current
    code as ``type: code``), one column per code type, ``wkb`` (the object's geometry).
    Also returns {column: code type}."""
    values = ['' if v is None else str(v) for v in values]
    connection = connect_to_read(path)
    try:
        connection.execute('PRAGMA cache_size = -262144')
        connection.execute('PRAGMA mmap_size = 2147418112')      # read in place, not copied page by page
        _temp(connection, 'q', _spelled(values), ['k', 'code'])
        _temp(connection, 'f', [], ['k', 'city_code', 'code_type'])
        _found(connection, True)
        named = {k for (k,) in connection.execute('SELECT DISTINCT k FROM temp.f')}
        missing = sorted(set(range(len(values))) - named)
        if missing:              # only in ended links: a retired object, or one the code left
            connection.execute('DELETE FROM temp.q WHERE k NOT IN ({})'.format(','.join(map(str, missing))))
            _found(connection, False)
        found = connection.execute('SELECT k, city_code, code_type FROM temp.f').fetchall()
        connection.execute('CREATE TEMP TABLE e AS SELECT DISTINCT city_code FROM temp.f ORDER BY city_code')
        cities = [c for (c,) in connection.execute('SELECT city_code FROM temp.e ORDER BY rowid')]
        objects = {row[0]: row for row in connection.execute(
            f'SELECT x.city_code, x.entity_type, x.status, x.geom FROM temp.e CROSS JOIN {ENTITIES} x '
            f'ON x.city_code = e.city_code')}
        links = connection.execute(
            f'SELECT l.city_code, l.code_type, l.code FROM temp.e CROSS JOIN {LINKS} l '
            f'ON l.city_code = e.city_code WHERE l.valid_to IS NULL ORDER BY 1, 2, 3').fetchall()
    finally:
        connection.close()
    columns = {}
    for code_type in sorted({kind for _, kind, _ in links}):
        columns[column_of(code_type, columns)] = code_type
    # per city code (the last place: a value naming nothing), then per row by its city's place
    place = {c: p for p, c in enumerate(cities)}
    described = [objects.get(c, (c, '', '', None)) for c in cities] + [(None, '', 'not found', None)]
    per_city = _joined(links, columns, place, len(cities) + 1)
    per_city['ENTITY_TYPE'] = [d[1] for d in described]
    per_city['STATUS'] = [d[2] for d in described]
    per_city['wkb'] = wkbs_of_blobs([d[3] for d in described])
    # every (value, object) by value, then city code; a value naming nothing: one row
    named = {k for k, _, _ in found}
    rows = found + [(k, None, '') for k in missing if k not in named]
    rows.sort(key=itemgetter(0))          # stable: a value's objects stay by city code
    at = np.array([place.get(row[1], -1) for row in rows], dtype=np.int64)
    table = {'INPUT': [values[row[0]] for row in rows], 'FOUND_AS': [row[2] for row in rows],
             'CITY_CODE': [row[1] or '' for row in rows]}
    for name in ['ENTITY_TYPE', 'STATUS', 'CODES'] + list(columns) + ['wkb']:
        table[name] = np.array(per_city[name], dtype=object)[at] if len(rows) else []
    table['k'] = np.array([row[0] for row in rows], dtype=np.int64)
    return pd.DataFrame(table, columns=COLUMNS + list(columns) + ['wkb', 'k']), columns


def _joined(links, columns, place, size):
    """{CODES: every ``type: code`` (by type and code), column of a type: its codes ``; ``-joined}
    as object arrays by the city codes' ``place``, of (city code, type, code) links sorted by all
    three ('' for a city code without links)."""
    joined = {name: np.full(size, '', dtype=object) for name in ['CODES'] + list(columns)}
    typed = {code_type: ([], []) for code_type in columns.values()}     # places, texts
    places, texts = [], []
    for city, rows in groupby(links, itemgetter(0)):
        place_of_city, parts = place[city], []
        for code_type, group in groupby(rows, itemgetter(1)):
            codes = [row[2] for row in group]
            parts.append(code_type + ': ' + codes[0] if len(codes) == 1 else
                         ' | '.join(code_type + ': ' + code for code in codes))
            if code_type in typed:
                typed[code_type][0].append(place_of_city)
                typed[code_type][1].append(codes[0] if len(codes) == 1 else '; '.join(codes))
        places.append(place_of_city)
        texts.append(parts[0] if len(parts) == 1 else ' | '.join(parts))
    for name, (at, text) in [('CODES', (places, texts))] + [(n, typed[t]) for n, t in columns.items()]:
        if at:
            values = np.empty(len(text), dtype=object)
            values[:] = text
            joined[name][at] = values
    return joined


def history(path, city_code):
    """(object dict or None, every link ever made to it, lineage rows naming it) of one city code."""
    connection = connect_to_read(path)
    try:
        connection.row_factory = None
        row = connection.execute(
            f'SELECT city_code, entity_type, status, source_key, issued_on, retired_on FROM {ENTITIES} '
            f'WHERE city_code = ?', (city_code,)).fetchone()
        links = pd.read_sql_query(
            f'SELECT code_type, code, method, confidence, distance, valid_from, valid_to, source FROM {LINKS} '
            f'WHERE city_code = ? ORDER BY valid_to IS NOT NULL, code_type, code', connection, params=(city_code,))
        family = pd.read_sql_query(f'SELECT parent, child, kind, share, run_on FROM {LINEAGE} '
                                   f'WHERE parent = ? OR child = ?', connection, params=(city_code, city_code))
    finally:
        connection.close()
    keys = ['city_code', 'entity_type', 'status', 'source_key', 'issued_on', 'retired_on']
    return (dict(zip(keys, row)) if row else None), links, family


def as_matrix(result):
    """{k: set of (city code, codes)} — what a test compares between two look-ups."""
    return {k: set(zip(g['CITY_CODE'], g['CODES'])) for k, g in result.groupby('k')} if len(result) else {}


