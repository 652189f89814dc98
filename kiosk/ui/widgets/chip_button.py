"""A large rounded chip: a sub-topic or a choice. Shows its pressed and selected states at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from kiosk.ui import theme as t
from kiosk.ui.theme import Theme


class ChipButton(QPushButton):
    def __init__(self, theme: Theme, accent: str, parent: QWidget | None = None):
        super().__init__(parent)
        p = theme.px
        self.setCheckable(False)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # keyboard users tab to it; a tap leaves no focus ring
        height = p(t.TOUCH_TARGET * 0.82)
        self.setMinimumHeight(height)
        # Half the height, never more: Qt draws square corners for a radius above half the height (at 1366×768
        # a separately scaled 36 px came out 26 px on a 51 px chip).
        radius = height // 2
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setFont(theme.font(t.CAPTION + 2, bold=True))
        theme.apply(self, "chip", accent=accent, radius_px=radius)
