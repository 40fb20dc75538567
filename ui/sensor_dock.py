"""The sensor-planning dock (感知终端布设): plan, read the coverage curve, edit sensors on the map.

Pick the risk points (kind and weight fields), the existing sensors, candidate sites or roads, the
distance, radius and model, and press Plan: the plan runs in a QgsTask (core.sensors.session) with
progress. The coverage curve shows the coverage % after 1, 2, … new sensors in the greedy order
(solid: points, dashed: weight) and the plan's own answer as a dot; clicking the curve lays out the
first n greedy sensors (the arrow keys step one sensor). With “Add / remove on map” a left click adds a sensor of the chosen kind and
a right click removes the nearest new sensor; coverage is recomputed at once. Two memory layers
show the layout (sensor sites) and the risk points coloured by how many sensors cover them.
When the project holds an spm:vital_signs output, a line on top gives the risk points that only
offline sensors covered, to select or to plan for (ui/sensor_gaps.py).
"""

import numpy as np
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, Qt
from qgis.core import (
    QgsApplication,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFieldProxyModel,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)

from .coverage_curve import CoverageCurve
from .form_dock import FormDock, load_form
from .sensor_gaps import GapPanel
from .sensor_tools import PlanTask, SensorMapTool
from ..core.errors import SpmError
from ..core.sensors.coverage import ANY_KIND
from ..compat import FeatureRequestFlag, FieldType, LayerFilter

FORM = load_form('sensor_dock.ui')

LAYER_GUESSES = {'riskCombo': ('risk_points',), 'existingCombo': ('sensors_existing', 'sensors'),
                 'roadsCombo': ('roads',), 'candidatesCombo': ()}
FIELD_GUESSES = {'kindFieldCombo': ('kind', 'KIND', '类型'), 'weightFieldCombo': ('weight', 'WEIGHT', '权重'),
                 'existingRadiusCombo': ('radius', 'RADIUS', '半径')}


class SensorDock(FormDock, FORM):
    """The sensor-planning dock (see the module docstring)."""

    PRODUCER = ('spm:plan_sensors', QT_TRANSLATE_NOOP('spm', 'Open “Plan sensor sites”…'))

    def __init__(self, iface, parent=None):
        super().__init__(iface, 'SpmSensorDock', parent)
        self.setWindowTitle(self.tr('Sensor planning (感知终端布设)'))
        self.curve = CoverageCurve(self.curveContainer)
        self.curveLayout.addWidget(self.curve)
        self.mainLayout.setStretchFactor(self.curveContainer, 3)
        self.warningsLabel.hide()
        self._retranslate()
        self.session = None
        self.task = None
        self.tool = None
        self.previous_tool = None
        self.crs = None
        self.layer_ids = {}             # 'sites' / 'coverage' -> memory layer id
        self.curve_n = None             # number of greedy sensors when the layout is a curve point
        self.notes = []
        self.summary = None             # (covered points, %, weighted %, new sensors) of the layout

        for name in ('riskCombo', 'existingCombo', 'candidatesCombo'):
            getattr(self, name).setFilters(LayerFilter.PointLayer)
        self.roadsCombo.setFilters(LayerFilter.LineLayer)
        for name in ('existingCombo', 'candidatesCombo', 'roadsCombo'):
            getattr(self, name).setAllowEmptyLayer(True)
        for name in FIELD_GUESSES:
            getattr(self, name).setAllowEmptyFieldName(True)
        self.weightFieldCombo.setFilters(QgsFieldProxyModel.Filter.Numeric)
        self.existingRadiusCombo.setFilters(QgsFieldProxyModel.Filter.Numeric)
        self.distanceCombo.addItem(self.tr('Straight'), 'EUCLIDEAN')
        self.distanceCombo.addItem(self.tr('Roads'), 'NETWORK')
        self.distanceCombo.setToolTip(self.tr('Straight-line distance, or along the road network'))
        for model, text, tip in (
                ('MCLP', 'MCLP', self.tr('Maximal covering: the most risk weight covered with P new sensors')),
                ('LSCP', 'LSCP', self.tr('Set covering: the fewest new sensors covering every reachable point')),
                ('PMEDIAN', 'p-median', self.tr('P new sensors minimising the weighted distance to the '
                                                'nearest sensor'))):
            self.modelCombo.addItem(text, model)
            self.modelCombo.setItemData(self.modelCombo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.radiusSpin.setRange(0.0, 100000.0)
        self.radiusSpin.setSpecialValueText(self.tr('by kind'))
        self.radiusSpin.setSuffix(' m')
        self.radiusSpin.setClearValue(0.0)
        self.spacingSpin.setRange(1.0, 100000.0)
        self.spacingSpin.setValue(100.0)
        self.spacingSpin.setSuffix(' m')
        self.pSpin.setRange(0, 100000)
        self.pSpin.setValue(20)
        self.timeSpin.setRange(0.0, 3600.0)
        self.timeSpin.setValue(30.0)
        self.timeSpin.setSuffix(' s')
        self.cancelButton.setEnabled(False)
        self.editButton.setEnabled(False)
        self.resetButton.setEnabled(False)
        self.addKindCombo.setEnabled(False)

        self.riskCombo.layerChanged.connect(self._risk_changed)
        self.existingCombo.layerChanged.connect(self.existingRadiusCombo.setLayer)
        self.runButton.clicked.connect(self.run)
        self.cancelButton.clicked.connect(self.cancel)
        self.curve.picked.connect(self.use_curve)
        self.editButton.toggled.connect(self._toggle_tool)
        self.resetButton.clicked.connect(self.back_to_plan)
        self.modelCombo.currentIndexChanged.connect(self._model_changed)
        for name in ('riskCombo', 'existingCombo', 'candidatesCombo', 'roadsCombo'):
            getattr(self, name).layerChanged.connect(self._inputs_changed)
        self._guess_layers()
        self._risk_changed(self.riskCombo.currentLayer())
        self.existingRadiusCombo.setLayer(self.existingCombo.currentLayer())
        self._guess_fields()
        self._update_empty_state()
        self.gaps = GapPanel(self)          # coverage gaps from offline sensors (spm:vital_signs)
        self.mainLayout.insertWidget(0, self.gaps)
        for signal in (self.riskCombo.layerChanged, self.kindFieldCombo.fieldChanged,
                       self.existingRadiusCombo.fieldChanged, self.radiusSpin.valueChanged):
            signal.connect(self.gaps.refresh)
        self.gaps.refresh()

    def layers_changed(self):
        """Pick the sample layers that were just added where nothing is picked; update the note."""
        for combo, names in LAYER_GUESSES.items():
            widget = getattr(self, combo)
            if widget.currentLayer() is None or (combo == 'riskCombo' and widget.currentLayer().name() not in names):
                layer = next((layer for name in names for layer in QgsProject.instance().mapLayersByName(name)), None)
                if layer is not None:
                    widget.setLayer(layer)
        self._update_empty_state()
        self.gaps.refresh()

    def _update_empty_state(self):
        has_points = self.riskCombo.currentLayer() is not None
        self.empty.set_message('' if has_points else self.tr(
            'Add the risk points to the project first: a point layer of pipeline, slope, geological '
            'hazard, flooding or bridge risk points, with a kind and a weight field (the sample city '
            'has risk_points). The plan can also run as a Processing algorithm.'))

    def _inputs_changed(self, *args):
        """A message about the inputs is stale once they change (the plan's status stays)."""
        if self.task is None and self.session is None:
            self.statusLabel.clear()

    def _retranslate(self):
        for name, text in (('riskLabel', self.tr('Risk points')), ('kindFieldLabel', self.tr('Kind field')),
                           ('weightFieldLabel', self.tr('Weight field')),
                           ('existingLabel', self.tr('Existing sensors')),
                           ('existingRadiusLabel', self.tr('Their radius field')),
                           ('candidatesLabel', self.tr('Candidate sites')), ('roadsLabel', self.tr('Roads')),
                           ('distanceLabel', self.tr('Distance')), ('radiusLabel', self.tr('Radius')),
                           ('modelLabel', self.tr('Model')), ('pLabel', self.tr('P (new)')),
                           ('spacingLabel', self.tr('Spacing')), ('timeLabel', self.tr('Time limit')),
                           ('runButton', self.tr('Plan')), ('cancelButton', self.tr('Cancel')),
                           ('editButton', self.tr('Add / remove on map')),
                           ('resetButton', self.tr('Back to plan'))):
            getattr(self, name).setText(text)
        self.candidatesCombo.setToolTip(self.tr('Empty: candidate sites every “Spacing” along the roads '
                                                '(or on a grid when there are no roads).'))

    # ---- inputs -----------------------------------------------------------------------------

    def _guess_layers(self):
        layers = list(QgsProject.instance().mapLayers().values())
        for combo, names in LAYER_GUESSES.items():
            for layer in layers:
                if layer.name() in names:
                    getattr(self, combo).setLayer(layer)
                    break
            else:
                if getattr(self, combo).allowEmptyLayer():
                    getattr(self, combo).setLayer(None)

    def _guess_fields(self):
        for combo, names in FIELD_GUESSES.items():
            widget = getattr(self, combo)
            layer = widget.layer()
            found = next((n for n in names if layer is not None and layer.fields().indexOf(n) >= 0), '')
            widget.setField(found)

    def _risk_changed(self, layer):
        self.kindFieldCombo.setLayer(layer)
        self.weightFieldCombo.setLayer(layer)
        self._guess_fields()

    def _model_changed(self, *args):
        self.pSpin.setEnabled(self.modelCombo.currentData() != 'LSCP')

    @staticmethod
    def _frame(layer, fields, crs):
        """A layer (or None) as a GeoDataFrame in ``crs``, with only ``fields`` that it has."""
        if layer is None:
            return None
        from ..bridge import frames
        names = [f for f in fields if f and layer.fields().indexOf(f) >= 0]
        request = QgsFeatureRequest()
        if layer.crs() != crs:
            request.setDestinationCrs(crs, QgsProject.instance().transformContext())
        frame = frames.source_to_frame(layer, names, request=request)
        return frame.set_crs(frames.crs_to_frame(crs), allow_override=True)

    def inputs(self):
        """What the plan task needs, read from the layers on the main thread."""
        risk = self.riskCombo.currentLayer()
        if risk is None:
            raise SpmError(self.tr('Pick the risk point layer.'))
        self.crs = risk.crs()
        kind = self.kindFieldCombo.currentField() or None
        radius_field = self.existingRadiusCombo.currentField() or None
        distance = self.distanceCombo.currentData()
        roads = self.roadsCombo.currentLayer()
        model = self.modelCombo.currentData()
        return {
            'risk': self._frame(risk, [kind, self.weightFieldCombo.currentField()], self.crs),
            'candidates': self._frame(self.candidatesCombo.currentLayer(), [kind], self.crs),
            'existing': self._frame(self.existingCombo.currentLayer(), [kind, radius_field], self.crs),
            'options': {'radius': self.radiusSpin.value() or None, 'kind_field': kind,
                        'weight_field': self.weightFieldCombo.currentField() or None,
                        'existing_radius_field': radius_field, 'distance': distance,
                        'roads': self._frame(roads, [], self.crs) if roads is not None else None,
                        'spacing': self.spacingSpin.value(),
                        'labels': {'risk': risk.name()}},
            'model': {'model': model, 'p': None if model == 'LSCP' else self.pSpin.value(),
                      'time_limit': self.timeSpin.value()},
        }

    # ---- planning (QgsTask) -----------------------------------------------------------------

    def run(self):
        """Start planning in a QgsTask."""
        if self.task is not None:
            return
        try:
            inputs = self.inputs()
        except SpmError as exc:
            self.statusLabel.setText(str(exc))
            return
        self.task = PlanTask(self.tr('Sensor planning'), inputs, self._plan_finished)
        self.task.progressChanged.connect(lambda value: self.progressBar.setValue(int(value)))
        self.runButton.setEnabled(False)
        self.cancelButton.setEnabled(True)
        self.progressBar.setValue(0)
        self.statusLabel.setText(self.tr('Planning…'))
        QgsApplication.taskManager().addTask(self.task)

    def cancel(self):
        if self.task is not None:
            self.task.cancel()

    def _plan_finished(self, task):
        self.task = None
        self.runButton.setEnabled(True)
        self.cancelButton.setEnabled(False)
        if task.session is None:
            self.progressBar.setValue(0)
            text = task.error or self.tr('Canceled.')
            self.statusLabel.setText(text if len(text) < 600 else text[-600:])
            return
        self.progressBar.setValue(100)
        self.session = task.session
        kinds = self.session.problem.coverage.kinds
        self.addKindCombo.clear()
        self.addKindCombo.addItem(self.tr('any kind'), ANY_KIND)
        for k, name in enumerate(kinds):
            if name:
                self.addKindCombo.addItem(name, k)
        for widget in (self.editButton, self.resetButton, self.addKindCombo):
            widget.setEnabled(True)
        self.notes = list(self.session.problem.notes) + list(self.session.solution.notes)
        self.curve_n = None
        self._make_layers()
        self.refresh()

    # ---- the layout ---------------------------------------------------------------------------

    def use_curve(self, n):
        """Lay out the first ``n`` greedy sensors (a point on the curve)."""
        if self.session is None:
            return
        self.curve_n = self.session.use_curve(n)
        self.refresh()

    def back_to_plan(self):
        if self.session is not None:
            self.session.use_plan()
            self.curve_n = None
            self.refresh()

    def _to_layer_crs(self, point):
        canvas_crs = self.iface.mapCanvas().mapSettings().destinationCrs() if self.iface else self.crs
        if canvas_crs.isValid() and self.crs is not None and canvas_crs != self.crs:
            transform = QgsCoordinateTransform(canvas_crs, self.crs, QgsProject.instance())
            return transform.transform(QgsPointXY(point))
        return QgsPointXY(point)

    def add_sensor_at(self, point):
        """Add a sensor of the chosen kind at a map point (canvas CRS)."""
        if self.session is None:
            return
        p = self._to_layer_crs(point)
        kind = self.addKindCombo.currentData()
        self.session.add(p.x(), p.y(), ANY_KIND if kind is None else int(kind))
        self.curve_n = None
        self.refresh()

    def remove_sensor_at(self, point, tolerance):
        """Remove the new sensor nearest to a map point; existing sensors stay."""
        if self.session is None:
            return False
        p = self._to_layer_crs(point)
        removed = self.session.remove_nearest(p.x(), p.y(), tolerance)
        if removed:
            self.curve_n = None
            self.refresh()
        return removed

    def refresh(self):
        """Coverage of the current layout: curve marker, status text and the two layers."""
        s = self.session
        covered_by = s.covered_by()
        hit = covered_by > 0
        cov = s.problem.coverage
        total = float(cov.weights.sum())
        pct = 100.0 * hit.sum() / max(cov.n_points, 1)
        wpct = 100.0 * float(cov.weights[hit].sum()) / total if total else 0.0
        new = sum(1 for x in s.sensors if not x.existing)
        existing = len(s.sensors) - new
        solution = s.solution
        plan_cov = 100.0 * (cov.covered_by(solution.chosen) > 0).sum() / max(cov.n_points, 1)
        self.curve.set_data(s.curve_percent(), s.curve_percent(weighted=True), self.curve_n,
                            (len(solution.added), plan_cov),
                            (self.tr('Coverage of risk points'), self.tr('new sensors, greedy order'),
                             '{}|{}'.format(self.tr('points'), self.tr('weight'))))
        gap = solution.gap
        lines = [self.tr('Layout: {new} new + {existing} existing sensors cover {c} of {n} risk points '
                         '({pct:.1f} %, weighted {wpct:.1f} %).').format(
                     new=new, existing=existing, c=int(hit.sum()), n=cov.n_points, pct=pct, wpct=wpct),
                 self.tr('Plan: {model} with {solver} ({status}), {k} new sensors, proven gap {gap}.').format(
                     model=solution.model, solver=solution.solver, status=self._status_text(solution.status),
                     k=len(solution.added), gap='–' if gap is None else f'{gap:.2%}')]
        self.statusLabel.setText('\n'.join(lines))
        self.warningsLabel.setText('\n'.join([self.tr('{n} warning(s):').format(n=len(self.notes))]
                                             + ['• ' + note for note in self.notes]))
        self.warningsLabel.setVisible(bool(self.notes))
        self.summary = (int(hit.sum()), pct, wpct, new)
        self._fill_layers(covered_by)

    def _status_text(self, status):
        """The solver's status in words (the summary table keeps the ids)."""
        return {'optimal': self.tr('optimal'), 'time_limit': self.tr('time limit reached'),
                'heuristic': self.tr('greedy')}.get(status, status)

    # ---- result layers ------------------------------------------------------------------------

    def _layer(self, key):
        layer_id = self.layer_ids.get(key)
        return QgsProject.instance().mapLayer(layer_id) if layer_id else None

    def _make_layers(self):
        """(Re)create the two memory layers for a new plan, styled like the algorithms' outputs."""
        from ..layers import styling
        project = QgsProject.instance()
        for key in ('sites', 'coverage'):
            old = self._layer(key)
            if old is not None:
                project.removeMapLayer(old.id())
        authid = self.crs.authid() if self.crs is not None else ''
        sites = QgsVectorLayer(f'Point?crs={authid}', self.tr('Sensor layout (感知终端)'), 'memory')
        sites.dataProvider().addAttributes([QgsField('SITE_ID', FieldType.String), QgsField('KIND', FieldType.String),
                                            QgsField('EXISTING', FieldType.Int), QgsField('RADIUS_M', FieldType.Double)])
        sites.updateFields()
        points = QgsVectorLayer(f'Point?crs={authid}', self.tr('Risk point coverage (风险点覆盖)'), 'memory')
        points.dataProvider().addAttributes([QgsField('POINT_FID', FieldType.LongLong), QgsField('KIND', FieldType.String),
                                             QgsField('WEIGHT', FieldType.Double), QgsField('COVERED_BY', FieldType.Int)])
        points.updateFields()
        prob = self.session.problem
        features = []
        for fid, kind, weight, geometry in zip(prob.points.index, prob.points['KIND'], prob.points['WEIGHT'],
                                               prob.points.geometry):
            feature = QgsFeature(points.fields())
            feature.setAttributes([int(fid), kind or '*', float(weight), 0])
            feature.setGeometry(QgsGeometry.fromWkt(geometry.wkt))
            features.append(feature)
        points.dataProvider().addFeatures(features)
        for layer, style in ((points, 'sensor_coverage'), (sites, 'sensor_sites')):
            if self.crs is not None:
                layer.setCrs(self.crs)
            styling.apply(layer, style)
            project.addMapLayer(layer)
        self.layer_ids = {'sites': sites.id(), 'coverage': points.id()}

    def _fill_layers(self, covered_by):
        sites, points = self._layer('sites'), self._layer('coverage')
        if sites is None or points is None:
            self._make_layers()
            sites, points = self._layer('sites'), self._layer('coverage')
        index = points.fields().indexOf('COVERED_BY')
        ids = [f.id() for f in points.getFeatures(QgsFeatureRequest().setNoAttributes()
                                                  .setFlags(FeatureRequestFlag.NoGeometry))]
        points.dataProvider().changeAttributeValues(
            {fid: {index: int(n)} for fid, n in zip(sorted(ids), covered_by)})
        provider = sites.dataProvider()
        provider.truncate()
        kinds = self.session.problem.coverage.kinds
        radius_of = self.session.problem.coverage.kind_radius
        features = []
        for sensor in self.session.sensors:
            feature = QgsFeature(sites.fields())
            kind = kinds[sensor.kind] if sensor.kind >= 0 else ''
            radius = sensor.radius if np.isfinite(sensor.radius) else (
                float(radius_of[sensor.kind]) if sensor.kind >= 0 else None)
            feature.setAttributes([sensor.label, kind or '*', int(sensor.existing), radius])
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(sensor.x, sensor.y)))
            features.append(feature)
        provider.addFeatures(features)
        for layer in (sites, points):
            layer.updateExtents()
            layer.triggerRepaint()

    # ---- map tool -------------------------------------------------------------------------------

    def _toggle_tool(self, on):
        if self.iface is None:
            return
        canvas = self.iface.mapCanvas()
        if on:
            if self.tool is None:
                self.tool = SensorMapTool(canvas, self)
                self.tool.setButton(self.editButton)
            self.previous_tool = canvas.mapTool()
            canvas.setMapTool(self.tool)
        elif self.tool is not None and canvas.mapTool() is self.tool:
            canvas.unsetMapTool(self.tool)
            if self.previous_tool is not None:
                canvas.setMapTool(self.previous_tool)

    def unload(self):
        """Cancel a running plan and give the map tool back; the result layers stay in the project."""
        self.disconnect_project()
        if self.task is not None:
            self.task.on_done = lambda task: None
            self.task.cancel()
            self.task = None
        if self.tool is not None and self.iface is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() is self.tool:
                canvas.unsetMapTool(self.tool)
            self.tool = None

