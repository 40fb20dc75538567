"""AREA_METHOD: how an algorithm measures the areas it reports (core/landuse/area.py).

:func:`add_parameter` in ``initAlgorithm``, :func:`resolve` in ``process`` (before reading the
layers: it says which extra fields to read and logs the method), then the core functions get
the method's name. ELLIPSOIDAL is the default; a land-use layer with the 三调 area fields
(TBDLMJ, or TBMJ and KCMJ) is then measured by its attribute areas (ATTRIBUTE), as the official
statistics are.
"""

from qgis.core import QgsProcessingParameterEnum

from ..core.errors import SpmError
from ..core.i18n import translate
from ..core.landuse import area

AREA_METHOD = 'AREA_METHOD'


def add_parameter(alg):
    """Add AREA_METHOD (ELLIPSOIDAL, PLANAR, ATTRIBUTE; by name or index)."""
    alg.addParameter(QgsProcessingParameterEnum(
        AREA_METHOD, translate('spm', 'Area method: ELLIPSOIDAL (CGCS2000 ellipsoid, as 三调 statistics; '
                                      'a layer with TBDLMJ/KCMJ uses them), PLANAR (projected CRS), '
                                      'ATTRIBUTE (TBDLMJ, or TBMJ − KCMJ)'),
        list(area.METHODS), defaultValue=area.DEFAULT, usesStaticStrings=True))


def resolve(alg, parameters, context, source, feedback, crs=None):
    """(method, attribute fields to read) for the land-use ``source``; logs the choice."""
    value = parameters.get(AREA_METHOD)
    chosen = alg.parameterAsString(parameters, AREA_METHOD, context) if value not in (None, '') \
        else None
    names = source.fields().names()
    try:
        # a dialog always passes the default: keeping ELLIPSOIDAL counts as keeping the default
        method = area.resolve(chosen, names, alg.label(source),
                              explicit=(chosen not in (None, area.DEFAULT)))
    except SpmError as error:
        raise alg.error(str(error)) from error
    fields = area.attribute_fields(names) if method == area.ATTRIBUTE else []
    if method == area.ATTRIBUTE and (chosen or area.DEFAULT) != area.ATTRIBUTE:
        feedback.pushInfo(translate('spm', 'Layer “{layer}” has the 三调 area fields ({fields}): areas '
                                           'are its parcels’ attribute areas (AREA_METHOD ATTRIBUTE); '
                                           'choose PLANAR to measure the geometry instead.').format(
            layer=alg.label(source), fields=', '.join(fields)))
    frame_crs = None
    if crs is not None and crs.isValid():
        from ..bridge import frames
        frame_crs = frames.crs_to_frame(crs)
    feedback.pushInfo(translate('spm', 'Areas: {how}.').format(
        how=area.describe(method, frame_crs, area.formula(fields))))
    return method, fields
