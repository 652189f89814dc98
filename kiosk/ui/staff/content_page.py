"""Content: which folder and version the kiosk is showing, and a reload that validates the folder first. A
good folder is swapped in once its screens were built (the screens are rebuilt from it); a broken one leaves
the current content running and its problems are listed here exactly as `kiosk check` prints them. Content
that passes the checks but whose screens cannot be built is refused too, with the error. When the kiosk is not
showing the folder it was asked for (broken at start, or failing later), the page says so and why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.content import Exhibition
from kiosk.content.schema import Lang
from kiosk.staff.diagnostics import content_fingerprint
from kiosk.staff.reload import ContentNotice, ReloadResult
from kiosk.ui import theme as t
from kiosk.ui.staff.strings import sw
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.touch_scroll import TouchScrollArea

# Problems listed on the page: laying out a line of wrapped text takes about half a millisecond, so the 50,000
# lines a broken folder can produce would freeze the panel (and starve the watchdog) for half a minute.
MAX_LISTED = 200


class ContentPage(QWidget):
    reload_requested = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme = theme
        self.lang: Lang = "zh"
        self._folder: Path | None = None
        self._exhibition: Exhibition | None = None
        self._notice: ContentNotice | None = None
        self._result: ReloadResult | None = None
        p = theme.px
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(p(16))
        self.facts = QLabel(self)
        self.facts.setFont(theme.font(t.CAPTION + 2))
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.reload_button = QPushButton(self)
        self.reload_button.setProperty("role", "primary")
        self.reload_button.setFont(theme.font(t.CAPTION + 4, bold=True))
        self.reload_button.setMinimumHeight(p(t.TOUCH_TARGET))
        self.reload_button.clicked.connect(self.reload_requested)
        self.outcome = QLabel(self)
        self.outcome.setFont(theme.font(t.CAPTION + 2, bold=True))
        self.outcome.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setFont(theme.font(t.CAPTION - 2))
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.problems.setProperty("role", "problems")
        self.scroll = TouchScrollArea(self)
        self.scroll.setWidget(self.problems)
        layout.addWidget(self.facts)
        layout.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.outcome)
        layout.addWidget(self.scroll, 1)
        self._spacer = QWidget(self)  # keeps the lines at the top while there is no report to show
        layout.addWidget(self._spacer, 1)
        self.scroll.hide()

    def show_content(self, folder: Path, exhibition: Exhibition, notice: ContentNotice | None = None) -> None:
        """`notice`: the kiosk is not showing the folder it was asked for, and why."""
        self._folder, self._exhibition, self._notice = folder, exhibition, notice
        self._show_facts()

    def show_result(self, result: ReloadResult) -> None:
        self._result = result
        self._show_result()

    def set_language(self, lang: Lang) -> None:
        self.lang = lang
        self.reload_button.setText(sw("reload", lang))
        self._show_facts()
        self._show_result()

    def clear_result(self) -> None:
        self._result = None
        self._show_result()

    @Slot()
    def _show_facts(self) -> None:
        if self._folder is None or self._exhibition is None:
            return
        ex = self._exhibition
        lang = self.lang
        summary = sw("content_summary", lang, sections=len(ex.sections), photos=len(ex.all_photos()))
        text = (
            f"{sw('content_now', lang)}: {ex.title.get(lang)} — {summary}\n"
            f"{sw('content_folder', lang)}: {self._folder}\n"
            f"{sw('content_version', lang)}: {content_fingerprint(self._folder)}"
        )
        notice = self._notice
        if notice is not None:
            shown = sw("content_bundled" if notice.bundled else "content_earlier", lang)
            text += "\n" + sw("content_not_shown", lang, folder=notice.folder, cause=notice.cause, shown=shown)
        self.facts.setText(text)

    def _show_result(self) -> None:
        result = self._result
        if result is None:
            self.outcome.clear()
            self.scroll.hide()
            self._spacer.show()
            return
        if result.ok:
            self.outcome.setText(sw("reload_ok", self.lang, summary=result.summary))
            t.set_role(self.outcome, "good")
        else:
            self.outcome.setText(sw("reload_not_built" if result.cause else "reload_failed", self.lang))
            t.set_role(self.outcome, "warning")
        lines = list(result.lines[:MAX_LISTED])
        if len(result.lines) > MAX_LISTED:
            lines.append(sw("problems_more", self.lang, more=len(result.lines) - MAX_LISTED, folder=result.folder))
        if not result.ok:
            lines += ["", result.summary]
        self.problems.setText("\n".join(lines))
        self.scroll.setVisible(bool(result.lines) or not result.ok)
        self._spacer.setVisible(self.scroll.isHidden())
