"""The timeline's scroll axis: follows the finger, glides after a fling, resists and settles at its ends."""

from __future__ import annotations

from itertools import pairwise

import pytest

from kiosk.gestures.inertia import rubber_band
from kiosk.gestures.kinetic import KineticScroller, rubber_band_inverse

FRAME = 1 / 60


def run(scroller: KineticScroller, seconds: float = 5.0) -> int:
    frames = 0
    while scroller.step(FRAME) and frames < seconds / FRAME:
        frames += 1
    return frames


def scroller(maximum: float = 3000, viewport: float = 1000) -> KineticScroller:
    s = KineticScroller()
    s.set_range(maximum, viewport)
    return s


def test_inside_the_range_the_content_follows_the_finger_exactly():
    s = scroller()
    s.scroll_to(500, animate=False)
    s.grab()
    for _ in range(10):
        s.drag_by(37)
    assert s.offset == pytest.approx(870)


def test_past_an_end_it_resists_and_settles_back():
    s = scroller()
    s.grab()
    s.drag_by(-400)
    assert -400 < s.offset < -50  # moves, but less than the finger
    assert s.offset == pytest.approx(rubber_band(-400, 1000))
    s.release(0)
    assert s.moving
    frames = run(s)
    assert s.offset == 0 and not s.moving and frames < 60


def test_a_finger_catching_the_bounce_continues_from_where_it_is_shown():
    s = scroller()
    s.grab()
    s.drag_by(3400)  # 400 past the end
    shown = s.offset
    s.release(0)
    s.step(FRAME)
    caught = s.offset
    assert 3000 < caught < shown
    s.grab()
    s.drag_by(0)
    assert s.offset == pytest.approx(caught, abs=0.01)


def test_a_fling_glides_then_stops():
    s = scroller(maximum=20000)
    s.scroll_to(1000, animate=False)
    s.release(2500)
    positions = []
    while s.step(FRAME):
        positions.append(s.offset)
    assert len(positions) > 20
    assert all(b >= a for a, b in pairwise(positions))
    assert 1000 + 500 < s.offset < 1000 + 2500  # went a good way, slower and slower, and stopped


def test_a_fling_into_an_end_overshoots_a_little_and_comes_back():
    s = scroller()
    s.scroll_to(2900, animate=False)
    s.release(6000)
    furthest = 0.0
    while s.step(FRAME):
        furthest = max(furthest, s.offset)
    assert 3000 < furthest < 3000 + 1000 / 2
    assert s.offset == 3000


def test_scroll_to_eases_to_a_clamped_target():
    s = scroller()
    s.scroll_to(1200)
    s.step(FRAME)
    assert 0 < s.offset < 1200
    run(s)
    assert s.offset == 1200
    s.scroll_to(99999)
    run(s)
    assert s.offset == 3000


def test_a_shorter_range_clamps_the_offset():
    s = scroller()
    s.scroll_to(2500, animate=False)
    s.set_range(800, 1000)
    assert s.offset == 800
    s.set_range(-50, 1000)
    assert s.maximum == 0 and s.offset == 0


@pytest.mark.parametrize("overshoot", [-700, -120, 0, 35, 400, 2000])
def test_rubber_band_inverse(overshoot: float):
    shown = rubber_band(overshoot, 900)
    assert rubber_band_inverse(shown, 900) == pytest.approx(overshoot, rel=1e-6, abs=1e-6)
