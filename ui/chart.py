"""What the docks' small charts share: a white canvas, the chart font and the title."""

from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QPainter


def begin_chart(widget, title):
    """A painter on ``widget`` cleared to white, in a font a little smaller than the widget's,
    with ``title`` drawn top left. Returns (painter, font metrics); end the painter when done."""
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(widget.rect(), QColor('white'))
    font = QFont(widget.font())
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
    painter.setFont(font)
    metrics = painter.fontMetrics()
    painter.setPen(QColor('#202020'))
    painter.drawText(QRectF(4, 2, widget.width() - 8, metrics.height() + 2), Qt.AlignmentFlag.AlignLeft, title)
    return painter, metrics
