"""The Qt bridge to the photo pipeline: decode in worker threads, hand pixmaps to widgets on the GUI thread.

Widgets ask for a photo at the size they show it; they get a callback with a QPixmap, or None for a photo
that cannot be shown (they draw a neutral placeholder). The work happens in a small thread pool: the worker
reads the display-size derivative from the disk cache or decodes the file with Pillow (`kiosk.media`), and
widens its 24-bit pixels to a QImage in Qt's native 32-bit layout, so turning it into a QPixmap on the GUI
thread costs no conversion. Decoded pixmaps are kept in an LRU cache bounded in bytes, so memory stays flat
however many photos the content holds. Every key carries the file's version (time, size, inode): an edited
photo is never shown stale, neither from memory nor from disk.

The memory cache is sized for what one screen needs, not for the whole exhibition (`kiosk.media.budget`):
`FULL_FRAMES` frames of the largest size the widgets ask for (the viewer, a hero photo, the slideshow: about the
window's size), together at most `FRAMES_BYTES`, plus `THUMBNAIL_BYTES` for cards — ~25 MB at 1920×1080, ~56 MB
at 3840×2160, never more than `CEILING_BYTES`. Everything else comes back
from the disk cache in a few milliseconds (`photo_warm_ms`). Between visitors the kiosk drops the whole memory
cache (`release_memory`): what the screens still show stays with them, the rest is freed. On the home screen,
which shows no photo from this cache, it keeps only the most recent `THUMBNAIL_BYTES` (`trim`): the screens'
big photos (a section's is 13 MB at 3840×2160) are not held for a visitor who has gone back to the start.
"""

from __future__ import annotations

import itertools
import logging
import os
import queue
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QImage, QImageReader, QPixmap

from kiosk import paths
from kiosk.media import DecodeError, DiskCache, SourceStamp, render_then_store
from kiosk.media.budget import CEILING_BYTES as CEILING_BYTES
from kiosk.media.budget import FRAMES_BYTES as FRAMES_BYTES
from kiosk.media.budget import FULL_FRAMES as FULL_FRAMES
from kiosk.media.budget import MB, frame_bytes, memory_budget

log = logging.getLogger(__name__)

Callback = Callable[[QPixmap | None], None]

# Photos never go through Qt's image readers (Pillow decodes them, with its own limits); icons and the like do.
# Qt 6's default cap is 256 MB per image; it is set here on purpose so no Qt reader can allocate more.
QT_ALLOCATION_LIMIT_MB = 256

# The memory cache's budget (see the module docstring). Measured on the monkey at 1920×1080: a 96 MB cache was
# always full and made up about a third of resident memory, while revisits it served were rare. Kept here (not
# only in `kiosk.media.budget`) because `trim` reads it when called, and tests set it.
THUMBNAIL_BYTES = 8 * MB

# Priorities for the pool: what the visitor is looking at first, what they may look at next after.
PRIORITY_VISIBLE = 10
PRIORITY_PREFETCH = 0


class _Signals(QObject):
    done = Signal(str, object, str)  # key, QImage or None, reason when None


class _DecodeJob:
    """One decode. It reports through its provider's one signal object, which lives (and dies) with the
    provider on the GUI thread: no job owns a Qt object, so no worker ever releases the last reference to one —
    with a signal object per job, a worker letting go of a finished job while the GUI thread deleted that
    job's object crashed the process now and then. A job finishing after its provider was deleted emits into
    an object Python knows is gone, and the RuntimeError is caught."""

    def __init__(
        self,
        key: str,
        path: Path,
        stamp: SourceStamp,
        size: QSize,
        cover: bool,
        cache: DiskCache | None,
        signals: _Signals,
    ):
        self.key, self.path, self.stamp, self.size, self.cover, self.cache = key, path, stamp, size, cover, cache
        self.signals = signals  # the provider's, parented to it
        self.state_lock = threading.Lock()
        self.started = False
        self.cancelled = False

    def take(self) -> bool:
        """Cancel the job if no worker has started it; True if it will now never run."""
        with self.state_lock:
            if not self.started:
                self.cancelled = True
            return self.cancelled

    def run(self) -> None:
        image: QImage | None = None
        reason = ""
        store = None
        try:
            frame, store = render_then_store(
                self.path, self.size.width(), self.size.height(), self.cover, self.cache, self.stamp
            )
            # 24-bit pixels widened to Qt's native 32-bit layout in one pass (the result owns its memory), so
            # turning it into a pixmap on the GUI thread costs nothing
            image = QImage(frame.data, frame.width, frame.height, frame.stride, QImage.Format.Format_RGB888)
            image = image.convertToFormat(QImage.Format.Format_RGB32)
        except DecodeError as exc:
            reason = str(exc)
        except Exception as exc:  # never let a worker die silently: the widget must get its placeholder
            log.exception("unexpected error decoding %s", self.path)
            reason = f"unexpected error: {exc}"
        try:
            self.signals.done.emit(self.key, image, reason)
        except RuntimeError:
            pass  # the provider was deleted (window closed, app quitting) while this decode ran
        if store is not None:  # the photo is on its way to the screen: now the disk cache keeps it for next time
            try:
                store()
            except Exception:
                log.exception("storing the decoded %s in the disk cache failed", self.path)


class _Workers:
    """A few Python worker threads taking jobs by priority.

    Not a QThreadPool on purpose: destroying a QThreadPool waits for its running jobs inside C++ while this
    thread holds Python's GIL, which those jobs need to finish — a deadlock when a window (and its photo
    service) is deleted mid-decode. These threads are simply told to stop; nobody waits for them.
    """

    _STOP = object()

    def __init__(self, count: int, name: str = "photo-decode"):
        self._queue: queue.PriorityQueue = queue.PriorityQueue()
        self._order = itertools.count()
        self._idle = threading.Condition()
        self._outstanding = 0
        self._threads = [threading.Thread(target=self._work, name=f"{name}-{i}", daemon=True) for i in range(count)]
        for thread in self._threads:
            thread.start()

    def submit(self, job: _DecodeJob, priority: int) -> None:
        with self._idle:
            self._outstanding += 1
        self._queue.put((-priority, next(self._order), job))

    def clear(self) -> None:
        """Drop every job not yet started."""
        while True:
            try:
                _, _, job = self._queue.get_nowait()
            except queue.Empty:
                return
            if job is not self._STOP:
                job.take()
                self._finished()

    def stop(self) -> None:
        self.clear()
        for _ in self._threads:
            self._queue.put((float("inf"), next(self._order), self._STOP))

    def abandon(self) -> None:
        """The provider is going: cancel every queued job where it stands, then tell the workers to stop.
        Nothing is taken out of the queue here, so no job is released in the middle of the provider's
        destruction; the workers drop the cancelled jobs afterwards, unrun."""
        with self._queue.mutex:
            queued = [entry[2] for entry in self._queue.queue]
        for job in queued:
            if job is not self._STOP:
                job.take()
        for _ in self._threads:
            self._queue.put((float("inf"), next(self._order), self._STOP))

    def wait_idle(self, msecs: int = -1) -> bool:
        deadline = None if msecs < 0 else time.monotonic() + msecs / 1000
        with self._idle:
            while self._outstanding:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._idle.wait(left)
        return True

    def _work(self) -> None:
        while True:
            _, _, job = self._queue.get()
            if job is self._STOP:
                return
            with job.state_lock:
                run = not job.cancelled
                job.started = True
            try:
                if run:
                    job.run()
            finally:
                self._finished()

    def _finished(self) -> None:
        with self._idle:
            self._outstanding -= 1
            if self._outstanding <= 0:
                self._outstanding = 0
                self._idle.notify_all()


class ImageProvider(QObject):
    failed = Signal(str, str)  # path, reason: once per broken file version (for the log and the staff panel)

    def __init__(
        self,
        max_bytes: int | None = None,
        threads: int | None = None,
        disk_cache: DiskCache | None | bool = True,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        QImageReader.setAllocationLimit(QT_ALLOCATION_LIMIT_MB)
        if threads is None:  # leave one core to the GUI thread, so decoding never starves the animation
            threads = max(1, min(2, (os.cpu_count() or 2) - 1))
        self._pool = _Workers(threads)
        # When the provider goes, its workers stop. Not a slot on `destroyed`: Qt emits that while a provider
        # Python owns is being freed by Python itself, and a Python slot run then crashed the process now and
        # then. A finalizer runs before the object is freed and touches only the workers' queue.
        weakref.finalize(self, self._pool.abandon)
        self._signals = _Signals(self)  # every job reports here; queued: results arrive on the GUI thread
        self._signals.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._jobs: dict[str, _DecodeJob] = {}
        self._cache: OrderedDict[str, QPixmap | None] = OrderedDict()
        self._cache_bytes = 0
        self._fixed_max = max_bytes  # None: sized from the largest frame asked for (see `max_bytes`)
        self._largest_frame = 0
        self._waiting: dict[str, list[tuple[QObject | None, Callback, bool]]] = {}
        self._reported: set[str] = set()
        if disk_cache is True:
            disk_cache = DiskCache(paths.user_cache_dir() / "photos")
        self.disk_cache: DiskCache | None = disk_cache if isinstance(disk_cache, DiskCache) else None

    # requests ----------------------------------------------------------------------------------------

    def request(
        self,
        path: Path,
        size: QSize,
        callback: Callback,
        owner: QObject | None = None,
        cover: bool = False,
        priority: int = PRIORITY_VISIBLE,
        keep: bool = True,
    ) -> None:
        """Call `callback(pixmap)` once the photo is ready; at once if it is in memory. Dropped if `owner` is
        deleted first. `keep=False` leaves the result out of the memory cache (large zoom images)."""
        path = Path(path)
        try:
            stamp = SourceStamp.of(path)
        except OSError as exc:
            self._report(str(path), "file not found" if isinstance(exc, FileNotFoundError) else str(exc))
            callback(None)
            return
        key = self.key(stamp, size, cover)
        if keep:
            self._largest_frame = max(self._largest_frame, frame_bytes(size.width(), size.height()))
        if key in self._cache:
            self._cache.move_to_end(key)
            callback(self._cache[key])
            return
        waiting = self._waiting.setdefault(key, [])
        waiting.append((owner, callback, keep))
        if key not in self._jobs:
            job = _DecodeJob(key, path, stamp, QSize(size), cover, self.disk_cache, self._signals)
            self._jobs[key] = job
            self._pool.submit(job, priority)

    def cancel(self, owner: QObject) -> None:
        """Forget `owner`'s pending requests; decodes nobody waits for any more are dropped if not started."""
        for key in list(self._waiting):
            left = [w for w in self._waiting[key] if w[0] is not owner]
            if left:
                self._waiting[key] = left
                continue
            job = self._jobs.get(key)
            if job is not None and job.take():
                del self._jobs[key]
                del self._waiting[key]
            else:
                self._waiting[key] = []  # running: its result still goes to the cache

    def cached(self, path: Path, size: QSize, cover: bool = False) -> QPixmap | None:
        """The pixmap if it is in memory right now (no decode is started)."""
        try:
            key = self.key(SourceStamp.of(Path(path)), size, cover)
        except OSError:
            return None
        return self._cache.get(key)

    def best_cached(self, path: Path) -> QPixmap | None:
        """The largest pixmap of this file in memory at any size: a preview while the right size decodes."""
        try:
            prefix = self._file_prefix(SourceStamp.of(Path(path)))
        except OSError:
            return None
        best: QPixmap | None = None
        for key, pixmap in self._cache.items():
            if pixmap is not None and key.startswith(prefix):
                if best is None or pixmap.width() * pixmap.height() > best.width() * best.height():
                    best = pixmap
        return best

    @staticmethod
    def _file_prefix(stamp: SourceStamp) -> str:
        return f"{stamp.path}|{stamp.mtime_ns}|{stamp.size}|{stamp.ctime_ns}|{stamp.inode}|"

    @classmethod
    def key(cls, stamp: SourceStamp, size: QSize, cover: bool) -> str:
        return f"{cls._file_prefix(stamp)}{size.width()}x{size.height()}|{int(cover)}"

    # housekeeping ------------------------------------------------------------------------------------

    @property
    def memory_bytes(self) -> int:
        return self._cache_bytes

    @property
    def max_bytes(self) -> int:
        """The memory cache's budget: as given, or `memory_budget` of the largest frame kept so far (up to
        `FULL_FRAMES` of it within `FRAMES_BYTES`, plus thumbnails, capped at `CEILING_BYTES`)."""
        if self._fixed_max is not None:
            return self._fixed_max
        return memory_budget(self._largest_frame, THUMBNAIL_BYTES)

    def pending(self) -> int:
        return len(self._jobs)

    def wait_idle(self, msecs: int = -1) -> bool:
        """Block until every decode has finished (tests, benchmarks); results still arrive through the loop."""
        return self._pool.wait_idle(msecs)

    def clear(self) -> None:
        """Drop every pixmap in memory (the disk cache stays)."""
        self._cache.clear()
        self._cache_bytes = 0

    def trim(self, max_bytes: int | None = None) -> int:
        """Let the least recently used pixmaps go until the cache holds at most `max_bytes` (default
        `THUMBNAIL_BYTES`); the bytes let go. Pixmaps a screen still shows stay alive with that screen."""
        max_bytes = THUMBNAIL_BYTES if max_bytes is None else max_bytes
        before = self._cache_bytes
        while self._cache_bytes > max_bytes and self._cache:
            _, old = self._cache.popitem(last=False)
            self._cache_bytes -= _bytes(old)
        return before - self._cache_bytes

    def release_memory(self) -> int:
        """Between visitors: drop the memory cache and return how many bytes it held. Pixmaps a screen still
        shows stay alive with that screen; the next visitor's photos come back from the disk cache."""
        held = self._cache_bytes
        self.clear()
        return held

    def shutdown(self) -> None:
        """Drop queued decodes and let the workers end once their current photo is done (never blocks)."""
        self._pool.stop()

    # results -----------------------------------------------------------------------------------------

    @Slot(str, object, str)
    def _on_done(self, key: str, image: QImage | None, reason: str) -> None:
        self._jobs.pop(key, None)
        pixmap = QPixmap.fromImage(image) if image is not None and not image.isNull() else None
        if pixmap is None:
            self._report(key.split("|", 1)[0], reason or "cannot be shown", key.rsplit("|", 2)[0])
        waiting = self._waiting.pop(key, [])
        if not waiting or any(keep for _, _, keep in waiting):
            self._store(key, pixmap)
        for owner, callback, _ in waiting:
            if owner is not None and not shiboken6.isValid(owner):
                continue
            try:
                callback(pixmap)
            except Exception:
                log.exception("photo callback failed for %s", key)

    def _report(self, path: str, reason: str, version: str | None = None) -> None:
        """One log line per broken file version, however many sizes of it are asked for."""
        marker = version or path
        if marker in self._reported:
            return
        if len(self._reported) > 4096:
            self._reported.clear()
        self._reported.add(marker)
        log.warning("photo %s cannot be shown (%s); showing a placeholder", path, reason)
        self.failed.emit(path, reason)

    def _store(self, key: str, pixmap: QPixmap | None) -> None:
        if key in self._cache:
            return
        self._cache[key] = pixmap
        self._cache_bytes += _bytes(pixmap)
        budget = self.max_bytes
        while self._cache_bytes > budget and len(self._cache) > 1:
            _, old = self._cache.popitem(last=False)
            self._cache_bytes -= _bytes(old)


def _bytes(pixmap: QPixmap | None) -> int:
    return 0 if pixmap is None else frame_bytes(pixmap.width(), pixmap.height())
