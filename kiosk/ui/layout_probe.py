"""The layout audit's eyes: describes what is visible in the window as `kiosk.layout.audit.Record`s.

Walks the widget tree from the topmost layer that covers the window (an overlay, the staff panel, or the
window itself) and reports each visible text with the size its font needs, each tappable thing, the controls
that float over a screen (property `floating`), and whatever a painted widget says about itself through an
`audit_records()` method (the map's labels and its selected feature, a tile's title). The rules that judge
the records live in `kiosk.layout.audit`, without Qt.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QTextDocument, QTextOption
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QGraphicsItem,
    QGraphicsView,
    QLabel,
    QScrollBar,
    QStackedWidget,
    QWidget,
)

from kiosk.layout.audit import Record, Rect, intersection

log = logging.getLogger(__name__)

_BIG = 1_000_000.0
_MARKUP = re.compile(r"<[^>]+>")


def _window_rect(widget: QWidget, window: QWidget) -> Rect:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return (float(top_left.x()), float(top_left.y()), float(widget.width()), float(widget.height()))


def _shown_rect(widget: QWidget, window: QWidget) -> tuple[Rect | None, bool]:
    """The part of `widget` its ancestors leave visible, and whether one of them scrolls."""
    rect: Rect | None = _window_rect(widget, window)
    scrolls = False
    parent = widget.parentWidget()
    while parent is not None and rect is not None and parent is not window:
        rect = intersection(rect, _window_rect(parent, window))
        if isinstance(parent.parentWidget(), QAbstractScrollArea) or parent.property("scrolls"):
            scrolls = True
        parent = parent.parentWidget()
    if rect is not None:
        rect = intersection(rect, (0.0, 0.0, float(window.width()), float(window.height())))
    return rect, scrolls


def _clip(widget: QWidget, window: QWidget) -> Rect | None:
    """The area its parent shows, for a text that must lie wholly inside it (not cut by its parent's edge)."""
    parent = widget.parentWidget()
    if parent is None or parent is window:
        return None
    shown, _ = _shown_rect(parent, window)
    return shown


def _name(widget: QWidget, stop: QWidget) -> tuple[str, tuple[str, ...]]:
    parts: list[str] = []
    current: QWidget | None = widget
    while current is not None and current is not stop:
        parts.append(_segment(current))
        current = current.parentWidget()
    parts.reverse()
    path = tuple("/".join(parts[: i + 1]) for i in range(len(parts) - 1))
    return "/".join(parts), path


def _segment(widget: QWidget) -> str:
    own = widget.objectName()
    cls = type(widget).__name__
    if isinstance(widget, QStackedWidget | QAbstractScrollArea) or own in ("qt_scrollarea_viewport",):
        return own or cls
    label = own or cls
    parent = widget.parentWidget()
    if parent is not None and not own:
        siblings = [c for c in parent.children() if type(c) is type(widget)]
        if len(siblings) > 1:
            label += f"[{siblings.index(widget)}]"
    return label


def _label_need(label: QLabel) -> tuple[str, tuple[float, float] | None, Rect]:
    """The words `label` shows, the size they need, and the box they get (its contents less its margin)."""
    text = label.text()
    box = label.contentsRect()
    m = label.margin()
    contents = (float(box.x() + m), float(box.y() + m), float(box.width() - 2 * m), float(box.height() - 2 * m))
    if not text:
        return "", None, contents
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    )
    if rich:
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        if label.wordWrap():
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            doc.setDefaultTextOption(option)
            doc.setTextWidth(contents[2])
        size = doc.size()
        return _MARKUP.sub("", text), (min(size.width(), doc.idealWidth()), size.height()), contents
    metrics = QFontMetricsF(label.font())
    flags = int(label.alignment().value) | (int(Qt.TextFlag.TextWordWrap.value) if label.wordWrap() else 0)
    width = contents[2] if label.wordWrap() else _BIG
    used = metrics.boundingRect(QRectF(0, 0, width, _BIG), flags, text)
    return text, (used.width(), used.height()), contents


def _one_line_ink(label: QLabel, text: str, contents: Rect, need: tuple[float, float]) -> Rect | None:
    """Where the glyphs of a one-line plain label are drawn, in its own pixels (None for several lines): the line
    box sits in the contents by the label's vertical alignment, the ink where the font puts it on the baseline."""
    metrics = QFontMetricsF(label.font())
    if "\n" in text or need[1] > metrics.lineSpacing() * 1.5 or Qt.mightBeRichText(text):
        return None
    line = metrics.height()
    align = label.alignment()
    if align & Qt.AlignmentFlag.AlignTop:
        top = contents[1]
    elif align & Qt.AlignmentFlag.AlignBottom:
        top = contents[1] + contents[3] - line
    else:
        top = contents[1] + (contents[3] - line) / 2
    ink = metrics.tightBoundingRect(text)
    baseline = top + metrics.ascent()
    return (contents[0] + ink.x(), baseline + ink.y(), ink.width(), ink.height())


def _full_text(label: QLabel) -> str:
    full = label.property("full_text")
    if isinstance(full, str) and full:
        return full
    parent = label.parentWidget()
    place = getattr(parent, "place", None)  # the bar's title shows the place, shortened to its width
    if callable(place) and getattr(parent, "title", None) is label:
        value = place()
        return value if isinstance(value, str) else ""
    return label.toolTip()


def _interactive(widget: QWidget) -> bool:
    """Buttons, sliders and scroll areas, and the kiosk's own widgets that take taps or touch."""
    if isinstance(widget, QScrollBar):
        return False  # a position indicator: pages scroll by dragging their content
    if isinstance(widget, QAbstractButton | QAbstractSlider | QAbstractScrollArea) or widget.property("tappable"):
        return True
    cls = type(widget)
    if not cls.__module__.startswith("kiosk"):
        return False
    overrides = any(getattr(cls, n) is not getattr(QWidget, n) for n in ("mousePressEvent", "mouseReleaseEvent"))
    return overrides or widget.testAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)


def top_layer(window: QWidget) -> QWidget:
    """The topmost visible child that covers the whole window (an overlay, the staff panel), else the window."""
    area = window.width() * window.height()
    layer = window
    for child in window.children():
        if isinstance(child, QWidget) and child.isVisible() and not child.isWindow():
            if child.width() * child.height() >= 0.9 * area and child is not getattr(window, "stack", None):
                layer = child
    return layer


def collect(window: QWidget) -> list[Record]:
    """Everything visible in `window` that the audit judges, in window pixels."""
    layer = top_layer(window)
    widgets = [layer, *layer.findChildren(QWidget)] if layer is not window else window.findChildren(QWidget)
    area = window.width() * window.height()
    records: list[Record] = []
    for widget in widgets:
        if not widget.isVisible() or widget.isWindow():
            continue
        if layer is window and _under_overlay(widget, window):
            continue
        shown, scrolls = _shown_rect(widget, window)
        if shown is None:
            continue
        rect = _window_rect(widget, window)
        name, path = _name(widget, window)
        floating = bool(widget.property("floating")) or _over_a_view(widget)
        interactive = _interactive(widget)
        big = widget.width() * widget.height() >= 0.3 * area
        kind = "surface" if interactive and (isinstance(widget, QAbstractScrollArea | QGraphicsView) or big) else (
            "button" if interactive else "widget"
        )
        if isinstance(widget, QLabel):
            text, need, contents = _label_need(widget)
            if text.strip():
                x, y = rect[0], rect[1]
                ink = _one_line_ink(widget, text, contents, need) if need is not None else None
                records.append(Record(
                    name=name, kind="text", rect=rect, text=text, full_text=_full_text(widget), required=need,
                    contents=(x + contents[0], y + contents[1], contents[2], contents[3]),
                    interactive=interactive, floating=floating, important=True, scrolls=scrolls, path=path,
                    visible=shown, bounds=_clip(widget, window),
                    ink=(x + ink[0], y + ink[1], ink[2], ink[3]) if ink else None,
                ))
                continue
        if isinstance(widget, QAbstractButton) and widget.text() and not hasattr(widget, "title_layout"):
            hint = widget.sizeHint()
            records.append(Record(
                name=name, kind=kind, rect=rect, text=widget.text(), required=(hint.width(), hint.height()),
                interactive=True, floating=floating, important=floating is False, scrolls=scrolls, path=path,
                visible=shown,
            ))
        elif interactive or floating:
            records.append(Record(name=name, kind=kind, rect=rect, interactive=interactive, floating=floating,
                                  scrolls=scrolls, path=path, visible=shown))
        records.extend(_own_records(widget, window, name, path, scrolls))
        if isinstance(widget, QGraphicsView):
            records.extend(_scene_names(widget, window, name, path))
    return records


def _scene_names(view: QGraphicsView, window: QWidget, name: str, path: tuple[str, ...]) -> list[Record]:
    """The names drawn on a map (items that keep their size on screen and have a text), each to lie wholly
    inside the view's visible area and to stay clear of the controls floating over it."""
    scene = view.scene()
    if scene is None:
        return []
    port = view.viewport()
    origin = port.mapTo(window, QPoint(0, 0))
    bounds = (float(origin.x()), float(origin.y()), float(port.width()), float(port.height()))
    out: list[Record] = []
    flag = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
    for item in scene.items(view.mapToScene(port.rect()).boundingRect()):
        text_of = getattr(item, "text", None)
        if not item.isVisible() or not (item.flags() & flag) or not callable(text_of):
            continue
        text = text_of()
        if not isinstance(text, str) or not text:
            continue
        # its anchor, then its own transform in screen pixels (scenePos() would read that shift as scene units)
        at = item.pos() if item.parentItem() is None else item.parentItem().mapToScene(item.pos())
        anchor = view.mapFromScene(at)
        box = item.transform().mapRect(item.boundingRect())
        rect = (origin.x() + anchor.x() + box.x(), origin.y() + anchor.y() + box.y(), box.width(), box.height())
        if intersection(rect, bounds) is None:
            continue  # wholly past the edge: not on screen at all
        out.append(Record(name=f"{name}/name:{text}", kind="label", rect=rect, text=text, important=True,
                          bounds=bounds, path=(*path, name)))
    return out


def _over_a_view(widget: QWidget) -> bool:
    """A control placed over a sibling map or scene view (above it, sharing pixels) floats over its content."""
    parent = widget.parentWidget()
    if parent is None or isinstance(widget, QGraphicsView) or isinstance(widget, QLabel):
        return False
    siblings = [c for c in parent.children() if isinstance(c, QWidget)]
    mine = siblings.index(widget)
    return any(
        isinstance(other, QGraphicsView) and other.isVisible() and siblings.index(other) < mine
        and other.geometry().intersects(widget.geometry())
        for other in siblings
    )


def _under_overlay(widget: QWidget, window: QWidget) -> bool:
    """Widgets of the window's own children that are hidden while shown (the transition overlay's frames)."""
    top = widget
    while top.parentWidget() is not None and top.parentWidget() is not window:
        top = top.parentWidget()
    return top is getattr(window, "overlay", None)


def _own_records(widget: QWidget, window: QWidget, name: str, path: tuple[str, ...], scrolls: bool) -> list[Record]:
    """What a painted widget says it shows: `audit_records()` in its own coordinates, or a tile's title."""
    x, y, _, _ = _window_rect(widget, window)
    out: list[Record] = []
    own = getattr(widget, "audit_records", None)
    if callable(own):
        for item in own():
            rx, ry, rw, rh = item["rect"]
            bounds = item.get("bounds")
            contents = item.get("contents")
            out.append(Record(
                name=f"{name}/{item['name']}", kind=item.get("kind", "label"), rect=(x + rx, y + ry, rw, rh),
                text=item.get("text", ""), full_text=item.get("full_text", ""), required=item.get("required"),
                contents=(x + contents[0], y + contents[1], contents[2], contents[3]) if contents else None,
                interactive=item.get("interactive", False), floating=item.get("floating", False),
                important=item.get("important", True), scrolls=scrolls,
                bounds=(x + bounds[0], y + bounds[1], bounds[2], bounds[3]) if bounds else None,
                path=(*path, name),
            ))
    title_layout = getattr(widget, "title_layout", None)
    if callable(title_layout):
        text, _font, box, used, _fits = title_layout()
        title = getattr(widget, "title", None)  # the whole title: one cut short with "…" is then `elided`,
        full = title() if callable(title) else ""  # even where each line it keeps fits the box's width
        out.append(Record(
            name=f"{name}/title", kind="text", rect=(x, y, widget.width(), widget.height()), text=text, full_text=full,
            required=(used.width(), used.height()), contents=(x + box.x(), y + box.y(), box.width(), box.height()),
            important=True, scrolls=scrolls, path=(*path, name),
        ))
    return out
