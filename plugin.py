"""The plugin object QGIS loads: the Processing provider, the docks and the menu.

The constructor does not touch ``iface`` (it is None under qgis_process); everything added in
initProcessing/initGui is removed again in unload, so reloading leaves nothing behind.
"""

import importlib

from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QAction, QDockWidget
from qgis.core import Qgis, QgsApplication, QgsMessageLog

from . import i18n
from .core import deps
from .provider.provider import LOG_TAG, SpmProvider
from .provider import resources
from . import ui


class SpatialPlanningMonitor:
    """What QGIS's plugin manager and qgis_process load."""

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.panels = {}
        self.services = []
        self.actions = []
        self.toolbar = None
        i18n.install()

    def tr(self, text):
        return QCoreApplication.translate('SpatialPlanningMonitor', text)

    @property
    def menu_name(self):
        return self.tr('&Spatial Planning Monitor')

    # --- Processing ------------------------------------------------------------------------

    def initProcessing(self):  # noqa: N802
        if self.provider is None:
            self.provider = SpmProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # --- GUI -------------------------------------------------------------------------------

    def initGui(self):  # noqa: N802
        self.initProcessing()
        self.toolbar = self.iface.addToolBar(self.tr('Spatial Planning Monitor'))
        self.toolbar.setObjectName('SpatialPlanningMonitorToolbar')
        for module, name, text, icon in ui.panels():
            action = self._add_action(text, lambda checked=False, m=module, n=name: self.toggle_panel(m, n),
                                      icon=resources.icon(icon))
            action.setObjectName(f'spm_panel_{name}')
        for module, name, text, icon in ui.commands():
            self._add_action(text, lambda checked=False, m=module, n=name: self.run_command(m, n),
                             toolbar=False, icon=resources.icon(icon))
        self._add_action(self.tr('Processing algorithms…'), self.show_toolbox, toolbar=False,
                         icon=QgsApplication.getThemeIcon('/processingAlgorithm.svg'))
        for module, name in ui.services():
            ui_module = self._import_ui(module)
            if ui_module is not None:
                self.services.append(getattr(ui_module, name)(self.iface))
        self._report_missing_dependencies()

    def _add_action(self, text, slot, toolbar=True, icon=None):
        action = QAction(icon or resources.icon(), text, self.iface.mainWindow())
        action.triggered.connect(slot)
        self.iface.addPluginToMenu(self.menu_name, action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def _report_missing_dependencies(self):
        problems = deps.check()
        if not problems:
            return
        listing = '; '.join(f'{name}: {why}' for name, why in problems.items())
        message = self.tr('Some algorithms are unavailable because Python packages are missing '
                          '({listing}). {hint}').format(listing=listing, hint=deps.install_hint(problems))
        QgsMessageLog.logMessage(message, LOG_TAG, Qgis.MessageLevel.Warning)
        self.iface.messageBar().pushMessage(LOG_TAG, message, Qgis.MessageLevel.Warning, 0)

    def _import_ui(self, module):
        """A ui module, or None (with the dependency message) when a package it needs is missing."""
        try:
            return importlib.import_module(f'{__package__}.ui.{module}')
        except ImportError as exc:
            problems = deps.check() or {getattr(exc, 'name', None) or str(exc): str(exc)}
            message = self.tr('This tool needs Python packages that are missing ({listing}). {hint}').format(
                listing=', '.join(problems), hint=deps.install_hint(problems))
            QgsMessageLog.logMessage(message, LOG_TAG, Qgis.MessageLevel.Warning)
            if self.iface is not None:
                self.iface.messageBar().pushMessage(LOG_TAG, message, Qgis.MessageLevel.Warning, 0)
            return None

    def toggle_panel(self, module, name):
        """Create the panel on first use, then show or hide it."""
        panel = self.panels.get(name)
        if panel is None:
            ui_module = self._import_ui(module)
            if ui_module is None:
                return None
            panel = getattr(ui_module, name)(self.iface)
            if isinstance(panel, QDockWidget):
                self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
                self._tabify(panel)
            self.panels[name] = panel
            if isinstance(panel, QDockWidget):
                panel.show()
                panel.raise_()
            return panel
        if isinstance(panel, QDockWidget):
            panel.setVisible(not panel.isVisible())
        return panel

    def _tabify(self, panel):
        """Stack a new dock as a tab with the plugin's docks already open (one column on the right)."""
        window = self.iface.mainWindow()
        others = [p for p in self.panels.values() if isinstance(p, QDockWidget) and p is not panel]
        if others and hasattr(window, 'tabifyDockWidget'):
            window.tabifyDockWidget(others[-1], panel)

    def run_command(self, module, name):
        ui_module = self._import_ui(module)
        return None if ui_module is None else getattr(ui_module, name)(self.iface)

    def show_toolbox(self):
        """Show the Processing Toolbox: iface.showProcessingToolbox() where QGIS has it (3.30+),
        otherwise the Processing plugin's own "Toolbox" action (QGIS 3.22)."""
        if hasattr(self.iface, 'showProcessingToolbox'):
            self.iface.showProcessingToolbox()
            return True
        action = self.iface.mainWindow().findChild(QAction, 'toolboxAction')
        if action is None:
            return False
        if action.isCheckable():
            action.setChecked(True)
        else:
            action.trigger()
        toolbox = self.iface.mainWindow().findChild(QDockWidget, 'ProcessingToolbox')
        if toolbox is not None:
            toolbox.show()
            toolbox.raise_()
        return True

    # --- unload ----------------------------------------------------------------------------

    def unload(self):
        for service in self.services:
            service.unload()
        self.services.clear()
        for panel in self.panels.values():
            if hasattr(panel, 'unload'):
                panel.unload()
            if isinstance(panel, QDockWidget):
                self.iface.removeDockWidget(panel)
                panel.deleteLater()
        self.panels.clear()
        for action in self.actions:
            self.iface.removePluginMenu(self.menu_name, action)
            action.deleteLater()
        self.actions.clear()
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        i18n.uninstall()
