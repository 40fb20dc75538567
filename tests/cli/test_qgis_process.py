"""qgis_process (the way users batch) lists the spm provider once the plugin is enabled."""


def test_plugin_is_enabled_and_provider_listed(qgis_process):
    plugins = qgis_process('plugins')
    assert 'spatial_planning_monitor' in plugins.stdout
    listing = qgis_process('list')
    assert listing.returncode == 0, listing.stderr
    assert 'Spatial Planning Monitor' in listing.stdout
