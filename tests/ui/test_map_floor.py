"""The map on the exhibition floor: towns keep their names when a timeline event is shown on the map, the
neighbours' names keep clear of roads, the legend fits or says it goes on, a flick never ends in an empty
corner, and the year chips sit in the reach band in accessible mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF
from PySide6.QtWidgets import QWidget

from kiosk.geo.labels import segment_crosses
from kiosk.geo.outlines import point_in_ring
from kiosk.ui.layout_tour import relayout
from kiosk.ui.panels.map_screen import MapScreen
from kiosk.ui.widgets.map_items import MapMarker
from kiosk.ui.widgets.more_below import MoreBelow
from kiosk.ui.widgets.touch_scroll import TouchScrollArea

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
    for feature_id in screen.state.highlight:
        marker = screen._scene.name_item(feature_id)
        if isinstance(marker, MapMarker):  # a highlighted place shows, with its ring, even if its name yields
            assert marker.isVisible() and not marker.is_collapsed() and marker.is_highlighted(), feature_id


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


def _column(screen: MapScreen) -> tuple[TouchScrollArea, QWidget | None]:
    """The scrolling side column that holds the legend, and its "more below" fade if it has one."""
    column = screen.legend.parentWidget()
    while not isinstance(column, TouchScrollArea):
        column = column.parentWidget()
    fades = column.findChildren(MoreBelow)
    return column, (fades[0] if fades else None)


def _cut_rows(screen: MapScreen) -> list[str]:
    """The legend's rows not wholly inside the side column's view above its fade (if it shows)."""
    column, fade = _column(screen)
    viewport = column.viewport()
    clear = viewport.rect()
    if fade is not None and fade.isVisible():
        clear.setBottom(fade.geometry().top())
    return [label.text() for label, *_ in screen.legend._rows
            if not clear.contains(QRect(label.mapTo(viewport, QPoint(0, 0)), label.size()))]


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (3840, 2160)])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_legend_fits_or_fades_where_it_goes_on(qtbot, make_kiosk, size, lang):
    kiosk = make_kiosk(size=size, lang=lang)
    relayout(kiosk, *size, large_text=True)
    screen = open_map(qtbot, kiosk)
    column, fade = _column(screen)
    if _cut_rows(screen):  # the column goes on below: its bottom fades, so no row ends sliced without a hint
        assert fade is not None and fade.isVisible()
    bar = column.verticalScrollBar()
    viewport = column.viewport()
    for _ in range(6):  # the visitor drags the column up to its end
        if bar.value() >= bar.maximum():
            break
        touch.drag(viewport, QPoint(viewport.width() // 2, viewport.height() * 3 // 4),
                   QPoint(viewport.width() // 2, viewport.height() // 4), steps=8, step_ms=30, hold=True)
        touch.release(viewport, QPoint(viewport.width() // 2, viewport.height() // 4))
    qtbot.waitUntil(lambda: bar.value() >= bar.maximum() - 2, timeout=5000)
    assert fade is None or not fade.isVisible()
    assert _cut_rows(screen) == []  # at its end, every row shows whole




def crossed_neighbour_names(screen: MapScreen) -> list[str]:
    """The neighbours' names on screen that a drawn road, railway or river runs through."""
    scene, camera = screen._scene, screen.view.camera
    view = QRectF(screen.view.viewport().rect())
    lines = [f for f in scene.shown_features() if f.shape == "line"]
    crossed = []
    for region in scene.model.neighbours:
        label = scene.region_label(region.code)
        if not label.isVisible():
            continue
        rect = label.deviceTransform(screen.view.viewportTransform()).mapRect(label.boundingRect())
        rect = rect.adjusted(2, 2, -2, -2)
        if not view.intersects(rect):
            continue
        box = (rect.left(), rect.top(), rect.right(), rect.bottom())
        for feature in lines:
            points = [camera.to_screen(*p) for p in feature.points]
            if any(segment_crosses(a, b, box) for a, b in zip(points, points[1:], strict=False)):
                crossed.append(f"{label.text()} × {feature.id}")
    return crossed


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768), (3840, 2160)])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_road_or_river_runs_through_a_neighbour_s_name(qtbot, make_kiosk, size, lang):
    kiosk = make_kiosk(size=size, lang=lang)
    screen = open_map(qtbot, kiosk)
    shown = [r for r in screen._scene.model.neighbours if screen._scene.region_label(r.code).isVisible()]
    assert shown  # the neighbours are still named
    assert crossed_neighbour_names(screen) == []
    touch.tap(screen.zoom_in)  # and closer in
    qtbot.waitUntil(lambda: not screen.view.is_moving(), timeout=10000)
    assert crossed_neighbour_names(screen) == []
