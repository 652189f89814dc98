"""One scroll axis that a finger drags, flings and bounces off the ends of, free of Qt.

The widget feeds it finger movement and the release velocity (from the recogniser's `Fling`), calls `step(dt)`
once per frame while `moving`, and draws the content at `offset`. Past either end the content follows the
finger with growing resistance (`rubber_band`) and, once let go, settles back to the end; a fling glides out
with `Inertia` and is braked hard if it runs past an end. `scroll_to` eases to a target (e.g. to bring a tapped
item into view) with the same settle motion.
"""

from __future__ import annotations

import math

from kiosk.gestures.inertia import Inertia, rubber_band

STIFFNESS = 0.55  # the rubber band's, see `rubber_band`


def rubber_band_inverse(shown: float, extent: float, stiffness: float = STIFFNESS) -> float:
    """The finger overshoot that `rubber_band` shows as `shown` (used when a finger catches a bouncing edge)."""
    if extent <= 0:
        return 0.0
    sign = 1 if shown >= 0 else -1
    y = min(abs(shown), extent * 0.999)
    return sign * (1 / (1 - y / extent) - 1) * extent / stiffness


class KineticScroller:
    def __init__(self, friction: float = 3.2, settle_rate: float = 12.0, edge_friction: float = 24.0):
        self.offset = 0.0
        self.maximum = 0.0
        self.viewport = 1.0  # the visible length: how far the rubber band can ever stretch
        self.settle_rate = settle_rate  # 1/s: ~250 ms to come to rest at a target
        self.edge_friction = edge_friction
        self._inertia = Inertia(friction=friction)
        self._raw: float | None = None  # unclamped finger position while dragging
        self._target: float | None = None

    # range ---------------------------------------------------------------------------------------------

    def set_range(self, maximum: float, viewport: float) -> None:
        """Content can scroll from 0 to `maximum`; `viewport` is the visible length."""
        self.maximum = max(0.0, maximum)
        self.viewport = max(1.0, viewport)
        if self._raw is None and not self.moving:
            self.offset = self.clamp(self.offset)

    def clamp(self, value: float) -> float:
        return max(0.0, min(self.maximum, value))

    @property
    def overshoot(self) -> float:
        """How far the content is shown past an end (negative before the start)."""
        return self.offset - self.clamp(self.offset)

    # finger ----------------------------------------------------------------------------------------------

    @property
    def dragging(self) -> bool:
        return self._raw is not None

    def grab(self) -> None:
        """A finger lands: whatever was moving stops under it."""
        self._inertia.stop()
        self._target = None
        edge = self.clamp(self.offset)
        self._raw = edge + rubber_band_inverse(self.offset - edge, self.viewport)

    def drag_by(self, delta: float) -> None:
        """The content moves `delta` px along the axis (offset grows as the finger moves towards the start)."""
        if self._raw is None:
            self.grab()
        assert self._raw is not None
        self._raw += delta
        edge = self.clamp(self._raw)
        self.offset = edge + rubber_band(self._raw - edge, self.viewport, STIFFNESS)

    def release(self, velocity: float) -> None:
        """The finger lifts moving at `velocity` px/s (in offset direction): glide, or settle back inside."""
        self._raw = None
        if self.overshoot:
            self._target = self.clamp(self.offset)
            return
        self._inertia.start(velocity)

    # motion ----------------------------------------------------------------------------------------------

    def scroll_to(self, target: float, animate: bool = True) -> None:
        self._inertia.stop()
        self._raw = None
        target = self.clamp(target)
        if animate:
            self._target = target
        else:
            self._target = None
            self.offset = target

    def stop(self) -> None:
        self._inertia.stop()
        self._target = None
        self._raw = None
        self.offset = self.clamp(self.offset)

    @property
    def moving(self) -> bool:
        return self._target is not None or self._inertia.moving

    def step(self, dt: float) -> bool:
        """Advance the motion by `dt` seconds; returns whether it is still moving."""
        if self._raw is not None:
            return False
        if self._target is not None:
            self.offset += (self._target - self.offset) * (1 - math.exp(-self.settle_rate * dt))
            if abs(self._target - self.offset) < 0.5:
                self.offset, self._target = self._target, None
            return self.moving
        if not self._inertia.moving:
            return False
        self.offset += self._inertia.step(dt)
        if self.overshoot:
            # Past an end: brake hard, and never stretch further than the rubber band would for a finger.
            self._inertia.velocity *= math.exp(-self.edge_friction * dt)
            limit = rubber_band(self.viewport, self.viewport, STIFFNESS) * 0.5
            if abs(self.overshoot) > limit:
                edge = self.clamp(self.offset)
                self.offset = edge + math.copysign(limit, self.overshoot)
                self._inertia.stop()
            if not self._inertia.moving:
                self._inertia.stop()
                self._target = self.clamp(self.offset)
        return self.moving
