"""Raw readings (sensor id, time, metric, value) → clean arrays sorted by series and time.

A *series* is one sensor's one metric. A reading belongs to the sensor with its id whose kind has a
threshold row for the reading's metric, so two sensors may share an id when their kinds differ.
Times are local wall-clock seconds (``int64``, the epoch of naive local time): a time without a zone
is taken as local time; one with a zone (``Z``, ``+08:00``) is converted to the local zone
(``utc_offset_h``, +8 = China Standard Time by default). Accepted text: ISO 8601
(``2025-07-01T08:00:00``, with or without seconds, fraction or zone) and ``2025-07-01 08:00:00``.

Rows that cannot be used are dropped and counted (``Readings.notes`` says which and why): times
that do not parse, values that are not numbers, readings of unknown sensors (listed), and metrics
that have no threshold for the sensor's kind (they still show that the sensor is alive).
"""

import numpy as np
import pandas as pd

from ..errors import InputError
from ..i18n import translate

TIME_FORMAT = 'ISO 8601 (2025-07-01T08:00:00, 2025-07-01T08:00:00+08:00) or 2025-07-01 08:00:00'
_TIME = (r'^\s*(\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?)'
         r'\s*(Z|[+-]\d{2}(?::?\d{2})?)?\s*$')
EXAMPLES = 5


def normalise_ids(values):
    """Ids as text, the same whether they were read as 7, 7.0 or '7'."""
    values = pd.Series(values)
    if values.dtype.kind in 'iu':
        return values.astype(str)
    if values.dtype.kind == 'f':
        whole = np.isfinite(values) & (values == np.round(values))
        return pd.Series(np.where(whole, values.round().astype('Int64').astype(str), values.astype(str)))
    text = values.astype(str).str.strip()
    return text.str.replace(r'^(-?\d+)\.0+$', r'\1', regex=True)


def parse_times(values, utc_offset_h=8.0):
    """Local wall-clock seconds (int64) and a mask of the values that parsed."""
    values = pd.Series(values)
    offset = int(round(utc_offset_h * 3600))
    if values.dtype.kind == 'M':
        if getattr(values.dt, 'tz', None) is not None:
            values = values.dt.tz_convert('UTC').dt.tz_localize(None) + pd.Timedelta(seconds=offset)
        ok = values.notna().to_numpy()
        seconds = values.to_numpy('datetime64[ns]').view(np.int64) // 1_000_000_000
        return (seconds if ok.all() else np.where(ok, seconds, 0)), ok
    if values.dtype.kind in 'iuf':
        return np.zeros(len(values), np.int64), np.zeros(len(values), bool)
    codes, uniques = pd.factorize(values)
    parts = pd.Series(uniques, dtype=object).astype(str).str.extract(_TIME)
    local = pd.to_datetime(parts[0].str.replace('/', '-', regex=False), errors='coerce')
    zone = parts[1].fillna('')
    zoned = zone != ''
    zone_s = np.zeros(len(zone), np.int64)
    if zoned.any():
        z = zone[zoned].str.replace(':', '', regex=False).replace('Z', '+0000')
        z = z.where(z.str.len() > 3, z + '00')
        sign = np.where(z.str[0] == '-', -1, 1)
        zone_s[zoned.to_numpy()] = sign * (z.str[1:3].astype(int) * 3600 + z.str[3:5].astype(int) * 60)
    seconds = local.to_numpy('datetime64[ns]').astype(np.int64) // 1_000_000_000
    seconds = np.where(zoned, seconds - zone_s + offset, seconds)
    good = local.notna().to_numpy()
    ok = (codes >= 0) & good[np.maximum(codes, 0)]
    return np.where(ok, seconds[np.maximum(codes, 0)], 0), ok


def to_iso(seconds):
    """Local seconds → naive datetime64 (what the outputs carry)."""
    return pd.to_datetime(np.asarray(seconds, np.int64), unit='s')


def _examples(values):
    shown = [str(v) for v in pd.unique(pd.Series(values))[:EXAMPLES]]
    return ', '.join('“{}”'.format(v) for v in shown)


class Readings:
    """Clean readings sorted by (series, time).

    ``series``: DataFrame, one row per series: ``sensor`` (row of the sensors table), ``thr`` (row of
    the thresholds table, −1 when the metric has none), ``metric``. Arrays ``s`` (series), ``t``
    (local seconds), ``v`` (value as read). ``notes``: translated messages about dropped rows;
    ``unknown``: {sensor id: readings}; ``counts``: how many rows went where.
    """

    def __init__(self, series, s, t, v, notes, unknown, counts):
        self.series, self.s, self.t, self.v = series, s, t, v
        self.notes, self.unknown, self.counts = notes, unknown, counts

    def __len__(self):
        return len(self.t)


def prepare(raw, sensors, thresholds, utc_offset_h=8.0, source='readings'):
    """Match raw readings to sensors and thresholds (see the module docstring).

    raw: DataFrame with columns id, time, metric, value. sensors: DataFrame with columns id, kind
    (its index is the sensor row). Raises InputError when nothing at all is usable.
    """
    notes, counts = [], {'rows': len(raw)}
    t, ok_t = parse_times(raw['time'], utc_offset_h)
    if len(raw) and not ok_t.any():
        raise InputError(translate('spm', '{source}: no time could be read (for example {examples}); '
                                          'expected {format}.').format(
            source=source, examples=_examples(raw['time'].head(EXAMPLES)), format=TIME_FORMAT))
    if (~ok_t).any():
        notes.append(translate('spm', '{source}: {n} readings have a time that could not be read and were '
                                      'skipped (for example {examples}); expected {format}.').format(
            source=source, n=int((~ok_t).sum()), examples=_examples(raw['time'][~ok_t]), format=TIME_FORMAT))
    value = raw['value']
    v = value.to_numpy(float) if value.dtype.kind in 'iuf' else pd.to_numeric(
        value.astype(str).str.strip(), errors='coerce').to_numpy(float)
    ok_v = np.isfinite(v)
    bad_v = ok_t & ~ok_v
    if bad_v.any():
        notes.append(translate('spm', '{source}: {n} readings have a value that is not a number and were '
                                      'skipped (for example {examples}).').format(
            source=source, n=int(bad_v.sum()), examples=_examples(value[bad_v])))
    counts.update(bad_time=int((~ok_t).sum()), bad_value=int(bad_v.sum()))

    pair_code, pairs = _pairs(raw['id'], raw['metric'])
    pairs['pair'] = np.arange(len(pairs))
    known = pd.DataFrame({'id': normalise_ids(sensors['id']).to_numpy(), 'kind': sensors['kind'].astype(str).to_numpy(),
                          'sensor': np.arange(len(sensors))})
    table = thresholds.table[['kind', 'metric']].assign(thr=np.arange(len(thresholds)))
    with_kind = pairs.merge(known, on='id', how='left')
    matched = with_kind.merge(table, on=['kind', 'metric'], how='left')
    ambiguous = matched[matched['thr'].notna()].groupby('pair').size()
    if (ambiguous > 1).any():
        row = matched[matched['pair'] == ambiguous[ambiguous > 1].index[0]].iloc[0]
        raise InputError(translate('spm', 'Sensors: more than one sensor has id “{id}” and a kind with '
                                          'metric “{metric}”; give each sensor of a kind its own id.').format(
            id=row['id'], metric=row['metric']))
    # one row per pair: the thresholded match first, else any sensor with that id, else none
    matched = matched.sort_values(['pair', 'thr'], na_position='last').drop_duplicates('pair')
    matched = matched.set_index('pair').reindex(np.arange(len(pairs)))
    sensor_of_pair = matched['sensor'].fillna(-1).to_numpy(int)
    thr_of_pair = matched['thr'].fillna(-1).to_numpy(int)

    usable = ok_t & ok_v
    every_row = usable.all()
    per_pair = np.bincount(pair_code if every_row else pair_code[usable], minlength=len(pairs))
    unknown_pairs = (sensor_of_pair < 0) & (per_pair > 0)
    unknown = {}
    if unknown_pairs.any():
        unknown = pd.Series(per_pair[unknown_pairs], index=pairs['id'].to_numpy()[unknown_pairs]).groupby(
            level=0).sum().sort_index().to_dict()
        shown = ', '.join(list(unknown)[:20]) + (' …' if len(unknown) > 20 else '')
        notes.append(translate('spm', '{source}: {n} readings of {k} sensors that are not in the sensors layer '
                                      'were skipped: {ids}.').format(
            source=source, n=int(per_pair[unknown_pairs].sum()), k=len(unknown), ids=shown))
    no_threshold = (sensor_of_pair >= 0) & (thr_of_pair < 0) & (per_pair > 0)
    if no_threshold.any():
        kinds = matched.loc[(sensor_of_pair >= 0) & (thr_of_pair < 0), ['kind', 'metric']].drop_duplicates()
        listed = ', '.join('{} / {}'.format(k, m) for k, m in kinds.itertuples(index=False))
        notes.append(translate('spm', '{source}: {n} readings have a metric with no threshold for their sensor’s '
                                      'kind ({pairs}); they only show the sensor is online.').format(
            source=source, n=int(per_pair[no_threshold].sum()), pairs=listed))
    counts.update(unknown=int(per_pair[unknown_pairs].sum()), no_threshold=int(per_pair[no_threshold].sum()))

    # series = pairs of a known sensor that kept a reading, in the order they were read (no sort)
    used = (sensor_of_pair >= 0) & (per_pair > 0)
    keep = usable if (sensor_of_pair >= 0).all() else usable & (sensor_of_pair >= 0)[pair_code]
    used_pairs = np.flatnonzero(used)
    s = pair_code if keep.all() else pair_code[keep]
    if len(used_pairs) < len(pairs):
        renumber = np.full(len(pairs), -1, np.int64)
        renumber[used_pairs] = np.arange(len(used_pairs))
        s = renumber[s]
    if not keep.all():
        t, v = t[keep], v[keep]
    s, t, v, last = _in_order(s, t, v)              # out-of-order input is put right (stably)
    if not last.all():
        notes.append(translate('spm', '{source}: {n} readings repeat the time of another reading of the same '
                                      'sensor and metric; the last one read is used.').format(
            source=source, n=int((~last).sum())))
        s, t, v = s[last], t[last], v[last]
    counts['duplicate'] = int((~last).sum())
    series = pd.DataFrame({'sensor': sensor_of_pair[used_pairs], 'thr': thr_of_pair[used_pairs],
                           'metric': pairs['metric'].to_numpy()[used_pairs]})
    counts['used'] = len(t)
    return Readings(series, s.astype(np.int64, copy=False), t, v, notes, unknown, counts)


def _metric_codes(metrics):
    """pd.factorize of the metrics; a categorical without missing values gives its own codes."""
    if isinstance(metrics.dtype, pd.CategoricalDtype):
        codes = metrics.cat.codes.to_numpy()
        if not len(codes) or codes.min() >= 0:
            return codes, metrics.cat.categories
    return pd.factorize(metrics)


def _pairs(ids, metrics):
    """(pair code of each row, DataFrame of the pairs: id and metric as text) for the (id, metric)
    pairs, numbered in the order they first appear. Integer ids are paired with the metric directly
    (one hash of the rows instead of two)."""
    metric_code, metric_uniques = _metric_codes(metrics)
    n_metric = max(len(metric_uniques), 1)
    metric_text = pd.Series(list(metric_uniques) or [''], dtype=object).astype(str).str.strip().to_numpy()
    if ids.dtype.kind in 'iu' and len(ids) and -2 ** 62 < int(ids.min()) <= int(ids.max()) < 2 ** 62 and \
            int(ids.max()) - int(ids.min()) < 2 ** 62 // n_metric:
        low = int(ids.min())
        pair = ids.to_numpy().astype(np.int64)
        pair -= low
        pair *= n_metric
        pair += np.maximum(metric_code, 0)
        pair_code, pair_uniques = pd.factorize(pair)
        id_text = normalise_ids(pd.Series(pair_uniques // n_metric + low)).to_numpy()
    else:
        id_code, id_uniques = pd.factorize(ids)
        pair = np.where(id_code >= 0, id_code, len(id_uniques)).astype(np.int64) * n_metric + \
            np.maximum(metric_code, 0)
        pair_code, pair_uniques = pd.factorize(pair)
        id_text = normalise_ids(pd.Series(list(id_uniques) + [''])).to_numpy()[pair_uniques // n_metric]
    return pair_code, pd.DataFrame({'id': id_text, 'metric': metric_text[pair_uniques % n_metric]})


def _in_order(s, t, v):
    """Readings sorted by (series, time), stably (a no-op when they already are), and a mask of the
    last reading of each (series, time)."""
    if len(t) > 1:
        same = s[1:] == s[:-1]
        if not ((s[1:] >= s[:-1]).all() and (~same | (t[1:] >= t[:-1])).all()):
            key = s.astype(np.int64) * (int(t.max()) - int(t.min()) + 1) + (t - t.min())
            order = np.argsort(key, kind='stable')
            s, t, v = s[order], t[order], v[order]
            same = s[1:] == s[:-1]
    last = np.ones(len(t), bool)                    # same series, same time: the later row wins
    if len(t) > 1:
        last[:-1] = ~same | (t[1:] != t[:-1])
    return s, t, v, last
