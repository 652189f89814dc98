"""A view opened on a few features shows the map's ground around them, not the empty margin past its frame."""

from __future__ import annotations

import pytest

from kiosk.geo.viewport import Viewport

FRAME = (0.0, 0.0, 100.0, 100.0)


def test_a_view_past_the_top_of_the_frame_slides_down_keeping_its_features():
    view = Viewport(10.0, 50.0, 20.0, 400, 600)  # 40 × 60 km around (50, 20): 10 km past the top
    moved = view.inside(FRAME, keep=(40.0, 5.0, 60.0, 15.0))
    assert moved.scale == view.scale and moved.cx == view.cx
    assert moved.visible_box()[1] == pytest.approx(0.0)
    left, top, right, bottom = moved.visible_box()
    assert top <= 5.0 and bottom >= 15.0


def test_the_features_win_over_the_frame():
    view = Viewport(10.0, 50.0, 20.0, 400, 600)
    moved = view.inside(FRAME, keep=(40.0, -8.0, 60.0, 0.0))  # a feature reaching past the frame's edge
    assert moved.visible_box()[1] <= -8.0


def test_a_view_larger_than_the_frame_stays_centred_where_it_was():
    view = Viewport(1.0, 50.0, 50.0, 400, 600)  # 400 × 600 km: larger than the frame
    assert view.inside(FRAME, keep=(40.0, 40.0, 60.0, 60.0)) == view


def test_an_inset_keeps_the_faded_edge_out_of_view_too():
    view = Viewport(10.0, 50.0, 20.0, 400, 600)
    moved = view.inside(FRAME, keep=(40.0, 10.0, 60.0, 25.0), inset=5.0)
    assert moved.visible_box()[1] == pytest.approx(5.0)
