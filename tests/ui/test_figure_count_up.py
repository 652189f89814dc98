"""A headline figure counts up from zero with its unit beside it in every frame: a visitor never sees "35" without
its "万", whatever language the card was in before. The count-up is driven frame by frame on the animation's own
clock (`setCurrentTime`), so nothing depends on how fast the machine is."""

from __future__ import annotations

import html

import pytest

from kiosk.ui import theme as t
from kiosk.ui.widgets.figure_card import FigureCard

from .helpers import plain


def frames(card: FigureCard) -> list[str]:
    """The number's text at every 16 ms of its count-up, and at its end."""
    card.count_up()
    animation = card._animation
    animation.pause()  # the test's clock, not the machine's, moves it on
    out = []
    for ms in [*range(0, t.COUNT_UP_MS, 16), t.COUNT_UP_MS]:
        animation.setCurrentTime(ms)
        out.append(html.unescape(plain(card.number)))
    animation.stop()
    return out


def unit_shown(card: FigureCard, lang: str) -> bool:
    return not (lang == "en" and card._unit_below)  # a long English unit heads the label instead


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_frame_of_the_count_up_shows_the_unit(kiosk, lang):
    cards = [card for card in kiosk.window.findChildren(FigureCard)]
    assert cards
    for card in cards:
        card.set_language(lang)
        unit = card.figure.unit.get(lang)
        for text in frames(card):
            if unit_shown(card, lang):
                assert text.endswith(unit), f"a frame of {card.figure.label.get(lang)!r} without its unit: {text!r}"
            else:
                assert unit in plain(card.label)


def test_a_card_back_in_chinese_shows_its_unit_after_an_english_unit_went_below(kiosk):
    """A narrow card in English moves a long unit to its label; switched back to Chinese (as on returning home),
    the Chinese unit stands after the number again, from the first frame."""
    window = kiosk.window
    moved = 0
    for figure in {card.figure.label.zh: card.figure for card in window.findChildren(FigureCard)}.values():
        card = FigureCard(window.theme, figure, t.ACCENT_DEFAULT)
        for width in range(window.theme.px(160), window.theme.px(640), window.theme.px(16)):
            card.set_language("en")
            card.resize(width, window.theme.px(200))
            if not card._unit_below:
                continue
            moved += 1
            card.set_language("zh")
            shown = html.unescape(plain(card.number))
            assert shown.endswith(figure.unit.zh), f"{shown!r} without its unit {figure.unit.zh!r} at {width} px"
            assert all(text.endswith(figure.unit.zh) for text in frames(card))
        card.deleteLater()
    assert moved, "the test needs an English unit moved below its number"
