"""Where each event of the timeline sits on its horizontal track, and where its label goes.

Time is to scale: a year is `px_per_year` wide, so 2012→2017 is visibly longer than 2017→2018. A long empty
stretch (the 1990s to 2004) would waste screens, so any gap longer than `max_gap_years` is cut out and drawn as
an axis break of fixed width. Events the source gives no date for follow the dated history in bands, one per
status, evenly spaced. Markers never come closer than `min_gap` (two events of the same year sit side by side).

Labels hang above or below the axis in lanes. Each takes the innermost lane that is free at its position,
preferring the side opposite its predecessor, so neighbouring labels alternate and never overlap. Everything
is in pixels with the axis at y = 0 (negative is above).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class TrackItem:
    id: str
    position: float | None  # in years (2018.96 = 18 December 2018); None: placed in the band of its status
    status: str
    label_width: float
    label_height: float


@dataclass(frozen=True)
class TrackMetrics:
    px_per_year: float = 260
    max_gap_years: float = 6  # a longer gap between two dated events becomes an axis break
    break_width: float = 360  # the width a cut-out gap keeps
    start_pad: float = 80  # before the first marker
    min_gap: float = 110  # between two markers
    band_gap: float = 260  # from the last dated marker to the first band marker, and between bands
    band_slot: float = 240  # between markers inside a band
    end_cap: float = 0  # width of what closes the track (the goal), placed after the last label
    end_pad: float = 80  # after the end cap
    label_inset: float = 24  # a label starts this far left of its marker
    label_gap: float = 28  # horizontal room between two labels in one lane
    stem: float = 56  # from the axis to the nearest label edge
    lane_gap: float = 20  # between two lanes on the same side
    lanes_per_side: int = 2


@dataclass(frozen=True)
class Placed:
    id: str
    status: str
    x: float
    lane: int  # -1, -2 above the axis; 1, 2 below
    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def above(self) -> bool:
        return self.lane < 0


@dataclass(frozen=True)
class Band:
    status: str
    x0: float
    x1: float


@dataclass(frozen=True)
class Segment:
    """A stretch of the axis drawn to scale: `x(t) = x0 + (t - t0) * px_per_year`."""

    t0: float
    t1: float
    x0: float
    px_per_year: float

    def x(self, t: float) -> float:
        return self.x0 + (t - self.t0) * self.px_per_year

    @property
    def x1(self) -> float:
        return self.x(self.t1)


@dataclass
class TrackLayout:
    items: list[Placed] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    breaks: list[float] = field(default_factory=list)  # x of each axis break
    ticks: list[tuple[float, int]] = field(default_factory=list)  # (x, year) at the start of each year
    bands: list[Band] = field(default_factory=list)
    history_end: float = 0.0  # x of the last dated marker
    cap_x: float = 0.0  # where the end cap starts: clear of every label
    length: float = 0.0
    top: float = 0.0  # the highest label edge (negative)
    bottom: float = 0.0  # the lowest label edge
    collisions: int = 0  # labels that found no free lane (0 for any sensible content)

    def item(self, item_id: str) -> Placed:
        for placed in self.items:
            if placed.id == item_id:
                return placed
        raise KeyError(item_id)

    def lane_extent(self, lane: int) -> tuple[float, float]:
        inside = [p for p in self.items if p.lane == lane]
        if not inside:
            return (0.0, 0.0)
        return (min(p.top for p in inside), max(p.bottom for p in inside))


def layout_track(items: Sequence[TrackItem], metrics: TrackMetrics, band_order: Sequence[str]) -> TrackLayout:
    m = metrics
    out = TrackLayout()
    dated = [(i, i.position) for i in items if i.position is not None]
    xs: dict[str, float] = {}

    # dated events: to scale, in segments separated by breaks
    previous_x: float | None = None
    previous_t: float | None = None
    for item, position in dated:
        t = float(position)
        if previous_t is None:
            out.segments.append(Segment(t, t, m.start_pad, m.px_per_year))
        elif t - previous_t > m.max_gap_years:
            start = out.segments[-1].x1 if previous_x is None else max(out.segments[-1].x1, previous_x)
            out.breaks.append(start + m.break_width / 2)
            out.segments.append(Segment(t, t, start + m.break_width, m.px_per_year))
        segment = out.segments[-1]
        out.segments[-1] = Segment(segment.t0, max(segment.t1, t), segment.x0, segment.px_per_year)
        x = out.segments[-1].x(t)
        if previous_x is not None:
            x = max(x, previous_x + m.min_gap)
        xs[item.id] = x
        previous_x, previous_t = x, t
    for segment in out.segments:
        if segment.t1 <= segment.t0:
            continue  # a lone event (the 1990s) is labelled by its own time, not by a year tick
        for year in range(math.ceil(segment.t0), math.floor(segment.t1) + 1):
            out.ticks.append((segment.x(year), year))
    out.history_end = previous_x if previous_x is not None else m.start_pad - m.band_gap

    # undated events: one band per status, after the history
    cursor = out.history_end
    for status in band_order:
        members = [i for i in items if i.position is None and i.status == status]
        if not members:
            continue
        first = cursor + m.band_gap
        for index, item in enumerate(members):
            xs[item.id] = first + index * m.band_slot
        last = xs[members[-1].id]
        out.bands.append(Band(status, cursor + m.band_gap / 2, last + m.band_gap / 2))
        cursor = last
    _place_labels(out, [i for i in items if i.id in xs], xs, m)
    last_x = max(xs.values(), default=m.start_pad)
    out.cap_x = max([last_x + m.min_gap] + [p.right + m.label_gap for p in out.items])
    out.length = out.cap_x + m.end_cap + m.end_pad
    return out


def _place_labels(out: TrackLayout, items: list[TrackItem], xs: dict[str, float], m: TrackMetrics) -> None:
    ordered = sorted(items, key=lambda i: xs[i.id])
    lanes = [lane for depth in range(1, m.lanes_per_side + 1) for lane in (-depth, depth)]
    right_edge = {lane: -math.inf for lane in lanes}
    chosen: dict[str, int] = {}
    previous_above = False
    for item in ordered:
        left = xs[item.id] - m.label_inset
        by_depth = sorted(lanes, key=lambda lane: (abs(lane), (lane < 0) == previous_above))
        free = [lane for lane in by_depth if right_edge[lane] + m.label_gap <= left]
        if free:
            lane = free[0]
        else:
            lane = min(by_depth, key=lambda lane: right_edge[lane])
            out.collisions += 1
        chosen[item.id] = lane
        right_edge[lane] = left + item.label_width
        previous_above = lane < 0

    # lane heights: the tallest label in each lane decides where the next lane out starts
    heights = {lane: max((i.label_height for i in ordered if chosen[i.id] == lane), default=0.0) for lane in lanes}
    near_edge: dict[int, float] = {}
    for depth in range(1, m.lanes_per_side + 1):
        for side in (-1, 1):
            lane = side * depth
            inner = side * (depth - 1)
            if depth == 1:
                near_edge[lane] = side * m.stem
            else:
                near_edge[lane] = near_edge[inner] + side * (heights[inner] + m.lane_gap if heights[inner] else 0.0)
    for item in ordered:
        lane = chosen[item.id]
        edge = near_edge[lane]
        top = edge - item.label_height if lane < 0 else edge
        out.items.append(
            Placed(
                item.id, item.status, xs[item.id], lane, xs[item.id] - m.label_inset, top, item.label_width,
                item.label_height,
            )
        )
    order = {item.id: index for index, item in enumerate(items)}
    out.items.sort(key=lambda p: order[p.id])
    out.top = min((p.top for p in out.items), default=0.0)
    out.bottom = max((p.bottom for p in out.items), default=0.0)


def reveal_offset(
    offset: float, span: tuple[float, float], view: float, margin: float, length: float,
    end: tuple[float, float] | None = None,
) -> float:
    """The track's offset that shows `span` (an event's marker and label, in track coordinates) inside a view
    `view` wide, at least `margin` from its edges: unchanged if it is already there, else with the event a third
    of the way in. Never past the track's ends, so at its end the track's last pixel meets the view's edge. And
    never with `end` (the goal after the last event) cut by the view's edge: it comes wholly into view wherever
    the event stays in view beside it, else it waits wholly beyond the edge."""
    left, right = span
    most = max(0.0, length - view)
    margin = min(margin, max(0.0, (view - (right - left)) / 2))

    def shows(at: float) -> bool:
        return left - at >= margin - 0.5 and right - at <= view - margin + 0.5

    target = offset
    if not shows(target):
        target = left - max(margin, (view - (right - left)) / 3)
    target = min(max(target, 0.0), most)
    if end is not None:
        goal_left, goal_right = end
        whole = min(most, goal_right + margin - view)
        hidden = goal_left - view
        if goal_right > target + view - margin:  # not wholly in view, clear of the edge
            if shows(whole):
                target = whole
            elif goal_left < target + view and shows(hidden):  # cut at the view's edge
                target = hidden
    return target


def shown_label_lefts(
    items: Sequence[Placed], view: tuple[float, float], fades: tuple[float, float], gap: float, reach: float,
) -> dict[str, float]:
    """Where each label on screen is drawn (its left edge, in track coordinates), so that none sits half-faded
    in an edge fade as if cut. `view` is the visible stretch of the track, `fades` the widths of the fades at
    its left and right edges (0 where none is drawn). A label whose box would enter a fade slides inward, out of
    it, as long as its event's marker stays within `reach` of the label's nearer edge (its leader still joins
    them; a negative `reach` keeps the marker that far inside the label, under it) and it keeps `gap` from its
    neighbour in the same lane; otherwise it is not drawn until scrolled in. Labels wholly off screen are left
    out."""
    lo, hi = view[0] + fades[0], view[1] - fades[1]
    out: dict[str, float] = {}
    lanes: dict[int, list[Placed]] = {}
    for item in items:
        if item.right > view[0] and item.left < view[1]:
            lanes.setdefault(item.lane, []).append(item)
    for members in lanes.values():
        members.sort(key=lambda p: p.left)
        clear = [p for p in members if p.left >= lo and p.right <= hi]
        for p in clear:
            out[p.id] = p.left
        inner_left = min((p.left for p in clear), default=math.inf)
        for p in reversed([p for p in members if p.left < lo]):  # entering the left fade: nearest the middle first
            left = lo
            if left + p.width <= min(hi, inner_left - gap) and p.x >= left - reach:
                out[p.id] = left
                inner_left = left
            else:
                break  # the ones further out would sit on this one's place
        inner_right = max((p.right for p in clear), default=-math.inf)
        for p in [p for p in members if p.left >= lo and p.right > hi]:  # entering the right fade (or the card)
            left = hi - p.width
            if left >= max(lo, inner_right + gap) and p.x <= left + p.width + reach:
                out[p.id] = left
                inner_right = hi
            else:
                break
    return out
