"""Settings, rendered from the settings registry (`kiosk.staff.settings.OPTIONS`): one row per declared setting
with a large touch control chosen by its type, applied and saved the moment it changes (or, when the disk
refuses the save, neither: the row says so and the control shows the value still in force). A new setting
declared in the registry appears here without touching this page."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.content.schema import Lang, Text
from kiosk.layout.reach import ReachBand, diagonal_in, glass_size_mm, reach_band
from kiosk.staff.settings import (
    ACCESSIBILITY_OPTIONS,
    OPTIONS,
    BoolOption,
    ChoiceOption,
    HoursOption,
    IdListOption,
    IntOption,
    NotSaved,
    Option,
    ScreenOption,
    Settings,
)
from kiosk.ui import theme as t
from kiosk.ui.staff.choice_control import ChoiceControl
from kiosk.ui.staff.hours_control import HoursControl
from kiosk.ui.staff.stepper_control import StepperControl
from kiosk.ui.staff.strings import sw
from kiosk.ui.staff.toggle_control import ToggleControl
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.touch_scroll import TouchScrollArea
from kiosk.ui.widgets.typeset_label import TypesetLabel

log = logging.getLogger(__name__)

class SettingsPage(QWidget):
    change_pin_requested = Signal()

    def __init__(
        self, theme: Theme, settings: Settings, sections: list[tuple[str, Text]], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._theme = theme
        self._settings = settings
        self.lang: Lang = "zh"
        p = theme.px
        self.scroll = TouchScrollArea(self)
        body = QWidget()
        self._rows = QVBoxLayout(body)
        self._rows.setContentsMargins(0, 0, p(24), p(24))
        self._rows.setSpacing(p(14))
        self.scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

        self.problems = TypesetLabel(body)
        self.problems.setFont(theme.font(t.CAPTION))
        self.problems.setProperty("role", "warning")
        self._rows.addWidget(self.problems)

        self.controls: dict[str, QWidget] = {}
        self._labels: dict[str, TypesetLabel] = {}
        self._status: dict[str, QLabel] = {}
        self._options: dict[str, Option] = {}
        self._accessibility: QLabel | None = None
        self._reach_note: TypesetLabel | None = None
        for option in OPTIONS:  # (the PIN is not a setting: it is changed through the keypad)
            control = self._control_for(option, sections)
            if control is None:
                continue
            if option.name == ACCESSIBILITY_OPTIONS[0]:
                self._add_accessibility_heading()
            self._add_row(option, control)
            if option.name == ACCESSIBILITY_OPTIONS[-1]:
                self._add_reach_note()
        self.change_pin = QPushButton(body)
        self.change_pin.setFont(theme.font(t.CAPTION + 4, bold=True))
        self.change_pin.setProperty("role", "primary")
        self.change_pin.setMinimumHeight(p(t.TOUCH_TARGET))
        self.change_pin.clicked.connect(self.change_pin_requested)
        self._rows.addWidget(self.change_pin, 0, Qt.AlignmentFlag.AlignLeft)
        self._rows.addStretch(1)
        settings.subscribe(self._changed_elsewhere)
        self.refresh()

    # building ---------------------------------------------------------------------------------------

    def _control_for(self, option: Option, sections: list[tuple[str, Text]]) -> QWidget | None:
        theme = self._theme
        if isinstance(option, BoolOption):
            return ToggleControl(theme)
        if isinstance(option, IntOption):
            return StepperControl(theme, option.minimum, option.maximum, option.unit)
        if isinstance(option, ChoiceOption):
            return ChoiceControl(theme, [(c, None) for c in option.choices], setting=option.name)
        if isinstance(option, IdListOption):
            return ChoiceControl(theme, [(sid, (title.zh, title.en)) for sid, title in sections], multiple=True)
        if isinstance(option, HoursOption):
            return HoursControl(theme)
        if isinstance(option, ScreenOption):  # the screens connected when the panel was built
            return ChoiceControl(theme, _screen_choices())
        log.info("setting %s has no touch control; edit it in the settings file", option.name)
        return None

    def _add_row(self, option: Option, control: QWidget) -> None:
        p = self._theme.px
        row = QWidget()
        row.setObjectName("SettingRow")
        row.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(row)
        layout.setContentsMargins(p(24), p(16), p(24), p(16))
        layout.setSpacing(p(10))
        top = QHBoxLayout()
        label = TypesetLabel(row)  # broken between phrases, never a lone character on its last line
        label.setFont(self._theme.font(t.CAPTION + 2, bold=True))
        # The outcome goes on a line of its own under the setting, wrapped: beside the control, a long "Not saved:
        # the disk refused (…)" squeezed the description to a word a line and pushed the control off a portrait
        # screen.
        status = QLabel(row)
        status.setFont(self._theme.font(t.CAPTION - 2))
        status.setWordWrap(True)
        status.setProperty("role", "good")
        status.hide()
        top.addWidget(label, 1)
        layout.addLayout(top)
        wide = isinstance(control, (HoursControl, ChoiceControl))
        if wide:
            layout.addWidget(control)
        else:
            top.addWidget(control)
        layout.addWidget(status)
        control.setParent(row)
        control.changed.connect(lambda value, name=option.name: self._apply(name, value))  # type: ignore[attr-defined]  # every setting control has a `changed` signal
        self._rows.addWidget(row)
        self.controls[option.name] = control
        self._labels[option.name] = label
        self._status[option.name] = status
        self._options[option.name] = option

    # the accessibility group: mounting, high contrast, and the reach band they give --------------------

    def _add_accessibility_heading(self) -> None:
        self._accessibility = QLabel()
        self._accessibility.setFont(self._theme.font(t.CAPTION + 6, bold=True))
        self._accessibility.setProperty("role", "accent")
        self._accessibility.setContentsMargins(0, self._theme.px(20), 0, 0)
        self._rows.addWidget(self._accessibility)

    def _add_reach_note(self) -> None:
        self._reach_note = TypesetLabel()
        self._reach_note.setFont(self._theme.font(t.CAPTION))
        self._reach_note.setProperty("role", "muted")
        self._rows.addWidget(self._reach_note)

    def _glass(self) -> tuple[tuple[int, int], tuple[float, float]]:
        """The window's size in pixels and on the glass (the staff's diagonal, else what the screen reports)."""
        window, screen = self.window(), self.screen()
        size = (max(1, window.width()), max(1, window.height()))
        mm = screen.physicalSize() if screen is not None else None
        px = screen.size() if screen is not None else None
        return size, glass_size_mm(size, (px.width(), px.height()) if px is not None else (0, 0),
                                   (mm.width(), mm.height()) if mm is not None else (0.0, 0.0),
                                   self._settings.screen_diagonal_in)

    def reach_band(self) -> ReachBand:
        """The band accessible mode uses with the settings in force, on the screen this page is shown on."""
        size, glass = self._glass()
        return reach_band(size, glass, self._settings.screen_bottom_cm * 10)

    def _show_reach_band(self) -> None:
        if self._reach_note is None:
            return
        band = self.reach_band()
        values = {"low": f"{band.low_mm / 1000:.2f}", "high": f"{band.high_mm / 1000:.2f}", "rows": band.height,
                  "diagonal": round(diagonal_in(*self._glass()[1]))}
        self._reach_note.set_source(sw("reach_whole" if band.whole else "reach_band_now", self.lang, **values))

    # behaviour --------------------------------------------------------------------------------------

    def set_language(self, lang: Lang) -> None:
        self.lang = lang
        for name, control in self.controls.items():
            option = self._options[name]
            self._labels[name].set_source(option.zh if lang == "zh" else option.description)
            control.set_language(lang)  # type: ignore[attr-defined]  # every setting control has set_language
        self.change_pin.setText(sw("change_pin", lang))
        if self._accessibility is not None:
            self._accessibility.setText(sw("accessibility", lang))
        self._show_reach_band()
        problems = "; ".join(self._settings.problems)
        self.problems.set_source(sw("settings_problems", lang, what=problems) if problems else "")
        self.problems.setVisible(bool(problems))

    def refresh(self) -> None:
        for name, control in self.controls.items():
            control.set_value(self._settings.get(name))  # type: ignore[attr-defined]  # every setting control has set_value

    def reset_view(self) -> None:
        for status in self._status.values():
            status.clear()
            status.hide()
        self.scroll.reset()
        self.refresh()

    @Slot()
    def _apply(self, name: str, value: object) -> None:
        status = self._status[name]
        try:
            self._settings.set(name, value)
        except ValueError as exc:
            status.setProperty("role", "warning")
            status.setText(sw("not_saved", self.lang, why=str(exc)))
            log.warning("staff setting %s refused: %s", name, exc)
        except NotSaved as exc:  # the disk refused: the control goes back to the value still in force
            status.setProperty("role", "warning")
            status.setText(sw("not_saved_disk", self.lang, why=str(exc)))
        else:
            status.setProperty("role", "good")
            status.setText(sw("saved", self.lang))
            log.info("staff set %s = %r", name, value)
        status.setVisible(bool(status.text()))
        status.style().unpolish(status)
        status.style().polish(status)
        self.controls[name].set_value(self._settings.get(name))  # type: ignore[attr-defined]  # every setting control has set_value

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._show_reach_band()

    def _changed_elsewhere(self, names: frozenset[str]) -> None:
        if names & set(ACCESSIBILITY_OPTIONS):
            self._show_reach_band()
        for name in names:
            control = self.controls.get(name)
            if control is not None:
                control.set_value(self._settings.get(name))  # type: ignore[attr-defined]  # every setting control has set_value


def _screen_choices() -> list[tuple[str, tuple[str, str] | None]]:
    choices: list[tuple[str, tuple[str, str] | None]] = [("", (sw("screen_primary", "zh"), sw("screen_primary", "en")))]
    for number, screen in enumerate(QGuiApplication.screens(), 1):
        size = screen.geometry().size()
        label = f"{number} · {screen.name()} {size.width()}×{size.height()}"
        choices.append((screen.name() or str(number), (label, label)))  # a screen without a name: its number
    return choices
