"""The plugin loads into a QGIS application, adds its provider and menu, and unloads cleanly."""

from spatial_planning_monitor.ui import panels as plugin_panels


def test_load_and_unload_leave_nothing_behind(iface, registry_without_spm):
    from spatial_planning_monitor import classFactory
    registry = registry_without_spm
    for _ in range(2):  # load, unload, and load again
        plugin = classFactory(iface)
        plugin.initGui()
        provider = registry.providerById('spm')
        assert provider is not None and provider.name()
        menu = iface.spm_menus[plugin.menu_name]
        assert len(menu) == len(plugin.actions) >= 1 + len(plugin_panels())
        for action in list(plugin.actions):   # open every dock the plugin offers
            if action.objectName().startswith('spm_panel_'):
                action.trigger()
        assert len(iface.spm_docks) == len(plugin_panels())
        assert len(iface.spm_locators) == 1             # the code search in the QGIS search bar
        plugin.unload()
        assert registry.providerById('spm') is None
        assert iface.spm_menus == {} and iface.spm_docks == [] and iface.spm_locators == []
        assert plugin.actions == [] and plugin.toolbar is None and plugin.panels == {}
        assert plugin.services == []


def test_constructor_does_not_touch_iface(registry_without_spm):
    from spatial_planning_monitor import classFactory
    plugin = classFactory(None)      # as under qgis_process
    plugin.initProcessing()
    assert registry_without_spm.providerById('spm') is plugin.provider
    assert plugin.provider.algorithms()
    plugin.unload()
    assert registry_without_spm.providerById('spm') is None
