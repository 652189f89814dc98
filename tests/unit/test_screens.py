"""Which display the kiosk takes: by number, by name or part of one, the primary by default, and the primary
with a message when the wish cannot be met."""

from __future__ import annotations

import pytest

from kiosk.screens import ScreenInfo, choose_screen, describe_all

LEFT = ScreenInfo("DP-1", (0, 0, 1920, 1080))
RIGHT = ScreenInfo("HDMI-1", (1920, 0, 1080, 1920), primary=True)
THIRD = ScreenInfo("HDMI-2", (3000, 0, 1280, 1024))
SCREENS = [LEFT, RIGHT, THIRD]


@pytest.mark.parametrize(
    ("wanted", "index"),
    [(None, 1), ("", 1), ("  ", 1), ("primary", 1), ("1", 0), ("2", 1), ("3", 2), ("dp-1", 0), ("HDMI-2", 2),
     ("dp", 0), ("Hdmi-1", 1), (" 3 ", 2)],
)
def test_the_wish_is_met(wanted: str | None, index: int) -> None:
    choice = choose_screen(SCREENS, wanted)
    assert (choice.index, choice.message, choice.fell_back) == (index, None, False)


@pytest.mark.parametrize(
    ("wanted", "words"),
    [
        ("4", "screen 4 was asked for but there are 3 screens"),
        ("0", "screen 0 was asked for"),
        ("VGA-1", "no screen is called 'VGA-1' (connected: DP-1, HDMI-1, HDMI-2)"),
        ("hdmi", "'hdmi' matches several screens"),
        ("\u00b2", "no screen is called '\u00b2'"),  # a superscript two: a digit to str.isdigit, not to int()
        ("9" * 5000, "no screen is called '99999"),  # more digits than int() takes
        ("-1", "'-1' matches several screens"),  # DP-1 and HDMI-1
        ("\u5c4f\u5e55", "no screen is called '\u5c4f\u5e55'"),
    ],
)
def test_an_unmet_wish_falls_back_to_the_primary_and_says_so(wanted: str, words: str) -> None:
    choice = choose_screen(SCREENS, wanted)
    assert choice.index == 1 and choice.fell_back
    assert choice.message is not None and words in choice.message
    assert choice.message.endswith("showing on the primary screen HDMI-1")


def test_without_a_primary_the_first_screen_is_the_fallback() -> None:
    screens = [ScreenInfo("A", (0, 0, 800, 600)), ScreenInfo("B", (800, 0, 800, 600))]
    assert choose_screen(screens, None).index == 0
    assert choose_screen(screens, "9").index == 0
    assert "there are 2 screens" in (choose_screen(screens, "9").message or "")


def test_an_unplugged_screen_comes_back_to_its_place() -> None:
    assert choose_screen([LEFT, RIGHT], "HDMI-2").index == 1  # unplugged: the primary
    assert choose_screen(SCREENS, "HDMI-2").index == 2  # plugged in again: its own


def test_one_screen_and_none() -> None:
    assert "there is 1 screen;" in (choose_screen([LEFT], "2").message or "")
    with pytest.raises(ValueError):
        choose_screen([], None)


def test_the_list_for_staff() -> None:
    assert describe_all(SCREENS)[1] == "2: HDMI-1 1080×1920 at (1920, 0) (primary)"
