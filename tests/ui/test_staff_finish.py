"""The staff pages in the panel's language: visitor names for statistics keys, local dates, words that say
what a choice does, charts that say when nothing is counted yet, and facts that follow along while shown."""

from __future__ import annotations

import re
from datetime import date

import pytest

from kiosk.ui.staff.bar_chart import BarChart
from kiosk.ui.staff.diagnostics_page import DiagnosticsPage
from kiosk.ui.staff.stats_page import day_label, visitor_name

from .helpers import settle


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_statistics_name_screens_as_visitors_know_them(kiosk, lang):
    ex = kiosk.exhibition
    event = next(e for e in ex.timeline.events if e.map_features)
    section = ex.sections[0]
    assert visitor_name("photo", ex, lang) == ("照片查看" if lang == "zh" else "Photo viewer")
    assert visitor_name(f"section/{section.id}", ex, lang) == section.title.get(lang)
    named = visitor_name(f"map/{event.id}", ex, lang)
    assert ex.map.title.get(lang) in named and event.title.get(lang) in named
    assert visitor_name("map/no-such-event", ex, lang) == ex.map.title.get(lang)
    assert visitor_name("retired-screen", ex, lang) == "retired-screen"
    assert kiosk.staff.controller.services.screen_title("photo") == visitor_name("photo", ex, kiosk.window.lang)


def test_chart_days_are_written_the_local_way():
    assert day_label(date(2026, 12, 5), "zh") == "12月5日"
    assert day_label(date(2026, 12, 5), "en") == "5 Dec"


@pytest.mark.parametrize(("lang", "words"), [("zh", "直接切换"), ("en", "Cut (no animation)")])
def test_the_transition_choice_none_says_it_cuts(kiosk, lang, words):
    controller = kiosk.staff.controller
    kiosk.window.set_language(lang)
    controller.open_panel()
    page = controller.page("settings")
    transition = page.controls["attract_transition"]
    photos = page.controls["attract_photos"]
    assert transition.chips["none"].text() == words
    assert photos.chips["none"].text() == ("不播放照片" if lang == "zh" else "No photos")
    controller.close()


def test_an_empty_chart_says_no_visits_yet(qtbot, kiosk):
    controller = kiosk.staff.controller
    controller.open_panel()
    controller.panel.show_page("stats")
    charts = controller.page("stats").findChildren(BarChart)
    assert charts and all(chart.empty_text == "还没有参观记录" for chart in charts)
    assert not any(any(chart.values) for chart in charts[:2])
    controller.close()


def test_diagnostics_follow_along_only_while_shown(qtbot, kiosk):
    ticks = iter(range(1000))
    log = ["first line"]
    page = DiagnosticsPage(kiosk.window.theme, lambda lang: [("Uptime", f"{next(ticks)} s")], lambda: list(log))
    qtbot.addWidget(page)
    page.set_language("en")
    assert not page.is_live()
    page.show()
    settle()
    assert page.is_live()
    shown = page._value_labels[0].text()
    log.append("second line")
    page.update_live()  # what the timer calls every LIVE_MS
    assert page._value_labels[0].text() != shown
    assert "second line" in page.log_text.text()
    page.hide()
    assert not page.is_live()


def test_staff_facts_read_in_chinese(qtbot, kiosk):
    """Uptime in 分/秒, a date written out, no English word, and full-width colons on the Content page."""
    import re

    from kiosk.ui.staff.content_page import ContentPage

    facts = dict(kiosk.staff.controller.services.facts("zh"))
    values = "\n".join(value for name, value in facts.items() if name != "文件")
    assert re.fullmatch(r"\d+ 分 \d{2} 秒", facts["运行时间"]), facts["运行时间"]
    assert "physical" not in values and " min" not in values
    page = ContentPage(kiosk.window.theme, lambda: [])
    qtbot.addWidget(page)
    page.set_language("zh")
    page.show_content(kiosk.content_dir, kiosk.exhibition)
    text = page.facts.text()
    assert "当前内容：" in text and "内容文件夹：" in text and "内容版本：" in text, text
    first = text.splitlines()[0]
    assert " — " not in first and first.endswith("张照片）"), first


def test_an_empty_log_says_so(qtbot, kiosk):
    log: list[str] = []
    page = DiagnosticsPage(kiosk.window.theme, lambda lang: [("Uptime", "1 s")], lambda: list(log))
    qtbot.addWidget(page)
    page.set_language("zh")
    page.refresh()
    assert page.log_text.text() == "日志文件中还没有记录。"
    log.append("2026-12-05 11:38:54,439 INFO kiosk.app: started")
    page.update_live()
    assert page.log_text.text() == log[0]


@pytest.mark.parametrize("size", [(1080, 1920), (1366, 768), (1920, 1080)])
def test_staff_descriptions_leave_no_word_alone_on_a_last_line(qtbot, make_kiosk, size):
    """The statistics' summary (and the panel's other descriptive lines) are set by the visitors' typography:
    "…0 map features / tapped" on a portrait stand left one word on the last line."""
    kiosk = make_kiosk(size=size, lang="en")
    controller = kiosk.staff.controller
    controller.open_panel()
    controller.panel.show_page("stats")
    settle()
    page = controller.page("stats")
    for label in (page.totals, page.accessible, page.where, controller.panel.nag):
        if not label.isVisible():
            continue
        lines = _shown_lines(label)
        assert lines, label.objectName()
        if len(lines) > 1:
            assert len(lines[-1].split()) > 1, f"{lines!r}: a word alone on the last line"
    controller.close()


def _shown_lines(label) -> list[str]:
    """The lines a word-wrapped label shows: its own line breaks, then Qt's wrap at the label's width."""
    from PySide6.QtGui import QTextLayout, QTextOption

    text = label.text() if "<" not in label.text() else label.source()
    out: list[str] = []
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, label.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(label.contentsRect().width())
            out.append(paragraph[line.textStart():line.textStart() + line.textLength()].strip())
        layout.endLayout()
    return [line for line in out if line]


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768)])
def test_setting_chips_start_at_the_setting_words_left_edge(qtbot, make_kiosk, size):
    from PySide6.QtCore import QPoint

    kiosk = make_kiosk(size=size, lang="en")
    controller = kiosk.staff.controller
    controller.open_panel()
    settle()
    page = controller.page("settings")
    for name in ("attract_photos", "attract_transition"):
        chip = next(iter(page.controls[name].chips.values()))
        label = page._labels[name]
        chip_x = chip.mapTo(page, QPoint(0, 0)).x()
        label_x = label.mapTo(page, QPoint(0, 0)).x() + label.contentsRect().left()
        assert abs(chip_x - label_x) <= 1, f"{name}: chips at {chip_x}, words at {label_x}"
    controller.close()


def test_statistics_have_no_empty_line_above_the_charts(qtbot, make_kiosk):
    from PySide6.QtCore import QPoint

    kiosk = make_kiosk(size=(1920, 1080), lang="zh")
    controller = kiosk.staff.controller
    controller.open_panel()
    controller.panel.show_page("stats")
    settle()
    page = controller.page("stats")
    buttons_bottom = page.export_button.mapTo(page, QPoint(0, page.export_button.height())).y()
    chart_top = page.per_day.mapTo(page, QPoint(0, 0)).y()
    assert chart_top - buttons_bottom <= kiosk.window.theme.px(20), "a blank line between the buttons and charts"
    controller.close()


def test_diagnostics_in_chinese_take_full_width_punctuation(qtbot, kiosk):
    """"设置: /…" and "96 dpi, 60 Hz; 窗口" mixed half-width marks into the Chinese page."""
    facts = dict(kiosk.staff.controller.services.facts("zh"))
    files = facts["文件位置"].splitlines()
    assert files and all(re.match(r"^[\u4e00-\u9fff]+：", line) for line in files), files
    screen = facts["屏幕"]
    assert ", " not in screen and "; " not in screen and "；窗口" in screen, screen
    english = dict(kiosk.staff.controller.services.facts("en"))
    assert english["Files"].startswith("settings: ") and "; window" in english["Screen"]


@pytest.mark.parametrize(("lang", "words"), [("zh", "秒后恢复触摸"), ("en", "seconds until touch works again")])
def test_cleaning_mode_says_what_its_number_counts(qtbot, kiosk, lang, words):
    from . import touch

    controller = kiosk.staff.controller
    kiosk.window.set_language(lang)
    controller.open_panel()
    touch.tap(controller.panel.tabs["diagnostics"])
    touch.tap(controller.page("diagnostics").cleaning_button)
    overlay = controller.cleaning
    assert overlay.isVisible() and overlay.count.text() == str(controller.cleaning_seconds)
    assert overlay.unit.isVisible() and overlay.unit.text() == words
    assert overlay.unit.geometry().top() >= overlay.count.geometry().bottom(), "under the number"
    overlay.stop()
    controller.close()


def test_no_accessible_visits_reads_as_words():
    from kiosk.ui.staff.stats_page import accessible_text

    assert accessible_text(0, 0, "en") == "Of these in accessible mode: none"
    assert accessible_text(0, 12, "zh") == "其中使用无障碍模式：0 次"
    assert accessible_text(3, 12, "en") == "Of these in accessible mode: 3 (25 %)"


def test_statistics_with_no_visits_say_so_instead_of_an_average_of_none(qtbot, make_kiosk):
    from kiosk.ui.staff.stats_page import StatsPage

    kiosk = make_kiosk()
    stats = kiosk.staff.stats
    assert stats.totals().visits == 0
    page = StatsPage(kiosk.window.theme, stats, lambda subject: subject)
    qtbot.addWidget(page)
    page.set_language("zh")
    assert page.totals.source() == "近 14 天：还没有参观记录"
    page.set_language("en")
    assert page.totals.source() == "Last 14 days: no visits yet"
    stats.start_visit()
    stats.end_visit()
    page.refresh()
    assert page.totals.source().startswith("Last 14 days: visits 1, ")
