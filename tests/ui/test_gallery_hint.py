"""The gallery's hint beside its title ("Tap a photo to see it full screen") is set like the other titles: in
large-text mode on a portrait screen it wraps, and then never leaves one word alone on its last line."""

from __future__ import annotations

from PySide6.QtGui import QTextLayout

from kiosk.navigation import Route
from kiosk.ui.panels.gallery_screen import GalleryScreen

from .helpers import settle
from .test_staff_panel import open_panel, tap_visible


def shown_lines(label) -> list[str]:
    """The lines of a word-wrapped label as drawn at its width."""
    width = label.contentsRect().width()
    lines: list[str] = []
    for paragraph in label.text().split("\n"):
        layout = QTextLayout(paragraph, label.font())
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            lines.append(paragraph[line.textStart(): line.textStart() + line.textLength()].strip())
        layout.endLayout()
    return lines


def test_the_gallery_hint_leaves_no_word_alone_in_large_text(qtbot, make_kiosk):
    kiosk = make_kiosk(size=(1080, 1920), lang="en")
    c = open_panel(qtbot, kiosk)
    page = c.page("settings")
    tap_visible(qtbot, page, page.controls["large_text"])
    c.close()
    settle()
    kiosk.window.navigate(Route("gallery"))
    qtbot.waitUntil(lambda: isinstance(kiosk.window.current_screen(), GalleryScreen), timeout=8000)
    settle()
    hint = kiosk.window.current_screen().subtitle
    lines = shown_lines(hint)
    assert " ".join(" ".join(lines).split()) == "Tap a photo to see it full screen"
    assert len(lines) > 1, "the hint fits one line here: the case this test is about does not arise"
    assert len(lines[-1].split()) > 1, f"one word alone on the hint's last line: {lines}"
