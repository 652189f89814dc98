"""The one window of the kiosk.

It owns the stack of screens (built on first use by a factory the composition root provides), plays each
navigation as a snapshot transition, keeps the bottom bar in step, and applies the language to every screen
at once. It renders the navigator's state; the rules of where Back or a swipe goes live in `Navigator`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QImage, QKeyEvent, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QApplication, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content.schema import Lang
from kiosk.navigation import Direction, Navigator, Route, Transition
from kiosk.ui import theme as t
from kiosk.ui.panels.screen import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.nav_bar import NavBar
from kiosk.ui.widgets.transition_overlay import TransitionOverlay

log = logging.getLogger(__name__)

ScreenFactory = Callable[[Route, Theme], Screen | None]
# Platforms whose window backing store is a plain image holding the last painted frame (not Wayland's
# double-buffered one): a transition's first snapshot is copied from it instead of re-rendered.
_FRAME_IN_MEMORY = frozenset({"offscreen", "minimal", "xcb", "windows", "linuxfb", "eglfs"})


class ExitPermission:
    """Whether the window may close: after the staff Exit, and always in windowed development mode. A plain
    object apart from the widget, so the window guard can still read it while the window is being deleted."""

    __slots__ = ("allowed",)

    def __init__(self, allowed: bool):
        self.allowed = allowed


class MainWindow(QWidget):
    first_frame = Signal()
    screen_entered = Signal(object)  # Route, once its transition has finished
    language_changed = Signal(str)
    visitor_reset = Signal()  # everything went back to a new visitor's start: viewers and cards close on it

    def __init__(
        self,
        theme: Theme,
        navigator: Navigator,
        factory: ScreenFactory,
        kiosk_mode: bool,
        lang: Lang,
        screen_key: Callable[[Route], str] | None = None,
    ):
        super().__init__()
        self.setObjectName("Root")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.theme = theme
        self.navigator = navigator
        self._factory = factory
        self._screen_key = screen_key or (lambda route: route.key)  # which built screen serves a route
        self.kiosk_mode = kiosk_mode
        self.lang: Lang = lang
        self._screens: dict[str, Screen] = {}
        self._painted = False
        self.exit_permission = ExitPermission(not kiosk_mode)

        self.stack = QStackedWidget(self)
        # The screen decides the window's size, never the content: long text wraps or scrolls instead.
        self.stack.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.bar = NavBar(theme, self)
        self.bar.home_requested.connect(self.go_home)
        self.bar.back_requested.connect(self.go_back)
        self.bar.language_chosen.connect(self.set_language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.bar)
        self.overlay = TransitionOverlay(t.TRANSITION_MS, self)
        self.overlay.finished.connect(self._transition_finished)
        navigator.subscribe(self._on_transition)
        self._pending_warmup: list[Route] = []

        if kiosk_mode:
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            self.setCursor(Qt.CursorShape.BlankCursor)
            self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        home = self.screen_for(navigator.current)
        assert home is not None, "the home screen must always exist"
        self.stack.setCurrentWidget(home)
        self.bar.set_language(lang)
        self._update_bar()

    @property
    def allow_close(self) -> bool:
        return self.exit_permission.allowed

    @allow_close.setter
    def allow_close(self, allowed: bool) -> None:
        self.exit_permission.allowed = allowed

    # screens ----------------------------------------------------------------------------------------

    def screen_for(self, route: Route) -> Screen | None:
        key = self._screen_key(route)
        screen = self._screens.get(key)
        if screen is None:
            screen = self._factory(route, self.theme)
            if screen is None:
                return None
            screen.setParent(self.stack)
            screen.set_language(self.lang)
            screen.navigate.connect(self.navigate)
            screen.swipe.connect(self.swipe)
            screen.back_requested.connect(self.go_back_or_home)
            self.stack.addWidget(screen)
            self._screens[key] = screen
        return screen

    def rebuild_screens(self) -> None:
        """Throw every built screen away and build the current one afresh: after a content reload or a change of
        text size. The route stays when it still exists (a removed section falls back to home)."""
        self.overlay.finish_now()
        stale = list(self._screens.values())
        self._screens.clear()
        self.bar.apply_theme_fonts()
        current = self.navigator.current
        screen = self.screen_for(current)
        if screen is None or not screen.show_route(current):
            self.navigator.home()  # animates from the stale screen to a freshly built home
        else:
            screen.resize(self.stack.size())
            self.stack.setCurrentWidget(screen)
            self._update_bar()
            screen.entered()
        for old in stale:
            self.stack.removeWidget(old)
            old.deleteLater()

    def built_screens(self) -> dict[str, Screen]:
        return dict(self._screens)

    def current_screen(self) -> Screen:
        return self.stack.currentWidget()  # type: ignore[return-value]  # the stack holds only Screens

    def warm_up(self, routes: list[Route]) -> None:
        """Build the other screens one per event-loop turn after the first frame, so taps never wait on it."""
        self._pending_warmup = [r for r in routes if self._screen_key(r) not in self._screens]
        QTimer.singleShot(0, self, self._warm_next)  # cancelled if the window goes first

    @Slot()
    def _warm_next(self) -> None:
        if not self._pending_warmup:
            return
        route = self._pending_warmup.pop(0)
        screen = self.screen_for(route)
        if screen is not None:
            screen.resize(self.stack.size())
            screen.ensurePolished()
            # Rendered once offscreen: its layout settles and its glyphs are cached now, not on the first tap.
            screen.grab()
        QTimer.singleShot(0, self, self._warm_next)  # cancelled if the window goes first

    # navigation -------------------------------------------------------------------------------------

    @Slot(object)
    def navigate(self, route: Route) -> None:
        screen = self.screen_for(route)
        if screen is None or not screen.show_route(route):
            log.warning("no screen for %s", route.key)
            return
        self.navigator.go(route)

    @Slot()
    def go_home(self) -> None:
        self.navigator.home()

    @Slot()
    def go_back(self) -> None:
        self.navigator.back()

    @Slot()
    def go_back_or_home(self) -> None:
        if self.navigator.can_go_back:
            self.navigator.back()
        else:
            self.navigator.home()

    @Slot(int)
    def swipe(self, step: int) -> None:
        self.navigator.swipe(step)

    def reset_for_new_visitor(self, lang: Lang) -> None:
        """What a new visitor finds: home, every built screen reset (scroll, zoom, open cards), the default
        language. Instant, without a transition: it happens while nobody is looking (or after an error)."""
        self.overlay.finish_now()
        for screen in list(self._screens.values()):
            try:
                screen.reset()
            except Exception:
                log.exception("resetting %s failed", type(screen).__name__)
        self.navigator.home()
        self.overlay.finish_now()  # the fade home, if one started, is over at once
        if lang != self.lang:
            self.set_language(lang)
        self.visitor_reset.emit()

    def _on_transition(self, transition: Transition) -> None:
        self.overlay.finish_now()
        old = self.current_screen()
        new = self.screen_for(transition.new)
        if new is None:
            log.error("no screen for %s; staying on %s", transition.new.key, transition.old.key)
            return
        if new is old:
            return
        old_pixmap = self._shown_pixels(old) if self.isVisible() else QPixmap()
        if transition.direction is not Direction.BACKWARD or transition.new.screen == "home":
            new.reset()
        if new.route != transition.new and not new.show_route(transition.new):  # Back to a route it no longer has
            log.error("%s cannot show %s any more", type(new).__name__, transition.new.key)
        new.resize(self.stack.size())
        self.stack.setCurrentWidget(new)
        self._update_bar()
        if not self.isVisible() or old_pixmap.isNull():
            self._transition_finished()
            return
        self.overlay.setGeometry(self.stack.geometry())
        self.overlay.start(old_pixmap, new.grab(), transition.direction)

    def _shown_pixels(self, screen: Screen) -> QPixmap:
        """What the visitor sees of `screen` right now, for the first frame of a transition. Where the platform
        keeps the window's last painted frame as an image, that is copied (a memcpy, ~1 ms at 1080p) instead of
        rendering the whole screen again with grab() (~15 ms); mid-transition it is the frame on the glass."""
        store = self.backingStore()
        device = store.paintDevice() if store is not None else None
        if isinstance(device, QImage) and not device.isNull() and QApplication.platformName() in _FRAME_IN_MEMORY:
            ratio = device.devicePixelRatio()
            area = self.stack.geometry()
            source = QRect(round(area.x() * ratio), round(area.y() * ratio), round(area.width() * ratio),
                           round(area.height() * ratio))
            if device.rect().contains(source):
                pixmap = QPixmap.fromImage(device.copy(source))
                pixmap.setDevicePixelRatio(ratio)
                return pixmap
        return screen.grab()

    @Slot()
    def _transition_finished(self) -> None:
        screen = self.current_screen()
        screen.entered()
        self.screen_entered.emit(self.navigator.current)

    def _update_bar(self) -> None:
        at_home = self.navigator.current.screen == "home"
        self.bar.set_place(self.current_screen().place_title(), self.navigator.can_go_back, at_home)

    # language ---------------------------------------------------------------------------------------

    @Slot(str)
    def set_language(self, lang: str) -> None:
        if lang not in ("zh", "en"):
            return
        self.lang = lang  # type: ignore[assignment]  # checked to be zh or en just above
        self._apply_language_fonts()
        for screen in self._screens.values():
            screen.set_language(self.lang)
        self.bar.set_language(self.lang)
        self._update_bar()
        self.language_changed.emit(lang)

    def _apply_language_fonts(self) -> None:
        """Reorder the font families of every widget for the language (see `Theme.set_language`)."""
        self.theme.set_language(self.lang)
        families = list(self.theme.families)
        app = QApplication.instance()
        if app is not None:
            base = app.font()
            base.setFamilies(families)
            app.setFont(base)
        for widget in [self, *self.findChildren(QWidget)]:
            font = widget.font()
            if font.families() != families:
                font.setFamilies(families)
                widget.setFont(font)

    # window behaviour -------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_frame)

    def hasHeightForWidth(self) -> bool:
        """No: the window's size is its screen's, never its content's. On Windows Qt corrects every move and
        resize of a top-level widget that has height-for-width to the height its layout asks for at that width
        (WM_WINDOWPOSCHANGING, QWidgetWindow::closestAcceptableGeometry), and the home screen's wrapped text asks
        for more than a 1080-pixel screen: full screen became 1920×1218 with the bottom bar below the edge.
        The screens inside still lay out their text height-for-width."""
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.overlay.isVisible():
            self.overlay.setGeometry(self.stack.geometry())

    def set_content_offset(self, dx: int, dy: int, amplitude: int) -> None:
        """Shift everything by (dx, dy) within a border of `amplitude` pixels: the burn-in guard moves static
        content by a pixel every few minutes. The content keeps one size, so this is a move, never a relayout."""
        a = max(0, amplitude)
        dx, dy = max(-a, min(a, dx)), max(-a, min(a, dy))
        self.layout().setContentsMargins(a + dx, a + dy, a - dx, a - dy)

    def request_exit(self) -> None:
        """The one way out in kiosk mode (the staff panel's exit): allow the close, then close."""
        log.info("exit requested by staff")
        self.allow_close = True
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.kiosk_mode:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            event.accept()
        else:
            log.info("close request ignored in kiosk mode")
            event.ignore()

    def event(self, event: QEvent) -> bool:
        if self.kiosk_mode and event.type() == QEvent.Type.ToolTip:
            return True
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # pragma: no cover - kept for subclasses
        return False
