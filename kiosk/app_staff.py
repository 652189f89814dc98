"""The staff panel's part of the composition root: settings, visitor statistics, the session record and the
staff controller, wired to the running kiosk. `app.build()` calls `install_staff` last, so the statistics
wrap every hook the screens were given and the corner gesture sees input before any other app-wide filter.

What it connects:
- navigation → statistics (screens opened, dwell), `ScreenContext.record` → photos and map features,
  the first touch after a reset → a new visit; the panel opening ends the visit (staff are not visitors);
- the large-text setting → the theme's text scale and a rebuild of the screens; the high-contrast setting →
  the palette, the style sheet and a rebuild; accessible mode switched on → the visit counted as accessible;
- content reload → validate, build the new screens, and only then swap them in (kiosk.app_content);
- content from a USB drive → check, copy, verify, switch (kiosk.staff.content_import), then the same reload;
  roll back → the previous content, by the same reload;
- exit to desktop and restart, each recorded as the reason the next run reads back.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication

from kiosk import __version__, logs, paths
from kiosk.content import Exhibition
from kiosk.content.schema import Lang
from kiosk.navigation import Transition
from kiosk.staff import diagnostics
from kiosk.staff.content_import import ContentLibrary, ImportOutcome
from kiosk.staff.pin import PinStore
from kiosk.staff.reload import ContentNotice, ReloadResult, validate_content
from kiosk.staff.sessions import SessionRecord
from kiosk.staff.settings import Settings
from kiosk.staff.stats import MAP_FEATURE, PHOTO, VisitorStats
from kiosk.ui import theme as t
from kiosk.ui.staff.staff_controller import StaffController, StaffServices

if TYPE_CHECKING:
    from kiosk.app import Kiosk

log = logging.getLogger(__name__)


@dataclass
class Staff:
    """The staff side of a running kiosk, for tests and the rest of the composition root."""

    controller: StaffController
    settings: Settings
    stats: VisitorStats
    session: SessionRecord
    requested_content: Path  # the folder the kiosk means to show (and watches): changed by an import
    restart_requested: bool = False
    started_with: Path | None = None  # the folder asked for at start: where rolling back past every import leads
    recording: bool = True


ImportDone = Callable[[ImportOutcome, ReloadResult | None, bool], None]


class _StaffWiring(QObject):
    """Slots that need the kiosk; lives as long as the window."""

    _imported = Signal(object, object)  # (ImportOutcome, ImportDone) from the import's worker thread

    def __init__(self, kiosk: Kiosk, staff: Staff, started: float):
        super().__init__(kiosk.window)
        self.kiosk = kiosk
        self.staff = staff
        self.started = started
        self._imports: ThreadPoolExecutor | None = None

    # statistics -------------------------------------------------------------------------------------

    def on_transition(self, transition: Transition) -> None:
        if self.staff.recording:
            self.staff.stats.screen_entered(transition.new.key)

    @Slot()
    def on_input(self) -> None:
        """Any input on the window: the first one after a reset starts a visit (unless it is staff at work)."""
        if self.staff.recording and not self.staff.controller.is_open and not self.staff.stats.in_visit:
            self.staff.stats.start_visit()

    @Slot()
    def on_visit_started(self) -> None:
        if self.staff.recording:
            self.staff.stats.start_visit()

    @Slot()
    def on_staff_opened(self) -> None:
        self.staff.stats.staff_took_over()
        self.staff.recording = False

    @Slot()
    def on_staff_closed(self) -> None:
        self.staff.recording = True
        self.staff.stats.screen_entered(self.kiosk.navigator.current.key)

    def record(self, kind: str, subject: str) -> None:
        if not self.staff.recording:
            return
        if kind == PHOTO:
            self.staff.stats.photo_opened(subject)
        elif kind == MAP_FEATURE:
            self.staff.stats.map_feature_tapped(subject)

    # settings that belong to the staff panel ---------------------------------------------------------

    def on_settings(self, names: frozenset[str]) -> None:
        if "large_text" in names:
            apply_text_scale(self.kiosk, self.staff.settings.get("large_text"))
        if "high_contrast" in names:
            apply_palette(self.kiosk, self.staff.settings.get("high_contrast"))

    @Slot(bool)
    def on_reach(self, on: bool) -> None:
        if on and self.staff.recording:
            self.staff.stats.accessible_mode_used()

    # content ----------------------------------------------------------------------------------------

    def reload_content(self) -> ReloadResult:
        guard = self.kiosk.content
        if guard is None:  # a kiosk assembled without the content guard (benchmarks): check only
            return validate_content(self.staff.requested_content)
        result = guard.reload(self.staff.requested_content)
        self._follow(self.staff.requested_content)
        return result

    def _follow(self, folder: Path) -> None:
        watcher = getattr(self.kiosk, "watcher", None)
        if watcher is not None:
            watcher.follow(folder)

    def import_content(self, drive: Path, done: ImportDone) -> None:
        """Check, copy and verify the content on `drive` on a worker thread (a large stick takes longer than the
        watchdog waits for a frame), then, back on the window's thread, switch to it and show it by the reload
        path; when it cannot be shown after all, the switch is undone and the copy removed. `done` hears
        (outcome, reload, pinned): pinned means `KIOSK_CONTENT` names another folder, which a restart shows."""
        if self._imports is None:
            self._imports = ThreadPoolExecutor(1, thread_name_prefix="content-import")
            self._imported.connect(self._import_copied)
            app = QApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(self._stop_imports)
        future = self._imports.submit(ContentLibrary().import_from, drive)

        def hand_back(finished: Future[ImportOutcome]) -> None:  # on the worker thread
            try:
                outcome = finished.result()
            except Exception as exc:  # the import explains what it can; anything else is still said
                log.exception("content import from %s failed", drive)
                outcome = ImportOutcome("cannot_write", summary=f"{type(exc).__name__}: {exc}")
            try:
                self._imported.emit(outcome, done)
            except RuntimeError:  # the window is gone
                pass

        future.add_done_callback(hand_back)

    @Slot()
    def _stop_imports(self) -> None:
        if self._imports is not None:
            self._imports.shutdown(wait=False, cancel_futures=True)

    @Slot(object, object)
    def _import_copied(self, outcome: ImportOutcome, done: ImportDone) -> None:
        done(*self._show_import(outcome))

    def _show_import(self, outcome: ImportOutcome) -> tuple[ImportOutcome, ReloadResult | None, bool]:
        library = ContentLibrary()
        if not outcome.ok or outcome.folder is None or self.kiosk.content is None:
            return outcome, None, False
        try:
            library.switch_to(outcome.folder)
        except OSError as exc:
            library.discard(outcome.folder)
            log.error("content import: the pointer file cannot be written: %s", exc)
            return dataclasses.replace(outcome, reason="cannot_write", summary=str(exc)), None, False
        result = self.kiosk.content.reload(outcome.folder)
        if not result.ok:
            library.roll_back()
            library.discard(outcome.folder)
            return outcome, result, False
        self.staff.requested_content = outcome.folder
        self._follow(outcome.folder)
        pinned = paths.content_source(None)[0] != outcome.folder
        return outcome, result, pinned

    def can_roll_back(self) -> bool:
        return ContentLibrary().can_roll_back()

    def roll_back(self) -> ReloadResult | None:
        """Back to the content shown before the latest import (or forward again after a roll back)."""
        guard = self.kiosk.content
        library = ContentLibrary()
        if guard is None or not library.can_roll_back():
            return None
        try:
            folder = library.roll_back()
        except OSError as exc:
            log.error("roll back: the pointer file cannot be written: %s", exc)
            return ReloadResult(self.staff.requested_content, None, [str(exc)], str(exc))
        if folder is None:  # before any import: the folder the kiosk started with (unless that was an import)
            started = self.staff.started_with
            folder = started if started is not None and started.parent != library.root else paths.content_source()[0]
        result = guard.reload(folder)
        if not result.ok:
            library.roll_back()  # the pointer back where it was: the content on show stays, and a restart agrees
            return result
        self.staff.requested_content = folder
        self._follow(folder)
        return result

    def watch_note(self) -> object:
        watcher = getattr(self.kiosk, "watcher", None)
        return watcher.note if watcher is not None else None

    def content(self) -> tuple[Path, Exhibition, ContentNotice | None]:
        """What the Content page shows: the folder and exhibition now on screen, and, when that is not the
        folder asked for, why (`ContentPage.show_content`)."""
        guard = self.kiosk.content
        return self.kiosk.content_dir, self.kiosk.exhibition, guard.notice if guard is not None else None

    # diagnostics ------------------------------------------------------------------------------------

    def facts(self, lang: Lang) -> list[tuple[str, str]]:
        from PySide6 import __version__ as qt_version

        window = self.kiosk.window
        screen = window.screen()
        zh = lang == "zh"
        screen_text = "?"
        if screen is not None:
            size = screen.geometry()
            comma, semicolon = ("，", "；") if zh else (", ", "; ")  # Chinese text takes full-width punctuation
            physical = (f" ({screen.physicalDotsPerInch():.0f} physical)" if not zh
                        else f"（物理 {screen.physicalDotsPerInch():.0f}）")
            screen_text = (
                f"{size.width()}×{size.height()} @ {screen.devicePixelRatio():g}x{comma}"
                f"{screen.logicalDotsPerInch():.0f} dpi"
                + (physical if round(screen.physicalDotsPerInch()) != round(screen.logicalDotsPerInch()) else "")
                + comma
                + f"{screen.refreshRate():.0f} Hz{semicolon}"
                + f"{'窗口' if zh else 'window'} {window.width()}×{window.height()}"
            )
        files = [
            ("设置" if zh else "settings", self.staff.settings.path),
            ("密码" if zh else "PIN", PinStore.beside(self.staff.settings.path).pin_path),
            ("统计" if zh else "statistics", self.staff.stats.path),
            ("日志" if zh else "log", logs.current_log_file()),
        ]
        from kiosk.ui.staff.stats_page import status_text
        from kiosk.ui.staff.strings import sw

        return [
            (sw("diag_app", lang), f"kiosk {__version__} · Python {sys.version.split()[0]} · PySide6 {qt_version}"),
            (sw("content_version", lang), f"{diagnostics.content_fingerprint(self.kiosk.content_dir)} "
                                          f"({self.kiosk.content_dir})"),
            (sw("diag_screen", lang), screen_text),
            (sw("diag_memory", lang), diagnostics.format_bytes(diagnostics.memory_bytes())),
            (sw("diag_uptime", lang), diagnostics.format_duration(time.perf_counter() - self.started, lang)),
            (sw("diag_restart", lang), self.staff.session.last_restart_reason(lang)),
            (sw("diag_stats", lang), status_text(self.staff.stats, lang) or sw("stats_recording", lang)),
            (sw("diag_files", lang), "\n".join(f"{name}{'：' if zh else ': '}{path}" for name, path in files)),
        ]

    def screen_title(self, key: str) -> str:
        from kiosk.ui.staff.stats_page import visitor_name

        built = self.kiosk.window.built_screens().get(key)
        title = built.place_title() if built is not None else ""
        return title or visitor_name(key, self.kiosk.exhibition, self.kiosk.window.lang)

    # leaving ----------------------------------------------------------------------------------------

    @Slot()
    def exit_to_desktop(self) -> None:
        log.warning("staff: exit to desktop")
        self.staff.session.end("exit")
        self._quit()

    @Slot()
    def restart(self) -> None:
        log.warning("staff: restart")
        self.staff.session.end("restart")
        self.staff.restart_requested = True
        self._quit()

    def _quit(self) -> None:
        self.staff.stats.close()
        self.kiosk.window.allow_close = True
        app = QApplication.instance()
        if app is not None:
            app.quit()

    @Slot()
    def about_to_quit(self) -> None:
        if self.staff.session.ended is None:
            self.staff.session.end("quit")
        self.staff.stats.close()


def apply_text_scale(kiosk: Kiosk, large: bool) -> None:
    scale = t.LARGE_TEXT_SCALE if large else 1.0
    theme = kiosk.window.theme
    if theme.text_scale == scale:
        return
    theme.text_scale = scale
    app = QApplication.instance()
    if app is not None:
        app.setFont(theme.font(28))
    kiosk.window.rebuild_screens()
    log.info("large-text mode %s", "on" if large else "off")


def apply_palette(kiosk: Kiosk, high_contrast: bool) -> None:
    """The standard or the high-contrast theme: palette, application style sheet, screens built again."""
    if t.high_contrast == bool(high_contrast):
        return
    t.use_palette(bool(high_contrast))
    app = QApplication.instance()
    if app is not None:
        app.setStyleSheet(kiosk.window.theme.stylesheet())  # type: ignore[attr-defined]  # a QApplication
    kiosk.window.bar.load_icons()
    kiosk.window.rebuild_screens()
    log.info("high-contrast theme %s", "on" if high_contrast else "off")


def install_staff(kiosk: Kiosk, settings: Settings, requested_content: Path | None, started: float) -> Staff:
    window = kiosk.window
    stats = VisitorStats()
    session = SessionRecord()
    session.begin()
    placeholder = Staff(controller=None, settings=settings, stats=stats, session=session,  # type: ignore[arg-type]  # the controller is filled in once built, below
                        requested_content=Path(requested_content) if requested_content else kiosk.content_dir)
    placeholder.started_with = placeholder.requested_content
    wiring = _StaffWiring(kiosk, placeholder, started)
    services = StaffServices(
        settings=settings,
        stats=stats,
        content=wiring.content,  # type: ignore[arg-type]  # a third item, the notice: see ContentPage.show_content
        reload_content=wiring.reload_content,
        import_content=wiring.import_content,
        roll_back=wiring.roll_back,
        can_roll_back=wiring.can_roll_back,
        watch_note=wiring.watch_note,
        facts=wiring.facts,
        log_tail=lambda: diagnostics.tail(logs.current_log_file(), 200),
        screen_title=wiring.screen_title,
        language=lambda: window.lang,
    )
    controller = StaffController(window.theme, window, services)
    placeholder.controller = controller
    controller.opened.connect(wiring.on_staff_opened)
    controller.closed.connect(wiring.on_staff_closed)
    controller.exit_requested.connect(wiring.exit_to_desktop)
    controller.restart_requested.connect(wiring.restart)
    unattended = getattr(kiosk, "unattended", None)
    if unattended is not None:  # visits are the unattended state machine's: first touch after a reset → reset
        unattended.visit_started.connect(wiring.on_visit_started)
        unattended.visit_ended.connect(placeholder.stats.end_visit)
        controller.engaged.connect(unattended.pause)
    else:
        controller.gesture.activity.connect(wiring.on_input)
    kiosk.navigator.subscribe(wiring.on_transition)
    if kiosk.reach is not None:
        kiosk.reach.changed.connect(wiring.on_reach)
    stats.screen_entered(kiosk.navigator.current.key)
    inner_record = kiosk.context.record

    def record(kind: str, subject: str) -> None:
        wiring.record(kind, subject)
        inner_record(kind, subject)

    kiosk.context.record = record
    inner_open = kiosk.context.open_photo

    def open_photo(photo_id: str) -> None:  # every photo a visitor opens full screen, from any screen
        wiring.record(PHOTO, photo_id)
        inner_open(photo_id)

    kiosk.context.open_photo = open_photo
    settings.subscribe(wiring.on_settings)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(wiring.about_to_quit)
    return placeholder


def restart_process() -> None:
    """Start the kiosk again in this same process (same PID for a supervisor): the bundle's program or
    `python -m kiosk`, with the same arguments."""
    if getattr(sys, "frozen", False):
        args = [sys.executable, *sys.argv[1:]]
    else:
        args = [sys.executable, "-m", "kiosk", *sys.argv[1:]]
    log.warning("restarting: %s", " ".join(args))
    logging.shutdown()
    os.execv(sys.executable, args)
