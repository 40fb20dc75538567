"""Helpers for the tests on real data (tests/data/real, see its README).

A module of its own, not a conftest.py: a second module named conftest would shadow tests/conftest.py
for the tests that import from it."""

from pathlib import Path

REAL = Path(__file__).resolve().parents[1] / 'data' / 'real'
HELSINKI = REAL / 'helsinki_osm.gpkg'


def uri(path, layer):
    return f'{path}|layername={layer}'


def open_layer(path, layer=None):
    from qgis.core import QgsVectorLayer
    source = uri(path, layer) if layer else str(path)
    opened = QgsVectorLayer(source, layer or 'output', 'ogr')
    assert opened.isValid(), source
    return opened


def save(path, name, kind, fields, rows, crs='EPSG:3067'):
    """Write a GeoPackage layer through QGIS: ``rows`` are (QgsGeometry or WKT, *values);
    ``fields`` (name, QVariant type). Returns the layer's URI."""
    from qgis.core import (QgsCoordinateTransformContext, QgsFeature, QgsField, QgsGeometry,
                           QgsVectorFileWriter, QgsVectorLayer)
    memory = QgsVectorLayer(f'{kind}?crs={crs}', name, 'memory')
    memory.dataProvider().addAttributes([QgsField(n, t) for n, t in fields])
    memory.updateFields()
    features = []
    for geometry, *values in rows:
        feature = QgsFeature(memory.fields())
        feature.setGeometry(QgsGeometry.fromWkt(geometry) if isinstance(geometry, str) else geometry)
        feature.setAttributes(list(values))
        features.append(feature)
    assert memory.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = 'GPKG', name
    if Path(path).exists():
        options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    error = QgsVectorFileWriter.writeAsVectorFormatV3(memory, str(path), QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return uri(path, name)


def grid(extent, columns, rows, margin=1.0):
    """(cell WKT, column, row) of a columns × rows grid over a QgsRectangle grown by ``margin``."""
    x0, y0 = extent.xMinimum() - margin, extent.yMinimum() - margin
    width = (extent.width() + 2 * margin) / columns
    height = (extent.height() + 2 * margin) / rows
    cells = []
    for row in range(rows):
        for column in range(columns):
            a, b = x0 + column * width, y0 + row * height
            cells.append((f'POLYGON(({a} {b},{a + width} {b},{a + width} {b + height},{a} {b + height},{a} {b}))',
                          column, row))
    return cells


class Log:
    """A Processing feedback keeping every line it is given."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class Recording(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.lines, self.warnings = [], []

            def pushInfo(self, text):  # noqa: N802
                self.lines.append(text)

            def pushWarning(self, text):  # noqa: N802
                self.lines.append(text)
                self.warnings.append(text)

            def reportError(self, text, fatal=False):  # noqa: N802
                self.lines.append(text)
                self.warnings.append(text)
        return Recording()
