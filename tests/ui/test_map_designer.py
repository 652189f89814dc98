"""The map as an exhibition designer reviews it, screen by screen: nothing on it that means nothing."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF

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


def test_a_long_name_of_several_words_goes_on_two_lines_near_its_place(qtbot, make_kiosk):
    """In English a zone's name of five words would span most of the map; it goes on two balanced lines, every
    word kept, centred on its zone."""
    kiosk = make_kiosk(lang="en")
    screen = open_map(qtbot, kiosk)
    label = screen._scene.name_item("zhushan-agri-park")
    assert label.isVisible()
    lines = label.lines()
    assert len(lines) == 2 and " ".join(lines) == label.text() == "Zhushan Modern Agricultural Industrial Park"
    width = label.boundingRect().width()
    full = QFontMetricsF(label._font).horizontalAdvance(label.text())
    assert width < full * 0.75, (width, full)
    # a short name stays on one line, and Chinese names (no spaces) are never broken
    assert screen._scene.name_item("lu-river").lines() == ["Lu River (Lushui)"]
    screen.set_language("zh")
    assert screen._scene.name_item("zhushan-agri-park").lines() == ["朱善现代农业产业园"]
