"""The horizontal, time-scaled track of the transport timeline: drag it with a finger or the mouse, fling it,
tap an event.

Positions come from the Qt-free `layout_track`, gestures from the shared recogniser (through `TouchInput`),
motion from the Qt-free `KineticScroller`; this widget only measures labels, reacts to intents and paints.
It accepts touches itself, so Qt synthesises no mouse events from them and a tap can never act twice. Labels are
rendered to pixmaps when they first come on screen and kept in a small cache (`LABEL_CACHE`), and only what is on screen
is drawn, so a frame while dragging costs a few blits and a timeline of hundreds of events holds no more pixmaps than
one of twenty.
"""

from __future__ import annotations

import logging
import math
from collections import OrderedDict

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from kiosk.content.schema import Lang
from kiosk.content.timeline import BANDS, Timeline
from kiosk.gestures import Axis
from kiosk.gestures.intents import Cancel, DoubleTap, DragEnd, DragMove, Fling, Intent, PinchStart, Press, Tap
from kiosk.gestures.kinetic import KineticScroller
from kiosk.layout.timeline_track import (
    Band,
    TrackItem,
    TrackLayout,
    TrackMetrics,
    layout_track,
    reveal_offset,
    shown_label_lefts,
)
from kiosk.ui import theme as t
from kiosk.ui.icons import icon
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import timeline_style as style
from kiosk.ui.widgets.timeline_labels import LabelPainter
from kiosk.ui.widgets.timeline_painting import paint_track
from kiosk.ui.widgets.touch_input import TOUCH_KINDS, TouchInput, real_mouse

log = logging.getLogger(__name__)

FRAME_MS = 16
LABEL_CACHE = 48  # rendered labels kept: several screens' worth at any size
FADE = 72  # the width of the fade at an edge with more track behind it
DIGITS = "0123456789"
STEM_GRIP = 12  # how far inside its label's box a stem meets it, at the least (type-scale pixels)
YEAR_FLOOR = 18  # the smallest the years on the ruler get (type-scale pixels)


class TimelineTrack(QWidget):
    event_chosen = Signal(str)  # an event was tapped
    background_tapped = Signal()  # a tap on no event

    def __init__(self, theme: Theme, timeline: Timeline, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme = theme
        self._timeline = timeline
        self.lang: Lang = "zh"
        p = theme.px
        self.metrics = TrackMetrics(
            px_per_year=p(250), break_width=p(340), start_pad=p(t.MARGIN), min_gap=p(120), band_gap=p(260),
            band_slot=p(240), label_inset=p(24), label_gap=p(24), stem=p(50), lane_gap=p(18),
        )
        self._labels = LabelPainter(theme, p(400 if not theme.portrait else 380), self.devicePixelRatioF())
        self._scroller = KineticScroller()
        self.touch_input = TouchInput(self, self._on_intent)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._step)
        self._last_step = 0.0
        self._caught_motion = False
        self._selected: str | None = None
        self._pressed: str | None = None
        self._reserved_right = 0
        self._layout = TrackLayout()
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()  # event id -> its rendered label, least recent first
        self._goal: QPixmap | None = None
        self._axis_y = 0.0
        self._natural_span = 0.0  # the labels' extent at their natural width: what the track asks for
        self._fitted_height = -1  # the height the labels were last fitted to
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(p(420))
        self.set_language("zh")

    # state --------------------------------------------------------------------------------------------

    def set_language(self, lang: Lang) -> None:
        self.lang = lang
        self._fitted_height = -1
        self._relayout()
        self.updateGeometry()

    def select(self, event_id: str | None) -> None:
        if event_id == self._selected:
            return
        changed = [i for i in (self._selected, event_id) if i is not None]
        self._selected = event_id
        for item in changed:
            self._render_label(item)
        self.update()

    @property
    def selected(self) -> str | None:
        return self._selected

    @property
    def offset(self) -> float:
        return self._scroller.offset

    @property
    def maximum(self) -> float:
        return self._scroller.maximum

    @property
    def moving(self) -> bool:
        return self._scroller.moving or self._scroller.dragging

    def set_reserved_right(self, width: int) -> None:
        """Part of the track on the right is covered (by the event card): keep the selection left of it, and
        draw nothing under it."""
        self._reserved_right = max(0, width)
        self._update_range()
        self.update()

    @property
    def reserved_right(self) -> int:
        return self._reserved_right

    def _update_range(self) -> None:
        # With part of the track covered, it may scroll further, so its last event can come out from under the card.
        self._scroller.set_range(self._layout.length - self.width() + self._reserved_right, self.width())

    def reset(self) -> None:
        self._timer.stop()
        self.touch_input.cancel()
        self._pressed = None
        self.select(None)
        self._scroller.scroll_to(0, animate=False)
        self.update()

    def scroll_to(self, offset: float, animate: bool = True) -> None:
        self._scroller.scroll_to(offset, animate)
        self._run() if animate else self.update()

    def ensure_visible(self, event_id: str, animate: bool = True) -> None:
        """Scroll just enough that the event's marker and label are in the uncovered part of the track, clear of
        its edge fades, and the goal at its end is not left cut at that part's edge (`reveal_offset`). A short
        way glides; a far one (an event opened from elsewhere than the track in view) jumps, rather than
        blurring across the history for a second while the card is already open."""
        item = self._layout.item(event_id)
        radius = self._theme.px(t.TOUCH_TARGET) / 2
        span = (min(item.left, item.x - radius), max(item.right, item.x + radius))
        goal = self.goal_rect()
        end = (goal.left() + self.offset, goal.right() + 1 + self.offset) if not goal.isNull() else None
        usable = self.width() - self._reserved_right
        target = reveal_offset(
            self.offset, span, usable, self._theme.px(FADE + 8), self._layout.length, end
        )
        if abs(target - self.offset) >= 0.5:
            self.scroll_to(target, animate and abs(target - self.offset) <= usable)

    # geometry (widget coordinates, for hit tests and tests) ------------------------------------------

    def marker_point(self, event_id: str) -> QPoint:
        return QPointF(self._layout.item(event_id).x - self.offset, self._axis_y).toPoint()

    def label_rect(self, event_id: str) -> QRect:
        """The label's box where it is drawn (slid out of an edge fade), or where it is laid out if not drawn."""
        item = self._layout.item(event_id)
        left = self.shown_label_lefts().get(event_id, item.left)
        return QRectF(left - self.offset, self._axis_y + item.top, item.width, item.height).toRect()

    def fade_widths(self) -> tuple[int, int]:
        """The widths of the fades at the left and right edges of the uncovered track (0 where none is drawn):
        a fade shows there is more track behind that edge."""
        fade = self._theme.px(FADE)
        usable = self.width() - self._reserved_right
        goal = self.goal_rect()  # the last thing drawn: past it the track is only its end margin
        if goal.isNull():
            right = fade if self.offset < self.maximum - 1 else 0
        else:  # narrowing as the goal comes in, gone once it is wholly in view (not faded beside the card)
            right = max(0, min(fade, goal.right() + 1 - usable))
        return (fade if self.offset > 1 else 0, right)

    def shown_label_lefts(self) -> dict[str, float]:
        """The labels drawn now and where (their left edges in track coordinates): none half in an edge fade."""
        usable = max(1, self.width() - self._reserved_right)
        return shown_label_lefts(
            self._layout.items, (self.offset, self.offset + usable), self.fade_widths(),
            self.metrics.label_gap, -self._theme.px(STEM_GRIP),  # the marker stays under the label: a straight stem
        )

    def band_name_left(self, band: Band, width: float) -> float | None:
        """Where a band's name starts (widget coordinates): at the band's start, or kept in view clear of the
        left fade while the band is, until the band's end pushes it out. None while it would sit in a fade: it
        comes and goes whole."""
        p = self._theme.px
        fade_left, fade_right = self.fade_widths()
        pinned = self.offset + fade_left + p(8 if self.offset > 1 else 22)
        left = min(max(band.x0 + p(22), pinned), band.x1 - width - p(22)) - self.offset
        clear = fade_left <= left and left + width <= self.width() - self._reserved_right - fade_right
        return left if clear else None

    def year_type(self) -> tuple[QFont, float]:
        """The font of the years on the ruler and their baseline (widget coordinates). The digits' ink is centred
        in the room under the ruler, from just below its ticks to the track's bottom edge: at the caption size
        where it fits, smaller where that room is shorter than the digits (accessible mode, large text), never
        below a readable floor. Placed by its ink, not by the font's line box, whose ascent (sized for CJK) is
        taller than the digits and pushed their bottoms out of the track."""
        p = self._theme.px
        top = self.ruler_y() + p(10) + p(4)
        room = self.height() - p(3) - top
        font = self._theme.font(t.CAPTION)
        ink = QFontMetricsF(font).tightBoundingRect(DIGITS)
        if ink.height() > room:
            font.setPixelSize(max(p(YEAR_FLOOR), math.floor(font.pixelSize() * room / ink.height())))
            ink = QFontMetricsF(font).tightBoundingRect(DIGITS)
        return font, top + max(0.0, room - ink.height()) / 2 - ink.top()

    def numbered_years(self) -> dict[int, QRect]:
        """The years numbered on the ruler now, with their numbers' boxes (widget coordinates: the width they
        advance, the height of their digits' ink): only those clear of the edge fades and of the card, the others
        keep just their tick."""
        font, baseline = self.year_type()
        metrics = QFontMetricsF(font)
        digits = metrics.tightBoundingRect(DIGITS)
        fade_left, fade_right = self.fade_widths()
        usable = self.width() - self._reserved_right
        out = {}
        for x, year in self._layout.ticks:
            width = metrics.horizontalAdvance(str(year))
            box = QRectF(x - self.offset - width / 2, baseline + digits.top(), width, digits.height()).toRect()
            if box.left() >= fade_left and box.right() < usable - fade_right:
                out[year] = box
        return out

    def year_ink_boxes(self) -> dict[int, QRect]:
        """The ink of each year numbered on the ruler now: its glyphs' tight box where it is drawn."""
        font, baseline = self.year_type()
        metrics = QFontMetricsF(font)
        numbered = self.numbered_years()
        return {
            year: metrics.tightBoundingRect(str(year)).translated(
                x - self.offset - metrics.horizontalAdvance(str(year)) / 2, baseline
            ).toAlignedRect()
            for x, year in self._layout.ticks if year in numbered
        }

    def stems(self) -> dict[str, tuple[QPointF, QPointF]]:
        """The stem of each label drawn now (widget coordinates): from its marker's ring straight up (or down) to
        the label's edge. A label slid out of an edge fade is drawn only while its marker is still under it, at
        least `STEM_GRIP` inside its box, so its stem stays vertical like all the others."""
        radius = self._theme.px(style.MARKER_RADIUS)
        grip = self._theme.px(STEM_GRIP)
        out = {}
        for event_id, label_left in self.shown_label_lefts().items():
            item = self._layout.item(event_id)
            edge = self._axis_y + (item.bottom if item.above else item.top)
            start = self._axis_y + (-radius if item.above else radius)
            foot = min(max(item.x, label_left + grip), label_left + item.width - grip)
            out[event_id] = (QPointF(item.x - self.offset, start), QPointF(foot - self.offset, edge))
        return out

    def shown_label_rects(self) -> dict[str, QRect]:
        """The boxes of the labels drawn now, in widget coordinates."""
        return {event_id: self.label_rect(event_id) for event_id in self.shown_label_lefts()}

    def goal_rect(self) -> QRect:
        """The goal's box at the end of the track."""
        if self._goal is None:
            return QRect()
        ratio = self._goal.devicePixelRatio()
        w, h = self._goal.width() / ratio, self._goal.height() / ratio
        left = self._layout.cap_x + self._theme.px(24) - self.offset
        return QRectF(left, self._axis_y - h / 2, w, h).toRect()

    def goal_lines(self) -> list[str]:
        """The lines of the goal's text as its box draws them."""
        return self._labels.goal_lines(self._timeline.goal.get(self.lang))

    def ruler_y(self) -> int:
        """Where the year ruler runs, along the bottom."""
        return self.height() - self._theme.px(44)

    def event_at(self, pos: QPointF) -> str | None:
        reach = self._theme.px(t.TOUCH_TARGET) / 2
        for item in self._layout.items:
            x = item.x - self.offset
            if (pos.x() - x) ** 2 + (pos.y() - self._axis_y) ** 2 <= reach**2:
                return item.id
        for event_id, rect in self.shown_label_rects().items():
            if rect.adjusted(-4, -4, 4, 4).contains(pos.toPoint()):
                return event_id
        return None

    def event_label_text(self, event_id: str) -> str:
        event = self._timeline.event(event_id)
        return f"{self._labels.time_text(event, self.lang)} {event.title.get(self.lang)}"

    def event_title_lines(self, event_id: str) -> list[str]:
        """The lines of the event's title as its label draws them."""
        return self._labels.title_lines(self._timeline.event(event_id), self.lang)

    # layout ---------------------------------------------------------------------------------------------

    def _relayout(self) -> None:
        """Lay the track out. Where its lanes do not fit between the band names and the year ruler (large text or
        accessible mode on a short track), the labels' text steps down towards its size without those modes
        (and, on a track shorter still, a little below), until the lanes fit: the card keeps the large text."""
        # English titles run longer: wider labels keep them to about three lines.
        widest = (380 if self._theme.portrait else 400) + (50 if self.lang == "en" else 0)
        self._labels.max_width = self._theme.px(widest)
        # Portrait: the card below is the reading area, so the track is kept short: a long title takes a wider
        # label (the screen is wide enough for it) rather than a fourth or fifth line that makes its lane tall.
        self._labels.stretch_to = self._theme.px(widest + (160 if self._theme.portrait else 0))
        room = self.height() - sum(self._rooms())
        full = self._theme.font_scale
        steps = [1.0] + [s / full for s in (1.3, 1.2, 1.1, 1.0, 0.9, 0.8) if s < full]
        # Portrait in large text: the track asks for the least height its lanes take at any of the steps down to
        # the labels' size without large text (a smaller size can lay out taller, as labels change lanes), and
        # the card under it, the reading, keeps the large text and all the height that leaves.
        compact = self._theme.portrait and self._theme.text_scale > 1.0
        if compact:
            spans = []
            for shrink in steps:
                if shrink * self._theme.text_scale < 1.0 - 1e-6:
                    break
                self._labels.refresh_fonts(shrink)
                layout = self._layout_at()
                spans.append(layout.bottom - layout.top)
            self._natural_span = min(spans)
        for index, shrink in enumerate(steps):
            self._labels.refresh_fonts(shrink)
            layout = self._layout_at()
            if index == 0 and not compact:
                self._natural_span = layout.bottom - layout.top
            if layout.bottom - layout.top <= room or self.height() <= 0:
                break
        self._layout = layout
        if self._layout.collisions:
            log.warning("timeline: %d labels found no free lane", self._layout.collisions)
        self._fitted_height = self.height()
        self._pixmaps.clear()  # rendered again as they come on screen, in the new language and sizes
        self._place()

    def _layout_at(self) -> TrackLayout:
        """The track's layout with the labels' widths as they are set now."""
        events = self._timeline.events
        sizes = {e.id: self._labels.event_size(e, self.lang) for e in events}
        flag = icon("mdi6.flag-checkered", self._timeline.accent)
        goal = self._timeline.goal.get(self.lang)
        self._goal = self._labels.goal_pixmap(tr("timeline_goal", self.lang), goal, flag, self._timeline.accent)
        goal_width = self._goal.width() / self._goal.devicePixelRatio()
        metrics = TrackMetrics(
            **{**self.metrics.__dict__, "end_cap": goal_width + self._theme.px(24), "end_pad": self._theme.px(t.MARGIN)}
        )
        items = [
            TrackItem(e.id, e.when.position if e.when else None, e.status, sizes[e.id].width(), sizes[e.id].height())
            for e in events
        ]
        return layout_track(items, metrics, BANDS)

    def _render_label(self, event_id: str) -> None:
        """The label's look changed (selected, pressed): drawn again when next painted."""
        self._pixmaps.pop(event_id, None)

    def label_pixmap(self, event_id: str) -> QPixmap:
        """The event's label as painted now, rendered on first use and kept while it is among the recent ones."""
        pixmap = self._pixmaps.get(event_id)
        if pixmap is not None:
            self._pixmaps.move_to_end(event_id)
            return pixmap
        event = self._timeline.event(event_id)
        pixmap = self._labels.event_pixmap(
            event, self.lang, selected=event_id == self._selected, pressed=event_id == self._pressed
        )
        self._pixmaps[event_id] = pixmap
        while len(self._pixmaps) > LABEL_CACHE:
            self._pixmaps.popitem(last=False)
        return pixmap

    def _rooms(self) -> tuple[int, int]:
        """Room above the labels (band names) and below them (the year ruler)."""
        return self._theme.px(48), self._theme.px(52)

    def needed_height(self) -> int:
        """The height the labels as laid out now need between the band names and the year ruler: more than the
        track has when even their smallest text does not fit."""
        return round(sum(self._rooms()) + self._layout.bottom - self._layout.top) + 1

    def sizeHint(self) -> QSize:
        top_room, bottom_room = self._rooms()
        # Portrait: no slack around the lanes, the card under the track (the reading) takes every pixel left.
        slack = self._theme.px(48 if not self._theme.portrait else 8)
        height = round(top_room + bottom_room + self._natural_span + slack)
        return QSize(self._theme.px(960), max(self.minimumHeight(), height))

    def _place(self) -> None:
        """Centre the labels' extent vertically between the band names on top and the year ruler below."""
        top_room, bottom_room = self._rooms()
        span = self._layout.bottom - self._layout.top
        free = self.height() - top_room - bottom_room - span
        self._axis_y = top_room + max(0.0, free / 2) - self._layout.top
        self._update_range()
        self.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.height() != self._fitted_height:
            self._relayout()  # keeps the offset: the scroller clamps it to the new length
        else:
            self._place()
        if self._selected is not None and not self.moving:
            self.ensure_visible(self._selected, animate=False)  # laid out anew: the chosen event stays in view

    # input ----------------------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() in TOUCH_KINDS:
            self.touch_input.touch(event)  # type: ignore[arg-type]  # a touch event kind: Qt hands it over as QEvent
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if real_mouse(event):
            self.touch_input.mouse(event)

    mouseMoveEvent = mouseReleaseEvent = mouseDoubleClickEvent = mousePressEvent

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.pixelDelta() if not event.pixelDelta().isNull() else event.angleDelta() / 2
        step = delta.x() if abs(delta.x()) > abs(delta.y()) else delta.y()
        self._scroller.scroll_to(self.offset - step, animate=False)
        self.update()
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
            return
        self.scroll_to(self.offset + step * self.width() * 0.5)

    def _on_intent(self, intent: Intent) -> None:
        if isinstance(intent, Press):
            self._caught_motion = self._scroller.moving  # a touch that stops a glide selects nothing
            self._timer.stop()
            self._scroller.grab()
            self._set_pressed(None if self._caught_motion else self.event_at(QPointF(*intent.pos)))
            return
        pressed = self._pressed
        if not isinstance(intent, DragMove):
            self._set_pressed(None)
        if isinstance(intent, DragMove) and intent.axis is Axis.HORIZONTAL:
            self._scroller.drag_by(-intent.delta[0])
            self.update()
        elif isinstance(intent, (Tap, DoubleTap)):  # the timeline has no double tap: a quick second tap is a tap
            self._scroller.release(0.0)
            hit = None if self._caught_motion else self.event_at(QPointF(*intent.pos))
            if hit is not None and hit == pressed:
                self.event_chosen.emit(hit)
            elif hit is None and not self._caught_motion:
                self.background_tapped.emit()
            self._run()
        elif isinstance(intent, Fling) and intent.axis is Axis.HORIZONTAL:
            self._scroller.release(-intent.velocity[0])
            self._run()
        elif isinstance(intent, (DragEnd, PinchStart, Cancel)):
            self._scroller.release(0.0)  # a Fling, if one follows, gives it its glide
            self._run()

    def _set_pressed(self, event_id: str | None) -> None:
        if event_id == self._pressed:
            return
        changed = [i for i in (self._pressed, event_id) if i is not None]
        self._pressed = event_id
        for item in changed:
            self._render_label(item)
        self.update()

    def _run(self) -> None:
        if self._scroller.moving and not self._timer.isActive():
            self._last_step = self.touch_input.now()
            self._timer.start()
        self.update()

    @Slot()
    def _step(self) -> None:
        now = self.touch_input.now()
        still = self._scroller.step(min(0.05, now - self._last_step))
        self._last_step = now
        if not still:
            self._timer.stop()
        self.update()

    def hideEvent(self, event) -> None:
        self._timer.stop()
        self._scroller.stop()
        super().hideEvent(event)

    # painting -------------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(t.BACKGROUND))
        paint_track(self, painter)
        painter.end()

    def painting_state(self) -> tuple[TrackLayout, float, float, QPixmap | None, str | None, str | None]:
        return self._layout, self.offset, self._axis_y, self._goal, self._selected, self._pressed

    @property
    def theme(self) -> Theme:
        return self._theme

    @property
    def timeline(self) -> Timeline:
        return self._timeline

