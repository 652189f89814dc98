"""The key-figures slide on a portrait stand is a designed page: its figures fill the glass between the title and
the "touch to explore" hint, with no empty half-screen between the title and the first number."""

from __future__ import annotations

from .test_unattended import clocked, idle, to_attract  # noqa: F401  # clocked is a fixture

HINT_ZONE = 200  # reference px at the bottom kept for the hint


def _ink_rows(image) -> list[int]:
    """Rows holding text or figures (bright on the dark page)."""
    rows = []
    for y in range(image.height()):
        if any(image.pixelColor(x, y).lightness() > 120 for x in range(0, image.width(), 3)):
            rows.append(y)
    return rows


def test_the_portrait_figures_page_has_no_empty_half(qtbot, clocked):  # noqa: F811
    kiosk, clock = clocked(size=(1080, 1920))
    to_attract(kiosk, clock)
    attract = kiosk.unattended.attract
    for _ in range(12):
        if attract.slide is not None and attract.slide.photo is None:
            break
        idle(kiosk, clock, kiosk.settings.attract_interval_s)
    assert attract.slide is not None and attract.slide.photo is None, "a key-figures slide"
    page = attract._layer.toImage()
    bottom = page.height() - kiosk.window.theme.px(HINT_ZONE)
    rows = [y for y in _ink_rows(page) if y < bottom]
    gaps = [b - a for a, b in zip(rows, rows[1:], strict=False)]
    assert max(gaps) <= page.height() * 0.13, f"an empty band {max(gaps)} px tall on a {page.height()} px page"
    assert rows[-1] - rows[0] >= (bottom - rows[0]) * 0.7, "the figures reach down the page"
