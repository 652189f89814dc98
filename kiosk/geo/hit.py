"""Which feature a finger touched: the nearest symbol or line within reach, else the zone it landed in.

Distances are in map kilometres; the caller turns its touch radius in pixels into kilometres with the current
scale, so a fingertip reaches the same distance on screen at every zoom.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable

from kiosk.geo.features import PlacedFeature
from kiosk.geo.outlines import point_in_ring
from kiosk.geo.simplify import point_segment_distance

Point = tuple[float, float]


def distance_to(feature: PlacedFeature, point: Point) -> float:
    if feature.shape == "point":
        (x, y) = feature.points[0]
        return math.sqrt((x - point[0]) ** 2 + (y - point[1]) ** 2)
    if feature.shape == "area" and point_in_ring(point, list(feature.points)):
        return 0.0
    pts = feature.points
    return min(point_segment_distance(point, a, b) for a, b in itertools.pairwise(pts))


def pick(features: Iterable[PlacedFeature], point: Point, reach: float) -> PlacedFeature | None:
    """The touched feature: a symbol within `reach` first (a lock on its river, a building on its road), then
    a line within reach, then the zone the touch is in; the nearest first, the higher priority on a tie."""
    best: tuple[int, float, int, PlacedFeature] | None = None
    for feature in features:
        d = distance_to(feature, point)
        if feature.shape == "area":
            if d > 0.0:
                continue
            rank = 2
        elif d <= reach:
            rank = 0 if feature.shape == "point" else 1
        else:
            continue
        key = (rank, d, -feature.priority, feature)
        if best is None or key[:3] < best[:3]:
            best = key
    return None if best is None else best[3]
