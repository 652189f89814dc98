"""On a 3840×2160 screen the still-there question and the slideshow's first fade are drawn over a picture of the
window taken at no more than 1920×1080 pixels (not a full 4K grab), scaled to cover the whole window."""

from __future__ import annotations

from PySide6.QtGui import QImage

from kiosk.layout.snapshot import MAX_SNAPSHOT_PIXELS
from kiosk.modes import Mode

from . import touch
from .helpers import entered, home
from .test_unattended import FakeClock, idle

SIZE = (3840, 2160)


def _luminance(image: QImage, x: int, y: int) -> float:
    c = image.pixelColor(x, y)
    return 0.2126 * c.red() + 0.7152 * c.green() + 0.0722 * c.blue()


def _correlation(a: list[float], b: list[float]) -> float:
    ma, mb = sum(a) / len(a), sum(b) / len(b)
    cov = sum((x - ma) * (y - mb) for x, y in zip(a, b, strict=True))
    va = sum((x - ma) ** 2 for x in a) ** 0.5
    vb = sum((y - mb) ** 2 for y in b) ** 0.5
    return cov / (va * vb) if va and vb else 0.0


def test_at_4k_still_there_is_drawn_over_a_capped_picture_of_the_whole_window(qtbot, make_kiosk, monkeypatch):
    kiosk = make_kiosk(size=SIZE)
    clock = FakeClock()
    kiosk.unattended.clock = clock
    window = kiosk.window
    entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[0]))  # a visitor opens a section and walks away
    before = window.grab().toImage()  # what the visitor left, at device resolution
    overlay = kiosk.unattended.still_there
    backdrops = []
    ask = overlay.ask
    monkeypatch.setattr(
        overlay, "ask", lambda backdrop, *a, **k: backdrops.append(backdrop.size()) or ask(backdrop, *a, **k)
    )
    idle(kiosk, clock, kiosk.settings.idle_timeout_s)
    assert kiosk.unattended.mode is Mode.STILL_THERE and overlay.isVisible()
    assert len(backdrops) == 1 and backdrops[0].width() * backdrops[0].height() <= MAX_SNAPSHOT_PIXELS
    shown = overlay.grab().toImage()
    assert shown.size() == before.size()
    # The dimmed picture covers the whole window: in the lower right quarter, outside the question's card, it
    # follows what was there (scaled up, not left in the top left quarter)
    card = overlay.card_rect()
    points = [(x, y) for x in range(1950, 3800, 37) for y in range(1100, 2140, 23) if not card.contains(x, y)]
    assert len(points) > 200
    left = [_luminance(before, x, y) for x, y in points]
    dimmed = [_luminance(shown, x, y) for x, y in points]
    assert _correlation(left, dimmed) > 0.8
    # Nobody answers: the reset, and the slideshow fades in from a capped picture too
    attract = kiosk.unattended.attract
    start = attract.start
    monkeypatch.setattr(attract, "start", lambda backdrop: backdrops.append(backdrop.size()) or start(backdrop))
    idle(kiosk, clock, kiosk.settings.still_there_s)
    assert kiosk.unattended.mode is Mode.ATTRACT and attract.isVisible()
    assert len(backdrops) == 2 and backdrops[1].width() * backdrops[1].height() <= MAX_SNAPSHOT_PIXELS
