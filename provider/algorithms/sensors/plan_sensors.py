"""spm:plan_sensors — 感知终端布设: where to put sensors so the risk points are covered."""

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ....core.sensors import models, outputs, pairs, problem
from ...base import SpmAlgorithm, progress_to, secondary_sink
from ...sources import table_file
from ...working_crs import to_crs
from .common import (add_distance_parameters, add_point_parameters, metres, optional_field,
                     optional_number, point_frame, push_notes, read_common)
from ....compat import FieldDataType, NumberType, SourceType, WkbType


class PlanSensorsAlgorithm(SpmAlgorithm):
    """LSCP, MCLP or p-median over risk points and candidate sites, exact (HiGHS) or greedy."""

    NAME = 'plan_sensors'
    MEASURES = 'working_crs'
    GROUP = 'sensors'
    REQUIRES = ('geopandas', 'scipy')

    RISK_POINTS = 'RISK_POINTS'
    WEIGHT_FIELD = 'WEIGHT_FIELD'
    KIND_FIELD = 'KIND_FIELD'
    CANDIDATES = 'CANDIDATES'
    SPACING = 'SPACING'
    EXISTING = 'EXISTING'
    EXISTING_RADIUS_FIELD = 'EXISTING_RADIUS_FIELD'
    MODEL = 'MODEL'
    RADIUS = 'RADIUS'
    P = 'P'
    BUDGET = 'BUDGET'
    COST_FIELD = 'COST_FIELD'
    DISTANCE = 'DISTANCE'
    ROADS = 'ROADS'
    COST_TABLE = 'COST_TABLE'
    KIND_TABLE = 'KIND_TABLE'
    TIME_LIMIT = 'TIME_LIMIT'
    WORKING_CRS = 'WORKING_CRS'
    OUTPUT = 'OUTPUT'
    ASSIGNMENTS = 'ASSIGNMENTS'
    SUMMARY = 'SUMMARY'

    def displayName(self):  # noqa: N802
        return self.tr('Plan sensor sites (感知终端布设)')

    def initAlgorithm(self, config=None):  # noqa: N802
        add_point_parameters(self, self.RISK_POINTS)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CANDIDATES, self.tr('Candidate sites (empty: points along the roads, or a grid, every '
                                     'SPACING)'), [SourceType.VectorPoint], optional=True))
        self.addParameter(metres(self.SPACING, self.tr('Spacing of generated candidate sites (m)'),
                                 defaultValue=100.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.EXISTING, self.tr('Existing sensors (always kept)'), [SourceType.VectorPoint],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.EXISTING_RADIUS_FIELD, self.tr('Existing sensors’ own radius field'),
            parentLayerParameterName=self.EXISTING, type=FieldDataType.Numeric,
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.MODEL, self.tr('Model'), list(models.MODELS), defaultValue='MCLP', usesStaticStrings=True))
        add_distance_parameters(self)
        self.addParameter(QgsProcessingParameterNumber(
            self.P, self.tr('P: number of new sensors (MCLP, PMEDIAN)'), NumberType.Integer,
            minValue=0, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.BUDGET, self.tr('Budget for new sensors (MCLP; in COST_FIELD units)'),
            NumberType.Double, minValue=0.0, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.COST_FIELD, self.tr('Cost field of the candidate sites (BUDGET; LSCP minimises cost)'),
            parentLayerParameterName=self.CANDIDATES, type=FieldDataType.Numeric,
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.COST_TABLE, self.tr('Cost table (CSV: point id, site id, cost; replaces distances)'),
            extension='csv', optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.TIME_LIMIT, self.tr('Time limit of the exact solver (s; 0 = greedy only)'),
            NumberType.Double, defaultValue=60.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Sensor sites'), SourceType.VectorPoint))
        self.addParameter(secondary_sink(self.ASSIGNMENTS, self.tr('Sensor assignments'), SourceType.VectorLine))
        self.addParameter(secondary_sink(self.SUMMARY, self.tr('Sensor plan summary'), SourceType.Vector))

    def process(self, parameters, context, feedback):
        model = self.parameterAsEnumString(parameters, self.MODEL, context) or 'MCLP'
        table_path = self.parameterAsFile(parameters, self.COST_TABLE, context)
        cost_table = pairs.read_cost_table(table_file(self, parameters, self.COST_TABLE, context,
                                                      feedback)) if table_path else None
        # the header names the id fields: the first a field of the risk points, the second of the sites
        point_id, site_id = (list(map(str, cost_table.columns[:2])) + [None, None])[:2] \
            if cost_table is not None else (None, None)
        risk, options, labels, crs, input_crs = read_common(
            self, parameters, context, self.RISK_POINTS, feedback, sites=[self.CANDIDATES, self.EXISTING],
            risk_fields=[point_id])
        cand_src = self.source(parameters, self.CANDIDATES, context, required=False)
        cost_field = optional_field(self, parameters, self.COST_FIELD, context, cand_src, self.tr('cost'),
                                    numeric=True) if cand_src is not None else None
        if parameters.get(self.COST_FIELD) and cand_src is None:
            raise self.error(self.tr('COST_FIELD needs the candidate sites (CANDIDATES).'))
        kind = options['kind_field']
        candidates, labels['candidates'] = point_frame(self, parameters, self.CANDIDATES, context, crs,
                                                       feedback, [kind, cost_field, site_id])
        existing_src = self.source(parameters, self.EXISTING, context, required=False)
        radius_field = optional_field(self, parameters, self.EXISTING_RADIUS_FIELD, context, existing_src,
                                      self.tr('radius'), numeric=True) if existing_src is not None else None
        existing, labels['existing'] = point_frame(self, parameters, self.EXISTING, context, crs,
                                                   feedback, [kind, radius_field, site_id])
        p = optional_number(self, parameters, self.P, context)
        budget = optional_number(self, parameters, self.BUDGET, context)
        if budget is not None and cost_field is None:
            feedback.pushInfo(self.tr('No COST_FIELD: every candidate site costs 1.'))
        labels['cost_table'] = table_path or 'COST_TABLE'
        self.check_canceled(feedback)

        feedback.setProgressText(self.tr('Finding which sites can cover which risk points'))
        prob = problem.prepare(risk, candidates, existing, cost_field=cost_field,
                               existing_radius_field=radius_field,
                               spacing=self.parameterAsDouble(parameters, self.SPACING, context),
                               cost_table=cost_table, labels=labels, **options)
        cov = prob.coverage
        feedback.pushInfo(self.tr('{n} risk points, {s} sites, {f} possible sensors (site × kind), {k} '
                                  'covering pairs ({d}).').format(n=cov.n_points, s=cov.n_sites,
                                                                 f=cov.n_facilities, k=len(cov.rows),
                                                                 d=prob.distance))
        push_notes(feedback, prob.notes)
        feedback.setProgress(30)
        self.check_canceled(feedback)

        feedback.setProgressText(self.tr('Solving {model}').format(model=model))
        solution = models.solve(cov, model, p=None if p is None else int(p), budget=budget,
                                minimise_cost=cost_field is not None, canceled=feedback.isCanceled,
                                time_limit=self.parameterAsDouble(parameters, self.TIME_LIMIT, context),
                                progress=progress_to(feedback, 30, 85))
        push_notes(feedback, solution.notes)
        gap = solution.gap
        feedback.pushInfo(self.tr('{model}: {n} new sensor(s), objective {obj:.6g}, solver {solver} '
                                  '({status}), proven gap {gap}, {sec:.1f} s.').format(
            model=model, n=len(solution.added), obj=solution.objective, solver=solution.solver,
            status=solution.status, gap='–' if gap is None else f'{gap:.2%}', sec=solution.seconds))
        self.check_canceled(feedback)

        sites = to_crs(outputs.chosen_sites(prob, solution), input_crs)
        lines = to_crs(outputs.assignment_lines(prob, solution.chosen), input_crs)
        summary = outputs.plan_summary(prob, solution)
        total = summary.iloc[-1]
        feedback.pushInfo(self.tr('Coverage: {c} of {n} risk points ({pct:.1f} %), weighted {wpct:.1f} %.')
                          .format(c=int(total['N_COVERED']), n=int(total['N_POINTS']),
                                  pct=total['COVER_PCT'], wpct=total['WCOVER_PCT']))
        feedback.setProgressText(self.tr('Writing the results'))
        written = self.write_outputs([(self.OUTPUT, sites, WkbType.Point),
                                         (self.ASSIGNMENTS, lines, WkbType.LineString),
                                         (self.SUMMARY, summary, WkbType.NoGeometry)],
                                  parameters, context, feedback)
        styles = {self.OUTPUT: ('sensor_sites', self.tr('Sensor sites')),
                  self.ASSIGNMENTS: ('sensor_assignments', self.tr('Sensor assignments')),
                  self.SUMMARY: (None, self.tr('Sensor plan summary'))}
        for name, dest in written.items():
            self.load_styled(context, dest, *styles[name])
        return written
