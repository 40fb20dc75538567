"""spm:resolve_codes — 一码互联: any codes of any type in; for each its city object, the object's
geometry and every code linked to it out (a layer, and a wide table without geometry)."""

import geopandas as gpd
import pandas as pd
from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)
from shapely import wkb as shapely_wkb

from ....core.codes import citycode, citycode_resolve
from ...base import SpmAlgorithm, secondary_sink
from .city_register import REGISTER_NAME, register_parameter, register_path
from ....compat import SourceType


class ResolveCodesAlgorithm(SpmAlgorithm):
    """Codes in, objects and all their codes out."""

    NAME = 'resolve_codes'
    GROUP = 'codes'
    REQUIRES = ('geopandas',)

    CITY_REGISTER = REGISTER_NAME
    INPUT = 'INPUT'
    CODE_FIELD = 'CODE_FIELD'
    OUTPUT = 'OUTPUT'
    TABLE = 'TABLE'

    def displayName(self):  # noqa: N802
        return self.tr('Resolve codes to city objects (一码互联)')

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(register_parameter(self.tr('City code register (GeoPackage made by spm:link_codes)')))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr('Table of codes (any type, mixed)'), [SourceType.Vector]))
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, self.tr('Code field'), parentLayerParameterName=self.INPUT))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Resolved objects'), SourceType.VectorAnyGeometry))
        self.addParameter(secondary_sink(self.TABLE, self.tr('Resolved codes (wide table)')))

    def process(self, parameters, context, feedback):
        path = register_path(self, parameters, context, must_exist=True)
        source = self.source(parameters, self.INPUT, context)
        field = self.require_field(source, self.parameterAsString(parameters, self.CODE_FIELD, context),
                                   self.tr('codes'))
        table = self.frame(source, fields=[field], feedback=feedback)
        self.check_canceled(feedback)
        found, columns = citycode_resolve.resolve(path, list(table[field]))
        self.check_canceled(feedback)
        crs = citycode.read_meta(path).get('crs') or None
        found.insert(0, 'INPUT_FID', [table.index[k] for k in found.pop('k')])
        geometry = [None if w is None else shapely_wkb.loads(w) for w in found.pop('wkb')]
        wide = pd.DataFrame(found.copy())
        layer = gpd.GeoDataFrame(found.copy(), geometry=geometry, crs=crs)
        counts = found['STATUS'].value_counts()
        feedback.pushInfo(self.tr('{n} codes: {active} resolved to an active object, {retired} to a retired one, '
                                  '{missing} not found; {shared} named more than one object.').format(
            n=len(table), active=int(counts.get('active', 0)), retired=int(counts.get('retired', 0)),
            missing=int(counts.get('not found', 0)), shared=int(found['INPUT_FID'].duplicated().sum())))
        feedback.pushInfo(self.tr('Code types linked to these objects: {types}.').format(
            types=', '.join(columns.values()) or '—'))
        written = self.write_outputs([(self.OUTPUT, layer), (self.TABLE, wide)], parameters, context, feedback)
        self.load_styled(context, written[self.OUTPUT], None, self.tr('Resolved objects'))
        self.load_styled(context, written.get(self.TABLE), None, self.tr('Resolved codes'))
        return written
