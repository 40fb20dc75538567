"""spm:indicators — city indicators (城市体检) per district, with status and trend."""

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProject,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ....bridge import frames
from ....core import finite
from ....core.errors import SpmError
from ....core.indicators import Inputs, MeasureTable, evaluate, load_definitions, yearly
from ....core.indicators.engine import district_key, previous_values
from ....core.landuse import area as landuse_area
from ... import area_method
from ...base import SpmAlgorithm, secondary_sink
from ...sources import table_file
from ....compat import FeatureRequestFlag, FieldDataType, NumberType, SourceType, WkbType


class IndicatorsAlgorithm(SpmAlgorithm):
    """Measure each district from the layers and evaluate the indicator definitions."""

    NAME = 'indicators'
    GROUP = 'indicators'
    REQUIRES = ('geopandas', 'scipy')

    DISTRICTS = 'DISTRICTS'
    DISTRICT_FIELD = 'DISTRICT_FIELD'
    POPULATION_FIELD = 'POPULATION_FIELD'
    URBAN_POPULATION_FIELD = 'URBAN_POPULATION_FIELD'
    LANDUSE = 'LANDUSE'
    LANDUSE_FIELD = 'LANDUSE_FIELD'
    URBAN_FIELD = 'URBAN_FIELD'
    ECO_REDLINE = 'ECO_REDLINE'
    FARMLAND = 'FARMLAND'
    DEV_BOUNDARY = 'DEV_BOUNDARY'
    BUILDINGS = 'BUILDINGS'
    ROADS = 'ROADS'
    RISK_POINTS = 'RISK_POINTS'
    RISK_KIND_FIELD = 'RISK_KIND_FIELD'
    SENSORS = 'SENSORS'
    SENSOR_RADIUS = 'SENSOR_RADIUS'
    CARBON = 'CARBON'
    CARBON_DISTRICT_FIELD = 'CARBON_DISTRICT_FIELD'
    CARBON_FIELD = 'CARBON_FIELD'
    CARBON_YEAR_FIELD = 'CARBON_YEAR_FIELD'
    STATS = 'STATS'
    STATS_DISTRICT_FIELD = 'STATS_DISTRICT_FIELD'
    STATS_YEAR_FIELD = 'STATS_YEAR_FIELD'
    YEAR = 'YEAR'
    LIFE_CIRCLE = 'LIFE_CIRCLE'
    VITALS = 'VITALS'
    DEFINITIONS = 'DEFINITIONS'
    PREVIOUS = 'PREVIOUS'
    OUTPUT = 'OUTPUT'
    TABLE = 'TABLE'

    def displayName(self):  # noqa: N802
        return self.tr('City indicators (城市体检)')

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon = [SourceType.VectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.DISTRICTS, self.tr('Districts'), polygon))
        self.addParameter(QgsProcessingParameterField(
            self.DISTRICT_FIELD, self.tr('District key field (code or name)'),
            parentLayerParameterName=self.DISTRICTS))
        for name, label in ((self.POPULATION_FIELD, self.tr('Resident population field')),
                            (self.URBAN_POPULATION_FIELD, self.tr('Urban resident population field'))):
            self.addParameter(QgsProcessingParameterField(
                name, label, parentLayerParameterName=self.DISTRICTS,
                type=FieldDataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LANDUSE, self.tr('Current land use (三调)'), polygon))
        self.addParameter(QgsProcessingParameterField(
            self.LANDUSE_FIELD, self.tr('Land-use code field'), defaultValue='DLBM',
            parentLayerParameterName=self.LANDUSE))
        self.addParameter(QgsProcessingParameterField(
            self.URBAN_FIELD, self.tr('Urban/village attribute field (城镇村属性码; default CZCSXM when the '
                                      'layer has it)'),
            defaultValue='CZCSXM', parentLayerParameterName=self.LANDUSE, optional=True))
        for name, label in ((self.ECO_REDLINE, self.tr('Ecological protection red line')),
                            (self.FARMLAND, self.tr('Permanent basic farmland')),
                            (self.DEV_BOUNDARY, self.tr('Urban development boundary')),
                            (self.BUILDINGS, self.tr('Building footprints'))):
            self.addParameter(QgsProcessingParameterFeatureSource(name, label, polygon, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROADS, self.tr('Roads'), [SourceType.VectorLine], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.RISK_POINTS, self.tr('Risk points'), [SourceType.VectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.RISK_KIND_FIELD, self.tr('Risk point kind field'),
            parentLayerParameterName=self.RISK_POINTS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SENSORS, self.tr('Sensors'), [SourceType.VectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterDistance(
            self.SENSOR_RADIUS, self.tr('Sensor coverage radius'), defaultValue=300.0,
            parentParameterName=self.DISTRICTS, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CARBON, self.tr('Carbon emissions by district (table or layer)'),
            [SourceType.Vector], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.CARBON_DISTRICT_FIELD, self.tr('Carbon table: district key field'),
            parentLayerParameterName=self.CARBON, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.CARBON_FIELD, self.tr('Carbon table: total emissions field (t CO₂)'),
            parentLayerParameterName=self.CARBON, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.CARBON_YEAR_FIELD, self.tr('Carbon table: year field (default YEAR when present)'),
            defaultValue='YEAR', parentLayerParameterName=self.CARBON, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.STATS, self.tr('District statistics by year (table: district, year, gdp …)'),
            [SourceType.Vector], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.STATS_DISTRICT_FIELD, self.tr('Statistics: district key field'), defaultValue='adcode',
            parentLayerParameterName=self.STATS, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.STATS_YEAR_FIELD, self.tr('Statistics: year field'), defaultValue='year',
            parentLayerParameterName=self.STATS, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, self.tr('Year of the statistics and carbon rows (empty = the latest)'),
            NumberType.Integer, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LIFE_CIRCLE, self.tr('Life-circle coverage by district (DISTRICT_TABLE of spm:life_circle)'),
            [SourceType.Vector], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.VITALS, self.tr('City vital signs by district (DISTRICT_TABLE of spm:vital_signs)'),
            [SourceType.Vector], optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.DEFINITIONS, self.tr('Indicator definitions (CSV; default: the shipped table)'),
            extension='csv', optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PREVIOUS, self.tr("Previous result, for the trend (last year's TABLE or OUTPUT)"),
            [SourceType.Vector], optional=True))
        area_method.add_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Districts with indicators'), SourceType.VectorPolygon))
        self.addParameter(secondary_sink(
            self.TABLE, self.tr('Indicator table'), SourceType.Vector))

    # ------------------------------------------------------------------------------------------

    def process(self, parameters, context, feedback):
        districts_src = self.source(parameters, self.DISTRICTS, context)
        key_field = self.require_field(
            districts_src, self.parameterAsString(parameters, self.DISTRICT_FIELD, context),
            self.tr('district key'))
        crs = self._working_crs(districts_src, feedback)
        districts = self.frame(districts_src, feedback=feedback, crs=crs, context=context)
        districts = districts.reset_index(drop=True)
        self._check_keys(districts_src, districts, key_field)
        keys = [district_key(k) for k in districts[key_field]]

        definitions = table_file(self, parameters, self.DEFINITIONS, context, feedback)
        indicators, problems = load_definitions(definitions)
        for problem in problems:
            feedback.pushWarning(problem)

        inputs = Inputs(districts=districts.geometry)
        for param, attr in ((self.POPULATION_FIELD, 'population'),
                            (self.URBAN_POPULATION_FIELD, 'urban_population')):
            field = self.parameterAsString(parameters, param, context)
            if field:
                self.require_field(districts_src, field, attr, numeric=True)
                setattr(inputs, attr, districts[field].astype(float).reset_index(drop=True))
        inputs.attributes = self._numeric_attributes(districts, key_field)
        used = set().union(*[ind.inputs for ind in indicators])
        self.check_finite(districts, [f for f in districts.columns if str(f).lower() in used or f in (
            self.parameterAsString(parameters, self.POPULATION_FIELD, context),
            self.parameterAsString(parameters, self.URBAN_POPULATION_FIELD, context))], districts_src)

        landuse_src = self.source(parameters, self.LANDUSE, context)
        code_field = self.require_field(
            landuse_src, self.parameterAsString(parameters, self.LANDUSE_FIELD, context),
            self.tr('land-use code'))
        urban_field = self.parameterAsString(parameters, self.URBAN_FIELD, context)
        if urban_field and landuse_src.fields().indexOf(urban_field) < 0 \
                and parameters.get(self.URBAN_FIELD) in (None, ''):
            urban_field = ''          # the default CZCSXM is absent and the user did not ask for it
        fields = [code_field]
        if urban_field:
            fields.append(self.require_field(landuse_src, urban_field, self.tr('城镇村属性码')))
        method, extra = area_method.resolve(self, parameters, context, landuse_src, feedback, crs)
        landuse = self.frame(landuse_src, fields + [f for f in extra if f not in fields], feedback,
                             crs, context)
        self.check_canceled(feedback)
        inputs.area_method, inputs.crs = method, landuse.crs
        if method == landuse_area.ATTRIBUTE:
            try:
                inputs.landuse_amounts = landuse_area.attribute_areas(
                    landuse, self.label(landuse_src))[0]
            except SpmError as exc:
                raise self.error(str(exc)) from exc
        inputs.landuse = landuse.geometry.reset_index(drop=True)
        inputs.landuse_codes = landuse[code_field].reset_index(drop=True)
        if urban_field:
            inputs.landuse_czcs = landuse[urban_field].reset_index(drop=True)

        for param, attr in ((self.ECO_REDLINE, 'eco_redline'), (self.FARMLAND, 'farmland'),
                            (self.DEV_BOUNDARY, 'dev_boundary'), (self.BUILDINGS, 'buildings'),
                            (self.ROADS, 'roads'), (self.SENSORS, 'sensors')):
            src = self.source(parameters, param, context, required=False)
            if src is not None:
                frame = self.frame(src, [], feedback, crs, context)
                setattr(inputs, attr, frame.geometry.reset_index(drop=True))
                self.check_canceled(feedback)
        inputs.sensor_radius = self.parameterAsDouble(parameters, self.SENSOR_RADIUS, context)
        if inputs.sensors is not None and not inputs.sensor_radius > 0:
            raise self.error(self.tr('SENSOR_RADIUS must be greater than 0 when SENSORS is given.'))

        risk_src = self.source(parameters, self.RISK_POINTS, context, required=False)
        if risk_src is not None:
            kind_field = self.parameterAsString(parameters, self.RISK_KIND_FIELD, context)
            if kind_field:
                self.require_field(risk_src, kind_field, self.tr('risk point kind'))
            risk = self.frame(risk_src, [kind_field] if kind_field else [], feedback, crs, context)
            inputs.risk_points = risk.geometry.reset_index(drop=True)
            if kind_field:
                inputs.risk_kinds = risk[kind_field].reset_index(drop=True)

        year = self._year(parameters, context)
        inputs.co2, inputs.co2_prev, year = self._carbon(parameters, context, feedback, keys, year)
        inputs.attributes.update(self._stats(parameters, context, feedback, keys, year))
        inputs.life_circle = self._district_table(parameters, self.LIFE_CIRCLE, context, feedback, keys)
        inputs.vitals = self._district_table(parameters, self.VITALS, context, feedback, keys)
        previous = None
        previous_src = self.source(parameters, self.PREVIOUS, context, required=False)
        if previous_src is not None:
            previous_frame = self.frame(previous_src, feedback=feedback)
            if 'IND_ID' not in previous_frame.columns and key_field not in previous_frame.columns:
                raise self.error(self.tr(
                    'Layer “{layer}” (PREVIOUS) is neither an indicator TABLE (fields DISTRICT, IND_ID, '
                    'VALUE) nor an OUTPUT with the district field “{field}”.').format(
                        layer=self.label(previous_src), field=key_field))
            previous = previous_values(previous_frame, indicators, district_column=key_field)

        feedback.pushInfo(self.tr('Measuring {n} districts…').format(n=len(districts)))
        table = MeasureTable(inputs, canceled=feedback.isCanceled)
        result = evaluate(indicators, table, keys, previous=previous,
                          district_names=[str(k) for k in keys])
        self.check_canceled(feedback)
        for message in result.messages:      # 未计算 in the table: a warning, not an error
            feedback.pushWarning(message)
        if inputs.landuse_czcs is None and inputs.dev_boundary is not None:
            feedback.pushInfo(self.tr('No 城镇村属性码 field: urban construction land is taken as the '
                                      'construction land inside the urban development boundary.'))

        output = districts.copy()
        wide_names = {c.upper() for c in result.wide.columns}
        clash = [c for c in output.columns if str(c).upper() in wide_names]   # GPKG/SHP ignore case
        if clash:
            feedback.pushWarning(self.tr('District fields {fields} are replaced by indicator fields of '
                                         'the same name.').format(fields=', '.join(clash)))
            output = output.drop(columns=clash)
        for column in result.wide.columns:
            output[column] = result.wide[column].values
        out_id = self.write_frame(output, parameters, self.OUTPUT, context, feedback,
                                  wkb_type=WkbType.MultiPolygon)
        table_id = self.write_frame(result.long, parameters, self.TABLE, context, feedback,
                                    crs=QgsCoordinateReferenceSystem(), wkb_type=WkbType.NoGeometry)
        self.load_styled(context, out_id, 'indicators_districts', self.tr('District indicators'))
        self.load_styled(context, table_id, None, self.tr('Indicator table'))
        computed = int(result.long['VALUE'].notna().sum())
        feedback.pushInfo(self.tr('{n} indicator values computed for {d} districts; {w} 预警, {e} 超标.')
                          .format(n=computed, d=len(districts), w=int(result.wide['N_WARN'].sum()),
                                  e=int(result.wide['N_EXCEED'].sum())))
        return {self.OUTPUT: out_id, self.TABLE: table_id}

    # ------------------------------------------------------------------------------------------

    def _working_crs(self, districts_src, feedback):
        """The districts' CRS when projected; else the CGCS2000 3° Gauss–Krüger zone of its centre."""
        crs = districts_src.sourceCrs()
        if not crs.isValid():
            raise self.error(self.tr('Layer “{layer}” has no coordinate reference system.').format(
                layer=self.label(districts_src)))
        if not crs.isGeographic():
            return crs
        extent = districts_src.sourceExtent()
        wgs = QgsCoordinateReferenceSystem('EPSG:4490')
        centre = QgsCoordinateTransform(crs, wgs, QgsProject.instance()).transform(extent.center())
        zone = min(45, max(25, int(round(centre.x() / 3.0))))
        target = QgsCoordinateReferenceSystem('EPSG:{}'.format(4534 + zone - 25))
        feedback.pushInfo(self.tr('The districts are in geographic coordinates; areas and lengths are '
                                  'measured in {crs}.').format(crs=target.authid()))
        return target

    def _check_keys(self, source, frame, field):
        keys = [district_key(k) for k in frame[field]]
        empty = keys.count('')
        if empty:
            raise self.error(self.tr('Layer “{layer}”: {n} district(s) have no value in “{field}”.')
                             .format(layer=self.label(source), n=empty, field=field))
        duplicated = sorted({k for k in keys if keys.count(k) > 1})
        if duplicated:
            raise self.error(self.tr('Layer “{layer}”: field “{field}” is not unique ({values}).').format(
                layer=self.label(source), field=field, values=', '.join(duplicated[:5])))

    def check_finite(self, frame, fields, source):
        """Stop on ±inf, the text nan or an overflowing sum in ``fields`` (rows counted from 1)."""
        try:
            finite.check_finite(frame, fields, self.tr('Layer “{layer}”').format(layer=self.label(source)))
        except SpmError as exc:
            raise self.error(str(exc)) from exc

    @staticmethod
    def _numeric_attributes(frame, key_field):
        """Numeric district fields as formula inputs, by lower-case name (e.g. ``gdp``)."""
        attributes = {}
        for column in frame.columns:
            if column in (frame.geometry.name, key_field):
                continue
            if frame[column].dtype.kind in 'iuf' or str(frame[column].dtype) == 'Int64':
                name = str(column).lower()
                if name.isidentifier():
                    attributes[name] = frame[column].astype(float).reset_index(drop=True)
        return attributes

    def _year(self, parameters, context):
        if parameters.get(self.YEAR) in (None, ''):
            return None
        return self.parameterAsInt(parameters, self.YEAR, context)

    def _stats(self, parameters, context, feedback, keys, year):
        """Numeric STATS columns of YEAR (``gdp``) and of YEAR − 1 (``gdp_prev``) as formula inputs."""
        src = self.source(parameters, self.STATS, context, required=False)
        if src is None:
            return {}
        key_field = self.require_field(src, self.parameterAsString(parameters, self.STATS_DISTRICT_FIELD, context),
                                       self.tr('statistics district key'))
        year_field = self.require_field(src, self.parameterAsString(parameters, self.STATS_YEAR_FIELD, context),
                                        self.tr('statistics year'))
        request = QgsFeatureRequest().setFlags(FeatureRequestFlag.NoGeometry)
        table = frames.source_to_frame(src, None, request=request, with_geometry=False)
        year = year if year is not None else yearly.latest_year(table[year_field])
        if year is None:
            raise self.error(self.tr('Layer “{layer}”: field “{field}” holds no year.').format(
                layer=self.label(src), field=year_field))
        try:
            values = yearly.yearly_attributes(table, key_field, year_field, year, keys, key=district_key,
                                              label=self.label(src))
        except SpmError as exc:
            raise self.error(str(exc)) from exc
        feedback.pushInfo(self.tr('Statistics “{layer}”: year {year} and {prev} ({names}).').format(
            layer=self.label(src), year=year, prev=year - 1, names=', '.join(sorted(values))))
        return values

    def _district_table(self, parameters, name, context, feedback, keys):
        """The district table of another algorithm (spm:life_circle, spm:vital_signs) given as ``name``,
        one row per district key (NaN where it has none)."""
        src = self.source(parameters, name, context, required=False)
        if src is None:
            return None
        self.require_field(src, 'DISTRICT', self.tr('district key ({param})').format(param=name))
        request = QgsFeatureRequest().setFlags(FeatureRequestFlag.NoGeometry)
        table = frames.source_to_frame(src, None, request=request, with_geometry=False)
        numbers = [c for c in table.columns if c != 'DISTRICT']
        table = table.assign(**{c: pd.to_numeric(table[c], errors='coerce') for c in numbers})
        table.index = [district_key(k) for k in table['DISTRICT']]
        absent = [k for k in keys if k not in table.index]
        if absent:
            feedback.pushWarning(self.tr('Table “{layer}” ({param}) has no row for district(s) {keys}; was it '
                                         'made with the same districts and key field?').format(
                layer=self.label(src), param=name, keys=', '.join(absent)))
        return table[~table.index.duplicated()].reindex(keys).reset_index(drop=True)

    def _carbon(self, parameters, context, feedback, keys, year=None):
        """(this year's, last year's carbon totals per district, year): sums over the rows of each
        key, aligned with ``keys``; with a year field, the rows of YEAR (default the latest) and of
        YEAR − 1, else every row and no previous year."""
        src = self.source(parameters, self.CARBON, context, required=False)
        if src is None:
            return None, None, year
        key_field = self.require_field(
            src, self.parameterAsString(parameters, self.CARBON_DISTRICT_FIELD, context),
            self.tr('carbon table district key'))
        value_field = self.require_field(
            src, self.parameterAsString(parameters, self.CARBON_FIELD, context), self.tr('carbon total'))
        year_field = self.parameterAsString(parameters, self.CARBON_YEAR_FIELD, context)
        if year_field and src.fields().indexOf(year_field) < 0 and parameters.get(self.CARBON_YEAR_FIELD) in (None, ''):
            year_field = ''
        if year_field:
            year_field = self.require_field(src, year_field, self.tr('carbon table year'))
        request = QgsFeatureRequest().setFlags(FeatureRequestFlag.NoGeometry)
        table = frames.source_to_frame(src, [key_field, value_field] + ([year_field] if year_field else []),
                                       request=request, with_geometry=False)
        self.check_finite(table, [value_field], src)
        sums = {}
        for row, (key, value) in enumerate(zip(table[key_field], table[value_field]), start=1):
            if value is None or value != value or str(value).strip() == '':
                continue
            try:
                number = float(value)     # a CSV gives text: '12345.6' is fine
            except (TypeError, ValueError):
                raise self.error(self.tr('Layer “{layer}”: field “{field}”, row {row}: “{value}” is not a '
                                         'number.').format(layer=self.label(src), field=value_field,
                                                           row=row, value=value)) from None
            sums[district_key(key)] = sums.get(district_key(key), 0.0) + number
        absent = [k for k in keys if k not in sums]
        if absent:
            feedback.pushWarning(self.tr('Carbon table “{layer}” has no row for district(s) {keys}.')
                                 .format(layer=self.label(src), keys=', '.join(absent)))
        if not year_field:
            return pd.Series([sums.get(k, np.nan) for k in keys], dtype=float), None, year
        year = year if year is not None else yearly.latest_year(table[year_field])
        district = table[key_field].map(district_key)
        feedback.pushInfo(self.tr('Carbon table “{layer}”: the rows of {year}, and of {prev} for the '
                                  'previous year.').format(layer=self.label(src), year=year, prev=year - 1))
        return (yearly.sums_by_year(district, table[value_field], table[year_field], year, keys),
                yearly.sums_by_year(district, table[value_field], table[year_field], year - 1, keys), year)
