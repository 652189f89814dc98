"""Outside opening hours: a dark screen, or a dim clock that moves to a new place every minute.

Black is the LCD's darkest and the least light in an empty hall. The clock is dim grey, repainted once a
minute (a single-shot timer aligned to the minute, nothing in between), and jumps to a fresh place each time
so it never burns in. A touch wakes the kiosk; the input watcher swallows that touch.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QRect, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.modes.motion import wander
from kiosk.modes.schedule import OpeningHours
from kiosk.ui import theme as t
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.cover_overlay import CoverOverlay
from kiosk.ui.widgets.large_text import draw_large_text

DARK = "dark"
CLOCK = "clock"
CLOCK_COLOUR = t.CLOSED_CLOCK  # dim on black: readable across a dark hall, a fraction of the panel's light
NOTE_COLOUR = t.CLOSED_NOTE
_WEEKDAYS_ZH = "一二三四五六日"
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # fixed: the machine's locale may be anything
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class ClosedOverlay(CoverOverlay):
    def __init__(self, theme: Theme, clock: Callable[[], datetime], parent: QWidget):
        super().__init__(parent)
        self._theme = theme
        self.clock = clock
        self.style = CLOCK
        self._hours: OpeningHours | None = None
        self._minute = QTimer(self)
        self._minute.setSingleShot(True)
        self._minute.setTimerType(Qt.TimerType.CoarseTimer)
        self._minute.timeout.connect(self._next_minute)
        self.hide()

    def sleep(self, style: str, hours: OpeningHours | None) -> None:
        self.style = style if style in (DARK, CLOCK) else CLOCK
        self._hours = hours
        self.cover()
        self._schedule()

    def wake(self) -> None:
        self._minute.stop()
        self.hide()

    def _schedule(self) -> None:
        if self.style != CLOCK or not self.isVisible():
            return
        now = self.clock()
        self._minute.start(max(200, round((60 - now.second - now.microsecond / 1e6) * 1000)))

    @Slot()
    def _next_minute(self) -> None:
        self.update()
        self._schedule()

    def clock_box(self, now: datetime | None = None) -> QRect:
        """Where the clock is drawn this minute."""
        now = now or self.clock()
        px = self._theme.px
        box = (min(self.width(), px(760)), min(self.height(), px(300)))
        margin = px(40)
        area = (self.width() - 2 * margin, self.height() - 2 * margin)
        step = int(now.timestamp() // 60)
        x, y = wander(step, area, box)
        return QRect(margin + x, margin + y, box[0], box[1])

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(t.CLOSED_GROUND))
        if self.style == CLOCK:
            self._paint_clock(p, self.clock())
        p.end()

    def _paint_clock(self, p: QPainter, now: datetime) -> None:
        th, px = self._theme, self._theme.px
        box = self.clock_box(now)
        centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        big = th.font(t.DISPLAY * 1.6)
        metrics = QFontMetrics(big)
        time_h = metrics.height()
        text = now.strftime("%H:%M")
        x = box.left() + (box.width() - metrics.horizontalAdvance(text)) / 2
        draw_large_text(p, big, CLOCK_COLOUR, x, box.top() + metrics.ascent(), text)
        p.setPen(QColor(CLOCK_COLOUR))
        p.setFont(th.font(t.CAPTION))
        line_h = p.fontMetrics().height()
        y = box.top() + time_h + px(4)
        date = (f"{now.year}年{now.month}月{now.day}日 星期{_WEEKDAYS_ZH[now.weekday()]}  ·  "
                f"{_WEEKDAYS_EN[now.weekday()]} {now.day} {_MONTHS_EN[now.month - 1]}")
        p.drawText(QRect(box.left(), y, box.width(), line_h), centre, date)
        note = self._opening_note(now)
        if note:
            p.setPen(QColor(NOTE_COLOUR))
            p.drawText(QRect(box.left(), y + line_h + px(8), box.width(), line_h * 2), centre, note)

    def _opening_note(self, now: datetime) -> str:
        if self._hours is None:
            return ""
        opens = self._hours.next_opening(now)
        if opens is None:
            return ""
        when = f"{opens:%H:%M}"
        if opens.date() != now.date():
            when = f"{opens.month}月{opens.day}日 {when}"
        when_en = f"{opens:%H:%M}"
        if opens.date() != now.date():
            when_en = f"{opens.day} {_MONTHS_EN[opens.month - 1]} {when_en}"
        return f"{tr('opens_at', 'zh', when=when)}  ·  {tr('opens_at', 'en', when=when_en)}"

    def hideEvent(self, event) -> None:
        self._minute.stop()
        super().hideEvent(event)
