"""What stands in for a photo: a calm neutral panel while it loads, and the same panel with a crossed-out
picture symbol and "照片暂不可用 / Photo unavailable" when the file cannot be shown. Drawn, not decoded, so it
costs nothing and can never fail itself."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from kiosk.ui import theme as t
from kiosk.ui.theme import Theme


def paint_photo_placeholder(p: QPainter, rect: QRectF, theme: Theme, failed: bool, text: str = "") -> None:
    p.save()
    p.fillRect(rect, QColor(t.SURFACE_RAISED))
    if failed:
        side = min(rect.width(), rect.height())
        glyph = max(16.0, min(side * 0.28, theme.px(120)))
        show_text = bool(text) and rect.height() > glyph * 2.2 and rect.width() > theme.px(160)
        centre = QPointF(rect.center().x(), rect.center().y() - (glyph * 0.35 if show_text else 0))
        _picture_symbol(p, centre, glyph, theme)
        if show_text:
            p.setPen(QColor(t.TEXT_MUTED))
            p.setFont(theme.font(t.CAPTION))
            box = QRectF(rect.left(), centre.y() + glyph * 0.6, rect.width(), theme.px(t.CAPTION * 2))
            p.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
    p.restore()


def _picture_symbol(p: QPainter, centre: QPointF, size: float, theme: Theme) -> None:
    """A framed landscape (sun and hill), struck through: "no picture"."""
    colour = QColor(t.TEXT_MUTED)
    colour.setAlpha(150)
    pen = QPen(colour, max(2.0, size / 16))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    w, h = size, size * 0.76
    frame = QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h)
    p.drawRoundedRect(frame, size / 10, size / 10)
    p.drawEllipse(QPointF(frame.left() + w * 0.3, frame.top() + h * 0.32), w * 0.08, w * 0.08)
    p.drawPolyline(
        [
            QPointF(frame.left() + w * 0.1, frame.bottom() - h * 0.15),
            QPointF(frame.left() + w * 0.42, frame.top() + h * 0.5),
            QPointF(frame.left() + w * 0.62, frame.top() + h * 0.7),
            QPointF(frame.left() + w * 0.75, frame.top() + h * 0.58),
            QPointF(frame.right() - w * 0.1, frame.bottom() - h * 0.15),
        ]
    )
    p.drawLine(
        QPointF(frame.left() - w * 0.06, frame.bottom() + h * 0.1),
        QPointF(frame.right() + w * 0.06, frame.top() - h * 0.1),
    )
