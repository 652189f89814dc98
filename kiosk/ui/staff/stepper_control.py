"""A number setting as [−] value [+] with large keys: no keyboard needed. The step grows with the range, so
an idle timeout of 15…3600 s is reachable in a few taps."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.content.schema import Lang
from kiosk.ui import theme as t
from kiosk.ui.staff.strings import has, sw
from kiosk.ui.theme import Theme


def step_for(minimum: int, maximum: int) -> int:
    span = maximum - minimum
    return 1 if span <= 60 else 5 if span <= 300 else 15


class StepperControl(QWidget):
    changed = Signal(object)

    def __init__(self, theme: Theme, minimum: int, maximum: int, unit: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.lang: Lang = "zh"
        self._min, self._max, self._unit = minimum, maximum, unit
        self._step = step_for(minimum, maximum)
        self._value = minimum
        p = theme.px
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(p(12))
        self.minus = QPushButton("−", self)
        self.plus = QPushButton("+", self)
        for button in (self.minus, self.plus):
            button.setFont(theme.font(t.HEADING, bold=True))
            button.setFixedSize(p(t.TOUCH_TARGET), p(t.TOUCH_TARGET * 0.8))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoRepeat(True)  # hold to run (mouse); each tap is one step
        self.label = QLabel(self)
        self.label.setFont(theme.font(t.CAPTION + 4, bold=True))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setMinimumWidth(p(150))
        row.addWidget(self.minus)
        row.addWidget(self.label)
        row.addWidget(self.plus)
        self.minus.clicked.connect(lambda: self._nudge(-1))
        self.plus.clicked.connect(lambda: self._nudge(+1))

    def set_value(self, value: object) -> None:
        self._value = int(value)
        self._show()

    def value(self) -> int:
        return self._value

    def set_language(self, lang: Lang) -> None:
        self.lang = lang
        self._show()

    @Slot()
    def _nudge(self, direction: int) -> None:
        value = self._value + direction * self._step
        if direction > 0 and self._value % self._step:
            value = self._value + (self._step - self._value % self._step)
        elif direction < 0 and self._value % self._step:
            value = self._value - self._value % self._step
        value = max(self._min, min(self._max, value))
        if value != self._value:
            self._value = value
            self._show()
            self.changed.emit(value)

    def _show(self) -> None:
        unit = sw(f"unit_{self._unit}", self.lang) if self._unit and has(f"unit_{self._unit}") else self._unit
        self.label.setText(f"{self._value} {unit}".strip())
        self.minus.setEnabled(self._value > self._min)
        self.plus.setEnabled(self._value < self._max)
