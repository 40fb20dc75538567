"""spm:landuse_change — change patches between two surveys and the transition matrix (土地利用转移矩阵)."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ....core.landuse import change
from ...base import SpmAlgorithm, progress_to, secondary_sink
from .common import (check_crs, code_field, load_with_aliases, log_to, open_source,
                     read_land_use, POLYGONS)
from . import scheduler


class LanduseChangeAlgorithm(SpmAlgorithm):
    """BEFORE cut by AFTER: change patches (from → to) and the matrix in hectares."""

    NAME = 'landuse_change'
    GROUP = 'monitoring'
    REQUIRES = ('geopandas',)

    BEFORE = 'BEFORE'
    BEFORE_FIELD = 'BEFORE_FIELD'
    AFTER = 'AFTER'
    AFTER_FIELD = 'AFTER_FIELD'
    LEVEL = 'LEVEL'
    OUTPUT = 'OUTPUT'
    MATRIX = 'MATRIX'

    def displayName(self):  # noqa: N802
        return self.tr('Land-use change and transition matrix (土地利用变化)')

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BEFORE, self.tr('Land use before (earlier survey)'), polygon))
        self.addParameter(QgsProcessingParameterField(
            self.BEFORE_FIELD, self.tr('Code field (before)'), defaultValue='DLBM',
            parentLayerParameterName=self.BEFORE))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AFTER, self.tr('Land use after (later survey)'), polygon))
        self.addParameter(QgsProcessingParameterField(
            self.AFTER_FIELD, self.tr('Code field (after)'), defaultValue='DLBM',
            parentLayerParameterName=self.AFTER))
        self.addParameter(QgsProcessingParameterNumber(
            self.LEVEL, self.tr('Class level (1 = level-1 classes, 2 = level-2 classes)'),
            QgsProcessingParameterNumber.Integer, defaultValue=1, minValue=1, maxValue=2))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Change patches'), QgsProcessing.TypeVectorPolygon))
        self.addParameter(secondary_sink(
            self.MATRIX, self.tr('Transition matrix (ha)'), QgsProcessing.TypeVector))
        scheduler.add_parameter(self)

    def process(self, parameters, context, feedback):
        if scheduler.requested(self, parameters, context):
            return scheduler.hand_off(self, parameters, context, feedback)
        before_src = open_source(self, parameters, self.BEFORE, context, feedback)
        after_src = open_source(self, parameters, self.AFTER, context, feedback)
        before_field = code_field(self, before_src, self.parameterAsString(
            parameters, self.BEFORE_FIELD, context), self.tr('land-use code (before)'), feedback)
        after_field = code_field(self, after_src, self.parameterAsString(
            parameters, self.AFTER_FIELD, context), self.tr('land-use code (after)'), feedback)
        level = self.parameterAsInt(parameters, self.LEVEL, context)
        crs, frame_crs = check_crs(self, before_src, feedback)

        feedback.setProgressText(self.tr('Reading the layers'))
        before = read_land_use(self, before_src, before_field, self.label(before_src), feedback,
                               crs, context)
        feedback.setProgress(10)
        after = read_land_use(self, after_src, after_field, self.label(after_src), feedback, crs,
                              context)
        feedback.setProgress(20)
        feedback.setProgressText(self.tr('Overlaying the two surveys'))
        patches, matrix = change.evaluate(before, after, level, crs=frame_crs,
                                          canceled=feedback.isCanceled,
                                          progress=progress_to(feedback, 20, 80),
                                          log=log_to(feedback))
        feedback.setProgressText(self.tr('Writing the results'))
        written = self.write_outputs([(self.MATRIX, matrix), (self.OUTPUT, patches, POLYGONS)],
                                     parameters, context, feedback)
        scheme = 'plan' if 'plan' in (before.scheme, after.scheme) else 'current'
        self.load_styled(context, written[self.OUTPUT], f'landuse_change_{scheme}',
                         self.tr('Land-use change'))
        load_with_aliases(context, written[self.MATRIX], self.tr('Transition matrix (ha)'),
                          matrix.attrs.get('aliases', {}))
        return {self.OUTPUT: written[self.OUTPUT], self.MATRIX: written[self.MATRIX]}
