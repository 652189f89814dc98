"""A section's scrolling columns fade at their ends while more lies beyond: the figures slide under the fixed
title and the text's lines into the bar, instead of being sliced at the column's edge."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from kiosk.navigation import Route

from . import touch
from .helpers import entered


def fade_states(area, fades) -> tuple[bool, bool]:
    viewport = area.viewport().geometry()
    for fade in (fades.top, fades.bottom):
        assert viewport.contains(fade.geometry()), "a fade outside its column"
    return fades.top.isVisible(), fades.bottom.isVisible()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_scrolled_column_fades_at_the_end_with_more_beyond(make_kiosk, qtbot, size):
    kiosk = make_kiosk(size=size, lang="zh")
    screen = entered(qtbot, kiosk, lambda: kiosk.window.navigate(Route("section", "develop")))
    areas = [(screen.body, screen.body_fades)]
    if screen.side is not None:
        areas.append((screen.side, screen.side_fades))
    for area, fades in areas:
        bar = area.verticalScrollBar()
        assert bar.maximum() > 0, "the column should have more than a screen"
        assert fade_states(area, fades) == (False, True)  # at the top: more below only
        centre = area.viewport().rect().center()
        touch.drag(area.viewport(), centre, centre - QPoint(0, area.viewport().height() // 3))
        qtbot.waitUntil(lambda bar=bar: bar.value() > 0, timeout=3000)
        qtbot.waitUntil(lambda area=area, fades=fades: fade_states(area, fades) == (True, True), timeout=3000)
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda area=area, fades=fades: fade_states(area, fades) == (True, False), timeout=3000)
