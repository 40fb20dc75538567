"""The QGIS API names that changed between QGIS 3.22 and QGIS 4 (Qt6), chosen once at import.

Code elsewhere in the plugin writes ``FieldType.String``, ``SourceType.VectorPolygon``,
``WkbType.MultiPolygon`` ... and never the 3.22 spelling (``QVariant.String``,
``QgsProcessing.TypeVectorPolygon``) nor the new one (``QMetaType.Type.QString``,
``Qgis.ProcessingSourceType.VectorPolygon``): this module picks the one the running QGIS has.
QGIS 3.38 is the first release where every new name below exists (fields take ``QMetaType.Type``
from 3.38 on); QGIS 4 has only the new names.

``NAMES`` is the one table: scripts/qt6_codemod.py reads it (without importing QGIS) to rewrite
the old spellings into these, and tests/unit/test_qt6_qgis4.py imports the plugin against it.
"""

from qgis.core import Qgis

QGIS_VERSION_INT = Qgis.QGIS_VERSION_INT
#: True on QGIS >= 3.38 (and QGIS 4): the Qgis.* scoped enums and QMetaType field types.
NEW_API = QGIS_VERSION_INT >= 33800

# name: (where the new enum lives, {member: (its name there, the QGIS 3.22 spelling)})
NAMES = {
    'FieldType': ('QMetaType.Type', {
        'Bool': ('Bool', 'QVariant.Bool'),
        'Int': ('Int', 'QVariant.Int'),
        'UInt': ('UInt', 'QVariant.UInt'),
        'LongLong': ('LongLong', 'QVariant.LongLong'),
        'ULongLong': ('ULongLong', 'QVariant.ULongLong'),
        'Double': ('Double', 'QVariant.Double'),
        'String': ('QString', 'QVariant.String'),
        'Date': ('QDate', 'QVariant.Date'),
        'DateTime': ('QDateTime', 'QVariant.DateTime'),
    }),
    'SourceType': ('Qgis.ProcessingSourceType', {
        'MapLayer': ('MapLayer', 'QgsProcessing.TypeMapLayer'),
        'VectorAnyGeometry': ('VectorAnyGeometry', 'QgsProcessing.TypeVectorAnyGeometry'),
        'VectorPoint': ('VectorPoint', 'QgsProcessing.TypeVectorPoint'),
        'VectorLine': ('VectorLine', 'QgsProcessing.TypeVectorLine'),
        'VectorPolygon': ('VectorPolygon', 'QgsProcessing.TypeVectorPolygon'),
        'Raster': ('Raster', 'QgsProcessing.TypeRaster'),
        'File': ('File', 'QgsProcessing.TypeFile'),
        'Vector': ('Vector', 'QgsProcessing.TypeVector'),
    }),
    'NumberType': ('Qgis.ProcessingNumberParameterType', {
        'Integer': ('Integer', 'QgsProcessingParameterNumber.Integer'),
        'Double': ('Double', 'QgsProcessingParameterNumber.Double'),
    }),
    'FieldDataType': ('Qgis.ProcessingFieldParameterDataType', {
        'Any': ('Any', 'QgsProcessingParameterField.Any'),
        'Numeric': ('Numeric', 'QgsProcessingParameterField.Numeric'),
        'String': ('String', 'QgsProcessingParameterField.String'),
        'DateTime': ('DateTime', 'QgsProcessingParameterField.DateTime'),
    }),
    'ParameterFlag': ('Qgis.ProcessingParameterFlag', {
        'Advanced': ('Advanced', 'QgsProcessingParameterDefinition.FlagAdvanced'),
        'Hidden': ('Hidden', 'QgsProcessingParameterDefinition.FlagHidden'),
        'Optional': ('Optional', 'QgsProcessingParameterDefinition.FlagOptional'),
    }),
    'AlgorithmFlag': ('Qgis.ProcessingAlgorithmFlag', {
        'NoThreading': ('NoThreading', 'QgsProcessingAlgorithm.FlagNoThreading'),
    }),
    'WkbType': ('Qgis.WkbType', {
        'Unknown': ('Unknown', 'QgsWkbTypes.Unknown'),
        'Point': ('Point', 'QgsWkbTypes.Point'),
        'LineString': ('LineString', 'QgsWkbTypes.LineString'),
        'Polygon': ('Polygon', 'QgsWkbTypes.Polygon'),
        'MultiPoint': ('MultiPoint', 'QgsWkbTypes.MultiPoint'),
        'MultiLineString': ('MultiLineString', 'QgsWkbTypes.MultiLineString'),
        'MultiPolygon': ('MultiPolygon', 'QgsWkbTypes.MultiPolygon'),
        'GeometryCollection': ('GeometryCollection', 'QgsWkbTypes.GeometryCollection'),
        'NoGeometry': ('NoGeometry', 'QgsWkbTypes.NoGeometry'),
    }),
    'GeometryType': ('Qgis.GeometryType', {
        'Point': ('Point', 'QgsWkbTypes.PointGeometry'),
        'Line': ('Line', 'QgsWkbTypes.LineGeometry'),
        'Polygon': ('Polygon', 'QgsWkbTypes.PolygonGeometry'),
        'Unknown': ('Unknown', 'QgsWkbTypes.UnknownGeometry'),
        'Null': ('Null', 'QgsWkbTypes.NullGeometry'),
    }),
    'DistanceUnit': ('Qgis.DistanceUnit', {
        'Meters': ('Meters', 'QgsUnitTypes.DistanceMeters'),
        'Kilometers': ('Kilometers', 'QgsUnitTypes.DistanceKilometers'),
    }),
    'LayoutUnit': ('Qgis.LayoutUnit', {
        'Millimeters': ('Millimeters', 'QgsUnitTypes.LayoutMillimeters'),
    }),
    'RenderUnit': ('Qgis.RenderUnit', {
        'Millimeters': ('Millimeters', 'QgsUnitTypes.RenderMillimeters'),
        'Points': ('Points', 'QgsUnitTypes.RenderPoints'),
    }),
    'LayerFilter': ('Qgis.LayerFilter', {
        'RasterLayer': ('RasterLayer', 'QgsMapLayerProxyModel.RasterLayer'),
        'PointLayer': ('PointLayer', 'QgsMapLayerProxyModel.PointLayer'),
        'LineLayer': ('LineLayer', 'QgsMapLayerProxyModel.LineLayer'),
        'PolygonLayer': ('PolygonLayer', 'QgsMapLayerProxyModel.PolygonLayer'),
        'VectorLayer': ('VectorLayer', 'QgsMapLayerProxyModel.VectorLayer'),
    }),
    'LayerType': ('Qgis.LayerType', {
        'Vector': ('Vector', 'QgsMapLayerType.VectorLayer'),
        'Raster': ('Raster', 'QgsMapLayerType.RasterLayer'),
    }),
    'FeatureRequestFlag': ('Qgis.FeatureRequestFlag', {
        'NoGeometry': ('NoGeometry', 'QgsFeatureRequest.NoGeometry'),
        'SubsetOfAttributes': ('SubsetOfAttributes', 'QgsFeatureRequest.SubsetOfAttributes'),
    }),
}


def _resolve(path, namespaces):
    """``'Qgis.WkbType.Point'`` -> the object, looked up from the first name in ``namespaces``."""
    head, *rest = path.split('.')
    value = namespaces[head]
    for part in rest:
        value = getattr(value, part)
    return value


def _namespaces():
    from qgis import core, gui
    from qgis.PyQt import QtCore
    found = {}
    for module in (QtCore, core, gui):
        found.update({k: v for k, v in vars(module).items() if k.startswith('Q')})
    return found


def _build():
    namespaces = _namespaces()
    built = {}
    for name, (new_enum, members) in NAMES.items():
        values = {member: _resolve(f'{new_enum}.{new}' if NEW_API else old, namespaces)
                  for member, (new, old) in members.items()}
        built[name] = type(name, (), dict(values, __doc__=f'{new_enum} (QGIS >= 3.38) or its 3.22 spelling'))
    return built


globals().update(_build())

__all__ = ['NEW_API', 'QGIS_VERSION_INT', *NAMES]
