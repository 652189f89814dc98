"""A flick with a feature's card open keeps some of the district beside the card: a drag the moment a card
opened at 1366×768 threw the district under the card and left the map beside it empty."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from kiosk.navigation import Route
from kiosk.ui.panels.map_screen import MapScreen

from . import touch
from .helpers import entered


@pytest.mark.parametrize("size", [(1366, 768), (1080, 1920)])
def test_a_flick_with_a_card_open_leaves_some_of_the_district_beside_the_card(qtbot, make_kiosk, size):
    kiosk = make_kiosk(size=size)
    screen = entered(qtbot, kiosk, lambda: kiosk.window.navigate(Route("map")))
    assert isinstance(screen, MapScreen)
    view = screen.view
    portrait = kiosk.window.theme.portrait
    screen.open_card("zhegan-railway")
    centre = view.rect().center()
    away = QPoint(0, 400) if portrait else QPoint(300, 0)  # towards the card
    for _ in range(3):  # the keep-in-view glide cut short, then the map thrown under the card
        touch.drag(view, centre, centre + away, steps=5, step_ms=5)
    qtbot.waitUntil(lambda: not view.is_moving(), timeout=6000)
    card = screen.card.geometry().translated(-view.x(), -view.y())
    camera = view.camera
    clear_right = camera.width if portrait else card.left()
    clear_bottom = card.top() if portrait else camera.height
    district = screen._scene.model.district
    outline = [camera.to_screen(*point) for polygon in district.polygons for point in polygon[0]]
    beside = [(x, y) for x, y in outline if 0 <= x < clear_right and 0 <= y < clear_bottom]
    assert beside, "the district lies wholly under the card or off the map"
