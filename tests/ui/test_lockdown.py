"""Kiosk mode: the key combinations that close or quit, close requests, context menus and tooltips do nothing
for visitors; staff exit closes. Each check has a windowed control showing the probe really works."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from . import touch
from .helpers import entered, home, settle

COMBOS = [
    ("Alt+F4", Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    ("Esc", Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    ("Ctrl+W", Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    ("Ctrl+Q", Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
]


@pytest.fixture
def locked(make_kiosk):
    kiosk = make_kiosk(windowed=False)
    kiosk.window.allow_close = False
    yield kiosk
    kiosk.window.allow_close = True


def shortcut_probe(window, text):
    fired = []
    shortcut = QShortcut(QKeySequence(text), window)
    shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
    shortcut.activated.connect(lambda: fired.append(text))
    return fired


@pytest.mark.parametrize(("name", "key", "modifiers"), COMBOS, ids=[c[0] for c in COMBOS])
def test_blocked_keys_do_nothing_in_kiosk_mode(qtbot, locked, name, key, modifiers):
    window = locked.window
    section = entered(qtbot, locked, lambda: touch.tap(home(locked).tiles[0]))
    fired = shortcut_probe(window, name)
    QTest.keyClick(window, key, modifiers)
    QTest.keyClick(section, key, modifiers)
    settle()
    assert fired == []
    assert window.isVisible() and window.current_screen() is section


@pytest.mark.parametrize(("name", "key", "modifiers"), COMBOS, ids=[c[0] for c in COMBOS])
def test_control_the_same_keys_reach_a_shortcut_when_windowed(qtbot, make_kiosk, name, key, modifiers):
    kiosk = make_kiosk(windowed=True)
    fired = shortcut_probe(kiosk.window, name)
    QTest.keyClick(kiosk.window, key, modifiers)
    assert fired == [name]


def test_close_requests_are_refused_until_staff_exit(qtbot, locked):
    window = locked.window
    assert window.close() is False
    assert window.isVisible()
    window.request_exit()
    assert not window.isVisible()


def _context_menu_probe(kiosk):
    target = home(kiosk).tiles[0]
    target.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    asked = []
    target.customContextMenuRequested.connect(asked.append)
    pos = target.rect().center()
    QApplication.sendEvent(target, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, target.mapToGlobal(pos)))
    return asked


def test_context_menus_never_open_in_kiosk_mode(locked):
    assert _context_menu_probe(locked) == []


def test_control_context_menu_probe_works_when_windowed(make_kiosk):
    assert len(_context_menu_probe(make_kiosk(windowed=True))) == 1


def _tooltip_probe(qtbot, kiosk):
    target = home(kiosk).tiles[0]
    target.setToolTip("tip")
    pos = target.rect().center()
    QApplication.sendEvent(target, QHelpEvent(QEvent.Type.ToolTip, pos, target.mapToGlobal(pos)))
    settle()
    shown = QToolTip.isVisible() and QToolTip.text() == "tip"
    QToolTip.hideText()
    return shown


def test_tooltips_never_show_in_kiosk_mode(qtbot, locked):
    assert not _tooltip_probe(qtbot, locked)


def test_control_tooltip_probe_works_when_windowed(qtbot, make_kiosk):
    assert _tooltip_probe(qtbot, make_kiosk(windowed=True))


def test_a_touch_on_a_tile_still_works_in_kiosk_mode(qtbot, locked):
    transitions = []
    locked.navigator.subscribe(transitions.append)
    entered(qtbot, locked, lambda: touch.tap(home(locked).tiles[0]))
    settle()
    assert len(transitions) == 1
