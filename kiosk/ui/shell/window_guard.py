"""Keeps the kiosk's one window on the screen.

In kiosk mode nothing but the staff panel's *Exit* may take the window away. If anything else hides, closes,
minimises or unmaps it (a stray `xdotool`, a window manager, a display reconfiguration), the guard shows it
again within a second: full screen, raised, activated. If it cannot — the window was deleted, or it is still
away `WINDOW_GIVE_UP_S` after being shown again — the guard exits the application with
`WINDOW_LOST_EXIT_CODE`, so the supervisor (systemd, the Windows task) starts a fresh kiosk instead of
leaving a black screen behind a live process. The rule is `kiosk.health.WindowHealth`; this is its Qt side:
it watches the window's (and its native window's) hide, close, state and expose events and checks once a
second as well, for whatever arrives without an event.

In windowed development mode (and after *Exit*) `MainWindow.allow_close` is set and the guard stays out of
the way: closing the window ends the app as usual.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication

from kiosk.health import WINDOW_LOST_EXIT_CODE, Clock, Verdict, WindowHealth, WindowState
from kiosk.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

POLL_MS = 1000  # the once-a-second check
REACT_MS = 100  # after a hide/close/minimise/unmap event: long enough for the window system to settle

T = QEvent.Type
_SIGNS = frozenset({T.Hide, T.Close, T.WindowStateChange, T.Expose, T.PlatformSurface})


class WindowGuard(QObject):
    def __init__(
        self,
        window: MainWindow,
        clock: Clock = time.monotonic,
        exit: Callable[[int], None] = QApplication.exit,  # what the guard does when all is lost
    ):
        super().__init__()  # deliberately not the window's child: it has to see the window being deleted
        self._window = window
        self._health = WindowHealth(clock)
        self._exit = exit
        self._alive = True
        self._permission = window.exit_permission  # still readable while the window is being deleted
        self._active = False
        self._handle: QWindow | None = None
        self.exit_code = 0
        self._poll = QTimer(self)
        self._poll.setTimerType(Qt.TimerType.CoarseTimer)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.check)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(REACT_MS)
        self._soon.timeout.connect(self.check)
        window.installEventFilter(self)
        window.destroyed.connect(self._window_destroyed)

    @property
    def reshows(self) -> int:
        return self._health.reshows

    def start(self) -> None:
        """Once the window is on screen (its first frame)."""
        self._active = True
        self._watch_handle()
        self._poll.start()

    @Slot()
    def stop(self) -> None:
        """The app is quitting: whatever happens to the window now is intended."""
        self._active = False
        self._poll.stop()
        self._soon.stop()

    # watching ---------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._active and event.type() in _SIGNS:
            self._soon.start()
        return False

    def _watch_handle(self) -> None:
        """Follow the native window too (it is new after being destroyed and shown again): an unmapped window
        stays `isVisible()` for Qt and only its exposure tells."""
        handle = self._window.windowHandle()
        if handle is not None and handle is not self._handle:
            handle.installEventFilter(self)
            self._handle = handle

    @Slot()
    def _window_destroyed(self) -> None:
        self._alive = False
        if self._active:
            self.check()
        self.stop()  # nothing left to watch

    def state(self) -> WindowState:
        window = self._window
        allowed = bool(self._permission.allowed)
        if not self._alive or not shiboken6.isValid(window):
            return WindowState(alive=False, shown=False, minimized=False, exposed=False, exit_allowed=allowed)
        handle = window.windowHandle()
        return WindowState(
            alive=True,
            shown=window.isVisible() and handle is not None,
            minimized=window.isMinimized(),
            exposed=handle is not None and handle.isExposed(),
            exit_allowed=allowed,
        )

    # acting -----------------------------------------------------------------------------------------

    @Slot()
    def check(self) -> Verdict:
        if not self._active:
            return Verdict.FINE
        state = self.state()
        verdict = self._health.judge(state)
        if verdict is Verdict.RESHOW:
            self._reshow(state)
        elif verdict is Verdict.EXIT:
            self._give_up(state)
        return verdict

    def _reshow(self, state: WindowState) -> None:
        why = "minimised" if state.minimized else "hidden" if not state.shown else "unmapped"
        log.warning("the kiosk window was %s: showing it again", why)
        window = self._window
        if window.kiosk_mode:
            window.showFullScreen()
        else:
            window.showNormal()
        window.raise_()
        window.activateWindow()
        self._watch_handle()

    def _give_up(self, state: WindowState) -> None:
        why = "was destroyed" if not state.alive else "cannot be shown again"
        log.critical("the kiosk window %s: exiting with status %d so the supervisor restarts the kiosk",
                     why, WINDOW_LOST_EXIT_CODE)
        self.stop()
        self.exit_code = WINDOW_LOST_EXIT_CODE
        self._exit(WINDOW_LOST_EXIT_CODE)
