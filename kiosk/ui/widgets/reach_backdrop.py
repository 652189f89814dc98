"""What the glass shows outside the reach band in accessible mode: a calm, dark field that says what happened and
how to go back, so the empty upper part of the screen reads as a choice, not as a fault.

On a tall screen (portrait: the band is the lowest quarter of the glass) the field above says, large and calm,
where the visitor is (the bar's place title), so the upper glass is not an empty dark area; it holds nothing to
press, as every control stays in the band.

It lies under everything else in the window and swallows touches that land on it (there is nothing to press
there: everything a visitor needs is in the band below).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kiosk.content.schema import Lang
from kiosk.ui import theme as t
from kiosk.ui.icons import icon
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme


class ReachBackdrop(QWidget):
    def __init__(self, theme: Theme, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("ReachBackdrop")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._theme = theme
        self._band = QRect()
        self._lang: Lang = "zh"
        self._place = ""
        self.hide()

    def show_around(self, band: QRect, lang: Lang) -> None:
        """Cover the window, leaving `band` (window coordinates) to the interface laid over it."""
        self._band = QRect(band)
        self._lang = lang
        self.setGeometry(self.parentWidget().rect())
        self.lower()
        self.show()
        self.update()

    def set_language(self, lang: Lang) -> None:
        self._lang = lang
        self.update()

    def set_place(self, title: str) -> None:
        """The title of the screen on show, drawn high in the field when it is tall enough."""
        if title != self._place:
            self._place = title
            self.update()

    def place(self) -> str:
        return self._place

    def place_rect(self) -> QRect:
        """Where the place's title is drawn (empty when the field above the band is too short for it)."""
        px = self._theme.px
        above = self._band.top()
        if not self._place or above < px(900):
            return QRect()
        return QRect(px(t.MARGIN), above // 5, self.width() - px(t.MARGIN * 2), above // 3)

    def paintEvent(self, event: QPaintEvent) -> None:
        th, px = self._theme, self._theme.px
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(t.BACKGROUND))
        above = QRect(0, 0, self.width(), self._band.top())
        if above.height() < px(120):
            p.end()
            return
        place = self.place_rect()
        if not place.isEmpty():  # where the visitor is, large, in the upper field's calm middle
            p.setPen(QColor(t.TEXT_MUTED))
            p.setFont(th.font(t.TITLE, bold=True))
            p.drawText(place, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self._place)
        # a thin gold rule along the band's top edge: where the interface now begins
        p.setPen(QPen(QColor(t.ACCENT_DEFAULT), px(3)))
        p.drawLine(px(t.MARGIN), above.bottom() - px(2), self.width() - px(t.MARGIN), above.bottom() - px(2))
        # the note, just above the band, where a visitor's eyes go first
        other: Lang = "en" if self._lang == "zh" else "zh"
        title = f"{tr('reach_note', self._lang)} · {tr('reach_note', other)}"
        big = th.font(t.HEADING, bold=True)
        glyph = px(96)
        p.setFont(big)
        title_h = p.fontMetrics().height()
        width = self.width() - px(t.MARGIN * 2)
        notes = self.way_out_lines()
        heights = [QFontMetrics(font).boundingRect(QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap),
                                                   line).height() for line, font in notes]
        note_h = sum(heights)
        block = glyph + px(24) + title_h + px(12) + note_h
        y = max(px(t.MARGIN), above.bottom() - px(t.MARGIN) - block)
        icon("mdi6.wheelchair-accessibility", t.ACCENT_DEFAULT).paint(
            p, QRect((self.width() - glyph) // 2, y, glyph, glyph))
        y += glyph + px(24)
        p.setPen(QColor(t.TEXT))
        p.setFont(big)
        p.drawText(QRectF(px(t.MARGIN), y, self.width() - px(t.MARGIN * 2), title_h),
                   int(Qt.AlignmentFlag.AlignHCenter), title)
        y += title_h + px(12)
        p.setPen(QColor(t.TEXT_MUTED))
        for (line, font), h in zip(notes, heights, strict=True):
            p.setFont(font)
            p.drawText(QRectF(px(t.MARGIN), y, width, h),
                       int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap), line)
            y += h
        p.end()

    def way_out_lines(self) -> list[tuple[str, QFont]]:
        """How to leave accessible mode, in the interface's language then the other, each in its own face (the
        Chinese line keeps its full-width quotes and "·" in English mode)."""
        other: Lang = "en" if self._lang == "zh" else "zh"
        small = self._theme.font(t.LEAD)
        return [(tr("reach_way_out", lang), self._theme.in_language(small, lang)) for lang in (self._lang, other)]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
