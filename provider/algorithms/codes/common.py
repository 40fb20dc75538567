"""What the code algorithms share: the scheme parameter, feature labels, styles by geometry."""

from qgis.core import QgsProcessingParameterString

from ....core.codes import schemes
from ....core.i18n import translate
from ....compat import WkbType


def scheme_parameter(name):
    """SCHEME: a shipped building code scheme id, or a JSON file of the same shape (path or path#id)."""
    parameter = QgsProcessingParameterString(
        name, translate('spm', 'Building code scheme (id from building_code_schemes.json, or path.json[#id]; '
                               'shipped: {ids})').format(ids=', '.join(schemes.scheme_ids())),
        defaultValue=schemes.DEFAULT_SCHEME, optional=True)
    return parameter


def style_for(frame, stem):
    """``stem + '_points'`` / ``'_lines'`` / ``'_polygons'`` for the frame's geometry (None for tables)."""
    geometries = frame.geometry.dropna() if hasattr(frame, 'geometry') else []
    if len(geometries) == 0:
        return None
    kind = geometries.iloc[0].geom_type.replace('Multi', '')
    return {'Point': stem + '_points', 'LineString': stem + '_lines', 'Polygon': stem + '_polygons'}.get(kind)


def sink_type(frame):
    """QgsWkbTypes.NoGeometry for a frame without any geometry, else None (the bridge decides)."""
    if not hasattr(frame, 'geometry') or frame.geometry.isna().all():
        return WkbType.NoGeometry
    return None
