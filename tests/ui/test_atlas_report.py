"""The menu command that builds the district report layout in the current project.

Uses the two-district city of tests/indicator_city.py, whose 开发强度 is known by hand
(甲区 21 %, 乙区 46 %); the indicator TABLE comes from core, as in the dock tests.
"""

from pathlib import Path

import pytest

import indicator_city
from spatial_planning_monitor.core.errors import InputError
from spatial_planning_monitor.core.reports.scales import round_scale
from spatial_planning_monitor.core.indicators import MeasureTable, evaluate, load_definitions


def _layers(with_violations=True):
    """The city's report layers, with the fields of what makes them (a 用地用海 code on the plan,
    spm:control_lines' fields on the violations), and unrelated layers listed first, as a
    desktop project holds them: coded buildings and townships (polygons), risk points."""
    from spatial_planning_monitor.bridge import frames
    f = indicator_city.frames()
    indicators, _ = load_definitions()
    result = evaluate(indicators, MeasureTable(indicator_city.inputs()), keys=f['districts'].adcode)
    plan = f['landuse_current'].assign(YDYHDM=f['landuse_current'].DLBM.str[:4])
    violations = f['eco_redline'].assign(VTYPE='RED_CONST', VNAME='生态保护红线内建设用地',
                                         AREA_M2=f['eco_redline'].area)
    buildings = f['buildings'].assign(BLD_CODE=['35030200120240001', '35030200120240002'])
    townships = f['districts'].assign(adcode=[f['districts'].adcode.iloc[0]] * 2,
                                      name=['甲街道', '乙街道'])
    layers = {
        'buildings': frames.frame_to_layer(buildings, 'Coded buildings'),
        'townships': frames.frame_to_layer(townships, 'townships'),
        'risk': frames.frame_to_layer(f['risk_points'], 'risk_points'),
        'districts': frames.frame_to_layer(f['districts'], 'districts'),
        'landuse': frames.frame_to_layer(plan, 'landuse_plan'),
        'table': frames.frame_to_layer(result.long, 'indicator_table'),
    }
    if with_violations:
        layers['violations'] = frames.frame_to_layer(violations, 'violations')
    return layers


@pytest.fixture
def city(qgis_app, qgis_new_project, tmp_path):
    """The city's layers in the current project."""
    from qgis.core import QgsProject
    layers = _layers()
    QgsProject.instance().addMapLayers(list(layers.values()))
    QgsProject.instance().setFileName(str(tmp_path / 'city.qgz'))
    return layers


def test_menu_command_builds_the_atlas_layout(iface, city, monkeypatch, tmp_path):
    from qgis.PyQt.QtWidgets import QDialog
    from qgis.core import QgsExpressionContextUtils, QgsLayoutItemLabel, QgsProject
    from spatial_planning_monitor.layers import report_layout
    from spatial_planning_monitor.ui import atlas_report
    opened, messages = [], []
    monkeypatch.setattr(atlas_report.ReportLayoutDialog, 'exec', lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(iface, 'openLayoutDesigner', opened.append, raising=False)
    monkeypatch.setattr(iface.messageBar(), 'pushMessage',
                        lambda title, text, *args: messages.append(text))
    renderer = city['districts'].renderer().dump()

    layout = atlas_report.build_report_layout(iface)

    assert opened == [layout]
    assert len(messages) == 1 and '(2 pages)' in messages[0], messages
    # the sources line names the data sets, not the layers' internal names
    sources = QgsExpressionContextUtils.layoutScope(layout).variable('spm_sources')
    assert sources == ('国土空间规划用地用海布局、三线管控冲突图斑（spm:control_lines 计算）、'
                       '区县行政区划、城市体检指标表（spm:indicators 计算）')
    for internal in ('landuse_plan', 'violations', 'districts', 'indicator_table'):
        assert f'（{internal}）' not in sources
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
        # a round scale, and the overview shows the whole of the main map's frame
        assert main.scale() == pytest.approx(round_scale(main.scale()))
        assert overview.extent().contains(main.extent()), page
        assert title.currentText().startswith(f'{name}国土空间规划实施监测报告（')
        table.refreshAttributes()
        rows = table.contents()
        assert len(rows) == len(load_definitions()[0])
        assert any(r[0] == '开发强度' and r[1] == intensity for r in rows), rows[:5]
    atlas.endRender()


def test_dialog_picks_layers_by_their_fields_never_an_unrelated_one(qgis_app, qgis_new_project):
    """Coded buildings (polygons) are not control-line violations, townships that share the
    district codes are not the districts, risk points are not sensors."""
    from qgis.core import QgsProject
    from spatial_planning_monitor.ui.atlas_report import ReportLayoutDialog, guess_layers
    layers = _layers(with_violations=False)
    QgsProject.instance().addMapLayers(list(layers.values()))
    found = guess_layers(list(layers.values()))
    assert found['violations'] is None and found['sensors'] is None and found['carbon'] is None
    assert found['districts'] is layers['districts']
    assert found['landuse'] is layers['landuse'] and found['indicators'] is layers['table']
    dialog = ReportLayoutDialog()
    assert dialog.violations.currentLayer() is None
    assert dialog.districts.currentLayer() is layers['districts']
    assert dialog.name_field.currentField() == 'name'
    with pytest.raises(InputError, match='control-line violations.*spm:control_lines'):
        dialog.build(QgsProject.instance())
    # once spm:control_lines' output is in the project, it is the one picked
    violations = _layers()['violations']
    QgsProject.instance().addMapLayer(violations)
    assert guess_layers(QgsProject.instance().mapLayers().values())['violations'] is violations


def test_dialog_refuses_a_table_that_matches_no_district(iface, city):
    from qgis.core import QgsProject
    from spatial_planning_monitor.ui.atlas_report import ReportLayoutDialog
    dialog = ReportLayoutDialog()
    dialog.indicators.setLayer(city['landuse'])
    layouts = len(QgsProject.instance().layoutManager().layouts())
    layers = len(QgsProject.instance().mapLayers())
    with pytest.raises(InputError, match='no field “DISTRICT”'):
        dialog.build(QgsProject.instance())
    assert len(QgsProject.instance().layoutManager().layouts()) == layouts
    assert len(QgsProject.instance().mapLayers()) == layers
