"""Close the loop with 城市运行体征 in the sensor-planning dock: coverage gaps from offline sensors.

When the project holds an ``spm:vital_signs`` sensors output (recognised by its fields), the panel
says how many risk points only offline sensors covered (core.sensors.evaluate.coverage_gaps, straight
distance, the dock's risk layer, kind, weight and radius settings), selects them on the map, and opens
``spm:plan_sensors`` with them as demand (RISK_POINTS = the selected gap points) and the online
sensors as EXISTING (selected on the vital-signs layer).
"""

from qgis.PyQt.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer

from .first_use import open_algorithm
from ..compat import GeometryType
from ..core.errors import SpmError
from ..core.sensors.evaluate import coverage_gaps

#: The fields by which an spm:vital_signs OUTPUT layer is recognised.
VITALS_FIELDS = ('OFFLINE', 'LAST_SEEN', 'PEAK_LEVEL', 'LEVEL_NAME')


def vitals_layer(project=None):
    """The first point layer of the project that is an spm:vital_signs sensors output, or None."""
    for layer in (project or QgsProject.instance()).mapLayers().values():
        if (isinstance(layer, QgsVectorLayer) and layer.geometryType() == GeometryType.Point
                and all(layer.fields().indexOf(name) >= 0 for name in VITALS_FIELDS)):
            return layer
    return None


class GapPanel(QWidget):
    """“N risk points are no longer covered: M sensors offline” with Select and Plan buttons."""

    def __init__(self, dock):
        super().__init__(dock.body)
        self.dock = dock
        self.gaps = None            # core CoverageGaps of the last refresh
        self.layers = None          # (risk layer, vital-signs layer, online sensor ids)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.selectButton = QPushButton(self.tr('Select on map'), self)
        self.planButton = QPushButton(self.tr('Plan for them…'), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.selectButton)
        buttons.addWidget(self.planButton)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        self.selectButton.clicked.connect(self.select)
        self.planButton.clicked.connect(self.plan)
        self.hide()

    def refresh(self, *args):
        """Recompute the gaps from the project's vital-signs layer (hidden when there is none)."""
        dock = self.dock
        risk, sensors_layer = dock.riskCombo.currentLayer(), vitals_layer()
        self.gaps = self.layers = None
        if risk is None or sensors_layer is None:
            self.hide()
            return
        kind = dock.kindFieldCombo.currentField() or None
        weight = dock.weightFieldCombo.currentField() or None
        radius_field = dock.existingRadiusCombo.currentField() or None
        if radius_field and sensors_layer.fields().indexOf(radius_field) < 0:
            radius_field = None
        try:
            points = dock._frame(risk, [kind, weight], risk.crs())
            sensors = dock._frame(sensors_layer, [kind, radius_field, 'OFFLINE'], risk.crs())
            offline = sensors.pop('OFFLINE').fillna(0).astype(int).to_numpy() == 1
            self.gaps = coverage_gaps(points, sensors, offline, dock.radiusSpin.value() or None,
                                      kind_field=kind, weight_field=weight, sensor_radius_field=radius_field,
                                      labels={'risk': risk.name(), 'existing': sensors_layer.name()})
        except SpmError as exc:
            self.label.setText(str(exc))
        else:
            self.layers = (risk, sensors_layer, [int(i) for i in sensors.index[~offline]])
            self.label.setText(self.tr('{n} risk points are no longer covered: {m} sensors offline').format(
                n=self.gaps.n_gaps, m=self.gaps.n_offline))
        for button in (self.selectButton, self.planButton):
            button.setEnabled(bool(self.gaps is not None and self.gaps.n_gaps))
        self.show()

    def select(self):
        """Select the gap points on the risk layer and zoom the map to them."""
        if self.layers is None:
            return
        risk = self.layers[0]
        risk.selectByIds([int(i) for i in self.gaps.points])
        if self.dock.iface is not None and self.gaps.n_gaps:
            self.dock.iface.mapCanvas().zoomToSelected(risk)

    def plan_parameters(self):
        """spm:plan_sensors parameters: the gap points (selected) as demand, the online sensors
        (selected on the vital-signs layer) as EXISTING, the dock's fields."""
        self.select()
        risk, sensors_layer, online = self.layers
        sensors_layer.selectByIds(online)
        dock = self.dock
        parameters = {'RISK_POINTS': QgsProcessingFeatureSourceDefinition(risk.id(), True),
                      'EXISTING': QgsProcessingFeatureSourceDefinition(sensors_layer.id(), True)}
        for name, combo in (('KIND_FIELD', dock.kindFieldCombo), ('WEIGHT_FIELD', dock.weightFieldCombo),
                            ('EXISTING_RADIUS_FIELD', dock.existingRadiusCombo)):
            field = combo.currentField()
            if field and (name != 'EXISTING_RADIUS_FIELD' or sensors_layer.fields().indexOf(field) >= 0):
                parameters[name] = field
        return parameters

    def plan(self):
        if self.layers is not None:
            open_algorithm('spm:plan_sensors', self.plan_parameters())
