"""The monkey: thousands of random touches, swipes, pinches, long presses, language switches, keys and idle
timeouts through Qt's real event system leave the kiosk running, without one exception."""

from __future__ import annotations

import json
import sys

import pytest
from PySide6.QtCore import QObject, Signal

from kiosk.bench.monkey import Monkey, Watch
from kiosk.bench.plan import Planned

from .background import background_result

EVENTS = 1000  # as in tests/ui/background.py


@pytest.mark.soak
@pytest.mark.background("monkey")  # `kiosk monkey --events 1000 --seed 1 --json`, started with the session
def test_a_short_monkey_run_leaves_the_kiosk_running_without_exceptions(request):
    done = background_result(request)
    print(done.stdout)
    assert done.returncode == 0, (done.stdout[-2000:], done.stderr[-6000:])
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["events"] == EVENTS
    assert summary["exceptions"] == 0 and summary["qt_errors"] == 0
    assert summary["window_open"] is True
    assert {"tap", "swipe", "pinch", "long_press", "language"} <= set(summary["by_kind"])


class _Trap(QObject):
    fired = Signal()


@pytest.mark.qt_no_exception_capture
def test_the_monkey_counts_an_exception_raised_in_a_slot(kiosk, monkeypatch):
    """A monkey that could not see exceptions would pass every run: make a tap raise, and it must notice."""
    watch = Watch()
    monkeypatch.setattr(sys, "excepthook", watch.excepthook)

    def boom(route) -> None:
        raise RuntimeError("a slot failed")

    kiosk.window.screen_entered.connect(boom)
    monkey = Monkey(kiosk, seed=1, events=0)
    home = kiosk.window.current_screen()
    tile = home.tiles[0]
    point = tile.mapTo(kiosk.window, tile.rect().center())
    monkey.send(Planned("tap", point.x() / kiosk.window.width(), point.y() / kiosk.window.height()))
    monkey.send(Planned("pause", ms=800))
    kiosk.window.screen_entered.disconnect(boom)
    assert any("a slot failed" in text for text in watch.exceptions)
    assert monkey.sent == {"tap": 1, "pause": 1}
