"""Kinetic scrolling and sideways swipes for one finger or a mouse drag, on any widget.

`TouchDragController` filters a widget's touch and mouse events and turns them, through the Qt-free
`DragTracker`, into: vertical scrolling that follows the finger and glides on release; a `swiped` signal for a
sideways flick; and taps, which it delivers to the button under the finger itself. That last part matters:
the widget accepts the touch, so Qt synthesises no mouse events from it and no tap can ever act twice.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QScrollArea, QWidget

from kiosk.gestures import Axis, DragTracker, Gesture, Inertia

FRAME_MS = 16


class TouchDragController(QObject):
    """Install on `target`; scrolls `scroll_area` (if given) vertically and reports horizontal swipes."""

    swiped = Signal(int)  # +1: finger moved right-to-left (next), -1: previous
    tapped = Signal(QPoint)  # a tap on no button, in target coordinates

    def __init__(self, target: QWidget, scroll_area: QAbstractScrollArea | None = None, slop: float = 16.0):
        super().__init__(target)
        self._target = target
        self._scroll = scroll_area
        self._tracker = DragTracker(slop=slop, swipe_distance=max(120.0, slop * 7))
        self._inertia = Inertia()
        self._pressed: QAbstractButton | None = None
        self._mouse_active = False
        self._glide = QTimer(self)
        self._glide.setInterval(FRAME_MS)
        self._glide.timeout.connect(self._glide_step)
        self._last_step = 0.0
        target.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        target.installEventFilter(self)

    def stop(self) -> None:
        self._glide.stop()
        self._inertia.stop()
        self._tracker.cancel()
        self._release_button()

    # event handling ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            return self._touch(event)  # type: ignore[arg-type]
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease):
            return self._mouse(event)  # type: ignore[arg-type]
        return False

    def _touch(self, event: QTouchEvent) -> bool:
        points = event.points()
        kind = event.type()
        if kind == QEvent.Type.TouchCancel:
            self.stop()
            return True
        if not points:
            return False
        if len(points) > 1:  # a second finger: not ours (pinch is for the photo viewer and the map)
            if self._tracker.active:
                self._tracker.cancel()
                self._release_button()
            event.accept()
            return True
        pos = points[0].position()
        now = time.monotonic()
        if kind == QEvent.Type.TouchBegin:
            self._begin(pos, now)
        elif kind == QEvent.Type.TouchUpdate:
            self._drag(pos, now)
        else:
            self._end(pos, now)
        event.accept()
        return True

    def _mouse(self, event: QMouseEvent) -> bool:
        if event.source() != Qt.MouseEventSource.MouseEventNotSynthesized:
            return False  # synthesised from touch elsewhere: the touch path already handled it
        pos = event.position()
        now = time.monotonic()
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._mouse_active = True
            self._tracker.press(pos.x(), pos.y(), now)
            self._glide.stop()
            return False  # let the click reach what was pressed; we only watch for a drag
        if not self._mouse_active:
            return False
        if kind == QEvent.Type.MouseMove:
            self._drag(pos, now, from_mouse=True)
            return self._tracker.axis is not Axis.NONE
        if kind == QEvent.Type.MouseButtonRelease:
            self._mouse_active = False
            dragged = self._tracker.axis is not Axis.NONE
            self._finish(self._tracker.release(pos.x(), pos.y(), now), pos, tap_buttons=False)
            return dragged
        return False

    # gesture steps ----------------------------------------------------------------------------------

    def _begin(self, pos: QPointF, now: float) -> None:
        self._glide.stop()
        self._inertia.stop()
        self._tracker.press(pos.x(), pos.y(), now)
        self._pressed = self._button_at(pos)
        if self._pressed is not None:
            self._pressed.setDown(True)  # feedback in the very next frame

    def _drag(self, pos: QPointF, now: float, from_mouse: bool = False) -> None:
        if not self._tracker.active:
            return
        dx, dy = self._tracker.move(pos.x(), pos.y(), now)
        if self._tracker.axis is not Axis.NONE:
            self._release_button()
        if dy and self._scroll is not None:
            self._scroll_by(-dy)

    def _end(self, pos: QPointF, now: float) -> None:
        if not self._tracker.active:
            return
        self._finish(self._tracker.release(pos.x(), pos.y(), now), pos, tap_buttons=True)

    def _finish(self, release, pos: QPointF, tap_buttons: bool) -> None:  # noqa: ANN001
        button = self._pressed
        self._release_button()
        if release.gesture is Gesture.TAP:
            if tap_buttons and button is not None and button.isEnabled():
                button.click()
            elif button is None:
                self.tapped.emit(pos.toPoint())
        elif release.gesture is Gesture.SWIPE_LEFT:
            self.swiped.emit(1)
        elif release.gesture is Gesture.SWIPE_RIGHT:
            self.swiped.emit(-1)
        elif release.axis is Axis.VERTICAL and self._scroll is not None:
            self._inertia.start(-release.velocity[1])
            if self._inertia.moving:
                self._last_step = time.monotonic()
                self._glide.start()

    @Slot()
    def _glide_step(self) -> None:
        now = time.monotonic()
        distance = self._inertia.step(now - self._last_step)
        self._last_step = now
        if not self._inertia.moving or not self._scroll_by(distance):
            self._glide.stop()
            self._inertia.stop()

    def _scroll_by(self, distance: float) -> bool:
        """Scroll; returns False when the content is already at its end in that direction."""
        bar = self._scroll.verticalScrollBar()  # type: ignore[union-attr]
        before = bar.value()
        bar.setValue(round(before + distance))
        return bar.value() != before

    def _button_at(self, pos: QPointF) -> QAbstractButton | None:
        widget = self._target.childAt(pos.toPoint())
        while widget is not None and widget is not self._target:
            if isinstance(widget, QAbstractButton):
                return widget
            widget = widget.parentWidget()
        return None

    def _release_button(self) -> None:
        if self._pressed is not None:
            self._pressed.setDown(False)
            self._pressed = None


class TouchScrollArea(QScrollArea):
    """A vertical scroll area that scrolls kinetically by finger or mouse drag and reports sideways swipes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.controller = TouchDragController(self.viewport(), self)
        self.swiped = self.controller.swiped

    def reset(self) -> None:
        self.controller.stop()
        self.verticalScrollBar().setValue(0)
