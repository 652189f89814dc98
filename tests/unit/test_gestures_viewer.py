"""The photo viewer's gesture rules without Qt: recogniser intents in, strip and zoom moves and reactions out."""

from __future__ import annotations

import pytest

from kiosk.gestures import GestureConfig, Recogniser
from kiosk.gestures.pager import Pager
from kiosk.gestures.viewer import Finish, Redraw, Settle, ViewerGestures, ViewerMode, ZoomTo
from kiosk.gestures.zoom import Zoom

DPI = 40.0
WIDTH, HEIGHT = 1600.0, 900.0


def viewer(index=1):
    zoom = Zoom()
    zoom.set_geometry((WIDTH, HEIGHT), (WIDTH, HEIGHT))
    recogniser = Recogniser(GestureConfig(), dpi=DPI, clock=lambda: 0.0)
    pager = Pager(5, index, page_width=WIDTH, flick_velocity=recogniser.page_flick_speed)
    return recogniser, ViewerGestures(pager, zoom)


def play(events, index=1, zoomed=False):
    r, v = viewer(index)
    if zoomed:
        v.zoom.view = v.zoom.zoom_about((WIDTH / 2, HEIGHT / 2), 2.0)
    reactions, modes = [], []
    for action, *args in events:
        for intent in getattr(r, action)(*args):
            reactions.append(v.handle(intent))
            modes.append(v.mode)
    return v, [x for x in reactions if x is not None], modes


def slide(dx, seconds, steps=10, dy=0.0, x0=800.0, y0=450.0):
    events = [("down", 0, x0, y0, 0.0)]
    events += [("move", 0, x0 + dx * i / steps, y0 + dy * i / steps, seconds * i / steps) for i in range(1, steps + 1)]
    return events + [("up", 0, x0 + dx, y0 + dy, seconds)]


@pytest.mark.parametrize(
    ("dx", "seconds", "step"),
    [
        (-500, 2.0, 1),  # slow, past a fifth of the width: next
        (500, 2.0, -1),  # previous
        (-150, 2.0, 0),  # slow and short: back
        (-150, 0.1, 1),  # short but quick: a flick turns the page
    ],
)
def test_a_drag_at_fit_pages(dx, seconds, step):
    v, reactions, modes = play(slide(dx, seconds))
    assert isinstance(reactions[0], Finish)
    assert ViewerMode.PAGE in modes and v.mode is ViewerMode.IDLE
    assert reactions[-1] == Settle(step)


def test_a_drag_while_zoomed_pans_and_never_pages():
    v, reactions, modes = play(slide(-100, 0.5, dy=-60), zoomed=True)
    assert ViewerMode.PAN in modes and ViewerMode.PAGE not in modes
    assert not any(isinstance(x, Settle) for x in reactions)
    assert v.zoom.view.pan_x == pytest.approx(-100) and v.zoom.view.pan_y == pytest.approx(-60)
    assert v.pager.offset == 0


def test_a_double_tap_zooms_in_about_the_tap_and_out_again():
    _, reactions, _ = play([("down", 0, 400, 300, 0), ("up", 0, 400, 300, 0.05), ("down", 0, 402, 300, 0.2),
                            ("up", 0, 402, 300, 0.25)])
    zoom_to = reactions[-1]
    assert isinstance(zoom_to, ZoomTo) and zoom_to.view.scale == pytest.approx(2.5)
    _, reactions, _ = play([("down", 0, 400, 300, 0), ("up", 0, 400, 300, 0.05), ("down", 0, 402, 300, 0.2),
                            ("up", 0, 402, 300, 0.25)], zoomed=True)
    assert reactions[-1] == ZoomTo(type(zoom_to.view)())  # back to fit


def test_a_second_finger_mid_page_snaps_the_strip_back_and_pinches():
    events = slide(-200, 0.2, steps=4)[:-1]  # the first finger drags the strip ...
    events += [("down", 1, 1000, 450, 0.25), ("move", 1, 1200, 450, 0.3), ("up", 1, 1200, 450, 0.35),
               ("up", 0, 600, 450, 0.4)]  # ... then a second pinches
    v, reactions, modes = play(events)
    assert ViewerMode.PINCH in modes and not any(isinstance(x, Settle) for x in reactions)
    assert v.pager.offset == 0 and v.pager.index == 1
    assert isinstance(reactions[-1], ZoomTo) and reactions[-1].view.scale > 1.0
    assert v.mode is ViewerMode.IDLE


def test_cancel_puts_the_strip_back():
    r, v = viewer()
    for intent in r.down(0, 800, 450, 0) + r.move(0, 600, 450, 0.1):
        v.handle(intent)
    assert v.pager.offset == pytest.approx(-200)
    assert v.handle(r.cancel()[0]) == Redraw()
    assert v.pager.offset == 0 and v.mode is ViewerMode.IDLE
