"""The map's layer switches: transport, water, utilities, zones, towns — one large checkable chip each."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal, Slot
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from kiosk.content.schema import Lang
from kiosk.geo.features import Layer
from kiosk.ui import theme as t
from kiosk.ui.icons import icon
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import map_style as style
from kiosk.ui.widgets.chip_button import ChipButton
from kiosk.ui.widgets.flow_layout import FlowLayout


class MapLayerToggles(QWidget):
    changed = Signal(object)  # frozenset[Layer] now shown

    def __init__(self, theme: Theme, vertical: bool, parent: QWidget | None = None):
        super().__init__(parent)
        p = theme.px
        self.buttons: dict[Layer, ChipButton] = {}
        layout: QBoxLayout | FlowLayout
        if vertical:
            layout = QVBoxLayout(self)
            layout.setSpacing(p(10))
        else:
            layout = FlowLayout(self, spacing=p(12))
        layout.setContentsMargins(0, 0, 0, 0)
        for layer in style.LAYER_ORDER:
            button = ChipButton(theme, t.ACCENT_DEFAULT, self)
            button.setCheckable(True)
            button.setChecked(True)
            button.setMinimumHeight(p(t.TOUCH_TARGET * 0.72))  # five switches share a narrow column
            theme.apply(button, "chip", accent=t.ACCENT_DEFAULT, padding=(6, 20), radius=30)
            button.setIconSize(QSize(p(30), p(30)))
            button.toggled.connect(self._toggled)
            layout.addWidget(button)
            self.buttons[layer] = button

    def load_icons(self) -> None:
        for layer, button in self.buttons.items():
            # on: the dark of the words on the chip's fill (gold, or white in high contrast); off: the text colour
            button.setIcon(icon(style.LAYER_ICONS[layer], t.TEXT, on=t.BACKGROUND))

    def set_language(self, lang: Lang) -> None:
        for layer, button in self.buttons.items():
            button.setText(style.layer_name(layer, lang))

    def layers(self) -> frozenset[Layer]:
        return frozenset(layer for layer, button in self.buttons.items() if button.isChecked())

    def set_layers(self, layers: frozenset[Layer]) -> None:
        for layer, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(layer in layers)
            button.blockSignals(False)

    @Slot(bool)
    def _toggled(self, _on: bool) -> None:
        self.changed.emit(self.layers())
