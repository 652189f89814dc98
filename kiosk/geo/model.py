"""Everything the map screen draws, in map kilometres: the district, its named neighbours, the frame, and the
placed features — built once from the content and the outline file."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.map import MapContent
from kiosk.geo.features import PlacedFeature, When, bounds_of, place_all, stands_in
from kiosk.geo.outlines import Outline, label_point, load_outlines
from kiosk.geo.projection import LUKOU_CENTRE, Projection
from kiosk.health import ASSETS

log = logging.getLogger(__name__)

Point = tuple[float, float]
Ring = list[Point]
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Region:
    """A projected outline with the place for its name."""

    code: str
    name_zh: str
    name_en: str
    polygons: list[list[Ring]]
    label_at: Point

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


@dataclass(frozen=True)
class MapModel:
    content: MapContent
    projection: Projection
    frame: Box
    district: Region | None
    neighbours: list[Region]
    features: list[PlacedFeature]

    @classmethod
    def build(cls, content: MapContent, outline_file: Path | None, projection: Projection = LUKOU_CENTRE) -> MapModel:
        """A missing or broken outline file is logged and leaves the map without outlines, never without a map."""
        outlines: list[Outline] = []
        if outline_file is not None:
            try:
                outlines = load_outlines(outline_file)
            except ValueError as exc:
                log.error("map outlines unavailable: %s", exc)
                ASSETS.failed("map outlines", str(exc))
            else:
                if not any(o.role == "district" for o in outlines):
                    log.error("map outlines %s hold no district outline", outline_file)
                    ASSETS.failed("map outlines", f"{outline_file}: no district outline")
        e = content.extent
        left, top = projection.forward(e.west, e.north)
        right, bottom = projection.forward(e.east, e.south)
        regions = [_region(o, projection) for o in outlines]
        district = next((r for r, o in zip(regions, outlines, strict=True) if o.role == "district"), None)
        neighbours = [r for r, o in zip(regions, outlines, strict=True) if o.role != "district"]
        placed = place_all(content, projection)
        return cls(content, projection, (left, top, right, bottom), district, neighbours, placed)

    def feature(self, feature_id: str) -> PlacedFeature:
        for feature in self.features:
            if feature.id == feature_id:
                return feature
        raise KeyError(feature_id)

    def standing(self, when: When) -> list[PlacedFeature]:
        return [f for f in self.features if stands_in(f, when)]

    def district_box(self) -> Box:
        if self.district is None:
            return bounds_of(self.features) or self.frame
        xs = [p[0] for poly in self.district.polygons for p in poly[0]]
        ys = [p[1] for poly in self.district.polygons for p in poly[0]]
        return (min(xs), min(ys), max(xs), max(ys))


def _region(outline: Outline, projection: Projection) -> Region:
    polygons = outline.projected(projection)
    largest = max((poly[0] for poly in polygons), key=len)
    return Region(outline.code, outline.name_zh, outline.name_en, polygons, label_point(largest))
