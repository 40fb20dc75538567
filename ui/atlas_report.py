"""Menu command: build the district report layout in the current project, to adjust it by hand.

The dialog picks the same inputs as spm:export_atlas; the layout goes into the project's layout
manager (with the report layers, clones of the chosen ones, in a group of their own) and opens in
the layout designer. The per-district charts are written beside the project
(``<project folder>/spm_report_charts/<layout name>/``), or in a temporary folder while the
project is unsaved; run the command again after the indicators change.
"""

import datetime
import os
import tempfile

from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QWidget,
)
from qgis.core import (
    Qgis,
    QgsPrintLayout,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox

from ..core.errors import InputError, SpmError
from ..core.i18n import translate
from ..core.indicators.engine import district_key
from ..core.reports.filenames import safe_name
from ..layers import report_layers, report_layout
from ..compat import GeometryType, LayerFilter

# words in layer names that break ties between layers that fit a role (sample city, outputs)
GUESSES = {
    'districts': ('districts', '行政区', '区县'),
    'landuse': ('landuse_plan', '规划', 'plan'),
    'violations': ('violations', 'control', '冲突'),
    'indicators': ('indicator table', 'table', 'indicators', '指标'),
    'carbon': ('carbon', '碳'),
    'sensors': ('sensor', '感知'),
}
# district name fields, in order of preference
NAME_FIELDS = ('name', 'XZQMC', 'QXMC', '名称', 'district')
# at most this many features are read to tell a district layer by the indicator table's keys
DISTRICT_SCAN = 5000


def build_report_layout(iface):
    """The menu command: ask for the inputs, build the layout, open it in the designer."""
    dialog = ReportLayoutDialog(iface.mainWindow() if iface is not None else None)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    try:
        layout, chart_dir = dialog.build(QgsProject.instance())
    except SpmError as exc:
        iface.messageBar().pushMessage(translate('spm', 'District report'), str(exc), Qgis.MessageLevel.Critical, 0)
        return None
    iface.messageBar().pushMessage(
        translate('spm', 'District report'),
        translate('spm', 'Layout “{name}” is ready ({n} pages); charts are in {folder}.').format(
            name=layout.name(), n=layout.atlas().count(), folder=chart_dir), Qgis.MessageLevel.Success, 10)
    if hasattr(iface, 'openLayoutDesigner'):
        iface.openLayoutDesigner(layout)
    return layout


def _named(layer, role):
    """Rank of the first guess word of ``role`` in the layer's name (lower is better)."""
    name = layer.name().lower()
    return next((i for i, word in enumerate(GUESSES[role]) if word in name), len(GUESSES[role]))


def _district_share(layer, table_keys):
    """How well ``layer`` is the district layer of an indicator table with ``table_keys``:
    distinct matched keys per feature over its best field (1.0: one feature per district)."""
    if not table_keys or layer.featureCount() > DISTRICT_SCAN:
        return 0.0
    features = list(layer.getFeatures())
    if not features:
        return 0.0
    best = 0
    for index in range(layer.fields().count()):
        keys = {district_key(f.attributes()[index]) for f in features} & table_keys
        best = max(best, len(keys))
    return best / len(features)


def _table_keys(table):
    if table is None:
        return set()
    index = table.fields().indexOf('DISTRICT')
    return {district_key(f.attributes()[index]) for f in table.getFeatures()} - {''}


def guess_layers(layers):
    """{role: layer or None}: the layers that fit each role of the report.

    Outputs of the plugin are known by their fields (report_layers.provenance): the indicator
    table of spm:indicators, the violations of spm:control_lines, the sites of spm:plan_sensors;
    the planned land use by its 用地用海 code field; the districts by holding the indicator
    table's district keys, one feature per district. Names only break ties, and for the optional
    carbon grid and sensors (a raster, a point layer) name the role. A role nothing fits stays
    empty: the dialog never offers an unrelated layer.
    """
    def best(role, candidates, key=None):
        candidates = list(candidates)
        return min(candidates, key=key or (lambda l: _named(l, role)), default=None)

    vectors = [l for l in layers if isinstance(l, QgsVectorLayer) and l.isValid()]
    polygons = [l for l in vectors if l.geometryType() == GeometryType.Polygon]
    polygon_ids = {l.id() for l in polygons}
    points = [l for l in vectors if l.geometryType() == GeometryType.Point]
    found = {
        'indicators': best('indicators', (l for l in vectors
                                          if report_layers.provenance(l) == 'spm:indicators')),
        'violations': best('violations', (l for l in polygons
                                          if report_layers.provenance(l) == 'spm:control_lines')),
        'landuse': best('landuse', (l for l in polygons if report_layers.provenance(l) is None
                                    and report_layers.plan_code_field(l))),
        'sensors': best('sensors', (l for l in points
                                    if report_layers.provenance(l) == 'spm:plan_sensors'
                                    or _named(l, 'sensors') < len(GUESSES['sensors']))),
        'carbon': best('carbon', (l for l in layers
                                  if (isinstance(l, QgsRasterLayer) or l.id() in polygon_ids)
                                  and _named(l, 'carbon') < len(GUESSES['carbon']))),
    }
    keys = _table_keys(found['indicators'])
    landuse = found['landuse'].id() if found['landuse'] is not None else None
    shares = {l.id(): _district_share(l, keys) for l in polygons
              if report_layers.provenance(l) is None and l.id() != landuse}
    found['districts'] = best('districts', (l for l in polygons if shares.get(l.id(), 0) > 0),
                              key=lambda l: (-shares[l.id()], _named(l, 'districts')))
    return found


def chart_folder(project, layout_name):
    """Where the charts of ``layout_name`` go: beside the saved project, else a temporary folder."""
    home = project.homePath()
    if home and os.path.isdir(home) and os.access(home, os.W_OK):
        return os.path.join(home, 'spm_report_charts', safe_name(layout_name, 'report'))
    return tempfile.mkdtemp(prefix='spm_report_charts_')


class ReportLayoutDialog(QDialog):
    """Inputs of the report: layers, name field, template, year."""

    def __init__(self, parent=None, project=None):
        super().__init__(parent)
        self.setWindowTitle(translate('spm', 'District report layout'))
        form = QFormLayout(self)
        project = project or QgsProject.instance()
        guesses = guess_layers(list(project.mapLayers().values()))
        polygon = LayerFilter.PolygonLayer
        self.districts = self._layer_combo(polygon, guesses['districts'])
        self.name_field = QgsFieldComboBox()
        self.districts.layerChanged.connect(self._name_field_for)
        self._name_field_for(self.districts.currentLayer())
        self.landuse = self._layer_combo(polygon, guesses['landuse'])
        self.violations = self._layer_combo(polygon, guesses['violations'])
        self.indicators = self._layer_combo(LayerFilter.VectorLayer, guesses['indicators'])
        self.carbon = self._layer_combo(
            LayerFilter.RasterLayer | LayerFilter.PolygonLayer, guesses['carbon'])
        self.sensors = self._layer_combo(LayerFilter.PointLayer, guesses['sensors'])
        self.template = QComboBox()
        self.template.setEditable(True)
        self.template.addItems(report_layout.SHIPPED)
        browse = QPushButton(translate('spm', 'Browse…'))
        browse.clicked.connect(self.browse_template)
        template_row = QWidget()
        row = QHBoxLayout(template_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.template, 1)
        row.addWidget(browse)
        self.year = QSpinBox()
        self.year.setRange(1949, 2200)
        self.year.setValue(datetime.date.today().year)
        for text, widget in (
                (translate('spm', 'Districts (atlas coverage)'), self.districts),
                (translate('spm', 'District name field'), self.name_field),
                (translate('spm', 'Planned land use'), self.landuse),
                (translate('spm', 'Control-line violations'), self.violations),
                (translate('spm', 'Indicator table (spm:indicators TABLE)'), self.indicators),
                (translate('spm', 'Carbon emission grid (optional)'), self.carbon),
                (translate('spm', 'Sensors (optional)'), self.sensors),
                (translate('spm', 'Template'), template_row),
                (translate('spm', 'Monitoring year'), self.year)):
            form.addRow(text, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _layer_combo(filters, layer):
        """A layer combo box showing ``layer`` (the guess), or nothing when there is none."""
        combo = QgsMapLayerComboBox()
        combo.setFilters(filters)
        combo.setAllowEmptyLayer(True)
        combo.setLayer(layer)
        return combo

    def _name_field_for(self, layer):
        """The district name field of ``layer``: ``name`` or another name-like field."""
        self.name_field.setLayer(layer)
        names = layer.fields().names() if layer is not None else []
        choice = next((f for f in NAME_FIELDS for n in names if n.lower() == f.lower()), None)
        if choice:
            self.name_field.setField(next(n for n in names if n.lower() == choice.lower()))

    def browse_template(self):
        path, _ = QFileDialog.getOpenFileName(self, translate('spm', 'Layout template'), '',
                                              translate('spm', 'QGIS layout templates (*.qpt)'))
        if path:
            self.template.setCurrentText(path)

    def build(self, project):
        """Build the layout from the dialog's choices; (layout, chart folder). Raises SpmError."""
        districts = self.districts.currentLayer()
        landuse = self.landuse.currentLayer()
        violations = self.violations.currentLayer()
        indicators = self.indicators.currentLayer()
        for layer, what in (
                (districts, translate('spm', 'districts')),
                (landuse, translate('spm', 'planned land use')),
                (violations, translate('spm', 'control-line violations (the OUTPUT of '
                                             'spm:control_lines)')),
                (indicators, translate('spm', 'indicator table (the TABLE of spm:indicators)'))):
            if layer is None:
                raise InputError(translate('spm', 'Choose a layer for the {what}.').format(what=what))
        key_field, _ = report_layout.check_inputs(districts, self.name_field.currentField(),
                                                  indicators)
        layout = report_layout.load_layout(project, self.template.currentText())
        name = '{} {}'.format(translate('spm', 'District report'), self.year.value())
        if project.layoutManager().layoutByName(name) is not None:
            name = project.layoutManager().generateUniqueTitle(QgsPrintLayout.Type.PrintLayout)
        chart_dir = chart_folder(project, name)
        inputs = report_layout.ReportInputs(
            districts=districts, name_field=self.name_field.currentField(), landuse=landuse,
            landuse_field=report_layers.plan_code_field(landuse), indicators=indicators,
            key_field=key_field,
            violations=violations, carbon=self.carbon.currentLayer(),
            sensors=self.sensors.currentLayer(), year=self.year.value(), chart_dir=chart_dir)
        report_layout.build(project, inputs, layout, layout_name=name)
        return layout, chart_dir
