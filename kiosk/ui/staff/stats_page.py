"""Visitor statistics: the totals, visits per day and per hour and the most opened screens as bar charts, and
an export to CSV into a folder staff pick by touch (a USB stick)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content.schema import Exhibition, Lang
from kiosk.staff.diagnostics import format_duration
from kiosk.staff.drives import Place, export_places
from kiosk.staff.stats import DAMAGED, SCREEN, VisitorStats
from kiosk.ui import theme as t
from kiosk.ui.staff.bar_chart import BarChart
from kiosk.ui.staff.folder_picker import FolderPicker
from kiosk.ui.staff.strings import sw
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.typeset_label import TypesetLabel

log = logging.getLogger(__name__)

DAYS = 14
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
HOUR_DAYS = 30
TOP = 8


class StatsPage(QWidget):
    def __init__(
        self,
        theme: Theme,
        stats: VisitorStats,
        screen_title: Callable[[str], str],
        places: Callable[[], list[Place]] = export_places,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._theme = theme
        self._stats = stats
        self._screen_title = screen_title
        self.lang: Lang = "zh"
        p = theme.px
        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        charts = QWidget()
        layout = QVBoxLayout(charts)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(p(14))
        # Descriptive lines set like the visitors' text: between phrases, balanced, no word alone on a last line
        self.totals = TypesetLabel(charts)
        self.totals.setFont(theme.font(t.CAPTION + 2, bold=True))
        self.accessible = TypesetLabel(charts)  # visits that used accessible mode, of the totals' days
        self.accessible.setFont(theme.font(t.CAPTION))
        self.problem = TypesetLabel(charts)  # a damaged database set aside, or statistics that cannot be stored
        self.problem.setFont(theme.font(t.CAPTION))
        self.problem.setProperty("role", "warning")
        self.problem.hide()
        buttons = QHBoxLayout()
        self.export_button = QPushButton(charts)
        self.export_button.setProperty("role", "primary")
        self.refresh_button = QPushButton(charts)
        for button in (self.export_button, self.refresh_button):
            button.setFont(theme.font(t.CAPTION + 2, bold=True))
            button.setMinimumHeight(p(t.TOUCH_TARGET))
        self.export_button.clicked.connect(self._choose_folder)
        self.refresh_button.clicked.connect(self.refresh)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        self.message = TypesetLabel(charts)
        self.message.setFont(theme.font(t.CAPTION - 2))
        self.message.hide()  # until an export has something to say: an empty line left a gap above the charts
        self.per_day = BarChart(theme)
        self.per_hour = BarChart(theme)
        self.top_screens = BarChart(theme, horizontal=True)
        grid = QGridLayout()
        grid.setSpacing(p(14))
        if theme.portrait:
            grid.addWidget(self.per_day, 0, 0)
            grid.addWidget(self.per_hour, 1, 0)
            grid.addWidget(self.top_screens, 2, 0)
        else:
            grid.addWidget(self.per_day, 0, 0)
            grid.addWidget(self.per_hour, 0, 1)
            grid.addWidget(self.top_screens, 1, 0, 1, 2)
        self.where = TypesetLabel(charts)
        self.where.setFont(theme.font(t.CAPTION - 4))
        self.where.setProperty("role", "muted")
        layout.addWidget(self.problem)
        layout.addWidget(self.totals)
        layout.addWidget(self.accessible)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addLayout(grid, 1)
        layout.addWidget(self.where)
        self.stack.addWidget(charts)

        self.picker = FolderPicker(theme, places)
        self.picker.chosen.connect(self.export_to)
        self.picker.cancelled.connect(self._back_to_charts)
        picker_page = QWidget()
        picker_layout = QVBoxLayout(picker_page)
        picker_layout.setContentsMargins(0, 0, 0, 0)
        picker_layout.addWidget(self.picker)
        picker_layout.addStretch(1)
        self.stack.addWidget(picker_page)
        self._charts = charts
        self._picker_page = picker_page

    def set_language(self, lang: Lang) -> None:
        self.lang = lang
        self.export_button.setText(sw("export_csv", lang))
        self.refresh_button.setText(sw("refresh", lang))
        self.where.set_source(sw("stats_where", lang, path=self._stats.path))
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        lang = self.lang
        warning = status_text(self._stats, lang)
        self.problem.set_source(warning)
        self.problem.setVisible(bool(warning))
        totals = self._stats.totals(days=DAYS)
        if totals.visits:
            self.totals.set_source(sw("stats_totals", lang, days=DAYS, visits=totals.visits,
                                   avg=format_duration(totals.average_visit_seconds, lang), photos=totals.photos,
                                   features=totals.map_features))
        else:  # no average of no visits
            self.totals.set_source(sw("stats_totals_none", lang, days=DAYS))
        self.accessible.set_source(accessible_text(totals.accessible_visits, totals.visits, lang))
        empty = sw("chart_empty", lang)
        days = self._stats.per_day(DAYS)
        labels = [day_label(d.day, lang) for d in days]
        self.per_day.set_data(sw("chart_per_day", lang), [d.visits for d in days], labels,
                              label_every=2 if self._theme.portrait else 1, empty_text=empty)
        hours = self._stats.per_hour(HOUR_DAYS)
        self.per_hour.set_data(sw("chart_per_hour", lang), [float(h) for h in hours], [str(h) for h in range(24)],
                               label_every=3, empty_text=empty)
        top = self._stats.top(SCREEN, TOP)
        self.top_screens.set_data(sw("chart_top_screens", lang), [i.count for i in top],
                                  [self._screen_title(i.subject) for i in top],
                                  [f"{i.count} · {format_duration(i.seconds, lang)}" for i in top], empty_text=empty)

    def show_charts(self) -> None:
        self.message.clear()
        self._back_to_charts()
        self.refresh()

    @Slot()
    def _choose_folder(self) -> None:
        self.picker.scan(self.lang)
        self.stack.setCurrentWidget(self._picker_page)

    @Slot()
    def _back_to_charts(self) -> None:
        self.stack.setCurrentWidget(self._charts)

    @Slot(object)
    def export_to(self, folder: Path) -> list[Path]:
        self._back_to_charts()
        try:
            files = self._stats.export_csv(folder)
        except OSError as exc:
            log.error("statistics export to %s failed: %s", folder, exc)
            self.message.show()
            self.message.set_source(sw("export_failed", self.lang, why=exc.strerror or exc))
            t.set_role(self.message, "warning")
            return []
        self.message.show()
        self.message.set_source(sw("export_done", self.lang, files=", ".join(str(f) for f in files)))
        t.set_role(self.message, "good")
        return files


def accessible_text(accessible: int, visits: int, lang: Lang) -> str:
    """How many of the visits used accessible mode, and what share of them."""
    if not accessible:  # "0 (–)" read as a code: no visits yet, or none of them in accessible mode
        return sw("stats_accessible_none", lang)
    share = f"{min(100, 100 * accessible / visits):.0f} %" if visits else "–"  # (the visit on now ends later)
    return sw("stats_accessible", lang, accessible=accessible, share=share)


def day_label(day: date, lang: Lang) -> str:
    """A day on the chart the way the kiosk's staff read dates: 12月5日, or 5 Dec (never the US 12/5)."""
    if lang == "zh":
        return f"{day.month}月{day.day}日"
    return f"{day.day} {MONTHS[day.month - 1]}"


def visitor_name(key: str, exhibition: Exhibition, lang: Lang) -> str:
    """What visitors call the screen a statistics key names ("photo", "map/<event>", "section/<id>"), in the
    panel's language; the key itself only for a screen the exhibition no longer has."""
    screen, _, arg = key.partition("/")
    try:
        if screen == "photo":
            return sw("screen_photo", lang)
        if screen == "section" and arg:
            return exhibition.section(arg).title.get(lang)
        if screen == "map" and exhibition.map is not None:
            title = exhibition.map.title.get(lang)
            if arg and exhibition.timeline is not None:
                try:
                    event = exhibition.timeline.event(arg).title.get(lang)
                except KeyError:  # an event no longer in the timeline: still the map
                    return title
                return sw("screen_map_event", lang, map=title, event=event)
            return title
        if screen == "timeline" and exhibition.timeline is not None:
            return exhibition.timeline.title.get(lang)
    except KeyError:
        pass
    return key


def status_text(stats: VisitorStats, lang: Lang) -> str:
    """What staff must know about the statistics themselves ("" when all is well)."""
    problem = stats.problem
    if problem is None:
        return ""
    when = problem.when.strftime("%Y-%m-%d %H:%M")
    if problem.kind == DAMAGED:
        return sw("stats_damaged", lang, when=when, file=problem.kept.name if problem.kept else "?")
    return sw("stats_off", lang, when=when, why=problem.reason)
