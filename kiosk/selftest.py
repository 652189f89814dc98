"""`kiosk --selftest`: tell an installer, in plain words, whether this PC and screen are good enough.

It starts the real kiosk (full screen on the real display, or offscreen for CI), then measures what visitors
feel — start-up, screen-change and map-pinch frame rates, photo decode time, memory — and checks the screen's
size and pixel density, the touchscreen, and the installation itself (fonts, icons, content, log folder).
Every line ends in PASS or FAIL against its budget (the budgets of `kiosk bench`); the exit code is 1 if any
line fails. The figures come from the benchmark's own measurements (`kiosk.bench`): its transition tour, its test photo,
its map pinch, its memory reading; this module only runs them once and words the verdicts for an installer.
"""

from __future__ import annotations

import ctypes
import logging
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize
from PySide6.QtGui import QInputDevice

from kiosk import __version__, paths
from kiosk.app import PROCESS_START, Kiosk
from kiosk.bench.driver import wait_signal, wait_until
from kiosk.bench.report import BUDGETS
from kiosk.bench.stats import rss_mb
from kiosk.ui import theme as t

log = logging.getLogger(__name__)

MIN_SHORT_SIDE, MIN_LONG_SIDE = 768, 1024  # the smallest screen the layout is made for (1366×768)
MIN_TEXT_MM = 5.0  # body text height on the glass: readable from about 1 m
QTEST_DEVICE = "test touch device"  # the virtual touchscreen of Qt's test library, never real hardware


@dataclass(frozen=True)
class Line:
    name: str
    ok: bool | None  # None: not measured on this version (never a failure)
    text: str

    def __str__(self) -> str:
        verdict = "PASS" if self.ok else "FAIL" if self.ok is not None else "SKIP"
        return f"{verdict}  {self.name + ':':<14} {self.text}"


def process_age_s() -> float | None:
    """Seconds since the operating system started this process (the bundle's own unpacking included)."""
    try:
        if sys.platform.startswith("linux"):
            fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
            started = int(fields[19]) / _clock_ticks()  # field 22 of stat(5): start time after boot
            return time.clock_gettime(time.CLOCK_BOOTTIME) - started
        if sys.platform == "win32":
            return _windows_process_age_s()
    except (OSError, ValueError, IndexError, AttributeError):
        log.debug("process start time unavailable", exc_info=True)
    return None


def _clock_ticks() -> int:
    import os

    return os.sysconf("SC_CLK_TCK")


def _windows_process_age_s() -> float | None:  # pragma: no cover - exercised on the Windows kiosks
    from ctypes import wintypes

    created, exited, kernel, user, now = (wintypes.FILETIME() for _ in range(5))
    k32 = ctypes.windll.kernel32
    if not k32.GetProcessTimes(k32.GetCurrentProcess(), *(ctypes.byref(x) for x in (created, exited, kernel, user))):
        return None
    k32.GetSystemTimePreciseAsFileTime(ctypes.byref(now))

    def ticks(ft: wintypes.FILETIME) -> int:
        return (ft.dwHighDateTime << 32) | ft.dwLowDateTime

    return (ticks(now) - ticks(created)) / 1e7


def budget(name: str) -> float:
    limit = BUDGETS[name].limit
    assert limit is not None
    return limit


def measure_transitions(kiosk: Kiosk) -> tuple[float | None, float | None]:
    """One tap-driven tour of every destination and back (the benchmark's own tour): frames per second while
    sliding, and p95 milliseconds to paint a frame."""
    from kiosk.bench import transitions

    result = transitions.measure(kiosk, rounds=1)
    fps = result.get("transition_fps")
    paint = result.get("frame_ms")
    paint_p95 = paint.get("p95") if isinstance(paint, dict) else None
    return (float(fps) if isinstance(fps, (int, float)) else None,
            float(paint_p95) if isinstance(paint_p95, (int, float)) else None)


def measure_photo(kiosk: Kiosk, size: QSize) -> tuple[float | None, str]:
    """Milliseconds from asking for a fresh 24-MP JPEG at screen size to holding its pixmap."""
    from kiosk.bench.photo import PHOTO_SIZE, make_photo

    w, h = PHOTO_SIZE
    with tempfile.TemporaryDirectory(prefix="kiosk-selftest-") as folder:
        path = make_photo(Path(folder) / f"selftest-{time.time_ns()}.jpg")  # a new name: no cache has it
        got: list[object] = []
        started = time.perf_counter()
        kiosk.images.request(path, size, got.append)
        if not wait_until(lambda: bool(got), 15_000):
            return None, "no picture after 15 s"
        ms = (time.perf_counter() - started) * 1000
        if got[0] is None:
            return None, "the photo could not be decoded"
        return ms, f"{w * h / 1e6:.0f}-megapixel JPEG to {size.width()}×{size.height()}"


def touchscreens() -> list[str]:
    return [
        device.name() or "unnamed"
        for device in QInputDevice.devices()
        if device.type() == QInputDevice.DeviceType.TouchScreen and device.name() != QTEST_DEVICE
    ]


def map_pinch(kiosk: Kiosk) -> tuple[float | None, str]:
    """The map benchmark's pinch frame rate, when this version has a map benchmark."""
    try:
        from kiosk.bench import map as map_bench
    except ImportError:
        return None, "not measured: this version has no map benchmark"
    measure: Callable[..., object] | None = getattr(map_bench, "measure", None)
    if measure is None:
        return None, "not measured: this version has no map benchmark"
    result = measure(kiosk)
    fps = result.get("map_pinch_fps") if isinstance(result, dict) else result
    if not isinstance(fps, (int, float)):
        return None, "not measured: the map benchmark gave no frame rate"
    return float(fps), ""


class SelfTest:
    def __init__(self, kiosk: Kiosk, content: Path | None = None, source: str = "", windowed: bool = False):
        """`content` is the folder asked for (`kiosk.paths.content_source`), `source` why that one."""
        self.kiosk = kiosk
        self.requested = content
        self.source = source
        self.windowed = windowed
        self.lines: list[Line] = []

    def add(self, name: str, ok: bool | None, text: str) -> None:
        line = Line(name, ok, text)
        self.lines.append(line)
        log.info("self-test: %s", line)

    def run(self) -> list[Line]:
        kiosk, window = self.kiosk, self.kiosk.window
        touch = touchscreens()  # before anything could add a virtual one
        offscreen = kiosk.app.platformName() in ("offscreen", "minimal")
        show = window.show if self.windowed or offscreen else window.showFullScreen
        if not wait_signal(window.first_frame, 60_000, show):
            self.add("start-up", False, "the home screen never appeared (see the log)")
            return self.lines
        self._startup()
        wait_until(lambda: not getattr(window, "_pending_warmup", None), 10_000, 20)

        size = window.size()
        ms, what = measure_photo(kiosk, QSize(size.width(), size.height()))
        limit = budget("photo_cold_ms")
        if ms is None:
            self.add("photo", False, what)
        else:
            self.add("photo", ms <= limit, f"{what}: {ms:.0f} ms (budget: at most {limit:.0f} ms)")

        fps, paint = measure_transitions(kiosk)
        fps_min, paint_max = budget("transition_fps"), budget("frame_ms")
        if fps is None:
            self.add("screen change", False, "no transition frames were painted")
        else:
            paint_text = f", {paint:.1f} ms to paint a frame" if paint is not None else ""
            ok = fps >= fps_min and (paint is None or paint <= paint_max)
            self.add("screen change", ok, f"{fps:.0f} frames/s{paint_text} "
                     f"(budget: at least {fps_min:.0f} frames/s, at most {paint_max:.0f} ms a frame)")

        fps, note = map_pinch(kiosk)
        fps_min = budget("map_pinch_fps")
        if fps is None:
            self.add("map pinch", None, note)
        else:
            self.add("map pinch", fps >= fps_min, f"{fps:.0f} frames/s while zooming (budget: at least {fps_min:.0f})")

        memory, limit = rss_mb(), budget("rss_mb")
        if memory is None:
            self.add("memory", None, "not measured: this system does not report it")
        else:
            self.add("memory", memory <= limit,
                     f"{memory:.0f} MB after visiting every screen (budget: at most {limit:.0f} MB)")
        self._screen()
        self.add("touch", bool(touch), f"touchscreen found: {', '.join(touch)}" if touch else
                 "no touchscreen found: check its USB cable and driver (a mouse works, but visitors need touch)")
        self._installation()
        return self.lines

    def _startup(self) -> None:
        age = process_age_s()
        since = "program start"
        if age is None:
            age, since = time.perf_counter() - PROCESS_START, "the kiosk's code loading"
        limit = budget("startup_ms") / 1000
        self.add("start-up", age <= limit,
                 f"{age:.2f} s from {since} to the first home screen (budget: at most {limit:.2f} s)")

    def _screen(self) -> None:
        window = self.kiosk.window
        screen = window.screen()
        offscreen = self.kiosk.app.platformName() in ("offscreen", "minimal")
        geo, ratio = screen.geometry(), screen.devicePixelRatio()
        w, h = round(geo.width() * ratio), round(geo.height() * ratio)
        where = " (offscreen: no real screen)" if offscreen else ""
        big_enough = min(w, h) >= MIN_SHORT_SIDE and max(w, h) >= MIN_LONG_SIDE
        self.add("screen", big_enough and not offscreen,
                 f"{w}×{h} pixels at {screen.refreshRate():.0f} Hz{where} "
                 f"(budget: at least {MIN_LONG_SIDE}×{MIN_SHORT_SIDE} in either orientation)")

        mm = screen.physicalSize()
        dpi = screen.physicalDotsPerInch()
        body_px = window.theme.px(t.BODY) * ratio
        scale = f"scaling {ratio * 100:.0f} %"
        if mm.width() <= 0 or dpi <= 1:
            self.add("DPI", True, f"{scale}; the screen does not report its size, so check text size by eye")
            return
        diagonal = (mm.width() ** 2 + mm.height() ** 2) ** 0.5 / 25.4
        text_mm = body_px / dpi * 25.4
        self.add("DPI", text_mm >= MIN_TEXT_MM,
                 f"{dpi:.0f} dots per inch ({diagonal:.0f}-inch screen, {scale}): body text {text_mm:.1f} mm tall "
                 f"(budget: at least {MIN_TEXT_MM:.0f} mm, readable from 1 m)")

    def _installation(self) -> None:
        from PySide6.QtGui import QImage

        from kiosk.ui.fonts import FONT_FILES
        from kiosk.ui.icons import icon

        kiosk = self.kiosk
        problems = []
        requested = self.requested or kiosk.content_dir
        source = self.source or "bundled"
        if requested.resolve() != kiosk.content_dir.resolve():
            problems.append(f"content folder {requested} is broken, the bundled exhibition is shown "
                            f"(run: kiosk check --content {requested})")
        photos = kiosk.exhibition.all_photos()
        missing = [p.file for p in photos if not kiosk.context.photo_path(p.file).is_file()]
        if missing:
            problems.append(f"photos missing: {', '.join(missing[:3])}")
        if len(set(kiosk.window.theme.families)) < len(FONT_FILES):
            problems.append("the bundled fonts did not load")
        image = icon("mdi6.home", "#ffffff").pixmap(64, 64).toImage().convertToFormat(QImage.Format.Format_ARGB32)
        if image.isNull() or not any(image.pixelColor(x, y).alpha() for x in range(0, 64, 2) for y in range(0, 64, 2)):
            problems.append("icons do not draw")
        log_file = paths.user_log_dir() / "kiosk.log"
        if not log_file.is_file():
            problems.append(f"no log file in {log_file.parent}")
        sections = len(kiosk.exhibition.sections)
        where = f"content {kiosk.content_dir} ({source}), {sections} sections, {len(photos)} photos"
        self.add("installation", not problems, "; ".join(problems) if problems else
                 f"{where}; fonts, icons and log ({log_file.parent}) OK")

    def report(self) -> str:
        env = (f"kiosk {__version__} self-test on {platform.system()} {platform.release()}, "
               f"Qt {pyside_version} ({self.kiosk.app.platformName()})")
        failed = [line.name for line in self.lines if line.ok is False]
        verdict = ("RESULT: PASS — this PC is good enough for the kiosk." if not failed else
                   f"RESULT: FAIL — {len(failed)} check(s) failed: {', '.join(failed)}. "
                   "See packaging/README.md, 'Self-test'.")
        return "\n".join([env, *map(str, self.lines), verdict])

    def exec(self) -> int:
        try:
            self.run()
        except Exception as exc:  # the report must always come out, whatever broke
            log.exception("self-test stopped")
            self.add("self-test", False, f"stopped by an error: {exc}")
        print(self.report(), flush=True)
        self.kiosk.window.allow_close = True
        self.kiosk.window.close()
        return 1 if any(line.ok is False for line in self.lines) else 0
