"""docs/img/indicator_dock.png: the indicator dock beside the map of the sample city."""


from conftest import screenshot_path
from screenshots import beside, label_districts, render_map

DOCS_IMG = screenshot_path('indicator_dock.png')


def test_screenshot_of_the_dock_on_the_sample_city(iface, qgis_new_project, sample_layer, run_alg):
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
    from qgis.core import QgsProject
    from spatial_planning_monitor.ui.indicator_dock import IndicatorDock
    districts, landuse = sample_layer('districts'), sample_layer('landuse_current')
    redline, boundary = sample_layer('eco_redline'), sample_layer('dev_boundary')
    result = run_alg('spm:indicators', {
        'DISTRICTS': districts, 'DISTRICT_FIELD': 'adcode', 'POPULATION_FIELD': 'population',
        'URBAN_POPULATION_FIELD': 'urban_population', 'LANDUSE': landuse, 'LANDUSE_FIELD': 'DLBM',
        'ECO_REDLINE': redline, 'FARMLAND': sample_layer('farmland'), 'DEV_BOUNDARY': boundary,
        'BUILDINGS': sample_layer('buildings'), 'ROADS': sample_layer('roads'),
        'RISK_POINTS': sample_layer('risk_points'), 'RISK_KIND_FIELD': 'kind',
        'OUTPUT': 'memory:', 'TABLE': 'memory:'})
    table = result['TABLE']
    table.setName('indicator_table')
    QgsProject.instance().addMapLayers([districts, landuse, redline, boundary, table])
    dock = IndicatorDock(iface)
    dock.districtLayerCombo.setLayer(districts)
    dock.resultLayerCombo.setLayer(table)
    dock.resize(540, 820)
    dock.show()
    dock.set_district(dock.districtCombo.itemData(0))
    dock.set_indicator('PC_URBAN')
    from spatial_planning_monitor.core.indicators import load_definitions
    assert dock.indicatorTable.rowCount() == len(load_definitions(None)[0])
    flagged = {f['adcode'] for f in districts.getSelectedFeatures()}
    statuses = {f['DISTRICT']: f['STATUS'] for f in table.getFeatures() if f['IND_ID'] == 'PC_URBAN'}
    assert flagged == {k for k, v in statuses.items() if v in ('预警', '超标')}
    label_districts(districts)
    map_size = QSize(820, 820)
    extent = districts.extent().buffered(districts.extent().width() * 0.03)
    # selected (预警/超标) districts in translucent blue, so the class colour shows through
    image = render_map([districts], extent, map_size, selection_color=QColor(0, 90, 255, 110))
    beside(image, dock, DOCS_IMG)
    assert DOCS_IMG.stat().st_size > 20000
    # the map is not blank: the graduated districts are drawn in several colours
    colours = {image.pixelColor(x, y).name() for x in range(0, 820, 20) for y in range(0, 820, 20)}
    assert len(colours) >= 4
    dock.unload()
    dock.deleteLater()
    QgsProject.instance().removeAllMapLayers()
