"""The frame the plugin's docks share: a QgsDockWidget whose body is a Designer form in a scroll
area (so the dock fits a small screen), with a first-use note above it."""

import os

from qgis.PyQt import uic
from qgis.PyQt.QtCore import QCoreApplication, QSize
from qgis.PyQt.QtWidgets import QAbstractSpinBox, QComboBox, QFrame, QScrollArea, QVBoxLayout, QWidget
from qgis.core import QgsProject
from qgis.gui import QgsDockWidget

from ..core.i18n import translate
from .first_use import EmptyState
from .reflow import Reflow


def load_form(name):
    """The form class of ``ui/<name>`` (a .ui file beside this module)."""
    return uic.loadUiType(os.path.join(os.path.dirname(__file__), name))[0]


# The most a dock asks for: it fits beside the map on a 1366×768 screen; the body scrolls in it.
MAX_HINT = QSize(400, 480)


class FormDock(QgsDockWidget):
    """Parented to QGIS's main window (when there is one), named for QGIS's dock state, with the
    subclass's form (``setupUi``) as its scrolling body. Subclass as ``class MyDock(FormDock, FORM)``.

    ``PRODUCER`` = (algorithm id, button text) gives the dock a first-use note (``self.empty``);
    ``layers_changed()`` is called whenever layers are added to or removed from the project."""

    PRODUCER = None

    def __init__(self, iface, object_name, parent=None):
        super().__init__(parent or (iface.mainWindow() if iface else None))
        self.iface = iface
        self.setObjectName(object_name)
        body = QWidget()
        self.setupUi(body)
        self.body = body
        for combo in body.findChildren(QComboBox):     # long layer names must not widen the dock
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        for field in body.findChildren(QComboBox) + body.findChildren(QAbstractSpinBox):
            field.setMinimumWidth(48)                   # narrower than their text: the dock scrolls less
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        frame = QWidget(self)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(0, 0, 0, 0)
        self.empty = EmptyState(self.PRODUCER[0], translate('spm', self.PRODUCER[1]), parent=frame) \
            if self.PRODUCER else None     # translated now: the class attribute was made before the translator
        if self.empty is not None:
            layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        self.scroll = scroll
        self.reflow = Reflow(body, scroll.viewport())   # rows stack in a narrow dock
        self.setWidget(frame)
        project = QgsProject.instance()
        project.layersAdded.connect(self._project_layers_changed)
        project.layersRemoved.connect(self._project_layers_changed)

    def sizeHint(self):  # noqa: N802
        return super().sizeHint().boundedTo(MAX_HINT)

    def tr(self, text):
        """``text`` translated in the context of the dock's class, or of a class it mixes in
        (the context pylupdate5 gives a ``self.tr`` call is the class it is written in)."""
        for cls in type(self).__mro__:
            translated = QCoreApplication.translate(cls.__name__, text)
            if translated != text:
                return translated
        return text

    def _project_layers_changed(self, *args):
        try:
            self.layers_changed()
        except RuntimeError:        # the dock's C++ side is gone (deleted before unload)
            self.disconnect_project()

    def layers_changed(self):
        """Re-guess layers and update the first-use note (subclasses)."""

    def disconnect_project(self):
        project = QgsProject.instance()
        for signal in (project.layersAdded, project.layersRemoved):
            try:
                signal.disconnect(self._project_layers_changed)
            except (TypeError, RuntimeError):
                pass
