"""The do-no-harm promises through qgis_process, the way batch users run the algorithms."""

import hashlib
import os
import signal
import subprocess
import time


from conftest import QGIS_PROCESS, qgis_process_env

import runs
from runs import city  # noqa: F401 (the fixture)


def digest(path):
    with open(path, 'rb') as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def args(alg, params):
    out = ['run', alg, '--']
    for name, value in params.items():
        for item in (value if isinstance(value, list) else [value]):
            out.append(f'{name}={item}')
    return out



def test_output_equal_to_input_fails_and_keeps_the_input(qgis_process, city, tmp_path):
    gpkg, sample_dir = city
    before = digest(gpkg)
    params = runs.params('spm:plan_conformance', gpkg, str(tmp_path), sample_dir)
    params['OUTPUT'] = gpkg
    done = qgis_process(*args('spm:plan_conformance', params))
    assert done.returncode != 0
    text = done.stdout + done.stderr
    assert 'CURRENT' in text and 'OUTPUT' in text and 'Traceback' not in text
    assert digest(gpkg) == before


def test_enum_by_index_or_name_and_only_the_main_output(qgis_process, city, tmp_path):
    gpkg, sample_dir = city
    params = runs.params('spm:evaluate_sensor_coverage', gpkg, str(tmp_path), sample_dir)
    del params['SUMMARY']
    for distance in ('0', 'EUCLIDEAN'):
        params['DISTANCE'] = distance
        done = qgis_process(*args('spm:evaluate_sensor_coverage', params), '--json')
        assert done.returncode == 0, done.stdout + done.stderr
        assert set(done.json['results']) == {'OUTPUT'}
        assert sorted(os.listdir(tmp_path)) == ['coverage.gpkg']


def test_a_killed_run_keeps_the_earlier_output(city, tmp_path):
    """kill -9 while the run computes: the earlier result stands, byte for byte."""
    gpkg, sample_dir = city
    alg = 'spm:control_lines'
    params = runs.params(alg, gpkg, str(tmp_path), sample_dir)
    first = subprocess.run([QGIS_PROCESS, *args(alg, params)], env=qgis_process_env(),
                           capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stdout + first.stderr
    before = {name: digest(path) for name, path in runs.outputs(alg, str(tmp_path)).items()}
    for delay in (2.0, 4.0, 6.0):
        process = subprocess.Popen([QGIS_PROCESS, *args(alg, params)], env=qgis_process_env(),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        after = {name: digest(path) for name, path in runs.outputs(alg, str(tmp_path)).items()}
        assert after == before or process.returncode == 0
