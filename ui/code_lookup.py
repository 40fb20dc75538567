"""Code lookup: type a building, project or BeiDou code and the map goes there; click a building
and see its codes with its BeiDou cell drawn.

* :class:`CodeLocatorFilter` — a QGIS search-bar (locator) filter. A BeiDou grid code is decoded
  directly (no layer needed) and its cell shown; other codes are looked up, by prefix, in the
  code fields of the project's vector layers (:data:`CODE_FIELDS`) and in loaded code registries.
* :class:`CodeLocator` — registers that filter for the plugin's lifetime (``__init__(iface)``,
  ``unload()``).
* :class:`CodeLookupDock` — the same search in a dock, a "pick a building" map tool listing every
  code of the clicked feature (each decoded and checked), and a button to open a code registry.
"""

import os

from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QFileDialog, QHeaderView, QListWidgetItem, QTableWidgetItem
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsFeatureRequest,
    QgsGeometry,
    QgsLocatorFilter,
    QgsLocatorResult,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
)
from qgis.gui import QgsMapToolEmitPoint, QgsRubberBand

from . import code_lookup_city as city
from .form_dock import FormDock, load_form
from ..core.codes import beidou, checks, registry, schemes
from ..core.i18n import translate
from ..compat import FeatureRequestFlag, GeometryType

FORM = load_form('code_lookup.ui')

# Fields searched for codes, in any vector layer of the project. ``code`` only in registries.
CODE_FIELDS = ('BUILDING_CODE', 'BEIDOU_CODE', 'PROJECT_CODE', 'project_code', 'XMDM', '项目代码',
               'FWBM', '房屋编码', 'BDCDYH', '不动产单元号', 'CREDIT_CODE', 'TYSHXYDM', 'beidou_code')
REGISTRY_FIELD = 'code'
MIN_LENGTH = 4
LIMIT = 30
CGCS2000 = 'EPSG:4490'


def _registry_layer(layer):
    return registry.TABLE in layer.source() and layer.fields().indexOf(REGISTRY_FIELD) >= 0


def searchable_fields(layer):
    """The code fields of a vector layer (empty for other layers)."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return []
    names = [f.name() for f in layer.fields()]
    found = [name for name in CODE_FIELDS if name in names]
    if _registry_layer(layer):
        found.insert(0, REGISTRY_FIELD)
    return found


def snapshot(project=None):
    """[(layer id, layer name, feature source, fields)] — made on the main thread, read anywhere."""
    project = project or QgsProject.instance()
    out = []
    for layer in project.mapLayers().values():
        fields = searchable_fields(layer)
        if fields:
            out.append((layer.id(), layer.name(), QgsVectorLayerFeatureSource(layer), fields))
    return out


def beidou_match(text):
    """(label, cell dict) when ``text`` is a 2D or 3D BeiDou grid code, else None."""
    text = checks.clean(text)
    if len(text) < 4 or text[0] not in 'NS' or beidou.problem_of(text):
        return None
    cell = beidou.decode_code(text, three_d=beidou.is_3d(text))
    width, height = beidou.cell_size_m(cell['level'], (cell['south'] + cell['north']) / 2)
    label = translate('spm', 'BeiDou grid cell {code} (level {level}, about {w:.3g} m × {h:.3g} m)').format(
        code=text, level=cell['level'], w=width, h=height)
    return label, cell


def search(text, sources, limit=LIMIT, feedback=None, registers=()):
    """[(display, description, target)]: the BeiDou cell of ``text`` if it is a BeiDou code,
    then features whose code fields start with ``text`` (case-insensitive), at most ``limit``.

    ``target`` is plain text (it travels through QVariant): ``beidou|<code>`` or
    ``feature|<fid>|<layer id>``.
    """
    text = checks.clean(text)
    results = []
    if len(text) < MIN_LENGTH:
        return results
    found = beidou_match(text)
    if found:
        label, cell = found
        results.append((label, translate('spm', 'decoded, CGCS2000'), 'beidou|' + text))
    results += city.search(text, registers)[:limit - len(results)]
    pattern = QgsExpression.quotedString(text.replace('%', '').replace('_', '') + '%')
    for layer_id, layer_name, source, fields in sources:
        expression = ' OR '.join('{} ILIKE {}'.format(QgsExpression.quotedColumnRef(f), pattern) for f in fields)
        request = QgsFeatureRequest().setFilterExpression(expression).setLimit(limit - len(results))
        request.setFlags(FeatureRequestFlag.NoGeometry)
        for feature in source.getFeatures(request):
            if feedback is not None and feedback.isCanceled():
                return results
            field = next(f for f in fields if str(feature[f] or '').upper().startswith(text))
            results.append((str(feature[field]), '{} · {}'.format(layer_name, field),
                            'feature|{}|{}'.format(feature.id(), layer_id)))
            if len(results) >= limit:
                return results
    return results


def cell_geometry(cell):
    """The cell as a polygon in CGCS2000 (EPSG:4490)."""
    return QgsGeometry.fromRect(QgsRectangle(cell['west'], cell['south'], cell['east'], cell['north']))


def show_on_canvas(canvas, geometry, crs, flash=True):
    """Zoom the canvas to ``geometry`` (in ``crs``) with a margin, and flash it."""
    target = canvas.mapSettings().destinationCrs()
    shown = QgsGeometry(geometry)
    if crs.isValid() and target.isValid() and crs != target:
        shown.transform(QgsCoordinateTransform(crs, target, QgsProject.instance()))
    box = shown.boundingBox()
    margin = max(box.width(), box.height()) * 0.6 or canvas.mapUnitsPerPixel() * 100
    canvas.setExtent(box.buffered(margin))
    canvas.refresh()
    if flash:
        canvas.flashGeometries([geometry], crs)
    return shown


class Highlighter:
    """Draws BeiDou cells on the canvas (one rubber band, replaced at each lookup)."""

    def __init__(self, canvas):
        self.canvas = canvas
        self.band = None

    def draw(self, geometry, crs):
        self.clear()
        if self.canvas is None:
            return None
        self.band = QgsRubberBand(self.canvas, GeometryType.Polygon)
        self.band.setStrokeColor(QColor(217, 72, 1))
        self.band.setFillColor(QColor(255, 127, 0, 40))
        self.band.setWidth(2)
        self.band.setToGeometry(geometry, crs)
        return self.band

    def clear(self):
        if self.band is not None and self.canvas is not None:
            self.canvas.scene().removeItem(self.band)
        self.band = None


def target_feature(target):
    """(layer, feature) of a ``feature|fid|layer id`` target, or (None, None)."""
    kind, fid, layer_id = (target.split('|', 2) + ['', ''])[:3]
    layer = QgsProject.instance().mapLayer(layer_id) if kind == 'feature' else None
    if layer is None:
        return None, None
    return layer, next(layer.getFeatures(QgsFeatureRequest(int(fid))), None)


def trigger(iface, target, highlighter=None):
    """Go to a search result on the map: zoom, flash, and draw a BeiDou cell."""
    canvas = iface.mapCanvas() if iface is not None else None
    if canvas is None or not target:
        return None
    if target.startswith('beidou|'):
        code = target.split('|', 1)[1]
        crs = QgsCoordinateReferenceSystem(CGCS2000)
        geometry = cell_geometry(beidou.decode_code(code, three_d=beidou.is_3d(code)))
        if highlighter is not None:
            highlighter.draw(geometry, crs)
        return show_on_canvas(canvas, geometry, crs)
    if target.startswith(city.PREFIX):
        geometry, crs = city.geometry(target)
        return show_on_canvas(canvas, geometry, crs) if geometry is not None else None
    layer, feature = target_feature(target)
    if feature is None or not feature.hasGeometry():
        return None
    return show_on_canvas(canvas, feature.geometry(), layer.crs())


class CodeLocatorFilter(QgsLocatorFilter):
    """QGIS search bar: building, project and BeiDou codes (prefix ``code``)."""

    def __init__(self, iface=None, highlighter=None):
        super().__init__()
        self.iface = iface
        self.highlighter = highlighter
        self.sources = []
        self.registers = []

    def clone(self):
        return CodeLocatorFilter(self.iface, self.highlighter)

    def name(self):
        return 'spm_codes'

    def displayName(self):  # noqa: N802
        return translate('spm', 'Building, project and BeiDou codes')

    def prefix(self):
        return 'code'

    def priority(self):
        return QgsLocatorFilter.Priority.High

    def prepare(self, string, context):
        self.sources = snapshot() if len(checks.clean(string)) >= MIN_LENGTH else []
        self.registers = city.registers() if len(checks.clean(string)) >= MIN_LENGTH else []
        return []

    def fetchResults(self, string, context, feedback):  # noqa: N802
        for display, description, data in search(string, self.sources, feedback=feedback, registers=self.registers):
            result = QgsLocatorResult(self, display, data)
            result.description = description
            self.resultFetched.emit(result)

    def triggerResult(self, result):  # noqa: N802
        trigger(self.iface, result.userData, self.highlighter)


class CodeLocator:
    """Registers :class:`CodeLocatorFilter` in the QGIS search bar for the plugin's lifetime."""

    def __init__(self, iface):
        self.iface = iface
        self.highlighter = Highlighter(iface.mapCanvas() if iface is not None else None)
        self.filter = CodeLocatorFilter(iface, self.highlighter)
        if iface is not None:
            iface.registerLocatorFilter(self.filter)

    def unload(self):
        self.highlighter.clear()
        if self.iface is not None and self.filter is not None:
            self.iface.deregisterLocatorFilter(self.filter)
        self.filter = None


# --- the dock -------------------------------------------------------------------------------

def explain(field, value, scheme=None):
    """(kind, meaning) of a code value: what kind of code it is and what it says, checked."""
    text = checks.clean(value)
    if not text:
        return None
    if not beidou.problem_of(text):
        cell = beidou.decode_code(text, three_d=beidou.is_3d(text))
        meaning = translate('spm', 'level {level}: {w:.6f}–{e:.6f}°E, {s:.6f}–{n:.6f}°N').format(
            level=cell['level'], w=cell['west'], e=cell['east'], s=cell['south'], n=cell['north'])
        if 'bottom' in cell:
            meaning += translate('spm', ', height {b:.2f}–{t:.2f} m').format(b=cell['bottom'], t=cell['top'])
        return translate('spm', 'BeiDou grid code'), meaning
    scheme = scheme or schemes.get_scheme()
    verdict = scheme.validate(text)
    if verdict.valid:
        parts = scheme.parse(text)
        return translate('spm', 'Building code'), translate(
            'spm', 'township {admin}, year {year}, building {sequence}, check {check} ✓').format(
                admin=parts['admin'], year=parts.get('year', '—'), sequence=parts['sequence'],
                check=parts.get('check', '—'))
    for kind, check in ((translate('spm', 'Project code'), checks.check_project_code),
                        (translate('spm', 'Real-estate unit code'), checks.check_real_estate_unit),
                        (translate('spm', 'Credit code'), checks.check_credit_code)):
        found = check(text)
        if found.valid:
            return kind, found.reason
    if field in ('BUILDING_CODE', 'FWBM', '房屋编码', REGISTRY_FIELD):
        return translate('spm', 'Building code'), translate('spm', 'invalid: {reason}').format(reason=verdict.reason)
    return None


class BuildingPicker(QgsMapToolEmitPoint):
    """Map tool: a click hands the map point to the dock."""

    def __init__(self, canvas, dock):
        super().__init__(canvas)
        self.dock = dock
        self.canvasClicked.connect(self._clicked)

    def _clicked(self, point, button):
        self.dock.pick_at(point)


class CodeLookupDock(FormDock, FORM):
    """Find codes, pick a building to see its codes and BeiDou cell, open a code registry."""

    PRODUCER = ('spm:assign_building_codes', QT_TRANSLATE_NOOP('spm', 'Assign building codes…'))

    def __init__(self, iface, parent=None):
        super().__init__(iface, 'SpmCodeLookupDock', parent)
        self.setWindowTitle(self.tr('Code lookup (赋码查询)'))
        canvas = iface.mapCanvas() if iface is not None else None
        self.highlighter = Highlighter(canvas)
        self.picker = BuildingPicker(canvas, self) if canvas is not None else None
        self.codeTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.codeTable.horizontalHeader().setStretchLastSection(True)
        self.codeTable.verticalHeader().setVisible(False)
        self.codeEdit.returnPressed.connect(self.find)
        self.findButton.clicked.connect(self.find)
        self.resultList.itemActivated.connect(self._go)
        self.resultList.itemClicked.connect(self._go)
        self.pickButton.toggled.connect(self._toggle_picker)
        self.registryButton.clicked.connect(self._choose_registry)
        if canvas is not None:
            canvas.mapToolSet.connect(self._tool_changed)
        self.layers_changed()

    def layers_changed(self):
        """Say what to do first when no layer of the project has code fields."""
        coded = any(searchable_fields(layer) for layer in QgsProject.instance().mapLayers().values())
        self.empty.set_message('' if coded else self.tr(
            'No layer of the project has codes yet. BeiDou grid codes are decoded without one; to find '
            'buildings and projects by code, give the buildings their codes with “Assign building codes” '
            '(spm:assign_building_codes) or open a code registry.'))

    # --- search --------------------------------------------------------------------------------

    def find(self, text=None):
        """Search the typed (or given) code and list the results; one result is shown at once."""
        if isinstance(text, str):
            self.codeEdit.setText(text)
        results = search(self.codeEdit.text(), snapshot(), registers=city.registers())
        self.resultList.clear()
        for display, description, data in results:
            item = QListWidgetItem('{}  —  {}'.format(display, description))
            item.setData(Qt.ItemDataRole.UserRole, data)
            self.resultList.addItem(item)
        if not results:
            self.resultList.addItem(self.tr('No code found (at least {n} characters).').format(n=MIN_LENGTH))
        elif len(results) == 1:
            self._go(self.resultList.item(0))
        return results

    def _go(self, item):
        target = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not target:
            return
        trigger(self.iface, target, self.highlighter)
        if target.startswith(city.PREFIX):
            self.show_rows(*city.rows(target))
            return
        layer, feature = target_feature(target)
        if feature is not None:
            self.show_feature(layer, feature)

    # --- picking a building --------------------------------------------------------------------

    def _toggle_picker(self, on):
        if self.picker is None:
            return
        canvas = self.iface.mapCanvas()
        if on:
            canvas.setMapTool(self.picker)
        elif canvas.mapTool() is self.picker:
            canvas.unsetMapTool(self.picker)

    def _tool_changed(self, tool, *args):
        if tool is not self.picker and self.pickButton.isChecked():
            self.pickButton.setChecked(False)

    def pick_at(self, point):
        """The feature with codes under ``point`` (canvas CRS): shown with its codes, or None."""
        canvas = self.iface.mapCanvas()
        tolerance = canvas.mapUnitsPerPixel() * 4
        area = QgsGeometry.fromRect(QgsRectangle(point.x() - tolerance, point.y() - tolerance,
                                                 point.x() + tolerance, point.y() + tolerance))
        click = QgsGeometry.fromPointXY(QgsPointXY(point))
        canvas_crs = canvas.mapSettings().destinationCrs()
        others = sorted(QgsProject.instance().mapLayers().values(),
                        key=lambda lyr: isinstance(lyr, QgsVectorLayer) and _registry_layer(lyr))
        layers = [canvas.currentLayer()] + others          # registries last: the building first
        seen = set()
        for layer in layers:
            if layer is None or layer.id() in seen or not searchable_fields(layer):
                continue
            seen.add(layer.id())
            to_layer = QgsCoordinateTransform(canvas_crs, layer.crs(), QgsProject.instance())
            box, spot = QgsGeometry(area), QgsGeometry(click)
            box.transform(to_layer)
            spot.transform(to_layer)
            candidates = list(layer.getFeatures(QgsFeatureRequest().setFilterRect(box.boundingBox())))
            candidates.sort(key=lambda f: (not f.geometry().contains(spot), f.geometry().distance(spot)))
            if candidates:
                self.show_feature(layer, candidates[0])
                return candidates[0]
        self.featureLabel.setText(self.tr('No feature with codes here.'))
        self.codeTable.setRowCount(0)
        self.highlighter.clear()
        return None

    def show_feature(self, layer, feature):
        """List every code of ``feature`` (decoded and checked) and draw its BeiDou cell."""
        rows = []
        for field in layer.fields().names():
            found = explain(field, feature[field]) if field in CODE_FIELDS or field == REGISTRY_FIELD \
                or isinstance(feature[field], str) else None
            if found:
                rows.append((field, str(feature[field]), found[0], found[1]))
        cell, crs = self._cell_of(layer, feature, rows)
        if cell is not None:
            self.highlighter.draw(cell_geometry(cell), crs)
            if not any(r[2] == translate('spm', 'BeiDou grid code') for r in rows):
                code = beidou.encode_point((cell['west'] + cell['east']) / 2, (cell['south'] + cell['north']) / 2, 8)
                rows.append(('', code, translate('spm', 'BeiDou grid code'),
                             translate('spm', 'computed here (level 8, point on the footprint)')))
        rows += self._registry_rows(rows)
        self.show_rows(self.tr('{layer}, feature {fid}').format(layer=layer.name(), fid=feature.id()),
                       [('{} ({})'.format(kind, field) if field else kind, value, meaning)
                        for field, value, kind, meaning in rows])
        return rows

    def show_rows(self, title, rows):
        """Show ``title`` and the (kind, value, meaning) rows in the code table."""
        self.featureLabel.setText(title)
        self.codeTable.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.codeTable.setItem(r, c, QTableWidgetItem(str(text)))
        return rows

    def _cell_of(self, layer, feature, rows):
        crs = QgsCoordinateReferenceSystem(CGCS2000)
        for field, value, kind, _ in rows:
            if kind == translate('spm', 'BeiDou grid code'):
                return beidou.decode_code(value, three_d=beidou.is_3d(value)), crs
        if not feature.hasGeometry():
            return None, crs
        point = feature.geometry().pointOnSurface()
        point.transform(QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance()))
        p = point.asPoint()
        return beidou.decode_code(beidou.encode_point(p.x(), p.y(), 8)), crs

    def _registry_rows(self, rows):
        """Status rows from loaded code registries for the building codes among ``rows``."""
        wanted = {value for _, value, kind, _ in rows if kind == translate('spm', 'Building code')}
        out = []
        for layer in QgsProject.instance().mapLayers().values():
            if not isinstance(layer, QgsVectorLayer) or not _registry_layer(layer) or not wanted:
                continue
            expression = '"code" IN ({})'.format(', '.join(QgsExpression.quotedString(c) for c in wanted))
            for entry in layer.getFeatures(QgsFeatureRequest().setFilterExpression(expression)):
                out.append(('status', str(entry['status']), self.tr('Registry'),
                            self.tr('{code}: issued {issued}, last seen {seen}{retired}').format(
                                code=entry['code'], issued=entry['issued_on'], seen=entry['last_seen'],
                                retired=self.tr(', retired {day}').format(day=entry['retired_on'])
                                if entry['status'] == 'retired' else '')))
        return out

    # --- registry --------------------------------------------------------------------------------

    def _choose_registry(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr('Open a code registry'), '', 'GeoPackage (*.gpkg)')
        if path:
            self.load_registry(path)

    def load_registry(self, path):
        """Add a code registry's ``building_codes`` table as a styled layer; return it."""
        from ..layers import styling
        shown = city.load(path, self.tr('City code register ({name})').format(name=os.path.basename(path)))
        if shown is not None:
            return shown
        layer = QgsVectorLayer('{}|layername={}'.format(path, registry.TABLE),
                               self.tr('Code registry ({name})').format(name=os.path.basename(path)), 'ogr')
        if not layer.isValid():
            self.featureLabel.setText(self.tr('{path} is not a code registry.').format(path=path))
            return None
        styling.apply(layer, 'code_registry')
        QgsProject.instance().addMapLayer(layer)
        return layer

    # --- unload ----------------------------------------------------------------------------------

    def unload(self):
        self.disconnect_project()
        self.highlighter.clear()
        if self.picker is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() is self.picker:
                canvas.unsetMapTool(self.picker)
            try:
                canvas.mapToolSet.disconnect(self._tool_changed)
            except TypeError:
                pass
