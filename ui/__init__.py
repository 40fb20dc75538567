"""Dock widgets, map tools and menu commands of the plugin.

plugin.py reads the three lists below; each feature adds its entry here and nothing else.
A panel class takes ``iface``; when it is a QDockWidget the plugin docks it. Every panel and
command module has ``unload()`` semantics: the panel's ``unload()`` removes what it added.
"""

from ..core.i18n import translate


def panels():
    """(module under ui/, class name, menu text, icon under icons/) of each dock the plugin offers."""
    return [
        ('indicator_dock', 'IndicatorDock', translate('spm', 'City indicators (城市体检)'), 'dock_indicators.svg'),
        ('code_lookup', 'CodeLookupDock', translate('spm', 'Code lookup (赋码查询)'), 'dock_codes.svg'),
        ('sensor_dock', 'SensorDock', translate('spm', 'Sensor planning (感知终端布设)'), 'dock_sensors.svg'),
        ('vitals_dock', 'VitalsDock', translate('spm', 'City vital signs (城市运行体征)'), 'dock_vitals.svg'),
    ]


def commands():
    """(module under ui/, function name taking iface, menu text, icon under icons/) of each plain
    menu command."""
    return [
        ('atlas_report', 'build_report_layout', translate('spm', 'District report layout (atlas)…'),
         'group_reports.svg'),
    ]


def services():
    """(module under ui/, class name) of what lives from initGui to unload (locator filters)."""
    return [
        ('code_lookup', 'CodeLocator'),
    ]
