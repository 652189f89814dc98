"""The screens beyond home, the foreword and the sections: the timeline, the map, the gallery and the photo
viewer. Each registers its home tile (made from the content alone) and a `lazy` builder, so none of their
modules is imported before the first frame: they load while the window warms up, one per event-loop turn.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.content.schema import Exhibition, Text
from kiosk.navigation import Route
from kiosk.ui import theme as t
from kiosk.ui.registry import Destination, ScreenRegistry, lazy
from kiosk.ui.strings import tr

GALLERY_ICON = "mdi6.image-multiple-outline"


def register_features(registry: ScreenRegistry) -> None:
    """In home-tile order: timeline, map, then the gallery after them; the viewer has no tile."""
    registry.register("timeline", lazy("kiosk.ui.panels.timeline_screen"), tiles=_timeline_tiles)
    registry.register("map", lazy("kiosk.ui.panels.map_screen"), tiles=_map_tiles)
    registry.register("gallery", lazy("kiosk.ui.panels.gallery_screen"), tiles=_gallery_tiles)
    registry.register("photo", lazy("kiosk.ui.panels.photo_screen"), routes=_no_routes, one_screen=True)


def _timeline_tiles(exhibition: Exhibition) -> list[Destination]:
    timeline = exhibition.timeline
    if timeline is None:
        return []
    return [Destination(Route("timeline"), timeline.title, timeline.subtitle, timeline.accent, timeline.icon)]


def _map_tiles(exhibition: Exhibition) -> list[Destination]:
    map_ = exhibition.map
    if map_ is None:
        return []
    return [Destination(Route("map"), map_.title, map_.subtitle, map_.accent, map_.icon)]


def _gallery_tiles(exhibition: Exhibition) -> list[Destination]:
    count = len(exhibition.all_photos())  # the gallery shows each photo once
    if not count:
        return []
    title = Text.composed(zh=tr("gallery_title", "zh"), en=tr("gallery_title", "en"))
    subtitle = Text.composed(zh=tr("gallery_subtitle", "zh", n=count), en=tr("gallery_subtitle", "en", n=count))
    return [Destination(Route("gallery"), title, subtitle, t.ACCENT_DEFAULT, GALLERY_ICON)]


def photo_opener(window_of: Callable[[], object]) -> Callable[[str], None]:
    """The `ScreenContext.open_photo` hook: any photo tapped anywhere opens the viewer on `Route("photo", id)`.
    `window_of` returns the main window (it is built after the context that carries this hook)."""

    def open_photo(photo_id: str) -> None:
        window_of().navigate(Route("photo", photo_id))  # type: ignore[attr-defined]  # a MainWindow

    return open_photo


def _no_routes(exhibition: Exhibition) -> list[Route]:
    return []  # the viewer has no route of its own to visit or warm up: it opens on a photo
