"""The accessibility rules, checked: contrast of every text/background pair the theme declares (WCAG 2.x), in the
standard and the high-contrast theme, and the arithmetic behind them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.content import load_exhibition
from kiosk.layout.contrast import (
    TextPair,
    is_large,
    luminance,
    min_target_px,
    over,
    parse,
    ratio,
    required_ratio,
)
from kiosk.layout.reach import physical_size_mm
from kiosk.ui import theme as t

# Drawn in their own colours in both themes (the map's cartography, the closed screen's dim clock): checked at
# the standard level in high contrast too. Everything else must reach 7:1 (body) / 4.5:1 (large) there.
OWN_COLOURS = ("map:", "closed:")


@pytest.fixture
def palette(request) -> Iterator[bool]:
    high = request.param
    t.use_palette(high)
    try:
        yield high
    finally:
        t.use_palette(False)


def section_accents() -> tuple[str, ...]:
    exhibition, _ = load_exhibition(paths.default_content_dir())
    return tuple(s.accent for s in exhibition.sections)


def test_the_wcag_arithmetic():
    assert ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert ratio((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)  # the classic #777 on white
    assert luminance((255, 255, 255)) == pytest.approx(1)
    assert parse("rgba(18,22,27,160)") == ((18, 22, 27), pytest.approx(160 / 255))
    assert over("rgba(0,0,0,128)", (255, 255, 255)) == pytest.approx((127.0, 127.0, 127.0), abs=0.5)
    assert is_large(24, bold=True) and not is_large(28, bold=False) and is_large(32, bold=False)
    assert required_ratio(28, False) == 4.5 and required_ratio(40, True) == 3.0
    assert required_ratio(28, False, high_contrast=True) == 7.0


def test_text_over_a_photo_is_checked_against_its_darkest_and_lightest_pixel():
    pair = TextPair("light text, thin scrim", "#F1ECE2", "rgba(18,22,27,60)", 28, backdrop=("#000000", "#FFFFFF"))
    assert max(pair.ratios()) > 10 and pair.worst() < 2 and not pair.passes()


def test_targets_of_9_mm_in_pixels():
    assert min_target_px(1920, 1080, *physical_size_mm(55, 1920, 1080)) == pytest.approx(14.2, abs=0.1)
    assert min_target_px(3840, 2160, *physical_size_mm(65, 3840, 2160)) == pytest.approx(24.0, abs=0.1)


@pytest.mark.parametrize("palette", [False, True], ids=["standard", "high-contrast"], indirect=True)
def test_every_text_colour_the_theme_uses_is_readable_on_its_background(palette):
    pairs = t.text_pairs(section_accents())
    assert len(pairs) > 40
    failures = []
    for pair in pairs:
        high = palette and not pair.role.startswith(OWN_COLOURS)
        if not pair.passes(high):
            failures.append(f"{pair.role}: {pair.text} on {pair.background} is {pair.worst():.2f}:1, "
                            f"needs {pair.required(high)}:1 at {pair.size_px} px{' bold' if pair.bold else ''}")
    assert failures == []


def test_the_high_contrast_theme_is_light_on_black_with_nothing_see_through_over_photos():
    t.use_palette(True)
    try:
        assert t.BACKGROUND == "#000000" and luminance(parse(t.TEXT)[0]) > 0.9
        assert parse(t.SCRIM.format(alpha=120) if "{alpha}" in t.SCRIM else t.SCRIM)[1] == 1.0
        assert t.translucent(t.SHADE, 170).alpha() == 255 and t.translucent(t.BACKGROUND, 90).alpha() == 255
        body = [p for p in t.text_pairs() if not p.role.startswith(OWN_COLOURS) and not is_large(p.size_px, p.bold)]
        assert body and min(p.worst() for p in body) >= 7.0
        assert "rgba(0,0,0,255)" in t.Theme.for_size(1920, 1080, "x").stylesheet()
    finally:
        t.use_palette(False)
    assert t.BACKGROUND == t.STANDARD_PALETTE["BACKGROUND"] and t.translucent(t.SHADE, 170).alpha() == 170


def test_a_colour_lowered_on_purpose_fails_the_check(monkeypatch):
    """The check can fail: a muted grey two steps darker is no longer readable on the bar."""
    monkeypatch.setattr(t, "TEXT_MUTED", "#6A7079")
    failing = [p.role for p in t.text_pairs() if not p.passes()]
    assert "muted on surface (bar title, captions)" in failing


def test_no_widget_sets_its_own_colours_outside_the_theme():
    # the declared pairs are the whole story only while colours live in the theme (test_styling_in_theme.py)
    assert Path(t.__file__).name == "theme.py"


def test_an_accent_too_dark_for_text_is_lifted_just_enough_and_a_light_one_is_left_alone():
    from kiosk.layout.contrast import lifted, parse, ratio

    card = "#1B2129"
    deep_red = "#C0282D"  # 2.76:1 on a card: too dark for even large text
    assert ratio(parse(deep_red)[0], parse(card)[0]) < 3
    red = lifted(deep_red, card, 3.1)
    assert 3.1 <= ratio(parse(red)[0], parse(card)[0]) < 3.3  # just enough: still a red, not a pink
    r, g, b = parse(red)[0]
    assert r > g + 80 and r > b + 80
    assert lifted("#D9702B", card, 3.1) == "#D9702B"
