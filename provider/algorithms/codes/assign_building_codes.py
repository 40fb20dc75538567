"""spm:assign_building_codes — stable building codes, kept in a GeoPackage registry across runs.

The registry and the coded output agree, always: the output is written to a temporary file
beside its destination, the registry commits, and only then the output is moved into place.
A failure or cancel before the commit leaves neither (the registry rolls back, the temporary
file goes); after it nothing can cancel, and a process killed in the instant between the two
leaves registered codes without an output, which the next run gives the same buildings again
(they match their registered footprints), never codes that the registry does not hold.
"""

import os
import re
import shutil
import tempfile

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
    QgsProperty,
    QgsProviderRegistry,
)

from ....core.codes import assign, registry, schemes
from ...base import SpmAlgorithm
from ... import working_crs
from .common import advanced, scheme_parameter


class AssignBuildingCodesAlgorithm(SpmAlgorithm):
    """Township by centroid + year + next free sequence + unit + check; matched by footprint."""

    NAME = 'assign_building_codes'
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
            self.BUILDINGS, self.tr('Buildings (footprints)'), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ADMIN, self.tr('Townships/streets (乡镇街道)'), [QgsProcessing.TypeVectorPolygon]))
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
            self.BEIDOU_LEVEL, self.tr('BeiDou grid level'), QgsProcessingParameterNumber.Integer,
            defaultValue=8, minValue=1, maxValue=10))
        self.addParameter(scheme_parameter(self.SCHEME))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.MIN_OVERLAP, self.tr('Minimum overlap to keep a code (share of the larger footprint)'),
            QgsProcessingParameterNumber.Double, defaultValue=0.5, minValue=0.01, maxValue=1.0)))
        working_crs.add_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Coded buildings'), QgsProcessing.TypeVectorPolygon))

    def process(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.REGISTRY, context)
        if not path:
            raise self.error(self.tr('Give the path of the code registry (a .gpkg file; it is created when missing).'))
        if not path.lower().endswith('.gpkg'):
            raise self.error(self.tr('The code registry must be a GeoPackage (.gpkg), not {path}.').format(path=path))
        self._check_registry_is_no_other_file(path, parameters, context)
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
            with _StagedOutput(self, parameters, self.OUTPUT, context) as staged:
                dest = staged.write(frame, feedback)
                feedback.setProgress(95)
                self.check_canceled(feedback)
                reg.commit()            # the registry first; from here on nothing cancels …
                try:
                    staged.publish()    # … and the output follows it into place
                except OSError as exc:
                    raise self.error(self.tr(
                        'The codes of this run are in the registry (run {run}), but the output could not be '
                        'moved to “{path}” ({error}). Run again with the same buildings: they keep these '
                        'codes.').format(run=summary['run'], path=staged.target, error=exc.strerror or exc)) from exc
        feedback.setProgress(100)
        self._report(feedback, path, before, summary)
        self.load_styled(context, dest, 'building_codes', self.tr('Coded buildings'))
        return {self.OUTPUT: dest}

    def _check_registry_is_no_other_file(self, path, parameters, context):
        """Stop, before anything is read, when REGISTRY names an input file or the output file.

        Stand-in for base's check of every destination against every input (which reads
        ``WRITES``); drop it once base has that check."""
        files = [(self.BUILDINGS, _layer_file(parameters.get(self.BUILDINGS), context)),
                 (self.ADMIN, _layer_file(parameters.get(self.ADMIN), context)),
                 (self.OUTPUT, _output_file(self, parameters, context))]
        for name, other in files:
            if other and registry.same_file(path, other):
                raise self.error(self.tr(
                    'The code registry (REGISTRY) and {what} ({name}) are the same file, “{path}”. The '
                    'registry is written by every run: give it a file of its own. Nothing was read or '
                    'written.').format(what=self.parameterDefinition(name).description(), name=name, path=path))

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


# --- local stand-ins for base's destination handling (see the report of branch `registry`) ----

_OGR_URI = re.compile(r"""^ogr:dbname=(['"]?)(?P<path>.+?)\1\s+table=""")
_SHAPEFILE_PARTS = ('.shp', '.shx', '.dbf', '.prj', '.cpg', '.qpj')


def _plain(value, context):
    """The plain value of a parameter: a property's value, a definition's sink or source."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    elif isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsProperty):
        value = value.valueAsString(context.expressionContext())[0]
    return value


def _layer_file(value, context):
    """The file behind an input layer parameter (path, layer id, layer object), or None."""
    value = _plain(value, context)
    layer = value if hasattr(value, 'providerType') else QgsProcessingUtils.mapLayerFromString(
        str(value or ''), context, False)
    source = layer.source() if layer is not None else str(value or '')
    if layer is not None and layer.providerType() != 'ogr':
        return None
    return QgsProviderRegistry.instance().decodeUri('ogr', source).get('path') or None


def _output_file(alg, parameters, context):
    """The file the OUTPUT sink names, or None (temporary layer, database)."""
    value = str(_plain(parameters.get(alg.OUTPUT), context) or '')
    match = _OGR_URI.match(value)
    if match:
        return match['path']
    if not value or value == QgsProcessing.TEMPORARY_OUTPUT or re.match(r'^[a-z]{2,}:', value):
        return None
    return value.split('|', 1)[0]


class _StagedOutput:
    """One sink written to a temporary folder beside its destination, moved into place by
    ``publish()``; left by ``with`` without publishing, the temporary folder is removed.

    Stand-in for base's staging: once ``write_frame`` stages every file output and base can
    publish on request, ``write`` is ``alg.write_frame`` and ``publish`` is base's publish."""

    def __init__(self, alg, parameters, name, context):
        self.alg, self.parameters, self.name, self.context = alg, parameters, name, context
        self.target = _output_file(alg, parameters, context)
        self.folder = self.staged = None

    def write(self, frame, feedback):
        """Write ``frame``; returns the output id the algorithm returns."""
        if self.target is None or _OGR_URI.match(str(_plain(self.parameters.get(self.name), self.context))):
            # a temporary layer, a database or a layer of a GeoPackage: QGIS's own sink
            return self.alg.write_frame(frame, self.parameters, self.name, self.context, feedback)
        self.folder = tempfile.mkdtemp(prefix='.spm-run-', dir=os.path.dirname(os.path.abspath(self.target)))
        self.staged = os.path.join(self.folder, os.path.basename(self.target))
        staged = dict(self.parameters, **{self.name: QgsProcessingOutputLayerDefinition(self.staged)})
        self.alg.write_frame(frame, staged, self.name, self.context, feedback)
        return self.target

    def publish(self):
        if self.staged is None:
            return
        stem, target = os.path.splitext(self.staged)[0], os.path.splitext(self.target)[0]
        parts = _SHAPEFILE_PARTS if self.target.lower().endswith('.shp') else (os.path.splitext(self.target)[1],)
        for suffix in parts:
            if os.path.exists(stem + suffix):
                os.replace(stem + suffix, target + suffix)
        original = self.parameters.get(self.name)
        project = getattr(original, 'destinationProject', None)
        if project is not None:
            self.context.addLayerToLoadOnCompletion(self.target, QgsProcessingContext.LayerDetails(
                original.destinationName or self.alg.parameterDefinition(self.name).description(), project,
                self.name, QgsProcessingUtils.LayerHint.Vector))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
        return False
