"""tools/screenshot.py grabs screens as a visitor reads them once they have come to rest: the README's
screenshot set (docs/screens) must never show a headline figure half-way through its count-up (a false fact)."""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk.ui.widgets.figure_card import FigureCard

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import screenshot


def test_a_grab_waits_for_the_headline_figures_to_finish_counting(kiosk):
    cards = [c for c in kiosk.window.current_screen().findChildren(FigureCard) if c.isVisible()]
    assert cards, "the home screen shows its headline figures"
    for card in cards:
        card.count_up()  # as on entering the screen
    screenshot.grab(kiosk)
    lang = kiosk.window.lang
    for card in cards:
        final = card.figure.format_number(lang)
        assert final in card.number.text(), f"grabbed mid count-up: {card.number.text()!r}, not {final}"


def test_content_names_the_folder_toured_and_a_broken_one_stops_the_tour(qtbot, tmp_path):
    """`--content DIR` tours that folder; one that cannot be shown stops the tool rather than touring the bundled
    exhibition under its name."""
    import longer_content
    import pytest

    folder = longer_content.lengthen(longer_content.SHIPPED, tmp_path / "longer", paragraphs=0)
    with screenshot.tour_kiosk("en", (1366, 768), folder) as kiosk:
        assert kiosk.content_dir == folder
    (tmp_path / "broken").mkdir()
    with pytest.raises(SystemExit, match="cannot be shown"), screenshot.tour_kiosk("en", (1366, 768),
                                                                                  tmp_path / "broken"):
        pass
