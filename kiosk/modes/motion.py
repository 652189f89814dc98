"""Slow motion that keeps an unattended screen alive: the attract slideshow's pan and zoom, the burn-in shift
of long-static content, and the wandering position of the dim clock shown outside opening hours.

Pure functions of time (or a step number), so the screens only draw what these return and the rules are
tested from tables.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

BURN_IN_STEP_S = 120.0  # one pixel step every two minutes: never noticed, enough to spread static edges


def ring(amplitude: int) -> list[tuple[int, int]]:
    """Every pixel offset on the square of half-side `amplitude` around (0, 0), walked one pixel at a time."""
    if amplitude <= 0:
        return [(0, 0)]
    a = amplitude
    points = [(x, -a) for x in range(-a, a)]
    points += [(a, y) for y in range(-a, a)]
    points += [(x, a) for x in range(a, -a, -1)]
    points += [(-a, y) for y in range(a, -a, -1)]
    return points


def pixel_shift(seconds: float, amplitude: int, step_s: float = BURN_IN_STEP_S) -> tuple[int, int]:
    """The burn-in offset at `seconds` (any clock): a one-pixel step every `step_s` around a small square."""
    path = ring(amplitude)
    return path[int(max(0.0, seconds) // step_s) % len(path)]


def wander(step: int, area: tuple[int, int], box: tuple[int, int], seed: int = 0) -> tuple[int, int]:
    """Top-left of a `box` placed inside `area` for the given step (e.g. the minute): a fresh place each step,
    the same place for the same step. Used to move the dim clock so it never burns in."""
    room_w = max(0, area[0] - box[0])
    room_h = max(0, area[1] - box[1])
    rng = random.Random(seed * 1_000_003 + step)
    return round(rng.random() * room_w), round(rng.random() * room_h)


@dataclass(frozen=True)
class Framing:
    """Which part of a photo to show: `zoom` ≥ 1 magnifies; `x`, `y` in 0…1 place the crop in the spare room
    (0 = left/top edge, 1 = right/bottom edge)."""

    zoom: float
    x: float
    y: float


# Four pans a slide can make (start and end of the crop's place); the slide's index picks one, and even slides
# zoom in while odd ones zoom out, so consecutive photos never drift the same way.
_PANS = (
    ((0.2, 0.5), (0.8, 0.4)),  # to the right
    ((0.8, 0.3), (0.3, 0.6)),  # to the left, dropping a little
    ((0.5, 0.8), (0.5, 0.2)),  # tilting up
    ((0.3, 0.3), (0.7, 0.7)),  # down and to the right
)


def ken_burns(index: int, progress: float, max_zoom: float = 1.08) -> Framing:
    """The framing of slide `index` at `progress` (0 at its start, 1 at its end): a slow, eased pan and zoom."""
    (x0, y0), (x1, y1) = _PANS[index % len(_PANS)]
    k = min(1.0, max(0.0, progress))
    k = 0.5 - 0.5 * math.cos(math.pi * k)  # ease in and out: no jolt when the slide appears or leaves
    grow = k if index % 2 == 0 else 1.0 - k
    return Framing(
        zoom=round(1.0 + (max_zoom - 1.0) * grow, 5),
        x=round(x0 + (x1 - x0) * k, 5),
        y=round(y0 + (y1 - y0) * k, 5),
    )


def breathe(seconds: float, period_s: float = 3.2, low: float = 0.45) -> float:
    """A calm pulse between `low` and 1.0 (for the "touch to explore" hint): a sine, never a blink."""
    return low + (1.0 - low) * (0.5 + 0.5 * math.cos(2 * math.pi * seconds / period_s))


def crop(framing: Framing, view: tuple[int, int], image: tuple[int, int], margin: float = 1.06) -> tuple[float, ...]:
    """The part of an `image` (w, h) to draw into a `view` (w, h) for `framing`: (x, y, w, h) in image pixels.

    At zoom 1 the photo is magnified by `margin` beyond just covering the view, so even then there is room to
    pan; the crop never leaves the image."""
    vw, vh = view
    iw, ih = image
    if min(vw, vh, iw, ih) <= 0:
        return (0.0, 0.0, float(max(iw, 0)), float(max(ih, 0)))
    cover = max(vw / iw, vh / ih)  # scale at which the image just covers the view
    scale = cover * margin * max(1.0, framing.zoom)
    w, h = min(iw, vw / scale), min(ih, vh / scale)
    x = (iw - w) * min(1.0, max(0.0, framing.x))
    y = (ih - h) * min(1.0, max(0.0, framing.y))
    return (x, y, w, h)
