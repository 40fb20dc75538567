"""Build a district report layout: load a template (.qpt) and point it at the report's layers.

A template stores its layers by id, so a template loaded into another project shows nothing until
its items are re-pointed. The shipped templates (layers/templates/*.qpt, made by
layers/templates/make_templates.py) name their items; :func:`build` finds them by id and sets:

* the atlas: coverage = the districts layer, page name = the district name field;
* ``main_map`` (or, in a user's template, the largest map): planned land use, control-line
  violations, sensors, the atlas district outlined and the other districts faded; atlas-driven;
* ``overview_map`` (or another map): all districts with the atlas district highlighted, the carbon
  grid when given, and a frame showing the main map's extent;
* ``legend``: the main map's layers, filtered to what the page shows;
* the frame with id ``indicator_table``: the indicator table filtered to the atlas district, status
  cells coloured by conditional styles (正常/预警/超标);
* the frame with id ``balance_table``: 耕地进出平衡 and 新增建设用地 in / out of the urban
  development boundary of the atlas district (core/reports/balance.py); hidden, with the items
  ``balance_title*``, when neither table is given;
* ``indicator_chart``: a picture whose path is data-defined on the atlas feature
  (``@spm_chart_dir || '/chart_' || @atlas_featureid || '.svg'``), the charts written here.

Texts reach the data through layout variables (docs/atlas.md lists them): ``@spm_year``,
``@spm_sources``, ``@spm_key_field``, ``@spm_indicator_layer``, ``@spm_chart_dir``,
``@spm_status_counts`` (JSON: feature id -> counts of 超标/预警/正常; in QGIS 3.22 expressions
such as aggregate() cannot reach layers of a project other than QgsProject.instance()). The
report's own words (layer names in the legend, chart legend) come from the template's custom
property ``spm/labels``, so a template carries its language; English defaults go through
translate(). The layers themselves are made by report_layers.
"""

import json
import os
from dataclasses import dataclass
from pathlib import Path

from qgis.PyQt.QtGui import QFont, QFontDatabase
from qgis.PyQt.QtXml import QDomDocument
from qgis.core import (
    QgsExpressionContextUtils,
    QgsFillSymbol,
    QgsLayerTreeLayer,
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutObject,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProperty,
    QgsReadWriteContext,
    QgsRectangle,
    QgsVectorLayer,
)

from ..bridge import frames
from ..core.data import TEMPLATES_DIR
from ..core.errors import Canceled, InputError
from ..core.i18n import translate
from ..core.indicators.engine import district_key
from ..core.reports import balance, chart, fonts, scales, summary
from ..core.reports.keys import match_key_field
from .report_layers import (
    TABLE_FIELDS,
    add_layers,
    balance_layer,
    dataset_title,
    dataset_titles,
    require_field,
    source_name,
)

# item ids the shipped templates use (a user's template may use them too)
MAIN_MAP = 'main_map'
OVERVIEW_MAP = 'overview_map'
LEGEND = 'legend'
TABLE = 'indicator_table'
CHART = 'indicator_chart'
BALANCE = 'balance_table'
BALANCE_FILTER = '"FID" = @atlas_featureid'

SHIPPED = ('district_report_a3', 'summary_a4')
LABELS_PROPERTY = 'spm/labels'
CHART_PATH = "@spm_chart_dir || '/chart_' || @atlas_featureid || '.svg'"
MAP_SCALE = "map_get(json_to_map(@spm_map_scales), to_string(@atlas_featureid))"
TABLE_FILTER = 'to_string("DISTRICT") = to_string(attribute(@atlas_feature, @spm_key_field))'

def default_labels():
    """The report's words when a template does not carry them (interface language)."""
    return {
        'layer_districts': translate('spm', 'District boundary'),
        'layer_city': translate('spm', 'Districts of the city'),
        'layer_landuse': translate('spm', 'Planned land use'),
        'layer_violations': translate('spm', 'Control-line violations'),
        'layer_carbon': translate('spm', 'Carbon emission grid'),
        'layer_sensors': translate('spm', 'Sensors'),
        'layer_indicators': translate('spm', 'City indicators'),
        'rule_current': translate('spm', 'This district'),
        'rule_other': translate('spm', 'Other districts'),
        'district': translate('spm', 'This district (status colour)'),
        'city': translate('spm', 'Mean of the districts'),
        'range': translate('spm', 'Range of the districts'),
        'target': translate('spm', 'Target'),
        'empty': translate('spm', 'No indicator value for this district'),
        'layer_balance': translate('spm', 'Farmland balance and new construction land'),
        'farmland_out': translate('spm', 'Farmland lost (耕地流出)'),
        'farmland_in': translate('spm', 'Farmland gained (耕地流入)'),
        'farmland_net': translate('spm', 'Farmland net change (净增减)'),
        'construction_inside': translate('spm', 'New construction inside the boundary'),
        'construction_outside': translate('spm', 'New construction outside the boundary'),
    }


@dataclass
class ReportInputs:
    """What a report shows. Layers are the user's; :func:`build` adds clones to the project."""
    districts: QgsVectorLayer
    name_field: str
    landuse: QgsVectorLayer
    indicators: QgsVectorLayer
    key_field: str
    landuse_field: str = None      # 用地用海 code field, for the shipped land-use style
    violations: QgsVectorLayer = None
    carbon: object = None          # vector grid or raster
    sensors: QgsVectorLayer = None
    year: int = 0
    chart_dir: str = ''
    farmland_balance: QgsVectorLayer = None   # spm:farmland_balance SUMMARY
    new_construction: QgsVectorLayer = None   # spm:landuse_change NEW_CONSTRUCTION


# --- inputs ----------------------------------------------------------------------------------

def check_inputs(districts, name_field, indicators):
    """Check the districts and the indicator table; return (key field, districts without rows).

    Raises InputError naming the layer and field: no district, no name field, an indicator table
    without the fields of spm:indicators' TABLE, or no district of the table found in the layer.
    """
    require_field(districts, name_field, translate('spm', 'district name'))
    if not any(True for _ in districts.getFeatures()):
        raise InputError(translate(
            'spm', 'Layer “{layer}” has no features: there is no district to print.').format(
                layer=source_name(districts)))
    for name in TABLE_FIELDS:
        require_field(indicators, name, translate('spm', 'indicator table of spm:indicators'))
    attributes = frames.source_to_frame(districts, with_geometry=False)
    keys = frames.source_to_frame(indicators, ['DISTRICT'], with_geometry=False)['DISTRICT']
    return match_key_field({name: list(attributes[name]) for name in attributes.columns}, list(keys),
                           prefer=name_field, layer=source_name(districts),
                           table=source_name(indicators))


# --- templates -------------------------------------------------------------------------------

def template_path(template):
    """The .qpt file of ``template``: a shipped name (``summary_a4``) or a path to a .qpt."""
    text = str(template or '').strip()
    if not text:
        text = SHIPPED[0]
    name = text[:-4] if text.lower().endswith('.qpt') else text
    if name in SHIPPED:
        return Path(TEMPLATES_DIR) / f'{name}.qpt'
    path = Path(text).expanduser()
    if not path.is_file():
        raise InputError(translate(
            'spm', 'Template “{template}” is neither a shipped template ({names}) nor an existing '
                   '.qpt file.').format(template=text, names=', '.join(SHIPPED)))
    return path


def read_template(path):
    """The template's XML document; InputError when it is not a QGIS layout template."""
    document = QDomDocument()
    try:
        with open(path, encoding='utf-8') as handle:
            content = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(translate('spm', 'Template “{path}” cannot be read: {error}').format(
            path=path, error=exc)) from exc
    ok = document.setContent(content)
    ok = ok[0] if isinstance(ok, tuple) else ok
    if not ok or document.documentElement().tagName() != 'Layout':
        raise InputError(translate(
            'spm', 'Template “{path}” is not a QGIS print layout template (.qpt).').format(path=path))
    return document


def load_layout(project, template):
    """A QgsPrintLayout of ``project`` loaded from ``template``; checked for a map item."""
    path = template_path(template)
    document = read_template(path)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise InputError(translate('spm', 'Template “{path}” could not be loaded.').format(path=path))
    maps = [item for item in items if isinstance(item, QgsLayoutItemMap)]
    if not maps:
        raise InputError(translate(
            'spm', 'Template “{path}” has no map item: a district report needs at least one map.'
        ).format(path=path))
    return layout


def labels_of(layout):
    """The template's report words (``spm/labels``) completed with the defaults."""
    labels = default_labels()
    raw = layout.customProperty(LABELS_PROPERTY, '')
    if raw:
        try:
            labels.update({k: str(v) for k, v in json.loads(raw).items()})
        except (ValueError, AttributeError):
            pass
    return labels


# --- items -----------------------------------------------------------------------------------

def _item(layout, item_id, kind):
    item = layout.itemById(item_id)
    return item if isinstance(item, kind) else None


def maps_of(layout):
    """(main map, overview map or None): by id, else the largest map and the next one."""
    maps = sorted((i for i in layout.items() if isinstance(i, QgsLayoutItemMap)),
                  key=lambda m: -m.rect().width() * m.rect().height())
    main = _item(layout, MAIN_MAP, QgsLayoutItemMap) or (maps[0] if maps else None)
    overview = _item(layout, OVERVIEW_MAP, QgsLayoutItemMap)
    if overview is None:
        overview = next((m for m in maps if m is not main), None)
    return main, overview


def indicator_table(layout):
    """The attribute table shown in the frame ``indicator_table`` (else the first one)."""
    frame = _item(layout, TABLE, QgsLayoutFrame)
    if frame is not None and isinstance(frame.multiFrame(), QgsLayoutItemAttributeTable):
        return frame.multiFrame()
    return next((m for m in layout.multiFrames() if isinstance(m, QgsLayoutItemAttributeTable)), None)


# --- fonts -----------------------------------------------------------------------------------

def font_family():
    """The CJK family to use here (the templates' family or an installed fallback)."""
    family = fonts.choose_family(QFontDatabase().families())
    if family is None:
        raise InputError(translate(
            'spm', 'No Chinese (CJK) font is installed, so Chinese text would print as boxes. '
                   'Install one, e.g. on Debian/Ubuntu: apt install fonts-noto-cjk.'))
    return family


def _swap(font, family):
    """``font`` in ``family`` when it names the templates' family, drawn without OpenType shaping
    (QFont.PreferNoShaping): shaped, Noto Sans CJK turns digits after Latin letters into glyphs
    without a code point, so "TD/T 1063-2021" would extract as "TD/T -". Chinese and Latin text
    need no shaping; scripts that do (Arabic, Indic) are still shaped by Qt."""
    font = QFont(font)
    if font.family() == fonts.FAMILY and family != fonts.FAMILY:
        font.setFamily(family)
    font.setStyleStrategy(font.styleStrategy() | QFont.StyleStrategy.PreferNoShaping)
    return font


def _swap_format(text_format, family):
    text_format.setFont(_swap(text_format.font(), family))
    return text_format


def apply_fonts(layout, family):
    """Every text of the layout unshaped, in ``family`` where it names the templates' family."""
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel):
            item.setFont(_swap(item.font(), family))
        elif isinstance(item, QgsLayoutItemScaleBar):
            item.setTextFormat(_swap_format(item.textFormat(), family))
        elif isinstance(item, QgsLayoutItemLegend):
            for style in (QgsLegendStyle.Style.Title, QgsLegendStyle.Style.Group, QgsLegendStyle.Style.Subgroup,
                          QgsLegendStyle.Style.SymbolLabel):
                item.setStyleFont(style, _swap(item.styleFont(style), family))
        elif isinstance(item, QgsLayoutItemMap):
            for grid in item.grids().asList():
                grid.setAnnotationTextFormat(_swap_format(grid.annotationTextFormat(), family))
    for multi in layout.multiFrames():
        if isinstance(multi, QgsLayoutItemAttributeTable):
            multi.setHeaderTextFormat(_swap_format(multi.headerTextFormat(), family))
            multi.setContentTextFormat(_swap_format(multi.contentTextFormat(), family))


# --- build -----------------------------------------------------------------------------------

def build(project, inputs, layout, layout_name=None, feedback=None):
    """Add the report layers to ``project`` and point every item of ``layout`` at them.

    ``layout``: from :func:`load_layout` (which checks the template before anything is added).
    Returns ``layout``, now in ``project.layoutManager()``, with its atlas enabled.
    """
    family = font_family()
    apply_fonts(layout, family)
    labels = labels_of(layout)
    main, overview = maps_of(layout)

    name = layout_name or project.layoutManager().generateUniqueTitle(QgsPrintLayout.Type.PrintLayout)
    group = project.layerTreeRoot().insertGroup(0, name)
    group.setItemVisibilityChecked(False)
    try:
        report_table = indicator_table(layout)
        font = report_table.contentTextFormat().font() if report_table is not None else QFont(family)
        layers = add_layers(project, group, inputs, labels, font)
        layout.setName(name)
        _set_variables(layout, inputs, layers, labels)
        _set_atlas(layout, layers['districts'], inputs.name_field)
        _set_main_map(main, layers)
        _set_round_scales(layout, main)
        if overview is not None:
            _set_overview(overview, main, layers, atlas_extent(layout, main))
        _set_legend(layout, main, layers)
        _set_table(layout, layers['indicators'])
        _set_chart(layout)
        _set_balance(layout, project, group, inputs, labels)
        counts = write_district_data(layers['districts'], layers['indicators'], inputs.key_field,
                                     inputs.chart_dir, labels, family, feedback)
    except BaseException:
        # leave the project as it was: no report layers without their layout
        project.removeMapLayers(group.findLayerIds())
        project.layerTreeRoot().removeChildNode(group)
        raise
    QgsExpressionContextUtils.setLayoutVariable(layout, 'spm_status_counts',
                                                json.dumps(counts, ensure_ascii=False))
    project.layoutManager().addLayout(layout)
    return layout


def sources_text(inputs, labels):
    """The data sources line: each shown layer's data set title (report_layers.dataset_title);
    a layer nothing names is listed by its report name and its own name."""
    roles = (('landuse', inputs.landuse), ('violations', inputs.violations),
             ('sensors', inputs.sensors), ('carbon', inputs.carbon), ('districts', inputs.districts),
             ('indicators', inputs.indicators))
    titles = dataset_titles()
    return '、'.join(dataset_title(layer, titles)
                    or '{}（{}）'.format(labels['layer_' + role], source_name(layer))
                    for role, layer in roles if layer is not None)


def _set_variables(layout, inputs, layers, labels):
    values = {
        'spm_year': str(inputs.year),
        'spm_sources': sources_text(inputs, labels),
        'spm_key_field': inputs.key_field,
        'spm_indicator_layer': layers['indicators'].id(),
        'spm_chart_dir': Path(inputs.chart_dir).as_posix(),
    }
    for key, value in values.items():
        QgsExpressionContextUtils.setLayoutVariable(layout, key, value)


def _set_atlas(layout, districts, name_field):
    atlas = layout.atlas()
    atlas.setCoverageLayer(districts)
    atlas.setPageNameExpression('"{}"'.format(name_field.replace('"', '""')))
    atlas.setFilenameExpression('@atlas_pagename')   # exports from the designer, one file each
    atlas.setHideCoverage(False)
    atlas.setEnabled(True)
    atlas.updateFeatures()   # count() is 0 until the features are read


def _set_main_map(main, layers):
    order = ['districts', 'sensors', 'violations', 'landuse']
    main.setLayers([layers[r] for r in order if r in layers])
    main.setKeepLayerSet(True)
    main.setAtlasDriven(True)
    main.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    main.setAtlasMargin(0.08)
    main.setCrs(layers['districts'].crs())
    _zoom(main, layers['districts'].extent())


def _zoom(item, extent):
    """Show ``extent`` in a map item without resizing the item (setExtent would, to fit it)."""
    width, height = item.rect().width(), item.rect().height()
    if width <= 0 or height <= 0 or extent.isEmpty():
        return
    grown = QgsRectangle(extent)
    if extent.width() / extent.height() > width / height:
        half = extent.width() * height / width / 2
        grown.setYMinimum(extent.center().y() - half)
        grown.setYMaximum(extent.center().y() + half)
    else:
        half = extent.height() * width / height / 2
        grown.setXMinimum(extent.center().x() - half)
        grown.setXMaximum(extent.center().x() + half)
    item.setExtent(grown)


def _each_page(layout):
    """Iterate the atlas (no drawing): yields the feature id of each page, in page order."""
    atlas = layout.atlas()
    if not atlas.beginRender():
        return
    try:
        for page in range(atlas.count()):
            atlas.seekTo(page)
            yield layout.reportContext().feature().id()
    finally:
        atlas.endRender()


def _set_round_scales(layout, main):
    """The main map at a round scale on every page: the scale QGIS picks to fit the district with
    its margin, rounded up (core/reports/scales.py), through a data-defined scale reading the
    layout variable ``@spm_map_scales`` (JSON: feature id -> scale)."""
    main.dataDefinedProperties().setProperty(QgsLayoutObject.DataDefinedProperty.MapScale, QgsProperty())
    rounded = {str(fid): scales.round_scale(main.scale()) for fid in _each_page(layout)}
    QgsExpressionContextUtils.setLayoutVariable(layout, 'spm_map_scales', json.dumps(rounded))
    main.dataDefinedProperties().setProperty(QgsLayoutObject.DataDefinedProperty.MapScale,
                                             QgsProperty.fromExpression(MAP_SCALE))


def atlas_extent(layout, main):
    """The union of the main map's extents over the atlas pages (what the overview must show)."""
    extent = QgsRectangle()
    extent.setMinimal()
    for _ in _each_page(layout):
        extent.combineExtentWith(main.extent())
    return extent


def _set_overview(overview, main, layers, pages_extent=None):
    """The city on the overview, zoomed so that the main map's frame of every page is inside it."""
    order = ['city', 'carbon']
    overview.setLayers([layers[r] for r in order if r in layers])
    overview.setKeepLayerSet(True)
    overview.setAtlasDriven(False)
    overview.setCrs(layers['city'].crs())
    extent = layers['city'].extent()
    if pages_extent is not None and not pages_extent.isEmpty():
        extent.combineExtentWith(pages_extent)
    extent.scale(1.06)
    _zoom(overview, extent)
    frame = overview.overview()
    frame.setLinkedMap(main)
    frame.setEnabled(True)
    frame.setFrameSymbol(QgsFillSymbol.createSimple({
        'style': 'no', 'outline_color': '#1f4e9c', 'outline_width': '0.6'}))


def _set_legend(layout, main, layers):
    legend = _item(layout, LEGEND, QgsLayoutItemLegend)
    if legend is None:
        return
    legend.setLinkedMap(main)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.clear()
    for role in ('districts', 'sensors', 'violations', 'landuse'):
        if role in layers:
            root.addChildNode(QgsLayerTreeLayer(layers[role]))
    legend.setLegendFilterByMapEnabled(True)
    legend.setLegendFilterOutAtlas(True)     # only the classes inside the atlas district
    legend.updateLegend()


def _set_table(layout, table_layer):
    table = indicator_table(layout)
    if table is None:
        return
    table.setUseConditionalStyling(True)
    _point_table(table, table_layer, TABLE_FILTER)


def _point_table(table, layer, expression):
    """Show ``layer``'s rows passing ``expression`` in ``table``, keeping the template's columns."""
    columns = list(table.columns())   # copies: setVectorLayer() resets the columns
    table.setSource(QgsLayoutItemAttributeTable.ContentSource.LayerAttributes)
    table.setVectorLayer(layer)
    if columns:
        table.setColumns(columns)
    table.setFilterFeatures(True)
    table.setFeatureFilter(expression)
    table.refresh()


def _set_chart(layout):
    picture = _item(layout, CHART, QgsLayoutItemPicture)
    if picture is None:
        return
    picture.dataDefinedProperties().setProperty(
        QgsLayoutObject.DataDefinedProperty.PictureSource, QgsProperty.fromExpression(CHART_PATH))
    picture.refreshDataDefinedProperty(QgsLayoutObject.DataDefinedProperty.PictureSource)


def balance_tables(inputs):
    """{'farmland'/'construction': {district key: row} or None} of the report's balance tables
    (columns checked); and the districts layer's field their DISTRICT values refer to, or None."""
    tables, keys = {}, []
    for kind, layer in (('farmland', inputs.farmland_balance),
                        ('construction', inputs.new_construction)):
        if layer is None:
            tables[kind] = None
            continue
        names = layer.fields().names()
        balance.check_columns(kind, names, source_name(layer))
        frame = frames.source_to_frame(layer, list(balance.COLUMNS[kind]), with_geometry=False)
        tables[kind] = balance.district_values(kind, frame.to_dict('records'))
        keys += list(tables[kind])
    if not keys:
        return tables, None
    attributes = frames.source_to_frame(inputs.districts, with_geometry=False)
    field, _ = match_key_field({n: list(attributes[n]) for n in attributes.columns}, keys,
                               prefer=inputs.name_field, layer=source_name(inputs.districts),
                               table=source_name(inputs.farmland_balance or inputs.new_construction))
    return tables, field


def _set_balance(layout, project, group, inputs, labels):
    """Fill the ``balance_table`` frame, or hide it (and ``balance_title*``) when neither table
    is given."""
    frame = _item(layout, BALANCE, QgsLayoutFrame)
    if frame is None or not isinstance(frame.multiFrame(), QgsLayoutItemAttributeTable):
        return
    tables, field = balance_tables(inputs)
    if field is None:
        for item in layout.items():
            if isinstance(item, QgsLayoutItem) and item.id().startswith(('balance_title', BALANCE)):
                item.setVisibility(False)
        return
    index = inputs.districts.fields().indexOf(field)
    rows = {feature.id(): balance.district_rows(district_key(feature.attributes()[index]), tables)
            for feature in inputs.districts.getFeatures()}
    _point_table(frame.multiFrame(), balance_layer(project, group, rows, labels), BALANCE_FILTER)


def chart_file(chart_dir, feature_id):
    """Path of the chart of coverage feature ``feature_id`` (the picture item's expression)."""
    return os.path.join(chart_dir, f'chart_{feature_id}.svg')


def write_district_data(districts, indicators, key_field, chart_dir, labels, family, feedback=None):
    """Write one chart SVG per district (named by feature id) into ``chart_dir``; return the
    status counts per feature id ({"fid": {"超标": n, ...}}, the layout variable spm_status_counts).
    """
    os.makedirs(chart_dir, exist_ok=True)
    fields = [f for f in ('DISTRICT', 'IND_ID', 'IND_NAME', 'VALUE', 'UNIT', 'TARGET', 'STATUS')
              if indicators.fields().indexOf(f) >= 0]
    long = frames.source_to_frame(indicators, fields, with_geometry=False)
    rows = chart.district_rows(long)
    counts = summary.status_counts(long['DISTRICT'], long['STATUS'])
    key_index = districts.fields().indexOf(key_field)
    by_feature = {}
    for feature in districts.getFeatures():
        if feedback is not None and feedback.isCanceled():
            raise Canceled('canceled')
        key = district_key(feature.attributes()[key_index])
        by_feature[str(feature.id())] = counts.get(key, dict.fromkeys(summary.STATUSES, 0))
        content = chart.svg(rows.get(key, []), labels, family)
        with open(chart_file(chart_dir, feature.id()), 'w', encoding='utf-8') as handle:
            handle.write(content)
    return by_feature
