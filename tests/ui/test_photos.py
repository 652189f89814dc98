"""Photos as a visitor meets them: the gallery from home, the viewer from the gallery and from a section, paging
by swipe, pinch and double-tap zoom with real two-finger touch sequences, and broken files as placeholders."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from kiosk.navigation import Route
from kiosk.ui.panels.gallery_screen import GalleryScreen
from kiosk.ui.panels.intro_screen import IntroScreen
from kiosk.ui.panels.photo_screen import PhotoScreen
from kiosk.ui.panels.section_screen import SectionScreen

from ..unit import awkward_images as gen
from . import touch
from .helpers import entered, home, open_gallery
from .test_gallery import scaled  # noqa: F401 - a fixture: five hundred photos

SHIPPED = Path(__file__).resolve().parents[2] / "assets" / "content"


def shown(qtbot, viewer: PhotoScreen, timeout=15_000) -> None:
    """Wait until the viewer's current photo is on screen at display resolution (or known to be broken)."""
    qtbot.waitUntil(lambda: viewer.stage.current_pixmap() is not None or viewer.stage.current_failed(), timeout=timeout)


def open_viewer_from_gallery(qtbot, kiosk, index: int = 0) -> PhotoScreen:
    gallery = open_gallery(qtbot, kiosk)
    card = gallery.reveal(index)
    qtbot.waitUntil(lambda: card.view.visibleRegion().boundingRect().size() == card.view.size(), timeout=2000)
    viewer = entered(qtbot, kiosk, lambda: touch.tap(card.view))
    assert isinstance(viewer, PhotoScreen)
    shown(qtbot, viewer)
    return viewer


def test_gallery_opens_from_home_and_groups_every_photo_by_section_with_captions(qtbot, kiosk):
    tiles = kiosk.registry.destinations(kiosk.exhibition)
    assert tiles[-1].route == Route("gallery")  # after the sections (and the timeline and map)
    sections = len(kiosk.exhibition.sections)
    assert [d.route.screen for d in tiles[:sections]] == ["section"] * sections
    gallery = open_gallery(qtbot, kiosk)
    ex = kiosk.exhibition
    assert gallery.photo_ids() == [p.id for p in ex.all_photos()]
    assert sorted(p.id for p in ex.all_photos()) == sorted(p.id for p in ex.all_photos())
    headings = [label.source() for label, _ in gallery._headings]
    assert headings[1:] == [s.title.zh for s in ex.sections if s.photos]
    # thumbnails near the screen load and appear; the caption sits under its picture
    visible = gallery.visible_cards()
    assert visible and [card.photo.id for card in visible] == gallery.photo_ids()[: len(visible)]
    for card in visible:
        assert card.caption_text == card.photo.caption.zh
    qtbot.waitUntil(lambda: all(card.view.loaded for card in visible), timeout=20_000)
    first = visible[0]
    assert first.caption_rect().top() >= first.view.geometry().bottom()
    cache = kiosk.images.disk_cache  # and what was decoded is kept on disk for next time
    assert cache is not None and len(cache) >= len(visible)


def test_the_provider_never_shows_an_edited_photo_stale(qtbot, tmp_path: Path):
    from PIL import Image
    from PySide6.QtCore import QSize

    from kiosk.media import DiskCache
    from kiosk.ui.image_provider import ImageProvider

    provider = ImageProvider(disk_cache=DiskCache(tmp_path / "cache"))
    photo = tmp_path / "p.png"

    def colour_now():
        got = []
        provider.request(photo, QSize(32, 32), got.append)
        qtbot.waitUntil(lambda: bool(got), timeout=5000)
        return got[0].toImage().pixelColor(5, 5).getRgb()[:3]

    Image.new("RGB", (64, 64), (255, 0, 0)).save(photo)
    assert colour_now() == (255, 0, 0)
    assert colour_now() == (255, 0, 0)  # from memory
    Image.new("RGB", (64, 64), (0, 0, 255)).save(photo)  # edited in place
    assert colour_now() == (0, 0, 255)
    provider.shutdown()


def test_gallery_loads_lazily(qtbot, make_kiosk, scaled):  # noqa: F811 - the fixture imported above
    kiosk = make_kiosk(size=(1366, 768), content=scaled)  # the shipped seven photos fit in two screens
    gallery = open_gallery(qtbot, kiosk)
    viewport = gallery.scroll.viewport()
    h = viewport.height()
    boxes = gallery._grid.cards
    # beyond the half screen below that the gallery prepares (NEAR), and within reach of one drag
    far = {photo_id for photo_id, box in zip(gallery.photo_ids(), boxes, strict=True) if box.y > h * 1.6}
    assert far, "the test needs photos far below the first screen"

    def loading() -> set[str]:
        return {card.photo.id for card in gallery.built_cards() if card.photo is not None and card.active}

    assert not far & loading()  # never asked for while far away: no card even exists for them
    touch.drag(viewport, QPoint(viewport.width() // 2, round(h * 0.9)), QPoint(viewport.width() // 2, round(h * 0.05)))
    qtbot.waitUntil(lambda: gallery.scroll.verticalScrollBar().value() > h * 0.5, timeout=3000)
    qtbot.waitUntil(lambda: bool(far & loading()), timeout=5000)


def test_a_photo_opens_from_the_gallery_with_caption_and_placeholder_label(qtbot, kiosk):
    viewer = open_viewer_from_gallery(qtbot, kiosk, index=1)
    photo = kiosk.exhibition.all_photos()[1]
    assert viewer.current.id == photo.id and photo.placeholder  # the shipped photos are generated stand-ins
    assert viewer.caption.text() == photo.caption.zh
    assert viewer.credit.text() == "示意图，非实拍"  # a drawing is credited to nobody
    touch.tap(kiosk.window.bar.en_button)
    assert viewer.caption.text() == photo.caption.en
    assert viewer.credit.text() == "Illustration, not a photograph"
    touch.tap(kiosk.window.bar.zh_button)
    assert viewer.counter.text() == f"2 / {len(kiosk.exhibition.all_photos())}"
    assert viewer.close_button.height() >= 60 and viewer.close_button.isVisible()
    # the close button takes the visitor back to the gallery
    screen = entered(qtbot, kiosk, lambda: touch.tap(viewer.close_button))
    assert isinstance(screen, GalleryScreen)


def real_photos(content: Path) -> Path:
    """The content as it will be once the real photos are in: every photo marked placeholder = false."""
    for path in [content / "exhibition.toml", *(content / "sections").glob("*.toml")]:
        path.write_text(path.read_text(encoding="utf-8").replace("placeholder = true", "placeholder = false"), "utf-8")
    return content


def test_a_real_photo_carries_the_credit_once_in_either_language(qtbot, make_kiosk, content_copy):
    kiosk = make_kiosk(content=real_photos(content_copy))
    viewer = open_viewer_from_gallery(qtbot, kiosk, index=1)
    assert not viewer.current.placeholder
    assert viewer.credit.text() == "图片：株洲市渌口区委宣传部" and viewer.credit.isVisible()
    touch.tap(kiosk.window.bar.en_button)
    assert viewer.credit.text() == "Photo: Publicity Department of the CPC Lukou District Committee"
    entered(qtbot, kiosk, lambda: touch.tap(viewer.close_button))
    section = next(s for s in kiosk.exhibition.sections if s.photos)
    screen = kiosk.window.screen_for(Route("section", section.id))
    assert [c.note.text() for c in screen.photo_cards()] == [
        "Photo: Publicity Department of the CPC Lukou District Committee"
    ] * len(section.photos)
    assert "Photo: Publicity Department of the CPC Lukou District Committee" in foreword_lines(qtbot, kiosk)


def foreword_lines(qtbot, kiosk) -> list[str]:
    if kiosk.window.current_screen() is not home(kiosk):
        entered(qtbot, kiosk, lambda: touch.tap(kiosk.window.bar.home_button))
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).intro_button))
    assert isinstance(screen, IntroScreen)
    return [re.sub(r"<[^>]+>", "", label.text()) for label in screen.body.widget().findChildren(QLabel)]


def test_the_foreword_credits_no_photos_while_all_are_illustrations(qtbot, kiosk):
    lines = foreword_lines(qtbot, kiosk)
    assert "文/张咪 朱刚 袁斌 郭倩" in lines  # the authors, as a printed feature names them
    assert not [line for line in lines if "宣传部" in line]


def test_a_photo_opens_from_a_section(qtbot, kiosk):
    section = next(s for s in kiosk.exhibition.sections if s.photos)
    index = kiosk.exhibition.sections.index(section)
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[index]))
    assert isinstance(screen, SectionScreen)
    card = screen.photo_cards()[0]
    screen.body.ensureWidgetVisible(card.view)
    qtbot.waitUntil(lambda: not card.view.visibleRegion().isEmpty(), timeout=2000)
    viewer = entered(qtbot, kiosk, lambda: qtbot.mouseClick(card.view, Qt.MouseButton.LeftButton))
    assert isinstance(viewer, PhotoScreen)
    assert viewer.current.id == card.photo.id
    back = entered(qtbot, kiosk, lambda: touch.tap(viewer.close_button))
    assert back is screen


def test_swipe_follows_the_finger_and_snaps_to_the_next_photo(qtbot, kiosk):
    viewer = open_viewer_from_gallery(qtbot, kiosk, index=0)
    stage = viewer.stage
    c = stage.rect().center()
    touch.drag(stage, c, c - QPoint(600, 0), steps=8, hold=True)
    assert stage.pager.offset == pytest.approx(-600, abs=2)  # the photo is under the finger
    touch.release(stage, c - QPoint(600, 0))  # past a fifth of the width: next, however slowly
    qtbot.waitUntil(lambda: stage.index == 1 and stage.pager.offset == 0, timeout=3000)
    assert viewer.current.id == kiosk.exhibition.all_photos()[1].id
    assert viewer.caption.text() == viewer.current.caption.zh
    # a short slow drag springs back
    touch.drag(stage, c, c + QPoint(60, 0), steps=12, step_ms=30)
    qtbot.waitUntil(lambda: stage.pager.offset == 0, timeout=3000)
    assert stage.index == 1
    # swipe right: previous
    touch.swipe(stage, 500)
    qtbot.waitUntil(lambda: stage.index == 0 and stage.pager.offset == 0, timeout=3000)


def test_no_photo_before_the_first(qtbot, kiosk):
    viewer = open_viewer_from_gallery(qtbot, kiosk, index=0)
    touch.swipe(viewer.stage, 600)
    qtbot.waitUntil(lambda: viewer.stage.pager.offset == 0, timeout=3000)  # sprung back…
    assert viewer.stage.index == 0  # …to the first photo


def test_pinch_zooms_about_the_fingers_and_a_drag_then_pans(qtbot, kiosk):
    viewer = open_viewer_from_gallery(qtbot, kiosk, index=0)
    stage = viewer.stage
    centre = QPoint(stage.width() // 3, stage.height() // 3)
    under = stage.zoom.to_photo((centre.x(), centre.y()))
    touch.pinch(stage, centre, start_gap=200, end_gap=500)
    qtbot.waitUntil(lambda: not stage._interacting, timeout=2000)
    scale = stage.zoom.view.scale
    assert scale == pytest.approx(2.5, rel=0.05)
    sx, sy = stage.zoom.to_screen(under)
    assert abs(sx - centre.x()) < 6 and abs(sy - centre.y()) < 6  # the point under the fingers stayed there
    assert stage.index == 0  # pinching is not paging
    # one finger now pans (clamped) instead of paging
    before = stage.zoom.view
    touch.drag(stage, stage.rect().center(), stage.rect().center() + QPoint(-150, -100), steps=8)
    after = stage.zoom.view
    assert after.pan_x == pytest.approx(before.pan_x - 150, abs=3)
    assert after.pan_y == pytest.approx(before.pan_y - 100, abs=3)
    assert stage.index == 0
    touch.drag(stage, stage.rect().center(), stage.rect().center() + QPoint(3000, 3000), steps=8)
    assert stage.zoom.clamped(stage.zoom.view) == stage.zoom.view  # never past the photo's edges
    x, y, w, h = stage.zoom.image_rect()
    assert x == pytest.approx(0, abs=1) and (y == pytest.approx(0, abs=1) or h <= stage.height())


def test_double_tap_toggles_zoom_and_reset_zooms_out(qtbot, kiosk):
    viewer = open_viewer_from_gallery(qtbot, kiosk, index=2)
    stage = viewer.stage
    at = stage.rect().center()
    touch.tap(stage, at)
    touch.tap(stage, at)
    qtbot.waitUntil(lambda: stage.zoom.view.scale > 2.4 and not stage._interacting, timeout=2000)
    touch.tap(stage, at)
    touch.tap(stage, at)
    qtbot.waitUntil(lambda: stage.zoom.view.scale == 1.0, timeout=2000)
    stage.toggle_zoom(at)
    qtbot.waitUntil(lambda: stage.zoom.zoomed and not stage._interacting, timeout=2000)
    viewer.reset()
    assert not stage.zoom.zoomed and stage.pager.offset == 0


def test_mouse_double_click_and_buttons(qtbot, kiosk):
    viewer = open_viewer_from_gallery(qtbot, kiosk, index=0)
    qtbot.mouseDClick(viewer.stage, Qt.MouseButton.LeftButton, pos=viewer.stage.rect().center())
    qtbot.waitUntil(lambda: viewer.stage.zoom.zoomed, timeout=2000)
    qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: viewer.stage.index == 1, timeout=2000)
    assert not viewer.stage.zoom.zoomed


@pytest.fixture
def broken_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(SHIPPED, target, ignore=shutil.ignore_patterns("*.jpg"))
    for photo in (SHIPPED / "photos").glob("*.jpg"):
        (target / "photos" / photo.name).symlink_to(photo)
    first, second = gallery_order_files(target)[:2]
    (target / "photos" / first).unlink()
    gen.text_as_jpeg(target / "photos" / first)
    (target / "photos" / second).unlink()  # missing altogether
    return target


def gallery_order_files(folder: Path) -> list[str]:
    from kiosk.content import load_exhibition

    exhibition, _ = load_exhibition(folder)
    return [p.file for p in exhibition.all_photos()]


def test_broken_and_missing_photos_show_a_placeholder_not_a_traceback(qtbot, make_kiosk, broken_content, caplog):
    kiosk = make_kiosk(content=broken_content)
    assert kiosk.content_dir == broken_content  # the content still loads: a photo problem is only a warning
    gallery = open_gallery(qtbot, kiosk)
    broken, missing = gallery.visible_cards()[:2]
    assert [broken.photo.id, missing.photo.id] == gallery.photo_ids()[:2]
    qtbot.waitUntil(lambda: broken.view.failed and missing.view.failed, timeout=10_000)
    viewer = entered(qtbot, kiosk, lambda: touch.tap(broken.view))
    shown(qtbot, viewer)
    assert viewer.stage.current_failed()
    assert viewer.caption.text() == broken.photo.caption.zh
    lines = [r.getMessage() for r in caplog.records if "cannot be shown" in r.getMessage()]
    assert len([line for line in lines if broken.photo.file in line]) == 1  # one log line, however many sizes
    assert not [r for r in caplog.records if r.exc_info]


def test_the_memory_cache_holds_a_few_screens_of_photos_and_empties_between_visitors(qtbot, tmp_path: Path):
    """Sized from the largest photo asked for (a few of those plus thumbnails), not a fixed 96 MB: older
    photos make room, and `release_memory` lets go of everything (the disk cache keeps it)."""
    from PIL import Image
    from PySide6.QtCore import QSize

    from kiosk.media import DiskCache
    from kiosk.ui.image_provider import FULL_FRAMES, MB, THUMBNAIL_BYTES, ImageProvider

    provider = ImageProvider(disk_cache=DiskCache(tmp_path / "cache"))
    size = QSize(1600, 1000)
    frame = 1600 * 1000 * 4
    photos = []
    for n in range(FULL_FRAMES + 4):
        photo = tmp_path / f"p{n}.png"
        Image.new("RGB", (1600, 1000), (n * 20, 0, 0)).save(photo)
        photos.append(photo)
    got = []
    for photo in photos:
        before = len(got)
        provider.request(photo, size, got.append)
        qtbot.waitUntil(lambda n=before: len(got) > n - 1 and provider.pending() == 0, timeout=10_000)
    qtbot.waitUntil(lambda: len(got) == len(photos), timeout=10_000)
    assert provider.max_bytes == FULL_FRAMES * frame + THUMBNAIL_BYTES
    assert provider.max_bytes < 96 * MB
    assert provider.memory_bytes <= provider.max_bytes
    assert provider.cached(photos[-1], size) is not None  # the newest stay
    assert provider.cached(photos[0], size) is None  # the oldest made room
    held = provider.memory_bytes
    assert provider.release_memory() == held > 0
    assert provider.memory_bytes == 0 and provider.cached(photos[-1], size) is None
    assert ImageProvider(max_bytes=5 * MB, disk_cache=False).max_bytes == 5 * MB  # a fixed budget stays fixed
    provider.shutdown()


def test_the_viewer_route_names_its_photo_and_back_returns_to_it(qtbot, kiosk):
    from kiosk.navigation import Route

    photos = kiosk.exhibition.all_photos()
    first, last = photos[0], photos[-1]
    window = kiosk.window
    with qtbot.waitSignal(window.screen_entered, timeout=5000):
        window.navigate(Route("photo", last.id))
    viewer = window.current_screen()
    assert window.navigator.current == Route("photo", last.id)
    assert viewer.current is not None and viewer.current.id == last.id
    with qtbot.waitSignal(window.screen_entered, timeout=5000):
        window.navigate(Route("gallery"))
    with qtbot.waitSignal(window.screen_entered, timeout=5000):
        window.navigate(Route("photo", first.id))
    assert window.current_screen() is viewer and viewer.current.id == first.id  # one viewer serves every photo
    window.navigate(Route("photo", "no-such-photo"))  # refused: the window stays where it is
    assert window.navigator.current == Route("photo", first.id)
    with qtbot.waitSignal(window.screen_entered, timeout=5000):
        touch.tap(viewer.close_button)
    assert window.navigator.current == Route("gallery")
