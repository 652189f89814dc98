"""The map's camera on screen: one finger pans (and glides on release), two fingers pinch-zoom about their
centre (and pan as they move), a double tap zooms in about the tap, a tap reports where it landed.

Gestures come from the shared recogniser (`kiosk.gestures.recogniser`, through `TouchInput`), so a tap, a
double tap or a fling means the same here as on the photo viewer and the timeline; the arithmetic is
`kiosk.geo.viewport.Viewport`, and this widget only applies the result as the view's transform. The view
accepts the touch itself, so Qt synthesises no mouse events from it and no tap can act twice; a real mouse
drags, double-clicks and wheels the same way.
"""

from __future__ import annotations

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
from PySide6.QtGui import QMouseEvent, QPainter, QTransform, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from kiosk.geo.viewport import Box, Point, Viewport
from kiosk.gestures import Inertia
from kiosk.gestures.intents import (
    Cancel,
    DoubleTap,
    DragEnd,
    DragMove,
    Fling,
    Intent,
    PinchEnd,
    PinchMove,
    PinchStart,
    Press,
    Tap,
)
from kiosk.ui.widgets.touch_input import TOUCH_KINDS, TouchInput, real_mouse

FRAME_MS = 16


class MapView(QGraphicsView):
    tapped = Signal(QPointF)  # screen point of a tap (viewport coordinates)
    viewport_changed = Signal(object)  # Viewport, after every change
    interaction_started = Signal()

    def __init__(self, scene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self.frame: Box = (-1e3, -1e3, 1e3, 1e3)
        self._area: list[list[Point]] = []
        self._area_margin = 0.0
        self._clear: Box | None = None  # the part of the view no card covers (`set_clear`)
        self.min_scale, self.max_scale = 1.0, 100.0
        self._vp = Viewport(1.0, 0.0, 0.0, 1.0, 1.0)
        self._pinch: tuple[tuple[float, float], float] | None = None  # map point under the fingers, start scale
        self._inertia_x, self._inertia_y = Inertia(), Inertia()
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
        self.setProperty("role", "map")
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.touch_input = TouchInput(self.viewport(), self._on_intent)

    # camera ----------------------------------------------------------------------------------------

    @property
    def camera(self) -> Viewport:
        return self._vp

    def set_limits(self, frame: Box, min_scale: float, max_scale: float,
                   area: list[list[Point]] | None = None, margin: float = 0.0) -> None:
        """Zoom limits, the frame the middle of the screen stays in, and the area (outline rings) of which some
        stays at least `margin` pixels inside the view at every zoom: a flick stops at it as at the frame."""
        self.frame, self.min_scale, self.max_scale = frame, min_scale, max_scale
        self._area, self._area_margin = area or [], margin

    def set_clear(self, clear: Box | None) -> None:
        """The part of the view (left, top, right, bottom in pixels) no card covers, None for all of it: the
        district is held in view there, so a flick never leaves it all under the card."""
        self._clear = clear

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
        if not self.touch_input.active and not self._glide.isActive() and (
            self._animation.state() != QVariantAnimation.State.Running
        ):
            self._set_moving(False)

    def is_moving(self) -> bool:
        return self._moving

    def _apply(self, viewport: Viewport) -> None:
        self._vp = viewport.clamped(self.frame, self.min_scale, self.max_scale).held_near(
            self._area, self._area_margin, self._clear
        )
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

    # touch and mouse: Qt events -> recogniser -> the camera -------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() in TOUCH_KINDS:
            self.touch_input.touch(event)  # type: ignore[arg-type]  # a touch event kind: Qt hands it over as QEvent
            return True
        return super().viewportEvent(event)

    def _on_intent(self, intent: Intent) -> None:
        if isinstance(intent, Press):
            self.stop_motion()
            self.interaction_started.emit()
            self._set_moving(True)
        elif isinstance(intent, DragMove):
            self._apply(self._vp.panned(*intent.delta))
        elif isinstance(intent, Fling):
            self._inertia_x.start(intent.velocity[0])
            self._inertia_y.start(intent.velocity[1])
            if self._inertia_x.moving or self._inertia_y.moving:
                self._glide_last = self.touch_input.now()
                self._glide.start()
        elif isinstance(intent, Tap):
            self.tapped.emit(QPointF(*intent.pos))
        elif isinstance(intent, DoubleTap):
            self.zoom_by(2.0, QPointF(*intent.pos))
        elif isinstance(intent, PinchStart):
            self._pinch = (self._vp.to_map(*intent.centre), self._vp.scale)
        elif isinstance(intent, PinchMove) and self._pinch is not None:
            anchor, scale0 = self._pinch
            scale = max(self.min_scale, min(self.max_scale, scale0 * intent.scale))
            self._apply(self._vp.with_anchor(anchor, scale, intent.centre))
        elif isinstance(intent, (PinchEnd, Cancel)):
            self._pinch = None
        if isinstance(intent, DragEnd):
            QTimer.singleShot(0, self, self._settle)  # after the Fling that may follow: no sharp frame mid-glide
        elif isinstance(intent, (Tap, PinchEnd, Cancel)):
            self._settle()

    @Slot()
    def _glide_step(self) -> None:
        now = self.touch_input.now()
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
        if real_mouse(event):
            self.touch_input.mouse(event)

    mouseMoveEvent = mouseReleaseEvent = mouseDoubleClickEvent = mousePressEvent

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(1.25**steps, event.position(), animate=False)
