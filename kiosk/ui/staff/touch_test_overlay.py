"""Touch test for installers checking a touch frame: every finger on the glass is drawn as a ring with its
number and a trail, with the count of points now and the most seen at once. "Done" (top right) ends it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QEventPoint, QMouseEvent, QPainter, QPaintEvent, QPen, QTouchEvent
from PySide6.QtWidgets import QWidget

from kiosk.content.schema import Lang
from kiosk.ui import theme as t
from kiosk.ui.staff.overlay import FullWindowOverlay
from kiosk.ui.staff.strings import sw
from kiosk.ui.theme import Theme

TRAIL = 40
COLOURS = t.TOUCH_TRACES


class TouchTestOverlay(FullWindowOverlay):
    finished = Signal()

    def __init__(self, theme: Theme, window: QWidget):
        super().__init__(window)
        self._theme = theme
        self.lang: Lang = "zh"
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.points: dict[int, list[QPointF]] = {}  # finger id -> trail (newest last); only fingers down now
        self.most_at_once = 0
        self.touches_seen = 0
        self.marks: list[QPointF] = []  # where the last fingers lifted, drawn as dots

    def start(self, lang: Lang) -> None:
        self.lang = lang
        self.points.clear()
        self.marks.clear()
        self.most_at_once = 0
        self.touches_seen = 0
        self.open()

    def done_rect(self) -> QRectF:
        p = self._theme.px
        return QRectF(self.width() - p(260), p(24), p(236), p(t.TOUCH_TARGET))

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self._touch(event)  # type: ignore[arg-type]  # a touch event kind: Qt hands it over as QEvent
            event.accept()
            return True
        if kind == QEvent.Type.MouseButtonRelease:
            mouse: QMouseEvent = event  # type: ignore[assignment]  # a mouse release: Qt hands it over as QEvent
            if mouse.source() == Qt.MouseEventSource.MouseEventNotSynthesized and self.done_rect().contains(
                mouse.position()
            ):
                self._finish()
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        if event.type() == QEvent.Type.TouchCancel:
            self.points.clear()
            self.update()
            return
        for point in event.points():
            pid = point.id()
            state = point.state()
            if state == QEventPoint.State.Pressed:
                self.touches_seen += 1
                self.points[pid] = [point.position()]
            elif state == QEventPoint.State.Released:
                trail = self.points.pop(pid, [point.position()])
                self.marks = [*self.marks, point.position()][-TRAIL:]
                if len(self.points) == 0 and len(trail) <= 3 and self.done_rect().contains(point.position()):
                    self._finish()
                    return
            else:
                trail = self.points.setdefault(pid, [])
                trail.append(point.position())
                del trail[:-TRAIL]
        self.most_at_once = max(self.most_at_once, len(self.points))
        self.update()

    def _finish(self) -> None:
        self.points.clear()
        self.hide()
        self.finished.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        th = self._theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QColor(t.TEXT_MUTED))
        p.setFont(th.font(t.LEAD))
        top = QRectF(th.px(40), th.px(30), self.width() - th.px(340), th.px(120))
        p.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                   sw("touch_test_hint", self.lang) + "\n"
                   + sw("touch_points", self.lang, n=len(self.points), max=self.most_at_once))
        done = self.done_rect()
        p.setBrush(QColor(t.SURFACE_RAISED))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(done, th.px(14), th.px(14))
        p.setPen(QColor(t.TEXT))
        p.setFont(th.font(t.CAPTION + 4, bold=True))
        p.drawText(done, Qt.AlignmentFlag.AlignCenter, sw("done", self.lang))
        radius = th.px(56)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(t.TEXT_MUTED))
        for mark in self.marks:
            p.drawEllipse(mark, th.px(6), th.px(6))
        for pid, trail in self.points.items():
            colour = QColor(COLOURS[pid % len(COLOURS)])
            p.setPen(QPen(colour, th.px(4)))
            for a, b in zip(trail, trail[1:], strict=False):
                p.drawLine(a, b)
            centre = trail[-1]
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(centre, radius, radius)
            p.drawLine(QPointF(centre.x() - radius * 1.4, centre.y()), QPointF(centre.x() + radius * 1.4, centre.y()))
            p.drawLine(QPointF(centre.x(), centre.y() - radius * 1.4), QPointF(centre.x(), centre.y() + radius * 1.4))
            p.setFont(th.font(t.CAPTION, bold=True))
            p.drawText(QRectF(centre.x() + radius, centre.y() - radius * 1.6, th.px(320), th.px(40)),
                       f"#{pid}  {centre.x():.0f}, {centre.y():.0f}")
        p.end()
