"""What every full screen offers the window: language, a title for the bar, and hooks for entering and reset."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from kiosk.content.schema import Lang
from kiosk.navigation import Route


class Screen(QWidget):
    navigate = Signal(object)  # a Route the visitor asked for
    swipe = Signal(int)  # +1 next / -1 previous, for screens that have neighbours
    back_requested = Signal()  # the screen's own close button: back where the visitor came from (or home)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.lang: Lang = "zh"
        self.route: Route | None = None  # the route this screen was last shown for (see `show_route`)

    def set_language(self, lang: Lang) -> None:
        self.lang = lang

    def place_title(self) -> str:
        """What the bottom bar says while this screen is shown."""
        return ""

    def show_route(self, route: Route) -> bool:
        """The one hook through which a screen receives the route it is about to be shown for, before the
        transition. A screen that serves many routes (the viewer shows any photo: `Route("photo", id)`) takes
        the route's argument here. False: it has nothing to show for that route, and the window stays."""
        self.route = route
        return True

    def reach_anchor(self) -> QWidget | None:
        """In accessible mode, the part of the screen a visitor acts on: the band opens scrolled to its top
        (None: to the screen's top, its title), or so that its middle is the band's when it is taller than the band and
        `reach_anchor_middle` says its middle is what matters."""
        return None

    reach_anchor_middle = False
    # In accessible mode the screen is laid out at the band's own height (it fits itself into it, as the viewer
    # letterboxes its photo with the caption and controls) instead of a taller page the band scrolls.
    reach_fits_band = False

    def entered(self) -> None:
        """Called once the transition onto this screen has finished."""

    def reset(self) -> None:
        """Back to the state a new visitor should find: scrolled to top, nothing open."""

    def go(self, route: Route) -> None:
        self.navigate.emit(route)
