"""Memory after a visitor has seen everything: every top-level screen visited once (each built, laid out,
its photos requested), then back home; the resident set size of the whole process."""

from __future__ import annotations

import gc
import logging

from kiosk.bench.driver import spin, wait_signal
from kiosk.bench.stats import rounded, rss_mb
from kiosk.bench.transitions import TIMEOUT_MS, go_home_quietly

log = logging.getLogger(__name__)


def visit_every_screen(kiosk) -> int:
    """Navigate to each top-level route in turn (by the window's own navigation); returns how many opened."""
    window = kiosk.window
    opened = 0
    for route in kiosk.top_level_routes():
        if route.screen == "home":
            continue
        if window.screen_for(route) is None:
            log.warning("no screen for %s", route.key)
            continue
        if wait_signal(window.screen_entered, TIMEOUT_MS, lambda r=route: window.navigate(r)):
            opened += 1
            spin(300)  # let its photos arrive, as they would for a visitor who looks
    go_home_quietly(kiosk)
    return opened


def settle_decodes(kiosk, timeout_ms: int = 10_000) -> None:
    """Wait until no photo is being decoded (so memory is measured with every requested photo in place)."""
    wait_idle = getattr(kiosk.images, "wait_idle", None)
    if callable(wait_idle):
        wait_idle(timeout_ms)
    spin(200)  # hand the finished decodes to their widgets


def rss_after_visiting(kiosk) -> float | None:
    visit_every_screen(kiosk)
    settle_decodes(kiosk)
    gc.collect()
    return rounded(rss_mb())
