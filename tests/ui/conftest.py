from __future__ import annotations

import pytest

from kiosk.app import Kiosk, build


@pytest.fixture
def make_kiosk(qtbot):
    """Build and show the real kiosk window at a given size; waits for its first painted frame."""

    def make(size=(1920, 1080), lang="zh", content=None, windowed=True) -> Kiosk:
        kiosk = build(content=content, size=size, lang=lang, windowed=windowed)
        window = kiosk.window
        window.allow_close = True
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.first_frame, timeout=10_000):
            window.show()
        return kiosk

    return make


@pytest.fixture
def kiosk(make_kiosk) -> Kiosk:
    return make_kiosk()
