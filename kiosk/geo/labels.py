"""Which labels to show at a zoom level so none overlaps another.

Labels keep their size on screen while the map zooms, so the distances between them grow with the scale and
the set that fits changes. Greedy by priority (then by id, so the result is stable): a label is shown when its
box, grown by `gap` pixels, overlaps none already shown. Labels in `first` (the district seat's name) are
placed before all others; then those in `forced` (a highlighted event's features) and in `keep` (the towns'
names, which a visitor finds their way by) together, by priority, so a town's name yields only to a
higher-priority name it collides with; then the rest. A place's name that collides on its right tries its
left (`alt_dx`) before it yields. The map screen asks once per zoom step, not per frame, and caches the answer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from kiosk.geo.outlines import point_in_ring


@dataclass(frozen=True)
class LabelBox:
    id: str
    priority: int
    x: float  # anchor on the map (km)
    y: float
    width: float  # box on screen (px), placed relative to the anchor's screen position
    height: float
    dx: float = 0.0  # box's left edge relative to the anchor (px); default: box starts at the anchor
    dy: float = 0.0  # box's top edge relative to the anchor (px)
    group: str = ""  # labels of one group (a long river's repeated name) keep `group_gap` apart
    min_scale: float = 0.0  # detail (a building's name) waits until the map is zoomed in this far (px/km)
    alt_dx: float | None = None  # a place's name may go left of it instead: the box's left edge there (px)


Rect = tuple[float, float, float, float]  # left, top, right, bottom
LEFT = "left:"  # `visible_labels` names a label it placed on its alternative (left) side with this prefix too


def screen_rect(box: LabelBox, scale: float, gap: float = 0.0) -> Rect:
    left = box.x * scale + box.dx - gap
    top = box.y * scale + box.dy - gap
    return (left, top, left + box.width + 2 * gap, top + box.height + 2 * gap)


def overlaps(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def visible_labels(
    boxes: list[LabelBox],
    scale: float,
    gap: float = 4.0,
    forced: frozenset[str] = frozenset(),
    group_gap: float = 0.0,
    keep: frozenset[str] = frozenset(),
    first: frozenset[str] = frozenset(),
) -> set[str]:
    """The ids of the labels to show at `scale` (pixels per km)."""

    def rank(box: LabelBox) -> int:
        return 0 if box.id in first else 1 if box.id in forced or box.id in keep else 2

    order = sorted(boxes, key=lambda b: (rank(b), -b.priority, b.id))
    shown: list[Rect] = []
    placed: dict[str, list[tuple[float, float]]] = {}
    ids: set[str] = set()
    for box in order:
        if scale < box.min_scale and box.id not in forced and box.id not in first:
            continue
        rect = screen_rect(box, scale, gap / 2)
        left = False
        if any(overlaps(rect, other) for other in shown):
            if box.alt_dx is None:
                continue
            rect = screen_rect(replace(box, dx=box.alt_dx), scale, gap / 2)
            if any(overlaps(rect, other) for other in shown):
                continue
            left = True
        centre = (box.x * scale, box.y * scale)
        if box.group and any(math.dist(centre, c) < group_gap for c in placed.get(box.group, [])):
            continue
        shown.append(rect)
        ids.add(box.id)
        if left:
            ids.add(LEFT + box.id)
        if box.group:
            placed.setdefault(box.group, []).append(centre)
    return ids


def zoom_step(scale: float, base: float, steps_per_doubling: int = 4) -> int:
    """The zoom bucket of `scale`: labels are re-chosen when it changes (4 buckets per doubling), so a pinch
    re-decides at most a handful of times, not every frame."""
    return math.floor(math.log2(max(scale, 1e-9) / base) * steps_per_doubling)


def step_scale(step: int, base: float, steps_per_doubling: int = 4) -> float:
    """The scale the labels of bucket `step` are chosen for: its smallest (most zoomed-out) scale. Distances
    between anchors only grow from there within the bucket, so the chosen labels never overlap in it."""
    return base * 2 ** (step / steps_per_doubling)


Point = tuple[float, float]
Segment = tuple[Point, Point]


def segment_crosses(a: Point, b: Point, rect: Rect) -> bool:
    """Whether the segment a–b touches the rectangle (left, top, right, bottom)."""
    left, top, right, bottom = rect
    if max(a[0], b[0]) < left or min(a[0], b[0]) > right or max(a[1], b[1]) < top or min(a[1], b[1]) > bottom:
        return False
    t0, t1 = 0.0, 1.0  # Liang–Barsky: clip the segment's parameter range against each side
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - left), (dx, right - a[0]), (-dy, a[1] - top), (dy, bottom - a[1])):
        if p == 0:
            if q < 0:
                return False
        else:
            r = q / p
            if p < 0:
                t0 = max(t0, r)
            else:
                t1 = min(t1, r)
            if t0 > t1:
                return False
    return True


def clear_spot(spots: list[Point], size: tuple[float, float], segments: list[Segment]) -> Point | None:
    """The first of `spots` (a region name's candidate places, the best first) where a box of `size` (map km,
    centred on the spot) is crossed by none of `segments` (the roads, railways and rivers drawn); None: none."""
    half_w, half_h = size[0] / 2, size[1] / 2
    for x, y in spots:
        rect = (x - half_w, y - half_h, x + half_w, y + half_h)
        if not any(segment_crosses(a, b, rect) for a, b in segments):
            return (x, y)
    return None


def spots_inside(ring: list[Point], first: Point, area: Rect, step: float) -> list[Point]:
    """Places for a region's name: `first` (its usual place) if it lies in `area` (the ground where names go),
    then the points of a `step` km grid inside the ring and inside `area`, nearest to `first` first."""
    left, top = max(area[0], min(p[0] for p in ring)), max(area[1], min(p[1] for p in ring))
    right, bottom = min(area[2], max(p[0] for p in ring)), min(area[3], max(p[1] for p in ring))
    grid: list[Point] = []
    y = top + step / 2
    while y < bottom:
        x = left + step / 2
        while x < right:
            if point_in_ring((x, y), ring):
                grid.append((x, y))
            x += step
        y += step
    grid.sort(key=lambda p: math.dist(p, first))
    usual = area[0] <= first[0] <= area[2] and area[1] <= first[1] <= area[3]
    return [first, *grid] if usual else grid

