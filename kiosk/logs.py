"""Logging to a rotating file in the per-user log folder (and to stderr while developing)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from kiosk import paths

LOG_FILE = "kiosk.log"


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
        handler = logging.handlers.RotatingFileHandler(target, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(fmt)
        root.addHandler(handler)
    except OSError as exc:  # a read-only disk must not stop the exhibition
        target = None
        logging.getLogger(__name__).warning("no log file (%s)", exc)
    if to_stderr:
        console = logging.StreamHandler()
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
