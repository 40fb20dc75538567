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
from qgis.core import Qgis, QgsMapLayerProxyModel, QgsPrintLayout, QgsProject
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox

from ..core.errors import InputError, SpmError
from ..core.i18n import translate
from ..core.reports.filenames import safe_name
from ..layers import report_layers, report_layout

# layer names preselected in the dialog (the sample city's and the algorithms' outputs)
GUESSES = {
    'districts': ('districts', '行政区'),
    'landuse': ('landuse_plan', '规划用地'),
    'violations': ('violations', 'control_lines', '违法', '冲突'),
    'indicators': ('indicator table', 'table', 'indicators', '指标'),
    'carbon': ('carbon', '碳'),
    'sensors': ('sensors', '感知'),
}


def build_report_layout(iface):
    """The menu command: ask for the inputs, build the layout, open it in the designer."""
    dialog = ReportLayoutDialog(iface.mainWindow() if iface is not None else None)
    if dialog.exec_() != QDialog.Accepted:
        return None
    try:
        layout, chart_dir = dialog.build(QgsProject.instance())
    except SpmError as exc:
        iface.messageBar().pushMessage(translate('spm', 'District report'), str(exc), Qgis.Critical, 0)
        return None
    iface.messageBar().pushMessage(
        translate('spm', 'District report'),
        translate('spm', 'Layout “{name}” is ready ({n} pages); charts are in {folder}.').format(
            name=layout.name(), n=layout.atlas().count(), folder=chart_dir), Qgis.Success, 10)
    if hasattr(iface, 'openLayoutDesigner'):
        iface.openLayoutDesigner(layout)
    return layout


def chart_folder(project, layout_name):
    """Where the charts of ``layout_name`` go: beside the saved project, else a temporary folder."""
    home = project.homePath()
    if home and os.path.isdir(home) and os.access(home, os.W_OK):
        return os.path.join(home, 'spm_report_charts', safe_name(layout_name, 'report'))
    return tempfile.mkdtemp(prefix='spm_report_charts_')


class ReportLayoutDialog(QDialog):
    """Inputs of the report: layers, name field, template, year."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate('spm', 'District report layout'))
        form = QFormLayout(self)
        polygon = QgsMapLayerProxyModel.PolygonLayer
        self.districts = self._layer_combo(polygon, 'districts')
        self.name_field = QgsFieldComboBox()
        self.districts.layerChanged.connect(self.name_field.setLayer)
        self.name_field.setLayer(self.districts.currentLayer())
        if self.name_field.layer() is not None and 'name' in self.name_field.layer().fields().names():
            self.name_field.setField('name')
        self.landuse = self._layer_combo(polygon, 'landuse')
        self.violations = self._layer_combo(polygon, 'violations')
        self.indicators = self._layer_combo(QgsMapLayerProxyModel.VectorLayer, 'indicators')
        self.carbon = self._layer_combo(
            QgsMapLayerProxyModel.RasterLayer | QgsMapLayerProxyModel.PolygonLayer, 'carbon', True)
        self.sensors = self._layer_combo(QgsMapLayerProxyModel.PointLayer, 'sensors', True)
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
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _layer_combo(self, filters, role, optional=False):
        combo = QgsMapLayerComboBox()
        combo.setFilters(filters)
        combo.setAllowEmptyLayer(optional)
        layers = [combo.layer(i) for i in range(combo.count())]
        guess = next((layer for guess in GUESSES[role] for layer in layers
                      if layer is not None and guess in layer.name().lower()), None)
        if guess is not None:
            combo.setLayer(guess)
        elif optional:
            combo.setLayer(None)
        return combo

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
        for layer, what in ((districts, translate('spm', 'districts')),
                            (landuse, translate('spm', 'planned land use')),
                            (violations, translate('spm', 'control-line violations')),
                            (indicators, translate('spm', 'indicator table'))):
            if layer is None:
                raise InputError(translate('spm', 'Choose a layer for the {what}.').format(what=what))
        key_field, _ = report_layout.check_inputs(districts, self.name_field.currentField(),
                                                  indicators)
        layout = report_layout.load_layout(project, self.template.currentText())
        name = '{} {}'.format(translate('spm', 'District report'), self.year.value())
        if project.layoutManager().layoutByName(name) is not None:
            name = project.layoutManager().generateUniqueTitle(QgsPrintLayout.PrintLayout)
        chart_dir = chart_folder(project, name)
        inputs = report_layout.ReportInputs(
            districts=districts, name_field=self.name_field.currentField(), landuse=landuse,
            landuse_field=report_layers.plan_code_field(landuse), indicators=indicators,
            key_field=key_field,
            violations=violations, carbon=self.carbon.currentLayer(),
            sensors=self.sensors.currentLayer(), year=self.year.value(), chart_dir=chart_dir)
        report_layout.build(project, inputs, layout, layout_name=name)
        return layout, chart_dir
