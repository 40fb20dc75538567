"""The sensor dock's map tool (add / remove sensors) and its planning task (off the main thread)."""

import traceback

from qgis.PyQt.QtCore import Qt
from qgis.core import QgsTask
from qgis.gui import QgsMapToolEmitPoint

from ..core.errors import SpmError
from ..core.sensors import problem, session


class SensorMapTool(QgsMapToolEmitPoint):
    """Left click: add a sensor; right click: remove the nearest new sensor."""

    def __init__(self, canvas, dock):
        super().__init__(canvas)
        self.dock = dock

    def canvasReleaseEvent(self, event):  # noqa: N802
        point = self.toMapCoordinates(event.pos())
        tolerance = 12 * self.canvas().mapUnitsPerPixel()
        if event.button() == Qt.MouseButton.RightButton:
            self.dock.remove_sensor_at(point, tolerance)
        elif event.button() == Qt.MouseButton.LeftButton:
            self.dock.add_sensor_at(point)


class PlanTask(QgsTask):
    """Prepare the coverage problem and plan it, off the main thread."""

    def __init__(self, description, inputs, on_done):
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.inputs, self.on_done = inputs, on_done
        self.session, self.error = None, None

    def run(self):
        inputs = self.inputs
        try:
            prob = problem.prepare(inputs['risk'], inputs['candidates'], inputs['existing'],
                                   canceled=self.isCanceled, **inputs['options'])
            self.setProgress(30)
            self.session = session.plan_session(prob, canceled=self.isCanceled,
                                                progress=lambda pct: self.setProgress(30 + 0.7 * pct),
                                                **inputs['model'])
            return True
        except SpmError as exc:
            self.error = str(exc)
        except Exception:  # shown to the user in the dock, with the traceback in the log
            self.error = traceback.format_exc()
        return False

    def finished(self, result):
        self.on_done(self)
