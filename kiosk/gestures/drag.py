"""Decide what one finger (or a mouse drag) meant: a tap, a scroll along an axis, or a sideways swipe.

The tracker is fed positions with timestamps in seconds. Once the finger moves past `slop` pixels it locks to
the dominant axis, so a slightly diagonal scroll never turns into a swipe and vice versa. On release it reports
the gesture and the release velocity (pixels/second) measured over the last ~80 ms, which the inertia model
turns into a fling.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from enum import Enum

from kiosk.gestures.intents import Axis


class Gesture(str, Enum):
    TAP = "tap"
    DRAG = "drag"  # moved along the locked axis, released slowly
    SWIPE_LEFT = "swipe_left"  # finger moved right-to-left: next
    SWIPE_RIGHT = "swipe_right"  # finger moved left-to-right: previous


@dataclass(frozen=True)
class Release:
    gesture: Gesture
    axis: Axis
    velocity: tuple[float, float]
    total: tuple[float, float]


class DragTracker:
    def __init__(
        self,
        slop: float = 16.0,
        swipe_distance: float = 120.0,
        swipe_velocity: float = 900.0,
        velocity_window: float = 0.08,
    ):
        self.slop = slop
        self.swipe_distance = swipe_distance
        self.swipe_velocity = swipe_velocity
        self.velocity_window = velocity_window
        self._start: tuple[float, float] | None = None
        self._samples: deque[tuple[float, float, float]] = deque(maxlen=32)
        self.axis = Axis.NONE

    @property
    def active(self) -> bool:
        return self._start is not None

    def press(self, x: float, y: float, t: float) -> None:
        self._start = (x, y)
        self._samples.clear()
        self._samples.append((x, y, t))
        self.axis = Axis.NONE

    def move(self, x: float, y: float, t: float) -> tuple[float, float]:
        """Record a position; returns the movement since the previous sample along the locked axis."""
        if self._start is None:
            return (0.0, 0.0)
        px, py, _ = self._samples[-1]
        self._samples.append((x, y, t))
        if self.axis is Axis.NONE:
            dx, dy = x - self._start[0], y - self._start[1]
            if max(abs(dx), abs(dy)) < self.slop:
                return (0.0, 0.0)
            self.axis = Axis.HORIZONTAL if abs(dx) > abs(dy) else Axis.VERTICAL
            px, py = self._start  # the first locked move includes the slop, so content catches up with the finger
        if self.axis is Axis.HORIZONTAL:
            return (x - px, 0.0)
        return (0.0, y - py)

    def release(self, x: float, y: float, t: float) -> Release:
        if self._start is None:
            return Release(Gesture.TAP, Axis.NONE, (0.0, 0.0), (0.0, 0.0))
        self.move(x, y, t)
        total = (x - self._start[0], y - self._start[1])
        velocity = self._velocity(t)
        axis = self.axis
        self._start = None
        if axis is Axis.NONE:
            return Release(Gesture.TAP, axis, (0.0, 0.0), total)
        if axis is Axis.HORIZONTAL:
            far = abs(total[0]) >= self.swipe_distance
            fast = abs(velocity[0]) >= self.swipe_velocity and abs(total[0]) >= self.slop * 2
            if far or fast:
                return Release(Gesture.SWIPE_LEFT if total[0] < 0 else Gesture.SWIPE_RIGHT, axis, velocity, total)
        return Release(Gesture.DRAG, axis, velocity, total)

    def cancel(self) -> None:
        self._start = None
        self.axis = Axis.NONE

    def _velocity(self, now: float) -> tuple[float, float]:
        recent = [s for s in self._samples if now - s[2] <= self.velocity_window]
        if len(recent) < 2:
            return (0.0, 0.0)
        (x0, y0, t0), (x1, y1, t1) = recent[0], recent[-1]
        dt = t1 - t0
        if dt <= 1e-6:
            return (0.0, 0.0)
        return ((x1 - x0) / dt, (y1 - y0) / dt)
