"""Administrative outlines from GeoJSON: the district itself and its faded, named neighbours.

Reads a bare geometry (`Polygon`/`MultiPolygon`), a `Feature` or a `FeatureCollection`. The kiosk's own file,
`assets/map/outlines.geojson` (written by `tools/simplify_outlines.py`), is a FeatureCollection whose features
carry `code`, `role` ("district" or "neighbour"), `name_zh` and `name_en`.
"""

from __future__ import annotations

import itertools
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.geo.projection import Projection

log = logging.getLogger(__name__)

Point = tuple[float, float]
Ring = list[Point]


class OutlineError(ValueError):
    """The outline file is missing or not GeoJSON the map can draw."""


@dataclass(frozen=True)
class Outline:
    code: str
    role: str  # "district" or "neighbour"
    name_zh: str
    name_en: str
    polygons: tuple[tuple[Ring, ...], ...]  # each polygon: outer ring, then holes; [lon, lat] pairs

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en

    def projected(self, projection: Projection) -> list[list[Ring]]:
        return [[projection.line(ring) for ring in polygon] for polygon in self.polygons]

    def point_count(self) -> int:
        return sum(len(ring) for polygon in self.polygons for ring in polygon)


def rings_of(geometry: dict[str, Any]) -> list[list[Ring]]:
    """The polygons of a GeoJSON `Polygon` or `MultiPolygon` geometry as lists of rings of (lon, lat)."""
    kind = geometry.get("type")
    coords: Any = geometry.get("coordinates")  # GeoJSON: checked as it is read below
    if kind == "Polygon":
        polygons = [coords]
    elif kind == "MultiPolygon":
        polygons = coords
    else:
        raise OutlineError(f"expected a Polygon or MultiPolygon, got {kind!r}")
    try:
        return [[[(float(p[0]), float(p[1])) for p in ring] for ring in polygon] for polygon in polygons]
    except (TypeError, IndexError, ValueError) as exc:
        raise OutlineError(f"malformed coordinates: {exc}") from None


def parse_outlines(data: dict[str, Any]) -> list[Outline]:
    """Outlines from a parsed GeoJSON object (geometry, Feature or FeatureCollection)."""
    if data.get("type") == "FeatureCollection":
        features = data.get("features") or []
    elif data.get("type") == "Feature":
        features = [data]
    else:
        features = [{"type": "Feature", "properties": {}, "geometry": data}]
    outlines = []
    for feature in features:
        props = feature.get("properties") or {}
        polygons = rings_of(feature.get("geometry") or {})
        outlines.append(
            Outline(
                code=str(props.get("code", "")),
                role=str(props.get("role", "district")),
                name_zh=str(props.get("name_zh", "")),
                name_en=str(props.get("name_en", "")),
                polygons=tuple(tuple(polygon) for polygon in polygons),
            )
        )
    return outlines


def load_outlines(path: Path) -> list[Outline]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise OutlineError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except json.JSONDecodeError as exc:
        raise OutlineError(f"{path}: not JSON ({exc})") from None
    return parse_outlines(data)


def label_point(ring: Ring, lines: int = 24) -> Point:
    """A point well inside a ring, for its name: the middle of the longest horizontal run inside it, tried on
    `lines` evenly spaced rows. Unlike the centroid it never falls outside a bent or clipped shape."""
    ys = [p[1] for p in ring]
    top, bottom = min(ys), max(ys)
    best: tuple[float, Point] = (-1.0, (sum(p[0] for p in ring) / len(ring), (top + bottom) / 2))
    for i in range(1, lines):
        y = top + (bottom - top) * i / lines
        xs = sorted(
            x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            for (x1, y1), (x2, y2) in itertools.pairwise(ring)
            if (y1 <= y < y2) or (y2 <= y < y1)
        )
        for left, right in zip(xs[::2], xs[1::2], strict=False):
            # prefer rows near the middle: a long run at the very edge of a shape reads badly
            weight = (right - left) * (1.0 - 0.6 * abs(i / lines - 0.5))
            if weight > best[0]:
                best = (weight, ((left + right) / 2, y))
    return best[1]


def point_in_ring(point: Point, ring: Ring) -> bool:
    """Whether `point` lies inside `ring` (even-odd rule), closed or not: its last point joins its first."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside
