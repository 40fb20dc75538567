"""spm:downscale_emissions — regional totals onto a grid with proxies, each region's total conserved."""

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsRasterLayer,
    QgsVectorLayer,
)

from ....bridge import frames
from ....core.carbon import downscale
from ... import working_crs
from ...base import SpmAlgorithm
from .common import load_fitted
from ....compat import FieldDataType, NumberType, SourceType


class DownscaleEmissionsAlgorithm(SpmAlgorithm):
    """Streams by blocks; see core.carbon.downscale for the formula."""

    NAME = 'downscale_emissions'
    MEASURES = 'working_crs'
    GROUP = 'carbon'
    REQUIRES = ('geopandas', 'rasterio')

    REGIONS = 'REGIONS'
    TOTAL_FIELD = 'TOTAL_FIELD'
    NAME_FIELD = 'NAME_FIELD'
    PROXIES = 'PROXIES'
    WEIGHTS = 'WEIGHTS'
    WEIGHT_FIELD = 'WEIGHT_FIELD'
    FLOORS_FIELD = 'FLOORS_FIELD'
    PIXEL_SIZE = 'PIXEL_SIZE'
    MAX_CELLS = 'MAX_CELLS'
    OUTPUT = 'OUTPUT'
    MAX_RELATIVE_ERROR = 'MAX_RELATIVE_ERROR'
    UNIFORM_REGIONS = 'UNIFORM_REGIONS'

    def displayName(self):  # noqa: N802
        return self.tr('Downscale emissions to a grid (排放空间化)')

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.REGIONS, self.tr('Regions with totals'), [SourceType.VectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.TOTAL_FIELD, self.tr('Total field (t CO₂)'), defaultValue='CO2_T',
            parentLayerParameterName=self.REGIONS, type=FieldDataType.Numeric))
        self.addParameter(QgsProcessingParameterField(
            self.NAME_FIELD, self.tr('Region name field (for messages)'),
            parentLayerParameterName=self.REGIONS, optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.PROXIES, self.tr('Proxies (rasters, and/or buildings, roads or points)'),
            SourceType.MapLayer))
        self.addParameter(QgsProcessingParameterString(
            self.WEIGHTS, self.tr('Weights, one per proxy, comma-separated (empty = equal)'),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.WEIGHT_FIELD, self.tr('Vector proxies: weight field (empty = floor area, length or count)'),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.FLOORS_FIELD, self.tr('Polygon proxies: floors field (floor area = footprint × floors)'),
            defaultValue='floors', optional=True))
        self.addParameter(working_crs.metres(
            self.PIXEL_SIZE, self.tr('Pixel size (metres)'), defaultValue=100.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_CELLS, self.tr('Refuse rasters of more cells than'), NumberType.Double,
            defaultValue=float(downscale.MAX_CELLS), minValue=1.0))
        working_crs.add_parameter(self)
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT, self.tr('Emissions grid (t CO₂ per cell)')))
        self.addOutput(QgsProcessingOutputNumber(
            self.MAX_RELATIVE_ERROR, self.tr('Largest relative difference between a total and its cells')))
        self.addOutput(QgsProcessingOutputString(
            self.UNIFORM_REGIONS, self.tr('Regions spread evenly (every proxy zero)')))

    def process(self, parameters, context, feedback):
        source = self.source(parameters, self.REGIONS, context)
        total_field = self.require_field(
            source, self.parameterAsString(parameters, self.TOTAL_FIELD, context), self.tr('total'),
            numeric=True)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or None
        if name_field:
            self.require_field(source, name_field, self.tr('region name'))
        crs = working_crs.resolve(self, parameters, context, [source], feedback)   # the grid is in metres
        if crs.isValid() and crs != source.sourceCrs():
            feedback.pushInfo(self.tr('The emissions grid is written in {crs}, the working CRS.').format(
                crs=crs.authid()))
        regions = self.frame(source, [f for f in (total_field, name_field) if f], feedback=feedback, crs=crs,
                             context=context)
        regions = regions[regions.geometry.notna() & ~regions.geometry.is_empty]
        names = (list(regions[name_field].astype(str)) if name_field
                 else [str(i) for i in regions.index])
        totals = regions[total_field].astype(float).to_numpy()
        pixel_size = self.parameterAsDouble(parameters, self.PIXEL_SIZE, context)
        max_cells = int(self.parameterAsDouble(parameters, self.MAX_CELLS, context))
        # refuse an absurd grid before reading any proxy
        downscale.plan_grid(regions.total_bounds, pixel_size, None, max_cells)

        layers = self.parameterAsLayerList(parameters, self.PROXIES, context)
        if not layers:
            raise self.error(self.tr('Give at least one proxy layer.'))
        weights = self._weights(parameters, context, len(layers))
        weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context).strip() or None
        floors_field = self.parameterAsString(parameters, self.FLOORS_FIELD, context).strip() or None
        proxies = []
        for layer in layers:
            self.check_canceled(feedback)
            if isinstance(layer, QgsRasterLayer):
                proxies.append(downscale.RasterProxy(layer.source(), layer.name()))
            elif isinstance(layer, QgsVectorLayer):
                wanted = [f for f in (weight_field, floors_field) if f and layer.fields().indexOf(f) >= 0]
                if weight_field and weight_field not in wanted:
                    raise self.error(self.tr('Proxy “{layer}” has no field “{field}” (WEIGHT_FIELD).').format(
                        layer=layer.name(), field=weight_field))
                frame = self.frame(layer, wanted, feedback=feedback, crs=crs, context=context)
                proxies.append(downscale.PointsProxy.from_frame(
                    frame, pixel_size, layer.name(), weight_field,
                    floors_field if floors_field in wanted else None))
            else:
                raise self.error(self.tr('Proxy “{layer}” is neither a raster nor a vector layer.').format(
                    layer=layer.name()))
        output, output_id = self.staged_file(parameters, self.OUTPUT, context)
        report = downscale.downscale(
            list(regions.geometry), totals, proxies, weights, pixel_size, output,
            frames.crs_to_frame(crs), names=names, max_cells=max_cells, log=feedback.pushInfo,
            progress=lambda f: feedback.setProgress(100.0 * f), is_canceled=feedback.isCanceled)
        uniform = [r['name'] for r in report['regions'] if r['uniform']]
        load_fitted(context, output_id, 'carbon_grid_raster', self.tr('Emissions grid (t CO₂ per cell)'))
        return {self.OUTPUT: output_id, self.MAX_RELATIVE_ERROR: report['max_relative_error'],
                self.UNIFORM_REGIONS: ', '.join(uniform)}

    def _weights(self, parameters, context, count):
        text = self.parameterAsString(parameters, self.WEIGHTS, context).strip()
        if not text:
            return [1.0] * count
        try:
            values = [float(part) for part in text.replace('，', ',').split(',')]
        except ValueError:
            raise self.error(self.tr('WEIGHTS “{text}” must be numbers separated by commas.').format(
                text=text)) from None
        if len(values) != count:
            raise self.error(self.tr('WEIGHTS has {n} value(s) for {m} proxy layer(s).').format(
                n=len(values), m=count))
        return values
