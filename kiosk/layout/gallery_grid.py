"""Where the gallery's headings and photo cards sit, as plain rectangles, so the gallery can build widgets only
for the few cards on screen however many photos the exhibition has.

The gallery is a column of groups (one per section): a heading, then a grid of cards, `columns` to a row. A
card is a picture of fixed aspect over its caption area; every card of a row has the row's tallest caption
area, so a row's pictures and captions line up. Heading and caption heights are measured by the caller (they
depend on fonts) and passed in as numbers. Everything is in pixels from the top-left of the scroll content.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    width: int
    height: int

    @property
    def bottom(self) -> int:
        return self.y + self.height

    @property
    def right(self) -> int:
        return self.x + self.width


@dataclass(frozen=True)
class GridMetrics:
    columns: int
    column_gap: float  # between two cards of a row
    row_gap: float  # between two rows of a group
    group_gap: float  # between a heading and its grid, and between a grid and the next heading
    right_pad: float = 0  # kept free on the right (room for the scroll bar)
    bottom_pad: float = 0  # after the last row
    aspect: float = 1.5  # picture width / height


@dataclass(frozen=True)
class GroupSpec:
    heading_height: float
    bodies: Sequence[float]  # per card: the height of its caption area under the picture


@dataclass(frozen=True)
class GalleryGrid:
    headings: tuple[Box, ...]  # one per group
    cards: tuple[Box, ...]  # every card, in gallery order
    pictures: tuple[int, ...]  # per card: the height of its picture (the rest of its box is caption)
    height: int  # of the whole content
    # Filled in by __post_init__, for bisecting: the cards' tops and bottoms in order.
    _tops: list[float] = field(init=False, repr=False, compare=False)
    _bottoms: list[float] = field(init=False, repr=False, compare=False)

    def cards_between(self, top: float, bottom: float) -> range:
        """The indices of the cards that reach into the band `top`..`bottom` (cards are in reading order, so
        both their tops and their bottoms never decrease)."""
        first = bisect_right(self._bottoms, top)
        last = bisect_left(self._tops, bottom)
        return range(first, max(first, last))

    def __post_init__(self) -> None:
        object.__setattr__(self, "_tops", [c.y for c in self.cards])
        object.__setattr__(self, "_bottoms", [c.bottom for c in self.cards])


def card_width(width: float, metrics: GridMetrics) -> float:
    usable = width - metrics.right_pad - metrics.column_gap * (metrics.columns - 1)
    return max(1.0, usable / metrics.columns)


def layout_grid(groups: Sequence[GroupSpec], width: float, metrics: GridMetrics) -> GalleryGrid:
    """Place the headings and cards of `groups` in content `width` wide."""
    cols = max(1, metrics.columns)
    cw = card_width(width, metrics)
    picture = max(1, round(cw / metrics.aspect))
    xs = [round(c * (cw + metrics.column_gap)) for c in range(cols)]
    widths = [round(c * (cw + metrics.column_gap) + cw) - xs[c] for c in range(cols)]
    heading_width = max(1, round(width - metrics.right_pad))
    headings: list[Box] = []
    cards: list[Box] = []
    pictures: list[int] = []
    y = 0.0
    for n, group in enumerate(groups):
        if n:
            y += metrics.group_gap
        headings.append(Box(0, round(y), heading_width, round(group.heading_height)))
        y += group.heading_height
        bodies = list(group.bodies)
        if not bodies:
            continue
        y += metrics.group_gap
        for row_start in range(0, len(bodies), cols):
            if row_start:
                y += metrics.row_gap
            row = bodies[row_start : row_start + cols]
            height = picture + round(max(row))
            for c in range(len(row)):
                cards.append(Box(xs[c], round(y), widths[c], height))
                pictures.append(picture)
            y += height
    total = round(y + metrics.bottom_pad) if groups else 0
    return GalleryGrid(tuple(headings), tuple(cards), tuple(pictures), total)
