"""Content that changes under a visitor: a swap while the photo viewer shows a photo the new content no longer has,
while "still there?" asks, while the staff panel is open. The watch's clock is the test's."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.watch import Decision
from kiosk.modes import Mode
from kiosk.navigation import Route

from . import touch
from .helpers import entered, home
from .test_live_preview import DEVELOP_TITLE, retitle, saved_and_checked, watcher_for
from .test_staff_panel import open_panel
from .test_unattended import FakeClock, idle

WIND = """[[photos]]
id = "wind-power"
file = "wind-power.jpg"
caption = { zh = "风电", en = "Wind power" }
placeholder = true
"""


def drop_wind_power(folder: Path) -> None:
    path = folder / "sections" / "develop.toml"
    text = path.read_text(encoding="utf-8")
    assert WIND in text
    path.write_text(text.replace(WIND, ""), encoding="utf-8")
    (folder / "photos" / "wind-power.jpg").unlink()


def test_the_photo_on_show_is_gone_from_the_new_content(qtbot, make_kiosk, content_copy):
    kiosk = make_kiosk(content=content_copy)
    watcher, clock = watcher_for(kiosk, content_copy, preview=True)
    window = kiosk.window
    with qtbot.waitSignal(window.screen_entered, timeout=5000):
        window.navigate(Route("photo", "wind-power"))
    drop_wind_power(content_copy)
    result = saved_and_checked(qtbot, watcher, clock)
    assert result.ok
    assert window.navigator.current == Route("home"), "the photo is gone: the visitor is taken home"
    assert "wind-power" not in {photo.id for photo in kiosk.exhibition.all_photos()}


def test_a_swap_while_still_there_asks_then_the_reset(qtbot, make_kiosk, content_copy):
    kiosk = make_kiosk(content=content_copy)
    clock2 = FakeClock()
    kiosk.unattended.clock = clock2
    watcher, clock = watcher_for(kiosk, content_copy, preview=True)
    window = kiosk.window
    entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[0]))  # a visitor
    with qtbot.waitSignal(window.screen_entered, timeout=5000):
        window.navigate(Route("photo", "wind-power"))
    idle(kiosk, clock2, kiosk.settings.idle_timeout_s)
    assert kiosk.unattended.still_there.isVisible()
    drop_wind_power(content_copy)
    assert saved_and_checked(qtbot, watcher, clock).ok
    assert kiosk.unattended.still_there.isVisible() and kiosk.unattended.mode is Mode.STILL_THERE
    idle(kiosk, clock2, kiosk.settings.still_there_s + 1)
    assert kiosk.unattended.mode is Mode.ATTRACT and window.navigator.current == Route("home")


def test_a_swap_while_the_staff_panel_is_open(qtbot, make_kiosk, content_copy):
    kiosk = make_kiosk(content=content_copy)
    watcher, clock = watcher_for(kiosk, content_copy, preview=False)
    panel = open_panel(qtbot, kiosk)
    drop_wind_power(content_copy)
    assert saved_and_checked(qtbot, watcher, clock).ok
    assert panel.panel_open, "staff at work keep their panel"
    assert kiosk.watcher.note is not None and kiosk.watcher.note.shown


def test_a_change_saved_while_the_previous_one_is_being_swapped_in(qtbot, make_kiosk, content_copy):
    """The second save lands while the first change's screens are being built: the first is shown, then the second,
    never a mix and never lost."""
    kiosk = make_kiosk(content=content_copy)
    watcher, clock = watcher_for(kiosk, content_copy, preview=True)
    retitle(content_copy, DEVELOP_TITLE, "第一次")
    with qtbot.waitSignal(watcher.polled, timeout=20_000):
        watcher.poll()
    clock.now += 1.5
    with qtbot.waitSignal(watcher.polled, timeout=20_000) as polled:
        watcher.poll()
    assert polled.args[0] is Decision.CHECK
    assert watcher._proof is not None, "the first change's screens are being built"
    retitle(content_copy, "第一次", "第二次")
    watcher.poll()  # asked while busy: nothing happens
    with qtbot.waitSignal(watcher.checked, timeout=20_000) as first:
        pass
    assert first.args[0].ok and kiosk.exhibition.sections[0].title.zh == "第一次"
    clock.now += 0.5
    assert saved_and_checked(qtbot, watcher, clock).ok
    assert kiosk.exhibition.sections[0].title.zh == "第二次"


def test_a_preview_started_on_broken_content_shows_its_problems_at_once(qtbot, make_kiosk, content_copy):
    """`kiosk --windowed --content mywork/` with a mistake in mywork/: the kiosk shows the bundled exhibition, and
    the editor saw no problem list until the next save (the folder as found at start counted as checked)."""
    from .test_live_preview import break_party

    break_party(content_copy)
    kiosk = make_kiosk(content=content_copy)
    assert kiosk.content.notice is not None, "not showing what was asked"
    watcher, clock = watcher_for(kiosk, content_copy, preview=True)
    with qtbot.waitSignal(watcher.checked, timeout=20_000) as checked:
        watcher.start()
    assert not checked.args[0].ok
    assert watcher.overlay is not None and watcher.overlay.isVisible()
    watcher.stop()


def test_a_swap_in_accessible_mode_keeps_it(qtbot, make_kiosk, content_copy):
    from kiosk.ui import theme as t

    from .test_accessibility import mounted

    kiosk = mounted(make_kiosk(content=content_copy))
    watcher, clock = watcher_for(kiosk, content_copy, preview=True)
    window = kiosk.window
    touch.tap(window.bar.reach_button)
    assert kiosk.reach.active
    retitle(content_copy, DEVELOP_TITLE, "无障碍中修改")
    assert saved_and_checked(qtbot, watcher, clock).ok
    assert kiosk.reach.active and window.theme.reach_scale == t.REACH_TEXT_SCALE
    band = window.reach_band()
    assert band is not None and band.contains(window.bar.geometry())
