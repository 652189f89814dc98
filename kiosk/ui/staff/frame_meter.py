"""Measures the frame rate this screen really achieves: it repaints itself as fast as Qt allows for one
second and counts the frames that reached the screen. Shown on the diagnostics page."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui import theme as t
from kiosk.ui.theme import Theme

WINDOW_MS = 1000


class FrameRateMeter(QWidget):
    measured = Signal(float)

    def __init__(self, theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme = theme
        self._frames = 0
        self._clock = QElapsedTimer()
        self._ticker = QTimer(self)
        self._ticker.setInterval(0)
        self._ticker.timeout.connect(self.update)
        self.fps: float | None = None
        self.setFixedSize(theme.px(220), theme.px(36))

    def measure(self) -> None:
        self._frames = 0
        self._clock.start()
        self._ticker.start()

    @property
    def measuring(self) -> bool:
        return self._ticker.isActive()

    def hideEvent(self, event) -> None:
        self._ticker.stop()
        super().hideEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        width = self.width()
        p.fillRect(self.rect(), QColor(t.SURFACE_RAISED))
        if self._ticker.isActive():
            self._frames += 1
            x = (self._frames * self._theme.px(12)) % max(1, width)
            p.fillRect(x, 0, self._theme.px(24), self.height(), QColor(t.ACCENT_DEFAULT))
            if self._clock.elapsed() >= WINDOW_MS:
                self._finish()
        elif self.fps is not None:
            p.setPen(Qt.PenStyle.NoPen)
            p.fillRect(0, 0, round(width * min(1.0, self.fps / 60)), self.height(), QColor(t.ACCENT_DEFAULT))
        p.end()

    @Slot()
    def _finish(self) -> None:
        elapsed = max(1, self._clock.elapsed())
        self._ticker.stop()
        self.fps = self._frames * 1000 / elapsed
        self.measured.emit(self.fps)
        self.update()
