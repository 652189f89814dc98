"""How finely a screen transition's snapshots are rendered. No Qt.

A transition slides or cross-fades two pictures of whole screens for a quarter of a second. At 3840×2160 a
full-resolution picture is 33 MB: rendering one, and even copying one into freshly mapped memory, takes longer
than a frame. While the pictures move, the eye cannot tell a snapshot at 1920×1080 scaled up from one at device
resolution, so snapshots are rendered with at most `MAX_SNAPSHOT_PIXELS` and drawn scaled; at rest the real
widgets are shown again, drawn at device resolution, so text stays crisp.
"""

from __future__ import annotations

import math

MAX_SNAPSHOT_PIXELS = 1920 * 1080  # the reference canvas: up to this size, snapshots are taken at full resolution
# How far into its motion a transition's first frame is drawn, in ms: one frame at 60 Hz. That frame is painted
# as soon as the touch is handled, from the old picture alone; the new one is rendered while it is on the glass.
LEAD_MS = 16


def snapshot_scale(width: int, height: int, max_pixels: int = MAX_SNAPSHOT_PIXELS) -> float:
    """The fraction of device resolution (1.0 or less) a `width`×`height` snapshot is rendered at: 0.5 at
    3840×2160, 1.0 at 1920×1080 and smaller, 0.75 at 2560×1440."""
    pixels = max(0, width) * max(0, height)
    if pixels <= max_pixels or max_pixels <= 0:
        return 1.0
    return math.sqrt(max_pixels / pixels)


def snapshot_size(width: int, height: int, scale: float) -> tuple[int, int]:
    """The snapshot's size in pixels at `scale` (never empty)."""
    return max(1, math.ceil(width * scale)), max(1, math.ceil(height * scale))


def fade_step(shown: float, target: float) -> float:
    """The opacity to draw the incoming picture with over a frame that already shows it at `shown` (0..1), so
    the result shows it at `target`: blending frame over frame needs no copy of the outgoing picture."""
    if target >= 1.0:
        return 1.0
    if target <= shown:
        return 0.0
    return (target - shown) / (1.0 - shown)
