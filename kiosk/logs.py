"""Logging to a rotating file in the per-user log folder (and to stderr while developing).

A log file that cannot be written (a full or read-only disk) never disturbs the exhibition: the first failure
prints one line to stderr, later records are dropped quietly until a write succeeds again (then one line says
so), instead of Python's `--- Logging error ---` and a traceback for every record.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from typing import TextIO

from kiosk import paths

LOG_FILE = "kiosk.log"


class QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file handler that reports a failing disk once, not once per record."""

    failing = False  # the last write failed; records are being dropped

    def emit(self, record: logging.LogRecord) -> None:
        self._failed_now = False
        super().emit(record)
        if self.failing and not self._failed_now:
            self.failing = False
            _say(f"kiosk: the log file {self.baseFilename} is written again")

    def handleError(self, record: logging.LogRecord) -> None:
        self._failed_now = True
        if self.failing:
            return
        self.failing = True
        error = sys.exc_info()[1]
        _say(f"kiosk: the log file {self.baseFilename} cannot be written ({error}); "
             "log records are dropped until it can")


class QuietStreamHandler(logging.StreamHandler[TextIO]):
    """stderr that is closed or broken (a kiosk started without a console) is simply not written to."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def _say(line: str) -> None:
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except Exception:  # no usable stderr either: nothing left to tell
        pass


def setup_logging(folder: Path | None = None, to_stderr: bool = True, level: int = logging.INFO) -> Path | None:
    """Send all records to `kiosk.log` (5 × 1 MB, rotating) and warnings to stderr. Returns the log file."""
    root = logging.getLogger()
    root.setLevel(level)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    target: Path | None = None
    try:
        folder = folder or paths.user_log_dir()
        paths.private_dir(folder)
        target = folder / LOG_FILE
        handler = QuietRotatingFileHandler(target, maxBytes=1_000_000, backupCount=5, encoding="utf-8",
                                           errors="backslashreplace")  # a file name that is not UTF-8
        handler.setFormatter(fmt)
        root.addHandler(handler)
    except OSError as exc:  # a read-only disk must not stop the exhibition
        target = None
        logging.getLogger(__name__).warning("no log file (%s)", exc)
    if to_stderr:
        console = QuietStreamHandler()
        console.setLevel(logging.WARNING)
        console.setFormatter(fmt)
        root.addHandler(console)
    return target


def current_log_file() -> Path:
    """The file log records go to (the rotating handler's), or where it would be; the staff panel shows its tail."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    return paths.user_log_dir() / LOG_FILE
