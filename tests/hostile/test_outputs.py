"""Do no harm, for every algorithm: outputs never overwrite inputs or each other, a cancel or a
failure leaves every file that existed before the run byte for byte as it was, and a GeoPackage
destination keeps its other layers.

Each run goes through the Processing registry as the Toolbox runs it; a few go through
``qgis_process`` too (tests/hostile/test_cli.py).
"""

import hashlib
import os
import shutil
import sqlite3

import pytest

import runs
from runs import city  # noqa: F401 (the fixture)

ALGORITHMS = sorted(runs.OUTPUTS)



def digest(path):
    with open(path, 'rb') as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def snapshot(folder):
    """{file: sha256} of every file below ``folder``."""
    found = {}
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            found[os.path.relpath(path, folder)] = digest(path)
    return found


def error_of(run_alg, alg, params, feedback=None):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException) as caught:
        run_alg(alg, params, feedback=feedback)
    return str(caught.value)


def earlier_results(out, alg):
    """Files standing where the outputs go, as a user's earlier results would."""
    for name, path in runs.outputs(alg, out).items():
        if path.endswith('.gpkg'):            # a GeoPackage holding a table of the user's
            from osgeo import ogr
            target = ogr.GetDriverByName('GPKG').CreateDataSource(path)
            table = target.CreateLayer('earlier', geom_type=ogr.wkbNone)
            table.CreateField(ogr.FieldDefn('note', ogr.OFTString))
            feature = ogr.Feature(table.GetLayerDefn())
            feature.SetField('note', 'a result from last week')
            table.CreateFeature(feature)
            feature = table = target = None
        else:
            with open(path, 'w', encoding='utf-8') as handle:
                handle.write(f'earlier {name}\n')


# --- output = input ------------------------------------------------------------------------

@pytest.mark.parametrize('alg', [a for a in ALGORITHMS if a in runs.MAIN_INPUT])
def test_output_equal_to_its_input_file_stops_and_changes_nothing(run_alg, city, tmp_path, alg):
    gpkg, sample_dir = city
    before = digest(gpkg)
    params = runs.params(alg, gpkg, str(tmp_path), sample_dir)
    params['OUTPUT'] = gpkg
    message = error_of(run_alg, alg, params)
    assert 'OUTPUT' in message and runs.MAIN_INPUT[alg][0] in message or 'input' in message
    assert os.path.realpath(gpkg) in message
    assert digest(gpkg) == before
    assert not [p for p in os.listdir(os.path.dirname(gpkg)) if p.startswith('.spm-run-')]


@pytest.mark.parametrize('form', ['ogr', 'symlink', 'dotdot'])
def test_output_naming_the_input_another_way_stops(run_alg, city, tmp_path, form):
    gpkg, sample_dir = city
    before = digest(gpkg)
    alg = 'spm:plan_conformance'
    params = runs.params(alg, gpkg, str(tmp_path), sample_dir)
    if form == 'ogr':
        params['OUTPUT'] = f"ogr:dbname='{gpkg}' table=\"pieces\" (geom)"
    elif form == 'symlink':
        link = tmp_path / 'link.gpkg'
        link.symlink_to(gpkg)
        params['OUTPUT'] = str(link)
    else:
        params['OUTPUT'] = os.path.join(os.path.dirname(gpkg), '..', os.path.basename(os.path.dirname(gpkg)),
                                        'putian.gpkg')
    message = error_of(run_alg, alg, params)
    assert 'CURRENT' in message and 'OUTPUT' in message
    assert digest(gpkg) == before


def test_two_outputs_to_one_file_stop(run_alg, city, tmp_path):
    gpkg, sample_dir = city
    alg = 'spm:plan_conformance'
    params = runs.params(alg, gpkg, str(tmp_path), sample_dir)
    params['SUMMARY'] = params['OUTPUT'] = str(tmp_path / 'both.gpkg')
    message = error_of(run_alg, alg, params)
    assert 'OUTPUT' in message and 'SUMMARY' in message
    assert list(tmp_path.iterdir()) == []


def test_registry_equal_to_an_input_or_the_output_stops(run_alg, city, tmp_path):
    gpkg, sample_dir = city
    before = digest(gpkg)
    alg = 'spm:assign_building_codes'
    params = runs.params(alg, gpkg, str(tmp_path), sample_dir)
    message = error_of(run_alg, alg, dict(params, REGISTRY=gpkg))
    assert 'REGISTRY' in message and 'BUILDINGS' in message
    message = error_of(run_alg, alg, dict(params, REGISTRY=params['OUTPUT']))
    assert 'REGISTRY' in message and 'OUTPUT' in message
    assert digest(gpkg) == before
    assert list(tmp_path.iterdir()) == []


def test_two_outputs_in_one_geopackage_as_different_layers(run_alg, city, tmp_path):
    gpkg, sample_dir = city
    alg = 'spm:plan_conformance'
    target = tmp_path / 'results.gpkg'
    params = runs.params(alg, gpkg, str(tmp_path), sample_dir)
    params['OUTPUT'] = f"ogr:dbname='{target}' table=\"pieces\" (geom)"
    params['SUMMARY'] = f"ogr:dbname='{target}' table=\"summary\""
    result = run_alg(alg, params)
    assert result['OUTPUT'] == f'{target}|layername=pieces'
    with sqlite3.connect(target) as db:
        tables = {row[0] for row in db.execute('select table_name from gpkg_contents')}
        pieces = db.execute('select count(*) from pieces').fetchone()[0]
    assert tables == {'pieces', 'summary'} and pieces > 0


# --- a GeoPackage destination keeps its other layers ---------------------------------------

def test_existing_geopackage_keeps_its_other_layers(run_alg, city, tmp_path):
    from osgeo import ogr
    gpkg, sample_dir = city
    results = tmp_path / 'results.gpkg'
    source = ogr.Open(gpkg)
    target = ogr.GetDriverByName('GPKG').CreateDataSource(str(results))
    target.CopyLayer(source.GetLayerByName('districts'), 'my_districts')
    target.CopyLayer(source.GetLayerByName('roads'), 'results')        # the layer a run replaces
    source = target = None
    alg = 'spm:plan_conformance'
    params = runs.params(alg, gpkg, str(tmp_path), sample_dir)
    params['OUTPUT'] = str(results)
    run_alg(alg, params)
    with sqlite3.connect(results) as db:
        tables = {row[0] for row in db.execute('select table_name from gpkg_contents')}
        districts = db.execute('select count(*) from my_districts').fetchone()[0]
        columns = {row[1] for row in db.execute('pragma table_info(results)')}
    assert tables == {'my_districts', 'results'}
    assert districts == 5
    assert 'STATUS' in columns or 'CONFORM' in columns or len(columns) > 3
    assert not [p for p in os.listdir(tmp_path) if p.startswith('.spm-run-')]


# --- cancel and failure with earlier results in place ---------------------------------------

class CancelAt:
    """A feedback that cancels once progress reaches ``at`` percent (or at the first report)."""

    def __new__(cls, at):
        from qgis.core import QgsProcessingFeedback
        feedback = QgsProcessingFeedback()
        feedback.seen = []

        def on_progress(progress):
            feedback.seen.append(progress)
            if progress >= at:
                feedback.cancel()
        feedback.progressChanged.connect(on_progress)
        return feedback


def progress_steps(run_alg, alg, params):
    """The distinct progress values a normal run reports (the steps at which a user may cancel)."""
    feedback = CancelAt(1e9)
    run_alg(alg, params, feedback=feedback)
    return sorted(set(round(p, 3) for p in feedback.seen))


@pytest.mark.parametrize('alg', ALGORITHMS)
def test_cancel_at_each_step_keeps_earlier_results(run_alg, city, tmp_path, alg):
    gpkg, sample_dir = city
    warmup = tmp_path / 'warmup'
    warmup.mkdir()
    steps = progress_steps(run_alg, alg, runs.params(alg, gpkg, str(warmup), sample_dir))
    assert steps, f'{alg} reports no progress'
    # the first and the middle step, the last one and after the end (registry tests cancel at every step)
    picked = sorted({steps[0], steps[len(steps) // 2], steps[-1]}) + [steps[-1] + 1e-9]
    out = tmp_path / 'out'
    out.mkdir()
    earlier_results(str(out), alg)
    if alg == 'spm:assign_building_codes':                      # an earlier registry, too
        shutil.copy(warmup / 'registry.gpkg', out / 'registry.gpkg')
    before, city_before = snapshot(out), digest(gpkg)
    for at in picked:
        feedback = CancelAt(at)
        params = runs.params(alg, gpkg, str(out), sample_dir)
        try:
            run_alg(alg, params, feedback=feedback)
            canceled = False
        except Exception as exc:          # noqa: BLE001 - the message is checked below
            canceled = True
            assert 'Cancel' in str(exc) or 'cancel' in str(exc), str(exc)
        assert canceled or not feedback.isCanceled() or (alg in runs.COMMITS_FIRST and at >= steps[-1]), \
            f'{alg}: canceled at {at} % but results were published'
        if canceled:
            assert snapshot(out) == before, f'{alg}: a cancel at {at} % changed earlier results'
        else:
            before = snapshot(out)        # the run finished before the cancel: its outputs stand
    assert digest(gpkg) == city_before


@pytest.mark.parametrize('alg', ['spm:plan_conformance', 'spm:plan_sensors', 'spm:indicators',
                                 'spm:energy_carbon', 'spm:assign_building_codes'])
def test_a_later_output_that_fails_keeps_every_earlier_file(run_alg, city, tmp_path, alg):
    gpkg, sample_dir = city
    earlier_results(str(tmp_path), alg)
    before = snapshot(tmp_path)
    params = runs.params(alg, gpkg, str(tmp_path), sample_dir)
    last = list(runs.OUTPUTS[alg])[-1]
    blocker = tmp_path / 'blocker'           # a file where the last output's folder should be
    blocker.write_text('not a folder')
    before = snapshot(tmp_path)
    params[last] = str(blocker / os.path.basename(params[last]))
    message = error_of(run_alg, alg, params)
    assert str(blocker) in message and last in message
    assert snapshot(tmp_path) == before


def test_missing_output_folder_is_named(run_alg, city, tmp_path):
    gpkg, sample_dir = city
    alg = 'spm:landuse_carbon'
    params = runs.params(alg, gpkg, str(tmp_path), sample_dir)
    params['SUMMARY'] = str(tmp_path / 'no' / 'such' / 'folder' / 'summary.csv')
    message = error_of(run_alg, alg, params)
    assert 'SUMMARY' in message and str(tmp_path / 'no' / 'such' / 'folder') in message
    assert list(tmp_path.iterdir()) == []


# --- all outputs published together, with the user's umask --------------------------------

@pytest.mark.parametrize('alg', ALGORITHMS)
def test_a_good_run_publishes_every_output_and_no_temporary(run_alg, city, tmp_path, alg):
    gpkg, sample_dir = city
    earlier_results(str(tmp_path), alg)
    old = os.umask(0o022)
    try:
        result = run_alg(alg, runs.params(alg, gpkg, str(tmp_path), sample_dir))
    finally:
        os.umask(old)
    for name, path in runs.outputs(alg, str(tmp_path)).items():
        assert str(result[name]).split('|')[0] == path
        assert os.stat(path).st_mode & 0o777 == 0o644, f'{alg} {name}'
        if path.endswith('.gpkg'):              # the earlier user table survives beside the result
            with sqlite3.connect(path) as db:
                assert db.execute('select note from earlier').fetchone()[0] == 'a result from last week'
    assert not [p for p in os.listdir(tmp_path) if p.startswith('.spm-run-')]


def test_optional_secondary_outputs_are_skipped_when_not_named(run_alg, city, tmp_path):
    gpkg, sample_dir = city
    for alg in ('spm:plan_conformance', 'spm:control_lines', 'spm:landuse_change', 'spm:indicators',
                'spm:landuse_carbon', 'spm:energy_carbon'):
        folder = tmp_path / alg.split(':')[1]
        folder.mkdir()
        params = runs.params(alg, gpkg, str(folder), sample_dir)
        main = params['OUTPUT']
        for name in runs.OUTPUTS[alg]:
            if name != 'OUTPUT':
                del params[name]
        run_alg(alg, params)
        assert sorted(os.listdir(folder)) == [os.path.basename(main)], alg


def test_a_reserved_field_name_is_refused_before_anything_is_written(run_alg, city, tmp_path):
    gpkg, sample_dir = city
    params = runs.params('spm:beidou_grid_code', gpkg, str(tmp_path), sample_dir)
    message = error_of(run_alg, 'spm:beidou_grid_code', dict(params, FIELD='fid'))
    assert 'fid' in message and 'FIELD' in message
    assert list(tmp_path.iterdir()) == []
