"""Where the map camera is: a scale (pixels per km) and the map point at the middle of the screen.

Pan, pinch about the fingers' centre, zoom limits, keeping the frame on screen, fitting a box, and the
scale bar's length are plain arithmetic here; the map screen only applies the result to its view.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from kiosk.geo.outlines import point_in_ring

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # left, top, right, bottom (km)
EDGE_FADE = 0.12  # the map's ground fades out over this share of its frame's shorter side, at every edge


@dataclass(frozen=True)
class Viewport:
    scale: float  # screen pixels per map kilometre
    cx: float  # map point (km) at the middle of the screen
    cy: float
    width: float  # screen size in pixels
    height: float

    def to_screen(self, x: float, y: float) -> Point:
        return ((x - self.cx) * self.scale + self.width / 2, (y - self.cy) * self.scale + self.height / 2)

    def to_map(self, sx: float, sy: float) -> Point:
        return ((sx - self.width / 2) / self.scale + self.cx, (sy - self.height / 2) / self.scale + self.cy)

    def visible_box(self) -> Box:
        left, top = self.to_map(0, 0)
        right, bottom = self.to_map(self.width, self.height)
        return (left, top, right, bottom)

    def panned(self, dx: float, dy: float) -> Viewport:
        """The content follows a finger that moved (dx, dy) screen pixels."""
        return replace(self, cx=self.cx - dx / self.scale, cy=self.cy - dy / self.scale)

    def with_anchor(self, anchor: Point, scale: float, screen: Point) -> Viewport:
        """At `scale`, with map point `anchor` under screen point `screen`: the pinch rule (the map point
        first under the fingers' centre stays under it while they spread, close and move)."""
        return replace(
            self,
            scale=scale,
            cx=anchor[0] - (screen[0] - self.width / 2) / scale,
            cy=anchor[1] - (screen[1] - self.height / 2) / scale,
        )

    def zoomed(self, factor: float, screen: Point) -> Viewport:
        """Zoom by `factor` about a screen point (double tap, wheel, buttons)."""
        return self.with_anchor(self.to_map(*screen), self.scale * factor, screen)

    def resized(self, width: float, height: float) -> Viewport:
        return replace(self, width=width, height=height)

    def inside(self, frame: Box, keep: Box, inset: float = 0.0) -> Viewport:
        """Moved (never zoomed) to show as little as it can past `frame` shrunk by `inset` km (the ground's faded
        edge), while all of `keep` stays in view; along an axis where the view is wider than that, unmoved."""

        def slide(centre: float, half: float, low: float, high: float, keep_low: float, keep_high: float) -> float:
            if high - low < 2 * half:
                return centre
            centre = max(low + half, min(high - half, centre))
            return max(keep_high - half, min(keep_low + half, centre))  # the features first

        half_w, half_h = self.width / 2 / self.scale, self.height / 2 / self.scale
        left, top, right, bottom = frame[0] + inset, frame[1] + inset, frame[2] - inset, frame[3] - inset
        cx = slide(self.cx, half_w, left, right, keep[0], keep[2])
        cy = slide(self.cy, half_h, top, bottom, keep[1], keep[3])
        return replace(self, cx=cx, cy=cy)

    def clamped(self, frame: Box, min_scale: float, max_scale: float) -> Viewport:
        """Within the zoom limits, with the middle of the screen inside the frame: the map can be pushed at
        most half a screen past its edge, never lost."""
        scale = max(min_scale, min(max_scale, self.scale))
        cx = max(frame[0], min(frame[2], self.cx))
        cy = max(frame[1], min(frame[3], self.cy))
        return replace(self, scale=scale, cx=cx, cy=cy)

    def held_near(self, rings: list[list[Point]], margin: float, clear: Box | None = None) -> Viewport:
        """Moved (never zoomed) the least it takes for some of the area inside `rings` (the district's outline)
        to lie at least `margin` pixels inside the part of the view left `clear` (left, top, right, bottom in
        pixels; default the whole view; a card covers the rest): when that part's middle is farther from the
        area than half its shorter side less the margin, it comes back along the line to the nearest point of
        the outline until it is that far."""
        if not rings:
            return self
        left, top, right, bottom = clear if clear is not None else (0.0, 0.0, float(self.width), float(self.height))
        reach = max(0.0, min(right - left, bottom - top) / 2 - margin) / self.scale
        point = self.to_map((left + right) / 2, (top + bottom) / 2)
        if any(point_in_ring(point, ring) for ring in rings):
            return self
        nearest, distance = _nearest(point, rings)
        if distance <= reach or distance <= 0:
            return self
        pull = (distance - reach) / distance
        dx, dy = (nearest[0] - point[0]) * pull, (nearest[1] - point[1]) * pull
        return replace(self, cx=self.cx + dx, cy=self.cy + dy)



def _nearest(point: Point, rings: list[list[Point]]) -> tuple[Point, float]:
    """The point of the rings' edges nearest to `point`, and its distance."""
    px, py = point
    best: tuple[float, Point] = (math.inf, point)
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            dx, dy = x2 - x1, y2 - y1
            length2 = dx * dx + dy * dy
            t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / length2))
            qx, qy = x1 + t * dx, y1 + t * dy
            d2 = (qx - px) ** 2 + (qy - py) ** 2
            if d2 < best[0]:
                best = (d2, (qx, qy))
    return best[1], math.sqrt(best[0])


def fit(box: Box, width: float, height: float, margin: float = 0.0, inset: Box | None = None) -> Viewport:
    """The viewport showing all of `box` with `margin` pixels around it, inside the screen rectangle `inset`
    (left, top, right, bottom in pixels; default the whole screen) — the part not covered by panels."""
    left, top, right, bottom = inset if inset is not None else (0.0, 0.0, width, height)
    w = max(box[2] - box[0], 1e-6)
    h = max(box[3] - box[1], 1e-6)
    scale = max(min((right - left - 2 * margin) / w, (bottom - top - 2 * margin) / h), 1e-6)
    # the box's middle goes to the inset's middle
    cx = (box[0] + box[2]) / 2 - ((left + right) / 2 - width / 2) / scale
    cy = (box[1] + box[3]) / 2 - ((top + bottom) / 2 - height / 2) / scale
    return Viewport(scale, cx, cy, width, height)


def cover_scale(frame: Box, width: float, height: float) -> float:
    """The smallest scale at which the frame still covers the whole screen."""
    return max(width / max(frame[2] - frame[0], 1e-6), height / max(frame[3] - frame[1], 1e-6))


NICE_STEPS = (1.0, 2.0, 5.0)


def scale_bar(px_per_km: float, max_px: float) -> tuple[float, float]:
    """The longest 'nice' distance (1, 2 or 5 × a power of ten, in km) whose bar fits in `max_px`; returns
    (km, pixels)."""
    if px_per_km <= 0 or max_px <= 0:
        return (0.0, 0.0)
    limit = max_px / px_per_km
    exponent = math.floor(math.log10(limit))
    best = 0.0
    for e in (exponent - 1, exponent):
        for step in NICE_STEPS:
            value = step * 10**e
            if value <= limit * (1 + 1e-9):
                best = max(best, value)
    return (best, best * px_per_km)


def distance_text(km: float) -> str:
    """'500 m', '2 km', '1.5 km' — the scale bar's label (the same in both languages)."""
    if km < 1:
        return f"{round(km * 1000):d} m"
    return f"{km:g} km"
