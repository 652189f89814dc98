"""The north arrow (the map is always drawn north up)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kiosk.content.schema import Lang
from kiosk.ui import theme as t
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme


class MapCompass(QWidget):
    def __init__(self, theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme = theme
        self._letter = tr("map_north", "zh")
        self.setFixedSize(theme.px(72), theme.px(96))
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)

    def set_language(self, lang: Lang) -> None:
        self._letter = tr("map_north", lang)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        px = self._theme.px
        w = self.width()
        cx, top, bottom = w / 2, px(34), self.height() - px(6)
        half = px(16)
        left = QPainterPath(QPointF(cx, top))
        left.lineTo(cx - half, bottom)
        left.lineTo(cx, bottom - px(14))
        left.closeSubpath()
        right = QPainterPath(QPointF(cx, top))
        right.lineTo(cx + half, bottom)
        right.lineTo(cx, bottom - px(14))
        right.closeSubpath()
        outline = QPen(QColor(t.BACKGROUND), px(2))
        p.setPen(outline)
        p.setBrush(QColor(t.TEXT))
        p.drawPath(left)
        p.setBrush(QColor(t.TEXT_MUTED))
        p.drawPath(right)
        p.setPen(QColor(t.TEXT))
        p.setFont(self._theme.font(t.CAPTION, bold=True))
        p.drawText(QRectF(0, 0, w, top - px(2)), Qt.AlignmentFlag.AlignCenter, self._letter)
        p.end()
