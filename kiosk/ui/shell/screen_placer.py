"""Puts the kiosk window on the chosen display, full screen, and puts it back there whenever screens are
plugged in or out or the primary screen changes. The choice rule is `kiosk.screens.choose_screen`; the wish is
`--screen` (fixed for the run) or else the staff setting `screen` (followed when staff change it)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from kiosk.screens import ScreenInfo, choose_screen, describe_all

log = logging.getLogger(__name__)


def screen_infos(screens: list[QScreen], primary: QScreen | None) -> list[ScreenInfo]:
    infos = []
    for screen in screens:
        g = screen.geometry()
        infos.append(ScreenInfo(screen.name(), (g.x(), g.y(), g.width(), g.height()), screen is primary))
    return infos


class ScreenPlacer(QObject):
    placed = Signal(str)  # the name of the screen the window is now on

    def __init__(
        self,
        window: QWidget,
        wanted: Callable[[], str | None],
        fullscreen: bool = True,
        screens: Callable[[], list[QScreen]] = QGuiApplication.screens,
        primary: Callable[[], QScreen | None] = QGuiApplication.primaryScreen,
        parent: QObject | None = None,
    ):
        super().__init__(parent or window)
        self.window = window
        self.wanted = wanted
        self.fullscreen = fullscreen
        self._screens = screens
        self._primary = primary
        self.message: str | None = None  # why the wish is not met, while it is not
        self._pending = False
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self.screens_changed)
            app.screenRemoved.connect(self.screens_changed)
            app.primaryScreenChanged.connect(self.screens_changed)

    @Slot(QScreen)
    def screens_changed(self, _screen: QScreen | None = None) -> None:
        """Placed again on the next turn of the event loop: a removed screen is gone by then, and several
        changes in a row (a dock with two outputs) give one placement."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._deferred)

    @Slot()
    def _deferred(self) -> None:
        self._pending = False
        self.place()

    def place(self) -> QScreen | None:
        screens = list(self._screens())
        if not screens:
            log.warning("no screen at all: the window stays where it is")
            return None
        infos = screen_infos(screens, self._primary())
        wish = self.wanted()
        choice = choose_screen(infos, wish)
        if choice.message != self.message:
            if choice.message:
                log.warning("%s", choice.message)
            elif self.message:
                log.info("screen %r is back", wish)
        self.message = choice.message
        target = screens[choice.index]
        log.info("kiosk on screen %s (screens: %s)", infos[choice.index].describe(choice.index + 1),
                 "; ".join(describe_all(infos)))
        window = self.window
        if self.fullscreen:
            if window.isFullScreen() and window.screen() is not target:
                window.showNormal()  # some platforms move a full-screen window only through a normal one
            window.setScreen(target)
            window.setGeometry(target.geometry())
            window.showFullScreen()
        else:
            window.setScreen(target)
            area = target.availableGeometry()
            window.move(area.topLeft())
            window.show()
        self.placed.emit(target.name())
        return target
