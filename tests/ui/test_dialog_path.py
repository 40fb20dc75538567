"""Every algorithm run the way its Processing dialog runs it, with temporary outputs: no error in the
log (issue 14, item 1).

The dialog (processing/gui/AlgorithmDialog.py in QGIS 3.22) builds the parameters with every output a
``QgsProcessingOutputLayerDefinition('TEMPORARY_OUTPUT')`` to load into the project, runs the algorithm
(``AlgorithmExecutor.execute`` is the same ``alg.run``) and then ``handleAlgorithmResults``, which
loads the outputs and reports "The following layers were not correctly generated" through
``feedback.reportError`` for any layer-to-load it cannot open. This test does exactly that, with the
parameters of each algorithm's help example (its qgis_process command), and collects every
``reportError`` and every Critical message of the QGIS log.

Inputs that an example takes from another algorithm's output (buildings_beidou.gpkg, building_grid.gpkg
…) are made first by running those examples to files in a temporary folder.
"""

import html
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HELP = ROOT / 'provider' / 'help' / 'en'
SAMPLE = ROOT / 'sample' / 'putian.gpkg'
# the energy totals of one year (2020–2023 in the sample): the downscaling regions must not overlap
MAKER_EXTRA = {'energy_carbon': {'YEAR': '2023'}}
# example file -> (algorithm, output) that makes it
MADE_BY = {
    'buildings_beidou.gpkg': ('beidou_grid_code', 'OUTPUT'),
    'building_grid.gpkg': ('building_carbon', 'GRID_OUTPUT'),
    'energy_totals.gpkg': ('energy_carbon', 'TOTALS'),
    'violations.gpkg': ('control_lines', 'OUTPUT'),
    'indicator_table.csv': ('indicators', 'TABLE'),
    'coded_buildings.gpkg': ('assign_building_codes', 'OUTPUT'),
    'links.gpkg': ('link_codes', 'OUTPUT'),            # and city_register.gpkg beside it
    'farmland_balance.csv': ('farmland_balance', 'SUMMARY'),
    'new_construction.csv': ('landuse_change', 'NEW_CONSTRUCTION'),
}
FASTER = {'TIME_LIMIT': '5'}            # the sensor plans prove optimality for at most 5 s here
# no night-light raster ships with the sample: downscale with the buildings alone
WITHOUT_RASTER = {'WEIGHTS': '1'}
ALGORITHMS = sorted(p.stem for p in HELP.glob('*.html'))


def example(name):
    """[(parameter, value)] of the qgis_process command in the algorithm's help."""
    line = next(line for line in (HELP / f'{name}.html').read_text(encoding='utf-8').splitlines()
                if 'qgis_process run spm:' in line)
    arguments = [html.unescape(a).rstrip(' \\') for a in re.findall(r'<code>(.*?)</code>', line)][1:]
    pairs = []
    for argument in arguments:
        key, _, value = argument.partition('=')
        pairs.append((key, value.strip("'")))
    return pairs


def resolve(value, folder):
    """Sample paths made absolute; files other examples make, from ``folder``."""
    value = re.sub(r'^(sample/)?putian\.gpkg', str(SAMPLE), value)
    if value.startswith('sample/'):
        return str(ROOT / value)
    if (folder / value).exists() or re.fullmatch(r'[\w.]+\.(gpkg|csv)', value):
        return str(folder / value)          # a file the algorithm reads or writes (REGISTRY …)
    return value


def destinations(alg):
    return {d.name() for d in alg.destinationParameterDefinitions()}


def parameters_for(alg, folder, outputs):
    """The example's inputs and ``outputs(name)`` for every output parameter."""
    params = {}
    for key, value in example(alg.name()):
        if key in destinations(alg):
            continue
        if value.endswith('.tif') and key == 'PROXIES':
            continue                      # no night-light raster ships with the sample
        value = FASTER.get(key, resolve(value, folder))
        if alg.name() == 'downscale_emissions':
            value = WITHOUT_RASTER.get(key, value)
        if key in params:
            params[key] = (params[key] if isinstance(params[key], list) else [params[key]]) + [value]
        else:
            params[key] = value
    for name in destinations(alg):
        params[name] = outputs(name)
    return params


class RecordingFeedback:
    """A QgsProcessingFeedback that keeps what the dialog's log would show in red."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.errors = []

            def reportError(self, error, fatalError=False):  # noqa: N802, N803
                self.errors.append(error)
                super().reportError(error, fatalError)
        return Feedback()


@pytest.fixture(scope='module')
def made_inputs(tmp_path_factory, qgis_app, qgis_processing):
    """The files the examples of other algorithms read, made by their own examples."""
    import processing
    from conftest import register_provider
    from qgis.core import QgsApplication
    from spatial_planning_monitor.provider.provider import SpmProvider
    registry = QgsApplication.processingRegistry()
    if registry.providerById('spm') is None:
        register_provider(SpmProvider())
    folder = tmp_path_factory.mktemp('examples')
    for file_name, (name, output) in MADE_BY.items():
        alg = registry.algorithmById(f'spm:{name}')
        params = parameters_for(alg, folder, lambda out: 'TEMPORARY_OUTPUT')
        params[output] = str(folder / file_name)
        params.update(MAKER_EXTRA.get(name, {}))
        processing.run(f'spm:{name}', params)
        assert (folder / file_name).exists(), file_name
    return folder


@pytest.fixture
def critical_log():
    from qgis.core import Qgis, QgsApplication
    messages = []

    def record(message, tag, level):
        if level == Qgis.MessageLevel.Critical:
            messages.append(f'{tag}: {message}')
    QgsApplication.messageLog().messageReceived.connect(record)
    yield messages
    QgsApplication.messageLog().messageReceived.disconnect(record)


@pytest.mark.parametrize('name', ALGORITHMS)
def test_runs_from_the_dialog_with_temporary_outputs_without_error(name, made_inputs, spm_provider,
                                                                     qgis_new_project, critical_log):
    from processing.gui.AlgorithmExecutor import execute
    from processing.gui.Postprocessing import handleAlgorithmResults
    from processing.tools import dataobjects
    from qgis.core import QgsProcessingOutputLayerDefinition, QgsProject
    project = QgsProject.instance()
    alg = spm_provider.algorithm(name).create()
    params = parameters_for(alg, made_inputs,
                            lambda out: QgsProcessingOutputLayerDefinition('TEMPORARY_OUTPUT', project))
    feedback = RecordingFeedback()
    context = dataobjects.createContext(feedback)
    ok, results = execute(alg, params, context, feedback)
    assert ok, feedback.errors
    loaded = handleAlgorithmResults(alg, context, feedback, False, params)
    assert feedback.errors == [], feedback.errors
    assert critical_log == [], critical_log
    assert loaded
    # what the user sees: every output layer in the project, and nothing else
    layer_outputs = [d.name() for d in alg.destinationParameterDefinitions()
                     if d.type() in ('sink', 'vectorDestination', 'rasterDestination')]
    assert len(project.mapLayers()) == len(layer_outputs), sorted(
        layer.name() for layer in project.mapLayers().values())
