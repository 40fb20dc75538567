"""Areas as the 三调 statistics compute them: on the CGCS2000 ellipsoid, or the parcels' TBDLMJ
split over their pieces; the sample city's 三调 fields."""

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from pyproj import Geod, Transformer
from shapely.geometry import MultiPolygon, Polygon, box

from spatial_planning_monitor.core.errors import InputError
from spatial_planning_monitor.core.landuse import area, change, conformance, farmland, inputs

SAMPLE = Path(__file__).resolve().parents[2] / 'sample' / 'putian.gpkg'
CRS = 'EPSG:4528'
X0, Y0 = 40_400_000.0, 2_810_000.0
# an independent reference: CGCS2000's own parameters, PROJ's geodesic polygon area
CGCS2000 = Geod(a=6378137.0, rf=298.257222101)


TO_LONLAT = Transformer.from_crs(CRS, 'EPSG:4490', always_xy=True)


def geodesic(geometry, to_lonlat=TO_LONLAT):
    total = 0.0
    for polygon in getattr(geometry, 'geoms', [geometry]):
        for k, ring in enumerate([polygon.exterior, *polygon.interiors]):
            lon, lat = to_lonlat.transform(*ring.xy)
            value = abs(CGCS2000.polygon_area_perimeter(lon, lat)[0])
            total += -value if k else value
    return total


@pytest.fixture(scope='module')
def current():
    return gpd.read_file(SAMPLE, layer='landuse_current')


@pytest.fixture(scope='module')
def previous():
    return gpd.read_file(SAMPLE, layer='landuse_previous')


def test_ellipsoidal_areas_of_the_sample_parcels_match_an_independent_geodesic_computation(current):
    ours = area.ellipsoidal(current.geometry, current.crs)
    reference = np.array([geodesic(g) for g in current.geometry])
    assert np.max(np.abs(ours / reference - 1)) < 1e-6
    # Gauss–Krüger zone 40 (central meridian 120°E), 莆田 is 80–150 km west: the planar areas
    # are larger by the scale factor squared, 1 + x²/R² ≈ 1.0002–1.0006
    assert 1.0002 < current.area.sum() / ours.sum() < 1.0006


def test_holes_multipolygons_and_z_are_measured():
    outer = box(X0, Y0, X0 + 200, Y0 + 100)
    holed = Polygon(outer.exterior.coords, [box(X0 + 10, Y0 + 10, X0 + 30, Y0 + 30).exterior.coords])
    multi = MultiPolygon([box(X0, Y0, X0 + 10, Y0 + 10), box(X0 + 50, Y0, X0 + 60, Y0 + 10)])
    z = Polygon([(x, y, 7.0) for x, y in outer.exterior.coords])
    got = area.ellipsoidal([holed, multi, z, None], CRS)
    assert got[0] == pytest.approx(geodesic(holed), rel=1e-9)
    assert got[1] == pytest.approx(geodesic(multi), rel=1e-9)
    assert got[2] == pytest.approx(geodesic(outer), rel=1e-9)
    assert got[3] == 0.0


def test_the_sample_city_carries_the_sandiao_area_fields(current, previous):
    for frame in (current, previous):
        assert {'TBMJ', 'KCXS', 'KCMJ', 'TBDLMJ', 'CZCSXM'} <= set(frame.columns)
        # TBMJ is the ellipsoidal area, to the survey's 0.01 m²
        reference = np.array([geodesic(g) for g in frame.geometry])
        assert np.max(np.abs(frame.TBMJ - reference)) <= 0.005 + 1e-6
        assert np.allclose(frame.KCMJ, np.round(frame.TBMJ * frame.KCXS, 2))
        assert np.allclose(frame.TBDLMJ, frame.TBMJ - frame.KCMJ, atol=1e-6)
        crop = frame.DLBM.str.startswith('01')
        assert (frame.KCXS[~crop] == 0).all() and frame.KCXS[crop].between(0, 0.2).all()
        assert (frame.KCXS[crop] > 0.02).any()          # some 耕地 on slopes has 田坎
    construction = inputs.tables.is_construction(current.DLBM)
    assert set(current.CZCSXM.dropna()) <= {'201', '202', '203', '204', '205'}
    assert {'201', '202', '203'} <= set(current.CZCSXM.dropna())
    assert current.CZCSXM[~construction].isna().all()


def test_attribute_areas_split_over_pieces_add_up_to_tbdlmj():
    parcel = box(X0, Y0, X0 + 100, Y0 + 100)
    frame = gpd.GeoDataFrame({'DLBM': ['0101'], 'TBMJ': [10_000.0], 'KCMJ': [1_000.0]},
                             geometry=[parcel], crs=CRS)
    layer = inputs.land_use(frame, 'DLBM', 'parcels')
    assert layer.formula == 'TBMJ − KCMJ' and layer.amounts[0] == 9_000.0
    pieces = [box(X0, Y0, X0 + 30, Y0 + 100), box(X0 + 30, Y0, X0 + 100, Y0 + 100)]
    got = area.piece_areas(pieces, CRS, area.ATTRIBUTE, [0, 0], layer, partition=True)
    assert got.sum() == pytest.approx(9_000.0, rel=1e-14)
    # pieces that need not partition the parcel: shares of its own geodesic area (~1e-11 apart)
    assert area.piece_areas(pieces, CRS, area.ATTRIBUTE, [0, 0], layer).sum() == \
        pytest.approx(9_000.0, rel=1e-9)
    assert got[0] / got[1] == pytest.approx(geodesic(pieces[0]) / geodesic(pieces[1]), rel=1e-12)
    # a plan zone cutting the parcel: conformance pieces add up to the parcel's TBDLMJ
    plan = gpd.GeoDataFrame({'CODE': ['0101', '0701']}, geometry=pieces, crs=CRS)
    zones = inputs.land_use(plan, 'CODE', 'plan', scheme='plan')
    out, _ = conformance.evaluate(layer, zones, crs=CRS, method=area.ATTRIBUTE)
    assert out.AREA_M2.sum() == pytest.approx(9_000.0, rel=1e-14)


@pytest.mark.parametrize('value, expected', [(None, None), (0, 'ELLIPSOIDAL'), ('1', 'PLANAR'),
                                             ('attribute', 'ATTRIBUTE'), (' PLANAR ', 'PLANAR')])
def test_area_method_by_index_or_name(value, expected):
    assert area.check_method(value) == expected


def test_the_default_becomes_attribute_when_the_layer_has_the_fields():
    assert area.resolve(None, ['DLBM', 'TBDLMJ'], 'x') == 'ATTRIBUTE'
    assert area.resolve('ELLIPSOIDAL', ['DLBM', 'TBDLMJ'], 'x', explicit=False) == 'ATTRIBUTE'
    assert area.resolve('PLANAR', ['DLBM', 'TBDLMJ'], 'x') == 'PLANAR'
    assert area.resolve(None, ['DLBM'], 'x') == 'ELLIPSOIDAL'
    with pytest.raises(InputError, match='TBDLMJ'):
        area.resolve('ATTRIBUTE', ['DLBM'], 'x')
    with pytest.raises(InputError, match='AREA_METHOD'):
        area.check_method('HECTARES')


def test_bad_attribute_values_are_named():
    frame = gpd.GeoDataFrame({'TBMJ': [100.0, 50.0], 'KCMJ': [10.0, 60.0]},
                             geometry=[box(0, 0, 1, 1)] * 2, index=[7, 8])
    with pytest.raises(InputError, match='feature 8.*KCMJ'):
        area.attribute_areas(frame, 'parcels')
    frame = gpd.GeoDataFrame({'TBDLMJ': [100.0, -1.0]}, geometry=[box(0, 0, 1, 1)] * 2)
    with pytest.raises(InputError, match='TBDLMJ'):
        area.attribute_areas(frame, 'parcels')


def _layers(previous, current):
    return (inputs.land_use(previous, 'DLBM', 'landuse_previous'),
            inputs.land_use(current, 'DLBM', 'landuse_current'))


def test_farmland_balance_on_the_sample_city(previous, current):
    districts = gpd.read_file(SAMPLE, layer='districts')
    before, after = _layers(previous, current)
    region = inputs.polygons(districts, 'districts')
    patches, summary = farmland.evaluate(before, after, region, list(districts.adcode),
                                         crs=current.crs, method=area.ATTRIBUTE)
    crop_before = previous[previous.DLBM.str.startswith('01')].groupby('district').TBDLMJ.sum()
    crop_after = current[current.DLBM.str.startswith('01')].groupby('district').TBDLMJ.sum()
    for adcode in districts.adcode:
        rows = summary[summary.DISTRICT == adcode].set_index('ROW')
        # district 耕地 = the sum of its parcels' TBDLMJ, in both surveys
        assert rows.loc['BEFORE', 'NET_HA'] == pytest.approx(crop_before[adcode] / 1e4, rel=1e-9)
        assert rows.loc['AFTER', 'NET_HA'] == pytest.approx(crop_after[adcode] / 1e4, rel=1e-9)
        # 流入 − 流出 = the change of the 耕地 total (nothing else changes on the sample)
        total = rows.loc['TOTAL']
        assert total.IN_HA - total.OUT_HA == pytest.approx(
            rows.loc['AFTER', 'NET_HA'] - rows.loc['BEFORE', 'NET_HA'], abs=1e-4)
        assert abs(rows.loc['OTHER', 'NET_HA']) < 1e-4
        mine = patches[patches.DISTRICT == adcode]
        assert total.OUT_HA == pytest.approx(mine[mine.FLOW == 'OUT'].AREA_HA.sum(), rel=1e-12)
    table = inputs.tables.load_current_classes()
    out = patches[patches.FLOW == 'OUT']
    nonagri = out[out.FTYPE == 'NONAGRI']
    assert table.is_construction(nonagri.TO_CODE).all() and len(nonagri) > 0
    nongrain = out[out.FTYPE == 'NONGRAIN']
    assert set(nongrain.GROUP) == {'GARDEN', 'POND', 'OTHER_AGRI'} | (
        {'FOREST'} & set(nongrain.GROUP))
    assert nongrain[nongrain.GROUP == 'POND'].TO_CODE.str.startswith('1104').all()
    assert (patches[patches.FLOW == 'IN'].TO_CODE.str.startswith('01')).all()


def test_new_construction_inside_and_outside_the_boundary_add_up(previous, current):
    before, after = _layers(previous, current)
    boundary = inputs.polygons(gpd.read_file(SAMPLE, layer='dev_boundary'), 'dev_boundary')
    districts = gpd.read_file(SAMPLE, layer='districts')
    moves = change.transitions(before, after, 2, current.crs, method=area.PLANAR)
    table = change.new_construction(moves, boundary, inputs.polygons(districts, 'districts'),
                                    list(districts['name']), crs=current.crs, method=area.PLANAR)
    assert np.allclose(table.INSIDE_HA + table.OUTSIDE_HA, table.TOTAL_HA)
    total = table.iloc[-1]
    assert total.DISTRICT == '合计'
    assert total.TOTAL_HA == pytest.approx(table.TOTAL_HA[:-1].sum(), rel=1e-12)
    # every new construction piece, independently: construction after, not before, planar area
    classes = inputs.tables.load_current_classes()
    new = moves.covered & classes.is_construction(moves.to_code) & \
        ~classes.is_construction(moves.from_code)
    assert total.TOTAL_HA == pytest.approx(moves.area[new].sum() / 1e4, rel=1e-9)
    union = boundary.geometry
    from shapely.ops import unary_union
    inside = unary_union([g for g in union if g is not None])
    pieces = [g for g, k in zip(moves.geometry, new) if k]
    assert total.INSIDE_HA == pytest.approx(sum(g.intersection(inside).area for g in pieces) / 1e4,
                                            rel=1e-6)
    assert total.OUTSIDE_HA > 0 and total.INSIDE_HA > 0
