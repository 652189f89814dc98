"""Where the timeline's events sit on the track: time to scale, long gaps cut, bands after, labels apart."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from kiosk.content import load_exhibition
from kiosk.content.timeline import BANDS
from kiosk.layout.timeline_track import Placed, TrackItem, TrackMetrics, layout_track, reveal_offset, shown_label_lefts

ROOT = Path(__file__).resolve().parents[2]
METRICS = TrackMetrics()


def shipped_items(width: float = 360, height: float = 110) -> list[TrackItem]:
    timeline = load_exhibition(ROOT / "assets" / "content")[0].timeline
    assert timeline is not None
    return [TrackItem(e.id, e.when.position if e.when else None, e.status, width, height) for e in timeline.events]


def test_time_is_to_scale_on_the_shipped_track():
    layout = layout_track(shipped_items(), METRICS, BANDS)
    x = {p.id: p.x for p in layout.items}
    gap_2012_2017 = x["s333-lukou-bridge"] - x["provincial-road-s211"]
    gap_2017_2018 = x["second-ship-lock"] - x["s333-lukou-bridge"]
    assert gap_2012_2017 > 3 * gap_2017_2018
    assert gap_2017_2018 == pytest.approx(METRICS.px_per_year)
    assert x["lushui-road-s331"] - x["fubo-avenue"] == pytest.approx(4 * METRICS.px_per_year)


def test_the_long_1990s_gap_is_cut_to_a_break():
    layout = layout_track(shipped_items(), METRICS, BANDS)
    x = {p.id: p.x for p in layout.items}
    assert len(layout.breaks) == 1
    assert x["dusty-roads"] < layout.breaks[0] < x["expressway-railway"]
    assert x["expressway-railway"] - x["dusty-roads"] == pytest.approx(METRICS.break_width)
    assert [year for _, year in layout.ticks] == list(range(2004, 2019))


def test_same_year_events_sit_side_by_side():
    layout = layout_track(shipped_items(), METRICS, BANDS)
    x = {p.id: p.x for p in layout.items}
    assert x["county-town-framework"] - x["expressway-railway"] == pytest.approx(METRICS.min_gap)


def test_markers_keep_their_order_and_distance():
    layout = layout_track(shipped_items(), METRICS, BANDS)
    xs = [p.x for p in layout.items]
    assert all(b - a >= METRICS.min_gap - 1e-6 for a, b in itertools.pairwise(xs))
    assert layout.cap_x >= max(p.right for p in layout.items) + METRICS.label_gap
    assert layout.length == pytest.approx(layout.cap_x + METRICS.end_cap + METRICS.end_pad)


def test_undated_projects_follow_in_bands_by_status():
    layout = layout_track(shipped_items(), METRICS, BANDS)
    [building, planned] = layout.bands
    assert (building.status, planned.status) == ("under_construction", "planned")
    assert layout.history_end < building.x0 < building.x1 <= planned.x0 < planned.x1
    inside = {p.id: p.x for p in layout.items}
    for event_id in ("lufeng-avenue", "dongcheng-avenue", "second-lushui-bridge"):
        assert building.x0 < inside[event_id] < building.x1
    for event_id in ("xiangjiang-avenue-2", "lukou-port"):
        assert planned.x0 < inside[event_id] < planned.x1


@pytest.mark.parametrize("width", [240, 360, 420])
def test_labels_never_overlap(width: float):
    layout = layout_track(shipped_items(width=width, height=150), METRICS, BANDS)
    assert layout.collisions == 0
    for a, b in itertools.combinations(layout.items, 2):
        apart = a.right + METRICS.label_gap <= b.left or b.right + METRICS.label_gap <= a.left
        assert apart or a.bottom <= b.top or b.bottom <= a.top, f"{a.id} and {b.id} overlap"


def test_neighbouring_labels_alternate_sides():
    layout = layout_track(shipped_items(), METRICS, BANDS)
    sides = [p.above for p in sorted(layout.items, key=lambda p: p.x)]
    assert all(a != b for a, b in itertools.pairwise(sides))
    assert all(abs(p.lane) == 1 for p in layout.items)  # the shipped labels fit the inner lanes
    assert layout.top == pytest.approx(-(METRICS.stem + 110)) and layout.bottom == pytest.approx(METRICS.stem + 110)


def test_crowded_labels_move_to_outer_lanes():
    items = [TrackItem(f"e{i}", 2000 + i * 0.1, "built", 500, 80) for i in range(4)]
    layout = layout_track(items, METRICS, BANDS)
    assert sorted(p.lane for p in layout.items) == [-2, -1, 1, 2]
    outer = layout.item("e2") if abs(layout.item("e2").lane) == 2 else layout.item("e3")
    assert abs(outer.top if outer.above else outer.bottom) == pytest.approx(METRICS.stem + 80 + METRICS.lane_gap + 80)


def test_a_timeline_of_only_projects_in_preparation():
    items = [TrackItem(f"p{i}", None, "planned", 200, 80) for i in range(3)]
    layout = layout_track(items, METRICS, BANDS)
    assert [b.status for b in layout.bands] == ["planned"]
    assert layout.items[0].x > 0 and layout.ticks == [] and layout.collisions == 0


# revealing a chosen event ------------------------------------------------------------------------------------
# A track 5000 px long seen through a view 1000 px wide; the goal closes it at 4500–4900.
GOAL = (4500.0, 4900.0)


def test_an_event_already_in_view_does_not_move_the_track():
    assert reveal_offset(1000, (1200, 1500), 1000, 40, 5000, GOAL) == 1000


def test_an_event_out_of_view_comes_a_third_of_the_way_in():
    at = reveal_offset(0, (2000, 2300), 1000, 40, 5000, GOAL)
    assert 2000 - at == pytest.approx((1000 - 300) / 3)


def test_the_track_never_scrolls_past_its_ends():
    assert reveal_offset(3000, (50, 300), 1000, 40, 5000, GOAL) == 0
    assert reveal_offset(0, (4300, 4450), 1000, 40, 5000, GOAL) == 4000  # the end meets the view's edge


def test_the_goal_is_never_cut_by_the_views_edge():
    """The last event a third of the way in left the goal cut at the edge of the view (the open card's)."""
    at = reveal_offset(0, (4000, 4300), 1000, 40, 5000, GOAL)
    assert at + 1000 >= GOAL[1] + 40 and 4000 - at >= 40  # the goal comes in beside the event
    narrow = reveal_offset(0, (3500, 3800), 700, 40, 5000, GOAL)  # both cannot fit: the goal waits beyond
    assert narrow + 700 <= GOAL[0] and 3500 - narrow >= 40 and 3800 <= narrow + 700 - 40


def test_an_event_wider_than_the_view_starts_at_its_left_edge():
    assert reveal_offset(0, (2000, 3200), 1000, 40, 5000, GOAL) == 2000


def test_the_goal_comes_into_view_beside_a_chosen_event_near_the_end():
    """The last event chosen with the goal wholly beyond the view's edge: the goal comes in beside it."""
    at = reveal_offset(3400, (4000, 4300), 1000, 40, 5000, GOAL)
    assert at + 1000 >= GOAL[1] + 40 and 4000 - at >= 40


def _label(event_id: str, x: float, width: float = 200, lane: int = 1) -> Placed:
    return Placed(event_id, "built", x, lane, x - 24, 50, width, 60)


def test_a_label_entering_a_fade_slides_out_of_it_while_its_leader_can_reach():
    view, fades = (1000.0, 2000.0), (72.0, 72.0)
    # near the right edge: slides left, its marker still under it
    assert shown_label_lefts([_label("a", 1800)], view, fades, 24, 40) == {"a": 2000 - 72 - 200}
    # near the left edge: slides right while its marker is within reach of its left edge, then waits
    assert shown_label_lefts([_label("b", 1060)], view, fades, 24, 40) == {"b": 1072}
    assert shown_label_lefts([_label("c", 1020)], view, fades, 24, 40) == {}
    # clear of both fades: where it was laid out; no fade drawn at an edge: nothing to slide out of
    assert shown_label_lefts([_label("d", 1500)], view, fades, 24, 40) == {"d": 1476}
    assert shown_label_lefts([_label("e", 1030)], view, (0.0, 72.0), 24, 40) == {"e": 1006}


def test_a_sliding_label_never_lands_on_its_lane_neighbour():
    view, fades = (1000.0, 2000.0), (72.0, 72.0)
    inner, outer = _label("inner", 1760, 150), _label("outer", 1950, 200)
    shown = shown_label_lefts([inner, outer], view, fades, 24, 40)
    assert shown == {"inner": inner.left}  # no room left of the fade beside "inner": "outer" waits
    other_lane = _label("other", 1950, 200, lane=-1)
    assert shown_label_lefts([inner, other_lane], view, fades, 24, 40)["other"] == 2000 - 72 - 200


def test_the_goal_is_not_left_against_the_views_edge():
    """In portrait the goal came to rest 6 px from the screen's edge: "in view", but inside the edge's margin."""
    # the event at 5000–5300, the goal at 5650–6030, the track 6100 long, a view 1080 wide, margin 80
    offset = reveal_offset(4956, (5000, 5300), 1080, 80, 6100, (5650, 6030))
    assert 5650 - offset >= 1080  # the event cannot stay in view beside the whole goal: it waits beyond the edge
    assert 5000 - offset >= 80
    offset = reveal_offset(4956, (5400, 5500), 1080, 80, 6100, (5650, 6030))
    assert 6030 - offset <= 1080 - 64  # wholly in view, as far in as the track's end margin lets it
