"""Window health on the real kiosk window: hidden, minimised or natively unmapped by anything but the staff
Exit, it is back on screen within a second; deleted, the process exits non-zero for its supervisor. The
heartbeat (file and systemd watchdog) is fed only while the window paints: an idle kiosk still proves it can
paint, a window that stops painting stops the beats within 30 s. Time is a made-up clock."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.health import PAINT_STALE_S, WINDOW_LOST_EXIT_CODE, Heartbeat
from kiosk.ui.shell.heartbeat_timer import HeartbeatTimer
from kiosk.ui.shell.main_window import ExitPermission
from kiosk.ui.shell.window_guard import WindowGuard

ROOT = Path(__file__).resolve().parents[2]


class Seconds:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def kiosk_mode(make_kiosk):
    """The kiosk full screen in kiosk mode, where only the staff Exit may take the window away."""
    kiosk = make_kiosk(windowed=False)
    window = kiosk.window
    window.allow_close = False
    window.showFullScreen()
    yield kiosk
    if shiboken6.isValid(window):
        window.allow_close = True  # the test is over: closing the window is intended now


def on_screen(window) -> bool:
    handle = window.windowHandle()
    return window.isVisible() and not window.isMinimized() and handle is not None and handle.isExposed()


@pytest.mark.parametrize("how", ["hide", "minimise", "native hide", "native window destroyed", "close"])
def test_a_window_taken_away_is_back_within_a_second(qtbot, kiosk_mode, how):
    window = kiosk_mode.window
    assert on_screen(window)
    if how == "hide":
        window.hide()
    elif how == "minimise":
        window.showMinimized()
    elif how == "native hide":
        window.windowHandle().hide()
    elif how == "native window destroyed":
        window.destroy()
    else:
        window.close()  # refused in kiosk mode: it simply stays
    qtbot.waitUntil(lambda: on_screen(window), timeout=1000)
    assert window.isFullScreen()


def test_the_staff_exit_is_not_undone(qtbot, kiosk_mode):
    window = kiosk_mode.window
    reshows = kiosk_mode.window_guard.reshows
    window.request_exit()  # what the staff panel's Exit allows
    assert not window.isVisible()
    assert kiosk_mode.window_guard.check().value == "fine"
    assert kiosk_mode.window_guard.reshows == reshows and not window.isVisible()


def test_a_deleted_window_means_exit_with_a_failure_status(qtbot):
    window = QWidget()  # a stand-in: the real window is deleted in a process of its own below
    window.kiosk_mode, window.exit_permission = True, ExitPermission(False)
    window.show()
    qtbot.waitUntil(lambda: on_screen(window), timeout=2000)
    codes: list[int] = []
    guard = WindowGuard(window, exit=codes.append)  # type: ignore[arg-type]  # any window will do for the guard's exit path
    guard.start()
    window.deleteLater()
    qtbot.waitUntil(lambda: codes == [WINDOW_LOST_EXIT_CODE], timeout=2000)


def test_the_kiosk_process_exits_non_zero_when_its_window_is_deleted(tmp_path):
    program = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QTimer
        import kiosk.app as app

        real_build = app.build

        def build(*args, **kwargs):  # the real kiosk, whose window something deletes after its first frame
            kiosk = real_build(*args, **kwargs)
            kiosk.window.first_frame.connect(lambda: QTimer.singleShot(200, kiosk.window.deleteLater))
            return kiosk

        app.build = build
        from kiosk.__main__ import main
        sys.exit(main(["--size", "1280x720"]))
    """)
    done = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**_env(), "PYTHONPATH": str(ROOT)})
    assert done.returncode == WINDOW_LOST_EXIT_CODE, done.stderr[-2000:]


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


# the heartbeat follows painting -----------------------------------------------------------------------


@pytest.fixture
def systemd(tmp_path):
    path = str(tmp_path / "notify.sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(path)
    server.setblocking(False)
    yield path, server
    server.close()


def received(server) -> list[bytes]:
    messages = []
    while True:
        try:
            messages.append(server.recv(256))
        except BlockingIOError:
            return messages


def beating(qtbot, kiosk, tmp_path, systemd):
    clock = Seconds()
    heartbeat = Heartbeat(tmp_path / "heartbeat", environ={"NOTIFY_SOCKET": systemd[0]})
    timer = HeartbeatTimer(kiosk.window, heartbeat=heartbeat, clock=clock, parent=kiosk.window)
    timer.start()
    qtbot.waitUntil(lambda: timer.evidence.frames > 1, timeout=2000)  # the probe's first frame
    received(systemd[1])
    return timer, clock


def beat_for(qtbot, timer, clock, server, seconds: float, painting: bool = True, step: float = 5.0) -> list[bytes]:
    """Beats `step` seconds apart on the made-up clock; what systemd received meanwhile. After each beat the
    probe's frame is awaited when the window paints, else the event loop only runs its pending events."""
    messages = []
    for _ in range(round(seconds / step)):
        clock.now += step
        frames = timer.evidence.frames
        timer.beat()
        messages += received(server)
        if painting:
            qtbot.waitUntil(lambda frames=frames: timer.evidence.frames > frames, timeout=2000)
        else:
            QApplication.processEvents()
    return messages


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="systemd notify needs Unix sockets")
def test_an_idle_kiosk_keeps_proving_it_paints(qtbot, make_kiosk, tmp_path, systemd):
    kiosk = make_kiosk()
    timer, clock = beating(qtbot, kiosk, tmp_path, systemd)
    kiosk.unattended.pause(True)  # nothing moves on the screen: no slideshow, nothing repaints by itself
    assert beat_for(qtbot, timer, clock, systemd[1], 120) == [b"WATCHDOG=1"] * 24
    assert timer.withheld == 0


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="systemd notify needs Unix sockets")
def test_the_heartbeat_stops_when_the_window_stops_painting_and_resumes_with_it(qtbot, make_kiosk, tmp_path,
                                                                                 systemd):
    kiosk = make_kiosk()
    timer, clock = beating(qtbot, kiosk, tmp_path, systemd)
    server = systemd[1]
    beat_file = tmp_path / "heartbeat"
    kiosk.window.hide()  # unmapped, and nothing shows it again (windowed: no guard): it no longer paints
    fed = beat_for(qtbot, timer, clock, server, PAINT_STALE_S, painting=False)
    assert len(fed) == PAINT_STALE_S // 5  # up to 30 s after the last frame: still fed
    assert beat_for(qtbot, timer, clock, server, 60, painting=False) == []  # then the watchdog starves…
    assert timer.withheld == 12
    beat_file.write_text("stale")
    assert beat_for(qtbot, timer, clock, server, 5, painting=False) == []
    assert beat_file.read_text() == "stale"  # …and the heartbeat file stands still
    with qtbot.waitExposed(kiosk.window):
        kiosk.window.show()
    assert beat_for(qtbot, timer, clock, server, 10) == [b"WATCHDOG=1"] * 2  # painted again: fed again
    assert timer.withheld == 0
    assert beat_file.read_text() != "stale"
