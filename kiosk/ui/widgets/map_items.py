"""The map's symbols and labels: they keep their size on screen at every zoom (ItemIgnoresTransformations) and
are painted once into a cached pixmap (DeviceCoordinateCache), so a pinch only blits them.

`MapLabel` is a name on the map: a river, a zone or a neighbour in plain text with a dark halo (a long name of
several words on two balanced lines, so "Zhushan Modern Agricultural Industrial Park" stays near its zone instead
of spanning the map), a road in a small pill. `MapMarker` is a place: a round badge with its icon (or a dot for
towns and villages) and its name to the right; crowded out by a more important label it collapses to a small dot,
still there to be tapped.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.ui import theme as t
from kiosk.ui.widgets import map_style as style

HALO = QColor(t.BACKGROUND)
NAME_GAP = 2.0  # between a place's symbol and its name over or under it (px)
WRAP_EM = 11  # a plain name wider than this many times its font size goes on two lines, where it has a space


def balanced_lines(text: str, font: QFont) -> list[str]:
    """`text` on one line, or, when wider than WRAP_EM and made of words, on the two lines (split at a space)
    whose longer line is the shortest."""
    m = QFontMetricsF(font)
    if " " not in text.strip() or m.horizontalAdvance(text) <= WRAP_EM * max(1, font.pixelSize()):
        return [text]
    words = text.split()
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    first, second = min(splits, key=lambda pair: max(m.horizontalAdvance(pair[0]), m.horizontalAdvance(pair[1])))
    return [first, second]


def lines_within(text: str, font: QFont, room: float) -> list[str]:
    """`text` broken into as few lines as keep each within `room` pixels: at spaces, or between characters in a
    name without spaces (a Chinese name). A single word wider than `room` stays whole (the caller leaves the
    name off)."""
    m = QFontMetricsF(font)
    units = text.split() if " " in text.strip() else list(text)
    joiner = " " if " " in text.strip() else ""
    lines: list[str] = []
    for unit in units:
        wider = lines[-1] + joiner + unit if lines else unit
        if lines and m.horizontalAdvance(wider) <= room:
            lines[-1] = wider
        else:
            lines.append(unit)
    return lines or [text]


def _text_path(text: str, font: QFont, origin: QPointF) -> QPainterPath:
    path = QPainterPath()
    path.addText(origin, font, text)
    return path


def _whole_pixels(rect: QRectF) -> QRectF:
    """`rect` grown to whole pixels. A cached item's box of fractional size lands on a different number of device
    pixels at each sub-pixel position, and Qt renders its cache again each time: a pinch re-rendered a road's name
    dozens of times; with whole-pixel boxes a few."""
    left, top = math.floor(rect.left()), math.floor(rect.top())
    return QRectF(left, top, math.ceil(rect.right()) - left, math.ceil(rect.bottom()) - top)


class _Cached(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)


class MapLabel(_Cached):
    """A name centred on its anchor. `pill` draws a rounded background edged in `edge`; otherwise a halo."""

    def __init__(self, font: QFont, colour: str, pill: bool = False, edge: str | None = None, pad: float = 6.0):
        super().__init__()
        self._font = font
        self._colour = QColor(colour)
        self._pill = pill
        self._edge = QColor(edge or colour)
        self._pad = pad
        self._text = ""
        self._lines: list[str] = []
        self._rect = QRectF()
        self._room: float | None = None  # the width the map's edge leaves it, when its usual lines are wider

    def copy(self) -> MapLabel:
        """Another label like this one (a long line's name repeated along it)."""
        twin = MapLabel(self._font, self._colour.name(), self._pill, self._edge.name(), self._pad)
        twin.set_text(self._text)
        return twin

    def set_text(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        self._relayout()

    def _usual_lines(self) -> list[str]:
        return [self._text] if self._pill else balanced_lines(self._text, self._font)

    def _box(self, lines: list[str]) -> QRectF:
        m = QFontMetricsF(self._font)
        w = max(m.horizontalAdvance(line) for line in lines)
        h = m.height() + m.lineSpacing() * (len(lines) - 1)
        pad = self._pad * (2.0 if self._pill else 1.0)
        return _whole_pixels(QRectF(-w / 2 - pad, -h / 2 - self._pad / 2, w + 2 * pad, h + self._pad))

    def _relayout(self) -> None:
        self.prepareGeometryChange()
        lines = self._usual_lines()
        if self._room is not None and self._box(lines).width() > self._room:
            pad = self._box([""]).width()  # the box's padding around its text
            lines = lines_within(self._text, self._font, self._room - pad)
        self._lines = lines
        self._rect = self._box(lines)
        self.update()

    def usual_rect(self) -> QRectF:
        """Its box on its usual lines, whatever room the map's edge leaves it now (what the label chooser
        reserves, so the names chosen at a zoom step do not depend on earlier window sizes)."""
        return self._box(self._usual_lines())

    def set_room(self, room: float | None) -> None:
        """The width the map leaves the name (None: all it wants): a name wider breaks onto more lines."""
        if room != self._room:
            self._room = room
            self._relayout()

    def text(self) -> str:
        return self._text

    def lines(self) -> list[str]:
        """The name as drawn, line by line."""
        return list(self._lines)

    def set_font(self, font: QFont) -> None:
        self._font = font
        self._relayout()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        m = QFontMetricsF(self._font)
        top = -(m.height() + m.lineSpacing() * (len(self._lines) - 1)) / 2 + m.ascent()
        if self._pill:
            r = self._rect.adjusted(1, 1, -1, -1)
            painter.setPen(QPen(self._edge, 1.5))
            painter.setBrush(t.translucent(t.SURFACE, 230))
            radius = min(r.height() / 2, m.height() / 2 + self._pad)
            painter.drawRoundedRect(r, radius, radius)
            painter.setFont(self._font)
            painter.setPen(self._colour)
            for index, line in enumerate(self._lines):
                painter.drawText(QPointF(-m.horizontalAdvance(line) / 2, top + index * m.lineSpacing()), line)
            return
        path = QPainterPath()
        for index, line in enumerate(self._lines):
            path.addText(QPointF(-m.horizontalAdvance(line) / 2, top + index * m.lineSpacing()), self._font, line)
        painter.strokePath(path, QPen(HALO, max(3.0, self._font.pixelSize() / 6), Qt.PenStyle.SolidLine,
                                      Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.fillPath(path, self._colour)


class MapMarker(_Cached):
    """A place: badge (icon on a ring in its status colour and pattern) or dot, with its name to the right."""

    def __init__(self, font: QFont, radius: float, status: str, icon: QPixmap | None, dot: bool = False):
        super().__init__()
        self._font = font
        self._r = radius
        self._status = status
        self._icon = icon
        self._dot = dot
        self._text = ""
        self._collapsed = False
        self._highlighted = False
        self._side = "right"  # where its name goes: "right", "left" (no room on the right) or "none"
        self._placed = "right"  # where the label chooser put it
        self._rect = QRectF()

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._relayout()

    def text(self) -> str:
        return self._text

    def set_font(self, font: QFont) -> None:
        self._font = font
        self._relayout()

    def set_collapsed(self, collapsed: bool) -> None:
        if collapsed != self._collapsed:
            self._collapsed = collapsed
            self._relayout()

    def is_collapsed(self) -> bool:
        return self._collapsed

    def collapsed_radius(self) -> float:
        return max(8.0, self._r * 0.62)

    def is_dot(self) -> bool:
        """A town or village: a plain dot, which means nothing without its name."""
        return self._dot

    def set_highlighted(self, on: bool) -> None:
        if on != self._highlighted:
            self._highlighted = on
            self._relayout()

    def full_rect(self) -> QRectF:
        """The marker's box with its name, collapsed or not: what label pruning must find room for."""
        return self.box("right")

    def box(self, side: str) -> QRectF:
        """The marker's box (uncollapsed) with its name on `side` ("right", "left", "above", "below" or
        "none")."""
        m = QFontMetricsF(self._font)
        r = self._r * (1.6 if self._highlighted else 1.0)
        half = max(r, m.height() / 2)
        if side in ("above", "below") and self._text:
            symbol = QRectF(-r, -r, 2 * r, 2 * r)
            wide = m.horizontalAdvance(self._text) + 8
            top = -self._r - NAME_GAP - m.height() if side == "above" else self._r + NAME_GAP
            return symbol.united(QRectF(-wide / 2, top, wide, m.height()))
        width = self._r * 1.5 + m.horizontalAdvance(self._text) + 8 if self._text and side != "none" else 0
        if side == "left":
            return QRectF(-width, -half, width + r, 2 * half)
        if side == "none":
            return QRectF(-r, -r, 2 * r, 2 * r)
        return QRectF(-r, -half, r + width, 2 * half)

    def set_placed_side(self, side: str) -> None:
        """The side the label chooser found room on ("right", or "left" beside a crowding neighbour): the side
        its name takes while the map's edge leaves room for it."""
        self._placed = side
        self.set_name_side(side)

    def placed_side(self) -> str:
        return self._placed

    def set_name_side(self, side: str) -> None:
        """Put the name left of the symbol, or leave it off, where the map's edge or a card leaves no room."""
        if side != self._side:
            self._side = side
            self._relayout()

    def name_side(self) -> str:
        return self._side

    def is_highlighted(self) -> bool:
        return self._highlighted

    def _relayout(self) -> None:
        self.prepareGeometryChange()
        if self._collapsed:
            d = self.collapsed_radius()
            self._rect = _whole_pixels(QRectF(-d - 2, -d - 2, 2 * d + 4, 2 * d + 4))
        else:
            self._rect = _whole_pixels(self.box(self._side).adjusted(-3, -3, 3, 3))
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = style.status_colour(self._status)
        if self._collapsed:  # its symbol, smaller, without its name: never a bare grey dot
            d = self.collapsed_radius()
            painter.setPen(style.dash(QPen(colour, 2.0), self._status))
            painter.setBrush(QColor(style.BADGE))
            painter.drawEllipse(QPointF(0, 0), d - 1, d - 1)
            if self._icon is not None and not self._icon.isNull():
                side = d * 1.3
                painter.drawPixmap(QRectF(-side / 2, -side / 2, side, side), self._icon, QRectF(self._icon.rect()))
            return
        r = self._r
        if self._highlighted:
            painter.setPen(QPen(QColor(style.SELECTION_GLOW), 3))
            painter.setBrush(t.translucent(style.SELECTION_GLOW, 45))
            painter.drawEllipse(QPointF(0, 0), r * 1.55, r * 1.55)
        if self._dot:
            painter.setPen(QPen(HALO, style.DOT_RING))
            painter.setBrush(QColor(t.TEXT))
            painter.drawEllipse(QPointF(0, 0), r * style.DOT, r * style.DOT)
        else:
            ring = style.dash(QPen(colour, max(2.0, r / 7)), self._status)
            painter.setPen(ring)
            painter.setBrush(QColor(style.BADGE))
            painter.drawEllipse(QPointF(0, 0), r - 1, r - 1)
            if self._icon is not None and not self._icon.isNull():
                side = r * 1.2
                painter.drawPixmap(QRectF(-side / 2, -side / 2, side, side), self._icon, QRectF(self._icon.rect()))
        if self._text and self._side != "none":
            m = QFontMetricsF(self._font)
            x = r * (0.75 if self._dot else 1.0) + 6
            y = -m.height() / 2
            if self._side == "left":
                x = -x - m.horizontalAdvance(self._text)
            elif self._side in ("above", "below"):  # over or under its symbol, centred
                x = -m.horizontalAdvance(self._text) / 2
                y = -r - NAME_GAP - m.height() if self._side == "above" else r + NAME_GAP
            origin = QPointF(x, y + m.ascent())
            path = _text_path(self._text, self._font, origin)
            painter.strokePath(path, QPen(HALO, max(3.0, self._font.pixelSize() / 6), Qt.PenStyle.SolidLine,
                                          Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
            painter.fillPath(path, QColor(t.TEXT))
