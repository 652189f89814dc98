"""The largest figure `kiosk check` accepts (MAX_FIGURE_DIGITS digits, with a unit as long as "million yuan") fits
its card on one line, unclipped, in both languages, on home and in a section, on every supported screen shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.schema import MAX_FIGURE_DIGITS
from kiosk.navigation import Route

from .test_navigation import entered, home

LARGEST = "9" * MAX_FIGURE_DIGITS
UNIT = 'unit = { zh = "万元", en = "million yuan" }'


def largest_figures(content: Path) -> None:
    root = content / "exhibition.toml"
    text = root.read_text(encoding="utf-8")
    text = text.replace('value = { zh = 35, en = 350000 }\nunit = { zh = "万", en = "people" }',
                        f"value = {{ zh = {LARGEST}, en = {LARGEST} }}\n{UNIT}", 1)
    root.write_text(text, encoding="utf-8")
    section = content / "sections" / "develop.toml"
    with_decimals = f"{LARGEST[:-3]}.999\ndecimals = 3"  # the same number of digits, three after the point
    text = section.read_text(encoding="utf-8")
    text = text.replace('value = 12\nunit = { zh = "个", en = "villages" }', f"value = {with_decimals}\n{UNIT}", 1)
    section.write_text(text, encoding="utf-8")


def unclipped(card) -> bool:
    return card.number.sizeHint().width() <= card.number.width() + 1


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_largest_allowed_figure_fits_its_card(qtbot, make_kiosk, content_copy: Path, size) -> None:
    largest_figures(content_copy)
    kiosk = make_kiosk(size=size, content=content_copy)
    assert kiosk.content_dir == content_copy, "the largest figures pass kiosk check"
    card = home(kiosk).figures[0]
    section = entered(qtbot, kiosk, lambda: kiosk.window.navigate(Route("section", "develop")))
    for lang in ("zh", "en"):
        kiosk.window.set_language(lang)
        for shown in (card, section.figures[0]):
            shown.set_language(lang)
            digits = sum(ch.isdigit() for ch in shown.shown_text())
            assert digits == MAX_FIGURE_DIGITS, shown.shown_text()
            assert unclipped(shown), f"{shown.shown_text()} is cut off at {size} in {lang}"


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_section_figures_stand_in_equal_columns(qtbot, make_kiosk, size) -> None:
    """A long English unit ("demonstration sites") once widened its own column and squeezed the card beside it."""
    kiosk = make_kiosk(size=size, lang="en")
    screen = entered(qtbot, kiosk, lambda: kiosk.window.navigate(Route("section", "party")))
    first_row = [card for card in screen.figures if card.y() == screen.figures[0].y()]
    assert len(first_row) > 1
    widths = {card.width() for card in first_row}
    assert max(widths) - min(widths) <= 1, widths


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_long_english_unit_goes_to_the_label_and_the_number_stays_large(qtbot, make_kiosk, size) -> None:
    """"77 demonstration sites" once shrank 77 to half the size of the 50 beside it; now the unit heads the
    label ("demonstration sites for grassroots Party building") and every number of the section is large."""
    kiosk = make_kiosk(size=size, lang="en")
    screen = entered(qtbot, kiosk, lambda: kiosk.window.navigate(Route("section", "party")))
    sizes = [card.number.font().pixelSize() or card.number.font().pointSizeF() for card in screen.figures]
    assert min(sizes) >= 0.8 * max(sizes), sizes
    sites = next(card for card in screen.figures if card.figure.unit.en == "demonstration sites")
    assert sites.label.source() == "demonstration sites for grassroots Party building"
    assert "demonstration sites" not in sites.number.text()
    assert sites.shown_text() == "77 demonstration sites"


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_chinese_unit_with_no_room_beside_its_number_heads_the_label(qtbot, make_kiosk, content_copy: Path,
                                                                       size) -> None:
    """An editor's unit too long to stand after its number even at the number's smallest size ("多万元" grown to a
    phrase) once ran out of its card; it goes to the head of the label, as a long English unit does. A short
    Chinese unit stays after its number."""
    section = content_copy / "sections" / "party.toml"
    long_unit = "多万元让群众的获得感更加充实"
    text = section.read_text(encoding="utf-8")
    assert 'unit = { zh = "多万元"' in text
    section.write_text(text.replace('unit = { zh = "多万元"', f'unit = {{ zh = "{long_unit}"', 1), encoding="utf-8")
    kiosk = make_kiosk(size=size, lang="zh", content=content_copy)
    assert kiosk.content_dir == content_copy
    screen = entered(qtbot, kiosk, lambda: kiosk.window.navigate(Route("section", "party")))
    card = next(card for card in screen.figures if card.figure.unit.zh == long_unit)
    qtbot.waitUntil(lambda: not card.counting(), timeout=5000)
    assert unclipped(card), f"{card.number.sizeHint().width()} > {card.number.width()}"
    assert card.label.source().startswith(long_unit)
    assert long_unit not in card.number.text()
    assert card.shown_text().endswith(long_unit)  # read as a visitor reads it: number, then unit
    short = [c for c in screen.figures if c is not card]
    assert all(c.figure.unit.zh in c.number.text() for c in short)


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_home_figures_numbers_stand_at_one_size(qtbot, make_kiosk, size) -> None:
    """"10 communities" once drew its 10 smaller than the 350,000, 8 and 129 beside it (the long unit shrank it);
    the row takes the smallest size any of its numbers needs, in both languages."""
    kiosk = make_kiosk(size=size, lang="en")
    cards = home(kiosk).figures
    for lang in ("en", "zh"):
        kiosk.window.set_language(lang)
        qtbot.waitUntil(lambda: all(not card.counting() for card in cards), timeout=5000)
        sizes = {card.number.font().pixelSize() or card.number.font().pointSizeF() for card in cards}
        assert len(sizes) == 1, (lang, sizes)
        assert all(unclipped(card) for card in cards)
