"""Lockdown for kiosk mode: a visitor cannot leave the app or open anything the exhibition did not put there.

One application-wide event filter, installed only in kiosk mode, swallows the keys that close or quit
(Alt+F4, Esc, Ctrl+W, Ctrl+Q, also as shortcuts), context menus, tooltips and "What's this?" help. Closing the
window itself is refused by `MainWindow.closeEvent` until `MainWindow.request_exit()` (the staff panel's exit)
allows it. A window manager's own Alt+F4 arrives as a close request and is refused the same way.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

log = logging.getLogger(__name__)

_Mod = Qt.KeyboardModifier
_BLOCKED_KEYS: frozenset[tuple[int, int]] = frozenset(
    {
        (Qt.Key.Key_F4, _Mod.AltModifier.value),
        (Qt.Key.Key_Escape, _Mod.NoModifier.value),
        (Qt.Key.Key_W, _Mod.ControlModifier.value),
        (Qt.Key.Key_Q, _Mod.ControlModifier.value),
        (Qt.Key.Key_F4, _Mod.ControlModifier.value),  # closes a document window on Windows
    }
)
_RELEVANT_MODIFIERS = (_Mod.AltModifier | _Mod.ControlModifier | _Mod.ShiftModifier | _Mod.MetaModifier).value
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)
_HELP_EVENTS = (QEvent.Type.ToolTip, QEvent.Type.WhatsThis, QEvent.Type.QueryWhatsThis, QEvent.Type.ContextMenu)


def is_blocked_key(key: int, modifiers: int) -> bool:
    """True for a key combination that would close or quit something (Esc alone, Alt+F4, Ctrl+W, Ctrl+Q)."""
    return (int(key), int(modifiers) & _RELEVANT_MODIFIERS) in _BLOCKED_KEYS


class Lockdown(QObject):
    """Install with `QApplication.instance().installEventFilter(lockdown)`; parent it to the window so it goes
    when the window goes."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.blocked = 0  # how many events it swallowed (diagnostics)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        try:  # an exception escaping an event filter takes the whole process down: never let one out
            return self._filter(event)
        except Exception:
            log.exception("lockdown filter failed")
            return False

    def _filter(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in _KEY_EVENTS:
            key_event: QKeyEvent = event  # type: ignore[assignment]  # a key event kind: Qt hands it over as QEvent
            if is_blocked_key(key_event.key(), key_event.modifiers().value):
                if kind == QEvent.Type.KeyPress:
                    log.info("blocked key %s for visitors", key_event.keyCombination().toCombined())
                self.blocked += 1
                event.accept()  # for ShortcutOverride: "handled", so no shortcut fires either
                return True
            return False
        if kind in _HELP_EVENTS:
            self.blocked += 1
            event.accept()
            return True
        return False
