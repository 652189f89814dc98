"""The gesture recogniser, driven by tables of timed touch sequences: no Qt, no waiting.

Sequences are written in millimetres on the glass and seconds; `run` converts them to pixels at a given DPI,
so the same table row can be played on a coarse 55" panel (40 dpi) and a fine one (160 dpi)."""

from __future__ import annotations

import pytest

from kiosk.gestures import Axis, GestureConfig, Inertia, Recogniser, State, glass_dpi
from kiosk.gestures.config import REFERENCE_DPI
from kiosk.gestures.inertia import rubber_band
from kiosk.gestures.intents import (
    Cancel,
    DoubleTap,
    DragEnd,
    DragMove,
    DragStart,
    Fling,
    LongPress,
    PinchEnd,
    PinchMove,
    PinchStart,
    Swipe,
    Tap,
)

COARSE, FINE = 40.0, 160.0


def run(events, dpi=COARSE, config=None):
    """Play `events` — (action, finger, x_mm, y_mm, t) or ("poll", t) or ("cancel",) — and return the intents."""
    r = Recogniser(config or GestureConfig(), dpi=dpi, clock=lambda: pytest.fail("the timestamps were given"))
    k = dpi / 25.4
    out = []
    for action, *args in events:
        if action == "poll":
            out += r.poll(args[0])
        elif action == "cancel":
            out += r.cancel()
        else:
            finger, x, y, t = args
            out += getattr(r, action)(finger, x * k, y * k, t)
    return out


def kinds(intents):
    return [type(i).__name__ for i in intents]


def path(x0, y0, x1, y1, t0, t1, steps=10, finger=0):
    """A finger going down at (x0, y0) at t0, moving in even steps, lifting at (x1, y1) at t1 (mm, s)."""
    events = [("down", finger, x0, y0, t0)]
    for i in range(1, steps + 1):
        f = i / steps
        events.append(("move", finger, x0 + (x1 - x0) * f, y0 + (y1 - y0) * f, t0 + (t1 - t0) * f))
    events.append(("up", finger, x1, y1, t1))
    return events


def tap(x, y, t, finger=0, hold=0.05):
    return [("down", finger, x, y, t), ("up", finger, x, y, t + hold)]


DRAG = ["Press", "DragStart", "DragMove"]

TABLE = {
    # tap or drag: the slop is 8 mm on the glass at any DPI
    "still finger taps": (COARSE, tap(100, 100, 0), ["Press", "Tap"]),
    "5 mm wobble taps at 40 dpi": (COARSE, path(100, 100, 104, 103, 0, 0.15, steps=3), ["Press", "Tap"]),
    "5 mm wobble taps at 160 dpi": (FINE, path(100, 100, 104, 103, 0, 0.15, steps=3), ["Press", "Tap"]),
    "10 mm slow move drags at 40 dpi": (
        COARSE, path(100, 100, 110, 100, 0, 0.3, steps=4), [*DRAG, "DragEnd"]
    ),
    "10 mm slow move drags at 160 dpi": (
        FINE, path(100, 100, 110, 100, 0, 0.3, steps=4), [*DRAG, "DragEnd"]
    ),
    # double tap: within 0.4 s and 40 mm
    "two quick taps close by": (COARSE, tap(100, 100, 0) + tap(110, 105, 0.3), ["Press", "Tap", "Press", "DoubleTap"]),
    "two taps too slow": (COARSE, tap(100, 100, 0) + tap(100, 100, 0.5), ["Press", "Tap", "Press", "Tap"]),
    "two quick taps too far apart": (COARSE, tap(100, 100, 0) + tap(150, 100, 0.2), ["Press", "Tap", "Press", "Tap"]),
    "a third quick tap starts afresh": (
        COARSE, tap(100, 100, 0) + tap(100, 100, 0.2) + tap(100, 100, 0.4),
        ["Press", "Tap", "Press", "DoubleTap", "Press", "Tap"],
    ),
    "a drag between taps breaks the double tap": (
        COARSE,
        tap(100, 100, 0) + path(100, 100, 100, 160, 0.1, 0.2, steps=2) + tap(100, 100, 0.3),
        ["Press", "Tap", *DRAG, "DragMove", "DragEnd", "Fling", "Swipe", "Press", "Tap"],
    ),
    # long press
    "a resting finger becomes a long press, then still taps": (
        COARSE,
        [("down", 0, 100, 100, 0), ("poll", 0.3), ("poll", 0.75), ("poll", 1.0), ("up", 0, 100, 100, 1.2)],
        ["Press", "LongPress", "Tap"],
    ),
    "a long press never completes a double tap": (
        COARSE, tap(100, 100, 0) + tap(100, 100, 0.1, hold=0.8), ["Press", "Tap", "Press", "Tap"]
    ),
    # fling and swipe
    "slow drag: no fling": (COARSE, path(100, 100, 100, 140, 0, 2.0), [*DRAG, *["DragMove"] * 8, "DragEnd"]),
    "quick vertical flick glides": (
        COARSE, path(100, 100, 100, 60, 0, 0.1), [*DRAG, *["DragMove"] * 8, "DragEnd", "Fling"]
    ),
    "long slow sideways drag is a swipe": (
        COARSE, path(200, 100, 110, 102, 0, 3.0), [*DRAG, *["DragMove"] * 9, "DragEnd", "Swipe"]
    ),
    "short quick sideways flick is a swipe": (
        COARSE, path(200, 100, 175, 100, 0, 0.04, steps=4), [*DRAG, "DragMove", "DragMove", "DragEnd", "Fling", "Swipe"]
    ),
    # two fingers
    "pinch": (
        COARSE,
        [("down", 0, 90, 100, 0), ("down", 1, 110, 100, 0.01), ("move", 0, 80, 100, 0.05), ("move", 1, 120, 100, 0.05),
         ("up", 0, 80, 100, 0.1), ("up", 1, 120, 100, 0.11)],
        ["Press", "PinchStart", "PinchMove", "PinchMove", "PinchEnd"],
    ),
    "a second finger turns a drag into a pinch": (
        COARSE,
        [("down", 0, 100, 100, 0), ("move", 0, 100, 130, 0.1), ("down", 1, 150, 130, 0.2), ("move", 1, 160, 130, 0.3),
         ("up", 1, 160, 130, 0.4), ("up", 0, 100, 130, 0.5)],
        [*DRAG, "DragEnd", "PinchStart", "PinchMove", "PinchEnd"],
    ),
    "after a pinch the remaining finger does nothing": (
        COARSE,
        [("down", 0, 100, 100, 0), ("down", 1, 140, 100, 0.0), ("up", 1, 140, 100, 0.1), ("move", 0, 10, 100, 0.2),
         ("up", 0, 10, 100, 0.3), *tap(100, 100, 0.4)],
        ["Press", "PinchStart", "PinchEnd", "Press", "Tap"],
    ),
    "two fingers never tap": (
        COARSE,
        [("down", 0, 100, 100, 0), ("down", 1, 120, 100, 0.01), ("up", 0, 100, 100, 0.05), ("up", 1, 120, 100, 0.06)],
        ["Press", "PinchStart", "PinchEnd"],
    ),
    # cancel
    "cancel mid-drag, and the late lift is ignored": (
        COARSE, [("down", 0, 100, 100, 0), ("move", 0, 100, 150, 0.1), ("cancel",), ("up", 0, 100, 150, 0.2)],
        [*DRAG, "Cancel"],
    ),
    "cancel mid-pinch": (
        COARSE, [("down", 0, 100, 100, 0), ("down", 1, 130, 100, 0), ("cancel",), ("up", 1, 130, 100, 0.1)],
        ["Press", "PinchStart", "Cancel"],
    ),
    "cancel forgets the tap before it": (
        COARSE, [*tap(100, 100, 0), ("down", 0, 100, 100, 0.1), ("cancel",), *tap(100, 100, 0.2)],
        ["Press", "Tap", "Press", "Cancel", "Press", "Tap"],
    ),
    "cancel when nothing is down says nothing": (COARSE, [("cancel",)], []),
}


@pytest.mark.parametrize(("dpi", "events", "expected"), TABLE.values(), ids=TABLE.keys())
def test_sequences(dpi, events, expected):
    assert kinds(run(events, dpi)) == expected


@pytest.mark.parametrize(("px", "dpi", "kind"), [(20, COARSE, "DragStart"), (20, FINE, None), (60, FINE, "DragStart")])
def test_the_same_pixels_mean_different_things_at_different_dpi(px, dpi, kind):
    """20 px is 12.7 mm on a 55" panel (a drag) but 3.2 mm on a 160 dpi screen (still a tap)."""
    r = Recogniser(GestureConfig(), dpi=dpi, clock=lambda: 0.0)
    r.down(0, 100, 100, 0.0)
    moved = r.move(0, 100 + px, 100, 0.1)
    assert (type(moved[0]).__name__ if moved else None) == kind


def test_drag_deltas_follow_the_finger_from_the_start_and_lock_the_axis():
    intents = run(path(100, 100, 98, 40, 0, 0.5), COARSE)
    start = next(i for i in intents if isinstance(i, DragStart))
    assert start.axis is Axis.VERTICAL
    moves = [i for i in intents if isinstance(i, DragMove)]
    k = COARSE / 25.4
    assert sum(m.delta[1] for m in moves) == pytest.approx(-60 * k)  # nothing lost to the slop
    assert moves[-1].total == pytest.approx((-2 * k, -60 * k))


def test_diagonal_scroll_locks_to_its_larger_direction():
    intents = run(path(100, 100, 80, 70, 0, 0.5), COARSE)
    assert next(i for i in intents if isinstance(i, DragStart)).axis is Axis.VERTICAL
    assert not any(isinstance(i, Swipe) for i in intents)


def test_release_velocity_is_measured_over_the_last_100_ms():
    # 2 s of slow drag, then 50 mm in the last 100 ms: the release is fast, whatever came before
    events = [("down", 0, 100, 100, 0.0)] + [("move", 0, 100, 100 - k, k * 0.2) for k in range(1, 11)]
    events += [("move", 0, 100, 90 - 5 * k, 2.0 + k * 0.01) for k in range(1, 11)]
    events.append(("up", 0, 100, 40, 2.1))
    end = next(i for i in run(events, COARSE) if isinstance(i, DragEnd))
    assert end.velocity[0] == 0
    assert end.velocity[1] == pytest.approx(-500 * COARSE / 25.4, rel=0.02)  # 500 mm/s, in px/s


def test_fling_threshold_is_in_mm_per_second():
    slow = run(path(100, 100, 100, 130, 0, 0.6), FINE)  # 50 mm/s: below the 60 mm/s fling threshold
    quick = run(path(100, 100, 100, 130, 0, 0.4), FINE)  # 75 mm/s
    assert not any(isinstance(i, Fling) for i in slow)
    fling = next(i for i in quick if isinstance(i, Fling))
    assert fling.velocity[1] == pytest.approx(75 * FINE / 25.4, rel=0.02) and fling.axis is Axis.VERTICAL


@pytest.mark.parametrize(("dx", "step"), [(-90, 1), (90, -1)])
def test_swipe_direction(dx, step):
    swipe = run(path(200, 100, 200 + dx, 100, 0, 2.0), COARSE)[-1]
    assert swipe == Swipe(Axis.HORIZONTAL, step)


def test_pinch_reports_centre_and_scale():
    k = COARSE / 25.4
    intents = run(
        [("down", 0, 90, 100, 0), ("down", 1, 110, 100, 0), ("move", 0, 70, 110, 0.1), ("move", 1, 110, 110, 0.1),
         ("up", 0, 70, 110, 0.2), ("up", 1, 110, 110, 0.2)],
        COARSE,
    )
    start, _, second, end = intents[1:]
    assert isinstance(start, PinchStart) and start.centre == pytest.approx((100 * k, 100 * k))
    assert isinstance(second, PinchMove)
    assert second.centre == pytest.approx((90 * k, 110 * k)) and second.scale == pytest.approx(2.0)
    assert isinstance(end, PinchEnd) and end.scale == pytest.approx(2.0)


def test_second_finger_interrupts_the_drag_without_a_glide():
    intents = run([("down", 0, 100, 100, 0), ("move", 0, 100, 150, 0.05), ("down", 1, 140, 150, 0.06)], COARSE)
    end = next(i for i in intents if isinstance(i, DragEnd))
    assert end.interrupted and end.velocity == (0.0, 0.0)


def test_taps_report_where_they_landed():
    k = COARSE / 25.4
    intents = run(tap(100, 100, 0) + tap(103, 101, 0.2), COARSE)
    assert intents[1] == Tap((100 * k, 100 * k))
    assert intents[3] == DoubleTap((103 * k, 101 * k))


def test_without_timestamps_the_injected_clock_decides():
    now = [0.0]
    r = Recogniser(GestureConfig(), dpi=COARSE, clock=lambda: now[0])
    assert kinds(r.down(0, 10, 10)) == ["Press"]
    now[0] = 1.0
    assert r.poll() == [LongPress((10, 10))]
    assert r.up(0, 10, 10) == [Tap((10, 10), held=True)]
    assert r.state is State.IDLE


def test_thresholds_live_in_one_config():
    config = GestureConfig(double_tap_s=0.2)
    assert kinds(run(tap(100, 100, 0) + tap(100, 100, 0.3), config=config)) == ["Press", "Tap", "Press", "Tap"]
    with pytest.raises(AttributeError):
        config.slop_mm = 1  # type: ignore[misc]  # the point: it is read-only


def test_cancel_resets_the_machine():
    r = Recogniser(GestureConfig(), dpi=COARSE, clock=lambda: 0.0)
    r.down(0, 10, 10, 0)
    assert r.cancel() == [Cancel()]
    assert not r.active and r.up(0, 10, 10, 0.1) == []


@pytest.mark.parametrize(
    ("reported", "size", "canvas", "expected"),
    [
        (40.0, (1920, 1080), 1080, 40.0),  # a 55" panel that reports itself
        (68.0, (3840, 2160), 2160, 68.0),  # a 65" 4K panel
        (100.0, (800, 800), 1080, REFERENCE_DPI),  # offscreen: an 11" "screen" is no kiosk panel
        (96.0, (1280, 1024), 768, REFERENCE_DPI * 768 / 1080),  # Xvfb's default, a 1366×768 window
        (0.0, (1920, 1080), 1080, REFERENCE_DPI),  # no report at all
        (float("nan"), (1920, 1080), 1080, REFERENCE_DPI),
        (None, (0, 0), 1080, REFERENCE_DPI),
    ],
)
def test_glass_dpi_trusts_only_plausible_panels(reported, size, canvas, expected):
    assert glass_dpi(reported, *size, canvas) == pytest.approx(expected)


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
