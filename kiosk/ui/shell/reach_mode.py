"""Accessible mode ("无障碍 / Accessible"): the whole interface within reach of a seated visitor or a child,
larger text, twice the time.

A visitor turns it on with the button beside the language switch. The band of the glass between 0.4 and 1.2 m
above the floor is computed (`kiosk.layout.reach`) from the screen's size in pixels, its physical size (what
the screen reports, or the staff's `screen_diagonal_in`) and its mounting height (`screen_bottom_cm`); the
window lays everything into it (`MainWindow.set_reach_band`), every font grows by `REACH_TEXT_SCALE` and the
screens are built again at that size; a screen taller than the band scrolls in it by its scroll bar, a wheel or
a finger's drag (shared with the scroll areas inside it), and what a visitor opens there is scrolled into view
(`MainWindow.reach_reveal`). Where the whole screen is in reach, only the text grows. The mode
belongs to the visit: the reset between visitors ends it (`end`). `changed` tells the idle clock (time limits
doubled) and the statistics.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QRect, Signal, Slot
from PySide6.QtWidgets import QApplication

from kiosk.layout.reach import DEFAULT_BOTTOM_MM, ReachBand, glass_size_mm, reach_band
from kiosk.staff.settings import Settings
from kiosk.ui import theme as t
from kiosk.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

MIN_STAGE = 760  # reference px: the least height a landscape screen is laid out at; a thinner band scrolls it
_MOUNTING = frozenset({"screen_bottom_cm", "screen_diagonal_in"})


class ReachMode(QObject):
    changed = Signal(bool)

    def __init__(self, window: MainWindow, settings: Settings):
        super().__init__(window)
        self.window = window
        self.settings = settings
        self._active = False
        window.bar.reach_toggled.connect(self.set_active)
        window.installEventFilter(self)
        listener = self._settings_changed
        settings.subscribe(listener)
        self.destroyed.connect(lambda *_: settings.unsubscribe(listener))

    @property
    def active(self) -> bool:
        return self._active

    def physical_size_mm(self) -> tuple[float, float]:
        """The window's size on the glass: from the staff's diagonal, else from what the screen reports."""
        screen = self.window.screen()
        mm, px = (screen.physicalSize(), screen.size()) if screen is not None else (None, None)
        return glass_size_mm((self.window.width(), self.window.height()),
                             (px.width(), px.height()) if px is not None else (0, 0),
                             (mm.width(), mm.height()) if mm is not None else (0.0, 0.0),
                             self.settings.screen_diagonal_in)

    def band(self) -> ReachBand:
        bottom = self.settings.screen_bottom_cm * 10 if self.settings.screen_bottom_cm is not None \
            else DEFAULT_BOTTOM_MM
        return reach_band((max(1, self.window.width()), max(1, self.window.height())), self.physical_size_mm(),
                          bottom)

    @Slot(bool)
    def set_active(self, on: bool) -> None:
        on = bool(on)
        self.window.bar.set_reach(on)
        if on == self._active:
            return
        self._active = on
        theme = self.window.theme
        theme.reach_scale = t.REACH_TEXT_SCALE if on else 1.0
        app = QApplication.instance()
        if app is not None:
            app.setFont(theme.font(28))  # type: ignore[attr-defined]  # a QApplication
        self.window.bar.apply_theme_fonts()
        self._lay_out()
        self.window.rebuild_screens()
        log.info("accessible mode %s", "on" if on else "off")
        self.changed.emit(on)

    @Slot()
    def end(self) -> None:
        """The visit is over: the next visitor finds the usual layout."""
        self.set_active(False)

    def _lay_out(self) -> None:
        if not self._active:
            self.window.set_reach_band(None)
            return
        band = self.band()
        window = self.window
        # A portrait layout needs its tall page: it keeps it and scrolls; a landscape one works from MIN_STAGE
        stage = window.height() - window.bar.height() if window.theme.portrait else window.theme.px(MIN_STAGE)
        window.set_reach_band(QRect(*band.rect()), stage)

    def _settings_changed(self, names: frozenset[str]) -> None:
        if names & _MOUNTING and self._active:
            self._lay_out()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize and self._active:
            self._lay_out()
        return False
