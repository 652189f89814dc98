"""The gallery's layout as geometry: headings over grids, rows that line up, nothing overlapping, and a quick
answer to "which cards are in this band of the scroll" however many photos there are."""

from __future__ import annotations

import itertools

import pytest

from kiosk.layout.gallery_grid import Box, GridMetrics, GroupSpec, columns_for, layout_grid

LANDSCAPE = GridMetrics(columns=3, column_gap=36, row_gap=36, group_gap=24, right_pad=24, bottom_pad=64)
PORTRAIT = GridMetrics(columns=2, column_gap=36, row_gap=36, group_gap=24, right_pad=24, bottom_pad=64)


def overlap(a: Box, b: Box) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def test_cards_fill_the_width_in_columns_under_their_heading():
    grid = layout_grid([GroupSpec(60, [40] * 5)], 1800, LANDSCAPE)
    (heading,) = grid.headings
    assert heading == Box(0, 0, 1776, 60)
    assert [c.x for c in grid.cards] == [0, 604, 1208, 0, 604]
    assert all(c.width == 568 for c in grid.cards)
    assert grid.cards[2].right == 1776  # the last column ends where the scroll bar's room begins
    assert grid.pictures[0] == 379  # 3:2
    assert grid.cards[0].y == 60 + 24  # the heading, then the group gap
    assert grid.cards[3].y == grid.cards[0].bottom + 36
    assert grid.height == grid.cards[-1].bottom + 64


def test_a_row_takes_its_tallest_caption_so_pictures_and_captions_line_up():
    grid = layout_grid([GroupSpec(50, [30, 70, 30, 30])], 1000, PORTRAIT)
    first, second, third, _ = grid.cards
    assert first.height == second.height == grid.pictures[0] + 70
    assert third.height == grid.pictures[2] + 30


def test_groups_follow_one_another_and_nothing_overlaps():
    groups = [GroupSpec(60, [40] * 7), GroupSpec(110, [70] * 2), GroupSpec(60, []), GroupSpec(60, [40] * 4)]
    for metrics, width in ((LANDSCAPE, 1792), (PORTRAIT, 952), (LANDSCAPE, 1237)):
        grid = layout_grid(groups, width, metrics)
        assert len(grid.cards) == 13 and len(grid.headings) == 4
        boxes = list(grid.headings) + list(grid.cards)
        assert not [(a, b) for a, b in itertools.combinations(boxes, 2) if overlap(a, b)]
        assert all(box.right <= width - metrics.right_pad for box in boxes)
        assert grid.headings[1].y == grid.cards[6].bottom + metrics.group_gap
        assert grid.cards[7].y == grid.headings[1].bottom + metrics.group_gap
        assert grid.headings[3].y == grid.headings[2].bottom + metrics.group_gap  # an empty group: heading only
        assert grid.height == max(box.bottom for box in boxes) + metrics.bottom_pad


def test_cards_between_finds_exactly_the_cards_in_a_band():
    grid = layout_grid([GroupSpec(60, [40] * 20), GroupSpec(60, [40] * 31)], 1800, LANDSCAPE)
    for top in range(-500, grid.height + 500, 97):
        bottom = top + 700
        expected = [i for i, c in enumerate(grid.cards) if c.bottom > top and c.y < bottom]
        assert list(grid.cards_between(top, bottom)) == expected
    assert list(grid.cards_between(grid.height, grid.height + 1000)) == []


def test_five_thousand_photos_lay_out_and_a_band_holds_only_its_own_cards():
    """How fast this is belongs to `kiosk bench` (gallery scale), not to a timed assertion here."""
    groups = [GroupSpec(60, [40 + (i % 2) * 30] * 500) for i in range(10)]
    grid = layout_grid(groups, 1792, LANDSCAPE)
    band = grid.cards_between(40_000, 41_000)
    assert len(grid.cards) == 5000 and 3 <= len(band) <= 12
    assert all(grid.cards[i].y < 41_000 and grid.cards[i].bottom > 40_000 for i in band)


def test_no_photos_no_height():
    assert layout_grid([], 1000, LANDSCAPE).height == 0


def test_small_groups_share_a_row_each_under_its_own_heading():
    """The shipped gallery: sections of 2, 2, 1, 1, 1 photos. At four columns the first two share a row and the
    last three another, so no row leaves a third of the screen empty."""
    four = GridMetrics(columns=4, column_gap=36, row_gap=36, group_gap=24, right_pad=24, bottom_pad=64)
    groups = [GroupSpec(lambda w: 60 if w > 600 else 110, [40] * n) for n in (2, 2, 1, 1, 1)]
    grid = layout_grid(groups, 1800, four)
    rows = sorted({card.y for card in grid.cards})
    assert len(rows) == 2
    assert [card.x for card in grid.cards[:4]] == [grid.cards[i].x for i in range(4)]
    assert grid.cards[3].right == max(card.right for card in grid.cards)  # the first row is full
    assert grid.headings[1].x == grid.cards[2].x and grid.headings[1].y == grid.headings[0].y
    assert grid.headings[2].width < 600 and grid.headings[2].height == 110  # a narrow heading wraps: taller
    assert grid.cards[4].y == grid.headings[2].y + 110 + four.group_gap  # under the row's tallest heading
    boxes = list(grid.headings) + list(grid.cards)
    assert not [(a, b) for a, b in itertools.combinations(boxes, 2) if overlap(a, b)]


@pytest.mark.parametrize(
    ("width", "expected"),
    [(1800, 4), (1238, 4), (3640, 4), (952, 2), (700, 1)],
)
def test_columns_follow_the_width_at_a_comfortable_card_size(width, expected):
    scale = 3640 / 1800 if width == 3640 else (1238 / 1800 if width == 1238 else 1)
    assert columns_for(width, 400 * scale, 36 * scale, 24 * scale) == expected


def test_the_last_heading_of_a_row_may_run_on_over_the_empty_columns():
    four = GridMetrics(columns=4, column_gap=36, row_gap=36, group_gap=24, right_pad=24, bottom_pad=64)
    grid = layout_grid([GroupSpec(60, [40] * 2), GroupSpec(60, [40])], 1800, four)
    assert grid.headings[1].x == grid.cards[2].x and grid.headings[1].right == 1800 - four.right_pad
    assert grid.headings[0].right <= grid.cards[1].right
