"""How a photo is brought to screen size: libjpeg's reduced decode is the smallest that still covers the
display (never scaled up afterwards), and whole factors are taken off by `reduce` before one resampling pass;
frames are three bytes a pixel, copied out of Pillow without a second copy; and the
memory cache's byte budget follows the frame size."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from kiosk.media import decode
from kiosk.media.budget import (
    CEILING_BYTES,
    FRAMES_BYTES,
    FULL_FRAMES,
    MB,
    THUMBNAIL_BYTES,
    frame_bytes,
    memory_budget,
)
from kiosk.media.cache import DiskCache
from kiosk.media.decode import decode_for_display, draft_scale, reduce_factor
from kiosk.media.pipeline import render, to_frame


@pytest.mark.parametrize(
    "size, target, scale",
    [
        ((6000, 4000), (2904, 1936), 2),  # the 4K viewer: 1/4 would be 1500×1000, too small
        ((6000, 4000), (1452, 968), 4),  # the 1080p viewer
        ((6000, 4000), (3000, 2000), 2),  # exactly half
        ((6000, 4000), (3001, 2000), 1),  # a pixel more than half: the full decode
        ((6000, 4000), (700, 467), 8),
        ((6001, 4001), (751, 501), 8),  # libjpeg rounds its reduced size up: 751×501 covers it
        ((4000, 6000), (1936, 2904), 2),  # portrait
        ((800, 600), (400, 300), 2),
        ((800, 600), (1920, 1080), 1),  # smaller than the screen: decoded whole, never scaled up
        ((5, 5), (1, 1), 8),
    ],
)
def test_the_draft_scale_is_the_smallest_decode_that_covers_the_display(size, target, scale):
    assert draft_scale(size, target) == scale
    w, h = size
    if scale > 1:
        assert -(-w // scale) >= target[0] and -(-h // scale) >= target[1]
    if scale < 8:  # the next reduction would be too small
        assert -(-w // (scale * 2)) < target[0] or -(-h // (scale * 2)) < target[1]


@pytest.mark.parametrize(
    "size, target, factor",
    [((3000, 2000), (2904, 1936), 1), ((6000, 4000), (1452, 968), 4), ((6000, 4000), (2000, 1000), 3),
     ((100, 100), (100, 100), 1), ((10, 10), (0, 0), 10)],
)
def test_whole_factors_are_taken_off_while_the_result_still_covers_the_display(size, target, factor):
    assert reduce_factor(size, target) == factor


def test_a_big_jpeg_is_decoded_at_the_reduced_scale_then_resized_once(tmp_path: Path, monkeypatch):
    photo = tmp_path / "big.jpg"
    Image.new("RGB", (3200, 2400), (200, 40, 40)).save(photo, "JPEG", quality=80)
    seen: list[tuple[int, int]] = []
    resize = decode._resize

    def spy(img: Image.Image, size: tuple[int, int]) -> Image.Image:
        seen.append(img.size)
        return resize(img, size)

    monkeypatch.setattr(decode, "_resize", spy)
    out = decode_for_display(photo, 1000, 1000)
    assert out.size == (1000, 750)
    assert seen == [(1600, 1200)]  # 1/2 covers 1000×750; 1/4 (800×600) would not


def test_a_png_is_reduced_by_whole_factors_and_keeps_its_colour(tmp_path: Path):
    photo = tmp_path / "big.png"
    Image.new("RGB", (2400, 1600), (10, 120, 230)).save(photo)
    out = decode_for_display(photo, 500, 500)
    assert out.size == (500, 333)
    assert out.getpixel((250, 166)) == (10, 120, 230)


def test_frames_are_three_bytes_a_pixel_in_rgb_order_and_survive_the_disk_cache(tmp_path: Path):
    img = Image.new("RGB", (7, 3), (1, 2, 3))
    img.putpixel((6, 2), (250, 128, 4))
    frame = to_frame(img.copy())
    assert (frame.width, frame.height, frame.stride, frame.nbytes) == (7, 3, 21, 63)
    assert bytes(frame.data[:3]) == b"\x01\x02\x03" and bytes(frame.data[-3:]) == bytes((250, 128, 4))
    photo = tmp_path / "p.png"
    img.save(photo)
    cache = DiskCache(tmp_path / "cache")
    first = render(photo, 7, 3, cache=cache)
    again = render(photo, 7, 3, cache=cache)
    assert cache.hits == 1 and bytes(again.data) == bytes(first.data) == bytes(frame.data)


def test_a_wide_frame_is_copied_out_whole(tmp_path: Path):
    """Wider than one piece of the copy loop (64 KB), many lines: every byte lands where it belongs."""
    img = Image.linear_gradient("L").resize((9000, 40)).convert("RGB")
    assert bytes(to_frame(img.copy()).data) == img.tobytes()


def test_the_memory_budget_follows_the_frame_size():
    hd = frame_bytes(1452, 968)  # the 1080p viewer's frame
    uhd = frame_bytes(2904, 1936)  # the 4K viewer's
    assert memory_budget(hd) == FULL_FRAMES * hd + THUMBNAIL_BYTES  # three full frames at 1080p, as before
    assert memory_budget(uhd) == FRAMES_BYTES + THUMBNAIL_BYTES < FULL_FRAMES * uhd
    assert memory_budget(uhd) - THUMBNAIL_BYTES >= 2 * uhd  # the shown photo and one more
    assert memory_budget(0) == THUMBNAIL_BYTES
    huge = frame_bytes(7680, 4320)
    assert memory_budget(huge) == min(CEILING_BYTES, huge + THUMBNAIL_BYTES)  # always room for one frame
    assert memory_budget(frame_bytes(20000, 20000)) == CEILING_BYTES
    assert all(memory_budget(frame_bytes(w, w // 2)) <= memory_budget(frame_bytes(w + 64, (w + 64) // 2))
               for w in range(64, 8000, 64))  # never less for a bigger frame
    assert frame_bytes(-1, 10) == 0 and MB == 1024 * 1024


def test_a_cache_hit_is_mapped_and_checked_and_a_cut_entry_is_a_miss(tmp_path: Path):
    from kiosk.media.cache import Frame

    cache = DiskCache(tmp_path / "cache")
    pixels = bytes(range(256)) * 3 * 10  # 10 lines of 256 pixels
    cache.put("k", Frame(256, 10, 768, pixels))
    hit = cache.get("k")
    assert hit is not None and isinstance(hit.data, memoryview) and hit.nbytes == len(pixels)
    assert bytes(hit.data) == pixels
    del hit  # let the mapping go (Windows cannot replace a mapped file)
    cache.put("k", Frame(256, 10, 768, bytes(len(pixels))))  # a new version, by rename
    again = cache.get("k")
    assert again is not None and bytes(again.data) == bytes(len(pixels))
    entry = tmp_path / "cache" / "k.px"
    entry.write_bytes(entry.read_bytes()[:-1])  # one byte short
    assert cache.get("k") is None and not entry.exists()


def test_the_frame_copy_falls_back_to_pillows_public_copy_when_its_encoder_interface_moves(monkeypatch):
    from PIL import Image

    from kiosk.media import pipeline

    img = Image.new("RGB", (300, 7))
    img.putpixel((299, 6), (1, 2, 3))
    expected = pipeline.to_frame(img)

    def moved(img, stride):
        raise AttributeError("module 'PIL.Image' has no attribute '_getencoder'")

    monkeypatch.setattr(pipeline, "_copy_pixels", moved)
    fallback = pipeline.to_frame(img)
    assert bytes(fallback.data) == bytes(expected.data) == img.tobytes()
    assert (fallback.width, fallback.height, fallback.stride) == (300, 7, 900)
