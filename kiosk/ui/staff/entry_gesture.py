"""The hidden way into the staff panel: one finger held still for three seconds in the top-left corner.

An app-wide event filter watches the window's raw touch (and real mouse) events and never consumes a visitor's
input: a tap, a swipe or a short press in the corner goes on to whatever lies beneath as always. Only when the
hold completes does it act: it emits `triggered`, cancels the touch for the widgets beneath (so the long press
does not end as a tap on them) and swallows the rest of that one touch sequence.

A visitor does not hold a finger motionless on an empty corner for three seconds by chance; a second finger,
a move of more than a few millimetres or lifting early all cancel it.

The three seconds are counted by a timer made by `new_hold_timer` (a `QTimer`), so tests can count them with a
clock of their own instead of waiting.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QMouseEvent, QPointingDevice, QTouchEvent, QWindow
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

HOLD_MS = 3000

_TOUCH = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)
_INPUT = (*_TOUCH, QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.Wheel)
_WATCHED = frozenset({*_INPUT, QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease})


def _qt_timer(parent: QObject) -> QTimer:
    return QTimer(parent)


# Makes the hold's single-shot timer; anything with QTimer's setSingleShot/setInterval/start/stop/isActive and a
# `timeout` signal will do.
new_hold_timer: Callable[[QObject], QTimer] = _qt_timer


class StaffEntryGesture(QObject):
    triggered = Signal()
    activity = Signal()  # any touch, click, wheel or key on the window (for the staff panel's own timeout)

    def __init__(self, window: QWidget, corner: int, slop: int, hold_ms: int = HOLD_MS):
        super().__init__(window)
        self._window = window
        self._corner = corner
        self._slop = slop
        self.enabled = True
        self._start: QPointF | None = None
        self._by_mouse = False
        self._swallow = False
        self._device: QPointingDevice | None = None
        self._qwindow: QWindow | None = None
        self._hold = 0  # counts holds begun and cancelled: tells whether the one the timer ended is still on
        self._timer = new_hold_timer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hold_ms)
        self._timer.timeout.connect(self._fire)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)  # installed last, so it sees events before other app-wide filters

    def set_hold_ms(self, ms: int) -> None:
        self._timer.setInterval(ms)

    @property
    def holding(self) -> bool:
        return self._timer.isActive()

    def in_corner(self, pos: QPointF) -> bool:
        return 0 <= pos.x() < self._corner and 0 <= pos.y() < self._corner

    def _handle(self) -> QWindow | None:
        """The window's QWindow, looked up once it exists; never touches a window being torn down."""
        if self._qwindow is None and shiboken6.isValid(self._window):
            self._qwindow = self._window.windowHandle()
        return self._qwindow

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Cheap tests first: this sees every event of the application, also while windows are destroyed.
        kind = event.type()
        if kind not in _WATCHED or not isinstance(watched, QWindow) or watched is not self._handle():
            return False
        if self._by_mouse and kind in (QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease):
            if kind == QEvent.Type.MouseButtonRelease or self._moved(event.position()):  # type: ignore[attr-defined]  # a mouse event kind: Qt hands it over as QEvent
                self._cancel()
            return False
        if kind not in _INPUT:
            return False
        self.activity.emit()
        if kind in _TOUCH:
            return self._touch(event)  # type: ignore[arg-type]  # a touch event kind: Qt hands it over as QEvent
        if kind == QEvent.Type.MouseButtonPress:
            self._mouse_press(event)  # type: ignore[arg-type]  # a mouse press: Qt hands it over as QEvent
        return False

    def _touch(self, event: QTouchEvent) -> bool:
        kind = event.type()
        points = event.points()
        if self._swallow:  # the rest of the sequence that opened the keypad
            if kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
                self._swallow = False
            return True
        if kind == QEvent.Type.TouchBegin:
            if self.enabled and len(points) == 1 and self.in_corner(points[0].position()):
                self._device = event.pointingDevice()
                self._begin(points[0].position(), by_mouse=False)
            else:
                self._cancel()
        elif kind == QEvent.Type.TouchUpdate and self._start is not None:
            if len(points) != 1 or self._moved(points[0].position()):
                self._cancel()
        elif kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self._cancel()
        return False

    def _mouse_press(self, event: QMouseEvent) -> None:
        if event.source() != Qt.MouseEventSource.MouseEventNotSynthesized:
            return  # made from a touch: the touch path watches it
        if self.enabled and event.button() == Qt.MouseButton.LeftButton and self.in_corner(event.position()):
            self._begin(event.position(), by_mouse=True)
        else:
            self._cancel()

    def _begin(self, pos: QPointF, by_mouse: bool) -> None:
        self._start = QPointF(pos)
        self._by_mouse = by_mouse
        self._hold += 1
        self._timer.start()

    def _moved(self, pos: QPointF) -> bool:
        if self._start is None:
            return True
        delta = pos - self._start
        return abs(delta.x()) > self._slop or abs(delta.y()) > self._slop

    def _cancel(self) -> None:
        self._hold += 1
        self._timer.stop()
        self._start = None
        self._by_mouse = False

    @Slot()
    def _fire(self) -> None:
        # On a busy PC the timer and a lift that came before it can be due in the same turn of the event loop,
        # in either order: deliver the input that has already arrived first, so a finger lifted early cancels.
        hold = self._hold
        QCoreApplication.processEvents()
        if not shiboken6.isValid(self) or hold != self._hold:  # gone with its window, or lifted meanwhile
            return
        by_mouse = self._by_mouse
        self._cancel()
        if not self.enabled:
            return
        if not by_mouse:
            self._cancel_touch_beneath()
        log.info("staff entry gesture completed")
        self.triggered.emit()

    def _cancel_touch_beneath(self) -> None:
        """Tell the widgets beneath the finger that this touch is over (a long press is not a tap), then drop
        the rest of the sequence."""
        handle = self._handle()
        if handle is not None and self._device is not None:
            QApplication.sendEvent(handle, QTouchEvent(QEvent.Type.TouchCancel, self._device))
            # A widget that took the touch as a synthesised mouse press (a plain button) is still pressed:
            # release it far outside itself, which lets it go without a click.
            away = QPointF(-10_000, -10_000)
            release = QMouseEvent(QEvent.Type.MouseButtonRelease, away, away, Qt.MouseButton.LeftButton,
                                  Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(handle, release)
        self._swallow = True
