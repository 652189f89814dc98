"""Drive the real kiosk window the way a visitor does, for the benchmark and the monkey: touch sequences sent
to the window through Qt's event system (so Qt decides which widget gets them), and waits that run the event
loop instead of sleeping.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QPoint, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

_device = None


def touch_device():
    """The one virtual touchscreen all sequences come from (Qt keeps devices for the app's lifetime)."""
    global _device
    if _device is None:
        _device = QTest.createTouchDevice()
    return _device


def spin(ms: int) -> None:
    """Run the event loop for `ms` milliseconds without using CPU while nothing happens."""
    if ms <= 0:
        QCoreApplication.processEvents()
        return
    loop = QEventLoop()
    QTimer.singleShot(ms, loop, loop.quit)  # with a context object: no connection left behind per call
    loop.exec()


def wait_until(predicate: Callable[[], bool], timeout_ms: int = 5000, poll_ms: int = 5) -> bool:
    """Run the event loop until `predicate()` holds; False on timeout."""
    deadline = time.perf_counter() + timeout_ms / 1000
    while not predicate():
        if time.perf_counter() >= deadline:
            return False
        spin(poll_ms)
    return True


def wait_signal(signal, timeout_ms: int = 5000, action: Callable[[], None] | None = None) -> bool:
    """Run `action` (if any), then the event loop until `signal` fires; False on timeout."""
    fired: list[bool] = []

    def hit(*_args: object) -> None:
        fired.append(True)

    signal.connect(hit)
    try:
        if action is not None:
            action()
        return wait_until(lambda: bool(fired), timeout_ms)
    finally:
        try:
            signal.disconnect(hit)
        except (RuntimeError, TypeError):  # already gone with its object
            pass


class Finger:
    """Touch points on one top-level window, in that window's coordinates."""

    def __init__(self, window: QWidget):
        self.window = window

    def sequence(self):
        """A touch sequence on this window; add points, then `commit()`."""
        return QTest.touchEvent(self.window.windowHandle(), touch_device())

    def point_of(self, widget: QWidget, pos: QPoint | None = None) -> QPoint:
        return widget.mapTo(self.window, widget.rect().center() if pos is None else pos)

    def press(self, point: QPoint, finger: int = 0) -> None:
        self.sequence().press(finger, point).commit()

    def move(self, point: QPoint, finger: int = 0) -> None:
        self.sequence().move(finger, point).commit()

    def release(self, point: QPoint, finger: int = 0) -> None:
        self.sequence().release(finger, point).commit()

    def tap(self, point: QPoint) -> float:
        """Press and lift; returns the moment just before the lift (when a tap acts)."""
        self.press(point)
        QCoreApplication.processEvents()
        lifted = time.perf_counter()
        self.release(point)
        return lifted

    def drag(self, start: QPoint, end: QPoint, steps: int = 8, step_ms: int = 10, lift: bool = True) -> float:
        """One finger from `start` to `end` (left resting there unless `lift`); returns the moment just before
        the lift."""
        self.press(start)
        for i in range(1, steps + 1):
            spin(step_ms)
            self.move(start + (end - start) * (i / steps))
        lifted = time.perf_counter()
        if lift:
            self.release(end)
        return lifted

    def hold(self, point: QPoint, ms: int) -> None:
        self.press(point)
        spin(ms)
        self.release(point)

    def pinch(self, centre: QPoint, start_gap: int, end_gap: int, steps: int = 8, step_ms: int = 10) -> None:
        """Two fingers either side of `centre`, from `start_gap` to `end_gap` pixels apart."""

        def points(gap: float) -> tuple[QPoint, QPoint]:
            half = QPoint(round(gap / 2), 0)
            return centre - half, centre + half

        a, b = points(start_gap)
        self.sequence().press(0, a).press(1, b).commit()
        for i in range(1, steps + 1):
            spin(step_ms)
            a, b = points(start_gap + (end_gap - start_gap) * i / steps)
            self.sequence().move(0, a).move(1, b).commit()
        self.sequence().release(0, a).release(1, b).commit()
