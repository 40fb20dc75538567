"""spm:validate_codes — check a field of codes: format, check character, duplicates, place."""

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ....core.codes import schemes, validate
from ...base import SpmAlgorithm
from .common import scheme_parameter, sink_type, style_for
from ....compat import SourceType


class ValidateCodesAlgorithm(SpmAlgorithm):
    """Each feature gets VALID (1/0) and REASON in words."""

    NAME = 'validate_codes'
    MEASURES = None
    GROUP = 'codes'
    REQUIRES = ('geopandas',)

    INPUT = 'INPUT'
    CODE_FIELD = 'CODE_FIELD'
    CODE_TYPE = 'CODE_TYPE'
    ADMIN = 'ADMIN'
    ADMIN_CODE_FIELD = 'ADMIN_CODE_FIELD'
    SCHEME = 'SCHEME'
    OUTPUT = 'OUTPUT'

    def displayName(self):  # noqa: N802
        return self.tr('Validate codes (编码校验)')

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr('Layer or table with codes'), [SourceType.Vector]))
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, self.tr('Code field'), parentLayerParameterName=self.INPUT))
        self.addParameter(QgsProcessingParameterEnum(
            self.CODE_TYPE, self.tr('Code type'), options=[label for _, label in validate.type_labels()],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ADMIN, self.tr('Administrative areas to check the location against (optional)'),
            [SourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ADMIN_CODE_FIELD, self.tr('Administrative code field'), defaultValue='code',
            parentLayerParameterName=self.ADMIN, optional=True))
        self.addParameter(scheme_parameter(self.SCHEME))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Checked codes'), SourceType.VectorAnyGeometry))

    def process(self, parameters, context, feedback):
        source = self.source(parameters, self.INPUT, context)
        field = self.require_field(source, self.parameterAsString(parameters, self.CODE_FIELD, context),
                                   self.tr('codes'))
        code_type = validate.CODE_TYPES[self.parameterAsEnum(parameters, self.CODE_TYPE, context)]
        scheme = schemes.get_scheme(self.parameterAsString(parameters, self.SCHEME, context) or None)
        admin_source = self.source(parameters, self.ADMIN, context, required=False)
        admin_field, admin = None, None
        if admin_source is not None:
            admin_field = self.require_field(
                admin_source, self.parameterAsString(parameters, self.ADMIN_CODE_FIELD, context),
                self.tr('administrative code'))
        frame = self.frame(source, feedback=feedback)
        has_geometry = frame.crs is not None and frame.geometry.notna().any()
        if admin_source is not None:
            if not has_geometry:
                raise self.error(self.tr('Layer “{layer}” has no geometry: the location cannot be checked against '
                                         '“{admin}”. Leave ADMIN empty.').format(
                    layer=self.label(source), admin=self.label(admin_source)))
            admin = self.frame(admin_source, fields=[admin_field], feedback=feedback, crs=source.sourceCrs(),
                               context=context)
        self.check_canceled(feedback)
        if code_type == 'credit' and admin is not None:
            feedback.pushWarning(self.tr('A credit code names where its owner is registered, not where the feature '
                                         'is: the location is not checked for credit codes.'))
        out = validate.validate_frame(frame, field, code_type, scheme, admin, admin_field,
                                      check=lambda: self.check_canceled(feedback))
        bad = int((out['VALID'] == 0).sum())
        feedback.pushInfo(self.tr('{n} codes checked as {kind}: {good} valid, {bad} invalid.').format(
            n=len(out), kind=dict(validate.type_labels())[code_type], good=len(out) - bad, bad=bad))
        invalid = out[out['VALID'] == 0].head(20)
        for fid, code, reason in zip(invalid.index, invalid[field], invalid['REASON']):
            feedback.pushInfo('  {}: “{}” — {}'.format(fid, code, reason))
        self.check_canceled(feedback)
        dest = self.write_frame(out, parameters, self.OUTPUT, context, feedback, wkb_type=sink_type(out))
        self.load_styled(context, dest, style_for(out, 'code_validity') if has_geometry else None,
                         self.tr('Checked codes'))
        return {self.OUTPUT: dest}
