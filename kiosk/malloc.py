"""Memory hygiene for a process that runs 12 hours a day: hand big freed buffers back to the system.

glibc keeps freed memory for reuse, and after the first large free it raises its threshold for serving big
blocks from the heap (up to 32 MB) instead of mapping them. A kiosk allocates big short-lived buffers all day
— photo decodes in worker threads, screen snapshots for transitions — so its resident memory would ratchet up
to the peak of everything it ever did at once. Fixing the threshold at 1 MB maps every such buffer on its own
and unmaps it when freed: measured on the reference machine, resident memory after visiting every screen drops
from ~229 MB to ~175 MB.

What stays on the heap (small blocks: Python objects, Qt's strings and glyphs, the decode threads' own arenas)
is still kept as free space once released. `release_free_memory()` hands that back (`malloc_trim(0)`, every
arena) after a full garbage collection; the kiosk calls it between visitors, when nothing is being shown, and
it takes a few milliseconds. Elsewhere (Windows, musl) both do nothing. No Qt.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import sys
from collections.abc import Callable

log = logging.getLogger(__name__)

M_MMAP_THRESHOLD = -3  # from glibc's <malloc.h>
THRESHOLD_BYTES = 1024 * 1024

_done = False
_trim: Callable[[int], int] | bool | None = None  # glibc's malloc_trim once looked up; False where there is none


def limit_heap_retention() -> bool:
    """Serve allocations of 1 MB and more by their own mappings (once per process); True if applied."""
    global _done
    if _done or not sys.platform.startswith("linux"):
        return _done
    try:
        mallopt = _libc().mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    _done = bool(mallopt(M_MMAP_THRESHOLD, THRESHOLD_BYTES))
    if not _done:
        log.debug("mallopt(M_MMAP_THRESHOLD) refused")
    return _done


def release_free_memory() -> bool:
    """Collect Python's garbage, then give the heap's free pages back to the system; True if glibc trimmed."""
    gc.collect()
    trim = _malloc_trim()
    if trim is None:
        return False
    return bool(trim(0))


def _malloc_trim() -> Callable[[int], int] | None:
    global _trim
    if _trim is None:
        _trim = False
        if sys.platform.startswith("linux"):
            try:
                trim = _libc().malloc_trim
            except (OSError, AttributeError):  # not glibc
                pass
            else:
                trim.argtypes = [ctypes.c_size_t]
                trim.restype = ctypes.c_int
                _trim = trim
    return _trim if callable(_trim) else None


def _libc() -> ctypes.CDLL:
    """The C library the process already runs on (its symbols, without a search for the file: that spawns
    `ldconfig` and costs milliseconds at start-up)."""
    return ctypes.CDLL(None)
