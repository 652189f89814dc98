"""Every touch threshold of the kiosk, in one place, measured on the glass (millimetres and seconds).

Why millimetres: a finger is the same size on a 43" and a 65" panel, but a pixel is not. A tap that wobbles
6 mm is still a tap on every screen, so the thresholds are physical lengths and are turned into pixels with
the screen's physical DPI (`GestureConfig.px`). Screens that report no DPI, or an absurd one (offscreen,
Xvfb, a projector, a misconfigured EDID), get `glass_dpi`'s fallback: the window's short side treated as the
short side of a 55" 16:9 panel (1080 px → ~40 dpi), the same reference the theme's sizes are drawn for.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MM_PER_INCH = 25.4
REFERENCE_DPI = 40.05  # a 55" 16:9 panel at 1920×1080: 1920 px over 47.9 in
REFERENCE_SHORT_SIDE = 1080
PLAUSIBLE_DIAGONAL_IN = (30.0, 110.0)  # exhibition touch panels are 43–65"; outside this the report is not a panel


@dataclass(frozen=True)
class GestureConfig:
    slop_mm: float = 8.0  # a finger may wander this far and still tap (about half a fingertip)
    double_tap_s: float = 0.40  # generous: older visitors tap slowly
    double_tap_reach_mm: float = 40.0  # the second tap of a double tap lands within this of the first
    long_press_s: float = 0.7
    velocity_window_s: float = 0.10  # release velocity: the finger's motion over its last 100 ms
    fling_mm_s: float = 60.0  # slower releases just stop; faster ones glide on
    swipe_mm: float = 75.0  # a sideways drag this long turns a page (or a screen) ...
    swipe_mm_s: float = 570.0  # ... and so does a quicker flick of at least twice the slop
    page_flick_mm_s: float = 410.0  # the photo viewer's strip turns on a flick this fast, however short

    def px(self, mm: float, dpi: float) -> float:
        """`mm` on the glass, in pixels of a screen with `dpi` dots per inch."""
        return mm * dpi / MM_PER_INCH


def glass_dpi(reported: float | None, width_px: int, height_px: int, canvas_short_side: float) -> float:
    """The DPI to convert millimetres with: the screen's report if it describes a plausible panel, else the
    reference panel scaled to the window (`canvas_short_side` px tall in landscape, wide in portrait)."""
    if reported is not None and math.isfinite(reported) and reported > 0 and width_px > 0 and height_px > 0:
        diagonal = math.hypot(width_px, height_px) / reported
        if PLAUSIBLE_DIAGONAL_IN[0] <= diagonal <= PLAUSIBLE_DIAGONAL_IN[1]:
            return reported
    return REFERENCE_DPI * max(0.25, canvas_short_side / REFERENCE_SHORT_SIDE)
