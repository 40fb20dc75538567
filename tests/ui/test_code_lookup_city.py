"""The code look-up dock and the search bar resolve every code type through a city code register
to its object, show every linked code with its history, and zoom to the object (issue 19)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'unit'))
from citycode_city import X0, Y0, buildings, footprint, inside, run, table  # noqa: E402

UNIT = '350302001001GB00001F00010001'
CODES = {   # code type → (register field value, as a person types it)
    'real_estate_unit': (UNIT, '350302-001001-GB00001-F00010001'),
    'project': ('2403-350302-04-01-583216', '24033503020401583216'),
    'credit': ('91110000600037341L', '９１１１００００６０００３７３４１Ｌ'),
    'address': ('莆田市城厢区某路12号', '莆田市城厢区某路12号'),
    'beidou': ('N50J47539B8255', 'n50j47539b8255'),
    'user_plot': ('PLOT-7', ' plot-7 '),        # a type of one's own: compared as written, any case
}


@pytest.fixture
def register(qgis_app, qgis_new_project, tmp_path):
    """A register where building B1 carries one code of every type (and B2 was demolished)."""
    path = tmp_path / 'city.gpkg'
    codes, _, _ = run(path, 'building', buildings(['BLDG1', 'BLDG2'], [footprint(0), footprint(1)]))
    for code_type, (value, _) in CODES.items():
        run(path, 'building', buildings(['BLDG1', 'BLDG2'], [footprint(0), footprint(1)]),
            register=table([[value, 'BLDG1']], ['code', 'fw'], [inside(0)]), code_field='code', code_type=code_type,
            method='key', key_field='fw', key_type='building_id')
    run(path, 'building', buildings(['BLDG1'], [footprint(0)]))      # B2 demolished: its codes end
    return str(path), codes


def test_the_dock_resolves_every_code_type_with_history(iface, register):
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY
    from spatial_planning_monitor.ui.code_lookup import CodeLookupDock
    path, codes = register
    dock = CodeLookupDock(iface)
    assert dock.load_registry(path) is not None
    iface.mapCanvas().setDestinationCrs(QgsCoordinateReferenceSystem('EPSG:4528'))
    for code_type, (value, typed) in CODES.items():
        results = dock.find(typed)
        city = [r for r in results if r[2].startswith('city|')]
        assert [r[2].split('|')[1] for r in city] == [codes[0]], code_type
        assert code_type in city[0][1] or code_type == 'beidou' or code_type == 'user_plot'
        shown = {(dock.codeTable.item(r, 0).text(), dock.codeTable.item(r, 1).text())
                 for r in range(dock.codeTable.rowCount())}
        assert {(t, v) for t, (v, _) in CODES.items()} | {('building_id', 'BLDG1')} <= shown
        assert dock.featureLabel.text().startswith('City code {}'.format(codes[0]))
    extent = iface.mapCanvas().extent()
    assert extent.contains(QgsPointXY(X0 + 5, Y0 + 5)) and extent.width() < 100
    # the demolished building: found through its ended key link, retired, history shown
    results = dock.find('BLDG2')
    assert [r[0] for r in results if r[2].startswith('city|')] == ['City code {} (building, retired)'.format(codes[1])]
    meanings = [dock.codeTable.item(r, 2).text() for r in range(dock.codeTable.rowCount())]
    assert any(m.startswith('entity, confidence 1, ended:') for m in meanings)
    dock.unload()


def test_the_search_bar_resolves_any_code_type(iface, register):
    from qgis.core import QgsFeedback, QgsLocatorContext
    from spatial_planning_monitor.ui.code_lookup import CodeLocatorFilter
    from spatial_planning_monitor.ui.code_lookup_city import load
    path, codes = register
    load(path, 'register')
    for code_type, (_, typed) in CODES.items():
        locator, found = CodeLocatorFilter(iface), []
        locator.resultFetched.connect(found.append)
        locator.prepare(typed, QgsLocatorContext())
        locator.fetchResults(typed, QgsLocatorContext(), QgsFeedback())
        city = [r for r in found if str(r.userData).startswith('city|')]
        assert [r.displayString for r in city] == ['City code {} (building, active)'.format(codes[0])], code_type
        locator.triggerResult(city[0])
        assert iface.mapCanvas().extent().width() < 100
