"""A plain bar chart drawn with QPainter: a title, one bar per value with its number, and a label under (or,
for horizontal charts, beside) each bar. No chart library: the staff panel needs three simple charts."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui import theme as t
from kiosk.ui.theme import Theme


class BarChart(QWidget):
    def __init__(self, theme: Theme, horizontal: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme = theme
        self._horizontal = horizontal
        self.title = ""
        self.values: list[float] = []
        self.empty_text = ""
        self.labels: list[str] = []
        self.value_labels: list[str] = []
        self.label_every = 1
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(theme.px(260))

    def set_data(self, title: str, values: list[float], labels: list[str], value_labels: list[str] | None = None,
                 label_every: int = 1, empty_text: str = "") -> None:
        self.title = title
        self.values = list(values)
        self.labels = list(labels)
        self.empty_text = empty_text
        self.value_labels = value_labels or [f"{v:g}" for v in values]
        self.label_every = max(1, label_every)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._theme.px(800), self._theme.px(320))

    def paintEvent(self, event: QPaintEvent) -> None:
        th = self._theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        p.setBrush(QColor(t.SURFACE))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(rect, th.px(16), th.px(16))
        pad = th.px(20)
        title_font = th.font(t.CAPTION, bold=True)
        p.setFont(title_font)
        p.setPen(QColor(t.TEXT))
        title_h = th.px(t.CAPTION * 1.6 * th.text_scale)
        p.drawText(QRectF(pad, pad * 0.6, rect.width() - 2 * pad, title_h), Qt.AlignmentFlag.AlignLeft, self.title)
        area = QRectF(pad, pad * 0.6 + title_h, rect.width() - 2 * pad, rect.height() - pad * 1.4 - title_h)
        if not any(self.values):  # nothing counted yet: say so instead of a row of flat bars
            p.setFont(th.font(t.CAPTION))
            p.setPen(QColor(t.TEXT_MUTED))
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            p.end()
            return
        p.setFont(th.font(t.CAPTION - 6))
        if self._horizontal:
            self._paint_horizontal(p, area)
        else:
            self._paint_vertical(p, area)
        p.end()

    def _paint_vertical(self, p: QPainter, area: QRectF) -> None:
        th = self._theme
        n = len(self.values)
        top = max(self.values) or 1.0
        label_h = th.px(30 * th.text_scale)
        value_h = th.px(28 * th.text_scale)
        plot_h = area.height() - label_h - value_h
        slot = area.width() / n
        bar_w = max(2.0, slot * 0.7)
        for i, value in enumerate(self.values):
            x = area.left() + i * slot + (slot - bar_w) / 2
            h = plot_h * (value / top)
            bottom = area.top() + value_h + plot_h
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(t.ACCENT_DEFAULT if value else t.LINE))
            p.drawRect(QRectF(x, bottom - max(h, 2.0), bar_w, max(h, 2.0)))
            p.setPen(QColor(t.TEXT))
            if value:
                p.drawText(QRectF(x - slot, bottom - h - value_h, bar_w + 2 * slot, value_h),
                           Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, self.value_labels[i])
            if i % self.label_every == 0:
                p.setPen(QColor(t.TEXT_MUTED))
                p.drawText(QRectF(x - slot, bottom + th.px(4), bar_w + 2 * slot, label_h),
                           Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.labels[i])

    def _paint_horizontal(self, p: QPainter, area: QRectF) -> None:
        th = self._theme
        n = len(self.values)
        top = max(self.values) or 1.0
        label_w = area.width() * 0.42
        value_w = th.px(150)
        row_h = area.height() / max(n, 1)
        bar_h = min(row_h * 0.7, th.px(40))
        plot_w = area.width() - label_w - value_w
        for i, value in enumerate(self.values):
            y = area.top() + i * row_h + (row_h - bar_h) / 2
            w = plot_w * (value / top)
            p.setPen(QColor(t.TEXT_MUTED))
            metrics = p.fontMetrics()
            label = metrics.elidedText(self.labels[i], Qt.TextElideMode.ElideRight, int(label_w - th.px(12)))
            p.drawText(QRectF(area.left(), y - row_h, label_w - th.px(12), bar_h + 2 * row_h),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(t.ACCENT_DEFAULT))
            p.drawRect(QRectF(area.left() + label_w, y, max(w, 2.0), bar_h))
            p.setPen(QColor(t.TEXT))
            p.drawText(QRectF(area.left() + label_w + w + th.px(10), y - row_h, value_w, bar_h + 2 * row_h),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.value_labels[i])
