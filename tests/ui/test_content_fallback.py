"""Content the checks let through but the screens cannot be built from is still never left on screen: at start,
when a screen is first built, when the language switches, on a staff reload. The kiosk logs the cause and
shows the bundled (or last good) exhibition; nothing reaches the crash guard, so there is no error storm and no
restart loop. The faults are injected where the screens are built (the checks themselves are tested in
tests/unit/test_broken_content.py)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.navigation import Route
from kiosk.ui.panels import section_screen
from kiosk.ui.panels.section_screen import SectionScreen
from kiosk.ui.staff.strings import sw
from kiosk.ui.widgets.figure_card import FigureCard

from . import touch
from .helpers import plain
from .test_navigation import entered, home
from .test_staff_panel import open_panel

MARK = "（坏）"  # marks the section title of the copy whose screens are made to fail


def mark_develop(content: Path) -> None:
    path = content / "sections" / "develop.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('title = { zh = "提质发展 绘就精彩渌口"', f'title = {{ zh = "提质发展{MARK}"', 1)
    path.write_text(text, encoding="utf-8")


def is_marked(section) -> bool:
    return MARK in section.title.zh


@pytest.fixture
def section_fails_to_build(monkeypatch: pytest.MonkeyPatch) -> None:
    real = SectionScreen.__init__

    def init(self, theme, exhibition, section, *args, **kwargs):
        if is_marked(section):
            raise OverflowError("cannot convert float infinity to integer")
        real(self, theme, exhibition, section, *args, **kwargs)

    monkeypatch.setattr(section_screen.SectionScreen, "__init__", init)


@pytest.fixture
def section_fails_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    real = SectionScreen.set_language

    def set_language(self, lang):
        real(self, lang)
        if lang == "en" and is_marked(self._section):
            raise OverflowError("cannot convert float infinity to integer")

    monkeypatch.setattr(SectionScreen, "set_language", set_language)


def showing_bundled(kiosk) -> bool:
    bundled = kiosk.content_dir == paths.default_content_dir()
    return bundled and not any(is_marked(s) for s in kiosk.exhibition.sections)


def test_a_home_screen_that_fails_in_english_at_start_gives_the_bundled_exhibition(
    make_kiosk, content_copy: Path, monkeypatch: pytest.MonkeyPatch, caplog
):
    path = content_copy / "exhibition.toml"
    text = path.read_text(encoding="utf-8").replace('label = { zh = "渌口区辖镇"', 'label = { zh = "坏数字"', 1)
    path.write_text(text, encoding="utf-8")
    real = FigureCard.set_language

    def set_language(self, lang):
        if lang == "en" and self.figure.label.zh == "坏数字":
            raise OverflowError("cannot convert float infinity to integer")
        real(self, lang)

    monkeypatch.setattr(FigureCard, "set_language", set_language)
    caplog.set_level(logging.ERROR)
    kiosk = make_kiosk(content=content_copy)  # starts in Chinese: English is tried at start all the same
    assert kiosk.content_dir == paths.default_content_dir()
    assert [c.figure.label.zh for c in home(kiosk).figures][1] == "渌口区辖镇"
    notice = kiosk.content.notice
    assert notice is not None and notice.folder == content_copy and "OverflowError" in notice.cause
    assert any(r.exc_info and r.exc_info[0] is OverflowError for r in caplog.records), "logged with its cause"
    touch.tap(kiosk.window.bar.en_button)
    assert kiosk.window.lang == "en" and kiosk.crash_guard.errors == 0


def test_a_section_that_cannot_be_built_gives_the_bundled_exhibition(
    qtbot, make_kiosk, content_copy: Path, section_fails_to_build, caplog
):
    mark_develop(content_copy)
    caplog.set_level(logging.ERROR)
    kiosk = make_kiosk(content=content_copy)
    assert kiosk.content_dir == content_copy  # home builds: the section fails when it is first built
    touch.tap(home(kiosk).tiles[0])  # a visitor opens it (on the exhibition PC the warm-up gets there first)
    qtbot.waitUntil(lambda: showing_bundled(kiosk), timeout=10_000)
    assert kiosk.crash_guard.errors == 0
    assert "building section/develop: OverflowError" in kiosk.content.notice.cause
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[0]))
    assert isinstance(screen, SectionScreen) and screen.title.source() == "提质发展 绘就精彩渌口"


@pytest.mark.qt_no_exception_capture  # as in production: an error that escaped would reach the crash guard
def test_a_screen_that_fails_in_english_gives_the_bundled_exhibition_in_english(
    qtbot, make_kiosk, content_copy: Path, section_fails_in_english, caplog
):
    mark_develop(content_copy)
    kiosk = make_kiosk(content=content_copy, warm=True)
    qtbot.waitUntil(lambda: "section/develop" in kiosk.window.built_screens(), timeout=10_000)
    caplog.set_level(logging.ERROR)
    for _ in range(3):  # every tap on EN used to raise, until the error storm ended the process
        touch.tap(kiosk.window.bar.en_button)
        touch.tap(kiosk.window.bar.zh_button)
    touch.tap(kiosk.window.bar.en_button)
    qtbot.waitUntil(lambda: showing_bundled(kiosk), timeout=10_000)
    assert kiosk.crash_guard.errors == 0 and kiosk.window.isVisible()
    assert kiosk.window.lang == "en"
    assert plain(home(kiosk).title_label) == kiosk.exhibition.title.en
    assert any("showing section/develop in English failed" in r.getMessage() for r in caplog.records)
    section = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[0]))
    assert section.title.source() == kiosk.exhibition.sections[0].title.en


def test_reload_builds_the_new_screens_before_swapping_them_in(
    qtbot, make_kiosk, content_copy: Path, section_fails_to_build
):
    kiosk = make_kiosk(content=content_copy)
    old, home_screen = kiosk.exhibition, home(kiosk)
    c = open_panel(qtbot, kiosk)
    touch.tap(c.panel.tabs["content"])
    mark_develop(content_copy)  # passes every check; its section screen cannot be built
    page = c.page("content")
    touch.tap(page.reload_button)
    assert kiosk.exhibition is old and kiosk.context.exhibition is old
    assert kiosk.window.screen_for(Route("home")) is home_screen, "the running screens stay"
    assert page.outcome.text() == sw("reload_not_built", page.lang)
    assert "building section/develop: OverflowError: cannot convert float infinity" in page.problems.text()
    assert page.scroll.isVisible()
    assert kiosk.crash_guard.errors == 0
    assert f"{content_copy}" in page.facts.text() and "building section/develop" in page.facts.text(), "the note"


def test_reload_tries_both_languages_before_swapping(
    qtbot, make_kiosk, content_copy: Path, section_fails_in_english
):
    kiosk = make_kiosk(content=content_copy)
    before = kiosk.exhibition
    c = open_panel(qtbot, kiosk)
    touch.tap(c.panel.tabs["content"])
    path = content_copy / "exhibition.toml"
    text = path.read_text(encoding="utf-8").replace("株洲发展成就巡礼·渌口篇", "株洲发展成就巡礼·渌口篇（新）", 1)
    path.write_text(text, encoding="utf-8")
    mark_develop(content_copy)  # fails only in English: the reload's trial in both languages catches it
    page = c.page("content")
    touch.tap(page.reload_button)
    assert kiosk.exhibition is before
    assert "showing section/develop in English: OverflowError" in page.problems.text()


def test_after_a_good_reload_a_failing_screen_brings_back_the_content_shown_before(
    qtbot, make_kiosk, content_copy: Path, monkeypatch: pytest.MonkeyPatch
):
    armed = []  # the new content's screens fail only once it is showing: past the reload's own trial
    real = SectionScreen.set_language

    def set_language(self, lang):
        real(self, lang)
        if armed and lang == "en" and is_marked(self._section):
            raise OverflowError("cannot convert float infinity to integer")

    monkeypatch.setattr(SectionScreen, "set_language", set_language)
    kiosk = make_kiosk(content=content_copy, warm=True)
    before = kiosk.exhibition
    c = open_panel(qtbot, kiosk)
    touch.tap(c.panel.tabs["content"])
    mark_develop(content_copy)
    touch.tap(c.page("content").reload_button)
    assert any(is_marked(s) for s in kiosk.exhibition.sections), "the reload worked"
    touch.tap(c.panel.close_button)
    qtbot.waitUntil(lambda: "section/develop" in kiosk.window.built_screens(), timeout=10_000)
    armed.append(True)
    touch.tap(kiosk.window.bar.en_button)
    qtbot.waitUntil(lambda: kiosk.exhibition is before, timeout=10_000)
    assert kiosk.content.notice is not None and not kiosk.content.notice.bundled
    assert kiosk.crash_guard.errors == 0 and kiosk.window.lang == "en"


def test_broken_content_at_start_is_named_on_the_content_page(qtbot, make_kiosk, content_copy: Path):
    path = content_copy / "exhibition.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("value = 8\n", "value = inf\n", 1), encoding="utf-8")
    kiosk = make_kiosk(content=content_copy)
    assert kiosk.content_dir == paths.default_content_dir()
    c = open_panel(qtbot, kiosk)
    touch.tap(c.panel.tabs["content"])
    facts = c.page("content").facts.text()
    assert str(content_copy) in facts and "kiosk check" in facts


def test_a_screen_that_fails_with_every_content_is_left_out_without_a_loop(
    qtbot, make_kiosk, monkeypatch: pytest.MonkeyPatch, caplog
):
    """A fault in the kiosk itself, not in the content: the bundled exhibition fails the same way. The kiosk
    tries nothing else, once, and keeps running without that screen."""

    def init(self, *args, **kwargs):
        raise OverflowError("a bug that no content avoids")

    monkeypatch.setattr(section_screen.SectionScreen, "__init__", init)
    caplog.set_level(logging.ERROR)
    kiosk = make_kiosk(warm=True)  # the warm-up builds every section: each fails
    qtbot.waitUntil(lambda: any(r.levelno == logging.CRITICAL for r in caplog.records), timeout=10_000)
    for _ in range(3):
        touch.tap(home(kiosk).tiles[0])
    assert kiosk.navigator.current == Route("home") and kiosk.window.isVisible()
    assert kiosk.crash_guard.errors == 0
    assert sum(r.levelno == logging.CRITICAL for r in caplog.records) == 1
    assert kiosk.content.failures >= 4


def test_a_good_reload_reaches_every_holder_of_the_exhibition_through_one_store(
    qtbot, make_kiosk, content_copy: Path
):
    kiosk = make_kiosk(content=content_copy)
    before = kiosk.store.version
    path = content_copy / "exhibition.toml"
    text = path.read_text(encoding="utf-8").replace("株洲发展成就巡礼·渌口篇", "株洲发展成就巡礼·渌口篇（新）", 1)
    path.write_text(text, encoding="utf-8")
    c = open_panel(qtbot, kiosk)
    touch.tap(c.panel.tabs["content"])
    touch.tap(c.page("content").reload_button)
    new = kiosk.store.exhibition
    assert kiosk.store.version == before + 1 and "（新）" in new.subtitle.zh
    assert kiosk.exhibition is new and kiosk.context.exhibition is new  # read through the store, never copied
    assert kiosk.unattended.attract._exhibition is new  # the slideshow shows it from the next slide
    touch.tap(c.panel.close_button)
    assert home(kiosk).subtitle_label.text().endswith("（新）")  # the window's screens were rebuilt from it
