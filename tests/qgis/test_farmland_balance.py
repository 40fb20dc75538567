"""spm:farmland_balance and spm:landuse_change's 新增建设用地 through the Processing registry, on the
sample city: the numbers a bureau checks against its 三调 statistics."""

from collections import defaultdict

import geopandas as gpd
import pytest


def rows(layer):
    return [{f.name(): feature[f.name()] for f in layer.fields()} for feature in layer.getFeatures()]


def test_district_cropland_equals_the_sum_of_tbdlmj_and_the_flows_balance(run_alg, sample_gpkg):
    layer = lambda name: f'{sample_gpkg}|layername={name}'  # noqa: E731
    result = run_alg('spm:farmland_balance', {
        'BEFORE': layer('landuse_previous'), 'BEFORE_FIELD': 'DLBM',
        'AFTER': layer('landuse_current'), 'AFTER_FIELD': 'DLBM',
        'DISTRICTS': layer('districts'), 'DISTRICT_FIELD': 'adcode',
        'OUTPUT': 'TEMPORARY_OUTPUT', 'SUMMARY': 'TEMPORARY_OUTPUT'})
    summary = rows(result['SUMMARY'])
    patches = rows(result['OUTPUT'])
    previous = gpd.read_file(sample_gpkg, layer='landuse_previous')
    current = gpd.read_file(sample_gpkg, layer='landuse_current')
    crop = lambda f: f[f.DLBM.str.startswith('01')].groupby('district').TBDLMJ.sum() / 1e4  # noqa
    before, after = crop(previous), crop(current)
    table = {(r['DISTRICT'], r['ROW']): r for r in summary}
    flows = defaultdict(float)
    for p in patches:
        flows[(p['DISTRICT'], p['FLOW'])] += p['AREA_HA']
    for adcode in before.index:
        assert table[(adcode, 'BEFORE')]['NET_HA'] == pytest.approx(before[adcode], rel=1e-9)
        assert table[(adcode, 'AFTER')]['NET_HA'] == pytest.approx(after[adcode], rel=1e-9)
        total = table[(adcode, 'TOTAL')]
        assert total['OUT_HA'] == pytest.approx(flows[(adcode, 'OUT')], rel=1e-12)
        assert total['IN_HA'] == pytest.approx(flows[(adcode, 'IN')], rel=1e-12)
        # 流入 − 流出 = 净增减 = the difference of the district's 耕地 totals
        assert total['NET_HA'] == pytest.approx(total['IN_HA'] - total['OUT_HA'])
        assert total['NET_HA'] == pytest.approx(after[adcode] - before[adcode], abs=1e-4)
        assert total['OUT_HA'] > 0
        classes = [r for r in summary if r['DISTRICT'] == adcode and r['ROW'] == 'CLASS']
        assert sum(r['NET_HA'] for r in classes) == pytest.approx(total['NET_HA'])
    kinds = {p['KIND'] for p in patches}
    assert {'OUT_NONAGRI', 'OUT_NONGRAIN', 'IN'} <= kinds


def test_planar_and_ellipsoidal_methods_by_index_and_name(run_alg, sample_gpkg):
    layer = lambda name: f'{sample_gpkg}|layername={name}'  # noqa: E731
    totals = {}
    for method in ('PLANAR', 0):
        result = run_alg('spm:farmland_balance', {
            'BEFORE': layer('landuse_previous'), 'BEFORE_FIELD': 'DLBM',
        'AFTER': layer('landuse_current'), 'AFTER_FIELD': 'DLBM',
            'AREA_METHOD': method, 'OUTPUT': 'TEMPORARY_OUTPUT', 'SUMMARY': 'TEMPORARY_OUTPUT'})
        table = {r['ROW']: r for r in rows(result['SUMMARY'])}
        totals[method] = table['AFTER']['NET_HA']
        # geometric areas over the same extent: nothing but class change moves 耕地
        assert abs(table['OTHER']['NET_HA']) < 1e-4
    current = gpd.read_file(sample_gpkg, layer='landuse_current')
    crop = current[current.DLBM.str.startswith('01')]
    assert totals['PLANAR'] == pytest.approx(crop.area.sum() / 1e4, rel=1e-9)
    # 0 = ELLIPSOIDAL, the default, which on a layer with TBDLMJ means its attribute areas
    assert totals[0] == pytest.approx(crop.TBDLMJ.sum() / 1e4, rel=1e-9)


def test_new_construction_inside_plus_outside_is_all_new_construction(run_alg, sample_gpkg):
    layer = lambda name: f'{sample_gpkg}|layername={name}'  # noqa: E731
    result = run_alg('spm:landuse_change', {
        'BEFORE': layer('landuse_previous'), 'BEFORE_FIELD': 'DLBM',
        'AFTER': layer('landuse_current'), 'AFTER_FIELD': 'DLBM', 'LEVEL': 2,
        'DEV_BOUNDARY': layer('dev_boundary'), 'DISTRICTS': layer('districts'),
        'DISTRICT_FIELD': 'name', 'AREA_METHOD': 'PLANAR', 'OUTPUT': 'TEMPORARY_OUTPUT',
        'MATRIX': 'TEMPORARY_OUTPUT', 'NEW_CONSTRUCTION': 'TEMPORARY_OUTPUT'})
    table = rows(result['NEW_CONSTRUCTION'])
    for r in table:
        assert r['INSIDE_HA'] + r['OUTSIDE_HA'] == pytest.approx(r['TOTAL_HA'])
    total = table[-1]
    assert total['DISTRICT'] == '合计' and total['OUTSIDE_HA'] > 0 and total['INSIDE_HA'] > 0
    assert total['TOTAL_HA'] == pytest.approx(sum(r['TOTAL_HA'] for r in table[:-1]))
    from spatial_planning_monitor.core.landuse import tables
    classes = tables.load_current_classes()
    new = [p for p in rows(result['OUTPUT'])
           if classes.is_construction([p['TO_CODE']])[0]
           and not classes.is_construction([p['FROM_CODE']])[0]]
    assert total['TOTAL_HA'] == pytest.approx(sum(p['AREA_HA'] for p in new), rel=1e-9)
    names = set(gpd.read_file(sample_gpkg, layer='districts')['name'])
    assert {r['DISTRICT'] for r in table[:-1]} <= names


def test_a_cropland_layer_without_code_field_stops_before_any_output(run_alg, sample_gpkg, tmp_path):
    from qgis.core import QgsProcessingException
    out = tmp_path / 'flows.gpkg'
    with pytest.raises(QgsProcessingException, match='NOPE'):
        run_alg('spm:farmland_balance', {
            'BEFORE': f'{sample_gpkg}|layername=landuse_previous', 'BEFORE_FIELD': 'NOPE',
            'AFTER': f'{sample_gpkg}|layername=landuse_current', 'AFTER_FIELD': 'DLBM',
            'OUTPUT': str(out)})
    assert not out.exists()
