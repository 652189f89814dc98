"""A setting with named choices as a row of large chips: one choice (exclusive) or several (a list of ids,
e.g. which sections the slideshow shows)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QWidget

from kiosk.content.schema import Lang
from kiosk.ui import theme as t
from kiosk.ui.staff.strings import has, sw
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.chip_button import ChipButton
from kiosk.ui.widgets.flow_layout import FlowLayout


class ChoiceControl(QWidget):
    changed = Signal(object)

    def __init__(
        self,
        theme: Theme,
        choices: list[tuple[str, tuple[str, str] | None]],
        multiple: bool = False,
        parent: QWidget | None = None,
        setting: str = "",
    ):
        """`choices`: (value, (zh, en) label or None to use the staff words `choice_<setting>_<value>`, else
        `choice_<value>`: one value can need different words in two settings ("none" photos is 不播放, "none"
        transition is 直接切换)."""
        super().__init__(parent)
        self._setting = setting
        self.lang: Lang = "zh"
        self._multiple = multiple
        self._choices = choices
        layout = FlowLayout(self, spacing=theme.px(12))
        layout.setContentsMargins(0, 0, 0, 0)  # the chips start at the setting's words' left edge
        self.chips: dict[str, ChipButton] = {}
        for value, _label in choices:
            chip = ChipButton(theme, t.ACCENT_DEFAULT, self)
            chip.setCheckable(True)
            chip.clicked.connect(lambda _=False, v=value: self._chosen(v))
            layout.addWidget(chip)
            self.chips[value] = chip

    def set_value(self, value: object) -> None:
        chosen = set(value) if self._multiple else {value}
        for key, chip in self.chips.items():
            chip.setChecked(key in chosen)

    def value(self) -> object:
        picked = [key for key, chip in self.chips.items() if chip.isChecked()]
        return picked if self._multiple else (picked[0] if picked else None)

    def set_language(self, lang: Lang) -> None:
        self.lang = lang
        for value, label in self._choices:
            if label is not None:
                text = label[0] if lang == "zh" else label[1]
            elif has(f"choice_{self._setting}_{value}"):
                text = sw(f"choice_{self._setting}_{value}", lang)
            else:
                text = sw(f"choice_{value}", lang) if has(f"choice_{value}") else value
            self.chips[value].setText(text)

    @Slot()
    def _chosen(self, value: str) -> None:
        if not self._multiple:
            for key, chip in self.chips.items():
                chip.setChecked(key == value)
        self.changed.emit(self.value())
