"""The map's kinds of line as a visitor reads them off the legend: each kind has its own pattern across the line,
not only its own width, and the map draws each kind with the very pens of its swatch."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.ui.widgets import map_style as style
from kiosk.ui.widgets.map_legend import LegendSample

from .test_map import open_map


def _swatch(screen, kind: str) -> QImage:
    for sample in screen.legend.findChildren(LegendSample):
        if sample._what == "kind" and sample._kind == kind:  # the swatch in the "lines and places" group
            return sample.grab().toImage()
    raise AssertionError(f"no legend swatch for {kind}")


def _bands(image: QImage, x: int) -> list[int]:
    """Across the line at column `x`, top to bottom: the width of each bright band (the line's colour against its
    dark casing and the ground)."""
    bands: list[int] = []
    run = 0
    for y in range(image.height()):
        bright = QColor(image.pixel(x, y)).lightness() > 150
        if bright:
            run += 1
        elif run:
            bands.append(run)
            run = 0
    if run:
        bands.append(run)
    return bands


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)])
def test_express_road_and_highway_differ_in_pattern_not_only_in_width(qtbot, make_kiosk, size):
    """快速公路 and 公路 (and 高速公路) read apart in the legend by what lies across the line: a highway is one bright
    band, an expressway two (split by a dark centre), an express road three (a core between two rails)."""
    kiosk = make_kiosk(size=size)
    screen = open_map(qtbot, kiosk)
    counts = {}
    for kind in ("expressway", "express_highway", "trunk_road", "road"):
        image = _swatch(screen, kind)
        counts[kind] = len(_bands(image, image.width() // 2))
    assert counts == {"expressway": 2, "express_highway": 3, "trunk_road": 1, "road": 1}, counts


def test_every_kind_of_line_has_its_own_pattern_whatever_its_width():
    """Ignoring widths, the pens of the expressway, the express road, the railway and the highway differ (the local
    road is the highway's thin sister, checked by width in test_map_finish), in every status."""
    px = lambda v: v  # noqa: E731 - reference pixels

    def pattern(kind: str, status: str) -> tuple:
        pens = style.line_pens(kind, status, px)
        return tuple((pen.color().name(), tuple(pen.dashPattern())) for pen in pens)

    for status in style.STATUS_ORDER:
        looks = {kind: pattern(kind, status) for kind in ("expressway", "express_highway", "railway", "trunk_road")}
        assert len(set(looks.values())) == len(looks), (status, looks)
