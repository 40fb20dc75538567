"""Hostile cases for spm:assign_building_codes and its code registry (issue 12, item 4).

The promise: the registry and the coded output agree, always. After every successful run the
registry's active codes are exactly the codes in the output; a run that is canceled at any
step, fails, or is killed (kill -9) mid-run leaves every byte of the registry and of an earlier
output as it was; two runs creating one registry never remove each other's file; REGISTRY
paths with ``%``, ``?``, ``#``, spaces, Chinese or ``..`` go exactly where named; a REGISTRY
that is an input or the output file is refused before anything is read or written.

Runs go through the Processing registry (``run_alg``) and through ``qgis_process``.
"""

import glob
import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import time

import pytest

from conftest import QGIS_PROCESS, qgis_process_env

ALG = 'spm:assign_building_codes'
FIRST = '"fid" <= 4000'            # the first run codes about half the sample's 8164 buildings


# --- what a user would check ----------------------------------------------------------------

def digest(path):
    with open(path, 'rb') as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def snapshot(folder):
    """{file under folder: sha256} of every file, hidden ones included."""
    return {os.path.relpath(os.path.join(root, name), folder): digest(os.path.join(root, name))
            for root, _, names in os.walk(folder) for name in names}


def output_codes(path):
    """The BUILDING_CODE values in a coded output (a one-layer GeoPackage)."""
    connection = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
    try:
        (table,) = connection.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()
        return [code for (code,) in connection.execute(f'SELECT BUILDING_CODE FROM "{table}"') if code]
    finally:
        connection.close()


def registry_state(path):
    """(active codes, every code, runs) of a registry; a left-over journal is rolled back first."""
    connection = sqlite3.connect(path)
    try:
        active = {c for (c,) in connection.execute("SELECT code FROM building_codes WHERE status = 'active'")}
        every = [c for (c,) in connection.execute('SELECT code FROM building_codes')]
        runs = connection.execute('SELECT run, issued FROM spm_runs ORDER BY run').fetchall()
        assert connection.execute('PRAGMA integrity_check').fetchone() == ('ok',)
    finally:
        connection.close()
    return active, every, runs


def assert_agree(registry, output):
    """The registry holds exactly the output's codes as active ones, each code once."""
    codes = output_codes(output)
    active, every, _ = registry_state(registry)
    assert len(codes) == len(set(codes)) > 0
    assert set(codes) == active
    assert len(every) == len(set(every))


def params(sample_gpkg, registry, output, subset=None):
    buildings = f'{sample_gpkg}|layername=buildings' + (f'|subset={subset}' if subset else '')
    return {'BUILDINGS': buildings, 'ADMIN': f'{sample_gpkg}|layername=townships', 'ADMIN_CODE_FIELD': 'code',
            'YEAR_FIELD': 'year', 'REGISTRY': str(registry), 'BEIDOU_LEVEL': 8, 'OUTPUT': str(output)}


def cli_args(values):
    return ['run', ALG, '--', *[f'{k}={v}' for k, v in values.items()]]


@pytest.fixture(scope='module')
def earlier(tmp_path_factory, sample_gpkg, qgis_app, qgis_processing):
    """A registry and its output from a first run on half the buildings: (registry, output)."""
    import processing
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject
    from conftest import register_provider
    from spatial_planning_monitor.provider.provider import SpmProvider
    if QgsApplication.processingRegistry().providerById('spm') is None:
        register_provider(SpmProvider())
    folder = tmp_path_factory.mktemp('earlier')
    registry, output = folder / 'registry.gpkg', folder / 'coded.gpkg'
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    processing.run(ALG, params(sample_gpkg, registry, output, FIRST), context=context,
                   feedback=QgsProcessingFeedback())
    assert_agree(registry, output)
    return registry, output


@pytest.fixture
def city(earlier, tmp_path):
    """A copy of the earlier registry and output in a folder of their own: (folder, registry, output)."""
    folder = tmp_path / 'city'
    folder.mkdir()
    for path in earlier:
        shutil.copy(path, folder / path.name)
    return folder, folder / 'registry.gpkg', folder / 'coded.gpkg'


def cancel_at(n):
    """A feedback that cancels at its n-th progress report (and counts them)."""
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.reports = []
            self.progressChanged.connect(self._report)

        def _report(self, value):
            self.reports.append(value)
            if len(self.reports) == n:
                self.cancel()
    return Feedback()


# --- cancel at every progress step ------------------------------------------------------------

def test_a_run_reports_progress_at_each_step_and_registry_and_output_agree(run_alg, city, sample_gpkg):
    folder, registry, output = city
    feedback = cancel_at(0)                       # never cancels
    run_alg(ALG, params(sample_gpkg, registry, output), feedback=feedback)
    # one report per input opened, one per core step (7), the staged output (95 %), the published (100 %)
    assert len(feedback.reports) >= 9 and feedback.reports[-2:] == [95, 100]
    assert_agree(registry, output)
    assert len(output_codes(output)) > 8000                          # all the sample's buildings …
    assert sorted(os.listdir(folder)) == ['coded.gpkg', 'registry.gpkg']   # … and no temporary left


def test_cancel_at_each_progress_step_leaves_both_files_or_publishes_both(run_alg, city, sample_gpkg):
    from qgis.core import QgsProcessingException
    folder, registry, output = city
    counting = cancel_at(0)
    run_alg(ALG, params(sample_gpkg, registry, output), feedback=counting)
    reports = len(counting.reports)
    for n in range(1, reports + 1):
        before = snapshot(folder)
        feedback = cancel_at(n)
        try:
            run_alg(ALG, params(sample_gpkg, registry, output), feedback=feedback)
        except QgsProcessingException as exc:
            assert 'Canceled' in str(exc) and n < reports, n
            assert snapshot(folder) == before, f'a run canceled at report {n} changed a byte of the registry or the output'
        else:                                      # canceled after the commit: the run completes
            assert n == reports
            assert_agree(registry, output)
            assert sorted(os.listdir(folder)) == ['coded.gpkg', 'registry.gpkg']


# --- failures after the codes were drawn --------------------------------------------------------

def test_a_failure_while_writing_the_output_leaves_both_files(run_alg, city, sample_gpkg, monkeypatch):
    from qgis.core import QgsProcessingException
    from spatial_planning_monitor.bridge import frames
    from spatial_planning_monitor.core.io import gdal_frames
    folder, registry, output = city
    before = snapshot(folder)
    real_sink, real_file = frames.write_features, gdal_frames.write_frame

    def half_then_fail(sink, features, feedback=None, chunk=10000):      # through QGIS's sink
        real_sink(sink, features[:len(features) // 2], feedback)
        raise OSError(28, 'No space left on device')

    def half_file_then_fail(frame, path, layer, **options):              # through GDAL
        real_file(frame.iloc[:len(frame) // 2], path, layer, **options)
        raise OSError(28, 'No space left on device')
    monkeypatch.setattr(frames, 'write_features', half_then_fail)
    monkeypatch.setattr(gdal_frames, 'write_frame', half_file_then_fail)
    with pytest.raises((QgsProcessingException, OSError), match='No space left'):
        run_alg(ALG, params(sample_gpkg, registry, output))
    assert snapshot(folder) == before


def test_a_failing_commit_leaves_both_files(run_alg, city, sample_gpkg, monkeypatch):
    from qgis.core import QgsProcessingException
    from spatial_planning_monitor.core.codes import registry as core_registry
    folder, registry, output = city
    before = snapshot(folder)

    def disk_full(self):
        self.rollback()
        raise sqlite3.OperationalError('database or disk is full')
    monkeypatch.setattr(core_registry.Registry, 'commit', disk_full)
    with pytest.raises((QgsProcessingException, sqlite3.OperationalError), match='disk is full'):
        run_alg(ALG, params(sample_gpkg, registry, output))
    assert snapshot(folder) == before


def test_output_that_cannot_be_published_after_the_commit_says_the_codes_are_registered(
        run_alg, city, sample_gpkg, monkeypatch):
    """The one failure after the commit: the message says the registry holds the run, and the
    next run gives the same buildings the same codes (registered, so never issued twice)."""
    from qgis.core import QgsProcessingException
    folder, registry, output = city
    earlier_output = digest(output)
    from spatial_planning_monitor.provider import destinations

    def refuse(dest, staged, umask):
        raise PermissionError(13, 'Permission denied', dest.path)
    monkeypatch.setattr(destinations, '_publish', refuse)
    with pytest.raises(QgsProcessingException, match=r'in the registry \(run 2\).*Run again'):
        run_alg(ALG, params(sample_gpkg, registry, output))
    monkeypatch.undo()
    assert digest(output) == earlier_output
    assert sorted(os.listdir(folder)) == ['coded.gpkg', 'registry.gpkg']
    registered, _, runs = registry_state(registry)
    assert len(runs) == 2
    run_alg(ALG, params(sample_gpkg, registry, output))
    assert set(output_codes(output)) == registered     # the same codes, now in the output
    assert_agree(registry, output)


# --- kill -9 ------------------------------------------------------------------------------------

def run_and_kill(values, when, timeout=120, args=None):
    """Start qgis_process (``args``, default: this algorithm with ``values``), kill -9 it as soon
    as ``when()`` is true; returns its return code."""
    process = subprocess.Popen([QGIS_PROCESS, *(args or cli_args(values))], env=qgis_process_env(),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    try:
        while process.poll() is None and time.monotonic() < deadline:
            if when():
                process.send_signal(signal.SIGKILL)
                break
            time.sleep(0.002)
    finally:
        if process.poll() is None and time.monotonic() >= deadline:
            process.kill()
        process.wait()
    return process.returncode


def test_killed_while_the_output_is_written_leaves_registry_and_output_unchanged(qgis_process, city,
                                                                                    sample_gpkg):
    folder, registry, output = city
    before = {name: digest(folder / name) for name in ('registry.gpkg', 'coded.gpkg')}
    before_state = registry_state(registry)
    staging = lambda: glob.glob(str(folder / '.spm-run-*' / 'coded.gpkg'))   # noqa: E731
    assert run_and_kill(params(sample_gpkg, registry, output), staging) == -signal.SIGKILL
    assert os.path.exists(f'{registry}-journal')          # killed inside the registry's transaction
    assert digest(output) == before['coded.gpkg']
    assert registry_state(registry) == before_state       # a hot journal, if any, rolled back …
    assert digest(registry) == before['registry.gpkg']    # … to the very bytes of before
    done = qgis_process(*cli_args(params(sample_gpkg, registry, output)))
    assert done.returncode == 0, done.stderr + done.stdout
    assert_agree(registry, output)


def test_a_killed_first_run_leaves_no_registry(qgis_process, tmp_path, sample_gpkg):
    registry, output = tmp_path / 'new.gpkg', tmp_path / 'coded.gpkg'
    drawn = lambda: glob.glob(str(tmp_path / '.spm-run-*' / 'coded.gpkg'))   # noqa: E731
    assert run_and_kill(params(sample_gpkg, registry, output), drawn) == -signal.SIGKILL
    assert not registry.exists() and not output.exists()
    visible = [name for name in os.listdir(tmp_path) if not name.startswith('.')]
    assert visible == []


# --- two runs creating one registry -------------------------------------------------------------

def test_two_processes_creating_one_registry_never_remove_each_others_file(qgis_process, tmp_path, sample_gpkg):
    registry = tmp_path / 'registry.gpkg'
    outputs = [tmp_path / 'a.gpkg', tmp_path / 'b.gpkg']
    runs = [subprocess.Popen([QGIS_PROCESS, *cli_args(params(sample_gpkg, registry, out, FIRST))],
                             env=qgis_process_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            for out in outputs]
    results = [(run.returncode, text) for run, (text, _) in ((run, run.communicate(timeout=300)) for run in runs)]
    won = [out for out, (code, _) in zip(outputs, results) if code == 0]
    lost = [text for code, text in results if code != 0]
    assert won, results
    for text in lost:        # the loser says why and leaves nothing
        assert 'another run created this registry' in text or 'locked by another program' in text, text
    assert sorted(os.listdir(tmp_path)) == sorted(['registry.gpkg'] + [out.name for out in won])
    _, _, registry_runs = registry_state(registry)
    assert len(registry_runs) == len(won)
    for out in won:          # the same buildings: the second winner kept the first one's codes
        assert_agree(registry, out)


# --- REGISTRY paths -----------------------------------------------------------------------------

NAMES = {
    'percent': 'a%2e%2e/r%25 100%.gpkg', 'question': 'why?/r?mode=ro.gpkg', 'hash': 'no#1/r#2.gpkg',
    'spaces': 'my data/code registry.gpkg', 'chinese': '莆田/房屋编码.gpkg', 'dots': 'real/sub/../r.gpkg',
}


@pytest.mark.parametrize('case', sorted(NAMES))
def test_registry_path_goes_exactly_where_named(run_alg, tmp_path, sample_gpkg, case):
    (tmp_path / 'real' / 'sub').mkdir(parents=True)
    os.makedirs(os.path.dirname(tmp_path / NAMES[case]), exist_ok=True)
    output = tmp_path / 'coded.gpkg'
    run_alg(ALG, params(sample_gpkg, tmp_path / NAMES[case], output, '"fid" <= 300'))
    written = sorted(os.path.relpath(os.path.join(root, name), tmp_path)
                     for root, _, names in os.walk(tmp_path) for name in names)
    assert written == sorted(['coded.gpkg', os.path.normpath(NAMES[case])])
    assert_agree(tmp_path / NAMES[case], output)


def test_dot_dot_after_a_link_goes_where_the_system_resolves_it(run_alg, tmp_path, sample_gpkg):
    (tmp_path / 'real' / 'sub').mkdir(parents=True)
    os.symlink(tmp_path / 'real' / 'sub', tmp_path / 'link')
    decoy = tmp_path / 'r.gpkg'                     # where a lexical normalisation would write
    decoy.write_bytes(b'someone else\'s file')
    run_alg(ALG, params(sample_gpkg, tmp_path / 'link' / '..' / 'r.gpkg', tmp_path / 'coded.gpkg', '"fid" <= 300'))
    assert decoy.read_bytes() == b'someone else\'s file'
    assert_agree(tmp_path / 'real' / 'r.gpkg', tmp_path / 'coded.gpkg')


def test_registry_path_characters_from_qgis_process(qgis_process, tmp_path, sample_gpkg):
    folder = tmp_path / 'a%2e%2e #1'
    folder.mkdir()
    registry, output = folder / '房屋 编码?%25.gpkg', tmp_path / 'coded.gpkg'
    done = qgis_process(*cli_args(params(sample_gpkg, registry, output, '"fid" <= 300')))
    assert done.returncode == 0, done.stderr + done.stdout
    assert os.listdir(folder) == [registry.name] and sorted(os.listdir(tmp_path)) == sorted([folder.name, 'coded.gpkg'])
    assert_agree(registry, output)


# --- REGISTRY that is an input or the output ------------------------------------------------------

def collisions(sample_gpkg, tmp_path):
    """{case: (the parameter REGISTRY collides with, the parameters)}; every file pre-exists."""
    os.symlink(sample_gpkg, tmp_path / 'link.gpkg')
    shutil.copy(sample_gpkg, tmp_path / 'admin.gpkg')
    shutil.copy(sample_gpkg, tmp_path / 'earlier_output.gpkg')
    new_output, earlier_output = tmp_path / 'o.gpkg', tmp_path / 'earlier_output.gpkg'
    return {
        'buildings file': ('BUILDINGS', params(sample_gpkg, sample_gpkg, new_output)),
        'link to it': ('BUILDINGS', params(sample_gpkg, tmp_path / 'link.gpkg', new_output)),
        'admin file': ('ADMIN', dict(params(sample_gpkg, tmp_path / 'admin.gpkg', new_output),
                                     ADMIN=f'{tmp_path / "admin.gpkg"}|layername=townships')),
        'output file': ('OUTPUT', params(sample_gpkg, earlier_output, earlier_output)),
    }


@pytest.mark.parametrize('case', ['buildings file', 'link to it', 'admin file', 'output file'])
def test_registry_that_is_an_input_or_the_output_is_refused_untouched(run_alg, tmp_path, sample_gpkg, case):
    from qgis.core import QgsProcessingException
    other, values = collisions(sample_gpkg, tmp_path)[case]
    before = {path: digest(path) for path in (sample_gpkg, tmp_path / 'admin.gpkg', tmp_path / 'earlier_output.gpkg')}
    listing = sorted(os.listdir(tmp_path))
    with pytest.raises(QgsProcessingException, match=rf'REGISTRY.*\({other}\)|\({other}\).*REGISTRY'):
        run_alg(ALG, values)
    assert {path: digest(path) for path in before} == before
    assert sorted(os.listdir(tmp_path)) == listing


def test_registry_that_is_the_input_is_refused_from_qgis_process(qgis_process, tmp_path, sample_gpkg):
    before = digest(sample_gpkg)
    done = qgis_process(*cli_args(params(sample_gpkg, sample_gpkg, tmp_path / 'o.gpkg')))
    assert done.returncode != 0
    assert 'REGISTRY' in done.stdout + done.stderr and 'BUILDINGS' in done.stdout + done.stderr
    assert digest(sample_gpkg) == before and os.listdir(tmp_path) == []


def test_the_published_output_is_loaded_under_its_own_path_and_name(run_alg, city, sample_gpkg):
    """As from the dialog: QGIS loads the output moved into place, not its temporary file."""
    from qgis.core import QgsProcessingContext, QgsProcessingOutputLayerDefinition, QgsProject
    folder, registry, output = city
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    values = dict(params(sample_gpkg, registry, output),
                  OUTPUT=QgsProcessingOutputLayerDefinition(str(output), QgsProject.instance()))
    result = run_alg(ALG, values, context=context)
    loads = context.layersToLoadOnCompletion()
    assert list(loads) == [str(output)] == [result['OUTPUT']]
    assert loads[str(output)].name == 'Coded buildings'
    assert_agree(registry, output)
