import pytest

from kiosk.gestures import Axis, DragTracker, Gesture, Inertia
from kiosk.gestures.inertia import rubber_band


def drag(points, dt=0.016, **kw):
    tracker = DragTracker(**kw)
    x, y = points[0]
    tracker.press(x, y, 0.0)
    moved = []
    for i, (x, y) in enumerate(points[1:-1], start=1):
        moved.append(tracker.move(x, y, i * dt))
    x, y = points[-1]
    return tracker, moved, tracker.release(x, y, (len(points) - 1) * dt)


def test_small_wobble_is_a_tap():
    _, _, release = drag([(100, 100), (104, 103), (101, 98), (102, 101)])
    assert release.gesture is Gesture.TAP


@pytest.mark.parametrize(
    ("end", "gesture"),
    [((-200, 110), Gesture.SWIPE_LEFT), ((400, 90), Gesture.SWIPE_RIGHT)],
)
def test_long_sideways_moves_are_swipes(end, gesture):
    points = [(100, 100)] + [(100 + (end[0] - 100) * k / 10, 100 + (end[1] - 100) * k / 10) for k in range(1, 11)]
    _, _, release = drag(points)
    assert release.gesture is gesture
    assert release.axis is Axis.HORIZONTAL


def test_short_fast_flick_is_a_swipe():
    _, _, release = drag([(300, 100), (280, 100), (250, 100), (230, 100)], dt=0.01)
    assert release.gesture is Gesture.SWIPE_LEFT


def test_slow_short_sideways_drag_is_not_a_swipe():
    points = [(100, 100)] + [(100 + 6 * k, 100) for k in range(1, 10)]
    _, _, release = drag(points, dt=0.1)
    assert release.gesture is Gesture.DRAG


def test_vertical_drag_locks_axis_and_follows_the_finger_from_the_start():
    points = [(100, 500), (102, 490), (103, 470), (104, 400), (104, 380)]
    tracker, moved, release = drag(points)
    assert release.axis is Axis.VERTICAL and release.gesture is Gesture.DRAG
    assert all(dx == 0 for dx, _ in moved)
    assert sum(dy for _, dy in moved) == pytest.approx(400 - 500)  # nothing lost to the slop
    assert release.velocity[1] < 0


def test_diagonal_scroll_never_becomes_a_swipe():
    points = [(100, 100)] + [(100 - 8 * k, 100 - 12 * k) for k in range(1, 30)]
    _, _, release = drag(points)
    assert release.axis is Axis.VERTICAL


def test_inertia_glides_then_stops():
    inertia = Inertia()
    inertia.start(2000)
    travelled = 0.0
    for _ in range(200):
        travelled += inertia.step(1 / 60)
    assert not inertia.moving
    assert 300 < travelled < 2000 / inertia.friction + 1


def test_inertia_caps_absurd_velocities():
    inertia = Inertia()
    inertia.start(-1e9)
    assert inertia.velocity == -inertia.max_speed


def test_rubber_band_resists_more_the_further_you_pull():
    small, large = rubber_band(50, 300), rubber_band(500, 300)
    assert 0 < small < 50
    assert small < large < 300
    assert rubber_band(-50, 300) == -small
