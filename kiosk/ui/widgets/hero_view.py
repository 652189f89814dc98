"""The home screen's hero photo, drifting slowly sideways.

The photo is decoded once slightly wider than the view, then shifted one pixel at a time a few times a
second: a blit, not a re-scale, so the motion costs almost no CPU on an idle kiosk.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, QTimer, Slot
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui import theme as t
from kiosk.ui.image_provider import ImageProvider

DRIFT = 0.06  # the photo is this much wider than the view; the drift travels that margin
STEP_MS = 180
ANCHOR_Y = 0.3  # show the upper-middle of the photo: skies and skylines, not the ground  # one pixel per step: ~5 px/s at 1080p, calm


class HeroView(QWidget):
    def __init__(self, provider: ImageProvider, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self._provider = provider
        self._path = path
        self._pixmap: QPixmap | None = None
        self._offset = 0
        self._step = 1
        self._requested = QSize()
        self._timer = QTimer(self)
        self._timer.setInterval(STEP_MS)
        self._timer.timeout.connect(self._drift)

    def set_pixmap(self, pixmap: QPixmap | None) -> None:
        self._pixmap = pixmap
        self._offset = 0
        self.update()

    def set_moving(self, moving: bool) -> None:
        if moving and self.isVisible():
            self._timer.start()
        else:
            self._timer.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        want = QSize(round(self.width() * (1 + DRIFT)), round(self.height() * (1 + DRIFT)))
        if want.width() > 8 and want != self._requested:
            self._requested = want
            self._provider.request(self._path, want, self.set_pixmap, owner=self, cover=True)

    @Slot()
    def _drift(self) -> None:
        if self._pixmap is None:
            return
        room = max(0, self._pixmap.width() - self.width())
        self._offset += self._step
        if self._offset >= room or self._offset <= 0:
            self._step = -self._step
            self._offset = max(0, min(room, self._offset))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        rect = QRectF(self.rect())
        p.fillRect(rect, QColor(t.SURFACE))
        if self._pixmap is not None and not self._pixmap.isNull():
            y = max(0, round((self._pixmap.height() - self.height()) * ANCHOR_Y))
            p.drawPixmap(0, 0, self._pixmap, self._offset, y, self.width(), self.height())
        # Shade the lower part so the title stays legible over any photo.
        shade = QLinearGradient(0, 0, 0, rect.height())
        shade.setColorAt(0.0, QColor(18, 22, 27, 40))
        shade.setColorAt(0.45, QColor(18, 22, 27, 90))
        shade.setColorAt(1.0, QColor(18, 22, 27, 245))
        p.fillRect(rect, shade)
        p.end()
