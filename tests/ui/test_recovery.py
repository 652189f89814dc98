"""Crash recovery and settings on the real app: an error in a slot is logged and the kiosk returns home; a
settings file cut in half gives the defaults; settings survive a restart."""

from __future__ import annotations

import json
import logging

import pytest

from kiosk.app import build
from kiosk.modes import Mode
from kiosk.navigation import Route
from kiosk.staff.settings import default_path
from kiosk.ui.panels.home_screen import HomeScreen

from . import touch
from .helpers import entered, home, skip_warm_up


@pytest.mark.qt_no_exception_capture  # the kiosk's own hook must see the error, as in production
def test_an_error_in_a_slot_is_logged_and_the_kiosk_goes_home(qtbot, make_kiosk, caplog):
    kiosk = make_kiosk()
    section = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[0]))
    touch.tap(kiosk.window.bar.en_button)

    def broken(topic: str) -> None:
        raise ZeroDivisionError("a bug in a chip's slot")

    section.body.scroll_to = broken
    caplog.set_level(logging.ERROR, logger="kiosk.unhandled")
    touch.tap(section.chips[0])
    qtbot.waitUntil(lambda: isinstance(kiosk.window.current_screen(), HomeScreen), timeout=5000)
    assert kiosk.navigator.current == Route("home")
    assert kiosk.window.isVisible()
    assert kiosk.window.lang == "zh"  # a fresh start, in the default language
    record = next(r for r in caplog.records if r.name == "kiosk.unhandled")
    assert record.exc_info and record.exc_info[0] is ZeroDivisionError  # logged with its traceback
    assert kiosk.crash_guard.errors == 1
    # and the kiosk keeps working
    entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[1]))


def _show(qtbot, kiosk):
    qtbot.addWidget(kiosk.window)
    skip_warm_up(kiosk.window)
    with qtbot.waitSignal(kiosk.window.first_frame, timeout=10_000):
        kiosk.window.show()
    return kiosk


def test_settings_survive_a_restart(qtbot):
    first = _show(qtbot, build(size=(1280, 720)))
    first.settings.update({"idle_timeout_s": 200, "attract_enabled": False, "default_language": "en"})
    assert first.unattended.machine.config.idle_timeout == 200  # applied at once
    first.window.close()

    second = _show(qtbot, build(size=(1280, 720)))
    assert second.settings.idle_timeout_s == 200 and second.settings.attract_enabled is False
    assert second.unattended.machine.config.idle_timeout == 200
    assert second.window.lang == "en"  # the default language is where a new visitor starts


def test_a_settings_file_cut_in_half_gives_the_defaults(qtbot, caplog):
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"idle_timeout_s": 300, "signage_mode": True, "default_language": "en"}, indent=2)
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    caplog.set_level(logging.WARNING)
    kiosk = _show(qtbot, build(size=(1280, 720)))
    assert kiosk.settings.idle_timeout_s == 90 and kiosk.settings.signage_mode is False
    assert kiosk.unattended.mode is Mode.RESTING and kiosk.window.lang == "zh"
    assert path.with_name("settings.json.corrupt").exists()
    assert any("corrupt" in r.getMessage() for r in caplog.records)
