"""No name on the map is ever cut by its edge: a long name (content an editor wrote longer, the narrow map of
portrait accessible mode) wraps onto more lines or is left off while the card names it. In accessible mode the
year chips lie in the reach band without scrolling, landscape as portrait."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem

from kiosk.navigation import Route
from kiosk.ui.panels.map_screen import MapScreen
from kiosk.ui.widgets.chip_button import ChipButton
from kiosk.ui.widgets.map_items import MapLabel, MapMarker

from .helpers import entered
from .test_accessibility import in_reach, in_view, window_rect
from .test_map import open_map
from .test_map_floor import name_on_screen

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import longer_content


def cut_names(screen: MapScreen) -> list[str]:
    """The names drawn on the map that its edge cuts (partly inside the view, partly outside), as the layout
    audit finds them."""
    view = screen.view
    port = QRectF(view.viewport().rect())
    flag = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
    cut = []
    for item in screen._scene.name_items():
        if not item.isVisible() or not (item.flags() & flag) or not item.text():
            continue
        anchor = view.mapFromScene(item.pos())
        box = item.transform().mapRect(item.boundingRect()).translated(anchor.x(), anchor.y())
        if port.intersects(box) and not port.contains(box):
            cut.append(item.text())
    return cut


@pytest.fixture(scope="module")
def longer(tmp_path_factory) -> Path:
    return longer_content.lengthen(longer_content.SHIPPED, tmp_path_factory.mktemp("longer") / "content")


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1080, 1920)])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_long_name_beside_its_open_card_is_never_cut(qtbot, make_kiosk, longer, size, lang):
    kiosk = make_kiosk(size=size, lang=lang, content=longer)
    screen = open_map(qtbot, kiosk)
    assert cut_names(screen) == []
    feature = max(screen._content.features, key=lambda f: len(f.name.get(lang)))
    screen.open_card(feature.id)
    qtbot.waitUntil(lambda: not screen.view.is_moving(), timeout=10000)
    assert cut_names(screen) == []
    screen.close_card()
    assert cut_names(screen) == []


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_in_accessible_mode_no_name_is_cut(qtbot, make_kiosk, size, lang):
    kiosk = in_reach(make_kiosk(size=size, lang=lang))
    screen = entered(qtbot, kiosk, lambda: kiosk.window.navigate(Route("map")))
    assert isinstance(screen, MapScreen)
    assert cut_names(screen) == []
    district = screen._scene.region_label(screen._scene.model.district.code)
    assert district.isVisible()  # wrapped, not left off


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_in_accessible_mode_the_year_chips_are_in_the_band_without_scrolling(qtbot, make_kiosk, size, lang):
    """The chips stand beside the map, whole and inside the band, and the map above them still shows a good part
    of the district."""
    kiosk = in_reach(make_kiosk(size=size, lang=lang))
    window = kiosk.window
    band = window.reach_band()
    screen = entered(qtbot, kiosk, lambda: window.navigate(Route("map")))
    assert isinstance(screen, MapScreen)
    chips = screen.year_bar.findChildren(ChipButton)
    assert chips
    for chip in chips:
        seen = in_view(window, chip)
        assert seen == window_rect(chip), chip.text()  # whole, not scrolled away
        assert band.contains(seen), chip.text()
    assert in_view(window, screen.view).height() >= window.theme.px(200)  # a good part of the district above


def placed_names(screen: MapScreen) -> set[tuple[str, str, int]]:
    """The names on the map: each text, the side of its place it is on, and its number of lines."""
    names = set()
    for item in screen._scene.name_items():
        if item.isVisible() and item.text():
            side = item.name_side() if isinstance(item, MapMarker) else ""
            lines = len(item.lines()) if isinstance(item, MapLabel) else 1
            names.add((item.text(), side, lines))
    return names


def settled_map(qtbot, kiosk) -> MapScreen:
    screen = kiosk.window.current_screen()
    assert isinstance(screen, MapScreen)
    qtbot.waitUntil(lambda: screen.view.camera.width == screen.view.viewport().width()
                    and not screen.view.is_moving(), timeout=10000)
    return screen


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_after_a_resize_the_names_are_those_of_a_fresh_map(qtbot, make_kiosk, lang):
    kiosk = make_kiosk(size=(1080, 1920), lang=lang)
    window = kiosk.window
    open_map(qtbot, kiosk)
    first = placed_names(settled_map(qtbot, kiosk))
    for size in ((1366, 768), (1920, 1080), (1080, 1920)):
        window.resize(*size)
        qtbot.waitUntil(lambda s=size: (window.width(), window.height()) == s, timeout=10000)
        resized = placed_names(settled_map(qtbot, kiosk))
        window.rebuild_screens()  # a map built afresh at this size
        fresh = placed_names(settled_map(qtbot, kiosk))
        assert resized == fresh, size
    assert resized == first


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768), (3840, 2160)])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_whole_district_names_every_town(qtbot, make_kiosk, size, lang):
    kiosk = make_kiosk(size=size, lang=lang)
    screen = open_map(qtbot, kiosk)
    view = QRectF(screen.view.viewport().rect())
    towns = [f.id for f in screen._scene.model.features if f.kind == "town"]
    assert len(towns) >= 5
    for town in towns:
        rect = name_on_screen(screen, town)
        assert rect is not None, town
        assert view.contains(rect), town
    assert cut_names(screen) == []
    district = screen._scene.region_label(screen._scene.model.district.code)
    assert district.isVisible()  # the district keeps its name too
