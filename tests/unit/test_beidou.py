"""BeiDou grid location codes (GB/T 39409-2020): the standard's example, round trips, 3D codes."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given, settings, strategies as st

from spatial_planning_monitor.core.codes import beidou
from spatial_planning_monitor.core.errors import InputError

# Annex B: 116°18′45.37″E, 39°59′35.38″N
ANNEX_B_LNG = 116 + 18 / 60 + 45.37 / 3600
ANNEX_B_LAT = 39 + 59 / 60 + 35.38 / 3600

lngs = st.floats(min_value=-180, max_value=180, allow_nan=False)
lats = st.floats(min_value=-87.999999, max_value=87.999999, allow_nan=False)
levels = st.integers(min_value=1, max_value=10)
heights = st.floats(min_value=-6_000_000, max_value=50_000_000, allow_nan=False)


def reference_code(lng, lat, level):
    """An independent, exact (Fraction) scalar encoder written from the standard's text."""
    seconds_per_cell = {1: (21600, 14400), 2: (1800, 1800), 3: (900, 600), 4: (60, 60), 5: (4, 4),
                        6: (2, 2), 7: (Fraction(1, 4),) * 2, 8: (Fraction(1, 32),) * 2,
                        9: (Fraction(1, 256),) * 2, 10: (Fraction(1, 2048),) * 2}
    x = min(abs(Fraction(lng)) * 3600, Fraction(180 * 3600) - Fraction(1, 2048))
    y = abs(Fraction(lat)) * 3600
    code = 'S' if lat < 0 else 'N'
    a = int(x // 21600)
    code += '%02d' % (30 - a if lng < 0 else 31 + a) + chr(ord('A') + int(y // 14400))
    x, y = x - a * 21600, y - int(y // 14400) * 14400
    for k in range(2, level + 1):
        w, h = seconds_per_cell[k]
        col, row = int(x // w), int(y // h)
        x, y = x - col * w, y - row * h
        code += str(2 * row + col) if k in (3, 6) else '%X%X' % (col, row)
    return code


# --- the standard's example ---------------------------------------------------------------

def test_annex_b_example_level_8_and_10():
    assert beidou.encode_point(ANNEX_B_LNG, ANNEX_B_LAT, 8) == 'N50J47539B825534'
    assert beidou.encode_point(ANNEX_B_LNG, ANNEX_B_LAT, 10) == 'N50J47539B8255346152'


def test_annex_b_cell_contains_the_point_and_has_the_level_size():
    cell = beidou.decode_code('N50J47539B8255346152')
    assert cell['level'] == 10
    assert cell['west'] <= ANNEX_B_LNG < cell['east'] and cell['south'] <= ANNEX_B_LAT < cell['north']
    assert cell['east'] - cell['west'] == pytest.approx(1 / 2048 / 3600, rel=1e-9)
    level1 = beidou.decode_code('N50J')
    assert (level1['west'], level1['south'], level1['east'], level1['north']) == (114, 36, 120, 40)


def test_code_lengths_per_level():
    codes = [beidou.encode_point(ANNEX_B_LNG, ANNEX_B_LAT, k) for k in range(1, 11)]
    assert [len(c) for c in codes] == [4, 6, 7, 9, 11, 12, 14, 16, 18, 20]
    assert all(codes[-1].startswith(c) for c in codes)


# --- hemispheres --------------------------------------------------------------------------

@pytest.mark.parametrize('code, bounds', [
    ('N31A', (0, 0, 6, 4)),            # first cell east of Greenwich, north of the equator
    ('N30A', (-6, 0, 0, 4)),           # first cell west of Greenwich
    ('S31A', (0, -4, 6, 0)),
    ('S30A', (-6, -4, 0, 0)),
    ('N01V', (-180, 84, -174, 88)),
    ('N60V', (174, 84, 180, 88)),
    ('N30A00', (-0.5, 0, 0, 0.5)),      # index 0 touches the prime meridian and the equator
    ('S31AB7', (5.5, -4, 6, -3.5)),     # the far corner of the level-1 cell
])
def test_index_zero_is_nearest_the_equator_and_prime_meridian(code, bounds):
    cell = beidou.decode_code(code)
    assert (cell['west'], cell['south'], cell['east'], cell['north']) == pytest.approx(bounds)


@given(lngs, lats)
def test_west_and_south_mirror_east_and_north(lng, lat):
    if lng == 0 or lat == 0:
        return
    east = beidou.encode_point(abs(lng), abs(lat), 10)
    west = beidou.encode_point(-abs(lng), abs(lat), 10)
    south = beidou.encode_point(abs(lng), -abs(lat), 10)
    assert int(west[1:3]) == 61 - int(east[1:3])
    assert west[3:] == east[3:]
    assert south == 'S' + east[1:]


def test_antimeridian_and_boundaries():
    assert beidou.encode_point(180, 10, 1) == 'N60C'
    assert beidou.encode_point(-180, 10, 1) == 'N01C'
    assert beidou.encode_point(0, 0, 2) == 'N31A00'
    assert beidou.encode_point(-6, 4, 1) == 'N29B'   # on a meridian west: the cell farther out


# --- round trips (property-based) ---------------------------------------------------------

@settings(max_examples=400)
@given(lngs, lats, levels)
def test_encode_decode_round_trip(lng, lat, level):
    code = beidou.encode_point(lng, lat, level)
    assert len(code) == beidou.CODE_LENGTH[level]
    cell = beidou.decode_code(code)
    eps = 1e-12
    assert cell['level'] == level
    assert cell['west'] - eps <= lng <= cell['east'] + eps
    assert cell['south'] - eps <= lat <= cell['north'] + eps
    width = beidou.CELL_LNG[level] / beidou.UNITS_PER_DEGREE
    height = beidou.CELL_LAT[level] / beidou.UNITS_PER_DEGREE
    assert cell['east'] - cell['west'] == pytest.approx(width, rel=1e-9)
    assert cell['north'] - cell['south'] == pytest.approx(height, rel=1e-9)
    centre = beidou.encode_point((cell['west'] + cell['east']) / 2, (cell['south'] + cell['north']) / 2, level)
    assert centre == code


@settings(max_examples=300)
@given(lngs, lats, levels)
def test_matches_an_exact_reference_encoder(lng, lat, level):
    # A float such as 0.42 lies a hair below the decimal 0.42, on a cell boundary; there the
    # encoder rounds the product to the nearest double (the decimal the user meant). Skip those.
    for value in (lng, lat):
        units = abs(Fraction(value)) * 3600 * 2048
        assume(abs(units - round(units)) > Fraction(1, 10 ** 6) or units == round(units))
    assert beidou.encode_point(lng, lat, level) == reference_code(lng, lat, level)


@settings(max_examples=50)
@given(st.lists(st.tuples(lngs, lats), min_size=1, max_size=60), levels)
def test_arrays_encode_like_single_points(points, level):
    lng, lat = map(np.array, zip(*points))
    codes = beidou.encode(lng, lat, level)
    assert list(codes) == [beidou.encode_point(x, y, level) for x, y in points]
    cells = beidou.decode(codes)
    assert np.all((cells['west'] <= lng + 1e-12) & (lng <= cells['east'] + 1e-12))
    assert np.all((cells['south'] <= lat + 1e-12) & (lat <= cells['north'] + 1e-12))


# --- 3D -----------------------------------------------------------------------------------

def _two_d_part(code3d, level):
    spans, _ = beidou._layout(level, True)
    return code3d[0] + ''.join(code3d[a:b] for _, a, b in spans)


@settings(max_examples=300)
@given(lngs, lats, heights, levels)
def test_3d_round_trip(lng, lat, height, level):
    code = beidou.encode_3d([lng], [lat], [height], level)[0]
    assert len(code) == beidou.CODE_LENGTH_3D[level]
    assert _two_d_part(code, level) == beidou.encode_point(lng, lat, level)
    assert code[1] == ('1' if beidou.height_index([height])[0] < 0 else '0')
    cell = beidou.decode_code(code, three_d=True)
    tolerance = 1e-6 * max(1.0, abs(height))
    assert cell['bottom'] - tolerance <= height <= cell['top'] + tolerance
    assert cell['west'] - 1e-12 <= lng <= cell['east'] + 1e-12


def test_3d_code_is_32_characters_and_interleaved():
    code = beidou.encode_3d([ANNEX_B_LNG], [ANNEX_B_LAT], [100.0], 10)[0]
    # n = floor(7372800 · ln(1 + 100/r0) / ln(1 + π/180)) = 6680 = 0b1_1010_0001_1000
    assert beidou.height_index([100.0])[0] == 6680
    assert code == 'N0' + '50J00' + '470' + '50' + '390' + 'B80' + '21' + '555' + '340' + '613' + '520'
    assert len(code) == 32
    cell = beidou.decode_code(code, three_d=True)
    assert cell['bottom'] <= 100 < cell['top'] and cell['top'] - cell['bottom'] < 0.02


def test_level_10_height_layers_are_about_as_tall_as_the_cells_are_wide():
    bottom, top = beidou.height_of_index(np.array([0, 1]))
    assert top - bottom == pytest.approx(beidou.cell_size_m(10)[1], rel=0.01)  # ln(1+θ₀)/θ₀ ≈ 0.991


# --- bad input ----------------------------------------------------------------------------

@pytest.mark.parametrize('lat', [88.0, -88.0, 89.5])
def test_polar_cells_are_refused_with_a_clear_error(lat):
    with pytest.raises(beidou.PolarCellError, match='polar'):
        beidou.encode([10.0], [lat], 5)
    assert beidou.encode_point(10.0, 87.9999, 5).startswith('N32V')


def test_bad_coordinates_and_levels_are_named():
    with pytest.raises(InputError, match='feature 7'):
        beidou.encode([1.0, 500.0], [1.0, 1.0], 3, labels=['feature 3', 'feature 7'])
    with pytest.raises(InputError, match='Missing'):
        beidou.encode([np.nan], [1.0], 3)
    with pytest.raises(InputError, match='1 to 10'):
        beidou.encode([1.0], [1.0], 11)


@pytest.mark.parametrize('code, reason', [
    ('N50J4', 'characters'),
    ('X50J47', 'N or S'),
    ('N61J47', '01 to 60'),
    ('N50W47', 'polar'),
    ('N50J4G', 'column 0–B'),
    ('N50J476', 'digit 0 to 5'),
    ('N50J475F9', 'column 0–E'),
    ('N50J47539B82558', 'characters'),
    ('N50J47539B82558A', 'column 0–7'),
])
def test_malformed_codes_get_a_reason(code, reason):
    problem = beidou.decode([code], strict=False)['problem'][0]
    assert reason in problem
    with pytest.raises(beidou.CodeFormatError):
        beidou.decode([code])
    assert beidou.problem_of(code)


def test_lower_case_and_spaces_are_accepted_and_3d_is_recognised():
    assert beidou.decode_code(' n50j47539b825534 ')['level'] == 8
    code = beidou.encode_3d([ANNEX_B_LNG], [ANNEX_B_LAT], [35.0], 6)[0]
    assert beidou.problem_of(code) == '' and beidou.is_3d(code)
    assert not beidou.is_3d('N50J47539B825534')
