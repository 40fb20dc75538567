"""spm:beidou_grid_cells — the cell polygon of each BeiDou grid code (2D or 3D) in a table or layer."""

import geopandas as gpd
import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)
from shapely.geometry import box

from ....core.codes import beidou
from ....core.codes.assign import GEOGRAPHIC
from ....core.codes.checks import clean
from ...base import SpmAlgorithm
from ....compat import FieldDataType, SourceType, WkbType


class BeidouGridCellsAlgorithm(SpmAlgorithm):
    """Decode codes to their cells: CGCS2000 rectangles, with level and (3D) height range."""

    NAME = 'beidou_grid_cells'
    MEASURES = 'lonlat'
    GROUP = 'codes'
    REQUIRES = ('geopandas',)

    CODES = 'CODES'
    CODE_FIELD = 'CODE_FIELD'
    OUTPUT = 'OUTPUT'

    def displayName(self):  # noqa: N802
        return self.tr('BeiDou grid cells from codes (北斗网格单元)')

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CODES, self.tr('Table or layer with BeiDou grid codes'), [SourceType.Vector]))
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, self.tr('Code field'), defaultValue='BEIDOU_CODE',
            parentLayerParameterName=self.CODES, type=FieldDataType.String))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('BeiDou grid cells'), SourceType.VectorPolygon))

    def process(self, parameters, context, feedback):
        source = self.source(parameters, self.CODES, context)
        field = self.require_field(source, self.parameterAsString(parameters, self.CODE_FIELD, context),
                                   self.tr('BeiDou grid code'))
        frame = self.frame(source, feedback=feedback)
        self.check_canceled(feedback)
        texts = np.array([clean(c) for c in frame[field]], dtype=object).astype(str)
        two = beidou.decode(texts, strict=False)
        three = beidou.decode(texts, three_d=True, strict=False)
        is_2d = two['problem'] == ''
        is_3d = ~is_2d & (three['problem'] == '')
        bad = ~(is_2d | is_3d)
        if bad.all() and len(frame):
            first = int(np.flatnonzero(bad)[0])
            raise self.error(self.tr('Layer “{layer}”, field “{field}”: no value is a BeiDou grid code '
                                     '(feature {fid}: “{code}”, {reason}).').format(
                layer=self.label(source), field=field, fid=frame.index[first], code=texts[first],
                reason=two['problem'][first]))
        if bad.any():
            listed = ['{} (“{}”: {})'.format(fid, code, reason) for fid, code, reason in zip(
                frame.index[bad][:10], texts[bad][:10], two['problem'][bad][:10])]
            feedback.reportError(self.tr('{n} value(s) are not BeiDou grid codes and get no cell: {list}.').format(
                n=int(bad.sum()), list='; '.join(listed)), False)
        bounds = {name: np.where(is_2d, two[name], three[name]) for name in ('west', 'south', 'east', 'north')}
        keep = ~bad
        out = frame.drop(columns=frame.geometry.name).loc[keep].copy()
        out['LEVEL'] = np.where(is_2d, two['level'], three['level'])[keep]
        out['CODE_DIM'] = np.where(is_2d, '2D', '3D')[keep]
        out['H_BOTTOM'] = np.where(is_3d, three.get('bottom', np.nan), np.nan)[keep]
        out['H_TOP'] = np.where(is_3d, three.get('top', np.nan), np.nan)[keep]
        cells = [box(w, s, e, n) for w, s, e, n in zip(bounds['west'][keep], bounds['south'][keep],
                                                      bounds['east'][keep], bounds['north'][keep])]
        out = gpd.GeoDataFrame(out, geometry=gpd.GeoSeries(cells, index=out.index, crs=GEOGRAPHIC), crs=GEOGRAPHIC)
        feedback.pushInfo(self.tr('{n} cells ({n3} of them 3D), in CGCS2000 longitude/latitude (EPSG:4490).').format(
            n=len(out), n3=int(is_3d.sum())))
        self.check_canceled(feedback)
        dest = self.write_frame(out, parameters, self.OUTPUT, context, feedback,
                                crs=QgsCoordinateReferenceSystem('EPSG:4490'), wkb_type=WkbType.Polygon)
        self.load_styled(context, dest, 'beidou_cells', self.tr('BeiDou grid cells'))
        return {self.OUTPUT: dest}
