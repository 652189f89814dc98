from __future__ import annotations

import gc

import pytest

from kiosk.app import Kiosk, build


@pytest.fixture
def make_kiosk(qtbot):
    """Build and show the real kiosk window at a given size; waits for its first painted frame.

    After the test every kiosk it built lets go of its decoded photos: a test process builds hundreds of
    kiosks, where the exhibition PC builds one per run."""
    built: list[Kiosk] = []

    def make(size=(1920, 1080), lang="zh", content=None, windowed=True) -> Kiosk:
        kiosk = build(content=content, size=size, lang=lang, windowed=windowed)
        built.append(kiosk)
        window = kiosk.window
        window.allow_close = True
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.first_frame, timeout=10_000):
            window.show()
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
