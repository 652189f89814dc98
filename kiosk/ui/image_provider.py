"""The Qt bridge to the photo pipeline: decode in worker threads, hand pixmaps to widgets on the GUI thread.

Widgets ask for a photo at the size they show it; they get a callback with a QPixmap (or None for a photo
that cannot be shown, so they draw a neutral placeholder). Decoded pixmaps are kept in a small LRU cache,
bounded in bytes, so memory stays flat however many photos the content holds.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage, QPixmap

from kiosk.media import DecodeError, decode_for_display

log = logging.getLogger(__name__)

Callback = Callable[[QPixmap | None], None]


class _Signals(QObject):
    done = Signal(str, object)  # key, QImage or None


class _DecodeJob(QRunnable):
    """One decode. It carries its own signal object, so a job finishing after its provider was deleted
    emits into a connection Qt has already cut, instead of into freed memory."""

    def __init__(self, key: str, path: Path, size: QSize, cover: bool):
        super().__init__()
        self.setAutoDelete(False)  # Python owns the job; the provider drops it once it reports back
        self.key, self.path, self.size, self.cover = key, path, size, cover
        self.signals = _Signals()

    def run(self) -> None:
        result: QImage | None = None
        try:
            img = decode_for_display(self.path, self.size.width(), self.size.height(), cover=self.cover)
            data = img.tobytes("raw", "RGB")
            result = QImage(data, img.width, img.height, img.width * 3, QImage.Format.Format_RGB888).copy()
        except DecodeError as exc:
            log.warning("photo %s cannot be shown: %s", self.path, exc)
        except Exception:
            log.exception("unexpected error decoding %s", self.path)
        try:
            self.signals.done.emit(self.key, result)
        except RuntimeError:
            pass  # the provider was deleted (window closed, app quitting) while this decode ran


class ImageProvider(QObject):
    def __init__(self, max_bytes: int = 96 * 1024 * 1024, threads: int = 2, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._jobs: dict[str, _DecodeJob] = {}
        self._cache: OrderedDict[str, QPixmap | None] = OrderedDict()
        self._cache_bytes = 0
        self._max_bytes = max_bytes
        self._waiting: dict[str, list[tuple[QObject | None, Callback]]] = {}

    def request(self, path: Path, size: QSize, callback: Callback, owner: QObject | None = None, cover: bool = False) -> None:
        """Call `callback(pixmap)` once the photo is ready; at once if cached. Dropped if `owner` is deleted."""
        key = f"{path}|{size.width()}x{size.height()}|{int(cover)}"
        if key in self._cache:
            self._cache.move_to_end(key)
            callback(self._cache[key])
            return
        waiting = self._waiting.setdefault(key, [])
        waiting.append((owner, callback))
        if len(waiting) == 1:
            job = _DecodeJob(key, Path(path), size, cover)
            job.signals.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
            self._jobs[key] = job
            self._pool.start(job)

    def wait_idle(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def clear(self) -> None:
        self._cache.clear()
        self._cache_bytes = 0

    def shutdown(self) -> None:
        """Drop queued decodes and wait for running ones (at exit, so no thread outlives the app)."""
        self._pool.clear()
        self._pool.waitForDone(2000)

    @Slot(str, object)
    def _on_done(self, key: str, image: QImage | None) -> None:
        self._jobs.pop(key, None)
        pixmap = QPixmap.fromImage(image) if image is not None and not image.isNull() else None
        self._store(key, pixmap)
        for owner, callback in self._waiting.pop(key, []):
            if owner is not None and not shiboken6.isValid(owner):
                continue
            try:
                callback(pixmap)
            except Exception:
                log.exception("photo callback failed for %s", key)

    def _store(self, key: str, pixmap: QPixmap | None) -> None:
        size = 0 if pixmap is None else pixmap.width() * pixmap.height() * 4
        self._cache[key] = pixmap
        self._cache_bytes += size
        while self._cache_bytes > self._max_bytes and len(self._cache) > 1:
            _, old = self._cache.popitem(last=False)
            self._cache_bytes -= 0 if old is None else old.width() * old.height() * 4
