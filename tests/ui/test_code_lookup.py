"""Code lookup: the locator filter finds codes and goes there; the dock shows a building's codes.

A small coded city (four townships, 40 buildings) is made with core.codes, written to a
GeoPackage and loaded, with its registry, into the project.
"""

import datetime

import pytest

import code_city as city
from spatial_planning_monitor.core.codes import assign, beidou, registry, schemes

ANNEX_B = 'N50J47539B825534'


@pytest.fixture
def coded(qgis_app, qgis_new_project, tmp_path):
    from qgis.core import (QgsCoordinateTransformContext, QgsProject, QgsVectorFileWriter,
                           QgsVectorLayer)
    from spatial_planning_monitor.bridge import frames
    reg_path = str(tmp_path / 'registry.gpkg')
    buildings = city.make_buildings(40, seed=5)
    with registry.open_registry(reg_path, schemes.get_scheme(), buildings.crs) as reg:
        frame, _ = assign.assign_codes(reg, buildings, city.make_townships(), 'code', 'year', 8,
                                       day=datetime.date(2024, 1, 1))
        reg.commit()
    path = str(tmp_path / 'coded.gpkg')
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = 'GPKG', 'coded'
    memory = frames.frame_to_layer(frame, 'coded')
    error = QgsVectorFileWriter.writeAsVectorFormatV3(memory, path, QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError
    layer = QgsVectorLayer(f'{path}|layername=coded', 'coded buildings', 'ogr')
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    return layer, frame, reg_path


def fetch(text):
    from qgis.core import QgsFeedback, QgsLocatorContext
    from spatial_planning_monitor.ui.code_lookup import CodeLocatorFilter
    locator = CodeLocatorFilter()
    found = []
    locator.resultFetched.connect(found.append)
    locator.prepare(text, QgsLocatorContext())
    locator.fetchResults(text, QgsLocatorContext(), QgsFeedback())
    return locator, found


def canvas_extent_in(iface, crs_id):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject
    canvas = iface.mapCanvas()
    transform = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(),
                                       QgsCoordinateReferenceSystem(crs_id), QgsProject.instance())
    return transform.transformBoundingBox(canvas.extent())


def test_locator_finds_a_building_code_and_zooms_to_the_building(iface, coded):
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY
    layer, frame, _ = coded
    iface.mapCanvas().setDestinationCrs(QgsCoordinateReferenceSystem('EPSG:4528'))
    code = frame['BUILDING_CODE'].iloc[7]
    locator, results = fetch(code.lower())           # case does not matter
    assert [r.displayString for r in results] == [code]
    assert 'coded buildings' in results[0].description
    locator.iface = iface
    locator.triggerResult(results[0])
    extent = canvas_extent_in(iface, 'EPSG:4528')
    centre = frame.geometry.iloc[7].centroid
    assert extent.contains(QgsPointXY(centre.x, centre.y))
    assert extent.width() < 200                      # zoomed to the building, not the city
    # a township prefix lists its buildings
    _, by_prefix = fetch(code[:9])
    assert len(by_prefix) == (frame['BUILDING_CODE'].str[:9] == code[:9]).sum()


def test_locator_decodes_a_beidou_code_without_any_layer(iface, qgis_new_project):
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY
    iface.mapCanvas().setDestinationCrs(QgsCoordinateReferenceSystem('EPSG:4490'))
    locator, results = fetch(ANNEX_B)
    assert len(results) == 1 and 'level 8' in results[0].displayString
    locator.iface = iface
    locator.triggerResult(results[0])
    cell = beidou.decode_code(ANNEX_B)
    extent = iface.mapCanvas().extent()
    assert extent.contains(QgsPointXY(cell['west'], cell['south']))
    assert extent.contains(QgsPointXY(cell['east'], cell['north']))
    assert extent.width() < 10 * (cell['east'] - cell['west'])


def test_short_or_unknown_text_finds_nothing(qgis_new_project):
    assert fetch('N5')[1] == []
    assert fetch('ZZZZZZZZ')[1] == []


def test_code_locator_registers_and_unregisters(iface):
    from spatial_planning_monitor.ui.code_lookup import CodeLocator
    service = CodeLocator(iface)
    assert service.filter in iface.spm_locators and service.filter.prefix() == 'code'
    service.unload()
    assert iface.spm_locators == []


@pytest.fixture
def dock(iface, coded):
    from spatial_planning_monitor.ui.code_lookup import CodeLookupDock
    widget = CodeLookupDock(iface)
    widget.show()
    yield widget
    widget.unload()
    widget.deleteLater()


def table_rows(widget):
    table = widget.codeTable
    return [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]


def test_clicking_a_building_lists_its_codes_and_draws_its_beidou_cell(iface, dock, coded):
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY,
                           QgsProject)
    layer, frame, reg_path = coded
    dock.load_registry(reg_path)
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem('EPSG:4528'))
    canvas.setExtent(layer.extent())
    target = frame.iloc[12]
    inside = target.geometry.representative_point()
    dock.pickButton.setChecked(True)
    assert canvas.mapTool() is dock.picker
    picked = dock.pick_at(QgsPointXY(inside.x, inside.y))
    assert picked is not None and picked['BUILDING_CODE'] == target['BUILDING_CODE']
    rows = table_rows(dock)
    values = {row[1]: row for row in rows}
    parts = schemes.get_scheme().parse(target['BUILDING_CODE'])
    assert parts['admin'] in values[target['BUILDING_CODE']][2] and '✓' in values[target['BUILDING_CODE']][2]
    assert values[target['BEIDOU_CODE']][0].startswith('BeiDou grid code')
    assert any(row[1] == 'active' and target['BUILDING_CODE'] in row[2] for row in rows)   # from the registry
    # the rubber band is the building's BeiDou cell
    cell = beidou.decode_code(target['BEIDOU_CODE'])
    band = dock.highlighter.band.asGeometry()
    to_cgcs = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(),
                                     QgsCoordinateReferenceSystem('EPSG:4490'), QgsProject.instance())
    band.transform(to_cgcs)
    box = band.boundingBox()
    assert box.xMinimum() == pytest.approx(cell['west'], abs=1e-9)
    assert box.yMaximum() == pytest.approx(cell['north'], abs=1e-9)
    # nothing there: said so
    assert dock.pick_at(QgsPointXY(city.X0 - 5000, city.Y0 - 5000)) is None
    assert dock.codeTable.rowCount() == 0


def test_dock_search_lists_results_and_goes_to_a_single_one(iface, dock, coded):
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY
    layer, frame, _ = coded
    iface.mapCanvas().setDestinationCrs(QgsCoordinateReferenceSystem('EPSG:4528'))
    target = frame.iloc[3]
    results = dock.find(target['BUILDING_CODE'])
    assert len(results) == 1 and dock.resultList.count() == 1
    centre = target.geometry.centroid
    assert iface.mapCanvas().extent().contains(QgsPointXY(centre.x, centre.y))
    assert dock.featureLabel.text().startswith('coded buildings')
    assert dock.find('no such code') == [] and 'No code found' in dock.resultList.item(0).text()
