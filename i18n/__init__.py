"""Loads the interface translation (i18n/spatial_planning_monitor_<lang>.qm) into QGIS."""

import os

from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from ..core import i18n as core_i18n

_translator = None


def qm_path(language):
    return os.path.join(os.path.dirname(__file__), f'spatial_planning_monitor_{language}.qm')


def install(language=None):
    """Install the translator matching QGIS's locale; route core's translate() through Qt."""
    global _translator
    if language is None:
        from ..provider.resources import language as interface_language
        language = interface_language()
    uninstall()
    path = qm_path(language)
    if os.path.exists(path):
        translator = QTranslator()
        if translator.load(path):
            QCoreApplication.installTranslator(translator)
            _translator = translator
    core_i18n.install(QCoreApplication.translate)
    return _translator is not None


def uninstall():
    global _translator
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
    core_i18n.install(None)
