"""The photo gallery as a visitor meets it, with the shipped photos and with five hundred: a screenful of cards
that follow the finger, show the right photo under it, open it on a tap, speak the chosen language, cut long
captions cleanly, and give their pictures back when the visitor leaves."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontMetrics

from kiosk.bench.scale import generate
from kiosk.ui.panels.gallery_screen import GalleryScreen
from kiosk.ui.panels.photo_screen import PhotoScreen
from kiosk.ui.widgets.gallery_card import elide_lines

from . import touch
from .helpers import entered, open_gallery, settle

SHIPPED = Path(__file__).resolve().parents[2] / "assets" / "content"


@pytest.fixture(scope="module")
def scaled(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("scaled") / "content"
    generate(SHIPPED, folder)
    return folder


def swipe_up(qtbot, gallery: GalleryScreen) -> None:
    """One finger up most of the screen; waits until the glide has come to rest."""
    viewport = gallery.scroll.viewport()
    h, x = viewport.height(), viewport.width() // 2
    touch.drag(viewport, QPoint(x, round(h * 0.85)), QPoint(x, round(h * 0.1)), steps=10, step_ms=10)
    bar = gallery.scroll.verticalScrollBar()
    last = [-1]

    def resting() -> bool:
        settled = bar.value() == last[0]
        last[0] = bar.value()
        return settled

    qtbot.waitUntil(resting, timeout=5000)


def on_screen(gallery: GalleryScreen):
    """The cards wholly on screen, with what they show."""
    viewport = gallery.scroll.viewport()
    shown = QRect(QPoint(0, 0), viewport.size())
    return [
        c for c in gallery.visible_cards() if shown.contains(QRect(c.view.mapTo(viewport, QPoint(0, 0)), c.view.size()))
    ]


def assert_cards_match_their_place(gallery: GalleryScreen, lang: str = "zh") -> None:
    order = gallery.photo_ids()
    grid = gallery._grid
    for card in gallery.visible_cards():
        index = order.index(card.photo.id)
        box = grid.cards[index]
        assert card.isVisible() and card.geometry() == QRect(box.x, box.y, box.width, box.height)
        assert card.caption_text == card.photo.caption.get(lang)


def test_five_hundred_photos_cost_a_screenful_of_cards(qtbot, make_kiosk, scaled):
    kiosk = make_kiosk(content=scaled)
    gallery = open_gallery(qtbot, kiosk)
    order = [p.id for p in kiosk.exhibition.all_photos()]
    assert gallery.photo_ids() == order and len(order) >= 500
    first = gallery.visible_cards()
    assert [c.photo.id for c in first] == order[: len(first)]
    qtbot.waitUntil(lambda: all(c.view.loaded for c in first), timeout=20_000)
    pool = len(gallery.built_cards())
    assert pool <= 24  # about two screens of cards, not five hundred
    seen = {c.photo.id for c in first}
    for _ in range(6):
        before = gallery.scroll.verticalScrollBar().value()
        swipe_up(qtbot, gallery)
        assert gallery.scroll.verticalScrollBar().value() > before  # the content follows the finger
        assert_cards_match_their_place(gallery)
        seen |= {c.photo.id for c in gallery.visible_cards()}
    assert len(seen) > 3 * len(first)
    columns = len({c.x() for c in first})
    assert len(gallery.built_cards()) <= pool + 2 * columns  # the same few cards, re-bound
    shown = gallery.visible_cards()
    qtbot.waitUntil(lambda: all(c.view.loaded for c in shown), timeout=20_000)  # pictures follow the cards
    # a generated photo is labelled a stand-in, like the shipped placeholders
    assert all(c.note_text == "示意图，非实拍" for c in shown if c.photo.placeholder)


def test_a_tap_after_scrolling_opens_the_photo_under_the_finger(qtbot, make_kiosk, scaled):
    kiosk = make_kiosk(content=scaled)
    gallery = open_gallery(qtbot, kiosk)
    swipe_up(qtbot, gallery)
    swipe_up(qtbot, gallery)
    card = on_screen(gallery)[-1]
    photo_id = card.photo.id
    assert gallery.photo_ids().index(photo_id) > 6
    viewer = entered(qtbot, kiosk, lambda: touch.tap(card.view))
    assert isinstance(viewer, PhotoScreen)
    assert viewer.current.id == photo_id
    back = entered(qtbot, kiosk, lambda: touch.tap(viewer.close_button))
    assert back is gallery
    assert_cards_match_their_place(gallery)


def test_the_gallery_speaks_the_chosen_language(qtbot, kiosk):
    gallery = open_gallery(qtbot, kiosk)
    ex = kiosk.exhibition
    touch.tap(kiosk.window.bar.en_button)
    assert gallery.title.text() == "Photo gallery" and gallery.place_title() == "Photo gallery"
    headings = [label.source() for label, _ in gallery._headings]
    assert headings == ["Lukou at a glance"] + [s.title.en for s in ex.sections if s.photos]
    assert_cards_match_their_place(gallery, "en")
    for card in gallery.visible_cards():
        assert card.note_text == ("Illustration, not a photograph" if card.photo.placeholder else "")
    touch.tap(kiosk.window.bar.zh_button)
    assert_cards_match_their_place(gallery, "zh")


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_cards_sit_in_columns_without_overlap_and_show_their_whole_captions(qtbot, make_kiosk, size):
    kiosk = make_kiosk(size=size, lang="en")
    gallery = open_gallery(qtbot, kiosk)
    viewport = gallery.scroll.viewport()
    columns = 2 if size[1] > size[0] else 4  # as many as fit at a comfortable card size
    for _ in range(3):
        cards = gallery.visible_cards()
        assert cards and len({c.x() for c in cards}) <= columns
        assert all(c.width() * columns < viewport.width() < c.width() * (columns + 1) for c in cards)
        boxes = [c.geometry() for c in cards] + [label.geometry() for label, _ in gallery._headings]
        assert not [(a, b) for a, b in itertools.combinations(boxes, 2) if a.intersects(b)]
        for card in cards:
            assert card.geometry().right() < viewport.width()
            lines = card.caption_lines
            assert len(lines) >= 1
            metrics = QFontMetrics(gallery._text.caption_font)
            assert all(metrics.horizontalAdvance(line) <= card.width() for line in lines)
            assert "".join("".join(lines).split()) == "".join(card.caption_text.split())  # whole, never cut
            assert card.caption_rect().top() >= card.view.geometry().bottom()
            assert card.caption_rect().bottom() < card.height()
        swipe_up(qtbot, gallery)


def test_elide_lines_cuts_to_two_lines(qtbot):
    from kiosk.ui.theme import Theme

    font = Theme.for_size(1920, 1080, "Noto Sans").font(24, bold=True)
    width = QFontMetrics(font).horizontalAdvance("M") * 12
    assert elide_lines("Short", font, width) == ["Short"]
    assert elide_lines("  ", font, width) == []
    long = "A villagers' group review meeting on resolving to escape poverty, striving to build stars"
    lines = elide_lines(long, font, width)
    assert len(lines) == 2 and lines[1].endswith("…")
    assert long.startswith(lines[0])
    chinese = "龙门镇花冲村“脱贫立志、星级创建”村组评议会现场座无虚席"
    lines = elide_lines(chinese, font, width)
    assert len(lines) == 2 and lines[1].endswith("…") and chinese.startswith(lines[0])


def test_reset_scrolls_to_the_top_and_leaving_gives_the_pictures_back(qtbot, make_kiosk, scaled):
    kiosk = make_kiosk(content=scaled)
    gallery = open_gallery(qtbot, kiosk)
    swipe_up(qtbot, gallery)
    assert gallery.scroll.verticalScrollBar().value() > 0
    shown = gallery.visible_cards()
    qtbot.waitUntil(lambda: all(c.view.loaded for c in shown), timeout=20_000)
    entered(qtbot, kiosk, lambda: touch.tap(kiosk.window.bar.home_button))
    assert not any(c.view.loaded for c in gallery.built_cards())  # hidden: nothing held
    gallery.reset()
    assert gallery.scroll.verticalScrollBar().value() == 0
    gallery = open_gallery(qtbot, kiosk)
    first = gallery.visible_cards()
    assert first[0].photo.id == gallery.photo_ids()[0]
    qtbot.waitUntil(lambda: all(c.view.loaded for c in first), timeout=20_000)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_switching_language_at_the_bottom_of_the_list_keeps_every_card_in_place(qtbot, make_kiosk, size):
    """The other language wraps captions and headings differently, so the list changes height: at its bottom the
    view may scroll while the cards are being re-placed. Every card must still show its own photo in its place."""
    kiosk = make_kiosk(size=size)
    gallery = open_gallery(qtbot, kiosk)
    bar = gallery.scroll.verticalScrollBar()
    for _ in range(4):
        swipe_up(qtbot, gallery)
    assert bar.value() == bar.maximum()
    for lang in ("en", "zh", "en", "zh"):
        touch.tap(getattr(kiosk.window.bar, f"{lang}_button"))
        settle()
        assert kiosk.window.current_screen() is gallery  # no error sent the visitor home
        assert gallery.visible_cards()
        assert_cards_match_their_place(gallery, lang)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768), (3840, 2160)],
                         ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_every_caption_shows_whole_and_the_audit_finds_nothing_cut(qtbot, make_kiosk, size, lang, large):
    """A caption says what the photo shows: all of it, on as many lines as it takes; each card of a row grows to
    the row's longest caption, and the layout audit would report a caption cut with "…"."""
    from kiosk.ui.layout_tour import audit_here, relayout

    kiosk = make_kiosk(size=size, lang=lang)
    if large:
        relayout(kiosk, *size, large_text=True)
    gallery = open_gallery(qtbot, kiosk)
    bar = gallery.scroll.verticalScrollBar()
    seen = set()
    step = max(1, gallery.scroll.viewport().height() // 2)
    for value in [*range(0, bar.maximum(), step), bar.maximum()]:  # down to the foot
        bar.setValue(value)
        settle()
        for card in gallery.visible_cards():
            seen.add(card.photo.id)
            assert "…" not in "".join(card.caption_lines), card.caption_lines
            assert "".join("".join(card.caption_lines).split()) == "".join(card.caption_text.split())
            assert card.caption_rect().bottom() < card.height(), card.caption_text
        assert not [f for f in audit_here(kiosk) if f.rule in ("elided", "clipped", "cut")]
    assert seen == set(gallery.photo_ids())


def test_the_audit_reports_a_caption_cut_on_purpose(qtbot, make_kiosk, monkeypatch):
    from kiosk.ui.layout_tour import audit_here
    from kiosk.ui.widgets import gallery_card

    monkeypatch.setattr(gallery_card.CardText, "lines",
                        lambda self, photo, lang, width: elide_lines(photo.caption.get(lang), self.caption_font,
                                                                     width // 4, 1))
    kiosk = make_kiosk(size=(1920, 1080), lang="en")
    open_gallery(qtbot, kiosk)
    assert any(f.rule == "elided" and "caption" in f.name for f in audit_here(kiosk))
