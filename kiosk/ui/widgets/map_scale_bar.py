"""The map's scale bar: the longest round distance (1, 2 or 5 × 10ⁿ) that fits, redrawn as the map zooms."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kiosk.geo.viewport import Viewport, distance_text, scale_bar
from kiosk.ui import theme as t
from kiosk.ui.theme import Theme


class MapScaleBar(QWidget):
    def __init__(self, theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme = theme
        self._km, self._px = 0.0, 0.0
        self.setFixedSize(theme.px(260), theme.px(58))
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._font = theme.font(t.CAPTION - 2, bold=True)

    @Slot(object)
    def set_viewport(self, viewport: Viewport) -> None:
        km, px = scale_bar(viewport.scale, self.width() - self._theme.px(20))
        if (km, round(px)) != (self._km, round(self._px)):
            self._km, self._px = km, px
            self.update()

    def text(self) -> str:
        return distance_text(self._km)

    def bar_pixels(self) -> float:
        return self._px

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._px <= 0:
            return
        p = QPainter(self)
        px = self._theme.px
        right = self.width() - px(10)
        left = right - self._px
        y = self.height() - px(12)
        p.setPen(QPen(QColor(t.BACKGROUND), px(7)))
        p.drawLine(int(left), int(y), int(right), int(y))
        p.setPen(QPen(QColor(t.TEXT), px(3)))
        p.drawLine(int(left), int(y), int(right), int(y))
        for x in (left, right):
            p.drawLine(int(x), int(y - px(8)), int(x), int(y))
        p.setFont(self._font)
        p.drawText(QRectF(left - px(60), 0, self._px + px(60), y - px(6)),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, self.text())
        p.end()
