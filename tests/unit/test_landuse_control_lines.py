"""Three control lines: violation types, districts, areas that add up."""

import geopandas as gpd
import pytest
from shapely.geometry import box

from spatial_planning_monitor.core.errors import InputError
from spatial_planning_monitor.core.landuse import control_lines, inputs

CRS = 'EPSG:4528'
LANDUSE = [(box(0, 0, 10, 10), '0701'), (box(10, 0, 20, 10), '0101'), (box(20, 0, 30, 10), '0301'),
           (box(0, 10, 10, 20), '0702'), (box(10, 10, 20, 20), '0201K'), (box(20, 10, 30, 20), 'XYZ'),
           (box(30, 0, 40, 10), '1203')]


def _layer(items, field='CODE', scheme=None, label='L'):
    frame = gpd.GeoDataFrame({field: [c for _, c in items]}, geometry=[g for g, _ in items], crs=CRS,
                             index=range(1, len(items) + 1))
    return inputs.land_use(frame, field, label, scheme=scheme) if field else frame


def _zones(*geoms):
    frame = gpd.GeoDataFrame(geometry=list(geoms), crs=CRS, index=range(1, len(geoms) + 1))
    return inputs.polygons(frame, 'Z')


def _run(**lines):
    landuse = _layer(LANDUSE)
    districts = _zones(box(0, 0, 15, 20), box(15, 0, 40, 20))
    return control_lines.evaluate(landuse, lines, districts, ['甲区', '乙区'], crs=CRS)


def _areas(patches):
    return {k: round(v, 6) for k, v in patches.groupby('VTYPE').AREA_M2.sum().items()}


def test_each_line_gives_its_violations():
    patches, summary = _run(ECO_REDLINE=_zones(box(5, 0, 25, 10)),
                            FARMLAND=_zones(box(0, 0, 40, 20)),
                            DEV_BOUNDARY=_zones(box(0, 0, 5, 20)))
    assert _areas(patches) == {'ECO_BUILD': 50.0, 'FARM_BUILD': 200.0, 'FARM_NONCROP': 200.0,
                               'UDB_OUTSIDE': 50.0}
    noncrop = patches[patches.VTYPE == 'FARM_NONCROP']
    assert sorted(set(noncrop.CUR_CODE)) == ['0301', 'XYZ']      # 0201K, 0101, 1203 are fine
    assert '未知' in set(noncrop.CUR_NAME)
    outside = patches[patches.VTYPE == 'UDB_OUTSIDE']
    assert set(outside.CUR_CODE) == {'0701'}                      # 0702 rural homestead is not urban
    assert set(patches.VNAME) >= {'生态保护红线内建设用地', '永久基本农田内非耕地'}


def test_patches_are_split_by_district_and_the_summary_adds_up():
    patches, summary = _run(FARMLAND=_zones(box(0, 0, 40, 20)))
    by = patches.groupby(['DISTRICT', 'VTYPE']).AREA_M2.sum().round(6).to_dict()
    assert by == {('甲区', 'FARM_BUILD'): 200.0, ('乙区', 'FARM_NONCROP'): 200.0}
    assert summary.AREA_M2.sum() == pytest.approx(patches.AREA_M2.sum())
    assert summary.COUNT.sum() == len(patches)
    assert list(summary.columns) == control_lines.SUMMARY_COLUMNS


def test_patches_outside_every_district_keep_an_empty_district():
    landuse = _layer(LANDUSE)
    patches, _ = control_lines.evaluate(landuse, {'FARMLAND': _zones(box(0, 0, 40, 20))},
                                        _zones(box(0, 0, 5, 5)), ['甲区'], crs=CRS)
    assert patches.AREA_M2.sum() == pytest.approx(400.0)
    assert patches.loc[patches.DISTRICT == '甲区', 'AREA_M2'].sum() == pytest.approx(25.0)


def test_plan_coded_land_use_uses_the_plan_rules():
    landuse = _layer([(box(0, 0, 10, 10), '0601'), (box(10, 0, 20, 10), '1001')], scheme='plan')
    patches, _ = control_lines.evaluate(landuse, {'ECO_REDLINE': _zones(box(0, 0, 20, 10))}, crs=CRS)
    assert list(patches.CUR_CODE) == ['1001']                     # 0601 农村道路 is not construction


def test_no_line_is_an_error_and_empty_inputs_give_empty_outputs():
    with pytest.raises(InputError):
        control_lines.evaluate(_layer(LANDUSE), {}, crs=CRS)
    patches, summary = control_lines.evaluate(_layer(LANDUSE[:0]), {'FARMLAND': _zones(box(0, 0, 1, 1))},
                                              crs=CRS)
    assert len(patches) == 0 and len(summary) == 0
    assert list(patches.columns[:-1]) == control_lines.PATCH_COLUMNS


VILLAGE_AND_TOWN = [(box(0, 0, 10, 10), '05H1', '203'),     # village shop
                    (box(10, 0, 20, 10), '1004', '203'),    # village road
                    (box(20, 0, 30, 10), '0701', '201'),    # city housing
                    (box(30, 0, 40, 10), '0601', '202A'),   # 建制镇 独立工业用地
                    (box(40, 0, 50, 10), '0602', '204'),    # mine
                    (box(50, 0, 60, 10), '09', '205'),      # special land
                    (box(60, 0, 70, 10), '1004', '202'),    # town road
                    (box(70, 0, 80, 10), '1003', None)]     # highway, outside every 城镇村 extent


def test_urban_land_outside_the_boundary_follows_czcsxm_when_given():
    """UDB_OUTSIDE with the 城镇村属性码: 201/202 (and their A variants) are 城镇, 203 village,
    204 mining, 205 special land are not urban sprawl (TD/T 1055-2019)."""
    landuse = _layer([(g, c) for g, c, _ in VILLAGE_AND_TOWN])
    boundary = {'DEV_BOUNDARY': _zones(box(0, 100, 10, 110))}      # everything is outside
    messages = []
    patches, _ = control_lines.evaluate(landuse, boundary, crs=CRS, czcsxm=[z for _, _, z in VILLAGE_AND_TOWN],
                                        log=lambda m, warning=False: messages.append(m))
    assert sorted(patches.CUR_CODE) == ['0601', '0701', '1004']
    assert set(patches.CUR_FID) == {3, 4, 7} and patches.AREA_M2.sum() == pytest.approx(300.0)
    assert any('CZCSXM 201* 202*' in m and '3 feature' in m for m in messages)
    # without the attribute the code-based proxy applies: the village shop and road count too
    patches, _ = control_lines.evaluate(landuse, boundary, crs=CRS)
    assert {1, 2} <= set(patches.CUR_FID)
