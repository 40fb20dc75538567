"""Building codes and their registry: stable across runs, never reused, never duplicated, atomic."""

import errno
import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely import affinity
from shapely.geometry import box

from code_city import CRS, RUN1, RUN2, X0, Y0, code_run, make_buildings, make_townships
from conftest import PLUGINS
from spatial_planning_monitor.core.codes import assign, registry, schemes
from spatial_planning_monitor.core.errors import InputError

def digest(path):
    with open(path, 'rb') as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def table(path):
    codes, runs, _ = registry.read_registry(path)
    return codes.drop(columns=['wkb']), runs


@pytest.fixture
def coded(tmp_path):
    path = str(tmp_path / 'registry.gpkg')
    buildings = make_buildings()
    frame, summary = code_run(path, buildings)
    return path, buildings, frame, summary


# --- first run -----------------------------------------------------------------------------

def test_first_run_codes_every_building_once(coded):
    path, buildings, frame, summary = coded
    scheme = schemes.get_scheme()
    assert summary['issued'] == len(buildings) == 1500 and summary['kept'] == summary['retired'] == 0
    assert frame['BUILDING_CODE'].is_unique and (frame['CODE_STATUS'] == 'new').all()
    assert all(scheme.validate(c).valid for c in frame['BUILDING_CODE'])
    # the code starts with the township holding the centroid, then the building's year
    centroids = buildings.geometry.centroid
    joined = gpd.sjoin(gpd.GeoDataFrame(geometry=centroids, crs=CRS), make_townships(), predicate='within')
    assert (frame.loc[joined.index, 'BUILDING_CODE'].str[:9] == joined['code']).all()
    assert (frame['BUILDING_CODE'].str[9:13].astype(int) == buildings['year']).all()
    # sequences run 1..k without gaps inside each township and year
    parts = frame['BUILDING_CODE'].str.extract(r'^(\d{9})(\d{4})(\d{4})')
    for _, group in parts.groupby([0, 1]):
        assert sorted(group[2].astype(int)) == list(range(1, len(group) + 1))
    codes, runs = table(path)
    assert len(codes) == 1500 and (codes['status'] == 'active').all()
    assert runs[['run', 'issued', 'active_after', 'total_after']].values.tolist() == [[1, 1500, 1500, 1500]]


def test_beidou_code_is_at_a_point_inside_the_building(coded):
    from spatial_planning_monitor.core.codes import beidou
    from pyproj import Transformer
    _, buildings, frame, _ = coded
    cells = beidou.decode(frame['BEIDOU_CODE'].to_numpy(dtype=str))
    assert (cells['level'] == 8).all()
    to_lnglat = Transformer.from_crs(CRS, 'EPSG:4490', always_xy=True)
    west, south = to_lnglat.transform(buildings.bounds['minx'].values, buildings.bounds['miny'].values)
    east, north = to_lnglat.transform(buildings.bounds['maxx'].values, buildings.bounds['maxy'].values)
    centre_x = (cells['west'] + cells['east']) / 2
    centre_y = (cells['south'] + cells['north']) / 2
    assert np.all((centre_x > west - 1e-5) & (centre_x < east + 1e-5))
    assert np.all((centre_y > south - 1e-5) & (centre_y < north + 1e-5))


def test_the_registry_is_a_geopackage_with_unique_codes(coded):
    path = coded[0]
    connection = sqlite3.connect(path)
    (application_id,) = connection.execute('PRAGMA application_id').fetchone()
    assert application_id == 0x47504B47
    assert connection.execute("SELECT geometry_type_name FROM gpkg_geometry_columns").fetchone() == ('MULTIPOLYGON',)
    row = connection.execute(f'SELECT code, admin_code, year, sequence FROM {registry.TABLE} LIMIT 1').fetchone()
    with pytest.raises(sqlite3.IntegrityError):
        connection.execute(f"INSERT INTO {registry.TABLE} (code, admin_code, year, sequence, status, issued_on, "
                           f"issued_run) VALUES (?, '1', 1, 1, 'active', '2024-01-01', 9)", (row[0],))
    with pytest.raises(sqlite3.IntegrityError):
        connection.execute(f"INSERT INTO {registry.TABLE} (code, admin_code, year, sequence, status, issued_on, "
                           f"issued_run) VALUES ('other', ?, ?, ?, 'active', '2024-01-01', 9)", row[1:])
    connection.close()


# --- re-run: stability ---------------------------------------------------------------------

def test_rerun_keeps_codes_retires_vanished_and_never_reuses(coded):
    path, buildings, first, _ = coded
    rng = np.random.default_rng(11)
    gone = rng.random(len(buildings)) < 0.10
    survivors = buildings[~gone].copy()
    # edited layer: new feature ids, rows shuffled, some footprints redrawn slightly larger
    redrawn = rng.random(len(survivors)) < 0.2
    survivors.loc[redrawn, 'geometry'] = survivors.geometry[redrawn].apply(lambda g: affinity.scale(g, 1.1, 1.1))
    original_code = first['BUILDING_CODE'][~gone].to_numpy()
    survivors['was'] = original_code
    survivors.index = pd.Index(np.arange(len(survivors)) + 100_000, name='fid')
    added = make_buildings(120, seed=99, first_id=900_000)
    added['year'] = 2018
    added['was'] = None
    second_input = pd.concat([survivors, added]).sample(frac=1, random_state=5)
    second_input = gpd.GeoDataFrame(second_input, geometry='geometry', crs=CRS)
    # some of the 120 new footprints overlap surviving ones: the run must still not merge codes
    before_codes, _ = table(path)

    frame, summary = code_run(path, second_input, day=RUN2)

    kept = frame[frame['was'].notna()]
    assert (kept['BUILDING_CODE'] == kept['was']).all(), 'an existing building changed its code'
    assert (kept['CODE_STATUS'] == 'kept').all()
    fresh = frame[frame['was'].isna()]
    assert (fresh['CODE_STATUS'] == 'new').all()
    assert not set(fresh['BUILDING_CODE']) & set(before_codes['code']), 'a code was reused'
    assert frame['BUILDING_CODE'].is_unique
    # the new codes continue after the highest sequence ever issued in their township and year
    last = before_codes.groupby(['admin_code', 'year'])['sequence'].max()
    parts = fresh['BUILDING_CODE'].str.extract(r'^(\d{9})(\d{4})(\d{4})')
    for (admin, year), group in parts.groupby([0, 1]):
        start = last.get((admin, int(year)), 0)
        assert sorted(group[2].astype(int)) == list(range(start + 1, start + 1 + len(group)))

    codes, runs = table(path)
    n_gone, n_new = int(gone.sum()), len(added)
    assert summary['kept'] == len(survivors) and summary['issued'] == n_new and summary['retired'] == n_gone
    assert len(codes) == 1500 + n_new
    assert (codes['status'] == 'retired').sum() == n_gone
    assert set(codes.loc[codes['status'] == 'retired', 'code']) == set(first['BUILDING_CODE'][gone])
    assert (codes.loc[codes['status'] == 'retired', 'retired_on'] == RUN2.isoformat()).all()
    assert runs[['issued', 'retired', 'active_after', 'total_after']].values.tolist() == [
        [1500, 0, 1500, 1500], [n_new, n_gone, 1500 - n_gone + n_new, 1500 + n_new]]

    # a third run on the same layer changes nothing
    third, summary3 = code_run(path, second_input, day=RUN2)
    assert (third['BUILDING_CODE'] == frame['BUILDING_CODE']).all()
    assert summary3['issued'] == summary3['retired'] == 0
    # a retired building's footprint drawn again is a new building with a new code
    back = buildings[gone].iloc[:3].copy()
    back.index = pd.Index([990_001, 990_002, 990_003], name='fid')
    fourth, _ = code_run(path, gpd.GeoDataFrame(pd.concat([second_input, back]), crs=CRS), day=RUN2)
    assert not set(fourth.loc[back.index, 'BUILDING_CODE']) & set(codes['code'])


def test_split_and_merge_give_the_old_code_to_the_best_overlap(tmp_path):
    path = str(tmp_path / 'r.gpkg')
    a, b = box(X0 + 100, Y0 + 100, X0 + 140, Y0 + 120), box(X0 + 300, Y0 + 300, X0 + 320, Y0 + 320)
    first, _ = code_run(path, gpd.GeoDataFrame({'year': [2020, 2020]}, geometry=[a, b], crs=CRS))
    # a is split 70/30; b is merged with a new neighbour into one footprint twice its size minus a bit
    pieces = [box(X0 + 100, Y0 + 100, X0 + 128, Y0 + 120), box(X0 + 128, Y0 + 100, X0 + 140, Y0 + 120),
              box(X0 + 300, Y0 + 300, X0 + 335, Y0 + 320)]
    second, summary = code_run(path, gpd.GeoDataFrame({'year': [2020] * 3}, geometry=pieces, crs=CRS), day=RUN2)
    assert second['BUILDING_CODE'].iloc[0] == first['BUILDING_CODE'].iloc[0]      # the 70 % piece
    assert second['CODE_STATUS'].iloc[1] == 'new'
    assert second['BUILDING_CODE'].iloc[2] == first['BUILDING_CODE'].iloc[1]      # 20/35 of it is b
    assert summary['retired'] == 0


# --- townships -----------------------------------------------------------------------------

def test_boundary_buildings_go_to_the_centroids_township_and_outside_ones_are_reported(tmp_path):
    path = str(tmp_path / 'r.gpkg')
    straddling = box(X0 + 990, Y0 + 500, X0 + 1030, Y0 + 520)   # 10 m west of the line, 30 m east
    outside = box(X0 - 200, Y0 + 500, X0 - 180, Y0 + 520)
    frame, summary = code_run(path, gpd.GeoDataFrame({'year': [2020, 2020]}, geometry=[straddling, outside],
                                                     index=pd.Index([7, 8], name='fid'), crs=CRS))
    assert frame.loc[7, 'BUILDING_CODE'].startswith('350302002') and frame.loc[7, 'ADMIN_CODE'] == '350302002'
    assert frame.loc[8, 'CODE_STATUS'] == 'outside' and frame.loc[8, 'BUILDING_CODE'] is None
    assert summary['outside'] == 1 and summary['outside_ids'] == [8] and summary['issued'] == 1


def test_a_centroid_exactly_on_a_boundary_goes_to_the_lowest_township_code(tmp_path):
    across = box(X0 + 990, Y0 + 300, X0 + 1010, Y0 + 320)    # centroid on the line x = X0 + 1000
    frame, summary = code_run(str(tmp_path / 'r.gpkg'), gpd.GeoDataFrame({'year': [2020]}, geometry=[across], crs=CRS))
    assert frame['ADMIN_CODE'].iloc[0] == '350302001' and frame['BUILDING_CODE'].iloc[0].startswith('350302001')
    assert summary['ambiguous_township'] == 1 and summary['outside'] == 0
    # 2 cm east of the line is not on it: the township holding the centroid, not the lowest code
    nearly = box(X0 + 990.02, Y0 + 300, X0 + 1010.02, Y0 + 320)
    frame, summary = code_run(str(tmp_path / 's.gpkg'), gpd.GeoDataFrame({'year': [2020]}, geometry=[nearly], crs=CRS))
    assert frame['ADMIN_CODE'].iloc[0] == '350302002' and summary['ambiguous_township'] == 0


def test_bad_township_codes_and_years_stop_before_writing(tmp_path):
    path = str(tmp_path / 'r.gpkg')
    towns = make_townships()
    towns.loc[2, 'code'] = '35030300'
    with pytest.raises(InputError, match=r'9-digit .* features 2 \(“35030300”\)'):
        code_run(path, make_buildings(10), towns)
    assert not os.path.exists(path)
    buildings = make_buildings(10)
    buildings['year'] = buildings['year'].astype(object)
    buildings.loc[4, 'year'] = 'about 1990'
    with pytest.raises(InputError, match='features 4'):
        code_run(path, buildings)
    assert not os.path.exists(path)


def test_sequence_overflow_is_an_error_naming_the_township(tmp_path, monkeypatch):
    scheme = schemes.get_scheme()
    monkeypatch.setattr(type(scheme), 'max_sequence', property(lambda self: 50))
    with pytest.raises(InputError, match='350302001 / 2015'):
        code_run(str(tmp_path / 'r.gpkg'), make_buildings(1500), scheme=scheme)


# --- a registry that cannot be used is left unchanged --------------------------------------

def test_locked_registry_stops_the_run_and_is_unchanged(coded):
    path, buildings = coded[0], coded[1]
    before = digest(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute('BEGIN IMMEDIATE')            # e.g. an editing session in QGIS
    try:
        with pytest.raises(registry.RegistryError, match='locked'):
            code_run(path, buildings.iloc[:100], day=RUN2)
    finally:
        holder.execute('ROLLBACK')
        holder.close()
    assert digest(path) == before


def test_read_only_registry_stops_the_run_and_is_unchanged(coded):
    path, buildings = coded[0], coded[1]
    before = digest(path)
    os.chmod(path, 0o444)
    try:
        with pytest.raises(registry.RegistryError, match='read-only'):
            code_run(path, buildings.iloc[:100], day=RUN2)
    finally:
        os.chmod(path, 0o644)
    assert digest(path) == before


def test_registry_of_another_scheme_is_refused_and_unchanged(coded):
    path, buildings = coded[0], coded[1]
    before = digest(path)
    with pytest.raises(registry.RegistryError, match='“default23”, this run uses “draft23_luhn”'):
        code_run(path, buildings, scheme=schemes.get_scheme('draft23_luhn'), day=RUN2)
    assert digest(path) == before


def test_a_file_that_is_not_a_registry_is_refused(tmp_path):
    text = tmp_path / 'notes.gpkg'
    text.write_text('not a database at all' * 100)
    with pytest.raises(registry.RegistryError, match='not a GeoPackage'):
        code_run(str(text), make_buildings(5))
    other = tmp_path / 'other.gpkg'
    make_townships().to_file(other, driver='GPKG')
    before = digest(other)
    with pytest.raises(registry.RegistryError, match='not a building code registry'):
        code_run(str(other), make_buildings(5))
    assert digest(other) == before


def test_a_failure_mid_run_rolls_everything_back(coded, monkeypatch):
    path = coded[0]
    before = table(path)
    monkeypatch.setattr(registry.Registry, 'retire', lambda *a, **k: (_ for _ in ()).throw(RuntimeError('disk full')))
    changed = make_buildings(1600, seed=8, first_id=50_000)
    with pytest.raises(RuntimeError, match='disk full'):
        code_run(path, changed, day=RUN2)
    after = table(path)
    pd.testing.assert_frame_equal(before[0], after[0])
    pd.testing.assert_frame_equal(before[1], after[1])


def test_a_crash_mid_run_leaves_the_registry_as_before(coded):
    """The process dies (os._exit, no cleanup) after writing new rows, before committing."""
    path = coded[0]
    before = table(path)
    before_digest = digest(path)
    script = textwrap.dedent(f"""
        import os, sys, datetime
        here = {os.path.dirname(os.path.abspath(__file__))!r}
        sys.path[:0] = [{str(PLUGINS)!r}, os.path.dirname(here)]
        from spatial_planning_monitor.core.codes import registry
        import code_city as t
        original = registry.Registry.issue
        def issue_then_crash(self, *args, **kwargs):
            self.connection.execute('PRAGMA cache_size = 20')   # spill the run's pages to the file
            original(self, *args, **kwargs)
            os._exit(3)
        registry.Registry.issue = issue_then_crash
        t.code_run({path!r}, t.make_buildings(20000, seed=21, first_id=10**6), day=t.RUN2)
    """)
    done = subprocess.run([sys.executable, '-c', script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 3, done.stderr
    assert os.path.exists(path + '-journal')      # died inside the transaction: a hot journal
    assert digest(path) != before_digest          # … and pages of the run already in the file
    after = table(path)                       # opening rolls the hot journal back
    pd.testing.assert_frame_equal(before[0], after[0])
    pd.testing.assert_frame_equal(before[1], after[1])
    connection = sqlite3.connect(path)
    assert connection.execute('PRAGMA integrity_check').fetchone() == ('ok',)
    connection.close()


# --- creating a registry: atomic, never at another's expense -------------------------------

def files_under(folder):
    return sorted(os.path.relpath(os.path.join(root, name), folder)
                  for root, _, names in os.walk(folder) for name in names)


def start_run(path, buildings, day=RUN1):
    """An open registry with a coding run done but not committed: (registry, frame)."""
    reg = registry.open_registry(path, schemes.get_scheme(), buildings.crs)
    frame, _ = assign.assign_codes(reg, buildings, make_townships(), 'code', 'year', 8, day=day)
    return reg, frame


def test_a_new_registry_appears_only_when_the_run_commits(tmp_path):
    path = str(tmp_path / 'registry.gpkg')
    reg, frame = start_run(path, make_buildings(50))
    assert not os.path.exists(path)                     # still the run's own temporary file
    assert os.listdir(tmp_path) and all(name.startswith('.registry.gpkg.') for name in os.listdir(tmp_path))
    reg.commit()
    assert files_under(tmp_path) == ['registry.gpkg']
    codes, _ = table(path)
    assert sorted(codes['code']) == sorted(frame['BUILDING_CODE'])
    umask = os.umask(0o022)
    os.umask(umask)
    assert os.stat(path).st_mode & 0o777 == 0o666 & ~umask


def test_a_failed_or_canceled_first_run_leaves_no_file_at_all(tmp_path):
    path = str(tmp_path / 'registry.gpkg')
    reg, _ = start_run(path, make_buildings(50))
    reg.rollback()
    with pytest.raises(InputError, match='6-digit'):      # refused inside the run
        code_run(path, make_buildings(50), scheme=schemes.get_scheme('city_county17'))
    assert files_under(tmp_path) == []


@pytest.mark.parametrize('hard_links', [True, False])
def test_two_runs_creating_one_registry_never_remove_each_others_file(tmp_path, monkeypatch, hard_links):
    """Both start while no registry exists; the first to commit wins, the other gets
    RegistryRaced, leaves nothing behind, and the winner's file is byte for byte intact."""
    if not hard_links:                                  # a share without hard links
        def no_link(*args):
            raise OSError(errno.EPERM, 'Operation not permitted')
        monkeypatch.setattr(os, 'link', no_link)
    path = str(tmp_path / 'registry.gpkg')
    first, first_frame = start_run(path, make_buildings(40, seed=1))
    second, _ = start_run(path, make_buildings(60, seed=2))
    first.commit()
    winner = digest(path)
    with pytest.raises(registry.RegistryRaced, match='another run created this registry'):
        second.commit()
    assert files_under(tmp_path) == ['registry.gpkg'] and digest(path) == winner
    codes, runs = table(path)
    assert sorted(codes['code']) == sorted(first_frame['BUILDING_CODE']) and len(runs) == 1
    # the loser runs again and codes against the winner's registry
    frame, summary = code_run(path, make_buildings(60, seed=2), day=RUN2)
    codes, runs = table(path)
    assert set(frame['BUILDING_CODE']) <= set(codes['code']) and len(codes) == 100 and len(runs) == 2


NAMES = {
    'percent': 'a%2e%2e/r%25 100%.gpkg', 'question': 'why?/r?mode=ro.gpkg', 'hash': 'no#1/r#2.gpkg',
    'spaces': 'my data/code registry.gpkg', 'chinese': '莆田/房屋编码.gpkg', 'dots': 'real/sub/../r.gpkg',
}


@pytest.mark.parametrize('case', sorted(NAMES))
def test_registry_paths_go_exactly_where_named(tmp_path, case):
    (tmp_path / 'real' / 'sub').mkdir(parents=True)
    os.makedirs(os.path.dirname(tmp_path / NAMES[case]), exist_ok=True)
    before = files_under(tmp_path)
    path = str(tmp_path / NAMES[case])
    frame, _ = code_run(path, make_buildings(30))
    expected = os.path.normpath(NAMES[case])
    assert files_under(tmp_path) == sorted(before + [expected])
    codes, _ = table(path)
    assert sorted(codes['code']) == sorted(frame['BUILDING_CODE'])
    code_run(path, make_buildings(30), day=RUN2)        # reopened: the same file, two runs
    assert len(table(path)[1]) == 2 and files_under(tmp_path) == sorted(before + [expected])


def test_dot_dot_after_a_link_goes_where_the_system_resolves_it(tmp_path):
    """``link/../r.gpkg`` with link -> real/sub is real/r.gpkg (what SQLite and QGIS open), not
    the r.gpkg beside link that a lexical normalisation would pick."""
    (tmp_path / 'real' / 'sub').mkdir(parents=True)
    os.symlink(tmp_path / 'real' / 'sub', tmp_path / 'link')
    decoy = tmp_path / 'r.gpkg'
    decoy.write_bytes(b'not mine')
    code_run(str(tmp_path / 'link' / '..' / 'r.gpkg'), make_buildings(30))
    assert decoy.read_bytes() == b'not mine'
    assert len(table(str(tmp_path / 'real' / 'r.gpkg'))[0]) == 30
    assert registry.same_file(tmp_path / 'link' / '..' / 'r.gpkg', tmp_path / 'real' / 'r.gpkg')
    assert not registry.same_file(tmp_path / 'link' / '..' / 'r.gpkg', decoy)
