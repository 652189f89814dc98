"""The home screen's hero photo, drifting slowly sideways.

The photo is decoded once slightly wider than the view, then shifted a pixel at a time (two on a 4K screen)
every half second or so: a blit, not a re-scale, so the motion costs almost no CPU on an idle kiosk. The shade that
keeps the title legible only varies top to bottom, so it is painted into the visible band of the photo once (`_band`),
and each drift step is a single opaque blit of that band.

Only the band is kept: the decoded photo (the whole picture, taller than the view) is let go once the band is
painted from it, and it stays out of the photo memory cache (the home screen holds its band all day; the disk
cache has the photo for a resize). At 3840×2160 that is 44 MB less for the whole run.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui import theme as t
from kiosk.ui.image_provider import ImageProvider

DRIFT = 0.06  # the photo is this much wider than the view; the drift travels that margin
STEP_MS = 500  # one step at 1080p: 1 px every 500 ms, a calm drift; each repaints the hero and its text (~3 ms)
REFERENCE_WIDTH = 1920  # wider views step further, less often: the same speed on the glass, no more repaints
ANCHOR_Y = 0.3  # show the upper-middle of the photo: skies and skylines, not the ground


class HeroView(QWidget):
    def __init__(self, provider: ImageProvider, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self._provider = provider
        self._path = path
        self._pixmap: QPixmap | None = None
        self._band: QPixmap | None = None  # the visible rows of the photo with the shade already applied
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)  # paints every pixel itself
        self._offset = 0
        self._step = 1
        self._requested = QSize()
        self._timer = QTimer(self)
        self._timer.setInterval(STEP_MS)
        self._timer.timeout.connect(self._drift)

    def set_pixmap(self, pixmap: QPixmap | None) -> None:
        self._pixmap = pixmap
        self._band = None
        self._offset = 0
        if pixmap is not None and not pixmap.isNull() and self.width() > 8:
            self._band = self._shaded_band()  # now, so the photo itself can go
            self._pixmap = None
        self.update()

    def set_moving(self, moving: bool) -> None:
        if moving and self.isVisible():
            self._timer.start()
        else:
            self._timer.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._band = None
        # A 4K view repaints four times the pixels per step: there it moves 2 px every 1,000 ms instead.
        stride = max(1, round(self.width() / REFERENCE_WIDTH))
        self._step = stride if self._step > 0 else -stride
        self._timer.setInterval(STEP_MS * stride)
        want = QSize(round(self.width() * (1 + DRIFT)), round(self.height() * (1 + DRIFT)))
        if want.width() > 8 and (want != self._requested or self._pixmap is None):
            self._requested = want
            self._provider.request(self._path, want, self.set_pixmap, owner=self, cover=True, keep=False)

    @Slot()
    def _drift(self) -> None:
        if self._band is None:
            return
        room = max(0, self._band.width() - self.width())
        self._offset += self._step
        if self._offset >= room or self._offset <= 0:
            self._step = -self._step
            self._offset = max(0, min(room, self._offset))
        self.update()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange):
            # The app style sheet (`QWidget { background: transparent }`) clears this flag when it polishes a
            # widget. This one paints every pixel itself: with the flag, Qt paints nothing beneath it first.
            self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        return handled

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._band is None:
            self._band = self._shaded_band()
        p = QPainter(self)
        p.drawPixmap(0, 0, self._band, self._offset, 0, self.width(), self.height())
        p.end()

    def _shaded_band(self) -> QPixmap:
        """The rows of the photo the view shows, full drift width, with the shade painted over them."""
        width = self.width()
        if self._pixmap is not None and not self._pixmap.isNull():
            width = max(width, self._pixmap.width())
        band = QPixmap(max(1, width), max(1, self.height()))
        band.fill(QColor(t.SURFACE))
        p = QPainter(band)
        if self._pixmap is not None and not self._pixmap.isNull():
            y = max(0, round((self._pixmap.height() - self.height()) * ANCHOR_Y))
            p.drawPixmap(0, 0, self._pixmap, 0, y, self._pixmap.width(), self.height())
        # Shade the lower part so the title stays legible over any photo.
        shade = QLinearGradient(0, 0, 0, band.height())
        for position, alpha in t.HERO_SHADE:
            shade.setColorAt(position, t.translucent(t.BACKGROUND, alpha))
        p.fillRect(band.rect(), shade)
        p.end()
        return band
