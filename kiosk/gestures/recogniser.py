r"""The kiosk's one touch recogniser: touch points in, intents out, the same on every surface.

In: `down` / `move` / `up` / `cancel` for each finger (an id, a position in pixels, a timestamp in seconds;
the mouse is just finger `MOUSE`), and `poll()` now and then while a finger rests (for the long press).
Out: a list of intents per call (`kiosk.gestures.intents`): Press, Tap, DoubleTap, LongPress,
DragStart / DragMove / DragEnd (with the release velocity), Fling, Swipe, PinchStart / PinchMove / PinchEnd
(centre and scale) and Cancel. Widgets (`kiosk.ui.widgets.touch_input` adapts Qt events) only react to them.

The state machine::

    IDLE --down--> PRESSED --moved past the slop--> DRAGGING --up--> IDLE  (DragEnd [, Fling] [, Swipe])
                      |  \--up--> IDLE  (Tap, or DoubleTap if a tap was just made close by)
                      |  \--still for long_press_s--> LongPress (once; the up is still a Tap)
    PRESSED or DRAGGING --a second finger--> PINCHING  (a drag ends `interrupted`; two fingers never tap)
    PINCHING --either finger up--> SPENT --last finger up--> IDLE  (the other finger does nothing more)
    any --cancel--> IDLE  (Cancel)

Thresholds come from one frozen `GestureConfig` in millimetres and seconds; the recogniser turns them into
pixels with the screen's `dpi` once, so the same movement on the glass means the same on every screen. Time
comes from the points' timestamps or, when a point has none, from the injected `clock`; nothing here reads
the system clock itself, so tests run timed sequences without waiting.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable
from enum import Enum

from kiosk.gestures.config import REFERENCE_DPI, GestureConfig
from kiosk.gestures.intents import (
    Axis,
    Cancel,
    DoubleTap,
    DragEnd,
    DragMove,
    DragStart,
    Fling,
    Intent,
    LongPress,
    PinchEnd,
    PinchMove,
    PinchStart,
    Point,
    Press,
    Swipe,
    Tap,
)

Clock = Callable[[], float]
MOUSE = -1  # the mouse's finger id


class State(str, Enum):
    IDLE = "idle"
    PRESSED = "pressed"  # one finger down, not yet moved past the slop
    DRAGGING = "dragging"
    PINCHING = "pinching"
    SPENT = "spent"  # a pinch ended with a finger still down: nothing more until every finger lifts


class Recogniser:
    def __init__(self, config: GestureConfig | None = None, dpi: float = REFERENCE_DPI, *, clock: Clock):
        self.config = config or GestureConfig()
        self.clock = clock
        self.set_dpi(dpi)
        self.state = State.IDLE
        self._fingers: dict[int, Point] = {}
        self._primary = 0
        self._origin: Point = (0.0, 0.0)
        self._last: Point = (0.0, 0.0)
        self._down_at = 0.0
        self._held = False
        self._axis = Axis.NONE
        self._samples: deque[tuple[float, float, float]] = deque(maxlen=64)
        self._pinch: tuple[int, int, float] | None = None  # the two fingers and their starting distance
        self._last_tap: tuple[float, Point] | None = None

    def set_dpi(self, dpi: float) -> None:
        c, self.dpi = self.config, dpi
        self.slop = c.px(c.slop_mm, dpi)
        self.double_tap_reach = c.px(c.double_tap_reach_mm, dpi)
        self.fling_speed = c.px(c.fling_mm_s, dpi)
        self.swipe_distance = c.px(c.swipe_mm, dpi)
        self.swipe_speed = c.px(c.swipe_mm_s, dpi)
        self.page_flick_speed = c.px(c.page_flick_mm_s, dpi)

    @property
    def active(self) -> bool:
        return self.state is not State.IDLE

    # input ---------------------------------------------------------------------------------------------

    def down(self, finger: int, x: float, y: float, t: float | None = None) -> list[Intent]:
        t = self.clock() if t is None else t
        pos = (x, y)
        if self.state is State.IDLE:
            self._fingers = {finger: pos}
            self._primary, self._origin, self._last, self._down_at = finger, pos, pos, t
            self._held, self._axis = False, Axis.NONE
            self._samples.clear()
            self._samples.append((t, x, y))
            self.state = State.PRESSED
            return [Press(pos)]
        self._fingers[finger] = pos
        if self.state not in (State.PRESSED, State.DRAGGING):
            return []  # a third finger: ignored
        out: list[Intent] = []
        if self.state is State.DRAGGING:
            out.append(DragEnd(self._last, (0.0, 0.0), self._total(self._last), self._axis, interrupted=True))
        other = self._primary
        self._pinch = (other, finger, max(1.0, _dist(self._fingers[other], pos)))
        self._last_tap = None
        self.state = State.PINCHING
        out.append(PinchStart(_mid(self._fingers[other], pos)))
        return out

    def move(self, finger: int, x: float, y: float, t: float | None = None) -> list[Intent]:
        if finger not in self._fingers:
            return []
        t = self.clock() if t is None else t
        pos = (x, y)
        self._fingers[finger] = pos
        if self.state is State.PINCHING:
            assert self._pinch is not None, "a pinch always knows its two fingers"
            a, b, start = self._pinch
            if finger not in (a, b):
                return []
            pa, pb = self._fingers[a], self._fingers[b]
            return [PinchMove(_mid(pa, pb), max(1.0, _dist(pa, pb)) / start)]
        if finger != self._primary or self.state not in (State.PRESSED, State.DRAGGING):
            return []
        self._samples.append((t, x, y))
        if self.state is State.PRESSED:
            total = self._total(pos)
            if math.hypot(*total) < self.slop:
                return self.poll(t)
            self._axis = Axis.HORIZONTAL if abs(total[0]) > abs(total[1]) else Axis.VERTICAL
            self.state = State.DRAGGING
            self._last_tap = None
            self._last = pos
            return [DragStart(self._origin, pos, self._axis), DragMove(pos, total, total, self._axis)]
        delta = (x - self._last[0], y - self._last[1])
        self._last = pos
        return [DragMove(pos, delta, self._total(pos), self._axis)]

    def up(self, finger: int, x: float, y: float, t: float | None = None) -> list[Intent]:
        if finger not in self._fingers:
            return []
        t = self.clock() if t is None else t
        pos = (x, y)
        del self._fingers[finger]
        state = self.state
        if state is State.PINCHING:
            assert self._pinch is not None, "a pinch always knows its two fingers"
            a, b, start = self._pinch
            if finger not in (a, b):
                return []
            pa, pb = (pos if f == finger else self._fingers[f] for f in (a, b))
            self._pinch = None
            self.state = State.SPENT if self._fingers else State.IDLE
            return [PinchEnd(_mid(pa, pb), max(1.0, _dist(pa, pb)) / start)]
        if state is State.SPENT:
            if not self._fingers:
                self.state = State.IDLE
            return []
        self.state = State.IDLE
        self._fingers.clear()
        if state is State.PRESSED:
            return [self._tap(pos, t)]
        self._samples.append((t, x, y))
        velocity = self._velocity(t)
        total = self._total(pos)
        out: list[Intent] = [DragEnd(pos, velocity, total, self._axis)]
        if math.hypot(*velocity) >= self.fling_speed:
            out.append(Fling(velocity, self._axis))
        along = 0 if self._axis is Axis.HORIZONTAL else 1
        far = abs(total[along]) >= self.swipe_distance
        quick = abs(velocity[along]) >= self.swipe_speed and abs(total[along]) >= 2 * self.slop
        if far or quick:
            out.append(Swipe(self._axis, 1 if total[along] < 0 else -1))
        return out

    def cancel(self) -> list[Intent]:
        """The touch was taken away (TouchCancel, the surface hidden): forget everything."""
        was = self.state
        self.state = State.IDLE
        self._fingers.clear()
        self._pinch = None
        self._last_tap = None
        return [] if was is State.IDLE else [Cancel()]

    def poll(self, t: float | None = None) -> list[Intent]:
        """A finger resting without moving becomes a long press once `long_press_s` has passed."""
        t = self.clock() if t is None else t
        if self.state is State.PRESSED and not self._held and t - self._down_at >= self.config.long_press_s:
            self._held = True
            return [LongPress(self._last)]
        return []

    # rules ---------------------------------------------------------------------------------------------

    def _tap(self, pos: Point, t: float) -> Intent:
        held = self._held or t - self._down_at >= self.config.long_press_s
        last, self._last_tap = self._last_tap, None
        if held:
            return Tap(pos, held=True)  # a long press never starts nor finishes a double tap
        soon = last is not None and t - last[0] <= self.config.double_tap_s
        if soon and last is not None and _dist(last[1], pos) <= self.double_tap_reach:
            return DoubleTap(pos)
        self._last_tap = (t, pos)
        return Tap(pos)

    def _total(self, pos: Point) -> Point:
        return (pos[0] - self._origin[0], pos[1] - self._origin[1])

    def _velocity(self, now: float) -> Point:
        recent = [s for s in self._samples if now - s[0] <= self.config.velocity_window_s]
        if len(recent) < 2:
            return (0.0, 0.0)
        (t0, x0, y0), (t1, x1, y1) = recent[0], recent[-1]
        if t1 - t0 < 1e-4:
            return (0.0, 0.0)
        return ((x1 - x0) / (t1 - t0), (y1 - y0) / (t1 - t0))


def _mid(a: Point, b: Point) -> Point:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _dist(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])
