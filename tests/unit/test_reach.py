"""The reach band: which rows of a wall-mounted screen a seated visitor or a child can reach (0.4–1.2 m)."""

from __future__ import annotations

import pytest

from kiosk.layout.reach import glass_size_mm, physical_size_mm, pixel_pitch_mm, reach_band

LANDSCAPE_55 = physical_size_mm(55, 1920, 1080)
PORTRAIT_55 = physical_size_mm(55, 1080, 1920)


def test_a_55_inch_screen_has_its_physical_size():
    width, height = LANDSCAPE_55
    assert width == pytest.approx(1217.7, abs=0.5) and height == pytest.approx(684.9, abs=0.5)
    assert pixel_pitch_mm(1920, 1080, *LANDSCAPE_55) == pytest.approx(0.634, abs=0.001)


def test_55_inch_landscape_at_0_9_m_reaches_its_lowest_473_rows():
    band = reach_band((1920, 1080), LANDSCAPE_55, 900)
    assert (band.top, band.bottom, band.width) == (607, 1080, 1920)
    assert band.height == 473  # 0.9 … 1.2 m: 300 mm of a 685 mm tall picture
    assert band.low_mm == pytest.approx(900) and band.high_mm == pytest.approx(1200, abs=1)
    assert band.high_mm <= 1200
    assert not band.whole and not band.widened


def test_55_inch_portrait_at_0_9_m_reaches_the_same_physical_band():
    band = reach_band((1080, 1920), PORTRAIT_55, 900)
    assert (band.top, band.bottom, band.width) == (1447, 1920, 1080)
    assert band.high_mm <= 1200 and band.low_mm == pytest.approx(900)


def test_a_screen_hung_lower_is_reached_higher_up_but_never_above_1_2_m():
    band = reach_band((1920, 1080), LANDSCAPE_55, 600)
    assert band.bottom == 1080 and band.high_mm <= 1200
    assert band.height == pytest.approx(600 / 0.6342, abs=1)


def test_a_screen_entirely_in_reach_is_all_band():
    small = physical_size_mm(32, 1920, 1080)  # 398 mm tall, hung at 0.6 m: 0.6 … 1.0 m
    band = reach_band((1920, 1080), small, 600)
    assert band.whole and (band.top, band.height) == (0, 1080)


def test_a_screen_entirely_above_reach_uses_its_lowest_rows_at_the_minimum_height():
    band = reach_band((1920, 1080), LANDSCAPE_55, 1300)
    assert band.widened and band.bottom == 1080
    assert band.height == 432  # 40 % of the short side: the bar and a usable screen
    assert band.low_mm == pytest.approx(1300)


def test_a_band_thinner_than_the_minimum_is_widened_around_the_part_in_reach():
    band = reach_band((1920, 1080), LANDSCAPE_55, 1100)  # only 1.1 … 1.2 m in reach: 158 rows
    assert band.widened and band.height == 432 and band.bottom == 1080


def test_a_screen_below_reach_uses_its_highest_rows():
    band = reach_band((1920, 1080), physical_size_mm(32, 1920, 1080), 0)  # a floor-standing 32": 0 … 0.4 m
    assert band.widened and band.top == 0 and band.height == 432


def test_the_minimum_can_be_set_and_never_exceeds_the_screen():
    assert reach_band((1920, 1080), LANDSCAPE_55, 1300, min_height_px=600).height == 600
    assert reach_band((800, 200), (400, 100), 2000).height == 80
    assert reach_band((1920, 1080), LANDSCAPE_55, 1300, min_height_px=5000).height == 1080


def test_a_screen_needs_a_size():
    with pytest.raises(ValueError):
        reach_band((0, 1080), LANDSCAPE_55, 900)


def test_the_glass_size_comes_from_the_staff_diagonal_else_the_screen_else_55_inches():
    assert glass_size_mm((1920, 1080), (1920, 1080), (1210, 680), diagonal=65) == physical_size_mm(65, 1920, 1080)
    assert glass_size_mm((1920, 1080), (3840, 2160), (1210, 680)) == pytest.approx((605, 340))  # a window on half
    assert glass_size_mm((1920, 1080), (1920, 1080), (0, 0)) == physical_size_mm(55, 1920, 1080)  # Xvfb: no size
