"""The lines every visible text is set in, for `kiosk check --breaks` (the rules: `kiosk.layout.breaks`).

Labels give the lines they show: a `TypesetLabel` the lines the typography rules set, any other label the lines
Qt wraps its text into at the label's width (read from a text layout of the same font and width). Painted
widgets (home tiles, gallery cards, the slideshow's captions) typeset while they paint: each is painted once
into a throw-away image with the typesetter's recorder on, and the lines it set are read back.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPixmap, QTextDocument, QTextOption
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.layout import typography
from kiosk.layout.breaks import Break, breaks_in
from kiosk.ui.layout_probe import top_layer
from kiosk.ui.widgets import typeset_label
from kiosk.ui.widgets.typeset_label import DisplayTitleLabel, TypesetLabel

BODY_CHARACTERS = 80  # a plain label longer than this is a note or a paragraph, not a label


def label_lines(label: QLabel) -> list[str]:
    """The lines `label` shows."""
    if isinstance(label, TypesetLabel):
        return label.lines()
    text = label.text()
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    )
    if rich:
        doc.setHtml(text)
    else:
        doc.setPlainText(text)
    if label.wordWrap():
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        margin = max(0, label.margin())
        doc.setTextWidth(max(1, label.contentsRect().width() - 2 * margin - max(0, label.indent())))
    lines: list[str] = []
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        words = block.text()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            lines.append(words[line.textStart(): line.textStart() + line.textLength()])
        block = block.next()
    return lines


def _kind(label: QLabel, lines: list[str]) -> str:
    if isinstance(label, TypesetLabel):
        return "title" if label.is_title() else _body_or_lead(label.source())
    return "body" if len("".join(lines)) > BODY_CHARACTERS else "title"


def _body_or_lead(source: str) -> str:
    return "lead" if len(source) <= typography.LEAD_CHARACTERS else "body"


def _paints_text(widget: QWidget) -> bool:
    cls = type(widget)
    return (cls.__module__.startswith("kiosk") and not isinstance(widget, QLabel)
            and getattr(cls, "paintEvent", None) is not getattr(QWidget, "paintEvent", None))


def _name(widget: QWidget, stop: QWidget) -> str:
    parts = []
    current: QWidget | None = widget
    while current is not None and current is not stop:
        parts.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return "/".join(reversed(parts[:3]))


def breaks_here(window: QWidget) -> list[tuple[str, Break]]:
    """(where, break) for each break between two Chinese characters in what `window` shows now."""
    layer = top_layer(window)
    widgets = [layer, *layer.findChildren(QWidget)] if layer is not window else window.findChildren(QWidget)
    overlay = getattr(window, "overlay", None)
    found: list[tuple[str, Break]] = []
    kept = typeset_label.words_kept_together()
    for widget in widgets:
        if not widget.isVisible() or widget.isWindow() or widget.width() <= 1:
            continue
        if overlay is not None and (widget is overlay or overlay.isAncestorOf(widget)):
            continue  # a transition's frames: pictures of screens, not the screens
        if isinstance(widget, QLabel):
            lines = label_lines(widget)
            source = widget.source() if isinstance(widget, TypesetLabel | DisplayTitleLabel) else None
            found += [(_name(widget, window), b) for b in breaks_in(lines, _kind(widget, lines), source, kept)]
        elif _paints_text(widget):
            found += [(_name(widget, window), b) for b in _painted_breaks(widget, kept)]
    return found


def _painted_breaks(widget: QWidget, kept: tuple[str, ...]) -> list[Break]:
    """Paint `widget` alone once, noting what it typesets, and the breaks in those lines."""
    typeset_label.recorder = []
    try:
        QWidget.render(widget, QPixmap(widget.size()), QPoint(0, 0))
        recorded = typeset_label.recorder
    finally:
        typeset_label.recorder = None
    out: list[Break] = []
    for title, lines, source in recorded:
        out += breaks_in(lines, "title" if title else _body_or_lead(source), source, kept)
    return out
