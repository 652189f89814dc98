"""The content store: one place holds the exhibition on show, and every holder hears of a replacement."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.store import ContentStore


class Exhibit:  # any object stands in for an Exhibition: the store never looks inside
    def __init__(self, name: str):
        self.name = name


def test_subscribers_hear_of_every_replacement_in_order() -> None:
    first, second = Exhibit("first"), Exhibit("second")
    store = ContentStore(first, Path("/a"))  # type: ignore[arg-type]  # a stand-in exhibition
    heard: list[tuple[str, str]] = []
    store.subscribe(lambda ex: heard.append(("one", ex.name)))
    store.subscribe(lambda ex: heard.append(("two", ex.name)))
    store.replace(second, Path("/b"))  # type: ignore[arg-type]  # a stand-in exhibition
    assert heard == [("one", "second"), ("two", "second")]
    assert store.exhibition is second and store.folder == Path("/b") and store.version == 1


def test_a_failing_subscriber_does_not_stop_the_others_and_its_failure_is_raised() -> None:
    store = ContentStore(Exhibit("first"), Path("/a"))  # type: ignore[arg-type]  # a stand-in exhibition
    heard: list[str] = []

    def broken(ex: Exhibit) -> None:
        raise ValueError("cannot show it")

    store.subscribe(broken)
    store.subscribe(lambda ex: heard.append(ex.name))
    with pytest.raises(ValueError, match="cannot show it"):
        store.replace(Exhibit("second"), Path("/b"))  # type: ignore[arg-type]  # a stand-in exhibition
    assert heard == ["second"]


def test_an_unsubscribed_holder_hears_nothing() -> None:
    store = ContentStore(Exhibit("first"), Path("/a"))  # type: ignore[arg-type]  # a stand-in exhibition
    heard: list[str] = []
    listener = heard.append
    store.subscribe(lambda ex: listener(ex.name))
    store.unsubscribe(store._subscribers[0])
    store.replace(Exhibit("second"), Path("/b"))  # type: ignore[arg-type]  # a stand-in exhibition
    assert heard == []
