"""Visitor statistics: a scripted visit minute by minute with an injected clock, the queries the staff charts
use, and a CSV export that re-reads to the same numbers."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.staff.stats import MAP_FEATURE, PHOTO, SCREEN, VisitorStats, read_hourly_csv


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2024, 5, 18, 9, 58, 0))


@pytest.fixture
def stats(tmp_path: Path, clock: Clock) -> VisitorStats:
    s = VisitorStats(tmp_path / "stats.sqlite3", clock)
    yield s
    s.close()


def scripted_visit(stats: VisitorStats, clock: Clock) -> None:
    """Home (30 s) → section/party (90 s, opens a photo) → map (60 s, taps two features) → home; reset."""
    stats.screen_entered("home")  # on show before anyone touches it
    clock.advance(600)  # attract runs for ten minutes: no visit yet
    stats.start_visit()
    clock.advance(30)
    stats.screen_entered("section/party")
    clock.advance(40)
    stats.photo_opened("service-platform")
    clock.advance(50)
    stats.screen_entered("map")
    stats.map_feature_tapped("lukou-bridge")
    stats.map_feature_tapped("ship-lock")
    clock.advance(60)
    stats.screen_entered("home")
    clock.advance(90)  # idle timeout
    stats.end_visit()


def test_nothing_is_recorded_outside_a_visit(stats, clock):
    stats.screen_entered("home")
    stats.photo_opened("x")
    stats.map_feature_tapped("y")
    stats.screen_entered("section/party")
    t = stats.totals()
    assert (t.visits, t.screens, t.photos, t.map_features) == (0, 0, 0, 0)


def test_a_scripted_visit(stats, clock):
    scripted_visit(stats, clock)
    t = stats.totals()
    assert t.visits == 1
    assert t.visit_seconds == 30 + 90 + 60 + 90
    assert (t.screens, t.photos, t.map_features) == (4, 1, 2)
    screens = {i.subject: (i.count, i.seconds) for i in stats.top(SCREEN)}
    assert screens == {"home": (2, 30 + 90), "section/party": (1, 90), "map": (1, 60)}
    assert [i.subject for i in stats.top(SCREEN)][0] == "home"
    assert [(i.subject, i.count) for i in stats.top(PHOTO)] == [("service-platform", 1)]
    assert sorted(i.subject for i in stats.top(MAP_FEATURE)) == ["lukou-bridge", "ship-lock"]


def test_visits_per_day_and_hour(stats, clock):
    scripted_visit(stats, clock)  # starts 10:08 on the 18th
    clock.now = datetime(2024, 5, 19, 14, 5)
    for _ in range(3):
        stats.start_visit()
        clock.advance(120)
        stats.end_visit()
    stats.start_visit()
    stats.start_visit()  # a second "first touch" inside one visit is the same visit
    stats.end_visit()
    stats.end_visit()
    days = stats.per_day(days=3)
    assert [(d.day, d.visits) for d in days] == [(date(2024, 5, 17), 0), (date(2024, 5, 18), 1),
                                                  (date(2024, 5, 19), 4)]
    hours = stats.per_hour()
    assert len(hours) == 24 and hours[10] == 1 and hours[14] == 4 and sum(hours) == 5
    assert stats.per_hour(days=1)[10] == 0
    assert stats.totals(days=1).visits == 4


def test_every_event_is_on_disk_at_once_in_wal_mode(stats, clock, tmp_path):
    stats.start_visit()
    stats.photo_opened("p")
    other = sqlite3.connect(tmp_path / "stats.sqlite3")  # what survives if the process died now
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert other.execute("SELECT kind, subject FROM events").fetchall() == [("photo", "p")]
    other.close()


def test_statistics_survive_a_restart(tmp_path, clock):
    first = VisitorStats(tmp_path / "s.sqlite3", clock)
    scripted_visit(first, clock)
    first.close()
    second = VisitorStats(tmp_path / "s.sqlite3", clock)
    assert second.totals().visits == 1 and second.totals().map_features == 2
    second.close()


def test_csv_export_rereads_to_the_same_numbers(stats, clock, tmp_path):
    scripted_visit(stats, clock)
    clock.now = datetime(2024, 5, 19, 14, 5)
    scripted_visit(stats, clock)
    out = tmp_path / "usb"
    out.mkdir()
    hourly, items = stats.export_csv(out)
    assert hourly.parent == out and items.parent == out
    rows = read_hourly_csv(hourly)
    t = stats.totals()
    assert sum(r["visits"] for r in rows) == t.visits == 2
    assert sum(r["screens_opened"] for r in rows) == t.screens
    assert sum(r["photos_opened"] for r in rows) == t.photos
    assert sum(r["map_features_tapped"] for r in rows) == t.map_features
    assert sum(r["visit_seconds"] for r in rows) == pytest.approx(t.visit_seconds)
    per_day = {d.day.isoformat(): d.visits for d in stats.per_day(days=3)}
    for day in ("2024-05-18", "2024-05-19"):
        assert sum(r["visits"] for r in rows if r["day"] == day) == per_day[day]
    with items.open(encoding="utf-8") as handle:
        listed = {(r["kind"], r["subject"]): (int(r["count"]), float(r["seconds"])) for r in csv.DictReader(handle)}
    for kind in (SCREEN, PHOTO, MAP_FEATURE):
        for item in stats.top(kind, limit=100):
            assert listed[(kind, item.subject)] == (item.count, pytest.approx(item.seconds))
    assert len(listed) == sum(len(stats.top(k, limit=100)) for k in (SCREEN, PHOTO, MAP_FEATURE))


def test_export_to_a_folder_that_cannot_be_written_raises_oserror(stats, tmp_path):
    with pytest.raises(OSError):
        stats.export_csv(tmp_path / "no" / "such" / "stick")


def test_an_unwritable_database_never_stops_the_kiosk(tmp_path, clock):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    stats = VisitorStats(blocker / "stats.sqlite3", clock)  # parent is a file: cannot be created
    scripted_visit(stats, clock)
    assert stats.totals().visits == 0 and stats.per_day(2)[0].visits == 0
    stats.close()


def test_old_rows_are_pruned_on_open(tmp_path, clock):
    old = VisitorStats(tmp_path / "s.sqlite3", Clock(datetime(2022, 1, 1, 10)))
    old.start_visit()
    old.end_visit()
    old.close()
    fresh = VisitorStats(tmp_path / "s.sqlite3", clock)
    assert fresh.totals().visits == 0
    fresh.close()


def test_the_home_screen_the_reset_brings_up_is_not_counted(stats, clock):
    stats.screen_entered("section/party")
    stats.start_visit()
    clock.advance(40)
    stats.screen_entered("home")  # the reset navigates home...
    stats.end_visit()  # ...and ends the visit in the same moment
    assert [(i.subject, i.count) for i in stats.top(SCREEN)] == [("section/party", 1)]


def test_a_visit_that_was_only_the_staff_corner_hold_is_forgotten(stats, clock):
    stats.screen_entered("home")
    stats.start_visit()  # the corner hold's touch
    clock.advance(5)
    stats.staff_took_over()
    assert stats.totals().visits == 0 and stats.totals().screens == 0
    stats.start_visit()  # a real visitor, then staff arrive
    stats.screen_entered("map")
    clock.advance(20)
    stats.staff_took_over()
    assert stats.totals().visits == 1 and not stats.in_visit


# CSV export: safe to open in a spreadsheet, never through a planted link ---------------------------------------

def test_csv_cells_a_spreadsheet_would_run_are_escaped(stats, clock, tmp_path):
    stats.screen_entered("home")
    stats.start_visit()
    for subject in ("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "ok-photo"):
        stats.photo_opened(subject)
    stats.end_visit()
    out = tmp_path / "usb"
    out.mkdir()
    _, items = stats.export_csv(out)
    with items.open(encoding="utf-8", newline="") as handle:
        subjects = {r["subject"] for r in csv.DictReader(handle) if r["kind"] == PHOTO}
    assert subjects == {"'=HYPERLINK(\"http://x\")", "'+1+1", "'-2+3", "'@SUM(A1)", "'\tcmd", "'\rcmd", "ok-photo"}


def test_csv_export_never_follows_a_planted_symlink_nor_overwrites(stats, clock, tmp_path):
    scripted_visit(stats, clock)
    out = tmp_path / "usb"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    stem = clock.now.strftime("lukou-kiosk-statistics-%Y%m%d-%H%M%S")
    (out / f"{stem}-hourly.csv").symlink_to(victim)
    (out / f"{stem}-items.csv").write_text("older export")
    hourly, items = stats.export_csv(out)
    assert victim.read_text() == "precious"
    assert (out / f"{stem}-items.csv").read_text() == "older export"
    assert (hourly.name, items.name) == (f"{stem}-2-hourly.csv", f"{stem}-2-items.csv")
    assert sum(r["visits"] for r in read_hourly_csv(hourly)) == 1


# a damaged database is set aside, never the end of statistics ---------------------------------------------------

def _filled_database(path: Path, clock: Clock) -> bytes:
    stats = VisitorStats(path, clock)
    for _ in range(60):
        scripted_visit(stats, clock)
        for n in range(30):
            stats.start_visit()
            stats.photo_opened(f"photo-{n:03d}-" + "x" * 60)
            stats.end_visit()
    stats.close()
    assert not path.with_name(path.name + "-wal").exists() or path.with_name(path.name + "-wal").stat().st_size == 0
    return path.read_bytes()


def bad_header(data: bytes) -> bytes:
    return b"this is no sqlite file at all!!!" + data[32:]


def cut_short(data: bytes) -> bytes:
    return data[: len(data) // 3]


def bad_pages(data: bytes) -> bytes:
    page = int.from_bytes(data[16:18], "big")
    damaged = bytearray(data)
    for index in range(2, len(data) // page, 3):  # every third page after the schema: b-tree pages garbled
        damaged[index * page + 8 : index * page + 200] = bytes(range(192))
    return bytes(damaged)


def bad_last_pages(data: bytes) -> bytes:
    """Damage that opening and recording never touch: only the full check finds it."""
    page = int.from_bytes(data[16:18], "big")
    damaged = bytearray(data)
    for index in range(len(data) // page - 3, len(data) // page):
        damaged[index * page : index * page + 100] = b"\xff" * 100
    return bytes(damaged)


@pytest.mark.parametrize("damage", [bad_header, cut_short, bad_pages, bad_last_pages])
def test_a_damaged_database_is_kept_aside_and_counting_starts_again(tmp_path, clock, damage, caplog):
    path = tmp_path / "statistics.sqlite3"
    damaged = damage(_filled_database(path, clock))
    path.write_bytes(damaged)
    found = clock.now = datetime(2026, 12, 5, 10, 15, 0)
    stats = VisitorStats(path, clock)
    stats.checked()  # the full check runs beside start-up; wait for it
    kept = tmp_path / "statistics.corrupt-2026-12-05T101500.sqlite3"
    assert kept.read_bytes() == damaged  # kept for staff, byte for byte
    assert stats.problem is not None and stats.problem.kind == "damaged"
    assert stats.problem.kept == kept and stats.problem.when == clock.now
    scripted_visit(stats, clock)
    assert stats.totals().visits == 1  # statistics are on, in a fresh database
    stats.close()
    again = VisitorStats(path, clock)  # every later start still tells staff, until they delete the kept file
    assert again.totals().visits == 1 and again.problem.kept == kept and again.problem.when == found
    again.close()
    assert "damaged" in caplog.text


def test_damage_found_while_running_starts_a_fresh_database(stats, clock, tmp_path):
    scripted_visit(stats, clock)
    real = stats._db

    class Malformed:
        def execute(self, *args):
            error = sqlite3.DatabaseError("database disk image is malformed")
            error.sqlite_errorcode = 11
            raise error

        def close(self):
            real.close()

    stats._db = Malformed()
    stats.screen_entered("home")
    stats.start_visit()  # the write fails: the file is set aside, a fresh one takes over
    assert stats.problem is not None and stats.problem.kind == "damaged"
    assert stats.problem.kept == tmp_path / "stats.corrupt-2024-05-18T101230.sqlite3"
    assert stats.problem.kept.exists()
    scripted_visit(stats, clock)
    assert stats.totals().visits == 1


def test_a_full_disk_is_reported_and_recording_resumes(stats, clock):
    real = stats._db

    class Full:
        def execute(self, *args):
            raise sqlite3.OperationalError("database or disk is full")

        def close(self):
            real.close()

    stats._db = Full()
    began = clock.now + timedelta(seconds=600)  # the visit starts after ten minutes of slideshow
    scripted_visit(stats, clock)
    assert stats.problem is not None and stats.problem.kind == "off" and "full" in stats.problem.reason
    assert stats.problem.when == began  # since when, not the latest failure
    stats._db = real
    scripted_visit(stats, clock)
    assert stats.problem is None and stats.totals().visits == 1


@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_a_database_deleted_or_replaced_while_running_takes_no_later_visit_with_it(tmp_path, clock, how):
    path = tmp_path / "stats.sqlite3"
    stats = VisitorStats(path, clock, background_check=False)
    scripted_visit(stats, clock)
    for side in tmp_path.glob("stats.sqlite3*"):
        side.unlink()  # a clean-up script, or someone at the PC, while the kiosk runs
    if how == "replaced":
        other = VisitorStats(path, clock, background_check=False)
        other.close()
    scripted_visit(stats, clock)
    scripted_visit(stats, clock)
    stats.close()
    reread = VisitorStats(path, clock, background_check=False)
    assert reread.totals().visits == 2
    reread.close()


def _folder_in_its_place(path):
    (path / "inside").mkdir(parents=True)


def _other_tables(path):
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE visits (id INTEGER PRIMARY KEY, who TEXT)")
    db.execute("INSERT INTO visits (who) VALUES ('someone else')")
    db.commit()
    db.close()


@pytest.mark.parametrize("plant", [_folder_in_its_place, _other_tables])
def test_something_else_in_the_statistics_place_is_kept_aside_not_a_reason_to_stop(tmp_path, clock, plant):
    path = tmp_path / "statistics.sqlite3"
    plant(path)
    clock.now = datetime(2026, 12, 5, 10, 15, 0)
    stats = VisitorStats(path, clock)
    stats.checked()
    assert (tmp_path / "statistics.corrupt-2026-12-05T101500.sqlite3").exists()  # kept for staff as it was
    assert stats.problem is not None and stats.problem.kind == "damaged"
    scripted_visit(stats, clock)
    assert stats.totals().visits == 1  # recording goes on in a fresh database, this start and every later one
    stats.close()


def test_visits_in_accessible_mode_are_counted_once_each(stats, clock, tmp_path):
    stats.screen_entered("home")
    stats.start_visit()
    stats.accessible_mode_used()
    clock.advance(20)
    stats.accessible_mode_used()  # off and on again: still one accessible visit
    stats.end_visit()
    stats.start_visit()  # a second visitor without it
    clock.advance(20)
    stats.end_visit()
    stats.accessible_mode_used()  # between visits: nothing
    totals = stats.totals()
    assert (totals.visits, totals.accessible_visits) == (2, 1)
    hourly = read_hourly_csv(stats.export_csv(tmp_path)[0])
    assert sum(int(r["accessible_visits"]) for r in hourly) == 1
