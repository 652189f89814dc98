"""Opens and runs the staff panel: the corner gesture brings up the keypad, the `PinGate` decides, and the
panel's pages are wired to the services the composition root hands over (settings, statistics, content
reload, facts for diagnostics). The keypad, the panel and the tools are built on first use, so they cost
nothing at start-up.

The panel never stays open unattended: it closes after a few minutes without a touch, and whenever the
kiosk resets for the next visitor (see `close`)."""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from kiosk.content import Exhibition, Text
from kiosk.content.schema import Lang
from kiosk.staff.content_import import ImportOutcome
from kiosk.staff.drives import Place, export_places, import_places
from kiosk.staff.pin import DEFAULT_PIN, Outcome, PinGate, PinStore, valid_new_pin
from kiosk.staff.reload import ReloadResult
from kiosk.staff.settings import Settings
from kiosk.staff.stats import VisitorStats
from kiosk.ui import theme as t
from kiosk.ui.staff.entry_gesture import StaffEntryGesture
from kiosk.ui.staff.strings import sw
from kiosk.ui.theme import Theme

if TYPE_CHECKING:  # the keypad, the panel, its pages and tools are imported when first opened (start-up time)
    from kiosk.ui.staff.cleaning_overlay import CleaningOverlay
    from kiosk.ui.staff.pin_pad import PinPad
    from kiosk.ui.staff.staff_panel import StaffPanel
    from kiosk.ui.staff.touch_test_overlay import TouchTestOverlay

log = logging.getLogger(__name__)

PAD_TIMEOUT_MS = 30_000  # an abandoned keypad closes itself
PANEL_TIMEOUT_MS = 180_000  # so does an abandoned panel: no visitor ever finds it open
CLEANING_SECONDS = 30  # how long cleaning mode ignores touch


@dataclass
class StaffServices:
    """What the panel may use, provided by the composition root."""

    settings: Settings
    stats: VisitorStats
    content: Callable[[], tuple[Path, Exhibition]]  # the folder and exhibition now showing
    reload_content: Callable[[], ReloadResult]  # validate, and swap in only when good
    facts: Callable[[Lang], list[tuple[str, str]]]  # diagnostics: (name, value)
    log_tail: Callable[[], list[str]]
    screen_title: Callable[[str], str]  # a route key -> what staff call that screen
    language: Callable[[], Lang]
    places: Callable[[], list[Place]] = export_places
    clock: Callable[[], float] = time.monotonic
    # content by USB drive, and the watched folder's latest change (kiosk.app_staff provides them)
    import_places: Callable[[], list[Place]] = import_places
    # import_content(drive, done): checks and copies off the window's thread, then done(outcome, reload, pinned)
    import_content: Callable[[Path, Callable[[ImportOutcome, ReloadResult | None, bool], None]], None] | None = None
    roll_back: Callable[[], ReloadResult | None] | None = None
    can_roll_back: Callable[[], bool] = lambda: False
    watch_note: Callable[[], object] = lambda: None


class StaffController(QObject):
    engaged = Signal(bool)  # a staff layer (keypad first) is on screen / all are gone: the kiosk holds still
    opened = Signal()  # the panel is on screen (a visit ends: staff are not visitors)
    closed = Signal()  # back to the exhibition
    exit_requested = Signal()
    restart_requested = Signal()
    content_imported = Signal(object)  # (ImportOutcome, ReloadResult | None, pinned): an import has finished

    def __init__(self, theme: Theme, window: QWidget, services: StaffServices):
        super().__init__(window)
        self._theme = theme
        self._window = window
        self.services = services
        settings = services.settings
        self.gate = PinGate(PinStore.beside(settings.path), services.clock)  # the PIN's own file, not the settings
        self.gesture = StaffEntryGesture(window, theme.px(t.TOUCH_TARGET * 1.5), theme.px(24))
        self.gesture.triggered.connect(self.ask_pin)
        self.gesture.activity.connect(self._activity)
        self.pad: PinPad | None = None
        self.panel: StaffPanel | None = None
        self.cleaning: CleaningOverlay | None = None
        self.touch_test: TouchTestOverlay | None = None
        self._pages: dict[str, Any] = {}  # settings, content, stats, diagnostics
        self._mode = "login"  # login | new | confirm
        self._new_pin = ""
        self._stale = False
        self.cleaning_seconds = CLEANING_SECONDS
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._timed_out)

    # state ------------------------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        """Any staff layer (keypad, panel, cleaning, touch test) is on screen."""
        layers = (self.pad, self.panel, self.cleaning, self.touch_test)
        return any(layer is not None and layer.isVisible() for layer in layers)

    @property
    def panel_open(self) -> bool:
        return self.panel is not None and self.panel.isVisible()

    def lang(self) -> Lang:
        return self.services.language()

    # the way in -------------------------------------------------------------------------------------

    @Slot()
    def ask_pin(self) -> None:
        if self.is_open:
            return
        pad = self._ensure_pad()
        self._mode = "login"
        self.engaged.emit(True)
        pad.start(sw("pin_title", self.lang()), self.lang())
        if self.gate.locked_for() > 0:
            pad.show_locked(self.gate.locked_for)
        self._arm(PAD_TIMEOUT_MS)

    @Slot(str)
    def _pin_entered(self, pin: str) -> None:
        pad = self._ensure_pad()
        lang = self.lang()
        if self._mode == "login":
            attempt = self.gate.attempt(pin)
            if attempt.outcome is Outcome.OK:
                pad.close_pad()
                self.open_panel()
            elif attempt.outcome is Outcome.WRONG:
                pad.show_wrong(sw("pin_wrong", lang, n=attempt.tries_left))
            else:
                pad.show_locked(self.gate.locked_for)
        elif self._mode == "new":
            reason = valid_new_pin(pin)
            if reason is not None:
                pad.show_wrong(sw(f"pin_reason_{reason}", lang))
                return
            self._new_pin = pin
            self._mode = "confirm"
            pad.start(sw("change_pin", lang), lang, sw("pin_confirm", lang))
        else:
            if pin != self._new_pin:
                self._mode = "new"
                self._new_pin = ""
                pad.start(sw("change_pin", lang), lang, sw("pin_new", lang))
                pad.show_wrong(sw("pin_mismatch", lang))
                return
            reason = self.gate.change(pin)
            self._new_pin = ""
            if reason is not None:
                self._mode = "new"
                pad.show_wrong(sw(f"pin_reason_{reason}", lang))
                return
            pad.close_pad()
            if self.panel is not None:
                self.panel.set_default_pin_warning(self.gate.is_default)
                settings_page = self._pages.get("settings")
                if settings_page is not None:
                    settings_page.change_pin.setText(f"{sw('change_pin', lang)} — {sw('pin_changed', lang)}")

    @Slot()
    def _pad_cancelled(self) -> None:
        if self._mode != "login" and self.panel_open:
            self._arm(PANEL_TIMEOUT_MS)
            return
        self._idle.stop()
        self.gesture.enabled = True
        self.engaged.emit(False)

    @Slot()
    def change_pin(self) -> None:
        pad = self._ensure_pad()
        self._mode = "new"
        self._new_pin = ""
        pad.start(sw("change_pin", self.lang()), self.lang(), sw("pin_new", self.lang()))

    # the panel --------------------------------------------------------------------------------------

    def open_panel(self) -> None:
        panel = self._ensure_panel()
        lang = self.lang()
        content_page = self._pages["content"]
        self.refresh_content()
        content_page.clear_result()
        content_page.show_main()
        self._pages["settings"].reset_view()
        self._pages["stats"].show_charts()
        panel.set_language(lang)
        panel.set_default_pin_warning(self.gate.is_default)
        panel.show_page("settings")
        self.engaged.emit(True)  # (already so after the keypad; said again for a panel opened any other way)
        panel.open()
        self.gesture.enabled = False
        self._arm(PANEL_TIMEOUT_MS)
        log.info("staff panel open")
        self.opened.emit()

    @Slot()
    def close(self) -> None:
        """Close every staff layer (also called when the kiosk resets for the next visitor)."""
        was_open = self.is_open
        for layer in (self.pad, self.cleaning, self.touch_test, self.panel):
            if layer is None:
                continue
            if layer is self.pad:
                layer.close_pad()
            elif layer is self.cleaning:
                layer.stop()
            else:
                layer.hide()
        self._idle.stop()
        self.gesture.enabled = True
        if was_open:
            log.info("staff panel closed")
            self.closed.emit()
        self.engaged.emit(False)

    @Slot()
    def reload_content(self) -> ReloadResult:
        result = self.services.reload_content()
        page = self._pages.get("content")
        if page is not None:
            self.refresh_content()
            page.show_result(result)
        if result.ok:
            self._stale = True  # the settings page lists sections: rebuilt at the next opening
        return result

    @Slot()
    def refresh_content(self) -> None:
        """The Content page says again what is showing, the watched folder's latest change and whether a roll
        back is possible (after a reload, an import, or a change the watch found while the panel is open)."""
        page = self._pages.get("content")
        if page is None:
            return
        page.show_content(*self.services.content())
        page.show_watch(self.services.watch_note())
        page.set_can_roll_back(self.services.roll_back is not None and self.services.can_roll_back())

    def content_changed(self, shown: bool) -> None:
        """The watched content folder changed by itself: the Content page says so at once; when the change is
        showing, the settings page (which lists the sections) is built again at the next opening."""
        if shown:
            self._stale = True
        self.refresh_content()

    @Slot(object)
    def import_content(self, drive: Path) -> None:
        """Import from `drive`; the Content page says it is working meanwhile, then shows the outcome
        (`content_imported` when done)."""
        if self.services.import_content is None:
            return
        page = self._pages.get("content")
        if page is not None:
            page.set_busy(True)
        self.services.import_content(Path(drive), self._imported)

    def _imported(self, outcome: ImportOutcome, result: ReloadResult | None, pinned: bool) -> None:
        page = self._pages.get("content")
        if page is not None:
            page.set_busy(False)
            self.refresh_content()
            page.show_import(outcome, result, pinned)
        if result is not None and result.ok:
            self._stale = True
        if self.panel_open:
            self._arm(PANEL_TIMEOUT_MS)
        self.content_imported.emit((outcome, result, pinned))

    @Slot()
    def roll_back(self) -> ReloadResult | None:
        if self.services.roll_back is None:
            return None
        result = self.services.roll_back()
        page = self._pages.get("content")
        if page is not None and result is not None:
            self.refresh_content()
            page.show_roll_back(result)
        if result is not None and result.ok:
            self._stale = True
        return result

    @Slot()
    def start_cleaning(self) -> None:
        if self.cleaning is None:
            from kiosk.ui.staff.cleaning_overlay import CleaningOverlay

            self.cleaning = CleaningOverlay(self._panel_theme(), self._window, self.cleaning_seconds)
            self.cleaning.finished.connect(self._tool_finished)
        self._idle.stop()
        self.cleaning.start(self.lang())

    @Slot()
    def start_touch_test(self) -> None:
        if self.touch_test is None:
            from kiosk.ui.staff.touch_test_overlay import TouchTestOverlay

            self.touch_test = TouchTestOverlay(self._panel_theme(), self._window)
            self.touch_test.finished.connect(self._tool_finished)
        # Unlike cleaning mode it has no end of its own: left alone it closes with the panel, or the kiosk would
        # stay on it, with nothing unattended happening, until someone taps Done.
        self._arm(PANEL_TIMEOUT_MS)
        self.touch_test.start(self.lang())

    @Slot()
    def _tool_finished(self) -> None:
        if self.panel_open:
            self.panel.raise_()  # type: ignore[union-attr]  # panel_open means the panel exists
            self._arm(PANEL_TIMEOUT_MS)

    # internals --------------------------------------------------------------------------------------

    def _panel_theme(self) -> Theme:
        """The staff panel keeps the normal text size: large-text and accessible mode are for visitors."""
        return dataclasses.replace(self._theme, text_scale=1.0, reach_scale=1.0)

    def _ensure_pad(self) -> PinPad:
        if self.pad is None:
            from kiosk.ui.staff.pin_pad import PinPad

            self.pad = PinPad(self._panel_theme(), self._window)
            self.pad.submitted.connect(self._pin_entered)
            self.pad.cancelled.connect(self._pad_cancelled)
        return self.pad

    def _ensure_panel(self) -> StaffPanel:
        if self.panel is not None and not self._stale:
            return self.panel
        from kiosk.ui.staff.content_page import ContentPage
        from kiosk.ui.staff.diagnostics_page import DiagnosticsPage
        from kiosk.ui.staff.settings_page import SettingsPage
        from kiosk.ui.staff.staff_panel import StaffPanel
        from kiosk.ui.staff.stats_page import StatsPage

        if self.panel is not None:
            self.panel.hide()
            self.panel.deleteLater()
        self._stale = False
        theme = self._panel_theme()
        services = self.services
        sections = [(s.id, s.title) for s in services.content()[1].sections]
        settings_page = SettingsPage(theme, services.settings, sections)
        settings_page.change_pin_requested.connect(self.change_pin)
        content_page = ContentPage(theme, services.import_places)
        content_page.reload_requested.connect(self.reload_content)
        content_page.import_requested.connect(self.import_content)
        content_page.roll_back_requested.connect(self.roll_back)
        content_page.import_button.setVisible(services.import_content is not None)
        content_page.roll_back_button.setVisible(services.roll_back is not None)
        stats_page = StatsPage(theme, services.stats, services.screen_title, services.places)
        diagnostics = DiagnosticsPage(theme, services.facts, services.log_tail)
        diagnostics.cleaning_requested.connect(self.start_cleaning)
        diagnostics.touch_test_requested.connect(self.start_touch_test)
        diagnostics.exit_requested.connect(self.exit_requested)
        diagnostics.restart_requested.connect(self.restart_requested)
        self._pages = {"settings": settings_page, "content": content_page, "stats": stats_page,
                       "diagnostics": diagnostics}
        self.panel = StaffPanel(theme, self._window, self._pages)
        self.panel.close_requested.connect(self.close)
        self.panel.change_pin_requested.connect(self.change_pin)
        self.panel.page_shown.connect(self._page_shown)
        return self.panel

    @Slot(str)
    def _page_shown(self, key: str) -> None:
        page = self._pages.get(key)
        if key == "diagnostics":
            page.refresh()  # type: ignore[union-attr]  # the diagnostics page is always built
        elif key == "stats":
            page.show_charts()  # type: ignore[union-attr]  # the statistics page is always built

    def page(self, key: str) -> QWidget:
        return self._pages[key]

    def _arm(self, ms: int) -> None:
        self._idle.start(ms)

    @Slot()
    def _activity(self) -> None:
        if self._idle.isActive():
            self._idle.start()  # same interval again

    @Slot()
    def _timed_out(self) -> None:
        log.info("staff layer left alone: closing it")
        self.close()


__all__ = ["DEFAULT_PIN", "StaffController", "StaffServices", "Text"]
