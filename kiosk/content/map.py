"""The infrastructure map as content (`map.toml`): every road, bridge, river, facility, zone and settlement the
source names, with its status, the year the source gives, its text in both languages and a position.

Positions are longitude/latitude in GCJ-02 (the coordinate system of the bundled district outlines). The source
gives no coordinates, so every position is schematic unless a feature says `schematic = false`: the screen
says so. A content editor corrects a position by editing the numbers; `kiosk check` rejects a position that
falls outside the map's `extent` (the usual sign of swapped longitude and latitude); `check_map` holds the
checks that span features.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from kiosk.content.base import Colour, Finite, Model, Slug, Text, Year
from kiosk.content.problems import Problem

FILE = "map.toml"

Kind = Literal[
    "expressway",
    "express_highway",
    "railway",
    "trunk_road",
    "road",
    "bridge",
    "lock",
    "port",
    "river",
    "utility",
    "zone",
    "public_building",
    "town",
    "village",
]
# What the source says of a project, in its own terms (README, "The infrastructure map"):
#   begun               开工 / 实施      work began (or went ahead); no completion given
#   under_construction  在建 / 加快建设  being built now
#   built               建成 / 竣工 / 通车 / 完工 / 投入使用   completed, opened, in use
#   planned             前期            in preparation
#   approved            获批 / 成功申报  approved (a park recognised by the province)
Status = Literal["begun", "under_construction", "built", "planned", "approved"]
STATUSES: tuple[Status, ...] = ("built", "begun", "under_construction", "approved", "planned")

# Things that are not projects: the ground the network was built on. They have no status and show in every year.
NON_PROJECT_KINDS = frozenset({"river", "town", "village"})

LonLat = Annotated[tuple[Finite, Finite], Field(description="[longitude, latitude] in degrees (GCJ-02)")]

# Which geometry each kind may have.
LINE_KINDS = {"expressway", "express_highway", "railway", "trunk_road", "road", "river", "bridge"}
POINT_KINDS = {"bridge", "lock", "port", "utility", "public_building", "town", "village", "zone"}
AREA_KINDS = {"zone"}


class Extent(Model):
    """The map frame in degrees: the screen never pans beyond it and every position must lie inside it."""

    west: Finite = Field(ge=-180, le=180)
    south: Finite = Field(ge=-90, le=90)
    east: Finite = Field(ge=-180, le=180)
    north: Finite = Field(ge=-90, le=90)

    @model_validator(mode="after")
    def _ordered(self) -> Extent:
        if not (self.west < self.east and self.south < self.north):
            raise ValueError("west must be less than east and south less than north")
        return self

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


class MapFeature(Model):
    """One thing on the map. Exactly one of `point`, `line` or `area` gives its (schematic) position."""

    id: Slug
    kind: Kind
    name: Text
    text: Text | None = Field(default=None, description="what the source says about it, shown on its card")
    status: Status | None = Field(
        default=None, description="what the source says of a project; none for rivers, towns and villages"
    )
    existing: bool = Field(
        default=False, description="it stood before the source's story begins: shown in every year"
    )
    year: Year | None = Field(
        default=None, description="the year the source gives its status (work began, it opened)"
    )
    when: Text | None = Field(
        default=None, description="the source's words on its status and year, e.g. 2011年建成通车, 投入使用"
    )
    point: LonLat | None = None
    line: list[LonLat] | None = Field(default=None, min_length=2)
    area: list[LonLat] | None = Field(default=None, min_length=3)
    schematic: bool = Field(default=True, description="false only once a position has been checked on the ground")
    part_of: Slug | None = Field(default=None, description="id of the zone or town it belongs to")
    icon: str | None = Field(default=None, description="qtawesome icon name; default: by kind")
    priority: int | None = Field(
        default=None, ge=0, le=100, strict=True, description="label priority; default: by kind"
    )

    @field_validator("point")
    @classmethod
    def _point_range(cls, value: tuple[float, float] | None) -> tuple[float, float] | None:
        if value is not None:
            _check_lonlat(value)
        return value

    @field_validator("line", "area")
    @classmethod
    def _points_range(cls, value: list[tuple[float, float]] | None) -> list[tuple[float, float]] | None:
        for point in value or []:
            _check_lonlat(point)
        return value

    @model_validator(mode="after")
    def _one_geometry(self) -> MapFeature:
        given = [name for name in ("point", "line", "area") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of point, line or area (got {', '.join(given) or 'none'})")
        allowed = {"point": POINT_KINDS, "line": LINE_KINDS, "area": AREA_KINDS}[given[0]]
        if self.kind not in allowed:
            raise ValueError(f"a {self.kind} cannot be drawn as {given[0]}")
        return self

    @property
    def is_project(self) -> bool:
        return self.kind not in NON_PROJECT_KINDS

    def coordinates(self) -> list[tuple[float, float]]:
        if self.point is not None:
            return [self.point]
        return list(self.line or self.area or [])


class MapContent(Model):
    """`map.toml`: the screen's words, the frame and the features."""

    title: Text
    subtitle: Text = Field(description="one line under the title on the home tile")
    accent: Colour = "#4DB6AC"
    icon: str = Field(default="mdi6.map-legend", description="qtawesome icon for the home tile")
    note: Text = Field(description="the schematic note shown on screen (示意图)")
    credit: Text = Field(description="source of the outlines, shown on screen")
    extent: Extent
    features: list[MapFeature] = Field(min_length=1)

    def feature(self, feature_id: str) -> MapFeature:
        for feature in self.features:
            if feature.id == feature_id:
                return feature
        raise KeyError(feature_id)

    def ids(self) -> set[str]:
        return {f.id for f in self.features}


def check_map(exhibition: object, folder: Path) -> list[Problem]:
    """Checks across features, each against map.toml with its field path: unique ids, `part_of` naming a
    feature, every position inside the extent (the usual sign of swapped longitude and latitude), and a status
    exactly where the source can give one."""
    content = getattr(exhibition, "map", None)
    if not isinstance(content, MapContent):
        return []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, feature in enumerate(content.features):
        if feature.id in seen:
            message = f"id {feature.id!r} is already used by features[{seen[feature.id]}]"
            problems.append(Problem(FILE, f"map.features[{index}].id", message))
        seen.setdefault(feature.id, index)
    parent = {f.id: f.part_of for f in content.features if f.part_of is not None}
    for index, feature in enumerate(content.features):
        if feature.part_of is not None and feature.part_of not in seen:
            problems.append(Problem(FILE, f"map.features[{index}].part_of", f"no feature with id {feature.part_of!r}"))
        elif feature.part_of is not None and (loop := _part_of_loop(feature.id, parent)):
            problems.append(Problem(FILE, f"map.features[{index}].part_of",
                                    f"belongs to itself in a circle ({' → '.join(loop)}); a feature is part of a "
                                    "larger one"))
        problems.extend(status_problems(index, feature))
        field = "point" if feature.point is not None else "line" if feature.line is not None else "area"
        for lon, lat in feature.coordinates():
            if not content.extent.contains(lon, lat):
                problems.append(
                    Problem(FILE, f"map.features[{index}].{field}", f"[{lon}, {lat}] lies outside the map extent "
                            "(write longitude first, then latitude)")
                )
                break
    return problems


def _part_of_loop(start: str, parent: dict[str, str]) -> list[str]:
    """The chain of `part_of` from `start` back to `start`, if it comes back; else empty."""
    chain, here = [start], parent.get(start)
    while here is not None and here not in chain[1:]:
        chain.append(here)
        if here == start:
            return chain
        here = parent.get(here)
    return []


def status_problems(index: int, feature: MapFeature) -> list[Problem]:
    """No default status: a project says what the source says of it (or that it was already there); a river,
    town or village has none; a year dates a status."""
    out: list[Problem] = []
    at = f"map.features[{index}]"
    kinds = "rivers, towns and villages"
    if feature.is_project and feature.status is None and not feature.existing:
        out.append(Problem(FILE, f"{at}.status", f"a feature of kind {feature.kind!r} needs a status "
                           f"({', '.join(STATUSES)}) or `existing = true` if the source speaks of it only as "
                           "already there"))
    if not feature.is_project and feature.status is not None:
        out.append(Problem(FILE, f"{at}.status", f"{kinds} are not projects: remove status {feature.status!r}"))
    if not feature.is_project and feature.existing:
        out.append(Problem(FILE, f"{at}.existing", f"{kinds} are always shown: remove `existing`"))
    if feature.year is not None and feature.status is None:
        out.append(Problem(FILE, f"{at}.year", "`year` dates a status: give `status` too, or remove the year"))
    if feature.status is not None and feature.when is None:
        out.append(Problem(FILE, f"{at}.when", "give the source's words on its status, e.g. "
                           "when = { zh = \"2011年建成通车\", en = \"opened to traffic in 2011\" }"))
    return out


def _check_lonlat(point: tuple[float, float]) -> None:
    lon, lat = point
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValueError(f"[{lon}, {lat}] is not [longitude, latitude] in degrees (longitude first)")
