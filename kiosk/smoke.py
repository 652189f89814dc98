"""`kiosk --smoke`: start the real app, wait for the first painted home frame, visit every top-level screen
once and print a line for each; exit 0, or 1 with the reason. The packaged bundle is checked with it, so a
bundled font, the map outlines or an icon that did not load (each loader falls back quietly for visitors and
reports to `kiosk.health.ASSETS`) fails it too, with one line naming them.

The window is shown as the exhibition shows it: full screen and frameless (`--windowed`: a normal window). At
the end one line reports its geometry against its screen's, and a full-screen window that does not cover
exactly that screen (a bar off the bottom edge, a strip of desktop showing) fails the run. The offscreen and
minimal platforms have no screen to cover: there the window keeps the size the kiosk was laid out for, and
must have it."""

from __future__ import annotations

import logging
import sys
import time

from PySide6.QtCore import QRect, Qt, QTimer, Slot

from kiosk.app import PROCESS_START, Kiosk
from kiosk.health import ASSETS
from kiosk.navigation import Route

log = logging.getLogger(__name__)

TIMEOUT_MS = 60_000
NO_SCREEN_PLATFORMS = ("offscreen", "minimal")


def rect_text(rect: QRect) -> str:
    return f"{rect.width()}×{rect.height()}{rect.x():+d}{rect.y():+d}"


class SmokeRun:
    def __init__(self, kiosk: Kiosk, fullscreen: bool = True):
        self.kiosk = kiosk
        self.fullscreen = fullscreen and kiosk.app.platformName() not in NO_SCREEN_PLATFORMS
        self.laid_out_for = kiosk.window.size()  # build() sized it: --size, the screen, or the reference canvas
        self.routes = kiosk.top_level_routes()[1:] + [Route("home")]
        self.failures: list[str] = []
        self.visited = 1  # home, once painted
        self._expected: Route | None = None
        self._step_started = 0.0
        kiosk.window.first_frame.connect(self._started)
        kiosk.window.screen_entered.connect(self._entered)
        self._watchdog = QTimer()
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._timeout)

    def show(self) -> None:
        window = self.kiosk.window
        if self.fullscreen:
            window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)  # as the exhibition's window is
            window.showFullScreen()
        else:
            window.show()

    def exec(self) -> int:
        self._watchdog.start(TIMEOUT_MS)
        self.kiosk.app.exec()
        assets = ASSETS.failures()  # every screen has been built by now: each loader has had its turn
        if assets:
            self.failures.append(f"bundled assets did not load: {'; '.join(assets)}")
        if self.failures:
            for failure in self.failures:
                print(f"FAIL {failure}")
            return 1
        print(f"smoke: all {self.visited} screens OK")
        return 0

    @Slot()
    def _started(self) -> None:
        ms = (time.perf_counter() - PROCESS_START) * 1000
        w = self.kiosk.window
        print(f"ok   home{'':<22} first frame after {ms:.0f} ms at {w.width()}×{w.height()}")
        sys.stdout.flush()
        QTimer.singleShot(0, self._next)

    @Slot()
    def _next(self) -> None:
        if not self.routes:
            self._check_geometry()
            self.kiosk.app.quit()
            return
        self._expected = self.routes.pop(0)
        self._step_started = time.perf_counter()
        window = self.kiosk.window
        if window.screen_for(self._expected) is None:
            self.failures.append(f"{self._expected.key}: no screen")
            QTimer.singleShot(0, self._next)
            return
        if self._expected.screen == "home":
            window.go_home()
        else:
            window.navigate(self._expected)

    @Slot(object)
    def _entered(self, route: Route) -> None:
        if self._expected is None or route != self._expected:
            return
        screen = self.kiosk.window.current_screen()
        ms = (time.perf_counter() - self._step_started) * 1000
        problems = []
        if not screen.isVisible() or screen.width() < 100:
            problems.append("screen not visible")
        title = screen.place_title()
        if not title:
            problems.append("no title")
        if problems:
            self.failures.append(f"{route.key}: {', '.join(problems)}")
        else:
            print(f"ok   {route.key:<26} {title} ({ms:.0f} ms)")
            self.visited += 1
            sys.stdout.flush()
        self._expected = None
        QTimer.singleShot(0, self._next)

    def _check_geometry(self) -> None:
        """After the tour, when any window manager has long placed the window: its geometry against its screen's."""
        window = self.kiosk.window
        screen = window.screen()
        platform = self.kiosk.app.platformName()
        frame, inner, area = window.frameGeometry(), window.geometry(), screen.geometry()
        name = screen.name() or "unnamed"
        where = f"screen {rect_text(area)} ({platform}, {name}, DPR {screen.devicePixelRatio():g})"
        if self.fullscreen:
            wanted = "full screen"
            problem = None
            if not window.isFullScreen():
                problem = "the window is not in the full-screen state"
            elif frame != area or inner != area:
                problem = f"the window {rect_text(frame)} does not cover {where} exactly"
        else:
            wanted = "windowed" if platform not in NO_SCREEN_PLATFORMS else "no screen to cover"
            problem = None
            if platform in NO_SCREEN_PLATFORMS and inner.size() != self.laid_out_for:
                size = self.laid_out_for
                problem = f"the window is {rect_text(inner)}, laid out for {size.width()}×{size.height()}"
        shown = rect_text(inner) + (f" (frame {rect_text(frame)})" if frame != inner else "")
        print(f"window: {shown}, {wanted}, on {where}{': ' + problem if problem else ''}")
        sys.stdout.flush()
        if problem:
            self.failures.append(f"window geometry: {problem}")

    @Slot()
    def _timeout(self) -> None:
        waiting = self._expected.key if self._expected else "the first frame"
        self.failures.append(f"timed out after {TIMEOUT_MS // 1000} s waiting for {waiting}")
        self.kiosk.app.quit()
