"""`kiosk check` for photo files: can each photo the content names be shown?

A cheap look at each file, not a full decode (that would take seconds per photo on a large exhibition): the
file is not empty, Pillow recognises its format from the header, its declared size is within the pixel limit,
and it still ends the way its format ends (a JPEG cut off in a copy lacks its end marker, a PNG its IEND
chunk). A photo that fails is a warning: the kiosk still runs and shows a neutral placeholder in its place.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from kiosk.content.loader import PHOTOS_DIR, ROOT_FILE, SECTIONS_DIR, register_check
from kiosk.content.problems import Problem, Severity
from kiosk.content.schema import Exhibition
from kiosk.media.decode import MAX_DECODE_PIXELS, DecodeError, check_declared_size

log = logging.getLogger(__name__)

_TAIL = 64 * 1024


def probe(path: Path) -> str | None:
    """Why `path` cannot be shown, in plain words, or None if it looks fine. Never raises."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return "file not found"
    except OSError as exc:
        return f"cannot read the file ({exc.strerror or exc})"
    if not path.is_file():
        return "is a folder, not a file"
    if size == 0:
        return "the file is empty (0 bytes)"
    try:
        with Image.open(path) as img:
            check_declared_size(img.width, img.height)
            fmt = img.format or ""
            if fmt != "JPEG" and img.width * img.height > MAX_DECODE_PIXELS:
                return (
                    f"{img.width}×{img.height} pixels is over the limit of {MAX_DECODE_PIXELS // 1_000_000}"
                    f" megapixels for {fmt or 'this format'} (save it as a JPEG, or smaller)"
                )
    except DecodeError as exc:
        return str(exc)
    except UnidentifiedImageError:
        return "not an image file the kiosk can read (use JPEG, PNG or WebP)"
    except Image.DecompressionBombError:
        return "over the pixel limit"
    except Exception as exc:  # any reader failure is a finding, never a crash
        return f"cannot read the image ({exc})"
    return _truncated(path, fmt, size)


def _truncated(path: Path, fmt: str, size: int) -> str | None:
    try:
        with path.open("rb") as handle:
            handle.seek(max(0, size - _TAIL))
            tail = handle.read()
    except OSError as exc:
        return f"cannot read the file ({exc.strerror or exc})"
    if fmt == "JPEG" and b"\xff\xd9" not in tail:
        return "the file is truncated (the JPEG has no end marker); copy it again"
    if fmt == "PNG" and b"IEND" not in tail[-64:]:
        return "the file is truncated (the PNG has no IEND chunk); copy it again"
    return None


def check_photos(exhibition: Exhibition, folder: Path) -> list[Problem]:
    """A warning for every named photo file that exists but cannot be shown (missing ones the loader reports)."""
    problems: list[Problem] = []
    photos_dir = Path(folder) / PHOTOS_DIR
    owners = [(ROOT_FILE, "photos", exhibition.photos)]
    owners += [
        (f"{SECTIONS_DIR}/{s.id}.toml", f"sections[{i}].photos", s.photos) for i, s in enumerate(exhibition.sections)
    ]
    for file, prefix, photos in owners:
        for index, photo in enumerate(photos):
            path = photos_dir / photo.file
            if not path.exists():
                continue
            reason = probe(path)
            if reason is not None:
                problems.append(
                    Problem(file, f"{prefix}[{index}].file", f"{photo.file!r}: {reason}", Severity.WARNING)
                )
    return problems


def install() -> None:
    """Make `load_exhibition` run the photo check too (for `kiosk check` and the staff panel's report)."""
    register_check(check_photos)
