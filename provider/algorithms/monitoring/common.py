"""What the monitoring algorithms share: reading land-use layers, logging, aliases."""

from qgis.PyQt.QtCore import QVariant
from qgis.core import (
    QgsProcessingException,
    QgsWkbTypes,
)

from ....core.i18n import translate
from ....core.landuse import area, inputs
from ...base import style_on_load
from ...sources import open_source  # noqa: F401 (the monitoring algorithms import it from here)

TEXT_TYPES = (QVariant.String,)
INTEGER_TYPES = (QVariant.Int, QVariant.UInt, QVariant.LongLong, QVariant.ULongLong)


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
    feedback.pushInfo(translate('spm', 'Working CRS {crs}: {method}.').format(
        crs=crs.authid() or crs.description(), method=area.method(frame_crs)))
    return crs, frame_crs


def log_to(feedback):
    """A ``log(message, warning=False)`` for core, writing to the Processing log."""
    def log(message, warning=False):
        (feedback.pushWarning if warning else feedback.pushInfo)(message)
    return log


def read_land_use(alg, source, field, label, feedback, crs, context, scheme=None):
    """A land-use layer as a core :class:`inputs.Layer`, in the working CRS."""
    frame = alg.frame(source, [field], feedback=feedback, crs=crs, context=context)
    alg.check_canceled(feedback)
    return inputs.land_use(frame, field, label, log=log_to(feedback),
                           canceled=feedback.isCanceled, scheme=scheme)


def read_polygons(alg, source, label, feedback, crs, context, fields=None):
    """A polygon layer (control line, districts) as a core :class:`inputs.Layer` and its frame."""
    frame = alg.frame(source, fields or [], feedback=feedback, crs=crs, context=context)
    alg.check_canceled(feedback)
    return inputs.polygons(frame, label, log=log_to(feedback), canceled=feedback.isCanceled), frame


POLYGONS = QgsWkbTypes.MultiPolygon  # pieces and patches, also when empty


def load_with_aliases(context, dest_id, layer_name, aliases):
    """Name an output table and give its fields the usual aliases plus ``aliases``."""
    def set_aliases(layer):
        for name, alias in aliases.items():
            index = layer.fields().indexOf(name)
            if index >= 0:
                layer.setFieldAlias(index, alias)
    style_on_load(context, dest_id, None, layer_name, then=set_aliases)
