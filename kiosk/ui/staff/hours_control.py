"""Opening hours per weekday, by touch: each day is open or closed, with its opening and closing time moved
in half-hour steps. A day written by hand with several ranges (09:00-12:00, 13:00-17:00) keeps them until
staff change that day here, which makes it one range."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from kiosk.content.schema import Lang
from kiosk.modes.schedule import WEEKDAYS, parse_day
from kiosk.ui import theme as t
from kiosk.ui.staff.strings import sw
from kiosk.ui.theme import Theme

STEP = 30  # minutes
DAY = 24 * 60


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class HoursControl(QWidget):
    changed = Signal(object)

    def __init__(self, theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang: Lang = "zh"
        self._text: dict[str, str] = {day: "closed" for day in WEEKDAYS}
        self._span: dict[str, tuple[int, int] | None] = {day: None for day in WEEKDAYS}
        p = theme.px
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(p(10))
        grid.setVerticalSpacing(p(10))
        font = theme.font(t.CAPTION + 2, bold=True)
        self.day_labels: dict[str, QLabel] = {}
        self.open_buttons: dict[str, QPushButton] = {}
        self.time_labels: dict[tuple[str, int], QLabel] = {}
        self.nudge_buttons: dict[tuple[str, int, int], QPushButton] = {}
        for row, day in enumerate(WEEKDAYS):
            label = QLabel(self)
            label.setFont(font)
            label.setMinimumWidth(p(90))
            grid.addWidget(label, row, 0)
            self.day_labels[day] = label
            toggle = QPushButton(self)
            toggle.setCheckable(True)
            toggle.setFont(font)
            toggle.setMinimumSize(p(t.TOUCH_TARGET * 1.5), p(t.TOUCH_TARGET * 0.75))
            toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            toggle.clicked.connect(lambda _=False, d=day: self._toggle(d))
            grid.addWidget(toggle, row, 1)
            self.open_buttons[day] = toggle
            for end in (0, 1):
                column = 2 + end * 4
                for offset, direction in ((0, -1), (2, +1)):
                    button = QPushButton("−" if direction < 0 else "+", self)
                    button.setFont(theme.font(t.HEADING * 0.8, bold=True))
                    button.setFixedSize(p(t.TOUCH_TARGET * 0.75), p(t.TOUCH_TARGET * 0.75))
                    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                    button.clicked.connect(lambda _=False, d=day, e=end, s=direction: self._nudge(d, e, s))
                    grid.addWidget(button, row, column + offset)
                    self.nudge_buttons[(day, end, direction)] = button
                time = QLabel(self)
                time.setFont(font)
                time.setAlignment(Qt.AlignmentFlag.AlignCenter)
                time.setMinimumWidth(p(90))
                grid.addWidget(time, row, column + 1)
                self.time_labels[(day, end)] = time
            dash = QLabel("–", self)
            dash.setFont(font)
            grid.addWidget(dash, row, 5)
        grid.setColumnStretch(10, 1)

    def set_value(self, value: object) -> None:
        week = dict(value)  # type: ignore[call-overload]  # the opening-hours setting is a mapping of days
        for day in WEEKDAYS:
            text = str(week.get(day, "closed"))
            self._text[day] = text
            try:
                ranges = parse_day(text)
            except ValueError:
                ranges = ()
            self._span[day] = (ranges[0].start, ranges[-1].end) if ranges else None
        self._show()

    def value(self) -> dict[str, str]:
        return dict(self._text)

    def set_language(self, lang: Lang) -> None:
        self.lang = lang
        self._show()

    @Slot()
    def _toggle(self, day: str) -> None:
        if self._span[day] is None:
            self._span[day] = (9 * 60, 17 * 60)
        else:
            self._span[day] = None
        self._commit(day)

    @Slot()
    def _nudge(self, day: str, end: int, direction: int) -> None:
        span = self._span[day]
        if span is None:
            return
        start, stop = span
        if end == 0:
            start = max(0, min(DAY - STEP, start + direction * STEP))
            if start >= stop:  # never past the closing time
                start = stop - STEP
        else:
            stop = max(STEP, min(DAY, stop + direction * STEP))
            if stop <= start:
                stop = start + STEP
        self._span[day] = (start, stop)
        self._commit(day)

    def _commit(self, day: str) -> None:
        span = self._span[day]
        self._text[day] = "closed" if span is None else f"{clock(span[0])}-{clock(span[1])}"
        self._show()
        self.changed.emit(self.value())

    def _show(self) -> None:
        for day in WEEKDAYS:
            span = self._span[day]
            self.day_labels[day].setText(sw(f"day_{day}", self.lang))
            toggle = self.open_buttons[day]
            toggle.setChecked(span is not None)
            toggle.setText(sw("open" if span is not None else "closed", self.lang))
            several = "," in self._text[day]
            for end in (0, 1):
                label = self.time_labels[(day, end)]
                label.setText("" if span is None else clock(span[end]) + ("*" if several and end else ""))
                for direction in (-1, 1):
                    self.nudge_buttons[(day, end, direction)].setEnabled(span is not None)
