"""Signs of life for whoever supervises the kiosk: a heartbeat file and systemd's notify protocol.

The GUI thread calls `Heartbeat.beat()` every few seconds from a timer. A frozen event loop stops beating, so a
supervisor can restart the app: the heartbeat file's modification time stops moving (any watcher script can
check it), and under systemd with `WatchdogSec=` the missing `WATCHDOG=1` makes systemd kill and restart the
service. `READY=1` tells systemd (`Type=notify`) that the first frame is on screen.

Plain standard-library socket code: no dependency, and a no-op where `$NOTIFY_SOCKET` is not set (Windows,
development, tests).
"""

from __future__ import annotations

import logging
import os
import socket
from datetime import datetime
from pathlib import Path

from kiosk import paths

log = logging.getLogger(__name__)

HEARTBEAT_FILE = "heartbeat"
DEFAULT_INTERVAL_S = 5.0


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
