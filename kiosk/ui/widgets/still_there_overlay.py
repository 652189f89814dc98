""""还在参观吗？ / Still there?": the question after the idle timeout, with a ring that runs down to the reset, in
both languages, and a large "继续 · Continue" target (in accessible mode all of it inside the reach band).

Drawn over a dimmed snapshot of the screen the visitor left, so the question is clearly about *their* visit.
Any touch cancels it (the input watcher swallows that touch, so it presses nothing beneath). A touch that
reaches the overlay itself (the watcher let it through) is reported by `touched`, so it cancels too: the
question can never hold the screen against a touch. The ring is repainted a few times a second in its own
small rectangle only.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from kiosk.content.schema import Lang
from kiosk.ui import theme as t
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.cover_overlay import CoverOverlay

RING_FRAME_MS = 100


class StillThereOverlay(CoverOverlay):
    touched = Signal()  # a press reached the overlay itself

    def __init__(self, theme: Theme, parent: QWidget):
        super().__init__(parent)
        self._theme = theme
        self._backdrop = QPixmap()
        self._lang: Lang = "zh"
        self._band: QRect | None = None
        self._total = 20.0
        self._deadline = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(RING_FRAME_MS)
        self._timer.timeout.connect(self._frame)
        self.hide()

    def ask(self, backdrop: QPixmap, seconds: float, lang: Lang, band: QRect | None = None) -> None:
        """Show the question over `backdrop` (a snapshot of the window), counting down `seconds`; in accessible
        mode `band` (window coordinates) is the reach band, where the card and its Continue button go."""
        self._lang = lang
        self._band = QRect(band) if band is not None else None
        self._total = max(1.0, seconds)
        self._deadline = time.monotonic() + seconds
        self._backdrop = self._dimmed(backdrop)
        self.cover()
        self._timer.start()

    def set_remaining(self, seconds: float) -> None:
        """Keep the ring in step with the state machine's countdown (the authority on when the reset comes)."""
        self._deadline = time.monotonic() + max(0.0, seconds)
        self.update(self.card_rect())

    def dismiss(self) -> None:
        self._timer.stop()
        self._backdrop = QPixmap()
        self.hide()

    def remaining(self) -> int:
        return max(0, math.ceil(self._deadline - time.monotonic()))

    def _dimmed(self, snapshot: QPixmap) -> QPixmap:
        out = QPixmap(self.parentWidget().size())
        out.fill(QColor(t.BACKGROUND))
        p = QPainter(out)
        if not snapshot.isNull():  # taken at up to 1920×1080 (`MainWindow.picture`): scaled to the window, once
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            p.drawPixmap(out.rect(), snapshot)
        p.fillRect(out.rect(), t.translucent(t.VEIL, 200))
        p.end()
        return out

    def card_rect(self) -> QRect:
        """The question's card: centred on the window, or in accessible mode centred in the reach band (laid out
        side by side when the band is too low for the upright card)."""
        px = self._theme.px
        area = self._area()
        text_h = self._text_height()
        if self._side_by_side():
            h = min(area.height() - px(24), px(48) * 2 + max(px(150), text_h))
            w = min(area.width() - px(48), px(1500))
        else:
            h = min(area.height() - px(24), px(48) * 2 + px(170) + px(36) + text_h)
            w = min(area.width() - px(80), px(1000))
        return QRect(area.x() + (area.width() - w) // 2, area.y() + (area.height() - h) // 2, w, h)

    def continue_rect(self) -> QRect:
        """The large "继续 / Continue" target (any touch answers the question; this is where a finger goes)."""
        px = self._theme.px
        card = self.card_rect()
        w = min(card.width() - px(64), px(460))
        h = px(t.TOUCH_TARGET * 1.25)
        if self._side_by_side():
            left = card.left() + px(48) + self._ring_size() + px(48)
            return QRect(left, card.bottom() - px(40) - h, w, h)
        return QRect(card.center().x() - w // 2, card.bottom() - px(44) - h, w, h)

    def _area(self) -> QRect:
        return QRect(self._band) if self._band is not None and not self._band.isEmpty() else self.rect()

    def _side_by_side(self) -> bool:
        px = self._theme.px
        return self._area().height() < px(48) * 2 + px(170) + px(36) + self._text_height() + px(24)

    def _ring_size(self) -> int:
        px = self._theme.px
        if not self._side_by_side():
            return px(170)
        return max(px(100), min(px(170), self.card_rect().height() - px(96)))

    def _fonts(self) -> tuple[QFont, QFont, QFont, QFont]:
        th = self._theme
        return (th.font(t.TITLE * 0.9, bold=True), th.font(t.LEAD), th.font(t.BODY), th.font(t.HEADING, bold=True))

    def _text_height(self) -> int:
        """Question, the other language's question, the hint and the Continue button, with their gaps."""
        px = self._theme.px
        title, other, hint, _ = self._fonts()
        lines = QFontMetrics(title).height() + QFontMetrics(other).height()
        lines += QFontMetrics(hint).height() * len(self._hint_lines())
        return lines + px(4) + px(20) + px(32) + px(t.TOUCH_TARGET * 1.25)

    def _text_width(self) -> int:
        px, area = self._theme.px, self._area()
        side = area.height() < px(48) * 2 + px(170) + px(36) + px(420)  # about the upright card's text block
        if side:
            return min(area.width() - px(48), px(1500)) - px(48 + 170 + 48 + 40)
        return min(area.width() - px(80), px(1000)) - px(64)

    def _hint_lines(self) -> list[str]:
        """The hint in both languages: one line when it fits, else one line per language."""
        other: Lang = "en" if self._lang == "zh" else "zh"
        mine, theirs = tr("still_there_hint", self._lang), tr("still_there_hint", other)
        both = f"{mine} · {theirs}"
        if QFontMetrics(self._fonts()[2]).horizontalAdvance(both) <= self._text_width():
            return [both]
        return [mine, theirs]

    @Slot()
    def _frame(self) -> None:
        self.update(self.card_rect())

    def paintEvent(self, event: QPaintEvent) -> None:
        px, th = self._theme.px, self._theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.drawPixmap(event.rect(), self._backdrop, event.rect())
        card = self.card_rect()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(t.SURFACE))
        p.drawRoundedRect(QRectF(card), px(t.RADIUS * 1.5), px(t.RADIUS * 1.5))

        # the ring: a full circle that empties as the seconds run out
        left = max(0.0, self._deadline - time.monotonic())
        d = self._ring_size()
        if self._side_by_side():
            ring = QRectF(card.left() + px(48), card.center().y() - d / 2, d, d)
            text = QRect(round(ring.right()) + px(48), card.top() + px(40), 0, 0)
            text.setRight(card.right() - px(40))
        else:
            ring = QRectF(card.center().x() - d / 2, card.top() + px(48), d, d)
            text = QRect(card.left() + px(32), round(ring.bottom()) + px(36), card.width() - px(64), 0)
        p.setPen(QPen(QColor(t.LINE), px(12)))
        p.drawEllipse(ring)
        pen = QPen(QColor(t.ACCENT_DEFAULT), px(12))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawArc(ring, 90 * 16, round(360 * 16 * left / self._total))
        p.setPen(QColor(t.TEXT))
        p.setFont(th.font(t.TITLE if d >= px(150) else t.HEADING, bold=True))
        p.drawText(ring, Qt.AlignmentFlag.AlignCenter, str(max(0, math.ceil(left))))

        other: Lang = "en" if self._lang == "zh" else "zh"
        title, second, hint, button = self._fonts()
        align = Qt.AlignmentFlag.AlignLeft if self._side_by_side() else Qt.AlignmentFlag.AlignHCenter
        y = text.top()
        y = self._line(p, text, y, tr("still_there", self._lang), title, t.TEXT, align)
        y = self._line(p, text, y + px(4), tr("still_there", other), th.in_language(second, other), t.TEXT_MUTED,
                       align)
        y += px(20)
        hints = self._hint_lines()
        for index, line in enumerate(hints):  # one line in both languages, or the other language's line second
            font = th.in_language(hint, other) if index == 1 else hint
            y = self._line(p, text, y, line, font, t.ACCENT_DEFAULT, align)

        target = self.continue_rect()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(t.ACCENT_DEFAULT))
        p.drawRoundedRect(QRectF(target), target.height() / 2, target.height() / 2)
        p.setPen(QColor(t.BACKGROUND))
        p.setFont(button)
        p.drawText(target, Qt.AlignmentFlag.AlignCenter, f"{tr('continue', self._lang)} · {tr('continue', other)}")
        p.end()

    def _line(self, p: QPainter, box: QRect, y: int, text: str, font: QFont, colour: str,
              align: Qt.AlignmentFlag) -> int:
        p.setFont(font)
        p.setPen(QColor(colour))
        metrics = QFontMetricsF(font)
        h = p.fontMetrics().height()
        if align & Qt.AlignmentFlag.AlignHCenter:
            # Centred on its ink, not its advance: a full-width "？" ends in half an em of air, which pushed
            # "还在参观吗？" visibly left of the ring and the button
            ink = metrics.tightBoundingRect(text)
            x = box.left() + box.width() / 2 - (ink.left() + ink.right()) / 2
            baseline = y + (h - metrics.height()) / 2 + metrics.ascent()
            p.drawText(QPointF(x, baseline), text)
        else:
            p.drawText(QRect(box.left(), y, box.width(), h), align | Qt.AlignmentFlag.AlignVCenter, text)
        return y + h

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.TouchBegin and self.isVisible():
            self.touched.emit()
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.touched.emit()

    def hideEvent(self, event) -> None:
        self._timer.stop()
        super().hideEvent(event)
