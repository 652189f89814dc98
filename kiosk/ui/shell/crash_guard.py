"""Unhandled errors never end the exhibition or reach a visitor's eyes.

PySide hands an exception raised in a slot (or an event handler) to `sys.excepthook` and carries on. The guard
installed there logs it with its traceback and, on the next turn of the event loop, brings the kiosk back to
home (via `recover`, the unattended driver's reset), so a visitor sees a fresh start instead of a half-broken
screen. Errors in worker threads are logged too. If errors come in a storm (the same bug on every frame) and
`exit_on_storm` is set (kiosk mode), the app exits with status 70 so its supervisor starts a fresh process.

The previous hook still runs afterwards unless it is Python's default printer, so a test harness that fails
tests on exceptions keeps doing so.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from types import TracebackType

import shiboken6
from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication

log = logging.getLogger("kiosk.unhandled")

STORM_COUNT = 50
STORM_WINDOW_S = 60.0
STORM_EXIT_CODE = 70  # EX_SOFTWARE


class CrashGuard(QObject):
    def __init__(self, recover: Callable[[], None], exit_on_storm: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self._recover = recover
        self._exit_on_storm = exit_on_storm
        self._recent: deque[float] = deque(maxlen=STORM_COUNT)
        self._recovery_pending = False
        self._previous_hook = None
        self._previous_thread_hook = None
        self.errors = 0
        self.last_error = ""

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._thread_error
        self.destroyed.connect(_restore(self.handle, self._previous_hook))

    def uninstall(self) -> None:
        if sys.excepthook == self.handle and self._previous_hook is not None:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self._thread_error and self._previous_thread_hook is not None:
            threading.excepthook = self._previous_thread_hook

    def handle(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        self.errors += 1
        self.last_error = f"{kind.__name__}: {value}"
        log.error("unhandled error; returning to home", exc_info=(kind, value, tb))
        if shiboken6.isValid(self):
            self._recent.append(time.monotonic())
            if self._storm():
                log.critical("%d unhandled errors within %.0f s", len(self._recent), STORM_WINDOW_S)
                if self._exit_on_storm:
                    QApplication.exit(STORM_EXIT_CODE)
            elif not self._recovery_pending:
                self._recovery_pending = True
                QTimer.singleShot(0, self._do_recover)
        previous = self._previous_hook
        if previous is not None and previous is not sys.__excepthook__:
            previous(kind, value, tb)

    def _storm(self) -> bool:
        return len(self._recent) >= STORM_COUNT and self._recent[-1] - self._recent[0] < STORM_WINDOW_S

    def _thread_error(self, args: threading.ExceptHookArgs) -> None:
        log.error("unhandled error in thread %s", getattr(args.thread, "name", "?"),
                  exc_info=(args.exc_type, args.exc_value, args.exc_traceback))  # type: ignore[arg-type]  # a thread's error always has its value

    @Slot()
    def _do_recover(self) -> None:
        self._recovery_pending = False
        try:
            self._recover()
        except Exception:
            log.exception("returning to home after an error failed too")


def _restore(hook: Callable, previous: Callable | None) -> Callable[[], None]:
    """A plain function (not a method of the dying guard) that puts the previous hook back."""

    def restore(*_: object) -> None:
        if sys.excepthook == hook and previous is not None:
            sys.excepthook = previous

    return restore
