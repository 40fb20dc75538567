"""The indicator dock's chart: the current indicator across districts, one bar each, coloured by
status, with the target and warning lines and the values on the axis."""

from qgis.PyQt.QtCore import QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QPen
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

from .chart import begin_chart

BAR_COLORS = {'正常': '#41ab5d', '预警': '#fdae61', '超标': '#d7301f'}


def number_text(value):
    """A value for the panel: thousands separators, at most two decimals, no trailing zeros."""
    if value is None:
        return '—'
    text = '{:,.2f}'.format(value)
    return text.rstrip('0').rstrip('.') if '.' in text else text


class BarChart(QWidget):
    """One bar per district, target and warning as dashed lines, a value scale on the left."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.title = ''
        self.bars = []            # (label, value or None, status, highlighted)
        self.lines = []           # (value, colour)

    def set_data(self, title, bars, lines):
        self.title, self.bars, self.lines = title, list(bars), list(lines)
        self.setToolTip(title)
        self.update()

    def scale(self):
        """(low, high) of the value axis: zero, the bars and the lines."""
        values = [v for _, v, _, _ in self.bars if v is not None] + [v for v, _ in self.lines]
        if not values:
            return None
        return min(0.0, min(values)), max(0.0, max(values))

    def paintEvent(self, event):  # noqa: N802
        painter, metrics = begin_chart(self, metrics_elided(self, self.title))
        scale = self.scale()
        if not self.bars or scale is None:
            painter.end()
            return
        low, high = scale
        ticks = [low, high] if low < 0 else [high]
        axis = max(metrics.horizontalAdvance(number_text(t)) for t in ticks + [0.0]) + 8
        top, bottom = metrics.height() + 8, self.height() - metrics.height() - 6
        left, right = axis, self.width() - 6
        span = (high - low) or 1.0

        def y(value):
            return bottom - (value - low) / span * (bottom - top)
        painter.setPen(QColor('#505050'))
        for tick in ticks + [0.0]:
            painter.drawText(QRectF(0, y(tick) - metrics.height() / 2, axis - 4, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, number_text(tick))
        painter.drawLine(QPointF(left, top), QPointF(left, bottom))
        step = (right - left) / len(self.bars)
        for n, (label, value, status, highlighted) in enumerate(self.bars):
            x = left + n * step
            if value is not None:
                rect = QRectF(QPointF(x + step * 0.15, y(max(value, 0.0))),
                              QPointF(x + step * 0.85, y(min(value, 0.0))))
                painter.setBrush(QBrush(QColor(BAR_COLORS.get(status, '#9ecae1'))))
                painter.setPen(QPen(QColor('#000000'), 2.0) if highlighted else Qt.PenStyle.NoPen)
                painter.drawRect(rect)
            painter.setPen(QColor('#000000') if highlighted else QColor('#505050'))
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(step))
            painter.drawText(QRectF(x, bottom + 2, step, metrics.height() + 2), Qt.AlignmentFlag.AlignHCenter, text)
        for value, colour in self.lines:
            painter.setPen(QPen(QColor(colour), 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(left, y(value)), QPointF(right, y(value)))
            painter.drawText(QRectF(left + 2, y(value) - metrics.height(), right - left - 4, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, number_text(value))
        painter.setPen(QColor('#808080'))
        painter.drawLine(QPointF(left, y(0.0)), QPointF(right, y(0.0)))
        painter.end()


def metrics_elided(widget, text):
    """``text`` elided to the widget's width (the full title is the tooltip)."""
    return widget.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(widget.width() - 8, 20))
