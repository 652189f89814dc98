"""The exhibition on show: the one place that holds it, and the one signal that it changed.

Everything that shows or uses the exhibition — the window's screens, the navigator's order of sections for
swipes, the attract show, the staff panel — reads it from a `ContentStore` when it needs it and subscribes to
its change. A staff reload, or the fall back to the last good exhibition after broken content, is one call:
`replace(exhibition, folder)`. Whoever is added later and holds the exhibition subscribes here and cannot miss
a reload.

`replace` tells every subscriber, in the order they subscribed, even when one fails; then it raises the first
failure, so the caller (`kiosk.app_content.ContentGuard`) can put the previous exhibition back — which tells
everyone again. Qt-free, so the rule is tested without a window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.content.schema import Exhibition

Subscriber = Callable[["Exhibition"], None]


class ContentStore:
    def __init__(self, exhibition: Exhibition, folder: Path):
        self._exhibition = exhibition
        self._folder = Path(folder)
        self._subscribers: list[Subscriber] = []
        self.version = 0  # counts replacements: a cache of anything built from the exhibition keys on it

    @property
    def exhibition(self) -> Exhibition:
        return self._exhibition

    @property
    def folder(self) -> Path:
        """The content folder the exhibition was read from (its photos are in `photos/` there)."""
        return self._folder

    def subscribe(self, subscriber: Subscriber) -> None:
        self._subscribers.append(subscriber)

    def unsubscribe(self, subscriber: Subscriber) -> None:
        if subscriber in self._subscribers:
            self._subscribers.remove(subscriber)

    def replace(self, exhibition: Exhibition, folder: Path) -> None:
        """Show `exhibition` (read from `folder`) from now on and tell every subscriber; raises the first
        subscriber's failure after all were told."""
        self._exhibition = exhibition
        self._folder = Path(folder)
        self.version += 1
        failures: list[Exception] = []
        for subscriber in list(self._subscribers):
            try:
                subscriber(exhibition)
            except Exception as exc:  # everyone hears of the change; the first failure is raised
                failures.append(exc)
        if failures:
            raise failures[0]
