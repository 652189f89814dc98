"""A feature's card sets its name and sentences by the kiosk's typography rules, as every other card does: at
1366×768 the Xiang River's card ended its paragraph on a lone "开。", the word 张开 split across two lines."""

from __future__ import annotations

import pytest

from kiosk.ui.layout_tour import relayout
from kiosk.ui.panels.map_screen import MapScreen
from kiosk.ui.widgets.typeset_label import TypesetLabel, qt_wrapped_lines

from .helpers import entered

CLOSING = "，。、；：！？）」』”’》"


def shown_lines(label) -> list[str]:
    """The lines of a label as drawn: those the typography rules set, or Qt's own word wrap at its width."""
    if isinstance(label, TypesetLabel):
        return [line for line in label.lines() if line]
    return [line for line in qt_wrapped_lines(label.text(), label.font(), label.contentsRect().width()) if line]


@pytest.mark.parametrize(("size", "large_text"), [((1366, 768), False), ((1920, 1080), False), ((1920, 1080), True)])
def test_no_card_leaves_a_lone_character_or_starts_a_line_with_closing_punctuation(
    qtbot, make_kiosk, size, large_text
):
    """In large text at 1920×1080 a card's date line, wrapped by Qt, ended on a lone "车" (即将竣工通 / 车) and a
    name on "期）" (漉浦东路（二期、三 / 期）)."""
    kiosk = make_kiosk(size=size)
    from kiosk.navigation import Route

    if large_text:
        relayout(kiosk, *size, large_text=True)

    screen = entered(qtbot, kiosk, lambda: kiosk.window.navigate(Route("map")))
    assert isinstance(screen, MapScreen)
    bad = []
    for feature in kiosk.exhibition.map.features:
        if feature.text is None:
            continue
        screen.open_card(feature.id)
        qtbot.waitUntil(lambda: screen.card.text.width() > 0, timeout=3000)
        for label in (screen.card.title, screen.card.when, screen.card.text):
            lines = shown_lines(label)
            if len(lines) > 1 and len(lines[-1].strip(CLOSING)) < 2:
                bad.append((feature.id, "lone", lines[-2:]))
            bad += [(feature.id, "starts with punctuation", line) for line in lines if line[:1] in CLOSING]
    assert not bad, bad
