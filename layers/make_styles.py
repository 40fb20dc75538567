"""Generate the land-use and monitoring QML styles in layers/styles/ from the tables.

Run after editing a table: ``/usr/bin/python3 layers/make_styles.py`` (needs QGIS; headless).
Land-use styles colour each code with the standard colour of its table and label it
``0101 水田``; the monitoring styles colour the outputs of spm:plan_conformance (STATUS),
spm:control_lines (VTYPE), spm:farmland_balance (KIND) and spm:landuse_change (TO_CODE, the class after the change).
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Land-use styles: (file, field, scheme, levels)
LANDUSE_STYLES = [
    ('landuse_sandiao', 'DLBM', 'current', (1, 2, 3)),
    ('landuse_ydyh', 'YDYHFLDM', 'plan', (1, 2, 3)),
    ('landuse_change_current', 'TO_CODE', 'current', (1, 2)),
    ('landuse_change_plan', 'TO_CODE', 'plan', (1, 2)),
]
# Monitoring styles: (file, field, [(value, label, (r, g, b, alpha))])
STATUS_STYLES = [
    ('conformance', 'STATUS', [
        ('符合', '符合 conforming', (56, 168, 0, 150)),
        ('不符合', '不符合 non-conforming', (230, 0, 0, 200)),
        ('待核', '待核 to be checked', (255, 170, 0, 180)),
    ]),
    ('control_lines', 'VTYPE', [
        ('ECO_BUILD', '生态保护红线内建设用地', (0, 115, 76, 220)),
        ('FARM_BUILD', '永久基本农田内建设用地', (230, 0, 0, 220)),
        ('FARM_NONCROP', '永久基本农田内非耕地', (255, 170, 0, 200)),
        ('UDB_OUTSIDE', '城镇开发边界外城镇建设用地', (132, 0, 168, 200)),
    ]),
    ('farmland_balance', 'KIND', [
        ('OUT_NONAGRI', '耕地流出：非农化 (to construction)', (230, 0, 0, 220)),
        ('OUT_NONGRAIN', '耕地流出：非粮化 (to 园地/林地/坑塘/other farm use)', (255, 170, 0, 210)),
        ('OUT_OTHER', '耕地流出：其他', (150, 150, 150, 200)),
        ('IN', '耕地流入 (补充耕地)', (56, 168, 0, 200)),
    ]),
]
OUTLINE = (110, 110, 110, 255)


def _import_plugin():
    sys.path.insert(0, str(ROOT / 'scripts'))
    from devenv import link_plugin
    link_plugin()
    os.environ.setdefault('QT_HASH_SEED', '0')  # Qt writes XML attributes in hash order


def _fill(rgba, outline_width=0.1):
    from qgis.PyQt.QtGui import QColor
    from qgis.core import QgsFillSymbol
    symbol = QgsFillSymbol.createSimple({'outline_color': '{},{},{},{}'.format(*OUTLINE),
                                         'outline_width': str(outline_width)})
    symbol.setColor(QColor(*rgba))
    return symbol


def _save(name, field, categories, target):
    from qgis.core import QgsCategorizedSymbolRenderer, QgsMapLayer, QgsVectorLayer
    layer = QgsVectorLayer(f'Polygon?crs=EPSG:4528&field={field}:string', name, 'memory')
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    path = os.path.join(target, name + '.qml')
    message, ok = layer.saveNamedStyle(path, QgsMapLayer.StyleCategory.Symbology)
    if not ok:
        raise SystemExit(f'{path}: {message}')
    return path


def landuse_categories(scheme, levels):
    """One category per code of the table (levels given), with its colour and ``code name``."""
    from qgis.core import QgsRendererCategory
    from spatial_planning_monitor.core.landuse import tables
    table = tables.load_classes(scheme)
    categories = []
    for code in table.codes():
        entry = table.entry(code)
        if entry['level'] in levels:
            categories.append(QgsRendererCategory(
                code, _fill(entry['rgb'] + (255,)), f"{code} {entry['name_zh']}"))
    unknown = QgsRendererCategory('', _fill((200, 200, 200, 255)), tables.UNKNOWN)
    return categories + [unknown]


def main(target=None):
    _import_plugin()
    os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')
    from qgis.core import QgsApplication, QgsRendererCategory
    app = QgsApplication([], False)
    app.initQgis()
    target = target or str(ROOT / 'layers' / 'styles')
    os.makedirs(target, exist_ok=True)
    written = []
    for name, field, scheme, levels in LANDUSE_STYLES:
        written.append(_save(name, field, landuse_categories(scheme, levels), target))
    for name, field, values in STATUS_STYLES:
        categories = [QgsRendererCategory(value, _fill(rgba, 0.2), label)
                      for value, label, rgba in values]
        written.append(_save(name, field, categories, target))
    for path in written:
        print(path)
    app.exitQgis()


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else None)
