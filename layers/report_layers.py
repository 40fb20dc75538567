"""The layers a district report draws: styled clones of the user's layers, never the layers themselves.

Shipped styles (layers/styles/) are used when they fit the layer (every field their renderer uses
exists); the districts get the atlas focus (the atlas district outlined, the others faded); the
indicator table gets conditional styles colouring its status cells.
"""

import csv
import os
from pathlib import Path

from qgis.PyQt.QtGui import QColor
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsConditionalStyle,
    QgsFeature,
    QgsFillSymbol,
    QgsMarkerSymbol,
    QgsProviderRegistry,
    QgsRasterLayer,
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from ..core.data import TEMPLATES_DIR
from ..core.errors import InputError
from ..core.i18n import translate
from ..core.reports.colours import STATUS_COLOURS, STATUS_TEXT
from . import styling

# required fields of the indicator table (spm:indicators TABLE); UNIT, TARGET, TREND are optional
TABLE_FIELDS = ('DISTRICT', 'IND_NAME', 'VALUE', 'STATUS')
# the plugin's outputs, recognised by their fields (the report's layers are picked by these)
PROVENANCE = {
    'spm:indicators': TABLE_FIELDS,
    'spm:control_lines': ('VTYPE', 'VNAME', 'AREA_M2'),
    'spm:plan_sensors': ('EXISTING', 'KIND', 'RANK'),
}
# data set titles by table/layer name or provenance (the sources line), editable
TITLES_FILE = Path(TEMPLATES_DIR) / 'dataset_titles.csv'
# 用地用海 code fields looked for in the planned land use (the shipped style's field first)
PLAN_CODE_FIELDS = ('YDYHDM', 'YDYHFLDM', 'YDYHFLBM')
# shipped styles tried for each layer role, first existing one wins (layers/styles/<name>.qml);
# the carbon grid is a raster (spm:downscale_emissions) or polygons
STYLE_CANDIDATES = {
    'landuse': ('landuse_ydyh',),
    'violations': ('control_lines',),
    'carbon': ('carbon_emissions_polygons',),
    'carbon_raster': ('carbon_grid_raster',),
    'sensors': ('sensor_sites',),
}


def require_field(layer, field, what):
    """Stop with a message naming the layer, the field and what it is for when it is missing."""
    if not field or layer.fields().indexOf(field) < 0:
        raise InputError(translate(
            'spm', 'Layer “{layer}” has no field “{field}” ({what}). Fields: {fields}.').format(
                layer=source_name(layer), field=field or '', what=what,
                fields=', '.join(layer.fields().names())))


def source_name(layer):
    """How messages and the sources line name a layer: its name, or the table's name inside a
    GeoPackage when the layer was opened from a path (and so is named after the file)."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    stem = Path(parts.get('path') or '').stem
    inner = parts.get('layerName')
    return inner if inner and layer.name() in (stem, Path(parts.get('path') or '').name) else layer.name()


def provenance(layer):
    """The algorithm that wrote ``layer`` (``spm:control_lines`` …), known by its fields; or None."""
    if not isinstance(layer, QgsVectorLayer):
        return None
    names = set(layer.fields().names())
    return next((alg for alg, fields in PROVENANCE.items() if names.issuperset(fields)), None)


def dataset_titles():
    """{layer/table name or provenance: data set title} of layers/templates/dataset_titles.csv."""
    try:
        with open(TITLES_FILE, encoding='utf-8-sig', newline='') as handle:
            return {row['name']: row['title'] for row in csv.DictReader(handle)
                    if row.get('name') and row.get('title')}
    except (OSError, KeyError, csv.Error):
        return {}


def dataset_title(layer, titles=None):
    """The title of the data set behind ``layer``, or '' when nothing names it: the layer's
    metadata title (Layer Properties › Metadata), its title (QGIS Server), else the titles table
    by the layer's table name, its name, then by the algorithm that wrote it."""
    own = layer.metadata().title().strip() or layer.title().strip()
    if own:
        return own
    titles = dataset_titles() if titles is None else titles
    for key in (source_name(layer), layer.name(), provenance(layer)):
        if key and key in titles:
            return titles[key]
    return ''


def plan_code_field(layer, field=None):
    """The 用地用海 code field of the planned land use: ``field`` when given (checked), else the
    first of PLAN_CODE_FIELDS the layer has, else None (the layer keeps its own style)."""
    if field:
        require_field(layer, field, translate('spm', 'land-use code'))
        return field
    return next((f for f in PLAN_CODE_FIELDS if layer.fields().indexOf(f) >= 0), None)


def _shipped_style(layer, role, code_field=None):
    """Apply the first shipped style of ``role`` that fits ``layer`` (every field its renderer
    uses exists; a categorized style is pointed at ``code_field``). False when none fits."""
    if isinstance(layer, QgsRasterLayer):
        for name in STYLE_CANDIDATES.get(role + '_raster', ()):
            if os.path.exists(styling.style_path(name)):
                layer.loadNamedStyle(str(styling.style_path(name)))   # styling.apply: vectors only
                return True
        return False
    original = layer.renderer().clone() if layer.renderer() else None
    fields = set(layer.fields().names())
    for name in STYLE_CANDIDATES.get(role, ()):
        if not os.path.exists(styling.style_path(name)):
            continue
        styling.apply(layer, name)
        renderer = layer.renderer()
        if code_field and isinstance(renderer, QgsCategorizedSymbolRenderer):
            renderer.setClassAttribute(code_field)
        if renderer is not None and renderer.usedAttributes(QgsRenderContext()) <= fields:
            return True
        if original is not None:
            layer.setRenderer(original.clone())
    return False


def _focus_renderer(current, other, labels):
    """Districts drawn with ``current`` (the atlas district) and ``other`` (the rest): fill specs."""
    root = QgsRuleBasedRenderer.Rule(None)
    for spec, test, label in ((other, '<>', 'rule_other'), (current, '=', 'rule_current')):
        root.appendChild(QgsRuleBasedRenderer.Rule(
            QgsFillSymbol.createSimple(spec), 0, 0, f'$id {test} @atlas_featureid', labels[label]))
    return QgsRuleBasedRenderer(root)


def district_renderers(labels, over_grid=False):
    """(main map renderer, overview renderer) of the districts: focus on the atlas district
    (outlined, the others faded on the main map; filled orange on the overview, or only outlined
    when the overview shows the carbon grid under the districts: ``over_grid``)."""
    main = _focus_renderer(
        {'style': 'no', 'outline_color': '#c00000', 'outline_width': '0.8', 'joinstyle': 'round'},
        {'color': '255,255,255,170', 'outline_color': '#7f7f7f', 'outline_width': '0.3'}, labels)
    if over_grid:
        overview = _focus_renderer(
            {'style': 'no', 'outline_color': '#c00000', 'outline_width': '0.8'},
            {'style': 'no', 'outline_color': '#404040', 'outline_width': '0.25'}, labels)
    else:
        overview = _focus_renderer(
            {'color': '255,140,0,200', 'outline_color': '#c00000', 'outline_width': '0.5'},
            {'color': '#eeeeee', 'outline_color': '#606060', 'outline_width': '0.25'}, labels)
    return main, overview


def _fallback_style(layer, role):
    """A readable style for a role that has no shipped style and a layer that comes unstyled."""
    if role == 'violations':
        symbol = QgsFillSymbol.createSimple({
            'color': '230,0,0,110', 'style': 'solid', 'outline_color': '#e60000',
            'outline_width': '0.5'})
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    elif role == 'sensors':
        symbol = QgsMarkerSymbol.createSimple({
            'name': 'circle', 'color': '#1f78b4', 'outline_color': '#ffffff', 'size': '2.2'})
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def _emphasise(layer):
    """Red outlines on every violation symbol, so that the patches stand out of the land use."""
    renderer = layer.renderer()
    for symbol in (renderer.symbols(QgsRenderContext()) if renderer is not None else []):
        for symbol_layer in symbol.symbolLayers():
            if hasattr(symbol_layer, 'setStrokeColor'):
                symbol_layer.setStrokeColor(QColor('#e60000'))
                symbol_layer.setStrokeWidth(0.5)


def report_layer(project, group, layer, name, role, code_field=None):
    """A clone of ``layer`` in ``project`` (the user's layer is never changed), styled for ``role``."""
    clone = layer.clone()
    clone.setName(name)
    if role in STYLE_CANDIDATES and not _shipped_style(clone, role, code_field):
        _fallback_style(clone, role)
    if role == 'violations':
        _emphasise(clone)
    if isinstance(clone, QgsVectorLayer):
        styling.apply_aliases(clone)
    project.addMapLayer(clone, False)
    group.addLayer(clone)
    return clone


def status_styles(table, font):
    """Conditional styles colouring the STATUS cells (正常 green, 预警 orange, 超标 red), in the
    report's font (a conditional style without a font would print in the default font)."""
    styles = []
    for status, colour in STATUS_COLOURS.items():
        style = QgsConditionalStyle("@value = '{}'".format(status))
        style.setName(status)
        style.setBackgroundColor(QColor(colour))
        style.setTextColor(QColor(STATUS_TEXT[status]))
        style.setFont(font)
        styles.append(style)
    table.conditionalStyles().setFieldStyles('STATUS', styles)


def add_layers(project, group, inputs, labels, font):
    """Styled clones of the report's layers in ``project`` under ``group``: {role: layer}.

    Roles: districts (main map), city (overview), landuse, violations, sensors, carbon,
    indicators (the table, with the status colours in ``font``).
    """
    roles = [('districts', inputs.districts), ('landuse', inputs.landuse),
             ('violations', inputs.violations), ('sensors', inputs.sensors),
             ('carbon', inputs.carbon), ('city', inputs.districts)]
    layers = {}
    for role, layer in roles:
        if layer is not None:
            layers[role] = report_layer(project, group, layer, labels['layer_' + role], role,
                                         inputs.landuse_field if role == 'landuse' else None)
    main_renderer, overview_renderer = district_renderers(labels, over_grid='carbon' in layers)
    layers['districts'].setRenderer(main_renderer)
    layers['city'].setRenderer(overview_renderer)
    table = inputs.indicators.clone()
    status_styles(table, font)
    project.addMapLayer(table, False)
    group.addLayer(table)
    layers['indicators'] = table
    return layers




def balance_layer(project, group, rows, labels):
    """The balance table of the report (core/reports/balance.py) as a memory table in ``project``:
    FID (district feature id), ITEM (the template's words), HA (as printed); ``rows``:
    {feature id: [(label key, text)]}."""
    table = QgsVectorLayer('None?field=FID:integer&field=ITEM:string&field=HA:string',
                           labels['layer_balance'], 'memory')
    features = []
    for fid, items in rows.items():
        for key, text in items:
            feature = QgsFeature(table.fields())
            feature.setAttributes([int(fid), labels[key], text])
            features.append(feature)
    table.dataProvider().addFeatures(features)
    project.addMapLayer(table, False)
    group.addLayer(table)
    return table
