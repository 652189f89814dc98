"""A section's key figures fill their grid's rows: seven figures in two columns end with one card as wide as the
column, in three columns they stand 3, 2 and 2, so no row ends on an empty cell (a card alone beside a gap)."""

from __future__ import annotations

import pytest

from kiosk.navigation import Route

from .helpers import entered


@pytest.mark.parametrize(("size", "rows"), [((1920, 1080), [2, 2, 2, 1]), ((1080, 1920), [3, 2, 2])])
def test_every_row_of_figures_is_as_wide_as_the_grid(make_kiosk, qtbot, size, rows):
    kiosk = make_kiosk(size=size, lang="zh")
    screen = entered(qtbot, kiosk, lambda: kiosk.window.navigate(Route("section", "develop")))
    cards = [card for card in screen.figures if card.isVisible()]
    assert len(cards) == 7  # the develop section's seven figures
    tops = sorted({card.geometry().top() for card in cards})
    assert [sum(1 for c in cards if c.geometry().top() == top) for top in tops] == rows
    left = min(c.geometry().left() for c in cards)
    right = max(c.geometry().right() for c in cards)
    for top in tops:
        row = sorted((c for c in cards if c.geometry().top() == top), key=lambda c: c.x())
        assert row[0].geometry().left() == left and abs(row[-1].geometry().right() - right) <= 1, (
            f"the row at {top} does not reach across the grid")
        widths = {c.width() for c in row}
        assert max(widths) - min(widths) <= 1  # a row's cards are alike
