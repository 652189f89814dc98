"""The key-figures slide is a designed page: on a portrait stand its figures fill the glass between the title and
the "touch to explore" hint, with no empty half-screen between the title and the first number; on a landscape
screen the figures are the page's pictures, large and standing low on the hint's line, never high under the title
with an empty lower third."""

from __future__ import annotations

import pytest

from .test_unattended import clocked, idle, to_attract  # noqa: F401  # clocked is a fixture

HINT_ZONE = 200  # reference px at the bottom kept for the hint


def _ink_rows(image) -> list[int]:
    """Rows holding text or figures (bright on the dark page)."""
    rows = []
    for y in range(image.height()):
        if any(image.pixelColor(x, y).lightness() > 120 for x in range(0, image.width(), 3)):
            rows.append(y)
    return rows


def _figures_page(kiosk, clock):
    """The first key-figures slide the slideshow shows, as drawn."""
    to_attract(kiosk, clock)
    attract = kiosk.unattended.attract
    for _ in range(12):
        if attract.slide is not None and attract.slide.photo is None:
            break
        idle(kiosk, clock, kiosk.settings.attract_interval_s)
    assert attract.slide is not None and attract.slide.photo is None, "a key-figures slide"
    return attract._layer.toImage()


def test_the_portrait_figures_page_has_no_empty_half(qtbot, clocked):  # noqa: F811
    kiosk, clock = clocked(size=(1080, 1920))
    page = _figures_page(kiosk, clock)
    bottom = page.height() - kiosk.window.theme.px(HINT_ZONE)
    rows = [y for y in _ink_rows(page) if y < bottom]
    gaps = [b - a for a, b in zip(rows, rows[1:], strict=False)]
    assert max(gaps) <= page.height() * 0.13, f"an empty band {max(gaps)} px tall on a {page.height()} px page"
    assert rows[-1] - rows[0] >= (bottom - rows[0]) * 0.7, "the figures reach down the page"


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (3840, 2160)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_landscape_figures_page_is_not_top_heavy(qtbot, clocked, size):  # noqa: F811
    kiosk, clock = clocked(size=size)
    page = _figures_page(kiosk, clock)
    h = page.height()
    hint_top = h - kiosk.window.theme.px(HINT_ZONE)
    rows = [y for y in _ink_rows(page) if y < hint_top]
    gaps = [(b - a, a, b) for a, b in zip(rows, rows[1:], strict=False)]
    _, header_end, figures_top = max(gaps)  # the widest empty band: between the header and the figures
    assert rows[-1] >= hint_top - h * 0.08, f"the figures end at {rows[-1]} of {h}: an empty lower third"
    assert rows[-1] - figures_top >= h * 0.3, "the figures are the page's pictures: a third of its height"
    assert figures_top - header_end <= h * 0.2, "no empty band between the title and the figures"


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_number_of_a_figures_page_stands_at_one_size(qtbot, clocked, size, monkeypatch, content_copy):  # noqa: F811
    """An editor's long unit once drew its number smaller than the others on the same page (129 smaller and
    higher than 8): the page's numbers take the smallest size any of them needs, so they read as one row."""
    from kiosk.ui.panels import attract_painting

    root = content_copy / "exhibition.toml"
    text = root.read_text(encoding="utf-8")
    assert 'unit = { zh = "个", en = "villages" }' in text
    root.write_text(text.replace('unit = { zh = "个", en = "villages" }',
                                 'unit = { zh = "个行政村和村民小组", en = "villages" }'), encoding="utf-8")

    drawn: list[int] = []
    real = attract_painting.draw_large_text

    def record(p, font, *args, **kwargs):
        drawn.append(font.pixelSize())
        return real(p, font, *args, **kwargs)

    monkeypatch.setattr(attract_painting, "draw_large_text", record)
    kiosk, clock = clocked(size=size, content=content_copy)
    assert kiosk.content_dir == content_copy
    _figures_page(kiosk, clock)
    slide = kiosk.unattended.attract.slide
    assert len(drawn) >= len(slide.figures) > 1
    assert len(set(drawn[-len(slide.figures):])) == 1, drawn
