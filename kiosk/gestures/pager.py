"""Paging through photos with a finger: the strip follows the finger, resists past the first and last photo,
and on release settles on the next, the previous or the same photo by distance or flick speed."""

from __future__ import annotations

from kiosk.gestures.inertia import rubber_band

PAGE_GAP = 0.04  # space between neighbouring photos, as a share of the page width


class Pager:
    def __init__(
        self,
        count: int,
        index: int = 0,
        page_width: float = 1.0,
        distance_share: float = 0.22,
        flick_velocity: float = 650.0,
    ):
        self.count = max(0, count)
        self.index = min(max(0, index), max(0, self.count - 1))
        self.page_width = page_width
        self.distance_share = distance_share  # past this share of the width, a slow drag still turns the page
        self.flick_velocity = flick_velocity  # px/s: a quick short flick turns the page too
        self.offset = 0.0  # px: positive shows the previous photo coming in from the left

    @property
    def stride(self) -> float:
        """Distance between the left edges of neighbouring photos."""
        return self.page_width * (1 + PAGE_GAP)

    def can_step(self, step: int) -> bool:
        return 0 <= self.index + step < self.count

    def drag(self, dx: float) -> float:
        """The finger is `dx` px from where it went down: place the strip (with resistance at the ends)."""
        if (dx > 0 and not self.can_step(-1)) or (dx < 0 and not self.can_step(1)):
            self.offset = rubber_band(dx, self.page_width * 0.3)
        else:
            self.offset = max(-self.stride, min(self.stride, dx))
        return self.offset

    def release(self, velocity: float) -> int:
        """Finger lifted moving at `velocity` px/s: the step to settle on (+1 next, -1 previous, 0 stay)."""
        if velocity <= -self.flick_velocity:  # the last movement decides: a flick back cancels a long drag
            step = 1
        elif velocity >= self.flick_velocity:
            step = -1
        elif self.offset < -self.page_width * self.distance_share:
            step = 1
        elif self.offset > self.page_width * self.distance_share:
            step = -1
        else:
            step = 0
        return step if self.can_step(step) else 0

    def target_offset(self, step: int) -> float:
        """Where the strip must glide to for `step` (then `commit(step)` makes it the new rest position)."""
        return -step * self.stride

    def commit(self, step: int) -> int:
        if step and self.can_step(step):
            self.index += step
        self.offset = 0.0
        return self.index

    def go(self, index: int) -> None:
        self.index = min(max(0, index), max(0, self.count - 1))
        self.offset = 0.0
