"""The map as a designer checks it: the boundary is no road, controls keep off the map, every dot is named,
names stay inside, and a map opened from the timeline can always go back to the whole district."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtWidgets import QLabel

from kiosk.layout.audit import Limits, audit
from kiosk.navigation import Route
from kiosk.ui import theme as t
from kiosk.ui.layout_probe import collect
from kiosk.ui.layout_tour import relayout
from kiosk.ui.widgets import map_style as style
from kiosk.ui.widgets.map_items import MapMarker

from . import touch
from .test_map import open_map


def test_the_boundary_has_its_own_colour_and_a_row_in_the_legend(qtbot, make_kiosk):
    assert style.DISTRICT_EDGE not in style.KIND_COLOURS.values()
    assert style.DISTRICT_EDGE not in style.STATUS_COLOURS.values()
    kiosk = make_kiosk(lang="en")
    screen = open_map(qtbot, kiosk)
    texts = {label.text() for label in screen.legend.findChildren(QLabel)}
    assert {"District boundary", "Status", "Lines and places"} <= texts


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768)])
def test_the_controls_keep_off_the_map_and_its_open_card(qtbot, make_kiosk, size):
    kiosk = make_kiosk(size=size)
    screen = open_map(qtbot, kiosk)
    screen.open_card("ship-lock-2")
    view = screen.view.geometry()
    for control in (screen.zoom_in, screen.zoom_out, screen.reset_button, screen.compass, screen.scale_bar):
        assert not view.intersects(control.geometry()), control
    qtbot.waitUntil(lambda: not screen.view.is_moving(), timeout=4000)
    x, y = screen.view.camera.to_screen(*screen._scene.model.feature("ship-lock-2").anchor)
    card = screen.card.geometry().translated(-view.x(), -view.y())
    assert QRect(0, 0, view.width(), view.height()).contains(int(x), int(y)) and not card.contains(int(x), int(y))


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_no_dot_without_its_name_and_no_name_cut_by_the_edge(qtbot, make_kiosk, size):
    kiosk = make_kiosk(size=size, lang="en")
    screen = open_map(qtbot, kiosk)
    scene = screen._scene
    for item in scene.name_items():
        if isinstance(item, MapMarker) and item.isVisible():
            assert not (item.is_collapsed() and item.is_dot()), item.text()
    records = [r for r in collect(kiosk.window) if r.kind == "label"]
    assert len(records) > 5
    assert [f.key for f in audit(records, Limits()) if f.rule == "cut"] == []
    screen.view.zoom_by(2.5, QPointF(0, 0), animate=False)  # names pushed to the top-left edge
    screen._keep_names_inside()
    records = [r for r in collect(kiosk.window) if r.kind == "label"]
    assert [f.key for f in audit(records, Limits()) if f.rule == "cut"] == []


def test_reset_and_the_closed_banner_show_the_whole_district(qtbot, kiosk):
    event = next(e for e in kiosk.exhibition.timeline.events if "s333" in e.map_features)
    screen = open_map(qtbot, kiosk, Route("map", event.id))
    district = screen._district_view()
    assert screen.view.camera.scale > district.scale * 1.2  # opened close on the event's features
    touch.tap(screen.reset_button)
    qtbot.waitUntil(lambda: screen.view.camera.scale == pytest.approx(district.scale), timeout=3000)
    assert screen.state.highlight  # the event's features stay marked until its note is closed
    assert screen.banner.isVisible() and screen.banner_close.isVisible()
    target = kiosk.window.theme.px(t.TOUCH_TARGET)
    assert min(screen.banner_close.width(), screen.banner_close.height()) >= target
    touch.tap(screen.banner_close)
    assert not screen.banner.isVisible() and not screen.banner_close.isVisible()
    assert screen.state.highlight == frozenset()
    # the map grew into the note's room: the whole district, fitted to it
    qtbot.waitUntil(lambda: screen.view.camera.scale == pytest.approx(screen._district_view().scale), timeout=3000)
    screen.reset()  # the next visitor finds the map as the timeline left it again
    assert screen.banner.isVisible() and screen.state.highlight


def test_the_schematic_note_keeps_its_last_word_whole():
    from kiosk.ui.panels.map_screen import keep_together

    shown = keep_together("区界为真实边界；道路、设施等位置为示意")
    assert shown.replace("\u2060", "") == "区界为真实边界；道路、设施等位置为示意"
    assert "示\u2060意" in shown


def test_symbols_without_their_names_never_pile_up(qtbot, make_kiosk):
    kiosk = make_kiosk(size=(1366, 768))
    screen = open_map(qtbot, kiosk)
    view = screen.view
    boxes = []
    for item in screen._scene.name_items():
        if isinstance(item, MapMarker) and item.isVisible() and item.is_collapsed():
            at = view.mapFromScene(item.pos())
            boxes.append(item.boundingRect().translated(at.x(), at.y()))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.intersects(b), (a, b)


def _readable_text_px(screen) -> int:
    """How many pixels of the card's sentences a visitor reads without scrolling: the part of the text inside the
    card's scroll area, above its fade."""
    card = screen.card
    viewport = card.scroll.viewport()
    top_left = card.text.mapTo(viewport, QPoint(0, 0))
    visible_bottom = viewport.height()
    if card.more_below.isVisible():
        visible_bottom = card.more_below.geometry().top()
    return max(0, min(visible_bottom, top_left.y() + card.text.height()) - max(0, top_left.y()))


@pytest.mark.parametrize("size,large", [((1080, 1920), True), ((1920, 1080), True), ((1080, 1920), False)])
def test_an_open_card_shows_lines_of_its_text_before_any_scrolling(qtbot, make_kiosk, size, large):
    kiosk = make_kiosk(size=size)
    if large:
        relayout(kiosk, *size, large_text=True)
    screen = open_map(qtbot, kiosk)
    screen.open_card("ship-lock-2")
    qtbot.waitUntil(lambda: not screen.view.is_moving(), timeout=4000)
    line = screen.card.text.fontMetrics().lineSpacing()
    assert _readable_text_px(screen) >= min(3 * line, screen.card.text.height())


ROAD_KINDS = ("expressway", "express_highway", "railway", "trunk_road", "road")


def test_a_line_s_colour_is_its_status_and_its_kind_shows_by_width_and_pattern():
    """The legend's swatches are drawn with the map's pens: whatever colour a kind's swatch has must be the colour
    the map gives that kind in some status (no yellow swatch for an expressway drawn green), and two kinds must
    differ in more than colour, so 高速公路 and 快速公路, 公路 and 道路 can be told apart."""
    px = lambda v: v  # noqa: E731 - reference pixels
    for kind in ROAD_KINDS:
        for status in style.STATUS_ORDER:
            colours = {pen.color().name().lower() for pen in style.line_pens(kind, status, px)}
            colours.discard(style.CASING.lower())
            assert colours == {style.status_colour(status).name().lower()}, (kind, status, colours)

    def shape(kind: str) -> tuple:
        return tuple((round(pen.widthF(), 2), tuple(pen.dashPattern()) if pen.style() != Qt.PenStyle.SolidLine
                      else ()) for pen in style.line_pens(kind, "built", px))

    shapes = {kind: shape(kind) for kind in ROAD_KINDS}
    assert len(set(shapes.values())) == len(ROAD_KINDS), shapes
    # the thinnest line that shows is the local road's, clearly thinner than a 公路's
    main = {kind: max(pen.widthF() for pen in style.line_pens(kind, "built", px)[1:]) for kind in ROAD_KINDS}
    assert main["road"] <= main["trunk_road"] * 0.7


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768)])
def test_the_credit_breaks_between_its_phrases(qtbot, make_kiosk, size):
    kiosk = make_kiosk(size=size)
    screen = open_map(qtbot, kiosk)
    for lang in ("zh", "en"):
        screen.set_language(lang)
        # set for the width the layout gives it (a label starts narrow)
        qtbot.waitUntil(lambda: 0 < len(screen.credit.lines()) <= 2, timeout=3000)
        lines = screen.credit.lines()
        assert "".join(lines).replace(" ", "") == screen.credit.source().replace(" ", "")
        assert all(len(line.strip()) >= 4 for line in lines), lines  # no 坐标 alone on a line
        assert len(lines) <= 2, lines
