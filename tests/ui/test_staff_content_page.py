"""The staff Content page as staff meet it: what the content holds, counted from the content itself, the
placeholder photos still to replace by file name, when the folder was last checked, and the actions; a page
filled sensibly, in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
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


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_each_placeholders_caption_wraps_in_its_own_column_beside_its_file_name(qtbot, make_kiosk, size):
    """A long caption ran on under the next file name ("huachong-village-review.jpg · A villager-group review
    meeting in Huachong Village, / Longmen Town: …"), so files and captions blurred into one list. The file names
    now stand in one column and each caption wraps in its own, beside its file."""
    from PySide6.QtGui import QTextDocument

    kiosk = make_kiosk(size=size, lang="en")
    page = _page(qtbot, kiosk)
    label = page.to_replace
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    if label.textFormat() == Qt.TextFormat.PlainText:
        doc.setPlainText(label.text())
    else:
        doc.setHtml(label.text())
    doc.setTextWidth(label.contentsRect().width())
    doc.size()  # laid out: each block's lines and place are known
    blocks = {}
    block = doc.begin()
    while block.isValid():
        blocks[block.text().strip()] = block
        block = block.next()
    stand_ins = [photo for photo in kiosk.exhibition.all_photos() if photo.placeholder]
    place = doc.documentLayout().blockBoundingRect  # where a block stands in the document (in its table cell)
    files_right = 0.0
    for photo in stand_ins:
        assert photo.file in blocks, f"{photo.file} is not an entry of its own: {list(blocks)[:3]}"
        layout = blocks[photo.file].layout()
        assert layout.lineCount() == 1, f"{photo.file} is broken"
        files_right = max(files_right, place(blocks[photo.file]).x() + layout.lineAt(0).naturalTextWidth())
    wrapped = 0
    for photo in stand_ins:
        caption = photo.caption.get("en")
        assert caption in blocks, f"{caption!r} is not beside its file"
        assert place(blocks[caption]).x() >= files_right, caption  # right of every file name
        assert place(blocks[caption]).y() == place(blocks[photo.file]).y()  # on its file's row
        wrapped += blocks[caption].layout().lineCount() > 1
    if size == (1080, 1920):
        assert wrapped, "no caption wraps: the test no longer shows anything"
