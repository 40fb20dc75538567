"""The frame the plugin's docks share: a QgsDockWidget whose body is a Designer form."""

import os

from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QWidget
from qgis.gui import QgsDockWidget


def load_form(name):
    """The form class of ``ui/<name>`` (a .ui file beside this module)."""
    return uic.loadUiType(os.path.join(os.path.dirname(__file__), name))[0]


class FormDock(QgsDockWidget):
    """Parented to QGIS's main window (when there is one), named for QGIS's dock state, with the
    subclass's form (``setupUi``) as its body. Subclass as ``class MyDock(FormDock, FORM)``."""

    def __init__(self, iface, object_name, parent=None):
        super().__init__(parent or (iface.mainWindow() if iface else None))
        self.iface = iface
        self.setObjectName(object_name)
        body = QWidget(self)
        self.setupUi(body)
        self.setWidget(body)
