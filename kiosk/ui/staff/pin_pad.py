"""The on-screen numeric keypad for the staff PIN: large keys, the digits shown only as dots, a shake and a
message for a wrong PIN, and a countdown while entry is locked (seconds, then minutes for the longer
lockouts; it reads the gate's clock, so tests move time without waiting). While the PIN file is damaged the
keys stay off and the pad says how an installer reopens it. It only collects digits and emits them; the
`PinGate` decides, and the staff controller tells the pad what to show."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEasingCurve, Qt, QTimer, QVariantAnimation, Signal, Slot
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.content.schema import Lang
from kiosk.staff.pin import CLOSED, MAX_LENGTH
from kiosk.ui import theme as t
from kiosk.ui.staff.overlay import FullWindowOverlay
from kiosk.ui.staff.strings import sw
from kiosk.ui.theme import Theme

SHAKE_MS = 360


class PinPad(FullWindowOverlay):
    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, theme: Theme, window: QWidget):
        super().__init__(window)
        self._theme = theme
        self.lang: Lang = "zh"
        self._digits = ""
        self._locked_for: Callable[[], float] | None = None
        p = theme.px
        key_size = p(t.TOUCH_TARGET * 1.45)

        card = QWidget(self)
        card.setObjectName("PinCard")
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        column = QVBoxLayout(card)
        column.setContentsMargins(p(48), p(36), p(48), p(36))
        column.setSpacing(p(18))
        self.title = QLabel(card)
        self.title.setFont(theme.font(t.HEADING, bold=True))
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots = QLabel(card)
        self.dots.setFont(theme.font(t.TITLE, bold=True))
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots.setMinimumHeight(p(t.TITLE * 1.5))
        self.dots.setProperty("role", "accent")
        self.message = QLabel(card)
        self.message.setFont(theme.font(t.CAPTION + 2))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(p(t.CAPTION * 2.6))
        column.addWidget(self.title)
        column.addWidget(self.dots)
        column.addWidget(self.message)

        grid = QGridLayout()
        grid.setSpacing(p(16))
        self.keys: dict[str, QPushButton] = {}
        layout_keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "del", "0", "ok"]
        for index, name in enumerate(layout_keys):
            button = QPushButton("⌫" if name == "del" else ("✓" if name == "ok" else name), card)
            button.setFixedSize(key_size, key_size)
            button.setFont(theme.font(t.TITLE * 0.8, bold=True))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName({"del": "delete", "ok": "OK"}.get(name, name))
            if name == "ok":
                button.setObjectName("PinOk")
            button.clicked.connect(lambda _=False, n=name: self.press(n))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[name] = button
        column.addLayout(grid)
        self.cancel_button = QPushButton(card)
        self.cancel_button.setFont(theme.font(t.CAPTION + 4, bold=True))
        self.cancel_button.setMinimumHeight(p(t.TOUCH_TARGET))
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button.clicked.connect(self._cancel)
        column.addWidget(self.cancel_button)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)

        self._shake = QVariantAnimation(self)
        self._shake.setDuration(SHAKE_MS)
        self._shake.setStartValue(0.0)
        self._shake.setEndValue(1.0)
        self._shake.setEasingCurve(QEasingCurve.Type.Linear)
        self._shake.valueChanged.connect(self._shake_step)
        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._tick_lock)

    # what staff see ---------------------------------------------------------------------------------

    def start(self, title: str, lang: Lang, hint: str = "") -> None:
        """Open (or re-open) the pad empty, with a title and a hint line."""
        self.lang = lang
        self.title.setText(title)
        self.cancel_button.setText(sw("cancel", lang))
        self._digits = ""
        self._refresh()
        self.show_message(hint or sw("pin_hint", lang))
        self.open()

    def show_message(self, text: str, warning: bool = False) -> None:
        self.message.setText(text)
        t.set_role(self.message, "warning" if warning else "muted")

    def show_wrong(self, text: str) -> None:
        self._digits = ""
        self._refresh()
        self.show_message(text, warning=True)
        self._shake.stop()
        self._shake.start()

    def show_locked(self, locked_for: Callable[[], float]) -> None:
        """Keys off and a live countdown until `locked_for()` reaches 0."""
        self._locked_for = locked_for
        self._digits = ""
        self._shake.start()
        self._tick_lock()
        self._countdown.start()

    def locked(self) -> bool:
        return self._locked_for is not None

    def digits(self) -> str:
        return self._digits

    def close_pad(self) -> None:
        self._countdown.stop()
        self._locked_for = None
        self._digits = ""
        self.hide()

    # input ------------------------------------------------------------------------------------------

    @Slot(str)
    def press(self, key: str) -> None:
        if self._locked_for is not None:
            return
        if key == "del":
            self._digits = self._digits[:-1]
        elif key == "ok":
            if self._digits:
                pin, self._digits = self._digits, ""
                self._refresh()
                self.submitted.emit(pin)
                return
        elif key.isdigit() and len(self._digits) < MAX_LENGTH:
            self._digits += key
        self._refresh()

    def keyPressEvent(self, event) -> None:  # a USB keyboard works too
        text = event.text()
        if text.isdigit():
            self.press(text)
        elif event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.press("del")
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.press("ok")
        elif event.key() == Qt.Key.Key_Escape:
            self._cancel()

    @Slot()
    def _cancel(self) -> None:
        self.close_pad()
        self.cancelled.emit()

    # internals --------------------------------------------------------------------------------------

    def _refresh(self) -> None:
        filled = "●" * len(self._digits)
        self.dots.setText(" ".join(filled) if filled else "○ ○ ○ ○")
        enabled = self._locked_for is None
        for name, button in self.keys.items():
            button.setEnabled(enabled and (name != "ok" or bool(self._digits)))

    @Slot()
    def _tick_lock(self) -> None:
        if self._locked_for is None:
            self._countdown.stop()
            return
        remaining = self._locked_for()
        if remaining <= 0:
            self._locked_for = None
            self._countdown.stop()
            self._refresh()
            self.show_message(sw("pin_hint", self.lang))
            return
        self._refresh()
        if remaining >= CLOSED:  # no countdown ends this: an installer resets the PIN file
            self.show_message(sw("pin_closed", self.lang), warning=True)
            return
        self.show_message(sw("pin_locked", self.lang, t=countdown_text(remaining, self.lang)), warning=True)

    @Slot(object)
    def _shake_step(self, value: object) -> None:
        amplitude = self._theme.px(28) * (1 - float(value))  # type: ignore[arg-type]  # the animation's value is a float
        offset = round(amplitude * math.sin(float(value) * math.pi * 6))  # type: ignore[arg-type]  # the animation's value is a float
        self.dots.setContentsMargins(max(0, offset), 0, max(0, -offset), 0)


def countdown_text(seconds: float, lang: Lang) -> str:
    """`45 s` up to a minute, then `14 min 05 s` (in Chinese `45 秒`, `14 分 05 秒`), rounded up."""
    whole = math.ceil(seconds)
    if whole <= 60:
        return f"{whole} 秒" if lang == "zh" else f"{whole} s"
    minutes, rest = divmod(whole, 60)
    return f"{minutes} 分 {rest:02d} 秒" if lang == "zh" else f"{minutes} min {rest:02d} s"
