"""Small statistics for the benchmark and the soak test: percentiles, CPU share, resident memory.

Plain Python, no Qt and no psutil: the same code runs in `kiosk bench`, `kiosk monkey` and `kiosk --selftest`,
on Linux (reads /proc) and Windows (asks the process API through ctypes).
"""

from __future__ import annotations

import logging
import math
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


def percentile(values: Iterable[float], q: float) -> float | None:
    """The q-th percentile (0–100) with linear interpolation between closest ranks; None for no values."""
    data = sorted(float(v) for v in values)
    if not data:
        return None
    if not 0.0 <= q <= 100.0:
        raise ValueError(f"percentile must be within 0..100, not {q}")
    if len(data) == 1:
        return data[0]
    rank = (len(data) - 1) * q / 100.0
    low = math.floor(rank)
    high = min(low + 1, len(data) - 1)
    return data[low] + (data[high] - data[low]) * (rank - low)


def median(values: Iterable[float]) -> float | None:
    return percentile(values, 50.0)


def summary(values: Sequence[float], digits: int = 1) -> dict[str, float | None]:
    """`{"p50": …, "p95": …}` rounded for printing; both None when nothing was measured."""
    return {
        "p50": rounded(percentile(values, 50.0), digits),
        "p95": rounded(percentile(values, 95.0), digits),
    }


def rounded(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def cpu_percent(cpu_seconds: float, wall_seconds: float) -> float | None:
    """Process CPU time as a share of one core over a wall-clock window (100 = one core busy)."""
    if wall_seconds <= 0:
        return None
    return max(0.0, cpu_seconds) / wall_seconds * 100.0


@dataclass
class CpuWindow:
    """Measure this process's CPU share between `start()` and `stop()` (all threads, user + system)."""

    _cpu: float = 0.0
    _wall: float = 0.0

    def start(self) -> None:
        self._cpu = time.process_time()
        self._wall = time.perf_counter()

    def stop(self) -> float | None:
        return cpu_percent(time.process_time() - self._cpu, time.perf_counter() - self._wall)


def parse_vmrss(status_text: str) -> float | None:
    """Resident set size in MB from the text of /proc/<pid>/status (its `VmRSS:  123456 kB` line)."""
    for line in status_text.splitlines():
        if line.startswith("VmRSS:"):
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                factor = {"kb": 1024, "mb": 1024 * 1024, "b": 1}.get(parts[2].lower() if len(parts) > 2 else "kb")
                if factor is None:
                    return None
                return int(parts[1]) * factor / (1024 * 1024)
            return None
    return None


def rss_mb() -> float | None:
    """This process's resident memory in MB now; None where the platform does not tell us."""
    if sys.platform.startswith("linux"):
        try:
            return parse_vmrss(Path("/proc/self/status").read_text(encoding="ascii", errors="replace"))
        except OSError:
            return None
    if sys.platform == "win32":
        return _windows_rss_mb()
    return None


def _windows_rss_mb() -> float | None:  # pragma: no cover - exercised on the Windows kiosks
    try:
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [
                ("cb", wintypes.DWORD),
                ("PageFaultCount", wintypes.DWORD),
                ("PeakWorkingSetSize", ctypes.c_size_t),
                ("WorkingSetSize", ctypes.c_size_t),
                ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
                ("QuotaPagedPoolUsage", ctypes.c_size_t),
                ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
                ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
                ("PagefileUsage", ctypes.c_size_t),
                ("PeakPagefileUsage", ctypes.c_size_t),
            ]

        counters = Counters()
        counters.cb = ctypes.sizeof(Counters)
        process = ctypes.windll.kernel32.GetCurrentProcess()
        if not ctypes.windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb):
            return None
        return counters.WorkingSetSize / (1024 * 1024)
    except Exception:
        log.debug("working set size unavailable", exc_info=True)
        return None


def ratio(value: float | None, reference: float | None) -> float | None:
    if value is None or reference is None or reference <= 0:
        return None
    return value / reference
