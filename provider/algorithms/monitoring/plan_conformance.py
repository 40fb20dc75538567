"""spm:plan_conformance — 规划符合性: current use against planned use, piece by piece."""

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
)

from ....core.landuse import conformance
from ... import area_method
from ...base import SpmAlgorithm, progress_to, secondary_sink
from ...sources import table_file
from .common import (check_crs, code_field, log_to, read_land_use,
                     POLYGONS)
from . import scheduler
from ....compat import SourceType


class PlanConformanceAlgorithm(SpmAlgorithm):
    """Overlay current land use (三调) with plan zones (用地用海) and classify every piece."""

    NAME = 'plan_conformance'
    GROUP = 'monitoring'
    REQUIRES = ('geopandas',)

    CURRENT = 'CURRENT'
    CURRENT_FIELD = 'CURRENT_FIELD'
    PLAN = 'PLAN'
    PLAN_FIELD = 'PLAN_FIELD'
    RULES = 'RULES'
    OUTPUT = 'OUTPUT'
    SUMMARY = 'SUMMARY'

    def displayName(self):  # noqa: N802
        return self.tr('Plan conformance (规划符合性分析)')

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon = [SourceType.VectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CURRENT, self.tr('Current land use (三调 parcels)'), polygon))
        self.addParameter(QgsProcessingParameterField(
            self.CURRENT_FIELD, self.tr('Current land-use code field'), defaultValue='DLBM',
            parentLayerParameterName=self.CURRENT))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PLAN, self.tr('Plan zones (用地用海)'), polygon))
        self.addParameter(QgsProcessingParameterField(
            self.PLAN_FIELD, self.tr('Plan code field'), defaultValue='YDYHFLDM',
            parentLayerParameterName=self.PLAN))
        self.addParameter(QgsProcessingParameterFile(
            self.RULES, self.tr('Compatibility rules (CSV; default: the shipped table)'),
            extension='csv', optional=True))
        area_method.add_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Conformance pieces'), SourceType.VectorPolygon))
        self.addParameter(secondary_sink(
            self.SUMMARY, self.tr('Conformance summary by plan class and status'),
            SourceType.Vector))
        scheduler.add_parameter(self)

    def process(self, parameters, context, feedback):
        if scheduler.requested(self, parameters, context):
            return scheduler.hand_off(self, parameters, context, feedback)
        current_src = self.source(parameters, self.CURRENT, context)
        plan_src = self.source(parameters, self.PLAN, context)
        current_field = code_field(self, current_src, self.parameterAsString(
            parameters, self.CURRENT_FIELD, context), self.tr('current land-use code'), feedback)
        plan_field = code_field(self, plan_src, self.parameterAsString(
            parameters, self.PLAN_FIELD, context), self.tr('plan code'), feedback)
        rules = conformance.load_rules(table_file(self, parameters, self.RULES, context, feedback))
        crs, frame_crs = check_crs(self, current_src, feedback)
        method, extra = area_method.resolve(self, parameters, context, current_src, feedback, crs)

        feedback.setProgressText(self.tr('Reading the layers'))
        current = read_land_use(self, current_src, current_field, self.label(current_src),
                                feedback, crs, context, extra=extra)
        feedback.setProgress(15)
        plan = read_land_use(self, plan_src, plan_field, self.label(plan_src), feedback, crs,
                             context, scheme='plan')
        feedback.setProgress(20)
        feedback.setProgressText(self.tr('Overlaying current use and plan'))
        pieces, summary = conformance.evaluate(
            current, plan, rules=rules, crs=frame_crs, canceled=feedback.isCanceled,
            progress=progress_to(feedback, 20, 75), log=log_to(feedback), method=method)
        for status in conformance.STATUSES:
            share = pieces.loc[pieces.STATUS == status, 'AREA_M2'].sum()
            feedback.pushInfo(self.tr('{status}: {area:.2f} ha').format(
                status=status, area=share / 10000.0))
        feedback.setProgressText(self.tr('Writing the results'))
        written = self.write_outputs([(self.SUMMARY, summary), (self.OUTPUT, pieces, POLYGONS)],
                                     parameters, context, feedback)
        self.load_styled(context, written[self.OUTPUT], 'conformance', self.tr('Plan conformance'))
        self.load_styled(context, written[self.SUMMARY], None, self.tr('Plan conformance summary'))
        return {self.OUTPUT: written[self.OUTPUT], self.SUMMARY: written[self.SUMMARY]}
