"""The only place icons are made. qtawesome is imported on first use: it costs ~150 ms, so not before the
first frame of the home screen."""

from __future__ import annotations

import logging
from functools import lru_cache

from PySide6.QtGui import QIcon

log = logging.getLogger(__name__)

FALLBACK = "mdi6.circle-outline"


@lru_cache(maxsize=256)
def icon(name: str, colour: str) -> QIcon:
    try:
        import qtawesome

        return qtawesome.icon(name, color=colour)
    except Exception as exc:  # an unknown icon name in content must not break a screen
        log.warning("icon %r unavailable (%s); using a neutral one", name, exc)
        try:
            import qtawesome

            return qtawesome.icon(FALLBACK, color=colour)
        except Exception:
            return QIcon()
