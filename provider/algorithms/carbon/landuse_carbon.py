"""spm:landuse_carbon — emission, sink and net t CO₂/a of land-use parcels, by district and class."""

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ....core.carbon import landuse
from ... import area_method
from ...base import SpmAlgorithm, secondary_sink
from ...sources import table_file
from .common import load_fitted, write_table
from ..monitoring import scheduler
from ....compat import SourceType


class LanduseCarbonAlgorithm(SpmAlgorithm):
    """Per-class emission/sink intensities × parcel area (t CO₂/a)."""

    NAME = 'landuse_carbon'
    GROUP = 'carbon'
    REQUIRES = ('geopandas',)

    LANDUSE = 'LANDUSE'
    LANDUSE_FIELD = 'LANDUSE_FIELD'
    CODE_SCHEME = 'CODE_SCHEME'
    COEFFICIENTS = 'COEFFICIENTS'
    DEFAULT_CLASS = 'DEFAULT_CLASS'
    DISTRICTS = 'DISTRICTS'
    DISTRICT_FIELD = 'DISTRICT_FIELD'
    OUTPUT = 'OUTPUT'
    SUMMARY = 'SUMMARY'

    SCHEMES = ('current', 'plan', 'auto')

    def displayName(self):  # noqa: N802
        return self.tr('Land-use carbon account (土地利用碳排放)')

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon = [SourceType.VectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LANDUSE, self.tr('Land-use parcels'), polygon))
        self.addParameter(QgsProcessingParameterField(
            self.LANDUSE_FIELD, self.tr('Land-use code field'), defaultValue='DLBM',
            parentLayerParameterName=self.LANDUSE))
        self.addParameter(QgsProcessingParameterEnum(
            self.CODE_SCHEME, self.tr('Codes are'),
            [self.tr('三调 / GB/T 21010 (mapped to 用地用海)'), self.tr('用地用海 2023'),
             self.tr('Detect')], defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            self.COEFFICIENTS, self.tr('Coefficient table (CSV; default: Guangdong 2018, 吕国玮 et al. 2023)'),
            extension='csv', optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DEFAULT_CLASS, self.tr('Class for unknown codes (用地用海 level-1, e.g. 23; empty = stop)'),
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.DISTRICTS, self.tr('Districts'), polygon, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.DISTRICT_FIELD, self.tr('District key field'), defaultValue='adcode',
            parentLayerParameterName=self.DISTRICTS, optional=True))
        area_method.add_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Land-use carbon (t CO₂/a)'), SourceType.VectorPolygon))
        self.addParameter(secondary_sink(
            self.SUMMARY, self.tr('Land-use carbon by district and class (t CO₂/a)'),
            SourceType.Vector))
        scheduler.add_parameter(self)

    def process(self, parameters, context, feedback):
        if scheduler.requested(self, parameters, context):
            return scheduler.hand_off(self, parameters, context, feedback)
        source = self.source(parameters, self.LANDUSE, context)
        field = self.require_field(source, self.parameterAsString(parameters, self.LANDUSE_FIELD, context),
                                   self.tr('land-use code'))
        method, _ = area_method.resolve(self, parameters, context, source, feedback,
                                        source.sourceCrs())
        parcels = self.frame(source, feedback=feedback)
        districts_source = self.source(parameters, self.DISTRICTS, context, required=False)
        districts, district_field = None, None
        if districts_source is not None:
            district_field = self.require_field(
                districts_source, self.parameterAsString(parameters, self.DISTRICT_FIELD, context),
                self.tr('district key'))
            districts = self.frame(districts_source, [district_field], feedback=feedback,
                                   crs=source.sourceCrs(), context=context)
        scheme = self.SCHEMES[self.parameterAsEnum(parameters, self.CODE_SCHEME, context)]
        coefficients = table_file(self, parameters, self.COEFFICIENTS, context, feedback)
        default = self.parameterAsString(parameters, self.DEFAULT_CLASS, context).strip() or None
        self.check_canceled(feedback)

        out, summary, report = landuse.landuse_carbon(
            parcels, field, coefficients, scheme, default, districts, district_field,
            layer_name=self.label(source), area_method=method)
        if report['unknown_features']:
            feedback.reportError(self.tr(
                '{n} parcel(s) with unknown codes were given class {cls}: {codes}.').format(
                    n=report['unknown_features'], cls=report['default_class'],
                    codes=', '.join('{} ({})'.format(k or '∅', v)
                                    for k, v in sorted(report['unknown_codes'].items()))))
        totals = summary[summary['LU1'] == landuse.TOTAL_CLASS]
        feedback.pushInfo(self.tr(
            '{n} parcels, {area:.1f} ha: emission {emis:.1f}, sink {sink:.1f}, net {net:.1f} t CO₂/a '
            '(codes read as {scheme}).').format(
                n=len(out), area=totals['AREA_HA'].sum(), emis=totals['EMIS_T'].sum(),
                sink=totals['SINK_T'].sum(), net=totals['NET_T'].sum(), scheme=report['scheme']))
        self.check_canceled(feedback)
        out_id = self.write_frame(out, parameters, self.OUTPUT, context, feedback)
        summary_id = write_table(self, summary, parameters, self.SUMMARY, context, feedback)
        load_fitted(context, out_id, 'carbon_landuse_net', self.tr('Land-use carbon, net (t CO₂/a)'))
        load_fitted(context, summary_id, None,
                    self.tr('Land-use carbon by district and class (t CO₂/a)'))
        return {self.OUTPUT: out_id, self.SUMMARY: summary_id}
