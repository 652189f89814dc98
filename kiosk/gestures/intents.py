"""What the gesture recogniser reports: one small frozen record per thing a person meant.

Positions are in the pixels the points came in; velocities in pixels per second; `axis` is the direction a
drag locked to when it started (the larger of its horizontal and vertical movement past the slop).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

Point = tuple[float, float]


class Axis(str, Enum):
    NONE = "none"
    HORIZONTAL = "horizontal"
    VERTICAL = "vertical"


@dataclass(frozen=True)
class Press:
    """The first finger (or the mouse button) went down: show feedback, catch anything gliding."""

    pos: Point


@dataclass(frozen=True)
class Tap:
    pos: Point
    held: bool = False  # a long press came first (still a tap: an older visitor's slow press counts)


@dataclass(frozen=True)
class DoubleTap:
    pos: Point


@dataclass(frozen=True)
class LongPress:
    pos: Point


@dataclass(frozen=True)
class DragStart:
    origin: Point
    pos: Point
    axis: Axis


@dataclass(frozen=True)
class DragMove:
    pos: Point
    delta: Point  # since the previous DragMove; the first one covers the slop, so content catches the finger
    total: Point  # since the finger went down
    axis: Axis


@dataclass(frozen=True)
class DragEnd:
    pos: Point
    velocity: Point
    total: Point
    axis: Axis
    interrupted: bool = False  # a second finger turned the drag into a pinch: no glide, no swipe


@dataclass(frozen=True)
class Fling:
    """A drag released fast enough to glide on; follows its DragEnd."""

    velocity: Point
    axis: Axis


@dataclass(frozen=True)
class Swipe:
    """A drag long or quick enough along its axis to mean "the next one"; follows its DragEnd (and Fling)."""

    axis: Axis
    step: int  # +1: the finger moved left (or up), towards the next; -1: towards the previous


@dataclass(frozen=True)
class PinchStart:
    centre: Point


@dataclass(frozen=True)
class PinchMove:
    centre: Point
    scale: float  # finger distance now / at PinchStart


@dataclass(frozen=True)
class PinchEnd:
    centre: Point
    scale: float


@dataclass(frozen=True)
class Cancel:
    """The system took the touch away (or the surface was hidden): undo what is half done, act on nothing."""


Intent = (
    Press | Tap | DoubleTap | LongPress | DragStart | DragMove | DragEnd | Fling | Swipe | PinchStart | PinchMove
    | PinchEnd | Cancel
)
