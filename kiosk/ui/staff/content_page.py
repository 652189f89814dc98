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
and why. Below the actions, what the content holds (sections, photos, placeholders still to replace, timeline
events, map features: counted from the content itself), the placeholder photos by file name, and when the folder
was last checked."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

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
TO_REPLACE_LISTED = 12  # placeholder photos named on the page; the rest are counted


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
        self.counts = QGridLayout()  # what the content holds, as figures (3 and 2 on a portrait screen's width)
        self.counts.setSpacing(p(16))
        per_row = 3 if theme.portrait else 5
        self.count_cards: dict[str, tuple[QLabel, QLabel]] = {}
        for index, key in enumerate(("sections", "photos", "placeholders", "events", "features")):
            card = self._card(main)
            number = QLabel(card)
            number.setFont(theme.font(t.FIGURE * 0.6, bold=True))
            number.setProperty("role", "accent")
            words = QLabel(card)
            words.setFont(theme.font(t.CAPTION))
            words.setProperty("role", "muted")
            words.setWordWrap(True)
            card.layout().addWidget(number)
            card.layout().addWidget(words)
            card.layout().addStretch(1)
            self.counts.addWidget(card, index // per_row, index % per_row)
            self.counts.setColumnStretch(index % per_row, 1)
            self.count_cards[key] = (number, words)
        layout.addLayout(self.counts)
        # Below the figures, filling the page while there is no report: the photos still to replace, the checks
        self._spacer = QWidget(main)
        # side by side; one above the other on a portrait screen, where the list's lines need the whole width
        lower = QVBoxLayout(self._spacer) if theme.portrait else QHBoxLayout(self._spacer)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.setSpacing(p(16))
        self.to_replace_card = self._card(self._spacer)
        self.to_replace_title = self._heading(self.to_replace_card)
        self.to_replace = QLabel()
        self.to_replace.setFont(theme.font(t.CAPTION))
        self.to_replace.setWordWrap(True)
        self.to_replace.setTextFormat(Qt.TextFormat.PlainText)
        self.to_replace.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.to_replace_scroll = TouchScrollArea(self.to_replace_card)  # long captions on a short screen scroll
        self.to_replace_scroll.setWidget(self.to_replace)
        self.to_replace_how = QLabel(self.to_replace_card)
        self.to_replace_how.setFont(theme.font(t.CAPTION - 2))
        self.to_replace_how.setProperty("role", "muted")
        self.to_replace_how.setWordWrap(True)
        self.to_replace_card.layout().addWidget(self.to_replace_title)
        self.to_replace_card.layout().addWidget(self.to_replace_how)  # what to do, then the files to do it to
        self.to_replace_card.layout().addWidget(self.to_replace_scroll, 1)
        self.check_card = self._card(self._spacer)
        self.check_title = self._heading(self.check_card)
        self.checked = QLabel(self.check_card)
        self.checked.setFont(theme.font(t.CAPTION))
        self.checked.setWordWrap(True)
        self.check_how = QLabel(self.check_card)
        self.check_how.setFont(theme.font(t.CAPTION - 2))
        self.check_how.setProperty("role", "muted")
        self.check_how.setWordWrap(True)
        self.check_how.setTextFormat(Qt.TextFormat.PlainText)
        for widget in (self.check_title, self.checked, self.check_how):
            self.check_card.layout().addWidget(widget)
        self.check_card.layout().addStretch(1)
        lower.addWidget(self.to_replace_card, 3)
        lower.addWidget(self.check_card, 2)
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

    def _card(self, parent: QWidget) -> QWidget:
        card = QWidget(parent)
        card.setObjectName("ContentCard")
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        box = QVBoxLayout(card)
        p = self._theme.px
        box.setContentsMargins(p(24), p(16), p(24), p(16))
        box.setSpacing(p(10))
        return card

    def _heading(self, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setFont(self._theme.font(t.CAPTION + 2, bold=True))
        label.setWordWrap(True)
        return label

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
        self._show_overview()

    def _show_overview(self) -> None:
        """The content's counts, its placeholder photos and when the folder was last checked."""
        ex, lang = self._exhibition, self.lang
        if ex is None or self._folder is None:
            return
        photos = ex.all_photos()
        stand_ins = [photo for photo in photos if photo.placeholder]
        counts = {
            "sections": len(ex.sections), "photos": len(photos), "placeholders": len(stand_ins),
            "events": len(ex.timeline.events) if ex.timeline is not None else None,
            "features": len(ex.map.features) if ex.map is not None else None,
        }
        for key, (number, words) in self.count_cards.items():
            value = counts[key]
            card = number.parentWidget()
            card.setVisible(value is not None)
            number.setText(str(value))
            words.setText(sw(f"count_{key}", lang))
        self.to_replace_title.setText(sw("to_replace_title", lang))
        if stand_ins:
            rows = [(photo.file, photo.caption.get(lang)) for photo in stand_ins[:TO_REPLACE_LISTED]]
            more = sw("to_replace_more", lang, more=len(stand_ins) - TO_REPLACE_LISTED) \
                if len(stand_ins) > TO_REPLACE_LISTED else ""
            self.to_replace.setTextFormat(Qt.TextFormat.RichText)
            self.to_replace.setText(_file_table(rows, more, QFontMetrics(self.to_replace.font())))
        else:
            self.to_replace.setTextFormat(Qt.TextFormat.PlainText)
            self.to_replace.setText(sw("to_replace_none", lang))
        self.to_replace_how.setVisible(bool(stand_ins))
        self.to_replace_how.setText(sw("to_replace_how", lang))
        self.check_title.setText(sw("check_title", lang))
        note = self._watch
        if note is None:
            self.checked.setText(sw("checked_at_start", lang))
        else:
            self.checked.setText(sw("checked_last", lang, time=note.when.strftime("%Y-%m-%d %H:%M:%S")))
        self.check_how.setText(sw("check_how", lang, folder=self._folder))

    def _show_watch(self) -> None:
        note = self._watch
        self._show_overview()
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


def _file_table(rows: list[tuple[str, str]], more: str, metrics: QFontMetrics) -> str:
    """The placeholder photos as two columns: each file name whole in the first, its caption wrapping in the
    second beside it (a caption that ran on under the next file name blurred the list), and `more` below."""
    gap = metrics.horizontalAdvance("　")  # an ideographic space between the columns
    pad = f"padding-right:{gap}px; padding-bottom:{max(2, metrics.height() // 6)}px"
    body = "".join(
        f'<tr><td nowrap style="{pad}">{html.escape(file)}</td><td style="padding-bottom:'
        f'{max(2, metrics.height() // 6)}px">{html.escape(caption)}</td></tr>'
        for file, caption in rows
    )
    if more:
        body += f'<tr><td colspan="2">{html.escape(more)}</td></tr>'
    return f'<table cellspacing="0" cellpadding="0">{body}</table>'

