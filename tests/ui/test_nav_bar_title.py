"""The portrait bar names the place on one or two lines, steps down to a caption's size, then takes three lines,
and cuts a title with "…" only beyond that, the limit `kiosk check` warns an editor of (kiosk.layout.bar_title)."""

from __future__ import annotations

from kiosk.layout import bar_title
from kiosk.ui import theme as t

LONG = "Raising Civility: Building a Harmonious Lukou across all 1234567890 m² of the district"
TOO_LONG = "Higher-Quality Growth: Painting a Brighter Lukou with the infrastructure-modernisation-programme"


def portrait_bar(make_kiosk, qtbot):
    """The bar at 1080×1920 once its symbols have come (after the first frame): Home and Back show no words."""
    bar = make_kiosk(size=(1080, 1920), lang="en").window.bar
    qtbot.waitUntil(lambda: not bar.home_button.icon().isNull() and bar.home_button.text() == "", timeout=10_000)
    return bar


def test_the_check_measures_the_room_the_portrait_bar_has(make_kiosk, qtbot):
    bar = portrait_bar(make_kiosk, qtbot)
    qtbot.waitUntil(lambda: abs(bar.title.width() - bar_title.PORTRAIT_ROOM) <= 2, timeout=5_000)
    assert abs(bar.title.width() - bar_title.PORTRAIT_ROOM) <= 2


def test_a_long_title_takes_three_lines_at_a_caption_size_never_smaller(make_kiosk, qtbot):
    bar = portrait_bar(make_kiosk, qtbot)
    theme = bar._theme
    bar.set_place("Timeline", True, False)
    assert bar.title.text() == "Timeline"
    assert bar.title.font().pixelSize() == theme.font(t.CAPTION + 4).pixelSize()
    bar.set_place(LONG, True, False)
    lines = bar.title.text().split("\n")
    assert len(lines) == 3 and "…" not in bar.title.text()
    assert " ".join(lines) == LONG
    assert bar.title.font().pixelSize() == theme.font(t.CAPTION).pixelSize()
    assert bar_title.bar_lines(LONG) == 3  # the check agrees: no warning


def test_a_title_beyond_three_lines_is_cut_and_the_check_warns_of_it(make_kiosk, qtbot):
    bar = portrait_bar(make_kiosk, qtbot)
    bar.set_place(TOO_LONG, True, False)
    lines = bar.title.text().split("\n")
    assert len(lines) == 3 and lines[-1].endswith("…"), lines  # as much as three lines hold, then "…"
    assert TOO_LONG.startswith(" ".join(lines[:2]).replace("- ", "-"))
    assert bar_title.bar_lines(TOO_LONG) > bar_title.MOST_LINES
