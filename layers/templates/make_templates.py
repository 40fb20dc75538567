"""Regenerate the shipped district report templates (district_report_a3.qpt, summary_a4.qpt).

The templates are data: open them in QGIS's layout designer (Project > Import layout from template)
to change them, or edit this script and run it again:

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 layers/templates/make_templates.py

Items that layers/report_layout.py re-points carry ids (main_map, overview_map, legend,
indicator_table, indicator_chart); texts reach the data through layout variables (@spm_year,
@spm_sources, @spm_key_field, @spm_indicator_layer, @spm_chart_dir) and atlas variables, so the
templates name no layer and no field. Text is Chinese, in Noto Sans CJK SC (fonts-noto-cjk).
"""

import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def _import_plugin():
    """Make ``spatial_planning_monitor`` importable (scripts/devenv.py)."""
    sys.path.insert(0, str(ROOT / 'scripts'))
    from devenv import link_plugin
    link_plugin()
    os.environ.setdefault('QT_HASH_SEED', '0')  # Qt writes XML attributes in hash order


# The report's own words, carried by the template (custom property spm/labels).
LABELS = {
    'layer_districts': '行政区界',
    'layer_city': '全市区县',
    'layer_landuse': '国土空间规划用地',
    'layer_violations': '三线管控冲突图斑',
    'layer_carbon': '碳排放网格',
    'layer_sensors': '感知终端',
    'layer_indicators': '城市体检指标',
    'rule_current': '本区（县）',
    'rule_other': '其他区（县）',
    'district': '本区（按状态着色）',
    'city': '全市各区均值',
    'range': '全市各区范围',
    'target': '目标值',
    'empty': '本区暂无可计算的指标',
    'layer_balance': '耕地进出平衡与新增建设用地',
    'farmland_out': '耕地流出',
    'farmland_in': '耕地流入',
    'farmland_net': '耕地净增减',
    'construction_inside': '新增建设用地（城镇开发边界内）',
    'construction_outside': '新增建设用地（城镇开发边界外）',
}

TITLE = '[% @atlas_pagename %]国土空间规划实施监测报告（[% @spm_year %]年度）'
_COUNT = ("[% coalesce(map_get(map_get(json_to_map(@spm_status_counts), to_string(@atlas_featureid)), "
          "'{s}'), 0) %]")
SUMMARY = ('监测年度：[% @spm_year %]年　　本区指标：超标 ' + _COUNT.format(s='超标') + ' 项，预警 '
           + _COUNT.format(s='预警') + ' 项，正常 ' + _COUNT.format(s='正常') + ' 项')
SOURCES = ('数据来源：[% @spm_sources %]\n'
           '分类标准：《国土空间调查、规划、用途管制用地用海分类指南》（2023年版）；'
           '指标体系：TD/T 1063-2021《国土空间规划城市体检评估规程》\n'
           "坐标系：2000国家大地坐标系（[% map_get(item_variables('main_map'), 'map_crs_description') %]，"
           "[% map_get(item_variables('main_map'), 'map_crs') %]）；经纬网：2000国家大地坐标系地理坐标（EPSG:4490）")
SCALE = "比例尺 1:[% format_number(map_get(item_variables('main_map'), 'map_scale'), 0) %]"
DATE = "制图日期：[% format_date(now(), 'yyyy年M月d日') %]　　国土空间规划实施监测（Spatial Planning Monitor）"
# a file of its own per district says 第 1 页 / 共 1 页 (the export sets @spm_page_number/_count)
PAGE = ('第 [% coalesce(@spm_page_number, @atlas_featurenumber) %] 页 / '
        '共 [% coalesce(@spm_page_count, @atlas_totalfeatures) %] 页')
# graticule labels in the Chinese way (东经119°26′, 北纬25°10′), to the minute
GRID_LABEL = ("with_variable('m', round(abs(@grid_number) * 60), "
              "if(@grid_axis = 'x', if(@grid_number >= 0, '东经', '西经'), "
              "if(@grid_number >= 0, '北纬', '南纬')) || floor(@m / 60) || '°' || "
              "lpad(to_string(@m % 60), 2, '0') || '′')")

# (heading, field or expression, share of the table width, alignment) of the indicator table
# columns; plain field names (not "quoted") so that the STATUS cells take the conditional styles
def _number(field):
    """Two decimals, none for a whole count (3 个, as core/reports/chart.py prints it)."""
    from spatial_planning_monitor.core.reports.chart import COUNT_UNITS
    units = ', '.join(f"'{u}'" for u in COUNT_UNITS)
    return (f'format_number("{field}", if("UNIT" IN ({units}) AND "{field}" = round("{field}"), '
            f'0, 2))')


# (heading, field, share, alignment) of the balance table (耕地进出平衡, 新增建设用地)
BALANCE_COLUMNS = (
    ('项目', 'ITEM', 0.68, 'left'),
    ('面积（公顷）', 'HA', 0.32, 'right'),
)

TABLE_COLUMNS = (
    ('指标', None, 0.40, 'left'),
    ('数值', lambda: _number('VALUE'), 0.19, 'right'),
    ('单位', 'UNIT', 0.15, 'center'),
    ('目标', lambda: f"coalesce({_number('TARGET')}, '')", 0.14, 'right'),
    ('状态', 'STATUS', 0.12, 'center'),
)


def main():
    os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')
    _import_plugin()
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    for name, spec in (('district_report_a3', A3), ('summary_a4', A4)):
        path = HERE / f'{name}.qpt'
        write(spec(), path)
        print(path)
    app.exitQgis()


# --- building blocks -------------------------------------------------------------------------

def _font(size, bold=False):
    from qgis.PyQt.QtGui import QFont
    from spatial_planning_monitor.core.reports.fonts import FAMILY
    font = QFont(FAMILY)
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _text_format(size, bold=False, colour='#202020'):
    from qgis.PyQt.QtGui import QColor
    from qgis.core import QgsTextFormat
    from spatial_planning_monitor.compat import RenderUnit
    text_format = QgsTextFormat()
    text_format.setFont(_font(size, bold))
    text_format.setSize(size)
    text_format.setSizeUnit(RenderUnit.Points)
    text_format.setColor(QColor(colour))
    return text_format


def _place(item, x, y, w, h):
    from qgis.core import QgsLayoutPoint, QgsLayoutSize
    from spatial_planning_monitor.compat import LayoutUnit
    item.attemptMove(QgsLayoutPoint(x, y, LayoutUnit.Millimeters))
    item.attemptResize(QgsLayoutSize(w, h, LayoutUnit.Millimeters))


def label(layout, text, rect, size=8, bold=False, align='left', item_id='', colour='#202020'):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor
    from qgis.core import QgsLayoutItemLabel
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    item.setFont(_font(size, bold))
    item.setFontColor(QColor(colour))
    item.setHAlign({'left': Qt.AlignmentFlag.AlignLeft, 'center': Qt.AlignmentFlag.AlignHCenter, 'right': Qt.AlignmentFlag.AlignRight}[align])
    item.setVAlign(Qt.AlignmentFlag.AlignVCenter)
    item.setMarginX(0.5)
    item.setMarginY(0.2)
    if item_id:
        item.setId(item_id)
    layout.addLayoutItem(item)
    _place(item, *rect)
    return item


def rule(layout, rect, colour='#8b0000'):
    """A filled bar (title underline, section marker)."""
    from qgis.core import QgsFillSymbol, QgsLayoutItemShape
    shape = QgsLayoutItemShape(layout)
    shape.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    shape.setSymbol(QgsFillSymbol.createSimple({'color': colour, 'outline_style': 'no'}))
    layout.addLayoutItem(shape)
    _place(shape, *rect)
    return shape


def section(layout, text, x, y, w, size=9, item_id=''):
    """A section heading with a marker bar and a thin rule under it (ids ``item_id``,
    ``item_id``_bar, ``item_id``_rule when given)."""
    items = (rule(layout, (x, y + 0.6, 1.2, 4.2)),
             label(layout, text, (x + 2, y, w - 2, 5.4), size=size, bold=True),
             rule(layout, (x, y + 5.6, w, 0.25), colour='#9a9a9a'))
    if item_id:
        for item, suffix in zip(items, ('_bar', '', '_rule')):
            item.setId(item_id + suffix)


def main_map(layout, rect, annotation_size=6):
    from qgis.PyQt.QtGui import QColor
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsLayoutItemMap,
        QgsLayoutItemMapGrid,
        QgsLayoutMeasurement,
    )
    from spatial_planning_monitor.compat import LayoutUnit
    item = QgsLayoutItemMap(layout)
    item.setId('main_map')
    item.setFrameEnabled(True)
    item.setFrameStrokeWidth(QgsLayoutMeasurement(0.4, LayoutUnit.Millimeters))
    layout.addLayoutItem(item)
    _place(item, *rect)
    grid = QgsLayoutItemMapGrid('CGCS2000', item)
    grid.setCrs(QgsCoordinateReferenceSystem('EPSG:4490'))
    grid.setUnits(QgsLayoutItemMapGrid.GridUnit.DynamicPageSizeBased)
    grid.setMinimumIntervalWidth(35)
    grid.setMaximumIntervalWidth(70)
    grid.setStyle(QgsLayoutItemMapGrid.GridStyle.Solid)
    grid.setGridLineColor(QColor(90, 90, 90, 110))
    grid.setGridLineWidth(0.15)
    grid.setFrameStyle(QgsLayoutItemMapGrid.FrameStyle.Zebra)
    grid.setFrameWidth(1.2)
    grid.setAnnotationEnabled(True)
    grid.setAnnotationFormat(QgsLayoutItemMapGrid.AnnotationFormat.CustomFormat)
    grid.setAnnotationExpression(GRID_LABEL)
    grid.setAnnotationTextFormat(_text_format(annotation_size))
    grid.setAnnotationFrameDistance(0.8)
    # longitudes along the top and bottom, latitudes along the sides (the projected map turns the
    # graticule slightly, so both would otherwise meet at the corners)
    for side in (QgsLayoutItemMapGrid.BorderSide.Left, QgsLayoutItemMapGrid.BorderSide.Right,
                 QgsLayoutItemMapGrid.BorderSide.Top, QgsLayoutItemMapGrid.BorderSide.Bottom):
        vertical = side in (QgsLayoutItemMapGrid.BorderSide.Left, QgsLayoutItemMapGrid.BorderSide.Right)
        display = QgsLayoutItemMapGrid.DisplayMode.LatitudeOnly if vertical else QgsLayoutItemMapGrid.DisplayMode.LongitudeOnly
        grid.setAnnotationPosition(QgsLayoutItemMapGrid.AnnotationPosition.OutsideMapFrame, side)
        grid.setAnnotationDisplay(display, side)
        grid.setFrameDivisions(display, side)
        grid.setAnnotationDirection(QgsLayoutItemMapGrid.AnnotationDirection.Vertical if vertical
                                    else QgsLayoutItemMapGrid.AnnotationDirection.Horizontal, side)
    item.grids().addGrid(grid)
    return item


def overview_map(layout, rect):
    from qgis.core import QgsLayoutItemMap
    item = QgsLayoutItemMap(layout)
    item.setId('overview_map')
    item.setFrameEnabled(True)
    layout.addLayoutItem(item)
    _place(item, *rect)
    return item


def north_arrow(layout, rect):
    from qgis.core import QgsApplication, QgsLayoutItemPicture
    item = QgsLayoutItemPicture(layout)
    item.setId('north_arrow')
    path = next((os.path.join(d, 'arrows', 'NorthArrow_02.svg') for d in QgsApplication.svgPaths()
                 if os.path.exists(os.path.join(d, 'arrows', 'NorthArrow_02.svg'))), '')
    item.setPicturePath(path, QgsLayoutItemPicture.Format.FormatSVG)
    item.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    item.setBackgroundEnabled(False)
    layout.addLayoutItem(item)
    _place(item, *rect)
    item.setLinkedMap(layout.itemById('main_map'))
    return item


def scale_bar(layout, rect, size=7):
    from qgis.core import QgsLayoutItemScaleBar, QgsScaleBarSettings
    from spatial_planning_monitor.compat import DistanceUnit
    item = QgsLayoutItemScaleBar(layout)
    item.setId('scale_bar')
    item.setStyle('Single Box')
    item.setLinkedMap(layout.itemById('main_map'))
    item.setUnits(DistanceUnit.Kilometers)
    item.setUnitLabel('千米')
    item.setNumberOfSegments(4)
    item.setNumberOfSegmentsLeft(0)
    item.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)
    # a wide range lets QGIS pick a round segment length (1, 2 or 5 × 10ⁿ km)
    item.setMinimumBarWidth(rect[2] * 0.3)
    item.setMaximumBarWidth(rect[2] * 0.9)
    item.setHeight(2.0)
    item.setTextFormat(_text_format(size))
    layout.addLayoutItem(item)
    _place(item, *rect)
    return item


def legend(layout, rect, columns=1, size=7, symbol=(6, 3.5), spacing=0.8):
    from qgis.core import QgsLayoutItemLegend, QgsLegendStyle
    item = QgsLayoutItemLegend(layout)
    item.setId('legend')
    item.setTitle('')
    item.setColumnCount(columns)
    item.setSplitLayer(True)
    item.setEqualColumnWidth(False)
    item.setResizeToContents(False)
    item.setSymbolWidth(symbol[0])
    item.setSymbolHeight(symbol[1])
    item.setStyleFont(QgsLegendStyle.Style.Title, _font(size + 2, True))
    item.setStyleFont(QgsLegendStyle.Style.Group, _font(size + 1, True))
    item.setStyleFont(QgsLegendStyle.Style.Subgroup, _font(size, True))
    item.setStyleFont(QgsLegendStyle.Style.SymbolLabel, _font(size))
    item.rstyle(QgsLegendStyle.Style.Subgroup).setMargin(QgsLegendStyle.Side.Top, 1.5)
    item.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Top, spacing)
    item.rstyle(QgsLegendStyle.Style.SymbolLabel).setMargin(QgsLegendStyle.Side.Top, spacing)
    layout.addLayoutItem(item)
    _place(item, *rect)
    return item


def name_lines(chars):
    """Expression breaking long indicator names after ``chars`` characters: QGIS wraps table
    text only at spaces, and Chinese has none."""
    return (f'if(length("IND_NAME") > {chars}, left("IND_NAME", {chars}) || \'\\n\' || '
            f'substr("IND_NAME", {chars + 1}), "IND_NAME")')


def balance_table(layout, rect, size=7):
    """The frame ``balance_table``: the atlas district's rows of the balance table."""
    table = indicator_table(layout, rect, size, BALANCE_COLUMNS, 'balance_table')
    table.setUseConditionalStyling(False)
    table.setEmptyTableMessage('—')
    return table


def indicator_table(layout, rect, size=7, spec=TABLE_COLUMNS, item_id='indicator_table'):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor
    from qgis.core import (QgsLayoutFrame, QgsLayoutItemAttributeTable, QgsLayoutMultiFrame,
                           QgsLayoutTable, QgsLayoutTableColumn)
    table = QgsLayoutItemAttributeTable.create(layout)
    layout.addMultiFrame(table)
    columns = []
    for heading, expression, share, align in spec:
        column = QgsLayoutTableColumn(heading)
        width = rect[2] * share - 2.2
        if callable(expression):
            expression = expression()
        column.setAttribute(expression or name_lines(int(width / (size * 0.3528 * 1.02))))
        column.setWidth(width)
        column.setHAlignment({'left': Qt.AlignmentFlag.AlignLeft, 'right': Qt.AlignmentFlag.AlignRight,
                              'center': Qt.AlignmentFlag.AlignHCenter}[align])
        columns.append(column)
    table.setColumns(columns)
    table.setHeaderTextFormat(_text_format(size, True))
    table.setContentTextFormat(_text_format(size))
    table.setHeaderHAlignment(QgsLayoutTable.HeaderHAlignment.HeaderCenter)
    table.setCellMargin(0.25)
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor('#8c8c8c'))
    table.setMaximumNumberOfFeatures(60)
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
    table.setEmptyTableBehavior(QgsLayoutTable.EmptyTableMode.ShowMessage)
    table.setEmptyTableMessage('本区无指标数据')
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setUseConditionalStyling(True)
    frame = QgsLayoutFrame(layout, table)
    frame.setId(item_id)
    _place(frame, *rect)
    table.addFrame(frame)
    return table


def chart(layout, rect):
    from qgis.core import QgsLayoutItemPicture
    item = QgsLayoutItemPicture(layout)
    item.setId('indicator_chart')
    item.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    item.setPictureAnchor(QgsLayoutItemPicture.ReferencePoint.UpperLeft)
    layout.addLayoutItem(item)
    _place(item, *rect)
    return item


def new_layout(name, page_size, landscape):
    from qgis.core import QgsLayoutItemPage, QgsPrintLayout, QgsProject
    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    layout.setName(name)
    layout.pageCollection().page(0).setPageSize(
        page_size, QgsLayoutItemPage.Orientation.Landscape if landscape else QgsLayoutItemPage.Orientation.Portrait)
    layout.setCustomProperty('spm/labels', json.dumps(LABELS, ensure_ascii=False))
    from qgis.core import QgsExpressionContextUtils
    for key, value in (('spm_year', ''), ('spm_sources', ''), ('spm_key_field', ''),
                       ('spm_indicator_layer', ''), ('spm_chart_dir', ''), ('spm_status_counts', '{}'),
                       ('spm_map_scales', '{}')):
        QgsExpressionContextUtils.setLayoutVariable(layout, key, value)
    return layout


def write(layout, path):
    from qgis.core import QgsReadWriteContext
    tmp = path.with_suffix('.qpt.tmp')
    if not layout.saveAsTemplate(str(tmp), QgsReadWriteContext()):
        raise RuntimeError(f'could not write {tmp}')
    os.replace(tmp, path)


# --- the two templates -----------------------------------------------------------------------

def A3():  # noqa: N802 (paper size)
    """A3 landscape (420 × 297 mm): map left; overview and legend; indicators table and chart."""
    layout = new_layout('区县国土空间规划实施监测报告（A3）', 'A3', landscape=True)
    label(layout, TITLE, (10, 6, 400, 11), size=20, bold=True, item_id='title', colour='#7a0000')
    label(layout, SUMMARY, (10, 17.5, 400, 6), size=9, item_id='subtitle')
    rule(layout, (10, 24.2, 400, 0.7))
    main_map(layout, (18, 32, 198, 214))
    north_arrow(layout, (203, 35, 10, 15))
    scale_bar(layout, (18, 254, 74, 11))
    label(layout, SCALE, (100, 255, 116, 6), size=8, align='right', item_id='scale_text')
    section(layout, '区位图', 228, 27, 88)
    overview_map(layout, (228, 34, 88, 72))
    section(layout, '图例', 228, 109, 88)
    legend(layout, (228, 116, 88, 134), columns=2, size=6.5)
    section(layout, '主要监测指标', 322, 27, 88)
    indicator_table(layout, (322, 34, 88, 134), size=6.5)
    section(layout, '指标对比：本区与全市各区', 322, 170, 88)
    chart(layout, (322, 177, 88, 40))
    section(layout, '耕地进出平衡与新增建设用地', 322, 213, 88, item_id='balance_title')
    balance_table(layout, (322, 220, 88, 32), size=6.5)
    rule(layout, (228, 253, 182, 0.25), colour='#9a9a9a')
    label(layout, SOURCES, (228, 254, 182, 18), size=6, item_id='sources')
    rule(layout, (10, 282, 400, 0.5))
    label(layout, DATE, (10, 283.5, 300, 6), size=8, item_id='date')
    label(layout, PAGE, (310, 283.5, 100, 6), size=8, align='right', item_id='page_number')
    return layout


def A4():  # noqa: N802 (paper size)
    """A4 portrait (210 × 297 mm) summary: map and overview above, table and chart below."""
    layout = new_layout('区县监测摘要（A4）', 'A4', landscape=False)
    label(layout, TITLE, (10, 6, 190, 9), size=14, bold=True, item_id='title', colour='#7a0000')
    label(layout, SUMMARY, (10, 15, 190, 5), size=7.5, item_id='subtitle')
    rule(layout, (10, 21, 190, 0.6))
    main_map(layout, (16, 28, 110, 118), annotation_size=5)
    north_arrow(layout, (114, 30, 8, 12))
    scale_bar(layout, (16, 152, 60, 9), size=6)
    label(layout, SCALE, (78, 153, 48, 5), size=7, align='right', item_id='scale_text')
    section(layout, '区位图', 132, 24, 68, size=8)
    overview_map(layout, (132, 31, 68, 50))
    section(layout, '图例', 132, 84, 68, size=8)
    legend(layout, (132, 91, 68, 70), columns=2, size=5, symbol=(4.5, 2.2), spacing=0.35)
    section(layout, '主要监测指标', 10, 163, 104, size=8)
    indicator_table(layout, (10, 170, 104, 104), size=6)
    section(layout, '指标对比：本区与全市各区', 118, 163, 82, size=8)
    chart(layout, (118, 170, 82, 104))
    rule(layout, (10, 276, 190, 0.25), colour='#9a9a9a')
    label(layout, SOURCES, (10, 276.5, 190, 12), size=5.5, item_id='sources')
    label(layout, DATE, (10, 289, 140, 5), size=6.5, item_id='date')
    label(layout, PAGE, (150, 289, 50, 5), size=6.5, align='right', item_id='page_number')
    return layout


if __name__ == '__main__':
    main()
