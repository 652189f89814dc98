"""Real touch input for UI tests, in a widget's own coordinates: taps, drags and pinches sent to the window by
`kiosk.bench.driver.Finger` (the benchmark's and the monkey's touchscreen), so Qt itself decides which widget
gets them (and whether to synthesise mouse events). Each gesture ends with the event loop run once, so what it
started has been delivered."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.bench.driver import Finger, touch_device


def device():
    return touch_device()


def centre(widget: QWidget) -> QPoint:
    return widget.rect().center()


def _finger(widget: QWidget) -> Finger:
    return Finger(widget.window())


def _sequence(widget: QWidget):
    return _finger(widget).sequence()


def press(widget: QWidget, pos: QPoint | None = None, finger: int = 0) -> None:
    f = _finger(widget)
    f.press(f.point_of(widget, pos), finger)
    QApplication.processEvents()


def release(widget: QWidget, pos: QPoint | None = None, finger: int = 0) -> None:
    f = _finger(widget)
    f.release(f.point_of(widget, pos), finger)
    QApplication.processEvents()


def tap(widget: QWidget, pos: QPoint | None = None) -> None:
    press(widget, pos)
    release(widget, pos)


def drag(widget: QWidget, start: QPoint, end: QPoint, steps: int = 12, step_ms: int = 12, hold: bool = False) -> None:
    """One finger from `start` to `end` (widget coordinates) in `steps` moves, `step_ms` apart (the widgets
    measure a finger's speed by the clock, so the moves take real time)."""
    f = _finger(widget)
    f.drag(f.point_of(widget, start), f.point_of(widget, end), steps, step_ms, lift=not hold)
    QApplication.processEvents()


def swipe(widget: QWidget, dx: int, dy: int = 0) -> None:
    c = centre(widget)
    drag(widget, c, c + QPoint(dx, dy), steps=8, step_ms=10)


def pinch(
    widget: QWidget, centre_pos: QPoint, start_gap: int, end_gap: int, steps: int = 10, step_ms: int = 12
) -> None:
    """Two fingers either side of `centre_pos`, moving from `start_gap` to `end_gap` pixels apart."""
    f = _finger(widget)
    f.pinch(f.point_of(widget, centre_pos), start_gap, end_gap, steps, step_ms)
    QApplication.processEvents()
