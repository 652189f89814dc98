"""The only place icons are made. qtawesome is imported on first use: it costs ~150 ms, so not before the
first frame of the home screen. An icon that cannot be made is replaced by a neutral one and reported to
`kiosk.health.ASSETS`, so `kiosk --smoke` fails on it."""

from __future__ import annotations

import logging
import sys
from functools import lru_cache

from PySide6.QtGui import QIcon

from kiosk.health import ASSETS

log = logging.getLogger(__name__)

FALLBACK = "mdi6.circle-outline"


@lru_cache(maxsize=256)
def icon(name: str, colour: str, on: str | None = None) -> QIcon:
    """`name` in `colour`; a checkable button's icon takes `on` while the button is checked (its words change
    colour on the chip's fill, and the icon with them)."""
    try:
        import qtawesome

        if on is not None:
            return qtawesome.icon(name, color=colour, color_on=on, color_on_active=on, color_on_disabled=on)
        return qtawesome.icon(name, color=colour)
    except Exception as exc:  # an unknown icon name in content must not break a screen
        log.warning("icon %r unavailable (%s); using a neutral one", name, exc)
        ASSETS.failed(f"icon {name}", str(exc) or type(exc).__name__)
        try:
            import qtawesome

            return qtawesome.icon(FALLBACK, color=colour)
        except Exception as again:  # the icon fonts themselves are missing from the bundle
            ASSETS.failed("icon fonts", str(again) or type(again).__name__)
            return QIcon()


def icons_ready() -> bool:
    """Whether icons cost nothing more to make: qtawesome is imported (after the first frame)."""
    return "qtawesome" in sys.modules
