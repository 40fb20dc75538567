"""spm:carbon_hotspots — Getis–Ord Gi* hot and cold spots of a carbon field on polygons or points."""

from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ....core.carbon import hotspots
from ... import working_crs
from ...base import SpmAlgorithm
from .common import load_fitted
from ....compat import FieldDataType, NumberType, SourceType


class CarbonHotspotsAlgorithm(SpmAlgorithm):
    """Gi* z-scores, p-values and confidence bins (as ArcGIS Hot Spot Analysis)."""

    NAME = 'carbon_hotspots'
    MEASURES = 'working_crs'
    GROUP = 'carbon'
    REQUIRES = ('geopandas', 'scipy')

    INPUT = 'INPUT'
    FIELD = 'FIELD'
    WEIGHTS = 'WEIGHTS'
    DISTANCE = 'DISTANCE'
    NEIGHBOURS = 'NEIGHBOURS'
    ALPHA = 'ALPHA'
    FDR = 'FDR'
    OUTPUT = 'OUTPUT'

    def displayName(self):  # noqa: N802
        return self.tr('Carbon hot spots (Getis–Ord Gi*, 冷热点)')

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr('Grid, polygons or points'),
            [SourceType.VectorPolygon, SourceType.VectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            self.FIELD, self.tr('Value field (e.g. CO2_T)'), defaultValue='CO2_T',
            parentLayerParameterName=self.INPUT, type=FieldDataType.Numeric))
        self.addParameter(QgsProcessingParameterEnum(
            self.WEIGHTS, self.tr('Spatial weights'),
            [self.tr('Distance band'), self.tr('Contiguity (queen: shared edge or corner)'),
             self.tr('k nearest neighbours')], defaultValue=1))
        self.addParameter(working_crs.metres(
            self.DISTANCE, self.tr('Distance band in metres (0 = smallest giving every feature a neighbour)'),
            defaultValue=0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.NEIGHBOURS, self.tr('k (nearest neighbours)'), NumberType.Integer,
            defaultValue=8, minValue=1))
        self.addParameter(QgsProcessingParameterNumber(
            self.ALPHA, self.tr('Significance level'), NumberType.Double,
            defaultValue=0.05, minValue=0.0001, maxValue=0.5))
        self.addParameter(QgsProcessingParameterBoolean(
            self.FDR, self.tr('False discovery rate correction (Benjamini–Hochberg)'), defaultValue=False))
        working_crs.add_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Carbon hot spots (Gi*)'), SourceType.VectorAnyGeometry))

    def process(self, parameters, context, feedback):
        source = self.source(parameters, self.INPUT, context)
        field = self.require_field(source, self.parameterAsString(parameters, self.FIELD, context),
                                   self.tr('value'), numeric=True)
        method = hotspots.METHODS[self.parameterAsEnum(parameters, self.WEIGHTS, context)]
        work = working_crs.resolve(self, parameters, context, [source], feedback)   # distance band in metres
        frame = self.frame(source, feedback=feedback, crs=work, context=context)
        self.check_canceled(feedback)
        out, description = hotspots.hot_spots(
            frame, field, method, self.parameterAsDouble(parameters, self.DISTANCE, context) or None,
            self.parameterAsInt(parameters, self.NEIGHBOURS, context),
            self.parameterAsDouble(parameters, self.ALPHA, context),
            self.parameterAsBool(parameters, self.FDR, context), layer_name=self.label(source))
        hot, cold = int((out['GI_BIN'] > 0).sum()), int((out['GI_BIN'] < 0).sum())
        feedback.pushInfo(self.tr('Spatial weights: {weights}. {hot} hot and {cold} cold spot(s) among {n} '
                                  'features.').format(weights=description, hot=hot, cold=cold, n=len(out)))
        self.check_canceled(feedback)
        out_id = self.write_frame(working_crs.to_crs(out, source.sourceCrs()), parameters, self.OUTPUT, context,
                                  feedback)
        load_fitted(context, out_id, 'carbon_hotspots', self.tr('Carbon hot spots (Gi*)'))
        return {self.OUTPUT: out_id}
