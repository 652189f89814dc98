"""The staff panel: a full-window layer with a header (title, the default-PIN warning, back to the exhibition)
and one large tab per page (settings, content, statistics, diagnostics). It only arranges the pages; the
staff controller opens and closes it and wires each page to the services."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.schema import Lang
from kiosk.staff.pin import DEFAULT_PIN
from kiosk.ui import theme as t
from kiosk.ui.staff.overlay import FullWindowOverlay
from kiosk.ui.staff.strings import sw
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.typeset_label import TypesetLabel

TABS = ("settings", "content", "stats", "diagnostics")


class StaffPanel(FullWindowOverlay):
    close_requested = Signal()
    change_pin_requested = Signal()
    page_shown = Signal(str)

    def __init__(self, theme: Theme, window: QWidget, pages: dict[str, QWidget]):
        super().__init__(window)
        self._theme = theme
        self.lang: Lang = "zh"
        p = theme.px

        self.title = QLabel(self)
        self.title.setFont(theme.font(t.HEADING, bold=True))
        self.nag = TypesetLabel(self)  # set like the visitors' text: no word alone on a last line
        self.nag.setFont(theme.font(t.CAPTION + 2, bold=True))
        self.nag.setProperty("role", "nag")
        self.nag_button = QPushButton(self)
        self.nag_button.setProperty("role", "primary")
        self.close_button = QPushButton(self)
        for button in (self.nag_button, self.close_button):
            button.setFont(theme.font(t.CAPTION + 4, bold=True))
            button.setMinimumHeight(p(t.TOUCH_TARGET))
        self.nag_button.clicked.connect(self.change_pin_requested)
        self.close_button.clicked.connect(self.close_requested)
        header = QHBoxLayout()
        header.setSpacing(p(16))
        header.addWidget(self.title)
        nag_row = QHBoxLayout() if theme.portrait else header  # portrait: the warning gets a row of its own
        nag_row.setSpacing(p(16))
        nag_row.addWidget(self.nag, 1)
        nag_row.addWidget(self.nag_button)
        if theme.portrait:
            header.addStretch(1)
        header.addWidget(self.close_button)

        self.stack = QStackedWidget(self)
        self.pages = dict(pages)
        self.tabs: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        direction = QBoxLayout.Direction.LeftToRight if theme.portrait else QBoxLayout.Direction.TopToBottom
        tab_column = QBoxLayout(direction)
        tab_column.setSpacing(p(12))
        for key in TABS:
            if key not in pages:
                continue
            button = QPushButton(self)
            button.setCheckable(True)
            button.setFont(theme.font(t.CAPTION + 6, bold=True))
            button.setMinimumSize(p(220), p(t.TOUCH_TARGET * 1.1))
            button.clicked.connect(lambda _=False, k=key: self.show_page(k))
            group.addButton(button)
            tab_column.addWidget(button)
            self.tabs[key] = button
            self.stack.addWidget(pages[key])
        tab_column.addStretch(1)

        body = QBoxLayout(QBoxLayout.Direction.TopToBottom if theme.portrait else QBoxLayout.Direction.LeftToRight)
        body.setSpacing(p(32))
        body.addLayout(tab_column)
        body.addWidget(self.stack, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(p(t.MARGIN * 0.6), p(t.GAP * 1.2), p(t.MARGIN * 0.6), p(t.GAP * 1.2))
        outer.setSpacing(p(t.GAP))
        outer.addLayout(header)
        if nag_row is not header:
            outer.addLayout(nag_row)
        outer.addLayout(body, 1)

    def set_language(self, lang: Lang) -> None:
        self.lang = lang
        self.title.setText(sw("panel_title", lang))
        self.nag.set_source(sw("nag_default_pin", lang, pin=DEFAULT_PIN))
        self.nag_button.setText(sw("change_pin", lang))
        self.close_button.setText(sw("close_panel", lang))
        for key, button in self.tabs.items():
            button.setText(sw(f"tab_{key}", lang))
        for page in self.pages.values():
            page.set_language(lang)  # type: ignore[attr-defined]  # every staff page has set_language

    def set_default_pin_warning(self, shown: bool) -> None:
        self.nag.setVisible(shown)
        self.nag_button.setVisible(shown)

    @Slot(str)
    def show_page(self, key: str) -> None:
        self.tabs[key].setChecked(True)
        self.stack.setCurrentWidget(self.pages[key])
        self.page_shown.emit(key)

    def current_page(self) -> str:
        for key, page in self.pages.items():
            if page is self.stack.currentWidget():
                return key
        return ""
