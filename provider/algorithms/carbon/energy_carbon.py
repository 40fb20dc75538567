"""spm:energy_carbon — t CO₂ by district and fuel from a consumption table (IPCC 2006)."""

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ....core.carbon import energy
from ...base import SpmAlgorithm, secondary_sink
from ...sources import table_file
from .common import grid_factor_parameter, grid_factor_value, load_fitted, log_grid_choice, write_table
from ....compat import NumberType, SourceType


class EnergyCarbonAlgorithm(SpmAlgorithm):
    """Fuel × standard coal × carbon × 44/12; electricity × grid factor."""

    NAME = 'energy_carbon'
    MEASURES = None
    GROUP = 'carbon'
    REQUIRES = ('pandas',)

    TABLE = 'TABLE'
    DISTRICT_FIELD = 'DISTRICT_FIELD'
    FUEL_FIELD = 'FUEL_FIELD'
    AMOUNT_FIELD = 'AMOUNT_FIELD'
    UNIT_FIELD = 'UNIT_FIELD'
    YEAR_FIELD = 'YEAR_FIELD'
    SECTOR_FIELD = 'SECTOR_FIELD'
    YEAR = 'YEAR'
    FACTORS = 'FACTORS'
    GRID_FACTOR = 'GRID_FACTOR'
    DISTRICTS = 'DISTRICTS'
    DISTRICTS_KEY = 'DISTRICTS_KEY'
    OUTPUT = 'OUTPUT'
    TOTALS = 'TOTALS'

    def displayName(self):  # noqa: N802
        return self.tr('Energy carbon account (能源消费碳排放)')

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TABLE, self.tr('Energy consumption table (district × fuel, long format)'),
            [SourceType.Vector]))
        for name, label, default in (
                (self.DISTRICT_FIELD, self.tr('District field'), 'adcode'),
                (self.FUEL_FIELD, self.tr('Fuel field'), 'fuel'),
                (self.AMOUNT_FIELD, self.tr('Amount field'), 'amount')):
            self.addParameter(QgsProcessingParameterField(
                name, label, defaultValue=default, parentLayerParameterName=self.TABLE))
        self.addParameter(QgsProcessingParameterField(
            self.UNIT_FIELD, self.tr('Unit field (t, 万m³, MWh …; empty = the factor table’s units)'),
            defaultValue='unit', parentLayerParameterName=self.TABLE, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.YEAR_FIELD, self.tr('Year field'), defaultValue='year',
            parentLayerParameterName=self.TABLE, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.SECTOR_FIELD, self.tr('Sector field (rows of power generation, e.g. 发电, are checked '
                                       'for double counting with electricity)'),
            defaultValue='sector', parentLayerParameterName=self.TABLE, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, self.tr('Only this year (empty = every year)'), NumberType.Integer,
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.FACTORS, self.tr('Fuel factor table (CSV; default: IPCC 2006 reference approach)'),
            extension='csv', optional=True))
        self.addParameter(grid_factor_parameter(self.GRID_FACTOR))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.DISTRICTS, self.tr('Districts (to give the totals their polygons)'),
            [SourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.DISTRICTS_KEY, self.tr('Districts: key field matching the district field'),
            defaultValue='adcode', parentLayerParameterName=self.DISTRICTS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Energy CO₂ by district and fuel (t CO₂)'), SourceType.Vector))
        self.addParameter(secondary_sink(
            self.TOTALS, self.tr('Energy CO₂ totals by district (t CO₂/a)'), SourceType.Vector))

    def process(self, parameters, context, feedback):
        source = self.source(parameters, self.TABLE, context)
        fields = {}
        for name, label in ((self.DISTRICT_FIELD, self.tr('district')), (self.FUEL_FIELD, self.tr('fuel')),
                            (self.AMOUNT_FIELD, self.tr('amount')), (self.UNIT_FIELD, self.tr('unit')),
                            (self.YEAR_FIELD, self.tr('year')), (self.SECTOR_FIELD, self.tr('sector'))):
            value = self.parameterAsString(parameters, name, context)
            optional = name in (self.UNIT_FIELD, self.YEAR_FIELD, self.SECTOR_FIELD)
            if optional and (not value or source.fields().indexOf(value) < 0) \
                    and parameters.get(name) in (None, ''):
                value = ''  # the default field name is absent and the user did not ask for it
            fields[name] = self.require_field(source, value, label) if value else None
        table = self.frame(source, [f for f in fields.values() if f], feedback=feedback)
        if parameters.get(self.YEAR) not in (None, ''):
            year = self.parameterAsInt(parameters, self.YEAR, context)
            if not fields[self.YEAR_FIELD]:
                raise self.error(self.tr('YEAR is given but the table has no year field.'))
            years = table[fields[self.YEAR_FIELD]]
            table = table[years.astype(str).str.strip().str.split('.').str[0] == str(year)]
            if table.empty:
                raise self.error(self.tr('Table “{table}” has no row for year {year} (it has {years}).')
                                 .format(table=self.label(source), year=year,
                                         years=', '.join(sorted(set(years.astype(str))))))
        grid_factor = grid_factor_value(self, parameters, self.GRID_FACTOR, context)
        factors = table_file(self, parameters, self.FACTORS, context, feedback)

        districts_source = self.source(parameters, self.DISTRICTS, context, required=False)
        districts, names = None, None
        if districts_source is not None:
            key = self.require_field(districts_source,
                                     self.parameterAsString(parameters, self.DISTRICTS_KEY, context),
                                     self.tr('district key'))
            wanted = [key] + (['name'] if districts_source.fields().indexOf('name') >= 0 else [])
            districts = self.frame(districts_source, wanted, feedback=feedback)
            districts['_key'] = districts[key].map(lambda v: '' if v is None else str(v).strip())
            if 'name' in districts.columns:
                names = dict(zip(districts['_key'], districts['name']))
        self.check_canceled(feedback)

        report = {}
        by_fuel, totals = energy.energy_carbon(
            table, fields[self.DISTRICT_FIELD], fields[self.FUEL_FIELD], fields[self.AMOUNT_FIELD],
            fields[self.UNIT_FIELD], fields[self.YEAR_FIELD], factors, grid_factor, names,
            table_name=self.label(source), report=report)
        log_grid_choice(feedback, sorted(report['grid'].items()))
        if fields[self.SECTOR_FIELD]:
            for dist, year, fuels in energy.double_counting(
                    table, fields[self.DISTRICT_FIELD], fields[self.FUEL_FIELD], fields[self.SECTOR_FIELD],
                    fields[self.YEAR_FIELD], factors):
                feedback.reportError(self.tr(
                    'District {dist}{year}: the table lists fuel burnt for power generation ({fuels}) and '
                    'electricity consumption; their CO₂ is counted twice unless the electricity comes '
                    'from elsewhere.').format(dist=dist, year=' ({})'.format(year) if year is not None else '',
                                               fuels=', '.join(fuels)))
        if districts is not None:
            unmatched = sorted(set(totals['DIST']) - set(districts['_key']))
            if unmatched:
                raise self.error(self.tr(
                    'Districts in the table but not in layer “{layer}”: {keys}.').format(
                        layer=self.label(districts_source), keys=', '.join(unmatched)))
            geometry = districts.drop_duplicates('_key').set_index('_key').geometry
            import geopandas as gpd
            totals = gpd.GeoDataFrame(totals, geometry=totals['DIST'].map(geometry).to_numpy(),
                                      crs=districts.crs)
        feedback.pushInfo(self.tr('{n} district(s): {total:.1f} t CO₂ in all.')
                          .format(n=totals['DIST'].nunique(), total=totals['CO2_T'].sum()))
        self.check_canceled(feedback)
        out_id = write_table(self, by_fuel, parameters, self.OUTPUT, context, feedback)
        if districts is not None:
            totals_id = self.write_frame(totals, parameters, self.TOTALS, context, feedback)
        else:
            totals_id = write_table(self, totals, parameters, self.TOTALS, context, feedback)
        load_fitted(context, out_id, None, self.tr('Energy CO₂ by district and fuel (t CO₂)'))
        load_fitted(context, totals_id, 'carbon_emissions_polygons' if districts is not None else None,
                    self.tr('Energy CO₂ by district (t CO₂/a)'))
        return {self.OUTPUT: out_id, self.TOTALS: totals_id}
