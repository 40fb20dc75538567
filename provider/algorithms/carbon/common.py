"""What the carbon algorithms share: the grid-factor parameter and styles fitted to the data.

Shipped QML styles hold a ramp and a classification method; the fixed class bounds they were saved
with are recomputed from the output once it loads (graduated vectors: the style's method, e.g.
quantiles or a symmetric split around 0 for net values; rasters: min/max from a 2–98 % cut).
"""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGraduatedSymbolRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingParameterNumber,
    QgsRasterLayer,
    QgsWkbTypes,
)

from ....core.carbon import tables
from ....core.i18n import translate
from ....layers import styling


def grid_factor_parameter(name):
    """GRID_FACTOR: t CO₂/MWh, defaulting to the shipped default row (2022 national average)."""
    value, label = tables.default_grid_factor()
    return QgsProcessingParameterNumber(
        name, translate('spm', 'Grid emission factor (t CO₂/MWh; default {label})').format(label=label),
        QgsProcessingParameterNumber.Double, defaultValue=value, minValue=0.0)


class FittedStyle(QgsProcessingLayerPostProcessorInterface):
    """Apply a shipped style and the aliases, then fit the style's classes to the data."""

    _alive = []  # post-processors must outlive the run; QGIS does not own them

    def __init__(self, style):
        super().__init__()
        self.style = style
        FittedStyle._alive = FittedStyle._alive[-50:] + [self]

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        fit_style(layer, self.style)


def fit_style(layer, style):
    """Load the named style on ``layer`` and recompute its classes from the layer's values."""
    if isinstance(layer, QgsRasterLayer):
        path = styling.style_path(style)
        layer.loadNamedStyle(path)
        renderer = layer.renderer()
        if hasattr(renderer, 'shader'):
            from qgis.core import QgsRasterBandStats
            stats = layer.dataProvider().bandStatistics(1, QgsRasterBandStats.Min | QgsRasterBandStats.Max)
            low, high = layer.dataProvider().cumulativeCut(1, 0.02, 0.98)
            if not high > low:
                low, high = stats.minimumValue, stats.maximumValue
            renderer.setClassificationMin(low)
            renderer.setClassificationMax(high)
            function = renderer.shader().rasterShaderFunction()
            function.setMinimumValue(low)
            function.setMaximumValue(high)
            function.classifyColorRamp(len(function.colorRampItemList()) or 5, 1, layer.extent(),
                                       layer.dataProvider())
        layer.triggerRepaint()
        return
    styling.apply(layer, style)
    renderer = layer.renderer()
    if isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.ranges():
        renderer.updateClasses(layer, len(renderer.ranges()))
        layer.triggerRepaint()


def load_fitted(context, dest_id, style, layer_name):
    """Name the output and style it (fitted to its data) once it loads in QGIS."""
    if not context.willLoadLayerOnCompletion(dest_id):
        return
    details = context.layerToLoadOnCompletionDetails(dest_id)
    details.name = layer_name
    details.setPostProcessor(FittedStyle(style))


def write_table(algorithm, frame, parameters, name, context, feedback):
    """Write a DataFrame without geometry to the sink ``name``; return its destination id."""
    return algorithm.write_frame(frame, parameters, name, context, feedback,
                                 crs=QgsCoordinateReferenceSystem(), wkb_type=QgsWkbTypes.NoGeometry)
