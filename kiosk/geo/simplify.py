"""Line and outline simplification (Douglas–Peucker), and clipping of outlines to a rectangle.

Works on planar points (use projected kilometres, not degrees, so a tolerance means the same distance east
and north). Rings are closed: first point == last point.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

Point = tuple[float, float]


def point_segment_distance(p: Point, a: Point, b: Point) -> float:
    """Distance from `p` to the segment `a`–`b`."""
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length2 = dx * dx + dy * dy
    if length2 == 0.0:
        return math.hypot(p[0] - ax, p[1] - ay)
    t = max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
    return math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy))


def douglas_peucker(points: list[Point], tolerance: float) -> list[Point]:
    """The polyline with every point dropped that lies within `tolerance` of the simplified line; the ends
    are always kept. Iterative, so long outlines cannot hit the recursion limit."""
    if len(points) < 3 or tolerance <= 0:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = -1.0, -1
        for i in range(first + 1, last):
            d = point_segment_distance(points[i], points[first], points[last])
            if d > worst:
                worst, index = d, i
        if index >= 0 and worst > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify_ring(ring: list[Point], tolerance: float, min_points: int = 4) -> list[Point]:
    """Simplify a closed ring. It is split at its first point and at the point farthest from it, so both
    halves keep their shape; a ring that would collapse below `min_points` (a triangle plus closure) is
    returned as an empty list."""
    if ring and ring[0] != ring[-1]:
        ring = [*ring, ring[0]]
    if len(ring) < 4:
        return []
    start = ring[0]
    far = max(range(len(ring) - 1), key=lambda i: math.hypot(ring[i][0] - start[0], ring[i][1] - start[1]))
    if far == 0:
        return []
    first = douglas_peucker(ring[: far + 1], tolerance)
    second = douglas_peucker(ring[far:], tolerance)
    out = first + second[1:]
    return out if len(out) >= min_points else []


def ring_area(ring: list[Point]) -> float:
    """Signed area (shoelace); positive when the ring runs counter-clockwise in x-right, y-up axes."""
    total = 0.0
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        total += x1 * y2 - x2 * y1
    return total / 2.0


def clip_ring(ring: list[Point], xmin: float, ymin: float, xmax: float, ymax: float) -> list[Point]:
    """Sutherland–Hodgman clip of a closed ring to an axis-aligned rectangle; [] if nothing is left."""
    if ring and ring[0] == ring[-1]:
        ring = ring[:-1]

    def clip(
        points: list[Point], inside: Callable[[Point], bool], cross: Callable[[Point, Point], Point]
    ) -> list[Point]:
        out: list[Point] = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    out.append(cross(previous, current))
                out.append(current)
            elif inside(previous):
                out.append(cross(previous, current))
        return out

    def at_x(x: float) -> Callable[[Point, Point], Point]:
        return lambda a, b: (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))

    def at_y(y: float) -> Callable[[Point, Point], Point]:
        return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)

    points = list(ring)
    for inside, cross in (
        (lambda p: p[0] >= xmin, at_x(xmin)),
        (lambda p: p[0] <= xmax, at_x(xmax)),
        (lambda p: p[1] >= ymin, at_y(ymin)),
        (lambda p: p[1] <= ymax, at_y(ymax)),
    ):
        if not points:
            return []
        points = clip(points, inside, cross)
    if len(points) < 3:
        return []
    return [*points, points[0]]
