"""What a dock shows before it has its input: what to do first, and a button that opens the
Processing algorithm producing that input, its layer parameters pre-filled from the project."""

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout
from qgis.core import QgsApplication, QgsProject
from ..compat import GeometryType, LayerType, SourceType

# parameter name -> layer names that fit it besides the parameter's own name (the sample city's)
ALIASES = {
    'ADMIN': ('townships', 'xzq'),
    'CURRENT': ('landuse_current', 'dltb'),
    'PLAN': ('landuse_plan',),
    'LANDUSE': ('landuse_current', 'dltb'),
    'EXISTING': ('sensors_existing',),
    'RISK_POINTS': ('risk_points',),
}
GEOMETRY_OF_TYPE = {
    SourceType.VectorPoint: GeometryType.Point,
    SourceType.VectorLine: GeometryType.Line,
    SourceType.VectorPolygon: GeometryType.Polygon,
}
SOURCE_TYPES = ('source', 'vector')


def _fits(parameter, layer):
    if layer.type() != LayerType.Vector:
        return False
    types = parameter.dataTypes() if hasattr(parameter, 'dataTypes') else []
    wanted = {GEOMETRY_OF_TYPE[t] for t in types if t in GEOMETRY_OF_TYPE}
    return not wanted or layer.geometryType() in wanted


def _named_like(parameter, layer):
    name, layer_name = parameter.name().lower(), layer.name().lower()
    return (layer_name in (name, name + 's') or layer_name.startswith(name + '_')
            or layer_name.endswith('_' + name) or layer_name in ALIASES.get(parameter.name(), ()))


def guess_parameters(algorithm_id, project=None):
    """{parameter name: layer id} for the algorithm's layer inputs that a project layer fits by name."""
    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    if algorithm is None:
        return {}
    layers = list((project or QgsProject.instance()).mapLayers().values())
    guessed = {}
    for parameter in algorithm.parameterDefinitions():
        if parameter.type() not in SOURCE_TYPES:
            continue
        match = next((layer for layer in layers if _named_like(parameter, layer) and _fits(parameter, layer)), None)
        if match is not None:
            guessed[parameter.name()] = match.id()
    return guessed


def open_algorithm(algorithm_id, parameters=None):
    """Show the algorithm's dialog (not modal) pre-filled; returns it, or None when Processing
    has no such algorithm (the provider is not loaded)."""
    if QgsApplication.processingRegistry().algorithmById(algorithm_id) is None:
        return None
    import processing
    if parameters is None:
        parameters = guess_parameters(algorithm_id)
    dialog = processing.createAlgorithmDialog(algorithm_id, parameters)
    if dialog is not None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.raise_()
    return dialog


class EmptyState(QFrame):
    """A framed note with what to do first and a button that opens the producing algorithm."""

    def __init__(self, algorithm_id, button_text, parent=None):
        super().__init__(parent)
        self.algorithm_id = algorithm_id
        self.dialog = None
        self.setObjectName('spmEmptyState')
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet('#spmEmptyState { background: #fff8e1; border: 1px solid #f0c36d; }')
        layout = QVBoxLayout(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(button_text, self)
        self.button.clicked.connect(self.open)
        layout.addWidget(self.label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.hide()

    def set_message(self, text):
        """Show ``text`` (hide the note when it is empty)."""
        self.label.setText(text)
        self.setVisible(bool(text))

    def open(self):
        self.dialog = open_algorithm(self.algorithm_id)
        return self.dialog
