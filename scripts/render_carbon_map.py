"""Render the sample city's carbon map and hot spots (docs/img/carbon.png) from the demo's results.

Usage: /usr/bin/python3 scripts/render_carbon_map.py [DEMO_OUT/carbon] [docs/img/carbon.png]
Left: emissions downscaled to 100 m (t CO₂ per cell) with the district boundaries; right: Gi* hot
and cold spots of the 500 m building-carbon grid. Rendered offscreen with QgsMapRendererParallelJob,
using the plugin's own styles.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / 'scripts'))
from devenv import link_plugin  # noqa: E402

link_plugin()


def render(layers, extent, size, crs):
    from qgis.PyQt.QtGui import QColor
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(crs)
    settings.setExtent(extent)
    settings.setOutputSize(size)
    settings.setBackgroundColor(QColor('white'))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / 'demo_output' / 'carbon')
    target = Path(sys.argv[2] if len(sys.argv) > 2 else ROOT / 'docs' / 'img' / 'carbon.png')
    from qgis.PyQt.QtCore import QRectF, QSize, Qt
    from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter
    from qgis.core import (QgsApplication, QgsFillSymbol, QgsRasterLayer, QgsSingleSymbolRenderer,
                           QgsVectorLayer)
    app = QgsApplication([], False)
    app.initQgis()
    from spatial_planning_monitor.provider.algorithms.carbon.common import fit_style

    grid = QgsRasterLayer(str(folder / 'emissions_100m.tif'), 'emissions')
    districts = QgsVectorLayer(str(folder / 'energy_totals.gpkg'), 'districts', 'ogr')
    spots = QgsVectorLayer(str(folder / 'carbon_hotspots.gpkg'), 'hot spots', 'ogr')
    for layer in (grid, districts, spots):
        assert layer.isValid(), layer.source()
    fit_style(grid, 'carbon_grid_raster')
    fit_style(spots, 'carbon_hotspots')
    districts.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {'style': 'no', 'outline_color': '#333333', 'outline_width': '0.5'})))
    extent = districts.extent()
    extent.scale(1.05)
    side = 760
    left = render([districts, grid], extent, QSize(side, side), grid.crs())
    right = render([districts, spots], extent, QSize(side, side), grid.crs())

    image = QImage(2 * side, side + 60, QImage.Format.Format_ARGB32)
    image.fill(QColor('white'))
    painter = QPainter(image)
    painter.drawImage(0, 60, left)
    painter.drawImage(side, 60, right)
    font = QFont('Noto Sans CJK SC', 15)
    painter.setFont(font)
    painter.drawText(QRectF(0, 10, side, 45), Qt.AlignmentFlag.AlignCenter,
                     '碳排放空间分布 · emissions downscaled to 100 m (t CO₂/cell)')
    painter.drawText(QRectF(side, 10, side, 45), Qt.AlignmentFlag.AlignCenter,
                     '冷热点 · Gi* hot/cold spots, 500 m building grid (α = 0.05)')
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(target))
    print(target)
    app.exitQgis()


if __name__ == '__main__':
    main()
