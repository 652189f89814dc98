"""Where the gallery's headings and photo cards sit, as plain rectangles, so the gallery can build widgets only
for the few cards on screen however many photos the exhibition has.

The gallery is a column of groups (one per section): a heading, then a grid of cards, `columns` to a row.
Groups small enough share a row (a *shelf*): a section with two photos and one with one sit side by side at
four columns, each under its own heading, instead of leaving the rest of each row empty. A group with more
photos than a row holds takes whole rows of its own. A card is a picture of fixed aspect over its caption
area; every card of a row has the row's tallest caption area, so a row's pictures and captions line up.
Heading and caption heights are measured by the caller (they depend on fonts) and passed in as numbers, a
heading's as a function of the width it gets. Everything is in pixels from the top-left of the scroll content.

`columns_for` chooses how many columns a width holds at a comfortable card size.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
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
    heading_height: float | Callable[[float], float]  # or: its height at a given width
    bodies: Sequence[float]  # per card: the height of its caption area under the picture

    def heading_at(self, width: float) -> float:
        return self.heading_height(width) if callable(self.heading_height) else self.heading_height


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


def columns_for(width: float, smallest_card: float, gap: float, right_pad: float = 0, most: int = 6) -> int:
    """As many columns as `width` holds with every card at least `smallest_card` wide (1 to `most`)."""
    usable = width - right_pad
    return max(1, min(most, int((usable + gap) // (smallest_card + gap))))


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
    full_width = max(1, round(width - metrics.right_pad))
    headings: dict[int, Box] = {}
    cards: list[Box] = []
    pictures: list[int] = []
    y = 0.0
    shelf: list[tuple[int, int]] = []  # (group, first column) of the groups sharing the row being filled
    used = 0

    def gap_before() -> None:
        nonlocal y
        if headings:
            y += metrics.group_gap

    def place_shelf() -> None:
        nonlocal y, shelf, used
        if not shelf:
            return
        gap_before()
        band = 0.0
        for index, (g, col) in enumerate(shelf):
            n = len(groups[g].bodies)
            # over its own cards; the row's last heading may run on over the empty columns to the right edge
            last = index == len(shelf) - 1
            span_width = full_width - xs[col] if last else widths[col + n - 1] + xs[col + n - 1] - xs[col]
            height = groups[g].heading_at(span_width)
            headings[g] = Box(xs[col], round(y), span_width, round(height))
            band = max(band, height)
        y += band + metrics.group_gap
        height = picture + round(max(b for g, _ in shelf for b in groups[g].bodies))
        for g, col in shelf:
            for k in range(len(groups[g].bodies)):
                cards.append(Box(xs[col + k], round(y), widths[col + k], height))
                pictures.append(picture)
        y += height
        shelf, used = [], 0

    for g, group in enumerate(groups):
        bodies = list(group.bodies)
        if bodies and len(bodies) <= cols:
            if used + len(bodies) > cols:
                place_shelf()
            shelf.append((g, used))
            used += len(bodies)
            continue
        place_shelf()  # an empty group or one of whole rows: on its own
        gap_before()
        height = group.heading_at(full_width)
        headings[g] = Box(0, round(y), full_width, round(height))
        y += height
        if not bodies:
            continue
        y += metrics.group_gap
        for row_start in range(0, len(bodies), cols):
            if row_start:
                y += metrics.row_gap
            row = bodies[row_start : row_start + cols]
            row_height = picture + round(max(row))
            for c in range(len(row)):
                cards.append(Box(xs[c], round(y), widths[c], row_height))
                pictures.append(picture)
            y += row_height
    place_shelf()
    total = round(y + metrics.bottom_pad) if groups else 0
    return GalleryGrid(tuple(headings[g] for g in range(len(groups))), tuple(cards), tuple(pictures), total)
