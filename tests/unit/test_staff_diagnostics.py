"""Diagnostics facts, export places and the session record, without Qt."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from kiosk.staff.diagnostics import content_fingerprint, format_duration, memory_bytes, tail
from kiosk.staff.drives import export_places
from kiosk.staff.sessions import SessionRecord


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0 min 00 s"), (65, "1 min 05 s"), (3600 + 120, "1 h 02 min"), (2 * 86_400 + 3 * 3600 + 60, "2 d 3 h 01 min")],
)
def test_durations(seconds, text):
    assert format_duration(seconds) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0 分 00 秒"), (18, "0 分 18 秒"), (65, "1 分 05 秒"), (3600 + 120, "1 小时 02 分"),
     (2 * 86_400 + 3 * 3600 + 60, "2 天 3 小时 01 分")],
)
def test_durations_in_chinese(seconds, text):
    assert format_duration(seconds, "zh") == text


def test_memory_is_read_on_this_platform():
    value = memory_bytes()
    assert value is not None and value > 1_000_000


def test_fingerprint_follows_the_content(tmp_path: Path):
    (tmp_path / "exhibition.toml").write_text("a = 1\n", encoding="utf-8")
    first = content_fingerprint(tmp_path)
    assert first == content_fingerprint(tmp_path)
    (tmp_path / "exhibition.toml").write_text("a = 2\n", encoding="utf-8")
    assert content_fingerprint(tmp_path).split()[0] != first.split()[0]


def test_tail(tmp_path: Path):
    log = tmp_path / "kiosk.log"
    log.write_text("".join(f"line {i}\n" for i in range(500)), encoding="utf-8")
    assert tail(log, 3) == ["line 497", "line 498", "line 499"]
    assert tail(tmp_path / "missing.log") == []


def test_usb_sticks_are_listed_before_the_home_folder(tmp_path: Path):
    media = tmp_path / "media"
    stick = media / "staff" / "KIOSK-USB"
    stick.mkdir(parents=True)
    home = tmp_path / "home"
    home.mkdir()
    places = export_places(mount_roots=(str(media), str(tmp_path / "none")), home=home, platform="linux")
    assert [p.path for p in places] == [stick, home]
    assert places[0].removable and not places[1].removable


@pytest.mark.parametrize(
    ("ending", "expected_en"),
    [(None, "previous run ended unexpectedly"), ("exit", "staff exit to desktop"), ("restart", "staff restart")],
)
def test_last_restart_reason(tmp_path: Path, ending, expected_en):
    path = tmp_path / "last-session.json"
    assert SessionRecord(path).last_restart_reason() == "first start"
    first = SessionRecord(path)
    first.begin()
    if ending:
        first.end(ending)
    assert SessionRecord(path).last_restart_reason("en").startswith(expected_en)
    zh = SessionRecord(path).last_restart_reason("zh")
    assert zh and "T" not in zh and re.search(r"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}", zh), zh  # a date, not ISO
    assert re.search(r"\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}", SessionRecord(path).last_restart_reason("en"))
    assert os.path.exists(path)


def test_fingerprint_never_reads_a_stray_file_too_large_to_be_content(tmp_path: Path):
    """A 64 MB file named `*.toml` left in the content folder (a log, a dump) passes `kiosk check`, since no
    content names it; the Content page's fingerprint must not read it whole (a 3 GB one froze the panel)."""
    import tracemalloc

    (tmp_path / "exhibition.toml").write_text("title = 1\n", encoding="utf-8")
    with (tmp_path / "notes.toml").open("wb") as stray:
        stray.truncate(64 * 2**20)  # sparse: no disk used
    tracemalloc.start()
    try:
        before = content_fingerprint(tmp_path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 2**20
    os.truncate(tmp_path / "notes.toml", 65 * 2**20)
    assert content_fingerprint(tmp_path) != before  # still part of the fingerprint, by its size and date


def test_fingerprint_of_a_file_whose_name_is_not_utf8(tmp_path: Path):
    """A photo named with bytes that are not UTF-8 (copied from a stick formatted elsewhere): the fingerprint raised
    UnicodeEncodeError, which the staff panel's Content page, the metrics file and the proof all ask for."""
    (tmp_path / "exhibition.toml").write_text("title = 1\n", encoding="utf-8")
    odd = tmp_path / os.fsdecode(b"photo-\xff.jpg")
    odd.write_bytes(b"x")
    first = content_fingerprint(tmp_path)
    assert first != "?" and first == content_fingerprint(tmp_path)
    odd.write_bytes(b"xy")
    assert content_fingerprint(tmp_path) != first
