"""What the carbon algorithms share: the grid-factor parameter and styles fitted to the data.

Shipped QML styles hold a ramp and a classification method; the fixed class bounds they were saved
with are recomputed from the output once it loads (graduated vectors: the style's method, e.g.
quantiles or a symmetric split around 0 for net values; rasters: the ramp's colours placed at
quantiles of the positive cells, up to the 98th percentile).
"""

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGraduatedSymbolRenderer,
    QgsProcessingParameterNumber,
    QgsRasterLayer,
)

from ....core.carbon import tables
from ....core.i18n import translate
from ....layers import styling
from ...base import style_on_load
from ....compat import NumberType, WkbType


def grid_factor_parameter(name):
    """GRID_FACTOR: t CO₂/MWh; empty = the province's 2022 factor from the district code, else the
    national one (生态环境部/国家统计局, 2024-12)."""
    _value, label = tables.default_grid_factor()
    return QgsProcessingParameterNumber(
        name, translate('spm', 'Grid emission factor (t CO₂/MWh; empty = the province’s from the district '
                               'code, else {label})').format(label=label),
        NumberType.Double, minValue=0.0, optional=True)


def grid_factor_value(algorithm, parameters, name, context):
    """The GRID_FACTOR the user gave, or None (choose by province)."""
    if parameters.get(name) in (None, ''):
        return None
    return algorithm.parameterAsDouble(parameters, name, context)


def log_grid_choice(feedback, choices):
    """Say which grid factor each district (or the whole run) used: given, province or national."""
    for where, (value, label, how) in choices:
        text = {'given': translate('spm', '{where}: grid factor {value:g} t CO₂/MWh (given).'),
                'province': translate('spm', '{where}: grid factor {value:g} t CO₂/MWh, the province’s '
                                             '({label}).'),
                'national': translate('spm', '{where}: grid factor {value:g} t CO₂/MWh, the national one '
                                             '({label}): no provincial factor for this code.')}[how]
        feedback.pushInfo(text.format(where=where, value=value, label=label))


def fit_style(layer, style):
    """Load the named style on ``layer`` and recompute its classes from the layer's values."""
    styling.apply(layer, style)
    fit_classes(layer)


def fit_classes(layer):
    """Recompute the loaded style's classes (raster ramp or graduated ranges) from the data."""
    renderer = layer.renderer()
    if isinstance(layer, QgsRasterLayer):
        if hasattr(renderer, 'shader'):
            _fit_raster_ramp(layer, renderer)
    elif isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.ranges():
        renderer.updateClasses(layer, len(renderer.ranges()))
    layer.triggerRepaint()


def load_fitted(context, dest_id, style, layer_name):
    """Name the output and style it (fitted to its data) once it loads in QGIS."""
    style_on_load(context, dest_id, style, layer_name, then=fit_classes)


def write_table(algorithm, frame, parameters, name, context, feedback):
    """Write a DataFrame without geometry to the sink ``name``; return its destination id."""
    return algorithm.write_frame(frame, parameters, name, context, feedback,
                                 crs=QgsCoordinateReferenceSystem(), wkb_type=WkbType.NoGeometry)


def _fit_raster_ramp(layer, renderer):
    """Place the style's colours at quantiles of the positive cells (emissions are skewed)."""
    from qgis.core import QgsColorRampShader
    provider = layer.dataProvider()
    width, height = min(layer.width(), 1500), min(layer.height(), 1500)
    block = provider.block(1, layer.extent(), width, height)
    values = np.frombuffer(bytes(block.data()), dtype=np.float32) if block.dataTypeSize() == 4 \
        else np.frombuffer(bytes(block.data()), dtype=np.float64)
    nodata = provider.sourceNoDataValue(1) if provider.sourceHasNoDataValue(1) else None
    values = values[np.isfinite(values) & (values > 0) & ((values != nodata) if nodata is not None else True)]
    function = renderer.shader().rasterShaderFunction()
    items = function.colorRampItemList()
    if values.size == 0 or len(items) < 2:
        return
    breaks = np.quantile(values, np.linspace(0.0, 0.98, len(items)))
    if not np.all(np.diff(breaks) > 0):
        breaks = np.linspace(0.0, float(values.max()), len(items))
    fitted = [QgsColorRampShader.ColorRampItem(float(v), item.color, '{:.3g}'.format(v))
              for v, item in zip(breaks, items)]
    function.setColorRampItemList(fitted)
    function.setMinimumValue(float(breaks[0]))
    function.setMaximumValue(float(breaks[-1]))
    renderer.setClassificationMin(float(breaks[0]))
    renderer.setClassificationMax(float(breaks[-1]))
