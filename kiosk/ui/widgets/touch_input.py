"""Qt's side of the gesture recogniser: turns a widget's touch and mouse events into `Recogniser` input and
hands every resulting intent to the widget's own handler.

Each touch surface (photo viewer, map, timeline, scrolling pages) owns one `TouchInput`. Positions are the
receiving widget's (or, for events from its children, mapped into it); times come from `CLOCK`, the one
clock every surface reads, so a test can swap a surface's `recogniser.clock` for a hand-driven one. The DPI
that turns the thresholds' millimetres into pixels is read from the widget's screen again before each
gesture (`screen_dpi`), so a window moved to another panel stays right. The mouse is one more finger: a
click is a tap, two quick clicks a double tap, a mouse drag a drag; a double-click the system already
recognised (and sent without the presses around it) counts as a double tap too.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

from kiosk.gestures.config import GestureConfig, glass_dpi
from kiosk.gestures.intents import DoubleTap, Intent, Press
from kiosk.gestures.recogniser import MOUSE, Clock, Recogniser

CLOCK: Clock = time.monotonic  # the clock of every touch surface (a default; tests hand a surface its own)
CONFIG = GestureConfig()
TOUCH_KINDS = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)
MOUSE_KINDS = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
)


def screen_dpi(widget: QWidget) -> float:
    """The physical DPI of the widget's screen, or the reference panel's scaled to its window when the screen
    reports none or nonsense (see `kiosk.gestures.config.glass_dpi`)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    window = widget.window()
    canvas = min(window.width(), window.height()) if window.width() > 0 and window.height() > 0 else 1080
    if screen is None:
        return glass_dpi(None, 0, 0, canvas)
    size = screen.size()
    return glass_dpi(screen.physicalDotsPerInch(), size.width(), size.height(), canvas)


def real_mouse(event: QMouseEvent) -> bool:
    """A mouse event from a mouse, not one Qt made up from a touch nobody accepted."""
    return event.source() == Qt.MouseEventSource.MouseEventNotSynthesized


class TouchInput(QObject):
    """Feeds one widget's pointer events to a `Recogniser`; calls `handler(intent)` for each intent."""

    def __init__(self, widget: QWidget, handler: Callable[[Intent], None], config: GestureConfig = CONFIG):
        super().__init__(widget)
        self._widget = widget
        self._handler = handler
        self.recogniser = Recogniser(config, screen_dpi(widget), clock=CLOCK)
        self.mouse_down = False
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(round(config.long_press_s * 1000) + 10)
        self._hold.timeout.connect(lambda: self._emit(self.recogniser.poll()))
        widget.installEventFilter(self)  # a surface hidden mid-gesture forgets it (its release goes elsewhere)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and watched is self._widget:
            self.cancel()
        return False

    @property
    def active(self) -> bool:
        return self.recogniser.active

    def now(self) -> float:
        """The surface's time (for its glides and animations too, so one clock drives all its motion)."""
        return self.recogniser.clock()

    def px(self, mm: float) -> float:
        """`mm` on the glass in this widget's pixels."""
        self.refresh_dpi()
        return self.recogniser.config.px(mm, self.recogniser.dpi)

    def refresh_dpi(self) -> None:
        """Measure the screen again (between gestures only: a threshold never changes under a finger)."""
        if not self.recogniser.active:
            self.recogniser.set_dpi(screen_dpi(self._widget))

    def touch(self, event: QTouchEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.TouchCancel:
            self.cancel()
            return
        if kind == QEvent.Type.TouchBegin and self.recogniser.active:
            self.cancel()  # a touch sequence whose end never came: start clean
        r = self.recogniser
        for point in event.points():
            pos = point.position()
            state = point.state()
            if state == point.State.Pressed:
                self.refresh_dpi()
                self._emit(r.down(point.id(), pos.x(), pos.y()))
            elif state == point.State.Released:
                self._emit(r.up(point.id(), pos.x(), pos.y()))
            elif state == point.State.Updated:
                self._emit(r.move(point.id(), pos.x(), pos.y()))
        event.accept()

    def mouse(self, event: QMouseEvent, pos: QPointF | None = None) -> None:
        """A real mouse's press, move, release or double-click at `pos` (the event's own position if None)."""
        pos = event.position() if pos is None else pos
        kind = event.type()
        r = self.recogniser
        left = event.button() == Qt.MouseButton.LeftButton
        if kind == QEvent.Type.MouseButtonPress and left:
            if self.mouse_down:
                self.cancel()  # the last press's release never came here: start clean
            self.mouse_down = True
            self.refresh_dpi()
            self._emit(r.down(MOUSE, pos.x(), pos.y()))
        elif kind == QEvent.Type.MouseButtonDblClick and left and not self.mouse_down and not r.active:
            self._emit([DoubleTap((pos.x(), pos.y()))])  # no presses came with it: the system saw two clicks
        elif kind == QEvent.Type.MouseMove and self.mouse_down:
            self._emit(r.move(MOUSE, pos.x(), pos.y()))
        elif kind == QEvent.Type.MouseButtonRelease and left and self.mouse_down:
            self.mouse_down = False
            self._emit(r.up(MOUSE, pos.x(), pos.y()))

    def cancel(self) -> None:
        self.mouse_down = False
        self._hold.stop()
        self._emit(self.recogniser.cancel())

    def _emit(self, intents: list[Intent]) -> None:
        for intent in intents:
            if isinstance(intent, Press):
                self._hold.start()
            else:
                self._hold.stop()
            self._handler(intent)
