"""spm:place_projects — major projects from a table onto the map, with code check and plan conflict."""

import geopandas as gpd
from qgis.core import (
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ....bridge import frames
from ....core.codes import projects
from ...base import SpmAlgorithm, advanced
from ....compat import SourceType, WkbType


class PlaceProjectsAlgorithm(SpmAlgorithm):
    """Points from X/Y columns, or the parcels a project lists; then township, plan use, conflict."""

    NAME = 'place_projects'
    MEASURES = 'as_is'
    GROUP = 'codes'
    REQUIRES = ('geopandas',)

    TABLE = 'TABLE'
    CODE_FIELD = 'CODE_FIELD'
    X_FIELD = 'X_FIELD'
    Y_FIELD = 'Y_FIELD'
    SOURCE_CRS = 'SOURCE_CRS'
    PARCEL_FIELD = 'PARCEL_FIELD'
    PARCELS = 'PARCELS'
    PARCELS_KEY = 'PARCELS_KEY'
    PLAN = 'PLAN'
    PLAN_FIELD = 'PLAN_FIELD'
    USE_FIELD = 'USE_FIELD'
    ADMIN = 'ADMIN'
    ADMIN_CODE_FIELD = 'ADMIN_CODE_FIELD'
    OUTPUT = 'OUTPUT'

    def displayName(self):  # noqa: N802
        return self.tr('Place major projects on the map (重大项目落图)')

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TABLE, self.tr('Project table (CSV, spreadsheet or layer)'), [SourceType.Vector]))
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, self.tr('Project code field (GB/T 40058)'), parentLayerParameterName=self.TABLE))
        self.addParameter(QgsProcessingParameterField(
            self.X_FIELD, self.tr('X / longitude field'), parentLayerParameterName=self.TABLE, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.Y_FIELD, self.tr('Y / latitude field'), parentLayerParameterName=self.TABLE, optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.SOURCE_CRS, self.tr('CRS of the X/Y values'), defaultValue='EPSG:4490', optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.PARCEL_FIELD, self.tr('Parcel id field (instead of X/Y; several ids separated by ; , 、)'),
            parentLayerParameterName=self.TABLE, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PARCELS, self.tr('Parcels'), [SourceType.VectorPolygon], optional=True))
        self.addParameter(advanced(QgsProcessingParameterField(
            self.PARCELS_KEY, self.tr('Parcel id field in the parcel layer (default: same name as in the table)'),
            parentLayerParameterName=self.PARCELS, optional=True)))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PLAN, self.tr('Plan zoning (用地用海 polygons)'), [SourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.PLAN_FIELD, self.tr('Planned land-use code field'), parentLayerParameterName=self.PLAN,
            optional=True))
        self.addParameter(advanced(QgsProcessingParameterField(
            self.USE_FIELD, self.tr('Project land-use code field (用地用海; empty = any construction land fits)'),
            parentLayerParameterName=self.TABLE, optional=True)))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ADMIN, self.tr('Townships (to name where each project lies and check its code)'),
            [SourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ADMIN_CODE_FIELD, self.tr('Township code field'), defaultValue='code',
            parentLayerParameterName=self.ADMIN, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Placed projects'), SourceType.VectorAnyGeometry))

    def _field(self, parameters, name, context, source, label, required=False):
        value = self.parameterAsString(parameters, name, context) or None
        if value or required:
            self.require_field(source, value, label)
        return value

    def process(self, parameters, context, feedback):
        table_source = self.source(parameters, self.TABLE, context)
        code_field = self._field(parameters, self.CODE_FIELD, context, table_source, self.tr('project code'), True)
        x_field = self._field(parameters, self.X_FIELD, context, table_source, self.tr('X'))
        y_field = self._field(parameters, self.Y_FIELD, context, table_source, self.tr('Y'))
        parcel_field = self._field(parameters, self.PARCEL_FIELD, context, table_source, self.tr('parcel id'))
        use_field = self._field(parameters, self.USE_FIELD, context, table_source, self.tr('project land use'))
        parcels_source = self.source(parameters, self.PARCELS, context, required=False)
        plan_source = self.source(parameters, self.PLAN, context, required=False)
        admin_source = self.source(parameters, self.ADMIN, context, required=False)
        by_xy = bool(x_field and y_field)
        if by_xy == bool(parcel_field):
            raise self.error(self.tr('Give either both X_FIELD and Y_FIELD, or PARCEL_FIELD with PARCELS '
                                     '(one way to place the projects).'))
        if (x_field or y_field) and not by_xy:
            raise self.error(self.tr('X_FIELD and Y_FIELD go together; one of them is missing.'))
        parcels_key = None
        if parcel_field:
            if parcels_source is None:
                raise self.error(self.tr('PARCEL_FIELD needs the PARCELS layer.'))
            parcels_key = self.parameterAsString(parameters, self.PARCELS_KEY, context) or parcel_field
            self.require_field(parcels_source, parcels_key, self.tr('parcel id'))
        plan_field = None
        if plan_source is not None:
            plan_field = self._field(parameters, self.PLAN_FIELD, context, plan_source, self.tr('planned land use'),
                                     True)
        admin_field = None
        if admin_source is not None:
            admin_field = self._field(parameters, self.ADMIN_CODE_FIELD, context, admin_source,
                                      self.tr('township code'), True)
        source_crs = self.parameterAsCrs(parameters, self.SOURCE_CRS, context)
        if by_xy and not source_crs.isValid():
            raise self.error(self.tr('Give the CRS of the X/Y values (SOURCE_CRS).'))
        # the output CRS: the townships', else the plan's, else the parcels', else the X/Y CRS
        crs = next((s.sourceCrs() for s in (admin_source, plan_source, parcels_source)
                    if s is not None and s.sourceCrs().isValid()), source_crs)

        table = self.frame(table_source, feedback=feedback).drop(columns='geometry', errors='ignore')
        self.check_canceled(feedback)
        if by_xy:
            geometries, notes = projects.points_from_xy(table, x_field, y_field, frames.crs_to_frame(source_crs))
            points = self._reproject(geometries, source_crs, crs)
            geometries = points
            wkb_type = WkbType.Point
        else:
            parcels = self.frame(parcels_source, fields=[parcels_key], feedback=feedback, crs=crs, context=context)
            geometries, notes = projects.polygons_from_parcels(table, parcel_field, parcels, parcels_key)
            wkb_type = WkbType.MultiPolygon
        plan = (self.frame(plan_source, fields=[plan_field], feedback=feedback, crs=crs, context=context)
                if plan_source is not None else None)
        admin = (self.frame(admin_source, fields=[admin_field], feedback=feedback, crs=crs, context=context)
                 if admin_source is not None else None)
        self.check_canceled(feedback)
        out = projects.place_projects(table, code_field, frames.crs_to_frame(crs), geometries, notes, admin,
                                      admin_field, plan, plan_field, use_field,
                                      check=lambda: self.check_canceled(feedback))
        placed = int(out.geometry.notna().sum())
        feedback.pushInfo(self.tr('{n} projects: {placed} placed, {valid} with a valid code, {conflict} in conflict '
                                  'with the plan.').format(n=len(out), placed=placed,
                                                           valid=int(out['CODE_VALID'].sum()),
                                                           conflict=int(out['CONFLICT'].fillna(0).sum())))
        for fid, note in zip(out.index, out['PLACE_NOTE']):
            if note:
                feedback.pushWarning(self.tr('Row {fid}: {note}').format(fid=fid, note=note))
        self.check_canceled(feedback)
        dest = self.write_frame(out, parameters, self.OUTPUT, context, feedback, crs=crs, wkb_type=wkb_type)
        self.load_styled(context, dest, 'projects_points' if by_xy else 'projects_polygons',
                         self.tr('Placed projects'))
        return {self.OUTPUT: dest}

    @staticmethod
    def _reproject(geometries, source_crs, crs):
        series = gpd.GeoSeries(geometries, crs=frames.crs_to_frame(source_crs))
        if source_crs != crs:
            series = series.to_crs(frames.crs_to_frame(crs))
        return list(series)
