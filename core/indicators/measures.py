"""The named inputs of indicator formulas, measured per district from the layers.

Each :class:`Measure` says which input it reads (``source``), which rows count (``select``), whether
it is restricted to a control line (``zone``, inside or ``outside``) and how it aggregates (area in
m², length in m, count, or a per-district value). :class:`MeasureTable` computes only the measures
a run needs, remembers why a measure cannot be computed (its input was not given), and tells which
source features contributed to a district's value (traceability in the dock).

Geometry rule: a feature is clipped to each district (and zone) it overlaps, so a parcel across a
boundary counts in both districts with its part in each; a point on a shared boundary counts once,
in the first district (in layer order) that contains it. Lengths are planar: the caller supplies
projected coordinates in metres. Areas follow ``Inputs.area_method`` (core/landuse/area.py): planar
(None or PLANAR), on the ellipsoid of ``Inputs.crs`` (ELLIPSOIDAL), or for land use the parcels'
``landuse_amounts`` (TBDLMJ …) split in proportion to the pieces' ellipsoidal areas (ATTRIBUTE).
"""

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import box
from shapely.ops import unary_union
from shapely.prepared import prep
from shapely.validation import make_valid

from ..errors import Canceled
from ..i18n import translate
from ..landuse import area as area_module
from . import classes

FLOOD_KIND = '易涝积水点'
# overlaps smaller than these are numerical slivers of features that only touch (a parcel along the
# red line must not make 生态保护红线内建设用地 "超标" with 1e-6 m²)
SLIVER_AREA = 0.01      # m²
SLIVER_LENGTH = 0.001   # m
ZONES = ('eco_redline', 'farmland', 'dev_boundary')


@dataclass(frozen=True)
class Measure:
    """How one named input is measured."""
    name: str
    source: str
    aggregate: str            # 'area' (m²), 'length' (m), 'count', 'value'
    unit: str
    description: str          # Chinese, shown in the docs and the dock
    select: str = None        # row filter, see MeasureTable._selection
    zone: str = None          # control line layer the value is restricted to
    outside: bool = False     # outside the zone instead of inside


MEASURES = {m.name: m for m in (
    Measure('district_area', 'districts', 'area', 'm²', '行政区面积'),
    Measure('population', 'population', 'value', '人', '常住人口'),
    Measure('urban_population', 'urban_population', 'value', '人', '城镇常住人口'),
    Measure('rural_population', 'rural_population', 'value', '人', '乡村常住人口 (常住人口 − 城镇常住人口)'),
    Measure('construction_area', 'landuse', 'area', 'm²', '建设用地面积', select='construction'),
    Measure('urban_construction_area', 'landuse', 'area', 'm²',
            '城镇建设用地面积 (城镇村属性码 201/202；无此字段时取城镇开发边界内建设用地)', select='urban'),
    Measure('village_construction_area', 'landuse', 'area', 'm²',
            '村庄建设用地面积 (城镇村属性码 203；无此字段时取城镇开发边界外建设用地)', select='village'),
    Measure('urban_rural_construction_area', 'landuse', 'area', 'm²',
            '城乡建设用地面积 (城镇村属性码 201–203；无此字段时为建设用地减区域基础设施与其他建设用地 '
            '0602 0603 09 1001 1003 1007 1008 1009 1109)', select='urban_rural'),
    Measure('cultivated_area', 'landuse', 'area', 'm²', '耕地面积 (01*)', select='cultivated'),
    Measure('forest_area', 'landuse', 'area', 'm²', '森林面积 (0301–0304)', select='forest'),
    Measure('farmland_area', 'farmland', 'area', 'm²', '永久基本农田面积'),
    Measure('redline_area', 'eco_redline', 'area', 'm²', '生态保护红线面积'),
    Measure('boundary_area', 'dev_boundary', 'area', 'm²', '城镇开发边界 (城区) 面积'),
    Measure('redline_construction_area', 'landuse', 'area', 'm²', '生态保护红线内建设用地面积',
            select='construction', zone='eco_redline'),
    Measure('farmland_construction_area', 'landuse', 'area', 'm²', '永久基本农田内建设用地面积',
            select='construction', zone='farmland'),
    Measure('boundary_construction_area', 'landuse', 'area', 'm²', '城镇开发边界内建设用地面积',
            select='construction', zone='dev_boundary'),
    Measure('building_footprint_area', 'buildings', 'area', 'm²', '建筑基底面积'),
    Measure('urban_building_footprint_area', 'buildings', 'area', 'm²', '城镇开发边界内建筑基底面积',
            zone='dev_boundary'),
    Measure('road_length', 'roads', 'length', 'm', '道路长度'),
    Measure('urban_road_length', 'roads', 'length', 'm', '城镇开发边界内道路长度', zone='dev_boundary'),
    Measure('risk_points', 'risk_points', 'count', '个', '风险点数量'),
    Measure('flood_points', 'risk_points', 'count', '个', '易涝积水点数量', select='flood'),
    Measure('covered_risk_points', 'risk_points', 'count', '个', '感知终端覆盖的风险点数量',
            select='covered'),
    Measure('co2_total', 'co2', 'value', 't CO₂', '二氧化碳排放总量 (碳排放表)'),
    Measure('co2_prev', 'co2_prev', 'value', 't CO₂', '上一年二氧化碳排放总量 (碳排放表, YEAR − 1)'),
    Measure('lc_population', 'life_circle', 'value', '人', '生活圈统计的居住人口 (spm:life_circle POP)'),
    Measure('lc_park_population', 'life_circle', 'value', '人', '公园绿地、广场步行5分钟覆盖的人口 (POP_PARK)'),
    Measure('lc_health_population', 'life_circle', 'value', '人', '社区卫生服务设施步行15分钟覆盖的人口 (POP_HEALTH)'),
    Measure('lc_primary_population', 'life_circle', 'value', '人', '社区小学步行10分钟覆盖的人口 (POP_PRIMARY)'),
    Measure('lc_middle_population', 'life_circle', 'value', '人', '社区中学步行15分钟覆盖的人口 (POP_MIDDLE)'),
    Measure('lc_elderly_population', 'life_circle', 'value', '人', '社区养老服务设施覆盖的人口 (POP_ELDERLY)'),
    Measure('lc_complete_population', 'life_circle', 'value', '人', '15分钟内可达全部设施种类的人口 (POP_ALL)'),
    Measure('park_area', 'life_circle', 'value', 'm²', '公园绿地、广场面积 (≥ 最小面积, PARK_M2)'),
    Measure('vital_sensors', 'vitals', 'value', '个', '感知设备数 (spm:vital_signs SENSORS)'),
    Measure('vital_online', 'vitals', 'value', '个', '在线感知设备数 (ONLINE)'),
    Measure('vital_orange', 'vitals', 'value', '个', '橙色预警设备数 (LEVEL_ORANGE)'),
    Measure('vital_red', 'vitals', 'value', '个', '红色预警设备数 (LEVEL_RED)'),
    Measure('ponding_over', 'vitals', 'value', '个', '积水超标的易涝点数 (PONDING_OVER)'),
)}
# measures read from the district table of another algorithm: {source: {measure: column}}
DISTRICT_TABLES = {
    'life_circle': {'lc_population': 'POP', 'lc_park_population': 'POP_PARK', 'lc_health_population': 'POP_HEALTH',
                    'lc_primary_population': 'POP_PRIMARY', 'lc_middle_population': 'POP_MIDDLE',
                    'lc_elderly_population': 'POP_ELDERLY', 'lc_complete_population': 'POP_ALL',
                    'park_area': 'PARK_M2'},
    'vitals': {'vital_sensors': 'SENSORS', 'vital_online': 'ONLINE', 'vital_orange': 'LEVEL_ORANGE',
               'vital_red': 'LEVEL_RED', 'ponding_over': 'PONDING_OVER'},
}

# what the user gives for each source, for "not computed" reasons
SOURCE_LABELS = {
    'population': 'POPULATION_FIELD', 'urban_population': 'URBAN_POPULATION_FIELD',
    'rural_population': 'POPULATION_FIELD + URBAN_POPULATION_FIELD', 'landuse': 'LANDUSE',
    'farmland': 'FARMLAND', 'eco_redline': 'ECO_REDLINE', 'dev_boundary': 'DEV_BOUNDARY',
    'buildings': 'BUILDINGS', 'roads': 'ROADS', 'risk_points': 'RISK_POINTS', 'co2': 'CARBON',
    'co2_prev': 'CARBON with CARBON_YEAR_FIELD and the previous year',
    'life_circle': 'LIFE_CIRCLE', 'vitals': 'VITALS',
}


def valid_geometries(geoms):
    """GeoSeries with invalid geometries repaired (make_valid) and empty/None ones kept as they are."""
    geoms = geoms.reset_index(drop=True)
    bad = ~geoms.is_valid & present(geoms)
    if bad.any():
        geoms = geoms.copy()
        geoms[bad] = [make_valid(g) for g in geoms[bad]]
    return geoms


def present(geoms):
    """Boolean array: which geometries are neither None nor empty."""
    return np.array([g is not None for g in geoms], dtype=bool) & ~geoms.is_empty.values


def union(geoms):
    """One geometry: the union of a GeoSeries (overlapping zone polygons count once)."""
    return geoms[present(geoms)].unary_union


@dataclass
class Inputs:
    """Everything the measures read, in one projected CRS, positions aligned with ``districts``.

    Geometry inputs are GeoSeries; per-district values are float Series aligned with ``districts``
    (NaN where a district has no value). Absent inputs are None.
    """
    districts: object
    population: object = None
    urban_population: object = None
    attributes: dict = field(default_factory=dict)
    landuse: object = None
    landuse_codes: object = None
    landuse_czcs: object = None
    eco_redline: object = None
    farmland: object = None
    dev_boundary: object = None
    buildings: object = None
    roads: object = None
    risk_points: object = None
    risk_kinds: object = None
    sensors: object = None
    sensor_radius: float = None
    co2: object = None
    co2_prev: object = None
    life_circle: object = None    # DataFrame of the spm:life_circle district table, aligned with districts
    vitals: object = None         # DataFrame of the spm:vital_signs district table, aligned with districts
    flood_kind: str = FLOOD_KIND
    area_method: str = None          # None/PLANAR, ELLIPSOIDAL or ATTRIBUTE (core/landuse/area.py)
    crs: object = None               # the CRS of every geometry (for ellipsoidal areas)
    landuse_amounts: object = None   # attribute area of each land-use parcel (m², NaN = none)


class MeasureTable:
    """Computes measures per district on demand; ``missing`` maps a measure to why it is absent."""

    def __init__(self, inputs, canceled=None):
        self.inputs = inputs
        self.canceled = canceled or (lambda: False)
        self.districts = valid_geometries(inputs.districts)
        self.n = len(self.districts)
        self._geoms = {}
        self._regions = {}
        self._pieces = {}
        self.missing = {}

    # ---- sources ---------------------------------------------------------------------------
    def _source(self, name):
        if name not in self._geoms:
            geoms = getattr(self.inputs, name)
            self._geoms[name] = None if geoms is None else valid_geometries(geoms)
        return self._geoms[name]

    def _region(self, zone, outside):
        """GeoSeries per district: the district, or its part inside/outside a zone layer."""
        key = (zone, outside)
        if key not in self._regions:
            if zone is None:
                self._regions[key] = self.districts
            else:
                zone_geom = union(self._source(zone))
                op = 'difference' if outside else 'intersection'
                self._regions[key] = valid_geometries(getattr(self.districts, op)(zone_geom))
        return self._regions[key]

    def _selection(self, measure):
        """(source, row mask or None, zone, outside) for a measure; raises KeyError(reason)."""
        inp = self.inputs
        source, zone, outside = measure.source, measure.zone, measure.outside
        if getattr(inp, source, None) is None and source not in ('districts', 'rural_population'):
            raise KeyError(translate('spm', 'input {name} not given').format(
                name=SOURCE_LABELS.get(source, source)))
        if zone is not None and getattr(inp, zone) is None:
            raise KeyError(translate('spm', 'input {name} not given').format(name=SOURCE_LABELS[zone]))
        mask = None
        if measure.select == 'construction':
            mask = classes.is_construction(inp.landuse_codes)
        elif measure.select == 'cultivated':
            mask = classes.is_cultivated(inp.landuse_codes)
        elif measure.select == 'forest':
            mask = classes.is_forest(inp.landuse_codes)
        elif measure.select in ('urban', 'village'):
            mask = classes.is_construction(inp.landuse_codes)
            if inp.landuse_czcs is not None:
                test = classes.is_urban if measure.select == 'urban' else classes.is_village
                mask = mask & test(inp.landuse_czcs)
            elif inp.dev_boundary is not None:
                zone, outside = 'dev_boundary', measure.select == 'village'
            else:
                raise KeyError(translate(
                    'spm', 'needs the 城镇村属性码 field (URBAN_FIELD) or the urban development boundary '
                    '(DEV_BOUNDARY) to tell urban from village construction land'))
        elif measure.select == 'urban_rural':
            mask = classes.is_construction(inp.landuse_codes)
            if inp.landuse_czcs is not None:
                mask = mask & classes.is_urban_rural(inp.landuse_czcs)
            else:
                mask = mask & ~classes.is_regional(inp.landuse_codes)
        elif measure.select == 'flood':
            if inp.risk_kinds is None:
                raise KeyError(translate('spm', 'the risk points have no kind field'))
            mask = pd.Series(inp.risk_kinds, dtype=object).fillna('').astype(str).str.strip() \
                == inp.flood_kind
        elif measure.select == 'covered':
            mask = self._covered()
        if mask is not None:
            mask = np.asarray(mask, dtype=bool)
        return source, mask, zone, outside

    def _covered(self):
        inp = self.inputs
        if inp.sensors is None:
            raise KeyError(translate('spm', 'input {name} not given').format(name='SENSORS'))
        if inp.sensor_radius is None or not inp.sensor_radius > 0:
            raise KeyError(translate('spm', 'the sensor radius must be greater than 0'))
        points = self._source('risk_points')
        sensors = self._source('sensors')
        sensors = sensors[present(sensors)]
        if len(sensors) == 0:
            return np.zeros(len(points), dtype=bool)
        from scipy.spatial import cKDTree
        tree = cKDTree(_xy(sensors))
        # query_ball_point includes the boundary: distance <= radius is covered
        xy = _xy(points)
        ok = np.isfinite(xy).all(axis=1)
        covered = np.zeros(len(points), dtype=bool)
        if ok.any():
            counts = tree.query_ball_point(xy[ok], r=float(inp.sensor_radius), return_length=True)
            covered[ok] = np.asarray(counts) > 0
        return covered

    # ---- geometry ----------------------------------------------------------------------------
    def _parts(self, zone, outside):
        """Each district's region cut into small parts: (parts, owner district, prepared parts).

        Testing a parcel against a part of a few hundred vertices is cheap where testing it against
        a whole district (or a district's red line, thousands of rings) is not; the parts partition
        the region, so sums over them are exact.
        """
        key = ('parts', zone, outside)
        if key not in self._regions:
            parts, owner = [], []
            for position, region in enumerate(self._region(zone, outside)):
                pieces = subdivide(region)
                parts.extend(pieces)
                owner.extend([position] * len(pieces))
            self._regions[key] = (gpd.GeoSeries(parts, dtype='geometry'), np.asarray(owner, dtype=int),
                                  [prep(p) for p in parts])
        return self._regions[key]

    def _candidates(self, source, zone, outside):
        """(part positions, source positions) whose bounding boxes meet, via the source's index."""
        key = ('candidates', source, zone, outside)
        if key not in self._regions:
            parts = self._parts(zone, outside)[0]
            self._regions[key] = _pairs(parts, self._source(source))
        return self._regions[key]

    def _contributions(self, measure):
        """(source positions, district positions, amounts) of every feature–district overlap."""
        source, mask, zone, outside = self._selection(measure)
        key = (source, measure.select, zone, outside, measure.aggregate)
        if key in self._pieces:
            return self._pieces[key]
        geoms = self._source(source)
        keep = present(geoms) if mask is None else present(geoms) & mask
        _, owner, prepared = self._parts(zone, outside)
        part_pos, src_pos = self._candidates(source, zone, outside)
        chosen = keep[src_pos]
        part_pos, src_pos = part_pos[chosen], src_pos[chosen]
        if measure.aggregate == 'length':
            src_pos, reg_pos, amounts = self._lengths(geoms, zone, outside, part_pos, src_pos)
        else:
            amounts = self._amounts(geoms, zone, outside, part_pos, src_pos, measure.aggregate,
                                    source)
            keep = amounts > 0
            src_pos, reg_pos, amounts = src_pos[keep], owner[part_pos[keep]], amounts[keep]
        order = np.lexsort((reg_pos, src_pos))
        src_pos, reg_pos, amounts = src_pos[order], reg_pos[order], amounts[order]
        if measure.aggregate == 'count':
            # a point on a shared boundary (or on a cut between parts) counts once: first district
            first = ~pd.Series(src_pos).duplicated().values
            src_pos, reg_pos, amounts = src_pos[first], reg_pos[first], amounts[first]
        self._pieces[key] = (src_pos, reg_pos, amounts)
        return self._pieces[key]

    def _amounts(self, geoms, zone, outside, part_pos, src_pos, aggregate, source=None):
        """Area (or 1 for a count) of each source geometry inside each candidate part."""
        parts, _, prepared = self._parts(zone, outside)
        items = list(geoms.values)
        amounts = np.zeros(len(src_pos))
        pieces = {}
        for k, (p, s) in enumerate(zip(part_pos, src_pos)):
            if k % 2000 == 0 and self.canceled():
                raise Canceled(translate('spm', 'canceled'))
            geom, test = items[s], prepared[p]
            if aggregate == 'count':
                amounts[k] = 1.0 if test.intersects(geom) else 0.0
            elif test.covers(geom):
                amounts[k] = geom.area
                pieces[k] = geom
            elif test.intersects(geom):
                piece = geom.intersection(parts.values[p])
                amounts[k] = piece.area if piece.area >= SLIVER_AREA else 0.0
                pieces[k] = piece
        method = self.inputs.area_method
        if aggregate == 'count' or method in (None, area_module.PLANAR) or not pieces:
            return amounts
        keys = np.array([k for k in pieces if amounts[k] > 0], dtype=int)
        measured = self._area([pieces[k] for k in keys])
        if method == area_module.ATTRIBUTE and source == 'landuse' and \
                self.inputs.landuse_amounts is not None:
            owners = src_pos[keys]
            whole = self._whole_landuse()[owners]
            attribute = np.asarray(self.inputs.landuse_amounts, dtype=float)[owners]
            share = np.divide(measured, whole, out=np.zeros(len(keys)), where=whole > 0)
            measured = np.where(np.isnan(attribute), measured, attribute * share)
        amounts[keys] = measured
        return amounts

    def _area(self, geometries):
        """Areas (m²) of whole geometries by the run's method (planar, or on the ellipsoid)."""
        method = self.inputs.area_method
        if method in (None, area_module.PLANAR) or self.inputs.crs is None:
            return np.array([0.0 if g is None else g.area for g in geometries], dtype=float)
        return area_module.ellipsoidal(geometries, self.inputs.crs, self.canceled)

    def _whole_landuse(self):
        if 'whole_landuse' not in self._regions:
            self._regions['whole_landuse'] = area_module.ellipsoidal(
                list(self._source('landuse').values), self.inputs.crs, self.canceled)
        return self._regions['whole_landuse']

    def _lengths(self, geoms, zone, outside, part_pos, src_pos):
        """(sources, districts, lengths): a line is measured against its district's whole region.

        Cutting lines at the parts' edges would make a road that runs along a zone boundary count
        or not by rounding; measured against the whole region it counts as GEOS's intersection
        (and QGIS's) counts it.
        """
        _, owner, prepared = self._parts(zone, outside)
        regions = self._region(zone, outside)
        items = list(geoms.values)
        pairs = {}
        for p, s in zip(part_pos, src_pos):
            key = (int(s), int(owner[p]))
            if pairs.get(key) == 'covered':
                continue
            if prepared[p].covers(items[s]):
                pairs[key] = 'covered'
            elif prepared[p].intersects(items[s]):
                pairs[key] = 'crosses'
        out = []
        for k, ((s, r), how) in enumerate(sorted(pairs.items())):
            if k % 500 == 0 and self.canceled():
                raise Canceled(translate('spm', 'canceled'))
            geom = items[s]
            length = geom.length if how == 'covered' else geom.intersection(regions.values[r]).length
            if length >= SLIVER_LENGTH or (how == 'covered' and length > 0):
                out.append((s, r, length))
        if not out:
            return np.array([], dtype=int), np.array([], dtype=int), np.array([])
        s, r, length = zip(*out)
        return np.array(s, dtype=int), np.array(r, dtype=int), np.array(length, dtype=float)

    # ---- public -----------------------------------------------------------------------------
    def values(self, name):
        """float array (one per district) of a measure; raises KeyError(reason) if not computable."""
        if name in self.inputs.attributes and name not in MEASURES:
            return np.asarray(self.inputs.attributes[name], dtype=float)
        measure = MEASURES[name]
        if measure.source == 'districts':
            return self._area(self.districts.values)
        if measure.source == 'rural_population':
            if self.inputs.population is None or self.inputs.urban_population is None:
                raise KeyError(translate('spm', 'input {name} not given').format(
                    name=SOURCE_LABELS['rural_population']))
            return (np.asarray(self.inputs.population, dtype=float)
                    - np.asarray(self.inputs.urban_population, dtype=float))
        if measure.source in ZONES and measure.aggregate == 'area' and measure.select is None:
            self._selection(measure)          # raises when not given
            # the zone's own area: overlapping zone polygons count once
            return self._area(self._region(measure.source, False).values)
        if measure.source in DISTRICT_TABLES:
            self._selection(measure)          # raises when not given
            table, column = getattr(self.inputs, measure.source), DISTRICT_TABLES[measure.source][name]
            if column not in table.columns:
                raise KeyError(translate('spm', 'the {table} table has no column {column}').format(
                    table=SOURCE_LABELS[measure.source], column=column))
            return np.asarray(table[column], dtype=float)
        if measure.aggregate == 'value':
            self._selection(measure)          # raises when not given
            return np.asarray(getattr(self.inputs, measure.source), dtype=float)
        _, reg_pos, amounts = self._contributions(measure)
        return np.bincount(reg_pos, weights=amounts, minlength=self.n).astype(float)

    def compute(self, names):
        """DataFrame (district position × measure) of the computable ``names``; fills ``missing``."""
        columns = {}
        for name in sorted(names):
            try:
                columns[name] = self.values(name)
            except KeyError as exc:
                self.missing[name] = exc.args[0]
        return pd.DataFrame(columns, index=range(self.n))

    def contributors(self, name, district):
        """Positions (in the source input) of the features that contribute to ``name`` in a district.

        Returns (source name, array of positions); the source is None for per-district values.
        """
        measure = MEASURES.get(name)
        if measure is None or measure.aggregate == 'value' or measure.source == 'districts':
            return None, np.array([], dtype=int)
        src_pos, reg_pos, _ = self._contributions(measure)
        return measure.source, np.unique(src_pos[reg_pos == district])


def known_names(attributes=()):
    """Every input name a formula may use: the measures and the district layer's numeric fields."""
    return set(MEASURES) | set(attributes)


def _pairs(queries, geoms):
    """(query positions, geometry positions) whose bounding boxes intersect.

    The R-tree is built on ``geoms`` (the large layer, once) and queried with the few ``queries``.
    """
    if len(queries) == 0 or len(geoms) == 0:
        return np.array([], dtype=int), np.array([], dtype=int)
    tree = geoms.sindex
    if hasattr(tree, 'query_bulk'):
        pairs = tree.query_bulk(queries.values)
    else:                                            # geopandas >= 1.0
        pairs = tree.query(queries.values)
    return np.asarray(pairs[0], dtype=int), np.asarray(pairs[1], dtype=int)


def _vertices(geom):
    if geom.geom_type == 'Polygon':
        return len(geom.exterior.coords) + sum(len(ring.coords) for ring in geom.interiors)
    if hasattr(geom, 'geoms'):
        return sum(_vertices(g) for g in geom.geoms)
    return 0


def _polygonal(geom):
    """The polygons of a geometry (intersections may add slivers of lines and points)."""
    if geom.is_empty:
        return None
    if geom.geom_type in ('Polygon', 'MultiPolygon'):
        return geom
    polygons = [g for g in getattr(geom, 'geoms', []) if g.geom_type in ('Polygon', 'MultiPolygon')]
    if not polygons:
        return None
    return unary_union(polygons)


def subdivide(geom, max_vertices=256, depth=0):
    """Polygonal parts of ``geom`` with at most ``max_vertices`` each (halving its bounding box)."""
    geom = _polygonal(geom) if geom is not None else None
    if geom is None:
        return []
    if depth >= 20 or _vertices(geom) <= max_vertices:
        return [geom]
    minx, miny, maxx, maxy = geom.bounds
    if maxx - minx >= maxy - miny:
        middle = (minx + maxx) / 2
        halves = (box(minx, miny, middle, maxy), box(middle, miny, maxx, maxy))
    else:
        middle = (miny + maxy) / 2
        halves = (box(minx, miny, maxx, middle), box(minx, middle, maxx, maxy))
    parts = []
    for half in halves:
        parts.extend(subdivide(geom.intersection(half), max_vertices, depth + 1))
    return parts


def _xy(geoms):
    """(n, 2) array of point coordinates (centroids for other geometry types)."""
    coords = []
    for geom in geoms:
        if geom is None or geom.is_empty:
            coords.append((np.nan, np.nan))
            continue
        point = geom if geom.geom_type == 'Point' else geom.centroid
        coords.append((point.x, point.y))
    return np.array(coords, dtype=float).reshape(-1, 2)
