"""spm:landuse_change — change patches between two surveys and the transition matrix (土地利用转移矩阵),
and with DEV_BOUNDARY the 新增建设用地 inside and outside the urban development boundary."""

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
)

from ....core.landuse import change
from ... import area_method
from ...base import SpmAlgorithm, progress_to, secondary_sink
from .common import (add_district_parameters, add_survey_parameters, check_crs,
                     district_source, load_with_aliases, log_to, read_districts,
                     read_polygons, read_surveys, survey_sources, POLYGONS)
from . import scheduler
from ....compat import NumberType, SourceType


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
    DEV_BOUNDARY = 'DEV_BOUNDARY'
    DISTRICTS = 'DISTRICTS'
    DISTRICT_FIELD = 'DISTRICT_FIELD'
    OUTPUT = 'OUTPUT'
    MATRIX = 'MATRIX'
    NEW_CONSTRUCTION = 'NEW_CONSTRUCTION'

    def displayName(self):  # noqa: N802
        return self.tr('Land-use change and transition matrix (土地利用变化)')

    def initAlgorithm(self, config=None):  # noqa: N802
        add_survey_parameters(self)
        self.addParameter(QgsProcessingParameterNumber(
            self.LEVEL, self.tr('Class level (1 = level-1 classes, 2 = level-2 classes)'),
            NumberType.Integer, defaultValue=1, minValue=1, maxValue=2))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.DEV_BOUNDARY, self.tr('Urban development boundary (城镇开发边界), for 新增建设用地 '
                                       'inside and outside it'),
            [SourceType.VectorPolygon], optional=True))
        add_district_parameters(self, self.tr('Districts (for the 新增建设用地 table)'))
        area_method.add_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Change patches'), SourceType.VectorPolygon))
        self.addParameter(secondary_sink(
            self.MATRIX, self.tr('Transition matrix (ha)'), SourceType.Vector))
        self.addParameter(secondary_sink(
            self.NEW_CONSTRUCTION, self.tr('新增建设用地 inside / outside the urban development '
                                           'boundary, by district (ha; needs DEV_BOUNDARY)'),
            SourceType.Vector))
        scheduler.add_parameter(self)

    def process(self, parameters, context, feedback):
        if scheduler.requested(self, parameters, context):
            return scheduler.hand_off(self, parameters, context, feedback)
        surveys = survey_sources(self, parameters, context, feedback)
        level = self.parameterAsInt(parameters, self.LEVEL, context)
        boundary_src = self.source(parameters, self.DEV_BOUNDARY, context,
                                   required=False)
        districts_src, district_field = district_source(self, parameters, context, feedback)
        crs, frame_crs = check_crs(self, surveys[0][0], feedback)
        method, _ = area_method.resolve(self, parameters, context, surveys[0][0], feedback, crs)

        feedback.setProgressText(self.tr('Reading the layers'))
        before, after = read_surveys(self, surveys, method, feedback, crs, context)
        feedback.setProgressText(self.tr('Overlaying the two surveys'))
        moves = change.transitions(before, after, level, crs=frame_crs,
                                   canceled=feedback.isCanceled,
                                   progress=progress_to(feedback, 20, 80), log=log_to(feedback),
                                   method=method)
        patches, matrix = change.evaluate_moves(moves, before, after, crs=frame_crs,
                                                log=log_to(feedback))
        new = None
        if boundary_src is not None:
            boundary = read_polygons(self, boundary_src, self.label(boundary_src), feedback, crs,
                                     context)[0]
            districts, names = read_districts(self, districts_src, district_field, feedback, crs,
                                              context)
            new = change.new_construction(moves, boundary, districts, names, crs=frame_crs,
                                          method=method, canceled=feedback.isCanceled)
            total = new.iloc[-1]
            feedback.pushInfo(self.tr('新增建设用地: {total:.2f} ha, {inside:.2f} ha inside the urban '
                                      'development boundary, {outside:.2f} ha outside.').format(
                total=total.TOTAL_HA, inside=total.INSIDE_HA, outside=total.OUTSIDE_HA))
        elif self.wants(parameters, self.NEW_CONSTRUCTION, context) and \
                parameters.get(self.NEW_CONSTRUCTION) not in (None, ''):
            feedback.pushWarning(self.tr('NEW_CONSTRUCTION needs DEV_BOUNDARY: not written.'))
        feedback.setProgressText(self.tr('Writing the results'))
        outputs = [(self.MATRIX, matrix), (self.OUTPUT, patches, POLYGONS)]
        if new is not None:
            outputs.append((self.NEW_CONSTRUCTION, new))
        written = self.write_outputs(outputs, parameters, context, feedback)
        scheme = 'plan' if 'plan' in (before.scheme, after.scheme) else 'current'
        self.load_styled(context, written[self.OUTPUT], f'landuse_change_{scheme}',
                         self.tr('Land-use change'))
        load_with_aliases(context, written[self.MATRIX], self.tr('Transition matrix (ha)'),
                          matrix.attrs.get('aliases', {}))
        results = {self.OUTPUT: written[self.OUTPUT], self.MATRIX: written[self.MATRIX]}
        if new is not None:
            self.load_styled(context, written[self.NEW_CONSTRUCTION], None, self.tr('新增建设用地'))
            results[self.NEW_CONSTRUCTION] = written[self.NEW_CONSTRUCTION]
        return results
