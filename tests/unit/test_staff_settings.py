"""The settings store: declared once, saved atomically, repaired leniently when the file is damaged."""

from __future__ import annotations

import errno
import json
import logging
import os
import subprocess
import sys

import pytest

from kiosk.staff import settings as settings_module
from kiosk.staff.settings import FORMAT_VERSION, OPTIONS, REGISTRY, NotSaved, Settings, describe, write_atomically


def test_every_setting_has_a_valid_default_and_both_descriptions():
    for option in OPTIONS:
        assert option.check(option.default) == option.default, option.name
        assert option.description and option.zh
    assert len(REGISTRY) == len(OPTIONS)  # no name declared twice


def test_defaults_the_issue_asks_for():
    s = Settings()
    assert s.idle_timeout_s == 90
    assert s.default_language == "zh"
    assert s.attract_enabled is True and s.signage_mode is False


def test_a_missing_file_gives_defaults_and_one_log_line(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="kiosk.staff.settings")
    s = Settings.load(tmp_path / "settings.json")
    assert s.as_dict() == Settings().as_dict()
    assert len([r for r in caplog.records if "settings" in r.getMessage()]) == 1


def test_changes_are_saved_and_survive_a_reload(tmp_path):
    path = tmp_path / "conf" / "settings.json"
    s = Settings.load(path)
    s.set("idle_timeout_s", 120)
    s.update({"attract_order": "shuffle", "opening_hours_enabled": True})
    again = Settings.load(path)
    assert again.idle_timeout_s == 120 and again.attract_order == "shuffle" and again.opening_hours_enabled
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == FORMAT_VERSION == 2


@pytest.mark.parametrize("cut", [0.5, 0.1, 0.9])
def test_a_file_cut_short_gives_defaults_and_is_kept_for_staff(tmp_path, caplog, cut):
    path = tmp_path / "settings.json"
    s = Settings.load(path)
    s.set("idle_timeout_s", 300)
    text = path.read_bytes()
    path.write_bytes(text[: int(len(text) * cut)])
    caplog.set_level(logging.WARNING)
    loaded = Settings.load(path)
    assert loaded.as_dict() == Settings().as_dict()
    assert (tmp_path / "settings.json.corrupt").read_bytes() == text[: int(len(text) * cut)]
    assert any("corrupt" in r.getMessage() for r in caplog.records)
    assert loaded.problems


@pytest.mark.parametrize("content", [b"\xff\xfe garbage", b"[1, 2, 3]", b"null", b""])
def test_any_unreadable_content_gives_defaults(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    assert Settings.load(path).as_dict() == Settings().as_dict()


def test_bad_values_are_repaired_one_by_one(tmp_path, caplog):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({
        "idle_timeout_s": 5,  # below the minimum: clamped
        "attract_interval_s": 10_000,  # above the maximum: clamped
        "still_there_s": "ten",  # wrong type: default
        "attract_transition": "spin",  # not a choice: default
        "opening_hours": {"mon": "08:00-18:00", "tue": "25:00-26:00", "xyz": "1"},
        "signage_mode": True,  # a good value survives next to bad ones
        "favourite_colour": "green",  # unknown: ignored
    }), encoding="utf-8")
    caplog.set_level(logging.INFO)
    s = Settings.load(path)
    assert s.idle_timeout_s == 15
    assert s.attract_interval_s == 120
    assert s.still_there_s == 20
    assert s.attract_transition == "crossfade"
    assert s.opening_hours["mon"] == "08:00-18:00" and s.opening_hours["tue"] == "09:00-17:00"
    assert s.signage_mode is True
    messages = " ".join(r.getMessage() for r in caplog.records)
    for name in ("idle_timeout_s", "attract_interval_s", "still_there_s", "attract_transition", "favourite_colour"):
        assert name in messages
    assert not hasattr(s, "favourite_colour")


def test_strict_validation_when_staff_change_a_value(tmp_path):
    s = Settings.load(tmp_path / "settings.json")
    for name, bad in [("idle_timeout_s", 5), ("idle_timeout_s", True), ("attract_transition", "spin"),
                      ("attract_enabled", "yes"), ("opening_hours", {"mon": "late"})]:
        with pytest.raises(ValueError):
            s.set(name, bad)
    with pytest.raises(KeyError):
        s.set("no_such_setting", 1)
    with pytest.raises(ValueError):
        s.update({"idle_timeout_s": 60, "attract_order": "random"})
    assert s.idle_timeout_s == 90  # an update with one bad value changes nothing
    assert not (tmp_path / "settings.json").exists()


def test_subscribers_hear_which_settings_changed(tmp_path):
    s = Settings.load(tmp_path / "settings.json")
    heard = []
    s.subscribe(heard.append)
    s.update({"idle_timeout_s": 60, "default_language": "zh"})  # the language is unchanged
    s.set("idle_timeout_s", 60)  # no change: no notification
    assert heard == [frozenset({"idle_timeout_s"})]
    s.unsubscribe(heard.append)
    s.set("idle_timeout_s", 61)
    assert len(heard) == 1


def test_a_failing_subscriber_does_not_stop_the_others(tmp_path):
    s = Settings.load(tmp_path / "settings.json")
    heard = []
    s.subscribe(lambda changed: 1 / 0)
    s.subscribe(heard.append)
    s.set("large_text", True)
    assert heard == [frozenset({"large_text"})]


def test_values_handed_out_are_copies(tmp_path):
    s = Settings.load(tmp_path / "settings.json")
    hours = s.opening_hours
    hours["mon"] = "closed"
    assert s.opening_hours["mon"] == "09:00-17:00"


def test_the_write_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    write_atomically(path, "old")

    def power_cut(src, dst):
        raise OSError("power cut")

    monkeypatch.setattr(settings_module.os, "replace", power_cut)
    with pytest.raises(OSError):
        write_atomically(path, "new")
    assert path.read_text() == "old"  # the old file is whole
    assert os.listdir(tmp_path) == ["settings.json"]  # and no temporary file is left behind


@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EACCES, errno.EROFS])
def test_a_change_the_disk_refuses_is_reported_and_not_applied(tmp_path, monkeypatch, error):
    s = Settings.load(tmp_path / "settings.json")
    s.set("idle_timeout_s", 60)
    heard = []
    s.subscribe(heard.append)
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, text):
            self.handle.write(text[:10])
            self.handle.flush()
            raise OSError(error, os.strerror(error))

    monkeypatch.setattr(settings_module.os, "fdopen", lambda *a, **k: FullDisk(real_fdopen(*a, **k)))
    with pytest.raises(NotSaved, match=os.strerror(error)):
        s.update({"idle_timeout_s": 45, "large_text": True})
    monkeypatch.undo()
    assert s.idle_timeout_s == 60 and s.large_text is False  # the running kiosk is what the file says
    assert heard == []  # nobody applied a change that did not happen
    assert Settings.load(tmp_path / "settings.json").idle_timeout_s == 60
    assert sorted(os.listdir(tmp_path)) == ["settings.json"]  # and no partial temporary file is left


def test_unfinished_saves_of_a_killed_kiosk_are_removed_at_start(tmp_path):
    Settings.load(tmp_path / "settings.json").set("idle_timeout_s", 45)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    leftovers = [f".settings.json.{int(gone.stdout)}-k3j2.tmp", ".settings.json.a8x_2kq1.tmp"]  # a dead writer's,
    for name in leftovers:  # and one named the way older kiosks named them
        (tmp_path / name).write_text('{"idle_timeout_s": 1')
    live = tmp_path / f".settings.json.{os.getpid()}-zz.tmp"  # this process is writing it right now
    live.write_text("{")
    other = tmp_path / ".notes.txt.tmp"  # not the kiosk's settings file: not ours to remove
    other.write_text("x")
    s = Settings.load(tmp_path / "settings.json")
    assert s.idle_timeout_s == 45
    assert sorted(os.listdir(tmp_path)) == sorted([live.name, other.name, "settings.json"])


def test_describe_lists_every_setting():
    lines = describe()
    assert [line.split(" = ")[0] for line in lines] == [o.name for o in OPTIONS]


def test_the_readme_documents_every_setting():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Unattended operation", 1)[1]
    for option in OPTIONS:
        assert f"| `{option.name}` |" in section, f"README's settings table lacks {option.name}"


def test_a_list_of_sections_is_described_as_staff_see_it():
    """The panel shows section titles to tap, so the description speaks of sections, not of their ids."""
    from kiosk.staff.settings import IdListOption

    for option in OPTIONS:
        if isinstance(option, IdListOption):
            assert " id" not in option.description.lower() and "编号" not in option.zh, option.name


@pytest.mark.parametrize("version", [1, None])
def test_an_older_file_with_a_10_s_question_gets_20_s_quietly(tmp_path, version):
    """WCAG 2.2.1: at least 20 s to answer. Files from before that rule held the old 10 s default."""
    path = tmp_path / "settings.json"
    data = {"still_there_s": 10, "idle_timeout_s": 120}
    if version is not None:
        data["version"] = version
    path.write_text(json.dumps(data), encoding="utf-8")
    s = Settings.load(path)
    assert s.still_there_s == 20 and s.idle_timeout_s == 120
    assert not s.problems  # a rule that changed, not a mistake to show staff
    older = {"version": 1, "still_there_s": 45}
    path.write_text(json.dumps(older), encoding="utf-8")
    assert Settings.load(path).still_there_s == 45  # a longer time chosen before stays


def test_a_current_file_below_20_s_is_clamped_and_reported(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": FORMAT_VERSION, "still_there_s": 10}), encoding="utf-8")
    s = Settings.load(path)
    assert s.still_there_s == 20 and s.problems


def test_the_question_gives_at_least_20_s_by_default():
    assert Settings().still_there_s == 20
    with pytest.raises(ValueError):
        Settings().set("still_there_s", 19)


def test_the_mounting_and_high_contrast_settings_exist_with_defaults():
    s = Settings()
    assert s.screen_bottom_cm == 90 and s.screen_diagonal_in == 0 and s.high_contrast is False


@pytest.mark.parametrize("number", ["Infinity", "-Infinity", "1e400"])
def test_an_infinite_number_gives_the_default(tmp_path, number):
    """Python's JSON reader takes `Infinity` (and 1e400 is infinite): Settings.load raised OverflowError, and the kiosk
    could not start with that file."""
    path = tmp_path / "settings.json"
    path.write_text(f'{{"version": 1, "screen_bottom_cm": {number}, "still_there_s": {number}, "idle_timeout_s": 45, '
                    f'"wake_minutes": 1{"0" * 400}}}')  # a whole number too large for a float: clamped
    settings = Settings.load(path)
    assert settings.screen_bottom_cm == 90 and settings.still_there_s == 20 and settings.idle_timeout_s == 45
    assert settings.wake_minutes == 60
    assert any(p.startswith("screen_bottom_cm: expected a whole number") for p in settings.problems)
