"""Signs of life for whoever supervises the kiosk: a heartbeat file and systemd's notify protocol, and the
rules that decide whether the kiosk is alive enough to send them.

The GUI thread calls `Heartbeat.beat()` every few seconds from a timer. A frozen event loop stops beating, so a
supervisor can restart the app: the heartbeat file's modification time stops moving (any watcher script can
check it), and under systemd with `WatchdogSec=` the missing `WATCHDOG=1` makes systemd kill and restart the
service. `READY=1` tells systemd (`Type=notify`) that the first frame is on screen.

A running event loop is not enough: a window that no longer paints (unmapped, destroyed, a wedged
compositor) shows black while the timer ticks on. So each beat is sent only while `PaintEvidence` holds a
frame painted within the last `PAINT_STALE_S` seconds (the Qt side asks for a one-pixel repaint every beat
and reports its paint, so an idle screen still proves it can paint). `WindowHealth` decides what to do when
the window is hidden, minimised or unmapped: show it again, or give up and exit so the supervisor restarts
the kiosk. Both take their clock as a parameter; the Qt adapters are in `kiosk.ui.shell`.

Plain standard-library socket code: no dependency, and a no-op where `$NOTIFY_SOCKET` is not set (Windows,
development, tests).
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

from kiosk import paths

log = logging.getLogger(__name__)

HEARTBEAT_FILE = "heartbeat"
DEFAULT_INTERVAL_S = 5.0
NOTIFY_TIMEOUT_S = 1.0
PAINT_STALE_S = 30.0  # no frame painted for this long: the heartbeat and the watchdog are no longer fed
WINDOW_GIVE_UP_S = 10.0  # the window stayed away this long despite being shown again: exit for a restart
WINDOW_LOST_EXIT_CODE = 69  # EX_UNAVAILABLE: the window is gone; any supervisor restarts on non-zero

Clock = Callable[[], float]


def default_heartbeat_path() -> Path:
    return paths.user_data_dir() / HEARTBEAT_FILE


def sd_notify(state: str, environ: dict[str, str] | None = None) -> bool:
    """Send `state` (e.g. "READY=1", "WATCHDOG=1") to systemd; False when not run under systemd or it failed."""
    env = os.environ if environ is None else environ
    address = env.get("NOTIFY_SOCKET", "")
    if not address or not hasattr(socket, "AF_UNIX"):
        return False
    if address.startswith("@"):  # Linux abstract namespace
        address = "\0" + address[1:]
    elif not address.startswith("/"):
        return False  # vsock and other exotic addresses: not for a kiosk PC
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.settimeout(NOTIFY_TIMEOUT_S)  # a stalled systemd must never block the GUI thread for long
            sock.connect(address)
            sock.sendall(state.encode("utf-8"))
        return True
    except OSError as exc:
        log.warning("systemd notify %r failed: %s", state, exc)
        return False


def watchdog_interval(environ: dict[str, str] | None = None, default: float = DEFAULT_INTERVAL_S) -> float:
    """Seconds between beats: half of systemd's `WatchdogSec` when it is set (as systemd advises), else `default`."""
    env = os.environ if environ is None else environ
    try:
        usec = int(env.get("WATCHDOG_USEC", "0"))
        pid = int(env.get("WATCHDOG_PID", str(os.getpid())))
    except ValueError:
        return default
    if usec <= 0 or pid != os.getpid():
        return default
    return max(0.5, min(default, usec / 2_000_000))


class Heartbeat:
    """Touches the heartbeat file (pid and local time inside) and pets systemd's watchdog."""

    def __init__(self, path: Path | None = None, environ: dict[str, str] | None = None):
        self.path = Path(path) if path is not None else default_heartbeat_path()
        self._environ = environ
        self._failed = False
        self.beats = 0

    def beat(self, now: datetime | None = None) -> None:
        now = now or datetime.now()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(f"{os.getpid()} {now.isoformat(timespec='seconds')}\n", encoding="utf-8")
            self._failed = False
        except OSError as exc:
            if not self._failed:  # log once, not every five seconds, while the disk refuses
                log.error("heartbeat file %s cannot be written: %s", self.path, exc)
            self._failed = True
        sd_notify("WATCHDOG=1", self._environ)
        self.beats += 1

    def ready(self) -> None:
        sd_notify("READY=1", self._environ)

    def stopping(self) -> None:
        sd_notify("STOPPING=1", self._environ)


class PaintEvidence:
    """When the window last painted a frame, on a monotonic clock; `fresh()` while that is recent enough for
    the heartbeat to be honest."""

    def __init__(self, clock: Clock = time.monotonic, stale_after: float = PAINT_STALE_S):
        self._clock = clock
        self.stale_after = stale_after
        self._last: float | None = None
        self.frames = 0

    def painted(self) -> None:
        self._last = self._clock()
        self.frames += 1

    def age(self) -> float | None:
        """Seconds since the last painted frame; None before the first."""
        return None if self._last is None else max(0.0, self._clock() - self._last)

    def fresh(self) -> bool:
        age = self.age()
        return age is not None and age <= self.stale_after


@dataclass(frozen=True)
class WindowState:
    """What the Qt side sees of the main window."""

    alive: bool  # the window object exists (it was not deleted)
    shown: bool  # visible, with a native window
    minimized: bool
    exposed: bool  # mapped: the window system lets it draw on the screen
    exit_allowed: bool  # the staff panel's Exit (or windowed development mode): leaving is intended


class Verdict(str, Enum):
    FINE = "fine"
    RESHOW = "reshow"  # show it again, full screen, raised and active
    EXIT = "exit"  # it cannot be shown: exit non-zero so the supervisor starts a fresh kiosk


class WindowHealth:
    """Judges the main window: anything that hides, closes, minimises or unmaps it other than the staff Exit is
    undone by showing it again; a deleted window, or one still away `give_up_after` seconds after the first
    attempt to show it again, means exit."""

    def __init__(self, clock: Clock = time.monotonic, give_up_after: float = WINDOW_GIVE_UP_S):
        self._clock = clock
        self.give_up_after = give_up_after
        self._away_since: float | None = None
        self.reshows = 0

    def judge(self, state: WindowState) -> Verdict:
        if state.exit_allowed:
            self._away_since = None
            return Verdict.FINE
        if not state.alive:
            return Verdict.EXIT
        if state.shown and state.exposed and not state.minimized:
            self._away_since = None
            return Verdict.FINE
        now = self._clock()
        if self._away_since is None:
            self._away_since = now
        elif now - self._away_since > self.give_up_after:
            return Verdict.EXIT
        self.reshows += 1
        return Verdict.RESHOW


class AssetHealth:
    """The bundled assets (fonts, map outlines, icons) that failed to load in this process. Each loader logs
    its failure and carries on with a fallback, so a visitor still gets a working kiosk; it also reports here,
    so `kiosk --smoke` (which checks a packaged bundle) fails instead of calling a crippled bundle OK."""

    def __init__(self) -> None:
        self._failed: dict[str, str] = {}

    def failed(self, asset: str, why: str) -> None:
        self._failed.setdefault(asset, why)

    def failures(self) -> list[str]:
        """"asset (why)" for each, in the order they failed."""
        return [f"{asset} ({why})" for asset, why in self._failed.items()]

    def clear(self) -> None:
        self._failed.clear()


ASSETS = AssetHealth()  # one record per process, like the log it sits beside
