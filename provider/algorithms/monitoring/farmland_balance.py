"""spm:farmland_balance — 耕地进出平衡: cropland lost and gained between two surveys, by district."""

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
)

from ....core.landuse import farmland
from ... import area_method
from ...base import SpmAlgorithm, progress_to, secondary_sink
from ...sources import table_file
from .common import (add_district_parameters, add_survey_parameters, check_crs,
                     district_source, log_to, read_districts, read_surveys, survey_sources,
                     POLYGONS)
from . import scheduler
from ....compat import SourceType


class FarmlandBalanceAlgorithm(SpmAlgorithm):
    """耕地 流出 (非农化, 非粮化) and 流入 patches, and the balance table by district and class."""

    NAME = 'farmland_balance'
    GROUP = 'monitoring'
    REQUIRES = ('geopandas',)

    BEFORE = 'BEFORE'
    BEFORE_FIELD = 'BEFORE_FIELD'
    AFTER = 'AFTER'
    AFTER_FIELD = 'AFTER_FIELD'
    DISTRICTS = 'DISTRICTS'
    DISTRICT_FIELD = 'DISTRICT_FIELD'
    FLOWS = 'FLOWS'
    OUTPUT = 'OUTPUT'
    SUMMARY = 'SUMMARY'

    def displayName(self):  # noqa: N802
        return self.tr('Cropland balance (耕地进出平衡)')

    def initAlgorithm(self, config=None):  # noqa: N802
        add_survey_parameters(self)
        add_district_parameters(self)
        self.addParameter(QgsProcessingParameterFile(
            self.FLOWS, self.tr('Flow types (CSV; default: the shipped 非农化/非粮化 table)'),
            extension='csv', optional=True))
        area_method.add_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Cropland flow patches (流出/流入)'),
            SourceType.VectorPolygon))
        self.addParameter(secondary_sink(
            self.SUMMARY, self.tr('耕地进出平衡表 (流出/流入/净增减 by district and class, ha)'),
            SourceType.Vector))
        scheduler.add_parameter(self)

    def process(self, parameters, context, feedback):
        if scheduler.requested(self, parameters, context):
            return scheduler.hand_off(self, parameters, context, feedback)
        surveys = survey_sources(self, parameters, context, feedback)
        districts_src, district_field = district_source(self, parameters, context, feedback)
        flows = farmland.load_flows(table_file(self, parameters, self.FLOWS, context, feedback))
        crs, frame_crs = check_crs(self, surveys[0][0], feedback)
        method, _ = area_method.resolve(self, parameters, context, surveys[0][0], feedback, crs)

        feedback.setProgressText(self.tr('Reading the layers'))
        before, after = read_surveys(self, surveys, method, feedback, crs, context)
        districts, names = read_districts(self, districts_src, district_field, feedback, crs,
                                          context)
        feedback.setProgressText(self.tr('Overlaying the two surveys'))
        patches, summary = farmland.evaluate(
            before, after, districts, names, crs=frame_crs, method=method, flows=flows,
            canceled=feedback.isCanceled, progress=progress_to(feedback, 20, 80),
            log=log_to(feedback))
        feedback.setProgressText(self.tr('Writing the results'))
        written = self.write_outputs([(self.SUMMARY, summary), (self.OUTPUT, patches, POLYGONS)],
                                     parameters, context, feedback)
        self.load_styled(context, written[self.OUTPUT], 'farmland_balance',
                         self.tr('Cropland flows (耕地流出/流入)'))
        self.load_styled(context, written[self.SUMMARY], None, self.tr('耕地进出平衡表'))
        return {self.OUTPUT: written[self.OUTPUT], self.SUMMARY: written[self.SUMMARY]}
