"""Tapping 中 / EN rapidly, with a tile tapped in between, never leaves the bar and the page disagreeing: once the
taps are handled, the lit button is the language of the page and of the bar's title, and no slide is still
moving pictures of the page in the language before."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.navigation import Route
from kiosk.ui import theme as t


def agree(window) -> None:
    bar = window.bar
    lit = "en" if bar.en_button.isChecked() else "zh"
    assert bar.zh_button.isChecked() != bar.en_button.isChecked()
    screen = window.current_screen()
    assert lit == window.lang == screen.lang, (lit, window.lang, screen.lang)
    assert bar.place() == screen.place_title()
    assert not window.overlay.running, "a slide still shows the page as it was in the other language"


def test_rapid_language_taps_during_slides_leave_bar_and_page_agreeing(make_kiosk, qtbot):
    kiosk = make_kiosk(size=(1920, 1080), transition_ms=t.TRANSITION_MS * 4)  # slides long enough to tap into
    window = kiosk.window
    sections = [s.id for s in kiosk.exhibition.sections]
    for step in range(9):
        if step % 3 == 0:  # a tile: a slide starts, and the language taps land during it
            window.navigate(Route("section", sections[step // 3 % len(sections)]))
            assert window.overlay.running or not window.isVisible()
        button = window.bar.en_button if step % 2 == 0 else window.bar.zh_button
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        agree(window)
    for _ in range(4):  # a storm of taps with nothing handled in between, then handled at once
        QTest.mouseClick(window.bar.en_button, Qt.MouseButton.LeftButton)
        QTest.mouseClick(window.bar.zh_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(window.bar.en_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    agree(window)
    assert window.lang == "en"
