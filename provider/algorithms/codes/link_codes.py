"""spm:link_codes — 多码合一: link a register of codes to the city objects of a city code register.

One run, one transaction of the register: the ENTITIES layer's objects are brought in step (same
key, same city code; vanished ones retired; new ones the next serial; split and merged footprints
recorded as lineage), the REGISTER's codes are checked and linked, the conflicts are listed; then
the register commits and only then the outputs are moved into place (as assign_building_codes).
"""

import geopandas as gpd
import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ....core.codes import citycode, citycode_entities, citycode_link, citycode_scheme, citycode_types, schemes
from ...base import SpmAlgorithm, advanced, secondary_sink
from ... import working_crs
from .city_register import REGISTER_NAME, register_crs, register_parameter, register_path
from ....compat import NumberType, SourceType


class LinkCodesAlgorithm(SpmAlgorithm):
    """Entities synced, register codes checked and linked, conflicts listed."""

    NAME = 'link_codes'
    GROUP = 'codes'
    REQUIRES = ('geopandas',)

    ENTITIES = 'ENTITIES'
    ENTITY_TYPE = 'ENTITY_TYPE'
    ENTITY_KEY_FIELD = 'ENTITY_KEY_FIELD'
    CITY_REGISTER = REGISTER_NAME
    REGION = 'REGION'
    REGISTER = 'REGISTER'
    CODE_FIELD = 'CODE_FIELD'
    CODE_TYPE = 'CODE_TYPE'
    MATCH = 'MATCH'
    KEY_FIELD = 'KEY_FIELD'
    KEY_TYPE = 'KEY_TYPE'
    TOLERANCE = 'TOLERANCE'
    MIN_SHARE = 'MIN_SHARE'
    MAX_LINKS = 'MAX_LINKS'
    SCHEME = 'SCHEME'
    OUTPUT = 'OUTPUT'
    CONFLICTS = 'CONFLICTS'
    INVALID = 'INVALID'
    WRITES = (CITY_REGISTER,)

    def displayName(self):  # noqa: N802
        return self.tr('Link codes to city codes (多码合一)')

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ENTITIES, self.tr('City objects (buildings, parcels, projects, address points, enterprises)'),
            [SourceType.VectorAnyGeometry]))
        self.addParameter(QgsProcessingParameterEnum(
            self.ENTITY_TYPE, self.tr('Type of the city objects'), options=list(citycode_scheme.ENTITY_TYPES),
            defaultValue='building', usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterField(
            self.ENTITY_KEY_FIELD, self.tr('Key field of the objects (a building code, 标识码 …; empty: match by '
                                           'footprint)'), parentLayerParameterName=self.ENTITIES, optional=True))
        self.addParameter(register_parameter(self.tr('City code register (GeoPackage; created when missing)')))
        self.addParameter(QgsProcessingParameterString(
            self.REGION, self.tr('Region code of a new register (6 digits, e.g. 350300)'), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.REGISTER, self.tr('Register of codes to link (table or layer)'), [SourceType.Vector]))
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, self.tr('Code field'), parentLayerParameterName=self.REGISTER))
        self.addParameter(QgsProcessingParameterString(
            self.CODE_TYPE, self.tr('Code type: real_estate_unit, project, credit, address, beidou, building, or '
                                    'a type of your own'), defaultValue='real_estate_unit'))
        self.addParameter(QgsProcessingParameterEnum(
            self.MATCH, self.tr('Match by'), options=list(citycode_link.MATCHES), defaultValue='key',
            usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterField(
            self.KEY_FIELD, self.tr('Key field of the register (MATCH=key)'), parentLayerParameterName=self.REGISTER,
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.KEY_TYPE, self.tr('Code type the key is already linked as (e.g. building_id, address, city)'),
            defaultValue='building', optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.TOLERANCE, self.tr('Tolerance (m): nearest match, and how far a keyed location may lie'),
            NumberType.Double, defaultValue=30.0, minValue=0.0))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.MIN_SHARE, self.tr('Overlay: minimum share of an object’s area in the register polygon'),
            NumberType.Double, defaultValue=0.5, minValue=0.01, maxValue=1.0)))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.MAX_LINKS, self.tr('Stop when one code would link to more objects than'),
            NumberType.Integer, defaultValue=100, minValue=1)))
        self.addParameter(advanced(QgsProcessingParameterString(
            self.SCHEME, self.tr('City code scheme (id in city_code_schemes.json, or path.json[#id])'),
            defaultValue=citycode_scheme.DEFAULT, optional=True)))
        working_crs.add_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Links made'), SourceType.VectorAnyGeometry))
        self.addParameter(secondary_sink(self.CONFLICTS, self.tr('Conflicts to resolve')))
        self.addParameter(secondary_sink(self.INVALID, self.tr('Invalid and unmatched codes')))

    # --- inputs -----------------------------------------------------------------------------------

    def _inputs(self, parameters, context, feedback):
        self.path = register_path(self, parameters, context)
        self.entity_type = self.parameterAsEnumString(parameters, self.ENTITY_TYPE, context) or 'building'
        self.method = self.parameterAsEnumString(parameters, self.MATCH, context) or 'key'
        self.entities_source = self.source(parameters, self.ENTITIES, context)
        key = self.parameterAsString(parameters, self.ENTITY_KEY_FIELD, context) or None
        self.entity_key = key and self.require_field(self.entities_source, key, self.tr('object key'))
        self.register_source = self.source(parameters, self.REGISTER, context)
        self.code_field = self.require_field(self.register_source, self.parameterAsString(
            parameters, self.CODE_FIELD, context), self.tr('codes'))
        self.code_type = self._type(parameters, self.CODE_TYPE, context)
        self.key_field = self.key_type = None
        if self.method == 'key':
            self.key_field = self.require_field(self.register_source, self.parameterAsString(
                parameters, self.KEY_FIELD, context), self.tr('key (MATCH=key)'))
            self.key_type = self._type(parameters, self.KEY_TYPE, context)
        self.scheme = citycode_scheme.get_city_scheme(self.parameterAsString(parameters, self.SCHEME, context) or None)
        self.region = (self.parameterAsString(parameters, self.REGION, context) or '').strip()

    def _type(self, parameters, name, context):
        return citycode_types.code_type(self.parameterAsString(parameters, name, context))

    def _frames(self, parameters, context, feedback):
        crs = register_crs(self.path)
        if crs is None:
            crs = working_crs.resolve(self, parameters, context, [self.entities_source], feedback)
        fields = [self.entity_key] if self.entity_key else []
        entities = self.frame(self.entities_source, fields=fields, crs=crs, context=context, feedback=feedback)
        register = self.frame(self.register_source, feedback=feedback)       # every field: people read them
        located = register.crs is not None and register.geometry.notna().any()
        if located:
            register = self.frame(self.register_source, crs=crs, context=context, feedback=feedback)
        elif self.method != 'key':
            raise self.error(self.tr('Register “{layer}” has no locations: MATCH={method} needs points or polygons. '
                                     'Match it by a key field instead (MATCH=key).').format(
                layer=self.label(self.register_source), method=self.method))
        else:
            register = pd.DataFrame(register.drop(columns=register.geometry.name))
        return entities, register, working_crs.as_pyproj(crs)

    # --- the run ----------------------------------------------------------------------------------

    def process(self, parameters, context, feedback):
        self._inputs(parameters, context, feedback)
        entities, register, crs = self._frames(parameters, context, feedback)
        self.check_canceled(feedback)
        feedback.pushInfo(self.tr('Read {n} objects ({type}) and {m} register rows; linking {code} codes by {method}.')
                          .format(n=len(entities), type=self.entity_type, m=len(register), code=self.code_type,
                                  method=self.method))
        check = lambda: self.check_canceled(feedback)   # noqa: E731
        wkbs = [None if g is None or g.is_empty else g.wkb for g in entities.geometry]
        keys = list(entities[self.entity_key]) if self.entity_key else None
        with citycode.open_register(self.path, self.scheme, self.region, crs or entities.crs) as reg:
            codes, synced = citycode_entities.sync(reg, self.entity_type, wkbs, keys, list(entities.index),
                                                   schemes.get_scheme(), check=check)
            feedback.setProgress(40)
            active = np.flatnonzero(codes != '')
            result = citycode_link.link(
                reg, self.entity_type, codes[active], citycode_link.entity_geometry([wkbs[k] for k in active], check),
                register, self.code_field, self.code_type, self.method, self.key_field, self.key_type,
                self.parameterAsDouble(parameters, self.TOLERANCE, context),
                self.parameterAsDouble(parameters, self.MIN_SHARE, context),
                self.parameterAsInt(parameters, self.MAX_LINKS, context), schemes.get_scheme(),
                self.label(self.register_source), check)
            summary = dict(result['summary'], **{k: synced[k] for k in ('issued', 'retired', 'entities')},
                           source=self.label(self.register_source), entity_type=self.entity_type,
                           code_type=self.code_type, ended=result['summary']['ended'])
            reg.record_run(summary)
            feedback.setProgress(80)
            outputs = self._outputs(register, result)
            written = self.write_outputs(outputs, parameters, context, feedback)
            self.check_canceled(feedback)
            reg.commit()
            try:
                self.publish_outputs()
            except OSError as exc:
                raise self.error(self.tr('The links of this run are in the register (run {run}), but the outputs '
                                         'could not be moved into place ({error}).').format(
                    run=reg.run, error=exc.strerror or exc)) from exc
        self._report(feedback, synced, result, reg.run)
        self.load_styled(context, written[self.OUTPUT], None, self.tr('Links made'))
        self.load_styled(context, written.get(self.CONFLICTS), None, self.tr('Conflicts to resolve'))
        self.load_styled(context, written.get(self.INVALID), None, self.tr('Invalid and unmatched codes'))
        return written

    def _outputs(self, register, result):
        def rows_of(table, columns):
            picked = register.iloc[table['row'].clip(lower=0).to_numpy()]
            fids = picked.index.to_numpy()
            picked = picked.drop(columns=[c for c in picked.columns if str(c).lower() == 'fid']).reset_index(drop=True)
            picked.insert(0, 'REGISTER_FID', fids)
            extra = table[columns].reset_index(drop=True)
            frame = pd.concat([picked, extra], axis=1)
            if isinstance(register, gpd.GeoDataFrame):
                return gpd.GeoDataFrame(frame, geometry=register.geometry.name, crs=register.crs)
            return frame
        links = rows_of(result['links'], ['CODE', 'CITY_CODE', 'METHOD', 'CONFIDENCE', 'DISTANCE'])
        conflicts = rows_of(result['conflicts'], ['KIND', 'CODE', 'CITY_CODES', 'DETAIL', 'DISTANCE'])
        if isinstance(conflicts, gpd.GeoDataFrame):
            conflicts.loc[(result['conflicts']['row'] < 0).to_numpy(), conflicts.geometry.name] = None
        bad = pd.concat([result['invalid'].assign(STATUS='invalid'), result['unmatched'].assign(STATUS='unmatched')])
        invalid = rows_of(bad.sort_values('row'), ['STATUS', 'CODE', 'REASON'])
        return [(self.OUTPUT, links), (self.CONFLICTS, conflicts), (self.INVALID, invalid)]

    def _report(self, feedback, synced, result, run):
        s = result['summary']
        feedback.pushInfo(self.tr('City codes (run {run}): {n} objects, {kept} kept their code, {issued} new, {retired} '
                                  'retired; {lineage} lineage record(s).').format(
            run=run, n=synced['entities'], kept=synced['kept'], issued=synced['issued'], retired=synced['retired'],
            lineage=len(synced['lineage'])))
        if synced['key_type']:
            feedback.pushInfo(self.tr('Object keys are linked as code type “{type}”.').format(type=synced['key_type']))
        feedback.pushInfo(self.tr('Linked {linked} of {rows} register rows ({links} links: {added} new, {ended} ended); '
                                  '{invalid} invalid, {unmatched} unmatched, {conflicts} conflict(s).').format(**s))
        for _, row in result['invalid'].head(30).iterrows():
            feedback.pushWarning(self.tr('Invalid code “{code}” (row {row}): {reason}').format(
                code=row['CODE'], row=row['row'], reason=row['REASON']))
        for _, row in result['conflicts'].head(50).iterrows():
            feedback.pushWarning(self.tr('Conflict {kind}: {code} → {cities} ({detail})').format(
                kind=row['KIND'], code=row['CODE'], cities=row['CITY_CODES'], detail=row['DETAIL']))
