"""The batch jobs: the algorithms' inputs and outputs, their work done tile by tile by core/.

Each job has the parameters of its algorithm (same names, file paths or ``path|layername=x``
instead of layers) and three steps:

- :meth:`Job.prepare` (on the client, before any task): checks the inputs and reads what must be
  decided for the whole layer at once — a code column without geometry, to choose the code scheme
  and report unknown codes once, as the algorithm does;
- :meth:`Job.tile` (in a task): reads only the tile's features (spatial filter), keeps those the
  tile owns, reads the other layers where the owned features reach, and runs the algorithm's core
  function on them. Returns the output rows and, for the summary, a few compact columns;
- :meth:`Job.finish` (on the client): the summary table from those columns, put back in the order
  of the single-machine run, by the same core function — so sums are bit for bit the same.

Areas follow AREA_METHOD as in the algorithms (:meth:`Job.area_method`, core/landuse/area.py):
every area is a parcel's or a piece's own (geodesic, planar or the parcel's attribute share), and
a parcel's pieces are all made in the tile that owns it, so the tiles give the algorithm's numbers.

A new job is a subclass with those three methods, added to :data:`JOBS`.
"""

import numpy as np
import pandas as pd

from ..core.errors import InputError
from ..core.i18n import translate
from ..core.landuse import area, change, conformance, control_lines, farmland, inputs
from . import gdalio, tiling


class Messages:
    """A ``log(message, warning=False)`` for core that keeps the messages for the client."""

    def __init__(self, warnings_only=False):
        self.items = []
        self.warnings_only = warnings_only

    def __call__(self, message, warning=False):
        if warning or not self.warnings_only:
            self.items.append((message, warning))


def compact(frame, columns):
    """``columns`` of ``frame`` with text stored as categories (small to send and to keep)."""
    out = {}
    for name in columns:
        values = frame[name]
        out[name] = values.astype('category') if values.dtype == object else values.to_numpy()
    return pd.DataFrame(out)


class Job:
    NAME = ''
    MAIN = ''                 # the parameter whose layer is tiled
    OUTPUT = 'OUTPUT'
    TABLES = ('SUMMARY',)     # outputs without geometry, made by finish()
    ORDER = ()                # columns that put the rows back in the single-machine order
    KEEP = ()                 # columns finish() needs
    COLUMNS = ()              # the output's columns (for an output with no row)
    CLIENT_ONLY = ()          # attributes prepare() sets that tasks do not need

    def __init__(self, params):
        self.params = dict(params)

    def for_tasks(self):
        """What is sent to the workers: this job without its client-only (whole-layer) state."""
        light = object.__new__(type(self))
        light.__dict__.update({k: v for k, v in self.__dict__.items() if k not in self.CLIENT_ONLY})
        return light

    def empty_output(self):
        return pd.DataFrame({c: pd.Series(dtype=float if c.startswith('AREA') else object)
                             for c in self.COLUMNS})

    def get(self, name, default=None):
        value = self.params.get(name)
        return default if value in (None, '') else value

    def require(self, name):
        value = self.get(name)
        if value is None:
            raise InputError(translate('spm', 'Parameter {name} is required.').format(name=name))
        return value

    # --- prepare ---------------------------------------------------------------------------
    def layer(self, name, fields=(), required=True):
        """LayerInfo of parameter ``name`` (None when optional and absent); fields checked;
        the CRS must be the main layer's (the batch does not reproject)."""
        uri = self.require(name) if required else self.get(name)
        if uri is None:
            return None
        info = gdalio.layer_info(uri)
        for field in fields:
            if field not in info.fields:
                raise InputError(translate('spm', 'Layer “{layer}”: field “{field}” is missing').format(
                    layer=info.label, field=field))
        main = getattr(self, 'main_info', None)
        if main is not None and not gdalio.same_crs(main.crs, info.crs):
            raise InputError(translate(
                'spm', 'Layer “{layer}” is not in the CRS of “{main}”; the batch engine does not '
                       'reproject: reproject it first.').format(layer=info.label, main=main.label))
        return info

    def prepare(self, log):
        self.main_info = self.layer(self.MAIN)
        self.crs = self.main_info.crs or None
        if self.crs:
            area.check_units(self.crs, self.main_info.label)
        self.method, self.area_fields = self.area_method(self.main_info, log)

    def extent(self):
        """The extent the tiles cover (every feature any task must own lies in it)."""
        return self.main_info.extent

    def area_method(self, info, log):
        """(method, attribute fields to read) of AREA_METHOD for the layer ``info``, resolved as
        provider/area_method.py resolves it (the default ELLIPSOIDAL becomes ATTRIBUTE on a layer
        with the 三调 area fields); says so in the log."""
        chosen = area.check_method(self.get('AREA_METHOD'))
        names = list(info.fields)
        method = area.resolve(chosen, names, info.label,
                              explicit=chosen not in (None, area.DEFAULT))
        fields = area.attribute_fields(names) if method == area.ATTRIBUTE else []
        log(translate('spm', 'Areas: {how}.').format(
            how=area.describe(method, self.crs, area.formula(fields))))
        return method, fields

    def codes(self, name, field, log, scheme=None):
        """(codes, scheme, table) of a whole layer's code column, said once in the log."""
        info = gdalio.layer_info(self.get(name))
        frame = gdalio.read_frame(info.uri, [field], geometry=False)
        return inputs.read_codes(frame[field].values, field, info.label, log, scheme)

    # --- tile ------------------------------------------------------------------------------
    def read_owned(self, tile, name, field, scheme, log, extra=()):
        """The tile's own land-use features of parameter ``name`` as a core Layer, the box where
        their neighbours must be read, and their frame (``field`` and the ``extra`` fields)."""
        frame = gdalio.read_frame(self.get(name), [field, *extra], bbox=tile.bbox)
        mine = tiling.owned(tile, list(frame.geometry))
        frame = frame[mine]
        layer = inputs.land_use(frame, field, gdalio.label_of(self.get(name)), log, scheme=scheme,
                                describe=False)
        return layer, tiling.grown(tile, list(frame.geometry), np.ones(len(frame), bool)), frame

    def read_around(self, name, bbox, fields=(), field=None, scheme=None, log=None):
        """Every feature of parameter ``name`` whose box meets ``bbox``, as a core Layer."""
        uri = self.get(name)
        frame = gdalio.read_frame(uri, list(fields) or ([field] if field else []), bbox=bbox)
        if field is not None:
            return inputs.land_use(frame, field, gdalio.label_of(uri), log, scheme=scheme,
                                   describe=False), frame
        return inputs.polygons(frame, gdalio.label_of(uri), log), frame

    def tile(self, tile):
        raise NotImplementedError

    def finish(self, kept):
        raise NotImplementedError


def _in_order(kept, order):
    """The kept rows (tiles one after another) in the single-machine order: stable by ``order``."""
    if not len(kept):
        return kept
    return kept.sort_values(list(order), kind='mergesort').reset_index(drop=True)


class PlanConformance(Job):
    NAME = 'plan_conformance'
    MAIN = 'CURRENT'
    ORDER = ('CUR_FID',)
    KEEP = ('CUR_FID', 'PLAN_CODE', 'PLAN_NAME', 'STATUS', 'AREA_M2')
    COLUMNS = conformance.PIECE_COLUMNS

    def prepare(self, log):
        super().prepare(log)
        self.current_field = self.get('CURRENT_FIELD', 'DLBM')
        self.plan_field = self.get('PLAN_FIELD', 'YDYHFLDM')
        self.layer('CURRENT', [self.current_field])
        self.layer('PLAN', [self.plan_field])
        self.rules = conformance.load_rules(self.get('RULES'))
        self.scheme = self.codes('CURRENT', self.current_field, log)[1]
        self.codes('PLAN', self.plan_field, log, scheme='plan')

    def tile(self, tile):
        log = Messages(warnings_only=True)
        current, box, _ = self.read_owned(tile, 'CURRENT', self.current_field, self.scheme, log,
                                          self.area_fields)
        plan, _ = self.read_around('PLAN', box, field=self.plan_field, scheme='plan', log=log)
        pieces, _ = conformance.evaluate(current, plan, rules=self.rules, crs=self.crs, log=log,
                                         method=self.method)
        return pieces, compact(pieces, self.KEEP), log.items, len(current.fids)

    def finish(self, kept):
        return {'SUMMARY': conformance.summarize(expand(_in_order(kept, self.ORDER)))}


class ControlLines(Job):
    NAME = 'control_lines'
    MAIN = 'LANDUSE'
    ORDER = ('STEP', 'CUR_FID')
    KEEP = ('STEP', 'CUR_FID', 'DISTRICT', 'VTYPE', 'VNAME', 'AREA_M2')
    COLUMNS = control_lines.PATCH_COLUMNS

    def prepare(self, log):
        super().prepare(log)
        self.field = self.get('LANDUSE_FIELD', 'DLBM')
        info = self.layer('LANDUSE', [self.field])
        # 城镇村属性码, as the algorithm: the named field, or CZCSXM when the layer has it
        self.czcsxm = self.get('CZCSXM_FIELD')
        if self.czcsxm is None and 'CZCSXM' in info.fields:
            self.czcsxm = 'CZCSXM'
        if self.czcsxm is not None:
            self.layer('LANDUSE', [self.czcsxm])
        self.lines = [name for name in control_lines.LINES if self.get(name)]
        if not self.lines:
            raise InputError(translate(
                'spm', 'Give at least one control line: ECO_REDLINE, FARMLAND or DEV_BOUNDARY.'))
        for name in self.lines:
            self.layer(name)
        self.district_field = None
        if self.get('DISTRICTS'):
            self.district_field = self.require('DISTRICT_FIELD')
            self.layer('DISTRICTS', [self.district_field])
        self.scheme = self.codes('LANDUSE', self.field, log)[1]
        rules = control_lines.load_rules()
        self.steps = {}
        for rule in rules:
            if rule['line'] in self.lines and rule['scheme'] == self.scheme:
                self.steps.setdefault(rule['type'], len(self.steps))

    def tile(self, tile):
        log = Messages(warnings_only=True)
        extra = ([self.czcsxm] if self.czcsxm else []) + \
            [f for f in self.area_fields if f != self.czcsxm]
        landuse, box, frame = self.read_owned(tile, 'LANDUSE', self.field, self.scheme, log, extra)
        czcsxm = None
        if self.czcsxm:
            values = frame[self.czcsxm].reindex(landuse.fids)
            czcsxm = values.astype(object).where(values.notna(), None).tolist()
        lines = {name: self.read_around(name, box, log=log)[0] for name in self.lines}
        districts, names = None, None
        if self.district_field:
            districts, frame = self.read_around('DISTRICTS', box, fields=[self.district_field],
                                                log=log)
            names = ['' if v is None else str(v) for v in frame[self.district_field]]
        patches, _ = control_lines.evaluate(landuse, lines, districts, names, crs=self.crs, log=log,
                                            czcsxm=czcsxm, method=self.method)
        kept = compact(patches, self.KEEP[1:])
        kept.insert(0, 'STEP', patches['VTYPE'].map(self.steps).to_numpy(dtype=np.int64))
        return patches, kept, log.items, len(landuse.fids)

    def finish(self, kept):
        return {'SUMMARY': control_lines.summarize(expand(_in_order(kept, self.ORDER)))}


class LanduseCarbon(Job):
    NAME = 'landuse_carbon'
    MAIN = 'LANDUSE'
    ORDER = ('FID',)
    KEEP = ('DIST', 'LU1', 'LU1_NAME', 'AREA_HA', 'EMIS_T', 'SINK_T', 'NET_T')
    SCHEMES = ('current', 'plan', 'auto')
    COLUMNS = ('LU1', 'LU1_NAME', 'AREA_HA', 'COEF', 'EMIS_T', 'SINK_T', 'NET_T', 'UNKNOWN', 'DIST')

    def prepare(self, log):
        import geopandas as gpd
        from ..core.carbon import landuse
        super().prepare(log)
        self.field = self.get('LANDUSE_FIELD', 'DLBM')
        self.layer('LANDUSE', [self.field])
        self.district_field = None
        if self.get('DISTRICTS'):
            self.district_field = self.get('DISTRICT_FIELD', 'adcode')
            self.layer('DISTRICTS', [self.district_field])
        scheme = self.get('CODE_SCHEME', 0)
        scheme = self.SCHEMES[int(scheme)] if str(scheme).isdigit() else scheme
        self.coefficients = self.get('COEFFICIENTS')
        self.default = (self.get('DEFAULT_CLASS') or '').strip() or None
        # the codes of the whole layer (no geometry): unknown codes stop the run before any task
        codes = gdalio.read_frame(self.get('LANDUSE'), [self.field], geometry=False)
        frame = gpd.GeoDataFrame(codes, geometry=gpd.GeoSeries([None] * len(codes), index=codes.index),
                                 crs=self.crs)
        _, _, report = landuse.landuse_carbon(frame, self.field, self.coefficients, scheme,
                                              self.default, layer_name=self.main_info.label,
                                              area_method=self.method)
        self.scheme = report['scheme']
        if report['unknown_features']:
            log(translate('spm', '{n} parcel(s) with unknown codes were given class {cls}: {codes}.')
                .format(n=report['unknown_features'], cls=report['default_class'],
                        codes=', '.join('{} ({})'.format(k or '∅', v)
                                        for k, v in sorted(report['unknown_codes'].items()))),
                warning=True)

    def tile(self, tile):
        from ..core.carbon import landuse
        frame = gdalio.read_frame(self.get('LANDUSE'), bbox=tile.bbox)
        mine = tiling.owned(tile, list(frame.geometry))
        frame = frame[mine]
        box = tiling.grown(tile, list(frame.geometry), np.ones(len(frame), bool))
        districts = None
        if self.district_field:
            districts = gdalio.read_frame(self.get('DISTRICTS'), [self.district_field], bbox=box)
        out, _, _ = landuse.landuse_carbon(frame, self.field, self.coefficients, self.scheme,
                                           self.default, districts, self.district_field,
                                           layer_name=self.main_info.label,
                                           area_method=self.method)
        kept = compact(out, self.KEEP)
        kept.insert(0, 'FID', out.index.to_numpy())
        return out, kept, [], len(out)

    def finish(self, kept):
        from ..core.carbon import landuse
        frame = expand(_in_order(kept, self.ORDER))
        frame['DIST'] = frame['DIST'].where(pd.notna(frame['DIST']), None)
        return {'SUMMARY': landuse.summarise(frame)}


class TwoSurveys(Job):
    """BEFORE (tiled) cut by AFTER, as core.landuse.change.transitions cuts them: the jobs of
    spm:landuse_change and spm:farmland_balance. Tiles cover both surveys' extents: AFTER
    features are owned by a tile too (their classes and areas count once, also outside BEFORE)."""
    MAIN = 'BEFORE'
    LEVEL = 1

    def prepare(self, log):
        super().prepare(log)
        self.before_field = self.get('BEFORE_FIELD', 'DLBM')
        self.after_field = self.get('AFTER_FIELD', 'DLBM')
        self.layer('BEFORE', [self.before_field])
        self.after_info = self.layer('AFTER', [self.after_field])
        # ATTRIBUTE: each survey's own attribute fields (the method is the BEFORE layer's)
        self.after_fields = []
        if self.method == area.ATTRIBUTE:
            self.after_fields = area.attribute_fields(list(self.after_info.fields))
            for info, fields in ((self.main_info, self.area_fields),
                                 (self.after_info, self.after_fields)):
                if not fields:
                    log(translate('spm', 'Layer “{layer}” has no TBDLMJ/TBMJ field: its parcels are '
                                         'measured on the ellipsoid.').format(layer=info.label), True)
        self.district_field = None
        if self.get('DISTRICTS'):
            self.district_field = self.require('DISTRICT_FIELD')
            self.layer('DISTRICTS', [self.district_field])
        self.before_scheme = self.codes('BEFORE', self.before_field, log)[1]
        self.after_scheme = self.codes('AFTER', self.after_field, log)[1]
        self.table = change.common_table(self.before_scheme, self.after_scheme)

    def extent(self):
        (a0, b0, a1, b1), (c0, d0, c1, d1) = self.main_info.extent, self.after_info.extent
        if not self.after_info.count:
            return self.main_info.extent
        if not self.main_info.count:
            return self.after_info.extent
        return min(a0, c0), min(b0, d0), max(a1, c1), max(b1, d1)

    def moves(self, tile, log):
        """(BEFORE and AFTER of the tile as core Layers, the transitions, the box that covers
        the BEFORE and AFTER features the tile owns, and which AFTER features it owns)."""
        before, box, _ = self.read_owned(tile, 'BEFORE', self.before_field, self.before_scheme,
                                         log, self.area_fields)
        after, frame = self.read_around('AFTER', box, fields=[self.after_field, *self.after_fields],
                                        field=self.after_field, scheme=self.after_scheme, log=log)
        moves = change.transitions(before, after, self.LEVEL, crs=self.crs, log=log,
                                   method=self.method)
        mine = tiling.owned(tile, list(frame.geometry))
        box = tiling.grown(tiling.Tile(tile.index, box), list(frame.geometry), mine)
        return before, after, moves, box, mine

    def districts(self, box, log):
        """(districts around ``box`` as a core Layer, their names) or (None, None)."""
        if not self.district_field:
            return None, None
        districts, frame = self.read_around('DISTRICTS', box, fields=[self.district_field], log=log)
        return districts, ['' if v is None else str(v) for v in frame[self.district_field]]


class LanduseChange(TwoSurveys):
    NAME = 'landuse_change'
    TABLES = ('MATRIX', 'NEW_CONSTRUCTION')
    COLUMNS = change.PATCH_COLUMNS

    def prepare(self, log):
        super().prepare(log)
        self.LEVEL = int(self.get('LEVEL', 1))
        if self.LEVEL not in (1, 2):
            raise InputError(translate('spm', 'LEVEL must be 1 or 2, not {level}').format(
                level=self.LEVEL))
        self.boundary = bool(self.get('DEV_BOUNDARY'))
        if self.boundary:
            self.layer('DEV_BOUNDARY')
        elif self.get('NEW_CONSTRUCTION'):
            log(translate('spm', 'NEW_CONSTRUCTION needs DEV_BOUNDARY: not written.'), True)

    def tile(self, tile):
        log = Messages(warnings_only=True)
        before, after, moves, box, mine = self.moves(tile, log)
        patches, _ = change.evaluate_moves(moves, before, after, crs=self.crs)
        bef_fid = before.fids[moves.left]
        kept = {'pieces': compact(pd.DataFrame({
                    'BEF_FID': bef_fid, 'F': moves.from_class, 'T': moves.to_class,
                    'A': moves.area, 'AA': moves.area_after}), ('BEF_FID', 'F', 'T', 'A', 'AA')),
                'after': compact(pd.DataFrame({
                    'AFT_FID': after.fids[mine], 'C': moves.after_class[mine],
                    'A': moves.after_total[mine]}), ('AFT_FID', 'C', 'A')),
                'before': pd.DataFrame({'C': sorted(set(moves.before_class))}, dtype=object)}
        if self.boundary:
            boundary, _ = self.read_around('DEV_BOUNDARY', box, log=log)
            districts, names = self.districts(box, log)
            parts = change.construction_parts(moves, boundary, districts, names, crs=self.crs,
                                              method=self.method)
            parts.insert(0, 'BEF_FID', bef_fid[parts.pop('PIECE').to_numpy()])
            kept['construction'] = compact(parts, parts.columns)
        return patches, kept, log.items, len(before.fids)

    def finish(self, kept):
        pieces = expand(_in_order(kept['pieces'], ('BEF_FID',)))
        after = expand(_in_order(kept['after'], ('AFT_FID',)))
        matrix = change.transition_matrix(
            self.table, pieces['F'].to_numpy(), pieces['T'].to_numpy(), pieces['A'].to_numpy(),
            pieces['AA'].to_numpy(), after['C'].to_numpy(), after['A'].to_numpy(),
            kept['before']['C'].to_numpy())
        out = {'MATRIX': matrix}
        if self.boundary:
            parts = expand(_in_order(kept['construction'], ('BEF_FID',)))
            out['NEW_CONSTRUCTION'] = change.construction_table(parts.drop(columns='BEF_FID'))
        return out


class FarmlandBalance(TwoSurveys):
    NAME = 'farmland_balance'
    COLUMNS = farmland.PATCH_COLUMNS
    KEEP = ('FLOW', 'BEF_FID', 'DISTRICT', 'OTHER_CODE', 'OTHER_NAME', 'FTYPE', 'AREA_HA')

    def prepare(self, log):
        super().prepare(log)
        self.flows = farmland.load_flows(self.get('FLOWS'))
        self.names = None
        if self.district_field:
            frame = gdalio.read_frame(self.get('DISTRICTS'), [self.district_field], geometry=False)
            self.names = ['' if v is None else str(v) for v in frame[self.district_field]]

    def tile(self, tile):
        log = Messages(warnings_only=True)
        before, after, moves, box, mine = self.moves(tile, log)
        districts, names = self.districts(box, log)
        patches = farmland.flow_patches(moves, before, after, districts, names, crs=self.crs,
                                        method=self.method, flows=self.flows)
        before_codes, after_codes = (self.table.at_level(codes, 1) for codes in
                                     change.harmonised_codes(before, after))
        after_codes = np.where(mine, after_codes, '')          # the AFTER features it owns
        totals = {}
        for name, layer, codes in (('before', before, before_codes), ('after', after, after_codes)):
            parts = farmland.crop_parts(layer, codes, districts, names, crs=self.crs,
                                        method=self.method)
            parts.insert(0, 'FID', layer.fids[parts.pop('POS').to_numpy()])
            totals[name] = compact(parts, parts.columns)
        kept = compact(patches, self.KEEP)
        kept.insert(0, 'OUT_FIRST', (patches['FLOW'] != 'OUT').to_numpy(dtype=np.int64))
        return patches, dict(totals, patches=kept), log.items, len(before.fids)

    def finish(self, kept):
        patches = expand(_in_order(kept['patches'], ('OUT_FIRST', 'BEF_FID')))
        totals = tuple(farmland.crop_totals(expand(_in_order(kept[name], ('FID',))))
                       for name in ('before', 'after'))
        return {'SUMMARY': farmland.summarize(patches, totals, self.names)}


JOBS = {job.NAME: job for job in (PlanConformance, ControlLines, LanduseChange, LanduseCarbon,
                                  FarmlandBalance)}


def job(name, params):
    if name not in JOBS:
        raise InputError(translate('spm', 'Unknown job {name}; one of {names}.').format(
            name=name, names=', '.join(sorted(JOBS))))
    return JOBS[name](params)


def expand(kept):
    """The kept columns with categories turned back into text (objects shared per value)."""
    return pd.DataFrame({c: np.asarray(kept[c], dtype=object) if kept[c].dtype.name == 'category'
                         else kept[c].to_numpy() for c in kept.columns})

