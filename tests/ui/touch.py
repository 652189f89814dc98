"""Real touch input for UI tests: taps, drags and pinches as QTouchEvent sequences sent to the window, the way
a touchscreen delivers them, so Qt itself decides which widget gets them (and whether to synthesise mouse
events)."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

_device = None


def device():
    global _device
    if _device is None:
        _device = QTest.createTouchDevice()
    return _device


def centre(widget: QWidget) -> QPoint:
    return widget.rect().center()


def _window_point(widget: QWidget, pos: QPoint) -> QPoint:
    return widget.mapTo(widget.window(), pos)


def _sequence(widget: QWidget):
    return QTest.touchEvent(widget.window().windowHandle(), device())


def press(widget: QWidget, pos: QPoint | None = None, finger: int = 0) -> None:
    pos = centre(widget) if pos is None else pos
    _sequence(widget).press(finger, _window_point(widget, pos)).commit()
    QApplication.processEvents()


def release(widget: QWidget, pos: QPoint | None = None, finger: int = 0) -> None:
    pos = centre(widget) if pos is None else pos
    _sequence(widget).release(finger, _window_point(widget, pos)).commit()
    QApplication.processEvents()


def tap(widget: QWidget, pos: QPoint | None = None) -> None:
    press(widget, pos)
    release(widget, pos)


def drag(widget: QWidget, start: QPoint, end: QPoint, steps: int = 12, step_ms: int = 12, hold: bool = False) -> None:
    """One finger from `start` to `end` (widget coordinates) in `steps` moves, `step_ms` apart."""
    press(widget, start)
    for i in range(1, steps + 1):
        QTest.qWait(step_ms)
        point = start + (end - start) * (i / steps)
        _sequence(widget).move(0, _window_point(widget, point)).commit()
    if not hold:
        release(widget, end)
    QApplication.processEvents()


def swipe(widget: QWidget, dx: int, dy: int = 0) -> None:
    c = centre(widget)
    drag(widget, c, c + QPoint(dx, dy), steps=8, step_ms=10)


def pinch(widget: QWidget, centre_pos: QPoint, start_gap: int, end_gap: int, steps: int = 10, step_ms: int = 12) -> None:
    """Two fingers either side of `centre_pos`, moving from `start_gap` to `end_gap` pixels apart."""
    def points(gap: float) -> tuple[QPoint, QPoint]:
        half = QPoint(round(gap / 2), 0)
        return _window_point(widget, centre_pos - half), _window_point(widget, centre_pos + half)

    a, b = points(start_gap)
    _sequence(widget).press(0, a).press(1, b).commit()
    for i in range(1, steps + 1):
        QTest.qWait(step_ms)
        a, b = points(start_gap + (end_gap - start_gap) * i / steps)
        _sequence(widget).move(0, a).move(1, b).commit()
    _sequence(widget).release(0, a).release(1, b).commit()
    QApplication.processEvents()
