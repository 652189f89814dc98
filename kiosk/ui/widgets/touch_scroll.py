"""Kinetic scrolling and sideways swipes for one finger or a mouse drag, on any widget and everything in it.

`TouchDragController` turns a widget's touches and real mouse drags, through the shared recogniser
(`TouchInput`), into: vertical scrolling that follows the finger and glides on a fling; a `swiped` signal for
a sideways swipe; and taps, which press the button under the finger.

How children are handled (one mechanism for touch and mouse alike): the controller watches the target *and
every widget inside it* (an event filter, added to new children as Qt polishes them), and a pointer event
belongs to the nearest widget, from where it landed upwards, that accepts touch — Qt's own rule for touch.
So a drag that starts on a photo card, a figure, a chip or a gallery card scrolls the page whether it comes
from a finger or a mouse, and the card is not opened; a tap still opens it. A nested surface that accepts
touch itself (the photo viewer's stage, another scroll area) keeps its own events, and so does a control
a mouse drags by design (a slider, a text field).
- Touch: children do not accept touch, so Qt delivers it to the target; the target accepts it, so Qt
  synthesises no mouse events and no tap can act twice. A tap is delivered by `button.click()`.
- Mouse: the press goes on to the child (a button shows it is down, a click clicks it the usual way); once
  the pointer moves past the slop the drag is the page's: the button is let go and sees no more moves.

Nested scrolling: a controller marked `outer` (accessible mode's band scroller, which holds a whole screen
taller than the band) shares the vertical drags of the controllers inside it, like a header that folds away:
- a drag that moves the content up (towards what lies below) moves the outer one first, until the screen's
  foot is in view, and then the inner one (an article, a card's text);
- a drag that moves the content down moves the inner one first, back to its start, and then the outer one,
  back to the screen's title;
- a surface with no scroll area of its own (a section page takes swipes only) hands the whole drag on;
- a fling glides the first of the two, in that order, that is not already at its end that way.
A finger that lands anywhere stops both. Horizontal swipes and the surfaces with gestures of their own (map,
timeline track, photo stage) are never passed on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from kiosk.gestures import Axis, Inertia, State
from kiosk.gestures.intents import Cancel, DoubleTap, DragMove, DragStart, Fling, Intent, PinchStart, Press, Swipe, Tap
from kiosk.ui.widgets.touch_input import MOUSE_KINDS, TOUCH_KINDS, TouchInput, real_mouse

FRAME_MS = 16
WATCH_KINDS = (QEvent.Type.ChildPolished, *TOUCH_KINDS, *MOUSE_KINDS)
OWN_MOUSE_DRAGS = (QAbstractSlider, QAbstractSpinBox, QLineEdit)  # a mouse drag on these means them, not the page


class TouchDragController(QObject):
    """Install on `target`; scrolls `scroll_area` (if given) vertically and reports horizontal swipes."""

    swiped = Signal(int)  # +1: finger moved right-to-left (next), -1: previous
    tapped = Signal(QPoint)  # a tap on no button, in target coordinates

    def __init__(self, target: QWidget, scroll_area: QAbstractScrollArea | None = None):
        super().__init__(target)
        self._target = target
        self._scroll = scroll_area
        self._inertia = Inertia()
        self._pressed: QAbstractButton | None = None  # the button a finger is on (shown down until it moves)
        self._grabbed: QWidget | None = None  # the child a real mouse pressed (Qt sends it the mouse until release)
        self._press_seen: tuple[int, QPointF] | None = None  # the last press (it comes by again on its way up)
        self._glide = QTimer(self)
        self._glide.setInterval(FRAME_MS)
        self._glide.timeout.connect(self._glide_step)
        self._last_step = 0.0
        self._outer: TouchDragController | None = None  # the outer controller, looked up as a finger lands
        self.outer = False  # takes over the vertical drags of the controllers inside it (see the module doc)
        target.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.touch_input = TouchInput(target, self._on_intent)
        self._watch(target)

    def stop(self) -> None:
        self._glide.stop()
        self._inertia.stop()
        self.touch_input.cancel()
        self._release_button()

    # nested scrolling -------------------------------------------------------------------------------

    def outer_controller(self) -> TouchDragController | None:
        """The nearest `outer` controller around this one's surface, if any."""
        widget = self._target.parentWidget()
        while widget is not None:
            for c in widget.findChildren(TouchDragController, options=Qt.FindChildOption.FindDirectChildrenOnly):
                if c.outer and c is not self:
                    return c
            widget = widget.parentWidget()
        return None

    def _chain(self, distance: float) -> list[TouchDragController]:
        """Who scrolls for a move of `distance` (content offset), in turn: see the module's doc."""
        outer = self._outer if self._outer is not None and self._outer._scroll is not None else None
        mine = [self] if self._scroll is not None else []
        if outer is None:
            return mine
        return [outer, *mine] if distance > 0 else [*mine, outer]

    def _fling(self, velocity: float) -> None:
        self._inertia.start(velocity)
        if self._inertia.moving:
            self._last_step = self.touch_input.now()
            self._glide.start()

    def _at_end(self, direction: float) -> bool:
        """Whether the scroll area cannot move further that way (or there is none)."""
        if self._scroll is None:
            return True
        bar = self._scroll.verticalScrollBar()
        return bar.value() >= bar.maximum() if direction > 0 else bar.value() <= bar.minimum()

    # event routing ----------------------------------------------------------------------------------

    def _watch(self, widget: QWidget) -> None:
        for w in (widget, *widget.findChildren(QWidget)):
            w.installEventFilter(self)

    def _owner(self, widget: QWidget | None) -> QWidget | None:
        """The surface a pointer event on `widget` belongs to: the nearest widget upwards that accepts touch
        (or that a mouse drags itself, like a slider or a text field)."""
        while widget is not None and not widget.testAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents):
            if isinstance(widget, OWN_MOUSE_DRAGS):
                return widget
            widget = widget.parentWidget()
        return widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in WATCH_KINDS:
            return False
        if kind == QEvent.Type.ChildPolished:  # a new card (or a moved one) is about to show: watch it too
            child = event.child()  # type: ignore[attr-defined]  # ChildPolished: Qt hands a QChildEvent over as QEvent
            if isinstance(child, QWidget):
                self._watch(child)
            return False
        if kind in TOUCH_KINDS:
            if watched is not self._target:
                return False
            self.touch_input.touch(event)  # type: ignore[arg-type]  # a touch event kind: Qt hands it over as QEvent
            return True
        return self._mouse(watched, event)  # type: ignore[arg-type]  # the remaining kinds are mouse events

    def _mouse(self, watched: QObject, event: QMouseEvent) -> bool:
        if not real_mouse(event) or not isinstance(watched, QWidget) or self._owner(watched) is not self._target:
            return False
        kind = event.type()
        pos = self._target.mapFromGlobal(event.globalPosition())
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            seen = (event.timestamp(), event.globalPosition())
            if seen != self._press_seen:  # (the same press, passed on to a parent, comes by again)
                self._press_seen = seen
                self._grabbed = watched
                self.touch_input.mouse(event, pos)
            return False  # the press reaches what was pressed
        if not self.touch_input.mouse_down:
            return False
        dragging = self.touch_input.recogniser.state is State.DRAGGING
        self.touch_input.mouse(event, pos)
        dragging = dragging or self.touch_input.recogniser.state is State.DRAGGING
        if kind == QEvent.Type.MouseButtonRelease:
            self._grabbed = None
        return dragging and kind == QEvent.Type.MouseMove  # a dragged child sees no moves (a button let go stays up)

    # intents ----------------------------------------------------------------------------------------

    def _on_intent(self, intent: Intent) -> None:
        if isinstance(intent, Press):
            self._glide.stop()
            self._inertia.stop()
            self._outer = self.outer_controller()
            if self._outer is not None:  # a finger on the page stops the band gliding under it too
                self._outer._glide.stop()
                self._outer._inertia.stop()
            if not self.touch_input.mouse_down:  # a finger: show the button down at once (the mouse's does itself)
                self._grabbed = None
                self._pressed = self._button_at(QPointF(*intent.pos))
                if self._pressed is not None:
                    self._pressed.setDown(True)
        elif isinstance(intent, DragStart):
            self._release_button()
            grabbed = self._grabbed
            while grabbed is not None and grabbed is not self._target and not isinstance(grabbed, QAbstractButton):
                grabbed = grabbed.parentWidget()
            if isinstance(grabbed, QAbstractButton):
                grabbed.setDown(False)  # the mouse's button is let go: its release clicks nothing
        elif isinstance(intent, DragMove):
            if intent.axis is Axis.VERTICAL:
                distance = -intent.delta[1]
                for controller in self._chain(distance):
                    distance -= controller._scroll_by(distance)
                    if not distance:
                        break
        elif isinstance(intent, (Tap, DoubleTap)):  # pages have no double tap: a quick second tap is a tap
            self._tap(QPointF(*intent.pos))
        elif isinstance(intent, Fling):
            if intent.axis is Axis.VERTICAL:
                velocity = -intent.velocity[1]
                for controller in self._chain(velocity):
                    if not controller._at_end(velocity):
                        controller._fling(velocity)
                        break
        elif isinstance(intent, Swipe):
            if intent.axis is Axis.HORIZONTAL:
                self.swiped.emit(intent.step)
        elif isinstance(intent, (PinchStart, Cancel)):
            self._release_button()

    def _tap(self, pos: QPointF) -> None:
        button = self._pressed
        self._release_button()
        from_mouse = self._grabbed is not None
        if button is None:
            button = self._button_at(pos)
            if button is None:
                self.tapped.emit(pos.toPoint())
                return
        if not from_mouse and button.isEnabled():
            button.click()  # a finger's tap; the mouse's click reaches the button the usual way

    @Slot()
    def _glide_step(self) -> None:
        now = self.touch_input.now()
        distance = self._inertia.step(now - self._last_step)
        self._last_step = now
        if not self._inertia.moving or not self._scroll_by(distance):
            self._glide.stop()
            self._inertia.stop()

    def _scroll_by(self, distance: float) -> float:
        """Scroll; returns how far it moved (0 when the content is already at its end in that direction)."""
        bar = self._scroll.verticalScrollBar()  # type: ignore[union-attr]  # only called once the scroll area is set
        before = bar.value()
        bar.setValue(round(before + distance))
        moved = bar.value() - before
        return distance if moved and moved == round(distance) else float(moved)

    def _button_at(self, pos: QPointF) -> QAbstractButton | None:
        widget = self._target.childAt(pos.toPoint())
        while widget is not None and widget is not self._target:
            if isinstance(widget, QAbstractButton):
                return widget
            widget = widget.parentWidget()
        return None

    def _release_button(self) -> None:
        if self._pressed is not None:
            self._pressed.setDown(False)
            self._pressed = None


class TouchScrollArea(QScrollArea):
    """A vertical scroll area that scrolls kinetically by finger or mouse drag and reports sideways swipes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.controller = TouchDragController(self.viewport(), self)
        self.swiped = self.controller.swiped

    def reset(self) -> None:
        self.controller.stop()
        self.verticalScrollBar().setValue(0)
