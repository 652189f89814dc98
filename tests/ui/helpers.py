"""What UI tests do again and again, in one place: wait for the window to arrive on a screen, find the home
screen, open the gallery, find visible text, and count the staff gesture's hold on a clock the test advances
instead of waiting three real seconds."""

from __future__ import annotations

import re
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QPoint, Signal
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.navigation import Route
from kiosk.ui.panels.home_screen import HomeScreen

from . import touch


def skip_warm_up(window) -> None:
    """This window builds each screen when it is first visited, instead of all of them after its first frame
    (the product's warm-up, which costs a test about a second of grabs it does not look at)."""
    window.warm_up = lambda routes: None


def entered(qtbot, kiosk, action: Callable[[], object], timeout: int = 8000) -> QWidget:
    """Run `action` and wait until the window has finished moving to the next screen; returns that screen."""
    with qtbot.waitSignal(kiosk.window.screen_entered, timeout=timeout) as blocker:
        action()
    assert blocker.args[0] == kiosk.navigator.current
    return kiosk.window.current_screen()


def home(kiosk) -> HomeScreen:
    screen = kiosk.window.screen_for(Route("home"))
    assert isinstance(screen, HomeScreen)
    return screen


def open_tile(qtbot, kiosk, route: Route) -> QWidget:
    """Tap the home screen's tile for `route` and wait until its screen is shown."""
    tile = home(kiosk).tile_for(route)
    return entered(qtbot, kiosk, lambda: touch.tap(tile))


def open_gallery(qtbot, kiosk):
    from kiosk.ui.panels.gallery_screen import GalleryScreen

    screen = open_tile(qtbot, kiosk, Route("gallery"))
    assert isinstance(screen, GalleryScreen)
    return screen


def hold_staff_corner(qtbot, kiosk) -> None:
    """Hold one finger in the top-left corner for the staff gesture's three seconds (counted on the kiosk's
    `HoldClock`, see the `hold_clock` fixture), then lift it: the keypad opens."""
    gesture = kiosk.staff.controller.gesture
    clock = gesture._timer.clock
    touch.press(kiosk.window, QPoint(12, 12))
    with qtbot.waitSignal(gesture.triggered, timeout=1000):
        clock.advance(gesture._timer.interval())
    touch.release(kiosk.window, QPoint(12, 12))


def settle() -> None:
    """Deliver every event and zero-delay timer already queued, and what those queue in turn (all a tap or a
    key sets off at once), without letting time pass: for checking that something did *not* happen."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()


def shown(screen: QWidget, fragment: str) -> list[QLabel]:
    """Labels on `screen` that a visitor can see and whose words (without markup such as <b>) contain
    `fragment`."""
    return [label for label in screen.findChildren(QLabel) if fragment in plain(label) and label.isVisible()]


def plain(label: QLabel) -> str:
    """The words a visitor reads in `label`, without the markup that sets a term in bold."""
    return re.sub(r"<[^>]+>", "", label.text())


class ManualTimer(QObject):
    """A single-shot timer that fires only when its `HoldClock` is advanced past its interval."""

    timeout = Signal()

    def __init__(self, clock: HoldClock, parent: QObject | None = None):
        super().__init__(parent)
        self.clock = clock
        self._interval = 0
        self._due: int | None = None

    def setSingleShot(self, single: bool) -> None:
        assert single, "only single-shot timers are counted by hand"

    def setInterval(self, ms: int) -> None:
        self._interval = ms

    def interval(self) -> int:
        return self._interval

    def start(self, ms: int | None = None) -> None:
        if ms is not None:
            self._interval = ms
        self._due = self.clock.now_ms + self._interval

    def stop(self) -> None:
        self._due = None

    def isActive(self) -> bool:
        return self._due is not None

    def fire(self) -> None:
        """Time is up now, whatever the clock says (for putting events in a chosen order)."""
        self._due = None
        self.timeout.emit()


class HoldClock:
    """Counts time for the staff gesture's hold timers; `advance(ms)` fires every timer that falls due."""

    def __init__(self) -> None:
        self.now_ms = 0
        self.timers: list[ManualTimer] = []

    def make_timer(self, parent: QObject) -> ManualTimer:
        timer = ManualTimer(self, parent)
        self.timers.append(timer)
        return timer

    def live(self) -> list[ManualTimer]:
        return [t for t in self.timers if shiboken6.isValid(t)]

    def advance(self, ms: int) -> None:
        self.now_ms += ms
        for timer in self.live():
            if timer._due is not None and timer._due <= self.now_ms:
                timer.fire()


def audit_cases(keys: list[tuple[str, ...]], known: dict) -> list:
    """One test case per place of a layout audit, named by its key ("en-1920x1080-home"); a place with a known
    defect is a strict xfail giving the defect as its reason, so mending it without saying so fails too."""
    import pytest

    return [pytest.param(key, id="-".join(key), marks=[pytest.mark.xfail(strict=True, reason=known[key])]
                         if key in known else []) for key in keys]
