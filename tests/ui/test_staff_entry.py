"""The way into the staff panel: a three-second hold in the top-left corner opens the keypad, and nothing a
visitor does by chance ever does; right and wrong PINs; the lockout; the default-PIN warning; a new PIN
survives a restart. All by real touch events; the hold's three seconds are counted on `hold_clock`, never
waited for."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QEventPoint, QTouchEvent
from PySide6.QtWidgets import QPushButton

from kiosk.app import build
from kiosk.navigation import Route
from kiosk.staff.pin import DEFAULT_PIN, LOCKOUT_SECONDS, PIN_FILE, PinGate, PinStore

from . import touch
from .helpers import hold_staff_corner

HOLD_MS = 3000


def controller(kiosk):
    return kiosk.staff.controller


def hold_corner(qtbot, kiosk, clock):
    """Press in the corner and keep the finger there for three seconds: the keypad opens."""
    assert controller(kiosk).gesture._timer.clock is clock
    hold_staff_corner(qtbot, kiosk)


def enter_pin(pad, pin: str) -> None:
    for digit in pin:
        touch.tap(pad.keys[digit])
    touch.tap(pad.keys["ok"])


def test_three_second_corner_hold_opens_the_keypad(qtbot, kiosk, hold_clock):
    hold_corner(qtbot, kiosk, hold_clock)
    pad = controller(kiosk).pad
    assert pad is not None and pad.isVisible()
    assert kiosk.navigator.current == Route("home"), "the hold must not act on the screen beneath"
    assert pad.geometry() == kiosk.window.rect()


def test_the_long_press_does_not_click_what_lies_beneath(qtbot, kiosk, hold_clock):
    button = QPushButton("beneath", kiosk.window)
    button.setGeometry(0, 0, 120, 120)
    button.show()
    button.raise_()
    clicks = []
    button.clicked.connect(lambda: clicks.append(1))
    hold_corner(qtbot, kiosk, hold_clock)
    assert controller(kiosk).pad.isVisible()
    assert clicks == [] and not button.isDown()
    touch.tap(button)  # the next, ordinary touch is a visitor's again... but the keypad covers it now
    assert clicks == []


@pytest.mark.parametrize("seed", [1, 2])
def test_random_taps_swipes_and_holds_elsewhere_never_open_it(qtbot, kiosk, hold_clock, seed):
    c = controller(kiosk)
    fired = []
    c.gesture.triggered.connect(lambda: fired.append(1))
    rng = random.Random(seed)
    w, h = kiosk.window.width(), kiosk.window.height()
    corner = c.gesture._corner
    for _ in range(40):
        kind = rng.choice(["tap", "tap", "swipe", "corner-tap"])
        if kind == "corner-tap":  # short taps in the corner itself: a visitor's, not the gesture
            touch.tap(kiosk.window, QPoint(rng.randrange(corner), rng.randrange(corner)))
        elif kind == "tap":
            touch.tap(kiosk.window, QPoint(rng.randrange(corner, w), rng.randrange(h)))
        else:
            start = QPoint(rng.randrange(w), rng.randrange(h))
            touch.drag(kiosk.window, start, start + QPoint(rng.randrange(-400, 400), rng.randrange(-300, 300)))
        hold_clock.advance(rng.randrange(5, 60))
    assert not c.gesture.holding, "a finger lifted or moved away holds nothing"
    hold_clock.advance(HOLD_MS)
    # long holds, but not in the corner, not still, or with two fingers
    touch.press(kiosk.window, QPoint(w // 2, h // 2))
    hold_clock.advance(HOLD_MS + 300)
    touch.release(kiosk.window, QPoint(w // 2, h // 2))
    touch.press(kiosk.window, QPoint(w - 12, 12))
    hold_clock.advance(HOLD_MS + 300)
    touch.release(kiosk.window, QPoint(w - 12, 12))
    touch.drag(kiosk.window, QPoint(10, 10), QPoint(10 + corner * 2, 10), steps=6, step_ms=1, hold=True)
    hold_clock.advance(HOLD_MS + 300)
    touch.release(kiosk.window, QPoint(10 + corner * 2, 10))
    seq = touch._sequence(kiosk.window)
    seq.press(0, QPoint(10, 10)).press(1, QPoint(600, 600)).commit()
    hold_clock.advance(HOLD_MS + 300)
    touch._sequence(kiosk.window).release(0, QPoint(10, 10)).release(1, QPoint(600, 600)).commit()
    assert fired == []
    assert c.pad is None or not c.pad.isVisible()


def test_lifting_before_three_seconds_cancels(qtbot, kiosk, hold_clock):
    c = controller(kiosk)
    touch.press(kiosk.window, QPoint(12, 12))
    assert c.gesture.holding
    hold_clock.advance(HOLD_MS - 1)
    touch.release(kiosk.window, QPoint(12, 12))
    assert not c.gesture.holding
    hold_clock.advance(HOLD_MS)
    assert c.pad is None or not c.pad.isVisible()


def test_a_lift_still_queued_when_the_three_seconds_end_cancels(qtbot, kiosk, hold_clock):
    """A busy PC: the finger was lifted before three seconds, but the lift waits in the event queue while the
    hold timer falls due; the lift is handled first, and the keypad stays closed."""
    c = controller(kiosk)
    fired = []
    c.gesture.triggered.connect(lambda: fired.append(1))
    touch.press(kiosk.window, QPoint(12, 12))
    hold_clock.advance(HOLD_MS - 1)
    handle = kiosk.window.windowHandle()
    lift = QEventPoint(0, QEventPoint.State.Released, QPointF(12, 12), QPointF(handle.mapToGlobal(QPoint(12, 12))))
    end = QTouchEvent(QEvent.Type.TouchEnd, touch.device(), Qt.KeyboardModifier.NoModifier, [lift])
    QCoreApplication.postEvent(handle, end)
    [timer] = hold_clock.live()
    timer.fire()  # due before the queued lift is delivered
    QCoreApplication.processEvents()
    assert fired == [] and not c.gesture.holding
    assert c.pad is None or not c.pad.isVisible()
    hold_corner(qtbot, kiosk, hold_clock)  # and the next, real hold still opens it
    assert c.pad.isVisible()


def test_wrong_pin_shakes_and_says_so_right_pin_opens_the_panel(qtbot, kiosk, hold_clock):
    c = controller(kiosk)
    hold_corner(qtbot, kiosk, hold_clock)
    enter_pin(c.pad, "1111")
    assert c.pad.isVisible() and c.panel is None
    assert "4" in c.pad.message.text()
    assert c.pad.digits() == ""
    enter_pin(c.pad, DEFAULT_PIN)
    assert not c.pad.isVisible()
    assert c.panel_open
    assert c.panel.nag.isVisible(), "the panel nags while the shipped PIN is in force"
    assert PinStore.beside(kiosk.staff.settings.path).load() == "", "the default PIN is never stored"
    touch.tap(c.panel.close_button)
    assert not c.is_open
    assert c.gesture.enabled


def test_five_wrong_pins_lock_the_keypad_for_a_minute(qtbot, kiosk, hold_clock):
    c = controller(kiosk)
    now = [1000.0]
    c.gate = PinGate(PinStore.beside(kiosk.staff.settings.path), lambda: now[0])
    hold_corner(qtbot, kiosk, hold_clock)
    for _ in range(5):
        enter_pin(c.pad, "0000")
    assert c.pad.locked()
    assert not c.pad.keys["1"].isEnabled()
    qtbot.waitUntil(lambda: "60" in c.pad.message.text(), timeout=2000)
    touch.tap(c.pad.keys["2"])
    assert c.pad.digits() == ""
    now[0] += LOCKOUT_SECONDS - 5
    qtbot.waitUntil(lambda: " 5 " in c.pad.message.text() or "5 s" in c.pad.message.text(), timeout=2000)
    now[0] += 5
    qtbot.waitUntil(lambda: not c.pad.locked(), timeout=2000)
    enter_pin(c.pad, DEFAULT_PIN)
    assert c.panel_open


def test_change_pin_then_restart_only_the_new_pin_opens(qtbot, make_kiosk, hold_clock):
    kiosk = make_kiosk()
    c = controller(kiosk)
    hold_corner(qtbot, kiosk, hold_clock)
    enter_pin(c.pad, DEFAULT_PIN)
    touch.tap(c.panel.nag_button)
    assert c.pad.isVisible()
    enter_pin(c.pad, DEFAULT_PIN)  # the shipped PIN cannot be the new one
    assert "出厂" in c.pad.message.text()
    enter_pin(c.pad, "13579")
    enter_pin(c.pad, "13570")  # a typo in the confirmation: start again
    assert c.pad.isVisible()
    enter_pin(c.pad, "13579")
    enter_pin(c.pad, "13579")
    assert not c.pad.isVisible() and c.panel_open
    assert not c.panel.nag.isVisible()
    stored = PinStore.beside(kiosk.staff.settings.path).load()
    assert stored.startswith("scrypt$") and "13579" not in stored
    settings_file = kiosk.staff.settings.path
    assert not settings_file.exists() or "scrypt$" not in settings_file.read_text(encoding="utf-8")
    assert (kiosk.staff.settings.path.parent / PIN_FILE).exists()

    again = build(size=(1920, 1080))  # a restart: the same per-user folders
    again.window.allow_close = True
    qtbot.addWidget(again.window)
    gate = again.staff.controller.gate
    assert not gate.is_default
    assert gate.attempt(DEFAULT_PIN).outcome.value == "wrong"
    assert gate.attempt("13579").outcome.value == "ok"


class Clocks:
    """The monotonic clock and the time of day the keypad's lockout reads; a restart keeps only the second."""

    def __init__(self) -> None:
        self.now, self.wall = 1000.0, 1_800_000_000.0

    def advance(self, seconds: float) -> None:
        self.now += seconds
        self.wall += seconds

    def gate(self, kiosk) -> PinGate:
        gate = PinGate(PinStore.beside(kiosk.staff.settings.path), lambda: self.now, lambda: self.wall)
        controller(kiosk).gate = gate
        return gate


def test_the_lockout_grows_shows_minutes_and_survives_a_restart(qtbot, make_kiosk, hold_clock):
    kiosk = make_kiosk(lang="en")
    c = controller(kiosk)
    clocks = Clocks()
    clocks.gate(kiosk)
    hold_corner(qtbot, kiosk, hold_clock)
    for _ in range(5):
        enter_pin(c.pad, "0000")
    qtbot.waitUntil(lambda: "60 s" in c.pad.message.text(), timeout=2000)
    clocks.advance(60)
    qtbot.waitUntil(lambda: not c.pad.locked(), timeout=2000)
    for _ in range(5):
        enter_pin(c.pad, "0000")
    qtbot.waitUntil(lambda: "5 min 00 s" in c.pad.message.text(), timeout=2000)  # the second round: 5 minutes
    clocks.advance(61)
    qtbot.waitUntil(lambda: "3 min 59 s" in c.pad.message.text(), timeout=2000)
    assert not c.pad.keys["1"].isEnabled()

    again = make_kiosk(lang="en")  # a restart: the same per-user folders, a new monotonic clock
    clocks.now = 7.0
    c2 = controller(again)
    clocks.gate(again)
    hold_corner(qtbot, again, hold_clock)
    qtbot.waitUntil(lambda: "3 min 59 s" in c2.pad.message.text(), timeout=2000)
    enter_pin(c2.pad, DEFAULT_PIN)
    assert not c2.panel_open


def test_a_damaged_pin_file_keeps_the_keypad_closed_and_says_why(qtbot, make_kiosk, hold_clock):
    kiosk = make_kiosk(lang="en")
    kiosk.staff.settings.path.parent.mkdir(parents=True, exist_ok=True)
    (kiosk.staff.settings.path.parent / PIN_FILE).write_text('{"pin_hash": "scrypt$16', encoding="utf-8")
    c = controller(kiosk)
    hold_corner(qtbot, kiosk, hold_clock)
    assert c.pad.locked() and not c.pad.keys[DEFAULT_PIN[0]].isEnabled()
    assert "reset-pin" in c.pad.message.text() and "damaged" in c.pad.message.text()
    for digit in DEFAULT_PIN:
        touch.tap(c.pad.keys[digit])
    touch.tap(c.pad.keys["ok"])
    assert not c.panel_open
