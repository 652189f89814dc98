"""Home tiles as a visitor sees them in either language: the same structure in both (a subtitle shows on a tile
in both languages or in neither, and on all the section tiles or none), and their icons in large-text mode."""

from __future__ import annotations

import pytest

from kiosk.navigation import Route
from kiosk.ui.panels.home_screen import HomeScreen

from . import touch
from .helpers import home, settle
from .test_staff_panel import open_panel, tap_visible

SIZES = [(1920, 1080), (1080, 1920), (1366, 768), (3840, 2160)]


def _structure(screen: HomeScreen) -> list[bool]:
    return [tile.subtitle_shown() for tile in screen.tiles]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_tiles_have_the_same_structure_in_both_languages(qtbot, make_kiosk, size):
    kiosk = make_kiosk(size=size, lang="zh")
    window = kiosk.window
    screen = home(kiosk)
    settle()
    zh = _structure(screen)
    touch.tap(window.bar.en_button)
    qtbot.waitUntil(lambda: window.lang == "en", timeout=3000)
    settle()
    en = _structure(screen)
    assert zh == en, f"subtitles zh {zh} / en {en}"
    sections = [shown for shown, tile in zip(en, screen.tiles, strict=True)
                if any(tile is screen.tile_for(Route("section", s.id)) for s in kiosk.exhibition.sections)]
    assert len(set(sections)) == 1, f"some section tiles have a subtitle, some not: {sections}"
    assert any(en), "the map's and the gallery's tiles keep theirs"
    for tile in screen.tiles:
        assert tile.title_layout()[4], f"{tile.title()!r} is cut"


def test_large_text_keeps_the_tile_icons_and_whole_titles(qtbot, make_kiosk):
    kiosk = make_kiosk(size=(1920, 1080), lang="en")
    assert all(not tile.tile_icon().isNull() for tile in home(kiosk).tiles)
    c = open_panel(qtbot, kiosk)
    page = c.page("settings")
    tap_visible(qtbot, page, page.controls["large_text"])
    c.close()
    settle()
    rebuilt = kiosk.window.screen_for(Route("home"))
    assert isinstance(rebuilt, HomeScreen) and rebuilt.tiles
    for tile in rebuilt.tiles:
        assert not tile.tile_icon().isNull(), f"{tile.title()!r} lost its icon in large text"
        assert tile.title_layout()[4], f"{tile.title()!r} is cut in large text"


def _rows(screen: HomeScreen) -> list[list]:
    rows: dict[int, list] = {}
    for tile in screen.tiles:
        rows.setdefault(tile.y(), []).append(tile)
    return [sorted(row, key=lambda tile: tile.x()) for _, row in sorted(rows.items())]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("accessible", [False, True], ids=["normal", "accessible"])
def test_the_tiles_fill_their_grid_without_an_empty_cell(qtbot, make_kiosk, size, accessible):
    kiosk = make_kiosk(size=size, lang="zh")
    if accessible:
        touch.tap(kiosk.window.bar.reach_button)
        assert kiosk.reach.active
    screen = home(kiosk)
    settle()
    rows = _rows(screen)
    left, right = rows[0][0].geometry().left(), rows[0][-1].geometry().right()
    for row in rows:  # every row runs from the grid's left edge to its right edge: no hole at a row's end
        assert abs(row[0].geometry().left() - left) <= 1 and abs(row[-1].geometry().right() - right) <= 1, \
            [tile.title() for tile in row]


def test_portrait_accessible_titles_are_as_large_as_landscape_ones(qtbot, make_kiosk):
    def title_size(size) -> int:
        kiosk = make_kiosk(size=size, lang="zh")
        touch.tap(kiosk.window.bar.reach_button)
        screen = home(kiosk)
        settle()
        qtbot.waitUntil(lambda: not screen._tiles_pending)
        return screen.tiles[0].title_layout()[1].pixelSize()

    landscape = title_size((1920, 1080))
    assert title_size((1080, 1920)) >= landscape * 0.95


def test_a_language_switch_does_not_lay_every_tile_out_again(qtbot, make_kiosk, monkeypatch):
    """The tiles' title size and subtitles are worked out once for a tile size; switching back and forth reuses it."""
    kiosk = make_kiosk(size=(1920, 1080), lang="zh")
    window = kiosk.window
    screen = home(kiosk)
    for lang in ("en", "zh", "en", "zh"):  # both languages seen at this size (the first switches work it out)
        touch.tap(window.bar.en_button if lang == "en" else window.bar.zh_button)
        qtbot.waitUntil(lambda lang=lang: window.lang == lang, timeout=3000)
        settle()
    calls = []
    real = type(screen.tiles[0]).best_title_size
    monkeypatch.setattr(type(screen.tiles[0]), "best_title_size", lambda tile: calls.append(tile) or real(tile))
    touch.tap(window.bar.en_button)
    qtbot.waitUntil(lambda: window.lang == "en", timeout=3000)
    settle()
    assert calls == []
    for tile in screen.tiles:
        assert tile.title_layout()[4], f"{tile.title()!r} is cut"


def _geometry(screen: HomeScreen) -> list:
    return [screen.hero.geometry(), *(tile.geometry() for tile in screen.tiles)]


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_language_round_trip_gives_the_same_layout(qtbot, make_kiosk, size):
    kiosk = make_kiosk(size=size, lang="zh")
    window = kiosk.window
    screen = home(kiosk)
    settle()
    before = _geometry(screen)
    for button, lang in ((window.bar.en_button, "en"), (window.bar.zh_button, "zh")):
        touch.tap(button)
        qtbot.waitUntil(lambda lang=lang: window.lang == lang, timeout=3000)
        settle()
    assert _geometry(screen) == before
