"""spm:beidou_grid_code — the BeiDou grid location code (GB/T 39409-2020) of every feature."""

import numpy as np
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ....core.codes import beidou
from ....core.codes.assign import geographic
from ....core.codes.footprints import anchor_points
from ...base import SpmAlgorithm
from ....compat import FieldDataType, NumberType, SourceType


class BeidouGridCodeAlgorithm(SpmAlgorithm):
    """Points use themselves, other geometries a point on their surface; 3D with a height field."""

    NAME = 'beidou_grid_code'
    MEASURES = 'lonlat'
    GROUP = 'codes'
    REQUIRES = ('geopandas',)

    INPUT = 'INPUT'
    LEVEL = 'LEVEL'
    HEIGHT_FIELD = 'HEIGHT_FIELD'
    HEIGHT_REFERENCE = 'HEIGHT_REFERENCE'
    GROUND_FIELD = 'GROUND_FIELD'
    GROUND_HEIGHT = 'GROUND_HEIGHT'
    FIELD = 'FIELD'
    OUTPUT = 'OUTPUT'

    def displayName(self):  # noqa: N802
        return self.tr('BeiDou grid location code (北斗网格位置码)')

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr('Input layer'), [SourceType.VectorAnyGeometry]))
        self.addParameter(QgsProcessingParameterNumber(
            self.LEVEL, self.tr('Grid level (1 = 6°×4° … 8 ≈ 1 m … 10 ≈ 1.5 cm)'),
            NumberType.Integer, defaultValue=8, minValue=1, maxValue=10))
        self.addParameter(QgsProcessingParameterField(
            self.HEIGHT_FIELD, self.tr('Height field for a 3D code: ellipsoidal height (大地高) above CGCS2000, '
                                       'metres (empty = 2D code)'),
            parentLayerParameterName=self.INPUT, type=FieldDataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.HEIGHT_REFERENCE, self.tr('The height field holds'),
            [self.tr('ellipsoidal height (大地高, GB/T 39409)'),
             self.tr('height above ground (add the ground’s ellipsoidal height)')], defaultValue=0))
        self.addParameter(QgsProcessingParameterField(
            self.GROUND_FIELD, self.tr('Ground ellipsoidal height field (大地高 of the ground, metres)'),
            parentLayerParameterName=self.INPUT, type=FieldDataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.GROUND_HEIGHT, self.tr('Ground ellipsoidal height for every feature (metres)'),
            NumberType.Double, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.FIELD, self.tr('Name of the new field'), defaultValue='BEIDOU_CODE'))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('With BeiDou grid codes'), SourceType.VectorAnyGeometry))

    def process(self, parameters, context, feedback):
        source = self.source(parameters, self.INPUT, context)
        level = self.parameterAsInt(parameters, self.LEVEL, context)
        height_field = self.parameterAsString(parameters, self.HEIGHT_FIELD, context) or None
        if height_field:
            self.require_field(source, height_field, self.tr('height'), numeric=True)
        ground = self.ground(parameters, context, source, height_field)
        field = self.parameterAsString(parameters, self.FIELD, context).strip()
        if not field:
            raise self.error(self.tr('Give a name for the new field.'))
        if field.lower() in ('fid', 'ogc_fid'):
            raise self.error(self.tr('FIELD “{field}” is the reserved id column of GeoPackage outputs; choose '
                                     'another name.').format(field=field))
        frame = self.frame(source, feedback=feedback)
        if frame.crs is None:
            raise self.error(self.tr('Layer “{layer}” has no coordinate reference system.').format(
                layer=self.label(source)))
        self.check_canceled(feedback)

        x, y, _, _ = anchor_points(frame.geometry)
        present = np.isfinite(x) & np.isfinite(y)
        labels = [self.tr('feature {fid}').format(fid=fid) for fid in frame.index[present]]
        lng, lat = geographic(x[present], y[present], frame.crs)
        codes = np.full(len(frame), None, dtype=object)
        if present.any():
            if height_field:
                heights = frame[height_field].to_numpy(dtype=float)[present]
                if ground is not None:
                    heights = heights + (frame[ground].to_numpy(dtype=float)[present]
                                         if isinstance(ground, str) else ground)
                codes[present] = beidou.encode_3d(lng, lat, heights, level, labels=labels)
            else:
                codes[present] = beidou.encode(lng, lat, level, labels=labels)
        missing = int((~present).sum())
        if missing:
            feedback.reportError(self.tr('{n} feature(s) without geometry get no code: {ids}.').format(
                n=missing, ids=', '.join(str(i) for i in frame.index[~present][:20])), False)
        if field in frame.columns:
            feedback.pushWarning(self.tr('Field “{field}” exists in the input; the output replaces it.').format(
                field=field))
        width, height = beidou.cell_size_m(level, float(np.nanmean(lat)) if present.any() else 0.0)
        feedback.pushInfo(self.tr('{n} codes at level {level} (cells about {w:.3g} m × {h:.3g} m here){kind}.').format(
            n=int(present.sum()), level=level, w=width, h=height,
            kind=self.tr(', 3D with ellipsoidal heights from “{f}”').format(f=height_field) if height_field else ''))
        if ground is not None:
            feedback.pushInfo(self.tr('Heights above ground plus the ground’s ellipsoidal height ({g}).').format(
                g=self.tr('field “{f}”').format(f=ground) if isinstance(ground, str) else '{:g} m'.format(ground)))
        out = frame.assign(**{field: codes})
        self.check_canceled(feedback)
        dest = self.write_frame(out, parameters, self.OUTPUT, context, feedback)
        self.load_styled(context, dest, None, self.tr('BeiDou grid codes'))
        return {self.OUTPUT: dest}

    def ground(self, parameters, context, source, height_field):
        """None for ellipsoidal heights; else the ground's ellipsoidal height: a field name or a number.

        GB/T 39409's height is the 大地高 above CGCS2000, so a height above ground needs the ground's
        ellipsoidal height added; without it the run stops.
        """
        if self.parameterAsEnum(parameters, self.HEIGHT_REFERENCE, context) == 0:
            return None
        if not height_field:
            raise self.error(self.tr('HEIGHT_REFERENCE “height above ground” needs a HEIGHT_FIELD.'))
        ground_field = self.parameterAsString(parameters, self.GROUND_FIELD, context)
        if ground_field:
            return self.require_field(source, ground_field, self.tr('ground height'), numeric=True)
        if parameters.get(self.GROUND_HEIGHT) not in (None, ''):
            return self.parameterAsDouble(parameters, self.GROUND_HEIGHT, context)
        raise self.error(self.tr(
            'Heights above ground need the ground’s ellipsoidal height (大地高 above CGCS2000, as GB/T 39409 '
            'measures heights): give GROUND_FIELD or GROUND_HEIGHT.'))
