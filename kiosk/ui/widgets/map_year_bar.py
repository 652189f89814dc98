"""The map's year control: the years of the timeline, then "today" and "planned"; one chip is chosen."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QVBoxLayout, QWidget

from kiosk.content.schema import Lang
from kiosk.geo.features import Era, When
from kiosk.ui import theme as t
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.chip_button import ChipButton
from kiosk.ui.widgets.flow_layout import FlowLayout

# A year choice: (value, zh label, en label)
Choice = tuple[When, str, str]


class MapYearBar(QWidget):
    chosen = Signal(object)  # When

    def __init__(self, theme: Theme, choices: list[Choice], parent: QWidget | None = None):
        super().__init__(parent)
        p = theme.px
        self._choices = choices
        self.note = QLabel(self)
        self.note.setFont(theme.font(t.CAPTION))
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        row = QWidget(self)
        flow = FlowLayout(row, spacing=p(8))
        flow.setContentsMargins(0, 0, 0, 0)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.chips: list[ChipButton] = []
        for index, (value, _zh, _en) in enumerate(choices):
            accent = t.TRANSPORT if isinstance(value, int) else t.ACCENT_DEFAULT
            chip = ChipButton(theme, accent, row)
            chip.setCheckable(True)
            chip.setMinimumWidth(p(t.TOUCH_TARGET * 0.9))
            # nine choices share one row, even on a portrait stand: tighter sides than a topic chip
            theme.apply(chip, "chip", accent=accent, padding=(10, 12), radius=28)
            chip.clicked.connect(lambda _=False, v=value: self.chosen.emit(v))
            self._group.addButton(chip, index)
            flow.addWidget(chip)
            self.chips.append(chip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(p(8))
        layout.addWidget(row)
        layout.addWidget(self.note)
        self._lang: Lang = "zh"
        self._value: When = Era.TODAY

    def set_language(self, lang: Lang) -> None:
        self._lang = lang
        for chip, (_value, zh, en) in zip(self.chips, self._choices, strict=True):
            chip.setText(zh if lang == "zh" else en)
        self._show_note()

    def set_value(self, value: When) -> None:
        self._value = value
        for chip, (choice, _zh, _en) in zip(self.chips, self._choices, strict=True):
            chip.setChecked(choice == value)
        self._show_note()

    def value(self) -> When:
        return self._value

    def chip_for(self, value: When) -> ChipButton:
        for chip, (choice, _zh, _en) in zip(self.chips, self._choices, strict=True):
            if choice == value:
                return chip
        raise KeyError(value)

    def _show_note(self) -> None:
        lang, value = self._lang, self._value
        if value is Era.TODAY:
            self.note.setText(tr("map_today_note", lang))
        elif value is Era.PLANNED:
            self.note.setText(tr("map_planned_note", lang))
        else:
            label = next((zh if lang == "zh" else en for v, zh, en in self._choices if v == value), str(value))
            if lang == "zh" and label.isdigit():
                label += "年"
            elif lang == "en" and not label.isdigit():
                label = "the " + label  # a decade: "dates to the 1990s or earlier"
            self.note.setText(tr("map_year_note", lang, year=label))
