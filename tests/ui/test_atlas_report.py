"""The menu command that builds the district report layout in the current project.

Uses the two-district city of tests/indicator_city.py, whose 开发强度 is known by hand
(甲区 21 %, 乙区 46 %); the indicator TABLE comes from core, as in the dock tests.
"""

from pathlib import Path

import pytest

import indicator_city
from spatial_planning_monitor.core.indicators import MeasureTable, evaluate, load_definitions


@pytest.fixture
def city(qgis_app, qgis_new_project, tmp_path):
    """The city's layers in the current project, named as the dialog guesses them."""
    from qgis.core import QgsProject
    from spatial_planning_monitor.bridge import frames
    f = indicator_city.frames()
    indicators, _ = load_definitions()
    result = evaluate(indicators, MeasureTable(indicator_city.inputs()), keys=f['districts'].adcode)
    layers = {
        'districts': frames.frame_to_layer(f['districts'], 'districts'),
        'landuse': frames.frame_to_layer(f['landuse_current'], 'landuse_plan'),
        'violations': frames.frame_to_layer(f['eco_redline'], 'violations'),
        'table': frames.frame_to_layer(result.long, 'indicator_table'),
    }
    QgsProject.instance().addMapLayers(list(layers.values()))
    QgsProject.instance().setFileName(str(tmp_path / 'city.qgz'))
    return layers


def test_menu_command_builds_the_atlas_layout(iface, city, monkeypatch, tmp_path):
    from qgis.PyQt.QtWidgets import QDialog
    from qgis.core import QgsLayoutItemLabel, QgsProject
    from spatial_planning_monitor.layers import report_layout
    from spatial_planning_monitor.ui import atlas_report
    opened = []
    monkeypatch.setattr(atlas_report.ReportLayoutDialog, 'exec_', lambda self: QDialog.Accepted)
    monkeypatch.setattr(iface, 'openLayoutDesigner', opened.append, raising=False)
    renderer = city['districts'].renderer().dump()

    layout = atlas_report.build_report_layout(iface)

    assert opened == [layout]
    assert QgsProject.instance().layoutManager().layoutByName(layout.name()) is layout
    atlas = layout.atlas()
    assert atlas.enabled() and atlas.updateFeatures() == 2
    assert atlas.coverageLayer().name() == '行政区界'
    assert atlas.coverageLayer() is not city['districts']          # a clone, restyled
    assert city['districts'].renderer().dump() == renderer          # the user's layer unchanged
    assert city['table'].conditionalStyles().fieldStyles('STATUS') == []
    main, overview = report_layout.maps_of(layout)
    assert [l.name() for l in main.layers()] == ['行政区界', '三线管控冲突图斑', '国土空间规划用地']
    assert [l.name() for l in overview.layers()] == ['全市区县']

    # charts are written beside the saved project, one per district, with the hand values
    folder = tmp_path / 'spm_report_charts'
    charts = sorted(folder.rglob('chart_*.svg'))
    assert len(charts) == 2
    texts = {}
    for feature in atlas.coverageLayer().getFeatures():
        path = report_layout.chart_file(str(charts[0].parent), feature.id())
        texts[feature['name']] = Path(path).read_text(encoding='utf-8')
    assert '21.00 %' in texts['甲区'] and '46.00 %' in texts['乙区']

    # page by page: the title, the summary and the table follow the atlas district
    title = layout.itemById('title')
    table = report_layout.indicator_table(layout)
    assert isinstance(title, QgsLayoutItemLabel)
    atlas.beginRender()
    for page, (name, intensity) in enumerate((('甲区', '21.00'), ('乙区', '46.00'))):
        atlas.seekTo(page)
        assert title.currentText().startswith(f'{name}国土空间规划实施监测报告（')
        table.refreshAttributes()
        rows = table.contents()
        assert len(rows) == len(load_definitions()[0])
        assert any(r[0] == '开发强度' and r[1] == intensity for r in rows), rows[:5]
    atlas.endRender()


def test_dialog_refuses_a_table_that_matches_no_district(iface, city):
    from qgis.core import QgsProject
    from spatial_planning_monitor.core.errors import InputError
    from spatial_planning_monitor.ui.atlas_report import ReportLayoutDialog
    dialog = ReportLayoutDialog()
    dialog.indicators.setLayer(city['landuse'])
    layouts = len(QgsProject.instance().layoutManager().layouts())
    layers = len(QgsProject.instance().mapLayers())
    with pytest.raises(InputError, match='no field “DISTRICT”'):
        dialog.build(QgsProject.instance())
    assert len(QgsProject.instance().layoutManager().layouts()) == layouts
    assert len(QgsProject.instance().mapLayers()) == layers
