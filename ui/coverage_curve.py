"""The sensor dock's coverage curve: coverage % against the number of new sensors in greedy order,
points solid and weight dashed (each drawn as one path, so the dash pattern shows), the axis
limited to the useful range (where the curve still rises, and the chosen P), P marked."""

import numpy as np
from qgis.PyQt.QtCore import QPointF, QRectF, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QPainterPath, QPen
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

from .chart import begin_chart

CURVE, CURRENT, PLAN = QColor('#2c7bb6'), QColor('#d7191c'), QColor('#fdae61')


def useful_extent(count, weight, marks=()):
    """The last number of sensors worth showing: three times the largest mark (the chosen P)
    when there is one, else where both curves reach 99 % of their final value;
    at least 10 and at most the curve's end."""
    last = len(count) - 1
    if last <= 0:
        return max(last, 0)
    marks = [m for m in marks if m]
    if marks:
        return int(min(last, max(3 * max(marks), 10)))
    reach = 0
    for values in (np.asarray(count, float), np.asarray(weight, float)):
        top = values.max() if len(values) else 0.0
        if top > 0:
            reach = max(reach, int(np.argmax(values >= 0.99 * top)))
    return int(min(last, max(reach + 1, 10)))


class CoverageCurve(QWidget):
    """Coverage % against the number of new sensors; a click picks a number of sensors."""

    picked = pyqtSignal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumHeight(210)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.count = np.zeros(0)       # coverage % (points) after k greedy sensors, k = 0 … n
        self.weight = np.zeros(0)      # coverage % (weight)
        self.current = None            # the layout's number of new sensors, when on the curve
        self.plan = None               # (new sensors, coverage %) of the solver's answer
        self.texts = ('', '', '')      # title, x-axis title, legend
        self.last = 0                  # the axis' end (number of sensors)
        self.paths = {}                # 'points' / 'weight' -> the QPainterPath last drawn

    def set_data(self, count, weight, current=None, plan=None, texts=('', '', '')):
        self.count, self.weight = np.asarray(count, float), np.asarray(weight, float)
        self.current, self.plan, self.texts = current, plan, texts
        # the axis follows the plan, not the picked point, so it stays put while one clicks along it
        self.last = useful_extent(self.count, self.weight, (plan[0] if plan else None,))
        if current is not None and current > self.last:
            self.last = min(len(self.count) - 1, current)
        self.update()

    def _frame(self):
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance('100%') + 8.0
        top = 2 * metrics.height() + 8.0
        return left, top, self.width() - 10.0, self.height() - 2.0 * metrics.height() - 6

    def x_for(self, n):
        """Pixel column of ``n`` sensors."""
        left, _, right, _ = self._frame()
        return left + (right - left) * n / max(self.last, 1)

    def n_at(self, x):
        left, _, right, _ = self._frame()
        return int(round(np.clip((x - left) / max(right - left, 1.0), 0.0, 1.0) * max(self.last, 1)))

    def mousePressEvent(self, event):  # noqa: N802
        if len(self.count) and event.button() == Qt.MouseButton.LeftButton:
            self.picked.emit(self.n_at(event.pos().x()))

    def mouseMoveEvent(self, event):  # noqa: N802
        if len(self.count) and event.buttons() & Qt.MouseButton.LeftButton:
            self.picked.emit(self.n_at(event.pos().x()))

    def keyPressEvent(self, event):  # noqa: N802
        """Left / right arrows step one sensor along the curve."""
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(event.key())
        if step and len(self.count):
            start = self.current if self.current is not None else (self.plan[0] if self.plan else 0)
            self.picked.emit(int(np.clip(start + step, 0, len(self.count) - 1)))
        else:
            super().keyPressEvent(event)

    def _path(self, values, y):
        path = QPainterPath()
        for k, value in enumerate(values[:self.last + 1]):
            point = QPointF(self.x_for(k), y(value))
            path.lineTo(point) if k else path.moveTo(point)
        return path

    def paintEvent(self, event):  # noqa: N802
        painter, metrics = begin_chart(self, self.texts[0])
        left, top, right, bottom = self._frame()
        painter.setPen(QColor('#909090'))
        painter.drawRect(QRectF(QPointF(left, top), QPointF(right, bottom)))

        def y(percent):
            return bottom - (bottom - top) * percent / 100.0
        for percent in (0, 50, 100):
            painter.drawText(QRectF(0, y(percent) - metrics.height() / 2, left - 4, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f'{percent}%')
        if len(self.count):
            self._legend(painter, metrics, left, metrics.height() + 4)
            painter.setPen(QColor('#505050'))
            painter.drawText(QRectF(left - 10, bottom + 2, 30, metrics.height()), Qt.AlignmentFlag.AlignLeft, '0')
            painter.drawText(QRectF(right - 60, bottom + 2, 60, metrics.height()), Qt.AlignmentFlag.AlignRight, str(self.last))
            painter.drawText(QRectF(left, bottom + 2, right - left, metrics.height() * 2), Qt.AlignmentFlag.AlignHCenter,
                             self.texts[1])
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for key, values, style in (('weight', self.weight, Qt.PenStyle.DashLine), ('points', self.count, Qt.PenStyle.SolidLine)):
                painter.setPen(QPen(CURVE, 1.6, style))
                self.paths[key] = self._path(values, y)
                painter.drawPath(self.paths[key])
            if self.current is not None and self.current <= self.last:
                x = self.x_for(self.current)
                painter.setPen(QPen(CURRENT, 1.2, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(x, top), QPointF(x, bottom))
            if self.plan is not None:
                x = self.x_for(min(self.plan[0], self.last))
                painter.setPen(QPen(QColor('#606060'), 1.0, Qt.PenStyle.DotLine))
                painter.drawLine(QPointF(x, top), QPointF(x, bottom))
                painter.setPen(QColor('#000000'))
                painter.drawText(QRectF(x + 3, top + 2, 80, metrics.height()), Qt.AlignmentFlag.AlignLeft,
                                 'P = {}'.format(self.plan[0]))
                painter.setBrush(PLAN)
                painter.drawEllipse(QPointF(x, y(self.plan[1])), 4.0, 4.0)
        painter.end()

    def _legend(self, painter, metrics, x, y):
        """The line styles as the curves draw them: a solid and a dashed sample with their names."""
        names = self.texts[2].split('|') if self.texts[2] else []
        for style, name in zip((Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine), names):
            painter.setPen(QPen(CURVE, 1.6, style))
            path = QPainterPath(QPointF(x, y + metrics.height() / 2))
            path.lineTo(QPointF(x + 24, y + metrics.height() / 2))
            painter.drawPath(path)
            painter.setPen(QColor('#202020'))
            painter.drawText(QRectF(x + 28, y, metrics.horizontalAdvance(name) + 4, metrics.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
            x += 28 + metrics.horizontalAdvance(name) + 14
