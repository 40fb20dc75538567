"""What the monitoring algorithms share: reading land-use layers, logging, aliases."""

from qgis.core import QgsProcessingException

from ....core.i18n import translate
from ....core.landuse import area, inputs
from ...base import style_on_load
from ....compat import FieldType, WkbType

TEXT_TYPES = (FieldType.String,)
INTEGER_TYPES = (FieldType.Int, FieldType.UInt, FieldType.LongLong, FieldType.ULongLong)


def code_field(alg, source, field, label, feedback):
    """Check a land-use code field: present and text (an integer field is read with its leading
    zeros restored, with a warning). Returns the field name."""
    alg.require_field(source, field, label)
    kind = source.fields().field(field).type()
    if kind in INTEGER_TYPES:
        feedback.pushWarning(translate('spm', 
            'Layer “{layer}”: field “{field}” holds numbers; codes are read with their leading zero '
            'restored (101 → 0101).').format(layer=alg.label(source), field=field))
    elif kind not in TEXT_TYPES:
        raise alg.error(translate('spm', 
            'Layer “{layer}”: field “{field}” ({label}) holds {kind} values; land-use codes must be '
            'text.').format(layer=alg.label(source), field=field, label=label,
                            kind=source.fields().field(field).typeName()))
    return field


def check_crs(alg, source, feedback):
    """The working CRS (the first layer's); refuse one without metres; say how areas are measured."""
    crs = source.sourceCrs()
    if not crs.isValid():
        feedback.pushWarning(translate('spm', 'Layer “{layer}” has no CRS: areas are planar in its units.')
                             .format(layer=alg.label(source)))
        return crs, None
    from ....bridge import frames
    frame_crs = frames.crs_to_frame(crs)
    try:
        area.check_units(frame_crs, alg.label(source))
    except Exception as error:
        raise QgsProcessingException(str(error)) from error
    feedback.pushInfo(translate('spm', 'Working CRS {crs}.').format(
        crs=crs.authid() or crs.description()))
    return crs, frame_crs


def log_to(feedback):
    """A ``log(message, warning=False)`` for core, writing to the Processing log."""
    def log(message, warning=False):
        (feedback.pushWarning if warning else feedback.pushInfo)(message)
    return log


def read_land_use(alg, source, field, label, feedback, crs, context, scheme=None, extra=()):
    """A land-use layer as a core :class:`inputs.Layer`, in the working CRS; ``extra`` fields
    (the 三调 area fields of AREA_METHOD ATTRIBUTE) are read too."""
    frame = alg.frame(source, [field] + [f for f in extra if f != field], feedback=feedback,
                      crs=crs, context=context)
    alg.check_canceled(feedback)
    return inputs.land_use(frame, field, label, log=log_to(feedback),
                           canceled=feedback.isCanceled, scheme=scheme, checked=True)


def read_polygons(alg, source, label, feedback, crs, context, fields=None):
    """A polygon layer (control line, districts) as a core :class:`inputs.Layer` and its frame."""
    frame = alg.frame(source, fields or [], feedback=feedback, crs=crs, context=context)
    alg.check_canceled(feedback)
    return inputs.polygons(frame, label, log=log_to(feedback), canceled=feedback.isCanceled,
                           checked=True), frame


POLYGONS = WkbType.MultiPolygon  # pieces and patches, also when empty


def load_with_aliases(context, dest_id, layer_name, aliases):
    """Name an output table and give its fields the usual aliases plus ``aliases``."""
    def set_aliases(layer):
        for name, alias in aliases.items():
            index = layer.fields().indexOf(name)
            if index >= 0:
                layer.setFieldAlias(index, alias)
    style_on_load(context, dest_id, None, layer_name, then=set_aliases)


def add_district_parameters(alg, description=None):
    """Optional DISTRICTS and DISTRICT_FIELD (by name)."""
    from qgis.core import (
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
    )
    from ....compat import SourceType
    alg.addParameter(QgsProcessingParameterFeatureSource(
        'DISTRICTS', description or translate('spm', 'Districts'),
        [SourceType.VectorPolygon], optional=True))
    alg.addParameter(QgsProcessingParameterField(
        'DISTRICT_FIELD', translate('spm', 'District name field'), optional=True,
        parentLayerParameterName='DISTRICTS'))


def district_source(alg, parameters, context, feedback):
    """(DISTRICTS source or None, its name field): checked before anything is read."""
    source = alg.source(parameters, 'DISTRICTS', context, required=False)
    if source is None:
        return None, None
    return source, alg.require_field(source, alg.parameterAsString(
        parameters, 'DISTRICT_FIELD', context), translate('spm', 'district name'))


def read_districts(alg, source, field, feedback, crs, context):
    """(districts as a core Layer, their names) or (None, None)."""
    if source is None:
        return None, None
    districts, frame = read_polygons(alg, source, alg.label(source), feedback, crs, context,
                                     [field])
    return districts, ['' if v is None else str(v) for v in frame[field]]


def add_survey_parameters(alg):
    """BEFORE/BEFORE_FIELD/AFTER/AFTER_FIELD: the two land surveys compared."""
    from qgis.core import (
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
    )
    from ....compat import SourceType
    polygon = [SourceType.VectorPolygon]
    for name, label, field_label in (
            ('BEFORE', translate('spm', 'Land use before (earlier survey)'),
             translate('spm', 'Code field (before)')),
            ('AFTER', translate('spm', 'Land use after (later survey)'),
             translate('spm', 'Code field (after)'))):
        alg.addParameter(QgsProcessingParameterFeatureSource(name, label, polygon))
        alg.addParameter(QgsProcessingParameterField(
            name + '_FIELD', field_label, defaultValue='DLBM', parentLayerParameterName=name))


def survey_sources(alg, parameters, context, feedback):
    """The two surveys' sources and code fields, checked: ((source, field), (source, field))."""
    out = []
    for name, label in (('BEFORE', translate('spm', 'land-use code (before)')),
                        ('AFTER', translate('spm', 'land-use code (after)'))):
        source = alg.source(parameters, name, context)
        field = code_field(alg, source, alg.parameterAsString(parameters, name + '_FIELD', context),
                           label, feedback)
        out.append((source, field))
    return out


def read_surveys(alg, surveys, method, feedback, crs, context, start=0, end=20):
    """Both surveys as core Layers (with their attribute areas when ``method`` is ATTRIBUTE)."""
    layers = []
    for k, (source, field) in enumerate(surveys):
        extra = area.attribute_fields(source.fields().names()) if method == area.ATTRIBUTE else []
        if method == area.ATTRIBUTE and not extra:
            feedback.pushWarning(translate(
                'spm', 'Layer “{layer}” has no TBDLMJ/TBMJ field: its parcels are measured on the '
                       'ellipsoid.').format(layer=alg.label(source)))
        layers.append(read_land_use(alg, source, field, alg.label(source), feedback, crs, context,
                                    extra=extra))
        feedback.setProgress(start + (end - start) * (k + 1) / 2.0)
    return layers
