"""Continuous fields over the city that drive the synthetic layers.

``Fields`` evaluates, for arrays of EPSG:4528 points: an elevation-like surface (hills to the west
and north, flat near the plains, rivers and the coast), an urban intensity in [0, 1] (Gaussian
around the urban nuclei), distances to the coast and to the rivers, and seeded smooth noise.
"""

import numpy as np
from scipy.spatial import cKDTree
from pyproj import Transformer
from shapely.geometry import LineString, Polygon
from shapely.ops import unary_union

from . import places
from .geo import lonlat_to_xy, polygons
from .rng import stream


class Noise:
    """Smooth 2D noise: a sum of seeded plane waves with wavelengths in [short, long] metres."""

    def __init__(self, topic, short=2000.0, long=20000.0, modes=24):
        rng = stream('noise:' + topic)
        wavelength = np.exp(rng.uniform(np.log(short), np.log(long), modes))
        angle = rng.uniform(0, 2 * np.pi, modes)
        self.kx = 2 * np.pi / wavelength * np.cos(angle)
        self.ky = 2 * np.pi / wavelength * np.sin(angle)
        self.phase = rng.uniform(0, 2 * np.pi, modes)
        self.amp = (wavelength / wavelength.max()) ** 0.5
        self.norm = np.sqrt(0.5 * np.sum(self.amp ** 2))

    def __call__(self, x, y):
        """Values of mean 0 and standard deviation about 1 at points (x, y)."""
        x = np.asarray(x, float)[..., None] - 4.04e7
        y = np.asarray(y, float)[..., None] - 2.8e6
        waves = np.cos(x * self.kx + y * self.ky + self.phase) * self.amp
        return waves.sum(axis=-1) / self.norm


try:                                    # shapely 2
    from shapely import contains_xy as _contains
except ImportError:                     # shapely 1.8
    from shapely.vectorized import contains as _contains


def contains_xy(geom, x, y):
    """Vectorised point-in-polygon (shapely 2 ``contains_xy`` or shapely 1.8 ``vectorized``)."""
    return np.asarray(_contains(geom, np.asarray(x, float), np.asarray(y, float)), bool)


def _xy(points):
    return np.array([lonlat_to_xy(lon, lat) for lon, lat in points])


def densify(line, step):
    """Points every ``step`` metres along a line (ends included), as an (n, 2) array."""
    n = max(int(np.ceil(line.length / step)), 1)
    return np.array([line.interpolate(i / n, normalized=True).coords[0] for i in range(n + 1)])


def river_polygon(points_xy, width_start, width_end, step=150.0):
    """A river as a polygon whose width grows linearly from source to mouth."""
    line = LineString(points_xy)
    pts = densify(line, step)
    n = len(pts) - 1
    pieces = []
    for i in range(n):
        width = width_start + (width_end - width_start) * (i + 0.5) / n
        pieces.append(LineString(pts[i:i + 2]).buffer(width / 2, 4))
    return unary_union(pieces), line


class Fields:
    """The fields of the sample city; ``city`` is the union of the districts (EPSG:4528)."""

    def __init__(self, city):
        self.city = city
        self.noise_terrain = Noise('terrain', 1500, 12000, 32)
        self.noise_urban = Noise('urban', 800, 6000, 24)
        self.noise_use = Noise('use', 600, 5000, 24)
        self.noise_industry = Noise('industry', 1500, 8000, 16)
        # Nuclei: the central city, district seats, and each 镇/乡 seat.
        nuclei = [(key, lon, lat, r, g, rank) for key, lon, lat, r, g, rank in places.NUCLEI]
        for adcode, seats in places.TOWNSHIPS.items():
            for name, kind, lon, lat in seats:
                if kind in places.TOWN_RADIUS_KM:
                    grid = places.TOWN_GRID_M if kind == '镇' else 0
                    nuclei.append((name, lon, lat, places.TOWN_RADIUS_KM[kind], grid,
                                   2 if kind == '镇' else 3))
        self.nuclei = nuclei
        self.nuclei_xy = _xy([(n[1], n[2]) for n in nuclei])
        self.nuclei_r = np.array([n[3] * 1000.0 for n in nuclei])
        # Hills.
        self.hills_xy = _xy([(h[0], h[1]) for h in places.HILLS])
        self.hills_h = np.array([h[2] for h in places.HILLS], float)
        self.hills_s = np.array([h[3] * 1000.0 for h in places.HILLS])
        # Rivers (polygons clipped to the city, and their centre lines).
        self.rivers = []
        for name, pts, w0, w1 in places.RIVERS:
            poly, line = river_polygon(_xy(pts), w0, w1)
            self.rivers.append((name, poly.intersection(city), line))
        self.canals = []
        for name, pts, width in places.CANALS:
            poly, line = river_polygon(_xy(pts), width, width)
            self.canals.append((name, poly.intersection(city).difference(
                unary_union([r[1] for r in self.rivers])), line))
        self.river_area = unary_union([r[1] for r in self.rivers])
        self.canal_area = unary_union([c[1] for c in self.canals])
        self.water_area = unary_union([self.river_area, self.canal_area])
        river_pts = np.vstack([densify(r[2], 100) for r in self.rivers])
        self._river_tree = cKDTree(river_pts)
        # Coast: the parts of the city's outline that face the sea.
        coast_pts = []
        back = Transformer.from_crs('EPSG:4528', 'EPSG:4490', always_xy=True)
        for poly in polygons(city):
            pts = densify(poly.exterior, 100)
            lon, lat = back.transform(pts[:, 0], pts[:, 1])
            keep = np.array([places.is_coast(a, b) for a, b in zip(lon, lat)])
            coast_pts.append(pts[keep])
        self.coast_pts = np.vstack(coast_pts)
        self._coast_tree = cKDTree(self.coast_pts)
        # Lowland: plains, rivers and coast.
        self.plains = [Polygon(_xy(p)) for p in places.PLAINS]
        plain_pts = np.vstack([densify(p.exterior, 100) for p in self.plains])
        self._low_tree = cKDTree(np.vstack([plain_pts, river_pts, self.coast_pts]))
        # Reservoirs.
        self.reservoirs = [(name, np.array(lonlat_to_xy(lon, lat)), r * 1000.0)
                           for name, lon, lat, r in places.RESERVOIRS]

    # --- distances --------------------------------------------------------------------------
    def coast_distance(self, x, y):
        return self._coast_tree.query(np.column_stack([x, y]))[0]

    def river_distance(self, x, y):
        return self._river_tree.query(np.column_stack([x, y]))[0]

    def lowland_distance(self, x, y):
        d = self._low_tree.query(np.column_stack([x, y]))[0]
        inside = np.zeros(len(d), bool)
        for plain in self.plains:
            inside |= contains_xy(plain, x, y)
        d[inside] = 0.0
        return d

    # --- fields -----------------------------------------------------------------------------
    def elevation(self, x, y, lowland=None):
        """Elevation-like value in metres (0 at the coast, up to ~1500 in the western mountains)."""
        x = np.asarray(x, float)
        y = np.asarray(y, float)
        dx = x[:, None] - self.hills_xy[None, :, 0]
        dy = y[:, None] - self.hills_xy[None, :, 1]
        relief = (self.hills_h * np.exp(-(dx ** 2 + dy ** 2) / (2 * self.hills_s ** 2))).sum(1)
        relief = 1400.0 * (1.0 - np.exp(-relief / 1400.0))      # overlapping hills saturate
        if lowland is None:
            lowland = self.lowland_distance(x, y)
        flat = 1.0 - np.exp(-lowland / 2500.0)
        rough = 1.0 + 0.35 * self.noise_terrain(x, y)
        return np.clip(3.0 + relief * flat * rough + 4.0 * (1 + self.noise_terrain(y, x)), 0, None)

    def urban(self, x, y):
        """Urban intensity in [0, 1] and the index of the nucleus that dominates each point."""
        x = np.asarray(x, float)
        y = np.asarray(y, float)
        dx = x[:, None] - self.nuclei_xy[None, :, 0]
        dy = y[:, None] - self.nuclei_xy[None, :, 1]
        d2 = dx ** 2 + dy ** 2
        wobble = 1.0 + 0.25 * self.noise_urban(x, y)
        r = self.nuclei_r[None, :] * wobble[:, None]
        each = np.exp(-d2 / r ** 2)
        which = each.argmax(1)
        return each.max(1), which
