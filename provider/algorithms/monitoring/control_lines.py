"""spm:control_lines — 三线 monitoring: land use against the ecological red line, the permanent
basic farmland and the urban development boundary, with the 三线占用情况汇总表."""

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ....core.landuse import control_lines
from ... import area_method
from ...base import SpmAlgorithm, progress_to, secondary_sink
from .common import (check_crs, code_field, log_to, read_land_use,
                     read_polygons, POLYGONS)
from . import scheduler
from ....compat import FeatureRequestFlag, SourceType


class ControlLinesAlgorithm(SpmAlgorithm):
    """Violation patches of the three control lines, by district and type."""

    NAME = 'control_lines'
    GROUP = 'monitoring'
    REQUIRES = ('geopandas',)

    LANDUSE = 'LANDUSE'
    LANDUSE_FIELD = 'LANDUSE_FIELD'
    CZCSXM_FIELD = 'CZCSXM_FIELD'
    ECO_REDLINE = 'ECO_REDLINE'
    FARMLAND = 'FARMLAND'
    DEV_BOUNDARY = 'DEV_BOUNDARY'
    DISTRICTS = 'DISTRICTS'
    DISTRICT_FIELD = 'DISTRICT_FIELD'
    OUTPUT = 'OUTPUT'
    SUMMARY = 'SUMMARY'

    def displayName(self):  # noqa: N802
        return self.tr('Three control lines (三线占用监测)')

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon = [SourceType.VectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LANDUSE, self.tr('Land use (三调 parcels)'), polygon))
        self.addParameter(QgsProcessingParameterField(
            self.LANDUSE_FIELD, self.tr('Land-use code field'), defaultValue='DLBM',
            parentLayerParameterName=self.LANDUSE))
        self.addParameter(QgsProcessingParameterField(
            self.CZCSXM_FIELD, self.tr('城镇村属性码 field (201 城市, 202 建制镇, 203 村庄 …; default CZCSXM '
                                       'when the layer has it)'), defaultValue='CZCSXM', optional=True,
            parentLayerParameterName=self.LANDUSE))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ECO_REDLINE, self.tr('Ecological protection red line (生态保护红线)'), polygon,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FARMLAND, self.tr('Permanent basic farmland (永久基本农田)'), polygon,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.DEV_BOUNDARY, self.tr('Urban development boundary (城镇开发边界)'), polygon,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.DISTRICTS, self.tr('Districts'), polygon, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.DISTRICT_FIELD, self.tr('District name field'), optional=True,
            parentLayerParameterName=self.DISTRICTS))
        area_method.add_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Control-line violations'), SourceType.VectorPolygon))
        self.addParameter(secondary_sink(
            self.SUMMARY, self.tr('三线占用情况汇总表 (area and count by district and type)'),
            SourceType.Vector))
        scheduler.add_parameter(self)

    def process(self, parameters, context, feedback):
        if scheduler.requested(self, parameters, context):
            return scheduler.hand_off(self, parameters, context, feedback)
        landuse_src = self.source(parameters, self.LANDUSE, context)
        field = code_field(self, landuse_src, self.parameterAsString(
            parameters, self.LANDUSE_FIELD, context), self.tr('land-use code'), feedback)
        czcsxm_field = self.czcsxm_field(parameters, context, landuse_src)
        line_sources = {name: self.source(parameters, name, context,
                                          required=False)
                        for name in (self.ECO_REDLINE, self.FARMLAND, self.DEV_BOUNDARY)}
        line_sources = {k: v for k, v in line_sources.items() if v is not None}
        if not line_sources:
            raise self.error(self.tr(
                'Give at least one control line: ECO_REDLINE, FARMLAND or DEV_BOUNDARY.'))
        districts_src = self.source(parameters, self.DISTRICTS, context,
                                    required=False)
        district_field = None
        if districts_src is not None:
            district_field = self.require_field(districts_src, self.parameterAsString(
                parameters, self.DISTRICT_FIELD, context), self.tr('district name'))
        crs, frame_crs = check_crs(self, landuse_src, feedback)
        method, extra = area_method.resolve(self, parameters, context, landuse_src, feedback, crs)

        feedback.setProgressText(self.tr('Reading the layers'))
        landuse = read_land_use(self, landuse_src, field, self.label(landuse_src), feedback, crs,
                                context, extra=extra)
        lines = {name: read_polygons(self, source, self.label(source), feedback, crs, context)[0]
                 for name, source in line_sources.items()}
        districts, names = None, None
        if districts_src is not None:
            districts, frame = read_polygons(self, districts_src, self.label(districts_src),
                                             feedback, crs, context, [district_field])
            names = ['' if v is None else str(v) for v in frame[district_field]]
        feedback.setProgress(20)
        feedback.setProgressText(self.tr('Overlaying land use and control lines'))
        czcsxm = attribute_values(landuse_src, czcsxm_field, landuse.fids) if czcsxm_field else None
        patches, summary = control_lines.evaluate(
            landuse, lines, districts, names, crs=frame_crs, canceled=feedback.isCanceled,
            progress=progress_to(feedback, 20, 80), log=log_to(feedback), czcsxm=czcsxm, method=method)
        feedback.setProgressText(self.tr('Writing the results'))
        written = self.write_outputs([(self.SUMMARY, summary), (self.OUTPUT, patches, POLYGONS)],
                                     parameters, context, feedback)
        self.load_styled(context, written[self.OUTPUT], 'control_lines',
                         self.tr('Control-line violations'))
        self.load_styled(context, written[self.SUMMARY], None, self.tr('三线占用情况汇总表'))
        return {self.OUTPUT: written[self.OUTPUT], self.SUMMARY: written[self.SUMMARY]}

    def czcsxm_field(self, parameters, context, source):
        """The 城镇村属性码 field named by CZCSXM_FIELD, or None; the default (CZCSXM) only when the
        layer has it."""
        name = self.parameterAsString(parameters, self.CZCSXM_FIELD, context)
        if not name or (source.fields().indexOf(name) < 0 and parameters.get(self.CZCSXM_FIELD) in (None, '')):
            return None
        return self.require_field(source, name, self.tr('城镇村属性码'))


def attribute_values(source, field, fids):
    """The values of ``field`` for the features ``fids`` (read without geometry)."""
    request = QgsFeatureRequest().setFlags(FeatureRequestFlag.NoGeometry)
    request.setSubsetOfAttributes([field], source.fields())
    values = {f.id(): f[field] for f in source.getFeatures(request)}
    return [values.get(int(fid)) for fid in fids]
