"""The docks on a small screen and on first use (issue 14): each dock fits a 1366×768 screen beside
the map on an empty project and on the sample city, says what to do first with a button that opens
the producing algorithm pre-filled, picks only fitting layers and picks again when layers are added;
the plugin's docks open tabified; "Processing algorithms…" opens the Toolbox on QGIS 3.22."""

import os

import pytest

DOCKS = [('indicator_dock', 'IndicatorDock'), ('sensor_dock', 'SensorDock'), ('code_lookup', 'CodeLookupDock')]
# 1366×768 less QGIS's title, menu, two toolbar rows, status bar and the dock's own title (≈ 200 px)
SCREEN_HEIGHT, SCREEN_WIDTH = 768 - 200, 1366 // 3
SAMPLE = ('districts', 'landuse_current', 'eco_redline', 'farmland', 'dev_boundary', 'buildings', 'roads',
          'risk_points', 'sensors_existing', 'townships')


def _open(iface, module, name):
    import importlib
    cls = getattr(importlib.import_module(f'spatial_planning_monitor.ui.{module}'), name)
    dock = cls(iface)
    dock.show()
    return dock


def _close(dock):
    dock.unload()
    dock.deleteLater()


@pytest.fixture
def sample_project(qgis_new_project, sample_layer):
    from qgis.core import QgsProject
    layers = {name: sample_layer(name) for name in SAMPLE}
    QgsProject.instance().addMapLayers(list(layers.values()))
    return layers


@pytest.fixture
def dialog_iface(iface, qgis_processing, monkeypatch):
    """``iface`` with a browser model, so processing.createAlgorithmDialog can build its panels."""
    from qgis.gui import QgsBrowserGuiModel
    model = QgsBrowserGuiModel()
    monkeypatch.setattr(iface, 'browserModel', lambda: model, raising=False)
    return iface


def _assert_fits(dock):
    for hint in (dock.minimumSizeHint(), dock.sizeHint()):
        assert hint.height() <= SCREEN_HEIGHT, (dock.objectName(), hint)
        assert hint.width() <= SCREEN_WIDTH, (dock.objectName(), hint)
    dock.resize(380, SCREEN_HEIGHT)               # and it lays out in that space, scrolling if need be
    assert dock.height() <= SCREEN_HEIGHT


@pytest.mark.parametrize('module, name', DOCKS)
def test_each_dock_fits_and_says_what_to_do_on_an_empty_project(iface, qgis_new_project, spm_provider,
                                                                   module, name):
    dock = _open(iface, module, name)
    try:
        _assert_fits(dock)
        assert not dock.empty.isHidden() and dock.empty.label.text()
        assert dock.empty.button.text().endswith('…')
    finally:
        _close(dock)


@pytest.mark.parametrize('module, name', DOCKS)
def test_each_dock_fits_on_the_sample_city(iface, sample_project, module, name):
    dock = _open(iface, module, name)
    try:
        if module == 'indicator_dock':
            dock.sourcesToggle.setChecked(True)           # the tallest state: source layers open
        _assert_fits(dock)
    finally:
        _close(dock)


def test_the_empty_state_button_opens_the_algorithm_pre_filled(dialog_iface, sample_project, spm_provider):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest
    dock = _open(dialog_iface, 'indicator_dock', 'IndicatorDock')
    try:
        assert not dock.empty.isHidden() and 'spm:indicators' in dock.empty.label.text()
        QTest.mouseClick(dock.empty.button, Qt.MouseButton.LeftButton)
        dialog = dock.empty.dialog
        assert dialog is not None and not dialog.isHidden()
        assert dialog.algorithm().id() == 'spm:indicators'
        wrappers = dialog.mainWidget().wrappers
        names = {key: sample_project[n].id() for key, n in (
            ('DISTRICTS', 'districts'), ('LANDUSE', 'landuse_current'), ('ECO_REDLINE', 'eco_redline'),
            ('FARMLAND', 'farmland'), ('DEV_BOUNDARY', 'dev_boundary'), ('BUILDINGS', 'buildings'),
            ('ROADS', 'roads'), ('RISK_POINTS', 'risk_points'))}
        for key, layer_id in names.items():
            value = wrappers[key].parameterValue()
            value = getattr(value, 'source', value)           # a QgsProcessingFeatureSourceDefinition
            value = value.staticValue() if hasattr(value, 'staticValue') else value
            assert value == layer_id or getattr(value, 'id', lambda: None)() == layer_id, (key, value)
        dialog.close()
    finally:
        _close(dock)


def test_guessed_parameters_fit_the_geometry(sample_project, spm_provider):
    from spatial_planning_monitor.ui.first_use import guess_parameters
    assert guess_parameters('spm:assign_building_codes') == {
        'BUILDINGS': sample_project['buildings'].id(), 'ADMIN': sample_project['townships'].id()}
    guessed = guess_parameters('spm:plan_sensors')
    assert guessed['RISK_POINTS'] == sample_project['risk_points'].id()
    assert guessed['EXISTING'] == sample_project['sensors_existing'].id()
    assert guessed['ROADS'] == sample_project['roads'].id()
    assert 'CANDIDATES' not in guessed


def test_indicator_dock_picks_fitting_layers_and_again_when_layers_are_added(iface, qgis_new_project,
                                                                              sample_layer):
    """Started on a project with only a landuse layer: no table, the note; districts and a table
    added: the dock picks them, the note goes, no stale message; the table never as districts."""
    from qgis.core import QgsProject, QgsVectorLayer
    project = QgsProject.instance()
    project.addMapLayer(sample_layer('landuse_current'))
    dock = _open(iface, 'indicator_dock', 'IndicatorDock')
    try:
        assert dock.result_layer() is None and not dock.empty.isHidden()
        dock.statusLabel.setText('a message from before')
        table = QgsVectorLayer('Polygon?crs=EPSG:4528&field=DISTRICT:string&field=IND_ID:string'
                               '&field=VALUE:double&field=STATUS:string', 'indicator_table', 'memory')
        other = QgsVectorLayer('Polygon?crs=EPSG:4528&field=name:string', 'not_a_table', 'memory')
        districts = sample_layer('districts')
        project.addMapLayers([other, table, districts])
        assert dock.result_layer() is table
        assert dock.district_layer() is districts
        assert dock.empty.isHidden() and dock.statusLabel.text() == ''
        offered = [dock.resultLayerCombo.layer(i) for i in range(dock.resultLayerCombo.count())]
        assert [layer.name() for layer in offered if layer is not None] == ['indicator_table']
        districts_offered = {dock.districtLayerCombo.layer(i).name()
                             for i in range(dock.districtLayerCombo.count())}
        assert 'indicator_table' not in districts_offered and 'districts' in districts_offered
    finally:
        _close(dock)


def test_sensor_dock_clears_a_stale_message_and_finds_added_layers(iface, qgis_new_project, sample_layer):
    from qgis.core import QgsProject
    dock = _open(iface, 'sensor_dock', 'SensorDock')
    try:
        dock.run()
        assert 'risk point' in dock.statusLabel.text() and not dock.empty.isHidden()
        QgsProject.instance().addMapLayers([sample_layer('risk_points'), sample_layer('roads')])
        assert dock.riskCombo.currentLayer().name() == 'risk_points'
        assert dock.roadsCombo.currentLayer().name() == 'roads'
        assert dock.statusLabel.text() == '' and dock.empty.isHidden()
    finally:
        _close(dock)


def test_plugin_docks_open_tabified_with_icons_and_the_toolbox_opens(iface, registry_without_spm,
                                                                     monkeypatch):
    from qgis.PyQt.QtWidgets import QAction
    from spatial_planning_monitor import classFactory
    plugin = classFactory(iface)
    plugin.initGui()
    try:
        icons = set()
        for action in plugin.actions:
            assert not action.icon().isNull(), action.text()
            icons.add(action.icon().cacheKey())
            if action.objectName().startswith('spm_panel_'):
                action.trigger()
        docks = list(plugin.panels.values())
        assert len(docks) == 4
        window = iface.mainWindow()
        assert set(window.tabifiedDockWidgets(docks[0])) == set(docks[1:])
        assert len({d.windowTitle() for d in docks}) == 4
        menu_names = [a.text() for a in plugin.actions]
        assert plugin.menu_name.replace('&', '') == 'Spatial Planning Monitor'
        assert plugin.provider.name() == 'Spatial Planning Monitor'
        # QGIS 3.22 has no iface.showProcessingToolbox: the Processing plugin's action opens it
        monkeypatch.delattr(iface, 'showProcessingToolbox', raising=False)
        toolbox = QAction('Toolbox', window)
        toolbox.setObjectName('toolboxAction')
        toolbox.setCheckable(True)
        try:
            processing = next(a for a in plugin.actions if a.text() == plugin.tr('Processing algorithms…'))
            processing.trigger()
            assert toolbox.isChecked(), menu_names
        finally:
            toolbox.deleteLater()
    finally:
        plugin.unload()


def test_each_group_has_its_own_icon(spm_provider):
    """Every group has an SVG of its own (rendered pixels are not compared: they depend on the
    pixmap cache and the platform), and every algorithm shows one."""
    from spatial_planning_monitor.provider import resources
    from spatial_planning_monitor.provider.base import groups
    for algorithm in spm_provider.algorithms():
        assert not algorithm.icon().isNull(), algorithm.id()
    files = {group: os.path.join(resources.ICON_DIR, f'group_{group}.svg') for group in groups()}
    assert all(os.path.exists(path) for path in files.values()), files
    contents = {open(path, 'rb').read() for path in files.values()}
    assert len(contents) == len(groups())                                # all different
