"""The one window of the kiosk.

It owns the stack of screens (built on first use by a factory the composition root provides), plays each
navigation as a snapshot transition, keeps the bottom bar in step, and applies the language to every screen
at once. In accessible mode it lays the screens, the bar and the transitions into the reach band (see
`set_reach_band`; the rule that computes the band is `kiosk.layout.reach`). It renders the navigator's
state; the rules of where Back or a swipe goes live in `Navigator`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QImage,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content.schema import Lang
from kiosk.layout.snapshot import snapshot_scale, snapshot_size
from kiosk.navigation import Direction, Navigator, Route, Transition
from kiosk.ui import theme as t
from kiosk.ui.panels.screen import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.map_card import MapFeatureCard
from kiosk.ui.widgets.more_below import EdgeFades
from kiosk.ui.widgets.nav_bar import NavBar
from kiosk.ui.widgets.photo_stage import PhotoStage
from kiosk.ui.widgets.reach_backdrop import ReachBackdrop
from kiosk.ui.widgets.timeline_card import TimelineCard
from kiosk.ui.widgets.touch_scroll import TouchDragController
from kiosk.ui.widgets.transition_overlay import TransitionOverlay

log = logging.getLogger(__name__)

ScreenFactory = Callable[[Route, Theme], Screen | None]
# Platforms whose window backing store is a plain image holding the last painted frame (not Wayland's
# double-buffered one): a transition's first snapshot is copied from it instead of re-rendered.
_FRAME_IN_MEMORY = frozenset({"offscreen", "minimal", "xcb", "windows", "linuxfb", "eglfs"})
# What a visitor opens on a screen: in accessible mode the band scrolls to it when it shows (`reach_reveal`).
REVEALED = (MapFeatureCard, TimelineCard, PhotoStage)


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
        self.bar.language_chosen.connect(self._language_tapped)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.bar)
        self.overlay = TransitionOverlay(t.TRANSITION_MS, self)
        self.overlay.finished.connect(self._transition_finished)
        navigator.subscribe(self._on_transition)
        self._pending_warmup: list[Route] = []
        self._reach_band: QRect | None = None  # accessible mode: where the interface lies (window coordinates)
        self._reach_scroll: QScrollArea | None = None
        self._reach_drag: TouchDragController | None = None  # the band scrolls by a finger's drag too
        self._revealing: QWidget | None = None  # what the visitor opened last, followed as it settles (`eventFilter`)
        self._revealing_now = False
        self._reach_min_stage = 0
        self._reach_opened_at = 0  # where the band opened the screen on show (`_open_reach_at_anchor`)
        self._reach_backdrop: ReachBackdrop | None = None
        self._shift = (0, 0, 0)  # the burn-in guard's offset (dx, dy, amplitude)

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
            # Rendered once offscreen as a transition will render it: its layout settles and the glyphs of its
            # snapshot are cached now, not on the first tap.
            self._snapshot(screen)
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
        shown = self._shown_pixels(old) if self.isVisible() else None
        if transition.direction is not Direction.BACKWARD or transition.new.screen == "home":
            new.reset()
        if new.route != transition.new and not new.show_route(transition.new):  # Back to a route it no longer has
            log.error("%s cannot show %s any more", type(new).__name__, transition.new.key)
        new.resize(self.stack.size())
        self.stack.setCurrentWidget(new)
        self._update_bar()
        if not self.isVisible() or shown is None or shown[0].isNull():
            self._transition_finished()
            return
        self.overlay.setGeometry(self.stack.geometry())
        self.overlay.start(shown[0], lambda: self._snapshot(new), transition.direction, old_on_glass=shown[1])

    def _snapshot_scale(self) -> float:
        ratio = self.devicePixelRatioF()
        size = self.stack.size()
        return ratio * snapshot_scale(round(size.width() * ratio), round(size.height() * ratio))

    def _snapshot(self, screen: Screen) -> QImage:
        """`screen` rendered at `snapshot_scale` of device resolution (a quarter of the pixels at 4K): the
        picture a transition moves. At rest the screen itself is shown, at device resolution."""
        scale = self._snapshot_scale()
        w, h = snapshot_size(screen.width(), screen.height(), scale)
        image = QImage(w, h, QImage.Format.Format_RGB32)  # opaque: the fast blits, no alpha to blend
        image.fill(QColor(t.BACKGROUND))
        p = QPainter(image)
        p.scale(w / max(1, screen.width()), h / max(1, screen.height()))
        screen.render(p, QPoint(), QRegion(), QWidget.RenderFlag.DrawWindowBackground | QWidget.RenderFlag.DrawChildren)
        p.end()
        return image

    def picture(self) -> QPixmap:
        """The whole window as it stands now, rendered at `snapshot_scale` of device resolution (at most
        1920×1080 pixels: half resolution at 3840×2160, a quarter of the pixels and of the time of `grab()`): the
        backdrop the still-there question dims and the slideshow fades from, drawn scaled to the window. Rendered
        from the widgets, not copied from the last frame: it shows changes not painted yet (after a reset)."""
        ratio = self.devicePixelRatioF()
        full_w, full_h = round(self.width() * ratio), round(self.height() * ratio)
        w, h = snapshot_size(full_w, full_h, ratio * snapshot_scale(full_w, full_h))
        image = QImage(w, h, QImage.Format.Format_RGB32)
        image.fill(QColor(t.BACKGROUND))
        p = QPainter(image)
        p.scale(w / max(1, self.width()), h / max(1, self.height()))
        self.render(p, QPoint(), QRegion(), QWidget.RenderFlag.DrawWindowBackground | QWidget.RenderFlag.DrawChildren)
        p.end()
        return QPixmap.fromImage(image)

    def _shown_pixels(self, screen: Screen) -> tuple[QImage, bool]:
        """What the visitor sees of `screen` right now, for a transition, and whether it was copied from the
        window's last painted frame. Where the platform keeps that frame as an image, it is copied (scaled to the
        snapshot size: a few milliseconds at 4K) instead of rendering the whole screen again; mid-transition it
        is the frame on the glass."""
        store = self.backingStore()
        device = store.paintDevice() if store is not None else None
        if (isinstance(device, QImage) and not device.isNull() and QApplication.platformName() in _FRAME_IN_MEMORY
                and self.stack.parentWidget() is self):  # in the reach band's scroller the stack is not where it seems
            ratio = device.devicePixelRatio()
            area = self.stack.geometry()
            source = QRect(round(area.x() * ratio), round(area.y() * ratio), round(area.width() * ratio),
                           round(area.height() * ratio))
            if device.rect().contains(source):
                w, h = snapshot_size(source.width(), source.height(), self._snapshot_scale() / ratio)
                image = QImage(w, h, QImage.Format.Format_RGB32)
                p = QPainter(image)
                p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
                p.drawImage(QRect(0, 0, w, h), device, source)
                p.end()
                return image, True
        return self._snapshot(screen), False

    @Slot()
    def _transition_finished(self) -> None:
        screen = self.current_screen()
        screen.entered()
        self.screen_entered.emit(self.navigator.current)

    def _update_bar(self) -> None:
        at_home = self.navigator.current.screen == "home"
        self.bar.set_place(self.current_screen().place_title(), self.navigator.can_go_back, at_home)
        if self._reach_backdrop is not None:
            self._reach_backdrop.set_place(self.current_screen().place_title())

    # language ---------------------------------------------------------------------------------------

    @Slot(str)
    def _language_tapped(self, lang: str) -> None:
        """中 or EN tapped: switch, unless it is the language shown already (a tap of a storm of taps that lands
        after its switch is done costs nothing; the bar lights the language shown)."""
        if lang == self.lang:
            self.overlay.finish_now()
            self.bar.set_language(self.lang)
            return
        self.set_language(lang)

    @Slot(str)
    def set_language(self, lang: str) -> None:
        if lang not in ("zh", "en"):
            return
        # A slide under way moves pictures of the pages in the language before: it ends now, so the page shown
        # is always in the language the bar shows.
        self.overlay.finish_now()
        self.lang = lang  # type: ignore[assignment]  # checked to be zh or en just above
        self._apply_language_fonts()
        for screen in self._screens.values():
            screen.set_language(self.lang)
        self.bar.set_language(self.lang)
        if self._reach_backdrop is not None:
            self._reach_backdrop.set_language(self.lang)
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
        if self._reach_backdrop is not None and self._reach_backdrop.isVisible():
            self._reach_backdrop.setGeometry(self.rect())

    def set_content_offset(self, dx: int, dy: int, amplitude: int) -> None:
        """Shift everything by (dx, dy) within a border of `amplitude` pixels: the burn-in guard moves static
        content by a pixel every few minutes. The content keeps one size, so this is a move, never a relayout."""
        a = max(0, amplitude)
        self._shift = (max(-a, min(a, dx)), max(-a, min(a, dy)), a)
        self._apply_margins()

    def _apply_margins(self) -> None:
        """The layout's margins: the reach band's (accessible mode) plus the burn-in guard's shift."""
        dx, dy, a = self._shift
        top = bottom = 0
        if self._reach_band is not None:
            top, bottom = self._reach_band.top(), max(0, self.height() - self._reach_band.bottom() - 1)
        self.layout().setContentsMargins(a + dx, top + a + dy, a - dx, bottom + a - dy)

    # accessible mode ---------------------------------------------------------------------------------

    def reach_band(self) -> QRect | None:
        """Where the interface lies in accessible mode (window coordinates); None when it has the whole window."""
        return QRect(self._reach_band) if self._reach_band is not None else None

    def set_reach_band(self, band: QRect | None, min_stage: int = 0) -> None:
        """Lay the whole interface — screens, bar, transitions — into `band` (window coordinates, full width); the
        rest of the glass shows a calm backdrop that says so. A screen is laid out at least `min_stage` pixels
        tall (and as tall as it needs), and scrolls within the band when that is more than the band leaves it
        (a touch-sized scroll bar on the right); otherwise it fills the band. None: the whole window again."""
        self.overlay.finish_now()
        if band is None:
            self._leave_reach_layout()
        else:
            self._enter_reach_layout(max(min_stage, band.height() - self.bar.height()))
            backdrop = self._reach_backdrop or ReachBackdrop(self.theme, self)
            self._reach_backdrop = backdrop
            backdrop.show_around(band, self.lang)
            backdrop.set_place(self.current_screen().place_title())
        self._reach_band = QRect(band) if band is not None else None
        self._apply_margins()

    def reach_scroller(self) -> QScrollArea | None:
        """The scroller that holds the screens in accessible mode (None outside it)."""
        return self._reach_scroll

    def reach_reveal(self, widget: QWidget) -> bool:
        """Accessible mode: scroll the band so that `widget` (something on the screen on show) is in view — the
        least that shows it whole, or from its top when it is taller than the band. Returns whether it scrolled."""
        scroll = self._reach_scroll
        if scroll is None or not shiboken6.isValid(widget) or not self.stack.isAncestorOf(widget) \
                or not widget.isVisible():
            return False
        top = widget.mapTo(self.stack, QPoint(0, 0)).y()
        bottom = top + widget.height()
        bar = scroll.verticalScrollBar()
        view = scroll.viewport().height()
        value = bar.value()
        if top >= value and bottom <= value + view:
            return False
        self._revealing_now = True
        try:
            bar.setValue(top if widget.height() >= view or top < value else bottom - view)
        finally:
            self._revealing_now = False
        return bar.value() != value

    def _watch_revealed(self, screen: QWidget) -> None:
        """Bring into the band what the visitor opens on `screen` (a map or timeline card, the photo in the
        viewer): now if it shows already, and whenever it shows from now on."""
        layout = screen.layout()
        if layout is not None:
            layout.activate()  # a screen shown for the first time: its children get their places
        for kind in REVEALED:
            for widget in screen.findChildren(kind):
                widget.installEventFilter(self)
                if widget.isVisible():
                    self._revealing = widget
                    self.reach_reveal(widget)

    def _enter_reach_layout(self, min_stage: int) -> None:
        scroll = self._reach_scroll
        if scroll is None:
            scroll = QScrollArea(self)
            scroll.setObjectName("ReachScroll")
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidgetResizable(True)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            t.set_role(scroll.verticalScrollBar(), "reach_scroll")  # wide enough for a finger
            layout: QVBoxLayout = self.layout()  # type: ignore[assignment]  # built as a QVBoxLayout in __init__
            layout.removeWidget(self.stack)
            scroll.setWidget(self.stack)  # the scroller takes the stack into its viewport
            layout.insertWidget(0, scroll, 1)
            self.overlay.setParent(scroll.viewport())  # transitions play where the screens are
            self.overlay.hide()
            self._reach_scroll = scroll
            # A finger's (or mouse's) drag anywhere the screen does not use itself scrolls the band, with the
            # kiosk's kinetic feel, shared with a scroll area inside it (the rule: `TouchDragController`).
            self._reach_drag = TouchDragController(scroll.viewport(), scroll)
            self._reach_drag.outer = True
            # a screen taller than the band fades out at the band's end (and in at its top once scrolled), so a
            # visitor sees it goes on instead of a row of tiles or the ruler sliced by the bar
            self.reach_fades = EdgeFades(scroll, self.theme.px(t.GAP))
            scroll.verticalScrollBar().valueChanged.connect(self._band_scrolled)
            self.stack.currentChanged.connect(self._fit_reach_stage)
            self.stack.installEventFilter(self)  # the screen on show asks for another height: `_restage`
            scroll.viewport().installEventFilter(self)  # the band's height, for a screen that fits it
            # One scroll bar in the band: the band's own, a finger wide; a screen's thin indicators beside it would
            # read as two bars (its areas still scroll by a drag, shared with the band's)
            t.set_role(self.stack, "reach_stage")
        self._reach_min_stage = min_stage
        self._fit_reach_stage()

    @Slot()
    def _fit_reach_stage(self) -> None:
        """The screens' height in the reach band's scroller: the band's, or more when the screen on show needs it
        (its own minimum; at least `min_stage`), so it scrolls as little as it can. A screen opens at the top of
        the part a visitor acts on (`Screen.reach_anchor`: home's first row of tiles), else on its title."""
        scroll = self._reach_scroll
        if scroll is None:
            return
        self._size_reach_stage()
        self._open_reach_at_anchor()
        self._revealing = None
        screen = self.stack.currentWidget()
        if screen is not None:
            self._watch_revealed(screen)

    def _size_reach_stage(self) -> None:
        screen = self.stack.currentWidget()
        if isinstance(screen, Screen) and screen.reach_fits_band and self._reach_scroll is not None:
            need = max(1, self._reach_scroll.viewport().height())  # the screen fits itself into the band
        else:
            need = max(1, self._reach_min_stage, screen.minimumSizeHint().height() if screen is not None else 0)
        if need != self.stack.height():
            self.stack.setFixedHeight(need)

    def _open_reach_at_anchor(self) -> None:
        scroll, screen = self._reach_scroll, self.stack.currentWidget()
        if scroll is None:
            return
        top = 0
        anchor = screen.reach_anchor() if isinstance(screen, Screen) else None
        if anchor is not None and screen is not None:
            layout = screen.layout()
            if layout is not None:
                layout.activate()  # the anchor's place at the stage's present height
            top = anchor.mapTo(self.stack, QPoint(0, 0)).y()
            view = scroll.viewport().height()
            if anchor.height() > view and screen.reach_anchor_middle:  # type: ignore[union-attr]  # a Screen
                top += (anchor.height() - view) // 2
        bar = scroll.verticalScrollBar()
        self._revealing_now = True
        try:
            bar.setValue(top)
        finally:
            self._revealing_now = False
        self._reach_opened_at = bar.value()

    @Slot()
    def _restage(self) -> None:
        """The screen on show changed its least height (a screen settles its type sizes once it has its size):
        the stage follows, and a band the visitor has not scrolled yet opens at the anchor again."""
        scroll = self._reach_scroll
        if scroll is None:
            return
        untouched = scroll.verticalScrollBar().value() == self._reach_opened_at
        self._size_reach_stage()
        if untouched and self._revealing is None:
            self._open_reach_at_anchor()

    def _leave_reach_layout(self) -> None:
        if self._reach_backdrop is not None:
            self._reach_backdrop.hide()
        scroll = self._reach_scroll
        if scroll is None:
            return
        self._reach_scroll = None
        if self._reach_drag is not None:
            self._reach_drag.stop()
            self._reach_drag = None
        self.stack.currentChanged.disconnect(self._fit_reach_stage)
        self.stack.removeEventFilter(self)
        t.set_role(self.stack, "")
        scroll.takeWidget()
        layout: QVBoxLayout = self.layout()  # type: ignore[assignment]  # built as a QVBoxLayout in __init__
        layout.removeWidget(scroll)
        self.stack.setParent(self)
        self.stack.setMinimumHeight(0)
        self.stack.setMaximumHeight(16_777_215)  # QWIDGETSIZE_MAX: the layout decides again
        layout.insertWidget(0, self.stack, 1)
        self.stack.show()
        self.overlay.setParent(self)
        self.overlay.hide()
        scroll.hide()
        scroll.deleteLater()

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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.stack and kind == QEvent.Type.LayoutRequest and self._reach_scroll is not None:
            QTimer.singleShot(0, self, self._restage)
            return False
        if kind == QEvent.Type.Resize and self._reach_scroll is not None \
                and watched is self._reach_scroll.viewport():
            screen = self.stack.currentWidget()
            if isinstance(screen, Screen) and screen.reach_fits_band:
                QTimer.singleShot(0, self, self._restage)  # a screen that fits the band follows its height
            return False
        if kind not in (QEvent.Type.Show, QEvent.Type.Move) or self._reach_scroll is None \
                or not isinstance(watched, REVEALED):
            return False
        if kind == QEvent.Type.Show:
            self._revealing = watched
        elif watched is not self._revealing:
            return False  # moved by a layout after the visitor scrolled the band: their scrolling stands
        # after the show's own layout has placed it (a card takes its geometry as it opens), and along its slide
        QTimer.singleShot(0, self, lambda w=watched: self.reach_reveal(w))
        return False

    @Slot()
    def _band_scrolled(self) -> None:
        if not self._revealing_now:
            self._revealing = None  # the visitor scrolls the band: what opened last is no longer followed
