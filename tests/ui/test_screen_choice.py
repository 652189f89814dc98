"""The kiosk on a PC with two displays, with Qt's offscreen platform given two screens
(`QT_QPA_PLATFORM=offscreen:configfile=screens.json`): `--screen` puts the full-screen window on the chosen
one; when that screen goes, the window moves to the primary, and back when it returns; the staff setting
moves it too.

The offscreen platform's screens are fixed for the life of the process, so "unplugged" is played by the
placer's screen list leaving the screen out while the application's own `screenRemoved` signal is emitted, as
Qt emits it when an output disappears. Runs in a process of its own: the test session's application has one
screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

SCREENS = {
    "screens": [
        {"name": "LEFT-1", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96,
         "dpr": 1},
        {"name": "RIGHT-2", "x": 1920, "y": 0, "width": 1080, "height": 1920, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1},
    ]
}

SCRIPT = textwrap.dedent("""
    import json

    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QSignalSpy

    from kiosk import app
    from kiosk.staff.settings import Settings

    settings = Settings()
    kiosk = app.build(windowed=False, settings=settings)
    qapp = QGuiApplication.instance()
    window = kiosk.window

    def where(step, placer):
        g = window.geometry()
        print(json.dumps({"step": step, "screen": window.screen().name(), "geometry": [g.x(), g.y(), g.width(),
              g.height()], "fullscreen": window.isFullScreen(), "message": placer.message}), flush=True)

    def wait_placed(placer):
        spy = QSignalSpy(placer.placed)
        assert spy.wait(10_000), "not placed again"

    print(json.dumps({"screens": [s.name() for s in qapp.screens()], "primary": qapp.primaryScreen().name()}))
    placer = app.place_on_screen(kiosk, "RIGHT-2")
    where("asked for RIGHT-2", placer)

    right = next(s for s in qapp.screens() if s.name() == "RIGHT-2")
    placer._screens = lambda: [s for s in QGuiApplication.screens() if s.name() != "RIGHT-2"]
    qapp.screenRemoved.emit(right)
    wait_placed(placer)
    where("RIGHT-2 unplugged", placer)

    placer._screens = QGuiApplication.screens
    qapp.screenAdded.emit(right)
    wait_placed(placer)
    where("RIGHT-2 plugged in again", placer)

    placer.deleteLater()
    by_setting = app.place_on_screen(kiosk, None)
    where("no --screen, empty setting", by_setting)
    settings.set("screen", "2")
    wait_placed(by_setting)
    where("staff chose screen 2", by_setting)
""")


def test_the_kiosk_takes_the_chosen_screen_and_follows_plugging(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines[0] == {"screens": ["LEFT-1", "RIGHT-2"], "primary": "LEFT-1"}
    steps = {line["step"]: line for line in lines[1:]}
    right = {"screen": "RIGHT-2", "geometry": [1920, 0, 1080, 1920], "fullscreen": True}
    left = {"screen": "LEFT-1", "geometry": [0, 0, 1920, 1080], "fullscreen": True}

    def placed(step: str) -> dict:
        return {k: steps[step][k] for k in ("screen", "geometry", "fullscreen")}

    assert placed("asked for RIGHT-2") == right
    assert placed("RIGHT-2 unplugged") == left
    assert "no screen is called 'RIGHT-2'" in steps["RIGHT-2 unplugged"]["message"]
    assert placed("RIGHT-2 plugged in again") == right and steps["RIGHT-2 plugged in again"]["message"] is None
    assert placed("no --screen, empty setting") == left
    assert placed("staff chose screen 2") == right
