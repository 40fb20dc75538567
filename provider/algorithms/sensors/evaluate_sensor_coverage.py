"""spm:evaluate_sensor_coverage — 感知覆盖评估: which risk points the existing sensors cover."""

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ....core.sensors import evaluate
from ...base import SpmAlgorithm, secondary_sink
from ...working_crs import to_crs
from .common import (add_distance_parameters, add_point_parameters, optional_field,
                     point_frame, push_notes, read_common)
from ....compat import FieldDataType, SourceType, WkbType


class EvaluateSensorCoverageAlgorithm(SpmAlgorithm):
    """Covered-by counts per risk point, coverage by kind and district, redundant sensors."""

    NAME = 'evaluate_sensor_coverage'
    MEASURES = 'working_crs'
    GROUP = 'sensors'
    REQUIRES = ('geopandas', 'scipy')

    RISK_POINTS = 'RISK_POINTS'
    WEIGHT_FIELD = 'WEIGHT_FIELD'
    KIND_FIELD = 'KIND_FIELD'
    DISTRICT_FIELD = 'DISTRICT_FIELD'
    SENSORS = 'SENSORS'
    SENSOR_RADIUS_FIELD = 'SENSOR_RADIUS_FIELD'
    RADIUS = 'RADIUS'
    DISTANCE = 'DISTANCE'
    ROADS = 'ROADS'
    KIND_TABLE = 'KIND_TABLE'
    WORKING_CRS = 'WORKING_CRS'
    OUTPUT = 'OUTPUT'
    SUMMARY = 'SUMMARY'
    SENSOR_STATS = 'SENSOR_STATS'

    def displayName(self):  # noqa: N802
        return self.tr('Evaluate sensor coverage (感知覆盖评估)')

    def initAlgorithm(self, config=None):  # noqa: N802
        add_point_parameters(self, self.RISK_POINTS)
        self.addParameter(QgsProcessingParameterField(
            self.DISTRICT_FIELD, self.tr('District field of the risk points (coverage by district)'),
            parentLayerParameterName=self.RISK_POINTS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SENSORS, self.tr('Sensors'), [SourceType.VectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            self.SENSOR_RADIUS_FIELD, self.tr('Sensors’ own radius field'),
            parentLayerParameterName=self.SENSORS, type=FieldDataType.Numeric, optional=True))
        add_distance_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Risk point coverage'), SourceType.VectorPoint))
        self.addParameter(secondary_sink(self.SUMMARY, self.tr('Sensor coverage summary'), SourceType.Vector))
        self.addParameter(secondary_sink(self.SENSOR_STATS, self.tr('Sensors with what they cover'),
                                        SourceType.VectorPoint))

    def process(self, parameters, context, feedback):
        risk, options, labels, crs, input_crs = read_common(self, parameters, context, self.RISK_POINTS, feedback,
                                                            sites=[self.SENSORS])
        risk_src = self.source(parameters, self.RISK_POINTS, context)
        district = optional_field(self, parameters, self.DISTRICT_FIELD, context, risk_src,
                                  self.tr('district'))
        sensor_src = self.source(parameters, self.SENSORS, context)
        radius_field = optional_field(self, parameters, self.SENSOR_RADIUS_FIELD, context, sensor_src,
                                      self.tr('radius'), numeric=True)
        sensors, labels['existing'] = point_frame(self, parameters, self.SENSORS, context, crs, feedback,
                                                  [options['kind_field'], radius_field])
        full = self.frame(risk_src, feedback=feedback)        # every attribute, in the input CRS
        self.check_canceled(feedback)
        feedback.setProgressText(self.tr('Finding which sensors cover which risk points'))
        report = evaluate.coverage_of(risk, sensors, sensor_radius_field=radius_field, labels=labels,
                                      **options)
        push_notes(feedback, report.notes)
        feedback.setProgress(60)
        self.check_canceled(feedback)

        out = full.loc[report.points.index].copy()
        for column in ('COVERED_BY', 'COVERED', 'NEAREST', 'DIST_M'):
            if column in out.columns:
                feedback.pushWarning(self.tr('Field {field} of the risk points is replaced by the result.')
                                     .format(field=column))
            out[column] = report.points[column].to_numpy()
        districts = full.loc[report.points.index, district].to_numpy() if district else None
        summary = evaluate.evaluation_summary(report, districts)
        stats = to_crs(report.sensors, input_crs)
        feedback.pushInfo(self.tr('{c} of {n} risk points covered ({pct:.1f} %); {r} of {s} sensors are '
                                  'redundant (everything they cover is covered by another).').format(
            c=report.n_covered, n=report.n_points, pct=100.0 * report.ratio,
            r=int(stats['REDUNDANT'].sum()), s=len(stats)))
        # geometry types as the input layers' (None: from the frame, Point or MultiPoint)
        written = self.write_outputs([(self.OUTPUT, out, None), (self.SUMMARY, summary, WkbType.NoGeometry),
                                         (self.SENSOR_STATS, stats, None)], parameters, context, feedback)
        self.load_styled(context, written[self.OUTPUT], 'sensor_coverage', self.tr('Risk point coverage'))
        if self.SUMMARY in written:
            self.load_styled(context, written[self.SUMMARY], None, self.tr('Sensor coverage summary'))
        if self.SENSOR_STATS in written:
            self.load_styled(context, written[self.SENSOR_STATS], 'sensor_sites', self.tr('Sensors'))
        return written
