"""The content part of the composition root: which exhibition the kiosk shows, and why broken content never
stays on screen.

`kiosk check` (the content models and the loader) is the first line of defence: content it refuses is never
shown. This module is the second, for whatever the checks cannot foresee: any exception while screens are
built from a content folder — at start, when a screen is first built, when a screen switches language, on a
staff reload — counts as broken content. It is logged with its cause and the kiosk shows the last good
exhibition instead (the one it showed before a reload), else the bundled one; it never leaves a screen half
built, never raises into Qt's event loop (where a storm of the same error would end the process and a
supervisor's restart would meet the same content again).

A reload builds every screen of the new content first, in both languages, offscreen (`prove`), and swaps it in
only when that worked; the staff Content page is told the real outcome (`ReloadResult`, `ContentNotice`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, QTimer, Slot
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from kiosk import paths
from kiosk.content import ContentError, Exhibition, Problem, load_exhibition
from kiosk.content.cache import load_exhibition_cached
from kiosk.content.loader import folder_trouble
from kiosk.content.schema import LANGS, Lang
from kiosk.content.store import ContentStore
from kiosk.navigation import Navigator, Route
from kiosk.staff.reload import ContentNotice, ReloadResult, validate_content
from kiosk.ui.panels.screen import Screen
from kiosk.ui.registry import ScreenContext, ScreenRegistry
from kiosk.ui.theme import Theme

if TYPE_CHECKING:
    from kiosk.app import Kiosk

log = logging.getLogger(__name__)


class ContentBuildError(Exception):
    """Screens could not be built from an exhibition; `str()` says which, in which language, and why."""


def bundled_dir() -> Path:
    return paths.default_content_dir()


def is_bundled(folder: Path) -> bool:
    try:
        return Path(folder).resolve() == bundled_dir().resolve()
    except (OSError, RuntimeError):  # a link loop cannot be resolved: it is not the bundled folder
        return False


def cause_of(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def load_content(folder: Path | None) -> tuple[Exhibition, Path, ContentNotice | None]:
    """The requested content folder, or the bundled exhibition if that one cannot be loaded (logged loudly, and
    said in the notice for staff). Raises only when the bundled exhibition itself is broken."""
    requested = Path(folder) if folder else bundled_dir()
    try:
        if (trouble := folder_trouble(requested)) is not None:  # before the cache, which needs a real folder
            raise ContentError([Problem(str(requested), "", trouble)])
        exhibition, warnings = load_exhibition_cached(requested, paths.user_cache_dir() / "content")
        for warning in warnings:
            log.warning("content: %s", warning)
        return exhibition, requested, None
    except ContentError as exc:
        for problem in exc.problems:
            log.error("content: %s", problem)
        if is_bundled(requested):
            raise
        cause = f"{len(exc.problems)} problem(s); `kiosk check --content {requested}` lists them"
    except Exception as exc:  # the loader explains content; anything else is still this folder's
        log.exception("content folder %s cannot be read", requested)
        if is_bundled(requested):
            raise
        cause = cause_of(exc)
    log.error("content folder %s is broken; showing the bundled exhibition instead", requested)
    exhibition, _ = load_exhibition(bundled_dir())
    return exhibition, bundled_dir(), ContentNotice(requested, cause, bundled_dir(), bundled=True)


def prove(registry: ScreenRegistry, theme: Theme, context: ScreenContext, lang: Lang, size: QSize) -> None:
    """Build every screen of `context.exhibition`, show each in both languages and enter it, offscreen, then
    throw them away; likewise paint every figure slide of the attract show. Raises `ContentBuildError` on the first
    failure. The window and the content it shows are not touched."""
    for _ in prove_steps(registry, theme, context, lang, size):
        pass


def prove_steps(registry: ScreenRegistry, theme: Theme, context: ScreenContext, lang: Lang,
                size: QSize) -> Iterator[str]:
    """`prove`, one screen (or attract slide) at a time: yields after each, so a caller that runs one step per turn
    of the event loop keeps the window painting (a whole proof takes about half a second)."""
    from kiosk.modes.playlist import AttractOptions, build_slides
    from kiosk.ui.panels.attract_painting import paint_figures

    exhibition = context.exhibition
    order = [other for other in LANGS if other != lang] + [lang]
    for route in [Route("home"), *registry.top_level_routes(exhibition), Route("photo")]:
        step = f"building {route.key}"
        screen: Screen | None = None
        try:
            screen = registry.build(route, theme, context)
            if screen is None:
                continue
            screen.resize(size)
            for each in order:
                step = f"showing {route.key} in {'English' if each == 'en' else 'Chinese'}"
                screen.set_language(each)
                screen.entered()  # as a visitor arrives: figures count up, the gallery binds its cards
        except Exception as exc:
            raise ContentBuildError(f"{step}: {cause_of(exc)}") from exc
        finally:
            if screen is not None:
                screen.deleteLater()
        yield route.key
    for slide in build_slides(exhibition, AttractOptions()):
        if not slide.is_photo:
            try:
                paint_figures(theme, size, slide, exhibition)
            except Exception as exc:
                raise ContentBuildError(f"painting the attract slide {slide.key}: {cause_of(exc)}") from exc
            yield slide.key


ViewState = list[tuple[int, int]]


def view_state(screen: QWidget) -> ViewState:
    """Where each scrolling area of `screen` is scrolled to (horizontal, vertical), in the order Qt lists them."""
    return [(area.horizontalScrollBar().value(), area.verticalScrollBar().value())
            for area in screen.findChildren(QAbstractScrollArea)]


def restore_view_state(screen: QWidget, state: ViewState) -> None:
    """Scroll a rebuilt `screen` back to `state` where its areas still match (a position past the new end stops at
    the end). Areas learn their range as their layout settles, so it is applied now and once more when the
    events queued by the rebuild have been handled."""
    def apply() -> None:
        areas = screen.findChildren(QAbstractScrollArea)
        if len(areas) != len(state):
            return  # another shape of screen: its start is the honest place
        for area, (x, y) in zip(areas, state, strict=True):
            area.horizontalScrollBar().setValue(x)
            area.verticalScrollBar().setValue(y)

    if any(x or y for x, y in state):
        apply()
        QTimer.singleShot(0, screen, apply)


class ContentGuard(QObject):
    """Builds the window's screens, and takes content off the screen when building from it fails.

    Until `attach` (while `app.build` makes the window) a failure propagates: `build` then starts again with
    the bundled exhibition. Afterwards a failure is logged, the screen is not shown (or keeps its language),
    and on the next turn of the event loop the last good or bundled exhibition replaces the broken one."""

    def __init__(self, registry: ScreenRegistry, context: ScreenContext):
        super().__init__()
        self.registry = registry
        self.context = context
        self.kiosk: Kiosk | None = None
        self.last_good: tuple[Exhibition, Path] | None = None  # shown before the latest reload, and worked
        self.notice: ContentNotice | None = None  # for the staff Content page: not showing what was asked
        self.failures = 0
        self._fallback_pending = False
        self._failed_with = ""
        self._failed_content: Exhibition | None = None
        self._attempted_for: Exhibition | None = None

    def attach(self, kiosk: Kiosk) -> None:
        self.kiosk = kiosk
        self.setParent(kiosk.window)

    # building screens ---------------------------------------------------------------------------------

    def build_screen(self, route: Route, theme: Theme) -> Screen | None:
        """The window's screen factory."""
        if self.kiosk is None:
            screen = self.registry.build(route, theme, self.context)
        else:
            try:
                screen = self.registry.build(route, theme, self.context)
            except Exception as exc:  # broken content: another exhibition takes over
                self.failed(f"building {route.key}", exc)
                return None
        if screen is not None:
            self._guard_language(screen, route)
        return screen

    def _guard_language(self, screen: Screen, route: Route) -> None:
        """The window switches every screen's language in one loop; an error in one screen must neither stop
        the others nor reach the event loop (on every tap of EN), so each screen's switch is guarded."""
        switch = screen.set_language

        def set_language(lang: Lang) -> None:
            if self.kiosk is None:
                switch(lang)
                return
            try:
                switch(lang)
            except Exception as exc:
                self.failed(f"showing {route.key} in {'English' if lang == 'en' else 'Chinese'}", exc)

        screen.set_language = set_language  # type: ignore[method-assign]  # wraps this one screen's method so a failure falls back

    # falling back -----------------------------------------------------------------------------------

    def failed(self, step: str, exc: BaseException) -> None:
        kiosk = self.kiosk
        assert kiosk is not None
        self.failures += 1
        log.error("content from %s cannot be shown: %s failed", kiosk.content_dir, step, exc_info=exc)
        if kiosk.exhibition is self._attempted_for:
            return  # falling back from this content was tried already: never a loop of swaps
        if not self._fallback_pending:
            self._fallback_pending = True
            self._failed_with = f"{step}: {cause_of(exc)}"
            self._failed_content = kiosk.exhibition
            QTimer.singleShot(0, self, self._fall_back)

    @Slot()
    def _fall_back(self) -> None:
        self._fallback_pending = False
        kiosk = self.kiosk
        if kiosk is None or kiosk.exhibition is not self._failed_content:
            return  # the content that failed is gone already (a swap that failed put the previous one back)
        self._attempted_for = kiosk.exhibition
        broken, cause = kiosk.content_dir, self._failed_with
        candidates: list[tuple[Exhibition, Path] | None] = []
        if self.last_good is not None and self.last_good[0] is not kiosk.exhibition:
            candidates.append(self.last_good)
        if not is_bundled(broken):
            candidates.append(None)  # the bundled exhibition, loaded only if needed
        self.last_good = None
        for candidate in candidates:
            try:
                exhibition, folder = candidate if candidate is not None else (load_exhibition(bundled_dir())[0],
                                                                               bundled_dir())
                self.show(exhibition, folder)
            except (ContentError, ContentBuildError) as exc:
                log.error("falling back from %s failed too: %s", broken, exc)
                continue
            self.notice = ContentNotice(broken, cause, folder, bundled=is_bundled(folder))
            log.error("content from %s could not be shown (%s); showing %s instead", broken, cause, folder)
            return
        log.critical("no other content to show; %s stays, without the screens that fail", broken)

    # swapping content in ----------------------------------------------------------------------------

    def show(self, exhibition: Exhibition, folder: Path) -> None:
        """Build every screen of `exhibition` first; only when that worked, swap it in and rebuild the window's
        screens from it. Raises `ContentBuildError` (the current content stays) otherwise."""
        for _ in self.trial(exhibition, folder):
            pass
        self.swap_in(exhibition, folder)

    def trial(self, exhibition: Exhibition, folder: Path) -> Iterator[str]:
        """The first half of `show`, a step at a time (`prove_steps`); raises `ContentBuildError`."""
        kiosk = self.kiosk
        assert kiosk is not None
        window = kiosk.window
        navigator = Navigator([s.id for s in exhibition.sections])
        trial = ScreenContext(ContentStore(exhibition, folder), kiosk.images, navigator)
        trial.extras = dict(kiosk.context.extras)
        return prove_steps(self.registry, window.theme, trial, window.lang, window.stack.size())

    def swap_in(self, exhibition: Exhibition, folder: Path) -> None:
        """The second half of `show`, once `trial` went through: swap in, or put the previous content back and raise
        `ContentBuildError`."""
        kiosk = self.kiosk
        assert kiosk is not None
        window = kiosk.window
        previous = (kiosk.exhibition, kiosk.content_dir)
        failures = self.failures
        route, view = kiosk.navigator.current, view_state(window.current_screen())
        try:
            self._swap(exhibition, folder)
            if self.failures != failures:  # a screen failed while the window was rebuilt (and was left out)
                raise ContentBuildError(self._failed_with)
        except Exception as exc:  # proven, yet failed in the window: put the content that worked back
            log.exception("swapping in the content from %s failed", folder)
            try:
                self._swap(*previous)
            except Exception:
                log.exception("putting the content from %s back failed too", previous[1])
            raise ContentBuildError(f"showing it in the window: {cause_of(exc)}") from exc
        self.last_good = previous
        if kiosk.navigator.current == route:  # the same screen, rebuilt: where it was scrolled to, if still there
            restore_view_state(window.current_screen(), view)

    def _swap(self, exhibition: Exhibition, folder: Path) -> None:
        kiosk = self.kiosk
        assert kiosk is not None
        kiosk.store.replace(exhibition, folder)  # the window, the navigator, the attract show, the staff panel
        log.info("now showing the content from %s", folder)

    def reload(self, folder: Path) -> ReloadResult:
        """Staff's *Reload content*: check the folder, build its screens, and only then show it."""
        kiosk = self.kiosk
        assert kiosk is not None
        result = validate_content(folder)
        if result.exhibition is None:
            errors = sum(1 for line in result.lines if ": warning: " not in line)
            self._not_shown(folder, f"{errors} problem(s); `kiosk check --content {folder}` lists them")
            return result
        try:
            self.show(result.exhibition, result.folder)
        except ContentBuildError as exc:
            log.error("content reload: %s passed the checks but is not shown: %s", folder, exc, exc_info=exc)
            self._not_shown(folder, str(exc))
            return result.not_shown(str(exc))
        self.notice = None
        log.info("content reload: %s", result.summary)
        return result

    def _not_shown(self, folder: Path, cause: str) -> None:
        """The Content page's note: `folder` is not on screen, because of `cause`, and what is."""
        kiosk = self.kiosk
        assert kiosk is not None
        shown = kiosk.content_dir
        self.notice = ContentNotice(Path(folder), cause, shown, bundled=is_bundled(shown))
