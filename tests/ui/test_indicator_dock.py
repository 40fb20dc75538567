"""The indicator dock, driven through its widgets with pytest-qgis (offscreen).

The two-district city of tests/indicator_city.py, whose values are known by hand:
开发强度 A = 21 % (正常), B = 46 % (超标); construction in A's red line = one parcel (0701).
The indicator TABLE is made by core (not the algorithm), so these tests look at the dock only.
"""

import time

import pytest

import indicator_city
from spatial_planning_monitor.core.indicators import MeasureTable, evaluate, load_definitions


def _write(frame, path, name):
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter, QgsVectorLayer
    from spatial_planning_monitor.bridge import frames
    layer = frames.frame_to_layer(frame, name)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = 'GPKG'
    options.layerName = name
    if path.exists():
        options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    loaded = QgsVectorLayer(f'{path}|layername={name}', name, 'ogr')
    assert loaded.isValid()
    return loaded


@pytest.fixture
def city(qgis_app, qgis_new_project, tmp_path):
    from qgis.core import QgsProject
    city_frames = indicator_city.frames()
    districts = city_frames['districts']
    inputs = indicator_city.inputs()
    indicators, _ = load_definitions()
    result = evaluate(indicators, MeasureTable(inputs), keys=districts.adcode)
    path = tmp_path / 'city.gpkg'
    layers = {name: _write(city_frames[name], path, name)
              for name in ('districts', 'landuse_current', 'eco_redline', 'dev_boundary')}
    layers['indicator_table'] = _write(result.long, path, 'indicator_table')
    QgsProject.instance().addMapLayers(list(layers.values()))
    layers['result'] = result
    return layers


@pytest.fixture
def dock(iface, city):
    from spatial_planning_monitor.ui.indicator_dock import IndicatorDock
    widget = IndicatorDock(iface)
    widget.districtLayerCombo.setLayer(city['districts'])
    widget.resultLayerCombo.setLayer(city['indicator_table'])
    widget.show()
    yield widget
    widget.unload()
    widget.deleteLater()


def _fid(layer, adcode):
    return next(f.id() for f in layer.getFeatures() if f['adcode'] == adcode)


def _rows(dock):
    table = dock.indicatorTable
    return {table.item(r, 0).data(0x0100): [table.item(r, c).text() for c in range(6)]
            for r in range(table.rowCount())}


def test_key_field_is_detected_and_districts_listed(dock):
    assert dock.districtFieldCombo.currentField() == 'adcode'
    labels = [dock.districtCombo.itemText(i) for i in range(dock.districtCombo.count())]
    assert labels == ['350302 甲区', '350303 乙区']


def test_selecting_a_district_on_the_map_shows_its_rows(dock, city):
    layer = city['districts']
    layer.selectByIds([_fid(layer, '350303')])
    assert dock.district == '350303'
    assert dock.districtCombo.currentData() == '350303'
    rows = _rows(dock)
    assert len(rows) == len(load_definitions()[0])
    assert rows['DEV_INTENS'] == ['开发强度', '46', '%', '30', '超标', '']
    assert rows['PC_URBAN'][1:5] == ['112.5', 'm²/人', '120', '正常']
    assert rows['CO2_PC'][4] == '未计算'
    status_item = dock.indicatorTable.item(list(rows).index('DEV_INTENS'), 4)
    assert status_item.background().color().name() == '#fc9272'
    assert 'co2_total has no value' in dock.indicatorTable.item(list(rows).index('CO2_PC'), 1).toolTip()


def test_selecting_in_the_panel_selects_on_the_map(dock, city):
    dock.districtCombo.setCurrentIndex(dock.districtCombo.findData('350302'))
    assert city['districts'].selectedFeatureIds() == [_fid(city['districts'], '350302')]
    assert _rows(dock)['DEV_INTENS'][1:5] == ['21', '%', '30', '正常']


def test_clicking_an_indicator_maps_it_and_selects_flagged_districts(dock, city):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest
    from qgis.core import QgsCategorizedSymbolRenderer
    layer = city['districts']
    dock.set_district('350302')
    row = list(_rows(dock)).index('DEV_INTENS')
    table = dock.indicatorTable
    rect = table.visualItemRect(table.item(row, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert dock.indicator == 'DEV_INTENS'
    # coloured by status, in the table's colours: only B (超标) is red, A (正常) green
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    assert 'map_get' in renderer.classAttribute()
    colours = {c.value(): (c.symbol().color().name(), c.label()) for c in renderer.categories()}
    assert colours == {'正常': ('#c7e9c0', '正常 (1)'), '超标': ('#fc9272', '超标 (1)')}
    # B (46 % > 30 %) is 超标, A (21 % < 25 %) is 正常
    assert layer.selectedFeatureIds() == [_fid(layer, '350303')]
    assert dock.district == '350302'          # the panel keeps its district
    bars = {label: (value, status, current) for label, value, status, current in dock.chart.bars}
    assert bars['乙区'] == (pytest.approx(46.0), '超标', False)
    assert bars['甲区'][2] is True
    assert dock.chart.lines == [(30.0, '#d7301f'), (25.0, '#f46d43')]
    assert dock.chart.scale() == (0.0, pytest.approx(46.0))
    # the expression gives each feature its status
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils
    expression = QgsExpression(renderer.classAttribute())
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    values = {}
    for feature in layer.getFeatures():
        context.setFeature(feature)
        values[feature['adcode']] = expression.evaluate(context)
    assert values == {'350302': '正常', '350303': '超标'}
    dock.restore_style()
    assert not isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)


def test_all_normal_paints_no_district_red(dock, city):
    """Every district 正常 for an indicator: every district is painted the 正常 colour."""
    results = dock.results
    normal = [i for i in results.indicators() if set(results.statuses(i).values()) == {'正常'}]
    assert normal, 'the test city has an indicator that is 正常 everywhere'
    dock.set_indicator(normal[0])
    categories = city['districts'].renderer().categories()
    assert [(c.value(), c.symbol().color().name()) for c in categories] == [('正常', '#c7e9c0')]


def test_state_is_saved_in_the_project_and_restored(dock, city, tmp_path, iface):
    from qgis.core import QgsCategorizedSymbolRenderer, QgsProject
    from spatial_planning_monitor.ui.indicator_dock import IndicatorDock
    dock.set_district('350303')
    dock.set_indicator('FOREST')
    project = QgsProject.instance()
    path = str(tmp_path / 'state.qgz')
    assert project.write(path)
    project.clear()
    assert dock.results is None and dock.indicatorTable.rowCount() == 0
    assert project.read(path)
    for widget in (dock, IndicatorDock(iface)):      # the open dock, and one opened afterwards
        assert widget.district_layer().name() == 'districts'
        assert widget.result_layer().name() == 'indicator_table'
        assert widget.districtFieldCombo.currentField() == 'adcode'
        assert widget.district == '350303' and widget.districtCombo.currentData() == '350303'
        assert widget.indicator == 'FOREST'
        assert widget.indicatorTable.rowCount() == len(load_definitions()[0])
        selected = widget.indicatorTable.selectionModel().selectedRows()
        assert widget.indicatorTable.item(selected[0].row(), 0).text() == '森林覆盖率'
        assert isinstance(widget.district_layer().renderer(), QgsCategorizedSymbolRenderer)
        assert widget.landuseCombo.currentLayer().name() == 'landuse_current'
        if widget is not dock:
            widget.unload()


def test_trace_selects_the_construction_parcels_in_the_red_line(dock, city, qgis_app, iface):
    from qgis.core import QgsApplication
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(city['districts'].crs())
    canvas.resize(600, 600)
    canvas.setExtent(city['districts'].extent())
    whole = canvas.extent()
    dock.set_district('350302')
    dock.set_indicator('RL_CONST')
    dock.trace()
    deadline = time.time() + 60
    while dock.task is not None and time.time() < deadline:
        qgis_app.processEvents()
        time.sleep(0.01)
    assert dock.task is None, 'the trace task did not finish'
    landuse = city['landuse_current']
    selected = sorted(landuse.getFeature(f)['DLBM'] for f in landuse.selectedFeatureIds())
    assert selected == ['0701']                  # the only construction parcel inside the red line
    assert 'landuse_current' in dock.statusLabel.text()
    assert 'Traced 1 feature(s)' in dock.statusLabel.text()
    assert QgsApplication.taskManager().countActiveTasks() == 0
    # drawn above every layer (not hidden under the selected districts) and zoomed to
    assert city['districts'].selectedFeatureCount() == 0
    assert len(dock.highlight.items) == 1 and dock.highlight.items[0].isVisible()
    assert dock.highlight.items[0].zValue() >= 1000
    parcel = landuse.getFeature(landuse.selectedFeatureIds()[0]).geometry().boundingBox()
    extent = canvas.extent()
    assert extent.contains(parcel)
    assert extent.width() < whole.width() / 2          # zoomed in on the parcel
    dock.unload()
    assert dock.highlight.items == []


def test_a_dock_opened_on_a_ready_project_lists_the_districts_at_once(iface, city):
    """The district combo picks its first layer before the dock listens to it: still linked."""
    from qgis.core import QgsProject
    from spatial_planning_monitor.ui.indicator_dock import IndicatorDock
    from spatial_planning_monitor.ui.indicator_state import SCOPE
    QgsProject.instance().removeEntry(SCOPE, '/')   # no saved dock state: the combos choose
    widget = IndicatorDock(iface)     # no layer set by hand
    try:
        # the districts by name, the table by its columns (not the first polygon layer for both)
        assert widget.district_layer().name() == 'districts'
        assert widget.result_layer().name() == 'indicator_table'
        assert widget.statusLabel.text() == '' and widget.empty.isHidden()
        assert widget.districtFieldCombo.layer() is widget.district_layer()
        assert widget._connected_layer is widget.district_layer()
    finally:
        widget.unload()
        widget.deleteLater()


def test_trace_of_a_life_circle_indicator_highlights_the_homes_not_covered(dock, city, iface, tmp_path):
    import geopandas as gpd
    from shapely.geometry import Point
    from qgis.core import QgsProject
    homes = gpd.GeoDataFrame({'DISTRICT': ['350302', '350302', '350302', '350303'], 'C_PARK': [1, 0, 0, 0],
                              'COMPLETE': [1, 1, 0, 0], 'N_15MIN': [8, 8, 3, 0]},
                             geometry=[Point(p) for p in ((10, 10), (20, 20), (30, 30), (40, 40))],
                             crs=city['districts'].crs().authid())
    layer = _write(homes, tmp_path / 'lc.gpkg', 'life_circle')
    QgsProject.instance().addMapLayer(layer)
    iface.mapCanvas().setDestinationCrs(city['districts'].crs())
    dock.set_district('350302')
    dock.set_indicator('LC_PARK5')
    dock.trace()
    assert sorted(layer.getFeature(f)['C_PARK'] for f in layer.selectedFeatureIds()) == [0, 0]
    assert len(dock.highlight.items) == 2
    assert '2 home(s)' in dock.statusLabel.text()
    dock.set_indicator('LC_15MIN')
    dock.trace()
    assert [layer.getFeature(f)['N_15MIN'] for f in layer.selectedFeatureIds()] == [3]
