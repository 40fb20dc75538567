"""What the sensor algorithms share: the distance, radius and kind parameters, reading the layers
in the working CRS (metres), optional outputs."""

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
)

from ....core.i18n import translate
from ....core.sensors import problem
from ... import working_crs
from ...working_crs import metres
from ...sources import table_file
from ....compat import FieldDataType, SourceType


def add_point_parameters(alg, risk_name):
    """RISK_POINTS with WEIGHT_FIELD and KIND_FIELD."""
    alg.addParameter(QgsProcessingParameterFeatureSource(
        risk_name, translate('spm', 'Risk points (风险点)'), [SourceType.VectorPoint]))
    alg.addParameter(QgsProcessingParameterField(
        'WEIGHT_FIELD', translate('spm', 'Weight field (empty: the kind table’s weight, or 1)'),
        parentLayerParameterName=risk_name, type=FieldDataType.Numeric, optional=True))
    alg.addParameter(QgsProcessingParameterField(
        'KIND_FIELD', translate('spm', 'Kind field (per-kind radius and weight; sensors cover their kind)'),
        parentLayerParameterName=risk_name, optional=True))


def add_distance_parameters(alg):
    """RADIUS, DISTANCE, ROADS, KIND_TABLE and WORKING_CRS."""
    alg.addParameter(metres('RADIUS', translate('spm', 'Radius in metres (empty: each kind’s radius from the '
                                                       'kind table)'), optional=True))
    alg.addParameter(QgsProcessingParameterEnum(
        'DISTANCE', translate('spm', 'Distance'), list(problem.DISTANCES), defaultValue='EUCLIDEAN',
        usesStaticStrings=True))
    alg.addParameter(QgsProcessingParameterFeatureSource(
        'ROADS', translate('spm', 'Roads (noded lines; for NETWORK distance)'),
        [SourceType.VectorLine], optional=True))
    alg.addParameter(QgsProcessingParameterFile(
        'KIND_TABLE', translate('spm', 'Kind table (CSV: kind, radius_m, weight, sensor_kinds; '
                                       'default: the shipped table)'),
        extension='csv', optional=True))
    working_crs.add_parameter(alg)


def optional_number(alg, parameters, name, context):
    """The number given for an optional parameter, or None when it was left empty."""
    if parameters.get(name) in (None, ''):
        return None
    return alg.parameterAsDouble(parameters, name, context)


def optional_field(alg, parameters, name, context, source, label, numeric=False):
    """The field chosen for an optional field parameter (checked), or None."""
    field = alg.parameterAsString(parameters, name, context)
    if not field:
        return None
    return alg.require_field(source, field, label, numeric=numeric)


def read_common(alg, parameters, context, risk_name, feedback, sites=(), risk_fields=()):
    """(risk frame, options for core.sensors.problem.prepare, labels, working CRS, input CRS).

    The frames are in the working CRS (provider.working_crs, chosen from the risk points and the
    layers named in ``sites``); outputs go back to the risk points' CRS. ``risk_fields``: more
    fields of the risk points to read (those the layer lacks are left for core to report).
    """
    risk_src = alg.source(parameters, risk_name, context)
    input_crs = risk_src.sourceCrs()
    roads_src = alg.source(parameters, 'ROADS', context, required=False)
    others = [alg.source(parameters, name, context, required=False) for name in sites]
    crs = working_crs.resolve(alg, parameters, context, [risk_src, roads_src] + others, feedback)
    weight = optional_field(alg, parameters, 'WEIGHT_FIELD', context, risk_src, translate('spm', 'weight'), True)
    kind = optional_field(alg, parameters, 'KIND_FIELD', context, risk_src, translate('spm', 'kind'))
    distance = alg.parameterAsEnumString(parameters, 'DISTANCE', context) or 'EUCLIDEAN'
    if distance == 'NETWORK' and roads_src is None:
        raise alg.error(translate('spm', 'DISTANCE = NETWORK needs a road layer (ROADS).'))
    radius = optional_number(alg, parameters, 'RADIUS', context)
    if radius is not None and not radius > 0:
        raise alg.error(translate('spm', 'RADIUS must be greater than 0 (got {value}).').format(value=radius))
    extra = [f for f in risk_fields if f and risk_src.fields().indexOf(f) >= 0]
    risk = alg.frame(risk_src, list(dict.fromkeys([f for f in (weight, kind) if f] + extra)), feedback=feedback,
                     crs=crs, context=context)
    roads = alg.frame(roads_src, [], feedback=feedback, crs=crs, context=context) \
        if roads_src is not None else None
    options = {'radius': radius, 'kind_field': kind, 'weight_field': weight, 'distance': distance,
               'roads': roads, 'kind_table': table_file(alg, parameters, 'KIND_TABLE', context, feedback),
               'canceled': feedback.isCanceled}
    labels = {'risk': alg.label(risk_src), 'roads': alg.label(roads_src) if roads_src else 'ROADS'}
    return risk, options, labels, crs, input_crs


def point_frame(alg, parameters, name, context, crs, feedback, fields):
    """An optional point layer as a frame in the working CRS: (frame or None, its name)."""
    src = alg.source(parameters, name, context, required=False)
    if src is None:
        return None, name
    present = list(dict.fromkeys(f for f in fields if f and src.fields().indexOf(f) >= 0))
    return alg.frame(src, present, feedback=feedback, crs=crs, context=context), alg.label(src)


def push_notes(feedback, notes):
    """Core's notes (points out of reach, idle candidates, time limit …) as warnings."""
    for note in notes:
        feedback.pushWarning(note)
