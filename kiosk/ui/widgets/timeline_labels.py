"""The timeline track's labels, rendered once into pixmaps so dragging the track only blits them.

A label is a small rounded box: the event's time (or, for an undated project, its status) in the status
colour over its title. The goal at the end of the track is a box of the same family with a flag.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)

from kiosk.content.schema import Lang
from kiosk.content.timeline import TimelineEvent
from kiosk.layout.typography import wrap_title
from kiosk.ui import theme as t
from kiosk.ui.theme import Theme, mix
from kiosk.ui.widgets import timeline_style as style
from kiosk.ui.widgets.typeset_label import qt_wrapped_lines

WRAP = int(Qt.TextFlag.TextWordWrap)
MOST_TITLE_LINES = 3  # a title longer than this at the usual width may take a wider label, where allowed


class LabelPainter:
    """Measures and renders labels for one theme and language; `max_width` is the widest a label gets."""

    def __init__(self, theme: Theme, max_width: int, dpr: float):
        self._theme = theme
        self.max_width = max_width
        self.stretch_to = max_width  # the widest a label with a long title may get (no wider than max_width: none)
        self._dpr = dpr
        p = theme.px
        self.pad_x, self.pad_y, self.bar, self.line_gap = p(16), p(10), p(6), p(4)
        self.time_font: QFont = theme.font(t.CAPTION, bold=True)
        self.title_font: QFont = theme.font(t.BODY, bold=True)
        self.goal_font: QFont = theme.font(t.BODY, bold=True)

    def refresh_fonts(self, shrink: float = 1.0) -> None:
        """After a language switch the theme's family order changed: take the fonts anew, `shrink` times their
        size where the track is too short for its labels at full size."""
        self.time_font = self._theme.font(t.CAPTION * shrink, bold=True)
        self.title_font = self._theme.font(t.BODY * shrink, bold=True)
        self.goal_font = self._theme.font(t.BODY * shrink, bold=True)

    @staticmethod
    def time_text(event: TimelineEvent, lang: Lang) -> str:
        return event.when.label(lang) if event.when is not None else style.name(event.status, lang)

    def _text_size(self, font: QFont, text: str, width: int) -> QSize:
        return QFontMetrics(font).boundingRect(QRect(0, 0, width, 100_000), WRAP, text).size()

    def _inner(self, event: TimelineEvent, lang: Lang) -> int:
        """The width of the label's text: that of the widest label, or, where `stretch_to` allows and the title
        would take more than `MOST_TITLE_LINES` there, the least width up to `stretch_to` that keeps it to them,
        so one long title does not make its whole lane of the track tall."""
        inner = self.max_width - 2 * self.pad_x - self.bar
        widest = max(inner, self.stretch_to - 2 * self.pad_x - self.bar)
        step = self._theme.px(20)
        while inner < widest and len(self._wrapped(event, lang, inner)) > MOST_TITLE_LINES:
            inner = min(widest, inner + step)
        return inner

    def _wrapped(self, event: TimelineEvent, lang: Lang, inner: int) -> list[str]:
        measure = QFontMetricsF(self.title_font).horizontalAdvance
        lines = wrap_title(event.title.get(lang), inner - 1, measure).lines
        return qt_wrapped_lines("\n".join(lines), self.title_font, inner)

    def title_text(self, event: TimelineEvent, lang: Lang) -> str:
        """The event's title broken by the typography rules for its label (between phrases, balanced, never a
        lone character on its last line: "湘江东岸综合治理沿江 / 路" was Qt's own wrap)."""
        inner = self._inner(event, lang)
        measure = QFontMetricsF(self.title_font).horizontalAdvance
        return "\n".join(wrap_title(event.title.get(lang), inner - 1, measure).lines)

    def title_lines(self, event: TimelineEvent, lang: Lang) -> list[str]:
        """The title's lines as the label draws them (Qt wraps each of `title_text`'s lines to the label)."""
        return qt_wrapped_lines(self.title_text(event, lang), self.title_font, self._inner(event, lang))

    def event_size(self, event: TimelineEvent, lang: Lang) -> QSize:
        inner = self._inner(event, lang)
        time = self._text_size(self.time_font, self.time_text(event, lang), inner)
        title = self._text_size(self.title_font, self.title_text(event, lang), inner)
        width = max(time.width(), title.width()) + 2 * self.pad_x + self.bar
        height = time.height() + self.line_gap + title.height() + 2 * self.pad_y
        return QSize(width, height)

    def event_pixmap(self, event: TimelineEvent, lang: Lang, selected: bool, pressed: bool) -> QPixmap:
        size = self.event_size(event, lang)
        pixmap, painter = self._canvas(size)
        status_colour = style.COLOURS.get(event.status, t.TEXT_MUTED)
        rect = QRectF(0, 0, size.width(), size.height())
        radius = self._theme.px(12)
        base = mix(t.SURFACE_RAISED, status_colour, 0.28) if selected else t.SURFACE_RAISED
        if pressed:
            base = t.SURFACE_PRESSED
        path = QPainterPath()
        path.addRoundedRect(rect.adjusted(1, 1, -1, -1), radius, radius)
        painter.fillPath(path, QColor(base))
        painter.save()
        painter.setClipPath(path)
        painter.fillRect(QRectF(0, 0, self.bar, size.height()), QColor(status_colour))
        painter.restore()
        if selected:
            painter.setPen(QPen(QColor(t.TEXT), self._theme.px(3)))
            painter.drawPath(path)
        inner = size.width() - 2 * self.pad_x - self.bar
        x = self.bar + self.pad_x
        painter.setFont(self.time_font)
        painter.setPen(QColor(t.TEXT if selected else status_colour))
        time_text = self.time_text(event, lang)
        time_h = self._text_size(self.time_font, time_text, inner).height()
        painter.drawText(QRect(x, self.pad_y, inner, time_h), WRAP, time_text)
        painter.setFont(self.title_font)
        painter.setPen(QColor(t.TEXT))
        top = self.pad_y + time_h + self.line_gap
        painter.drawText(QRect(x, top, inner, size.height() - top), WRAP, self.title_text(event, lang))
        painter.end()
        return pixmap

    def goal_lines(self, goal: str) -> list[str]:
        """The goal's text broken by the typography rules for its box (Qt's own wrap split "南北畅 / 通")."""
        p = self._theme.px
        inner = self.max_width - 2 * self.pad_x - p(44) - p(14)
        return list(wrap_title(goal, inner - 1, QFontMetricsF(self.goal_font).horizontalAdvance).lines)

    def goal_pixmap(self, kicker: str, goal: str, icon: QIcon, accent: str) -> QPixmap:
        p = self._theme.px
        icon_size = p(44)
        inner = self.max_width - 2 * self.pad_x - icon_size - p(14)
        goal = "\n".join(self.goal_lines(goal))
        kicker_size = self._text_size(self.time_font, kicker, inner)
        goal_size = self._text_size(self.goal_font, goal, inner)
        text_h = kicker_size.height() + self.line_gap + goal_size.height()
        size = QSize(
            max(kicker_size.width(), goal_size.width()) + 2 * self.pad_x + icon_size + p(14),
            max(icon_size, text_h) + 2 * self.pad_y + p(6),
        )
        pixmap, painter = self._canvas(size)
        path = QPainterPath()
        path.addRoundedRect(QRectF(1, 1, size.width() - 2, size.height() - 2), p(16), p(16))
        painter.fillPath(path, QColor(t.SURFACE_RAISED))
        painter.setPen(QPen(QColor(accent), p(3)))
        painter.drawPath(path)
        icon.paint(painter, QRect(self.pad_x, (size.height() - icon_size) // 2, icon_size, icon_size))
        x = self.pad_x + icon_size + p(14)
        top = (size.height() - text_h) // 2
        painter.setFont(self.time_font)
        painter.setPen(QColor(accent))
        painter.drawText(QRect(x, top, inner, kicker_size.height()), WRAP, kicker)
        painter.setFont(self.goal_font)
        painter.setPen(QColor(t.TEXT))
        painter.drawText(QRect(x, top + kicker_size.height() + self.line_gap, inner, goal_size.height()), WRAP, goal)
        painter.end()
        return pixmap

    def _canvas(self, size: QSize) -> tuple[QPixmap, QPainter]:
        pixmap = QPixmap(round(size.width() * self._dpr), round(size.height() * self._dpr))
        pixmap.setDevicePixelRatio(self._dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        return pixmap, painter
