"""The batch engine on a LocalCluster gives exactly what the algorithms give on one machine:
the same pieces (attributes and geometries, bit for bit), the same areas, the same summary —
with every AREA_METHOD: PLANAR, ELLIPSOIDAL (the generated county, which has no attribute areas)
and the default on the sample city, whose 三调 fields make it ATTRIBUTE (TBDLMJ shares)."""

import os
import signal
import sys

import numpy as np
import pandas as pd
import pytest

from spatial_planning_monitor.batch import engine, gdalio, jobs, tiling

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture(scope='module')
def client():
    """Two single-threaded worker processes, shared by the tests of this module."""
    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, memory_limit='1GiB', processes=True,
                      dashboard_address=None) as local, Client(local) as c:
        yield c


@pytest.fixture(scope='module')
def county(tmp_path_factory):
    """The benchmark's generated county, small: 12,000 parcels, 600 zones (11 % straddle zones)."""
    sys.path.insert(0, os.path.join(ROOT, 'benchmarks'))
    from bench_conformance import make_county
    return make_county(str(tmp_path_factory.mktemp('county') / 'county.gpkg'), 12_000, 600)


def layer(path, name):
    return f'{path}|layername={name}'


def read(uri, geometry=True):
    return gdalio.read_frame(uri, geometry=geometry).reset_index(drop=True)


def assert_same_rows(expected, got, keys):
    """Same rows (sorted by ``keys``), same values exactly, same geometries exactly."""
    assert len(got) == len(expected)
    assert len(expected) > 0
    order = lambda f: f.assign(**{k: f[k].astype(object).where(f[k].notna(), -1)  # noqa: E731
                                  for k in keys}).sort_values(list(keys), kind='mergesort')
    expected, got = order(expected), order(got)
    for column in expected.columns:
        if column == 'geometry':
            continue
        a, b = expected[column].to_numpy(), got[column].to_numpy()
        if a.dtype.kind == 'f':
            assert np.array_equal(a, b.astype(float), equal_nan=True), column
        else:
            assert [None if pd.isna(v) else v for v in a] == \
                [None if pd.isna(v) else v for v in b], column
    assert all(g.equals_exact(h, 0.0) for g, h in zip(expected.geometry, got.geometry))


def assert_same_table(expected, got):
    assert list(got.columns) == list(expected.columns)
    assert len(got) == len(expected) > 0
    for column in expected.columns:
        a, b = expected[column].to_numpy(), got[column].to_numpy()
        if a.dtype.kind == 'f':
            assert np.array_equal(a, b), column                     # bit for bit
        else:
            assert [str(v) for v in a] == [str(v) for v in b], column


def run_both(run_alg, client, alg, params, tmp_path, tables=('SUMMARY',), method=None, **options):
    """The algorithm and the batch job on the same inputs; ``method``: AREA_METHOD (None: not
    given, so each resolves the default itself)."""
    if method is not None:
        params = dict(params, AREA_METHOD=method)
    ours = {'OUTPUT': str(tmp_path / 'alg.gpkg')}
    ours.update({t: str(tmp_path / f'alg_{t.lower()}.gpkg') for t in tables})
    run_alg(f'spm:{alg}', dict(params, **ours))
    batch = {'OUTPUT': str(tmp_path / 'batch.gpkg')}
    batch.update({t: layer(tmp_path / 'batch.gpkg', t.lower()) for t in tables})
    figures = engine.run(jobs.job(alg, params), batch, client=client, **options)
    return ours, batch, figures


@pytest.fixture
def sample(sample_gpkg):
    return lambda name: layer(sample_gpkg, name)


METHODS = pytest.mark.parametrize('method', ['PLANAR', None])   # None: ATTRIBUTE on the sample


@METHODS
def test_plan_conformance_sample_city(run_alg, client, sample, tmp_path, method):
    params = {'CURRENT': sample('landuse_current'), 'CURRENT_FIELD': 'DLBM',
              'PLAN': sample('landuse_plan'), 'PLAN_FIELD': 'YDYHFLDM'}
    ours, batch, figures = run_both(run_alg, client, 'plan_conformance', params, tmp_path,
                                    method=method, tile_features=1500)
    assert figures['tiles'] >= 6
    expected = read(ours['OUTPUT'])
    assert_same_rows(expected, read(batch['OUTPUT']), ['CUR_FID', 'PLAN_FID', 'AREA_M2'])
    assert_same_table(read(ours['SUMMARY'], False), read(batch['SUMMARY'], False))


@pytest.mark.parametrize('method', ['PLANAR', 'ELLIPSOIDAL'])
def test_plan_conformance_generated_county(run_alg, client, county, tmp_path, method):
    params = {'CURRENT': layer(county, 'parcels'), 'CURRENT_FIELD': 'DLBM',
              'PLAN': layer(county, 'zones'), 'PLAN_FIELD': 'YDYHFLDM'}
    ours, batch, figures = run_both(run_alg, client, 'plan_conformance', params, tmp_path,
                                    method=method, tile_features=1000)
    assert figures['tiles'] >= 12 and figures['features'] == 110 * 109   # the county's grid
    expected = read(ours['OUTPUT'])
    got = read(batch['OUTPUT'])
    assert len(expected) > 12_000          # parcels on zone boundaries are cut: more pieces
    assert_same_rows(expected, got, ['CUR_FID', 'PLAN_FID', 'AREA_M2'])
    # each parcel once: its pieces add up to its area, no duplicate (CUR_FID, PLAN_FID)
    assert not got.duplicated(['CUR_FID', 'PLAN_FID']).any()
    assert_same_table(read(ours['SUMMARY'], False), read(batch['SUMMARY'], False))


@METHODS
def test_control_lines_sample_city(run_alg, client, sample, tmp_path, method):
    params = {'LANDUSE': sample('landuse_current'), 'LANDUSE_FIELD': 'DLBM',
              'ECO_REDLINE': sample('eco_redline'), 'FARMLAND': sample('farmland'),
              'DEV_BOUNDARY': sample('dev_boundary'), 'DISTRICTS': sample('districts'),
              'DISTRICT_FIELD': 'name'}
    ours, batch, _ = run_both(run_alg, client, 'control_lines', params, tmp_path,
                              method=method, tile_features=1500)
    assert_same_rows(read(ours['OUTPUT']), read(batch['OUTPUT']),
                     ['VTYPE', 'CUR_FID', 'DISTRICT', 'AREA_M2'])
    assert_same_table(read(ours['SUMMARY'], False), read(batch['SUMMARY'], False))


@METHODS
def test_landuse_carbon_sample_city(run_alg, client, sample, tmp_path, method):
    params = {'LANDUSE': sample('landuse_current'), 'LANDUSE_FIELD': 'DLBM',
              'DISTRICTS': sample('districts'), 'DISTRICT_FIELD': 'adcode'}
    ours, batch, _ = run_both(run_alg, client, 'landuse_carbon', params, tmp_path,
                              method=method, tile_features=1500)
    expected, got = read(ours['OUTPUT']), read(batch['OUTPUT'])
    columns = ['BSM', 'DLBM', 'LU1', 'AREA_HA', 'COEF', 'EMIS_T', 'SINK_T', 'NET_T', 'DIST',
               'geometry']
    got = got.assign(DIST=got['DIST'].astype(object))
    expected = expected.assign(DIST=expected['DIST'].astype(object))
    assert expected['BSM'].is_unique       # 标识码: the key (attribute areas have equal values)
    assert_same_rows(expected[columns], got[columns], ['BSM'])
    assert_same_table(read(ours['SUMMARY'], False), read(batch['SUMMARY'], False))


@METHODS
def test_landuse_change_sample_city(run_alg, client, sample, tmp_path, method):
    """Patches, the transition matrix (AFTER area outside BEFORE included) and 新增建设用地 by
    district, inside and outside the development boundary."""
    params = {'BEFORE': sample('landuse_previous'), 'BEFORE_FIELD': 'DLBM',
              'AFTER': sample('landuse_current'), 'AFTER_FIELD': 'DLBM', 'LEVEL': '2',
              'DEV_BOUNDARY': sample('dev_boundary'), 'DISTRICTS': sample('districts'),
              'DISTRICT_FIELD': 'name'}
    ours, batch, figures = run_both(run_alg, client, 'landuse_change', params, tmp_path,
                                    tables=('MATRIX', 'NEW_CONSTRUCTION'), method=method,
                                    tile_features=1500)
    assert figures['tiles'] >= 6
    assert_same_rows(read(ours['OUTPUT']), read(batch['OUTPUT']), ['BEF_FID', 'AFT_FID', 'AREA_M2'])
    matrix = read(ours['MATRIX'], False)
    assert len(matrix.columns) > 10 and matrix['TOTAL'].iloc[-1] > 1000     # ha
    assert_same_table(matrix, read(batch['MATRIX'], False))
    new = read(ours['NEW_CONSTRUCTION'], False)
    assert new['TOTAL_HA'].iloc[-1] > 0 and len(new) > 2
    assert_same_table(new, read(batch['NEW_CONSTRUCTION'], False))


@METHODS
def test_farmland_balance_sample_city(run_alg, client, sample, tmp_path, method):
    """耕地 流出/流入 patches and the balance table by district (期初/期末 totals included)."""
    params = {'BEFORE': sample('landuse_previous'), 'BEFORE_FIELD': 'DLBM',
              'AFTER': sample('landuse_current'), 'AFTER_FIELD': 'DLBM',
              'DISTRICTS': sample('districts'), 'DISTRICT_FIELD': 'name'}
    ours, batch, figures = run_both(run_alg, client, 'farmland_balance', params, tmp_path,
                                    method=method, tile_features=1500)
    assert figures['tiles'] >= 6
    patches = read(ours['OUTPUT'])
    assert set(patches['FLOW']) == {'OUT', 'IN'}
    assert_same_rows(patches, read(batch['OUTPUT']), ['FLOW', 'BEF_FID', 'AFT_FID', 'DISTRICT',
                                                      'AREA_M2'])
    summary = read(ours['SUMMARY'], False)
    assert (summary['ROW'] == 'BEFORE').sum() >= 2 and summary['NET_HA'].abs().sum() > 0
    assert_same_table(summary, read(batch['SUMMARY'], False))


def test_tiles_partition_the_parcels(county):
    """Every parcel is owned by exactly one tile (representative point, half-open tiles)."""
    info = gdalio.layer_info(layer(county, 'parcels'))
    tiles = tiling.plan(info.extent, lambda box: gdalio.count_in(info.uri, box), 700)
    assert len(tiles) >= 16
    owners = pd.Series(0, index=gdalio.read_frame(info.uri, [], geometry=False).index)
    for tile in tiles:
        frame = gdalio.read_frame(info.uri, [], bbox=tile.bbox)
        assert len(frame) < info.count            # no task reads the whole layer
        owners[frame.index[tiling.owned(tile, list(frame.geometry))]] += 1
    assert (owners == 1).all()


def test_worker_memory_limit_below_the_input_finishes(county, tmp_path):
    """One worker of 300 MiB (the nanny restarts it past 95 %): the county in one task would need
    more than a task's share of that by the engine's memory model, so it is cut into tiles that
    fit, and the result is complete."""
    info = gdalio.layer_info(layer(county, 'parcels'))
    limit = 300 * 2 ** 20
    share = (limit - tiling.WORKER_BASE) * tiling.SHARE
    assert info.count * tiling.BYTES_PER_FEATURE > share
    params = {'CURRENT': layer(county, 'parcels'), 'PLAN': layer(county, 'zones')}
    out = str(tmp_path / 'o.gpkg')
    figures = engine.run(jobs.job('plan_conformance', params), {'OUTPUT': out},
                         workers=1, memory_limit=limit)
    assert figures['tiles'] > 1 and figures['features'] == info.count
    assert figures['tile_budget'] * tiling.BYTES_PER_FEATURE <= share
    pieces = read(out, geometry=False)
    assert pieces['CUR_FID'].nunique() == info.count


def test_killing_a_worker_mid_run_still_gives_the_answer(county, tmp_path):
    from distributed import Client, LocalCluster
    params = {'CURRENT': layer(county, 'parcels'), 'PLAN': layer(county, 'zones')}
    reference = str(tmp_path / 'reference.gpkg')
    killed = []
    with LocalCluster(n_workers=2, threads_per_worker=1, memory_limit='1GiB', processes=True,
                      dashboard_address=None) as local, Client(local) as c:
        engine.run(jobs.job('plan_conformance', params), {'OUTPUT': reference,
                   'SUMMARY': layer(reference, 'summary')}, client=c, tile_features=500)

        def kill_one(done, total):
            if done == 2 and not killed:
                pids = c.run(os.getpid)
                victim = sorted(pids)[0]
                os.kill(pids[victim], signal.SIGKILL)
                killed.append(victim)
        out = str(tmp_path / 'out.gpkg')
        figures = engine.run(jobs.job('plan_conformance', params),
                             {'OUTPUT': out, 'SUMMARY': layer(out, 'summary')}, client=c,
                             tile_features=500, progress=kill_one)
    assert killed and figures['tiles'] >= 24
    assert_same_rows(read(reference), read(out), ['CUR_FID', 'PLAN_FID', 'AREA_M2'])
    assert_same_table(read(layer(reference, 'summary'), False), read(layer(out, 'summary'), False))


def test_failure_keeps_the_existing_output(county, tmp_path, client):
    out = tmp_path / 'kept.gpkg'
    out.write_bytes(b'previous result')
    params = {'CURRENT': layer(county, 'parcels'), 'PLAN': layer(county, 'zones'),
              'PLAN_FIELD': 'NO_SUCH_FIELD'}
    with pytest.raises(Exception, match='NO_SUCH_FIELD'):
        engine.run(jobs.job('plan_conformance', params), {'OUTPUT': str(out)}, client=client)
    assert out.read_bytes() == b'previous result'
    assert sorted(os.listdir(tmp_path)) == ['kept.gpkg']


def test_a_task_that_keeps_failing_stops_the_run_and_keeps_the_output(county, tmp_path, client):
    out = tmp_path / 'kept.gpkg'
    out.write_bytes(b'previous result')
    job = jobs.job('plan_conformance', {'CURRENT': layer(county, 'parcels'),
                                        'PLAN': layer(county, 'zones')})
    for_tasks = job.for_tasks

    def broken():                      # the tasks find the plan gone (after prepare read it)
        light = for_tasks()
        light.params = dict(light.params, PLAN=layer(tmp_path / 'gone.gpkg', 'zones'))
        return light
    job.for_tasks = broken
    with pytest.raises(Exception, match='gone.gpkg'):
        engine.run(job, {'OUTPUT': str(out)}, client=client, tile_features=3000, retries=1)
    assert out.read_bytes() == b'previous result'
    assert sorted(os.listdir(tmp_path)) == ['kept.gpkg']


def test_scheduler_parameter_hands_the_work_to_the_batch_engine(run_alg, sample, tmp_path):
    """spm:plan_conformance with SCHEDULER=local:2 writes what it writes without it, through
    base's staging (the destination's other layers stay)."""
    params = {'CURRENT': sample('landuse_current'), 'CURRENT_FIELD': 'DLBM',
              'PLAN': sample('landuse_plan'), 'PLAN_FIELD': 'YDYHFLDM'}
    params['AREA_METHOD'] = 'PLANAR'
    plain = run_alg('spm:plan_conformance', dict(
        params, OUTPUT=str(tmp_path / 'plain.gpkg'), SUMMARY=str(tmp_path / 'plain_summary.gpkg')))
    target = tmp_path / 'dask.gpkg'
    gdalio.GpkgWriter(str(target), 'keep_me', geometry=False).close(
        empty_like=pd.DataFrame({'A': pd.Series(dtype=float)}))
    result = run_alg('spm:plan_conformance', dict(
        params, SCHEDULER='local:2', OUTPUT=f"ogr:dbname='{target}' table=\"pieces\" (geom)",
        SUMMARY=str(tmp_path / 'dask_summary.gpkg')))
    assert result['OUTPUT'] == f'{target}|layername=pieces'
    assert_same_rows(read(plain['OUTPUT']), read(result['OUTPUT']),
                     ['CUR_FID', 'PLAN_FID', 'AREA_M2'])
    assert_same_table(read(plain['SUMMARY'], False), read(result['SUMMARY'], False))
    assert gdalio.layer_info(layer(target, 'keep_me')).count == 0      # still there
    assert sorted(os.listdir(tmp_path)) == ['dask.gpkg', 'dask_summary.gpkg', 'plain.gpkg',
                                            'plain_summary.gpkg']


def test_scheduler_on_landuse_change_with_the_default_area_method(run_alg, sample, tmp_path):
    """spm:landuse_change with SCHEDULER=local:2 and AREA_METHOD left out (ATTRIBUTE on the sample
    city: its TBDLMJ): the same patches, matrix and 新增建设用地 as without SCHEDULER."""
    params = {'BEFORE': sample('landuse_previous'), 'BEFORE_FIELD': 'DLBM',
              'AFTER': sample('landuse_current'), 'AFTER_FIELD': 'DLBM',
              'DEV_BOUNDARY': sample('dev_boundary'), 'DISTRICTS': sample('districts'),
              'DISTRICT_FIELD': 'name'}
    outputs = lambda name: {t: str(tmp_path / f'{name}_{t.lower()}.gpkg')  # noqa: E731
                            for t in ('OUTPUT', 'MATRIX', 'NEW_CONSTRUCTION')}
    plain = run_alg('spm:landuse_change', dict(params, **outputs('plain')))
    dask = run_alg('spm:landuse_change', dict(params, SCHEDULER='local:2', **outputs('dask')))
    assert_same_rows(read(plain['OUTPUT']), read(dask['OUTPUT']), ['BEF_FID', 'AFT_FID', 'AREA_M2'])
    for table in ('MATRIX', 'NEW_CONSTRUCTION'):
        assert_same_table(read(plain[table], False), read(dask[table], False))


def test_on_a_running_cluster_tiles_are_sized_by_its_workers(client):
    """--scheduler: the cluster's own worker count and memory limit size the tiles, not the
    command line's defaults (the fixture: 2 workers of 1 GiB)."""
    assert engine.cluster_size(client, 7, 123) == (2, 2 ** 30)


def test_new_construction_without_a_boundary_is_said_and_not_written(client, sample, tmp_path):
    """As the algorithm: NEW_CONSTRUCTION needs DEV_BOUNDARY; the patches and matrix are written."""
    said = []
    out = tmp_path / 'change.gpkg'
    params = {'BEFORE': sample('landuse_previous'), 'AFTER': sample('landuse_current')}
    figures = engine.run(jobs.job('landuse_change', params),
                         {'OUTPUT': str(out), 'MATRIX': layer(out, 'matrix'),
                          'NEW_CONSTRUCTION': str(tmp_path / 'new.gpkg')},
                         client=client, log=lambda m, warning=False: said.append((m, warning)))
    assert ('NEW_CONSTRUCTION needs DEV_BOUNDARY: not written.', True) in said
    assert figures['rows'] > 100 and figures['matrix_rows'] > 5
    assert sorted(os.listdir(tmp_path)) == ['change.gpkg']
