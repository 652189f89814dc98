"""The watched content folder on a running kiosk, and content by USB drive, as an editor and staff meet them.

Live preview: a saved change shows on the screen the editor is looking at, scrolled where it was; broken
content brings the problems over the window (as `kiosk check` prints them) and they go once it is fixed. An
exhibition kiosk never shows them: the last good content stays and the staff panel's Content page notes it.
The watch's clock is the test's: each poll is asked for, and the check's outcome is waited for by its signal."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.__main__ import main as kiosk_main
from kiosk.app_watch import ContentWatcher
from kiosk.content.watch import Decision
from kiosk.navigation import Route
from kiosk.staff.drives import Place
from kiosk.ui.panels.section_screen import SectionScreen
from kiosk.ui.staff.strings import sw

from . import touch
from .helpers import entered, home
from .test_staff_panel import open_panel

DEVELOP_TITLE = "提质发展 绘就精彩渌口"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def watcher_for(kiosk, folder: Path, preview: bool) -> tuple[ContentWatcher, Clock]:
    clock = Clock()
    watcher = ContentWatcher(kiosk, folder, preview=preview, clock=clock)
    kiosk.watcher = watcher
    watcher.on_note = kiosk.staff.controller.content_changed
    return watcher, clock


def saved_and_checked(qtbot, watcher: ContentWatcher, clock: Clock):
    """The folder was saved a moment ago: the watch sees it, waits until it is quiet, and checks it."""
    with qtbot.waitSignal(watcher.polled, timeout=20_000) as polled:
        watcher.poll()
    assert polled.args[0] is Decision.SETTLING
    clock.now += 1.5
    with qtbot.waitSignal(watcher.checked, timeout=20_000) as checked:
        watcher.poll()
    return checked.args[0]


def retitle(folder: Path, old: str, new: str) -> None:
    path = folder / "sections" / "develop.toml"
    text = path.read_text(encoding="utf-8")
    assert f'title = {{ zh = "{old}"' in text
    path.write_text(text.replace(f'title = {{ zh = "{old}"', f'title = {{ zh = "{new}"', 1), encoding="utf-8")


def break_party(folder: Path) -> None:
    path = folder / "sections" / "party.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\nthis is not toml\n", encoding="utf-8")


def open_develop(qtbot, kiosk) -> SectionScreen:
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[0]))
    assert isinstance(screen, SectionScreen) and screen.section.id == "develop"
    return screen


def test_a_saved_title_appears_on_the_screen_on_show_scrolled_where_it_was(qtbot, make_kiosk, content_copy):
    kiosk = make_kiosk(content=content_copy)
    watcher, clock = watcher_for(kiosk, content_copy, preview=True)
    screen = open_develop(qtbot, kiosk)
    bar = screen.body.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 600)
    bar.setValue(600)
    retitle(content_copy, DEVELOP_TITLE, "提质发展（修订）")
    result = saved_and_checked(qtbot, watcher, clock)
    assert result.ok
    new = kiosk.window.current_screen()
    assert new is not screen and isinstance(new, SectionScreen), "rebuilt, and still the section on show"
    assert new.title.text() == "提质发展（修订）"
    assert kiosk.navigator.current == Route("section", "develop")
    qtbot.waitUntil(lambda: new.body.verticalScrollBar().value() == 600)
    assert watcher.overlay is None or not watcher.overlay.isVisible()


def test_broken_content_in_preview_shows_the_problems_until_fixed(qtbot, make_kiosk, content_copy, capsys):
    kiosk = make_kiosk(content=content_copy)
    watcher, clock = watcher_for(kiosk, content_copy, preview=True)
    old = kiosk.exhibition
    party = content_copy / "sections" / "party.toml"
    good = party.read_text(encoding="utf-8")
    break_party(content_copy)
    result = saved_and_checked(qtbot, watcher, clock)
    assert not result.ok
    assert kiosk.exhibition is old, "the last good content stays"
    overlay = watcher.overlay
    assert overlay is not None and overlay.isVisible()
    assert kiosk_main(["check", "--content", str(content_copy)]) == 1
    printed = capsys.readouterr().out.strip()
    assert printed and overlay.problems.text().startswith(printed), "worded exactly as `kiosk check`"
    assert overlay.geometry() == kiosk.window.rect()
    assert overlay.title.text() == sw("preview_title", "zh", n=1)
    kiosk.window.set_language("en")
    assert overlay.title.text() == sw("preview_title", "en", n=1), "in the language on screen"
    touch.tap(overlay.hide_button)
    assert not overlay.isVisible(), "put away by hand"
    party.write_text(good + "\n# still broken below\nnot toml either\n", encoding="utf-8")
    clock.now += 1
    saved_and_checked(qtbot, watcher, clock)
    assert overlay.isVisible(), "other problems: shown again"
    party.write_text(good, encoding="utf-8")
    clock.now += 1
    assert saved_and_checked(qtbot, watcher, clock).ok
    assert not overlay.isVisible(), "gone by itself once the content is valid"
    assert kiosk.exhibition is not old


def test_an_exhibition_kiosk_keeps_the_last_good_content_and_tells_staff(qtbot, make_kiosk, content_copy):
    kiosk = make_kiosk(content=content_copy)
    watcher, clock = watcher_for(kiosk, content_copy, preview=False)
    old = kiosk.exhibition
    break_party(content_copy)
    assert not saved_and_checked(qtbot, watcher, clock).ok
    assert kiosk.exhibition is old
    assert watcher.overlay is None, "visitors never see the problems"
    c = open_panel(qtbot, kiosk)
    touch.tap(c.panel.tabs["content"])
    note = c.page("content").watch_note
    assert note.isVisible()
    assert "1 个问题" in note.text() and "sections/party.toml" in note.text()
    (content_copy / "sections" / "party.toml").write_text(
        (paths.default_content_dir() / "sections" / "party.toml").read_text(encoding="utf-8"), encoding="utf-8")
    clock.now += 1
    assert saved_and_checked(qtbot, watcher, clock).ok
    assert "已自动载入" in note.text(), "the open page follows"


def test_a_folder_that_never_stops_changing_is_checked_after_thirty_seconds_and_staff_are_told(
    qtbot, make_kiosk, content_copy
):
    """A sync loop rewrites a file every 0.3 s for ever: the watch checks it anyway after 30 s, and the Content
    page says since when the folder has not stopped changing."""
    kiosk = make_kiosk(content=content_copy)
    watcher, clock = watcher_for(kiosk, content_copy, preview=False)
    party = content_copy / "sections" / "party.toml"
    good = party.read_text(encoding="utf-8")
    decisions = []
    result = None
    for i in range(120):  # 36 s of a rewrite every 0.3 s
        party.write_text(good + f"\n# rewrite {i}\n", encoding="utf-8")
        os.utime(party, ns=(1_700_000_000_000_000_000 + i * 10**9,) * 2)
        clock.now += 0.3
        with qtbot.waitSignal(watcher.polled, timeout=20_000) as polled:
            watcher.poll()
        decisions.append(polled.args[0])
        if polled.args[0] is Decision.CHECK:
            qtbot.waitUntil(lambda: watcher.note is not None, timeout=20_000)
            result = watcher.note
            break
    assert result is not None, f"never checked: {decisions[-3:]}"
    assert 30 <= len(decisions) * 0.3 <= 31.5
    assert result.shown and result.changing_since is not None
    c = open_panel(qtbot, kiosk)
    touch.tap(c.panel.tabs["content"])
    note = c.page("content").watch_note
    assert note.isVisible() and "一直在变化" in note.text() and result.changing_since.strftime("%H:%M") in note.text()


# content by USB drive ---------------------------------------------------------------------------------


@pytest.fixture
def stick(tmp_path: Path, content_copy: Path) -> Path:
    root = tmp_path / "stick"
    root.mkdir()
    shutil.copytree(content_copy, root / "lukou-content")
    return root


def import_from(qtbot, kiosk, drive: Path):
    c = kiosk.staff.controller
    c.services.import_places = lambda: [Place(drive, f"STICK  ({drive})", removable=True)]
    if c.panel is None or not c.panel_open:
        open_panel(qtbot, kiosk)
    touch.tap(c.panel.tabs["content"])
    page = c.page("content")
    touch.tap(page.import_button)
    assert page.stack.currentWidget() is not page._main and len(page.picker.buttons) == 1
    with qtbot.waitSignal(c.content_imported, timeout=30_000):
        touch.tap(page.picker.buttons[0])
    assert page.import_button.isEnabled()
    return page


def test_valid_content_from_a_drive_is_shown_and_rolled_back(qtbot, make_kiosk, content_copy, stick):
    kiosk = make_kiosk(content=content_copy)
    open_develop(qtbot, kiosk)
    retitle(stick / "lukou-content", DEVELOP_TITLE, "提质发展（U盘版）")
    (stick / "lukou-content" / "photos" / "outtake.jpg").write_bytes(b"\xff\xd8")  # named by no text
    page = import_from(qtbot, kiosk, stick)
    assert kiosk.exhibition.sections[0].title.zh == "提质发展（U盘版）"
    assert not (kiosk.content_dir / "photos" / "outtake.jpg").exists()
    assert "个文件没有被内容引用，未复制到本机" in page.problems.text() and "outtake.jpg" in page.problems.text()
    assert kiosk.content_dir == paths.imported_content(), "the import is the kiosk's content folder now"
    assert kiosk.content_dir.parent == paths.imported_content_root()
    assert page.outcome.text().startswith(sw("import_ok", "zh", source=stick / "lukou-content", summary="")[:5])
    assert page.roll_back_button.isEnabled()
    touch.tap(page.roll_back_button)
    assert kiosk.exhibition.sections[0].title.zh == DEVELOP_TITLE
    assert kiosk.content_dir == content_copy and paths.imported_content() is None
    assert page.outcome.text().startswith("已恢复上一版内容")


def test_broken_content_on_a_drive_is_listed_and_nothing_is_copied(qtbot, make_kiosk, content_copy, stick):
    kiosk = make_kiosk(content=content_copy)
    old = kiosk.exhibition
    break_party(stick / "lukou-content")
    page = import_from(qtbot, kiosk, stick)
    assert kiosk.exhibition is old and kiosk.content_dir == content_copy
    assert page.outcome.text() == sw("import_invalid", "zh")
    assert page.problems.text().startswith("sections/party.toml: ")
    assert page.scroll.isVisible()
    root = paths.imported_content_root()
    assert not root.exists() or not [p for p in root.iterdir() if p.is_dir()]
    assert not page.roll_back_button.isEnabled()


def test_a_drive_without_content_says_so(qtbot, make_kiosk, content_copy, tmp_path):
    kiosk = make_kiosk(content=content_copy)
    (tmp_path / "empty-stick").mkdir()
    page = import_from(qtbot, kiosk, tmp_path / "empty-stick")
    assert page.outcome.text() == sw("import_no_content", "zh")


def test_the_page_says_it_is_working_while_a_drive_is_copied(qtbot, make_kiosk, content_copy, tmp_path):
    kiosk = make_kiosk(content=content_copy)
    c = kiosk.staff.controller
    pending = []
    c.services.import_content = lambda drive, done: pending.append((drive, done))
    c.services.import_places = lambda: [Place(tmp_path, "STICK", removable=True)]
    open_panel(qtbot, kiosk)
    touch.tap(c.panel.tabs["content"])
    page = c.page("content")
    touch.tap(page.import_button)
    touch.tap(page.picker.buttons[0])
    assert [drive for drive, _ in pending] == [tmp_path]
    assert page.outcome.text() == sw("working", "zh")
    assert not page.import_button.isEnabled() and not page.reload_button.isEnabled()
    from kiosk.staff.content_import import ImportOutcome

    with qtbot.waitSignal(c.content_imported):
        pending[0][1](ImportOutcome("disk_full", summary="12.0 MB needed"), None, False)
    assert page.outcome.text() == sw("import_disk_full", "zh") and "12.0 MB needed" in page.problems.text()
    assert page.import_button.isEnabled() and page.reload_button.isEnabled()


def test_a_kiosk_built_to_watch_polls_its_folder_after_the_first_frame(qtbot, content_copy):
    from kiosk.app import build

    kiosk = build(content=content_copy, size=(1280, 720), windowed=True, watch=True)
    kiosk.window.allow_close = True
    qtbot.addWidget(kiosk.window)
    assert kiosk.watcher is not None and kiosk.watcher.folder == content_copy and kiosk.watcher.preview
    assert not kiosk.watcher.timer.isActive(), "nothing before the first frame"
    with qtbot.waitSignal(kiosk.window.first_frame, timeout=10_000):
        kiosk.window.show()
    qtbot.waitUntil(kiosk.watcher.timer.isActive)
    retitle(content_copy, DEVELOP_TITLE, "提质发展（实时预览）")
    with qtbot.waitSignal(kiosk.watcher.checked, timeout=20_000) as checked:
        pass  # the real timer and clock: about 1.5 s
    assert checked.args[0].ok and kiosk.exhibition.sections[0].title.zh == "提质发展（实时预览）"
    kiosk.watcher.stop()
    kiosk.images.shutdown()
