"""Touch feels the same on every surface: a drag that starts on a photo in a section or the gallery scrolls
the page (by finger and by mouse) and opens nothing, while a tap opens it; the same movement on the glass, in
millimetres, is a tap or a drag alike on the photo viewer, the map and the timeline, and a double tap zooms the viewer
and the map alike. Surfaces get a hand-driven clock, so the machine's speed never decides a double tap."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.panels.photo_screen import PhotoScreen
from kiosk.ui.panels.section_screen import SectionScreen

from . import touch
from .test_gallery import scaled  # noqa: F401 - a fixture: five hundred photos
from .test_map import open_map
from .test_photos import entered, home, open_gallery, open_viewer_from_gallery
from .test_timeline import open_timeline


class HandClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def open_section_with_photo(qtbot, kiosk):
    section = next(s for s in kiosk.exhibition.sections if s.photos)
    index = kiosk.exhibition.sections.index(section)
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[index]))
    assert isinstance(screen, SectionScreen)
    card = screen.photo_cards()[0]
    bar = screen.body.verticalScrollBar()
    assert bar.maximum() > 400, "the section must be long enough to scroll"
    screen.body.ensureWidgetVisible(card.view)
    qtbot.waitUntil(lambda: card.view.visibleRegion().boundingRect().size() == card.view.size(), timeout=2000)
    return screen, card, bar


def open_gallery_card(qtbot, kiosk):
    gallery = open_gallery(qtbot, kiosk)
    card = gallery.visible_cards()[0]
    qtbot.waitUntil(lambda: card.view.visibleRegion().boundingRect().size() == card.view.size(), timeout=2000)
    return gallery, card, gallery.scroll.verticalScrollBar()


PAGES = {"section": open_section_with_photo, "gallery": open_gallery_card}


def mouse_drag(widget: QWidget, start: QPoint, end: QPoint, steps: int = 10) -> None:
    """A real mouse, sent to the window so Qt routes it (and grabs it) as it would a person's."""
    window = widget.window().windowHandle()

    def at(p: QPoint) -> QPoint:
        return widget.mapTo(widget.window(), p)

    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(start))
    for i in range(1, steps + 1):
        QTest.mouseMove(window, at(start + (end - start) * (i / steps)))
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(end))
    QApplication.processEvents()


def wait_resting(qtbot, bar) -> None:
    last = [None]

    def resting() -> bool:
        settled = bar.value() == last[0]
        last[0] = bar.value()
        return settled

    qtbot.waitUntil(resting, timeout=5000)


@pytest.mark.parametrize("page", PAGES.keys())
@pytest.mark.parametrize("by", ["touch", "mouse"])
def test_a_drag_starting_on_a_photo_scrolls_the_page_and_opens_nothing(qtbot, make_kiosk, scaled, by, page):  # noqa: F811
    # the shipped gallery barely scrolls at four columns: a gallery of five hundred photos does
    kiosk = make_kiosk(content=scaled if page == "gallery" else None)
    screen, card, bar = PAGES[page](qtbot, kiosk)
    entries: list[object] = []
    kiosk.window.screen_entered.connect(lambda *a: entries.append(a))
    room_below = bar.maximum() - bar.value()
    distance = 300 if room_below > 300 else -300  # finger up: the page moves up, showing what is below
    start = card.view.rect().center()
    before = bar.value()
    if by == "touch":
        touch.drag(card.view, start, start - QPoint(0, distance), steps=10)
    else:
        mouse_drag(card.view, start, start - QPoint(0, distance))
    wait_resting(qtbot, bar)
    moved = bar.value() - before
    assert moved * distance > 0 and abs(moved) >= abs(distance) * 0.9  # the page followed the finger
    assert entries == [] and kiosk.window.current_screen() is screen  # and the photo did not open
    assert not card.view.isDown()


@pytest.mark.parametrize("page", PAGES.keys())
@pytest.mark.parametrize("by", ["touch", "mouse"])
def test_a_tap_on_a_photo_still_opens_it(qtbot, kiosk, by, page):
    screen, card, _ = PAGES[page](qtbot, kiosk)
    centre = card.view.rect().center()
    if by == "touch":
        viewer = entered(qtbot, kiosk, lambda: touch.tap(card.view, centre))
    else:
        viewer = entered(qtbot, kiosk, lambda: mouse_drag(card.view, centre, centre, steps=1))
    assert isinstance(viewer, PhotoScreen) and viewer.current.id == card.photo.id


# the three gesture surfaces, as (widget that receives the touch, its TouchInput, "has it moved?")


def viewer_surface(qtbot, kiosk):
    stage = open_viewer_from_gallery(qtbot, kiosk, index=0).stage
    return stage, stage.touch_input, lambda: stage.pager.offset != 0


def map_surface(qtbot, kiosk):
    view = open_map(qtbot, kiosk).view
    before = view.camera
    return view.viewport(), view.touch_input, lambda: view.camera != before


def timeline_surface(qtbot, kiosk):
    track = open_timeline(qtbot, kiosk).track
    before = track.offset
    return track, track.touch_input, lambda: track.offset != before


SURFACES = {"viewer": viewer_surface, "map": map_surface, "timeline": timeline_surface}


@pytest.mark.parametrize(("mm", "drags"), [(5, False), (12, True)])
@pytest.mark.parametrize("surface", SURFACES.keys())
def test_the_same_millimetres_are_a_tap_or_a_drag_on_every_surface(qtbot, kiosk, surface, mm, drags):
    widget, touch_input, moved = SURFACES[surface](qtbot, kiosk)
    touch_input.recogniser.clock = HandClock()  # no release velocity: nothing glides after the finger
    start = QPoint(widget.width() // 2, widget.height() // 2)
    touch.drag(widget, start, start - QPoint(round(touch_input.px(mm)), 0), steps=6, hold=True)
    assert moved() is drags
    touch.release(widget, start - QPoint(round(touch_input.px(mm)), 0))


@pytest.mark.parametrize(("apart", "zooms"), [(0.25, True), (0.6, False)])
@pytest.mark.parametrize("surface", ["viewer", "map"])
def test_a_double_tap_zooms_the_viewer_and_the_map_alike(qtbot, kiosk, surface, apart, zooms):
    widget, touch_input, _ = SURFACES[surface](qtbot, kiosk)
    if surface == "viewer":
        zoomed = lambda: widget.zoom.zoomed  # noqa: E731 - a condition for waitUntil, named
    else:
        view, before = widget.parent(), widget.parent().camera.scale
        zoomed = lambda: view.camera.scale > before * 1.5  # noqa: E731 - a condition for waitUntil, named
    clock = HandClock()
    touch_input.recogniser.clock = clock
    spot = QPoint(widget.width() // 3, widget.height() // 3)
    touch.tap(widget, spot)
    clock.now += apart
    touch.tap(widget, spot)
    if zooms:
        qtbot.waitUntil(zoomed, timeout=3000)
    else:
        clock.now += 1.0
        touch.tap(widget, QPoint(widget.width() // 2, widget.height() // 2))  # a later tap elsewhere: still no zoom
        assert not zoomed()


@pytest.mark.parametrize("by", ["touch", "mouse"])
def test_a_sideways_swipe_starting_on_a_topic_chip_turns_to_the_next_section_without_pressing_it(qtbot, kiosk, by):
    first = kiosk.exhibition.sections[0]
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[0]))
    assert isinstance(screen, SectionScreen) and screen.section.id == first.id
    chip = screen.chips[0]
    start = chip.rect().center()
    end = start - QPoint(400, 0)
    if by == "touch":
        after = entered(qtbot, kiosk, lambda: touch.drag(chip, start, end, steps=8))
    else:
        after = entered(qtbot, kiosk, lambda: mouse_drag(chip, start, end))
    assert isinstance(after, SectionScreen) and after.section.id == kiosk.exhibition.sections[1].id
    assert not chip.isDown()
