"""Generators for the awkward photo files a content editor may drop in: rotated phone shots, CMYK scans,
16-bit PNGs, palette images with transparency, huge and broken files. Shared by the unit and UI tests."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image

RED = (220, 30, 30)
BLUE = (30, 30, 220)


def two_halves(size: tuple[int, int] = (300, 200), left=RED, right=BLUE) -> Image.Image:
    img = Image.new("RGB", size, right)
    img.paste(left, (0, 0, size[0] // 2, size[1]))
    return img


def exif_rotated_jpeg(path: Path, orientation: int = 6) -> Path:
    """Stored 300×200 (red left half, blue right half), tagged to be shown rotated."""
    img = two_halves()
    exif = Image.Exif()
    exif[0x0112] = orientation
    img.save(path, "JPEG", quality=95, exif=exif.tobytes())
    return path


def cmyk_jpeg(path: Path) -> Path:
    Image.new("CMYK", (300, 200), (0, 255, 255, 0)).save(path, "JPEG", quality=95)  # pure red ink
    return path


def png_16bit(path: Path, value: int = 32768) -> Path:
    Image.new("I;16", (300, 200), value).save(path, "PNG")
    return path


def palette_with_alpha(path: Path) -> Path:
    img = Image.new("P", (300, 200), 1)
    img.putpalette([0, 0, 0, 240, 200, 40] + [0, 0, 0] * 254)
    img.paste(0, (0, 0, 150, 200))  # left half: index 0, transparent
    img.save(path, "PNG", transparency=0)
    return path


def grey_alpha_png(path: Path) -> Path:
    Image.new("LA", (300, 200), (200, 128)).save(path, "PNG")
    return path


def rgba_webp(path: Path) -> Path:
    Image.new("RGBA", (300, 200), (40, 160, 90, 255)).save(path, "WEBP", lossless=True)
    return path


def megapixel_png(path: Path, width: int = 10_000, height: int = 10_000) -> Path:
    """A 100-megapixel photo, cheaply: a 1-bit PNG is 12 MB in memory and a few KB on disk."""
    Image.new("1", (width, height), 1).save(path, "PNG")
    return path


def declared_png(path: Path, width: int, height: int) -> Path:
    """A PNG whose header declares `width`×`height` (a decompression bomb's shape) without its pixel data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    path.write_bytes(body)
    return path


def jpeg_bytes(size: tuple[int, int] = (600, 400)) -> bytes:
    buffer = io.BytesIO()
    img = Image.linear_gradient("L").resize(size).convert("RGB")
    img.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def truncated_jpeg(path: Path) -> Path:
    data = jpeg_bytes()
    path.write_bytes(data[: len(data) * 6 // 10])
    return path


def text_as_jpeg(path: Path) -> Path:
    path.write_text("this is not a photo\n", encoding="utf-8")
    return path


def empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path
