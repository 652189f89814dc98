"""The "still there?" question is centred as the eye sees it: on its ink, not on its advance, so the
full-width "？" that ends "还在参观吗？" (its right half is air) does not push the line left of the ring."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFontMetrics

from kiosk.ui import theme as t

from .helpers import settle


def _ink_columns(image, top: int, bottom: int, left: int, right: int) -> tuple[int, int]:
    text = QColor(t.TEXT)
    cols = [x for x in range(left, right) if any(
        abs(image.pixelColor(x, y).red() - text.red()) < 40 and image.pixelColor(x, y).lightness() > 170
        for y in range(top, bottom, 2))]
    return min(cols), max(cols)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_question_is_centred_on_its_ink(qtbot, kiosk, lang):
    overlay = kiosk.unattended.still_there
    overlay.ask(kiosk.window.grab(), 20, lang)
    settle()
    px = kiosk.window.theme.px
    card = overlay.card_rect()
    top = card.top() + px(48) + px(170) + px(36)
    height = QFontMetrics(kiosk.window.theme.font(t.TITLE * 0.9, bold=True)).height()
    image = overlay.grab().toImage()
    left, right = _ink_columns(image, top, top + height, card.left() + 4, card.right() - 4)
    assert abs((left + right) / 2 - card.center().x()) <= 2, f"ink {left}–{right}, card centre {card.center().x()}"
    overlay.dismiss()
