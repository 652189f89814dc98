"""A large rounded chip: a sub-topic or a choice. Shows its pressed and selected states at once.

A chip is as wide as its text on one line while that fits; narrower than that it wraps its text to two (or more)
balanced lines, set by the typography rules, so a long topic title never widens its column or runs off the
screen (when made with `wraps=True`). Its minimum width is then its longest word's, so the layout can always make
it fit."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QWidget

from kiosk.ui import theme as t
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.typeset_label import typeset


class ChipButton(QPushButton):
    def __init__(self, theme: Theme, accent: str, parent: QWidget | None = None, wraps: bool = False):
        super().__init__(parent)
        p = theme.px
        self._full = ""
        self._wraps = wraps
        self._room = 1 << 20  # the width the layout gives the chip: its text wraps to it
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

    def setText(self, text: str) -> None:  # type: ignore[override]
        """The chip's whole text: on one line, or wrapped to the width its layout last gave (`fit_to`)."""
        self._full = text
        super().setText(self.lines_for(self._room))

    def full_text(self) -> str:
        return self._full

    def _hint_for(self, text: str) -> QSize:
        """The size the style gives a chip showing `text` (lines separated by newlines)."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = text
        content = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, text)
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, content, self)
        return size.expandedTo(QSize(0, self.minimumHeight()))

    def _padding(self) -> int:
        return self._hint_for("x").width() - self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, "x").width()

    def lines_for(self, width: int) -> str:
        """The text as shown in a chip `width` pixels wide: one line if it fits, else the fewest balanced lines."""
        if not self._wraps or not self._full or self._hint_for(self._full).width() <= width:
            return self._full
        return typeset(self.font(), self._full, max(1, width - self._padding()), title=True).text

    def size_for(self, width: int) -> QSize:
        """The chip's size when at most `width` pixels are available."""
        if not self._wraps:
            return self.sizeHint().expandedTo(self.minimumSize())
        shown = self.lines_for(width)
        hint = self.sizeHint() if shown == super().text() else self._hint_for(shown)
        return hint.expandedTo(self.minimumSize())  # as tall as a touch target at least, as its layout makes it

    def fit_to(self, width: int) -> None:
        """Wrap the text to `width` pixels (its layout's), as `size_for(width)` measured it."""
        self._room = width
        shown = self.lines_for(width)
        if shown != super().text():
            super().setText(shown)

    def minimumSizeHint(self) -> QSize:
        """As narrow as its longest word: the rest wraps."""
        if not self._wraps or not self._full:
            return super().minimumSizeHint()
        longest = max(self._full.split(), key=lambda w: self.fontMetrics().horizontalAdvance(w), default="")
        narrow = self._hint_for(longest).width()
        return QSize(narrow, self.size_for(narrow).height())

    def hasHeightForWidth(self) -> bool:
        return self._wraps

    def heightForWidth(self, width: int) -> int:
        return self.size_for(width).height()
