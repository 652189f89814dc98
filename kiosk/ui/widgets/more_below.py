"""A fade over the bottom of a card's scrolling text while more of it lies below, so the last visible line
fades out instead of being sliced (the map's feature card and the timeline's event card, and the map's side
column over the page's own background)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter
from PySide6.QtWidgets import QWidget

from kiosk.ui import theme as t


class MoreBelow(QWidget):
    def __init__(self, parent: QWidget, colour: str = t.SURFACE):
        super().__init__(parent)
        self._colour = colour
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        gradient = QLinearGradient(0, 0, 0, self.height())
        gradient.setColorAt(0.0, t.translucent(self._colour, 0))
        gradient.setColorAt(1.0, QColor(self._colour))
        p.fillRect(self.rect(), gradient)
        p.end()
