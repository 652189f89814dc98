"""The transport timeline as data: when each road, bridge or lock came, its status, its text and map features.

`timeline.toml` in the content folder fills `Exhibition.timeline`. Times are kept exactly as precise as the
source gives them — a decade ("1990s"), a year (2004), the end of a year ("2012-end") or a day (2018-12-18) —
and events the source gives no date for (under construction, in preparation) have none: they sit in their
status band after the last dated event. `check_timeline` holds the checks that span events or need the rest of
the exhibition (order, unique ids, photos, map features); it reports each with its file and field path.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, model_validator

from kiosk.content.base import Colour, Model, Slug, Text, Year
from kiosk.content.problems import Problem

if TYPE_CHECKING:
    from kiosk.content.schema import Exhibition, Lang

log = logging.getLogger(__name__)

FILE = "timeline.toml"

# What the source says of each step, in its terms: built (建成 / 竣工 / 通车 / 完工), begun (开工 / 实施: work
# began, no completion given), under_construction (在建), planned (前期), milestone (not a project: the 1990s
# starting point, the founding of the district).
Status = Literal["built", "begun", "under_construction", "planned", "milestone"]
STATUSES: tuple[Status, ...] = ("built", "begun", "under_construction", "planned", "milestone")
# Undated events sit in bands after the dated ones, in this order.
BANDS: tuple[Status, ...] = ("under_construction", "planned")

WHEN_HELP = 'write a year (2004), a decade ("1990s"), the end of a year ("2012-end") or a date (2018-12-18)'


class When(Model):
    """A point in time exactly as precise as the source: decade, year, end of a year, or day."""

    kind: Literal["decade", "year", "year_end", "date"]
    year: Year
    day: dt.date | None = None

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):  # the source dates to the day at most: a time of day is a slip
            raise ValueError(f"{WHEN_HELP}; a date has no time of day")
        if isinstance(value, dt.date):
            return {"kind": "date", "year": value.year, "day": value}
        if isinstance(value, bool):
            raise ValueError(WHEN_HELP)
        if isinstance(value, int):
            return {"kind": "year", "year": value}
        if isinstance(value, str):
            text = value.strip()
            if match := re.fullmatch(r"(\d{4})", text):
                return {"kind": "year", "year": int(match[1])}
            if match := re.fullmatch(r"(\d{3}0)s", text):
                return {"kind": "decade", "year": int(match[1])}
            if match := re.fullmatch(r"(\d{4})-end", text):
                return {"kind": "year_end", "year": int(match[1])}
            try:
                day = dt.date.fromisoformat(text)
            except ValueError:
                raise ValueError(f"{WHEN_HELP}, not {value!r}") from None
            return {"kind": "date", "year": day.year, "day": day}
        if isinstance(value, dict):
            return value
        raise ValueError(WHEN_HELP)

    @model_validator(mode="after")
    def _consistent(self) -> When:
        if (self.kind == "date") != (self.day is not None):
            raise ValueError("only a date has a day")
        if self.kind == "decade" and self.year % 10:
            raise ValueError(f"a decade starts at a year ending in 0, not {self.year}")
        return self

    @property
    def position(self) -> float:
        """Where on a continuous year axis this time sits: a year at its start, the end of a year just before
        the next, a day at its fraction of the year, a decade at its start."""
        if self.kind == "year_end":
            return self.year + 0.9
        if self.kind == "date" and self.day is not None:
            days = 366 if calendar.isleap(self.year) else 365
            return self.year + (self.day.timetuple().tm_yday - 1) / days
        return float(self.year)

    def label(self, lang: Lang) -> str:
        """As a visitor reads it: 上世纪90年代 / 1990s, 2004年 / 2004, 2012年底 / End of 2012, 2018年12月18日."""
        if self.kind == "decade":
            if lang == "en":
                return f"{self.year}s"
            return f"上世纪{self.year % 100:02d}年代" if self.year < 2000 else f"{self.year}年代"
        if self.kind == "year_end":
            return f"{self.year}年底" if lang == "zh" else f"End of {self.year}"
        if self.kind == "date" and self.day is not None:
            d = self.day
            if lang == "zh":
                return f"{d.year}年{d.month}月{d.day}日"
            return f"{d.day} {calendar.month_name[d.month]} {d.year}"
        return f"{self.year}年" if lang == "zh" else str(self.year)


class TimelineEvent(Model):
    """One step of the story: a road opened, a bridge built, a project under way, a milestone."""

    id: Slug
    when: When | None = Field(default=None, description="absent for projects the source gives no date for")
    status: Status
    title: Text
    text: Text
    photo: Slug | None = Field(default=None, description="id of one of the exhibition's photos")
    map_features: list[Slug] = Field(default_factory=list, description="ids of the map features it concerns")

    @model_validator(mode="after")
    def _dated_if_done(self) -> TimelineEvent:
        if self.when is None and self.status not in BANDS:
            raise ValueError(f"a {self.status!r} event needs `when`; only {' / '.join(BANDS)} events may be undated")
        return self


class Timeline(Model):
    """The transport story: a title and goal for the screen and its home tile, and the events in time order."""

    title: Text
    subtitle: Text = Field(description="one line under the title on the home tile")
    intro: Text
    goal: Text
    accent: Colour = "#3D8BD9"
    icon: str = Field(default="mdi6.timeline-clock-outline", description="qtawesome icon for the home tile")
    events: list[TimelineEvent] = Field(min_length=1)

    def event(self, event_id: str) -> TimelineEvent:
        for event in self.events:
            if event.id == event_id:
                return event
        raise KeyError(event_id)

    def dated(self) -> list[TimelineEvent]:
        return [e for e in self.events if e.when is not None]

    def band(self, status: Status) -> list[TimelineEvent]:
        return [e for e in self.events if e.when is None and e.status == status]


def check_timeline(exhibition: Exhibition, folder: Path) -> list[Problem]:
    """Checks across events and against the rest of the exhibition, each with file and field path."""
    timeline = getattr(exhibition, "timeline", None)
    if timeline is None:
        return []
    problems: list[Problem] = []

    def problem(index: int, field: str, message: str) -> None:
        problems.append(Problem(FILE, f"timeline.events[{index}].{field}", message))

    seen: dict[str, int] = {}
    photo_ids = {p.id for p in exhibition.all_photos()}
    map_ids = _map_feature_ids(exhibition)
    previous: tuple[int, When] | None = None  # the last dated event: its index and time
    undated_from: int | None = None
    band_index = 0
    for index, event in enumerate(timeline.events):
        if event.id in seen:
            problem(index, "id", f"id {event.id!r} is already used by events[{seen[event.id]}]")
        seen.setdefault(event.id, index)
        if event.photo is not None and event.photo not in photo_ids:
            known = ", ".join(sorted(photo_ids))
            problem(index, "photo", f"no photo with id {event.photo!r} in the exhibition (known: {known})")
        if map_ids is not None:
            for i, feature in enumerate(event.map_features):
                if feature not in map_ids:
                    problem(index, f"map_features[{i}]", f"no map feature with id {feature!r} in map.toml")
                elif feature in event.map_features[:i]:
                    problem(index, f"map_features[{i}]", f"{feature!r} is listed twice")
        if event.when is None:
            undated_from = index if undated_from is None else undated_from
            order = BANDS.index(event.status)
            if order < band_index:
                problem(
                    index, "status", f"{BANDS[band_index]!r} events come last: put {event.status!r} events before them"
                )
            band_index = max(band_index, order)
            continue
        if undated_from is not None:
            problem(index, "when", f"dated events come before the undated ones (events[{undated_from}] has no date)")
        elif previous is not None and event.when.position < previous[1].position:
            before, earlier = previous
            problem(
                index,
                "when",
                f"{event.when.label('en')} comes before {earlier.label('en')} of events[{before}] "
                "— keep the events in time order",
            )
        previous = (index, event.when)
    return problems


def _map_feature_ids(exhibition: Exhibition) -> set[str] | None:
    """The ids of the map's features, or None while the exhibition has no map."""
    map_ = getattr(exhibition, "map", None)
    features = getattr(map_, "features", None)
    if map_ is None or features is None:
        return None
    try:
        return {str(getattr(f, "id", f)) for f in features}
    except TypeError:
        log.warning("map features are not a list; timeline map ids not checked")
        return None
