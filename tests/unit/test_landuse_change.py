"""Land-use change: patches, and a transition matrix whose rows and columns add up."""

import geopandas as gpd
import pytest
from shapely.geometry import box

from spatial_planning_monitor.core.errors import InputError
from spatial_planning_monitor.core.landuse import change, inputs

CRS = 'EPSG:4528'
BEFORE = [(box(0, 0, 10, 10), '0101'), (box(10, 0, 20, 10), '0102'), (box(0, 10, 10, 20), '0301'),
          (box(10, 10, 20, 20), '0701'), (box(20, 0, 25, 20), 'XYZ')]
AFTER = [(box(0, 0, 10, 10), '0101'), (box(10, 0, 20, 10), '0601'), (box(0, 10, 10, 20), '0702'),
         (box(10, 10, 20, 20), '0701'), (box(-5, 0, 0, 20), '1101')]   # 20..25 not surveyed again


def _layer(items, label):
    frame = gpd.GeoDataFrame({'DLBM': [c for _, c in items]}, geometry=[g for g, _ in items], crs=CRS,
                             index=range(1, len(items) + 1))
    return inputs.land_use(frame, 'DLBM', label)


def _class_areas(items, level):
    out = {}
    table = inputs.tables.load_current_classes()
    for g, code in items:
        key = table.ancestor(code, level) or inputs.tables.UNKNOWN
        out[key] = out.get(key, 0.0) + g.area / 1e4
    return out


@pytest.mark.parametrize('level', [1, 2])
def test_rows_sum_to_before_areas_and_columns_to_after_areas(level):
    patches, matrix = change.evaluate(_layer(BEFORE, 'B'), _layer(AFTER, 'A'), level, crs=CRS)
    body = matrix[matrix.FROM_CODE != change.TOTAL]
    classes = [c for c in matrix.columns if c.startswith('T_')]
    rows = body[body.FROM_CODE != change.NONE_ROW].set_index('FROM_CODE')[classes].sum(axis=1)
    assert rows.to_dict() == pytest.approx(_class_areas(BEFORE, level))
    cols = body[classes].sum(axis=0)
    expected = {change.column_name(k): v for k, v in _class_areas(AFTER, level).items()}
    assert cols.drop('T_NONE').to_dict() == pytest.approx(expected)
    assert cols['T_NONE'] == pytest.approx(100 / 1e4)               # XYZ strip not in AFTER
    total = matrix[matrix.FROM_CODE == change.TOTAL].iloc[0]
    assert total['TOTAL'] == pytest.approx((500 + 100) / 1e4)       # BEFORE 500 + new 100
    assert (body['TOTAL'] == body[classes].sum(axis=1)).all()


def test_change_patches_list_only_changes():
    patches, matrix = change.evaluate(_layer(BEFORE, 'B'), _layer(AFTER, 'A'), 2, crs=CRS)
    assert sorted(patches.FROM_TO) == ['0102→0601', '0301→0702']
    assert patches.AREA_M2.sum() == pytest.approx(200.0)
    assert patches.AREA_HA.sum() == pytest.approx(0.02)
    assert set(patches.TO_NAME) == {'工业用地', '农村宅基地'}
    assert matrix.loc[matrix.FROM_CODE == '0102', 'T_0601'].iloc[0] == pytest.approx(0.01)
    patches, matrix = change.evaluate(_layer(BEFORE, 'B'), _layer(AFTER, 'A'), 1, crs=CRS)
    assert sorted(patches.FROM_TO) == ['01→06', '03→07']
    assert matrix.loc[matrix.FROM_CODE == '01', 'T_01'].iloc[0] == pytest.approx(0.01)
    assert 'T_UNKNOWN' not in matrix.columns and '未知' in set(matrix.FROM_NAME)


def test_mixed_schemes_are_compared_in_ydyh():
    after = gpd.GeoDataFrame({'C': ['0101', '1001']}, geometry=[box(0, 0, 10, 10), box(10, 0, 20, 10)],
                             crs=CRS)
    messages = []
    log = lambda message, warning=False: messages.append(message)  # noqa: E731
    patches, _ = change.evaluate(_layer(BEFORE[:2], 'B'), inputs.land_use(after, 'C', 'A', scheme='plan'),
                                 2, crs=CRS, log=log)
    assert list(patches.FROM_TO) == ['0102→1001']
    assert any('converted' in m for m in messages)


def test_level_is_checked_and_empty_layers_work():
    with pytest.raises(InputError):
        change.evaluate(_layer(BEFORE, 'B'), _layer(AFTER, 'A'), 3, crs=CRS)
    patches, matrix = change.evaluate(_layer(BEFORE[:0], 'B'), _layer(AFTER, 'A'), 1, crs=CRS)
    assert len(patches) == 0
    assert matrix.iloc[-1]['TOTAL'] == pytest.approx(0.05)          # all of AFTER, row 未覆盖
