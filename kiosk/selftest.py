"""`kiosk --selftest`: tell an installer, in plain words, whether this PC and screen are good enough.

It starts the real kiosk (full screen on the real display, or offscreen for CI), then measures what visitors
feel — start-up, response to a tap, screen-change and map-pinch frame rates, memory, idle CPU, photo decode time —
and checks the screen's size and pixel density, the touchscreen, and the installation itself (fonts, icons,
content, log folder). Every line ends in PASS or FAIL against its budget (the budgets of `kiosk bench`); the exit
code is 1 if any line fails.

Every figure is measured exactly as `kiosk bench --quick --platform <this display>` measures it, with the
benchmark's own code and in its order, so the two agree on the same PC: start-up is the median of fresh kiosk
processes timed to their first painted frame, each beside a bare Qt window started the same way (the display
server's own share, judged as a ratio, see `kiosk.bench.report.startup_holds`), measured before this kiosk's
window shows; the rest only once every screen is built, as in the benchmark. (The self-test once timed its own
process up to the end of the work queued after its first frame and the first screens' warm-up, about twice the
real start-up, and decoded its test photo behind the warm-up's photos; it failed PCs that were fast enough.)
"""

from __future__ import annotations

import ctypes
import logging
import os
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtGui import QInputDevice

from kiosk import __version__, paths
from kiosk.app import PROCESS_START, Kiosk
from kiosk.bench.driver import spin, wait_signal, wait_until
from kiosk.bench.report import BUDGETS, describe_startup_budget, rss_limit_mb, startup_holds
from kiosk.ui import theme as t

log = logging.getLogger(__name__)

MIN_SHORT_SIDE, MIN_LONG_SIDE = 768, 1024  # the smallest screen the layout is made for (1366×768)
MIN_TEXT_MM = 5.0  # body text height on the glass: readable from about 1 m
QTEST_DEVICE = "test touch device"  # the virtual touchscreen of Qt's test library, never real hardware
STARTUP_RUNS = 5  # fresh kiosk processes (and as many bare windows) for the start-up median
IDLE_SECONDS = 2.0  # as `kiosk bench --quick`


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


def measure_transitions(kiosk: Kiosk) -> dict[str, object]:
    """One tap-driven tour of every destination and back (the benchmark's own tour, as `--quick` runs it)."""
    from kiosk.bench import transitions

    return transitions.measure(kiosk, rounds=1)


def p95(value: object) -> float | None:
    number = value.get("p95") if isinstance(value, dict) else value
    return float(number) if isinstance(number, (int, float)) and not isinstance(number, bool) else None


def measure_photo(kiosk: Kiosk) -> tuple[float | None, str]:
    """The benchmark's `photo_cold_ms`: a fresh 24-MP JPEG shown full screen by the photo viewer, median of three,
    with its own photo service and cache (the kiosk's own decodes do not queue in front of it)."""
    from kiosk.bench import photo

    w, h = photo.PHOTO_SIZE
    figures = photo.measure(kiosk, cold_only=True)
    ms = figures.get("photo_cold_ms")
    if ms is None:
        return None, "no picture after 20 s"
    sw, sh = photo.viewer_size(kiosk)
    return float(ms), f"{w * h / 1e6:.0f}-megapixel JPEG full screen at {sw}×{sh}"


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
        self._startup(self._window_size(offscreen))
        show = window.show if self.windowed or offscreen else window.showFullScreen
        if not wait_signal(window.first_frame, 60_000, show):
            self.add("response", False, "the home screen never appeared (see the log)")
            return self.lines
        routes = kiosk.top_level_routes()  # as the benchmark: every screen built before anything is timed
        wait_until(lambda: all(r.key in window.built_screens() for r in routes), 15_000, 20)
        spin(300)

        figures = measure_transitions(kiosk)
        tap, tap_max = p95(figures.get("tap_to_frame_ms")), budget("tap_to_frame_ms")
        if tap is None:
            self.add("response", False, "no screen change answered a tap")
        else:
            self.add("response", tap <= tap_max, f"{tap:.0f} ms from a tap to the first moving frame of the screen "
                     f"change (95th percentile; budget: at most {tap_max:.0f} ms)")
        fps, paint = p95(figures.get("transition_fps")), p95(figures.get("frame_ms"))
        fps_min, paint_max = budget("transition_fps"), budget("frame_ms")
        if fps is None:
            self.add("screen change", False, "no transition frames were painted")
        else:
            paint_text = f", {paint:.1f} ms to paint a frame" if paint is not None else ""
            ok = fps >= fps_min and (paint is None or paint <= paint_max)
            self.add("screen change", ok, f"{fps:.0f} frames/s{paint_text} "
                     f"(budget: at least {fps_min:.0f} frames/s, at most {paint_max:.0f} ms a frame)")

        from kiosk.bench import idle, memory
        from kiosk.bench.transitions import go_home_quietly

        size = window.size()
        limit = rss_limit_mb((size.width(), size.height()))
        rss = memory.rss_after_visiting(kiosk)
        if rss is None:
            self.add("memory", None, "not measured: this system does not report it")
        else:
            self.add("memory", rss <= limit, f"{rss:.0f} MB after visiting every screen "
                     f"(budget: at most {limit:.0f} MB at {size.width()}×{size.height()})")

        cpu, cpu_max = idle.idle_cpu_pct(kiosk, IDLE_SECONDS), budget("idle_cpu_pct")
        if cpu is None:
            self.add("idle CPU", None, "not measured: this system does not report it")
        else:
            self.add("idle CPU", cpu <= cpu_max, f"{cpu:.1f} % of one core on the home screen, left alone "
                     f"(budget: at most {cpu_max:.0f} %)")

        ms, what = measure_photo(kiosk)
        go_home_quietly(kiosk)
        limit = budget("photo_cold_ms")
        if ms is None:
            self.add("photo", False, what)
        else:
            self.add("photo", ms <= limit, f"{what}: {ms:.0f} ms (budget: at most {limit:.0f} ms)")

        fps, note = map_pinch(kiosk)
        fps_min = budget("map_pinch_fps")
        if fps is None:
            self.add("map pinch", None, note)
        else:
            self.add("map pinch", fps >= fps_min, f"{fps:.0f} frames/s while zooming (budget: at least {fps_min:.0f})")
        self._screen()
        self.add("touch", bool(touch), f"touchscreen found: {', '.join(touch)}" if touch else
                 "no touchscreen found: check its USB cable and driver (a mouse works, but visitors need touch)")
        self._installation()
        return self.lines

    def _window_size(self, offscreen: bool) -> tuple[int, int]:
        """The size the kiosk shows at here: its window's, or the whole screen when it will be full screen."""
        window = self.kiosk.window
        if self.windowed or offscreen:
            return window.width(), window.height()
        geometry = window.screen().geometry()
        return geometry.width(), geometry.height()

    def _startup(self, size: tuple[int, int]) -> None:
        """The benchmark's start-up: fresh kiosk processes on this display, each beside a bare Qt window."""
        from kiosk.bench.startup import measure_startup_with_floor

        os.environ.setdefault("QT_QPA_PLATFORM", self.kiosk.app.platformName())  # the probes start on this display
        median_ms, samples, bare_ms = measure_startup_with_floor(size, self.kiosk.content_dir, STARTUP_RUNS)
        rule = describe_startup_budget()
        if median_ms is None:
            age = process_age_s()
            since = "program start"
            if age is None:
                age, since = time.perf_counter() - PROCESS_START, "the kiosk's code loading"
            self.add("start-up", False, f"fresh starts could not be timed (see the log); this run took {age:.2f} s "
                     f"from {since} to building the home screen (budget: {rule})")
            return
        ratio = f", {median_ms / bare_ms:.1f}× a bare Qt window on this PC ({bare_ms / 1000:.2f} s)" if bare_ms else ""
        self.add("start-up", startup_holds(median_ms, bare_ms),
                 f"{median_ms / 1000:.2f} s from program start to the first home screen, median of {len(samples)} "
                 f"fresh starts{ratio} (budget: {rule})")

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
