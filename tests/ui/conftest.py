"""Fixtures for UI tests: the real kiosk window, and the clock its staff gesture counts its hold on."""

from __future__ import annotations

import gc

import pytest

from kiosk.app import Kiosk, build
from kiosk.ui import theme
from kiosk.ui.staff import entry_gesture

from . import background
from .helpers import HoldClock, skip_warm_up


@pytest.hookimpl(trylast=True)  # after -m / -k have deselected what will not run
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    background.collection_modifyitems(config, items)


def pytest_sessionfinish(session: pytest.Session) -> None:
    background.session_finish(session)


@pytest.fixture
def hold_clock(monkeypatch: pytest.MonkeyPatch) -> HoldClock:
    """Every staff-gesture hold in this test is counted on this clock: `hold_clock.advance(3000)` is three
    seconds of holding, at once and in a known order with the touches around it."""
    clock = HoldClock()
    monkeypatch.setattr(entry_gesture, "new_hold_timer", clock.make_timer)
    return clock


@pytest.fixture(scope="session")
def content_cache_dir(tmp_path_factory: pytest.TempPathFactory):
    return tmp_path_factory.mktemp("content-cache")


@pytest.fixture(autouse=True)
def shared_content_cache(content_cache_dir, monkeypatch: pytest.MonkeyPatch) -> None:
    """Validated content is remembered across the session's kiosks, as across an exhibition PC's restarts
    (`kiosk.content.cache`, keyed by the folder and every file in it): each folder is validated once, not at
    every one of some 250 kiosk builds. The cache's own tests use their own folders."""
    from kiosk import app_content
    from kiosk.content import cache

    def cached(folder, _per_user_dir):  # the signature of the function it stands for
        return cache.load_exhibition_cached(folder, content_cache_dir)

    monkeypatch.setattr(app_content, "load_exhibition_cached", cached)


# Screen changes in tests: long enough to be drawn in several frames, short enough that the ~300 screen changes
# of the suite do not add a minute and a half of watching cross-fades.
TEST_TRANSITION_MS = 60


@pytest.fixture
def make_kiosk(qtbot, hold_clock, monkeypatch: pytest.MonkeyPatch):
    """Build and show the real kiosk window at a given size; waits for its first painted frame.

    The exhibition PC builds every other screen after the first frame (`warm_up`); a test does so only if it
    asks (`warm=True`, and then waits until all are built): the others build each screen when it is first
    visited, which is what the product does for any screen not warmed yet. Screen changes take
    `TEST_TRANSITION_MS` unless a test asks for the product's (`transition_ms=theme.TRANSITION_MS`).

    After the test every kiosk it built lets go of its decoded photos: a test process builds hundreds of
    kiosks, where the exhibition PC builds one per run."""
    built: list[Kiosk] = []

    product_transition_ms = theme.TRANSITION_MS

    def make(size=(1920, 1080), lang="zh", content=None, windowed=True, warm=False, transition_ms=None) -> Kiosk:
        monkeypatch.setattr(theme, "TRANSITION_MS", transition_ms or TEST_TRANSITION_MS)
        kiosk = build(content=content, size=size, lang=lang, windowed=windowed)
        built.append(kiosk)
        window = kiosk.window
        window.allow_close = True
        if not warm:
            skip_warm_up(window)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.first_frame, timeout=10_000):
            window.show()
        if warm:
            qtbot.waitUntil(lambda: not window._pending_warmup, timeout=30_000)
        monkeypatch.setattr(theme, "TRANSITION_MS", product_transition_ms)  # for kiosks the test builds itself
        return kiosk

    yield make
    for kiosk in built:
        try:
            kiosk.images.clear()
            kiosk.images.shutdown()
        except RuntimeError:  # already deleted with its window
            pass
    built.clear()
    gc.collect()


@pytest.fixture
def kiosk(make_kiosk) -> Kiosk:
    return make_kiosk()
