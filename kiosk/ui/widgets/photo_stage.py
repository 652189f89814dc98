"""The full-screen photo surface: a strip of photos that follows the finger and snaps to the next or previous
one, with pinch zoom about the fingers' centre, double-tap zoom, and panning while zoomed.

The rules live in `kiosk.gestures`: the recogniser turns touches and the mouse into intents (via
`TouchInput`), `ViewerGestures` turns those into strip (`Pager`) and zoom (`Zoom`) moves; this widget animates
and paints the result. It accepts touch itself (so no mouse events are synthesised and nothing acts twice).
Photos come from the `ImageProvider` at the stage's size (the current one first, its neighbours after), with
any smaller copy already in memory shown meanwhile; past 1.3× zoom a sharper copy at twice the size is
fetched for the current photo only. Only the current photo and its two neighbours are held, and nothing once
the stage is hidden.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEasingCurve, QEvent, QPointF, QRectF, QSize, Qt, QVariantAnimation, Signal, Slot
from PySide6.QtGui import QColor, QHideEvent, QMouseEvent, QPainter, QPaintEvent, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QWidget

from kiosk.gestures.intents import Intent
from kiosk.gestures.pager import Pager
from kiosk.gestures.viewer import Finish, Settle, ViewerGestures, ViewerMode, ZoomTo
from kiosk.gestures.zoom import View, Zoom, lerp
from kiosk.ui import theme as t
from kiosk.ui.image_provider import PRIORITY_PREFETCH, PRIORITY_VISIBLE, ImageProvider
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.photo_placeholder import paint_photo_placeholder
from kiosk.ui.widgets.touch_input import TOUCH_KINDS, TouchInput, real_mouse

DETAIL_FROM = 1.3  # zoom above which the sharper copy is worth its memory
SETTLE_MS = t.TRANSITION_MS


class PhotoStage(QWidget):
    index_changed = Signal(int)
    shown = Signal(str)  # the photo's path, once it was painted at display resolution
    zoom_changed = Signal(bool)

    def __init__(self, theme: Theme, provider: ImageProvider, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme = theme
        self._provider = provider
        self._paths: list[Path] = []
        self.gestures = ViewerGestures(Pager(0), Zoom())
        self.touch_input = TouchInput(self, self._on_intent)
        self.unavailable_text = ""
        self._display: dict[int, QPixmap | None] = {}  # index -> pixmap, None: cannot be shown
        self._detail: QPixmap | None = None
        self._detail_for: int | None = None
        self._requested_size = QSize()
        self._announced: int | None = None
        self._interacting = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self._page_anim = QVariantAnimation(self)
        self._page_anim.setDuration(SETTLE_MS)
        self._page_anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._page_anim.valueChanged.connect(self._page_anim_step)
        self._page_anim.finished.connect(self._page_anim_done)
        self._page_step = 0
        self._zoom_anim = QVariantAnimation(self)
        self._zoom_anim.setDuration(SETTLE_MS)
        self._zoom_anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._zoom_anim.setStartValue(0.0)
        self._zoom_anim.setEndValue(1.0)
        self._zoom_anim.valueChanged.connect(self._zoom_anim_step)
        self._zoom_anim.finished.connect(self._zoom_settled)
        self._zoom_from = View()
        self._zoom_to = View()

    # content ----------------------------------------------------------------------------------------

    def set_paths(self, paths: list[Path], index: int = 0) -> None:
        self._paths = list(paths)
        self.touch_input.refresh_dpi()
        flick = self.touch_input.recogniser.page_flick_speed
        self.gestures.pager = Pager(len(self._paths), index, page_width=max(1, self.width()), flick_velocity=flick)
        self._drop_all()
        self._after_index_change()

    @property
    def pager(self) -> Pager:
        return self.gestures.pager

    @property
    def zoom(self) -> Zoom:
        return self.gestures.zoom

    @property
    def index(self) -> int:
        return self.pager.index

    @property
    def count(self) -> int:
        return len(self._paths)

    @property
    def paths(self) -> list[Path]:
        return list(self._paths)

    def show_index(self, index: int) -> None:
        """Jump (no animation) to photo `index`."""
        self._finish_animations()
        self.pager.go(index)
        self._after_index_change()

    def step(self, step: int) -> bool:
        """Glide to the next (+1) or previous (-1) photo, as a flick would."""
        if not self.pager.can_step(step) or self._page_anim.state() == QVariantAnimation.State.Running:
            return False
        if self.zoom.zoomed:
            self.zoom.reset()
            self.zoom_changed.emit(False)
        self._settle_page(step)
        return True

    def reset(self) -> None:
        """Zoomed out, at rest, nothing held in memory (the next `show_index` loads again)."""
        self._finish_animations()
        self._cancel_gesture()
        self.zoom.reset()
        self.pager.offset = 0.0
        self._drop_all()
        self.update()

    def current_pixmap(self) -> QPixmap | None:
        return self._display.get(self.pager.index)

    def current_failed(self) -> bool:
        return self.pager.index in self._display and self._display[self.pager.index] is None

    # loading ----------------------------------------------------------------------------------------

    def _display_size(self) -> QSize:
        return QSize(max(1, self.width()), max(1, self.height()))

    def _load_window(self) -> None:
        if not self._paths or self.width() < 16 or self.height() < 16 or not self.isVisible():
            return
        size = self._display_size()
        if size != self._requested_size:
            self._requested_size = size
            self._display.clear()
        index = self.pager.index
        for i in list(self._display):
            if abs(i - index) > 1:
                del self._display[i]
        for i, priority in ((index, PRIORITY_VISIBLE), (index + 1, PRIORITY_PREFETCH), (index - 1, PRIORITY_PREFETCH)):
            if 0 <= i < len(self._paths) and i not in self._display:
                self._provider.request(
                    self._paths[i], size, lambda pm, i=i, s=size: self._arrived(i, s, pm), owner=self, priority=priority
                )

    def _arrived(self, index: int, size: QSize, pixmap: QPixmap | None) -> None:
        if size != self._requested_size or abs(index - self.pager.index) > 1:
            return
        self._display[index] = pixmap
        self._sync_zoom_geometry()
        self.update()

    def _request_detail(self) -> None:
        index = self.pager.index
        if self._detail_for == index or not self._paths or self.current_failed():
            return
        self._detail_for = index
        self._detail = None
        size = QSize(self.width() * 2, self.height() * 2)

        def arrived(pixmap: QPixmap | None, i: int = index) -> None:
            if self._detail_for == i and self.pager.index == i:
                self._detail = pixmap
                self.update()

        self._provider.request(self._paths[index], size, arrived, owner=self, keep=False)

    def _drop_all(self) -> None:
        self._provider.cancel(self)
        self._display.clear()
        self._detail = None
        self._detail_for = None
        self._requested_size = QSize()
        self._announced = None

    def _after_index_change(self) -> None:
        self._detail = None
        self._detail_for = None
        self._announced = None
        self.zoom.reset()
        self._load_window()
        self._sync_zoom_geometry()
        self.index_changed.emit(self.pager.index)
        self.update()

    # geometry ---------------------------------------------------------------------------------------

    def _fitted(self, pixmap: QPixmap | None) -> tuple[float, float]:
        w, h = float(self.width()), float(self.height())
        if pixmap is None or pixmap.isNull():
            return (w, h)
        scale = min(w / pixmap.width(), h / pixmap.height())
        return (pixmap.width() * scale, pixmap.height() * scale)

    def _picture_for(self, index: int) -> QPixmap | None:
        pixmap = self._display.get(index)
        if pixmap is None and index not in self._display and 0 <= index < len(self._paths):
            pixmap = self._provider.best_cached(self._paths[index])  # a smaller copy while the right one loads
        return pixmap

    def _sync_zoom_geometry(self) -> None:
        fitted = self._fitted(self._picture_for(self.pager.index))
        self.zoom.set_geometry((float(self.width()), float(self.height())), fitted)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.pager.page_width = max(1, self.width())
        self._sync_zoom_geometry()
        self._load_window()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._load_window()
        self._sync_zoom_geometry()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._finish_animations()
        self._cancel_gesture()
        self._drop_all()  # a hidden viewer holds no pixmaps

    # painting ---------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(t.BACKGROUND))
        if not self._paths:
            p.end()
            return
        smooth = not self._interacting
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
        index = self.pager.index
        for i in (index - 1, index, index + 1):
            if not 0 <= i < len(self._paths):
                continue
            x0 = (i - index) * self.pager.stride + self.pager.offset
            if x0 >= self.width() or x0 + self.width() <= 0:
                continue
            self._paint_page(p, i, x0)
        p.end()
        if index not in (self._announced,) and self._display.get(index) is not None:
            self._announced = index
            self.shown.emit(str(self._paths[index]))

    def _paint_page(self, p: QPainter, index: int, x0: float) -> None:
        pixmap = self._picture_for(index)
        failed = index in self._display and self._display[index] is None
        if index == self.pager.index:
            x, y, w, h = self.zoom.image_rect()
        else:
            w, h = self._fitted(pixmap)
            x, y = (self.width() - w) / 2, (self.height() - h) / 2
        target = QRectF(x0 + x, y, w, h)
        if failed or pixmap is None or pixmap.isNull():
            page = QRectF(x0, 0, self.width(), self.height())
            box = QRectF(0, 0, page.width() * 0.6, page.height() * 0.6)
            box.moveCenter(page.center())
            paint_photo_placeholder(p, box, self._theme, failed, self.unavailable_text)
            return
        if index == self.pager.index and self._detail is not None and self.zoom.view.scale > DETAIL_FROM:
            pixmap = self._detail
        if abs(target.width() - pixmap.width()) < 0.5 and abs(target.height() - pixmap.height()) < 0.5:
            p.drawPixmap(QPointF(round(target.x()), round(target.y())), pixmap)  # 1:1, a plain blit
        else:
            p.drawPixmap(target, pixmap, QRectF(pixmap.rect()))

    # touch and mouse: Qt events -> recogniser -> ViewerGestures -> animation -------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() in TOUCH_KINDS:
            self.touch_input.touch(event)  # type: ignore[arg-type]  # a touch event kind: Qt hands it over as QEvent
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if real_mouse(event):
            self.touch_input.mouse(event)
        event.accept()

    mouseMoveEvent = mouseReleaseEvent = mouseDoubleClickEvent = mousePressEvent

    def _on_intent(self, intent: Intent) -> None:
        reaction = self.gestures.handle(intent)
        self._interacting = self.gestures.interacting or self._zoom_anim.state() == QVariantAnimation.State.Running
        if isinstance(reaction, Finish):
            self.pager.flick_velocity = self.touch_input.recogniser.page_flick_speed
            self._finish_animations()
        elif isinstance(reaction, Settle):
            self._settle_page(reaction.step)
        elif isinstance(reaction, ZoomTo):
            self._animate_zoom(reaction.view)
        elif reaction is not None:
            self.update()

    def toggle_zoom(self, at: QPointF) -> None:
        self._animate_zoom(self.zoom.double_tap_target((at.x(), at.y())))

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self._finish_animations()
            self.zoom.view = self.zoom.zoom_about((event.position().x(), event.position().y()), 1.25**steps)
            self._zoom_settled()
        event.accept()

    # animation --------------------------------------------------------------------------------------

    def _settle_page(self, step: int) -> None:
        self._page_step = step
        self._page_anim.stop()
        self._page_anim.setStartValue(float(self.pager.offset))
        self._page_anim.setEndValue(float(self.pager.target_offset(step)))
        self._page_anim.start()

    @Slot(object)
    def _page_anim_step(self, value: object) -> None:
        self.pager.offset = float(value)  # type: ignore[arg-type]  # the animation's value is a float
        self.update()

    @Slot()
    def _page_anim_done(self) -> None:
        step, self._page_step = self._page_step, 0
        before = self.pager.index
        self.pager.commit(step)
        if self.pager.index != before:
            self._after_index_change()
        else:
            self.update()

    def _animate_zoom(self, target: View) -> None:
        self._zoom_anim.stop()
        self._zoom_from, self._zoom_to = self.zoom.view, target
        if self._zoom_from == target:
            self._zoom_settled()
            return
        self._interacting = True
        self._zoom_anim.start()

    @Slot(object)
    def _zoom_anim_step(self, value: object) -> None:
        self.zoom.view = lerp(self._zoom_from, self._zoom_to, float(value))  # type: ignore[arg-type]  # the animation's value is a float
        self.update()

    @Slot()
    def _zoom_settled(self) -> None:
        if self._zoom_anim.state() != QVariantAnimation.State.Running and self.gestures.mode is not ViewerMode.PINCH:
            self._interacting = False
        if self.zoom.view.scale > DETAIL_FROM:
            self._request_detail()
        self.zoom_changed.emit(self.zoom.zoomed)
        self.update()

    def _finish_animations(self) -> None:
        if self._page_anim.state() == QVariantAnimation.State.Running:
            self._page_anim.stop()
            self._page_anim_done()
        if self._zoom_anim.state() == QVariantAnimation.State.Running:
            self._zoom_anim.stop()
            self.zoom.view = self._zoom_to
            self._zoom_settled()

    def _cancel_gesture(self) -> None:
        self.touch_input.cancel()
        self.gestures.cancel()
        self._interacting = False
