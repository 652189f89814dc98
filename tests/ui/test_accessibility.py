"""Accessibility, checked on the real screens: every touch target at least 9 mm on the glass (55" 1080p and 65"
4K), no status told by colour alone, accessible mode keeping every control inside the reach band (55" at 0.9 m,
landscape and portrait), the "still there?" answer in reach and in both languages, and the mode's life (on with
its button, text larger, twice the time, off with the visit, counted)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QPushButton, QScrollBar, QWidget

from kiosk.layout.contrast import min_target_px
from kiosk.layout.reach import physical_size_mm
from kiosk.modes import Mode
from kiosk.navigation import Route
from kiosk.ui import theme as t
from kiosk.ui.widgets import map_style, timeline_style
from kiosk.ui.widgets.gallery_card import GalleryCard

from . import touch
from .helpers import entered
from .helpers import home as home_screen

T0 = datetime(2024, 5, 6, 10, 0, 0)  # a Monday morning, open


def interactive(root: QWidget) -> list[QWidget]:
    """What a visitor can press under `root`, as shown now. Content scrolls by dragging the content itself, so
    the thin scroll indicators of the screens are not targets; the reach scroller's own bar is."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root.window()) or widget.width() <= 0:
            continue
        if isinstance(widget, QScrollBar):
            if widget.property("role") == "reach_scroll":
                found.append(widget)
            continue
        if isinstance(widget, (QAbstractButton, GalleryCard)):
            found.append(widget)
    return found


def window_rect(widget: QWidget) -> QRect:
    top_left = widget.mapTo(widget.window(), widget.rect().topLeft())
    return QRect(top_left, widget.size())


def visible_rect(widget: QWidget) -> QRect:
    """The part of `widget` its ancestors leave visible (window coordinates)."""
    rect = window_rect(widget)
    parent = widget.parentWidget()
    while parent is not None:
        rect = rect.intersected(window_rect(parent))
        parent = parent.parentWidget()
    return rect


def event_ids(track) -> list[str]:
    return [item.id for item in track._layout.items]


def tour(qtbot, kiosk):
    """Every screen a visitor can reach, with a map feature's card, a timeline event's card and the viewer open:
    yields a name for each state."""
    window = kiosk.window
    for route in kiosk.top_level_routes():
        if route.screen == "home":
            if kiosk.navigator.current.screen != "home":
                entered(qtbot, kiosk, window.go_home)
        else:
            entered(qtbot, kiosk, lambda r=route: window.navigate(r))
        yield route.key
        screen = window.current_screen()
        if route.screen == "timeline":
            track = screen.track  # type: ignore[attr-defined]  # the timeline screen's track
            event = event_ids(track)[0]
            track.event_chosen.emit(event)
            qtbot.waitUntil(lambda s=screen: s.card.isVisible())  # type: ignore[attr-defined]
            yield "timeline with a card"
        if route.screen == "map":
            feature = screen._scene.model.features[0].id  # type: ignore[attr-defined]  # the map screen's scene
            screen.open_card(feature)  # type: ignore[attr-defined]
            qtbot.waitUntil(lambda s=screen: s.card.isVisible())  # type: ignore[attr-defined]
            yield "map with a feature card"
            screen.close_card()  # type: ignore[attr-defined]
        if route.screen == "gallery":
            photo = kiosk.exhibition.photos[0].id
            entered(qtbot, kiosk, lambda p=photo: window.navigate(Route("photo", p)))
            yield "photo viewer"


@pytest.mark.parametrize(("size", "diagonal"), [((1920, 1080), 55), ((3840, 2160), 65)], ids=["55in-1080p", "65in-4k"])
def test_every_touch_target_is_at_least_9_mm_on_the_glass(qtbot, make_kiosk, size, diagonal):
    kiosk = make_kiosk(size=size)
    minimum = min_target_px(*size, *physical_size_mm(diagonal, *size))
    small = []
    seen = 0
    states = []
    for state in tour(qtbot, kiosk):
        states.append(state)
        for widget in interactive(kiosk.window):
            seen += 1
            if min(widget.width(), widget.height()) < minimum:
                small.append(f"{state}: {type(widget).__name__} {widget.objectName() or widget.property('role')} "
                             f"{widget.width()}×{widget.height()} px < {minimum:.0f} px")
        screen = kiosk.window.current_screen()
        track = getattr(screen, "track", None)
        if track is not None and hasattr(track, "label_rect"):
            for event in event_ids(track):
                box = track.label_rect(event)
                if min(box.width(), box.height()) < minimum:
                    small.append(f"{state}: timeline event {event} {box.width()}×{box.height()} px")
    assert seen > 60
    assert {"map with a feature card", "timeline with a card", "photo viewer"} <= set(states)
    assert small == []


def test_a_widget_made_too_small_on_purpose_fails_the_size_check(qtbot, kiosk):
    button = kiosk.window.bar.zh_button
    button.setFixedSize(12, 12)
    minimum = min_target_px(1920, 1080, *physical_size_mm(55, 1920, 1080))
    assert button in interactive(kiosk.window) and min(button.width(), button.height()) < minimum


def marker_mask(status: str) -> QImage:
    """The marker of a timeline status drawn in one colour: its shape alone."""
    image = QImage(60, 60, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    saved = dict(timeline_style.COLOURS)
    try:
        timeline_style.COLOURS.update({k: "#FFFFFF" for k in timeline_style.COLOURS})
        timeline_style.draw_marker(painter, status, QPointF(30, 30), 20, 4, "#FFFFFF")
    finally:
        timeline_style.COLOURS.update(saved)
        painter.end()
    return image.convertToFormat(QImage.Format.Format_Alpha8)


def test_no_status_is_told_by_colour_alone():
    # the timeline: each status its own line pattern and its own marker shape, and a name in the legend
    statuses = timeline_style.LEGEND_ORDER
    patterns = {s: tuple(timeline_style.line_pen(s, 4).dashPattern()) if timeline_style.line_pen(s, 4).style()
                != Qt.PenStyle.SolidLine else () for s in statuses}
    assert len({p for s, p in patterns.items() if s != "milestone"}) == len(statuses) - 1  # milestone: a diamond
    masks = {s: bytes(marker_mask(s).constBits()) for s in statuses}
    assert len(set(masks.values())) == len(statuses), "two statuses share a marker shape"
    for lang in ("zh", "en"):
        names = [timeline_style.name(s, lang) for s in statuses]
        assert all(names) and len(set(names)) == len(names)
    # the map: each status its own pattern (or, for what existed before, a thinner line), named in the legend
    px = lambda v: v  # noqa: E731 - reference pixels
    looks = {}
    for status in map_style.STATUS_ORDER:
        pens = map_style.line_pens("trunk_road", status, px)
        looks[status] = tuple((round(p.widthF(), 2), tuple(p.dashPattern()) if p.style() != Qt.PenStyle.SolidLine
                               else ()) for p in pens)
    assert len(set(looks.values())) == len(map_style.STATUS_ORDER), looks
    for lang in ("zh", "en"):
        names = [map_style.status_name(s, lang) for s in map_style.STATUS_ORDER]
        assert all(names) and len(set(names)) == len(names)


def test_the_map_legend_names_every_status_and_kind(qtbot, kiosk):
    window = kiosk.window
    screen = entered(qtbot, kiosk, lambda: window.navigate(Route("map")))
    rows = screen.legend._rows  # type: ignore[attr-defined]  # the map screen's legend
    assert {status for _, what, _, status in rows if what == "status"} == set(map_style.STATUS_ORDER)
    assert all(label.text() for label, *_ in rows)


# accessible mode ----------------------------------------------------------------------------------------------


def mounted(kiosk, diagonal=55, bottom_cm=90):
    kiosk.settings.update({"screen_diagonal_in": diagonal, "screen_bottom_cm": bottom_cm})
    return kiosk


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_in_accessible_mode_every_control_lies_inside_the_reach_band(qtbot, make_kiosk, size):
    kiosk = mounted(make_kiosk(size=size))
    window = kiosk.window
    touch.tap(window.bar.reach_button)
    assert kiosk.reach.active
    band = QRect(*kiosk.reach.band().rect())
    assert band.height() == 473 and band.bottom() == size[1] - 1  # 0.9–1.2 m of a 55" screen hung at 0.9 m
    assert window.reach_band() == band
    outside = []
    checked = 0
    states = []
    for state in tour(qtbot, kiosk):
        states.append(state)
        scroller = window.reach_scroller()
        assert scroller is not None
        for widget in interactive(window):
            if scroller.isAncestorOf(widget) and widget is not scroller.verticalScrollBar():
                scroller.ensureWidgetVisible(widget, 0, 0)  # what the visitor does with the band's scroll bar
            seen = visible_rect(widget)
            if seen.isEmpty():
                continue  # scrolled away inside its own screen's scroller, which itself lies in the band
            checked += 1
            if not band.contains(seen):
                outside.append(f"{state}: {type(widget).__name__} {widget.objectName()} at {seen.getRect()}")
        scroller.verticalScrollBar().setValue(0)
    assert checked > 50
    assert {"map with a feature card", "timeline with a card", "photo viewer"} <= set(states)
    assert outside == []


def test_the_band_test_fails_for_a_control_placed_above_the_band_on_purpose(qtbot, kiosk):
    mounted(kiosk)
    kiosk.reach.set_active(True)
    band = kiosk.window.reach_band()
    button = QPushButton("x", kiosk.window)
    button.setGeometry(20, 20, 120, 120)
    button.show()
    assert button in interactive(kiosk.window)
    assert not band.contains(visible_rect(button))


def test_accessible_mode_grows_the_text_and_ends_with_the_visit(qtbot, kiosk):
    mounted(kiosk)
    clock = {"now": T0}
    driver = kiosk.unattended
    driver.clock = lambda: clock["now"]
    driver.start()
    window = kiosk.window
    before = window.bar.title.font().pixelSize()
    touch.tap(window.bar.reach_button)
    assert kiosk.reach.active and window.bar.reach_button.isChecked()
    assert window.theme.reach_scale == t.REACH_TEXT_SCALE
    assert window.bar.title.font().pixelSize() > before
    assert driver.machine.accessible
    assert kiosk.staff.stats.totals().accessible_visits == 1
    # twice the idle timeout before the question
    clock["now"] += timedelta(seconds=kiosk.settings.idle_timeout_s + 5)
    driver.tick()
    assert driver.mode is Mode.ACTIVE
    clock["now"] += timedelta(seconds=kiosk.settings.idle_timeout_s)
    driver.tick()
    assert driver.mode is Mode.STILL_THERE
    overlay = driver.still_there
    assert overlay.remaining() == 2 * kiosk.settings.still_there_s
    assert_in_band(window, overlay.card_rect(), overlay.continue_rect(), seen=False)
    edge = overlay.continue_rect()
    assert min(edge.width(), edge.height()) >= window.theme.px(t.TOUCH_TARGET)
    # the countdown runs out: the next visitor finds the usual layout
    clock["now"] += timedelta(seconds=2 * kiosk.settings.still_there_s + 1)
    driver.tick()
    assert not kiosk.reach.active and not window.bar.reach_button.isChecked()
    assert window.reach_band() is None and window.reach_scroller() is None
    assert window.theme.reach_scale == 1.0 and not driver.machine.accessible
    assert window.stack.parentWidget() is window and window.stack.geometry().top() == 0


def test_leaving_accessible_mode_by_its_button_gives_the_whole_screen_back(qtbot, kiosk):
    mounted(kiosk)
    window = kiosk.window
    touch.tap(window.bar.reach_button)
    assert window.bar.geometry().top() >= kiosk.reach.band().top
    touch.tap(window.bar.reach_button)
    assert not kiosk.reach.active
    assert window.bar.geometry().bottom() == window.height() - 1 and window.stack.geometry().top() == 0
    screen = entered(qtbot, kiosk, lambda: window.navigate(Route("map")))
    assert screen.isVisible()


def test_a_screen_entirely_in_reach_only_grows_the_text(qtbot, kiosk):
    mounted(kiosk, diagonal=32, bottom_cm=60)  # 0.6–1.0 m
    kiosk.reach.set_active(True)
    assert kiosk.reach.band().whole
    assert kiosk.window.reach_band() == kiosk.window.rect()
    assert kiosk.window.theme.reach_scale > 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_still_there_question_is_bilingual_with_a_large_continue(qtbot, kiosk, lang):
    overlay = kiosk.unattended.still_there
    overlay.ask(kiosk.window.grab(), 20, lang)
    image = overlay.grab().toImage()
    assert not image.isNull()
    card, target = overlay.card_rect(), overlay.continue_rect()
    assert card.contains(target) and target.height() >= kiosk.window.theme.px(t.TOUCH_TARGET)
    from kiosk.ui.strings import tr

    words = []
    original = QPainter.drawText

    def spy(self, *args):
        words.append(next(a for a in args if isinstance(a, str)))
        return original(self, *args)

    QPainter.drawText = spy  # type: ignore[method-assign]
    try:
        overlay.repaint()
    finally:
        QPainter.drawText = original  # type: ignore[method-assign]
    text = " ".join(words)
    for key in ("still_there", "still_there_hint", "continue"):
        assert tr(key, "zh") in text and tr(key, "en") in text, key
    overlay.dismiss()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768)])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_text_over_the_hero_photo_lies_where_the_declared_shade_is(qtbot, make_kiosk, size, lang):
    """The contrast rule reads the hero's shade at `HERO_TEXT_FROM`; the date and title must not begin above it,
    and the date is drawn in the text colour there (what the declared pair says)."""
    kiosk = make_kiosk(size=size, lang=lang)
    home = kiosk.window.current_screen()
    height = home.hero.height()
    for label in (home.date_label, home.title_label, home.subtitle_label):
        assert label.geometry().top() / height >= t.HERO_TEXT_FROM
    assert home.date_label.palette().color(home.date_label.foregroundRole()).name().upper() == t.TEXT.upper()


# accessible mode: scrolling the band by a finger, and what opens comes into view --------------------------------


def in_reach(kiosk):
    kiosk = mounted(kiosk)
    touch.tap(kiosk.window.bar.reach_button)
    assert kiosk.reach.active
    return kiosk


def band_bar(window):
    scroller = window.reach_scroller()
    assert scroller is not None
    return scroller.verticalScrollBar()


def first_section(kiosk):
    return next(r for r in kiosk.top_level_routes() if r.screen == "section")


def assert_in_band(window, *parts: QWidget | QRect, seen: bool = True) -> None:
    """Each part (a widget, or a rectangle in window coordinates) lies whole inside the reach band and, with
    `seen`, whole in what the band's scroller shows."""
    band = window.reach_band()
    viewport = window_rect(window.reach_scroller().viewport())
    for part in parts:
        rect = part if isinstance(part, QRect) else visible_rect(part)
        assert band.contains(rect), part
        if seen:
            assert viewport.contains(rect), part
            if isinstance(part, QWidget):
                assert rect == window_rect(part), f"{part} is cut"


def in_view(window, widget) -> QRect:
    """The part of `widget` the visitor sees inside the band's scroller (window coordinates)."""
    viewport = window.reach_scroller().viewport()
    return window_rect(widget).intersected(window_rect(viewport))


def test_a_finger_dragging_a_section_scrolls_the_band_then_the_article(qtbot, make_kiosk):
    kiosk = in_reach(make_kiosk(size=(1920, 1080)))
    window = kiosk.window
    screen = entered(qtbot, kiosk, lambda: window.navigate(first_section(kiosk)))
    bar, article = band_bar(window), screen.body.verticalScrollBar()  # type: ignore[attr-defined]
    assert 0 < bar.value() < bar.maximum() and article.value() == 0  # opens on its reading text
    bar.setValue(0)  # the visitor scrolls the band back to the title
    viewport = window.reach_scroller().viewport()
    on_article = screen.body.viewport()  # type: ignore[attr-defined]
    start = on_article.mapTo(viewport, on_article.rect().center())
    start.setY(viewport.height() - 30)
    # up: the band first (the screen's foot comes into view), the article once the band is at its end
    touch.drag(viewport, start, start - QPoint(0, 200))
    assert bar.value() > 0 and article.value() == 0
    qtbot.waitUntil(lambda: not window._reach_drag._glide.isActive())
    for _ in range(2 + bar.maximum() // 200):  # as many slow drags (no fling) as the band's length needs
        touch.drag(viewport, start, start - QPoint(0, 200), steps=20, step_ms=40)
        if bar.value() == bar.maximum():
            break
    for _ in range(6):  # then the article, until it has moved well past a short drag back
        touch.drag(viewport, start, start - QPoint(0, 200), steps=20, step_ms=40)
        if article.value() >= 200:
            break
    assert bar.value() == bar.maximum() and article.value() > 0
    # down: the article first, back to its start; then the band, back to the title
    shown = article.value()
    touch.drag(viewport, start - QPoint(0, 100), start - QPoint(0, 20), steps=20, step_ms=40)
    assert 0 < article.value() < shown and bar.value() == bar.maximum()
    for _ in range(3 + shown // 150):
        touch.drag(viewport, start - QPoint(0, 220), start - QPoint(0, 20), steps=20, step_ms=40)
    assert article.value() == 0 and bar.value() < bar.maximum()


def test_a_drag_on_the_section_page_itself_scrolls_the_band(qtbot, make_kiosk):
    """The page takes only sideways swipes; its vertical drags go to the band."""
    kiosk = in_reach(make_kiosk(size=(1920, 1080)))
    window = kiosk.window
    screen = entered(qtbot, kiosk, lambda: window.navigate(first_section(kiosk)))
    bar = band_bar(window)
    spot = QPoint(screen.width() - 6, 300)  # the page's own right margin, outside the article
    assert screen.childAt(spot) is None
    touch.drag(screen, spot, spot - QPoint(0, 180))
    assert bar.value() > 0
    assert kiosk.navigator.current == first_section(kiosk)  # no swipe to the next section


def test_a_mouse_drag_scrolls_the_band_the_same_way(qtbot, make_kiosk):
    kiosk = in_reach(make_kiosk(size=(1920, 1080)))
    window = kiosk.window
    entered(qtbot, kiosk, lambda: window.navigate(Route("gallery")))
    bar = band_bar(window)
    viewport = window.reach_scroller().viewport()
    start = QPoint(viewport.width() // 2, viewport.height() - 20)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 13):
        QTest.mouseMove(viewport, start - QPoint(0, 15 * step))
        qtbot.wait(12)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start - QPoint(0, 180))
    assert bar.value() > 0


def test_in_accessible_mode_a_tap_still_presses_a_button(qtbot, make_kiosk):
    kiosk = in_reach(make_kiosk(size=(1920, 1080)))
    window = kiosk.window
    screen = entered(qtbot, kiosk, lambda: window.navigate(first_section(kiosk)))
    chip = screen.chips[0]  # type: ignore[attr-defined]
    window.reach_scroller().ensureWidgetVisible(chip, 0, 0)  # the visitor scrolls the band up to the chips
    assert in_view(window, chip) == window_rect(chip)
    with qtbot.waitSignal(chip.clicked, timeout=2000):
        touch.tap(chip)
    entered(qtbot, kiosk, lambda: touch.tap(window.bar.home_button))
    tile = home_screen(kiosk).tiles[0]
    assert window.reach_scroller().viewport().rect().contains(
        tile.mapTo(window.reach_scroller().viewport(), tile.rect().center()))
    screen = entered(qtbot, kiosk, lambda: touch.tap(tile))
    assert kiosk.navigator.current.screen != "home"


def test_in_accessible_mode_a_drag_on_the_map_still_pans_the_map(qtbot, make_kiosk):
    kiosk = in_reach(make_kiosk(size=(1920, 1080)))
    window = kiosk.window
    screen = entered(qtbot, kiosk, lambda: window.navigate(Route("map")))
    # closer in, where the district's edge does not stop a pan (the band's map is low: it shows the whole district)
    touch.tap(screen.zoom_in)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not screen.view.is_moving(), timeout=10000)  # type: ignore[attr-defined]
    bar = band_bar(window)
    bar.setValue(bar.maximum() // 2)
    value = bar.value()
    view = screen.view.viewport()  # type: ignore[attr-defined]
    seen = in_view(window, view)
    start = view.mapFrom(window, seen.center())
    under = screen.view.camera.to_map(start.x(), start.y())  # type: ignore[attr-defined]
    end = start + QPoint(60, -120)
    touch.drag(view, start, end, steps=10, step_ms=30)
    screen.view.stop_motion()  # type: ignore[attr-defined]
    assert screen.view.camera.to_screen(*under) == pytest.approx((end.x(), end.y()), abs=4)  # type: ignore
    assert bar.value() == value


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_what_a_visitor_opens_comes_into_the_band(qtbot, make_kiosk, size):
    kiosk = in_reach(make_kiosk(size=size))
    window = kiosk.window
    viewport = window_rect(window.reach_scroller().viewport())
    # a map feature's card, opened with the band scrolled to the map's foot
    screen = entered(qtbot, kiosk, lambda: window.navigate(Route("map")))
    bar = band_bar(window)
    bar.setValue(bar.maximum())
    card = screen.card  # type: ignore[attr-defined]
    assert window_rect(card.parentWidget()).top() < viewport.top()  # the card opens above the band's view
    screen.open_card("litan-expressway")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: viewport.contains(window_rect(card).topLeft()))
    assert bar.value() < bar.maximum()
    # a timeline event's card
    screen = entered(qtbot, kiosk, lambda: window.navigate(Route("timeline")))
    bar = band_bar(window)
    bar.setValue(bar.maximum())
    track = screen.track  # type: ignore[attr-defined]
    track.event_chosen.emit(event_ids(track)[0])
    card = screen.card  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: card.isVisible() and not in_view(window, card).isEmpty()
                    and (viewport.contains(window_rect(card)) or window_rect(card).top() >= viewport.top()))
    # the photo in the viewer, opened with the band scrolled to the foot of the screen before
    bar.setValue(bar.maximum())
    photo = kiosk.exhibition.photos[0].id
    screen = entered(qtbot, kiosk, lambda: window.navigate(Route("photo", photo)))
    stage = screen.stage  # type: ignore[attr-defined]
    assert viewport.contains(window_rect(stage).topLeft())
    assert in_view(window, stage).height() >= min(stage.height(), viewport.height()) - 1
    # the "still there?" question: drawn inside the band, whatever the scroller shows
    bar.setValue(0)
    overlay = kiosk.unattended.still_there
    overlay.ask(window.grab(), 40, "zh", window.reach_band())
    assert_in_band(window, overlay.card_rect(), overlay.continue_rect(), seen=False)  # drawn over the scroller
    overlay.dismiss()


def test_the_reveal_check_fails_when_the_band_does_not_follow_on_purpose(qtbot, make_kiosk, monkeypatch):
    kiosk = in_reach(make_kiosk(size=(1920, 1080)))
    window = kiosk.window
    monkeypatch.setattr(window, "reach_reveal", lambda widget: False)
    screen = entered(qtbot, kiosk, lambda: window.navigate(Route("map")))
    bar = band_bar(window)
    bar.setValue(bar.maximum())
    screen.open_card("litan-expressway")  # type: ignore[attr-defined]
    qtbot.wait(50)
    viewport = window_rect(window.reach_scroller().viewport())
    assert not viewport.contains(window_rect(screen.card).topLeft())  # type: ignore[attr-defined]


def test_disabled_buttons_are_declared_and_readable():
    """A disabled button's text is one of the theme's text pairs, held to the body-text rule (WCAG exempts
    inactive controls from 1.4.3; the kiosk does not lean on that), in both themes; every disabled button rule
    of the style sheet with text uses that colour (the viewer's round buttons carry icons only)."""
    for high in (False, True):
        t.use_palette(high)
        try:
            pair = next(p for p in t.text_pairs() if p.role == "disabled button")
            assert pair.text == t.DISABLED_TEXT and pair.passes(high), pair
            assert pair.worst() >= (7.0 if high else 4.5)
            sheet = t.Theme.for_size(1920, 1080, "sans").stylesheet()
            rules = [line for line in sheet.splitlines() if "disabled" in line and "color:" in line]
            assert rules and all(f"color: {t.DISABLED_TEXT}" in line for line in rules)
        finally:
            t.use_palette(False)


def test_the_statistics_page_shows_the_visits_in_accessible_mode(qtbot, kiosk):
    from kiosk.ui.staff.stats_page import StatsPage

    stats = kiosk.staff.stats
    touch.tap(kiosk.window.bar.reach_button)
    stats.end_visit()
    page = StatsPage(kiosk.window.theme, stats, lambda subject: subject)
    qtbot.addWidget(page)
    page.set_language("en")
    assert stats.totals().accessible_visits == 1
    assert page.accessible.source() == "Of these in accessible mode: 1 (100 %)"
    page.set_language("zh")
    assert page.accessible.source() == "其中使用无障碍模式：1 次（100 %）"


# accessible mode: where each screen opens in the band --------------------------------------------------------------


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_home_opens_in_the_band_on_its_first_row_of_tiles_whole(qtbot, make_kiosk, size):
    kiosk = in_reach(make_kiosk(size=size))
    window = kiosk.window
    viewport = window_rect(window.reach_scroller().viewport())
    tiles = home_screen(kiosk).tiles
    first_row = [tile for tile in tiles if tile.y() == tiles[0].y()]
    assert len(first_row) >= (1 if size[1] > size[0] else 2)  # portrait: one column of wide tiles
    assert all(viewport.contains(window_rect(tile)) for tile in first_row)  # whole tiles, none cut
    assert window_rect(tiles[0]).top() - viewport.top() < t.GAP * 2  # the row's top at the band's top
    # and again after another screen
    entered(qtbot, kiosk, lambda: window.navigate(Route("map")))
    entered(qtbot, kiosk, lambda: touch.tap(window.bar.home_button))
    assert all(viewport.contains(window_rect(tile)) for tile in first_row)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_the_timeline_and_the_map_open_in_the_band_on_their_track_and_map(qtbot, make_kiosk, size):
    kiosk = in_reach(make_kiosk(size=size))
    window = kiosk.window
    viewport = window_rect(window.reach_scroller().viewport())

    def opens_on(part: QWidget) -> bool:
        shown = in_view(window, part)
        return shown.top() == window_rect(part).top() and shown.height() >= min(part.height(), viewport.height()) - 1

    screen = entered(qtbot, kiosk, lambda: window.navigate(Route("timeline")))
    track = screen.track  # type: ignore[attr-defined]  # the timeline screen's track
    if track.height() <= viewport.height():
        assert opens_on(track)
    else:  # portrait: the track's labels stand above and below its line, across its middle: the middle comes in
        middle = window_rect(track).center().y()
        assert abs(in_view(window, track).center().y() - middle) <= 1
        assert in_view(window, track).height() == viewport.height()
    screen = entered(qtbot, kiosk, lambda: window.navigate(Route("map")))
    assert opens_on(screen.map_host)  # type: ignore[attr-defined]  # the map screen's map
    for control in (screen.zoom_in, screen.zoom_out, screen.compass):  # type: ignore[attr-defined]
        assert viewport.contains(window_rect(control))


def test_in_accessible_mode_the_band_shows_one_scroll_bar(qtbot, make_kiosk):
    """The foreword, the gallery and the map scroll inside themselves too: only the band's bar shows beside them."""
    kiosk = in_reach(make_kiosk(size=(1920, 1080)))
    window = kiosk.window
    for route in (Route("intro"), Route("gallery"), Route("map")):
        entered(qtbot, kiosk, lambda r=route: window.navigate(r))
        bars = [bar for bar in window.findChildren(QScrollBar)
                if bar.orientation() == Qt.Orientation.Vertical and bar.isVisible() and bar.width() > 0
                and not visible_rect(bar).isEmpty()]
        assert bars == [band_bar(window)], route


def test_on_a_portrait_screen_the_field_above_the_band_says_where_the_visitor_is(qtbot, make_kiosk):
    kiosk = in_reach(make_kiosk(size=(1080, 1920)))
    window = kiosk.window
    band = window.reach_band()
    assert band.height() == 473 and band.height() < 0.3 * window.height()  # physically right: 0.9–1.2 m only
    backdrop = window._reach_backdrop
    entered(qtbot, kiosk, lambda: window.navigate(Route("map")))
    title = window.current_screen().place_title()
    assert title and backdrop.place() == title
    place = backdrop.place_rect()
    assert not place.isEmpty() and place.bottom() < band.top() - 200  # high in the field, clear of the note
    image = backdrop.grab(place).toImage()
    background = QColor(t.BACKGROUND).rgb()
    inked = sum(image.pixel(x, y) != background
                for x in range(0, image.width(), 4) for y in range(0, image.height(), 4))
    assert inked > 200  # the title is drawn there
    window.set_language("en")
    assert backdrop.place() == window.current_screen().place_title() != title
    # a landscape field (607 rows) keeps only the note just above the band
    landscape = in_reach(make_kiosk(size=(1920, 1080)))
    assert landscape.window._reach_backdrop.place_rect().isEmpty()


# accessible mode: what a visitor sees on arriving at a screen -----------------------------------------------------


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_in_accessible_mode_the_viewer_fits_the_whole_photo_its_caption_and_buttons_into_the_band(
        qtbot, make_kiosk, size):
    kiosk = in_reach(make_kiosk(size=size))
    window = kiosk.window
    photo = kiosk.exhibition.photos[0].id
    screen = entered(qtbot, kiosk, lambda: window.navigate(Route("photo", photo)))
    assert band_bar(window).maximum() == 0  # laid out at the band's height: nothing to scroll
    stage = window_rect(screen.stage)  # type: ignore[attr-defined]  # the photo, letterboxed in it
    assert stage.height() >= 0.4 * window.reach_band().height()
    assert_in_band(window, screen.stage, screen.caption, screen.counter, screen.close_button,  # type: ignore
                   screen.prev_button, screen.next_button)  # type: ignore[attr-defined]
    buttons = [window_rect(b) for b in (screen.close_button, screen.prev_button, screen.next_button)]  # type: ignore
    assert not any(a.intersects(b) for i, a in enumerate(buttons) for b in buttons[i + 1:])


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_in_accessible_mode_a_section_opens_on_its_reading_text(qtbot, make_kiosk, size):
    kiosk = in_reach(make_kiosk(size=size))
    window = kiosk.window
    screen = entered(qtbot, kiosk, lambda: window.navigate(first_section(kiosk)))
    lead = screen.lead  # type: ignore[attr-defined]
    first_line = window_rect(lead)
    first_line.setHeight(lead.fontMetrics().lineSpacing())
    assert_in_band(window, first_line)


def test_in_accessible_mode_the_reading_text_is_larger(qtbot, make_kiosk):
    kiosk = mounted(make_kiosk(size=(1920, 1080)))
    window = kiosk.window

    def sizes():
        section = entered(qtbot, kiosk, lambda: window.navigate(first_section(kiosk)))
        lead = section.lead.font().pixelSize()  # type: ignore[attr-defined]
        entered(qtbot, kiosk, window.go_home)
        home = home_screen(kiosk)
        qtbot.waitUntil(lambda: not home._tiles_pending)
        return lead, home.tiles[0].title_layout()[1].pixelSize()

    normal = sizes()
    touch.tap(window.bar.reach_button)
    assert kiosk.reach.active
    larger = sizes()
    assert larger[0] >= normal[0] * 1.15, "the section's lead"
    assert larger[1] >= normal[1] * 1.1, "the home tiles' titles"


def _drawn_with_faces(widget: QWidget) -> list[tuple[str, str]]:
    """Each string `widget` paints, with the first face of the font it is painted in."""
    drawn = []
    original = QPainter.drawText

    def spy(self, *args):
        text = next((a for a in args if isinstance(a, str)), None)
        if text is not None:
            drawn.append((text, self.font().families()[0]))
        return original(self, *args)

    QPainter.drawText = spy  # type: ignore[method-assign]
    try:
        widget.repaint()
    finally:
        QPainter.drawText = original  # type: ignore[method-assign]
    return drawn


def _chinese_only(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text) and not any(c.isascii() and c.isalpha() for c in text)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_chinese_lines_keep_their_full_width_punctuation_in_english_mode(qtbot, make_kiosk, size):
    """In English the Latin face came first for every line, so the Chinese line of the accessible-mode note
    took narrow Latin quotes and "·", and "还在参观吗？" on the still-there card looked half-width."""
    kiosk = make_kiosk(size=size, lang="en")
    overlay = kiosk.unattended.still_there
    overlay.ask(kiosk.window.grab(), 20, "en")
    chinese = [(text, face) for text, face in _drawn_with_faces(overlay) if _chinese_only(text)]
    overlay.dismiss()
    kiosk = in_reach(kiosk)
    chinese += [(text, face) for text, face in _drawn_with_faces(kiosk.window._reach_backdrop) if _chinese_only(text)]
    assert any("还在参观吗" in text for text, _ in chinese) and any("无障碍" in text for text, _ in chinese)
    for text, face in chinese:
        assert "SC" in face or "CJK" in face, f"{text!r} drawn in {face}"


def test_a_screen_taller_than_the_band_fades_at_the_band_s_ends(qtbot, make_kiosk):
    """At 1366×768 the timeline's ruler lies below the band's edge: the band's end fades out while more lies
    below (and its top in once scrolled), instead of slicing the ruler or a row of tiles at the bar."""
    from kiosk.navigation import Route

    kiosk = in_reach(make_kiosk(size=(1366, 768)))
    window = kiosk.window
    entered(qtbot, kiosk, lambda: window.navigate(Route("timeline")))
    bar = band_bar(window)
    fades = window.reach_fades
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.minimum())
    qtbot.waitUntil(lambda: fades.bottom.isVisible() and not fades.top.isVisible())
    viewport = window.reach_scroller().viewport().geometry()
    assert fades.bottom.geometry().bottom() == viewport.bottom()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: fades.top.isVisible() and not fades.bottom.isVisible())
