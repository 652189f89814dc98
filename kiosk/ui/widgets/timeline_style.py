"""How each timeline status looks: colour, line style and marker shape, so it reads without colour vision.

built: solid line, filled circle · work began: dash-dot line, ring with a dot · under construction: dashed line,
half-filled circle · in preparation (planned): dotted line, hollow circle · milestone: solid line, diamond. The track,
its legend and the card all draw statuses through these functions, so the three always agree.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from kiosk.content.schema import Lang
from kiosk.ui import theme as t
from kiosk.ui.strings import tr

COLOURS = {
    "built": t.STATUS_BUILT,
    "begun": t.STATUS_BEGUN,
    "under_construction": t.STATUS_UNDER_CONSTRUCTION,
    "planned": t.STATUS_PLANNED,
    "milestone": t.STATUS_MILESTONE,
}
LEGEND_ORDER = ("built", "begun", "under_construction", "planned", "milestone")
MARKER_RADIUS = 17  # an event's marker on the axis (type-scale pixels)


def colour(status: str) -> QColor:
    return QColor(COLOURS.get(status, t.TEXT_MUTED))


def name(status: str, lang: Lang) -> str:
    return tr(f"status_{status}", lang)


def line_pen(status: str, width: float) -> QPen:
    """The pen for a line of this status: solid, dashed or dotted. Dash lengths are in units of `width`."""
    pen = QPen(colour(status), width)
    if status == "under_construction":
        pen.setDashPattern([2.6, 1.6])
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    elif status == "begun":
        pen.setDashPattern([3.0, 1.2, 0.01, 1.2])
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    elif status == "planned":
        pen.setDashPattern([0.01, 1.9])
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    else:
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def draw_marker(
    painter: QPainter, status: str, centre: QPointF, radius: float, ring: float, background: str,
    selected: bool = False, pressed: bool = False,
) -> None:
    """One event's marker. `ring` is the outline width; `background` the colour behind the track."""
    c = colour(status)
    fill = QColor(c).darker(140) if pressed else c
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if selected:
        halo = QColor(t.TEXT)
        painter.setPen(QPen(halo, ring))
        painter.setBrush(QColor(c.red(), c.green(), c.blue(), 70))
        painter.drawEllipse(centre, radius * 1.75, radius * 1.75)
    if status == "milestone":
        path = QPainterPath()
        r = radius * 1.25
        path.moveTo(centre + QPointF(0, -r))
        path.lineTo(centre + QPointF(r, 0))
        path.lineTo(centre + QPointF(0, r))
        path.lineTo(centre + QPointF(-r, 0))
        path.closeSubpath()
        painter.setPen(QPen(QColor(background), ring))
        painter.setBrush(fill)
        painter.drawPath(path)
    elif status == "built":
        painter.setPen(QPen(QColor(background), ring))
        painter.setBrush(fill)
        painter.drawEllipse(centre, radius, radius)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawEllipse(centre, radius, radius)
        if status == "under_construction":  # the lower half filled: half-way there
            painter.setBrush(fill)
            rect = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
            painter.drawPie(rect, 180 * 16, 180 * 16)
        elif status == "begun":  # a dot in the middle: work has started
            painter.setBrush(fill)
            painter.drawEllipse(centre, radius * 0.42, radius * 0.42)
        outline = line_pen(status, ring)
        outline.setColor(fill)
        if status == "planned":
            outline.setDashPattern([0.01, 1.6])
        elif status == "begun":
            outline.setStyle(Qt.PenStyle.SolidLine)
        else:
            outline.setDashPattern([1.6, 0.9])
        painter.setBrush(QBrush())
        painter.setPen(outline)
        painter.drawEllipse(centre, radius - ring / 2, radius - ring / 2)
    painter.restore()
