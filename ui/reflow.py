"""Rows that stack when a dock is narrow, so its body never scrolls sideways.

A dock's form has rows laid out side by side: label/field pairs (QFormLayout), button rows (QHBoxLayout) and a grid of label/field
pairs (a QGridLayout with 4 columns). When the width the dock gives the form is less than what such a
row needs side by side (a button row: its minimum width; a grid: its preferred width, so that spin
boxes keep room for their numbers), the row stacks: a button row becomes a column of buttons, and a grid of
4 columns becomes 2 (each label/field pair on a row of its own); a form puts a field that does
not fit beside its label below it (Qt's WrapLongRows). Wider again, they go back.
"""

from qgis.PyQt.QtCore import QEvent, QObject
from qgis.PyQt.QtWidgets import QBoxLayout, QFormLayout, QGridLayout


def _sublayouts(layout):
    for index in range(layout.count()):
        child = layout.itemAt(index).layout()
        if child is not None:
            yield child
            yield from _sublayouts(child)


class Reflow(QObject):
    """Watches ``viewport`` (the scroll area's) and stacks the rows of ``body`` that do not fit it."""

    def __init__(self, body, viewport):
        super().__init__(viewport)
        self.body = body
        self.viewport = viewport
        layout = body.layout()
        self.rows = [row for row in _sublayouts(layout)
                     if isinstance(row, QBoxLayout) and row.direction() == QBoxLayout.Direction.LeftToRight
                     and row.count() > 1]
        self.grids = [grid for grid in _sublayouts(layout) if isinstance(grid, QGridLayout) and grid.columnCount() > 2]
        self.cells = {id(grid): self._cells(grid) for grid in self.grids}
        self.wide = {}               # id(layout) -> width it needs side by side
        self.narrow = set()           # ids of the layouts stacked now
        for form in body.findChildren(QFormLayout):     # a field too wide beside its label goes below it
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        viewport.installEventFilter(self)

    @staticmethod
    def _cells(grid):
        return [(grid.itemAt(i), grid.getItemPosition(i)) for i in range(grid.count())]

    def eventFilter(self, watched, event):  # noqa: N802
        if watched is self.viewport and event.type() == QEvent.Type.Resize:
            self.update(event.size().width())
        return False

    def available(self, width):
        margins = self.body.layout().contentsMargins()
        return width - margins.left() - margins.right()

    def update(self, width):
        """Stack what does not fit ``width`` (the viewport's), unstack what fits again."""
        space = self.available(width)
        for layout in self.rows + self.grids:
            key = id(layout)
            if key not in self.wide:                 # measured once, side by side: a grid of fields
                self.wide[key] = (layout.sizeHint() if isinstance(layout, QGridLayout)   # at its ease,
                                  else layout.minimumSize()).width()                   # buttons whole
            stack = self.wide[key] > space
            if stack == (key in self.narrow):
                continue
            (self.narrow.add if stack else self.narrow.discard)(key)
            if isinstance(layout, QGridLayout):
                self._lay_grid(layout, 2 if stack else None)
            else:
                layout.setDirection(QBoxLayout.Direction.TopToBottom if stack else QBoxLayout.Direction.LeftToRight)

    def _lay_grid(self, grid, columns):
        """Put the grid's cells back in ``columns`` columns (None: where the form had them); a
        row of W columns becomes W / columns rows, in reading order."""
        cells = self.cells[id(grid)]
        width = max(column + span for _, (_, column, _, span) in cells)
        while grid.count():
            grid.takeAt(0)
        for item, (row, column, row_span, column_span) in cells:
            if columns is not None:
                row, column = row * (width // columns) + column // columns, column % columns
            grid.addItem(item, row, column, row_span, column_span)
