"""core.crs: the projected CRS chosen for geographic data (Gauss–Krüger in China, UTM elsewhere)."""

import pytest
from pyproj import CRS

from spatial_planning_monitor.core import crs


def test_putian_is_cgcs2000_zone_40_cm_120e():
    # Putian (莆田) centre about 119.0°E 25.4°N: zone 40, central meridian 120°E
    assert crs.working_epsg(119.0, 25.4) == 4549
    assert crs.working_epsg(119.0, 25.4, prefixed=True) == 4528


@pytest.mark.parametrize('lon, zone', [(73.5, 25), (76.49, 25), (76.5, 26), (118.4999, 39), (118.5, 40),
                                       (121.4999, 40), (121.5, 41), (135.0, 45), (136.0, 45)])
def test_zone_boundaries_belong_to_the_zone_east_of_them(lon, zone):
    assert crs.gk_zone(lon) == zone
    assert crs.working_epsg(lon, 30.0) == 4534 + zone - 25
    assert crs.working_epsg(lon, 30.0, prefixed=True) == 4513 + zone - 25


@pytest.mark.parametrize('zone', range(25, 46))
def test_every_gk_code_matches_the_proj_definition(zone):
    for code, false_easting in ((crs.gk_epsg(zone), 500000.0),
                                (crs.gk_epsg(zone, prefixed=True), zone * 1e6 + 500000.0)):
        params = {p.name: p.value for p in CRS.from_epsg(code).coordinate_operation.params}
        assert params['Longitude of natural origin'] == 3 * zone
        assert params['False easting'] == false_easting
        assert 'CGCS2000' in CRS.from_epsg(code).name
        # the centre of the zone maps to its central meridian
        assert crs.working_epsg(3.0 * zone, 35.0, prefixed=code != crs.gk_epsg(zone)) == code


@pytest.mark.parametrize('lon, lat, epsg', [(-106.6, 35.1, 32613),   # Albuquerque, UTM 13N
                                            (2.35, 48.85, 32631),    # Paris
                                            (151.2, -33.9, 32756),   # Sydney, south
                                            (-180.0, 10.0, 32601), (179.99, -10.0, 32760),
                                            (73.4, 39.0, 32643),     # west of zone 25: UTM
                                            (119.0, 2.9, 32650)])    # south of the box
def test_outside_china_is_utm(lon, lat, epsg):
    assert crs.working_epsg(lon, lat) == epsg
    assert CRS.from_epsg(epsg).utm_zone == f'{(epsg % 100)}{"N" if epsg < 32700 else "S"}'


def test_prefixed_codes_and_bad_input():
    assert crs.is_prefixed_gk(4528) and crs.is_prefixed_gk(4513) and crs.is_prefixed_gk(4533)
    assert not crs.is_prefixed_gk(4534) and not crs.is_prefixed_gk(4549) and not crs.is_prefixed_gk(None)
    with pytest.raises(ValueError):
        crs.working_epsg(float('nan'), 30.0)
    with pytest.raises(ValueError):
        crs.gk_epsg(24)
