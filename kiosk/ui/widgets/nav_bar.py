"""The persistent bar along the bottom: Home and Back on the left, where you are in the middle, accessible mode
(the international symbol of access, "无障碍 / Accessible") and 中/EN on the right.

It only emits intent (`home_requested`, `back_requested`, `language_chosen`, `reach_toggled`); the window
decides what happens.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontMetricsF, QIcon
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.content.schema import Lang
from kiosk.ui import theme as t
from kiosk.ui.icons import icon
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.typeset_label import typeset


class NavBar(QWidget):
    home_requested = Signal()
    back_requested = Signal()
    language_chosen = Signal(str)
    reach_toggled = Signal(bool)  # the visitor asked for accessible mode (True) or left it

    def __init__(self, theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        p = theme.px
        self._theme = theme
        self._place = ""
        self._lang: Lang = "zh"
        # On a portrait stand the bar is narrow: Home and Back show their symbols alone once the symbols are
        # there (their words stay their accessible names), so the place's title keeps room for two lines.
        self._words_on_buttons = not theme.portrait
        self.setObjectName("NavBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedHeight(p(t.BAR_HEIGHT))
        layout = QHBoxLayout(self)
        # A thin margin above and below: the buttons (a touch target high) sit centred in the bar, and the place's
        # title may take the bar's whole height when it needs three lines.
        layout.setContentsMargins(p(24), p(4), p(24), p(4))
        layout.setSpacing(p(16))
        self.home_button = self._button(theme)
        self.back_button = self._button(theme)
        self.home_button.clicked.connect(self.home_requested)
        self.back_button.clicked.connect(self.back_requested)
        self.title = QLabel(self)
        self.title.setFont(theme.font(t.CAPTION + 4, bold=True))
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setProperty("role", "muted")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.installEventFilter(self)  # its width changes when the buttons beside it do: set it again
        self.zh_button = self._button(theme, checkable=True, text="中")
        self.en_button = self._button(theme, checkable=True, text="EN")
        self.zh_button.setAccessibleName("中文")
        self.en_button.setAccessibleName("English")
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.zh_button)
        group.addButton(self.en_button)
        self.zh_button.clicked.connect(lambda: self.language_chosen.emit("zh"))
        self.en_button.clicked.connect(lambda: self.language_chosen.emit("en"))
        layout.addWidget(self.home_button)
        layout.addWidget(self.back_button)
        layout.addWidget(self.title, 1)
        self.reach_button = self._button(theme, checkable=True)
        # The symbol and its word; on a portrait stand the symbol alone, so the bar keeps room for the title
        self._reach_label = not theme.portrait
        self.reach_button.setMinimumWidth(theme.px(t.TOUCH_TARGET * (2.2 if self._reach_label else 1.1)))
        self.reach_button.clicked.connect(self.reach_toggled)
        layout.addWidget(self.reach_button)
        layout.addSpacing(p(8))
        layout.addWidget(self.zh_button)
        layout.addWidget(self.en_button)

    def _button(self, theme: Theme, checkable: bool = False, text: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setCheckable(checkable)
        button.setFont(theme.font(t.CAPTION + 4, bold=True))
        wide = not checkable and not theme.portrait
        button.setMinimumSize(theme.px(t.TOUCH_TARGET * (1.9 if wide else 1.1)), theme.px(t.TOUCH_TARGET))
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # keyboard users tab to it; a tap leaves no focus ring
        return button

    @Slot(str)
    def set_language(self, lang: Lang) -> None:
        self._lang = lang
        words = self._words_on_buttons or self.home_button.icon().isNull()
        for button, name in ((self.home_button, "home"), (self.back_button, "back")):
            button.setText(tr(name, lang) if words else "")
            button.setAccessibleName(tr(name, lang))
        (self.zh_button if lang == "zh" else self.en_button).setChecked(True)
        self.reach_button.setText(tr("reach", lang) if self._reach_label else "")
        self.reach_button.setAccessibleName(f"{tr('reach', 'zh')} / {tr('reach', 'en')}")

    def set_reach(self, on: bool) -> None:
        """Show whether accessible mode is on (it also ends by itself with the visit)."""
        self.reach_button.setChecked(on)

    def load_icons(self) -> None:
        """Icons come after the first frame: the first one imports qtawesome (~150 ms of start-up)."""
        p = self._theme.px
        self.home_button.setIcon(icon("mdi6.home", t.TEXT))
        self.back_button.setIcon(icon("mdi6.arrow-left", t.TEXT))
        symbol = "mdi6.wheelchair-accessibility"  # the international symbol of access
        both = QIcon()  # light on the bar, dark on the gold of the chosen button
        both.addPixmap(icon(symbol, t.TEXT).pixmap(p(72)), QIcon.Mode.Normal, QIcon.State.Off)
        both.addPixmap(icon(symbol, t.BACKGROUND).pixmap(p(72)), QIcon.Mode.Normal, QIcon.State.On)
        self.reach_button.setIcon(both)
        self.set_language(self._lang)  # on a portrait stand the symbols now stand for the words
        for button in (self.home_button, self.back_button, self.reach_button):
            button.setIconSize(button.iconSize().scaled(p(36), p(36), Qt.AspectRatioMode.KeepAspectRatio))

    def apply_theme_fonts(self) -> None:
        """The theme's text size changed (large-text mode): every label of the bar follows it."""
        font = self._theme.font(t.CAPTION + 4, bold=True)
        for widget in (self.home_button, self.back_button, self.title, self.reach_button, self.zh_button,
                       self.en_button):
            widget.setFont(font)
        self._show_place()

    def set_place(self, title: str, can_go_back: bool, at_home: bool) -> None:
        self._place = title
        self._show_place()
        self.back_button.setEnabled(can_go_back)
        self.home_button.setEnabled(not at_home)

    def place(self) -> str:
        return self._place

    def _show_place(self) -> None:
        """The place's name on one line, else on two (broken by the typography rules, stepping down to a
        caption's size, never smaller, if the bar's size is too wide or tall for two), else on three lines at a
        caption's size; only a title longer still has its last line cut with "…" (`kiosk check` warns the
        editor of such a title: `kiosk.layout.bar_title`)."""
        width = max(10, self.title.width())
        margins = self.layout().contentsMargins()
        height = self.height() - margins.top() - margins.bottom()
        font, text = (bar_title_lines(self._theme, self._place, width, height)
                      or bar_title_cut(self._theme, self._place, width, height))
        self.title.setFont(font)
        self.title.setText(text)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._show_place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.title and event.type() == QEvent.Type.Resize:
            self._show_place()
        return False


BAR_TITLE_STEPS = ((t.CAPTION + 4, 2), (t.CAPTION, 2), (t.CAPTION, 3))  # (type size, most lines), in turn


def bar_title_lines(theme: Theme, title: str, width: float, height: float) -> tuple[QFont, str] | None:
    """The bar's title set in a box `width` × `height` pixels: the first step of `BAR_TITLE_STEPS` whose lines
    all fit, as (font, lines joined by newlines); None if none does (the bar then cuts it with "…")."""
    for size, most in BAR_TITLE_STEPS:
        font = theme.font(size, bold=True)
        lines = typeset(font, title, width, title=True)
        if lines.fits and len(lines) <= most and len(lines) * QFontMetricsF(font).lineSpacing() <= height:
            return font, lines.text
    return None


def bar_title_cut(theme: Theme, title: str, width: float, height: float) -> tuple[QFont, str]:
    """A title too long for the bar at any step: its lines at a caption's size, as many as the bar holds (at
    most the last step's), the last of them cut with "…"."""
    font = theme.font(t.CAPTION, bold=True)
    metrics = QFontMetricsF(font)
    room = max(1, min(BAR_TITLE_STEPS[-1][1], int(height // metrics.lineSpacing())))
    lines = typeset(font, title, width, title=True)
    if not lines.fits or len(lines) <= room:  # a word wider than the bar: one line, cut
        return font, metrics.elidedText(title, Qt.TextElideMode.ElideRight, width)
    head = [line.replace("\u2060", "") for line in lines.lines[: room - 1]]
    at = 0
    for line in head:  # where the last line starts in the title
        found = title.find(line, at)
        at = found + len(line) if found >= 0 else at
    tail = metrics.elidedText(title[at:].strip(), Qt.TextElideMode.ElideRight, width)
    return font, "\n".join([*head, tail])
