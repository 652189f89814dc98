"""Where to export to, chosen by touch: one large button per USB stick or mounted drive (and the home
folder), re-scanned each time it opens so a stick plugged in a moment ago is there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.content.schema import Lang
from kiosk.staff.drives import Place, export_places
from kiosk.ui import theme as t
from kiosk.ui.icons import icon
from kiosk.ui.staff.strings import sw
from kiosk.ui.theme import Theme


class FolderPicker(QWidget):
    chosen = Signal(object)  # Path
    cancelled = Signal()

    def __init__(self, theme: Theme, places: Callable[[], list[Place]] = export_places, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme = theme
        self._places = places
        self.lang: Lang = "zh"
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(theme.px(12))
        self.buttons: list[QPushButton] = []

    def scan(self, lang: Lang, heading: str = "export_choose", empty: str = "export_none") -> list[Place]:
        """List the places now; `heading` and `empty` are the staff strings said above them (or for none)."""
        self.lang = lang
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.buttons = []
        places = self._places()
        p = self._theme.px
        title = QLabel(sw(heading if places else empty, lang), self)
        title.setFont(self._theme.font(t.CAPTION + 2, bold=True))
        title.setWordWrap(True)
        self._layout.addWidget(title)
        for place in places:
            button = QPushButton(place.label, self)
            button.setFont(self._theme.font(t.CAPTION + 2))
            button.setMinimumHeight(p(t.TOUCH_TARGET))
            button.setIcon(icon("mdi6.usb-flash-drive" if place.removable else "mdi6.folder-home", t.TEXT))
            button.setIconSize(button.iconSize().scaled(p(40), p(40), Qt.AspectRatioMode.KeepAspectRatio))
            button.setProperty("role", "place")
            button.clicked.connect(lambda _=False, path=place.path: self.chosen.emit(Path(path)))
            self._layout.addWidget(button)
            self.buttons.append(button)
        cancel = QPushButton(sw("cancel", lang), self)
        cancel.setFont(self._theme.font(t.CAPTION + 2, bold=True))
        cancel.setMinimumHeight(p(t.TOUCH_TARGET))
        cancel.clicked.connect(self.cancelled)
        self._layout.addWidget(cancel, 0, Qt.AlignmentFlag.AlignLeft)
        return places
