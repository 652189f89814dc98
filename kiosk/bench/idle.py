"""CPU while nobody touches the kiosk: on the home screen (the hero drifts, nothing else moves) and during
the attract slideshow. A kiosk idles for most of a 12-hour day; these figures are its electricity and heat.

CPU share = this process's CPU time (all threads) / wall time, while the event loop runs undisturbed.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QPoint

from kiosk.bench.driver import Finger, spin, wait_until
from kiosk.bench.stats import CpuWindow, rounded
from kiosk.bench.transitions import go_home_quietly
from kiosk.bench.unattended import TimeMachine, unattended_driver
from kiosk.ui import theme as t

log = logging.getLogger(__name__)

SETTLE_MS = 1500  # after arriving: figures finish counting up, the hero photo is decoded


def _settled(kiosk) -> None:
    go_home_quietly(kiosk)
    spin(max(SETTLE_MS, t.COUNT_UP_MS + 500))


def idle_cpu_pct(kiosk, seconds: float = 10.0) -> float | None:
    """Percent of one core used on the home screen over `seconds`, once it has settled."""
    _settled(kiosk)
    window = CpuWindow()
    window.start()
    spin(round(seconds * 1000))
    return rounded(window.stop(), 2)


def attract_cpu_pct(kiosk, seconds: float = 10.0) -> tuple[float | None, str]:
    """Percent of one core during the attract slideshow, and a note when it cannot be measured.

    The slideshow is reached the way it is on a real day: nobody touches the kiosk for the idle timeout (the
    unattended driver's clock jumps ahead instead of waiting), "still there?" counts down, the reset, then the
    slideshow. A touch ends it."""
    driver = unattended_driver(kiosk)
    if driver is None:
        return None, "no attract mode in this build"
    _settled(kiosk)
    clock = TimeMachine(driver)
    clock.idle_timeout()
    if not wait_until(lambda: clock.mode() == "attract", 3000):
        return None, f"the slideshow did not start (mode {clock.mode()}; is it switched off in the settings?)"
    try:
        spin(1500)  # past the cross-fade into the first slide
        window = CpuWindow()
        window.start()
        spin(round(seconds * 1000))
        return rounded(window.stop(), 2), ""
    finally:
        finger = Finger(kiosk.window)
        finger.tap(QPoint(kiosk.window.width() // 2, kiosk.window.height() // 2))  # the waking touch
        spin(300)
        go_home_quietly(kiosk)
