"""``python3 -m spatial_planning_monitor.batch <job> [options] NAME=VALUE …``

Parameters are the algorithm's (``qgis_process help spm:<job>``): layers as
``file.gpkg|layername=parcels``, outputs as GeoPackage paths (``out.gpkg`` or
``out.gpkg|layername=pieces``). Progress goes to stderr as ``tiles done/total``.
"""

import argparse
import json
import sys

from ..core.errors import SpmError
from . import engine, jobs

PROGRESS = 'tiles '


def parse(argv):
    parser = argparse.ArgumentParser(
        prog='python3 -m spatial_planning_monitor.batch', description=__doc__.splitlines()[0],
        epilog='jobs: ' + ', '.join(sorted(jobs.JOBS)))
    parser.add_argument('job', choices=sorted(jobs.JOBS))
    parser.add_argument('--scheduler', help='address of a running Dask scheduler, '
                        'e.g. tcp://host:8786 (default: a LocalCluster on this machine)')
    parser.add_argument('--workers', type=int, default=2, help='LocalCluster worker processes')
    parser.add_argument('--memory-limit', default=engine.DEFAULT_MEMORY,
                        help='memory per worker (LocalCluster) and the tile budget, e.g. 2GiB')
    parser.add_argument('--tile-features', type=int, help='features per tile (default: from '
                        'the memory limit and the data)')
    parser.add_argument('--retries', type=int, default=3, help='retries of a failed tile')
    parser.add_argument('--json', action='store_true', help='print the run figures as JSON')
    parser.add_argument('parameters', nargs='*', metavar='NAME=VALUE')
    args, extra = parser.parse_known_args(argv)
    params = {}
    for item in args.parameters + extra:
        name, sep, value = item.lstrip('-').partition('=')
        if not sep:
            parser.error(f'{item}: parameters are NAME=VALUE')
        params[name] = value
    return args, params


def main(argv=None):
    args, params = parse(sys.argv[1:] if argv is None else argv)
    job = jobs.job(args.job, params)
    destinations = {name: params.get(name) for name in (job.OUTPUT,) + job.TABLES}

    def progress(done, total):
        print(f'{PROGRESS}{done}/{total}', file=sys.stderr, flush=True)

    def log(message, warning=False):
        print(('warning: ' if warning else '') + message, file=sys.stderr, flush=True)
    try:
        figures = engine.run(job, destinations, scheduler=args.scheduler, workers=args.workers,
                             memory_limit=args.memory_limit, tile_features=args.tile_features,
                             retries=args.retries, progress=progress, log=log)
    except SpmError as error:
        print(f'error: {error}', file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == '__main__':
    sys.exit(main())
