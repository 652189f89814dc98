"""Display-size text drawn as outlines.

Above the glyph cache's size limit Qt either draws glyphs as paths on every paint or, with the limit raised
(`QT_MAX_CACHED_GLYPH_SIZE`), may not draw them at all into an offscreen pixmap. Layers that are painted once
(the slideshow's figures, the closed screen's clock) use outlines and never depend on either.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath


def draw_large_text(p: QPainter, font: QFont, colour: str, x: float, baseline: float, text: str) -> None:
    path = QPainterPath()
    path.addText(x, baseline, font, text)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    p.drawPath(path)
    p.restore()
