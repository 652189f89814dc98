"""How finely transition snapshots are rendered, and the frame-over-frame cross-fade."""

from __future__ import annotations

import pytest

from kiosk.layout.snapshot import MAX_SNAPSHOT_PIXELS, fade_step, snapshot_scale, snapshot_size


@pytest.mark.parametrize(
    ("size", "scale"),
    [
        ((1920, 1080), 1.0),
        ((1080, 1920), 1.0),
        ((1366, 768), 1.0),
        ((3840, 2160), 0.5),
        ((2160, 3840), 0.5),
        ((2560, 1440), 0.75),
        ((0, 0), 1.0),
    ],
)
def test_snapshots_are_full_resolution_up_to_the_reference_canvas_and_no_larger_beyond(size, scale):
    assert snapshot_scale(*size) == pytest.approx(scale)


def test_a_snapshot_never_holds_more_pixels_than_the_reference_canvas():
    for width, height in [(3840, 2160), (7680, 4320), (2560, 1600), (3840, 1890)]:
        w, h = snapshot_size(width, height, snapshot_scale(width, height))
        assert w * h <= MAX_SNAPSHOT_PIXELS * 1.002  # rounding up to whole pixels
        assert w <= width and h <= height


def test_snapshot_size_is_never_empty():
    assert snapshot_size(0, 0, 0.5) == (1, 1)
    assert snapshot_size(3840, 1870, 0.5) == (1920, 935)


def _blend(shown_colour: float, new_colour: float, opacity: float) -> float:
    return shown_colour * (1 - opacity) + new_colour * opacity


def test_frame_over_frame_fade_lands_where_a_fresh_blend_would():
    old, new = 0.0, 1.0
    shown, faded = old, 0.0
    for target in (0.17, 0.31, 0.44, 0.55, 0.8, 0.95, 0.99, 1.0):
        shown = _blend(shown, new, fade_step(faded, target))
        faded = target
        assert shown == pytest.approx(_blend(old, new, target))
    assert shown == new


def test_fade_step_ends_on_the_new_picture_and_never_goes_back():
    assert fade_step(0.9, 1.0) == 1.0
    assert fade_step(0.5, 0.5) == 0.0
    assert fade_step(0.6, 0.4) == 0.0
    assert fade_step(0.0, 0.25) == pytest.approx(0.25)
