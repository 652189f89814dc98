"""Photos and memory as a visitor moves about: a screen's big photos are not kept once the visitor is back
home (the home screen shows none from the photo cache), while the small ones stay for a quick return; and a
decoded photo reaches the screen before it is written to the disk cache."""

from __future__ import annotations

from kiosk.navigation import Route
from kiosk.ui import image_provider

from . import touch
from .helpers import entered, open_tile


def test_going_home_lets_the_sections_big_photos_go(qtbot, kiosk, monkeypatch):
    section = open_tile(qtbot, kiosk, Route("section", "develop"))
    # The chip of the first topic with a photo scrolls the reading area to it, and it loads
    index = next(i for i, block in enumerate(section.body._blocks[: len(section.chips)]) if block.photos)
    touch.tap(section.chips[index])
    card = section.body._blocks[index].photos[0]
    qtbot.waitUntil(lambda: card.view.loaded, timeout=10_000)
    big = card.view.size()
    assert kiosk.images.best_cached(card._path) is not None  # kept while the visitor is on the section
    # Smaller than one section photo: what home keeps must be the small pictures alone
    monkeypatch.setattr(image_provider, "THUMBNAIL_BYTES", big.width() * big.height() * 4 // 2)
    entered(qtbot, kiosk, lambda: touch.tap(kiosk.window.bar.home_button))
    assert kiosk.navigator.current.screen == "home"
    assert kiosk.images.best_cached(card._path) is None
    assert kiosk.images.memory_bytes <= image_provider.THUMBNAIL_BYTES


def test_a_decoded_photo_is_shown_before_it_is_written_to_the_disk_cache(qtbot, tmp_path, monkeypatch):
    """Writing a big frame to the disk cache (22 MB at 4K) is for next time: the photo reaches the screen first."""
    import threading

    from PySide6.QtCore import QSize

    from kiosk.bench.photo import make_photo
    from kiosk.media import DiskCache

    photo = make_photo(tmp_path / "photo.jpg")
    writing = threading.Event()
    written = threading.Event()
    release = threading.Event()
    put = DiskCache.put

    def slow_put(self, key, frame) -> None:
        writing.set()
        release.wait(30)
        put(self, key, frame)
        written.set()

    monkeypatch.setattr(DiskCache, "put", slow_put)
    provider = image_provider.ImageProvider(disk_cache=DiskCache(tmp_path / "cache"))
    arrived = []
    try:
        provider.request(photo, QSize(960, 640), arrived.append)
        qtbot.waitUntil(lambda: bool(arrived), timeout=20_000)  # while the disk write is still held back
        assert arrived[0] is not None and not arrived[0].isNull()
        assert not written.is_set()
    finally:
        release.set()
        provider.wait_idle(30_000)
        provider.shutdown()
    assert writing.is_set() and written.is_set()  # and then it was stored, for next time
