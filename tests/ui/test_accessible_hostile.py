"""Accessible mode handled roughly: toggled fast during a transition, the language and high contrast switched while
it is on, the staff panel opened, a tap during "still there?"; the reset at the end of the visit still ends it and
the visit is counted once."""

from __future__ import annotations

from datetime import timedelta

from kiosk.modes import Mode
from kiosk.navigation import Route
from kiosk.ui import theme as t

from . import touch
from .helpers import home
from .test_accessibility import T0, mounted
from .test_staff_panel import open_panel


def started(kiosk):
    clock = {"now": T0}
    driver = kiosk.unattended
    driver.clock = lambda: clock["now"]
    driver.start()
    return driver, clock


def left_alone(kiosk, driver, clock) -> None:
    clock["now"] += timedelta(seconds=2 * kiosk.settings.idle_timeout_s + 1)
    driver.tick()
    assert driver.mode is Mode.STILL_THERE
    clock["now"] += timedelta(seconds=2 * kiosk.settings.still_there_s + 1)
    driver.tick()


def ended(kiosk) -> bool:
    window = kiosk.window
    return (not kiosk.reach.active and not window.bar.reach_button.isChecked() and window.theme.reach_scale == 1.0
            and window.reach_band() is None)


def test_toggled_eleven_times_during_a_transition_then_language_and_contrast(qtbot, kiosk):
    mounted(kiosk)
    driver, clock = started(kiosk)
    window = kiosk.window
    touch.tap(home(kiosk).tiles[0])  # the transition to the section starts
    for _ in range(11):
        touch.tap(window.bar.reach_button)
    qtbot.waitUntil(lambda: window.navigator.current == Route("section", "develop"), timeout=8000)
    assert kiosk.reach.active and window.theme.reach_scale == t.REACH_TEXT_SCALE
    assert kiosk.staff.stats.totals().accessible_visits == 1, "one visit, however often the button is pressed"
    window.set_language("en")
    kiosk.settings.update({"high_contrast": True})
    assert t.high_contrast and kiosk.reach.active and window.theme.reach_scale == t.REACH_TEXT_SCALE
    kiosk.settings.update({"high_contrast": False})
    assert kiosk.reach.active and window.reach_band() is not None
    left_alone(kiosk, driver, clock)
    assert driver.mode is Mode.ATTRACT and ended(kiosk)
    assert window.lang == "zh" and window.navigator.current == Route("home")


def test_staff_panel_and_a_tap_during_still_there(qtbot, kiosk):
    mounted(kiosk)
    driver, clock = started(kiosk)
    window = kiosk.window
    touch.tap(window.bar.reach_button)
    panel = open_panel(qtbot, kiosk)
    assert kiosk.reach.active
    panel.close()
    assert kiosk.reach.active, "staff looking in do not end a visitor's mode"
    clock["now"] += timedelta(seconds=2 * kiosk.settings.idle_timeout_s + 1)
    driver.tick()
    assert driver.mode is Mode.STILL_THERE and driver.still_there.remaining() == 2 * kiosk.settings.still_there_s
    touch.tap(window.bar.reach_button)  # lands on the question: it answers it, presses nothing beneath
    assert driver.mode is Mode.ACTIVE and kiosk.reach.active
    left_alone(kiosk, driver, clock)
    assert driver.mode is Mode.ATTRACT and ended(kiosk)
