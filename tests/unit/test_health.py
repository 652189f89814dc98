"""Heartbeat file and systemd notify messages, against a real datagram socket standing in for systemd."""

from __future__ import annotations

import os
import socket
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.health import (
    PAINT_STALE_S,
    WINDOW_GIVE_UP_S,
    AssetHealth,
    Heartbeat,
    PaintEvidence,
    Verdict,
    WindowHealth,
    WindowState,
    sd_notify,
    watchdog_interval,
)

pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="systemd notify needs Unix sockets")


@pytest.fixture
def systemd(tmp_path):
    path = str(tmp_path / "notify.sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(path)
    server.settimeout(2)
    yield path, server
    server.close()


def test_messages_reach_the_notify_socket(systemd):
    path, server = systemd
    env = {"NOTIFY_SOCKET": path}
    beat = Heartbeat(path=None, environ=env)
    beat.path = Path(os.path.dirname(path)) / "heartbeat"
    beat.ready()
    assert server.recv(256) == b"READY=1"
    assert sd_notify("WATCHDOG=1", env)
    assert server.recv(256) == b"WATCHDOG=1"


def test_no_socket_no_message():
    assert sd_notify("READY=1", {}) is False
    assert sd_notify("READY=1", {"NOTIFY_SOCKET": "/nonexistent/socket"}) is False


def test_the_heartbeat_file_carries_pid_and_time(tmp_path, systemd):
    path, server = systemd
    beat = Heartbeat(tmp_path / "state" / "heartbeat", environ={"NOTIFY_SOCKET": path})
    beat.beat(datetime(2024, 5, 6, 10, 0, 5))
    assert (tmp_path / "state" / "heartbeat").read_text() == f"{os.getpid()} 2024-05-06T10:00:05\n"
    assert server.recv(256) == b"WATCHDOG=1"


def test_a_heartbeat_that_cannot_be_written_is_logged_once(tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    beat = Heartbeat(blocker / "heartbeat", environ={})
    for _ in range(3):
        beat.beat()
    assert beat.beats == 3
    assert len([r for r in caplog.records if "heartbeat" in r.getMessage()]) == 1


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, 5.0),
        ({"WATCHDOG_USEC": "4000000"}, 2.0),
        ({"WATCHDOG_USEC": "30000000"}, 5.0),
        ({"WATCHDOG_USEC": "4000000", "WATCHDOG_PID": "1"}, 5.0),  # meant for another process
        ({"WATCHDOG_USEC": "junk"}, 5.0),
    ],
)
def test_beat_interval_follows_systemd(env, expected):
    assert watchdog_interval(env) == expected


# is the kiosk alive enough to say so ------------------------------------------------------------------


class Seconds:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_paint_evidence_goes_stale_after_30_seconds_without_a_frame():
    clock = Seconds()
    evidence = PaintEvidence(clock)
    assert not evidence.fresh() and evidence.age() is None  # nothing painted yet
    evidence.painted()
    clock.now += PAINT_STALE_S
    assert evidence.fresh()
    clock.now += 0.5
    assert not evidence.fresh() and evidence.age() == PAINT_STALE_S + 0.5
    evidence.painted()
    assert evidence.fresh() and evidence.frames == 2


def state(**kw) -> WindowState:
    return WindowState(**{"alive": True, "shown": True, "minimized": False, "exposed": True,
                          "exit_allowed": False, **kw})


@pytest.mark.parametrize(
    ("seen", "verdict"),
    [
        (state(), Verdict.FINE),
        (state(shown=False), Verdict.RESHOW),
        (state(minimized=True), Verdict.RESHOW),
        (state(exposed=False), Verdict.RESHOW),  # unmapped: Qt still calls it visible
        (state(alive=False), Verdict.EXIT),
        (state(shown=False, exit_allowed=True), Verdict.FINE),  # the staff Exit
        (state(alive=False, exit_allowed=True), Verdict.FINE),
    ],
)
def test_window_verdicts(seen, verdict):
    assert WindowHealth(Seconds()).judge(seen) is verdict


def test_a_window_that_stays_away_despite_being_shown_again_means_exit():
    clock = Seconds()
    health = WindowHealth(clock)
    away = state(exposed=False)
    for _ in range(int(WINDOW_GIVE_UP_S)):
        assert health.judge(away) is Verdict.RESHOW
        clock.now += 1
    assert health.judge(away) is Verdict.RESHOW  # exactly the give-up time: one more try
    clock.now += 1
    assert health.judge(away) is Verdict.EXIT
    assert health.reshows == WINDOW_GIVE_UP_S + 1


def test_coming_back_resets_the_patience():
    clock = Seconds()
    health = WindowHealth(clock)
    assert health.judge(state(shown=False)) is Verdict.RESHOW
    clock.now += WINDOW_GIVE_UP_S - 1
    assert health.judge(state()) is Verdict.FINE
    clock.now += 5
    assert health.judge(state(shown=False)) is Verdict.RESHOW
    clock.now += WINDOW_GIVE_UP_S - 1
    assert health.judge(state(shown=False)) is Verdict.RESHOW


def test_asset_health_names_each_failed_asset_once_in_order():
    record = AssetHealth()
    assert record.failures() == []
    record.failed("font A.ttf", "missing")
    record.failed("map outlines", "not JSON")
    record.failed("font A.ttf", "missing again")  # the first reason stands
    assert record.failures() == ["font A.ttf (missing)", "map outlines (not JSON)"]
    record.clear()
    assert record.failures() == []
