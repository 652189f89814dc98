"""Photo figures for `kiosk bench`: how fast a big photo appears full screen, how smooth flicking stays while
photos decode, and whether memory stays flat however many photos are viewed.

    photo_cold_ms   a 24-megapixel JPEG shown full screen the first time (decoded from the file)
    photo_warm_ms   the same photo again once the memory cache is empty (read back from the disk cache)
    photo_stall_ms  the longest event-loop stall while flicking through 20 such photos
    photo_rss_mb    peak resident memory while viewing 100 photos one after another

Test photos are generated into a temporary folder (a 24 MP JPEG with the grain and edges of a real photo,
about 7 MB, linked under many names so each counts as a different photo to every cache); the viewer surface
(`PhotoStage`) is measured inside the kiosk's window, over its screens where the photo viewer shows photos (a window
of its own at 1920×1080 without a kiosk: `viewer_size`), with its own photo service and a disk cache in that
folder, so the kiosk's real cache is neither used nor disturbed: `kiosk bench --size 3840x2160` decodes and shows
every photo at the viewer's size at 3840×2160. Times are medians of three.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageChops
from PySide6.QtCore import QElapsedTimer, Qt, QTimer

from kiosk.bench.driver import spin, wait_until
from kiosk.bench.stats import rounded, rss_mb
from kiosk.media import DiskCache
from kiosk.ui.image_provider import ImageProvider
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.photo_stage import PhotoStage

log = logging.getLogger(__name__)

SIZE = (1920, 1080)  # the viewer's size when there is no kiosk window to take it from
PHOTO_SIZE = (6000, 4000)  # 24 megapixels, a common camera resolution
DISTINCT = 1  # the same pixels under many names: each name is a separate photo to every cache
FLICKS = 20
VIEWED = 100
TIMEOUT_MS = 20_000


def measure(kiosk=None, folder: Path | None = None, cold_only: bool = False) -> dict[str, float | None]:
    """The four photo figures (and two more for the report's notes); `kiosk` is only used for its theme.
    `cold_only`: only `photo_cold_ms` and `photo_warm_ms` (the self-test's check, measured the same way)."""
    size = viewer_size(kiosk)
    own = folder is None
    root = Path(tempfile.mkdtemp(prefix="kiosk-photo-bench-")) if own else Path(folder)
    try:
        originals = [make_photo(root / f"original-{n}.jpg", seed=n) for n in range(DISTINCT)]
        photos = _names(root, originals, 3 if cold_only else FLICKS + VIEWED + 6)
        theme = getattr(getattr(kiosk, "window", None), "theme", None) or Theme.for_size(*size, ["Sans"])
        provider = ImageProvider(disk_cache=DiskCache(root / "cache"))
        stage = _stage(kiosk, theme, provider, size)
        spin(100)
        stall = peak = growth = None
        try:
            cold, warm = _cold_and_warm(stage, provider, photos[:3])
            if not cold_only:
                stall = _stall_while_flicking(stage, photos[3 : 3 + FLICKS + 1])
                peak, growth = _memory_over(stage, photos[-VIEWED:])
        finally:
            stage.close()
            provider.shutdown()
            stage.deleteLater()
            spin(50)
        return {
            "photo_file_mb": rounded(originals[0].stat().st_size / 1e6),  # the test JPEG's size, for the notes
            "photo_cold_ms": rounded(cold),
            "photo_warm_ms": rounded(warm),
            "photo_stall_ms": rounded(stall),
            "photo_rss_mb": rounded(peak),
            "photo_rss_growth_mb": rounded(growth),  # second 50 photos against the first 50: ~0 when flat
            "photo_viewer_size": f"{size[0]}×{size[1]}",  # for the notes
        }
    finally:
        if own:
            shutil.rmtree(root, ignore_errors=True)


def viewer_size(kiosk=None) -> tuple[int, int]:
    """The size the viewer is measured at: the kiosk's screen area above its bottom bar (where the photo
    viewer shows a photo), or `SIZE` without a kiosk window."""
    window = getattr(kiosk, "window", None)
    stack = getattr(window, "stack", None)
    if stack is not None and stack.width() > 0 and stack.height() > 0:
        return stack.width(), stack.height()
    return SIZE


def _stage(kiosk, theme: Theme, provider: ImageProvider, size: tuple[int, int]) -> PhotoStage:
    """The viewer surface, shown: inside the kiosk's window over its screens, where the photo viewer shows
    photos (one window, one frame buffer, as for a visitor), or in a window of its own without a kiosk."""
    window = getattr(kiosk, "window", None)
    stack = getattr(window, "stack", None)
    if window is not None and stack is not None and stack.width() > 0 and stack.height() > 0:
        stage = PhotoStage(theme, provider, window)
        stage.setGeometry(stack.geometry())
        stage.raise_()
    else:
        stage = PhotoStage(theme, provider)
        stage.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        stage.resize(*size)
    stage.show()
    return stage


def make_photo(path: Path, seed: int = 0) -> Path:
    """A 24 MP JPEG that decodes like a photo: smooth colour fields, fine grain, some hard edges."""
    import random

    rng = random.Random(seed)
    small = Image.new("RGB", (48, 32))
    small.putdata([tuple(rng.randrange(30, 226) for _ in range(3)) for _ in range(48 * 32)])
    img = small.resize(PHOTO_SIZE, Image.Resampling.BICUBIC)
    tile = Image.effect_noise((500, 500), 8)  # film grain, tiled (the full-size noise alone takes seconds)
    grain = Image.new("L", PHOTO_SIZE)
    for y in range(0, PHOTO_SIZE[1], 500):
        for x in range(0, PHOTO_SIZE[0], 500):
            grain.paste(tile, (x, y))
    img = ImageChops.add(img, Image.merge("RGB", (grain, grain, grain)), scale=1.0, offset=-128)
    edges = Image.new("RGB", PHOTO_SIZE, (20, 24, 28))
    mask = Image.new("L", PHOTO_SIZE, 0)
    for _ in range(40):  # buildings on a skyline: hard vertical and horizontal edges
        x = rng.randrange(0, PHOTO_SIZE[0] - 200)
        w, top = rng.randrange(80, 400), rng.randrange(1200, 3600)
        mask.paste(255, (x, top, x + w, PHOTO_SIZE[1]))
    img.paste(edges, mask=mask)
    img.save(path, "JPEG", quality=90)
    return path


def _names(root: Path, originals: list[Path], count: int) -> list[Path]:
    """`count` distinct file names for the photos (hard links where possible: no extra disk space)."""
    names = []
    for n in range(count):
        target = root / f"photo-{n:03d}.jpg"
        source = originals[n % len(originals)]
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
        names.append(target)
    return names


def _show(stage: PhotoStage, paths: list[Path], index: int = 0) -> float | None:
    """Put photo `index` on the stage; ms until it has been painted at display resolution."""
    shown: list[float] = []
    start = time.perf_counter()

    def hit(_path: str) -> None:
        shown.append(time.perf_counter())

    stage.shown.connect(hit)
    try:
        if stage.paths != paths:
            stage.set_paths(paths, index)
        else:
            stage.show_index(index)
        stage.update()
        if not wait_until(lambda: bool(shown) or stage.current_failed(), TIMEOUT_MS, poll_ms=1):
            return None
    finally:
        stage.shown.disconnect(hit)
    return (shown[0] - start) * 1000 if shown else None


def _cold_and_warm(stage: PhotoStage, provider: ImageProvider, photos: list[Path]) -> tuple[float | None, float | None]:
    cold, warm = [], []
    for photo in photos:
        stage.reset()
        provider.clear()
        gc.collect()
        cold.append(_show(stage, [photo]))
        provider.wait_idle(TIMEOUT_MS)  # written to the disk cache, after it was shown
        stage.reset()
        provider.clear()  # the memory cache is empty: the photo comes back from the disk cache
        warm.append(_show(stage, [photo]))
    return _median(cold), _median(warm)


def _stall_while_flicking(stage: PhotoStage, photos: list[Path]) -> float | None:
    """Flick to the next photo as soon as each arrives, while a 4 ms timer records the event loop's gaps."""
    stage.reset()
    _show(stage, photos, 0)
    meter = StallMeter()
    meter.start()
    for _ in range(len(photos) - 1):
        before = stage.index
        wait_until(lambda: stage.step(1), 2000, poll_ms=2)
        wait_until(lambda b=before: stage.index == b + 1 and stage.pager.offset == 0, 3000, poll_ms=2)
        wait_until(lambda: stage.current_pixmap() is not None or stage.current_failed(), TIMEOUT_MS, poll_ms=2)
        spin(80)  # a visitor glances at it before flicking on
    meter.stop()
    return meter.longest_ms


def _memory_over(stage: PhotoStage, photos: list[Path]) -> tuple[float | None, float | None]:
    stage.reset()
    stage.set_paths(photos, 0)
    samples: list[float] = []
    for index in range(len(photos)):
        _show(stage, photos, index)
        value = rss_mb()
        if value is not None:
            samples.append(value)
    if not samples:
        return None, None
    half = len(samples) // 2
    return max(samples), max(samples[half:]) - max(samples[:half])


def _median(values: list[float | None]) -> float | None:
    found = [v for v in values if v is not None]
    return statistics.median(found) if found else None


class StallMeter:
    """The longest time the GUI thread did not get back to its event loop, measured with a 4 ms timer."""

    INTERVAL_MS = 4

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()
        self.longest_ms = 0.0

    def start(self) -> None:
        self.longest_ms = 0.0
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        gap = self._clock.nsecsElapsed() / 1e6 - self.INTERVAL_MS
        self._clock.restart()
        self.longest_ms = max(self.longest_ms, gap)
