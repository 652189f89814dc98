"""Painting of the timeline track, kept apart from its input handling: bands, the axis with its breaks and
ticks, stems, labels, markers, the goal at the end, the year ruler and the edge fades. Only what is on screen
is drawn."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPainterPath, QPen

from kiosk.ui import theme as t
from kiosk.ui.strings import tr
from kiosk.ui.widgets import timeline_style as style

if TYPE_CHECKING:
    from kiosk.ui.widgets.timeline_track import TimelineTrack


def paint_track(track: TimelineTrack, painter: QPainter) -> None:
    layout, offset, axis_y, goal, selected, pressed = track.painting_state()
    th = track.theme
    p = th.px
    h = track.height()
    # Nothing is drawn under the open card (landscape): the track ends at its edge with the usual fade, instead
    # of a label or the goal running under the card and being cut mid-word.
    w = max(1, track.width() - track.reserved_right)
    painter.setClipRect(QRectF(0, 0, w, h))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.save()
    painter.translate(-offset, 0)
    left, right = offset - p(60), offset + w + p(60)
    ruler_y = track.ruler_y()

    # status bands behind everything, each named at its top (the name stays in view while the band is)
    painter.setFont(th.font(t.CAPTION, bold=True))
    metrics = painter.fontMetrics()
    for band in layout.bands:
        if band.x1 < left or band.x0 > right:
            continue
        rect = QRectF(band.x0, p(6), band.x1 - band.x0, ruler_y - p(14))
        fill = style.colour(band.status)
        fill.setAlpha(24)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, p(18), p(18))
        name = tr(f"band_{band.status}", track.lang)
        name_w = metrics.horizontalAdvance(name)
        x = track.band_name_left(band, name_w)
        if x is None:
            continue
        x += offset
        painter.setPen(style.colour(band.status))
        painter.drawText(QRectF(x, p(12), name_w + 2, p(36)), Qt.AlignmentFlag.AlignVCenter, name)

    # the axis: solid through the history (cut at each break), then each band in its own line style
    width = p(6)
    items = layout.items
    start_x = (items[0].x if items else 0) - p(40)
    end_x = layout.cap_x
    history_end = layout.bands[0].x0 if layout.bands else end_x
    cuts = [start_x]
    for bx in layout.breaks:
        cuts += [bx - p(16), bx + p(16)]
    cuts.append(history_end)
    for a, b in zip(cuts[0::2], cuts[1::2], strict=True):
        _line(painter, style.line_pen("built", width), a, b, axis_y, left, right)
    for band in layout.bands:
        _line(painter, style.line_pen(band.status, width), band.x0, band.x1, axis_y, left, right)
    tail = layout.bands[-1].x1 if layout.bands else history_end
    tail_status = layout.bands[-1].status if layout.bands else "built"
    _line(painter, style.line_pen(tail_status, width), tail, end_x - p(18), axis_y, left, right)
    _arrow(painter, end_x, axis_y, p(18), style.colour(tail_status))
    muted = QPen(QColor(t.TEXT_MUTED), p(3))
    painter.setPen(muted)
    for bx in layout.breaks:  # "//": time cut out here
        for dx in (-p(8), p(8)):
            painter.drawLine(QPointF(bx + dx - p(6), axis_y + p(16)), QPointF(bx + dx + p(6), axis_y - p(16)))

    # year ticks on the axis, and the ruler with the years at the bottom
    if layout.ticks:
        years_with_events = _event_years(track)
        painter.setPen(QPen(QColor(t.LINE), p(2)))
        for x, _ in layout.ticks:
            if left <= x <= right:
                painter.drawLine(QPointF(x, axis_y - p(12)), QPointF(x, axis_y + p(12)))
        # A tick marks the start of its year, where an event of that year without a month sits: the year's
        # number is centred under its tick, so the events and their years line up.
        step = track.metrics.px_per_year
        first, last = layout.ticks[0][0], layout.ticks[-1][0]
        painter.setPen(QPen(QColor(t.LINE), p(2)))
        painter.drawLine(QPointF(max(first, left), ruler_y), QPointF(min(last, right), ruler_y))
        year_font, baseline = track.year_type()  # fitted to the room under the ruler
        painter.setFont(year_font)
        advance = painter.fontMetrics().horizontalAdvance
        numbered = track.numbered_years()  # none half in a fade or cut at the card's edge
        for x, year in layout.ticks:
            if x + step / 2 < left or x - step / 2 > right:
                continue
            show_year = year in numbered
            painter.setPen(QPen(QColor(t.LINE), p(2)))
            painter.drawLine(QPointF(x, ruler_y - p(10)), QPointF(x, ruler_y + p(10)))
            if not show_year:
                continue
            painter.setPen(QColor(t.TEXT if year in years_with_events else t.TEXT_MUTED))
            painter.drawText(QPointF(x - advance(str(year)) / 2, baseline), str(year))

    # stems, labels and markers of the events on screen
    # A label is drawn whole or not at all: one that would sit half in an edge fade slides out of it, as long as
    # its marker stays under it (its stem straight), or waits until scrolled in (`shown_label_lefts`).
    radius, ring = p(style.MARKER_RADIUS), p(4)
    shown = track.shown_label_lefts()
    stems = track.stems()
    for item in items:
        label_left = shown.get(item.id)
        if label_left is None:
            continue
        marker_end, label_end = stems[item.id]
        painter.setPen(style.line_pen(item.status, p(3)))
        painter.drawLine(marker_end + QPointF(offset, 0), label_end + QPointF(offset, 0))
        painter.drawPixmap(QPointF(label_left, axis_y + item.top), track.label_pixmap(item.id))
    for item in items:
        if left <= item.x <= right:
            style.draw_marker(
                painter, item.status, QPointF(item.x, axis_y), radius, ring, t.BACKGROUND,
                selected=item.id == selected, pressed=item.id == pressed,
            )
    if goal is not None and end_x < right:
        painter.drawPixmap(QPointF(track.goal_rect().topLeft()) + QPointF(offset, 0), goal)
    painter.restore()
    _edge_fades(painter, track, offset, w, h)


def _event_years(track: TimelineTrack) -> set[int]:
    return {e.when.year for e in track.timeline.events if e.when is not None}


def _line(painter: QPainter, pen: QPen, x0: float, x1: float, y: float, left: float, right: float) -> None:
    """Only the part on screen is drawn (dashes over a whole band cost milliseconds); the dash offset keeps the
    pattern anchored to the track, so dashes move with it instead of crawling."""
    start, end = max(x0, left), min(x1, right)
    if end <= start:
        return
    if pen.style() == Qt.PenStyle.CustomDashLine and pen.widthF() > 0:
        pen.setDashOffset(pen.dashOffset() + (start - x0) / pen.widthF())
    painter.setPen(pen)
    painter.drawLine(QPointF(start, y), QPointF(end, y))


def _arrow(painter: QPainter, x: float, y: float, size: float, colour: QColor) -> None:
    path = QPainterPath()
    path.moveTo(x, y)
    path.lineTo(x - size * 1.4, y - size)
    path.lineTo(x - size * 1.4, y + size)
    path.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPath(path)


def _edge_fades(painter: QPainter, track: TimelineTrack, offset: float, w: int, h: int) -> None:
    """A soft fade at an edge with more track behind it: the visitor sees there is more to drag to."""
    fade_left, fade_right = track.fade_widths()
    background = QColor(t.BACKGROUND)
    clear = QColor(background)
    clear.setAlpha(0)
    if fade_left:
        fade = fade_left
        gradient = QLinearGradient(0, 0, fade, 0)
        gradient.setColorAt(0, background)
        gradient.setColorAt(1, clear)
        painter.fillRect(QRectF(0, 0, fade, h), gradient)
    if fade_right:  # more track to drag to, or behind the open card
        fade = fade_right
        gradient = QLinearGradient(w - fade, 0, w, 0)
        gradient.setColorAt(0, clear)
        gradient.setColorAt(1, background)
        painter.fillRect(QRectF(w - fade, 0, fade, h), gradient)
