"""The `spm` Processing provider: finds every SpmAlgorithm under provider/algorithms."""

import importlib
import inspect
import pkgutil

from qgis.core import Qgis, QgsMessageLog, QgsProcessingProvider

from ..core import deps
from . import algorithms, resources
from .base import SpmAlgorithm

LOG_TAG = 'Spatial Planning Monitor'


def algorithm_classes():
    """(classes, problems): every concrete SpmAlgorithm, and modules that failed to import."""
    classes, problems = [], {}
    for info in pkgutil.walk_packages(algorithms.__path__, algorithms.__name__ + '.'):
        try:
            module = importlib.import_module(info.name)
        except ImportError as exc:
            problems[info.name] = str(exc)
            continue
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, SpmAlgorithm) and cls.NAME and cls.__module__ == module.__name__:
                classes.append(cls)
    return sorted(classes, key=lambda c: c.NAME), problems


class SpmProvider(QgsProcessingProvider):
    """Processing provider `spm` (Spatial Planning Monitor / 国土空间规划实施监测)."""

    def id(self):
        return 'spm'

    def name(self):
        return self.tr('Spatial Planning Monitor')

    def longName(self):
        return self.tr('Spatial Planning Monitor (territorial spatial plan implementation monitoring)')

    def icon(self):
        return resources.icon()

    def loadAlgorithms(self):
        classes, problems = algorithm_classes()
        missing = deps.check()
        for cls in classes:
            lacking = [m for m in cls.REQUIRES if m in missing]
            if lacking:
                problems[cls.NAME] = ', '.join(lacking)
                continue
            self.addAlgorithm(cls())
        for name, reason in problems.items():
            QgsMessageLog.logMessage(
                self.tr('Algorithm {name} is unavailable: {reason}').format(name=name, reason=reason),
                LOG_TAG, Qgis.MessageLevel.Warning)

    def tr(self, text):
        from qgis.PyQt.QtCore import QCoreApplication
        return QCoreApplication.translate('SpmProvider', text)
