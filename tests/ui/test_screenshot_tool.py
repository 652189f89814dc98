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
