"""A tour of every screen and overlay for the layout audit and the README's screenshots.

`states(kiosk)` lists each place a visitor or a member of staff can be (home, the foreword, each section, the
timeline with a card open, the map with a feature card open, the gallery, the photo viewer, the slideshow, the
"still there?" question, the closed screen, the staff keypad and each staff page) as a name and a pair of
actions, one to go there and one to leave. `relayout` lays a kiosk's screens out again, as staff switching
large-text mode do (its theme, then every screen rebuilt); given another size it also moves the screens to it,
but the window's own chrome (the bottom bar) keeps the size it was built with, so the audit and the screenshots
build one kiosk per size and use `relayout` for large-text mode.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.layout.audit import Finding, Limits, audit, min_touch_px
from kiosk.navigation import Route
from kiosk.ui import theme as t
from kiosk.ui.layout_probe import collect

Kiosk = Any  # kiosk.app.Kiosk: the interface layer does not import the composition root, even for types

log = logging.getLogger(__name__)


def pump(ms: int = 10) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(predicate: Callable[[], bool], timeout_ms: int = 8000) -> bool:
    """Run the event loop until `predicate` holds (True) or `timeout_ms` passes (False)."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not predicate():
        if time.monotonic() > deadline:
            return False
        pump(10)
    return True


def settle() -> None:
    """Let layouts, deferred placements and zero-delay timers run."""
    for _ in range(3):
        pump(5)


def relayout(kiosk: Kiosk, width: int, height: int, large_text: bool = False) -> None:
    """Lay the running kiosk out for a `width`×`height` screen (in large-text mode or not): the theme's scale
    and orientation, the style sheet, the window's size, then every screen and staff layer built afresh."""
    window = kiosk.window
    theme = window.theme
    theme.text_scale = t.LARGE_TEXT_SCALE if large_text else 1.0
    theme.scale = max(0.5, min(width, height) / t.REFERENCE_SHORT_SIDE)
    theme.portrait = height > width
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setStyleSheet(theme.stylesheet())  # style: the theme's own sheet, at the new scale
        app.setFont(theme.font(28))
    window.resize(width, height)
    settle()
    window.rebuild_screens()
    staff = kiosk.staff.controller if kiosk.staff is not None else None
    if staff is not None:
        staff.close()
        if staff.pad is not None:
            staff.pad.deleteLater()
            staff.pad = None
        staff._stale = True  # the panel is built again, at the new size, when next opened
    settle()


def go(kiosk: Kiosk, route: Route) -> None:
    window = kiosk.window
    if kiosk.navigator.current == route and not window.overlay.isVisible():
        return
    if route.screen == "home":
        window.go_home()
    else:
        window.navigate(route)
    wait_until(lambda: kiosk.navigator.current == route and not window.overlay.isVisible())
    settle()


@dataclass
class State:
    name: str
    enter: Callable[[], None]
    leave: Callable[[], None]


def _nothing() -> None:
    pass


def states(kiosk: Kiosk) -> list[State]:
    """Every place the audit visits, in an order that needs few screen changes."""
    ex = kiosk.exhibition
    window = kiosk.window
    out: list[State] = []

    def visit(route: Route) -> Callable[[], None]:
        return lambda: go(kiosk, route)

    out.append(State("home", visit(Route("home")), _nothing))
    out.append(State("intro", visit(Route("intro")), _nothing))
    for section in ex.sections:
        out.append(State(f"section-{section.id}", visit(Route("section", section.id)), _nothing))
    if ex.timeline is not None:
        lang = window.lang
        longest = max(ex.timeline.events, key=lambda e: len(e.title.get(lang)) + len(e.text.get(lang)))

        def timeline_card() -> None:
            go(kiosk, Route("timeline"))
            window.current_screen().open_event(longest.id)  # type: ignore[attr-defined]  # the timeline screen
            settle()

        out.append(State("timeline-card", timeline_card, lambda: window.current_screen().close_card()))  # type: ignore[attr-defined]
    if ex.map is not None:
        feature = max(ex.map.features, key=lambda f: len(f.name.get(window.lang)))

        def map_card() -> None:
            go(kiosk, Route("map"))
            screen = window.current_screen()
            screen.open_card(feature.id)  # type: ignore[attr-defined]  # the map screen
            wait_until(lambda: not screen.view.is_moving(), 4000)  # type: ignore[attr-defined]
            settle()

        out.append(State("map-card", map_card, lambda: window.current_screen().close_card()))  # type: ignore[attr-defined]
    out.append(State("gallery", visit(Route("gallery")), _nothing))
    photos = ex.all_photos()
    if photos:
        out.append(State("photo", visit(Route("photo", photos[0].id)), _nothing))
    unattended = kiosk.unattended
    if unattended is not None:
        def attract() -> None:
            go(kiosk, Route("home"))
            unattended.attract.start(window.grab())
            settle()

        def still_there() -> None:
            unattended.still_there.ask(window.grab(), 20, window.lang)
            settle()

        def closed() -> None:
            unattended.closed.sleep("clock", unattended.machine.config.hours)
            settle()

        out.append(State("slideshow", attract, unattended.attract.stop))
        out.append(State("still-there", still_there, unattended.still_there.dismiss))
        out.append(State("closed", closed, unattended.closed.wake))
    if kiosk.staff is not None:
        controller = kiosk.staff.controller

        def keypad() -> None:
            controller.ask_pin()
            settle()

        out.append(State("staff-keypad", keypad, controller.close))
        for key in ("settings", "content", "stats", "diagnostics"):
            def page(key: str = key) -> None:
                if not controller.panel_open:
                    controller.open_panel()
                controller.panel.show_page(key)  # type: ignore[union-attr]  # open_panel built it
                settle()

            out.append(State(f"staff-{key}", page, _nothing))
        out.append(State("staff-closed", controller.close, _nothing))
    return out


def audit_here(kiosk: Kiosk) -> list[Finding]:
    window = kiosk.window
    return audit(collect(window), Limits(min_touch=min_touch_px(window.theme.scale)))


def tour(kiosk: Kiosk, only: set[str] | None = None) -> Iterator[tuple[str, list[Finding]]]:
    """Visit every state (or those named in `only`) and audit it: (state name, findings) in turn."""
    for state in states(kiosk):
        if only is not None and state.name not in only:
            continue
        if state.name == "staff-closed":
            state.enter()
            continue
        state.enter()
        yield state.name, audit_here(kiosk)
        state.leave()
    if kiosk.staff is not None:
        kiosk.staff.controller.close()
    settle()
