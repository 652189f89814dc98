"""A section's topic chips wrap inside their column: a long topic title takes two lines in its chip rather than
widening the right column, so the left column (the section's title and lead) keeps its designed share."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from kiosk.navigation import Route

from .helpers import entered

LONG = "Modern agriculture and better public services for everyone so that people feel better off"


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_a_long_chip_wraps_in_its_column_and_the_columns_keep_their_shares(make_kiosk, qtbot, size):
    kiosk = make_kiosk(size=size, lang="en")
    screen = entered(qtbot, kiosk, lambda: kiosk.window.navigate(Route("section", "develop")))
    left, right = screen.side.parentWidget(), screen.body.parentWidget()
    before = (left.width(), right.width())
    chip = screen.chips[0]
    chip.setText(LONG)
    qtbot.waitUntil(lambda: "\n" in chip.text(), timeout=5000)
    qtbot.wait(50)
    assert (left.width(), right.width()) == before
    assert abs(left.width() / (left.width() + right.width()) - 38 / 100) < 0.02
    box = chip.parentWidget()
    assert QRect(0, 0, box.width(), box.height()).contains(chip.geometry()), "the chip runs out of its column"
    assert chip.text().replace("\n", " ") == LONG
    assert chip.height() >= chip.sizeHint().height()  # both lines shown whole
    chip.setText("Roads")
    qtbot.waitUntil(lambda: chip.text() == "Roads", timeout=5000)
