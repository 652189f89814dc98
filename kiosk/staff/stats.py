"""Visitor statistics, private by design: what was looked at, when, and for how long, never who.

A *visit* runs from the first touch after attract/idle to the next reset. Within a visit the kiosk records
which screens were opened (and how long each stayed on screen), which photos were opened and which map
features were tapped. No images, no touch positions, no personal data: a row is a time, a kind and the id of
a piece of content.

Storage is SQLite in the per-user data folder, in WAL mode with `synchronous=NORMAL`: every event is its own
small transaction, so a power cut loses at most the last one. Statistics must never stop the exhibition, and
never stop silently either:
- a damaged database (bad header, cut short, bad pages: `PRAGMA quick_check` after every open, and
  SQLite's "malformed" / "not a database" errors at any use) is moved aside, kept for staff as
  `statistics.corrupt-<date and time>.sqlite3`, and a fresh database is started at once. The check reads
  the whole file (about 80 ms for 400 busy days), so it runs on a thread of its own with its own read-only
  connection, off the start-up path; what it finds is acted on at the next use (`checked()` waits for it);
- a database that cannot be opened or written (full or read-only disk) is logged once, and the kiosk tries
  again with the next event (the next visit, when it could not even be opened).
Either way `problem` says what happened and when, and the staff panel's Statistics and Diagnostics pages show
it (a kept damaged file is reported on every start until staff delete it). The clock is injected, so tests
script a visit minute by minute.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import logging
import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from kiosk import paths

log = logging.getLogger(__name__)

DB_FILE = "statistics.sqlite3"
CORRUPT_MARK = ".corrupt-"  # statistics.corrupt-2026-12-05T101500.sqlite3: a damaged database kept for staff
_CORRUPT_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
SCREEN = "screen"
PHOTO = "photo"
MAP_FEATURE = "map_feature"
KINDS = (SCREEN, PHOTO, MAP_FEATURE)
ACCESSIBLE = "accessible"  # the visit used accessible mode (one event per visit, subject "reach")
KEEP_DAYS = 400  # a year and a bit: enough to compare seasons, small enough to stay fast
RESET_SCREEN_SECONDS = 1.0  # a screen on show for less than this when the visit ends was the reset's, not theirs

HOURLY_COLUMNS = ("day", "hour", "visits", "visit_seconds", "screens_opened", "screen_seconds", "photos_opened",
                  "map_features_tapped", "accessible_visits")
ITEM_COLUMNS = ("kind", "subject", "count", "seconds")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS visits (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    day TEXT NOT NULL,
    hour INTEGER NOT NULL,
    seconds REAL
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    visit INTEGER NOT NULL REFERENCES visits(id),
    at TEXT NOT NULL,
    day TEXT NOT NULL,
    hour INTEGER NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    seconds REAL
);
CREATE INDEX IF NOT EXISTS visits_day ON visits(day);
CREATE INDEX IF NOT EXISTS events_day ON events(day, kind);
"""
_COLUMNS = {
    "visits": {"id", "started", "day", "hour", "seconds"},
    "events": {"id", "visit", "at", "day", "hour", "kind", "subject", "seconds"},
}


def default_path() -> Path:
    return paths.user_data_dir() / DB_FILE


@dataclass(frozen=True)
class Totals:
    visits: int
    visit_seconds: float
    screens: int
    photos: int
    map_features: int
    accessible_visits: int = 0  # visits that turned accessible mode on

    @property
    def average_visit_seconds(self) -> float:
        return self.visit_seconds / self.visits if self.visits else 0.0


@dataclass(frozen=True)
class DayCount:
    day: date
    visits: int
    screens: int
    photos: int
    map_features: int


@dataclass(frozen=True)
class ItemCount:
    kind: str
    subject: str
    count: int
    seconds: float


@dataclass(frozen=True)
class StatsProblem:
    """Something staff should know about the statistics. `kind` is DAMAGED (a damaged database was set aside
    as `kept` and counting started afresh at `when`) or OFF (statistics cannot be stored now: `reason`)."""

    kind: str
    when: datetime
    reason: str
    kept: Path | None = None


DAMAGED = "damaged"
OFF = "off"


class VisitorStats:
    def __init__(self, path: Path | None = None, clock: Callable[[], datetime] = datetime.now,
                 background_check: bool = True):
        self.path = Path(path) if path else default_path()
        self._clock = clock
        self._db: sqlite3.Connection | None = None
        self._identity: tuple[int, int] | None = None  # (device, inode) of the open database file
        self._off: StatsProblem | None = None  # cannot write now (full or read-only disk, cannot open)
        self._damaged: StatsProblem | None = None  # the latest damaged database set aside
        self._background_check = background_check
        self._check_thread: threading.Thread | None = None
        self._damage_found: str | None = None  # what the integrity check found, acted on at the next use
        self._visit: int | None = None
        self._visit_started: datetime | None = None
        self._screen: str | None = None  # the screen on show, tracked even between visits
        self._screen_row: int | None = None
        self._screen_since: datetime | None = None
        self._open()

    # recording --------------------------------------------------------------------------------------

    @property
    def in_visit(self) -> bool:
        return self._visit is not None

    @property
    def problem(self) -> StatsProblem | None:
        """What staff should be told: statistics off now, else the latest damaged database set aside."""
        self._act_on_check()
        return self._off or self._damaged

    def checked(self, timeout: float | None = None) -> None:
        """Wait until the integrity check of the open database has finished, and act on what it found."""
        thread = self._check_thread
        if thread is not None:
            thread.join(timeout)
        self._act_on_check()

    def start_visit(self) -> None:
        """The first touch after attract/idle. Counts the screen already on show (normally home) as the
        visit's first screen."""
        if self._visit is not None:
            return
        if self._db is not None and not self._still_in_place():
            self._db.close()
            self._db = None
        if self._db is None:
            self._open()  # could not be opened before (a full or read-only disk): perhaps it can now
            if self._db is None:
                return
        now = self._clock()
        self._visit = self._write("INSERT INTO visits (started, day, hour) VALUES (?, ?, ?)", _when(now))
        if self._visit is None:  # not stored (see `problem`): no visit to add screens to
            return
        self._visit_started = now
        if self._screen is not None:
            self._begin_screen(self._screen, now)

    def end_visit(self) -> None:
        """The reset after the idle timeout (or the staff panel taking over the screen)."""
        if self._visit is None:
            return
        now = self._clock()
        if self._screen_row is not None and _seconds(self._screen_since, now) < RESET_SCREEN_SECONDS:
            # the screen the reset itself brought up (home) was not opened by the visitor: not counted
            self._write("DELETE FROM events WHERE id = ?", (self._screen_row,))
            self._screen_row = None
        self._close_screen(now)
        seconds = _seconds(self._visit_started, now)
        self._write("UPDATE visits SET seconds = ? WHERE id = ?", (seconds, self._visit))
        self._visit = None
        self._visit_started = None

    def staff_took_over(self) -> None:
        """The staff panel opened. A visit that saw nothing but the screen it began on was the staff's own
        touch (the corner hold) and is forgotten; any other visit ends here."""
        if self._visit is None:
            return
        rows = self._query("SELECT COUNT(*) FROM events WHERE visit = ?", self._visit)
        if rows and rows[0][0] <= 1:
            self._write("DELETE FROM events WHERE visit = ?", (self._visit,))
            self._write("DELETE FROM visits WHERE id = ?", (self._visit,))
            self._visit = self._visit_started = self._screen_row = self._screen_since = None
            return
        self.end_visit()

    def screen_entered(self, key: str) -> None:
        """A screen (a route key such as `section/party`) is now on show."""
        now = self._clock()
        self._close_screen(now)
        self._screen = key
        if self._visit is not None:
            self._begin_screen(key, now)

    def accessible_mode_used(self) -> None:
        """The visitor turned accessible mode on: the visit counts once as an accessible one."""
        if self._visit is None:
            return
        rows = self._query("SELECT COUNT(*) FROM events WHERE visit = ? AND kind = ?", self._visit, ACCESSIBLE)
        if rows and rows[0][0]:
            return
        self._event(ACCESSIBLE, "reach")

    def photo_opened(self, photo_id: str) -> None:
        self._event(PHOTO, photo_id)

    def map_feature_tapped(self, feature_id: str) -> None:
        self._event(MAP_FEATURE, feature_id)

    def close(self) -> None:
        self.end_visit()
        if self._db is not None:
            self._db.close()
            self._db = None

    # queries ----------------------------------------------------------------------------------------

    def totals(self, days: int | None = None) -> Totals:
        since = self._since(days)
        rows = self._query("SELECT COUNT(*), COALESCE(SUM(seconds), 0) FROM visits WHERE day >= ?", since)
        visits, seconds = rows[0] if rows else (0, 0.0)
        counts = dict(self._query("SELECT kind, COUNT(*) FROM events WHERE day >= ? GROUP BY kind", since))
        return Totals(visits, float(seconds), counts.get(SCREEN, 0), counts.get(PHOTO, 0), counts.get(MAP_FEATURE, 0),
                      counts.get(ACCESSIBLE, 0))

    def per_day(self, days: int = 14) -> list[DayCount]:
        """One entry per calendar day, oldest first, the last `days` days including today (zeros included)."""
        today = self._clock().date()
        first = today - timedelta(days=days - 1)
        visits = dict(self._query("SELECT day, COUNT(*) FROM visits WHERE day >= ? GROUP BY day", first.isoformat()))
        events: dict[tuple[str, str], int] = {
            (d, k): n
            for d, k, n in self._query(
                "SELECT day, kind, COUNT(*) FROM events WHERE day >= ? GROUP BY day, kind", first.isoformat()
            )
        }
        out = []
        for i in range(days):
            day = first + timedelta(days=i)
            key = day.isoformat()
            out.append(
                DayCount(day, visits.get(key, 0), events.get((key, SCREEN), 0), events.get((key, PHOTO), 0),
                         events.get((key, MAP_FEATURE), 0))
            )
        return out

    def per_hour(self, days: int | None = None) -> list[int]:
        """Visits started in each hour of the day (24 values), over the last `days` days (or all time)."""
        counts = [0] * 24
        for hour, n in self._query("SELECT hour, COUNT(*) FROM visits WHERE day >= ? GROUP BY hour",
                                   self._since(days)):
            counts[int(hour)] = n
        return counts

    def top(self, kind: str = SCREEN, limit: int = 10, days: int | None = None) -> list[ItemCount]:
        """The most opened screens / photos / map features, most first, with their total time on screen."""
        rows = self._query(
            "SELECT subject, COUNT(*) AS n, COALESCE(SUM(seconds), 0) FROM events WHERE kind = ? AND day >= ? "
            "GROUP BY subject ORDER BY n DESC, subject LIMIT ?",
            kind, self._since(days), limit,
        )
        return [ItemCount(kind, s, n, float(sec)) for s, n, sec in rows]

    def hourly_rows(self) -> list[dict[str, object]]:
        """Every (day, hour) with any activity: the rows of the CSV export."""
        table: dict[tuple[str, int], dict[str, object]] = {}

        def row(day: str, hour: int) -> dict[str, object]:
            return table.setdefault((day, hour), {c: 0 for c in HOURLY_COLUMNS} | {"day": day, "hour": hour})

        for day, hour, n, sec in self._query(
            "SELECT day, hour, COUNT(*), COALESCE(SUM(seconds), 0) FROM visits GROUP BY day, hour"
        ):
            r = row(day, hour)
            r["visits"], r["visit_seconds"] = n, round(float(sec), 1)
        column = {SCREEN: "screens_opened", PHOTO: "photos_opened", MAP_FEATURE: "map_features_tapped",
                  ACCESSIBLE: "accessible_visits"}
        for day, hour, kind, n, sec in self._query(
            "SELECT day, hour, kind, COUNT(*), COALESCE(SUM(seconds), 0) FROM events GROUP BY day, hour, kind"
        ):
            r = row(day, hour)
            if kind in column:
                r[column[kind]] = n
            if kind == SCREEN:
                r["screen_seconds"] = round(float(sec), 1)
        return [table[k] for k in sorted(table)]

    # export -----------------------------------------------------------------------------------------

    def export_csv(self, folder: Path) -> list[Path]:
        """Write `<stamp>-hourly.csv` (per day and hour) and `<stamp>-items.csv` (per screen, photo and map
        feature) into `folder`, e.g. a USB stick. Raises OSError when the folder cannot be written.

        Files are always new: an existing file (or a symlink planted under the name) is never opened, the
        export takes the next free name instead (`…-2-hourly.csv`). Text cells a spreadsheet would read as a
        formula are written with a leading `'` (see `spreadsheet_safe`)."""
        folder = Path(folder)
        stamp = self._clock().strftime("lukou-kiosk-statistics-%Y%m%d-%H%M%S")
        hourly_path, hourly = _create_new(folder, stamp, "-hourly.csv")
        with hourly:
            writer = csv.DictWriter(hourly, fieldnames=HOURLY_COLUMNS)
            writer.writeheader()
            writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in self.hourly_rows())
        items_path, items = _create_new(folder, stamp, "-items.csv")
        with items:
            out = csv.writer(items)
            out.writerow(ITEM_COLUMNS)
            for kind in KINDS:
                for item in self.top(kind, limit=1_000_000):
                    out.writerow(map(spreadsheet_safe, (item.kind, item.subject, item.count, round(item.seconds, 1))))
        log.info("statistics exported to %s", folder)
        return [hourly_path, items_path]

    # internals --------------------------------------------------------------------------------------

    def _open(self) -> None:
        self._damaged = self._latest_kept()
        try:
            paths.private_dir(self.path.parent)
            self._db = self._connect()
        except sqlite3.DatabaseError as exc:
            if not _is_corruption(exc):
                self._turn_off(exc)
                return
            self._set_aside(str(exc))
            self._reopen_fresh()
            return
        except (sqlite3.Error, OSError) as exc:
            self._turn_off(exc)
            return
        self._start_check()

    def _still_in_place(self) -> bool:
        """Whether the open database is still the file at `path`. One deleted or replaced while the kiosk runs
        would take every later visit with it, unseen: SQLite goes on writing to the file it has open."""
        try:
            stat = os.stat(self.path)
            identity = (stat.st_dev, stat.st_ino)
        except OSError:
            identity = None
        if identity == self._identity:
            return True
        log.error("the statistics database %s was %s while the kiosk ran: recording goes on in %s", self.path,
                  "removed" if identity is None else "replaced", "a new one" if identity is None else "that file")
        return False

    def _start_check(self) -> None:
        if not self._background_check:
            self._check()
            return
        self._check_thread = threading.Thread(target=self._check, name="statistics-check", daemon=True)
        self._check_thread.start()

    def _check(self) -> None:
        """`PRAGMA quick_check` on a read-only connection of its own (WAL lets it read beside the writes)."""
        try:
            db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                verdict = [str(row[0]) for row in db.execute("PRAGMA quick_check").fetchall()]
            finally:
                db.close()
        except sqlite3.DatabaseError as exc:
            if _is_corruption(exc):
                self._damage_found = str(exc)
            else:
                log.info("statistics check skipped: %s", exc)
            return
        except (sqlite3.Error, OSError, ValueError) as exc:
            log.info("statistics check skipped: %s", exc)
            return
        if verdict != ["ok"]:
            self._damage_found = "quick_check: " + "; ".join(verdict[:3])

    def _act_on_check(self) -> None:
        found, self._damage_found = self._damage_found, None
        if found is not None:
            self._set_aside(found)
            self._reopen_fresh()

    def _connect(self) -> sqlite3.Connection:
        """Open, create the tables and prune old rows; raises sqlite3.Error (`NotOurs` for something that is not
        this kiosk's statistics: a folder in its place, or a database of other tables)."""
        if os.path.lexists(self.path) and not os.path.isfile(self.path):
            raise NotOurs("not a database file (a folder or something else stands in its place)")
        db = sqlite3.connect(self.path, isolation_level=None)  # autocommit: each statement is durable alone
        try:
            stat = os.stat(self.path)
            self._identity = (stat.st_dev, stat.st_ino)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            for table, wanted in _COLUMNS.items():  # tables of the same name made by something else
                have = {str(row[1]) for row in db.execute(f"PRAGMA table_info({table})")}
                if have and not wanted <= have:
                    raise NotOurs(f"a database of other tables (its {table} lacks {', '.join(sorted(wanted - have))})")
            db.executescript(_SCHEMA)
            cutoff = (self._clock().date() - timedelta(days=KEEP_DAYS)).isoformat()
            db.execute("DELETE FROM events WHERE day < ?", (cutoff,))
            db.execute("DELETE FROM visits WHERE day < ?", (cutoff,))
        except BaseException:
            db.close()
            raise
        return db

    def _reopen_fresh(self) -> None:
        try:
            self._db = self._connect()  # new and empty: nothing for the integrity check to read
            self._off = None
            log.warning("visitor statistics start again in a fresh database %s", self.path)
        except (sqlite3.Error, OSError) as exc:
            self._turn_off(exc)

    def _set_aside(self, reason: str) -> None:
        """Move the damaged database (and its WAL and shared-memory files) aside, named with the time."""
        thread = self._check_thread
        if thread is not None and thread is not threading.current_thread():
            thread.join()  # the check's connection is closed before the file moves
        self._check_thread = None
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
        now = self._clock()
        stamp = now.strftime("%Y-%m-%dT%H%M%S")
        kept = self._kept_name(stamp)
        n = 1
        while kept.exists():
            n += 1
            kept = self._kept_name(f"{stamp}-{n}")
        try:
            os.replace(self.path, kept)
            moved: Path | None = kept
        except FileNotFoundError:
            moved = None
        except OSError as exc:  # cannot move it: statistics stay off, and staff are told why
            log.error("the statistics database %s is damaged (%s) and cannot be moved aside: %s",
                      self.path, reason, exc)
            self._off = StatsProblem(OFF, now, f"{reason}; cannot be moved aside: {exc}")
            return
        for suffix in ("-wal", "-shm"):  # a stale WAL must never be replayed into the fresh database
            side = self.path.with_name(self.path.name + suffix)
            with contextlib.suppress(OSError):
                if moved is not None:
                    os.replace(side, moved.with_name(moved.name + suffix))
                else:
                    side.unlink()
        log.error("the statistics database was damaged (%s); kept as %s, counting starts again",
                  reason, moved.name if moved else "-")
        self._damaged = StatsProblem(DAMAGED, now, reason, moved)
        self._visit = self._visit_started = self._screen_row = self._screen_since = None  # rows of the old file

    def _kept_name(self, stamp: str) -> Path:
        return self.path.with_name(f"{self.path.stem}{CORRUPT_MARK}{stamp}{self.path.suffix}")

    def _latest_kept(self) -> StatsProblem | None:
        """The newest damaged database kept beside this one (from this or an earlier start), if any."""
        prefix = f"{self.path.stem}{CORRUPT_MARK}"
        try:
            kept = sorted(self.path.parent.glob(f"{prefix}*{self.path.suffix}"))
        except OSError:
            return None
        if not kept:
            return None
        stamp = kept[-1].name[len(prefix):][:17]
        try:
            when = datetime.strptime(stamp, "%Y-%m-%dT%H%M%S")
        except ValueError:  # renamed by hand: the file's own time will do
            try:
                when = datetime.fromtimestamp(kept[-1].stat().st_mtime)
            except OSError:
                return None
        return StatsProblem(DAMAGED, when, "found damaged", kept[-1])

    def _turn_off(self, exc: BaseException) -> None:
        """Logged and recorded once, with the time it began; cleared by the next write that succeeds."""
        if self._off is None:
            log.error("visitor statistics cannot be stored in %s: %s", self.path, exc)
            self._off = StatsProblem(OFF, self._clock(), str(exc))

    def _failed(self, exc: sqlite3.Error) -> None:
        """A statement failed: a damaged database is set aside and replaced; anything else (full or read-only
        disk) is reported once and the next event tries again."""
        if isinstance(exc, sqlite3.DatabaseError) and _is_corruption(exc):
            self._set_aside(str(exc))
            self._reopen_fresh()
        else:
            self._turn_off(exc)

    def _begin_screen(self, key: str, now: datetime) -> None:
        self._screen_row = self._write(
            "INSERT INTO events (visit, at, day, hour, kind, subject) VALUES (?, ?, ?, ?, ?, ?)",
            (self._visit, *_when(now), SCREEN, key),
        )
        self._screen_since = now

    def _close_screen(self, now: datetime) -> None:
        if self._screen_row is not None:
            self._write("UPDATE events SET seconds = ? WHERE id = ?", (_seconds(self._screen_since, now),
                                                                       self._screen_row))
        self._screen_row = None
        self._screen_since = None

    def _event(self, kind: str, subject: str) -> None:
        if self._visit is None:
            return
        self._write(
            "INSERT INTO events (visit, at, day, hour, kind, subject) VALUES (?, ?, ?, ?, ?, ?)",
            (self._visit, *_when(self._clock()), kind, subject),
        )

    def _write(self, sql: str, values: tuple[object, ...]) -> int | None:
        self._act_on_check()
        if self._db is None:
            return None
        try:
            row = self._db.execute(sql, values).lastrowid
        except sqlite3.Error as exc:
            self._failed(exc)
            return None
        if self._off is not None:
            log.warning("visitor statistics are stored again")
            self._off = None
        return row

    def _query(self, sql: str, *values: object) -> list[tuple[Any, ...]]:
        self._act_on_check()
        if self._db is None:
            return []
        try:
            return self._db.execute(sql, values).fetchall()
        except sqlite3.Error as exc:
            log.error("statistics query failed: %s", exc)
            self._failed(exc)
            return []

    def _since(self, days: int | None) -> str:
        if days is None:
            return ""
        return (self._clock().date() - timedelta(days=days - 1)).isoformat()


class NotOurs(sqlite3.DatabaseError):
    """What stands at the statistics file's place is not this kiosk's statistics: treated like damage (kept aside,
    counting starts afresh), never as a reason to stop recording."""


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    if isinstance(exc, NotOurs):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _CORRUPT_CODES
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def _when(moment: datetime) -> tuple[str, str, int]:
    return moment.isoformat(sep=" ", timespec="seconds"), moment.date().isoformat(), moment.hour


def _seconds(start: datetime | None, end: datetime) -> float:
    return 0.0 if start is None else max(0.0, (end - start).total_seconds())


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula (OWASP's CSV-injection rule: it starts with
    `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading single quote; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


_NEW_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def _create_new(folder: Path, stem: str, suffix: str, tries: int = 100) -> tuple[Path, TextIO]:
    """A file that did not exist before, opened for writing text: `stem + suffix`, else `stem-2 + suffix` …
    `O_EXCL` refuses any existing name, a symlink included, so the export never writes through one."""
    for n in range(1, tries + 1):
        path = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
        try:
            fd = os.open(path, _NEW_FILE_FLAGS, 0o644)
        except FileExistsError:
            continue
        return path, os.fdopen(fd, "w", newline="", encoding="utf-8")
    raise FileExistsError(errno.EEXIST, f"no free file name for {stem}{suffix}", str(folder))


def read_hourly_csv(path: Path) -> list[dict[str, object]]:
    """Read an exported hourly CSV back into rows with numbers (used by tests and by anyone re-importing)."""
    with Path(path).open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    out = []
    for r in rows:
        out.append(
            {k: (r[k] if k == "day" else (float(r[k]) if "seconds" in k else int(r[k]))) for k in HOURLY_COLUMNS}
        )
    return out
