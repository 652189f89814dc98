"""The map's camera on screen: one finger pans (and glides on release), two fingers pinch-zoom about their
centre (and pan as they move), a double tap zooms in about the tap, a tap reports where it landed.

The arithmetic is `kiosk.geo.viewport.Viewport`; this widget only feeds it touch points and applies the
result as the view's transform. The view accepts the touch itself, so Qt synthesises no mouse events from it
and no tap can act twice; a real mouse drags, double-clicks and wheels the same way.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QPointF,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
    Slot,
)
from PySide6.QtGui import QMouseEvent, QPainter, QTouchEvent, QTransform, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from kiosk.geo.viewport import Box, Viewport
from kiosk.gestures import Inertia

DOUBLE_TAP_MS = 400  # generous: older visitors tap slowly
FRAME_MS = 16


def _double_tap_ms() -> float:
    return DOUBLE_TAP_MS  # looked up at use, so a test on a busy machine can widen it


class MapView(QGraphicsView):
    tapped = Signal(QPointF)  # screen point of a tap (viewport coordinates)
    viewport_changed = Signal(object)  # Viewport, after every change
    interaction_started = Signal()

    def __init__(self, scene, slop: float, double_tap_reach: float, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self._slop = slop
        self._double_reach = double_tap_reach
        self.frame: Box = (-1e3, -1e3, 1e3, 1e3)
        self.min_scale, self.max_scale = 1.0, 100.0
        self._vp = Viewport(1.0, 0.0, 0.0, 1.0, 1.0)
        self._touch: dict[int, QPointF] = {}
        self._pinch: tuple[tuple[float, float], float, float] | None = None  # anchor, start scale, start distance
        self._pan_from: QPointF | None = None
        self._press_at: QPointF | None = None
        self._moved = False
        self._last_tap: tuple[float, QPointF] | None = None
        self._mouse_down = False
        self._inertia_x, self._inertia_y = Inertia(), Inertia()
        self._samples: list[tuple[float, QPointF]] = []
        self._glide = QTimer(self)
        self._glide.setInterval(FRAME_MS)
        self._glide.timeout.connect(self._glide_step)
        self._glide_last = 0.0
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(300)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._animate_step)
        self._from_to: tuple[Viewport, Viewport] | None = None
        self._animation.finished.connect(self._settle)
        self._moving = False

        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setInteractive(False)
        self.setStyleSheet("background: transparent; border: none;")
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)

    # camera ----------------------------------------------------------------------------------------

    @property
    def camera(self) -> Viewport:
        return self._vp

    def set_limits(self, frame: Box, min_scale: float, max_scale: float) -> None:
        self.frame, self.min_scale, self.max_scale = frame, min_scale, max_scale

    def set_camera(self, viewport: Viewport, animate: bool = False) -> None:
        target = viewport.resized(self.viewport().width(), self.viewport().height()).clamped(
            self.frame, self.min_scale, self.max_scale
        )
        self.stop_motion()
        if animate and self.isVisible():
            self._set_moving(True)
            self._from_to = (self._vp, target)
            self._animation.setStartValue(0.0)
            self._animation.setEndValue(1.0)
            self._animation.start()
        else:
            self._apply(target)

    def stop_motion(self) -> None:
        self._animation.stop()
        self._glide.stop()
        self._inertia_x.stop()
        self._inertia_y.stop()
        self._settle()

    def _set_moving(self, moving: bool) -> None:
        """While the map moves it is drawn without antialiasing (a frame costs about half as much, and nobody
        sees edge quality in motion); the moment it rests, one antialiased frame."""
        if moving == self._moving:
            return
        self._moving = moving
        self.setRenderHint(QPainter.RenderHint.Antialiasing, not moving)
        if not moving:
            self.viewport().update()

    @Slot()
    def _settle(self) -> None:
        if not self._touch and not self._mouse_down and not self._glide.isActive() and (
            self._animation.state() != QVariantAnimation.State.Running
        ):
            self._set_moving(False)

    def is_moving(self) -> bool:
        return self._moving

    def _apply(self, viewport: Viewport) -> None:
        self._vp = viewport.clamped(self.frame, self.min_scale, self.max_scale)
        s = self._vp.scale
        self.setTransform(QTransform.fromScale(s, s))
        self.centerOn(self._vp.cx, self._vp.cy)
        self.viewport_changed.emit(self._vp)

    @Slot(object)
    def _animate_step(self, value: float) -> None:
        if self._from_to is None:
            return
        a, b = self._from_to
        # zoom geometrically, move linearly in the zoom's own frame: no swoop out and back in
        scale = a.scale * (b.scale / a.scale) ** value
        self._apply(Viewport(scale, a.cx + (b.cx - a.cx) * value, a.cy + (b.cy - a.cy) * value, a.width, a.height))

    def zoom_by(self, factor: float, screen: QPointF | None = None, animate: bool = True) -> None:
        point = screen if screen is not None else QPointF(self.viewport().width() / 2, self.viewport().height() / 2)
        self.set_camera(self._vp.zoomed(factor, (point.x(), point.y())), animate=animate)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._apply(self._vp.resized(self.viewport().width(), self.viewport().height()))

    # touch -----------------------------------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self._on_touch(event)  # type: ignore[arg-type]
            event.accept()
            return True
        return super().viewportEvent(event)

    def _on_touch(self, event: QTouchEvent) -> None:
        now = time.monotonic()
        if event.type() == QEvent.Type.TouchCancel:
            self._touch.clear()
            self._pinch = self._pan_from = self._press_at = None
            self._settle()
            return
        if event.type() == QEvent.Type.TouchBegin:
            self.stop_motion()
            self.interaction_started.emit()
        before = len(self._touch)
        for point in event.points():
            if point.state() == point.State.Released:
                self._touch.pop(point.id(), None)
            else:
                self._touch[point.id()] = point.position()
        released = [p.position() for p in event.points() if p.state() == p.State.Released]
        count = len(self._touch)
        if count:
            self._set_moving(True)
        if count >= 2:
            self._moved = True  # two fingers never make a tap
            self._pinch_to(list(self._touch.values())[:2], start=self._pinch is None)
        elif count == 1:
            pos = next(iter(self._touch.values()))
            if before != 1 or self._pan_from is None:  # first finger down, or back to one after a pinch
                self._pinch = None
                self._pan_from = pos
                self._samples = [(now, pos)]
                if before == 0:
                    self._press_at, self._moved = pos, False
            else:
                self._drag_to(pos, now)
        else:
            end = released[0] if released else self._pan_from
            self._finish(end, now)

    def _pinch_to(self, points: list[QPointF], start: bool) -> None:
        a, b = points
        centre = (a + b) / 2
        distance = max(1.0, math.hypot(a.x() - b.x(), a.y() - b.y()))
        if start:
            self._pinch = (self._vp.to_map(centre.x(), centre.y()), self._vp.scale, distance)
            self._pan_from = None
            return
        assert self._pinch is not None
        anchor, scale0, distance0 = self._pinch
        scale = max(self.min_scale, min(self.max_scale, scale0 * distance / distance0))
        self._apply(self._vp.with_anchor(anchor, scale, (centre.x(), centre.y())))

    def _drag_to(self, pos: QPointF, now: float) -> None:
        if self._press_at is not None and not self._moved:
            if math.hypot(pos.x() - self._press_at.x(), pos.y() - self._press_at.y()) < self._slop:
                return
            self._moved = True
        assert self._pan_from is not None
        delta = pos - self._pan_from
        self._pan_from = pos
        self._samples = [s for s in self._samples if now - s[0] < 0.1] + [(now, pos)]
        self._apply(self._vp.panned(delta.x(), delta.y()))

    def _finish(self, pos: QPointF | None, now: float) -> None:
        # No time limit: an older visitor's slow, still press is a tap too.
        was_tap = not self._moved and self._press_at is not None
        pinched = self._pinch is not None
        self._pinch = self._pan_from = None
        if was_tap and pos is not None:
            self._tap(pos, now)
        elif not pinched and len(self._samples) >= 2:
            (t0, p0), (t1, p1) = self._samples[0], self._samples[-1]
            if t1 - t0 > 0.005:
                self._inertia_x.start((p1.x() - p0.x()) / (t1 - t0))
                self._inertia_y.start((p1.y() - p0.y()) / (t1 - t0))
                if self._inertia_x.moving or self._inertia_y.moving:
                    self._glide_last = now
                    self._glide.start()
        self._press_at = None
        self._samples = []
        self._settle()

    def _tap(self, pos: QPointF, now: float) -> None:
        last = self._last_tap
        if last is not None and (now - last[0]) * 1000 < _double_tap_ms() and math.hypot(
            pos.x() - last[1].x(), pos.y() - last[1].y()
        ) < self._double_reach:
            self._last_tap = None
            self.zoom_by(2.0, pos)
            return
        self._last_tap = (now, pos)
        self.tapped.emit(pos)

    @Slot()
    def _glide_step(self) -> None:
        now = time.monotonic()
        dt = now - self._glide_last
        self._glide_last = now
        dx, dy = self._inertia_x.step(dt), self._inertia_y.step(dt)
        if not (self._inertia_x.moving or self._inertia_y.moving):
            self._glide.stop()
            self._settle()
            return
        self._apply(self._vp.panned(dx, dy))

    # mouse (development machines, staff with a mouse) --------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.source() != Qt.MouseEventSource.MouseEventNotSynthesized:
            return
        self.stop_motion()
        self.interaction_started.emit()
        self._mouse_down = True
        self._set_moving(True)
        pos = event.position()
        self._press_at, self._moved, self._pan_from = pos, False, pos
        self._samples = [(time.monotonic(), pos)]

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._mouse_down and event.source() == Qt.MouseEventSource.MouseEventNotSynthesized:
            self._drag_to(event.position(), time.monotonic())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._mouse_down and event.source() == Qt.MouseEventSource.MouseEventNotSynthesized:
            self._mouse_down = False
            self._finish(event.position(), time.monotonic())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.source() == Qt.MouseEventSource.MouseEventNotSynthesized:
            self._last_tap = None
            self.zoom_by(2.0, event.position())

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(1.25**steps, event.position(), animate=False)
