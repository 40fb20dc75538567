"""The projected CRS an algorithm measures in (WORKING_CRS), and the way back to the input's CRS.

An algorithm that needs metres calls :func:`add_parameter` in ``initAlgorithm`` and
:func:`resolve` in ``process``: an explicit WORKING_CRS wins; otherwise the main input's CRS when
it is projected; when it is geographic, the CGCS2000 3-degree Gauss–Krüger zone of the inputs'
centre inside China (zone-prefixed when an input uses prefixed eastings) or the UTM zone elsewhere
(:func:`core.crs.working_epsg`). The choice is logged. Outputs go back with :func:`to_crs`.
"""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDistance,
    QgsRectangle,
)

from ..core import crs as crs_module
from ..core.i18n import translate
from ..compat import DistanceUnit
from .base import advanced

WORKING_CRS = 'WORKING_CRS'
CGCS2000 = 'EPSG:4490'


def add_parameter(alg):
    """Add the optional, advanced WORKING_CRS parameter."""
    param = QgsProcessingParameterCrs(
        WORKING_CRS, translate('spm', 'Working CRS in metres (empty: the projected CRS of the input, or for '
                                      'geographic input the Gauss–Krüger / UTM zone of its centre)'),
        optional=True)
    alg.addParameter(advanced(param))


def metres(name, description, **kwargs):
    """A distance parameter always in metres (computed in the working CRS, whatever the layer's)."""
    param = QgsProcessingParameterDistance(name, description, **kwargs)
    param.setDefaultUnit(DistanceUnit.Meters)
    return param


def _epsg(crs):
    authid = crs.authid().upper()
    return int(authid[5:]) if authid.startswith('EPSG:') and authid[5:].isdigit() else None


def centre(sources, context):
    """(lon, lat) in CGCS2000 of the centre of the sources' combined extent, or None."""
    target = QgsCoordinateReferenceSystem(CGCS2000)
    extent = QgsRectangle()
    extent.setMinimal()
    for source in sources:
        if source is None or not source.sourceCrs().isValid():
            continue
        box = source.sourceExtent()
        if box.isNull() or box.xMinimum() > box.xMaximum():   # no features
            continue
        transform = QgsCoordinateTransform(source.sourceCrs(), target, context.transformContext())
        try:
            extent.combineExtentWith(transform.transformBoundingBox(box))
        except Exception:   # noqa: BLE001 — QgsCsException: outside the CRS's area; ignore this source
            continue
    if extent.isNull() or extent.xMinimum() > extent.xMaximum():
        return None
    middle = extent.center()
    return middle.x(), middle.y()


def resolve(alg, parameters, context, sources, feedback):
    """The CRS to compute in for ``sources`` (the first one is the main input).

    Returns the main input's CRS when it is projected or undefined (then layer units are taken as
    metres), otherwise a projected CRS chosen as the module docstring says.
    """
    main = sources[0].sourceCrs()
    name = alg.label(sources[0])
    given = alg.parameterAsCrs(parameters, WORKING_CRS, context) \
        if parameters.get(WORKING_CRS) not in (None, '') else QgsCoordinateReferenceSystem()
    if given.isValid():
        if given.isGeographic():
            raise alg.error(translate('spm', 'WORKING_CRS {crs} is geographic; give a projected CRS in metres.')
                            .format(crs=given.authid()))
        feedback.pushInfo(translate('spm', 'Measuring in {crs} ({name}), as WORKING_CRS says.')
                          .format(crs=given.authid(), name=given.description()))
        return given
    if not main.isValid():
        feedback.pushWarning(translate('spm', 'Layer “{layer}” has no CRS: its coordinates are taken as metres.')
                             .format(layer=name))
        return main
    if not main.isGeographic():
        return main
    where = centre(sources, context)
    if where is None:
        return main
    prefixed = any(s is not None and crs_module.is_prefixed_gk(_epsg(s.sourceCrs())) for s in sources)
    chosen = QgsCoordinateReferenceSystem(f'EPSG:{crs_module.working_epsg(where[0], where[1], prefixed)}')
    feedback.pushInfo(translate(
        'spm', 'Layer “{layer}” is in geographic coordinates ({crs}): it is measured in {work} ({name}), '
               'the zone of the data’s centre ({lon:.3f}°, {lat:.3f}°); outputs are written in {crs}. '
               'Set WORKING_CRS to choose another.').format(
        layer=name, crs=main.authid(), work=chosen.authid(), name=chosen.description(), lon=where[0],
        lat=where[1]))
    return chosen


def as_pyproj(crs):
    """The working CRS as a pyproj CRS (for core), or None when it is undefined."""
    from pyproj import CRS
    from ..bridge import frames
    value = frames.crs_to_frame(crs)
    return None if value is None else CRS.from_user_input(value)


def to_crs(frame, crs):
    """``frame`` (a GeoDataFrame in the working CRS) in ``crs`` (the input's), for writing."""
    from ..bridge import frames
    target = frames.crs_to_frame(crs)
    if target is None or frame.crs is None or not hasattr(frame, 'to_crs'):
        return frame
    if frames.crs_from_frame(frame.crs) == crs:
        return frame
    return frame.to_crs(target)
