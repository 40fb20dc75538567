"""spm:building_carbon — each building's carbon account (t CO₂/a), and optionally a grid of sums."""

from qgis.core import (
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ....core.carbon import building
from ... import working_crs
from ...base import SpmAlgorithm
from ...sources import table_file
from .common import grid_factor_parameter, grid_factor_value, load_fitted, log_grid_choice
from ....compat import FieldDataType, SourceType


class BuildingCarbonAlgorithm(SpmAlgorithm):
    """Floor area × energy-use intensity of the use × grid emission factor."""

    NAME = 'building_carbon'
    MEASURES = 'working_crs'
    GROUP = 'carbon'
    REQUIRES = ('geopandas',)

    BUILDINGS = 'BUILDINGS'
    USE_FIELD = 'USE_FIELD'
    FLOOR_AREA_FIELD = 'FLOOR_AREA_FIELD'
    FLOORS_FIELD = 'FLOORS_FIELD'
    INTENSITIES = 'INTENSITIES'
    DEFAULT_USE = 'DEFAULT_USE'
    GRID_FACTOR = 'GRID_FACTOR'
    REGION_CODE = 'REGION_CODE'
    GRID_SIZE = 'GRID_SIZE'
    OUTPUT = 'OUTPUT'
    GRID_OUTPUT = 'GRID_OUTPUT'

    def displayName(self):  # noqa: N802
        return self.tr('Building carbon account (建筑碳账户)')

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILDINGS, self.tr('Buildings'), [SourceType.VectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.USE_FIELD, self.tr('Building use field'), defaultValue='use',
            parentLayerParameterName=self.BUILDINGS))
        self.addParameter(QgsProcessingParameterField(
            self.FLOOR_AREA_FIELD, self.tr('Floor area field (m²; empty = footprint × floors)'),
            parentLayerParameterName=self.BUILDINGS, type=FieldDataType.Numeric,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.FLOORS_FIELD, self.tr('Floors field'), defaultValue='floors',
            parentLayerParameterName=self.BUILDINGS, type=FieldDataType.Numeric,
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.INTENSITIES, self.tr('Energy-use intensity table (CSV, kWh/m²·a by use)'),
            extension='csv', optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DEFAULT_USE, self.tr('Use for unknown uses (empty = stop)'), optional=True))
        self.addParameter(grid_factor_parameter(self.GRID_FACTOR))
        self.addParameter(QgsProcessingParameterString(
            self.REGION_CODE, self.tr('Administrative code of the area (e.g. 350302; chooses the '
                                      'province’s grid factor when none is given)'), optional=True))
        self.addParameter(QgsProcessingParameterDistance(
            self.GRID_SIZE, self.tr('Grid cell size (0 = no grid)'), defaultValue=0.0, minValue=0.0,
            parentParameterName=self.BUILDINGS, optional=True))
        working_crs.add_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Building carbon (t CO₂/a)'), SourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.GRID_OUTPUT, self.tr('Building carbon grid (t CO₂/a per cell)'),
            SourceType.VectorPolygon, optional=True, createByDefault=True))

    def process(self, parameters, context, feedback):
        source = self.source(parameters, self.BUILDINGS, context)
        use_field = self.require_field(source, self.parameterAsString(parameters, self.USE_FIELD, context),
                                       self.tr('building use'))
        area_field = self.parameterAsString(parameters, self.FLOOR_AREA_FIELD, context) or None
        floors_field = self.parameterAsString(parameters, self.FLOORS_FIELD, context) or None
        if area_field:
            self.require_field(source, area_field, self.tr('floor area'), numeric=True)
            floors_field = None
        elif floors_field:
            self.require_field(source, floors_field, self.tr('floors'), numeric=True)
        else:
            raise self.error(self.tr('Layer “{layer}”: give a floor-area field or a floors field.').format(
                layer=self.label(source)))
        work = working_crs.resolve(self, parameters, context, [source], feedback)   # footprints, grid in metres
        grid_size = self.parameterAsDouble(parameters, self.GRID_SIZE, context)
        grid_wanted = grid_size > 0
        if grid_wanted and parameters.get(self.GRID_OUTPUT) in (None, ''):
            parameters = dict(parameters, **{self.GRID_OUTPUT: 'TEMPORARY_OUTPUT'})
        buildings = self.frame(source, feedback=feedback, crs=work, context=context)
        intensities = table_file(self, parameters, self.INTENSITIES, context, feedback)
        default_use = self.parameterAsString(parameters, self.DEFAULT_USE, context).strip() or None
        grid_factor = grid_factor_value(self, parameters, self.GRID_FACTOR, context)
        region_code = self.parameterAsString(parameters, self.REGION_CODE, context).strip() or None
        self.check_canceled(feedback)

        out, report = building.building_carbon(
            buildings, use_field, area_field, floors_field, intensities, grid_factor, default_use,
            layer_name=self.label(source), region_code=region_code)
        log_grid_choice(feedback, [(region_code or self.tr('all buildings'),
                                    (report['grid_factor'], report['grid_label'], report['grid_choice']))])
        if report['unknown_features']:
            feedback.reportError(self.tr('{n} building(s) with unknown uses were given the use {use}: '
                                         '{uses}.').format(
                n=report['unknown_features'], use=report['default_use'],
                uses=', '.join('{} ({})'.format(k or '∅', v)
                               for k, v in sorted(report['unknown_uses'].items()))))
        feedback.pushInfo(self.tr('{n} buildings, {area:,.0f} m² of floor area: {co2:,.1f} t CO₂/a '
                                  '(electricity {e:,.0f} MWh, gas {g:,.0f} MWh, heat {h:,.0f} MWh).').format(
            n=len(out), area=out['FLOOR_M2'].sum(), co2=out['CO2_T'].sum(), e=out['ELEC_MWH'].sum(),
            g=out['GAS_MWH'].sum(), h=out['HEAT_MWH'].sum()))
        grid = None
        if grid_wanted:
            grid = building.grid_sums(out, grid_size, is_canceled=feedback.isCanceled)
            feedback.pushInfo(self.tr('{n} grid cells of {size:g} m hold buildings.').format(
                n=len(grid), size=grid_size))
        self.check_canceled(feedback)
        out = working_crs.to_crs(out, source.sourceCrs())
        results = {self.OUTPUT: self.write_frame(out, parameters, self.OUTPUT, context, feedback)}
        load_fitted(context, results[self.OUTPUT], 'carbon_emissions_polygons',
                    self.tr('Building carbon (t CO₂/a)'))
        if grid is not None:
            grid = working_crs.to_crs(grid, source.sourceCrs())
            results[self.GRID_OUTPUT] = self.write_frame(grid, parameters, self.GRID_OUTPUT, context,
                                                         feedback)
            load_fitted(context, results[self.GRID_OUTPUT], 'carbon_emissions_polygons',
                        self.tr('Building carbon grid (t CO₂/a per cell)'))
        return results
