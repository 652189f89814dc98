"""Zoom and pan of one photo in a viewport, as plain arithmetic: pinch about the fingers' centre, double-tap
to toggle, drag to pan, always clamped so the photo never leaves a gap it could fill.

Coordinates: the viewport is `vw`×`vh` with its origin top-left; at scale 1 the photo is fitted and centred
(`content` is that fitted size). A point `u` of the photo, measured from the photo's centre in fitted pixels,
is shown at `viewport centre + pan + scale·u`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

Point = tuple[float, float]

MIN_SCALE = 1.0
MAX_SCALE = 4.0
DOUBLE_TAP_SCALE = 2.5
PINCH_UNDERSHOOT = 0.6  # during a pinch the photo may shrink a little below fit; it springs back on release


@dataclass(frozen=True)
class View:
    scale: float = 1.0
    pan_x: float = 0.0
    pan_y: float = 0.0


def lerp(a: View, b: View, t: float) -> View:
    """In-between view for an animation, `t` from 0 (a) to 1 (b)."""
    return View(a.scale + (b.scale - a.scale) * t, a.pan_x + (b.pan_x - a.pan_x) * t, a.pan_y + (b.pan_y - a.pan_y) * t)


class Zoom:
    def __init__(self, viewport: Point = (1.0, 1.0), content: Point = (1.0, 1.0), max_scale: float = MAX_SCALE):
        self.viewport = viewport
        self.content = content
        self.max_scale = max_scale
        self.view = View()
        self._pinch: tuple[View, Point] | None = None  # view and fingers' centre at the start

    # geometry ----------------------------------------------------------------------------------------

    def set_geometry(self, viewport: Point, content: Point) -> None:
        self.viewport, self.content = viewport, content
        self.view = self.clamped(self.view)

    @property
    def zoomed(self) -> bool:
        return self.view.scale > MIN_SCALE + 0.01

    def image_rect(self, view: View | None = None) -> tuple[float, float, float, float]:
        """(x, y, width, height) of the photo on screen."""
        v = view or self.view
        w, h = self.content[0] * v.scale, self.content[1] * v.scale
        cx, cy = self.viewport[0] / 2 + v.pan_x, self.viewport[1] / 2 + v.pan_y
        return (cx - w / 2, cy - h / 2, w, h)

    def to_photo(self, point: Point, view: View | None = None) -> Point:
        """Screen point → photo point (from the photo's centre, in fitted pixels)."""
        v = view or self.view
        return (
            (point[0] - self.viewport[0] / 2 - v.pan_x) / v.scale,
            (point[1] - self.viewport[1] / 2 - v.pan_y) / v.scale,
        )

    def to_screen(self, u: Point, view: View | None = None) -> Point:
        v = view or self.view
        return (self.viewport[0] / 2 + v.pan_x + v.scale * u[0], self.viewport[1] / 2 + v.pan_y + v.scale * u[1])

    # clamping ----------------------------------------------------------------------------------------

    def clamped(self, view: View, min_scale: float = MIN_SCALE) -> View:
        """Scale within limits; pan so the photo covers the viewport along every axis where it is larger,
        and stays centred along an axis where it is smaller."""
        scale = min(self.max_scale, max(min_scale, view.scale))
        return View(scale, self._clamp_axis(view.pan_x, scale, 0), self._clamp_axis(view.pan_y, scale, 1))

    def _clamp_axis(self, pan: float, scale: float, axis: int) -> float:
        room = (self.content[axis] * scale - self.viewport[axis]) / 2
        if room <= 0:
            return 0.0
        return max(-room, min(room, pan))

    # gestures ----------------------------------------------------------------------------------------

    def zoom_about(self, focus: Point, factor: float, view: View | None = None) -> View:
        """The view scaled by `factor` keeping the photo point under `focus` where it is (then clamped)."""
        v = view or self.view
        u = self.to_photo(focus, v)
        scale = min(self.max_scale, max(MIN_SCALE, v.scale * factor))
        pan_x = focus[0] - self.viewport[0] / 2 - scale * u[0]
        pan_y = focus[1] - self.viewport[1] / 2 - scale * u[1]
        return self.clamped(View(scale, pan_x, pan_y))

    def pan_by(self, dx: float, dy: float) -> Point:
        """Move the zoomed photo with the finger; returns the part of the move the clamp refused."""
        wanted = replace(self.view, pan_x=self.view.pan_x + dx, pan_y=self.view.pan_y + dy)
        self.view = self.clamped(wanted)
        return (wanted.pan_x - self.view.pan_x, wanted.pan_y - self.view.pan_y)

    def pinch_begin(self, centre: Point) -> None:
        self._begin(centre)

    def _begin(self, centre: Point) -> tuple[View, Point]:
        self._pinch = (self.view, centre)
        return self._pinch

    def pinch_update(self, centre: Point, scale: float) -> View:
        """Scale by `scale` (the fingers' distance now over at the start, from the recogniser's PinchMove) about
        the starting centre, and follow the centre as it moves (two fingers can pan while they zoom)."""
        start, centre0 = self._pinch or self._begin(centre)
        u = self.to_photo(centre0, start)
        scale = min(self.max_scale, max(MIN_SCALE * PINCH_UNDERSHOOT, start.scale * scale))
        pan = (centre[0] - self.viewport[0] / 2 - scale * u[0], centre[1] - self.viewport[1] / 2 - scale * u[1])
        wanted = View(scale, *pan)
        self.view = self.clamped(wanted, min_scale=MIN_SCALE * PINCH_UNDERSHOOT)
        return self.view

    def pinch_end(self) -> View:
        """Where the view should settle after the fingers lift (animate there): back to fit if below it."""
        self._pinch = None
        return self.clamped(self.view)

    @property
    def pinching(self) -> bool:
        return self._pinch is not None

    def double_tap_target(self, at: Point) -> View:
        """Zoomed in: back to fit. At fit: zoom in about the tapped point."""
        if self.zoomed:
            return View()
        return self.zoom_about(at, DOUBLE_TAP_SCALE / self.view.scale)

    def reset(self) -> None:
        self._pinch = None
        self.view = View()

