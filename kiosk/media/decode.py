"""Turn a photo file of any size, orientation and colour mode into pixels sized for the screen.

Decoding is the expensive part of showing a photo, so it happens once per display size, off the GUI thread
(the Qt bridge calls this from a worker; `kiosk.media.pipeline` keeps the result on disk), and big JPEGs are
decoded at reduced scale by libjpeg itself (draft mode: the smallest of 1/1, 1/2, 1/4, 1/8 that still covers
the display size), then reduced by whole factors (`Image.reduce`, an exact box average) while the result still
covers it, and only the small factor left (under 2×) is resampled, in one Hamming-filtered pass. Whatever the file holds
— CMYK scans, 16-bit greyscale, palette images with transparency, phone shots lying on their side — the result
is plain 8-bit sRGB at the size the screen shows.

Limits are set on purpose, not left to library defaults:
  * `MAX_SOURCE_PIXELS` bounds the size a file may declare (Pillow's own bomb guard is set to the same);
  * `MAX_DECODE_PIXELS` bounds what is really decoded into memory: a 300 MP panorama JPEG is fine (libjpeg
    decodes it at 1/8 scale), a 300 MP PNG is not (it would need ~1 GB).
"""

from __future__ import annotations

import io
import logging
import threading
import warnings
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageCms, UnidentifiedImageError

log = logging.getLogger(__name__)

MAX_SOURCE_PIXELS = 400_000_000  # what a file may declare: a 40000×10000 panorama
MAX_DECODE_PIXELS = 120_000_000  # what may really be decoded at once (~360 MB as RGB)
BIG_DECODE_PIXELS = 30_000_000  # decodes above this run one at a time, so two workers never double the peak
MAX_PIXELS = MAX_DECODE_PIXELS  # the headline number quoted to content editors

# Pillow warns above MAX_IMAGE_PIXELS and refuses above twice that. We check the declared size ourselves
# (with a clearer message), so the warning is silenced and the hard stop is only a backstop.
Image.MAX_IMAGE_PIXELS = MAX_SOURCE_PIXELS
warnings.simplefilter("ignore", Image.DecompressionBombWarning)

DRAFT_SCALES = (8, 4, 2, 1)  # the reductions libjpeg decodes directly (Pillow's draft mode offers these)
SURFACE_RGB = (27, 33, 41)  # the kiosk's surface colour, shown behind transparent parts of a photo

_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_big_decode = threading.Lock()


class DecodeError(Exception):
    """The file cannot be shown; the message says why in plain words."""


def decode_for_display(path: Path, max_width: int, max_height: int, cover: bool = False) -> Image.Image:
    """8-bit RGB image no larger than needed for a `max_width`×`max_height` box.

    `cover=False` fits the whole photo inside the box; `cover=True` returns at least the box in both
    directions (the caller crops), for tiles and hero images. Raises `DecodeError` for anything that cannot be
    shown; never anything else.
    """
    if max_width < 1 or max_height < 1:
        raise DecodeError(f"invalid display size {max_width}×{max_height}")
    try:
        with Image.open(path) as img:
            check_declared_size(img.width, img.height)
            orientation = _orientation(img)
            rotated = orientation in (5, 6, 7, 8)
            w, h = (img.height, img.width) if rotated else img.size
            tw, th = _target_size((w, h), max_width, max_height, cover)
            if img.format == "JPEG":
                scale = draft_scale((w, h), (tw, th))
                if scale > 1:
                    # Pillow picks the largest power of two with size // box >= scale: a box of size // scale
                    # (in the file's own orientation) asks for exactly `scale`.
                    box = (max(1, img.width // scale), max(1, img.height // scale))
                    img.draft(img.mode if img.mode in ("L", "CMYK") else "RGB", box)
            if img.width * img.height > MAX_DECODE_PIXELS:
                raise DecodeError(
                    f"{img.width}×{img.height} pixels is over the limit of {MAX_DECODE_PIXELS // 1_000_000} megapixels"
                    " for this format (save it as a JPEG, or smaller)"
                )
            icc = img.info.get("icc_profile")
            if img.width * img.height > BIG_DECODE_PIXELS:
                with _big_decode:
                    img.load()
                    out = _resize(_resizable(img), (th, tw) if rotated else (tw, th))
            else:
                img.load()
                out = _resize(_resizable(img), (th, tw) if rotated else (tw, th))
        out = _to_srgb(out, icc)
        if orientation in _TRANSPOSE:
            out = out.transpose(_TRANSPOSE[orientation])
        return out
    except DecodeError:
        raise
    except FileNotFoundError:
        raise DecodeError("file not found") from None
    except IsADirectoryError:
        raise DecodeError("is a folder, not a file") from None
    except Image.DecompressionBombError:
        raise DecodeError(f"over the limit of {MAX_SOURCE_PIXELS // 1_000_000} megapixels") from None
    except UnidentifiedImageError:
        raise DecodeError(_unidentified(path)) from None
    except MemoryError:
        raise DecodeError("not enough memory to decode it") from None
    except Exception as exc:  # Pillow raises many kinds for broken files (OSError, SyntaxError, ValueError …)
        text = str(exc) or type(exc).__name__
        if "truncated" in text or "broken data stream" in text or "premature end" in text.lower():
            raise DecodeError(f"the file is truncated or damaged ({text})") from None
        raise DecodeError(f"cannot read the image ({text})") from None


def check_declared_size(width: int, height: int) -> None:
    if width <= 0 or height <= 0:
        raise DecodeError("the image has no pixels")
    if width * height > MAX_SOURCE_PIXELS:
        raise DecodeError(
            f"{width}×{height} pixels is over the limit of {MAX_SOURCE_PIXELS // 1_000_000} megapixels"
        )


def _unidentified(path: Path) -> str:
    try:
        size = Path(path).stat().st_size
    except OSError:
        size = -1
    if size == 0:
        return "the file is empty (0 bytes)"
    return "not an image file the kiosk can read (use JPEG, PNG or WebP)"


def _orientation(img: Image.Image) -> int:
    try:
        value = img.getexif().get(0x0112, 1)
        return int(value) if int(value) in range(1, 9) else 1
    except Exception:  # a damaged EXIF block must not cost the photo
        return 1


def _target_size(size: tuple[int, int], max_width: int, max_height: int, cover: bool) -> tuple[int, int]:
    w, h = size
    if w <= 0 or h <= 0:
        raise DecodeError("the image has no pixels")
    fit = max if cover else min
    scale = min(1.0, fit(max_width / w, max_height / h))
    return (max(1, round(w * scale)), max(1, round(h * scale)))


def _resizable(img: Image.Image) -> Image.Image:
    """The image in one of the modes Pillow resamples with full quality: L, RGB, RGBA or CMYK."""
    mode = img.mode
    if mode in ("L", "RGB", "RGBA", "CMYK"):
        return img
    if mode == "1":
        return img.convert("L")
    if mode in ("P", "PA"):
        has_alpha = mode == "PA" or "transparency" in img.info
        return img.convert("RGBA" if has_alpha else "RGB")
    if mode in ("LA", "La", "RGBa", "RGBX"):
        return img.convert("RGBA" if "A" in mode or "a" in mode else "RGB")
    if mode.startswith("I;16") or mode == "I":
        # 16-bit (or 32-bit integer) greyscale: scale the full range down to 8 bits.
        top = 65535 if mode.startswith("I;16") else max(255, _extent(img, (0, 255))[1])
        return img.convert("I").point(lambda v: v * (255 / top)).convert("L")
    if mode == "F":
        lo, hi = _extent(img, (0.0, 1.0))
        span = (hi - lo) or 1.0
        return img.point(lambda v: (v - lo) * (255 / span)).convert("L")
    return img.convert("RGB")  # YCbCr, LAB, HSV …


def _extent(img: Image.Image, default: tuple[float, float]) -> tuple[float, float]:
    """The lowest and highest value of a one-band image (`default` if Pillow has none to give)."""
    extrema = img.getextrema()
    if len(extrema) == 2:
        lo, hi = extrema
        if isinstance(lo, (int, float)) and isinstance(hi, (int, float)):
            return lo, hi
    return default


def draft_scale(size: tuple[int, int], target: tuple[int, int]) -> int:
    """The largest of libjpeg's reductions (8, 4, 2, 1) that still decodes `size` to at least `target` in both
    directions, so nothing is ever scaled up. A JPEG's reduced size is rounded up (ceil(size / scale))."""
    w, h = size
    tw, th = target
    for scale in DRAFT_SCALES:
        if -(-w // scale) >= tw and -(-h // scale) >= th:
            return scale
    return 1


def reduce_factor(size: tuple[int, int], target: tuple[int, int]) -> int:
    """The whole factor `Image.reduce` may take off `size` while the result still covers `target`: 1 if none."""
    w, h = size
    tw, th = target
    return max(1, min(w // max(1, tw), h // max(1, th)))


def _resize(img: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Down to `size`: whole factors first with `reduce` (an exact box average, a fraction of the cost of
    resampling), then one resampling pass over what is left, a factor under 2. Pillow widens the filter with
    the reduction, so nothing aliases. Hamming costs about what bilinear does (half of bicubic at this small
    factor) and keeps edges sharper than bilinear."""
    if img.size == size:
        return img
    factor = reduce_factor(img.size, size)
    if factor > 1:
        img = img.reduce(factor)
        if img.size == size:
            return img
    return img.resize(size, Image.Resampling.HAMMING)


def _to_srgb(img: Image.Image, icc: bytes | None) -> Image.Image:
    if icc and img.mode in ("RGB", "RGBA", "CMYK", "L"):
        try:
            converted = _icc_transform(icc, img.mode)
            transformed = ImageCms.applyTransform(img, converted) if converted is not None else None
            if transformed is not None:  # None only for a transform in place, which is not asked for here
                img = transformed
        except Exception as exc:  # a broken profile: naive conversion below is still a fair picture
            log.debug("ignoring colour profile: %s", exc)
    if img.mode == "RGBA":
        background = Image.new("RGB", img.size, SURFACE_RGB)
        background.paste(img, mask=img.getchannel("A"))
        return background
    return img if img.mode == "RGB" else img.convert("RGB")


@lru_cache(maxsize=16)
def _icc_transform(icc: bytes, mode: str) -> ImageCms.ImageCmsTransform | None:
    """A transform from the embedded profile to sRGB, or None when the photo is sRGB already."""
    source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    description = (ImageCms.getProfileDescription(source) or "").lower()
    if mode == "RGB" and "srgb" in description:
        return None
    if mode == "L":
        return None  # grey stays grey
    out_mode = "RGBA" if mode == "RGBA" else "RGB"
    return ImageCms.buildTransform(
        source, _SRGB, mode, out_mode, renderingIntent=ImageCms.Intent.PERCEPTUAL
    )


_SRGB = ImageCms.createProfile("sRGB")
