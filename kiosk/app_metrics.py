"""Wires the metrics file (`kiosk.metrics`) to a running kiosk: the error counter on the root logger, a frame
counter on the window, and a GUI-thread timer that hands visits today, frames per second and the content on
show to the writer thread. Started by `kiosk.app.exhibit`, so tests and benchmarks that only build a kiosk
write no file."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Slot

from kiosk import __version__, metrics
from kiosk.staff import diagnostics

if TYPE_CHECKING:
    from kiosk.app import Kiosk
    from kiosk.content import Exhibition

log = logging.getLogger(__name__)


class FrameCounter(QObject):
    """Counts the window's update requests: one per frame the widget stack paints and flushes."""

    def __init__(self, window: QObject, clock=time.monotonic) -> None:
        super().__init__(window)
        self._clock = clock
        self._frames = 0
        self._since = clock()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest:
            self._frames += 1
        return False

    def take_rate(self) -> float:
        """Frames per second since the last call."""
        now = self._clock()
        elapsed = max(now - self._since, 1e-6)
        rate = self._frames / elapsed
        self._frames, self._since = 0, now
        return round(rate, 1)


class MetricsFeed(QObject):
    def __init__(self, kiosk: Kiosk, writer: metrics.MetricsWriter) -> None:
        super().__init__(kiosk.window)
        self.kiosk = kiosk
        self.writer = writer
        self.frames = FrameCounter(kiosk.window)
        self._timer = QTimer(self)
        self._timer.setInterval(round(writer.interval * 1000))
        self._timer.timeout.connect(self.refresh)
        kiosk.store.subscribe(self._content_changed)
        self._content_changed(kiosk.exhibition)

    def start(self) -> None:
        self.refresh()
        self._timer.start()
        self.writer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.writer.stop()
        logging.getLogger().removeHandler(self.writer.errors)

    @Slot()
    def refresh(self) -> None:
        visits = None
        staff = self.kiosk.staff
        if staff is not None:
            try:
                visits = staff.stats.totals(days=1).visits
            except Exception as exc:  # statistics never stop the kiosk: the metric says NaN instead
                log.debug("visits today not readable: %s", exc)
        self.writer.update(visits_today=visits, frames_per_second=self.frames.take_rate())

    def _content_changed(self, exhibition: Exhibition) -> None:
        folder = self.kiosk.store.folder
        digest, _, changed = diagnostics.content_fingerprint(folder).partition(" · ")
        self.writer.update(content_fingerprint=digest, content_changed=changed or "?", content_folder=str(folder))


def install_metrics(kiosk: Kiosk) -> MetricsFeed | None:
    """Start writing the metrics file (None when `KIOSK_METRICS_DIR=off`)."""
    folder = metrics.metrics_dir()
    if folder is None:
        return None
    from kiosk.app import PROCESS_START

    errors = metrics.ErrorCounter()
    logging.getLogger().addHandler(errors)
    heartbeat = kiosk.heartbeat.heartbeat.path if kiosk.heartbeat is not None else None
    from kiosk.health import default_heartbeat_path

    writer = metrics.MetricsWriter(
        folder / metrics.METRICS_FILE,
        heartbeat or default_heartbeat_path(),
        errors,
        __version__,
        diagnostics.memory_bytes,
        started=PROCESS_START,
        interval=metrics.metrics_interval(),
        clock=time.perf_counter,
    )
    feed = MetricsFeed(kiosk, writer)
    feed.start()
    kiosk.app.aboutToQuit.connect(feed.stop)
    log.info("metrics file: %s (every %.0f s)", writer.path, writer.interval)
    return feed
