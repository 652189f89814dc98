"""How many bytes of decoded photos the kiosk keeps in memory: a rule in plain numbers, so it is tested without Qt.

The memory cache holds what one screen needs: `FULL_FRAMES` frames of the largest size the widgets ask for (the
viewer, a hero photo: about the window's size) plus `THUMBNAIL_BYTES` for cards. The full frames together never
take more than `FRAMES_BYTES` (but always room for one): at 1920×1080 a viewer frame is ~5.6 MB and three fit;
at 3840×2160 it is ~22 MB and two do, since the viewer itself holds the photo shown and its two neighbours, and
a third full 4K frame in the cache would only raise the peak. Never more than `CEILING_BYTES` in all.
"""

from __future__ import annotations

MB = 1024 * 1024
FULL_FRAMES = 3
FRAMES_BYTES = 48 * MB
THUMBNAIL_BYTES = 8 * MB
CEILING_BYTES = 96 * MB
BYTES_PER_PIXEL = 4  # a pixmap in Qt's 32-bit layout


def frame_bytes(width: int, height: int) -> int:
    """What one decoded photo of `width`×`height` takes in memory."""
    return max(0, width) * max(0, height) * BYTES_PER_PIXEL


def memory_budget(largest_frame: int, thumbnails: int = THUMBNAIL_BYTES) -> int:
    """The memory cache's byte budget when the largest frame kept so far takes `largest_frame` bytes."""
    largest = max(0, largest_frame)
    frames = max(largest, min(FULL_FRAMES * largest, FRAMES_BYTES))
    return min(CEILING_BYTES, frames + thumbnails)
