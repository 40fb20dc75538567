"""The optional SCHEDULER parameter: hand an algorithm's work to the batch engine (Dask).

With ``SCHEDULER=tcp://host:8786`` (a running Dask scheduler) or ``SCHEDULER=local:N`` (N worker
processes on this machine), the algorithm runs ``python3 -m spatial_planning_monitor.batch`` in
a separate process — Dask never runs inside QGIS — with the same parameters: layers by their file
(GeoPackage, shapefile …; whole layers, so no selection or filter), outputs into base's staged
files, which base publishes when the run succeeded, as for any run.
"""

import os
import subprocess

from qgis.core import (
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
)

from ....core.i18n import translate
from ...base import advanced

SCHEDULER = 'SCHEDULER'
PYTHON = '/usr/bin/python3'     # the system Python: the same GDAL, GEOS and pandas as QGIS
PACKAGE = __name__.split('.')[0]


def add_parameter(alg):
    param = QgsProcessingParameterString(
        SCHEDULER, translate('spm', 'Run on a Dask cluster: scheduler address (tcp://host:8786) '
                                    'or local:N for N worker processes; empty = in QGIS'),
        optional=True)
    alg.addParameter(advanced(param))


def requested(alg, parameters, context):
    """The scheduler asked for, or None."""
    return alg.parameterAsString(parameters, SCHEDULER, context).strip() or None


def _layer_uri(alg, parameters, name, context):
    """``path|layername=x`` of a file-backed layer parameter; errors for anything else."""
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    if layer is None:
        return None
    value = parameters.get(name)
    selected = getattr(value, 'selectedFeaturesOnly', False)
    if layer.providerType() != 'ogr' or layer.subsetString() or selected:
        raise alg.error(translate(
            'spm', 'SCHEDULER: layer “{layer}” must be a whole layer of a file (GeoPackage, '
                   'shapefile …), without a filter or a selection.').format(layer=layer.name()))
    return layer.source().split('|layerid=')[0]


def hand_off(alg, parameters, context, feedback):
    """Run the batch job of ``alg`` with ``parameters``; returns the results dict."""
    scheduler = requested(alg, parameters, context)
    arguments, results = [], {}
    for definition in alg.parameterDefinitions():
        name = definition.name()
        if name == SCHEDULER:
            continue
        if isinstance(definition, QgsProcessingParameterFeatureSource):
            uri = _layer_uri(alg, parameters, name, context)
        elif definition.isDestination():
            path, output_id = alg.staged_file(parameters, name, context)
            if path is None:
                continue
            if not path.lower().endswith('.gpkg'):
                raise alg.error(translate('spm', 'SCHEDULER: output {name} must be a GeoPackage '
                                                 '(.gpkg).').format(name=name))
            dest = alg.destination(parameters, name, context)
            layer = dest.layer_name if dest is not None and dest.path else \
                os.path.splitext(os.path.basename(path))[0]
            uri, results[name] = f'{path}|layername={layer}', output_id
        else:
            uri = alg.parameterAsString(parameters, name, context)
            if hasattr(definition, 'options') and callable(definition.options):
                uri = alg.parameterAsEnumString(parameters, name, context) \
                    if definition.usesStaticStrings() else \
                    str(alg.parameterAsEnum(parameters, name, context))
        if uri not in (None, ''):
            arguments.append(f'{name}={uri}')
    if scheduler.startswith('local'):
        workers = scheduler.partition(':')[2] or '2'
        options = ['--workers', workers]
    else:
        options = ['--scheduler', scheduler]
    plugins = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.dirname(os.path.abspath(__file__))))))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        p for p in (plugins, os.environ.get('PYTHONPATH')) if p))
    command = [PYTHON, '-m', f'{PACKAGE}.batch', alg.NAME, *options, *arguments]
    feedback.pushInfo(translate('spm', 'Handing the work to the batch engine ({scheduler}).').format(
        scheduler=scheduler))
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, cwd=plugins)
    errors = []
    try:
        for line in process.stderr:
            line = line.rstrip('\n')
            if feedback.isCanceled():
                process.terminate()
                break
            if line.startswith('tiles '):
                done, _, total = line[6:].partition('/')
                feedback.setProgress(100.0 * int(done) / max(1, int(total)))
            elif line.startswith('warning: '):
                feedback.pushWarning(line[9:])
            elif line.startswith('error: '):
                errors.append(line[7:])
            elif line.strip():
                feedback.pushInfo(line)
    finally:
        code = process.wait()
        process.stderr.close()
    alg.check_canceled(feedback)
    if code != 0:
        raise alg.error(translate('spm', 'The batch engine failed: {error}').format(
            error=' '.join(errors) or f'exit status {code}'))
    return results

