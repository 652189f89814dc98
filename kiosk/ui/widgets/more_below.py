"""A fade over the bottom of a card's scrolling text while more of it lies below, so the last visible line
fades out instead of being sliced (the map's feature card and the timeline's event card, and the map's side
column over the page's own background). `EdgeFades` keeps a fade at each end of a page's scroll area, the top one
while the page is scrolled down (a section's columns: their cards and lines slide under a fixed title and into
the bar, not cut off there)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from kiosk.ui import theme as t


class MoreBelow(QWidget):
    def __init__(self, parent: QWidget, colour: str | None = None, top: bool = False):
        super().__init__(parent)
        self._colour = colour or t.SURFACE  # the palette in use (high contrast swaps it), not the one at import
        self._top = top  # fading in from the top edge instead: more above
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)

    def place(self, area: QAbstractScrollArea, height: int) -> None:
        """Over `height` px of the end of `area`'s viewport, shown while more of the page lies beyond it."""
        bar = area.verticalScrollBar()
        viewport = area.viewport().geometry()
        height = max(0, min(height, viewport.height() // 3))
        y = viewport.top() if self._top else viewport.bottom() + 1 - height
        self.setGeometry(viewport.left(), y, viewport.width(), height)
        self.setVisible(bar.value() > bar.minimum() + 2 if self._top else bar.value() < bar.maximum() - 2)
        self.raise_()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        gradient = QLinearGradient(0, 0, 0, self.height())
        gradient.setColorAt(1.0 if self._top else 0.0, t.translucent(self._colour, 0))
        gradient.setColorAt(0.0 if self._top else 1.0, QColor(self._colour))
        p.fillRect(self.rect(), gradient)
        p.end()


class EdgeFades(QObject):
    """A fade at the bottom of `area` while more lies below and at its top while more lies above, `height` px
    tall, kept in place as the page scrolls and the area resizes."""

    def __init__(self, area: QAbstractScrollArea, height: int, colour: str | None = None):
        super().__init__(area)
        self._area = area
        self._height = height
        colour = colour or t.BACKGROUND
        self.top = MoreBelow(area, colour, top=True)
        self.bottom = MoreBelow(area, colour)
        bar = area.verticalScrollBar()
        bar.valueChanged.connect(self.update)
        bar.rangeChanged.connect(self.update)
        area.installEventFilter(self)
        self.update()

    def update(self, *_args) -> None:
        self.top.place(self._area, self._height)
        self.bottom.place(self._area, self._height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.update()
        return False
