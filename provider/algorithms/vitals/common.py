"""Where the readings of a layer come from, for the fast readers of core.vitals.io, and the sensor
outputs shared by spm:vital_signs and the 城市运行体征 dock."""

import os
from urllib.parse import unquote, urlparse

import numpy as np
import pandas as pd

from ....core.vitals import io
from ....core.vitals.engine import level_names
from ....core.vitals.readings import to_iso

TEXT = ('.csv', '.csv.gz', '.txt', '.tsv')


def _quoted(value):
    return "'{}'".format(str(value).replace('\\', '\\\\').replace("'", "\\'"))


def readings_source(layer):
    """('csv', path) | ('ogr', connection, layer name, filter) for a layer a fast reader can read;
    None for anything else (then the rows are read through QGIS)."""
    provider, uri = layer.providerType(), layer.source()
    if provider == 'postgres':
        from qgis.core import QgsDataSourceUri
        parsed = QgsDataSourceUri(uri)
        if parsed.authConfigId():
            return None
        parts = ['service=' + _quoted(parsed.service())] if parsed.service() else []
        for key, value in (('host', parsed.host()), ('port', parsed.port()), ('dbname', parsed.database()),
                           ('user', parsed.username()), ('password', parsed.password())):
            if value:
                parts.append('{}={}'.format(key, _quoted(value)))
        return ('ogr', 'PG:' + ' '.join(parts), '{}.{}'.format(parsed.schema() or 'public', parsed.table()),
                parsed.sql() or None)
    if provider == 'ogr':
        path, _, rest = uri.partition('|')
        options = dict(part.split('=', 1) for part in rest.split('|') if '=' in part)
        plain = path[len('/vsigzip/'):] if path.startswith('/vsigzip/') else path
        if plain.lower().endswith(TEXT) and 'subset' not in options:
            return ('csv', plain)
        return ('ogr', path, options.get('layername'), options.get('subset'))
    if provider == 'delimitedtext':
        path = unquote(urlparse(uri).path)
        if os.path.exists(path) and 'subset' not in uri:
            return ('csv', path)
    return None


def read_readings(alg, layer, fields, feedback):
    """The readings of ``layer`` (columns id, time, metric, value), as fast as its kind allows."""
    source = readings_source(layer)
    if source is not None:
        return io.read(source, fields)
    feedback.pushInfo(alg.tr('Readings “{layer}” are read through QGIS (slower than CSV, GeoPackage or '
                             'PostgreSQL).').format(layer=layer.name()))
    frame = alg.frame(layer, list(fields))
    return pd.DataFrame({name: frame[field].to_numpy() for name, field in zip(io.COLUMNS, fields)})


def sensor_table(result, sensors, id_field, kind_field, name_field, district):
    """The OUTPUT attributes: one row per sensor with its current and peak level."""
    names = level_names()
    state = result.sensors
    table = pd.DataFrame({
        'SENSOR_ID': sensors[id_field].astype(str).to_numpy(),
        'NAME': sensors[name_field].astype(str).to_numpy() if name_field else sensors[id_field].astype(str).to_numpy(),
        'KIND': sensors[kind_field].astype(str).to_numpy(),
        'DISTRICT': pd.Series(district, dtype=object).to_numpy(),
        'LEVEL': state['level'].to_numpy(int),
        'LEVEL_NAME': np.asarray(names, dtype=object)[state['level'].to_numpy(int)],
        'PEAK_LEVEL': state['peak_level'].to_numpy(int),
        'CURRENT': state['current'].to_numpy(),
        'LAST_SEEN': to_iso(np.nan_to_num(state['last_seen'].to_numpy(float), nan=0).astype(np.int64)),
        'OFFLINE': state['offline'].astype(int).to_numpy(),
        'EVENTS': state['events'].to_numpy(int),
        'ALARMS': state['alarms'].to_numpy(int)})
    table.loc[state['last_seen'].isna().to_numpy(), 'LAST_SEEN'] = pd.NaT
    return table


def event_table(result, sensors_table, thresholds):
    """The EVENTS attributes (one row per level event or rate alarm); ``sensor`` keeps the sensor row."""
    events = result.events
    rows = events['sensor'].to_numpy(int)
    names = level_names()
    thr = result.series['thr'].to_numpy()[events['series'].to_numpy(int)] if len(events) else []
    return pd.DataFrame({
        'SENSOR_ID': sensors_table['SENSOR_ID'].to_numpy()[rows],
        'NAME': sensors_table['NAME'].to_numpy()[rows],
        'KIND': sensors_table['KIND'].to_numpy()[rows],
        'DISTRICT': sensors_table['DISTRICT'].to_numpy()[rows],
        'METRIC': events['metric'].to_numpy(),
        'UNIT': [thresholds.unit(r) for r in thr],
        'TYPE': events['type'].to_numpy(),
        'LEVEL': events['level'].to_numpy(int),
        'LEVEL_NAME': np.asarray(names, dtype=object)[events['level'].to_numpy(int)],
        'START': to_iso(events['start'].to_numpy(np.int64)),
        'END': to_iso(events['end'].to_numpy(np.int64)),
        'DURATION_H': events['duration_h'].round(2).to_numpy(),
        'PEAK': events['peak'].round(3).to_numpy(),
        'PEAK_TIME': to_iso(events['peak_time'].to_numpy(np.int64)),
        'THRESHOLD': events['threshold'].to_numpy(float),
        'ONGOING': events['ongoing'].astype(int).to_numpy(),
        'sensor': rows})
