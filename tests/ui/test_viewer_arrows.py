"""The photo viewer's "‹" and "›" are the same round button: on the first photo, "‹" (nothing before it) keeps
its circle and only its symbol dims."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from kiosk.navigation import Route

from .helpers import entered, settle


def _ring(button) -> list[tuple[int, int, int]]:
    """The colours on the button's ring and just inside it: top, bottom, left and right."""
    image = button.grab().toImage()
    w, h = image.width(), image.height()
    points = [QPoint(w // 2, 1), QPoint(w // 2, h - 2), QPoint(1, h // 2), QPoint(w - 2, h // 2),
              QPoint(w // 2, 6), QPoint(w // 2, h - 7)]
    return [image.pixelColor(p).getRgb()[:3] for p in points]


def test_both_arrows_are_drawn_in_the_same_circle(qtbot, make_kiosk):
    kiosk = make_kiosk(size=(1920, 1080))
    first = kiosk.exhibition.all_photos()[0]
    screen = entered(qtbot, kiosk, lambda: kiosk.window.navigate(Route("photo", first.id)))
    settle()
    assert not screen.prev_button.isEnabled() and screen.next_button.isEnabled()
    assert screen.prev_button.size() == screen.next_button.size()
    assert _ring(screen.prev_button) == _ring(screen.next_button)
