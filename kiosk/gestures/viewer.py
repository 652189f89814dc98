"""What the photo viewer does with each gesture, free of Qt: the recogniser's intents in, the strip (`Pager`)
and the zoom (`Zoom`) moved, and a `Reaction` out for the widget to animate.

At fit, a drag pages through the photos (the strip follows the finger; on release the pager picks the next,
the previous or the same photo by distance or flick speed). Zoomed in, a drag pans. Two fingers pinch about
their centre; a double tap toggles between fit and a closer look at the tapped point. The mode is a
`ViewerMode`, so the widget never guesses from strings what the finger is doing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kiosk.gestures.intents import (
    Cancel,
    DoubleTap,
    DragEnd,
    DragMove,
    DragStart,
    Intent,
    PinchEnd,
    PinchMove,
    PinchStart,
    Press,
)
from kiosk.gestures.pager import Pager
from kiosk.gestures.zoom import View, Zoom


class ViewerMode(str, Enum):
    IDLE = "idle"
    PAGE = "page"  # a drag at fit moves the strip
    PAN = "pan"  # a drag while zoomed moves the photo
    PINCH = "pinch"


@dataclass(frozen=True)
class Finish:
    """A finger landed: end any running animation where it was going."""


@dataclass(frozen=True)
class Redraw:
    """The strip or the zoom moved with the finger."""


@dataclass(frozen=True)
class Settle:
    """Glide the strip to `step` (+1 next, -1 previous, 0 back), then make it the rest position."""

    step: int


@dataclass(frozen=True)
class ZoomTo:
    view: View


Reaction = Finish | Redraw | Settle | ZoomTo


class ViewerGestures:
    def __init__(self, pager: Pager, zoom: Zoom):
        self.pager = pager
        self.zoom = zoom
        self.mode = ViewerMode.IDLE

    @property
    def interacting(self) -> bool:
        """A finger is moving something (the widget draws faster, less smoothly, meanwhile)."""
        return self.mode is not ViewerMode.IDLE

    def handle(self, intent: Intent) -> Reaction | None:
        if isinstance(intent, Press):
            return Finish()
        if isinstance(intent, DragStart):
            self.mode = ViewerMode.PAN if self.zoom.zoomed else ViewerMode.PAGE
            return None
        if isinstance(intent, DragMove):
            if self.mode is ViewerMode.PAGE:
                self.pager.drag(intent.total[0])
            elif self.mode is ViewerMode.PAN:
                self.zoom.pan_by(*intent.delta)
            return Redraw()
        if isinstance(intent, DragEnd):
            mode, self.mode = self.mode, ViewerMode.IDLE
            if mode is ViewerMode.PAGE and not intent.interrupted:
                return Settle(self.pager.release(intent.velocity[0]))
            return Redraw()
        if isinstance(intent, DoubleTap):
            return ZoomTo(self.zoom.double_tap_target(intent.pos))
        if isinstance(intent, PinchStart):
            self.pager.offset = 0.0  # a drag turned pinch: the strip snaps back under the photo being zoomed
            self.mode = ViewerMode.PINCH
            self.zoom.pinch_begin(intent.centre)
            return Redraw()
        if isinstance(intent, PinchMove) and self.mode is ViewerMode.PINCH:
            self.zoom.pinch_update(intent.centre, intent.scale)
            return Redraw()
        if isinstance(intent, PinchEnd) and self.mode is ViewerMode.PINCH:
            self.mode = ViewerMode.IDLE
            return ZoomTo(self.zoom.pinch_end())
        if isinstance(intent, Cancel):
            return self.cancel()
        return None

    def cancel(self) -> Redraw:
        """Undo what a finger had half done: the strip back in place, a pinch back within limits."""
        if self.mode is ViewerMode.PAGE:
            self.pager.offset = 0.0
        if self.mode is ViewerMode.PINCH:
            self.zoom.view = self.zoom.pinch_end()
        self.mode = ViewerMode.IDLE
        return Redraw()
