"""Screen transitions drawn from two snapshots, never by re-rendering live widgets every frame.

The window grabs the old and the new screen once, then this overlay slides or cross-fades the two pixmaps:
each frame is two `drawPixmap` calls (~1 ms at 1080p), so the motion stays smooth on a slow PC.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QEvent, Qt, QVariantAnimation, Signal, Slot
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from kiosk.navigation import Direction


class TransitionOverlay(QWidget):
    finished = Signal()
    frame_painted = Signal()

    def __init__(self, duration_ms: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)  # swallow touches mid-transition
        self._old = QPixmap()
        self._new = QPixmap()
        self._direction = Direction.FADE
        self._progress = 0.0
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(duration_ms)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._advance)
        self._animation.finished.connect(self._done)
        self.hide()

    @property
    def running(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    def start(self, old: QPixmap, new: QPixmap, direction: Direction) -> None:
        self._animation.stop()
        self._old, self._new, self._direction = old, new, direction
        self._progress = 0.0
        self.raise_()
        self.show()
        self.repaint()  # first frame now, not on the next timer tick
        self._animation.start()

    def finish_now(self) -> None:
        if self.running:
            self._animation.stop()
            self._done()

    @Slot(object)
    def _advance(self, value: object) -> None:
        self._progress = float(value)
        self.update()

    @Slot()
    def _done(self) -> None:
        self.hide()
        self._old = QPixmap()
        self._new = QPixmap()
        self.finished.emit()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange):
            # The app style sheet (`QWidget { background: transparent }`) clears this flag when it polishes a
            # widget. This one paints every pixel itself: with the flag, Qt paints nothing beneath it first.
            self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        return handled

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        w = self.width()
        k = self._progress
        if self._direction is Direction.FADE:
            p.drawPixmap(0, 0, self._old)
            p.setOpacity(k)
            p.drawPixmap(0, 0, self._new)
        else:
            sign = 1 if self._direction is Direction.FORWARD else -1
            offset = round(sign * w * k)
            p.drawPixmap(-offset, 0, self._old)
            p.drawPixmap(sign * w - offset, 0, self._new)
        p.end()
        self.frame_painted.emit()

    def mousePressEvent(self, event) -> None:  # swallow input during the ~0.3 s of motion
        event.accept()
