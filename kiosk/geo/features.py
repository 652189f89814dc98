"""Map features placed on the flat map: layer, label priority, projected geometry, and the rules for which
of them stood in a chosen year and in which status.

The year control offers the years of the timeline's dated events, "today" and "planned" (前期). A feature
appears in a past year only when the source places it there: its status (work began, built …) is dated to that
year or earlier. Rivers, towns and villages (the ground the network was built on) and what already stood before
the story begins (`existing`, e.g. the railway) show in every year; an existing feature whose status the source
dates later is drawn as existing until that year. "Today" shows everything but the projects in preparation;
"planned" adds them.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from kiosk.content.map import NON_PROJECT_KINDS, MapContent, MapFeature
from kiosk.geo.outlines import label_point
from kiosk.geo.projection import Projection

if TYPE_CHECKING:
    from kiosk.content.timeline import Timeline

Point = tuple[float, float]


class Layer(str, Enum):
    TRANSPORT = "transport"
    WATER = "water"
    UTILITIES = "utilities"
    ZONES = "zones"
    TOWNS = "towns"


LAYER_OF_KIND: dict[str, Layer] = {
    "expressway": Layer.TRANSPORT,
    "express_highway": Layer.TRANSPORT,
    "railway": Layer.TRANSPORT,
    "trunk_road": Layer.TRANSPORT,
    "road": Layer.TRANSPORT,
    "bridge": Layer.TRANSPORT,
    "lock": Layer.TRANSPORT,
    "port": Layer.TRANSPORT,
    "river": Layer.WATER,
    "utility": Layer.UTILITIES,
    "public_building": Layer.UTILITIES,
    "zone": Layer.ZONES,
    "town": Layer.TOWNS,
    "village": Layer.TOWNS,
}

# Which label wins when two would overlap: towns and rivers orient the visitor, so they come first.
PRIORITY_OF_KIND: dict[str, int] = {
    "town": 90,
    "river": 85,
    "expressway": 80,
    "express_highway": 78,
    "railway": 75,
    "zone": 70,
    "trunk_road": 65,
    "bridge": 60,
    "lock": 60,
    "port": 55,
    "village": 50,
    "utility": 48,
    "public_building": 46,
    "road": 45,
}

# Names of detail wait for the map to be zoomed in this far (reference pixels per km): a lone building's name
# in a whole-district view says nothing.
DETAIL_SCALE: dict[str, float] = {"public_building": 60.0, "utility": 60.0, "road": 30.0, "port": 20.0}

# Kinds shown in every year: the land the network was built on.
TIMELESS_KINDS = NON_PROJECT_KINDS
# How a feature that stood before the story began is drawn until the source gives it a status.
EXISTING = "existing"


class Era(str, Enum):
    TODAY = "today"
    PLANNED = "planned"


When = int | Era  # a past year, or today / planned


@dataclass(frozen=True)
class PlacedFeature:
    id: str
    kind: str
    status: str | None
    existing: bool
    year: int | None
    layer: Layer
    priority: int
    shape: str  # "point", "line" or "area"
    points: tuple[Point, ...]  # projected, kilometres
    anchor: Point  # where its label or symbol sits

    def bounds(self) -> tuple[float, float, float, float]:
        xs = [p[0] for p in self.points]
        ys = [p[1] for p in self.points]
        return min(xs), min(ys), max(xs), max(ys)


class Dated(Protocol):
    """What the year rules read of a feature (a `MapFeature` or a `PlacedFeature`). Read-only properties, so
    frozen models and dataclasses with narrower (Literal) types satisfy it."""

    @property
    def kind(self) -> str: ...
    @property
    def status(self) -> str | None: ...
    @property
    def existing(self) -> bool: ...
    @property
    def year(self) -> int | None: ...


def stands_in(feature: Dated, when: When) -> bool:
    """Whether the feature is on the map for `when`: only where the source places it."""
    if feature.kind in TIMELESS_KINDS or feature.existing or when is Era.PLANNED:
        return True
    if when is Era.TODAY:
        return feature.status != "planned"
    return feature.status not in (None, "planned") and feature.year is not None and feature.year <= when


def status_in(feature: Dated, when: When) -> str | None:
    """The status the feature is drawn in for `when`: none for rivers, towns and villages; `EXISTING` for what
    stood before the story began, until the year the source gives its status."""
    if feature.kind in TIMELESS_KINDS:
        return None
    if feature.status is None:
        return EXISTING
    if feature.existing and not isinstance(when, Era) and (feature.year is None or feature.year > when):
        return EXISTING
    return feature.status


def past_years(timeline: Timeline | None, content: MapContent | None) -> list[tuple[int, str, str]]:
    """The past years the year control offers, with their zh and en labels: the years of the timeline's dated
    events (a decade as 90年代 / 1990s), else the years the map's features give."""
    choices: list[tuple[int, str, str]] = []
    if timeline is not None:
        seen: set[int] = set()
        for event in timeline.events:
            when = event.when
            if when is None or when.year in seen:
                continue
            seen.add(when.year)
            if when.kind == "decade":
                choices.append((when.year, f"{when.year % 100:02d}年代", when.label("en")))
            else:
                choices.append((when.year, str(when.year), str(when.year)))
    elif content is not None:
        for year in sorted({f.year for f in content.features if f.year is not None}):
            choices.append((year, str(year), str(year)))
    return choices


def standing(features: list[MapFeature], when: When) -> list[MapFeature]:
    """The features on the map for `when`."""
    return [f for f in features if stands_in(f, when)]


def place(feature: MapFeature, projection: Projection) -> PlacedFeature:
    points = tuple(projection.line(feature.coordinates()))
    if feature.point is not None:
        shape, anchor = "point", points[0]
    elif feature.line is not None:
        shape, anchor = "line", along(points, 0.5)
    else:
        shape = "area"
        ring = [*points, points[0]] if points[0] != points[-1] else list(points)
        points = tuple(ring)
        anchor = label_point(ring)
    return PlacedFeature(
        id=feature.id,
        kind=feature.kind,
        status=feature.status,
        existing=feature.existing,
        year=feature.year,
        layer=LAYER_OF_KIND[feature.kind],
        priority=feature.priority if feature.priority is not None else PRIORITY_OF_KIND[feature.kind],
        shape=shape,
        points=points,
        anchor=anchor,
    )


def place_all(content: MapContent, projection: Projection) -> list[PlacedFeature]:
    return [place(f, projection) for f in content.features]


def along(points: tuple[Point, ...] | list[Point], fraction: float) -> Point:
    """The point `fraction` of the way along a polyline, by length."""
    lengths = [math.dist(a, b) for a, b in itertools.pairwise(points)]
    target = sum(lengths) * max(0.0, min(1.0, fraction))
    for (a, b), length in zip(itertools.pairwise(points), lengths, strict=True):
        if target <= length and length > 0:
            t = target / length
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        target -= length
    return points[-1]


def length(points: tuple[Point, ...] | list[Point]) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(points))


def bounds_of(features: list[PlacedFeature]) -> tuple[float, float, float, float] | None:
    """The box around all given features, or None if there are none."""
    if not features:
        return None
    boxes = [f.bounds() for f in features]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
