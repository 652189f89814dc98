"""Every touch, click, wheel turn and key press on the kiosk window, reported to the unattended state machine.

An application-wide event filter sees each input first at the window (before Qt hands it to a widget or
synthesises mouse events from touch) and asks `report()` what to do. Normally the event goes on untouched.
When `report()` says "swallow" — the touch only woke the slideshow or dismissed "still there?" — this press
and everything up to the lifting of the finger (or button, or key) is eaten, so the waking touch can never
press the tile that lies beneath it. A new touch that begins while swallowing means the lift was lost: it ends
the swallowing instead of being eaten, so the kiosk can never be left deaf.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

T = QEvent.Type
_PRESSES = frozenset({T.TouchBegin, T.MouseButtonPress, T.MouseButtonDblClick, T.KeyPress, T.Wheel, T.TabletPress})
_FOLLOW_UPS = frozenset({
    T.TouchUpdate, T.TouchEnd, T.TouchCancel, T.MouseMove, T.MouseButtonRelease, T.KeyRelease, T.TabletMove,
    T.TabletRelease, T.ShortcutOverride, T.ContextMenu,
})
_WATCHED = _PRESSES | _FOLLOW_UPS


class InputWatcher(QObject):
    def __init__(self, window: QWidget, report: Callable[[], bool]):
        """`report()` is called on every press (touch begin, button press, key press, wheel); it returns True
        when that input must be swallowed until it is released."""
        super().__init__(window)
        self._window = window
        self._report = report
        self._swallowing = False
        self._touch_down = False
        self._mouse_down = False
        self._key_down = False
        self.swallowed = 0

    @property
    def swallowing(self) -> bool:
        return self._swallowing

    def _ours(self, watched: QObject) -> bool:
        if isinstance(watched, QWidget):
            return watched.window() is self._window
        return watched is self._window.windowHandle()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _WATCHED:
            return False
        try:  # an exception escaping an event filter takes the whole process down: never let one out
            return self._filter(watched, kind, event)
        except RuntimeError:  # the window is being destroyed
            return False
        except Exception:
            log.exception("input watcher failed on %s", kind)
            return False

    def _filter(self, watched: QObject, kind: QEvent.Type, event: QEvent) -> bool:
        if not self._ours(watched):
            return False
        if self._swallowing:
            if kind == T.TouchBegin or (kind == T.MouseButtonPress and not self._mouse_down and not self._touch_down):
                self._end_swallow()  # a fresh gesture: the lift of the last one was never seen
            else:
                self._track(kind, event)
                if not (self._touch_down or self._mouse_down or self._key_down):
                    self._end_swallow()
                return self._eat(event)
        if kind not in _PRESSES:
            return False
        if kind == T.KeyPress and (event.isAutoRepeat() or _is_modifier(event)):  # type: ignore[attr-defined, arg-type]  # KeyPress: Qt hands a QKeyEvent over as QEvent
            return False
        if not self._report():
            return False
        if kind != T.Wheel:
            self._swallowing = True
            self._touch_down = self._mouse_down = self._key_down = False
            self._track(kind, event)
        return self._eat(event)

    def _track(self, kind: QEvent.Type, event: QEvent) -> None:
        if kind in (T.TouchBegin, T.TouchUpdate):
            self._touch_down = True
        elif kind in (T.TouchEnd, T.TouchCancel):
            self._touch_down = False
        elif kind in (T.MouseButtonPress, T.MouseButtonDblClick, T.TabletPress):
            self._mouse_down = True
        elif kind in (T.MouseButtonRelease, T.TabletRelease):
            self._mouse_down = isinstance(event, QMouseEvent) and event.buttons() != Qt.MouseButton.NoButton
        elif kind == T.KeyPress:
            self._key_down = True
        elif kind == T.KeyRelease and not event.isAutoRepeat():  # type: ignore[attr-defined]  # KeyRelease: Qt hands a QKeyEvent over as QEvent
            self._key_down = False

    def _eat(self, event: QEvent) -> bool:
        self.swallowed += 1
        event.accept()  # an accepted touch is not turned into mouse events either
        return True

    def _end_swallow(self) -> None:
        self._swallowing = False
        self._touch_down = self._mouse_down = self._key_down = False


def _is_modifier(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr)
