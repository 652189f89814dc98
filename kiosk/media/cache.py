"""A bounded on-disk cache of display-size photos, so a photo is decoded from the original file only once.

Each entry is the finished pixels for one (file, display size) pair, stored raw (24-bit R, G, B) because
reading 6 MB from disk is several times faster than decoding even a small JPEG. The key includes the
file's modification time and size, so a photo a content editor replaces or edits is never shown stale; the
entries of the old version are simply never asked for again and age out.

The cache keeps itself under `max_bytes` by evicting the least recently used entries. Recency survives
restarts: a hit touches the entry's modification time. Several worker threads may use one cache at once.

Every entry's header carries a CRC-32 of its pixels (about 2 ms for a full-screen entry): an entry damaged on
disk (a bad sector, a cut-off copy, bytes flipped) is a miss, dropped and decoded again, never shown as noise.
Entries are written to a temporary file and renamed; a write that fails (a full disk) removes its temporary
file, and temporary files left by a kiosk that died mid-write are removed the first time the cache is used.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import mmap
import os
import struct
import threading
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from kiosk import paths

log = logging.getLogger(__name__)

FORMAT_VERSION = 3  # bump when the pipeline's output changes, so old entries are never reused
SUFFIX = ".px"
_HEADER = struct.Struct("<4sIIII")  # magic, width, height, bytes per line, CRC-32 of the pixels
_MAGIC = b"KPX3"  # KPX1 had no checksum, KPX2 held 32-bit pixels: both are misses, dropped and decoded again
BYTES_PER_PIXEL = 3
TEMP_SUFFIX = paths.TEMP_SUFFIX
MB = 1024 * 1024


@dataclass(frozen=True)
class Frame:
    """Finished pixels: `height` lines of `stride` bytes, each pixel R, G, B (Qt's RGB888). From the disk cache
    `data` is a view of the mapped entry, released with the frame."""

    width: int
    height: int
    stride: int
    data: bytes | bytearray | memoryview

    @property
    def nbytes(self) -> int:
        return self.stride * self.height


@dataclass(frozen=True)
class SourceStamp:
    """What identifies one version of a photo file."""

    path: str
    mtime_ns: int
    size: int
    ctime_ns: int = 0  # metadata change (Linux) or creation (Windows): catches a copy that kept the old mtime
    inode: int = 0  # a file replaced by another one (most copy and save tools) gets a new inode

    @classmethod
    def of(cls, path: Path) -> SourceStamp:
        """Raises OSError (FileNotFoundError …) if the file cannot be stat'ed."""
        st = os.stat(path)
        return cls(os.path.abspath(path), st.st_mtime_ns, st.st_size, st.st_ctime_ns, st.st_ino)


def cache_key(stamp: SourceStamp, width: int, height: int, cover: bool) -> str:
    version = f"{stamp.mtime_ns}|{stamp.size}|{stamp.ctime_ns}|{stamp.inode}"
    text = f"{FORMAT_VERSION}|{stamp.path}|{version}|{width}x{height}|{int(cover)}"
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


class DiskCache:
    def __init__(self, root: Path, max_bytes: int = 512 * MB):
        self.root = Path(root)
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._index: dict[str, tuple[int, float]] | None = None  # name -> (bytes, last used)
        self._total = 0
        self.hits = 0
        self.misses = 0

    # public ------------------------------------------------------------------------------------------

    def get(self, key: str) -> Frame | None:
        path = self.root / (key + SUFFIX)
        try:
            with path.open("rb") as handle:
                magic, width, height, stride, checksum = _HEADER.unpack(handle.read(_HEADER.size))
                if magic != _MAGIC:
                    raise ValueError("not a cache entry")
                size = stride * height
                if size <= 0 or stride < width * BYTES_PER_PIXEL:
                    raise ValueError("short entry")
                # Mapped, not read: the pixels go from the page cache straight to the Qt bridge's conversion,
                # with no copy in between. Entries are only ever replaced by rename or deleted, never
                # rewritten in place, so the mapping stays valid while the frame is in use.
                mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            if len(mapped) < _HEADER.size + size:
                mapped.close()
                raise ValueError("short entry")
            data = memoryview(mapped)[_HEADER.size : _HEADER.size + size]
            if zlib.crc32(data) != checksum:
                data.release()
                mapped.close()
                raise ValueError("damaged pixels (checksum mismatch)")
        except FileNotFoundError:
            with self._lock:
                self.misses += 1
            return None
        except (OSError, ValueError, struct.error) as exc:
            log.info("dropping unreadable cache entry %s: %s", path.name, exc)
            self._remove(key)
            return None
        now = time.time()
        try:
            os.utime(path, (now, now))
        except OSError:
            pass
        with self._lock:
            self.hits += 1
            index = self._ensure_index()
            if key in index:
                index[key] = (index[key][0], now)
        return Frame(width, height, stride, data)

    def put(self, key: str, frame: Frame) -> None:
        """Store atomically (a crash mid-write leaves no half entry), then evict down to the cap."""
        size = _HEADER.size + frame.nbytes
        if size > self.max_bytes // 4:
            return  # one entry may never crowd out most of the cache
        temp = self.root / f".{key}.{os.getpid()}-{threading.get_ident()}{TEMP_SUFFIX}"
        try:
            paths.private_dir(self.root)
            target = self.root / (key + SUFFIX)
            with temp.open("wb") as handle:
                handle.write(_HEADER.pack(_MAGIC, frame.width, frame.height, frame.stride, zlib.crc32(frame.data)))
                handle.write(frame.data)
            os.replace(temp, target)
        except OSError as exc:
            with contextlib.suppress(OSError):  # a full disk must not keep the partial file (and stay full)
                os.unlink(temp)
            log.warning("photo cache not written (%s); continuing without it", exc)
            return
        with self._lock:
            index = self._ensure_index()
            old = index.get(key)
            if old is not None:
                self._total -= old[0]
            index[key] = (size, time.time())
            self._total += size
            self._evict_locked()

    def clear(self) -> None:
        with self._lock:
            for name in list(self._ensure_index()):
                self._unlink(name)
            self._index = {}
            self._total = 0

    @property
    def total_bytes(self) -> int:
        with self._lock:
            self._ensure_index()
            return self._total

    def __len__(self) -> int:
        with self._lock:
            return len(self._ensure_index())

    # internals ---------------------------------------------------------------------------------------

    def _ensure_index(self) -> dict[str, tuple[int, float]]:
        if self._index is None:
            self._index = {}
            self._total = 0
            try:
                entries = list(os.scandir(self.root))
            except OSError:
                entries = []
            for entry in entries:
                if entry.name.endswith(TEMP_SUFFIX):
                    if _stale_temp(entry):
                        with contextlib.suppress(OSError):
                            os.unlink(entry.path)
                    continue
                if not entry.name.endswith(SUFFIX):
                    continue
                try:
                    st = entry.stat()
                except OSError:
                    continue
                self._index[entry.name[: -len(SUFFIX)]] = (st.st_size, st.st_mtime)
                self._total += st.st_size
            self._evict_locked()
        return self._index

    def _evict_locked(self) -> None:
        index = self._index or {}
        if self._total <= self.max_bytes:
            return
        for name, (size, _) in sorted(index.items(), key=lambda item: item[1][1]):
            if self._total <= self.max_bytes * 0.9:  # a little headroom, so eviction is not on every write
                break
            self._unlink(name)
            del index[name]
            self._total -= size

    def _remove(self, key: str) -> None:
        with self._lock:
            index = self._ensure_index()
            if key in index:
                self._total -= index.pop(key)[0]
            self._unlink(key)

    def _unlink(self, key: str) -> None:
        try:
            os.unlink(self.root / (key + SUFFIX))
        except OSError:
            pass


def _stale_temp(entry: os.DirEntry[str]) -> bool:
    """A temporary entry (`.key.<pid>-<thread>.tmp`) whose writer is gone; see `paths.stale_temp`."""
    middle = entry.name[: -len(TEMP_SUFFIX)].rsplit(".", 1)[-1]
    return paths.stale_temp(entry, middle.partition("-")[0] if "-" in middle else "")
