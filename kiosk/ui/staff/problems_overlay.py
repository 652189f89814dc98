"""Live preview's answer to a saved change that breaks the content: a card over the kiosk listing the problems
exactly as `kiosk check` prints them (the lines come from the same report), while the last good content stays
underneath. Scrollable by finger, mouse wheel or drag; *Hide* puts it away until the next check finds other
problems; it goes by itself as soon as the content is valid again. Only in a windowed preview: an exhibition
kiosk never shows it (the staff panel's Content page notes the refused change instead)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.content.schema import Lang
from kiosk.ui import theme as t
from kiosk.ui.staff.overlay import FullWindowOverlay
from kiosk.ui.staff.strings import sw
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.touch_scroll import TouchScrollArea

MAX_LISTED = 200  # as the Content page: laying out tens of thousands of wrapped lines would freeze the window


class ProblemsOverlay(FullWindowOverlay):
    dismissed = Signal()

    def __init__(self, theme: Theme, window: QWidget):
        super().__init__(window)
        self._theme = theme
        self.lang: Lang = "zh"
        self._lines: list[str] = []
        self._summary = ""
        self._folder = ""
        self._hidden_for: tuple[str, ...] | None = None  # the problems staff put away: not shown again
        p = theme.px
        outer = QVBoxLayout(self)
        outer.setContentsMargins(p(t.MARGIN * 2), p(t.MARGIN), p(t.MARGIN * 2), p(t.MARGIN))
        self.card = QFrame(self)
        self.card.setObjectName("ProblemsCard")
        outer.addStretch(1)
        outer.addWidget(self.card)
        outer.addStretch(1)
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(p(t.MARGIN * 0.75), p(t.MARGIN * 0.6), p(t.MARGIN * 0.75), p(t.MARGIN * 0.6))
        layout.setSpacing(p(t.GAP * 0.75))
        head = QHBoxLayout()
        head.setSpacing(p(t.GAP))
        self.title = QLabel(self.card)
        self.title.setFont(theme.font(t.HEADING, bold=True))
        self.title.setProperty("role", "warning")
        self.title.setWordWrap(True)
        self.hide_button = QPushButton(self.card)
        self.hide_button.setObjectName("ProblemsHide")
        self.hide_button.setFont(theme.font(t.CAPTION + 2, bold=True))
        self.hide_button.setMinimumHeight(p(t.TOUCH_TARGET))
        self.hide_button.clicked.connect(self.dismiss)
        head.addWidget(self.title, 1)
        head.addWidget(self.hide_button, 0, Qt.AlignmentFlag.AlignTop)
        self.explain = QLabel(self.card)
        self.explain.setFont(theme.font(t.CAPTION + 2))
        self.explain.setProperty("role", "muted")
        self.explain.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setFont(theme.font(t.CAPTION))
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.setProperty("role", "problems")
        self.scroll = TouchScrollArea(self.card)
        self.scroll.setWidget(self.problems)
        self.summary = QLabel(self.card)
        self.summary.setFont(theme.font(t.CAPTION))
        self.summary.setWordWrap(True)
        layout.addLayout(head)
        layout.addWidget(self.explain)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.summary)

    def show_problems(self, folder: str, lines: list[str], summary: str, lang: Lang) -> None:
        """Show these problems (unless exactly these were hidden by hand), above everything."""
        self._folder, self._lines, self._summary = folder, list(lines), summary
        self.set_language(lang)
        if self._hidden_for == tuple(lines):
            return
        self._hidden_for = None
        self.open()
        self._fit()
        self.scroll.verticalScrollBar().setValue(0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """The card as tall as its list needs, centred; at most the window's height, then the list scrolls."""
        margins = self.layout().contentsMargins()
        card = self.card.layout()
        inner = card.contentsMargins()
        width = self.width() - margins.left() - margins.right() - inner.left() - inner.right()
        needed = self.problems.heightForWidth(max(1, width - self.scroll.verticalScrollBar().sizeHint().width())) + 4
        others = sum(card.itemAt(i).sizeHint().height() for i in range(card.count())
                     if card.itemAt(i).widget() is not self.scroll) + card.spacing() * (card.count() - 1)
        room = self.height() - margins.top() - margins.bottom() - inner.top() - inner.bottom() - others
        self.scroll.setFixedHeight(max(self._theme.px(t.TOUCH_TARGET), min(needed, room)))

    def content_valid(self) -> None:
        """The content is good again: go, and forget what was hidden."""
        self._hidden_for = None
        self.hide()

    def set_language(self, lang: Lang) -> None:
        self.lang = lang
        errors = sum(1 for line in self._lines if ": warning: " not in line)
        self.title.setText(sw("preview_title", lang, n=errors))
        self.explain.setText(sw("preview_explain", lang, folder=self._folder))
        self.hide_button.setText(sw("preview_hide", lang))
        lines = self._lines[:MAX_LISTED]
        if len(self._lines) > MAX_LISTED:
            lines.append(sw("problems_more", lang, more=len(self._lines) - MAX_LISTED, folder=self._folder))
        self.problems.setText("\n".join(lines))
        self.summary.setText(self._summary)

    @Slot()
    def dismiss(self) -> None:
        self._hidden_for = tuple(self._lines)
        self.hide()
        self.dismissed.emit()
