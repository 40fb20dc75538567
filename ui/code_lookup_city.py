"""The city code register in the code look-up: any code of any type → its city object, every code
linked to it and their history (一码互联 in the dock and the search bar).

A register is known when one of its layers (``city_entities``) is in the project — the dock's
“Open a code registry” button loads it. Look-ups read the register with
:func:`core.codes.citycode_resolve.resolve` (no lock, never written).
"""

import os

from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsProject, QgsVectorLayer

from ..core.codes import citycode, citycode_resolve
from ..core.i18n import translate

PREFIX = 'city|'


def register_path(layer):
    """The register file of a loaded ``city_entities`` layer, else None."""
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != 'ogr':
        return None
    source = layer.source()
    if 'layername={}'.format(citycode.ENTITIES) not in source:
        return None
    return source.split('|', 1)[0]


def registers(project=None):
    """Paths of the city code registers loaded in the project (main thread)."""
    project = project or QgsProject.instance()
    paths = [register_path(layer) for layer in project.mapLayers().values()]
    return sorted({p for p in paths if p and os.path.isfile(p)})


def search(text, paths):
    """[(display, description, target)] of the objects ``text`` names in the registers."""
    results = []
    for path in paths:
        found, _ = citycode_resolve.resolve(path, [text])
        for _, row in found[found['STATUS'] != 'not found'].iterrows():
            display = translate('spm', 'City code {code} ({type}, {status})').format(
                code=row['CITY_CODE'], type=row['ENTITY_TYPE'], status=row['STATUS'])
            description = translate('spm', '{found} · {register}').format(
                found=row['FOUND_AS'], register=os.path.basename(path))
            results.append((display, description, '{}{}|{}'.format(PREFIX, row['CITY_CODE'], path)))
    return results


def parse(target):
    """(city code, register path) of a ``city|code|path`` target."""
    code, _, path = target[len(PREFIX):].partition('|')
    return code, path


def geometry(target):
    """(QgsGeometry, CRS) of the object a target names, or (None, None)."""
    code, path = parse(target)
    found, _ = citycode_resolve.resolve(path, [code])
    blob = found['wkb'].iloc[0] if len(found) else None
    if blob is None:
        return None, None
    crs = QgsCoordinateReferenceSystem.fromWkt(citycode.read_meta(path).get('crs', ''))
    shape = QgsGeometry()
    shape.fromWkb(blob)
    return shape, crs


def rows(target):
    """(title, [(kind, value, meaning)]) of an object: its codes, then ended ones, then lineage."""
    code, path = parse(target)
    entity, links, family = citycode_resolve.history(path, code)
    if entity is None:
        return translate('spm', 'City code {code} is not in {path}.').format(code=code, path=path), []
    out = [(translate('spm', 'City code'), code, translate('spm', '{type}, {status}, issued {day}{retired}').format(
        type=entity['entity_type'], status=entity['status'], day=entity['issued_on'],
        retired=translate('spm', ', retired {day}').format(day=entity['retired_on']) if entity['retired_on'] else ''))]
    for _, link in links.iterrows():
        when = translate('spm', 'since {start}').format(start=link['valid_from']) if link['valid_to'] is None else \
            translate('spm', 'ended: {start} – {end}').format(start=link['valid_from'], end=link['valid_to'])
        out.append((link['code_type'], link['code'], translate('spm', '{method}, confidence {c:g}, {when}').format(
            method=link['method'], c=link['confidence'], when=when)))
    for _, step in family.iterrows():
        out.append((translate('spm', 'Lineage'), '{} → {}'.format(step['parent'], step['child']),
                    translate('spm', '{kind} on {day}').format(kind=step['kind'], day=step['run_on'])))
    title = translate('spm', 'City code {code} ({type}) in {register}').format(
        code=code, type=entity['entity_type'], register=os.path.basename(path))
    return title, out


def load(path, name):
    """Add a register's objects as a layer; None when ``path`` is not a city code register."""
    if citycode.read_meta(path).get('format') != citycode.FORMAT:
        return None
    layer = QgsVectorLayer('{}|layername={}'.format(path, citycode.ENTITIES), name, 'ogr')
    if not layer.isValid():
        return None
    QgsProject.instance().addMapLayer(layer)
    return layer
