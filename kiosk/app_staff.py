"""The staff panel's part of the composition root: settings, visitor statistics, the session record and the
staff controller, wired to the running kiosk. `app.build()` calls `install_staff` last, so the statistics
wrap every hook the screens were given and the corner gesture sees input before any other app-wide filter.

What it connects:
- navigation → statistics (screens opened, dwell), `ScreenContext.record` → photos and map features,
  the first touch after a reset → a new visit; the panel opening ends the visit (staff are not visitors);
- the large-text setting → the theme's text scale and a rebuild of the screens;
- content reload → validate, build the new screens, and only then swap them in (kiosk.app_content);
- exit to desktop and restart, each recorded as the reason the next run reads back.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QApplication

from kiosk import __version__, logs
from kiosk.content import Exhibition
from kiosk.content.schema import Lang
from kiosk.navigation import Transition
from kiosk.staff import diagnostics
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
    requested_content: Path
    restart_requested: bool = False
    recording: bool = True


class _StaffWiring(QObject):
    """Slots that need the kiosk; lives as long as the window."""

    def __init__(self, kiosk: Kiosk, staff: Staff, started: float):
        super().__init__(kiosk.window)
        self.kiosk = kiosk
        self.staff = staff
        self.started = started

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

    # content ----------------------------------------------------------------------------------------

    def reload_content(self) -> ReloadResult:
        guard = self.kiosk.content
        if guard is None:  # a kiosk assembled without the content guard (benchmarks): check only
            return validate_content(self.staff.requested_content)
        return guard.reload(self.staff.requested_content)

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
            screen_text = (
                f"{size.width()}×{size.height()} @ {screen.devicePixelRatio():g}x, "
                f"{screen.logicalDotsPerInch():.0f} dpi ({screen.physicalDotsPerInch():.0f} physical), "
                f"{screen.refreshRate():.0f} Hz; {'窗口' if zh else 'window'} {window.width()}×{window.height()}"
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
            (sw("diag_uptime", lang), diagnostics.format_duration(time.perf_counter() - self.started)),
            (sw("diag_restart", lang), self.staff.session.last_restart_reason(lang)),
            (sw("diag_stats", lang), status_text(self.staff.stats, lang) or sw("stats_recording", lang)),
            (sw("diag_files", lang), "\n".join(f"{name}: {path}" for name, path in files)),
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


def install_staff(kiosk: Kiosk, settings: Settings, requested_content: Path | None, started: float) -> Staff:
    window = kiosk.window
    stats = VisitorStats()
    session = SessionRecord()
    session.begin()
    placeholder = Staff(controller=None, settings=settings, stats=stats, session=session,  # type: ignore[arg-type]  # the controller is filled in once built, below
                        requested_content=Path(requested_content) if requested_content else kiosk.content_dir)
    wiring = _StaffWiring(kiosk, placeholder, started)
    services = StaffServices(
        settings=settings,
        stats=stats,
        content=wiring.content,  # type: ignore[arg-type]  # a third item, the notice: see ContentPage.show_content
        reload_content=wiring.reload_content,
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
