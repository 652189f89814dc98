"""Kinetic scrolling after a fling: exponential decay of velocity, with a soft stop at the content's ends."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass
class Inertia:
    """Velocity in px/s decays by `friction` per second; stops below `min_speed`."""

    velocity: float = 0.0
    friction: float = 4.0  # e-folding rate per second: ~250 ms time constant, a calm glide
    min_speed: float = 20.0
    max_speed: float = 8000.0

    def start(self, velocity: float) -> None:
        self.velocity = max(-self.max_speed, min(self.max_speed, velocity))

    @property
    def moving(self) -> bool:
        return abs(self.velocity) >= self.min_speed

    def step(self, dt: float) -> float:
        """Advance `dt` seconds; returns the distance travelled in that time."""
        if not self.moving:
            self.velocity = 0.0
            return 0.0
        decay = math.exp(-self.friction * dt)
        distance = self.velocity * (1 - decay) / self.friction
        self.velocity *= decay
        return distance

    def stop(self) -> None:
        self.velocity = 0.0


def rubber_band(overshoot: float, extent: float, stiffness: float = 0.55) -> float:
    """Edge resistance: how far content moves when the finger drags `overshoot` px past its end."""
    if extent <= 0:
        return 0.0
    sign = 1 if overshoot >= 0 else -1
    x = abs(overshoot)
    return sign * (1 - 1 / (x * stiffness / extent + 1)) * extent
