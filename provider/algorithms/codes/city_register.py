"""What link_codes and resolve_codes share: the register parameter and its CRS as QGIS sees it."""

import os

from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingParameterFile

from ....core.codes import citycode
from ....core.i18n import translate

REGISTER_NAME = 'CITY_REGISTER'


def register_parameter(description):
    return QgsProcessingParameterFile(REGISTER_NAME, description, extension='gpkg')


def register_path(alg, parameters, context, must_exist=False):
    """The register path, checked: a .gpkg, and (when ``must_exist``) a city code register."""
    path = alg.parameterAsFile(parameters, REGISTER_NAME, context)
    if not path:
        raise alg.error(translate('spm', 'Give the path of the city code register (a .gpkg file).'))
    if not path.lower().endswith('.gpkg'):
        raise alg.error(translate('spm', 'The city code register must be a GeoPackage (.gpkg), not {path}.').format(
            path=path))
    if must_exist:
        meta = citycode.read_meta(path) if os.path.isfile(path) else {}
        if meta.get('format') != citycode.FORMAT:
            raise alg.error(translate('spm', '{path} is not a city code register (make one with spm:link_codes).')
                            .format(path=path))
    return path


def register_crs(path):
    """The CRS of an existing register (a QgsCoordinateReferenceSystem), or None."""
    meta = citycode.read_meta(path) if os.path.isfile(path) else {}
    if meta.get('format') != citycode.FORMAT or not meta.get('crs'):
        return None
    crs = QgsCoordinateReferenceSystem.fromWkt(meta['crs'])
    return crs if crs.isValid() else None
