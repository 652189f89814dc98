"""Memory the photos hold as a visitor moves about: a screen's big photos are not kept once the visitor is back
home (the home screen shows none from the photo cache), while the small ones stay for a quick return."""

from __future__ import annotations

from kiosk.navigation import Route
from kiosk.ui import image_provider

from . import touch
from .helpers import entered, open_tile


def test_going_home_lets_the_sections_big_photos_go(qtbot, kiosk, monkeypatch):
    section = open_tile(qtbot, kiosk, Route("section", "develop"))
    # The chip of the first topic with a photo scrolls the reading area to it, and it loads
    index = next(i for i, block in enumerate(section.body._blocks[: len(section.chips)]) if block.photos)
    touch.tap(section.chips[index])
    card = section.body._blocks[index].photos[0]
    qtbot.waitUntil(lambda: card.view.loaded, timeout=10_000)
    big = card.view.size()
    assert kiosk.images.best_cached(card._path) is not None  # kept while the visitor is on the section
    # Smaller than one section photo: what home keeps must be the small pictures alone
    monkeypatch.setattr(image_provider, "THUMBNAIL_BYTES", big.width() * big.height() * 4 // 2)
    entered(qtbot, kiosk, lambda: touch.tap(kiosk.window.bar.home_button))
    assert kiosk.navigator.current.screen == "home"
    assert kiosk.images.best_cached(card._path) is None
    assert kiosk.images.memory_bytes <= image_provider.THUMBNAIL_BYTES
