"""Start-up time as a visitor sees it: from starting the process to the first painted home frame.

The parent side (`measure_startup`) spawns a fresh `python -m kiosk --startup-probe` several times and reports
the median; the child side (`StartupProbe`) is the real start path with one addition: it prints the wall-clock
time of the first painted frame and exits. Interpreter start, imports, content loading, fonts and the first
paint are all inside the figure.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kiosk.bench.bare_window import MARKER
from kiosk.bench.stats import median

log = logging.getLogger(__name__)

TIMEOUT_S = 60


def kiosk_command() -> list[str]:
    """How to start this kiosk again: the frozen executable itself, or this interpreter with `-m kiosk`."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "kiosk"]


def probe_environment() -> dict[str, str]:
    """Offscreen, and with compiled bytecode as an installed kiosk has it (pip and PyInstaller both ship .pyc):
    where this shell forbids writing bytecode, it goes to a cache folder outside the source tree instead, so
    the measured runs do not compile every module from source."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if env.pop("PYTHONDONTWRITEBYTECODE", None) and "PYTHONPYCACHEPREFIX" not in env:
        env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "lukou-kiosk-bench-pycache")
    return env


def probe_once(size: tuple[int, int], content: Path | None = None, bare: bool = False) -> float | None:
    """Milliseconds from spawning one kiosk process to its first painted home frame (`bare`: a bare Qt window
    to its first frame); None if it failed."""
    if bare:
        # the floor: a bare Qt window (kiosk.bench.bare_window), timed the same way
        if getattr(sys, "frozen", False):
            command = [sys.executable, "--bare-window-probe", f"{size[0]}x{size[1]}"]
        else:
            command = [sys.executable, "-m", "kiosk.bench.bare_window", f"{size[0]}x{size[1]}"]
    else:
        command = [*kiosk_command(), "--startup-probe", "--windowed", "--size", f"{size[0]}x{size[1]}"]
        if content is not None:
            command += ["--content", str(content)]
    env = probe_environment()
    started = time.time()
    try:
        done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace",
                              timeout=TIMEOUT_S, env=env)
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("start-up probe failed: %s", exc)
        return None
    for line in done.stdout.splitlines():
        if line.startswith(MARKER):
            try:
                return (float(line.split()[-1]) - started) * 1000
            except ValueError:
                break
    log.warning("start-up probe printed no first frame (exit %s): %s", done.returncode, done.stderr[-500:])
    return None


def measure_startup(
    size: tuple[int, int], content: Path | None = None, runs: int = 5, bare: bool = False
) -> tuple[float | None, list[float]]:
    """The median over `runs` fresh processes (after one unmeasured run that warms the disk cache and
    compiles the bytecode)."""
    probe_once(size, content, bare)
    samples = [ms for ms in (probe_once(size, content, bare) for _ in range(runs)) if ms is not None]
    return median(samples), samples


def measure_startup_with_floor(
    size: tuple[int, int], content: Path | None = None, runs: int = 5
) -> tuple[float | None, list[float], float | None]:
    """The kiosk's start-up and a bare Qt window's, their runs interleaved so both see the same machine."""
    probe_once(size, content)
    probe_once(size, bare=True)
    kiosk: list[float] = []
    bare: list[float] = []
    for _ in range(runs):
        for out, ms in ((kiosk, probe_once(size, content)), (bare, probe_once(size, bare=True))):
            if ms is not None:
                out.append(ms)
    return median(kiosk), kiosk, median(bare)


class StartupProbe:
    """Child side: show the window, print the time its first frame was painted, quit."""

    def __init__(self, kiosk) -> None:  # kiosk.app.Kiosk; imported lazily to keep start-up lean
        from PySide6.QtCore import QEvent, QObject, QTimer

        self.kiosk = kiosk
        probe = self

        class _FirstPaint(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and watched is kiosk.window:
                    kiosk.window.removeEventFilter(self)
                    # Runs once this paint pass is done and on screen, before anything queued after it.
                    QTimer.singleShot(0, probe._painted)
                return False

        self._filter = _FirstPaint()
        kiosk.window.installEventFilter(self._filter)

    def _painted(self) -> None:
        print(f"{MARKER} {time.time():.6f}", flush=True)
        self.kiosk.app.quit()

    def exec(self) -> int:
        self.kiosk.window.show()
        return self.kiosk.app.exec()
