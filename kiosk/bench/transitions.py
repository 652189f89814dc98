"""Response and motion: how soon a touch shows the first frame of the transition it starts that has moved (a
frame repeating the old screen where it stood does not count), how many frames per second the transition paints,
and how long one frame takes to paint.

A scripted visitor walks the exhibition by real touch: a home tile, a sideways swipe to the next section, Back
and Home, over every destination in turn. The overlay that plays transitions reports each painted frame
(`frame_painted`); an event filter notes when its paint began.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QPoint, Slot

from kiosk.bench.driver import Finger, spin, wait_signal
from kiosk.bench.stats import rounded, summary
from kiosk.navigation import Route

log = logging.getLogger(__name__)

TIMEOUT_MS = 5000


@dataclass
class FrameLog:
    """Frames the transition overlay painted: when each ended and how long its paint took."""

    ends: list[float] = field(default_factory=list)
    moved: list[bool] = field(default_factory=list)  # per frame: it showed the motion under way (progress > 0)
    paint_ms: list[float] = field(default_factory=list)


class FrameMeter(QObject):
    """Times each transition frame as a whole: from the overlay starting its work on the frame (`frame_due`: a
    slide first moves the last frame's pixels along) or the window's paint pass starting (its UpdateRequest),
    whichever comes first, to the overlay's frame being painted — everything Qt does for that frame, not only the
    overlay's blits. The first frame of a transition is painted at once: it counts from the overlay's paint."""

    def __init__(self, overlay) -> None:  # TransitionOverlay
        super().__init__(overlay)
        self.overlay = overlay
        self.window = overlay.window()
        self.log = FrameLog()
        self._began = 0.0
        overlay.installEventFilter(self)
        self.window.installEventFilter(self)
        overlay.frame_painted.connect(self._painted)
        overlay.frame_due.connect(self._due)

    def detach(self) -> None:
        self.overlay.removeEventFilter(self)
        self.window.removeEventFilter(self)
        self.overlay.frame_painted.disconnect(self._painted)
        self.overlay.frame_due.disconnect(self._due)

    @Slot()
    def _due(self) -> None:
        self._began = time.perf_counter()  # a slide moves the last frame's pixels before anything is painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and watched is self.overlay:
            self._began = 0.0  # a new transition: its first frame counts from its own paint
        elif kind == QEvent.Type.UpdateRequest and watched is self.window and not self._began:
            self._began = time.perf_counter()
        elif kind == QEvent.Type.Paint and watched is self.overlay and not self._began:
            self._began = time.perf_counter()
        return False

    @Slot()
    def _painted(self) -> None:
        now = time.perf_counter()
        self.log.ends.append(now)
        self.log.moved.append(self.overlay.shown_progress > 0.0)
        if self._began:
            self.log.paint_ms.append((now - self._began) * 1000)
        self._began = 0.0


@dataclass
class TransitionSample:
    latency_ms: float  # input to the first painted frame that has moved: what a visitor sees answer the touch
    frames: int
    span_s: float  # first to last frame
    first_frame_ms: float  # input to the first painted frame of any kind (one showing the old screen still counts)


def _home(kiosk):
    return kiosk.window.screen_for(Route("home"))


def go_home_quietly(kiosk) -> None:
    """Back to home without measuring (and without waiting if already there)."""
    window = kiosk.window
    if kiosk.navigator.current.screen == "home" and not window.overlay.running:
        return
    wait_signal(window.screen_entered, TIMEOUT_MS, window.go_home)


class Tour:
    """One scripted visitor: every destination from its home tile, a swipe on sections, Back, Home."""

    def __init__(self, kiosk) -> None:
        self.kiosk = kiosk
        self.window = kiosk.window
        self.finger = Finger(kiosk.window)
        self.meter = FrameMeter(kiosk.window.overlay)
        self.samples: list[TransitionSample] = []

    def close(self) -> None:
        self.meter.detach()

    def _measured(self, act: Callable[[], float]) -> bool:
        """Run one input `act` (returns when its decisive event was sent) and wait for the screen it leads to."""
        first = len(self.meter.log.ends)
        moment: list[float] = []
        entered = wait_signal(self.window.screen_entered, TIMEOUT_MS, lambda: moment.append(act()))
        ends, moved = self.meter.log.ends[first:], self.meter.log.moved[first:]
        if not entered or not ends or not moment or not any(moved):
            return False
        motion = ends[moved.index(True)] - moment[0]
        first_frame = ends[0] - moment[0]
        self.samples.append(TransitionSample(motion * 1000, len(ends), ends[-1] - ends[0], first_frame * 1000))
        spin(50)  # let the entered screen start its own animations, as a visitor would see it
        return True

    def tap(self, widget) -> bool:
        return self._measured(lambda: self.finger.tap(self.finger.point_of(widget)))

    def swipe_left(self) -> bool:
        w, h = self.window.width(), self.window.stack.height()
        start, end = QPoint(round(w * 0.72), round(h * 0.55)), QPoint(round(w * 0.22), round(h * 0.55))
        return self._measured(lambda: self.finger.drag(start, end, steps=6, step_ms=8))

    def round_trip(self, destination) -> None:  # registry.Destination
        go_home_quietly(self.kiosk)
        home = _home(self.kiosk)
        try:
            tile = home.tile_for(destination.route)
        except KeyError:
            return
        if not self.tap(tile):
            log.warning("tile %s did not open its screen", destination.route.key)
            return
        if destination.route.screen == "section":
            self.swipe_left()
        bar = self.window.bar
        if bar.back_button.isEnabled():
            self.tap(bar.back_button)
        if bar.home_button.isEnabled():
            self.tap(bar.home_button)


def measure(kiosk, rounds: int = 3, limit: int | None = None) -> dict[str, object]:
    """`tap_to_frame_ms` (to the first frame that has moved), `tap_to_first_frame_ms` (to the first frame of any
    kind), `transition_fps`, `frame_ms` over `rounds` passes through every destination (the first `limit` of
    them, when given)."""
    tour = Tour(kiosk)
    try:
        destinations = kiosk.registry.destinations(kiosk.exhibition)[:limit]
        for _ in range(rounds):
            for destination in destinations:
                tour.round_trip(destination)
        go_home_quietly(kiosk)
    finally:
        tour.close()
    samples = tour.samples
    intervals = sum(s.frames - 1 for s in samples)
    span = sum(s.span_s for s in samples)
    return {
        "tap_to_frame_ms": summary([s.latency_ms for s in samples]),
        "tap_to_first_frame_ms": summary([s.first_frame_ms for s in samples]),
        "transition_fps": rounded(intervals / span if span > 0 else None),
        "frame_ms": summary(tour.meter.log.paint_ms, digits=2),
        "transitions": len(samples),
    }
