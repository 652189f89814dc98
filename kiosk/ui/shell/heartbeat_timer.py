"""The heartbeat, ticking on the GUI thread, fed only while the window really paints.

If the event loop freezes, the beats stop and the supervisor (systemd's watchdog, or any script watching the
heartbeat file) restarts the kiosk. A live event loop behind a window that no longer paints (unmapped,
destroyed, a wedged compositor) would go on beating over a black screen, so every beat also asks a
one-pixel `PaintProbe` on top of the window to repaint, and its paint is recorded in a `PaintEvidence`: when
no frame has been painted for `PAINT_STALE_S` seconds the beats are withheld (logged once) until painting
resumes. An idle screen that has nothing to repaint still proves it can paint this way. See `kiosk.health`.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.health import Clock, Heartbeat, PaintEvidence, watchdog_interval

log = logging.getLogger(__name__)


class PaintProbe(QWidget):
    """One pixel in the window's corner that draws nothing (the pixel beneath shows through) and takes no input:
    raised and repainted on request, its paint event is the evidence that the window renders frames."""

    def __init__(self, window: QWidget, evidence: PaintEvidence):
        super().__init__(window)
        self._evidence = evidence
        self.setObjectName("PaintProbe")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setGeometry(0, 0, 1, 1)
        self.show()

    def request(self) -> None:
        self.raise_()  # above the overlays, which raise themselves when they cover the window
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        self._evidence.painted()


class HeartbeatTimer(QObject):
    def __init__(
        self,
        window: QWidget | None = None,
        heartbeat: Heartbeat | None = None,
        clock: Clock = time.monotonic,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.heartbeat = heartbeat or Heartbeat()
        self.evidence = PaintEvidence(clock)
        self.probe = PaintProbe(window, self.evidence) if window is not None else None
        self.withheld = 0  # beats not sent because nothing was painted
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.setInterval(round(watchdog_interval() * 1000))
        self._timer.timeout.connect(self.beat)

    def start(self) -> None:
        """On the first painted frame: tell systemd the kiosk is up, then beat every few seconds."""
        self.evidence.painted()  # that first frame
        self.heartbeat.ready()
        self.beat()
        self._timer.start()

    @Slot()
    def beat(self) -> None:
        if self.probe is not None:
            self.probe.request()  # painted before the next beat, if the window still paints at all
        else:
            self.evidence.painted()  # no window to watch (tools, tests): the event loop alone is the evidence
        if self.evidence.fresh():
            if self.withheld:
                log.warning("the window paints again after %d withheld heartbeats", self.withheld)
                self.withheld = 0
            self.heartbeat.beat()
            return
        if not self.withheld:
            log.error("no frame painted for %.0f s: heartbeat and watchdog withheld so the supervisor restarts "
                      "the kiosk", self.evidence.age() or 0)
        self.withheld += 1

    @Slot()
    def stop(self) -> None:
        self._timer.stop()
        self.heartbeat.stopping()
