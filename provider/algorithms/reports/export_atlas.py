"""spm:export_atlas — print every district's monitoring report from a layout template."""

import datetime
import shutil
import tempfile

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
    QgsProject,
)

from ....layers import report_export, report_layers, report_layout
from ...base import SpmAlgorithm
from ....compat import AlgorithmFlag, NumberType, SourceType


class ExportAtlasAlgorithm(SpmAlgorithm):
    """Build the report layout in a project of its own and export its atlas."""

    NAME = 'export_atlas'
    MEASURES = None
    GROUP = 'reports'
    REQUIRES = ('geopandas',)
    SELF_STAGED = ('OUTPUT',)     # layers/report_export.py writes pages beside it and moves them in

    DISTRICTS = 'DISTRICTS'
    DISTRICT_FIELD = 'DISTRICT_FIELD'
    LANDUSE = 'LANDUSE'
    LANDUSE_FIELD = 'LANDUSE_FIELD'
    VIOLATIONS = 'VIOLATIONS'
    INDICATORS = 'INDICATORS'
    CARBON = 'CARBON'
    SENSORS = 'SENSORS'
    FARMLAND_BALANCE = 'FARMLAND_BALANCE'
    NEW_CONSTRUCTION = 'NEW_CONSTRUCTION'
    TEMPLATE = 'TEMPLATE'
    FORMAT = 'FORMAT'
    DPI = 'DPI'
    YEAR = 'YEAR'
    OUTPUT = 'OUTPUT'
    PAGES = 'PAGES'

    def displayName(self):  # noqa: N802
        return self.tr('Export district report atlas (分区监测报告图集)')

    def flags(self):
        # layouts render fonts, SVG pictures and maps: keep them on the main thread
        return super().flags() | AlgorithmFlag.NoThreading

    def formats(self):
        return [self.tr('One PDF for all districts'), self.tr('One PDF per district'),
                self.tr('One PNG per district')]

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon = [SourceType.VectorPolygon]
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.DISTRICTS, self.tr('Districts (atlas coverage)'), polygon))
        self.addParameter(QgsProcessingParameterField(
            self.DISTRICT_FIELD, self.tr('District name field (titles and file names)'),
            defaultValue='name', parentLayerParameterName=self.DISTRICTS))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.LANDUSE, self.tr('Planned land use (用地用海)'), polygon))
        self.addParameter(QgsProcessingParameterField(
            self.LANDUSE_FIELD, self.tr('Land-use code field (default: YDYHDM or YDYHFLDM)'),
            parentLayerParameterName=self.LANDUSE, optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.VIOLATIONS, self.tr('Control-line violations (spm:control_lines)'), polygon))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.INDICATORS, self.tr('Indicator table (spm:indicators TABLE)'),
            [SourceType.Vector]))
        self.addParameter(QgsProcessingParameterMapLayer(
            self.CARBON, self.tr('Carbon emission grid (raster or polygons)'), optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.SENSORS, self.tr('Sensors'), [SourceType.VectorPoint], optional=True))
        for name, description in (
                (self.FARMLAND_BALANCE, self.tr('耕地进出平衡 table (spm:farmland_balance SUMMARY)')),
                (self.NEW_CONSTRUCTION, self.tr('新增建设用地 table (spm:landuse_change NEW_CONSTRUCTION)'))):
            self.addParameter(QgsProcessingParameterVectorLayer(
                name, description, [SourceType.Vector], optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TEMPLATE, self.tr('Template: district_report_a3, summary_a4 or the path of a .qpt'),
            defaultValue=report_layout.SHIPPED[0]))
        self.addParameter(QgsProcessingParameterEnum(
            self.FORMAT, self.tr('Format'), options=self.formats(), defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.DPI, self.tr('Resolution (DPI)'), NumberType.Integer,
            defaultValue=300, minValue=50, maxValue=1200))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, self.tr('Monitoring year'), NumberType.Integer,
            defaultValue=datetime.date.today().year, minValue=1949, maxValue=2200))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr('Report (PDF file, or folder for one file per district)'),
            self.tr('PDF files (*.pdf)')))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, self.tr('Pages')))

    # ------------------------------------------------------------------------------------------

    def _layer(self, parameters, name, context, optional=False):
        if name == self.CARBON:
            layer = self.parameterAsLayer(parameters, name, context)
        else:
            layer = self.parameterAsVectorLayer(parameters, name, context)
        given = parameters.get(name) not in (None, '')
        if layer is None and (given or not optional):
            raise self.error(self.invalidSourceError(parameters, name))
        if layer is not None and not layer.isValid():
            raise self.error(self.tr('Layer “{layer}” ({param}) is not valid.').format(
                layer=layer.name(), param=name))
        return layer

    @staticmethod
    def _take_author(context, project):
        """The report's author (PDF metadata) is the user's project's, when it names one."""
        user = context.project() if context is not None else None
        name = user.metadata().author().strip() if user is not None else ''
        if name:
            metadata = project.metadata()
            metadata.setAuthor(name)
            project.setMetadata(metadata)

    def process(self, parameters, context, feedback):
        districts = self._layer(parameters, self.DISTRICTS, context)
        name_field = self.parameterAsString(parameters, self.DISTRICT_FIELD, context)
        landuse = self._layer(parameters, self.LANDUSE, context)
        violations = self._layer(parameters, self.VIOLATIONS, context)
        indicators = self._layer(parameters, self.INDICATORS, context)
        carbon = self._layer(parameters, self.CARBON, context, optional=True)
        sensors = self._layer(parameters, self.SENSORS, context, optional=True)
        farmland = self._layer(parameters, self.FARMLAND_BALANCE, context, optional=True)
        construction = self._layer(parameters, self.NEW_CONSTRUCTION, context, optional=True)
        key_field, unmatched = report_layout.check_inputs(districts, name_field, indicators)
        landuse_field = report_layers.plan_code_field(
            landuse, self.parameterAsString(parameters, self.LANDUSE_FIELD, context))
        if unmatched:
            feedback.pushWarning(self.tr(
                'No indicator rows for {n} district(s) (field “{field}”: {values}); their table '
                'stays empty.').format(n=len(unmatched), field=key_field,
                                       values=', '.join(str(v) for v in unmatched[:10])))
        feedback.pushInfo(self.tr('Indicator table rows are matched to districts by field “{field}”.')
                          .format(field=key_field))

        fmt = report_export.FORMATS[self.parameterAsEnum(parameters, self.FORMAT, context)]
        dpi = self.parameterAsInt(parameters, self.DPI, context)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        template = self.parameterAsString(parameters, self.TEMPLATE, context)

        project = QgsProject()
        project.setCrs(districts.crs())
        self._take_author(context, project)
        layout = report_layout.load_layout(project, template)
        report_export.check_folder(report_export.destination(output, fmt)[0])
        chart_dir = tempfile.mkdtemp(prefix='spm_charts_', dir=QgsProcessingUtils.tempFolder())
        try:
            inputs = report_layout.ReportInputs(
                districts=districts, name_field=name_field, landuse=landuse,
                landuse_field=landuse_field, indicators=indicators, key_field=key_field,
                violations=violations, carbon=carbon, sensors=sensors,
                farmland_balance=farmland, new_construction=construction,
                year=self.parameterAsInt(parameters, self.YEAR, context), chart_dir=chart_dir)
            report_layout.build(project, inputs, layout, layout_name=self.tr('District report'),
                                feedback=feedback)
            self.check_canceled(feedback)
            result = report_export.export(layout, fmt, dpi, output, feedback)
        finally:
            shutil.rmtree(chart_dir, ignore_errors=True)
            project.clear()
        feedback.pushInfo(self.tr('{n} pages written to {path}').format(
            n=result['PAGES'], path=result['OUTPUT']))
        return {self.OUTPUT: result['OUTPUT'], self.PAGES: result['PAGES']}
