"""The plugin in Chinese (QGIS locale zh_CN): menu, docks and the Processing Toolbox entries,
and the README's screenshot docs/img/plugin_zh_CN.png; English again afterwards."""

import re

import pytest

from conftest import screenshot_path
from interface_language import compile_translations, interface_locale
from screenshots import label_districts, render_map

SHOT = screenshot_path('plugin_zh_CN.png')
CJK = re.compile(r'[\u3400-\u9fff]')


@pytest.fixture(scope='module')
def qm_folder(tmp_path_factory):
    return compile_translations(tmp_path_factory.mktemp('qm'))


def test_plugin_menu_and_docks_in_chinese(iface, registry_without_spm, qm_folder):
    from spatial_planning_monitor import classFactory
    with interface_locale('zh_CN', qm_folder):
        plugin = classFactory(iface)        # installs the translator of QGIS's locale itself
        plugin.initGui()
        try:
            assert plugin.menu_name == '国土空间规划实施监测(&S)'
            texts = [action.text() for action in iface.spm_menus[plugin.menu_name]]
            assert texts == ['城市体检指标', '赋码查询', '感知终端布设规划', '城市运行体征', '分区报告布局（图集）…', '处理算法…']
            assert plugin.toolbar.windowTitle() == '国土空间规划实施监测'
            assert registry_without_spm.providerById('spm').name() == '国土空间规划实施监测'
            for action in plugin.actions:
                if action.objectName().startswith('spm_panel_'):
                    action.trigger()
            titles = sorted(dock.windowTitle() for dock in iface.spm_docks)
            assert titles == sorted(['城市体检指标', '赋码查询', '感知终端布设规划', '城市运行体征'])
            sensors = plugin.panels['SensorDock']
            assert sensors.riskLabel.text() == '风险点'
            assert sensors.modelLabel.text() == '模型'
            assert sensors.runButton.text() == '开始规划'
            assert sensors.editButton.text() == '在地图上增删'
            assert sensors.distanceCombo.itemText(0) == '直线'
            lookup = plugin.panels['CodeLookupDock']
            for child in lookup.findChildren(type(sensors.runButton)):
                assert not child.text() or CJK.search(child.text()), child.text()
        finally:
            plugin.unload()
    # English again once the locale is restored
    plugin = classFactory(iface)
    plugin.initGui()
    try:
        assert plugin.menu_name == '&Spatial Planning Monitor'
        assert [a.text() for a in iface.spm_menus[plugin.menu_name]][0] == 'City indicators (城市体检)'
    finally:
        plugin.unload()


def _toolbox(registry):
    """QGIS's own Processing Toolbox tree, showing the spm provider (expanded)."""
    from qgis.gui import QgsProcessingToolboxProxyModel, QgsProcessingToolboxTreeView
    view = QgsProcessingToolboxTreeView(None, registry)
    view.setFilters(QgsProcessingToolboxProxyModel.Filter.FilterToolbox)
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        text = model.data(index)
        view.setRowHidden(row, index.parent(), text != registry.providerById('spm').name())
    view.expandAll()
    view.setHeaderHidden(True)
    view.resize(370, 820)
    return view


def test_indicator_dock_in_chinese_and_screenshot(iface, qgis_new_project, sample_layer, run_alg,
                                                  spm_provider, qm_folder):
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor, QImage, QPainter
    from qgis.core import QgsApplication, QgsProject
    from spatial_planning_monitor.layers import styling
    from spatial_planning_monitor.ui.indicator_dock import IndicatorDock
    districts, landuse = sample_layer('districts'), sample_layer('landuse_current')
    with interface_locale('zh_CN', qm_folder, spm_provider):
        result = run_alg('spm:indicators', {
            'DISTRICTS': districts, 'DISTRICT_FIELD': 'adcode', 'POPULATION_FIELD': 'population',
            'URBAN_POPULATION_FIELD': 'urban_population', 'LANDUSE': landuse, 'LANDUSE_FIELD': 'DLBM',
            'ECO_REDLINE': sample_layer('eco_redline'), 'FARMLAND': sample_layer('farmland'),
            'DEV_BOUNDARY': sample_layer('dev_boundary'), 'BUILDINGS': sample_layer('buildings'),
            'ROADS': sample_layer('roads'), 'RISK_POINTS': sample_layer('risk_points'),
            'RISK_KIND_FIELD': 'kind', 'OUTPUT': 'memory:', 'TABLE': 'memory:'})
        table = result['TABLE']
        table.setName('指标表')
        styling.apply_aliases(table)               # Chinese field aliases (layers/fields.csv)
        assert table.attributeDisplayName(table.fields().indexOf('IND_NAME')) == '指标名称'
        assert table.attributeDisplayName(table.fields().indexOf('STATUS')) == '状态'
        QgsProject.instance().addMapLayers([districts, landuse, table])
        dock = IndicatorDock(iface)
        try:
            # the dock fills its key-field combo when the district layer *changes*; a combo that
            # starts on the district layer (first polygon layer by name) never announces it
            dock.districtLayerCombo.setLayer(landuse)
            dock.districtLayerCombo.setLayer(districts)
            dock.resultLayerCombo.setLayer(table)
            dock.resize(540, 820)
            dock.show()
            dock.set_district(dock.districtCombo.itemData(0))
            dock.set_indicator('PC_URBAN')
            assert dock.windowTitle() == '城市体检指标'
            assert dock.districtLayerLabel.text() == '行政区图层'
            assert dock.resultLayerLabel.text() == '指标表'
            assert dock.districtLabel.text() == '行政区'
            assert dock.traceButton.text() == '显示参与计算的要素'
            assert dock.resetStyleButton.text() == '恢复样式'
            assert dock.sourcesToggle.text() == '源图层（用于溯源）'
            headers = [dock.indicatorTable.horizontalHeaderItem(c).text() for c in range(4)]
            assert headers == ['指标', '值', '单位', '目标值']
            assert dock.indicatorTable.rowCount() == shipped_indicators(), dock.statusLabel.text()
            names = [dock.indicatorTable.item(r, 0).text() for r in range(dock.indicatorTable.rowCount())]
            assert '人均城镇建设用地面积' in ' '.join(names)

            toolbox = _toolbox(QgsApplication.processingRegistry())
            shown = _visible_texts(toolbox)
            assert '国土空间规划实施监测' in shown and '规划实施监测' in shown
            assert '规划符合性分析' in shown and '北斗网格位置码' in shown

            label_districts(districts)
            map_size = QSize(720, 820)
            extent = districts.extent().buffered(districts.extent().width() * 0.03)
            image = render_map([districts], extent, map_size, selection_color=QColor(0, 90, 255, 110))
            panels = [toolbox.grab(), dock.grab()]
            width = image.width() + sum(p.width() for p in panels)
            shot = QImage(width, max([image.height()] + [p.height() for p in panels]), QImage.Format.Format_ARGB32)
            shot.fill(QColor('white'))
            painter = QPainter(shot)
            painter.drawImage(0, 0, image)
            x = image.width()
            painter.setPen(QColor('#606060'))
            for panel in panels:
                painter.drawLine(x, 0, x, shot.height())
                painter.drawPixmap(x, 0, panel)
                x += panel.width()
            painter.end()
            SHOT.parent.mkdir(parents=True, exist_ok=True)
            assert shot.save(str(SHOT))
            assert SHOT.stat().st_size > 50000
        finally:
            dock.unload()
            dock.deleteLater()
            QgsProject.instance().removeAllMapLayers()
    assert spm_provider.algorithm('indicators').displayName().startswith('City indicators')


def _visible_texts(view):
    model = view.model()
    texts = []

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if view.isRowHidden(row, parent):
                continue
            texts.append(model.data(index))
            walk(index)
    walk(view.rootIndex())
    return texts


def shipped_indicators():
    """The rows of layers/indicators.csv (the dock lists every indicator the table holds)."""
    from spatial_planning_monitor.core.indicators import load_definitions
    return len(load_definitions(None)[0])
