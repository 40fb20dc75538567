"""Bad input layers, for every algorithm that reads one: a clear message naming the layer before
any output is written (no CRS, wrong geometry type, a table without geometry), or a warning and
an empty result that says so (an empty layer)."""

import os
import sqlite3
import subprocess

import pytest

import runs
from runs import city  # noqa: F401 (the fixture)

ALGORITHMS = sorted(runs.MAIN_INPUT)



def one_layer(city, name, folder, out_name, sql=None):
    """A GeoPackage holding only sample layer ``name`` (optionally filtered by ``sql``)."""
    gpkg, _ = city
    path = str(folder / out_name)
    args = ['ogr2ogr', '-f', 'GPKG', path, gpkg, name, '-nln', name]
    if sql:
        args[-3:-2] = []
        args += ['-sql', sql, '-dialect', 'SQLite']
    subprocess.run(args, check=True, capture_output=True)
    return path


class Recording:
    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.warnings = []

            def pushWarning(self, text):  # noqa: N802
                self.warnings.append(text)
        return Feedback()


def failing(run_alg, alg, params):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException) as caught:
        run_alg(alg, params)
    return str(caught.value)


@pytest.mark.parametrize('srs', [0, -1, 'none'])
@pytest.mark.parametrize('alg', ALGORITHMS)
def test_a_layer_without_crs_stops_naming_it(run_alg, city, tmp_path, alg, srs):
    param, layer = runs.MAIN_INPUT[alg]
    path = one_layer(city, layer, tmp_path, 'nocrs.gpkg')
    if srs == 'none':                       # a shapefile without .prj
        shp = str(tmp_path / 'nocrs.shp')
        subprocess.run(['ogr2ogr', '-f', 'ESRI Shapefile', shp, path], check=True, capture_output=True)
        os.remove(str(tmp_path / 'nocrs.prj'))
        source = shp
    else:                                   # GeoPackage srs_id 0 / -1: “Undefined … SRS”
        with sqlite3.connect(path) as db:
            db.execute('update gpkg_contents set srs_id = ?', (srs,))
            db.execute('update gpkg_geometry_columns set srs_id = ?', (srs,))
        source = f'{path}|layername={layer}'
    out = tmp_path / 'out'
    out.mkdir()
    params = runs.params(alg, city[0], str(out), city[1])
    params[param] = source
    message = failing(run_alg, alg, params)
    assert 'coordinate reference system' in message and param in message, message
    assert os.listdir(out) == []


@pytest.mark.parametrize('alg', [a for a in ALGORITHMS if a not in ('spm:beidou_grid_code', 'spm:link_codes')])   # any geometry there
def test_lines_where_polygons_or_points_are_needed_stop(run_alg, city, tmp_path, alg):
    param, layer = runs.MAIN_INPUT[alg]
    params = runs.params(alg, city[0], str(tmp_path), city[1])
    params[param] = f'{city[0]}|layername=roads'
    message = failing(run_alg, alg, params)
    assert 'roads' in message and param in message and 'lines' in message, message
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize('alg', ALGORITHMS)
def test_a_table_without_geometry_stops(run_alg, city, tmp_path, alg):
    param, layer = runs.MAIN_INPUT[alg]
    params = runs.params(alg, city[0], str(tmp_path), city[1])
    params[param] = f'{city[0]}|layername=energy_use'
    message = failing(run_alg, alg, params)
    assert 'energy_use' in message and 'without geometry' in message, message
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize('alg', ALGORITHMS)
def test_an_empty_layer_warns_and_gives_an_empty_result(run_alg, city, tmp_path, alg):
    from qgis.core import QgsProcessingException
    param, layer = runs.MAIN_INPUT[alg]
    path = one_layer(city, layer, tmp_path, 'empty.gpkg', sql=f'select * from {layer} where 0')
    out = tmp_path / 'out'
    out.mkdir()
    params = runs.params(alg, city[0], str(out), city[1])
    params[param] = path
    feedback = Recording()
    try:
        run_alg(alg, params, feedback=feedback)
    except QgsProcessingException as exc:     # a clear stop is fine too, but it must say why
        assert 'Unexpected' not in str(exc) and ('empty' in str(exc) or ' has no ' in str(exc)), str(exc)
        assert os.listdir(out) == []
        return
    assert any('empty' in w and param in w for w in feedback.warnings), feedback.warnings
