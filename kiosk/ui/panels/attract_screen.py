"""The attract slideshow: the exhibition's photos with a slow pan and zoom, their captions, its key figures,
and a calmly breathing "触摸屏幕 开始参观 / Touch to explore" (no hint in signage mode, where touch does nothing).

A layer over the whole window, shown after the idle reset. Cheap enough to run all day: photos arrive decoded
off the GUI thread at just over screen size; a frame is one scaled blit plus pre-rendered caption and hint
pixmaps, at a low frame rate while a photo drifts; figure slides are pre-rendered once and only the hint is
repainted. A slide change cross-fades (or slides) from a snapshot of the last frame, never from live widgets.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QPoint, QRect, QRectF, QSize, QTimer, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.content.schema import Exhibition
from kiosk.modes.motion import breathe, crop, ken_burns
from kiosk.modes.playlist import AttractOptions, Playlist, Slide
from kiosk.ui import theme as t
from kiosk.ui.image_provider import ImageProvider
from kiosk.ui.panels.attract_painting import paint_caption, paint_figures, paint_hint
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.cover_overlay import CoverOverlay

log = logging.getLogger(__name__)

DRIFT_FRAME_MS = 80  # ~12 frames a second while a photo drifts: smooth at this speed, a few % of one core
FADE_FRAME_MS = 33  # during a change of slide
HINT_FRAME_MS = 120  # figure slides: only the hint breathes
CHANGE_MS = {"crossfade": 1200, "slide": 900, "none": 0}
MAGNIFY = 1.06 * 1.08  # photos are decoded this much larger than the screen: sharp even at full zoom

PhotoPath = Callable[[str], Path]


class AttractScreen(CoverOverlay):
    def __init__(self, theme: Theme, exhibition: Exhibition, photo_path: PhotoPath, images: ImageProvider,
                 parent: QWidget):
        super().__init__(parent)
        self._theme = theme
        self._exhibition = exhibition
        self._photo_path = photo_path
        self._images = images
        self._options = AttractOptions()
        self._playlist = Playlist(exhibition, self._options)
        self.transition = "crossfade"
        self.interval = 8.0
        self.signage = False
        self.slide: Slide | None = None
        self.shown = 0  # slides shown since start (the index that picks each slide's pan)
        self._pixmap: QPixmap | None = None  # the current photo
        self._layer = QPixmap()  # caption band (photo) or the whole figure slide, pre-rendered
        self._layer_at = QPoint()
        self._hint = QPixmap()
        self._hint_rect = QRect()
        self._from = QPixmap()  # snapshot being faded or slid away
        self._change_started = 0.0
        self._slide_started = 0.0
        self._pixmaps: dict[str, QPixmap | None] = {}  # current and next photo only
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._frame)
        self.hide()

    # configuration ----------------------------------------------------------------------------------

    def configure(self, options: AttractOptions, transition: str, interval: float, signage: bool) -> None:
        if options != self._options:
            self._options = options
            self._playlist = Playlist(self._exhibition, options)
        self.transition = transition if transition in CHANGE_MS else "crossfade"
        self.interval = interval
        if signage != self.signage:
            self.signage = signage
            self.update()

    def set_exhibition(self, exhibition: Exhibition) -> None:
        """New content (a reload by staff): the next slide comes from it."""
        self._exhibition = exhibition
        self._playlist = Playlist(exhibition, self._options)
        self._pixmaps.clear()

    @property
    def running(self) -> bool:
        return self.isVisible()

    # show -------------------------------------------------------------------------------------------

    def start(self, backdrop: QPixmap) -> None:
        """Cover the window and fade from `backdrop` (a picture of what was there, drawn scaled to the window) into
        the first slide."""
        self.shown = 0
        self._from = backdrop
        self.cover()
        self._render_hint()
        self._advance(keep_from=True)

    def next_slide(self) -> None:
        if self.isVisible():
            self._advance(keep_from=False)

    def stop(self) -> None:
        self._timer.stop()
        self.hide()
        self._from = QPixmap()
        self._layer = QPixmap()
        self._pixmap = None
        self._pixmaps.clear()

    def prefetch(self) -> None:
        """Start decoding the first photo before the show is needed (e.g. while "still there?" counts down)."""
        upcoming = self._playlist.peek()
        if upcoming is not None:
            self._request(upcoming)

    def _advance(self, keep_from: bool) -> None:
        if not keep_from:
            self._from = self._snapshot() if CHANGE_MS[self.transition] else QPixmap()
        slide = self._playlist.next()
        self.slide = slide
        self.shown += 1
        now = time.monotonic()
        self._change_started = now
        self._slide_started = now
        if slide is None:
            self._layer = QPixmap()
        elif slide.photo is not None:
            self._pixmap = self._pixmaps.get(slide.key)
            if slide.key not in self._pixmaps:
                self._request(slide)
            credit = self._exhibition.photo_credit(slide.photo)
            self._layer, self._layer_at = paint_caption(self._theme, self.size(), slide, self._hint_rect, credit)
        else:
            self._pixmap = None
            self._layer, self._layer_at = paint_figures(self._theme, self.size(), slide, self._exhibition)
        self._keep_only(slide)
        upcoming = self._playlist.peek()
        if upcoming is not None and upcoming.photo is not None:
            self._request(upcoming)
        self._timer.start(FADE_FRAME_MS if self._changing(now) else self._rest_interval())
        self.update()

    def _keep_only(self, current: Slide | None) -> None:
        keep = {current.key} if current else set()
        for key in [k for k in self._pixmaps if k not in keep]:
            del self._pixmaps[key]

    def _request(self, slide: Slide) -> None:
        if slide.photo is None or slide.key in self._pixmaps:
            return
        size = QSize(round(self.width() * MAGNIFY), round(self.height() * MAGNIFY))
        path = self._photo_path(slide.photo.file)
        self._images.request(path, size, lambda pm, key=slide.key: self._photo_ready(key, pm), owner=self, cover=True)

    def _photo_ready(self, key: str, pixmap: QPixmap | None) -> None:
        if not shiboken6.isValid(self):
            return
        self._pixmaps[key] = pixmap
        if self.slide is not None and self.slide.key == key:
            late = self._pixmap is None
            self._pixmap = pixmap
            if late:  # the drift starts when the photo appears, not before
                self._slide_started = time.monotonic()
            self.update()
        elif len(self._pixmaps) > 2:
            self._keep_only(self.slide)

    # frames -----------------------------------------------------------------------------------------

    def _changing(self, now: float) -> bool:
        return not self._from.isNull() and (now - self._change_started) * 1000 < max(1, CHANGE_MS[self.transition])

    def _rest_interval(self) -> int:
        return DRIFT_FRAME_MS if self.slide is not None and self.slide.photo is not None else HINT_FRAME_MS

    @Slot()
    def _frame(self) -> None:
        now = time.monotonic()
        if not self._from.isNull() and not self._changing(now):
            self._from = QPixmap()  # the change is over: drop the snapshot, slow down
            self._timer.start(self._rest_interval())
            self.update()
            return
        if self._changing(now) or (self.slide is not None and self.slide.photo is not None):
            self.update()
        elif not self.signage:
            self.update(self._hint_rect)

    def progress(self, now: float | None = None) -> float:
        """How far the current slide's drift has gone (0…1)."""
        now = time.monotonic() if now is None else now
        span = self.interval + CHANGE_MS[self.transition] / 1000
        return min(1.0, max(0.0, (now - self._slide_started) / span))

    def _paint_scene(self, p: QPainter, now: float) -> None:
        """The current slide without the hint and without any change in progress."""
        rect = self.rect()
        slide = self.slide
        if slide is not None and slide.photo is None and not self._layer.isNull():
            p.drawPixmap(0, 0, self._layer)
            return
        p.fillRect(rect, QColor(t.BACKGROUND))
        if self._pixmap is not None and not self._pixmap.isNull():
            framing = ken_burns(self.shown, self.progress(now))
            x, y, w, h = crop(framing, (rect.width(), rect.height()), (self._pixmap.width(), self._pixmap.height()))
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            p.drawPixmap(QRectF(rect), self._pixmap, QRectF(x, y, w, h))
        if not self._layer.isNull():
            p.drawPixmap(self._layer_at, self._layer)

    def _snapshot(self) -> QPixmap:
        shot = QPixmap(self.size())
        p = QPainter(shot)
        self._paint_scene(p, time.monotonic())
        p.end()
        return shot

    def paintEvent(self, event: QPaintEvent) -> None:
        now = time.monotonic()
        p = QPainter(self)
        p.setClipRect(event.rect())
        k = (now - self._change_started) * 1000 / max(1, CHANGE_MS[self.transition])
        k = 1.0 - (1.0 - min(1.0, max(0.0, k))) ** 3  # ease out
        changing = self._changing(now)
        if changing and self.transition == "slide":
            shift = round(self.width() * k)
            p.drawPixmap(QRect(-shift, 0, self.width(), self.height()), self._from)  # the backdrop may be smaller
            p.translate(self.width() - shift, 0)
            self._paint_scene(p, now)
            p.resetTransform()
        else:
            self._paint_scene(p, now)
            if changing:
                p.setOpacity(1.0 - k)
                p.drawPixmap(self.rect(), self._from)  # scaled if smaller (the window's picture at 4K)
                p.setOpacity(1.0)
        if not self.signage and not self._hint.isNull():
            p.setOpacity(breathe(now))
            p.drawPixmap(self._hint_rect.topLeft(), self._hint)
        p.end()

    def _render_hint(self) -> None:
        self._hint, self._hint_rect = paint_hint(self._theme, self.size())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self._render_hint()

    def hideEvent(self, event) -> None:
        self._timer.stop()
        super().hideEvent(event)
