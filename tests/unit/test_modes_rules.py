"""Opening-hours arithmetic, the slow motions (pan/zoom, burn-in shift, wandering clock) and the attract
playlist, from tables."""

from __future__ import annotations

import random
from datetime import datetime

import pytest

from kiosk import paths
from kiosk.content import load_exhibition
from kiosk.modes.motion import breathe, ken_burns, pixel_shift, ring, wander
from kiosk.modes.playlist import AttractOptions, Playlist, build_slides, interleave
from kiosk.modes.schedule import OpeningHours, parse_day

# --- opening hours -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("09:00-17:00", "09:00-17:00"),
        (" 9:00 - 17:30 ", "09:00-17:30"),
        ("13:00-17:00,09:00-12:00", "09:00-12:00, 13:00-17:00"),
        ("closed", "closed"),
        ("", "closed"),
        ("18:00-02:00", "18:00-02:00"),
        ("00:00-24:00", "00:00-24:00"),
    ],
)
def test_hours_are_read_from_plain_text(text, normalised):
    from kiosk.modes.schedule import format_day

    assert format_day(parse_day(text)) == normalised


@pytest.mark.parametrize("bad", ["9-17", "09:00", "09:00-25:00", "09:60-10:00", "10:00-10:00", "24:00-02:00", "x"])
def test_unreadable_hours_are_refused(bad):
    with pytest.raises(ValueError):
        parse_day(bad)


WEEK = OpeningHours.parse({
    "mon": "09:00-17:00", "tue": "09:00-12:00, 13:00-17:00", "fri": "18:00-02:00", "sat": "00:00-24:00",
})


@pytest.mark.parametrize(
    ("when", "is_open"),
    [
        (datetime(2024, 5, 6, 8, 59, 59), False),  # Monday
        (datetime(2024, 5, 6, 9, 0), True),
        (datetime(2024, 5, 6, 16, 59, 59), True),
        (datetime(2024, 5, 6, 17, 0), False),
        (datetime(2024, 5, 7, 12, 30), False),  # Tuesday lunch break
        (datetime(2024, 5, 7, 13, 0), True),
        (datetime(2024, 5, 8, 12, 0), False),  # Wednesday: not listed, closed
        (datetime(2024, 5, 10, 17, 59), False),  # Friday evening opening
        (datetime(2024, 5, 10, 23, 0), True),
        (datetime(2024, 5, 11, 1, 59), True),  # past midnight into Saturday (open all day anyway)
        (datetime(2024, 5, 12, 0, 30), False),  # Saturday's 24:00 ends at midnight
        (datetime(2024, 5, 12, 10, 0), False),  # Sunday
    ],
)
def test_open_or_closed(when, is_open):
    assert WEEK.is_open(when) is is_open


def test_overnight_range_runs_into_the_next_day_only():
    hours = OpeningHours.parse({"fri": "18:00-02:00"})
    assert hours.is_open(datetime(2024, 5, 11, 1, 0))  # Saturday 1 am
    assert not hours.is_open(datetime(2024, 5, 11, 2, 0))
    assert not hours.is_open(datetime(2024, 5, 11, 18, 30))


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (datetime(2024, 5, 6, 7, 0), datetime(2024, 5, 6, 9, 0)),
        (datetime(2024, 5, 6, 18, 0), datetime(2024, 5, 7, 9, 0)),
        (datetime(2024, 5, 7, 12, 15), datetime(2024, 5, 7, 13, 0)),
        (datetime(2024, 5, 8, 10, 0), datetime(2024, 5, 10, 18, 0)),
    ],
)
def test_next_opening(when, expected):
    assert WEEK.next_opening(when) == expected


def test_never_open_has_no_next_opening():
    assert OpeningHours.parse({}).next_opening(datetime(2024, 5, 6)) is None


# --- motion ----------------------------------------------------------------------------------------------


def test_burn_in_shift_walks_one_pixel_at_a_time_within_its_amplitude():
    path = [pixel_shift(step * 120.0, 3) for step in range(60)]
    assert all(max(abs(dx), abs(dy)) <= 3 for dx, dy in path)
    assert len(set(path)) == len(ring(3)) == 24
    for (x0, y0), (x1, y1) in zip(path, path[1:], strict=False):
        assert abs(x1 - x0) + abs(y1 - y0) == 1  # never a jump
    assert pixel_shift(119.9, 3) == pixel_shift(0, 3)
    assert pixel_shift(1000, 0) == (0, 0)


def test_the_clock_wanders_inside_its_area_and_moves_every_step():
    places = [wander(step, (1920, 1080), (400, 200)) for step in range(100)]
    assert all(0 <= x <= 1520 and 0 <= y <= 880 for x, y in places)
    assert len(set(places)) > 90
    assert wander(7, (1920, 1080), (400, 200)) == wander(7, (1920, 1080), (400, 200))
    assert wander(3, (100, 100), (400, 200)) == (0, 0)  # a box bigger than the area stays put


@pytest.mark.parametrize("index", range(4))
def test_ken_burns_moves_slowly_and_stays_in_the_photo(index):
    frames = [ken_burns(index, step / 100) for step in range(101)]
    assert all(1.0 <= f.zoom <= 1.08 and 0 <= f.x <= 1 and 0 <= f.y <= 1 for f in frames)
    assert frames[0] != frames[-1]
    for a, b in zip(frames, frames[1:], strict=False):
        assert abs(b.x - a.x) < 0.02 and abs(b.zoom - a.zoom) < 0.005  # no jumps between frames
    assert ken_burns(index, -1) == frames[0] and ken_burns(index, 2) == frames[-1]


def test_consecutive_slides_move_differently():
    assert ken_burns(0, 0.5) != ken_burns(1, 0.5)
    assert ken_burns(0, 1).zoom > ken_burns(0, 0).zoom  # even slides zoom in
    assert ken_burns(1, 1).zoom < ken_burns(1, 0).zoom  # odd slides zoom out


def test_breathing_hint_is_calm():
    values = [breathe(t / 10) for t in range(64)]
    assert min(values) >= 0.45 - 1e-9 and max(values) <= 1.0
    assert all(abs(b - a) < 0.1 for a, b in zip(values, values[1:], strict=False))


# --- attract playlist ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def exhibition():
    ex, _ = load_exhibition(paths.default_content_dir())
    return ex


def test_all_photos_and_figures_in_the_exhibition_order(exhibition):
    slides = build_slides(exhibition, AttractOptions())
    photos = [s.photo.id for s in slides if s.is_photo]
    assert photos == [p.id for p in exhibition.all_photos()]
    figures = [f for s in slides for f in s.figures]
    expected = list(exhibition.headline_figures) + [f for sec in exhibition.sections for f in sec.figures]
    assert figures == expected  # every figure, none twice
    assert all(1 <= len(s.figures) <= 4 for s in slides if not s.is_photo)
    kinds = "".join("p" if s.is_photo else "f" for s in slides)
    assert "ppp" not in kinds and "fff" not in kinds  # pictures and numbers alternate


def test_chosen_sections_only(exhibition):
    party = exhibition.sections[1]
    slides = build_slides(exhibition, AttractOptions(photos="sections", sections=(party.id,)))
    assert {s.section.id for s in slides} == {party.id}
    assert [s.photo.id for s in slides if s.is_photo] == [p.id for p in party.photos]


def test_photos_only_and_figures_only(exhibition):
    photos = build_slides(exhibition, AttractOptions(figures=False))
    assert photos and all(s.is_photo for s in photos)
    figures = build_slides(exhibition, AttractOptions(photos="none"))
    assert figures and not any(s.is_photo for s in figures)


def test_a_choice_that_selects_nothing_falls_back_to_everything(exhibition):
    nothing = AttractOptions(photos="none", figures=False)
    assert len(build_slides(exhibition, nothing)) == len(build_slides(exhibition, AttractOptions()))
    unknown = AttractOptions(photos="sections", sections=("no-such-section",))
    assert build_slides(exhibition, unknown)


def test_shuffle_changes_the_order_but_not_the_items(exhibition):
    ordered = build_slides(exhibition, AttractOptions())
    shuffled = build_slides(exhibition, AttractOptions(order="shuffle"), random.Random(4))
    assert sorted(s.key for s in shuffled) == sorted(s.key for s in ordered)
    assert [s.key for s in shuffled] != [s.key for s in ordered]


@pytest.mark.parametrize(("many", "few"), [(7, 3), (3, 7), (5, 0), (0, 2), (4, 4)])
def test_interleave_spreads_the_few_among_the_many(many, few):
    from kiosk.modes.playlist import Slide

    a = [Slide(f"a{i}") for i in range(many)]
    b = [Slide(f"b{i}") for i in range(few)]
    mixed = interleave(a, b)
    assert sorted(s.key for s in mixed) == sorted(s.key for s in a + b)
    assert [s for s in mixed if s.key[0] == "a"] == a  # each kind keeps its own order


def test_the_playlist_goes_round_forever_without_repeating_at_the_seam(exhibition):
    playlist = Playlist(exhibition, AttractOptions(order="shuffle"), random.Random(1))
    n = playlist.round_length()
    shown = [playlist.next().key for _ in range(n * 6)]
    assert all(a != b for a, b in zip(shown, shown[1:], strict=False))
    for r in range(6):
        assert len(set(shown[r * n:(r + 1) * n])) == n  # every round shows everything once


def test_peek_shows_what_comes_next(exhibition):
    playlist = Playlist(exhibition, AttractOptions())
    upcoming = playlist.peek()
    assert playlist.next() == upcoming


@pytest.mark.parametrize(("view", "image"), [((1920, 1080), (2200, 1240)), ((1080, 1920), (1240, 2200)),
                                             ((1920, 1080), (2200, 2200)), ((1366, 768), (3000, 1000))])
def test_the_crop_keeps_the_view_shape_and_stays_inside_the_photo(view, image):
    from kiosk.modes.motion import crop

    for index in range(4):
        for step in range(0, 101, 10):
            x, y, w, h = crop(ken_burns(index, step / 100), view, image)
            assert 0 <= x and 0 <= y and x + w <= image[0] + 1e-6 and y + h <= image[1] + 1e-6
            assert w / h == pytest.approx(view[0] / view[1], rel=1e-6)
    start = crop(ken_burns(0, 0), view, image)
    end = crop(ken_burns(0, 1), view, image)
    assert end[2] < start[2]  # zooming in shows less of the photo
