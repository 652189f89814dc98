"""A visitor uses the transport timeline by touch and mouse: opens it from home, taps every event, drags and
flings the track, meets its ends, switches language, and finds it reset for the next visitor."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QFontMetricsF, QMouseEvent, QTextDocumentFragment
from PySide6.QtWidgets import QApplication

from kiosk.app_staff import apply_text_scale
from kiosk.navigation import Route
from kiosk.ui.panels.timeline_screen import TimelineScreen
from kiosk.ui.widgets.typeset_label import latin_family

from . import touch
from .background import background_result
from .helpers import entered, home
from .test_typography_on_screen import assert_well_set

SIZES = [(1920, 1080), (1080, 1920)]


def plain(label) -> str:
    """A label's text as read (the title is rich text: its quotes from the proportional face)."""
    return QTextDocumentFragment.fromHtml(label.text()).toPlainText()


def open_timeline(qtbot, kiosk) -> TimelineScreen:
    tile = home(kiosk).tile_for(Route("timeline"))
    screen = entered(qtbot, kiosk, lambda: touch.tap(tile))
    assert isinstance(screen, TimelineScreen)
    return screen


def tap_event(screen: TimelineScreen, event_id: str) -> None:
    """Bring the event out from under the card and the edges, as a visitor's drag would, then tap its marker."""
    track = screen.track
    track.ensure_visible(event_id, animate=False)
    point = track.marker_point(event_id)
    covered = screen.card.geometry().translated(-track.x(), -track.y()) if screen.card.isVisible() else None
    assert track.rect().contains(point), f"{event_id} is off the track at {point}"
    assert covered is None or not covered.contains(point), f"{event_id} is under the card"
    touch.tap(track, point)


def test_the_timeline_opens_from_its_home_tile_by_touch(qtbot, kiosk):
    timeline = kiosk.exhibition.timeline
    tiles = home(kiosk).tiles
    sections = len(kiosk.exhibition.sections)
    assert tiles[sections].title() == timeline.title.zh  # right after the four sections
    screen = open_timeline(qtbot, kiosk)
    assert plain(screen.title) == timeline.title.zh
    assert "10—20分钟生活圈、经济圈" in screen.goal.text()
    assert kiosk.window.bar.place() == timeline.title.zh
    assert not screen.card.isVisible() and screen.track.offset == 0


@pytest.mark.parametrize(("size", "lang"), [(SIZES[0], "zh"), (SIZES[1], "zh"), (SIZES[0], "en")],
                         ids=["landscape", "portrait", "landscape-en"])
def test_tapping_every_event_by_touch_opens_its_card(qtbot, make_kiosk, size, lang):
    """In English at 1920×1080 one card's text once just fitted: its scroll bar came and went with every line
    setting, and the process crashed (a stack overflow inside Qt) on the next card."""
    kiosk = make_kiosk(size=size, lang=lang)
    screen = open_timeline(qtbot, kiosk)
    has_map = kiosk.exhibition.map is not None
    for event in kiosk.exhibition.timeline.events:
        tap_event(screen, event.id)
        card = screen.card
        assert card.isVisible(), event.id
        assert card.event is not None and card.event.id == event.id
        assert card.title.source() == event.title.get(lang)
        assert card.text.source() == event.text.get(lang)
        assert screen.track.selected == event.id
        assert card.map_button.isVisibleTo(card) == (has_map and bool(event.map_features))
        if event.photo:
            photo = card.photo_card()
            assert photo is not None and photo.isVisibleTo(card) and photo.photo.id == event.photo
        else:
            assert card.photo_card() is None
        if event.when is not None:
            assert card.time_label.text() == event.when.label(lang)
    assert card.geometry().width() >= 600
    assert card.geometry().height() >= 400 or card.scroll.verticalScrollBar().maximum() == 0  # or all text shown


def test_a_tap_on_a_label_works_too_and_the_close_button_closes(qtbot, kiosk):
    screen = open_timeline(qtbot, kiosk)
    track = screen.track
    touch.tap(track, track.label_rect("dusty-roads").center())
    assert screen.card.event.id == "dusty-roads"
    touch.tap(screen.card.close_button)
    assert not screen.card.isVisible() and track.selected is None


def test_a_tap_on_empty_track_closes_the_card(qtbot, kiosk):
    screen = open_timeline(qtbot, kiosk)
    tap_event(screen, "fubo-avenue")
    track = screen.track
    qtbot.waitUntil(lambda: not track.moving, timeout=3000)  # a tap on a gliding track only stops it
    empty = QPoint(track.marker_point("fubo-avenue").x() + track.metrics.px_per_year // 2, track.height() // 2 - 8)
    assert track.event_at(QPointF(empty)) is None
    touch.tap(track, empty)
    assert not screen.card.isVisible()


def test_dragging_the_track_follows_the_finger(qtbot, kiosk):
    track = open_timeline(qtbot, kiosk).track
    start = QPoint(track.width() - 200, track.height() - 30)
    touch.drag(track, start, start - QPoint(600, 0), steps=20, step_ms=16, hold=True)
    assert track.offset == pytest.approx(600, abs=1)  # exactly under the finger, slop included
    qtbot.wait(150)  # the finger rests before lifting: no fling
    touch.release(track, start - QPoint(600, 0))
    qtbot.waitUntil(lambda: not track.moving, timeout=3000)  # a fling would move it on first
    assert track.offset == pytest.approx(600, abs=1)
    assert track.selected is None  # a drag is not a tap


def test_a_fling_keeps_moving_then_stops(qtbot, kiosk):
    track = open_timeline(qtbot, kiosk).track
    start = QPoint(track.width() - 200, track.height() // 2)
    touch.drag(track, start, start - QPoint(500, 0), steps=5, step_ms=10)
    released_at = track.offset
    assert track.moving
    qtbot.waitUntil(lambda: track.offset > released_at + 100, timeout=2000)
    qtbot.waitUntil(lambda: not track.moving, timeout=5000)
    assert released_at + 100 < track.offset <= track.maximum


def test_the_ends_resist_and_spring_back(qtbot, kiosk):
    track = open_timeline(qtbot, kiosk).track
    start = QPoint(200, track.height() // 2)
    touch.drag(track, start, start + QPoint(400, 0), steps=10, step_ms=16, hold=True)
    assert -400 < track.offset < -20  # moves past the start, but less than the finger
    touch.release(track, start + QPoint(400, 0))
    qtbot.waitUntil(lambda: track.offset == 0 and not track.moving, timeout=3000)
    track.scroll_to(track.maximum, animate=False)
    end = track.maximum
    touch.drag(track, start + QPoint(400, 0), start, steps=10, step_ms=16, hold=True)
    assert end + 20 < track.offset < end + 400
    touch.release(track, start)
    qtbot.waitUntil(lambda: track.offset == end and not track.moving, timeout=3000)


def test_a_mouse_drag_moves_the_track_and_a_click_opens_an_event(qtbot, kiosk):
    screen = open_timeline(qtbot, kiosk)
    track = screen.track

    def mouse(kind: QEvent.Type, x: int, buttons: Qt.MouseButton) -> None:
        pos = QPointF(x, track.height() - 30)
        event = QMouseEvent(
            kind, pos, track.mapToGlobal(pos), Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(track, event)

    left = Qt.MouseButton.LeftButton
    mouse(QEvent.Type.MouseButtonPress, 1200, left)
    for x in range(1180, 879, -20):
        qtbot.wait(8)
        mouse(QEvent.Type.MouseMove, x, left)
    assert track.offset == pytest.approx(320, abs=1)
    mouse(QEvent.Type.MouseButtonRelease, 880, Qt.MouseButton.NoButton)
    qtbot.waitUntil(lambda: not track.moving, timeout=5000)
    track.ensure_visible("fubo-avenue", animate=False)
    qtbot.mouseClick(track, left, pos=track.marker_point("fubo-avenue"))
    assert screen.card.isVisible() and screen.card.event.id == "fubo-avenue"


def test_the_language_switch_changes_card_labels_and_legend_at_once(qtbot, kiosk):
    screen = open_timeline(qtbot, kiosk)
    timeline = kiosk.exhibition.timeline
    tap_event(screen, "provincial-road-s211")
    event = timeline.event("provincial-road-s211")
    touch.tap(kiosk.window.bar.en_button)
    assert screen.card.title.source() == event.title.en
    assert screen.card.text.source() == event.text.en
    assert screen.card.time_label.text() == "End of 2012"
    assert screen.card.map_button.text() in ("Show on map", "")
    assert screen.track.event_label_text("provincial-road-s211") == f"End of 2012 {event.title.en}"
    assert plain(screen.title) == timeline.title.en and kiosk.window.bar.place() == timeline.title.en
    assert screen.legend.names() == ["Completed", "Work began", "Under construction", "In preparation", "Milestone"]
    assert screen.track.selected == "provincial-road-s211"
    touch.tap(kiosk.window.bar.zh_button)
    assert screen.card.title.source() == event.title.zh
    assert screen.track.event_label_text("lufeng-avenue") == "在建 渌枫大道"


def test_leaving_and_coming_back_finds_the_start_again(qtbot, kiosk):
    screen = open_timeline(qtbot, kiosk)
    tap_event(screen, "second-ship-lock")
    assert screen.track.offset > 0 and screen.card.isVisible()
    entered(qtbot, kiosk, lambda: touch.tap(kiosk.window.bar.home_button))
    screen = open_timeline(qtbot, kiosk)
    assert screen.track.offset == 0 and not screen.card.isVisible() and screen.track.selected is None


def test_show_on_map_asks_for_the_map_at_the_event(qtbot, kiosk):
    ctx = kiosk.context
    screen = TimelineScreen(
        kiosk.window.theme, ctx.exhibition, ctx.exhibition.timeline, ctx.photo_path, ctx.images, ctx.open_photo, True
    )
    qtbot.addWidget(screen)
    screen.resize(1920, 968)
    screen.show()
    screen.open_event("second-ship-lock")
    assert screen.card.map_button.isVisible()
    with qtbot.waitSignal(screen.navigate) as asked:
        touch.tap(screen.card.map_button)
    assert asked.args == [Route("map", "second-ship-lock")]
    screen.open_event("district-founded")  # no map features: nothing to show on the map
    assert not screen.card.map_button.isVisible()


def test_without_a_map_there_is_no_map_button(qtbot, kiosk):
    ctx = kiosk.context
    screen = TimelineScreen(
        kiosk.window.theme, ctx.exhibition, ctx.exhibition.timeline, ctx.photo_path, ctx.images, ctx.open_photo, False
    )
    qtbot.addWidget(screen)
    screen.resize(1920, 968)
    screen.show()
    screen.open_event("second-ship-lock")
    assert not screen.card.map_button.isVisible()


@pytest.mark.background("smoke")  # `kiosk --smoke`, started with the session
def test_smoke_mode_visits_the_timeline(request):
    done = background_result(request)
    assert done.returncode == 0, done.stdout + done.stderr
    assert any(line.startswith("ok   timeline") for line in done.stdout.splitlines()), done.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", SIZES, ids=["landscape", "portrait"])
def test_labels_neither_collide_nor_leave_the_track(qtbot, make_kiosk, size, lang):
    kiosk = make_kiosk(size=size, lang=lang)
    track = open_timeline(qtbot, kiosk).track
    rects = {e.id: track.label_rect(e.id) for e in kiosk.exhibition.timeline.events}
    ruler = track.height() - kiosk.window.theme.px(44)  # the year ruler along the bottom
    for event_id, rect in rects.items():
        leaves = f"{event_id} label {rect} leaves the track (height {track.height()})"
        assert rect.top() >= 0 and rect.bottom() < ruler, leaves
        assert rect.height() >= kiosk.window.theme.px(60)  # at least a time and a title line
    for (a, ra), (b, rb) in itertools.combinations(rects.items(), 2):
        assert not ra.intersects(rb), f"labels of {a} and {b} overlap"


@pytest.mark.parametrize(("size", "lang", "large"),
                         [((1920, 1080), "en", True), ((1366, 768), "en", False), ((1080, 1920), "en", True)])
def test_a_cards_text_that_runs_on_fades_out_above_the_map_button(qtbot, make_kiosk, size, lang, large):
    """A card whose text is longer than its room showed a line sliced in half above "show on map": the text now
    fades out over its last lines while more lies below, and ends cleanly once scrolled to its end. (In portrait
    every text fits at the normal size, and at 1920×1080 too since "show on map" shares the top row: there, the
    longest in large text.)"""
    kiosk = make_kiosk(size=size, lang=lang)
    if large:
        apply_text_scale(kiosk, True)
    screen = open_timeline(qtbot, kiosk)
    card = screen.card
    longest = max(kiosk.exhibition.timeline.events, key=lambda e: len(e.text.get(lang)))
    tap_event(screen, longest.id)
    qtbot.waitUntil(lambda: card.isVisible() and card.event is not None and card.event.id == longest.id)
    bar = card.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    viewport = card.scroll.viewport().geometry()
    fade = card.more_below
    line = card.text.fontMetrics().height() * 1.5
    assert fade.isVisible()
    assert fade.geometry().bottom() == viewport.bottom() and fade.width() == viewport.width()
    assert fade.height() >= line  # the sliced line lies within it
    bar.setValue(bar.maximum())
    assert not fade.isVisible()


@pytest.mark.parametrize(("size", "lang"), [((1920, 1080), "zh"), ((1080, 1920), "zh"), ((1920, 1080), "en")])
def test_the_headers_title_intro_and_goal_start_at_one_edge(qtbot, make_kiosk, size, lang):
    """The title's and the intro's opening quotes hang in the margin: their first characters line up with the
    goal's (in Chinese each started at its own left edge, pushed in by its quote's empty half)."""
    kiosk = make_kiosk(size=size, lang=lang)
    screen = open_timeline(qtbot, kiosk)

    def first_character_x(label, text: str) -> float:
        start = label.contentsRect().left() + max(0, label.indent())
        opener = text[0] if text[0] in "“‘" else ""
        if opener:  # the quote drawn from the proportional face hangs: the text starts after it
            hung = label.font()
            hung.setFamilies([latin_family(hung.families()), *hung.families()])
            start += QFontMetricsF(hung).horizontalAdvance(opener)
        return label.mapTo(screen, QPoint(0, 0)).x() + start

    timeline = kiosk.exhibition.timeline
    edges = [first_character_x(screen.title, timeline.title.get(lang)),
             first_character_x(screen.intro, timeline.intro.get(lang))]
    if screen.goal.isVisible() and not kiosk.window.theme.portrait:
        edges.append(screen.goal.mapTo(screen, QPoint(0, 0)).x() + screen.goal.indent())
    else:
        edges.append(screen.legend.mapTo(screen, QPoint(0, 0)).x())
    assert max(edges) - min(edges) <= 2, edges


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768), (3840, 2160)])
@pytest.mark.parametrize("large", [False, True])
def test_track_labels_break_their_titles_by_the_rules(qtbot, make_kiosk, size, large):
    """No label ends on a lone character ("湘江东岸综合治理沿江 / 路"), nor starts a line with closing
    punctuation; and each line fits the label."""
    kiosk = make_kiosk(size=size)
    apply_text_scale(kiosk, large)
    screen = open_timeline(qtbot, kiosk)
    track = screen.track
    for event in kiosk.exhibition.timeline.events:
        lines = track.event_title_lines(event.id)
        assert "".join(lines).replace(" ", "") == event.title.zh.replace(" ", "")
        assert_well_set(lines, event.id)
        label = track.label_rect(event.id)
        assert label.width() <= track.width()
