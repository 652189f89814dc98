"""What the monkey will do, decided up front from a seed: the same seed gives the same events, whatever the
app does in between. No Qt: positions are fractions of the window, turned into pixels when sent.

Staff exits are never planned: no touch lands within `CORNER` of a corner (where the hidden staff gesture
lives), and no key combination beyond what a visitor with a keyboard could press (Esc, Alt+F4, Ctrl+W, Ctrl+Q,
which the kiosk must ignore anyway).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

CORNER = 0.14  # of the short side: a square at each corner no planned touch enters

# kind -> weight. Idle pauses let animations, decodes and timers run between bursts of input.
WEIGHTS: dict[str, int] = {
    "tap": 38,
    "swipe": 14,
    "scroll": 10,
    "pinch": 7,
    "long_press": 1,
    "double_tap": 4,
    "language": 5,
    "key": 5,
    "pause": 9,
    "idle_timeout": 1,
    "back_home": 2,
}

KEYS = ("escape", "tab", "space", "return", "left", "right", "up", "down", "backspace", "alt+f4", "ctrl+w", "ctrl+q")


@dataclass(frozen=True)
class Planned:
    kind: str
    x: float = 0.5  # where, as a fraction of the window's width / height
    y: float = 0.5
    dx: float = 0.0  # how far (swipes, scrolls: fraction of width / height; pinches: gap change, fraction)
    dy: float = 0.0
    ms: int = 0  # how long (long presses, pauses)
    choice: str = ""  # which key / language / button


def _point(rng: random.Random, aspect: float) -> tuple[float, float]:
    """A point anywhere in the window except the corner squares."""
    cx = CORNER / aspect if aspect > 1 else CORNER  # the corner square in fractions of width
    cy = CORNER if aspect > 1 else CORNER * aspect
    while True:
        x, y = rng.random(), rng.random()
        in_corner = (x < cx or x > 1 - cx) and (y < cy or y > 1 - cy)
        if not in_corner:
            return x, y


def plan(seed: int, count: int, aspect: float = 16 / 9) -> Iterator[Planned]:
    """`count` events for a window of the given width/height ratio."""
    rng = random.Random(seed)
    kinds = list(WEIGHTS)
    weights = [WEIGHTS[k] for k in kinds]
    for _ in range(count):
        kind = rng.choices(kinds, weights)[0]
        x, y = _point(rng, aspect)
        if kind == "swipe":
            yield Planned(kind, x, y, dx=rng.choice((-1, 1)) * rng.uniform(0.15, 0.5), dy=rng.uniform(-0.05, 0.05))
        elif kind == "scroll":
            yield Planned(kind, x, y, dx=rng.uniform(-0.03, 0.03), dy=rng.choice((-1, 1)) * rng.uniform(0.1, 0.45))
        elif kind == "pinch":
            yield Planned(kind, x, y, dx=rng.uniform(0.03, 0.2), dy=rng.uniform(0.03, 0.3))
        elif kind == "long_press":
            yield Planned(kind, x, y, ms=rng.randint(550, 900))
        elif kind == "language":
            yield Planned(kind, choice=rng.choice(("zh", "en")))
        elif kind == "key":
            yield Planned(kind, choice=rng.choice(KEYS))
        elif kind == "pause":
            yield Planned(kind, ms=rng.choice((16, 16, 50, 50, 120, 300)))
        elif kind == "back_home":
            yield Planned(kind, choice=rng.choice(("back", "home")))
        else:
            yield Planned(kind, x, y)
