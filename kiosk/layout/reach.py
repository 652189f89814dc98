"""Where on the glass a seated visitor or a child can reach: the *reach band* of accessible mode.

A wheelchair user reaches about 0.4–1.2 m above the floor (ADA / Section 508 reach ranges, the Smithsonian
Guidelines for Accessible Exhibition Design). A screen mounted for standing adults covers roughly 0.9–1.6 m,
so only its lower part is in reach. From the screen's size in pixels, its physical size and the height of its
bottom edge above the floor, `reach_band` gives the rows of pixels that lie within reach: accessible mode lays
the whole interface into them.

Rows count from the top of the screen, as on the glass. A band never gets thinner than `min_height_px` (the
interface needs some room to work): when the part in reach is thinner, the band grows around it, and a screen
hung entirely above (or below) the reach range uses its lowest (or highest) rows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

REACH_LOW_MM = 400.0  # ADA / Section 508: lowest comfortable reach, forward or side
REACH_HIGH_MM = 1200.0  # … and the highest (the ADA's 48 in is 1219 mm; 1.2 m leaves a margin)
MIN_BAND_FRACTION = 0.4  # of the screen's short side: room for the bottom bar and a usable screen above it
DEFAULT_BOTTOM_MM = 900  # a 55" landscape screen hung for standing visitors spans about 0.9–1.6 m
MM_PER_INCH = 25.4


@dataclass(frozen=True)
class ReachBand:
    """The band in screen pixels (full width: rows `top` … `top + height`), and what it covers on the wall."""

    top: int
    height: int
    width: int
    screen_height: int
    low_mm: float  # height above the floor of the band's bottom edge
    high_mm: float  # … and of its top edge
    whole: bool  # the whole screen is within reach: the band is the screen
    widened: bool  # the part in reach was thinner than the minimum (or empty): the band reaches beyond it

    @property
    def bottom(self) -> int:
        return self.top + self.height

    def rect(self) -> tuple[int, int, int, int]:
        """(x, y, width, height)."""
        return 0, self.top, self.width, self.height

    def contains(self, y: float, height: float) -> bool:
        """Whether rows y … y + height lie inside the band."""
        return y >= self.top and y + height <= self.bottom


def physical_size_mm(diagonal_in: float, width_px: int, height_px: int) -> tuple[float, float]:
    """Width and height in millimetres of a screen of this diagonal with square pixels."""
    diagonal_px = math.hypot(width_px, height_px)
    mm = diagonal_in * MM_PER_INCH
    return mm * width_px / diagonal_px, mm * height_px / diagonal_px


ASSUMED_DIAGONAL_IN = 55  # a screen that reports no plausible size (a virtual display) is taken for a 55"


def glass_size_mm(
    window_px: tuple[int, int], screen_px: tuple[int, int], screen_mm: tuple[float, float], diagonal: float = 0
) -> tuple[float, float]:
    """The physical size of a full-screen window: from the staff's `diagonal` (inches) when set, else from what
    the screen reports (`screen_mm` for `screen_px`), else an assumed 55" screen."""
    w, h = max(1, window_px[0]), max(1, window_px[1])
    if diagonal > 0:
        return physical_size_mm(diagonal, w, h)
    if screen_mm[0] > 150 and screen_mm[1] > 80 and screen_px[0] > 0 and screen_px[1] > 0:
        return w * screen_mm[0] / screen_px[0], h * screen_mm[1] / screen_px[1]
    return physical_size_mm(ASSUMED_DIAGONAL_IN, w, h)


def diagonal_in(width_mm: float, height_mm: float) -> float:
    return math.hypot(width_mm, height_mm) / MM_PER_INCH


def pixel_pitch_mm(width_px: int, height_px: int, width_mm: float, height_mm: float) -> float:
    """Millimetres per pixel (the mean of both directions, which agree on square pixels)."""
    return (width_mm / width_px + height_mm / height_px) / 2


def reach_band(
    size_px: tuple[int, int],
    size_mm: tuple[float, float],
    bottom_mm: float,
    reach_mm: tuple[float, float] = (REACH_LOW_MM, REACH_HIGH_MM),
    min_height_px: int | None = None,
) -> ReachBand:
    """The rows of a `size_px` screen (physical `size_mm`, bottom edge `bottom_mm` above the floor) within
    `reach_mm` of the floor, at least `min_height_px` tall (default: `MIN_BAND_FRACTION` of the short side)."""
    width, height = size_px
    if width <= 0 or height <= 0 or size_mm[1] <= 0:
        raise ValueError(f"a screen needs a size: {size_px} px, {size_mm} mm")
    low, high = sorted(reach_mm)
    mm_per_row = size_mm[1] / height
    top_mm = bottom_mm + size_mm[1]
    minimum = min(height, max(1, round(MIN_BAND_FRACTION * min(width, height)) if min_height_px is None
                              else min_height_px))

    def row(mm: float) -> float:  # the row at this height above the floor
        return (top_mm - mm) / mm_per_row

    if bottom_mm >= low and top_mm <= high:
        return ReachBand(0, height, width, height, bottom_mm, top_mm, whole=True, widened=False)
    lo, hi = max(low, bottom_mm), min(high, top_mm)
    if hi > lo:
        first, last = row(hi), row(lo)
    elif bottom_mm >= high:  # all above reach: the lowest rows
        first = last = float(height)
    else:  # all below reach (a table-top screen): the highest rows
        first = last = 0.0
    widened = last - first < minimum
    if widened:
        middle = (first + last) / 2
        first, last = middle - minimum / 2, middle + minimum / 2
        shift = max(-first, 0.0) - max(last - height, 0.0)
        first, last = first + shift, last + shift
    top, bottom = max(0, math.floor(first + 1e-6)), min(height, math.ceil(last - 1e-6))
    # rows taken whole, never beyond the reach: a part-row at an edge is left out unless the band was widened
    if not widened:
        top, bottom = math.ceil(first - 1e-6), math.floor(last + 1e-6)
    return ReachBand(top, bottom - top, width, height, top_mm - bottom * mm_per_row, top_mm - top * mm_per_row,
                     whole=top == 0 and bottom == height, widened=widened)
