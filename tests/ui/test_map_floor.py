"""The map on the exhibition floor: towns keep their names when a timeline event is shown on the map, the
neighbours' names keep clear of roads, the legend fits or says it goes on, a flick never ends in an empty
corner, and the year chips sit in the reach band in accessible mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF

from kiosk.ui.panels.map_screen import MapScreen
from kiosk.ui.widgets.map_items import MapMarker

from . import touch
from .helpers import entered
from .test_timeline import open_timeline

TOWNS = ("lukou-town", "longchuan-town")


def shown_on_map(qtbot, kiosk, event_id: str) -> MapScreen:
    """From the timeline, as a visitor: tap the event, then its "show on map"."""
    timeline = open_timeline(qtbot, kiosk)
    timeline.open_event(event_id)
    assert timeline.card.map_button.isVisible()
    screen = entered(qtbot, kiosk, lambda: touch.tap(timeline.card.map_button))
    assert isinstance(screen, MapScreen)
    return screen


def name_on_screen(screen: MapScreen, feature_id: str) -> QRectF | None:
    """Where a place's name is drawn in the view, or None when it is not."""
    marker = screen._scene.name_item(feature_id)
    assert isinstance(marker, MapMarker)
    if not marker.isVisible() or marker.is_collapsed() or marker.name_side() == "none":
        return None
    anchor = QPointF(screen.view.mapFromScene(marker.pos()))
    return marker.box(marker.name_side()).translated(anchor)


@pytest.mark.parametrize(("size", "event_id"), [
    ((1920, 1080), "second-ship-lock"), ((1920, 1080), "expressway-railway"), ((1366, 768), "expressway-railway"),
    ((1366, 768), "second-ship-lock"), ((1920, 1080), "provincial-road-s211"),
])
def test_show_on_map_keeps_the_towns_names(qtbot, make_kiosk, size, event_id):
    kiosk = make_kiosk(size=size)
    screen = shown_on_map(qtbot, kiosk, event_id)
    view = QRectF(screen.view.viewport().rect())
    for town in TOWNS:
        rect = name_on_screen(screen, town)
        assert rect is not None, town
        assert view.contains(rect), town
    assert screen.state.highlight  # the event's features are still marked
