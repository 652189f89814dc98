"""The staff panel's pages, operated by touch: every declared setting changes and survives a restart (large
text visibly scales the visitors' text), statistics after a scripted visit and a CSV that re-reads to the same
numbers, content reload (broken content keeps the old exhibition running and lists the problems exactly as
`kiosk check` prints them), diagnostics, cleaning mode, touch test, exit and restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint

from kiosk.__main__ import main as kiosk_main
from kiosk.app import build
from kiosk.navigation import Route
from kiosk.staff.pin import DEFAULT_PIN
from kiosk.staff.settings import (
    OPTIONS,
    BoolOption,
    ChoiceOption,
    HoursOption,
    IdListOption,
    IntOption,
    ScreenOption,
)
from kiosk.staff.stats import read_hourly_csv
from kiosk.ui.panels.home_screen import HomeScreen
from kiosk.ui.staff.choice_control import ChoiceControl
from kiosk.ui.staff.hours_control import HoursControl
from kiosk.ui.staff.stepper_control import StepperControl
from kiosk.ui.staff.toggle_control import ToggleControl

from . import touch
from .helpers import hold_staff_corner

SHIPPED = Path(__file__).resolve().parents[2] / "assets" / "content"


def open_panel(qtbot, kiosk):
    c = kiosk.staff.controller
    hold_staff_corner(qtbot, kiosk)
    for digit in DEFAULT_PIN:
        touch.tap(c.pad.keys[digit])
    touch.tap(c.pad.keys["ok"])
    assert c.panel_open
    return c


def restart(qtbot, **kwargs):
    again = build(size=(1920, 1080), **kwargs)
    again.window.allow_close = True
    qtbot.addWidget(again.window)
    return again


def tap_visible(qtbot, page, widget):
    page.scroll.ensureWidgetVisible(widget)
    qtbot.waitUntil(lambda: widget.visibleRegion().boundingRect().height() >= widget.height() - 1, timeout=2000)
    touch.tap(widget)


def operate(qtbot, page, option, control):
    """Change one setting the way staff would, by touch; returns the value it should now have."""
    current = page._settings.get(option.name)
    if isinstance(option, BoolOption):
        assert isinstance(control, ToggleControl)
        tap_visible(qtbot, page, control)
        return not current
    if isinstance(option, IntOption):
        assert isinstance(control, StepperControl)
        button = control.plus if current < option.maximum else control.minus
        tap_visible(qtbot, page, button)
        return control.value()
    if isinstance(option, ChoiceOption):
        assert isinstance(control, ChoiceControl)
        other = next(c for c in option.choices if c != current)
        tap_visible(qtbot, page, control.chips[other])
        return other
    if isinstance(option, IdListOption):
        assert isinstance(control, ChoiceControl)
        first = next(iter(control.chips))
        tap_visible(qtbot, page, control.chips[first])
        return [first] if first not in current else [c for c in current if c != first]
    if isinstance(option, ScreenOption):  # the primary (empty) or a connected screen by its name
        assert isinstance(control, ChoiceControl)
        other = next(c for c in control.chips if c != current)
        tap_visible(qtbot, page, control.chips[other])
        return other
    if isinstance(option, HoursOption):
        assert isinstance(control, HoursControl)
        tap_visible(qtbot, page, control.open_buttons["sun"])
        tap_visible(qtbot, page, control.nudge_buttons[("sat", 1, 1)])
        return control.value()
    raise AssertionError(f"no way to operate {option.name}")


SHOWN = [o for o in OPTIONS if o.name != "pin_hash"]


@pytest.mark.parametrize("option", SHOWN, ids=[o.name for o in SHOWN])
def test_every_setting_changes_by_touch_and_survives_a_restart(qtbot, make_kiosk, option):
    kiosk = make_kiosk()
    c = open_panel(qtbot, kiosk)
    page = c.page("settings")
    control = page.controls[option.name]
    before = kiosk.staff.settings.get(option.name)
    expected = operate(qtbot, page, option, control)
    assert kiosk.staff.settings.get(option.name) == expected != before
    assert page._status[option.name].text(), "staff see that it was saved"
    again = restart(qtbot)
    assert again.staff.settings.get(option.name) == expected


def test_a_setting_the_disk_refuses_says_not_saved_and_keeps_the_old_value(qtbot, make_kiosk, monkeypatch):
    import errno

    from kiosk.staff import settings as settings_module

    kiosk = make_kiosk(lang="en")
    c = open_panel(qtbot, kiosk)
    page = c.page("settings")
    control = page.controls["idle_timeout_s"]
    before = kiosk.staff.settings.get("idle_timeout_s")

    def disk_full(path, text):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(settings_module, "write_atomically", disk_full)
    tap_visible(qtbot, page, control.plus)
    status = page._status["idle_timeout_s"].text()
    assert status.startswith("Not saved") and "No space left on device" in status
    assert "Saved and applied" not in status
    assert control.value() == before == kiosk.staff.settings.get("idle_timeout_s")  # what runs is what it says
    monkeypatch.undo()
    again = restart(qtbot)
    assert again.staff.settings.get("idle_timeout_s") == before


def test_large_text_scales_the_visitors_text_at_once_and_after_a_restart(qtbot, make_kiosk):
    kiosk = make_kiosk()
    home = kiosk.window.screen_for(Route("home"))
    before = home.subtitle_label.font().pixelSize()
    c = open_panel(qtbot, kiosk)
    page = c.page("settings")
    tap_visible(qtbot, page, page.controls["large_text"])
    rebuilt = kiosk.window.screen_for(Route("home"))
    assert isinstance(rebuilt, HomeScreen) and rebuilt is not home
    assert rebuilt.subtitle_label.font().pixelSize() >= before * 1.15
    assert kiosk.window.bar.home_button.font().pixelSize() > kiosk.window.theme.px(28)
    panel_font = c.panel.title.font().pixelSize()
    assert panel_font == kiosk.window.theme.px(40), "the staff panel keeps its own size"
    again = restart(qtbot)
    home_again = again.window.screen_for(Route("home"))
    assert home_again.subtitle_label.font().pixelSize() == rebuilt.subtitle_label.font().pixelSize()


def test_default_language_setting_is_the_start_language_after_a_restart(qtbot, make_kiosk):
    kiosk = make_kiosk()
    c = open_panel(qtbot, kiosk)
    page = c.page("settings")
    tap_visible(qtbot, page, page.controls["default_language"].chips["en"])
    again = restart(qtbot)
    assert again.window.lang == "en"


def test_statistics_after_a_scripted_visit_and_a_csv_that_rereads_the_same(qtbot, make_kiosk, tmp_path):
    kiosk = make_kiosk()
    window = kiosk.window
    home = window.screen_for(Route("home"))
    with qtbot.waitSignal(window.screen_entered, timeout=5000):
        touch.tap(home.tiles[1])  # the first touch after start: a visit begins
    assert kiosk.staff.stats.in_visit
    kiosk.context.record("photo", "service-platform")
    kiosk.context.record("map_feature", "lukou-bridge")
    with qtbot.waitSignal(window.screen_entered, timeout=5000):
        touch.tap(window.bar.home_button)
    unattended = getattr(kiosk, "unattended", None)
    (unattended.visit_ended.emit if unattended else kiosk.staff.stats.end_visit)()  # what the idle reset does
    assert not kiosk.staff.stats.in_visit

    c = open_panel(qtbot, kiosk)
    touch.tap(c.panel.tabs["stats"])
    page = c.page("stats")
    totals = kiosk.staff.stats.totals()
    assert (totals.visits, totals.photos, totals.map_features) == (1, 1, 1)
    assert totals.screens == 2  # home (where the visit began) and the section; not the reset's home
    assert "1" in page.totals.source()
    assert page.per_day.values[-1] == 1 and sum(page.per_hour.values) == 1
    section_title = kiosk.exhibition.sections[1].title.zh
    assert section_title in page.top_screens.labels

    stick = tmp_path / "usb-stick"
    stick.mkdir()
    page.picker._places = lambda: [__import__("kiosk.staff.drives", fromlist=["Place"]).Place(stick, "USB", True)]
    touch.tap(page.export_button)
    assert page.stack.currentWidget() is page._picker_page
    touch.tap(page.picker.buttons[0])
    files = sorted(stick.glob("*.csv"))
    assert len(files) == 2, page.message.source()
    rows = read_hourly_csv(next(f for f in files if f.name.endswith("-hourly.csv")))
    assert sum(r["visits"] for r in rows) == totals.visits
    assert sum(r["screens_opened"] for r in rows) == totals.screens
    assert sum(r["photos_opened"] for r in rows) == totals.photos
    assert sum(r["map_features_tapped"] for r in rows) == totals.map_features
    assert str(stick) in page.message.source()


def test_a_damaged_statistics_database_is_reported_on_the_statistics_and_diagnostics_pages(qtbot, make_kiosk):
    from kiosk import paths

    data = paths.user_data_dir()
    data.mkdir(parents=True)
    (data / "statistics.sqlite3").write_bytes(b"not a database, a damaged header" * 200)
    kiosk = make_kiosk(lang="en")
    kept = sorted(data.glob("statistics.corrupt-*.sqlite3"))
    assert len(kept) == 1
    c = open_panel(qtbot, kiosk)
    touch.tap(c.panel.tabs["stats"])
    page = c.page("stats")
    assert page.problem.isVisible()
    assert "damaged" in page.problem.source() and kept[0].name in page.problem.source()
    touch.tap(c.panel.tabs["diagnostics"])
    diagnostics = c.page("diagnostics")
    shown = "\n".join(w.text() for w in diagnostics.findChildren(type(diagnostics.fps_label)) if w.isVisible())
    assert kept[0].name in shown
    assert kiosk.staff.stats.problem.kind == "damaged"  # and statistics are on again, in a fresh file
    kiosk.staff.stats.start_visit()
    kiosk.staff.stats.end_visit()
    assert kiosk.staff.stats.totals().visits == 1


def test_opening_a_photo_is_counted(qtbot, kiosk):
    touch.tap(kiosk.window, QPoint(900, 300))  # a visit begins
    photo = kiosk.exhibition.all_photos()[0]
    kiosk.context.open_photo(photo.id)
    assert [(i.subject, i.count) for i in kiosk.staff.stats.top("photo")] == [(photo.id, 1)]


def test_the_panel_is_not_a_visit(qtbot, kiosk):
    open_panel(qtbot, kiosk)
    touch.tap(kiosk.staff.controller.panel.tabs["content"])
    touch.tap(kiosk.staff.controller.panel.close_button)
    assert kiosk.staff.stats.totals().visits <= 1
    assert kiosk.staff.stats.totals().screens <= 1


def test_reload_with_broken_content_keeps_the_old_and_lists_the_problems(qtbot, make_kiosk, content_copy, capsys):
    kiosk = make_kiosk(content=content_copy)
    old = kiosk.exhibition
    home = kiosk.window.screen_for(Route("home"))
    c = open_panel(qtbot, kiosk)
    touch.tap(c.panel.tabs["content"])
    page = c.page("content")
    assert str(content_copy) in page.facts.text()
    path = content_copy / "sections" / "party.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\nthis is not toml\n", encoding="utf-8")
    (content_copy / "photos" / "grid-management-centre.jpg").unlink()
    touch.tap(page.reload_button)
    assert kiosk.exhibition is old and kiosk.context.exhibition is old
    assert kiosk.window.screen_for(Route("home")) is home, "the running screens stay"
    assert kiosk_main(["check", "--content", str(content_copy)]) == 1
    printed = capsys.readouterr().out.strip()
    assert printed and page.problems.text().startswith(printed)
    assert page.scroll.isVisible()


def test_a_reload_with_thousands_of_problems_lists_the_first_ones_and_says_how_many_more(qtbot, make_kiosk,
                                                                                       content_copy):
    kiosk = make_kiosk(content=content_copy)
    c = open_panel(qtbot, kiosk)
    touch.tap(c.panel.tabs["content"])
    page = c.page("content")
    party = content_copy / "sections" / "party.toml"  # 3,000 stray tables: a problem each
    party.write_text(party.read_text(encoding="utf-8") + "".join(f"\n[stray{i}]\n" for i in range(3000)),
                     encoding="utf-8")
    touch.tap(page.reload_button)
    shown = page.problems.text().splitlines()
    assert len(shown) < 210
    assert shown[0].startswith("sections/party.toml: ") and "stray" in shown[0]
    assert any("2800" in line and "kiosk check" in line for line in shown), shown[-3:]


def test_reload_with_good_content_rebuilds_the_screens(qtbot, make_kiosk, content_copy):
    kiosk = make_kiosk(content=content_copy)
    c = open_panel(qtbot, kiosk)
    touch.tap(c.panel.tabs["content"])
    path = content_copy / "exhibition.toml"
    text = path.read_text(encoding="utf-8")
    new_subtitle = "株洲发展成就巡礼·渌口篇（新版）"
    old_subtitle = kiosk.exhibition.subtitle.zh
    assert old_subtitle in text
    path.write_text(text.replace(old_subtitle, new_subtitle, 1), encoding="utf-8")
    touch.tap(c.page("content").reload_button)
    assert kiosk.exhibition.subtitle.zh == new_subtitle
    home = kiosk.window.screen_for(Route("home"))
    assert home.subtitle_label.text() == new_subtitle
    assert "OK" in c.page("content").outcome.text()


def test_diagnostics_show_versions_memory_and_the_log(qtbot, kiosk):
    import logging

    logging.getLogger("kiosk.test").warning("a line for the log tail")
    c = open_panel(qtbot, kiosk)
    touch.tap(c.panel.tabs["diagnostics"])
    page = c.page("diagnostics")
    texts = [w.text() for w in page.findChildren(type(page.fps_label)) if w.isVisible()]
    joined = "\n".join(texts)
    assert "kiosk 0." in joined and "MB" in joined and "1920" in joined
    qtbot.waitUntil(lambda: "fps" in page.fps_label.text(), timeout=5000)


def test_cleaning_mode_ignores_touch_then_returns_to_the_panel(qtbot, kiosk):
    c = open_panel(qtbot, kiosk)
    c.cleaning_seconds = 2
    touch.tap(c.panel.tabs["diagnostics"])
    touch.tap(c.page("diagnostics").cleaning_button)
    overlay = c.cleaning
    assert overlay.isVisible() and overlay.count.text() == "2"
    for pos in (QPoint(400, 400), QPoint(1500, 900), QPoint(10, 10)):
        touch.tap(kiosk.window, pos)
    touch.swipe(kiosk.window, -500)
    assert overlay.touches_ignored == 4
    assert c.panel_open and c.panel.current_page() == "diagnostics"
    with qtbot.waitSignal(overlay.finished, timeout=5000):
        pass
    assert not overlay.isVisible() and c.panel_open


def test_touch_test_draws_every_point(qtbot, kiosk):
    c = open_panel(qtbot, kiosk)
    touch.tap(c.panel.tabs["diagnostics"])
    touch.tap(c.page("diagnostics").touch_test_button)
    overlay = c.touch_test
    assert overlay.isVisible()
    seq = touch._sequence(kiosk.window)
    seq.press(0, QPoint(300, 500)).press(1, QPoint(900, 500)).press(2, QPoint(1300, 700)).commit()
    qtbot.waitUntil(lambda: len(overlay.points) == 3, timeout=2000)
    touch._sequence(kiosk.window).release(0, QPoint(300, 500)).release(1, QPoint(900, 500)).release(
        2, QPoint(1300, 700)).commit()
    qtbot.waitUntil(lambda: not overlay.points, timeout=2000)
    assert overlay.most_at_once == 3 and len(overlay.marks) == 3
    touch.tap(kiosk.window, overlay.done_rect().center().toPoint())
    assert not overlay.isVisible() and c.panel_open


def test_exit_and_restart_need_a_second_tap(qtbot, kiosk):
    c = open_panel(qtbot, kiosk)
    exits, restarts = [], []
    c.exit_requested.disconnect()
    c.restart_requested.disconnect()
    c.exit_requested.connect(lambda: exits.append(1))
    c.restart_requested.connect(lambda: restarts.append(1))
    touch.tap(c.panel.tabs["diagnostics"])
    page = c.page("diagnostics")
    touch.tap(page.exit_button)
    assert exits == [] and page.exit_button.text() == "再按一次确认"
    touch.tap(page.exit_button)
    assert exits == [1]
    touch.tap(page.restart_button)
    touch.tap(page.restart_button)
    assert restarts == [1]


def test_an_abandoned_panel_closes_itself(qtbot, kiosk):
    c = open_panel(qtbot, kiosk)
    c._arm(300)
    qtbot.waitUntil(lambda: not c.is_open, timeout=3000)
    assert c.gesture.enabled


def test_an_abandoned_touch_test_closes_with_the_panel(qtbot, kiosk, monkeypatch):
    from kiosk.ui.staff import staff_controller

    c = open_panel(qtbot, kiosk)
    touch.tap(c.panel.tabs["diagnostics"])
    monkeypatch.setattr(staff_controller, "PANEL_TIMEOUT_MS", 300)
    touch.tap(c.page("diagnostics").touch_test_button)
    assert c.touch_test.isVisible()
    qtbot.waitUntil(lambda: not c.is_open, timeout=3000)
    assert not c.touch_test.isVisible() and c.gesture.enabled


def test_a_not_saved_message_leaves_the_control_in_reach_on_a_portrait_screen(qtbot, make_kiosk, monkeypatch):
    """Beside the control, the long refusal squeezed the description to a word a line and pushed − / + off the
    right edge of a portrait screen; it now stands on a line of its own under the setting."""
    import errno

    from kiosk.staff import settings as settings_module

    kiosk = make_kiosk(size=(1080, 1920), lang="en")
    c = open_panel(qtbot, kiosk)
    page = c.page("settings")
    control = page.controls["idle_timeout_s"]

    def disk_full(path, text):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(settings_module, "write_atomically", disk_full)
    tap_visible(qtbot, page, control.plus)
    status = page._status["idle_timeout_s"]
    assert status.text().startswith("Not saved") and status.isVisible()
    viewport = page.scroll.viewport()
    for button in (control.minus, control.plus):
        right = button.mapTo(viewport, button.rect().topRight()).x()
        assert right < viewport.width(), "the control is pushed off the screen"
    assert page._labels["idle_timeout_s"].width() > viewport.width() // 3, "the description is squeezed"


def test_the_accessibility_group_sets_the_mounting_and_high_contrast(qtbot, make_kiosk):
    from kiosk.ui import theme as t

    kiosk = make_kiosk(lang="en")
    c = open_panel(qtbot, kiosk)
    page = c.page("settings")
    assert page._accessibility is not None and page._accessibility.text() == "Accessibility"
    kiosk.staff.settings.update({"screen_diagonal_in": 55, "screen_bottom_cm": 90})
    note = page._reach_note.source()
    assert "0.90–1.20 m" in note and "473 rows" in note and '55"' in note
    kiosk.staff.settings.set("screen_bottom_cm", 50)  # 0.5–1.18 m: all within reach
    assert "all within seated reach" in page._reach_note.source()
    try:
        tap_visible(qtbot, page, page.controls["high_contrast"])
        assert kiosk.staff.settings.high_contrast and t.high_contrast and t.BACKGROUND == "#000000"
        assert "#000000" in kiosk.app.styleSheet()
        touch.tap(page.controls["high_contrast"])
        assert not t.high_contrast and t.BACKGROUND == t.STANDARD_PALETTE["BACKGROUND"]
    finally:
        t.use_palette(False)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768)])
def test_setting_descriptions_never_leave_a_character_alone(qtbot, make_kiosk, size):
    """"“还在参观吗？”倒计时秒数，结束后回到首 / 页": a description is broken by the typography rules."""
    from .test_typography_on_screen import assert_well_set

    kiosk = make_kiosk(size=size)
    c = open_panel(qtbot, kiosk)
    page = c.page("settings")
    for name, label in page._labels.items():
        qtbot.waitUntil(lambda label=label: label.width() > 1 and bool(label.lines()))
        assert_well_set(label.lines(), name)
