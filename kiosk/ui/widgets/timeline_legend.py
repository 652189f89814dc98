"""The timeline's legend: each status as its line style, marker and name, drawn by the same functions as the
track so the two always agree."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.content.schema import Lang
from kiosk.ui import theme as t
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import timeline_style as style


class TimelineLegend(QWidget):
    def __init__(self, theme: Theme, columns: int = 2, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme = theme
        self._columns = columns
        self.lang: Lang = "zh"
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_language(self, lang: Lang) -> None:
        self.lang = lang
        self.setFont(self._theme.font(t.CAPTION))
        self.updateGeometry()
        self.update()

    def names(self) -> list[str]:
        return [style.name(s, self.lang) for s in style.LEGEND_ORDER]

    def _cell(self) -> QSize:
        p = self._theme.px
        widest = max(self.fontMetrics().horizontalAdvance(n) for n in self.names())
        return QSize(p(64) + p(12) + widest + p(28), max(p(44), self.fontMetrics().height() + p(8)))

    def sizeHint(self) -> QSize:
        cell = self._cell()
        rows = -(-len(style.LEGEND_ORDER) // self._columns)
        return QSize(cell.width() * self._columns, cell.height() * rows)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = self._theme.px
        cell = self._cell()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        for index, status in enumerate(style.LEGEND_ORDER):
            x = (index % self._columns) * cell.width()
            y = (index // self._columns) * cell.height()
            mid = y + cell.height() / 2
            painter.setPen(style.line_pen(status, p(5)))
            painter.drawLine(QPointF(x + p(2), mid), QPointF(x + p(62), mid))
            style.draw_marker(painter, status, QPointF(x + p(32), mid), p(12), p(3), t.BACKGROUND)
            painter.setPen(QColor(t.TEXT))
            painter.drawText(
                QRectF(x + p(76), y, cell.width() - p(76), cell.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                style.name(status, self.lang),
            )
        painter.end()
