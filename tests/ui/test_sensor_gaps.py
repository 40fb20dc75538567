"""Coverage gaps from offline sensors in the sensor-planning dock, on the sample city's storm:
spm:vital_signs on sample/vital_readings.csv.gz (as demo/steps/28_vitals.sh), its output loaded, and
the dock's gap count checked against spm:evaluate_sensor_coverage run with all sensors and with the
online ones only; then the Select and Plan buttons' effect on the layers."""

import os

import pytest


@pytest.fixture
def storm(qgis_app, qgis_new_project, sample_gpkg, sample_layer, run_alg, tmp_path):
    from qgis.core import QgsProject, QgsVectorLayer
    out = str(tmp_path / 'vital_sensors.gpkg')
    run_alg('spm:vital_signs', {
        'READINGS': os.path.join(os.path.dirname(sample_gpkg), 'vital_readings.csv.gz'),
        'SENSORS': f'{sample_gpkg}|layername=sensors_existing',
        'TIME_FROM': '2024-06-20 12:00:00', 'TIME_TO': '2024-06-21 12:00:00', 'OUTPUT': out})
    vitals = QgsVectorLayer(out, 'vital_sensors', 'ogr')
    assert vitals.isValid()
    risk = sample_layer('risk_points')
    QgsProject.instance().addMapLayers([risk, sample_layer('sensors_existing')])
    return risk, vitals, out


def test_dock_counts_the_risk_points_only_offline_sensors_covered(storm, iface, run_alg, sample_gpkg, tmp_path):
    from qgis.core import QgsProject, QgsVectorLayer
    from spatial_planning_monitor.ui.sensor_dock import SensorDock
    risk, vitals, out = storm
    dock = SensorDock(iface)
    try:
        assert dock.gaps.isHidden()                         # no vital-signs output yet
        QgsProject.instance().addMapLayer(vitals)
        assert not dock.gaps.isHidden()

        # independently: coverage by all sensors minus coverage by the online ones
        offline = [f['SENSOR_ID'] for f in vitals.getFeatures() if f['OFFLINE'] == 1]
        assert len(offline) == 2                            # the two sensors that went silent
        online = QgsVectorLayer(out, 'online', 'ogr')
        online.setSubsetString('"OFFLINE" = 0')
        covered = {}
        for key, sensors in (('all', out), ('online', online)):
            result = run_alg('spm:evaluate_sensor_coverage', {
                'RISK_POINTS': f'{sample_gpkg}|layername=risk_points', 'KIND_FIELD': 'kind',
                'SENSORS': sensors, 'SENSOR_RADIUS_FIELD': 'radius', 'DISTANCE': 'EUCLIDEAN',
                'OUTPUT': str(tmp_path / f'coverage_{key}.gpkg')})
            layer = QgsVectorLayer(result['OUTPUT'], key, 'ogr')
            covered[key] = {tuple(round(v) for v in (f.geometry().asPoint().x(), f.geometry().asPoint().y()))
                            for f in layer.getFeatures() if f['COVERED'] == 1}
        lost = covered['all'] - covered['online']
        assert covered['online'] <= covered['all'] and len(lost) > 0

        gaps = dock.gaps.gaps
        assert gaps.n_gaps == len(lost) and gaps.n_offline == 2
        assert dock.gaps.label.text() == f'{len(lost)} risk points are no longer covered: 2 sensors offline'

        # Select: exactly those points; Plan: the gap points as demand, the online sensors as EXISTING
        dock.gaps.selectButton.click()
        assert risk.selectedFeatureCount() == len(lost)
        assert {tuple(round(v) for v in (f.geometry().asPoint().x(), f.geometry().asPoint().y()))
                for f in risk.getSelectedFeatures()} == lost
        params = dock.gaps.plan_parameters()
        assert params['RISK_POINTS'].source.staticValue() == risk.id()
        assert params['RISK_POINTS'].selectedFeaturesOnly and params['EXISTING'].selectedFeaturesOnly
        assert params['EXISTING'].source.staticValue() == vitals.id()
        assert vitals.selectedFeatureCount() == sum(1 for _ in vitals.getFeatures()) - 2
        assert all(f['OFFLINE'] == 0 for f in vitals.getSelectedFeatures())
        assert (params['KIND_FIELD'], params['WEIGHT_FIELD'], params['EXISTING_RADIUS_FIELD']) == (
            'kind', 'weight', 'radius')
        planned = run_alg('spm:plan_sensors', dict(params, MODEL='LSCP', SPACING=200.0,
                                                   OUTPUT=str(tmp_path / 'plan.gpkg')))
        assert planned['OUTPUT']

        QgsProject.instance().removeMapLayer(vitals.id())
        assert dock.gaps.isHidden()
    finally:
        dock.unload()
        dock.deleteLater()
