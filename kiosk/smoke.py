"""`kiosk --smoke`: start the real app, wait for the first painted home frame, visit every top-level screen
once and print a line for each; exit 0, or 1 with the reason. The packaged bundle is checked with it, so a
bundled font, the map outlines or an icon that did not load (each loader falls back quietly for visitors and
reports to `kiosk.health.ASSETS`) fails it too, with one line naming them."""

from __future__ import annotations

import logging
import sys
import time

from PySide6.QtCore import QTimer, Slot

from kiosk.app import PROCESS_START, Kiosk
from kiosk.health import ASSETS
from kiosk.navigation import Route

log = logging.getLogger(__name__)

TIMEOUT_MS = 60_000


class SmokeRun:
    def __init__(self, kiosk: Kiosk):
        self.kiosk = kiosk
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

    @Slot()
    def _timeout(self) -> None:
        waiting = self._expected.key if self._expected else "the first frame"
        self.failures.append(f"timed out after {TIMEOUT_MS // 1000} s waiting for {waiting}")
        self.kiosk.app.quit()
