"""A typeset label asked its height at a width it does not have (a card sizing itself before it is shown)
answers with the lines the rules set at that width, not with Qt's wrap of the lines set for its own width."""

from __future__ import annotations

import pytest

from kiosk.ui.widgets.typeset_label import TypesetLabel

from . import touch
from .helpers import entered, home


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_body_paragraph_knows_its_height_at_another_width(qtbot, make_kiosk, lang):
    kiosk = make_kiosk(size=(1920, 1080), lang=lang)
    screen = entered(qtbot, kiosk, lambda: touch.tap(home(kiosk).tiles[0]))
    label = max(
        (lbl for lbl in screen.findChildren(TypesetLabel) if not lbl.is_title() and lbl.isVisible()),
        key=lambda lbl: len(lbl.source()),
    )
    narrower = label.width() * 2 // 3
    twin = TypesetLabel(title=False, pitch=label._pitch)
    qtbot.addWidget(twin)
    twin.setFont(label.font())
    twin.set_source(label.source())
    twin.resize(narrower, 2000)
    assert len(twin.lines()) > len(label.lines())  # the narrower width sets more lines
    assert label.heightForWidth(narrower) == twin.heightForWidth(narrower)
