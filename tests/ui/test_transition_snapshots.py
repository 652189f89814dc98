"""Screen changes on a 4K screen: the pictures a transition moves are rendered at no more than the reference
canvas's pixels, the real widgets (at device resolution) are shown again when it ends, and the home screen's
hero keeps only the band of its photo that it shows."""

from __future__ import annotations

from PySide6.QtGui import QImage

from kiosk.layout.snapshot import MAX_SNAPSHOT_PIXELS
from kiosk.navigation import Route
from kiosk.ui import theme

from . import touch
from .helpers import entered, home


def _pictures_of_next_change(qtbot, kiosk, action) -> dict[str, QImage]:
    overlay = kiosk.window.overlay
    seen: dict[str, QImage] = {}

    def keep() -> None:
        seen["old"], seen["new"] = overlay._old.copy(), overlay._new.copy()
        seen["on_glass"] = overlay._old_on_glass

    overlay.motion_started.connect(keep)
    try:
        entered(qtbot, kiosk, action)
    finally:
        overlay.motion_started.disconnect(keep)
    return seen


def test_4k_transitions_move_reduced_pictures_and_end_on_the_real_screen(qtbot, make_kiosk):
    kiosk = make_kiosk(size=(3840, 2160))
    window = kiosk.window
    stack = window.stack.size()
    tile = home(kiosk).tile_for(Route("section", kiosk.exhibition.sections[0].id))
    seen = _pictures_of_next_change(qtbot, kiosk, lambda: touch.tap(tile))
    for name in ("old", "new"):
        picture = seen[name]
        assert not picture.isNull()
        assert picture.width() * picture.height() <= MAX_SNAPSHOT_PIXELS * 1.01, name
        assert picture.width() < stack.width()  # reduced, not the 33 MB device-resolution frame
        assert abs(picture.width() / picture.height() - stack.width() / stack.height()) < 0.01
        colours = {picture.pixel(x, y) for x in range(0, picture.width(), 31) for y in range(0, picture.height(), 29)}
        assert len(colours) > 8, name  # the screen drawn, not an empty background
    assert seen["on_glass"]  # offscreen keeps its last frame: the first frame is the one already shown
    # At rest nothing is scaled: the overlay is gone and the screen itself is drawn at device resolution.
    assert not window.overlay.isVisible() and window.overlay._old.isNull() and window.overlay._new.isNull()
    assert window.current_screen().isVisible() and window.current_screen().width() == stack.width()
    # The jump home is a cross-fade: it ends on the home screen, the overlay gone.
    entered(qtbot, kiosk, window.go_home)
    assert window.current_screen() is home(kiosk) and not window.overlay.isVisible()


def test_1080p_transitions_move_full_resolution_pictures(qtbot, make_kiosk):
    kiosk = make_kiosk(size=(1920, 1080))
    stack = kiosk.window.stack.size()
    tile = home(kiosk).tile_for(Route("section", kiosk.exhibition.sections[0].id))
    seen = _pictures_of_next_change(qtbot, kiosk, lambda: touch.tap(tile))
    assert (seen["new"].width(), seen["new"].height()) == (stack.width(), stack.height())
    assert (seen["old"].width(), seen["old"].height()) == (stack.width(), stack.height())


def test_the_hero_keeps_only_the_band_it_shows(qtbot, make_kiosk):
    kiosk = make_kiosk(size=(3840, 2160))
    hero = home(kiosk).hero
    qtbot.waitUntil(lambda: hero._band is not None and hero._band.width() > hero.width(), timeout=20_000)
    assert hero._pixmap is None  # the decoded photo (taller than the view) is let go
    assert hero._band.height() == hero.height()
    photo = kiosk.context.photo_path(kiosk.exhibition.photo(kiosk.exhibition.hero_photo).file)
    assert kiosk.images.best_cached(photo) is None or kiosk.images.best_cached(photo).width() < hero.width()


def test_4k_no_frame_of_a_slide_is_drawn_twice(qtbot, make_kiosk, monkeypatch):
    """Each frame of a slide is drawn once: the update `show()` queues for the overlay arrives after the first
    frame was painted at once, and would draw that same frame again over the whole 4K window."""
    from kiosk.ui.widgets import transition_overlay

    kiosk = make_kiosk(size=(3840, 2160), transition_ms=theme.TRANSITION_MS)
    overlay = kiosk.window.overlay
    drawn: list[float] = []  # the progress of every frame the overlay drew

    class Painter(transition_overlay.QPainter):
        def __init__(self, device=None) -> None:
            super().__init__(device)
            if device is overlay:
                drawn.append(overlay._progress)

    monkeypatch.setattr(transition_overlay, "QPainter", Painter)
    tile = home(kiosk).tile_for(Route("section", kiosk.exhibition.sections[0].id))
    entered(qtbot, kiosk, lambda: touch.tap(tile))
    assert len(drawn) >= 2
    assert drawn == sorted(set(drawn)), drawn  # each progress once, in order
