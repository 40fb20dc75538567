"""Spatial Planning Monitor (国土空间规划实施监测): QGIS plugin entry point."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import SpatialPlanningMonitor
    return SpatialPlanningMonitor(iface)
