"""The layout audit's rules on hand-made records: each rule finds what it is for and nothing else."""

from __future__ import annotations

import pytest

from kiosk.layout.audit import Limits, Record, audit, min_touch_px, summary


def rules(*records: Record, min_touch: float = 14) -> list[str]:
    return [f.key for f in audit(records, Limits(min_touch=min_touch))]


def test_a_text_that_needs_more_room_than_its_box_is_clipped():
    fits = Record("fits", "text", (0, 0, 200, 40), text="Lukou", required=(120, 38))
    short = Record("short", "text", (0, 0, 200, 40), text="Lukou", required=(120, 60))
    narrow = Record("narrow", "text", (0, 0, 100, 40), contents=(10, 0, 80, 40), text="Lukou", required=(95, 30))
    assert rules(fits, short, narrow) == ["clipped:narrow", "clipped:short"]


def test_a_one_line_text_is_judged_by_its_glyphs_not_its_line_height():
    digits = Record("big", "text", (0, 0, 200, 60), text="32", required=(80, 72), ink=(0, 8, 80, 46))
    cut = Record("cut", "text", (0, 0, 200, 60), text="32", required=(80, 72), ink=(0, -6, 80, 60))
    assert rules(digits, cut) == ["clipped:cut"]


def test_a_text_shortened_with_an_ellipsis_is_elided_unless_it_is_the_whole_text():
    cut = Record("bar", "text", (0, 0, 300, 40), text="Higher-Quality Gro…", full_text="Higher-Quality Growth")
    whole = Record("quote", "text", (0, 0, 300, 40), text="And so on…", full_text="And so on…")
    unknown = Record("plain", "text", (0, 0, 300, 40), text="Wait…")
    assert rules(cut, whole, unknown) == ["elided:bar"]


def test_two_tappable_things_that_share_pixels_overlap_but_a_button_on_a_surface_does_not():
    a = Record("a", "button", (0, 0, 100, 100), interactive=True)
    b = Record("b", "button", (90, 0, 100, 100), interactive=True)
    touching = Record("c", "button", (190, 0, 100, 100), interactive=True)
    surface = Record("map", "surface", (0, 0, 1000, 1000), interactive=True)
    part = Record("a/inner", "button", (10, 10, 50, 50), interactive=True, path=("a",))
    assert rules(a, b, touching, surface, part) == ["overlap:a:b"]


def test_only_the_visible_part_of_a_scrolled_card_counts_for_overlap():
    card = Record("card", "button", (0, 900, 400, 300), interactive=True, visible=(0, 900, 400, 100))
    bar = Record("home", "button", (0, 1000, 120, 80), interactive=True)
    assert rules(card, bar) == []


def test_a_floating_control_over_an_important_thing_covers_it():
    zoom = Record("zoom", "button", (900, 100, 80, 80), interactive=True, floating=True)
    label = Record("label", "label", (880, 150, 200, 40), text="Lukou", important=True)
    decoration = Record("line", "widget", (880, 150, 200, 40))
    far = Record("far", "label", (100, 100, 200, 40), text="Far", important=True)
    assert rules(zoom, label, decoration, far) == ["covered:label:zoom"]


def test_a_label_past_the_edge_of_its_area_is_cut_unless_that_area_scrolls():
    inside = Record("in", "label", (10, 10, 100, 30), text="in", bounds=(0, 0, 500, 500))
    past = Record("past", "label", (450, 10, 100, 30), text="past", bounds=(0, 0, 500, 500))
    away = Record("away", "label", (600, 10, 100, 30), text="away", bounds=(0, 0, 500, 500))
    scrolled = Record("scrolled", "label", (450, 10, 100, 30), text="s", bounds=(0, 0, 500, 500), scrolls=True)
    assert rules(inside, past, away, scrolled) == ["cut:past"]


def test_a_tappable_thing_smaller_than_a_fingertip_is_small():
    tiny = Record("tiny", "button", (0, 0, 10, 80), interactive=True)
    fine = Record("fine", "button", (0, 100, 80, 80), interactive=True)
    words = Record("words", "text", (0, 0, 10, 10), text="x")
    assert rules(tiny, fine, words) == ["small:tiny"]


@pytest.mark.parametrize(("scale", "px"), [(1.0, 14.2), (2.0, 28.4), (768 / 1080, 10.1)])
def test_the_fingertip_is_nine_millimetres_on_the_55_inch_reference_panel(scale, px):
    assert min_touch_px(scale) == pytest.approx(px, abs=0.1)


def test_summary_counts_findings_by_rule():
    a = Record("a", "button", (0, 0, 5, 5), interactive=True)
    b = Record("b", "button", (0, 0, 5, 5), interactive=True)
    assert summary(audit([a, b], Limits(min_touch=14))) == {"overlap": 1, "small": 2}
