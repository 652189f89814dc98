"""Longitude/latitude to flat map units (kilometres) and back.

The district is small (about 35 × 64 km), so an equirectangular projection scaled by the cosine of the centre
latitude is accurate to well under one per cent of a distance anywhere on the map — far better than the
schematic positions it carries. Map x grows east, map y grows *south*, like screen coordinates, so the map
screen can use the numbers as they are. Coordinates in the bundled data are GCJ-02 (AMap); they are projected
as they are, without conversion to WGS-84.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Kilometres per degree of latitude (WGS-84 mean near 27.5° N) and per degree of longitude at the equator.
KM_PER_DEG_LAT = 110.8
KM_PER_DEG_LON_EQUATOR = 111.32

Point = tuple[float, float]


@dataclass(frozen=True)
class Projection:
    """Equirectangular projection around (`lon0`, `lat0`), in kilometres."""

    lon0: float
    lat0: float

    @property
    def kx(self) -> float:
        return KM_PER_DEG_LON_EQUATOR * math.cos(math.radians(self.lat0))

    def forward(self, lon: float, lat: float) -> Point:
        return ((lon - self.lon0) * self.kx, (self.lat0 - lat) * KM_PER_DEG_LAT)

    def inverse(self, x: float, y: float) -> Point:
        return (self.lon0 + x / self.kx, self.lat0 - y / KM_PER_DEG_LAT)

    def line(self, coords: list[Point] | tuple[Point, ...]) -> list[Point]:
        return [self.forward(lon, lat) for lon, lat in coords]


# The middle of Lukou's extent (longitude 112.969–113.318, latitude 27.204–27.780).
LUKOU_CENTRE = Projection(113.1435, 27.492)
