"""Run a batch job on a Dask cluster, tile by tile, and publish its outputs safely.

The client plans the tiles (:mod:`tiling`), submits one task per tile (retried when it fails;
a task whose worker dies is run again elsewhere by the scheduler), writes each tile's rows into
the staged output as they arrive — so the client never holds the output, only the few columns the
summary needs — and reports ``tiles done / total``. Outputs are written into a temporary folder
beside each destination and moved into place only when every tile is in and the summary written
(:func:`core.publish.replace_layer` for an existing GeoPackage, whose other layers stay); on any
failure the temporary folder goes and an existing output is untouched.
"""

import contextlib
import os
import shutil
import sys
import tempfile

import pandas as pd

from ..core.errors import SpmError
from ..core.i18n import translate
from ..core.publish import replace_layer
from . import gdalio, tiling

DEFAULT_MEMORY = '2GiB'


def run_tile(job, tile):
    """One task: the job's work on one tile (runs on a worker)."""
    return job.tile(tile)


class Outputs:
    """Destinations ``path[|layername=x]`` staged in a temporary folder beside each."""

    def __init__(self, destinations):
        self.folders, self.targets, self.written = {}, {}, []
        for name, uri in destinations.items():
            path, layer = gdalio.split_uri(uri)
            path = os.path.realpath(path)
            folder = os.path.dirname(path)
            if not os.path.isdir(folder):
                raise SpmError(translate('spm', 'Folder “{folder}” of {name} does not exist.').format(
                    folder=folder, name=name))
            if folder not in self.folders:
                self.folders[folder] = tempfile.mkdtemp(prefix='.spm-run-', dir=folder)
            staged = os.path.join(self.folders[folder], os.path.basename(path))
            layer = layer or os.path.splitext(os.path.basename(path))[0]
            self.targets[name] = (path, staged, layer)

    def writer(self, name, crs, geometry=True):
        path, staged, layer = self.targets[name]
        self.written.append(name)
        return gdalio.GpkgWriter(staged, layer, crs, geometry=geometry)

    def publish(self):
        """Move each staged file into place (or its layers into an existing GeoPackage); an
        output the job did not make (NEW_CONSTRUCTION without DEV_BOUNDARY) is left alone."""
        by_file = {}
        for path, staged, layer in (self.targets[name] for name in self.written):
            by_file.setdefault((path, staged), []).append(layer)
        for (path, staged), layers in by_file.items():
            if os.path.exists(path):
                for layer in layers:
                    replace_layer(path, staged, layer)
            else:
                os.replace(staged, path)

    def discard(self):
        for folder in self.folders.values():
            shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def cluster(scheduler=None, workers=2, memory_limit=DEFAULT_MEMORY):
    """A distributed Client: on ``scheduler`` (``tcp://host:8786``), else on a LocalCluster of
    ``workers`` single-threaded worker processes with ``memory_limit`` each."""
    import logging
    from distributed import Client, LocalCluster
    for name in ('distributed', 'distributed.nanny', 'distributed.worker', 'distributed.scheduler'):
        logging.getLogger(name).setLevel(logging.ERROR)
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, memory_limit=memory_limit,
                      processes=True, dashboard_address=None) as local, Client(local) as client:
        yield client


def cluster_size(client, workers, limit):
    """(workers, memory per worker) of a running cluster: its workers and the smallest memory
    limit they report (``workers`` and ``limit`` when it reports none)."""
    found = client.scheduler_info().get('workers', {})
    limits = [w.get('memory_limit') or 0 for w in found.values()]
    return (len(found) or workers,
            min(limits) if limits and all(v > 0 for v in limits) else limit)


def _concat(frames):
    """Concatenate the tiles' kept columns (frames, or dicts of frames: concatenated by key);
    text categories are merged (not widened to objects)."""
    from pandas.api.types import union_categoricals
    if frames and isinstance(frames[0], dict):
        return {key: _concat([f[key] for f in frames]) for key in frames[0]}
    if not any(len(f) for f in frames):
        return frames[0] if frames else pd.DataFrame()
    frames = [f for f in frames if len(f)]
    out = {}
    for column in frames[0].columns:
        parts = [f[column] for f in frames]
        if parts[0].dtype.name == 'category':
            out[column] = union_categoricals([p.astype('category') for p in parts])
        else:
            out[column] = pd.concat(parts, ignore_index=True).to_numpy()
    return pd.DataFrame(out)


def run(job, destinations, scheduler=None, workers=2, memory_limit=DEFAULT_MEMORY,
        tile_features=None, retries=3, progress=None, log=None, client=None):
    """Run ``job`` (a :class:`jobs.Job`) and write its outputs to ``destinations``
    ({parameter: path}); returns figures of the run (tiles, features, rows written).

    ``progress(done, total)`` is told after each tile; ``log(message, warning=False)`` gets the
    job's messages (each once). ``client``: an existing distributed Client to use as it is.
    """
    from dask.utils import parse_bytes
    from distributed import as_completed

    log = log or (lambda message, warning=False: print(message, file=sys.stderr))
    # the outputs are parameters too (as on the command line): a job may say one cannot be made
    job.params.update({name: uri for name, uri in destinations.items() if uri})
    job.prepare(log)
    info = job.main_info
    limit = parse_bytes(memory_limit) if isinstance(memory_limit, str) else int(memory_limit)
    if job.OUTPUT not in destinations:
        raise SpmError(translate('spm', 'Parameter {name} is required.').format(name=job.OUTPUT))
    outputs = Outputs({k: v for k, v in destinations.items() if v})
    seen, kept, features, done = set(), [], 0, 0
    try:
        with contextlib.ExitStack() as stack:
            if client is None and not scheduler:
                client = stack.enter_context(cluster(None, workers, limit))
            else:
                if client is None:
                    client = stack.enter_context(cluster(scheduler))
                workers, limit = cluster_size(client, workers, limit)
            budget = tile_features or tiling.budget(limit, info.count, workers)
            tiles = tiling.plan(job.extent(), lambda box: gdalio.count_in(info.uri, box), budget)
            log(translate('spm', '{n} tiles of at most {budget} features of “{layer}” ({count} in '
                                 'all).').format(n=len(tiles), budget=budget, layer=info.label,
                                                 count=info.count))
            figures = {'tiles': len(tiles), 'tile_budget': budget}
            writer = outputs.writer(job.OUTPUT, job.crs or '')
            futures = [client.submit(run_tile, job.for_tasks(), tile, retries=retries, pure=False)
                       for tile in tiles]
            try:
                for future in as_completed(futures):
                    rows, columns, messages, owned = future.result()
                    future.release()
                    writer.write(rows)
                    kept.append(columns)
                    features += owned
                    for message, warning in messages:
                        if message not in seen:
                            seen.add(message)
                            log(message, warning)
                    done += 1
                    if progress is not None:
                        progress(done, len(tiles))
            except BaseException:
                client.cancel(futures)
                raise
        writer.close(empty_like=job.empty_output())
        figures.update(features=features, rows=writer.count)
        if features != info.count:
            log(translate('spm', '{n} of {count} features had no geometry and were skipped.').format(
                n=info.count - features, count=info.count), True)
        for name, table in job.finish(_concat(kept)).items():
            if name in outputs.targets:
                table_writer = outputs.writer(name, '', geometry=False)
                table_writer.write(table) if len(table) else None
                table_writer.close(empty_like=table)
                figures[name.lower() + '_rows'] = len(table)
        outputs.publish()
    finally:
        outputs.discard()
    return figures
