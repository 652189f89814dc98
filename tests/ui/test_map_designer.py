"""The map as an exhibition designer reviews it, screen by screen: nothing on it that means nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QIcon, QImage, QPixmap

from kiosk.geo.viewport import EDGE_FADE
from kiosk.navigation import Route
from kiosk.ui.layout_tour import relayout
from kiosk.ui.widgets.map_legend import LegendSample

from . import touch
from .test_map import open_map, screen_point
from .test_map_finish import _readable_text_px


def test_a_card_shows_no_swatch_without_the_status_it_stands_for(qtbot, kiosk):
    """A town's, a village's or a river's card has no status: no lone dot or stroke floats under its name; a
    road's card shows its swatch beside its status."""
    screen = open_map(qtbot, kiosk)
    for feature_id, has_status in (("lukou-town", False), ("huachong-village", False), ("s211", True)):
        touch.tap(screen.view.viewport(), screen_point(screen, feature_id))
        qtbot.waitUntil(lambda: screen.card.isVisible())
        assert screen.card.title.source() == kiosk.exhibition.map.feature(feature_id).name.zh
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


def _dot_width(image: QImage, x: int, y: int) -> int:
    """The width of the bright dot through (x, y) along its row."""
    def bright(i: int) -> bool:
        return 0 <= i < image.width() and QColor(image.pixel(i, y)).lightness() > 200

    assert bright(x), "no bright dot there"
    left = right = x
    while bright(left - 1):
        left -= 1
    while bright(right + 1):
        right += 1
    return right - left + 1


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)])
def test_the_legend_shows_towns_and_villages_with_the_map_s_own_dots(qtbot, make_kiosk, size):
    """A town's dot and a village's smaller one, each in the legend at the very size the map draws it."""
    kiosk = make_kiosk(size=size)
    screen = open_map(qtbot, kiosk)
    # one step closer in, where the villages have room for their names beside the towns' (a dot without its name
    # is not drawn)
    touch.tap(screen.zoom_in)
    qtbot.waitUntil(lambda: not screen.view.is_moving(), timeout=10000)
    shot = screen.view.viewport().grab().toImage()
    def named(kind: str) -> str:  # a place of this kind drawn with its dot and name in the view
        view = screen.view.viewport().rect().adjusted(20, 20, -20, -20)
        return next(f.id for f in screen._scene.model.features if f.kind == kind
                    and screen._scene.name_item(f.id).isVisible() and not screen._scene.name_item(f.id).is_collapsed()
                    and view.contains(screen_point(screen, f.id)))

    for kind, feature_id in (("town", named("town")), ("village", named("village"))):
        swatch = next((s for s in screen.legend.findChildren(LegendSample) if s._kind == kind), None)
        assert swatch is not None, f"no {kind} in the legend"
        image = swatch.grab().toImage()
        in_legend = _dot_width(image, image.width() // 2, image.height() // 2)
        point = screen_point(screen, feature_id)
        on_map = _dot_width(shot, point.x(), point.y())
        assert abs(in_legend - on_map) <= 1, (kind, in_legend, on_map)
    texts = {label.text() for label, *_ in screen.legend._rows}
    assert {"镇", "村"} <= texts


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_a_chosen_zone_is_brought_close_enough_to_show_around_its_name(qtbot, make_kiosk, size):
    """A zone is a speck at the whole-district view, hidden under its own name; tapped, the map zooms in until
    its outline (and the selection's glow) shows around the name, beside the card."""
    kiosk = make_kiosk(size=size, lang="en")
    screen = open_map(qtbot, kiosk)
    zone = screen._scene.model.feature("zhushan-agri-park")
    left, top, right, bottom = zone.bounds()
    x, y = screen.view.camera.to_screen(right - (right - left) * 0.15, zone.anchor[1])  # inside, away from S211
    touch.tap(screen.view.viewport(), QPoint(round(x), round(y)))
    qtbot.waitUntil(lambda: screen.card.isVisible())
    assert screen.card.title.source() == "Zhushan Modern Agricultural Industrial Park"
    qtbot.waitUntil(lambda: not screen.view.is_moving(), timeout=4000)
    camera = screen.view.camera
    (x0, y0), (x1, y1) = camera.to_screen(left, top), camera.to_screen(right, bottom)
    name = screen._scene.name_item("zhushan-agri-park").boundingRect()
    # about as wide as its name (the zone keeps some of its surroundings beside it), and well taller
    assert x1 - x0 >= 0.9 * name.width() and y1 - y0 >= 2 * name.height(), ((x1 - x0, y1 - y0), name)
    card = screen.card.geometry().translated(-screen.view.x(), -screen.view.y())
    assert not card.intersects(QRect(int(x0), int(y0), int(x1 - x0), int(y1 - y0)))
    assert 0 <= x0 and 0 <= y0 and x1 <= camera.width and y1 <= camera.height


def _icon_pixels(chip) -> list[QColor]:
    """The pixels the chip's icon changes: the chip drawn with its icon and with a blank one of its size."""
    with_icon = chip.grab().toImage()
    saved = chip.icon()
    blank = QPixmap(chip.iconSize())
    blank.fill(Qt.GlobalColor.transparent)
    chip.setIcon(QIcon(blank))
    without = chip.grab().toImage()
    chip.setIcon(saved)
    return [QColor(with_icon.pixel(x, y)) for y in range(with_icon.height()) for x in range(with_icon.width())
            if with_icon.pixel(x, y) != without.pixel(x, y)]


@pytest.mark.parametrize("high_contrast", [False, True])
def test_a_layer_switch_s_icon_stands_out_from_its_chip_on_and_off(qtbot, make_kiosk, high_contrast):
    """In the high-contrast theme a chosen chip is filled with the text colour: its icon, drawn in that same
    colour, vanished. Chosen or not, the icon takes the colour of the chip's words."""
    kiosk = make_kiosk()
    kiosk.settings.update({"high_contrast": high_contrast})
    try:
        screen = open_map(qtbot, kiosk)
        chip = next(iter(screen.toggles.buttons.values()))
        for checked in (True, False):
            chip.setChecked(checked)
            fill = QColor(chip.grab().toImage().pixel(chip.width() // 2, 3))  # the chip's own ground, above its words
            pixels = _icon_pixels(chip)
            assert len(pixels) > 40, (checked, len(pixels))  # an icon is drawn, not a blank
            far = sum(1 for c in pixels if abs(c.lightness() - fill.lightness()) > 100)
            assert far >= len(pixels) // 3, (checked, far, len(pixels), fill.name())
    finally:
        kiosk.settings.update({"high_contrast": False})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_in_portrait_an_open_card_leaves_the_map_a_third_of_its_height(qtbot, make_kiosk, lang):
    """Under the map the card grows with its text, but in large text it took four fifths of the map and left a
    strip; the map keeps at least a third, and the card's text scrolls (test_map_finish checks that a card shows
    lines of it before any scrolling)."""
    kiosk = make_kiosk(size=(1080, 1920), lang=lang)
    relayout(kiosk, 1080, 1920, large_text=True)
    screen = open_map(qtbot, kiosk)
    zone = screen._scene.model.feature("zhushan-agri-park")
    left, top, right, bottom = zone.bounds()
    x, y = screen.view.camera.to_screen(right - (right - left) * 0.15, zone.anchor[1])
    touch.tap(screen.view.viewport(), QPoint(round(x), round(y)))
    qtbot.waitUntil(lambda: screen.card.isVisible())
    view = screen.view.geometry()
    above = screen.card.geometry().top() - view.top()
    assert above >= view.height() / 3, (above, view.height())
    assert _readable_text_px(screen) > 0  # its sentences begin on the card, the fade saying more lies below
    assert screen.card.more_below.isVisible() or _readable_text_px(screen) >= screen.card.text.height()


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080), (1366, 768)])
def test_a_map_opened_on_a_timeline_event_shows_ground_not_the_margin_past_it(qtbot, make_kiosk, size):
    """The 2004 event's expressway and railway lie near the north of the map's ground; framed on them, a tall
    view showed an empty faded band above the ground. The view slides onto the ground, the features still in it."""
    kiosk = make_kiosk(size=size)
    event = next(e for e in kiosk.exhibition.timeline.events if "zhegan-railway" in e.map_features)
    screen = open_map(qtbot, kiosk, Route("map", event.id))
    frame = screen._scene.model.frame
    fade = min(frame[2] - frame[0], frame[3] - frame[1]) * EDGE_FADE
    camera = screen.view.camera
    left, top, right, bottom = camera.visible_box()
    # down onto the ground as far as the features allow (they keep a margin of air above them)
    highest = min(screen._scene.model.feature(f).bounds()[1] for f in event.map_features)
    allowed = min(frame[1] + fade, highest - screen._theme.px(60) / camera.scale)
    assert top >= allowed - 0.01, (top, allowed)
    for feature_id in event.map_features:
        f_left, f_top, f_right, f_bottom = screen._scene.model.feature(feature_id).bounds()
        assert left <= f_left and f_right <= right and top <= f_top and f_bottom <= bottom, feature_id


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)])
def test_the_chosen_place_stays_on_the_map_when_its_long_name_has_no_room(qtbot, make_kiosk, size):
    """In English and large text the ship lock's name is longer than the map left of its card; the marker used to
    vanish whole (a name is never cut), so the chosen place was nowhere. It stays, its name on whichever side
    has room, or else its symbol alone, ringed as chosen."""
    kiosk = make_kiosk(size=size, lang="en")
    relayout(kiosk, *size, large_text=True)
    screen = open_map(qtbot, kiosk)
    touch.tap(screen.view.viewport(), screen_point(screen, "ship-lock-2"))
    qtbot.waitUntil(lambda: screen.card.isVisible())
    qtbot.waitUntil(lambda: not screen.view.is_moving(), timeout=4000)
    marker = screen._scene.name_item("ship-lock-2")
    assert marker.isVisible()
    rect = marker.deviceTransform(screen.view.viewportTransform()).mapRect(marker.boundingRect())
    card = screen.card.geometry().translated(-screen.view.x(), -screen.view.y())
    clear = QRectF(screen.view.viewport().rect())
    clear.setRight(card.left())
    assert clear.contains(rect), (rect, clear)


def test_the_year_note_reads_as_english_for_a_decade(qtbot, make_kiosk):
    """The 1990s chip said "what the source dates to 1990s or earlier"; a decade takes its article."""
    kiosk = make_kiosk(lang="en")
    screen = open_map(qtbot, kiosk)
    chip = screen.year_bar.chips[0]
    assert chip.text() == "1990s"
    touch.tap(chip)
    assert "dates to the 1990s or earlier" in screen.year_bar.note.text()
    touch.tap(screen.year_bar.chips[1])
    assert "dates to 2004 or earlier" in screen.year_bar.note.text()


def test_in_portrait_a_short_card_covers_no_more_map_than_its_words_need(qtbot, make_kiosk):
    """A town's card has two lines of text; under the map it took half the map, mostly empty."""
    kiosk = make_kiosk(size=(1080, 1920))
    screen = open_map(qtbot, kiosk)
    touch.tap(screen.view.viewport(), screen_point(screen, "lukou-town"))
    qtbot.waitUntil(lambda: screen.card.isVisible())
    view = screen.view.geometry()
    assert screen.card.height() <= screen.card.wanted_height(view.width()) + 2
    assert screen.card.height() < view.height() * 0.5
