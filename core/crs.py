"""Which projected CRS to measure in, for data in geographic coordinates (no QGIS).

Inside China: the CGCS2000 3-degree Gauss–Krüger zone of the data's centre. Zone n (25–45) has
its central meridian at 3n°E and covers [3n − 1.5°, 3n + 1.5°) (a centre on a boundary belongs to
the zone east of it). Its EPSG code is 4534 + (n − 25) with plain eastings (false easting 500 km,
"CM 120E" for zone 40) or 4513 + (n − 25) with the zone number prefixed to the easting (false
easting n·10⁶ + 500 km, as 三调 data uses; "zone 40"). Checked against PROJ: EPSG:4549 is
+lon_0=120 +x_0=500000, EPSG:4528 is +lon_0=120 +x_0=40500000.

Elsewhere: the WGS 84 UTM zone (EPSG:326zz north of the equator, 327zz south; zone
floor((lon + 180) / 6) + 1; the Norway and Svalbard exceptions are not applied).

"Inside China" is a bounding box (73.5°–136°E, 3°–54°N, the South China Sea included), so places
near China in that box (e.g. Korea, northern Vietnam) also get a Gauss–Krüger zone: distances there
are just as accurate, only the choice differs from the usual local one.
"""

import math

CHINA_BOX = (73.5, 136.0, 3.0, 54.0)        # lon min, max, lat min, max (zones 25–45)
GK_FIRST_ZONE, GK_LAST_ZONE = 25, 45
GK_PLAIN_FIRST, GK_PREFIXED_FIRST = 4534, 4513


def in_china(lon, lat):
    """True when (lon, lat) is inside the box where the CGCS2000 Gauss–Krüger zones are used."""
    return CHINA_BOX[0] <= lon <= CHINA_BOX[1] and CHINA_BOX[2] <= lat <= CHINA_BOX[3]


def gk_zone(lon):
    """The 3-degree Gauss–Krüger zone number of a longitude (central meridian 3n°E)."""
    return int(math.floor((lon + 1.5) / 3.0))


def gk_epsg(zone, prefixed=False):
    """EPSG code of CGCS2000 3-degree Gauss–Krüger zone ``zone`` (25–45)."""
    if not GK_FIRST_ZONE <= zone <= GK_LAST_ZONE:
        raise ValueError(f'no CGCS2000 3-degree Gauss-Kruger EPSG code for zone {zone}')
    return (GK_PREFIXED_FIRST if prefixed else GK_PLAIN_FIRST) + zone - GK_FIRST_ZONE


def is_prefixed_gk(epsg):
    """True for the zone-prefixed CGCS2000 Gauss–Krüger codes (EPSG:4513–4533)."""
    return epsg is not None and GK_PREFIXED_FIRST <= int(epsg) <= GK_PREFIXED_FIRST + 20


def utm_epsg(lon, lat):
    """EPSG code of the WGS 84 UTM zone of (lon, lat)."""
    zone = min(60, int(math.floor((((lon + 180.0) % 360.0)) / 6.0)) + 1)
    return (32600 if lat >= 0 else 32700) + zone


def working_epsg(lon, lat, prefixed=False):
    """EPSG code of the projected CRS to compute in for data centred on (lon, lat) in degrees.

    ``prefixed``: inside China, use the zone-prefixed Gauss–Krüger code (when the user's data
    uses prefixed eastings).
    """
    if not (math.isfinite(lon) and math.isfinite(lat) and -90.0 <= lat <= 90.0):
        raise ValueError(f'not a longitude/latitude: {lon}, {lat}')
    lon = (lon + 180.0) % 360.0 - 180.0 if not -180.0 <= lon <= 180.0 else lon
    if in_china(lon, lat):
        return gk_epsg(gk_zone(lon), prefixed)
    return utm_epsg(lon, lat)
