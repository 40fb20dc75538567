"""Turn the in-memory city into the GeoPackage layers and tables (names and fields are a contract:
see docs/sample.md)."""

from collections import Counter, defaultdict

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.prepared import prep

from . import buildings, citycodes, codes, lifecircle, points, sandiao_fields, stats, vitals
from .dissolve import dissolve, explode
from .geo import CRS, as_multi

CURRENT_YEAR, PREVIOUS_YEAR = 2023, 2020
PLAN_GROUPS = ('01', '02', '03', '04')   # farm, garden, forest, grass: merged within a block
MINOR_SHARE = 0.25                       # farm/forest classes below this share of a block merge


def frame(rows, columns, geoms):
    return gpd.GeoDataFrame(pd.DataFrame(rows, columns=columns), geometry=list(geoms), crs=CRS)


def bsm(adcode, seq):
    """标识码: district adcode + 6-digit sequence (unique within a layer)."""
    return f'{adcode}{seq:06d}'


class Layers:
    """All layers of the sample city, built from a ``City``."""

    def __init__(self, city):
        self.city = city
        p = city.parcels
        self.stats_rows = stats.district_stats()
        self.energy_rows = stats.energy_use(self.stats_rows)
        self.districts = self._districts()
        self.townships = self._townships()
        city.step('townships')
        self.landuse_previous, prev_bsm = self._previous()
        self.landuse_current = self._current(prev_bsm)
        self.landuse_previous = sandiao_fields.add(self.landuse_previous, city.fields)
        self.landuse_current = sandiao_fields.add(
            self.landuse_current.assign(_kind=p['kind'].to_numpy()), city.fields)
        city.step(f'land use: {len(self.landuse_current)} parcels (2023), '
                  f'{len(self.landuse_previous)} (2020)')
        self.landuse_plan = self._plan()
        city.step(f'plan: {len(self.landuse_plan)} zones')
        self.eco_redline, self.farmland, self.dev_boundary = self._controls()
        city.step('control lines')
        self.roads = self._roads()
        first_year = np.where(p['changed'] & ~p['previous'].isin(
            tuple(codes.CURRENT_CONSTRUCTION)), 2021, 0)
        self.buildings = self._buildings(pd.Series(first_year, index=p.index))
        city.step(f'buildings: {len(self.buildings)}')
        self.risk_points, self.sensors_existing = self._points()
        city.step(f'risk points: {len(self.risk_points)}')
        self.sensors_existing = vitals.with_ids(self.sensors_existing)
        self.vital_readings = vitals.readings(self.sensors_existing)
        self.buildings['population'] = lifecircle.population(self.buildings)
        self.facilities, self.parks, self.footpaths = lifecircle.build(self)
        city.step(f'life circle: {len(self.facilities)} facilities, {len(self.parks)} parks')
        self.city_registers = citycodes.CityRegisters(self)
        city.step(f'address points: {len(self.city_registers.address_points)}')

    # --- administrative ---------------------------------------------------------------------
    def _districts(self):
        latest = {r[0]: r for r in self.stats_rows if r[2] == CURRENT_YEAR}
        rows = [(a, n, latest[a][3], latest[a][4]) for a, n, _ in self.city.districts]
        return frame(rows, ['adcode', 'name', 'population', 'urban_population'],
                     [g for _, _, g in self.city.districts])

    def _townships(self):
        p = self.city.parcels
        merged = dissolve(p.geometry, p['township'])
        rows, geoms = [], []
        for code, name, kind, adcode, _, _ in self.city.table:
            rows.append((code, name, kind, adcode))
            geoms.append(as_multi(merged[code]))
        return frame(rows, ['code', 'name', 'kind', 'adcode'], geoms)

    # --- land use ---------------------------------------------------------------------------
    def _previous(self):
        """2020 parcels: unchanged parcels as in 2023; changed parcels of a block with the same
        2020 use merged (new development later subdivided the old fields)."""
        p = self.city.parcels
        rows, geoms, prev_bsm = [], [], {}
        seq = defaultdict(int)
        changed = p[p['changed'] & (p['kind'] != 'road')]
        groups = dissolve(changed.geometry, list(zip(changed['adcode'], changed['cell'],
                                                     changed['previous'], changed['township'])))
        merged_by_cell = defaultdict(list)
        for key, poly in explode(groups):
            merged_by_cell[(key[0], key[1])].append((key, poly))
        emitted = set()
        for i in p.index:
            adcode = p.at[i, 'adcode']
            if p.at[i, 'changed'] and p.at[i, 'kind'] != 'road':
                cell_key = (adcode, p.at[i, 'cell'])
                if cell_key in emitted:
                    continue
                emitted.add(cell_key)
                for (a, _, code, town), poly in merged_by_cell[cell_key]:
                    seq[a] += 1
                    rows.append((code, codes.current_name(code), a, town, bsm(a, seq[a]),
                                 PREVIOUS_YEAR))
                    geoms.append(as_multi(poly))
                continue
            seq[adcode] += 1
            code_bsm = bsm(adcode, seq[adcode])
            if not p.at[i, 'changed']:        # a changed road parcel gets a new 标识码 in 2023
                prev_bsm[i] = code_bsm
            code = p.at[i, 'previous']
            rows.append((code, codes.current_name(code), adcode, p.at[i, 'township'],
                         code_bsm, PREVIOUS_YEAR))
            geoms.append(as_multi(p.geometry[i]))
        self._seq = seq
        return frame(rows, ['DLBM', 'DLMC', 'district', 'ZLDWDM', 'BSM', 'year'], geoms), prev_bsm

    def _current(self, prev_bsm):
        """2023 parcels: unchanged ones keep their 2020 标识码, new ones continue the sequence."""
        p = self.city.parcels
        rows = []
        for i in p.index:
            adcode = p.at[i, 'adcode']
            if i in prev_bsm:
                code_bsm = prev_bsm[i]
            else:
                self._seq[adcode] += 1
                code_bsm = bsm(adcode, self._seq[adcode])
            code = p.at[i, 'current']
            rows.append((code, codes.current_name(code), adcode, p.at[i, 'township'], code_bsm,
                         CURRENT_YEAR))
        return frame(rows, ['DLBM', 'DLMC', 'district', 'ZLDWDM', 'BSM', 'year'],
                     [as_multi(g) for g in p.geometry])

    def _plan(self):
        """Plan zones, coarser than parcels: in each block, the parcels planned for construction
        take the block's majority construction use (a zone per block, as in a 控规); farm, garden,
        forest and grass parcels take the block's majority class of their level-1 group, and
        minor groups of a block join its main group; roads and water of a township are dissolved
        by use."""
        p = self.city.parcels
        plan = p['plan'].to_numpy().copy()
        block = p['kind'].isin(('core', 'village')).to_numpy()
        area = p['area'].to_numpy()
        cells = p['cell'].to_numpy()

        # Minor farm/forest classes of a block (< MINOR_SHARE of its farm/forest area) are
        # zoned with the block's main class, as a plan drawn at a coarser scale would.
        natural = defaultdict(Counter)
        for i in np.nonzero(block)[0]:
            if plan[i] not in codes.PLAN_CONSTRUCTION and plan[i][:2] in PLAN_GROUPS:
                natural[cells[i]][plan[i][:2]] += area[i]
        main_class = {k: max(sorted(c.items()), key=lambda kv: kv[1])[0]
                      for k, c in natural.items()}

        def group(i):
            if plan[i] in codes.PLAN_CONSTRUCTION:
                return (cells[i], 'C')
            level1 = plan[i][:2]
            if level1 not in PLAN_GROUPS:
                return None
            shares = natural[cells[i]]
            if shares[level1] < MINOR_SHARE * sum(shares.values()):
                level1 = main_class[cells[i]]
            return (cells[i], level1)
        groups = defaultdict(Counter)
        for i in np.nonzero(block)[0]:
            key = group(i)
            if key is not None:
                groups[key][plan[i]] += area[i]
        for i in np.nonzero(block)[0]:
            key = group(i)
            if key is not None:
                candidates = {c: a for c, a in groups[key].items() if c[:2] == key[1]} \
                    if key[1] != 'C' else groups[key]
                plan[i] = max(sorted(candidates.items()), key=lambda kv: kv[1])[0]
        self.city.parcels['plan_zone_code'] = plan
        linear = p['kind'].isin(('road', 'river', 'canal')).to_numpy()
        keys = [(a, 'T' + t, c) if lin else (a, f'B{k:06d}', c)
                for a, t, k, c, lin in zip(p['adcode'], p['township'], p['cell'], plan, linear)]
        rows, geoms = [], []
        for (adcode, _, code), poly in explode(dissolve(p.geometry, keys)):
            rows.append((code, codes.plan_name(code), adcode))
            geoms.append(as_multi(poly))
        return frame(rows, ['YDYHFLDM', 'YDYHFLMC', 'district'], geoms)

    def _controls(self):
        p = self.city.parcels
        f = self.city.fields
        names = {a: n for a, n, _ in self.city.districts}
        out = []
        # Ecological red line, per district, named by its main function.
        red = p[p['zone'] == 'red']
        rows, geoms = [], []
        seq = Counter()
        for adcode, poly in explode(dissolve(red.geometry, red['adcode'])):
            c = poly.representative_point()
            e = float(f.elevation([c.x], [c.y])[0])
            dc = float(f.coast_distance([c.x], [c.y])[0])
            near_res = any(np.hypot(c.x - r[1][0], c.y - r[1][1]) < 2.5 * r[2]
                           for r in f.reservoirs)
            kind = '海岸生态稳定' if dc < 2500 else ('水源涵养' if near_res else (
                '生物多样性维护' if e > 600 else '水土保持'))
            seq[adcode] += 1
            rows.append((f'{names[adcode]}{kind}生态保护红线', f'{adcode}HX{seq[adcode]:04d}',
                         kind, adcode))
            geoms.append(as_multi(poly))
        out.append(frame(rows, ['name', 'code', 'function', 'district'], geoms))
        # Permanent basic farmland, per township.
        farm = p[p['zone'] == 'farm']
        rows, geoms = [], []
        seq = Counter()
        for town, poly in explode(dissolve(farm.geometry, farm['township'])):
            seq[town] += 1
            rows.append((f'{town}JB{seq[town]:04d}', town[:6], town))
            geoms.append(as_multi(poly))
        out.append(frame(rows, ['code', 'district', 'ZLDWDM'], geoms))
        # Urban development boundary, per urban nucleus.
        dev = p[p['zone'] == 'dev']
        rows, geoms = [], []
        for k, geom in dissolve(dev.geometry, dev['nucleus']).items():
            name = f.nuclei[k][0]
            rows.append((f'{name}城镇开发边界', name))
            geoms.append(as_multi(geom))
        out.append(frame(rows, ['name', 'area_name'], geoms))
        return out

    # --- roads, buildings, points -----------------------------------------------------------
    def _roads(self):
        net = self.city.network
        city = self.city.city
        inside = prep(city)
        rows, geoms = [], []
        lines = net.ridge_lines()
        for r in np.nonzero(net.ridge_inside)[0]:
            cls = net.ridge_class[r]
            if cls in ('', '铁路'):
                continue
            clipped = lines[r] if inside.contains(lines[r]) else lines[r].intersection(city)
            for part in getattr(clipped, 'geoms', [clipped]):
                if part.geom_type == 'LineString' and part.length > 1.0:
                    rows.append((cls, net.ridge_name[r], float(net.ridge_width[r]),
                                 net.grade_of(r)))
                    geoms.append(part)
        return frame(rows, ['class', 'name', 'width', 'grade'], geoms)

    def _buildings(self, first_year):
        b = buildings.build(self.city.parcels, first_year)
        seq = Counter()
        rows = []
        for floors, use, height, year, adcode in zip(b['floors'], b['use'], b['height'],
                                                     b['year'], b['adcode']):
            seq[adcode] += 1
            rows.append((floors, use, height, year, bsm(adcode, seq[adcode])))
        return frame(rows, ['floors', 'use', 'height', 'year', 'BSM'], b['geometry'])

    def _points(self):
        f = self.city.fields
        water = f.water_area
        pts = points.risk_points(self.roads, f, self.city.parcels, water)
        towns = self.townships
        sidx = towns.sindex

        def where(p):
            for j in sidx.query(p):
                if towns.geometry.iat[j].intersects(p):
                    return towns['code'].iat[j], towns['name'].iat[j], towns['adcode'].iat[j]
            j = int(np.argmin([g.distance(p) for g in towns.geometry]))
            return towns['code'].iat[j], towns['name'].iat[j], towns['adcode'].iat[j]

        rows, geoms, seq = [], [], Counter()
        for kind, p, severity in pts:
            _, tname, adcode = where(p)
            seq[(tname, kind)] += 1
            weight = round(1.0 + 4.0 * float(severity), 2)
            rows.append((kind, weight, f'{tname}{points.SHORT[kind]}{seq[(tname, kind)]:03d}',
                         adcode))
            geoms.append(p)
        risk = frame(rows, ['kind', 'weight', 'name', 'district'], geoms)
        rows, geoms, seq = [], [], Counter()
        for kind, radius, p, _ in points.sensors(pts):
            _, tname, adcode = where(p)
            seq[kind] += 1
            rows.append((kind, float(radius), f'{tname}{kind}{seq[kind]:02d}', adcode))
            geoms.append(p)
        return risk, frame(rows, ['kind', 'radius', 'name', 'district'], geoms)

    # --- output -----------------------------------------------------------------------------
    def spatial(self):
        return [('districts', self.districts), ('townships', self.townships),
                ('landuse_current', self.landuse_current),
                ('landuse_previous', self.landuse_previous), ('landuse_plan', self.landuse_plan),
                ('eco_redline', self.eco_redline), ('farmland', self.farmland),
                ('dev_boundary', self.dev_boundary), ('buildings', self.buildings),
                ('roads', self.roads), ('risk_points', self.risk_points),
                ('sensors_existing', self.sensors_existing), ('facilities', self.facilities),
                ('parks', self.parks), ('footpaths', self.footpaths),
                ('address_points', self.city_registers.address_points)]

    def tables(self):
        return [('district_stats', [('adcode', 'str'), ('name', 'str'), ('year', 'int'),
                                    ('population', 'int'), ('urban_population', 'int'),
                                    ('gdp', 'float'), ('gdp_primary', 'float'),
                                    ('gdp_secondary', 'float'), ('gdp_tertiary', 'float')],
                 self.stats_rows),
                ('energy_use', [('adcode', 'str'), ('district', 'str'), ('year', 'int'),
                                ('fuel', 'str'), ('amount', 'float'), ('unit', 'str')],
                 self.energy_rows)]

