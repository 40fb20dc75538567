"""What the monitoring algorithms share: reading land-use layers, logging, writing all-or-nothing."""

import geopandas as gpd
from qgis.PyQt.QtCore import QVariant
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingException

from ....core.landuse import area, inputs
from ...base import _remove_output

TEXT_TYPES = (QVariant.String,)
INTEGER_TYPES = (QVariant.Int, QVariant.UInt, QVariant.LongLong, QVariant.ULongLong)


def code_field(alg, source, field, label, feedback):
    """Check a land-use code field: present and text (an integer field is read with its leading
    zeros restored, with a warning). Returns the field name."""
    alg.require_field(source, field, label)
    kind = source.fields().field(field).type()
    if kind in INTEGER_TYPES:
        feedback.pushWarning(alg.tr(
            'Layer “{layer}”: field “{field}” holds numbers; codes are read with their leading zero '
            'restored (101 → 0101).').format(layer=source.sourceName(), field=field))
    elif kind not in TEXT_TYPES:
        raise alg.error(alg.tr(
            'Layer “{layer}”: field “{field}” ({label}) holds {kind} values; land-use codes must be '
            'text.').format(layer=source.sourceName(), field=field, label=label,
                            kind=source.fields().field(field).typeName()))
    return field


def check_crs(alg, source, feedback):
    """The working CRS (the first layer's); refuse one without metres; say how areas are measured."""
    crs = source.sourceCrs()
    if not crs.isValid():
        feedback.pushWarning(alg.tr('Layer “{layer}” has no CRS: areas are planar in its units.')
                             .format(layer=source.sourceName()))
        return crs, None
    from ....bridge import frames
    frame_crs = frames.crs_to_frame(crs)
    try:
        area.check_units(frame_crs, source.sourceName())
    except Exception as error:
        raise QgsProcessingException(str(error)) from error
    feedback.pushInfo(alg.tr('Working CRS {crs}: {method}.').format(
        crs=crs.authid() or crs.description(), method=area.method(frame_crs)))
    return crs, frame_crs


def log_to(feedback):
    """A ``log(message, warning=False)`` for core, writing to the Processing log."""
    def log(message, warning=False):
        (feedback.pushWarning if warning else feedback.pushInfo)(message)
    return log


def progress_to(feedback, start, end):
    """A ``progress(percent)`` for core that maps 0–100 onto start–end of the whole run."""
    return lambda percent: feedback.setProgress(start + (end - start) * percent / 100.0)


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


def write_all(alg, outputs, parameters, context, feedback):
    """Write several outputs; if one fails or the run is canceled, remove those already written.

    ``outputs``: list of (parameter name, frame). Returns {name: destination id}.
    """
    written = {}
    try:
        for name, frame in outputs:
            alg.check_canceled(feedback)
            crs = None if isinstance(frame, gpd.GeoDataFrame) else QgsCoordinateReferenceSystem()
            written[name] = alg.write_frame(frame, parameters, name, context, feedback, crs=crs)
    except BaseException:
        for dest_id in written.values():
            _remove_output(dest_id)
        raise
    return written
