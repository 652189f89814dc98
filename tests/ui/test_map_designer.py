"""The map as an exhibition designer reviews it, screen by screen: nothing on it that means nothing."""

from __future__ import annotations

from kiosk.ui.widgets.map_legend import LegendSample

from . import touch
from .test_map import open_map, screen_point


def test_a_card_shows_no_swatch_without_the_status_it_stands_for(qtbot, kiosk):
    """A town's, a village's or a river's card has no status: no lone dot or stroke floats under its name; a
    road's card shows its swatch beside its status."""
    screen = open_map(qtbot, kiosk)
    for feature_id, has_status in (("lukou-town", False), ("huachong-village", False), ("s211", True)):
        touch.tap(screen.view.viewport(), screen_point(screen, feature_id))
        qtbot.waitUntil(lambda: screen.card.isVisible())
        assert screen.card.title.text() == kiosk.exhibition.map.feature(feature_id).name.zh
        swatches = [s for s in screen.card.findChildren(LegendSample) if s.isVisible()]
        assert bool(swatches) == has_status, feature_id
        assert screen.card.status.isVisible() == has_status
        touch.tap(screen.card.close_button)
        screen.reset_button.click()  # the whole district again, with the next place in view
        qtbot.waitUntil(lambda: not screen.view.is_moving(), timeout=4000)
