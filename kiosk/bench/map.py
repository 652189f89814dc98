"""`map_pinch_fps`: frames painted per second while two fingers pinch the whole infrastructure map in and out.

The real map screen at the window's size (1920×1080 in `kiosk bench`), the whole district in view, driven by
synthetic two-finger touch sequences sent to the window like a touchscreen's; each step moves the fingers and
lets the event loop paint. Frames are counted where they happen: paint events of the map's viewport.
"""

from __future__ import annotations

import logging
import math
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint
from PySide6.QtTest import QTest

from kiosk.bench.driver import spin
from kiosk.navigation import Route

log = logging.getLogger(__name__)

SECONDS = 3.0
_device = None


class _PaintCounter(QObject):
    def __init__(self, target) -> None:
        super().__init__(target)
        self.frames = 0
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.frames += 1
        return False


def _touch_device():
    global _device
    if _device is None:
        _device = QTest.createTouchDevice()
    return _device


def measure(kiosk, seconds: float = SECONDS) -> dict:
    """Open the map, pinch for `seconds`, return {"map_pinch_fps": …, "map_frame_ms": …}."""
    window = kiosk.window
    if kiosk.exhibition.map is None:
        return {"map_pinch_fps": None}
    entered: list[object] = []
    window.screen_entered.connect(entered.append)
    try:
        window.navigate(Route("map"))
        deadline = time.perf_counter() + 10
        while Route("map") not in entered and time.perf_counter() < deadline:
            spin(10)
    finally:
        window.screen_entered.disconnect(entered.append)
    screen = window.current_screen()
    view = getattr(screen, "view", None)
    if view is None:
        return {"map_pinch_fps": None}
    screen.reset()
    spin(200)
    viewport = view.viewport()
    centre = viewport.rect().center()
    handle = window.windowHandle()

    def fingers(gap: float) -> tuple[QPoint, QPoint]:
        half = QPoint(round(gap / 2), 0)
        return viewport.mapTo(window, centre - half), viewport.mapTo(window, centre + half)

    a, b = fingers(200)
    QTest.touchEvent(handle, _touch_device()).press(0, a).press(1, b).commit()
    QCoreApplication.processEvents()
    counter = _PaintCounter(viewport)
    start = time.perf_counter()
    cpu_start = time.process_time()
    step = 0
    while time.perf_counter() - start < seconds:
        # in to 2.5× and back out to the whole district, once every ~1.5 s
        gap = 200 + 150 * (1 - math.cos(step / 45 * math.pi))
        a, b = fingers(gap)
        QTest.touchEvent(handle, _touch_device()).move(0, a).move(1, b).commit()
        QCoreApplication.processEvents()
        step += 1
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    frames = counter.frames
    QTest.touchEvent(handle, _touch_device()).release(0, a).release(1, b).commit()
    viewport.removeEventFilter(counter)
    counter.deleteLater()
    screen.reset()
    fps = frames / elapsed if elapsed > 0 else None
    log.info("map pinch: %d frames from %d touch moves in %.2f s", frames, step, elapsed)
    return {
        "map_pinch_fps": None if fps is None else round(fps, 1),
        "map_frame_ms": None if not frames else round(elapsed * 1000 / frames, 2),
        # CPU time per frame: what a frame costs when other programs compete for the processor
        "map_frame_cpu_ms": None if not frames else round(cpu * 1000 / frames, 2),
    }
