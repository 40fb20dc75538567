"""一码互联: from any code of any type to its city object, its geometry and every code linked to it.

Read without the register's lock (a lookup never waits for a linking run, and never changes the
file). Codes are looked up as typed, without dashes and as a project code (see
:func:`.citycode_types.spellings`); a code only found in ended links (a demolished building's
不动产单元) resolves to its object with status ``retired``.
"""

import re
from operator import itemgetter

import numpy as np
import pandas as pd

from . import citycode_types
from .citycode import ENTITIES, LINEAGE, LINKS
from .registry import connect_to_read, wkb_of_blob

_PLAIN = re.compile('[0-9A-Z]+')      # written the one way every spelling gives
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
    """(k, code type, city code) of the asked spellings: in current (or ended) links, and city codes."""
    where = 'l.valid_to IS NULL' if current else 'l.valid_to IS NOT NULL'
    return connection.execute(
        f'SELECT q.k, l.code_type, l.city_code FROM temp.q q CROSS JOIN {LINKS} l ON l.code = q.code WHERE {where} '
        f'UNION ALL SELECT q.k, \'city\', e.city_code FROM temp.q q CROSS JOIN {ENTITIES} e '
        f'ON e.city_code = q.code').fetchall()


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
    hit_columns = ['k', 'FOUND_AS', 'CITY_CODE']
    connection = connect_to_read(path)
    try:
        connection.execute('PRAGMA cache_size = -262144')
        _temp(connection, 'q', _spelled(values), ['k', 'code'])
        hits = pd.DataFrame(_found(connection, True), columns=hit_columns)
        missing = sorted(set(range(len(values))) - set(hits['k']))
        if missing:
            connection.execute('DELETE FROM temp.q WHERE k NOT IN ({})'.format(','.join(map(str, missing))))
            ended = pd.DataFrame(_found(connection, False), columns=hit_columns)
            hits = pd.concat([hits.drop_duplicates().sort_values(hit_columns), ended])
        # found as several types: the first type by name, as one sorted UNION gives it
        hits = hits.drop_duplicates().sort_values(hit_columns).drop_duplicates(['k', 'CITY_CODE'])
        _temp(connection, 'e', [(c,) for c in sorted(hits['CITY_CODE'].unique())], ['city_code'])
        objects = pd.DataFrame(connection.execute(
            f'SELECT x.city_code, x.entity_type, x.status, x.geom FROM temp.e CROSS JOIN {ENTITIES} x '
            f'ON x.city_code = e.city_code').fetchall(), columns=['CITY_CODE', 'ENTITY_TYPE', 'STATUS', 'geom'])
        links = pd.DataFrame(connection.execute(
            f'SELECT l.city_code, l.code_type, l.code FROM temp.e CROSS JOIN {LINKS} l '
            f'ON l.city_code = e.city_code WHERE l.valid_to IS NULL ORDER BY 1, 2, 3').fetchall(),
            columns=['CITY_CODE', 'code_type', 'code'])
    finally:
        connection.close()
    columns = {}
    for code_type in sorted(links['code_type'].unique()):
        columns[column_of(code_type, columns)] = code_type
    objects = objects.set_index('CITY_CODE').join(_joined(links, columns)).reset_index()
    result = hits.merge(objects, on='CITY_CODE', how='left')
    lost = pd.DataFrame({'k': missing}).loc[lambda f: ~f['k'].isin(hits['k'])]
    result = pd.concat([result, lost.assign(STATUS='not found')]).sort_values(['k', 'CITY_CODE'], na_position='last')
    result['k'] = result['k'].astype(int)
    result['INPUT'] = [values[k] for k in result['k']]
    result['wkb'] = [wkb_of_blob(b) if isinstance(b, bytes) else None for b in result.pop('geom')]
    for name in ['FOUND_AS', 'CITY_CODE', 'ENTITY_TYPE', 'CODES'] + list(columns):
        result[name] = result[name].where(result[name].notna(), '') if name in result else ''
    result = result[COLUMNS + list(columns) + ['wkb', 'k']].reset_index(drop=True)
    return result, columns


def _joined(links, columns):
    """Per city code: CODES (every ``type: code``, by type and code) and one column of
    ``; ``-joined codes per type; ``links`` sorted by city code, type and code."""
    frame = pd.DataFrame({'CODES': pd.Series(dtype=object)})
    if not len(links):
        return frame.assign(**{name: pd.Series(dtype=object) for name in columns})
    city = links['CITY_CODE'].to_numpy(object)
    code_type, code = links['code_type'].to_numpy(object), links['code'].to_numpy(object)
    typed = list(code_type + ': ' + code)
    code = list(code)
    new_city = np.r_[True, city[1:] != city[:-1]]
    runs = np.flatnonzero(new_city | np.r_[True, code_type[1:] != code_type[:-1]])
    cities = np.flatnonzero(new_city)
    every = {city[a]: ' | '.join(typed[a:b]) for a, b in zip(cities, np.r_[cities[1:], len(city)])}
    name_of = {t: c for c, t in columns.items()}
    by_type = {name: {} for name in columns}
    for a, b in zip(runs, np.r_[runs[1:], len(city)]):
        by_type[name_of[code_type[a]]][city[a]] = '; '.join(code[a:b])
    frame = pd.DataFrame({'CODES': pd.Series(every, dtype=object)})
    for name in columns:
        frame[name] = pd.Series(by_type[name], dtype=object)
    return frame


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


