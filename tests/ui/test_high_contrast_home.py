"""High contrast on the home screen: the hero photo is covered by opaque black (nothing see-through under the
title), so the photo's caption ("渌口城区风景 · 示意图，非实拍") must go with it: a caption under no picture."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor

from kiosk.navigation import Route
from kiosk.ui import theme as t
from kiosk.ui.panels.home_screen import HomeScreen

from .helpers import settle


def test_high_contrast_shows_no_caption_for_the_hidden_hero_photo(kiosk):
    screen = kiosk.window.screen_for(Route("home"))
    assert isinstance(screen, HomeScreen) and screen.hero_caption.isVisibleTo(screen)
    kiosk.settings.update({"high_contrast": True})
    try:
        settle()
        assert t.high_contrast
        rebuilt = kiosk.window.screen_for(Route("home"))
        assert isinstance(rebuilt, HomeScreen)
        assert not rebuilt.hero_caption.isVisibleTo(rebuilt), "a caption for a photo high contrast hides"
    finally:
        kiosk.settings.update({"high_contrast": False})
        settle()
    again = kiosk.window.screen_for(Route("home"))
    assert isinstance(again, HomeScreen) and again.hero_caption.isVisibleTo(again)


def _card_background(card) -> QColor:
    found = re.search(r"background:\s*([^;]+);", card.styleSheet())
    assert found, card.styleSheet()
    return QColor(found.group(1).strip())


def test_high_contrast_headline_figures_keep_their_cards(kiosk):
    """The figures' cards sit on the hero; there the photo is black in high contrast, and a card as black as
    it left only its accent top edge floating above each number, like a bracket."""
    kiosk.settings.update({"high_contrast": True})
    try:
        settle()
        screen = kiosk.window.screen_for(Route("home"))
        assert isinstance(screen, HomeScreen) and screen.figures
        black = QColor(t.BACKGROUND)
        for card in screen.figures:
            background = _card_background(card)
            assert background.isValid(), card.styleSheet()
            assert background.alpha() == 255, "nothing see-through in high contrast"
            assert background.rgb() != black.rgb(), "a card as black as the screen around it"
    finally:
        kiosk.settings.update({"high_contrast": False})
        settle()


def test_high_contrast_section_figures_are_written_in_the_high_contrast_text_colour(qtbot, kiosk):
    """A section's figure numbers kept its raw accent (the civility section's olive) in high contrast, where
    every other text in a section's accent turns to the light text colour."""
    from .helpers import entered

    kiosk.settings.update({"high_contrast": True})
    try:
        settle()
        for section in kiosk.exhibition.sections:
            screen = entered(qtbot, kiosk, lambda s=section: kiosk.window.navigate(Route("section", s.id)))
            assert screen.figures
            for card in screen.figures:
                shown = card.number.text().lower()
                assert f"color:{t.TEXT.lower()}" in shown and section.accent.lower() not in shown, shown
    finally:
        kiosk.settings.update({"high_contrast": False})
        settle()
