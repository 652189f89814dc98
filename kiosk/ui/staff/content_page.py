"""Content: which folder and version the kiosk is showing, and the ways new content arrives.

- *Reload content* validates the folder first. A good folder is swapped in once its screens were built (the
  screens are rebuilt from it); a broken one leaves the current content running and its problems are listed
  here exactly as `kiosk check` prints them. Content that passes the checks but whose screens cannot be built is
  refused too, with the error.
- *Import content from USB* lists the drives (as the statistics export does), checks the content on the one
  chosen, and only when it is valid copies it beside the current content and shows it; *Roll back* returns to
  the content shown before (kiosk.staff.content_import).
- A change found in the watched content folder (a synced folder, an editor's save) is noted: shown, or refused
  with the time, the number of problems and the first ones.
When the kiosk is not showing the folder it was asked for (broken at start, or failing later), the page says so
and why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content import Exhibition
from kiosk.content.schema import Lang
from kiosk.content.watch import WatchNote
from kiosk.staff.content_import import ImportOutcome
from kiosk.staff.diagnostics import content_fingerprint
from kiosk.staff.drives import Place, import_places
from kiosk.staff.reload import ContentNotice, ReloadResult
from kiosk.ui import theme as t
from kiosk.ui.staff.folder_picker import FolderPicker
from kiosk.ui.staff.strings import sw
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.touch_scroll import TouchScrollArea

# Problems listed on the page: laying out a line of wrapped text takes about half a millisecond, so the 50,000
# lines a broken folder can produce would freeze the panel (and starve the watchdog) for half a minute.
MAX_LISTED = 200


class ContentPage(QWidget):
    reload_requested = Signal()
    import_requested = Signal(object)  # Path: the drive chosen
    roll_back_requested = Signal()

    def __init__(self, theme: Theme, places: object = import_places, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme = theme
        self.lang: Lang = "zh"
        self._folder: Path | None = None
        self._exhibition: Exhibition | None = None
        self._notice: ContentNotice | None = None
        self._watch: WatchNote | None = None
        self._report: tuple[str, dict[str, object], str, list[str], str] | None = None  # key, values, role, lines, end
        p = theme.px
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack)

        main = QWidget()
        layout = QVBoxLayout(main)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(p(16))
        self.facts = QLabel(main)
        self.facts.setFont(theme.font(t.CAPTION + 2))
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.watch_note = QLabel(main)
        self.watch_note.setFont(theme.font(t.CAPTION))
        self.watch_note.setWordWrap(True)
        self.watch_note.setTextFormat(Qt.TextFormat.PlainText)
        self.watch_note.hide()
        buttons = QHBoxLayout()
        buttons.setSpacing(p(16))
        self.reload_button = self._button(main, "primary")
        self.reload_button.clicked.connect(self.reload_requested)
        self.import_button = self._button(main, "")
        self.import_button.clicked.connect(self.choose_drive)
        self.roll_back_button = self._button(main, "")
        self.roll_back_button.clicked.connect(self.roll_back_requested)
        self.roll_back_button.setEnabled(False)
        for button in (self.reload_button, self.import_button, self.roll_back_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.outcome = QLabel(main)
        self.outcome.setFont(theme.font(t.CAPTION + 2, bold=True))
        self.outcome.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setFont(theme.font(t.CAPTION - 2))
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.problems.setProperty("role", "problems")
        self.scroll = TouchScrollArea(main)
        self.scroll.setWidget(self.problems)
        layout.addWidget(self.facts)
        layout.addWidget(self.watch_note)
        layout.addLayout(buttons)
        layout.addWidget(self.outcome)
        layout.addWidget(self.scroll, 1)
        self._spacer = QWidget(main)  # keeps the lines at the top while there is no report to show
        layout.addWidget(self._spacer, 1)
        self.scroll.hide()
        self.stack.addWidget(main)
        self._main = main

        self.picker = FolderPicker(theme, places)  # type: ignore[arg-type]  # a callable listing places
        self.picker.chosen.connect(self._drive_chosen)
        self.picker.cancelled.connect(self.show_main)
        picker_page = QWidget()
        picker_layout = QVBoxLayout(picker_page)
        picker_layout.setContentsMargins(0, 0, 0, 0)
        picker_layout.addWidget(self.picker)
        picker_layout.addStretch(1)
        self.stack.addWidget(picker_page)
        self._picker_page = picker_page

    def _button(self, parent: QWidget, role: str) -> QPushButton:
        button = QPushButton(parent)
        if role:
            button.setProperty("role", role)
        button.setFont(self._theme.font(t.CAPTION + 4, bold=True))
        button.setMinimumHeight(self._theme.px(t.TOUCH_TARGET))
        return button

    # what is showing --------------------------------------------------------------------------------

    def show_content(self, folder: Path, exhibition: Exhibition, notice: ContentNotice | None = None) -> None:
        """`notice`: the kiosk is not showing the folder it was asked for, and why."""
        self._folder, self._exhibition, self._notice = folder, exhibition, notice
        self._show_facts()

    def show_watch(self, note: WatchNote | None) -> None:
        """The latest change found in the watched content folder (None: none since the start)."""
        self._watch = note
        self._show_watch()

    def set_can_roll_back(self, possible: bool) -> None:
        self.roll_back_button.setEnabled(possible)

    def set_language(self, lang: Lang) -> None:
        self.lang = lang
        self.reload_button.setText(sw("reload", lang))
        self.import_button.setText(sw("import", lang))
        self.roll_back_button.setText(sw("roll_back", lang))
        self._show_facts()
        self._show_watch()
        self._show_report()

    # outcomes ---------------------------------------------------------------------------------------

    def show_result(self, result: ReloadResult) -> None:
        """The outcome of a reload."""
        if result.ok:
            self._set_report("reload_ok", {"summary": result.summary}, "good", list(result.lines), "")
        else:
            key = "reload_not_built" if result.cause else "reload_failed"
            self._set_report(key, {}, "warning", list(result.lines), result.summary, result.folder)

    def show_import(self, outcome: ImportOutcome, result: ReloadResult | None, pinned: bool = False) -> None:
        """The outcome of an import: refused before copying, failed while copying, or shown (`result`)."""
        self.show_main()
        if result is not None and not result.ok:
            self._set_report("reload_not_built", {}, "warning", list(result.lines), result.summary, result.folder)
        elif outcome.ok and result is not None:
            lines = list(result.lines) + ([sw("import_pinned", self.lang)] if pinned else [])
            if outcome.left_out:
                first = ", ".join(Path(name).name for name in outcome.left_out[:3])
                lines.append(sw("import_left_out", self.lang, n=len(outcome.left_out), first=first))
            self._set_report("import_ok", {"source": outcome.source, "summary": result.summary}, "good", lines, "")
        else:
            end = outcome.summary
            self._set_report(f"import_{outcome.reason}", {}, "warning", list(outcome.lines), end, outcome.source)

    def show_roll_back(self, result: ReloadResult) -> None:
        if result.ok:
            self._set_report("rollback_ok", {"summary": result.summary}, "good", list(result.lines), "")
        else:
            self._set_report("rollback_failed", {}, "warning", list(result.lines), result.summary, result.folder)

    def clear_result(self) -> None:
        self._report = None
        self._show_report()

    # choosing a drive -------------------------------------------------------------------------------

    @Slot()
    def choose_drive(self) -> list[Place]:
        places = self.picker.scan(self.lang, "import_choose", "import_none")
        self.stack.setCurrentWidget(self._picker_page)
        return places

    @Slot()
    def show_main(self) -> None:
        self.stack.setCurrentWidget(self._main)

    @Slot(object)
    def _drive_chosen(self, path: Path) -> None:
        self.show_main()
        self.import_requested.emit(Path(path))

    def set_busy(self, busy: bool) -> None:
        """An import is checking and copying: say so, and take no other content action meanwhile."""
        for button in (self.reload_button, self.import_button, self.roll_back_button):
            button.setEnabled(not busy)
        if busy:
            self._report = ("working", {}, "muted", [], "")
            self._show_report()

    # drawing ----------------------------------------------------------------------------------------

    @Slot()
    def _show_facts(self) -> None:
        if self._folder is None or self._exhibition is None:
            return
        ex = self._exhibition
        lang = self.lang
        summary = sw("content_summary", lang, sections=len(ex.sections), photos=len(ex.all_photos()))
        colon = "：" if lang == "zh" else ": "  # a full-width colon in Chinese
        # The summary in brackets (full-width in Chinese): a Latin dash between Chinese words read as a typo
        summary = f"（{summary}）" if lang == "zh" else f" ({summary})"
        text = (
            f"{sw('content_now', lang)}{colon}{ex.title.get(lang)}{summary}\n"
            f"{sw('content_folder', lang)}{colon}{self._folder}\n"
            f"{sw('content_version', lang)}{colon}{content_fingerprint(self._folder)}"
        )
        notice = self._notice
        if notice is not None:
            shown = sw("content_bundled" if notice.bundled else "content_earlier", lang)
            text += "\n" + sw("content_not_shown", lang, folder=notice.folder, cause=notice.cause, shown=shown)
        self.facts.setText(text)

    def _show_watch(self) -> None:
        note = self._watch
        if note is None:
            self.watch_note.hide()
            return
        when = note.when.strftime("%Y-%m-%d %H:%M:%S")
        if note.shown:
            self.watch_note.setText(sw("watch_shown", self.lang, time=when))
            t.set_role(self.watch_note, "good")
        else:
            text = sw("watch_refused", self.lang, time=when, n=note.problems)
            self.watch_note.setText("\n".join([text, *(f"  {line}" for line in note.first)]))
            t.set_role(self.watch_note, "warning")
        if note.changing_since is not None:  # never quiet: say so, whatever the check found
            since = note.changing_since.strftime("%H:%M")
            self.watch_note.setText(sw("watch_changing", self.lang, since=since) + "\n" + self.watch_note.text())
            t.set_role(self.watch_note, "warning")
        self.watch_note.show()

    def _set_report(self, key: str, values: dict[str, object], role: str, lines: list[str], end: str,
                    folder: Path | None = None) -> None:
        if len(lines) > MAX_LISTED:
            more = sw("problems_more", self.lang, more=len(lines) - MAX_LISTED, folder=folder or "")
            lines = [*lines[:MAX_LISTED], more]
        self._report = (key, values, role, lines, end)
        self._show_report()

    def _show_report(self) -> None:
        report = self._report
        if report is None:
            self.outcome.clear()
            self.scroll.hide()
            self._spacer.show()
            return
        key, values, role, lines, end = report
        self.outcome.setText(sw(key, self.lang, **values))
        t.set_role(self.outcome, role)
        shown = list(lines)
        if end:
            shown += ["", end] if shown else [end]
        self.problems.setText("\n".join(shown))
        self.scroll.setVisible(bool(shown))
        self._spacer.setVisible(self.scroll.isHidden())
