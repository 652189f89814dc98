"""The timeline at every size, in both languages, in large-text and accessible mode: a chosen event and its
label always lie in the part of the track the card leaves free, the goal at the end of the track is never cut
by the card or the screen's edge, and the labels never run into the year ruler or out of the track."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import QApplication

from kiosk.app_staff import apply_text_scale
from kiosk.ui import theme as t
from kiosk.ui.panels.timeline_screen import TimelineScreen
from kiosk.ui.strings import tr
from kiosk.ui.widgets.typeset_label import qt_wrapped_lines

from . import touch
from .test_timeline import open_timeline
from .test_typography_on_screen import assert_well_set

CASES = [((1920, 1080), "zh"), ((1080, 1920), "en"), ((1366, 768), "en"), ((3840, 2160), "zh"), ((1080, 1920), "zh")]
IDS = ["1920x1080-zh", "1080x1920-en", "1366x768-en", "3840x2160-zh", "1080x1920-zh"]


def uncovered(screen: TimelineScreen) -> QRect:
    """The part of the track a visitor sees: all of it, less what the open card covers."""
    track = screen.track
    free = track.rect()
    if screen.card.isVisible():
        card = screen.card.geometry().translated(-track.pos())
        if card.intersects(free) and card.left() > free.left():
            free.setRight(min(free.right(), card.left() - 1))
    return free


def drag_into_view(qtbot, screen: TimelineScreen, event_id: str) -> None:
    """Drag the track by finger until the event's marker is well inside the free part (no fling)."""
    track = screen.track
    for _ in range(12):
        free = uncovered(screen)
        x = track.marker_point(event_id).x()
        if free.left() + 20 <= x <= free.right() - 80:
            return
        y = track.height() - 30
        step = max(-free.width() // 2, min(free.width() // 2, free.center().x() - x))
        start = QPoint(free.center().x() - step // 2, y)
        touch.drag(track, start, start + QPoint(step, 0), steps=10, step_ms=16, hold=True)
        qtbot.wait(120)  # the finger rests before lifting: no fling
        touch.release(track, start + QPoint(step, 0))
        qtbot.waitUntil(lambda: not track.moving, timeout=3000)
    raise AssertionError(f"could not drag {event_id} into view")


def along_the_track(qtbot, track, share: float, dy: int, most: int = 60) -> Iterator[None]:
    """Stop at each place a visitor's swipes reach from the track's start to its end: swipes of `share` of the
    track's width, `dy` px below the ruler, resting before lifting (no fling)."""
    track.scroll_to(0, animate=False)
    for _step in range(most):
        yield
        if track.offset >= track.maximum - 1:
            return
        start = QPoint(round((track.width() - track.reserved_right) * 0.7), track.ruler_y() + dy)
        end = start - QPoint(round(track.width() * share), 0)
        touch.drag(track, start, end, steps=8, step_ms=16, hold=True)
        qtbot.wait(120)  # the finger rests before lifting: no fling
        touch.release(track, end)
        qtbot.waitUntil(lambda: not track.moving, timeout=3000)


def assert_chosen_in_view(screen: TimelineScreen, event_id: str) -> None:
    track = screen.track
    free = uncovered(screen)
    label = track.label_rect(event_id)
    assert free.contains(label), f"{event_id}: label {label.getRect()} not inside the free track {free.getRect()}"
    assert free.contains(track.marker_point(event_id)), event_id
    goal = track.goal_rect()
    cut = goal.left() < free.right() < goal.right() or goal.left() < free.left() < goal.right()
    assert not cut, f"{event_id}: the goal {goal.getRect()} is cut at the edge of {free.getRect()}"


@pytest.mark.parametrize(("size", "lang"), CASES, ids=IDS)
def test_a_chosen_event_its_label_and_the_goal_are_never_under_the_card_or_off_the_edge(
    qtbot, make_kiosk, size, lang
):
    """The last event chosen after dragging to the end of the track: its card covered the goal in landscape
    (cut mid-word at the card's edge), and in portrait the goal ran off the right edge until dragged."""
    kiosk = make_kiosk(size=size, lang=lang)
    screen = open_timeline(qtbot, kiosk)
    track = screen.track
    events = [e.id for e in kiosk.exhibition.timeline.events]
    for event_id in [events[-1], events[0], *events[1:-1], events[-1]]:
        drag_into_view(qtbot, screen, event_id)
        touch.tap(track, track.marker_point(event_id))
        assert screen.card.isVisible() and screen.card.event.id == event_id
        qtbot.waitUntil(lambda: not track.moving, timeout=3000)
        assert_chosen_in_view(screen, event_id)
    # with the last event chosen, the end of the track, goal and all, is in view
    assert uncovered(screen).contains(track.goal_rect())
    # and dragging on to the end never takes the goal past the edge
    start = QPoint(uncovered(screen).center().x(), track.height() - 30)
    touch.drag(track, start, start - QPoint(400, 0), steps=10, step_ms=16, hold=True)
    qtbot.wait(120)
    touch.release(track, start - QPoint(400, 0))
    qtbot.waitUntil(lambda: not track.moving, timeout=3000)
    assert uncovered(screen).contains(track.goal_rect())


MODES = [
    ((1920, 1080), "en", "large"), ((1920, 1080), "zh", "accessible"), ((1366, 768), "en", "large"),
    ((1366, 768), "zh", "accessible"), ((1080, 1920), "en", "large"), ((3840, 2160), "en", "large"),
    ((3840, 2160), "en", "accessible"), ((1080, 1920), "zh", "accessible"),
]


@pytest.mark.parametrize(("size", "lang", "mode"), MODES, ids=[f"{w}x{h}-{lang}-{m}" for (w, h), lang, m in MODES])
def test_labels_stay_clear_of_the_year_ruler_in_large_text_and_accessible_mode(qtbot, make_kiosk, size, lang, mode):
    """In large-text mode at 1920×1080 the labels under the axis ran over the years and out of the track."""
    kiosk = make_kiosk(size=size, lang=lang)
    if mode == "large":
        apply_text_scale(kiosk, True)
    else:
        touch.tap(kiosk.window.bar.reach_button)
        assert kiosk.reach.active
    screen = open_timeline(qtbot, kiosk)
    track = screen.track
    ruler = track.ruler_y()
    rects = {e.id: track.label_rect(e.id) for e in kiosk.exhibition.timeline.events}
    for event_id, rect in rects.items():
        assert rect.top() >= 0 and rect.bottom() < ruler, f"{event_id} {rect.getRect()}: ruler at {ruler}"
    goal = track.goal_rect()
    assert goal.top() >= 0 and goal.bottom() < ruler
    for (a, ra), (b, rb) in itertools.combinations(rects.items(), 2):
        assert not ra.intersects(rb), f"labels of {a} and {b} overlap"


@pytest.mark.parametrize(("size", "lang"), CASES, ids=IDS)
def test_the_goals_box_breaks_its_text_between_phrases(qtbot, make_kiosk, size, lang):
    """Qt's own wrap split the goal in its box on the track: "形成“东西联通、南北畅 / 通”的10—20分钟生活 / 圈"."""
    kiosk = make_kiosk(size=size, lang=lang)
    track = open_timeline(qtbot, kiosk).track
    lines = track.goal_lines()
    goal = kiosk.exhibition.timeline.goal.get(lang)
    assert "".join(lines).replace(" ", "") == goal.replace(" ", "")
    assert_well_set(lines, "goal")
    phrases = ["南北畅通", "生活圈", "经济圈"] if lang == "zh" else []
    for phrase in phrases:
        assert any(phrase in line for line in lines), f"{phrase} split: {lines}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_in_portrait_a_short_events_card_is_as_tall_as_its_text(qtbot, make_kiosk, lang):
    """In portrait every card filled the whole lower half: a one-line event's card was mostly empty."""
    kiosk = make_kiosk(size=(1080, 1920), lang=lang)
    screen = open_timeline(qtbot, kiosk)
    track, card = screen.track, screen.card
    assert screen.goal.isVisible() and screen.hint.isVisible()
    touch.tap(track, track.marker_point("dusty-roads"))
    assert card.isVisible() and card.event.id == "dusty-roads"
    slot = screen.card_slot.geometry()
    qtbot.waitUntil(lambda: card.geometry().top() == slot.top(), timeout=3000)  # slid into place
    assert card.geometry().bottom() <= slot.bottom()
    assert card.height() < slot.height() * 0.65
    assert card.scroll.verticalScrollBar().maximum() == 0  # all of its text shown
    short = card.height()
    assert not screen.goal.isVisible() and not screen.hint.isVisible()  # nothing peeks out below the card
    longest = max(kiosk.exhibition.timeline.events, key=lambda e: len(e.text.get(lang)))
    screen.track.ensure_visible(longest.id, animate=False)
    touch.tap(track, track.marker_point(longest.id))
    qtbot.waitUntil(lambda: not track.moving, timeout=3000)
    assert card.event.id == longest.id and card.height() > short * 1.3  # grown with its text
    assert card.scroll.verticalScrollBar().maximum() == 0 or card.height() >= slot.height() - 2
    touch.tap(card.close_button)
    assert not card.isVisible() and screen.goal.isVisible() and screen.hint.isVisible()


@pytest.mark.parametrize(("size", "lang"), [((1080, 1920), "zh"), ((1920, 1080), "en")], ids=["portrait", "landscape"])
def test_a_card_with_room_to_spare_shows_all_its_text(qtbot, make_kiosk, size, lang):
    """A card measured a few pixels short of its text faded its last line out above empty room (渌枫大道)."""
    kiosk = make_kiosk(size=size, lang=lang)
    screen = open_timeline(qtbot, kiosk)
    track, card = screen.track, screen.card
    for event in kiosk.exhibition.timeline.events:
        track.ensure_visible(event.id, animate=False)
        touch.tap(track, track.marker_point(event.id))
        assert card.event.id == event.id
        qtbot.waitUntil(lambda: not track.moving, timeout=3000)
        most = screen.card_slot.height() if screen.card_slot is not None else track.height() - 8

        def all_shown(most: int = most) -> bool:
            return card.scroll.verticalScrollBar().maximum() == 0 or card.height() >= most - 2

        qtbot.waitUntil(all_shown, timeout=2000)  # once laid out


@pytest.mark.parametrize(("size", "lang"), [((1080, 1920), "zh"), ((1366, 768), "zh")], ids=["portrait", "1366"])
def test_the_headers_goal_breaks_between_phrases(qtbot, make_kiosk, size, lang):
    """In portrait the goal under the track ended "…的10—20分钟生活 / 圈、经济圈" (Qt's own wrap)."""
    kiosk = make_kiosk(size=size, lang=lang)
    screen = open_timeline(qtbot, kiosk)
    lines = shown_lines(screen.goal)
    assert "".join(lines).endswith(kiosk.exhibition.timeline.goal.get(lang))  # after "目标：" in landscape
    assert_well_set(lines, "goal")
    for phrase in ("南北畅通", "生活圈", "经济圈"):
        assert any(phrase in line for line in lines), f"{phrase} split: {lines}"


def shown_lines(label) -> list[str]:
    """A word-wrapped label's lines as Qt draws them at its width."""
    width = label.contentsRect().width() - max(0, label.indent())
    return [line for line in qt_wrapped_lines(label.text(), label.font(), width) if line]


def test_in_portrait_an_open_card_leaves_the_track_where_it_was(qtbot, make_kiosk):
    """In English large-text mode the goal stepping aside for a card let the squeezed track grow under the card:
    the card covered the lowest labels and the year ruler."""
    kiosk = make_kiosk(size=(1080, 1920), lang="en")
    apply_text_scale(kiosk, True)
    screen = open_timeline(qtbot, kiosk)
    track, card = screen.track, screen.card
    before = track.geometry()
    touch.tap(track, track.marker_point("dusty-roads"))
    assert card.isVisible()
    qtbot.waitUntil(lambda: card.geometry().top() == screen.card_slot.geometry().top(), timeout=3000)
    QApplication.processEvents()  # a relayout the hidden goal asked for has run
    QApplication.processEvents()
    assert track.geometry() == before
    assert card.geometry().top() > track.geometry().bottom()


@pytest.mark.parametrize(("size", "lang"), [((1080, 1920), "en"), ((1080, 1920), "zh"), ((1920, 1080), "en"),
                                            ((1366, 768), "en")], ids=["portrait-en", "portrait-zh", "1920-en", "1366"])
@pytest.mark.parametrize("mode", ["normal", "large", "reach"])
def test_the_headers_title_is_set_by_the_rules_with_no_word_alone(qtbot, make_kiosk, size, lang, mode):
    """In portrait English the title ended with "Ahead" alone on its second line (Qt's own wrap)."""
    kiosk = make_kiosk(size=size, lang=lang)
    if mode == "large":
        apply_text_scale(kiosk, True)
    elif mode == "reach":
        touch.tap(kiosk.window.bar.reach_button)
    screen = open_timeline(qtbot, kiosk)
    title = kiosk.exhibition.timeline.title.get(lang)
    lines = drawn_lines(screen.title)
    assert "".join(lines).replace(" ", "") == title.replace(" ", "")
    assert_well_set(lines, "title")
    if len(lines) > 1:
        assert len(lines[-1].split()) > 1 or lang == "zh", f"a word alone on the title's last line: {lines}"
        longest, shortest = max(map(len, lines)), min(map(len, lines))
        assert shortest >= longest * 0.4, f"unbalanced title lines: {lines}"


def drawn_lines(label) -> list[str]:
    """A label's lines as Qt draws them at its width, plain or rich text."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    if label.textFormat() == Qt.TextFormat.PlainText:
        document.setPlainText(label.text())
    else:
        document.setHtml(label.text())
    document.setTextWidth(label.contentsRect().width() - max(0, label.indent()))
    document.documentLayout().documentSize()  # laid out now
    lines = []
    block = document.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            piece = text[line.textStart():line.textStart() + line.textLength()]
            lines += [part.strip() for part in piece.split("\u2028")]  # a <br> inside a block
        block = block.next()
    return [line for line in lines if line]


@pytest.mark.parametrize(("size", "lang"), [((3840, 2160), "en"), ((1080, 1920), "zh")], ids=["4k-en", "portrait-zh"])
def test_in_accessible_mode_the_chosen_event_its_label_and_its_card_are_in_the_band(qtbot, make_kiosk, size, lang):
    """On tall screens the band cut the chosen label at its top, the hint at its bottom, and the card showed a line
    or two of its text."""
    kiosk = make_kiosk(size=size, lang=lang)
    touch.tap(kiosk.window.bar.reach_button)
    assert kiosk.reach.active
    screen = open_timeline(qtbot, kiosk)
    scroll = kiosk.window.reach_scroller()
    view = scroll.viewport()

    def in_band(widget, rect: QRect | None = None) -> QRect:
        rect = rect if rect is not None else widget.rect()
        return QRect(widget.mapTo(view, rect.topLeft()), rect.size())

    if screen.hint.isVisible():
        hint = in_band(screen.hint)
        assert not (hint.top() < view.height() < hint.bottom()), f"the hint cut by the band: {hint.getRect()}"
    track, card = screen.track, screen.card
    line = card.text.fontMetrics().lineSpacing()
    for event in kiosk.exhibition.timeline.events[:6]:
        track.ensure_visible(event.id, animate=False)
        touch.tap(track, track.marker_point(event.id))
        assert card.isVisible() and card.event.id == event.id
        qtbot.waitUntil(lambda: not track.moving and screen._slide.state() != screen._slide.State.Running,
                        timeout=3000)
        qtbot.wait(50)  # the band's own reveal after the card showed
        band = view.rect()
        label = in_band(track, track.label_rect(event.id))
        assert band.contains(label), f"{event.id}: label {label.getRect()} outside the band {band.getRect()}"
        assert band.contains(in_band(card)), f"{event.id}: card {in_band(card).getRect()} outside the band"
        shown = card.scroll.viewport().height()
        assert card.scroll.verticalScrollBar().maximum() == 0 or shown >= 4 * line, \
            f"{event.id}: the card shows {shown / line:.1f} lines of its text"


def open_card(qtbot, screen: TimelineScreen, event_id: str):
    """The event brought into view, its marker tapped: its card, open."""
    track, card = screen.track, screen.card
    track.ensure_visible(event_id, animate=False)
    qtbot.waitUntil(lambda: not track.moving, timeout=3000)
    touch.tap(track, track.marker_point(event_id))
    assert card.isVisible() and card.event.id == event_id
    return card


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)], ids=["1920x1080", "3840x2160"])
def test_a_cards_photo_is_shown_at_a_sensible_aspect(qtbot, make_kiosk, size):
    """The 2018 event's photo showed as a strip about 90 px tall across the card, in landscape at every size."""
    kiosk = make_kiosk(size=size, lang="zh")
    card = open_card(qtbot, open_timeline(qtbot, kiosk), "district-founded")
    photo = card.photo_card()
    assert photo is not None
    qtbot.waitUntil(lambda: photo.view.isVisible() and photo.view.width() > 0, timeout=3000)
    view = photo.view
    assert view.height() >= min(0.45 * view.width(), view.heightForWidth(view.width())), view.size()


@pytest.mark.parametrize(("size", "large"), [((1080, 1920), False), ((1920, 1080), True)], ids=["portrait", "large"])
def test_the_last_cards_text_is_all_shown_where_the_screen_has_room(qtbot, make_kiosk, size, large):
    """The English last card faded its last lines: its text shows in full, or the card takes all the room it has."""
    kiosk = make_kiosk(size=size, lang="en")
    if large:
        apply_text_scale(kiosk, True)
    screen = open_timeline(qtbot, kiosk)
    track, card = screen.track, open_card(qtbot, screen, "lukou-port")
    qtbot.waitUntil(lambda: screen._slide.state() != screen._slide.State.Running, timeout=3000)
    QApplication.processEvents()
    bar = card.scroll.verticalScrollBar()
    room = screen.card_slot.height() if screen.card_slot is not None else track.height() - 8
    all_shown = bar.maximum() == 0 and not card.more_below.isVisible()
    assert all_shown or card.height() >= room - 2, (card.geometry(), bar.maximum(), room)
    if screen.card_slot is not None:
        assert all_shown  # "Show on map" beside the close button: the text has the row it took under it


SIZES = [(1920, 1080), (1080, 1920), (1366, 768), (3840, 2160)]


def longest_event(kiosk, lang: str) -> str:
    """The event the screenshot tool and the layout tour open: the longest title and text."""
    events = kiosk.exhibition.timeline.events
    return max(events, key=lambda e: len(e.title.get(lang)) + len(e.text.get(lang))).id


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_a_card_opened_directly_has_its_event_label_and_goal_in_view_at_once(qtbot, make_kiosk, size):
    """Opened without a tap (as the screenshot tool does), the track glided ~5,000 px from its start to the
    event: a shot caught it mid-glide with the goal half under the card (docs timeline-card-zh-1920x1080)."""
    kiosk = make_kiosk(size=size, lang="zh")
    screen = open_timeline(qtbot, kiosk)
    event_id = longest_event(kiosk, "zh")
    screen.open_event(event_id)
    assert not screen.track.moving  # there at once, not gliding across the whole history
    assert_chosen_in_view(screen, event_id)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_a_language_switch_or_a_resize_with_a_card_open_keeps_the_event_and_goal_in_view(qtbot, make_kiosk, size):
    """The labels and the goal change width with the language, and the card's edge moves with the screen's
    width: the track kept its old offset and left the chosen event or the goal under the card."""
    kiosk = make_kiosk(size=size, lang="en")
    screen = open_timeline(qtbot, kiosk)
    track, window = screen.track, kiosk.window
    w, h, full = window.width(), window.height(), screen.width()
    for event_id in (longest_event(kiosk, "en"), kiosk.exhibition.timeline.events[-1].id):
        drag_into_view(qtbot, screen, event_id)
        touch.tap(track, track.marker_point(event_id))
        qtbot.waitUntil(lambda: not track.moving, timeout=3000)
        assert_chosen_in_view(screen, event_id)
        touch.tap(kiosk.window.bar.zh_button)
        qtbot.waitUntil(lambda: screen.lang == "zh", timeout=3000)
        qtbot.waitUntil(lambda: not track.moving, timeout=3000)
        assert screen.card.isVisible() and screen.card.event.id == event_id
        assert_chosen_in_view(screen, event_id)
        window.resize(round(w * 0.8), h)
        qtbot.waitUntil(lambda: screen.width() < full, timeout=3000)
        QApplication.processEvents()
        assert_chosen_in_view(screen, event_id)
        window.resize(w, h)
        qtbot.waitUntil(lambda: screen.width() == full, timeout=3000)
        QApplication.processEvents()
        assert_chosen_in_view(screen, event_id)
        touch.tap(kiosk.window.bar.en_button)
        qtbot.waitUntil(lambda: screen.lang == "en", timeout=3000)
        assert_chosen_in_view(screen, event_id)


@pytest.mark.parametrize(("size", "lang"), CASES, ids=IDS)
def test_no_label_is_drawn_half_in_an_edge_fade(qtbot, make_kiosk, size, lang):
    """Labels of events near an edge were drawn half-faded there, as if cut: each is drawn clear of the fades
    (slid inward) or not at all, at every place a swipe along the track stops, with a card open or not."""
    kiosk = make_kiosk(size=size, lang=lang)
    screen = open_timeline(qtbot, kiosk)
    track = screen.track

    def check(where: str) -> None:
        left, right = track.fade_widths()
        usable = track.width() - track.reserved_right
        shown = track.shown_label_rects()
        assert shown, where
        for event_id, rect in shown.items():
            assert rect.left() >= left and rect.right() < usable - right, \
                f"{where}: {event_id}'s label {rect.getRect()} in a fade ({left}, {usable - right})"
        # the band names too ("In preparation" sat half in the left fade), and the years on the ruler ("2014"
        # was cut in half at the card's edge)
        metrics = QFontMetrics(track.theme.font(t.CAPTION, bold=True))
        for band in track.painting_state()[0].bands:
            width = metrics.horizontalAdvance(tr(f"band_{band.status}", lang))
            name = track.band_name_left(band, width)
            if name is not None and 0 < name + width and name < usable:
                assert left <= name and name + width <= usable - right, \
                    f"{where}: the name of the {band.status} band at {name:.0f} in a fade"
        for year, rect in track.numbered_years().items():
            assert rect.left() >= left and rect.right() < usable - right, f"{where}: {year} {rect.getRect()}"
        on_screen = [x - track.offset for x, _ in track.painting_state()[0].ticks]
        if any(left + 100 < x < usable - right - 100 for x in on_screen):
            assert track.numbered_years(), f"{where}: no year numbered"

    for card_open in (False, True):
        if card_open:
            touch.tap(track, track.marker_point(kiosk.exhibition.timeline.events[1].id))
            qtbot.waitUntil(lambda: not track.moving, timeout=3000)
        for _ in along_the_track(qtbot, track, 0.23, 10):
            check(f"card {card_open}, offset {track.offset:.0f}")
        assert track.offset >= track.maximum - 1


@pytest.mark.parametrize(("size", "lang"), [((1920, 1080), "zh"), ((1366, 768), "en")], ids=["1920-zh", "1366-en"])
def test_show_on_map_is_never_squeezed_in_the_cards_top_row(qtbot, make_kiosk, size, lang):
    """In accessible mode at 1920×1080 the 2012 card's top row had no room for "在地图上查看": the button was
    squeezed and its last character cut."""
    kiosk = make_kiosk(size=size, lang=lang)
    touch.tap(kiosk.window.bar.reach_button)
    screen = open_timeline(qtbot, kiosk)
    for event in kiosk.exhibition.timeline.events:
        if not event.map_features:
            continue
        card = open_card(qtbot, screen, event.id)
        qtbot.waitUntil(lambda: screen._slide.state() != screen._slide.State.Running, timeout=3000)
        QApplication.processEvents()
        button = card.map_button
        assert button.isVisible()
        assert button.width() >= button.sizeHint().width(), f"{event.id}: {button.width()} < {button.sizeHint()}"


YEAR_CASES = [((1920, 1080), "zh"), ((1920, 1080), "en"), ((3840, 2160), "zh"), ((3840, 2160), "en")]


@pytest.mark.parametrize(("size", "lang"), YEAR_CASES, ids=[f"{w}x{h}-{lang}" for (w, h), lang in YEAR_CASES])
def test_in_accessible_mode_every_year_on_the_ruler_is_drawn_whole(qtbot, make_kiosk, size, lang):
    """In accessible mode at 1920×1080 the years under the ruler lost the bottoms of their digits: their text was
    taller than the room under the ruler. Each number's ink (its glyphs' tight box where it is drawn) lies inside
    the track, below the ruler's ticks, and clear of every label, the goal and the band names, at every place a
    swipe along the track stops."""
    kiosk = make_kiosk(size=size, lang=lang)
    touch.tap(kiosk.window.bar.reach_button)
    assert kiosk.reach.active
    screen = open_timeline(qtbot, kiosk)
    track = screen.track
    tick_end = track.ruler_y() + track.theme.px(10)  # the ruler's ticks reach this far down
    seen = 0
    for _ in along_the_track(qtbot, track, 0.4, -4, most=40):
        others = [*track.shown_label_rects().values(), track.goal_rect()]
        for year, ink in track.year_ink_boxes().items():
            seen += 1
            where = f"{year} at offset {track.offset:.0f}: ink {ink.getRect()}"
            assert track.rect().contains(ink), f"{where} outside the track {track.rect().getRect()}"
            assert ink.top() > tick_end, f"{where} on the ruler's ticks (to {tick_end})"
            assert not any(ink.intersects(other) for other in others), f"{where} under a label or the goal"
    assert seen and track.offset >= track.maximum - 1



def test_in_portrait_large_text_the_card_gets_the_height_the_track_does_not_need(qtbot, make_kiosk):
    """Portrait, English, large text: the track stood tall and mostly empty above its line (one five-line title
    made its whole lane tall, and the track kept slack around its lanes), while the card under it showed 7½ lines
    of its text and faded the rest. Now the track is no taller than its band names, its lanes and its ruler need
    (8 px to spare), no title takes more than four lines on its label, and every card shows all its text or at
    least 9 lines of it."""
    kiosk = make_kiosk(size=(1080, 1920), lang="en")
    apply_text_scale(kiosk, True)
    screen = open_timeline(qtbot, kiosk)
    track, card = screen.track, screen.card
    layout = track.painting_state()[0]
    spare = track.height() - sum(track._rooms()) - (layout.bottom - layout.top)
    assert spare <= track.theme.px(8) + 1, f"{spare} px of the track's height are no lane's"
    for event in kiosk.exhibition.timeline.events:
        assert len(track.event_title_lines(event.id)) <= 4, track.event_title_lines(event.id)
    for event in kiosk.exhibition.timeline.events:
        track.ensure_visible(event.id, animate=False)
        qtbot.waitUntil(lambda: not track.moving, timeout=3000)
        touch.tap(track, track.marker_point(event.id))
        assert card.isVisible() and card.event.id == event.id
        top = screen.card_slot.geometry().top()
        qtbot.waitUntil(lambda top=top: card.geometry().top() == top, timeout=3000)  # slid into place

        def enough(line: int = card.text.fontMetrics().lineSpacing()) -> bool:
            return card.scroll.verticalScrollBar().maximum() == 0 or card.scroll.viewport().height() >= 9 * line

        qtbot.waitUntil(enough, timeout=2000)  # once laid out


STEM_CASES = [((1920, 1080), "zh"), ((1080, 1920), "en")]


@pytest.mark.parametrize(("size", "lang"), STEM_CASES, ids=[f"{w}x{h}-{lang}" for (w, h), lang in STEM_CASES])
def test_every_stem_drops_straight_from_its_label_to_its_marker(qtbot, make_kiosk, size, lang):
    """A label sliding out of the left fade had its stem drawn slanted, from the marker to the label's near
    corner. Each stem drawn is vertical: it leaves the label at a point above (or below) its marker, inside the
    label's box, at every place a swipe along the track stops."""
    kiosk = make_kiosk(size=size, lang=lang)
    screen = open_timeline(qtbot, kiosk)
    track = screen.track
    seen = 0
    for _ in along_the_track(qtbot, track, 0.23, -4):
        stems = track.stems()
        assert set(stems) == set(track.shown_label_lefts()), "a label drawn without its stem"
        for event_id, (marker_end, label_end) in stems.items():
            seen += 1
            where = f"{event_id} at offset {track.offset:.0f}"
            assert marker_end.x() == label_end.x(), f"{where}: slanted, {marker_end.x()} to {label_end.x()}"
            assert abs(marker_end.x() - track.marker_point(event_id).x()) <= 0.5, f"{where}: not from its marker"
            label = track.label_rect(event_id)
            assert label.left() < label_end.x() < label.right(), f"{where}: the stem misses its label"
    assert seen and track.offset >= track.maximum - 1
