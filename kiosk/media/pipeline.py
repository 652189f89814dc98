"""From a photo file to finished screen pixels, through the disk cache: the one call the Qt bridge makes.

    frame = render(path, 1920, 968, cover=False, cache=DiskCache(paths.user_cache_dir() / "photos"))

The first time, the file is decoded (`decode_for_display`) and the result stored; afterwards it is read back
from the cache in a few milliseconds. Any failure is a `DecodeError` with a plain-words reason.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PIL import Image

from kiosk.media.cache import DiskCache, Frame, SourceStamp, cache_key
from kiosk.media.decode import DecodeError, decode_for_display

log = logging.getLogger(__name__)


def render(
    path: Path,
    width: int,
    height: int,
    cover: bool = False,
    cache: DiskCache | None = None,
    stamp: SourceStamp | None = None,
) -> Frame:
    """Pixels for `path` fitted into (or, with `cover`, covering) `width`×`height`."""
    if stamp is None:
        stamp = stamp_of(path)
    key = cache_key(stamp, width, height, cover)
    if cache is not None:
        frame = cache.get(key)
        if frame is not None:
            return frame
    if stamp.size == 0:
        raise DecodeError("the file is empty (0 bytes)")
    frame = to_frame(decode_for_display(Path(path), width, height, cover))
    if cache is not None:
        cache.put(key, frame)
    return frame


def stamp_of(path: Path) -> SourceStamp:
    try:
        return SourceStamp.of(Path(path))
    except FileNotFoundError:
        raise DecodeError("file not found") from None
    except OSError as exc:
        raise DecodeError(f"cannot read the file ({exc.strerror or exc})") from None


def to_frame(img: Image.Image) -> Frame:
    """RGB image → 32-bit pixels in the byte order Qt's RGB32 uses in memory (B, G, R, 0xFF) on the
    little-endian machines the kiosk runs on. Consumes `img` (it gains an alpha band)."""
    if img.mode != "RGB":
        img = img.convert("RGB")
    img.putalpha(255)  # RGB32 requires 0xFF there; Pillow's "BGRX" would write 0
    return Frame(img.width, img.height, img.width * 4, img.tobytes("raw", "BGRA"))
