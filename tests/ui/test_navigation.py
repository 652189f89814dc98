"""A visitor moves through the exhibition by mouse and by touch: tiles, Home/Back, swipes between sections."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from kiosk.navigation import Route
from kiosk.ui.panels.intro_screen import IntroScreen
from kiosk.ui.panels.section_screen import SectionScreen

from . import touch
from .helpers import entered, home, plain, settle


def test_home_shows_the_exhibition(kiosk):
    ex = kiosk.exhibition
    screen = home(kiosk)
    assert plain(screen.title_label) == ex.title.zh
    assert screen.subtitle_label.text() == ex.subtitle.zh
    assert "2018年12月18日" in screen.date_label.text()
    assert [c.shown_text() for c in screen.figures] == [
        f"{f.format_number('zh')}{f.unit.zh}" for f in ex.headline_figures
    ]
    section_tiles = screen.tiles[: len(ex.sections)]  # the sections come first, then timeline, map, gallery
    assert [tile.title() for tile in section_tiles] == [s.title.zh for s in ex.sections]
    assert all(tile.isVisible() and tile.height() >= 60 and tile.width() >= 60 for tile in screen.tiles)
    assert kiosk.window.bar.home_button.isEnabled() is False


def test_the_big_title_is_really_drawn(kiosk):
    """Large glyphs go through a different path in Qt's rasteriser: make sure the title is not blank."""
    label = home(kiosk).title_label
    image = label.grab().toImage()
    light = sum(
        1
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
        if image.pixelColor(x, y).lightness() > 200
    )
    assert light > 200, "the title's glyphs did not render"


def test_every_section_opens_from_its_tile_by_mouse(qtbot, kiosk):
    for index, section in enumerate(kiosk.exhibition.sections):
        tile = home(kiosk).tiles[index]
        screen = entered(qtbot, kiosk, lambda t=tile: qtbot.mouseClick(t, Qt.MouseButton.LeftButton))
        assert isinstance(screen, SectionScreen)
        assert screen.title.source() == section.title.zh
        assert screen.lead.source() == section.lead.zh
        assert [chip.text() for chip in screen.chips] == [topic.title.zh for topic in section.topics]
        assert kiosk.window.bar.place() == section.title.zh
        entered(qtbot, kiosk, lambda: qtbot.mouseClick(kiosk.window.bar.home_button, Qt.MouseButton.LeftButton))
        assert kiosk.window.current_screen() is home(kiosk)


def test_a_touch_on_a_tile_opens_its_section_exactly_once(qtbot, kiosk):
    transitions = []
    kiosk.navigator.subscribe(transitions.append)
    tile = home(kiosk).tiles[1]
    screen = entered(qtbot, kiosk, lambda: touch.tap(tile))
    assert isinstance(screen, SectionScreen) and screen.section.id == kiosk.exhibition.sections[1].id
    settle()
    assert len(transitions) == 1  # the touch was not also delivered as a mouse click


def test_back_returns_and_home_resets(qtbot, kiosk):
    window = kiosk.window
    entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).intro_button))
    assert isinstance(window.current_screen(), IntroScreen)
    assert window.bar.back_button.isEnabled()
    entered(qtbot, kiosk, lambda: touch.tap(window.bar.back_button))
    assert window.current_screen() is home(kiosk)
    assert not window.bar.back_button.isEnabled()


def test_swipes_move_between_sections(qtbot, kiosk):
    sections = kiosk.exhibition.sections
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[0]))
    # finger right-to-left over the body text: the next section
    screen = entered(qtbot, kiosk, lambda: touch.swipe(screen.body.viewport(), -500))
    assert screen.section.id == sections[1].id
    # ... and over the side panel with the title
    screen = entered(qtbot, kiosk, lambda: touch.swipe(screen.side.viewport(), -500))
    assert screen.section.id == sections[2].id
    # left-to-right: back to the previous one
    screen = entered(qtbot, kiosk, lambda: touch.swipe(screen.body.viewport(), 500))
    assert screen.section.id == sections[1].id


def test_no_swipe_past_the_last_section(qtbot, kiosk):
    last = len(kiosk.exhibition.sections) - 1
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[last]))
    route = kiosk.navigator.current
    touch.swipe(screen.body.viewport(), -500)
    settle()
    assert kiosk.navigator.current == route and kiosk.window.current_screen() is screen


def test_vertical_drag_scrolls_the_body_and_keeps_the_section(qtbot, kiosk):
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[0]))
    bar = screen.body.verticalScrollBar()
    assert bar.maximum() > 0
    viewport = screen.body.viewport()
    start = QPoint(viewport.width() // 2, viewport.height() - 40)
    touch.drag(viewport, start, start - QPoint(0, 400), steps=10, step_ms=15)
    assert bar.value() >= 350  # followed the finger (the glide may add more)
    assert kiosk.window.current_screen() is screen


def test_a_chip_shows_feedback_at_once_and_scrolls_to_its_topic(qtbot, kiosk):
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[0]))
    chip = screen.chips[-1]

    touch.press(chip)
    assert chip.isDown()  # pressed look before the finger lifts
    touch.release(chip)
    last_topic = screen.section.topics[-1].id
    qtbot.waitUntil(lambda: screen.body.heading_visible(last_topic), timeout=3000)
    assert screen.body.verticalScrollBar().value() > 0


def test_key_figures_count_up_to_their_value(qtbot, kiosk):
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[1]))
    card = max(screen.figures, key=lambda c: c.figure.number("zh"))
    final = card.figure.format_number("zh")
    qtbot.waitUntil(lambda: final in card.number.text(), timeout=3000)
    assert card.figure.unit.zh in card.number.text()


def test_section_photos_load_with_captions(qtbot, kiosk):
    section = next(s for s in kiosk.exhibition.sections if s.photos)
    index = kiosk.exhibition.sections.index(section)
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[index]))
    cards = screen.photo_cards()
    assert [c.caption.text() for c in cards] and {c.photo.id for c in cards} == {p.id for p in section.photos}
    for card in cards:
        if card.photo.placeholder:  # labelled as a drawing, and credited to nobody
            assert card.note.text() == "示意图，非实拍"
    screen.body.ensureWidgetVisible(cards[0])
    qtbot.waitUntil(lambda: cards[0].view.loaded, timeout=10_000)


def test_portrait_screens_keep_the_window_size(qtbot, make_kiosk):
    kiosk = make_kiosk(size=(1080, 1920), lang="en")
    for route in kiosk.top_level_routes():
        kiosk.window.screen_for(route)
    settle()
    assert (kiosk.window.width(), kiosk.window.height()) == (1080, 1920)
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[0]))
    assert screen.body.width() > 800  # the body uses the full width in portrait


def _lines(text: str, font, width: float) -> list[str]:
    """The lines Qt wraps `text` into at `width`, as the tile draws it."""
    from kiosk.ui.widgets.typeset_label import qt_wrapped_lines

    return qt_wrapped_lines(text, font, width, anywhere=True)


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1080, 1920), (3840, 2160)])
def test_every_tile_title_is_drawn_whole_and_no_chinese_character_stands_alone(make_kiosk, size):
    """A long English section title once lost its third line on a landscape tile, and 提质发展 绘就精彩渌口 broke as
    ...渌 / 口; a title now fits whole, and a Chinese one breaks between its phrases."""
    kiosk = make_kiosk(size=size)
    screen = home(kiosk)
    for lang in ("zh", "en"):
        kiosk.window.set_language(lang)
        for tile in screen.tiles:
            title, font, box, _, fits = tile.title_layout()
            assert fits, f"{lang} {size}: {tile.title()!r} does not fit its tile"
            if lang == "zh":
                lines = _lines(title, font, box.width())
                assert all(len(line) > 1 for line in lines), f"{size}: {lines}"


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (3840, 2160)])
def test_topic_chips_keep_round_ends_at_every_screen_size(qtbot, make_kiosk, size):
    """Qt squares a stylesheet corner whose radius is above half the height: at 1366×768 the topic chips once
    came out as plain rectangles."""
    import re

    kiosk = make_kiosk(size=size)
    screen = entered(qtbot, kiosk, lambda: kiosk.window.navigate(Route("section", "develop")))
    for chip in screen.chips:
        radius = int(re.search(r"border-radius: (\d+)px", chip.styleSheet()).group(1))
        assert 0 < 2 * radius <= chip.height(), (radius, chip.height())


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
def test_the_foreword_date_is_never_broken_across_lines(qtbot, make_kiosk, size):
    """Run on after the subtitle, the date broke as "… · Lukou 18 / December 2018" on a portrait screen."""
    from PySide6.QtGui import QFontMetrics

    kiosk = make_kiosk(size=size, lang="en")
    screen = entered(qtbot, kiosk, lambda: kiosk.window.navigate(Route("intro")))
    date = kiosk.exhibition.date_label.en
    lines = screen.subtitle.text().split("\n")
    assert date in lines
    assert QFontMetrics(screen.subtitle.font()).horizontalAdvance(date) <= screen.subtitle.width()
