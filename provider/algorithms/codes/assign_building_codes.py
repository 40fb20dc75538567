"""spm:assign_building_codes — stable building codes, kept in a GeoPackage registry across runs.

The registry and the coded output agree, always: the output is written to a temporary file
beside its destination, the registry commits, and only then the output is moved into place.
A failure or cancel before the commit leaves neither (the registry rolls back, the temporary
file goes); after it nothing can cancel, and a process killed in the instant between the two
leaves registered codes without an output, which the next run gives the same buildings again
(they match their registered footprints), never codes that the registry does not hold.
"""

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ....core.codes import assign, registry, schemes
from ...base import SpmAlgorithm, advanced
from ... import working_crs
from .common import scheme_parameter
from ....compat import NumberType, SourceType


class AssignBuildingCodesAlgorithm(SpmAlgorithm):
    """Township by centroid + year + next free sequence + unit + check; matched by footprint."""

    NAME = 'assign_building_codes'
    MEASURES = 'working_crs'
    GROUP = 'codes'
    REQUIRES = ('geopandas',)

    BUILDINGS = 'BUILDINGS'
    ADMIN = 'ADMIN'
    ADMIN_CODE_FIELD = 'ADMIN_CODE_FIELD'
    YEAR_FIELD = 'YEAR_FIELD'
    REGISTRY = 'REGISTRY'
    BEIDOU_LEVEL = 'BEIDOU_LEVEL'
    SCHEME = 'SCHEME'
    MIN_OVERLAP = 'MIN_OVERLAP'
    OUTPUT = 'OUTPUT'
    # input files the algorithm writes: base compares them with the inputs and the outputs
    WRITES = (REGISTRY,)

    def displayName(self):  # noqa: N802
        return self.tr('Assign building codes (房屋建筑赋码)')

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILDINGS, self.tr('Buildings (footprints)'), [SourceType.VectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ADMIN, self.tr('Townships/streets (乡镇街道)'), [SourceType.VectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.ADMIN_CODE_FIELD, self.tr('Township code field (9 digits)'), defaultValue='code',
            parentLayerParameterName=self.ADMIN))
        self.addParameter(QgsProcessingParameterField(
            self.YEAR_FIELD, self.tr('Year field (empty = year of this run)'),
            parentLayerParameterName=self.BUILDINGS, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.REGISTRY, self.tr('Code registry (GeoPackage; created when missing)'),
            extension='gpkg'))
        self.addParameter(QgsProcessingParameterNumber(
            self.BEIDOU_LEVEL, self.tr('BeiDou grid level'), NumberType.Integer,
            defaultValue=8, minValue=1, maxValue=10))
        self.addParameter(scheme_parameter(self.SCHEME))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.MIN_OVERLAP, self.tr('Minimum overlap to keep a code (share of the larger footprint)'),
            NumberType.Double, defaultValue=0.5, minValue=0.01, maxValue=1.0)))
        working_crs.add_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Coded buildings'), SourceType.VectorPolygon))

    def process(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.REGISTRY, context)
        if not path:
            raise self.error(self.tr('Give the path of the code registry (a .gpkg file; it is created when missing).'))
        if not path.lower().endswith('.gpkg'):
            raise self.error(self.tr('The code registry must be a GeoPackage (.gpkg), not {path}.').format(path=path))
        buildings_source = self.source(parameters, self.BUILDINGS, context)
        admin_source = self.source(parameters, self.ADMIN, context)
        admin_field = self.require_field(admin_source, self.parameterAsString(parameters, self.ADMIN_CODE_FIELD, context),
                                         self.tr('township code'))
        year_field = self.parameterAsString(parameters, self.YEAR_FIELD, context) or None
        if year_field:
            self.require_field(buildings_source, year_field, self.tr('year'))
        scheme = schemes.get_scheme(self.parameterAsString(parameters, self.SCHEME, context) or None)
        level = self.parameterAsInt(parameters, self.BEIDOU_LEVEL, context)
        min_overlap = self.parameterAsDouble(parameters, self.MIN_OVERLAP, context)
        # a new registry measures and stores footprints in the working CRS (projected, metres)
        work = working_crs.as_pyproj(working_crs.resolve(self, parameters, context,
                                                         [buildings_source, admin_source], feedback))
        buildings = self.frame(buildings_source, feedback=feedback)
        admin = self.frame(admin_source, fields=[admin_field], feedback=feedback)
        self.check_canceled(feedback)
        feedback.pushInfo(self.tr('Read {n} buildings and {m} townships; coding with scheme {scheme} ({length} '
                                  'characters).').format(n=len(buildings), m=len(admin), scheme=scheme.id,
                                                         length=scheme.length))

        with registry.open_registry(path, scheme, work or buildings.crs) as reg:
            before = reg.counts()
            frame, summary = assign.assign_codes(
                reg, buildings, admin, admin_field, year_field, level, min_overlap,
                source=self.label(buildings_source), check=lambda: self.check_canceled(feedback),
                layer_names=(self.label(buildings_source), self.label(admin_source)),
                progress=lambda k, step: feedback.setProgress(10 + 80 * (k + 1) / len(assign.STEPS)))
            self.check_canceled(feedback)
            dest = self.write_frame(frame, parameters, self.OUTPUT, context, feedback)   # staged by base
            feedback.setProgress(95)
            self.check_canceled(feedback)
            reg.commit()                # the registry first; from here on nothing cancels …
            try:
                self.publish_outputs()  # … and the output follows it into place
            except OSError as exc:
                raise self.error(self.tr(
                    'The codes of this run are in the registry (run {run}), but the output could not be '
                    'moved to “{path}” ({error}). Run again with the same buildings: they keep these '
                    'codes.').format(run=summary['run'], path=self.destination(parameters, self.OUTPUT, context).path,
                                     error=exc.strerror or exc)) from exc
        feedback.setProgress(100)
        self._report(feedback, path, before, summary)
        self.load_styled(context, dest, 'building_codes', self.tr('Coded buildings'))
        return {self.OUTPUT: dest}

    def _report(self, feedback, path, before, summary):
        after = summary['registry_after']
        feedback.pushInfo(self.tr(
            'Coded {n} buildings: {kept} kept their code, {issued} got a new code, {retired} code(s) of '
            'vanished buildings retired.').format(n=summary['buildings'], kept=summary['kept'], issued=summary['issued'],
                                         retired=summary['retired']))
        feedback.pushInfo(self.tr(
            'Registry {path} (run {run}): {total0} rows before ({active0} active), {total} rows now '
            '({active} active, {retired_total} retired).').format(
                path=path, run=summary['run'], total0=before['total'], active0=before['active'],
                total=after['total'], active=after['active'], retired_total=after['retired']))
        if summary['outside']:
            ids = summary['outside_ids']
            feedback.reportError(self.tr(
                '{n} building(s) lie outside every township and got no code (CODE_STATUS “outside”): '
                'features {ids}.').format(n=summary['outside'], ids=', '.join(str(i) for i in ids[:30])
                                          + (' …' if len(ids) > 30 else '')), False)
        if summary.get('located_by_vertices'):
            feedback.pushWarning(self.tr(
                '{n} building(s) whose footprint has no area were coded at the mean of their vertices '
                '(fix their footprints): features {ids}.').format(
                    n=len(summary['located_by_vertices']), ids=', '.join(map(str, summary['located_by_vertices']))))
        if summary['no_geometry']:
            feedback.reportError(self.tr('{n} feature(s) have no geometry and got no code.').format(
                n=summary['no_geometry']), False)
        if summary['missing_years']:
            feedback.pushWarning(self.tr('{n} building(s) have no year; the year of this run was used.').format(
                n=summary['missing_years']))
        if summary['township_changed']:
            feedback.pushWarning(self.tr(
                '{n} building(s) kept a code naming a township other than the one they now lie in '
                '(ADMIN_CODE); codes never change.').format(n=summary['township_changed']))
        if summary['ambiguous_township']:
            feedback.pushWarning(self.tr('{n} centroid(s) lie on a township boundary or in overlapping '
                                         'townships; the lowest township code was used.').format(
                n=summary['ambiguous_township']))

