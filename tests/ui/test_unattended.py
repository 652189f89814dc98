"""Unattended operation on the real window: left alone it asks "still there?", resets everything and starts the
slideshow; the waking touch presses nothing; signage ignores touch; outside opening hours it rests dark. Time is
a made-up clock handed to the driver, so nothing here waits 90 seconds."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from kiosk.modes import Mode
from kiosk.navigation import Route
from kiosk.ui.panels.home_screen import HomeScreen
from kiosk.ui.panels.section_screen import SectionScreen

from . import touch
from .helpers import entered, home, settle, skip_warm_up


class FakeClock:
    def __init__(self, start: datetime | None = None):
        self.now = start or datetime.now()

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clocked(make_kiosk):
    """A kiosk whose unattended driver runs on a clock the test moves."""

    def make(**kw):
        kiosk = make_kiosk(**kw)
        clock = FakeClock()
        kiosk.unattended.clock = clock
        return kiosk, clock

    return make


def idle(kiosk, clock, seconds: float) -> None:
    clock.advance(seconds)
    kiosk.unattended.tick()


def to_attract(kiosk, clock) -> None:
    settings = kiosk.settings
    idle(kiosk, clock, settings.idle_timeout_s)  # at rest: the slideshow begins after the idle timeout
    assert kiosk.unattended.mode is Mode.ATTRACT
    assert kiosk.unattended.attract.isVisible()


def test_left_alone_deep_inside_it_asks_then_resets_everything(qtbot, clocked):
    kiosk, clock = clocked(warm=True)  # every screen built, as on the exhibition PC: each must be reset
    window = kiosk.window
    section = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[0]))
    assert isinstance(section, SectionScreen)
    bar = section.body.verticalScrollBar()
    viewport = section.body.viewport()
    start = QPoint(viewport.width() // 2, viewport.height() - 40)
    touch.drag(viewport, start, start - QPoint(0, 400), steps=10, step_ms=15)
    assert bar.value() > 300
    touch.tap(window.bar.en_button)
    assert window.lang == "en"
    deepest = window.screen_for(Route("map"))
    if deepest is not None:  # the map screen, where it exists: go there and zoom in with two fingers
        entered(qtbot, kiosk, lambda: window.navigate(Route("map")))
        touch.pinch(deepest, deepest.rect().center(), 200, 500)
    resets = []
    for key, screen in window.built_screens().items():
        original = screen.reset
        screen.reset = lambda key=key, original=original: (resets.append(key), original())

    idle(kiosk, clock, 89)
    assert kiosk.unattended.mode is Mode.ACTIVE and not kiosk.unattended.still_there.isVisible()
    idle(kiosk, clock, 1)
    assert kiosk.unattended.still_there.isVisible()
    assert kiosk.unattended.still_there.remaining() == 20  # WCAG 2.2.1: at least 20 s to answer
    idle(kiosk, clock, 20)

    assert isinstance(window.current_screen(), HomeScreen)
    assert kiosk.navigator.current == Route("home") and not kiosk.navigator.can_go_back
    assert bar.value() == 0
    assert window.lang == "zh" and window.bar.zh_button.isChecked()
    assert set(resets) >= set(window.built_screens()) - {"home"}  # every built screen was reset
    assert not kiosk.unattended.still_there.isVisible()
    qtbot.waitUntil(lambda: kiosk.unattended.attract.slide is not None, timeout=2000)
    assert kiosk.unattended.attract.isVisible()


def test_any_touch_cancels_the_question_and_presses_nothing(qtbot, clocked):
    kiosk, clock = clocked()
    section = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[1]))
    idle(kiosk, clock, kiosk.settings.idle_timeout_s)
    overlay = kiosk.unattended.still_there
    assert overlay.isVisible()
    transitions = []
    kiosk.navigator.subscribe(transitions.append)
    touch.tap(kiosk.window.bar.home_button)  # right where the Home button is, under the question
    settle()
    assert not overlay.isVisible()
    assert transitions == [] and kiosk.window.current_screen() is section
    idle(kiosk, clock, 30)
    assert kiosk.window.current_screen() is section  # the visit goes on


@pytest.mark.parametrize("how", ["touch", "mouse"])
def test_the_waking_touch_does_not_press_the_tile_beneath(qtbot, clocked, how):
    kiosk, clock = clocked()
    to_attract(kiosk, clock)
    tile = home(kiosk).tiles[2]
    transitions = []
    kiosk.navigator.subscribe(transitions.append)
    if how == "touch":
        touch.press(tile)
        assert not kiosk.unattended.attract.isVisible()  # the slideshow is gone at once…
        assert not tile.isDown()  # …and the tile under the finger does not even look pressed
        touch.release(tile)
    else:
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    settle()
    assert transitions == []
    assert kiosk.window.current_screen() is home(kiosk)
    assert kiosk.unattended.mode is Mode.ACTIVE
    # the next touch is an ordinary one: the same tile now opens its section, exactly once
    entered(qtbot, kiosk, lambda: touch.tap(tile))
    assert len(transitions) == 1


def test_between_visitors_the_photo_and_pixmap_caches_are_emptied_and_the_heap_trimmed(qtbot, clocked, monkeypatch):
    from PySide6.QtGui import QPixmap, QPixmapCache

    from kiosk.ui.shell import unattended

    kiosk, clock = clocked()
    entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[-1]))  # the gallery
    kiosk.images.wait_idle(5000)
    qtbot.waitUntil(lambda: kiosk.images.memory_bytes > 0, timeout=5000)  # the gallery's photos
    # Qt files what labels and icons were drawn from in its pixmap cache, and keeps it until the cache is full
    marker = QPixmap(8, 8)
    assert QPixmapCache.insert("last visitor's icon", marker)
    assert QPixmapCache.find("last visitor's icon") is not None

    def trim() -> bool:
        trims.append((kiosk.images.memory_bytes, QPixmapCache.find("last visitor's icon")))
        return True

    trims = []
    monkeypatch.setattr(unattended, "release_free_memory", trim)
    idle(kiosk, clock, kiosk.settings.idle_timeout_s)  # "still there?"
    idle(kiosk, clock, kiosk.settings.still_there_s)  # the reset
    assert trims == [(0, None)]  # both caches were emptied before the heap was trimmed
    assert kiosk.unattended.attract.isVisible()
    kiosk.images.wait_idle(5000)  # the first slide's photo, if it has one, decoded into the cache
    settle()  # …and handed over to the cache
    slideshow_bytes = kiosk.images.memory_bytes
    released = []
    empty_cache = kiosk.images.release_memory
    monkeypatch.setattr(kiosk.images, "release_memory", lambda: released.append(empty_cache()) or released[-1])
    touch.tap(home(kiosk).tiles[0])  # the waking touch: the slideshow's photos go with it
    assert not kiosk.unattended.attract.isVisible()
    # (home's own photos may come back into the cache at once: measured at the moment the slideshow ended)
    assert released == [slideshow_bytes]


def test_the_slideshow_shows_photos_and_figures_with_the_hint(qtbot, clocked):
    kiosk, clock = clocked()
    to_attract(kiosk, clock)
    attract = kiosk.unattended.attract
    seen = set()
    for _ in range(6):
        seen.add(attract.slide.key.split(":")[0])
        idle(kiosk, clock, kiosk.settings.attract_interval_s)
    assert seen == {"photo", "figures"}
    assert not attract.signage  # the hint is drawn
    qtbot.waitUntil(lambda: attract.slide.photo is None or attract._pixmap is not None, timeout=10_000)


def test_signage_ignores_touch(qtbot, make_kiosk):
    kiosk = make_kiosk()
    kiosk.settings.set("signage_mode", True)  # applied at once
    driver = kiosk.unattended
    assert driver.mode is Mode.SIGNAGE and driver.attract.isVisible() and driver.attract.signage
    transitions = []
    kiosk.navigator.subscribe(transitions.append)
    for _ in range(3):
        touch.tap(home(kiosk).tiles[0])
    settle()
    assert transitions == [] and driver.attract.isVisible()
    kiosk.settings.set("signage_mode", False)
    assert driver.mode is Mode.RESTING and not driver.attract.isVisible()


def test_slideshow_flag_starts_in_signage(qtbot):
    from kiosk.app import build

    kiosk = build(size=(1280, 720), lang="zh", slideshow=True)
    qtbot.addWidget(kiosk.window)
    skip_warm_up(kiosk.window)
    with qtbot.waitSignal(kiosk.window.first_frame, timeout=10_000):
        kiosk.window.show()
    assert kiosk.unattended.mode is Mode.SIGNAGE
    assert kiosk.settings.signage_mode is False  # for this run only, not written to the settings


def test_outside_opening_hours_it_rests_dark_and_a_touch_wakes_it(qtbot, clocked):
    kiosk, clock = clocked()
    clock.now = datetime(2024, 5, 6, 21, 0)  # a Monday evening
    kiosk.settings.update({"opening_hours_enabled": True, "closed_display": "clock", "wake_minutes": 2})
    driver = kiosk.unattended
    assert driver.mode is Mode.CLOSED and driver.closed.isVisible()
    box = driver.closed.clock_box()
    clock.advance(60)
    assert driver.closed.clock_box() != box  # the clock moves every minute
    transitions = []
    kiosk.navigator.subscribe(transitions.append)
    touch.tap(home(kiosk).tiles[0])
    settle()
    assert not driver.closed.isVisible() and transitions == []
    assert driver.mode is Mode.ACTIVE
    idle(kiosk, clock, 130)
    idle(kiosk, clock, kiosk.settings.still_there_s)  # still there?, reset…
    idle(kiosk, clock, 1)
    assert driver.mode is Mode.CLOSED and driver.closed.isVisible()


def test_heartbeat_is_written_after_the_first_frame(kiosk, fresh_user_dirs):
    from kiosk.health import default_heartbeat_path

    text = default_heartbeat_path().read_text(encoding="utf-8")
    assert text.split()[0].isdigit()


def _open_staff_panel(qtbot, kiosk):
    from .test_staff_panel import open_panel

    return open_panel(qtbot, kiosk)


def _covering(kiosk) -> list[str]:
    """The unattended layers on screen (the question, the slideshow, the closed screen)."""
    driver = kiosk.unattended
    layers = {"still there?": driver.still_there, "slideshow": driver.attract, "closed": driver.closed}
    return [name for name, layer in layers.items() if layer.isVisible()]


def test_changing_the_idle_timeout_in_the_panel_never_covers_it(qtbot, clocked):
    """Staff at work in their panel for a while, then they change the idle timeout with its stepper: no question
    comes up over the panel, however long the clock runs, and the panel keeps answering taps."""
    kiosk, clock = clocked()
    c = _open_staff_panel(qtbot, kiosk)
    page = c.page("settings")
    clock.advance(150)  # staff read the statistics first, two and a half minutes
    kiosk.unattended.tick()
    from .test_staff_panel import tap_visible

    stepper = page.controls["idle_timeout_s"]
    tap_visible(qtbot, page, stepper.minus)
    assert kiosk.settings.idle_timeout_s < 90
    assert _covering(kiosk) == []
    for _ in range(4):
        idle(kiosk, clock, 60)
        assert _covering(kiosk) == [], "nothing may cover the open staff panel"
    touch.tap(c.panel.tabs["diagnostics"])
    assert c.panel.current_page() == "diagnostics"  # taps still reach the panel
    touch.tap(c.panel.tabs["settings"])
    assert c.panel.current_page() == "settings"
    assert kiosk.unattended.mode is not Mode.STILL_THERE


def test_no_slideshow_or_closing_under_the_panel_and_a_fresh_idle_clock_after_it(qtbot, clocked):
    kiosk, clock = clocked()
    clock.now = datetime(2024, 5, 6, 16, 58)  # a Monday, two minutes before closing
    kiosk.settings.update({"opening_hours_enabled": True, "opening_hours": {"mon": "09:00-17:00"}})
    c = _open_staff_panel(qtbot, kiosk)
    for _ in range(10):  # ten minutes in the panel, past closing time
        idle(kiosk, clock, 60)
        assert _covering(kiosk) == [] and c.panel_open
    touch.tap(c.panel.close_button)
    assert not c.is_open
    idle(kiosk, clock, kiosk.settings.idle_timeout_s - 1)
    assert _covering(kiosk) == []  # the idle clock started again when the panel closed
    idle(kiosk, clock, 1)
    assert _covering(kiosk) == ["still there?"]


def test_a_question_shown_out_of_turn_still_gives_way_to_a_touch(qtbot, clocked):
    """Whatever put it there, a touch on the question removes it: it never holds the screen at 0."""
    kiosk, clock = clocked()
    driver = kiosk.unattended
    driver.pause(True)  # e.g. staff took over a moment ago
    driver.still_there.ask(kiosk.window.grab(), 0, "zh")
    touch.tap(kiosk.window, QPoint(kiosk.window.width() // 2, kiosk.window.height() // 2))
    assert not driver.still_there.isVisible()
    driver.pause(False)
    driver.still_there.ask(kiosk.window.grab(), 0, "zh")  # shown although the machine asked nothing
    idle(kiosk, clock, 1)
    assert not driver.still_there.isVisible()
