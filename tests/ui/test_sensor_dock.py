"""The sensor-planning dock on the sample city, driven through its widgets (pytest-qgis, offscreen):
plan in a QgsTask, pick a point on the coverage curve, add and remove a sensor with the map tool,
and the README screenshot (docs/img/sensor_dock.png)."""


import pytest

from conftest import wait_for

from conftest import screenshot_path

DOCS_IMG = screenshot_path('sensor_dock.png')



@pytest.fixture
def city(qgis_app, qgis_new_project, sample_layer):
    from qgis.core import QgsProject
    layers = {name: sample_layer(name) for name in ('risk_points', 'sensors_existing', 'roads')}
    QgsProject.instance().addMapLayers(list(layers.values()))
    return layers


@pytest.fixture
def dock(iface, city):
    from spatial_planning_monitor.ui.sensor_dock import SensorDock
    widget = SensorDock(iface)
    widget.resize(420, 820)
    widget.show()
    yield widget
    widget.unload()
    widget.deleteLater()


def plan(dock, model='MCLP', p=30, distance='EUCLIDEAN'):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest
    dock.modelCombo.setCurrentIndex(dock.modelCombo.findData(model))
    dock.distanceCombo.setCurrentIndex(dock.distanceCombo.findData(distance))
    dock.pSpin.setValue(p)
    dock.spacingSpin.setValue(200.0)
    dock.timeSpin.setValue(20.0)
    QTest.mouseClick(dock.runButton, Qt.MouseButton.LeftButton)
    assert dock.task is not None and not dock.runButton.isEnabled()
    wait_for(lambda: dock.task is None)
    assert dock.session is not None, dock.statusLabel.text()


def layer_rows(layer):
    names = layer.fields().names()
    return [dict(zip(names, f.attributes()), geometry=f.geometry()) for f in layer.getFeatures()]


def test_layers_and_fields_are_picked_from_the_project(dock, city):
    assert dock.riskCombo.currentLayer() is city['risk_points']
    assert dock.existingCombo.currentLayer() is city['sensors_existing']
    assert dock.roadsCombo.currentLayer() is city['roads']
    assert dock.candidatesCombo.currentLayer() is None
    assert (dock.kindFieldCombo.currentField(), dock.weightFieldCombo.currentField(),
            dock.existingRadiusCombo.currentField()) == ('kind', 'weight', 'radius')
    dock.modelCombo.setCurrentIndex(dock.modelCombo.findData('LSCP'))
    assert not dock.pSpin.isEnabled()


def test_plan_then_pick_on_the_curve_then_edit_on_the_map(dock, city, iface):
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt
    from qgis.PyQt.QtTest import QTest
    from qgis.gui import QgsMapMouseEvent
    plan(dock, p=30)
    risk_count = city['risk_points'].featureCount()
    existing = city['sensors_existing'].featureCount()
    sites, points = dock._layer('sites'), dock._layer('coverage')
    assert points.featureCount() == risk_count and sites.featureCount() == existing + 30
    covered = sum(1 for r in layer_rows(points) if r['COVERED_BY'] > 0)
    assert dock.summary[0] == covered and dock.summary[3] == 30
    assert f'30 new + {existing} existing sensors cover {covered} of {risk_count}' in dock.statusLabel.text()
    solution = dock.session.solution
    assert solution.solver == 'HiGHS' and solution.status == 'optimal'

    # a click on the curve lays out the first n greedy sensors; the arrow keys step one at a time
    curve = dock.curve
    dock.grab()                    # lays the (offscreen, never shown) dock out at its size
    assert curve.width() > 250
    x = int(curve.width() * 0.5)
    QTest.mouseClick(curve, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, curve.height() // 2))
    n = dock.curve_n
    assert n == curve.n_at(x) and 0 < n < len(dock.session.curve_order)
    assert dock.summary[0] == dock.session.curve_count[n] and dock.summary[3] == n
    QTest.keyClick(curve, Qt.Key.Key_Right)
    assert dock.curve_n == n + 1 and dock.summary[0] == dock.session.curve_count[n + 1]
    dock.use_curve(10)
    assert dock.summary[0] == dock.session.curve_count[10] and dock.summary[3] == 10
    assert sum(1 for r in layer_rows(dock._layer('sites')) if r['EXISTING'] == 0) == 10

    # the map tool: a left click on an uncovered risk point adds a sensor of its kind there
    from qgis.core import QgsRectangle
    canvas = iface.mapCanvas()
    canvas.resize(600, 600)
    canvas.setDestinationCrs(city['risk_points'].crs())
    dock.editButton.setChecked(True)
    assert canvas.mapTool() is dock.tool
    target = next(r for r in layer_rows(dock._layer('coverage')) if r['COVERED_BY'] == 0)
    dock.addKindCombo.setCurrentIndex(dock.addKindCombo.findText(target['KIND']))
    point = target['geometry'].asPoint()
    canvas.setExtent(QgsRectangle(point.x() - 300, point.y() - 300, point.x() + 300, point.y() + 300))
    assert canvas.mapUnitsPerPixel() < 30    # a click lands within tens of metres (sensor radius ≥ 200 m)
    pixel = canvas.getCoordinateTransform().transform(point)
    before = dock.summary[0]

    def click(button):
        event = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, QPoint(int(pixel.x()), int(pixel.y())),
                                 button, button, Qt.KeyboardModifier.NoModifier)
        dock.tool.canvasReleaseEvent(event)
    click(Qt.MouseButton.LeftButton)
    after = {r['POINT_FID']: r['COVERED_BY'] for r in layer_rows(dock._layer('coverage'))}
    assert after[target['POINT_FID']] >= 1 and dock.summary[0] >= before + 1
    assert dock.summary[3] == 11 and dock.curve_n is None
    click(Qt.MouseButton.RightButton)                                   # removes it again
    assert dock.summary[0] == before and dock.summary[3] == 10
    dock.resetButton.click()
    assert dock.summary[3] == 30
    dock.editButton.setChecked(False)
    assert canvas.mapTool() is not dock.tool


def test_bad_input_is_reported_in_the_dock(dock):
    dock.riskCombo.setLayer(None)
    dock.run()
    assert dock.task is None and 'risk point' in dock.statusLabel.text()


def legend(painter, x, y):
    """A small legend for the README picture (the colours of the shipped styles)."""
    from qgis.PyQt.QtCore import QPointF, QRectF
    from qgis.PyQt.QtGui import QColor, QPolygonF
    entries = [('circle', '#d7191c', '未覆盖 not covered'), ('circle', '#1a9641', '1 个终端覆盖 covered once'),
               ('circle', '#2c7bb6', '≥2 个终端覆盖 covered twice or more'),
               ('square', '#505050', '现有终端 existing sensor'), ('triangle', '#00b4d8', '新增终端 new sensor (by kind)')]
    painter.setPen(QColor('#909090'))
    painter.setBrush(QColor(255, 255, 255, 230))
    painter.drawRect(QRectF(x, y, 340, 22 * len(entries) + 10))
    for k, (shape, colour, text) in enumerate(entries):
        cx, cy = x + 16, y + 16 + 22 * k
        painter.setPen(QColor('#202020'))
        painter.setBrush(QColor(colour))
        if shape == 'circle':
            painter.drawEllipse(QPointF(cx, cy), 5, 5)
        elif shape == 'square':
            painter.drawRect(QRectF(cx - 5, cy - 5, 10, 10))
        else:
            painter.drawPolygon(QPolygonF([QPointF(cx, cy - 6), QPointF(cx + 6, cy + 5), QPointF(cx - 6, cy + 5)]))
        painter.drawText(QRectF(cx + 14, cy - 9, 310, 18), 0x81, text)    # AlignLeft | AlignVCenter


def test_screenshot_of_the_dock_on_the_sample_city(dock, city):
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor, QPainter
    from screenshots import beside, render_map
    plan(dock, p=40, distance='NETWORK')
    roads = city['roads']
    roads.renderer().symbol().setColor(QColor('#c8c8c8'))
    size = QSize(800, 820)
    image = render_map([dock._layer('sites'), dock._layer('coverage'), roads],
                       city['risk_points'].extent().buffered(1500), size)
    # the map shows covered (green/blue) and uncovered (red) risk points and the sensors
    colours = {image.pixelColor(x, y).name() for x in range(0, 800, 4) for y in range(0, 820, 4)}
    assert {'#d7191c', '#505050'} <= colours
    assert any(c in colours for c in ('#1a9641', '#2c7bb6'))
    painter = QPainter(image)
    legend(painter, 10, size.height() - 150)
    painter.end()
    beside(image, dock, DOCS_IMG)
