"""From a photo file to finished screen pixels, through the disk cache: the one call the Qt bridge makes.

    frame = render(path, 1920, 968, cover=False, cache=DiskCache(paths.user_cache_dir() / "photos"))

The first time, the file is decoded (`decode_for_display`) and the result stored; afterwards it is read back
from the cache in a few milliseconds. Any failure is a `DecodeError` with a plain-words reason.

`render_then_store` is the same with the disk write left to the caller, to do once the picture is on its way to
the screen: writing a 2904×1936 frame (17 MB and its checksum) takes tens of milliseconds on a busy 2-core PC,
time a visitor waiting for the photo need not wait.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
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
    frame, store = render_then_store(path, width, height, cover, cache, stamp)
    if store is not None:
        store()
    return frame


def render_then_store(
    path: Path,
    width: int,
    height: int,
    cover: bool = False,
    cache: DiskCache | None = None,
    stamp: SourceStamp | None = None,
) -> tuple[Frame, Callable[[], None] | None]:
    """As `render`, but a frame just decoded is not yet in the disk cache: the second value stores it (call it
    once, after the frame has been handed on); None when the frame came from the cache or there is none."""
    if stamp is None:
        stamp = stamp_of(path)
    key = cache_key(stamp, width, height, cover)
    if cache is not None:
        frame = cache.get(key)
        if frame is not None:
            return frame, None
    if stamp.size == 0:
        raise DecodeError("the file is empty (0 bytes)")
    frame = to_frame(decode_for_display(Path(path), width, height, cover))
    if cache is None:
        return frame, None
    disk = cache
    return frame, lambda: disk.put(key, frame)


def stamp_of(path: Path) -> SourceStamp:
    try:
        return SourceStamp.of(Path(path))
    except FileNotFoundError:
        raise DecodeError("file not found") from None
    except OSError as exc:
        raise DecodeError(f"cannot read the file ({exc.strerror or exc})") from None


def _copy_pixels(img: Image.Image, stride: int) -> bytearray:
    """The pixels piece by piece into one buffer, through the raw encoder `Image.tobytes` itself uses (not a
    documented interface: `to_frame` falls back to `tobytes` if a Pillow release changes it)."""
    data = bytearray(stride * img.height)
    encoder = Image._getencoder("RGB", "raw", ("RGB", 0, 1))
    try:
        encoder.setimage(img.im, (0, 0, img.width, img.height))
        chunk = max(65536, img.width * 4)
        at = 0
        while True:
            _, status, piece = encoder.encode(chunk)
            data[at : at + len(piece)] = piece
            at += len(piece)
            if status:
                break
    finally:
        encoder.cleanup()
    if status < 0 or at != len(data):
        raise DecodeError(f"cannot copy the pixels out (encoder status {status})")
    return data


def to_frame(img: Image.Image) -> Frame:
    """RGB image → 24-bit pixels, R, G, B per pixel (Qt's RGB888). Three bytes a pixel, not four: a quarter
    less to copy out of Pillow, to write to and read back from the disk cache and to checksum; the Qt bridge
    widens them to its 32-bit layout in one fast pass. The bytes are written straight into the frame's buffer
    (Pillow's own `tobytes` joins a list of pieces, holding the frame twice at its peak)."""
    if img.mode != "RGB":
        img = img.convert("RGB")
    img.load()
    stride = img.width * 3
    try:
        data = _copy_pixels(img, stride)
    except (AttributeError, TypeError):  # Pillow's encoder interface moved: its public copy, twice the peak
        data = bytearray(img.tobytes())
    if len(data) != stride * img.height:
        raise DecodeError("cannot copy the pixels out")
    return Frame(img.width, img.height, stride, data)
