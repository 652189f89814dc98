"""Composition root: load the content, build the services and the window, wire their signals, run.

Nothing else in the kiosk reaches for a global; everything a screen needs is handed to it here.
"""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from kiosk import paths
from kiosk.app_content import ContentGuard, cause_of, is_bundled, load_content
from kiosk.app_staff import Staff, install_staff, restart_process
from kiosk.app_watch import ContentWatcher
from kiosk.content import Exhibition, Section, Text, load_exhibition
from kiosk.content.store import ContentStore
from kiosk.content.words import kept_words
from kiosk.logs import setup_logging
from kiosk.malloc import limit_heap_retention
from kiosk.navigation import Navigator, Route
from kiosk.staff.reload import ContentNotice
from kiosk.staff.settings import Settings
from kiosk.ui.features import photo_opener, register_features
from kiosk.ui.fonts import register_fonts
from kiosk.ui.image_provider import ImageProvider
from kiosk.ui.panels.home_screen import HomeScreen
from kiosk.ui.panels.screen import Screen
from kiosk.ui.registry import Destination, ScreenContext, ScreenRegistry
from kiosk.ui.shell.crash_guard import CrashGuard
from kiosk.ui.shell.heartbeat_timer import HeartbeatTimer
from kiosk.ui.shell.lockdown import Lockdown
from kiosk.ui.shell.main_window import MainWindow
from kiosk.ui.shell.reach_mode import ReachMode
from kiosk.ui.shell.screen_placer import ScreenPlacer
from kiosk.ui.shell.unattended import UnattendedDriver
from kiosk.ui.shell.window_guard import WindowGuard
from kiosk.ui.theme import LARGE_TEXT_SCALE, Theme, use_palette
from kiosk.ui.widgets.typeset_label import keep_words_together

log = logging.getLogger(__name__)

PROCESS_START = time.perf_counter()
REFERENCE_SIZE = (1920, 1080)


@dataclass
class Kiosk:
    """Everything the running app is made of, for the smoke mode, benchmarks and tests to drive."""

    app: QApplication
    window: MainWindow
    navigator: Navigator
    store: ContentStore  # the exhibition on show: every holder subscribes to it, a reload is one call
    images: ImageProvider
    registry: ScreenRegistry
    context: ScreenContext
    settings: Settings | None = None  # the one settings store (staff panel, unattended modes)
    staff: Staff | None = None  # the staff panel, its statistics and session record
    unattended: UnattendedDriver | None = None  # idle reset, slideshow, opening hours (clock injectable)
    crash_guard: CrashGuard | None = None  # unhandled errors: logged, then back to home
    content: ContentGuard | None = None  # builds the screens; broken content gives way to the last good one
    heartbeat: HeartbeatTimer | None = None  # fed only while the window paints
    window_guard: WindowGuard | None = None  # the window shown again, or exit for a restart
    watcher: ContentWatcher | None = None  # the content folder watched: live preview, synced folders
    screen_placer: ScreenPlacer | None = None  # the window on the chosen display (kiosk.screens), once exhibited
    reach: ReachMode | None = None  # accessible mode: the interface within reach, larger text, doubled times

    @property
    def exhibition(self) -> Exhibition:
        return self.store.exhibition

    @property
    def content_dir(self) -> Path:
        return self.store.folder

    def top_level_routes(self) -> list[Route]:
        return self.registry.top_level_routes(self.exhibition)

    def show_content(self, exhibition: Exhibition) -> None:
        """The content store's subscriber for the window: rebuild the screens from the new exhibition."""
        self.window.rebuild_screens()
        self.window.warm_up(self.registry.top_level_routes(exhibition))


def register_core_screens(registry: ScreenRegistry) -> None:
    """Home, the foreword and the four sections; later features add their own `register(registry)`."""

    def home(route: Route, theme: Theme, ctx: ScreenContext) -> Screen:
        ex = ctx.exhibition
        hero = ctx.photo_path(ex.photo(ex.hero_photo).file)
        return HomeScreen(theme, ex, registry.destinations(ex), hero, ctx.images)

    # The foreword and the sections are built while the window warms up: their modules load then, not before
    # the first frame.
    def intro(route: Route, theme: Theme, ctx: ScreenContext) -> Screen:
        from kiosk.ui.panels.intro_screen import IntroScreen

        return IntroScreen(theme, ctx.exhibition)

    def section(route: Route, theme: Theme, ctx: ScreenContext) -> Screen | None:
        try:
            found = ctx.exhibition.section(route.arg or "")
        except KeyError:
            return None
        from kiosk.ui.panels.section_screen import SectionScreen

        return SectionScreen(theme, ctx.exhibition, found, ctx.photo_path, ctx.images, ctx.open_photo)

    def section_tiles(ex: Exhibition) -> list[Destination]:
        return [Destination(Route("section", s.id), s.title, _topic_names(s), s.accent, s.icon) for s in ex.sections]

    registry.register("home", home)
    registry.register("intro", intro)
    registry.register("section", section, tiles=section_tiles)


def _topic_names(section: Section) -> Text:
    names = section.topics[:4]
    return Text.composed(zh=" · ".join(t.title.zh for t in names), en=" · ".join(t.title.en for t in names))


def _qt_message(kind: QtMsgType, context, message: str) -> None:
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def build(
    content: Path | None = None,
    windowed: bool = True,
    size: tuple[int, int] | None = None,
    lang: str | None = None,
    settings: Settings | None = None,
    slideshow: bool = False,
    watch: bool = False,
) -> Kiosk:
    """Create (or reuse) the QApplication and the fully wired kiosk window, not yet shown.

    `lang` is the start language (default: the settings' default language, which every reset returns to);
    `settings` defaults to the per-user settings file; `slideshow` starts in signage mode for this run; `watch`
    shows changes to the content folder as they are saved (kiosk.app_watch)."""
    limit_heap_retention()  # before the first big buffer: see kiosk/malloc.py
    # Not QT_MAX_CACHED_GLYPH_SIZE: raising Qt's glyph-cache limit above 64 px makes large titles draw blank
    # (tests/ui/test_navigation.py::test_the_big_title_is_really_drawn).
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("lukou-kiosk")
    exhibition, content_dir, notice = load_content(content)
    settings = settings if settings is not None else Settings.load()
    lang = lang or settings.default_language
    families = register_fonts()
    if size is None:
        geometry = app.primaryScreen().geometry()
        size = (geometry.width(), geometry.height())
        if app.platformName() in ("offscreen", "minimal"):
            size = REFERENCE_SIZE  # no real screen: lay out for the reference canvas
    theme = Theme.for_size(size[0], size[1], families)
    theme.set_language(lang)
    theme.text_scale = LARGE_TEXT_SCALE if settings.get("large_text") else 1.0
    use_palette(bool(settings.get("high_contrast")))
    sheet = theme.stylesheet()
    if app.styleSheet() != sheet:  # setting it re-polishes every widget the application has: only when it changes
        app.setStyleSheet(sheet)
    app.setFont(theme.font(28))
    images = ImageProvider()
    registry = ScreenRegistry()
    register_core_screens(registry)
    register_features(registry)  # timeline, map, gallery, viewer: their modules load after the first frame

    # The window with its home screen and the attract show: if content passed the checks but these cannot be
    # built from it, start again with the bundled exhibition (see kiosk.app_content).
    while True:
        navigator = Navigator([s.id for s in exhibition.sections])
        store = ContentStore(exhibition, content_dir)
        keep_words_together(kept_words(exhibition))  # no line breaks inside a word: 渌口 / 区, 示范 / 带
        store.subscribe(lambda shown: keep_words_together(kept_words(shown)))
        context = ScreenContext(store, images, navigator)
        context.extras["settings"] = settings
        # Any photo, tapped anywhere, opens the viewer; the window is read late on purpose: it is built below.
        context.open_photo = photo_opener(lambda: window)  # noqa: B023 - late binding wanted
        guard = ContentGuard(registry, context)
        window = None
        try:
            window = MainWindow(
                theme, navigator, guard.build_screen, kiosk_mode=not windowed, lang=lang,  # type: ignore[arg-type]  # the settings offer only zh and en
                screen_key=registry.screen_key,
            )
            window.resize(*size)
            home = window.current_screen()
            for each in [other for other in ("zh", "en") if other != lang] + [lang]:
                home.set_language(each)  # both languages now, not at a visitor's first tap on EN
            unattended = UnattendedDriver(window, settings, exhibition, context.photo_path, images,
                                          force_signage=slideshow)
            break
        except Exception as exc:
            if is_bundled(content_dir):
                raise
            log.error("content from %s cannot be shown; showing the bundled exhibition instead", content_dir,
                      exc_info=exc)
            if window is not None:
                window.deleteLater()
            notice = ContentNotice(content_dir, f"building the home screen: {cause_of(exc)}",
                                   paths.default_content_dir(), bundled=True)
            exhibition, _ = load_exhibition(paths.default_content_dir())
            content_dir = paths.default_content_dir()
    kiosk = Kiosk(app, window, navigator, store, images, registry, context)
    # Who holds the exhibition hears of every new one here, in this order: swipes, the screens, the attract show.
    store.subscribe(navigator.follow)
    store.subscribe(kiosk.show_content)
    store.subscribe(unattended.set_exhibition)
    kiosk.settings = settings
    guard.notice = notice
    guard.attach(kiosk)
    kiosk.content = guard
    kiosk.unattended = unattended
    kiosk.reach = reach = ReachMode(window, settings)
    reach.changed.connect(unattended.set_accessible)
    unattended.visit_ended.connect(reach.end)  # accessible mode belongs to the visit
    kiosk.crash_guard = CrashGuard(unattended.recover, exit_on_storm=not windowed, parent=window)
    kiosk.crash_guard.install()
    if window.kiosk_mode:
        app.installEventFilter(Lockdown(window))
    kiosk.heartbeat = heartbeat = HeartbeatTimer(window, parent=window)
    app.aboutToQuit.connect(heartbeat.stop)
    kiosk.window_guard = guard = WindowGuard(window)
    app.aboutToQuit.connect(guard.stop)

    def after_first_frame() -> None:
        home = window.screen_for(Route("home"))
        if isinstance(home, HomeScreen):
            home.load_icons()
            home.entered()
        window.bar.load_icons()
        window.warm_up(kiosk.top_level_routes())
        unattended.start()
        heartbeat.start()
        guard.start()
        if kiosk.watcher is not None:
            kiosk.watcher.start()

    window.first_frame.connect(after_first_frame)
    # Home shows no photo from the memory cache: arriving there lets the screens' big photos go (see ImageProvider).
    window.screen_entered.connect(lambda route: images.trim() if route.screen == "home" else None)
    images.setParent(window)  # lives and dies with the window
    app.aboutToQuit.connect(images.shutdown)
    # Last: its corner gesture must see input before other app-wide filters, its statistics wrap every hook.
    kiosk.staff = install_staff(kiosk, settings, content, PROCESS_START)
    if watch:
        kiosk.watcher = ContentWatcher(kiosk, kiosk.staff.requested_content, preview=windowed)
        kiosk.watcher.on_note = kiosk.staff.controller.content_changed
    return kiosk


def place_on_screen(kiosk: Kiosk, screen: str | None, fullscreen: bool = True) -> ScreenPlacer:
    """The window on the chosen display now, and again whenever screens change or staff choose another."""
    settings = kiosk.settings

    def wanted() -> str | None:
        return screen if screen is not None else (settings.get("screen") if settings is not None else None)

    placer = ScreenPlacer(kiosk.window, wanted, fullscreen=fullscreen)
    if settings is not None and screen is None:
        settings.subscribe(lambda names: placer.screens_changed() if "screen" in names else None)
    placer.place()
    return placer


def prepare_process() -> None:
    """Once per process, before `build`: the rotating log, and Qt's own messages routed into it."""
    setup_logging()
    qInstallMessageHandler(_qt_message)


def exhibit(kiosk: Kiosk, windowed: bool, screen: str | None = None) -> int:
    """Show the built kiosk and run it until staff exit (or the window is lost); the process's exit status.
    `screen` is `--screen N|NAME`; without it the staff setting `screen` chooses (kiosk.screens)."""
    from kiosk.app_metrics import install_metrics

    install_metrics(kiosk)  # the metrics file for a hall's dashboard (kiosk.metrics)
    settings = kiosk.settings
    if windowed and not (screen or (settings and settings.get("screen"))):
        kiosk.window.show()
    else:
        kiosk.screen_placer = place_on_screen(kiosk, screen, fullscreen=not windowed)
    code = kiosk.app.exec()
    if not code and kiosk.window_guard is not None:  # the window was lost: never report that as a clean exit
        code = kiosk.window_guard.exit_code
    if kiosk.staff is not None and kiosk.staff.restart_requested:
        restart_process()
    return code


