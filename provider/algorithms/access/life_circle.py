"""spm:life_circle — 社区生活圈: walking distance from homes to everyday services, coverage by district."""

from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ....core.access import life_circle, paths, thresholds
from ....core.sensors.problem import lines_of
from ... import working_crs
from ...base import SpmAlgorithm, progress_to, secondary_sink
from ...sources import table_file
from ....compat import FieldDataType, GeometryType, NumberType, ParameterFlag, SourceType, WkbType


class LifeCircleAlgorithm(SpmAlgorithm):
    """Walking distances along the network to the nearest facility of each kind, and coverage."""

    NAME = 'life_circle'
    GROUP = 'indicators'
    REQUIRES = ('geopandas', 'scipy')

    RESIDENTIAL = 'RESIDENTIAL'
    POPULATION_FIELD = 'POPULATION_FIELD'
    FACILITIES = 'FACILITIES'
    KIND_FIELD = 'KIND_FIELD'
    PARKS = 'PARKS'
    MIN_PARK_AREA = 'MIN_PARK_AREA'
    PARK_ENTRANCES = 'PARK_ENTRANCES'
    ROADS = 'ROADS'
    FOOTPATHS = 'FOOTPATHS'
    DISTRICTS = 'DISTRICTS'
    DISTRICT_FIELD = 'DISTRICT_FIELD'
    THRESHOLDS = 'THRESHOLDS'
    WALK_SPEED = 'WALK_SPEED'
    MAX_SNAP = 'MAX_SNAP'
    ACCESS_WALK = 'ACCESS_WALK'
    OUTPUT = 'OUTPUT'
    DISTRICT_TABLE = 'DISTRICT_TABLE'
    STREETS = 'STREETS'

    def displayName(self):  # noqa: N802
        return self.tr('Community life circle walking access (社区生活圈)')

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.RESIDENTIAL, self.tr('Residential buildings or parcels (polygons or points)'),
            [SourceType.VectorPolygon, SourceType.VectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr('Population field'), parentLayerParameterName=self.RESIDENTIAL,
            type=FieldDataType.Numeric))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FACILITIES, self.tr('Facilities (points)'), [SourceType.VectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            self.KIND_FIELD, self.tr('Facility kind field (社区卫生服务中心/站, 小学 …)'),
            parentLayerParameterName=self.FACILITIES))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PARKS, self.tr('Parks and squares (polygons)'), [SourceType.VectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_PARK_AREA, self.tr('Smallest park or square counted (m²)'),
            NumberType.Double, 400.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PARK_ENTRANCES, self.tr('Park entrances (points; empty: parks are entered anywhere on their '
                                         'boundary)'), [SourceType.VectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROADS, self.tr('Walkable roads (lines, joined at shared vertices)'), [SourceType.VectorLine]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FOOTPATHS, self.tr('Footpaths (lines, joined to the roads where they cross them)'),
            [SourceType.VectorLine], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.DISTRICTS, self.tr('Districts'), [SourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.DISTRICT_FIELD, self.tr('District key field (as in spm:indicators)'),
            parentLayerParameterName=self.DISTRICTS, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.THRESHOLDS, self.tr('Threshold table (CSV kind, code, minutes, metres; default: GB 50180-2018)'),
            extension='csv', optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.WALK_SPEED, self.tr('Walking speed (km/h)'), NumberType.Double, 4.0,
            minValue=0.1))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_SNAP, self.tr('Farthest a home or facility may be from the network (m)'),
            NumberType.Double, 200.0, minValue=0.0))
        access = QgsProcessingParameterBoolean(
            self.ACCESS_WALK, self.tr('Count the straight walk between a building or facility and the network'),
            True)
        access.setFlags(access.flags() | ParameterFlag.Advanced)
        self.addParameter(access)
        working_crs.add_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Residential walking access'), SourceType.Vector))
        self.addParameter(secondary_sink(self.DISTRICT_TABLE, self.tr('Life-circle coverage by district'),
                                         SourceType.Vector))
        self.addParameter(secondary_sink(self.STREETS, self.tr('Reachable streets by kind'),
                                         SourceType.VectorLine))

    def process(self, parameters, context, feedback):
        res_src = self.source(parameters, self.RESIDENTIAL, context)
        pop_field = self.require_field(res_src, self.parameterAsString(parameters, self.POPULATION_FIELD, context),
                                       self.tr('population'), numeric=True)
        fac_src = self.source(parameters, self.FACILITIES, context)
        kind_field = self.require_field(fac_src, self.parameterAsString(parameters, self.KIND_FIELD, context),
                                        self.tr('facility kind'))
        roads_src = self.source(parameters, self.ROADS, context)
        optional = {name: self.source(parameters, name, context, required=False)
                    for name in (self.PARKS, self.PARK_ENTRANCES, self.FOOTPATHS, self.DISTRICTS)}
        district_field = self.parameterAsString(parameters, self.DISTRICT_FIELD, context)
        if optional[self.DISTRICTS] is not None:
            if not district_field:
                raise self.error(self.tr('DISTRICTS is given: choose its key field (DISTRICT_FIELD).'))
            self.require_field(optional[self.DISTRICTS], district_field, self.tr('district key'))
        speed = self.parameterAsDouble(parameters, self.WALK_SPEED, context)
        table = thresholds.load(table_file(self, parameters, self.THRESHOLDS, context, feedback), speed)
        sources = [res_src, fac_src, roads_src] + [s for s in optional.values() if s is not None]
        crs = working_crs.resolve(self, parameters, context, sources, feedback)

        def read(src, fields=()):
            return None if src is None else self.frame(src, list(fields), feedback, crs, context)
        homes = self.frame(res_src, None, feedback, crs, context)      # every attribute, working CRS
        facilities = read(fac_src, [kind_field])
        roads = read(roads_src)
        footpaths, parks, entrances = (read(optional[n]) for n in (self.FOOTPATHS, self.PARKS,
                                                                    self.PARK_ENTRANCES))
        districts = read(optional[self.DISTRICTS], [district_field] if district_field else [])
        self.check_canceled(feedback)
        lines = paths.walkable_lines(lines_of(roads), lines_of(footpaths) if footpaths is not None else [])
        feedback.setProgressText(self.tr('Walking from {n} homes to {m} facilities…').format(
            n=len(homes), m=len(facilities)))
        labels = {'residential': self.label(res_src), 'facilities': self.label(fac_src),
                  'parks': self.label(optional[self.PARKS]) if parks is not None else 'PARKS'}
        result = life_circle.compute(
            homes.geometry, homes[pop_field], lines, facilities.geometry, facilities[kind_field], table,
            parks=None if parks is None else parks.geometry,
            entrances=None if entrances is None else entrances.geometry,
            districts=None if districts is None else districts.geometry,
            district_keys=None if districts is None else [_key(k) for k in districts[district_field]],
            walk_speed=speed, max_snap=self.parameterAsDouble(parameters, self.MAX_SNAP, context),
            access_walk=self.parameterAsBool(parameters, self.ACCESS_WALK, context),
            min_park_area=self.parameterAsDouble(parameters, self.MIN_PARK_AREA, context), labels=labels,
            canceled=feedback.isCanceled, progress=progress_to(feedback, 40, 90))
        for note in result.notes:
            feedback.pushWarning(note)
        out = homes.loc[result.residents.index].copy()
        replaced = [c for c in result.residents.columns if c.upper() in {str(f).upper() for f in out.columns}]
        if replaced:
            feedback.pushWarning(self.tr('Field(s) {fields} of the residential layer are replaced by the result.')
                                 .format(fields=', '.join(replaced)))
            out = out.drop(columns=[c for c in out.columns if str(c).upper() in set(replaced)])
        for column in result.residents.columns:
            if column != 'POP':
                out[column] = result.residents[column].to_numpy()
        outputs = [(self.OUTPUT, working_crs.to_crs(out, res_src.sourceCrs()), None), (self.DISTRICT_TABLE, result.districts, WkbType.NoGeometry)]
        if self.wants(parameters, self.STREETS, context):
            streets = life_circle.service_lines(result).set_crs(homes.crs, allow_override=True)
            outputs.append((self.STREETS, working_crs.to_crs(streets, res_src.sourceCrs()),
                            WkbType.MultiLineString))
        total = result.districts.iloc[-1]
        for t in result.thresholds:
            feedback.pushInfo(self.tr('{kind}: {pct:.1f} % of residents within {m:g} m ({min:g} min).').format(
                kind=t.kind, pct=total['PCT_' + t.code], m=t.metres, min=t.minutes))
        feedback.pushInfo(self.tr('Every kind within 15 minutes: {pct:.1f} % of residents.').format(
            pct=total['PCT_ALL']))
        written = self.write_outputs(outputs, parameters, context, feedback)
        points = QgsWkbTypes.geometryType(res_src.wkbType()) == GeometryType.Point
        self.load_styled(context, written[self.OUTPUT], 'life_circle_points' if points else 'life_circle_residential',
                         self.tr('Life-circle access'))
        if written.get(self.DISTRICT_TABLE):
            self.load_styled(context, written[self.DISTRICT_TABLE], None, self.tr('Life-circle coverage by district'))
        if written.get(self.STREETS):
            self.load_styled(context, written[self.STREETS], 'life_circle_streets', self.tr('Reachable streets'))
        return written


def _key(value):
    from ....core.indicators.engine import district_key
    return district_key(value)

