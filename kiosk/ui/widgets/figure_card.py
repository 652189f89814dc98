"""A key figure: a big number with its unit and a short label, counting up from zero when shown."""

from __future__ import annotations

import html

from PySide6.QtCore import QEasingCurve, QVariantAnimation, Slot
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.schema import Figure, Lang
from kiosk.ui import theme as t
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.typeset_label import TypesetLabel, typeset

INLINE_FLOOR = 0.8  # an English unit that would shrink the number below this share of its size goes below
LABEL_LINES = 3  # a label longer than this at the caption's size steps its type down ...
LABEL_FLOOR = t.CAPTION - 4  # ... to this size at most (the hero photo's caption's)


class FigureCard(QFrame):
    def __init__(
        self,
        theme: Theme,
        figure: Figure,
        accent: str,
        parent: QWidget | None = None,
        surface: str = t.SURFACE,
        size: float = t.FIGURE * 0.8,
    ):
        super().__init__(parent)
        self._theme = theme
        self._figure = figure
        self._accent = accent
        self._lang: Lang = "zh"
        self._shown_size = size
        self._current: object = None  # the value on display while counting up
        self._unit_below = False  # the unit shown at the head of the label (see _fit)
        self._label_ceiling = float(t.CAPTION)  # the largest label type (see set_label_ceiling)
        self._number_ceiling = float("inf")  # the largest number type (see set_number_ceiling)
        p = theme.px
        self.setObjectName("FigureCard")
        theme.apply(self, "figure_card", accent=accent, surface=surface)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(p(24), p(18), p(24), p(20))
        layout.setSpacing(p(4))
        self.number = QLabel(self)
        self._size = size
        self.number.setFont(theme.font(size, bold=True))
        self.label = TypesetLabel(self)
        self.label.setFont(theme.font(t.CAPTION))
        self.label.setProperty("role", "muted")
        layout.addWidget(self.number)
        layout.addWidget(self.label)
        layout.addStretch(1)  # a card taller than its text keeps its label under its number, as its neighbours do
        self._animation = QVariantAnimation(self)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.setDuration(t.COUNT_UP_MS)
        self._animation.valueChanged.connect(self._show_value)
        self.set_language("zh")

    @property
    def figure(self) -> Figure:
        return self._figure

    def set_language(self, lang: Lang) -> None:
        self._lang = lang
        self._animation.stop()
        self._unit_below = False  # before the number is drawn: the unit stands after it until `_fit` finds no room
        self._show_value(None)
        self.label.set_source(self._figure.label.get(lang))
        self._fit()
        self._fit_label()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()
        self._fit_label()

    def _fit_label(self) -> None:
        """A label longer than LABEL_LINES lines at the caption's size (an editor's) steps its type down, to
        LABEL_FLOOR at most, and the label asks for the height of all its lines at the card's width: the card grows
        with a long label instead of cutting its last line through the glyphs."""
        size, lines = self._label_step(self._label_ceiling)
        if lines < 0:
            return
        font = self._theme.font(size)
        if font.key() != self.label.font().key():
            self.label.setFont(font)
        self.label.setMinimumHeight(lines * QFontMetrics(font).lineSpacing())

    def _label_step(self, ceiling: float) -> tuple[float, int]:
        """The label's type size (at most `ceiling`) and its lines at the card's width; -1 lines before it has one."""
        margins = self.layout().contentsMargins()
        width = self.contentsRect().width() - margins.left() - margins.right()
        if width <= 0:
            return ceiling, -1
        size = ceiling
        while True:
            lines = len(typeset(self._theme.font(size), self.label.source(), width, title=False))
            if size <= LABEL_FLOOR or lines <= LABEL_LINES:
                return size, lines
            size = max(LABEL_FLOOR, size - 2)

    def label_size(self) -> float:
        """The type size this card's label would take on its own (a row of cards takes the smallest)."""
        return self._label_step(float(t.CAPTION))[0]

    def set_label_ceiling(self, size: float) -> None:
        """Set the label no larger than `size`, as its neighbours' labels."""
        if size != self._label_ceiling:
            self._label_ceiling = size
            self._fit_label()

    def _natural(self) -> tuple[float, bool] | None:
        """The number's size on its own at the card's width, and whether its unit goes to the label (None before
        the card has a width).

        Shrink the number (never wrap it: Chinese units would break mid-word) until it fits the card. A long
        English unit ("demonstration sites") that would shrink the number below INLINE_FLOOR of its size goes to
        the head of the label instead, where unit and label read on as one phrase, and the number stays large. A
        Chinese unit stands after its number unless even the smallest number leaves it no room (an editor's long
        unit): then it heads the label too, rather than running out of the card."""
        final = self._figure.format_number(self._lang)
        unit = self._unit_joiner() + self._figure.unit.get(self._lang)
        room = self.contentsRect().width() - self.layout().contentsMargins().left() * 2
        if room <= 0:
            return None
        size = self._size_for(final, unit, room)
        unit_below = (self._lang == "en" and size < self._size * INLINE_FLOOR) or self._width(final, unit, size) > room
        if unit_below:
            size = self._size_for(final, "", room)
        return size, unit_below

    def number_size(self) -> float:
        """The size this card's number would take on its own (a row of cards takes the smallest)."""
        natural = self._natural()
        return natural[0] if natural is not None else self._size

    def set_number_ceiling(self, size: float) -> None:
        """Set the number no larger than `size`, as its neighbours' numbers."""
        if size != self._number_ceiling:
            self._number_ceiling = size
            self._fit()

    def _fit(self) -> None:
        natural = self._natural()
        if natural is None:
            return
        size, unit_below = natural
        size = min(size, self._number_ceiling)
        if unit_below != self._unit_below:
            self._unit_below = unit_below
            label = self._figure.label.get(self._lang)
            unit_text = self._figure.unit.get(self._lang)
            self.label.set_source(f"{unit_text}{self._unit_joiner()}{label}" if unit_below else label)
            self._show_value(self._current)
        if abs(size - self._shown_size) > 0.5:
            self._shown_size = size
            self.number.setFont(self._theme.font(size, bold=True))
            running = self._animation.state() == QVariantAnimation.State.Running
            self._show_value(self._current if running else None)

    def _size_for(self, number: str, unit: str, room: int) -> float:
        """The largest number size (down to 55 %) at which `number` and `unit` fit in `room` pixels."""
        size = self._size
        while size > self._size * 0.55:
            if self._width(number, unit, size) <= room:
                break
            size *= 0.92
        return size

    def _width(self, number: str, unit: str, size: float) -> int:
        """How wide `number` and `unit` are drawn with the number at `size`."""
        big = self._theme.font(size, bold=True)
        small = self._theme.font(t.BODY * size / self._size)
        return QFontMetrics(big).horizontalAdvance(number) + QFontMetrics(small).horizontalAdvance(unit)

    def count_up(self) -> None:
        self._animation.stop()
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(float(self._figure.number(self._lang)))
        self._animation.start()

    def counting(self) -> bool:
        """Whether the number is still counting up (what it shows is not yet the figure)."""
        return self._animation.state() == QVariantAnimation.State.Running

    def shown_text(self) -> str:
        """The number and unit as a visitor reads them (plain text)."""
        return f"{self._figure.format_number(self._lang)}{self._unit_joiner()}{self._figure.unit.get(self._lang)}"

    def _unit_joiner(self) -> str:
        return " " if self._lang == "en" else ""

    @Slot(object)
    def _show_value(self, value: object) -> None:
        self._current = value
        number = self._figure.format_number(self._lang, None if value is None else float(value))
        unit = "" if self._unit_below else self._unit_joiner() + html.escape(self._figure.unit.get(self._lang))
        unit_px = self._theme.px(t.BODY * self._shown_size / self._size)
        self.number.setText(
            f'<span style="color:{t.accent_text_colour(self._accent)}">{html.escape(number)}</span>'
            f'<span style="font-size:{unit_px}px; font-weight:normal;">{unit}</span>'
        )
