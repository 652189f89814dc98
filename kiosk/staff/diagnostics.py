"""Facts about the running kiosk for the staff panel's diagnostics page, without Qt: memory in use, a short
fingerprint of the content folder (its "version"), durations in words, and the tail of the log file."""

from __future__ import annotations

import hashlib
import logging
import sys
from collections import deque
from datetime import datetime
from pathlib import Path

from kiosk.content.loader import MAX_FILE_BYTES

log = logging.getLogger(__name__)


def memory_bytes() -> int | None:
    """Resident memory of this process (what the machine really gives it), or None if it cannot be read."""
    try:
        if sys.platform.startswith("linux"):
            for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        elif sys.platform == "win32":
            return _windows_working_set()
        else:
            import resource

            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # bytes on macOS
    except (OSError, ValueError, ImportError) as exc:
        log.debug("memory not readable: %s", exc)
    return None


def _windows_working_set() -> int | None:
    if sys.platform != "win32":  # ctypes.windll exists only there (and type checkers know it)
        return None
    import ctypes
    from ctypes import wintypes

    class Counters(ctypes.Structure):
        _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD)] + [
            (name, ctypes.c_size_t)
            for name in ("PeakWorkingSetSize", "WorkingSetSize", "QuotaPeakPagedPoolUsage", "QuotaPagedPoolUsage",
                         "QuotaPeakNonPagedPoolUsage", "QuotaNonPagedPoolUsage", "PagefileUsage", "PeakPagefileUsage")
        ]

    counters = Counters()
    counters.cb = ctypes.sizeof(Counters)
    process = ctypes.windll.kernel32.GetCurrentProcess()
    if not ctypes.windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb):
        return None
    return int(counters.WorkingSetSize)


def format_bytes(value: int | None) -> str:
    if value is None:
        return "?"
    return f"{value / 2**20:.0f} MB"


def format_duration(seconds: float, lang: str = "en") -> str:
    """`3 d 4 h 05 min`, `4 h 05 min`, `5 min 07 s`; in Chinese `3 天 4 小时 05 分`, `4 小时 05 分`, `5 分 07 秒`
    (a space between figures and Chinese, as everywhere in the staff pages): short and unambiguous."""
    seconds = max(0, int(seconds))
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, secs = divmod(rest, 60)
    if lang == "zh":
        if days:
            return f"{days} 天 {hours} 小时 {minutes:02d} 分"
        if hours:
            return f"{hours} 小时 {minutes:02d} 分"
        return f"{minutes} 分 {secs:02d} 秒"
    if days:
        return f"{days} d {hours} h {minutes:02d} min"
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min {secs:02d} s"


def content_fingerprint(folder: Path) -> str:
    """A short hash of every content file plus the newest change date, e.g. `3f9a1c20 · 2024-05-18 10:12`:
    two kiosks showing the same fingerprint show the same content."""
    folder = Path(folder)
    digest = hashlib.sha256()
    newest = 0.0
    try:
        files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    except OSError:
        return "?"
    for path in files:
        try:
            stat = path.stat()
            digest.update(str(path.relative_to(folder)).encode("utf-8", "backslashreplace"))  # UTF-8 or not
            if path.suffix.lower() == ".toml" and stat.st_size <= MAX_FILE_BYTES:
                with path.open("rb") as handle:  # no more than the loader would read, however it has grown
                    digest.update(handle.read(MAX_FILE_BYTES + 1))
            else:  # photos, and a stray file too large to be content: size and date stand in for the bytes
                # (hashing 40 MB of JPEG would be slow; reading a 3 GB file would freeze the panel)
                digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
            newest = max(newest, stat.st_mtime)
        except OSError:
            continue
    when = datetime.fromtimestamp(newest).strftime("%Y-%m-%d %H:%M") if newest else "?"
    return f"{digest.hexdigest()[:8]} · {when}"


def tail(path: Path | None, lines: int = 200) -> list[str]:
    """The last `lines` lines of a text file (the log), or [] when it does not exist."""
    if path is None:
        return []
    try:
        with Path(path).open(encoding="utf-8", errors="replace") as handle:
            return [line.rstrip("\n") for line in deque(handle, maxlen=lines)]
    except OSError:
        return []
