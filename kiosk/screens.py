"""Which display the kiosk takes on a PC with several: the rule, free of Qt.

The wish comes from `--screen N|NAME` on the command line, else from the staff setting `screen`; empty means
the primary screen. `N` counts from 1 in the order the system lists the screens (`kiosk --screen list` prints
them); `NAME` is the system's name for the output (`HDMI-1`, `DP-2`, `\\\\.\\DISPLAY2` …), matched without regard
to case, or a unique part of it (`hdmi`). A wish that no screen answers — the screen is unplugged, the number
too high, the name unknown or shared by several — falls back to the primary screen (the first listed when no
screen is primary) with a message saying so; the kiosk applies the rule again whenever screens come or go.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

PRIMARY = ""  # the setting's value for "the primary screen"


@dataclass(frozen=True)
class ScreenInfo:
    name: str
    geometry: tuple[int, int, int, int]  # x, y, width, height in the desktop's coordinates
    primary: bool = False

    def describe(self, number: int) -> str:
        x, y, w, h = self.geometry
        return f"{number}: {self.name} {w}×{h} at ({x}, {y}){' (primary)' if self.primary else ''}"


@dataclass(frozen=True)
class ScreenChoice:
    index: int  # into the list given to `choose_screen`
    message: str | None = None  # set when the wish could not be met (the fallback is in use)

    @property
    def fell_back(self) -> bool:
        return self.message is not None


def primary_index(screens: Sequence[ScreenInfo]) -> int:
    return next((i for i, s in enumerate(screens) if s.primary), 0)


def choose_screen(screens: Sequence[ScreenInfo], wanted: str | None) -> ScreenChoice:
    """The screen for `wanted` (N from 1, a name, a unique part of a name, or empty for the primary)."""
    if not screens:
        raise ValueError("no screens at all")
    fallback = primary_index(screens)
    wish = (wanted or "").strip()
    if not wish or wish.lower() == "primary":
        return ScreenChoice(fallback)
    where = f"showing on the primary screen {screens[fallback].name}"
    if wish.isascii() and wish.isdigit() and len(wish) <= 4:  # not "²", nor more digits than int() reads
        number = int(wish)
        if 1 <= number <= len(screens):
            return ScreenChoice(number - 1)
        count = "is 1 screen" if len(screens) == 1 else f"are {len(screens)} screens"
        return ScreenChoice(fallback, f"screen {number} was asked for but there {count}; {where}")
    folded = wish.casefold()
    exact = [i for i, s in enumerate(screens) if s.name.casefold() == folded]
    if exact:
        return ScreenChoice(exact[0])
    partial = [i for i, s in enumerate(screens) if folded in s.name.casefold()]
    if len(partial) == 1:
        return ScreenChoice(partial[0])
    names = ", ".join(s.name for s in screens)
    if partial:
        return ScreenChoice(fallback, f"screen {wish!r} matches several screens ({names}); {where}")
    return ScreenChoice(fallback, f"no screen is called {wish!r} (connected: {names}); {where}")


def describe_all(screens: Sequence[ScreenInfo]) -> list[str]:
    return [s.describe(i) for i, s in enumerate(screens, 1)]
