"""`kiosk --smoke` ends with the window's geometry against its screen's, and a full-screen window that does not
cover exactly its screen fails the run (a bar below the bottom edge is a kiosk visitors cannot leave a screen of).
The offscreen platform stands in for a real screen here: its screen is what the window must cover."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from kiosk import smoke
from kiosk.smoke import SmokeRun


@pytest.fixture
def full_screen_smoke(kiosk, monkeypatch: pytest.MonkeyPatch, qtbot) -> SmokeRun:
    monkeypatch.setattr(smoke, "NO_SCREEN_PLATFORMS", ())
    run = SmokeRun(kiosk, fullscreen=True)
    run.show()
    window = kiosk.window
    qtbot.waitUntil(lambda: window.isFullScreen() and window.geometry() == window.screen().geometry())
    return run


def test_a_window_covering_its_screen_passes(full_screen_smoke: SmokeRun, capsys) -> None:
    full_screen_smoke._check_geometry()
    assert full_screen_smoke.failures == []
    line = capsys.readouterr().out
    screen = full_screen_smoke.kiosk.window.screen().geometry()
    assert line.startswith(f"window: {screen.width()}×{screen.height()}+0+0, full screen, on screen ")


def test_a_full_screen_window_taller_than_its_screen_fails(full_screen_smoke: SmokeRun, capsys, qtbot,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """As under Wine without a window manager: the window in the full-screen state, 138 px taller than the screen."""
    window = full_screen_smoke.kiosk.window
    screen = window.screen().geometry()
    window.setGeometry(QRect(0, 0, screen.width(), screen.height() + 138))
    qtbot.waitUntil(lambda: window.height() == screen.height() + 138)
    monkeypatch.setattr(window, "isFullScreen", lambda: True)
    full_screen_smoke._check_geometry()
    tall = f"{window.width()}×{screen.height() + 138}+0+0"  # (as wide as the kiosk's layout allows, at least)
    [failure] = full_screen_smoke.failures
    assert failure.startswith(f"window geometry: the window {tall} does not cover screen {screen.width()}×"
                              f"{screen.height()}+0+0 (offscreen") and failure.endswith(" exactly")
    assert capsys.readouterr().out.startswith(f"window: {tall}, full screen, on screen ")


def test_a_window_that_is_not_full_screen_fails(full_screen_smoke: SmokeRun, qtbot) -> None:
    window = full_screen_smoke.kiosk.window
    window.showNormal()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    full_screen_smoke._check_geometry()
    assert full_screen_smoke.failures == ["window geometry: the window is not in the full-screen state"]


def test_the_window_never_asks_its_screen_for_the_height_of_its_content(kiosk) -> None:
    """Qt on Windows resizes a top-level widget with height-for-width to what its layout asks for: the home
    screen's wrapped text asks for more than a 1080-pixel screen. The window opts out; its screens do not."""
    window = kiosk.window
    layout = window.layout()
    assert layout is not None and layout.hasHeightForWidth()
    assert not window.hasHeightForWidth()
