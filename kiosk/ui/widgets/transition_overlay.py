"""Screen transitions drawn from two snapshots, never by re-rendering live widgets every frame.

The window hands over a picture of the old screen and a way to render the new one; this overlay slides or
cross-fades them: each frame is one or two image blits, so the motion stays smooth on a slow PC.

What the visitor sees first costs almost nothing, and already moves. A transition's first frame is painted the
moment the touch is handled, one frame into the motion, from the old picture alone (the window's last frame,
copied): slid by a frame's worth with the theme's background where the new screen enters, or dimmed that much
towards the background in a cross-fade. Where the window keeps its frame in memory, the update `show()` queues
for the overlay, which would draw that same frame again in full (two pictures scaled over the whole 4K window,
the costliest frame of the motion), is answered by the pixels already there. The new screen is rendered on the
next turn of the event loop, while that frame is on the glass, and joins the motion in the next frame: where
rendering it takes a few frames' time, the motion jumps on by as much, as any late frame does.

Snapshots are rendered at `snapshot_scale` of device resolution (half at 3840×2160, full at 1920×1080) and
drawn scaled while they move; when the motion ends the overlay hides and the real widgets, at device resolution,
are shown. A cross-fade blends the new picture into the old one frame over frame (`fade_step`) at snapshot
resolution and draws the result once, so a 4K fade is one scaled blit a frame, not two blended full-size ones.
A slide, once both pictures are on the glass, moves the last frame's pixels along (`QWidget.scroll`: a move
inside the window's frame where the platform keeps one) and paints only the strip the new screen enters by:
at 4K the overlay's paint went from ~5.7 ms (two scaled pictures over 3840×1870) to ~0.7 ms, plus the move.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEasingCurve, QEvent, QRect, Qt, QTimer, QVariantAnimation, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.layout.snapshot import LEAD_MS, fade_step
from kiosk.navigation import Direction
from kiosk.ui import theme as t

Renderer = Callable[[], QImage]


class TransitionOverlay(QWidget):
    finished = Signal()
    frame_painted = Signal()
    frame_due = Signal()  # a frame's work begins (the new picture rendered, if it had to be, before)
    motion_started = Signal()  # the new picture is ready (after the first frame)

    def __init__(self, duration_ms: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)  # swallow touches mid-transition
        self._old = QImage()
        self._new = QImage()
        self._render_new: Renderer | None = None
        self._old_on_glass = False
        self._direction = Direction.FADE
        self._progress = 0.0
        self._faded = 0.0  # how much of the new picture the old buffer already holds (cross-fades)
        self._pending = False  # first frame shown, new picture not rendered yet
        self._moved = False  # the first frame (from the old picture alone) has been painted
        self._scrolls = False  # a slide: the new picture has been drawn (before, the background stood in for it)
        self._repeat_pending = False  # the update `show()` queued is still to come (see `start`)
        self._shown_offset = 0
        self._shown_progress = -1.0  # the progress of the last frame reported: a repaint of it is no new frame
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(duration_ms)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._advance)
        self._animation.finished.connect(self._done)
        self.hide()

    @property
    def shown_progress(self) -> float:
        """How far into the motion (0..1) the last frame painted was: above 0, it has moved."""
        return self._shown_progress

    @property
    def running(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    def start(self, old: QImage, render_new: Renderer, direction: Direction, old_on_glass: bool = False) -> None:
        """Start moving at once; render the new screen with `render_new` right after the first frame.

        The animation's clock starts one frame back (`LEAD_MS`): the frame painted now is already the motion's
        second, drawn from the old picture alone — slid by as much as it moves in a frame, with the theme's
        background where the new screen will enter, or in a cross-fade dimmed that much towards the background.
        The new screen is rendered on the next turn of the event loop, while that frame is on the glass, and
        joins the motion in the frame after. `old_on_glass`: `old` is a copy of the window's last frame."""
        self._animation.stop()
        self._old, self._new, self._direction = old, QImage(), direction
        self._render_new = render_new
        self._old_on_glass = old_on_glass
        self._progress = 0.0
        self._faded = 0.0
        self._pending = True
        self._moved = False
        self._scrolls = False
        self._repeat_pending = False
        self._shown_progress = -1.0
        self.raise_()
        self.show()
        self._animation.start()
        self._animation.setCurrentTime(min(LEAD_MS, self._animation.duration()))
        self.repaint()  # the first frame now, not on the next timer tick
        # `show()` queued an update of the whole overlay, which arrives after this frame: the same frame again.
        # Where the window keeps its frame in memory, its pixels are on the glass already and are not redrawn
        # (else two pictures scaled over the whole 4K window, the costliest frame of the motion).
        self._repeat_pending = old_on_glass and self._shown_progress == self._progress
        self._moved = True
        self._shown_offset = self._offset(self._progress)
        QTimer.singleShot(0, self, self._render_pending)

    @Slot()
    def _render_pending(self) -> None:
        if not self._pending:
            return  # rendered already, or finished early (finish_now)
        render, self._render_new = self._render_new, None
        self._new = render() if render is not None else QImage()
        self._pending = False
        self.motion_started.emit()

    def finish_now(self) -> None:
        if self.running:
            self._animation.stop()
            self._done()

    @Slot(object)
    def _advance(self, value: object) -> None:
        progress = float(value)
        if progress <= self._progress:
            return  # the animation starting at 0: that frame is on the glass already
        if not self._moved:
            self._progress = progress  # the first frame, which start() paints whole
            return
        self._render_pending()  # the next frame is due: the new picture must be there
        offset = self._offset(progress)
        if self._direction is not Direction.FADE and offset == self._shown_offset and self._scrolls:
            self._progress = progress
            return  # not a pixel further (the end of the motion): no frame
        self.frame_due.emit()
        self._progress = progress
        if self._direction is Direction.FADE:
            self.update()
            return
        # What the last frame showed, moved on (a move inside the window's frame where the platform can, a whole
        # repaint where it cannot): only the strip the new screen enters by is painted — or, in the first frame
        # with the new picture, all of it that shows, over the background that stood in for it.
        self.scroll(self._shown_offset - offset, 0)
        if not self._scrolls and not self._new.isNull():
            sign = 1 if self._direction is Direction.FORWARD else -1
            self.update(QRect(sign * self.width() - offset, 0, self.width(), self.height()).intersected(self.rect()))
            self._scrolls = True
        self._shown_offset = offset

    def _offset(self, progress: float) -> int:
        sign = 1 if self._direction is Direction.FORWARD else -1
        return round(sign * self.width() * progress)

    @Slot()
    def _done(self) -> None:
        self._pending = False
        self._render_new = None
        self.hide()
        self._old = QImage()
        self._new = QImage()
        self.finished.emit()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange):
            # The app style sheet (`QWidget { background: transparent }`) clears this flag when it polishes a
            # widget. This one paints every pixel itself: with the flag, Qt paints nothing beneath it first.
            self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        return handled

    def paintEvent(self, event: QPaintEvent) -> None:
        repeat, self._repeat_pending = self._repeat_pending, False
        if repeat and self._progress == self._shown_progress and event.rect() == self.rect():
            return  # the frame on the glass, asked for again by `show()`: its pixels are still there
        p = QPainter(self)
        w, h = self.width(), self.height()
        k = self._progress
        if self._direction is Direction.FADE:
            if not self._old.isNull():
                incoming = self._new if not self._new.isNull() else None
                opacity = fade_step(self._faded, k) if k < 1.0 or incoming is not None else 0.0
                if opacity > 0.0:
                    blend = QPainter(self._old)
                    blend.setOpacity(opacity)
                    if incoming is None:  # not rendered yet: towards the background it will come in on
                        blend.fillRect(self._old.rect(), QColor(t.BACKGROUND))
                    else:
                        blend.drawImage(self._old.rect(), incoming)
                    blend.end()
                    self._faded = k
            p.drawImage(self.rect(), self._old if not self._old.isNull() else self._new)
        else:
            sign = 1 if self._direction is Direction.FORWARD else -1
            offset = self._offset(k)
            p.drawImage(QRect(-offset, 0, w, h), self._old)
            entering = QRect(sign * w - offset, 0, w, h)
            if self._new.isNull():
                p.fillRect(entering, QColor(t.BACKGROUND))
            else:
                p.drawImage(entering, self._new)
        p.end()
        self._frame_done()

    def _frame_done(self) -> None:
        if self._progress != self._shown_progress:  # an exposed area painted again is not a new frame
            self._shown_progress = self._progress
            self.frame_painted.emit()

    def mousePressEvent(self, event) -> None:  # swallow input during the ~0.3 s of motion
        event.accept()
