"""The map on the exhibition floor: towns keep their names when a timeline event is shown on the map, the
neighbours' names keep clear of roads, the legend fits or says it goes on, a flick never ends in an empty
corner, and the year chips sit in the reach band in accessible mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF

from kiosk.geo.outlines import point_in_ring
from kiosk.ui.panels.map_screen import MapScreen
from kiosk.ui.widgets.map_items import MapMarker

from . import touch
from .helpers import entered
from .test_map import open_map
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


def district_in_view(screen: MapScreen, margin_px: float) -> bool:
    """Some of the district itself (inside its outline) lies in the view, at least `margin_px` from its edges."""
    camera = screen.view.camera
    rings = [polygon[0] for polygon in screen._scene.model.district.polygons]
    steps = 24
    for i in range(steps + 1):
        for j in range(steps + 1):
            sx = margin_px + (camera.width - 2 * margin_px) * i / steps
            sy = margin_px + (camera.height - 2 * margin_px) * j / steps
            if any(point_in_ring(camera.to_map(sx, sy), ring) for ring in rings):
                return True
    return False


@pytest.mark.parametrize("direction", [(1, 1), (-1, -1), (1, -1), (-1, 1)])
def test_a_flick_at_high_zoom_ends_with_the_district_in_view(qtbot, make_kiosk, direction):
    kiosk = make_kiosk()
    screen = open_map(qtbot, kiosk)
    for _ in range(4):  # zoomed in close, as a visitor does with the + button
        touch.tap(screen.zoom_in)
        qtbot.waitUntil(lambda: not screen.view.is_moving(), timeout=10000)
    assert screen.view.camera.scale > screen._district_view().scale * 10
    view = screen.view.viewport()
    mid = QPoint(view.width() // 2, view.height() // 2)
    throw = QPoint(direction[0] * view.width() // 3, direction[1] * view.height() // 3)
    for _ in range(8):
        touch.drag(view, mid - throw / 2, mid + throw / 2, steps=4, step_ms=8)
        qtbot.waitUntil(lambda: not screen.view.is_moving(), timeout=10000)
    assert district_in_view(screen, kiosk.window.theme.px(80))
