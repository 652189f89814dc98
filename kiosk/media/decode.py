"""Turn a photo file of any size and orientation into pixels sized for the screen.

Decoding is the expensive part of showing a photo, so it happens once per display size, off the GUI thread
(the Qt bridge calls this from a worker), and big JPEGs are decoded at reduced scale (draft mode) before a
high-quality resize.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PIL import Image, ImageOps

log = logging.getLogger(__name__)

# Deliberate limit: a 100-megapixel panorama is fine, a decompression bomb is not.
MAX_PIXELS = 120_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


class DecodeError(Exception):
    """The file cannot be shown; the message says why in plain words."""


def decode_for_display(path: Path, max_width: int, max_height: int, cover: bool = False) -> Image.Image:
    """RGB image no larger than needed for a `max_width`×`max_height` box.

    `cover=False` fits the whole photo inside the box; `cover=True` returns at least the box in both
    directions (the caller crops), for tiles and hero images.
    """
    try:
        with Image.open(path) as img:
            if img.width * img.height > MAX_PIXELS:
                raise DecodeError(f"{img.width}×{img.height} is over the {MAX_PIXELS // 1_000_000} MP limit")
            target = _target_size(_oriented_size(img), max_width, max_height, cover)
            img.draft("RGB", (target[0], target[1]))  # JPEG: let libjpeg decode at 1/2, 1/4 or 1/8 scale
            img = ImageOps.exif_transpose(img)
            img = _to_rgb(img)
            if img.size != target:
                img = img.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
            return img
    except DecodeError:
        raise
    except FileNotFoundError:
        raise DecodeError("file not found") from None
    except Image.DecompressionBombError as exc:
        raise DecodeError(f"image too large ({exc})") from None
    except Exception as exc:  # Pillow raises many kinds for broken files
        raise DecodeError(f"cannot read image: {exc}") from None


def _oriented_size(img: Image.Image) -> tuple[int, int]:
    orientation = img.getexif().get(0x0112, 1)
    return (img.height, img.width) if orientation in (5, 6, 7, 8) else (img.width, img.height)


def _target_size(size: tuple[int, int], max_width: int, max_height: int, cover: bool) -> tuple[int, int]:
    w, h = size
    if w <= 0 or h <= 0:
        raise DecodeError("image has no pixels")
    fit = max if cover else min
    scale = min(1.0, fit(max_width / w, max_height / h))
    return (max(1, round(w * scale)), max(1, round(h * scale)))


def _to_rgb(img: Image.Image) -> Image.Image:
    if img.mode == "RGB":
        return img
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        background = Image.new("RGB", rgba.size, (27, 33, 41))  # the kiosk's surface colour behind transparency
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        return img.point(lambda v: v / 256).convert("L").convert("RGB")
    return img.convert("RGB")
