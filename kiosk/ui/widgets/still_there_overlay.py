""""还在参观吗？ / Still there?": the question after the idle timeout, with a ring that runs down to the reset.

Drawn over a dimmed snapshot of the screen the visitor left, so the question is clearly about *their* visit.
Any touch cancels it (the input watcher swallows that touch, so it presses nothing beneath). A touch that
reaches the overlay itself (the watcher let it through) is reported by `touched`, so it cancels too: the
question can never hold the screen against a touch. The ring is repainted a few times a second in its own
small rectangle only.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QEvent, QRect, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
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
        self._total = 10.0
        self._deadline = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(RING_FRAME_MS)
        self._timer.timeout.connect(self._frame)
        self.hide()

    def ask(self, backdrop: QPixmap, seconds: float, lang: Lang) -> None:
        """Show the question over `backdrop` (a snapshot of the window), counting down `seconds`."""
        self._lang = lang
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
        if not snapshot.isNull():
            p.drawPixmap(0, 0, snapshot)
        p.fillRect(out.rect(), t.translucent(t.VEIL, 200))
        p.end()
        return out

    def card_rect(self) -> QRect:
        px = self._theme.px
        w, h = min(self.width() - px(80), px(980)), px(560)
        return QRect((self.width() - w) // 2, (self.height() - h) // 2, w, h)

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
        d = px(170)
        ring = QRectF(card.center().x() - d / 2, card.top() + px(56), d, d)
        p.setPen(QPen(QColor(t.LINE), px(12)))
        p.drawEllipse(ring)
        pen = QPen(QColor(t.ACCENT_DEFAULT), px(12))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawArc(ring, 90 * 16, round(360 * 16 * left / self._total))
        p.setPen(QColor(t.TEXT))
        p.setFont(th.font(t.TITLE, bold=True))
        p.drawText(ring, Qt.AlignmentFlag.AlignCenter, str(max(0, math.ceil(left))))

        other: Lang = "en" if self._lang == "zh" else "zh"
        y = round(ring.bottom()) + px(36)
        y = self._line(p, card, y, tr("still_there", self._lang), th.font(t.TITLE * 0.9, bold=True), t.TEXT)
        y = self._line(p, card, y + px(4), tr("still_there", other), th.font(t.LEAD), t.TEXT_MUTED)
        self._line(p, card, y + px(20), tr("still_there_hint", self._lang), th.font(t.BODY), t.ACCENT_DEFAULT)
        p.end()

    def _line(self, p: QPainter, card: QRect, y: int, text: str, font, colour: str) -> int:
        p.setFont(font)
        p.setPen(QColor(colour))
        h = p.fontMetrics().height()
        p.drawText(QRect(card.left() + self._theme.px(32), y, card.width() - self._theme.px(64), h),
                   Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, text)
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
