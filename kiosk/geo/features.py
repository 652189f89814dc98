"""Map features placed on the flat map: layer, label priority, projected geometry, and the rule for which
of them stood in a chosen year.

The year control offers the years of the timeline, "today" and "planned". For a past year the map shows only
what the source dates to that year or earlier, plus the rivers and settlements (they are the ground the
network was built on, not part of it); "today" shows everything built or under construction; "planned" adds
the projects in preparation.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from enum import Enum

from kiosk.content.map import MapContent, MapFeature
from kiosk.geo.outlines import label_point
from kiosk.geo.projection import Projection

Point = tuple[float, float]


class Layer(str, Enum):
    TRANSPORT = "transport"
    WATER = "water"
    UTILITIES = "utilities"
    ZONES = "zones"
    TOWNS = "towns"


LAYER_OF_KIND: dict[str, Layer] = {
    "expressway": Layer.TRANSPORT,
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
TIMELESS_KINDS = frozenset({"river", "town", "village"})


class Era(str, Enum):
    TODAY = "today"
    PLANNED = "planned"


When = int | Era  # a past year, or today / planned


@dataclass(frozen=True)
class PlacedFeature:
    id: str
    kind: str
    status: str
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


def stands_in(kind: str, status: str, year: int | None, when: When) -> bool:
    """Whether a feature of this kind, status and source year is on the map for `when`."""
    if when is Era.PLANNED:
        return True
    if when is Era.TODAY:
        return status != "planned"
    if kind in TIMELESS_KINDS:
        return True
    return status != "planned" and year is not None and year <= when


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
