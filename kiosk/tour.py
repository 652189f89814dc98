"""A kiosk built and shown for a tour of its screens: the layout audit, `kiosk check --breaks` and
tools/screenshot.py each lay the real app out at a size and language and walk it (`kiosk.ui.layout_tour`).

The kiosk is shown without its warm-up (each screen is built on its visit) and with unattended mode held, so no
idle reset or slideshow starts in the middle of the tour; it is closed after. A content folder that fails its
check would be replaced by the bundled exhibition: touring that under the folder's name would report on the wrong
text, so it is refused instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.app import Kiosk, build
from kiosk.ui.layout_tour import settle


class Refused(Exception):
    """The content folder failed its check, so the kiosk would show another one."""


@contextmanager
def touring(content: Path | None, size: tuple[int, int], lang: str) -> Iterator[Kiosk]:
    """A kiosk showing `content` (default: the bundled exhibition) laid out for `size` in `lang`, for a tour."""
    kiosk = build(content=content, size=size, lang=lang)
    window = kiosk.window
    window.allow_close = True
    try:
        if content is not None and Path(kiosk.content_dir).resolve() != Path(content).resolve():
            raise Refused(f"{content} cannot be shown (`kiosk check --content {content}` says why)")
        window.warm_up = lambda routes: None  # type: ignore[method-assign]
        window.show()
        settle()
        if kiosk.unattended is not None:
            kiosk.unattended.stop()
        yield kiosk
    finally:
        kiosk.images.shutdown()
        window.close()
        window.deleteLater()
        settle()
