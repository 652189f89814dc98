"""The staff Content page as staff meet it: what the content holds, counted from the content itself, the
placeholder photos still to replace by file name, when the folder was last checked, and the actions; a page
filled sensibly, in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from . import touch
from .test_staff_panel import open_panel


def _page(qtbot, kiosk):
    c = open_panel(qtbot, kiosk)
    touch.tap(c.panel.tabs["content"])
    page = c.page("content")
    qtbot.waitUntil(page.isVisible)
    return page


def _shown_text(page) -> str:
    from PySide6.QtWidgets import QLabel

    return "\n".join(label.text() for label in page.findChildren(QLabel) if label.isVisible())


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_content_page_says_what_the_content_holds_and_fills_the_page(qtbot, make_kiosk, size):
    kiosk = make_kiosk(size=size, lang="zh")
    page = _page(qtbot, kiosk)
    ex = kiosk.exhibition
    photos = ex.all_photos()
    stand_ins = [photo for photo in photos if photo.placeholder]
    shown = {key: number.text() for key, (number, _) in page.count_cards.items() if number.isVisible()}
    assert shown["sections"] == str(len(ex.sections)) and shown["photos"] == str(len(photos))
    assert shown["placeholders"] == str(len(stand_ins))
    assert shown["events"] == str(len(ex.timeline.events)) and shown["features"] == str(len(ex.map.features))
    text = _shown_text(page)
    for photo in stand_ins:  # each placeholder by the file name an editor replaces
        assert photo.file in text
    assert "程序启动时" in text and str(kiosk.content_dir) in text  # when it was checked, and how to check it
    # the page is used: its cards reach down the page, none of them overlapping
    main = page.stack.currentWidget()
    parts = [w for w in main.findChildren(QWidget) if w.objectName() == "ContentCard" and w.isVisible()]
    lowest = max(w.mapTo(main, w.rect().bottomLeft()).y() for w in parts)
    assert lowest >= main.height() * 0.9, f"the cards end at {lowest} of {main.height()}"
    kiosk.staff.controller.panel.set_language("en")
    text = _shown_text(page)
    assert "Still to replace with real photos" in text and "placeholders to replace" in text
    assert "Checked and loaded when the kiosk started" in text
