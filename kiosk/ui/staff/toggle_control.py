"""An on/off setting as one large button that shows its state in words and colour."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.content.schema import Lang
from kiosk.ui import theme as t
from kiosk.ui.staff.strings import sw
from kiosk.ui.theme import Theme


class ToggleControl(QPushButton):
    changed = Signal(object)

    def __init__(self, theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang: Lang = "zh"
        self.setCheckable(True)
        self.setFont(theme.font(t.CAPTION + 2, bold=True))
        self.setMinimumSize(theme.px(t.TOUCH_TARGET * 1.8), theme.px(t.TOUCH_TARGET * 0.8))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clicked.connect(self._clicked)

    def set_value(self, value: object) -> None:
        self.setChecked(bool(value))
        self._label()

    def value(self) -> bool:
        return self.isChecked()

    def set_language(self, lang: Lang) -> None:
        self.lang = lang
        self._label()

    def _label(self) -> None:
        self.setText(sw("on" if self.isChecked() else "off", self.lang))

    @Slot()
    def _clicked(self) -> None:
        self._label()
        self.changed.emit(self.isChecked())
