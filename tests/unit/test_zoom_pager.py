"""The photo viewer's rules without Qt: zoom about the fingers, clamped panning, double-tap, and paging."""

from __future__ import annotations

import pytest

from kiosk.gestures.pager import Pager
from kiosk.gestures.zoom import DOUBLE_TAP_SCALE, MAX_SCALE, View, Zoom, lerp

VIEWPORT = (1600.0, 900.0)
CONTENT = (1350.0, 900.0)  # a 3:2 photo fitted: full height, bars left and right


def zoom() -> Zoom:
    return Zoom(VIEWPORT, CONTENT)


def approx(a, b, tol=1e-6) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize(
    ("focus", "factor", "expected_scale", "stays_put"),
    [
        ((800, 450), 2.0, 2.0, True),  # the centre
        ((1200, 700), 1.5, 1.5, True),  # the photo point under the fingers stays under them
        ((100, 100), 2.0, 2.0, False),  # outside the photo: the clamp pulls the photo's corner to the edge
        ((800, 450), 10.0, MAX_SCALE, True),  # capped
        ((800, 450), 0.5, 1.0, True),  # never smaller than fit
    ],
)
def test_zoom_about_keeps_the_point_under_the_focus(focus, factor, expected_scale, stays_put):
    z = zoom()
    photo_point = z.to_photo(focus)
    view = z.zoom_about(focus, factor)
    assert view.scale == pytest.approx(expected_scale)
    assert approx(z.to_screen(photo_point, view), focus, 1e-6) is stays_put
    x, y, w, h = z.image_rect(view)
    assert x <= 0 and x + w >= VIEWPORT[0] and y <= 0 and y + h >= VIEWPORT[1] or view.scale == 1.0


@pytest.mark.parametrize(
    ("scale", "pan", "expected"),
    [
        (1.0, (300, 200), (0, 0)),  # at fit nothing can move
        (2.0, (0, 0), (0, 0)),
        (2.0, (5000, 0), ((1350 * 2 - 1600) / 2, 0)),  # clamped to the photo's left edge
        (2.0, (-5000, -5000), (-(1350 * 2 - 1600) / 2, -(900 * 2 - 900) / 2)),
        (1.1, (100, 100), (0, 45)),  # 1485 wide < 1600: stays centred across; 990 tall: 45 px room
    ],
)
def test_pan_is_clamped_to_the_photo(scale, pan, expected):
    z = zoom()
    view = z.clamped(View(scale, *pan))
    assert approx((view.pan_x, view.pan_y), expected)


def test_pan_by_reports_what_the_clamp_refused():
    z = zoom()
    z.view = View(2.0, 0, 0)
    left_over = z.pan_by(1000, 0)
    assert z.view.pan_x == pytest.approx(550)
    assert left_over == pytest.approx((450, 0))


def test_pinch_zooms_about_the_fingers_centre():
    z = zoom()
    under = z.to_photo((700, 300))
    z.pinch_begin((700, 300))  # fingers at (600, 300) and (800, 300)
    view = z.pinch_update((700, 300), 2.0)  # twice as far apart, same centre
    assert view.scale == pytest.approx(2.0)
    assert approx(z.to_screen(under), (700, 300), 1e-6)
    settled = z.pinch_end()
    assert settled == view


def test_two_fingers_moving_together_pan():
    z = zoom()
    z.view = View(2.0, 0, 0)
    z.pinch_begin((800, 400))
    view = z.pinch_update((750, 380), 1.0)
    assert view.scale == pytest.approx(2.0)
    assert approx((view.pan_x, view.pan_y), (-50, -20))


def test_pinching_below_fit_springs_back():
    z = zoom()
    z.pinch_begin((800, 450))
    view = z.pinch_update((800, 450), 0.25)
    assert view.scale < 1.0  # follows the fingers a little
    assert z.pinch_end() == View(1.0, 0, 0)


@pytest.mark.parametrize(
    ("start", "tap", "expected_scale"),
    [
        (View(), (800, 450), DOUBLE_TAP_SCALE),
        (View(3.0, 100, 50), (10, 10), 1.0),
        (View(1.005), (800, 450), DOUBLE_TAP_SCALE),
    ],
)
def test_double_tap_toggles(start, tap, expected_scale):
    z = zoom()
    z.view = start
    assert z.double_tap_target(tap).scale == pytest.approx(expected_scale)


def test_lerp_is_the_straight_path():
    a, b = View(1, 0, 0), View(3, 100, -50)
    assert lerp(a, b, 0) == a and lerp(a, b, 1) == b
    assert lerp(a, b, 0.5) == View(2, 50, -25)


def test_resize_clamps_the_current_view():
    z = zoom()
    z.view = View(2.0, 550, 450)
    z.set_geometry((1600, 900), (600, 400))
    assert (z.view.pan_x, z.view.pan_y) == (0, 0)


# --- paging -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("index", "drag", "velocity", "step"),
    [
        (1, -500, 0, 1),  # dragged more than a fifth of the width: next
        (1, 500, 0, -1),
        (1, -100, 0, 0),  # too short and slow: stays
        (1, -60, -900, 1),  # short but a quick flick
        (1, -500, 900, -1),  # dragged left, flicked back right at the end: the last movement wins
        (0, 500, 0, 0),  # nothing before the first photo
        (4, -500, -2000, 0),  # nothing after the last
    ],
)
def test_release_settles_by_distance_or_flick(index, drag, velocity, step):
    pager = Pager(5, index, page_width=1600)
    pager.drag(drag)
    assert pager.release(velocity) == step


def test_strip_follows_the_finger_and_resists_at_the_ends():
    pager = Pager(3, 1, page_width=1600)
    assert pager.drag(-300) == -300
    pager.go(0)
    resisted = pager.drag(600)
    assert 0 < resisted < 300  # moves, but much less than the finger
    assert pager.drag(-200) == -200


def test_commit_moves_the_index():
    pager = Pager(3, 0, page_width=1000)
    pager.drag(-400)
    step = pager.release(0)
    assert pager.target_offset(step) == pytest.approx(-1040)
    assert pager.commit(step) == 1 and pager.offset == 0
