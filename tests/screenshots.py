"""Screenshots for the docs: a dock beside a rendered map, composed offscreen (shared by dock tests)."""


def render_map(layers, extent, size, selection_color=None):
    """A QImage of ``layers`` over ``extent`` (CRS of the first layer), white background."""
    from qgis.PyQt.QtGui import QColor, QImage, QPainter
    from qgis.core import QgsMapRendererCustomPainterJob, QgsMapSettings
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(layers[0].crs())
    settings.setOutputSize(size)
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor('white'))
    if selection_color is not None:
        settings.setSelectionColor(selection_color)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor('white'))
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.start()
    job.waitForFinished()
    painter.end()
    return image


def beside(image, widget, path):
    """Save ``image`` with ``widget`` grabbed to its right, a grey rule between, as ``path`` (PNG)."""
    from qgis.PyQt.QtGui import QColor, QImage, QPainter
    panel = widget.grab()
    shot = QImage(image.width() + panel.width(), max(image.height(), panel.height()), QImage.Format.Format_ARGB32)
    shot.fill(QColor('white'))
    painter = QPainter(shot)
    painter.drawImage(0, 0, image)
    painter.drawPixmap(image.width(), 0, panel)
    painter.setPen(QColor('#606060'))
    painter.drawLine(image.width(), 0, image.width(), shot.height())
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    assert shot.save(str(path)), path
    return shot


def label_districts(layer):
    """District names (field ``name``) on the map, in the CJK font the README pictures use."""
    from qgis.PyQt.QtGui import QFont
    from qgis.core import (QgsPalLayerSettings, QgsTextBufferSettings, QgsTextFormat,
                           QgsVectorLayerSimpleLabeling)
    settings = QgsPalLayerSettings()
    settings.fieldName = 'name'
    text = QgsTextFormat()
    text.setFont(QFont('Noto Sans CJK SC'))
    text.setSize(12)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
