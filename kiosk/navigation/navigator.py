"""The navigation state machine, free of Qt so its rules are tested in milliseconds.

Screens are addressed by a `Route` (a screen name plus an optional argument such as a section id). The
navigator keeps the history for Back, knows the order of the sections for swipes, and tells listeners which
way the transition should move so the UI only animates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.content.schema import Exhibition

HOME = "home"
SECTION = "section"


class Direction(str, Enum):
    FORWARD = "forward"  # deeper in: the new screen slides in from the right
    BACKWARD = "backward"  # back out: the new screen slides in from the left
    FADE = "fade"  # a jump (home, reset): cross-fade


@dataclass(frozen=True)
class Route:
    screen: str
    arg: str | None = None

    @property
    def key(self) -> str:
        return self.screen if self.arg is None else f"{self.screen}/{self.arg}"


@dataclass(frozen=True)
class Transition:
    old: Route
    new: Route
    direction: Direction


Listener = Callable[[Transition], None]


class Navigator:
    """History of routes, with the section order for left/right swipes."""

    def __init__(self, section_ids: list[str], max_depth: int = 32):
        self._sections = list(section_ids)
        self._history: list[Route] = [Route(HOME)]
        self._max_depth = max_depth
        self._listeners: list[Listener] = []

    @property
    def current(self) -> Route:
        return self._history[-1]

    @property
    def can_go_back(self) -> bool:
        return len(self._history) > 1

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def follow(self, exhibition: Exhibition) -> None:
        """The content store's subscriber: a new exhibition brings its own sections."""
        self.set_sections([section.id for section in exhibition.sections])

    def set_sections(self, section_ids: list[str]) -> None:
        """New content: forget history that points at sections which no longer exist."""
        self._sections = list(section_ids)
        self._history = [r for r in self._history if r.screen != SECTION or r.arg in self._sections] or [Route(HOME)]

    def go(self, route: Route) -> Transition | None:
        if route == self.current:
            return None
        if route.screen == HOME:
            return self.home()
        old = self.current
        if route in self._history:  # a screen already in the trail: unwind to it instead of looping
            del self._history[self._history.index(route) + 1 :]
            return self._notify(Transition(old, route, Direction.BACKWARD))
        self._history.append(route)
        if len(self._history) > self._max_depth:
            del self._history[1:2]
        return self._notify(Transition(old, route, Direction.FORWARD))

    def back(self) -> Transition | None:
        if not self.can_go_back:
            return None
        old = self._history.pop()
        return self._notify(Transition(old, self.current, Direction.BACKWARD))

    def home(self) -> Transition | None:
        old = self.current
        self._history = [Route(HOME)]
        if old == self.current:
            return None
        return self._notify(Transition(old, self.current, Direction.FADE))

    def neighbour_section(self, step: int) -> Route | None:
        """The section `step` places away from the current one (no wrap-around), or None."""
        if self.current.screen != SECTION or self.current.arg not in self._sections:
            return None
        index = self._sections.index(self.current.arg) + step
        if 0 <= index < len(self._sections):
            return Route(SECTION, self._sections[index])
        return None

    def swipe(self, step: int) -> Transition | None:
        """Move to the neighbouring section, replacing the current one in the history (Back still leaves)."""
        target = self.neighbour_section(step)
        if target is None:
            return None
        old = self._history.pop()
        self._history.append(target)
        return self._notify(Transition(old, target, Direction.FORWARD if step > 0 else Direction.BACKWARD))

    # internals -----------------------------------------------------------------------------------------

    def _notify(self, transition: Transition) -> Transition:
        for listener in list(self._listeners):
            listener(transition)
        return transition
