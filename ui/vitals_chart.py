"""A small time-series chart for the 城市运行体征 dock: one sensor's readings of one metric, with the
four warning thresholds drawn as lines in their colours."""

import numpy as np
from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QPen, QPolygonF
from qgis.PyQt.QtWidgets import QWidget

from .chart import begin_chart

COLOURS = ('#1e64ff', '#e0b000', '#ff8c00', '#e60000')


class SeriesChart(QWidget):
    """``set_series(title, times (s), values, thresholds (4, NaN = none), unit)``; empty: a hint."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumHeight(150)
        self.title, self.t, self.v, self.thresholds, self.unit = '', np.zeros(0), np.zeros(0), [], ''
        self.hint = ''

    def sizeHint(self):  # noqa: N802
        return QSize(320, 170)

    def set_series(self, title, times, values, thresholds, unit):
        self.title, self.unit = title, unit
        self.t, self.v = np.asarray(times, float), np.asarray(values, float)
        self.thresholds = [x for x in thresholds]
        self.update()

    def clear(self, hint=''):
        self.set_series('', [], [], [], '')
        self.hint = hint

    def paintEvent(self, event):  # noqa: N802
        painter, metrics = begin_chart(self, self.title or self.hint)
        try:
            if len(self.t) < 1:
                return
            finite = [x for x in self.thresholds if np.isfinite(x)]
            low = min(float(self.v.min()), 0.0)
            high = max([float(self.v.max())] + finite[:2]) * 1.08 or 1.0
            left, top = metrics.horizontalAdvance('0000') + 6, metrics.height() + 6
            plot = QRectF(left, top, self.width() - left - 8, self.height() - top - metrics.height() - 6)
            t0, t1 = float(self.t.min()), float(max(self.t.max(), self.t.min() + 1))

            def at(t, v):
                return QPointF(plot.left() + (t - t0) / (t1 - t0) * plot.width(),
                               plot.bottom() - (v - low) / (high - low) * plot.height())

            painter.setPen(QPen(QColor('#b0b0b0'), 1))
            painter.drawRect(plot)
            for value, colour in zip(self.thresholds, COLOURS):
                if np.isfinite(value) and low <= value <= high:
                    painter.setPen(QPen(QColor(colour), 1, Qt.PenStyle.DashLine))
                    painter.drawLine(at(t0, value), at(t1, value))
            painter.setPen(QPen(QColor('#202020'), 1.4))
            painter.drawPolyline(QPolygonF([at(t, v) for t, v in zip(self.t, self.v)]))
            painter.setPen(QColor('#505050'))
            painter.drawText(QRectF(0, plot.top() - 2, left - 3, metrics.height()), Qt.AlignmentFlag.AlignRight, '{:g}'.format(
                round(high, 1)))
            painter.drawText(QRectF(0, plot.bottom() - metrics.height() + 2, left - 3, metrics.height()),
                             Qt.AlignmentFlag.AlignRight, '{:g}'.format(round(low, 1)))
            painter.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), metrics.height()), Qt.AlignmentFlag.AlignRight,
                             self.unit)
        finally:
            painter.end()
