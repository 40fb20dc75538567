"""Icons and the interface language, shared by the provider, the algorithms and the docks."""

import os

from qgis.PyQt.QtGui import QIcon

ICON_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), 'icons')


def icon(name='spm.svg'):
    """A shipped icon, loaded from icons/ by path: no compiled resource module (pyrcc is gone in Qt6;
    resources.qrc stays for Qt Designer only)."""
    return QIcon(os.path.join(ICON_DIR, name))


def group_icon(group):
    """The icon of an algorithm group (icons/group_<id>.svg), the plugin's icon for others."""
    name = 'group_{}.svg'.format(group)
    return icon(name if os.path.exists(os.path.join(ICON_DIR, name)) else 'spm.svg')


def locale():
    """QGIS's interface locale, e.g. 'zh_CN' or 'en_US': the override in the settings when set,
    otherwise the system's (LANG/LC_ALL), as QGIS itself decides."""
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QLocale
    settings = QgsSettings()
    if settings.value('locale/overrideFlag', False, type=bool):
        return settings.value('locale/userLocale', '') or QLocale.system().name()
    return QLocale.system().name()


def language():
    """'zh_CN' for Chinese interfaces, otherwise the two-letter language code."""
    value = locale()
    return 'zh_CN' if value.lower().startswith('zh') else value[:2].lower() or 'en'
