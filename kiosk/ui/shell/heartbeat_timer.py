"""The heartbeat, ticking on the GUI thread: if the event loop freezes, the beats stop and the supervisor
(systemd's watchdog, or any script watching the heartbeat file) restarts the kiosk. See `kiosk.health`."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Slot

from kiosk.health import Heartbeat, watchdog_interval


class HeartbeatTimer(QObject):
    def __init__(self, heartbeat: Heartbeat | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.heartbeat = heartbeat or Heartbeat()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.setInterval(round(watchdog_interval() * 1000))
        self._timer.timeout.connect(self.beat)

    def start(self) -> None:
        """On the first painted frame: tell systemd the kiosk is up, then beat every few seconds."""
        self.heartbeat.ready()
        self.beat()
        self._timer.start()

    @Slot()
    def beat(self) -> None:
        self.heartbeat.beat()

    @Slot()
    def stop(self) -> None:
        self._timer.stop()
        self.heartbeat.stopping()
