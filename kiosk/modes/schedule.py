"""Opening hours: when the kiosk shows the exhibition and when it rests dark.

Staff write the hours per weekday as plain text: `"09:00-17:30"`, several ranges separated by commas
(`"09:00-12:00, 13:30-17:00"`), or `"closed"`. A range that ends before it starts runs past midnight
(`"18:00-02:00"` stays open until 2 am the next morning); `"00:00-24:00"` is open all day. Times are the
machine's local wall-clock time. Everything here is plain arithmetic on `datetime`, tested from tables.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # Monday first, as `datetime.weekday()` counts
CLOSED = "closed"
DAY = 24 * 60

_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


@dataclass(frozen=True)
class Range:
    """Open from `start` to `end`, in minutes after midnight; `end <= start` means it runs past midnight."""

    start: int
    end: int

    @property
    def overnight(self) -> bool:
        return self.end <= self.start

    def __str__(self) -> str:
        return f"{_clock(self.start)}-{_clock(self.end)}"


def _minutes(text: str) -> int:
    match = _TIME.match(text)
    if not match:
        raise ValueError(f"{text.strip()!r} is not a time like 09:30")
    hours, minutes = int(match.group(1)), int(match.group(2))
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        raise ValueError(f"{text.strip()!r} is not a time of day")
    return hours * 60 + minutes


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_day(text: str) -> tuple[Range, ...]:
    """`"09:00-17:00"`, `"09:00-12:00,13:00-17:00"`, `"closed"` or `""` (closed) → ranges; ValueError if unreadable."""
    text = text.strip().lower()
    if text in ("", CLOSED):
        return ()
    ranges = []
    for part in text.split(","):
        if part.count("-") != 1:
            raise ValueError(f"{part.strip()!r} is not a range like 09:00-17:00")
        start_text, end_text = part.split("-")
        start, end = _minutes(start_text), _minutes(end_text)
        if start == DAY:
            raise ValueError(f"{part.strip()!r} starts at 24:00")
        if start == end:
            raise ValueError(f"{part.strip()!r} is empty (write 00:00-24:00 for all day)")
        ranges.append(Range(start, end))
    return tuple(sorted(ranges, key=lambda r: r.start))


def format_day(ranges: tuple[Range, ...]) -> str:
    return ", ".join(str(r) for r in ranges) if ranges else CLOSED


@dataclass(frozen=True)
class OpeningHours:
    days: tuple[tuple[Range, ...], ...]  # seven entries, Monday first

    @classmethod
    def parse(cls, week: Mapping[str, str]) -> OpeningHours:
        """From `{"mon": "09:00-17:00", …}`; a weekday that is missing is closed."""
        return cls(tuple(parse_day(week.get(day, "")) for day in WEEKDAYS))

    @classmethod
    def daily(cls, text: str) -> OpeningHours:
        ranges = parse_day(text)
        return cls(tuple(ranges for _ in WEEKDAYS))

    def as_text(self) -> dict[str, str]:
        return {day: format_day(ranges) for day, ranges in zip(WEEKDAYS, self.days, strict=True)}

    def is_open(self, when: datetime) -> bool:
        minute = when.hour * 60 + when.minute + (when.second + when.microsecond / 1e6) / 60
        today = self.days[when.weekday()]
        yesterday = self.days[(when.weekday() - 1) % 7]
        for r in today:
            if r.start <= minute and (r.overnight or minute < r.end):
                return True
        return any(r.overnight and minute < r.end for r in yesterday)

    def next_opening(self, when: datetime) -> datetime | None:
        """The first moment after `when` at which a range opens (within a week), or None if never open."""
        midnight = when.replace(hour=0, minute=0, second=0, microsecond=0)
        for offset in range(8):
            day = midnight + timedelta(days=offset)
            for r in self.days[day.weekday()]:
                start = day + timedelta(minutes=r.start)
                if start > when:
                    return start
        return None

    def hours_on(self, when: datetime) -> tuple[Range, ...]:
        return self.days[when.weekday()]
