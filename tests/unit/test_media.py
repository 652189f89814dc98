"""The photo pipeline on every awkward kind of file a content editor may drop in, the disk cache (never stale,
always bounded), and `kiosk check` naming photos that cannot be shown."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from kiosk.__main__ import main
from kiosk.media import DecodeError, decode_for_display
from kiosk.media.cache import DiskCache, Frame
from kiosk.media.check import probe
from kiosk.media.decode import MAX_DECODE_PIXELS, MAX_SOURCE_PIXELS, SURFACE_RGB
from kiosk.media.pipeline import render

from . import awkward_images as gen

SHIPPED = Path(__file__).resolve().parents[2] / "assets" / "content"


def close(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


# --- decoding ---------------------------------------------------------------------------------------


def test_exif_orientation_is_applied(tmp_path: Path):
    img = decode_for_display(gen.exif_rotated_jpeg(tmp_path / "phone.jpg", orientation=6), 400, 400)
    assert img.size == (200, 300)  # stored landscape, shown portrait
    assert close(img.getpixel((100, 10)), gen.RED)  # the stored left half is now on top
    assert close(img.getpixel((100, 290)), gen.BLUE)


@pytest.mark.parametrize(
    ("orientation", "size", "top_left"),
    [(1, (300, 200), gen.RED), (3, (300, 200), gen.BLUE), (8, (200, 300), gen.BLUE), (2, (300, 200), gen.BLUE)],
)
def test_every_orientation(tmp_path: Path, orientation, size, top_left):
    img = decode_for_display(gen.exif_rotated_jpeg(tmp_path / "o.jpg", orientation), 400, 400)
    assert img.size == size
    assert close(img.getpixel((5, 5)), top_left)


def test_cmyk_becomes_rgb(tmp_path: Path):
    img = decode_for_display(gen.cmyk_jpeg(tmp_path / "scan.jpg"), 400, 400)
    assert img.mode == "RGB"
    r, g, b = img.getpixel((150, 100))
    assert r > 200 and g < 60 and b < 60


def test_16_bit_png_is_scaled_to_8_bits(tmp_path: Path):
    img = decode_for_display(gen.png_16bit(tmp_path / "scan.png", value=32768), 400, 400)
    assert img.mode == "RGB"
    assert close(img.getpixel((10, 10)), (127, 127, 127), tolerance=2)


def test_palette_transparency_shows_the_kiosk_surface(tmp_path: Path):
    img = decode_for_display(gen.palette_with_alpha(tmp_path / "logo.png"), 400, 400)
    assert img.mode == "RGB"
    assert img.getpixel((10, 10)) == SURFACE_RGB
    assert img.getpixel((290, 10)) == (240, 200, 40)


def test_grey_with_alpha_and_webp(tmp_path: Path):
    la = decode_for_display(gen.grey_alpha_png(tmp_path / "la.png"), 400, 400)
    webp = decode_for_display(gen.rgba_webp(tmp_path / "w.webp"), 400, 400)
    assert la.mode == webp.mode == "RGB"
    expected = tuple(round(200 * 128 / 255 + c * (1 - 128 / 255)) for c in SURFACE_RGB)
    assert close(la.getpixel((5, 5)), expected, tolerance=3)
    assert close(webp.getpixel((5, 5)), (40, 160, 90), tolerance=2)


def test_fit_and_cover_sizes(tmp_path: Path):
    path = tmp_path / "wide.jpg"
    gen.two_halves((1200, 400)).save(path, "JPEG")
    assert decode_for_display(path, 600, 600).size == (600, 200)
    assert decode_for_display(path, 600, 600, cover=True).size == (1200, 400)  # never enlarged to cover
    cover = decode_for_display(path, 300, 300, cover=True)
    assert cover.size == (900, 300)  # covers the box; the widget crops
    assert decode_for_display(path, 4000, 4000).size == (1200, 400)  # never enlarged


def test_a_100_megapixel_image_is_shown_at_screen_size(tmp_path: Path):
    img = decode_for_display(gen.megapixel_png(tmp_path / "pano.png"), 1920, 1080)
    assert img.size == (1080, 1080)


def test_a_100_megapixel_jpeg_decodes_at_reduced_scale(tmp_path: Path):
    path = tmp_path / "pano.jpg"
    Image.new("L", (10_000, 10_000), 128).save(path, "JPEG", quality=40)
    img = decode_for_display(path, 1920, 1080)
    assert img.size == (1080, 1080) and img.mode == "RGB"


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")  # the kiosk silences it at import
@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (gen.truncated_jpeg, "truncated"),
        (gen.text_as_jpeg, "not an image"),
        (gen.empty_file, "empty"),
        (lambda p: gen.declared_png(p, 20_001, 20_000), f"over the limit of {MAX_SOURCE_PIXELS // 1_000_000}"),
        (lambda p: gen.declared_png(p, 15_000, 10_000), f"over the limit of {MAX_DECODE_PIXELS // 1_000_000}"),
        (lambda p: p, "not found"),
    ],
    ids=["truncated", "text", "empty", "bomb", "too-big-png", "missing"],
)
def test_files_that_cannot_be_shown_give_a_plain_reason(tmp_path: Path, make, reason):
    path = make(tmp_path / "broken.jpg")
    with pytest.raises(DecodeError, match=reason):
        render(path, 400, 300)
    assert reason in (probe(path) or "")


def test_pillow_bomb_guard_is_set_on_purpose():
    assert Image.MAX_IMAGE_PIXELS == MAX_SOURCE_PIXELS


def _bmp(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    import io

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "BMP")
    return buffer.getvalue()


# --- the disk cache ---------------------------------------------------------------------------------


def test_second_render_comes_from_the_cache(tmp_path: Path):
    photo = tmp_path / "p.jpg"
    gen.two_halves((800, 600)).save(photo, "JPEG")
    cache = DiskCache(tmp_path / "cache")
    first = render(photo, 400, 300, cache=cache)
    assert (cache.hits, len(cache)) == (0, 1)
    second = render(photo, 400, 300, cache=cache)
    assert cache.hits == 1
    assert second == first
    assert (first.width, first.height, first.stride) == (400, 300, 1200)
    r, g, b = first.data[:3]  # the top-left pixel is red; stored as R, G, B (Qt's RGB888)
    assert close((r, g, b), gen.RED)
    assert len(first.data) == 400 * 300 * 3


def test_an_edited_photo_is_never_shown_stale(tmp_path: Path):
    photo = tmp_path / "p.jpg"
    gen.two_halves((800, 600), left=gen.RED, right=gen.RED).save(photo, "JPEG")
    cache = DiskCache(tmp_path / "cache")
    before = render(photo, 400, 300, cache=cache)
    stat = photo.stat()
    gen.two_halves((800, 600), left=gen.BLUE, right=gen.BLUE).save(photo, "JPEG")
    os.utime(photo, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # a copy tool that keeps the old time stamp
    assert photo.stat().st_size == stat.st_size  # and by chance the same size: still a new version
    after = render(photo, 400, 300, cache=cache)
    assert after != before
    r, g, b = after.data[:3]
    assert b > 180 and r < 80  # blue now


def test_a_same_size_edit_with_a_new_time_is_not_stale(tmp_path: Path):
    photo = tmp_path / "p.bmp"
    Image.new("RGB", (64, 64), (255, 0, 0)).save(photo)
    cache = DiskCache(tmp_path / "cache")
    render(photo, 64, 64, cache=cache)
    size = photo.stat().st_size
    with photo.open("r+b") as handle:  # edited in place: same file, same size, only the time changes
        handle.write(_bmp(64, 64, (0, 0, 255)))
    assert photo.stat().st_size == size
    assert bytes(render(photo, 64, 64, cache=cache).data[:3]) == bytes((0, 0, 255))  # R, G, B: blue


def test_cache_stays_under_its_cap_and_evicts_the_least_recently_used(tmp_path: Path):
    frame = Frame(100, 100, 400, bytes(40_000))
    cache = DiskCache(tmp_path / "cache", max_bytes=200_000)
    for key in ("a", "b", "c", "d"):
        cache.put(key, frame)
        os.utime(cache.root / f"{key}.px", (1000 + ord(key), 1000 + ord(key)))  # distinct ages
    cache = DiskCache(tmp_path / "cache", max_bytes=200_000)  # a restart: recency comes from the files
    assert cache.get("a") is not None  # "a" is now the most recently used
    cache.put("e", frame)
    cache.put("f", frame)
    assert cache.total_bytes <= 200_000
    left = {p.stem for p in cache.root.glob("*.px")}
    assert "a" in left and "f" in left and "b" not in left


def test_a_corrupt_cache_entry_is_dropped_not_shown(tmp_path: Path):
    photo = tmp_path / "p.jpg"
    gen.two_halves((800, 600)).save(photo, "JPEG")
    cache = DiskCache(tmp_path / "cache")
    good = render(photo, 400, 300, cache=cache)
    [entry] = cache.root.glob("*.px")
    entry.write_bytes(entry.read_bytes()[:100])
    assert render(photo, 400, 300, cache=cache) == good


def test_an_entry_with_damaged_pixels_is_a_miss_and_is_replaced(tmp_path: Path):
    photo = tmp_path / "p.jpg"
    gen.two_halves((800, 600)).save(photo, "JPEG")
    cache = DiskCache(tmp_path / "cache")
    good = render(photo, 400, 300, cache=cache)
    [entry] = cache.root.glob("*.px")
    damaged = bytearray(entry.read_bytes())
    for offset in range(1000, len(damaged), 4099):  # header intact, pixels flipped here and there
        damaged[offset] ^= 0x5A
    entry.write_bytes(bytes(damaged))
    hits = cache.hits
    assert render(photo, 400, 300, cache=cache) == good  # decoded again, not the noise
    assert cache.hits == hits
    assert entry.read_bytes() != bytes(damaged)  # the entry was written anew
    assert render(photo, 400, 300, cache=cache) == good and cache.hits == hits + 1


class _DiskFullFile:
    """A file on a disk that fills up half-way through the write: what it had room for stays behind."""

    def __init__(self, handle):
        self._handle = handle

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._handle.close()

    def write(self, data: bytes) -> int:
        self._handle.write(data[: len(data) // 2])
        self._handle.flush()
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_write_on_a_full_disk_leaves_no_partial_file(tmp_path: Path, monkeypatch):
    cache = DiskCache(tmp_path / "cache")
    real_open = Path.open

    def full_disk_open(self, mode="r", *args, **kwargs):
        handle = real_open(self, mode, *args, **kwargs)
        return _DiskFullFile(handle) if "w" in mode else handle

    monkeypatch.setattr(Path, "open", full_disk_open)
    cache.put("k", Frame(100, 100, 400, bytes(40_000)))
    monkeypatch.undo()
    assert list(cache.root.iterdir()) == []
    assert cache.get("k") is None and cache.total_bytes == 0


def test_temporary_files_of_a_dead_kiosk_are_removed_at_start(tmp_path: Path):
    root = tmp_path / "cache"
    root.mkdir()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(gone.stdout)
    dead = root / f".abc.{dead_pid}-1.tmp"  # its writer's process has ended
    old = root / ".def.999.tmp"  # an older kiosk's name, two hours old
    live = root / f".ghi.{os.getpid()}-1.tmp"  # being written by this very process
    for path in (dead, old, live):
        path.write_bytes(b"partial")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert len(DiskCache(root)) == 0
    assert sorted(p.name for p in root.iterdir()) == [live.name]


# --- kiosk check ------------------------------------------------------------------------------------


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(SHIPPED, target, ignore=shutil.ignore_patterns("*.jpg"))
    for photo in (SHIPPED / "photos").glob("*.jpg"):
        (target / "photos" / photo.name).symlink_to(photo)
    return target


def test_kiosk_check_names_a_broken_photo_with_file_and_field(content: Path, capsys):
    target = content / "photos" / "wind-power.jpg"
    target.unlink()
    gen.text_as_jpeg(target)
    truncated = content / "photos" / "grid-management-centre.jpg"
    truncated.unlink()
    gen.truncated_jpeg(truncated)
    assert main(["check", "--content", str(content)]) == 1
    out = capsys.readouterr().out
    assert "sections/develop.toml: warning: sections[0].photos[0].file: 'wind-power.jpg': not an image" in out
    assert (
        "sections/civility.toml: warning: sections[2].photos[0].file: 'grid-management-centre.jpg': "
        "the file is truncated" in out
    )
    assert out.count("warning:") == 2


def test_kiosk_check_passes_the_shipped_photos(capsys):
    assert main(["check"]) == 0
    assert "warning" not in capsys.readouterr().out
