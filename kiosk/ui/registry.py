"""Which screens exist and how each is built: the seam where every feature plugs into the window.

A feature registers a builder for its screen name (`"timeline"`, `"map"` …) and, if it has one, a home-screen
tile. The window asks the registry for a screen the first time a route needs it; the home screen asks it for
the tiles. Adding a screen is one `register(...)` call (see `kiosk.ui.features`), nothing else changes.

A builder may be `lazy(...)`: the screen's module is then imported the first time that screen is built (when
the window warms up after its first frame), so start-up pays only for the home screen.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.content.loader import photo_path
from kiosk.content.schema import Exhibition, Text
from kiosk.content.store import ContentStore
from kiosk.navigation import Navigator, Route
from kiosk.ui.image_provider import ImageProvider
from kiosk.ui.panels.screen import Screen
from kiosk.ui.theme import Theme


@dataclass(frozen=True)
class Destination:
    """A home-screen tile: where it leads and what it says."""

    route: Route
    title: Text
    subtitle: Text
    accent: str
    icon: str


@dataclass
class ScreenContext:
    """What screens may use: the content, the photo service, and intents the composition root fulfils."""

    store: ContentStore  # the exhibition on show (`exhibition`, `content_dir` read through to it)
    images: ImageProvider
    navigator: Navigator
    open_photo: Callable[[str], None] = lambda photo_id: None  # the full-screen viewer attaches here
    # Visitor events for the statistics: record("photo", photo_id), record("map_feature", feature_id). Screens call
    # it; the composition root connects it to the statistics store. Nothing personal, only content ids.
    record: Callable[[str, str], None] = lambda kind, subject: None
    extras: dict[str, object] = field(default_factory=dict)  # services added by later features

    @property
    def exhibition(self) -> Exhibition:
        return self.store.exhibition

    @property
    def content_dir(self) -> Path:
        return self.store.folder

    def photo_path(self, file: str) -> Path:
        return photo_path(self.content_dir, file)


Builder = Callable[[Route, Theme, ScreenContext], Screen | None]
Tiles = Callable[[Exhibition], list[Destination]]


def lazy(module: str, factory: str = "builder") -> Builder:
    """A builder that imports `module` on its first call and takes the real builder from `module.factory()`
    (one per registry, so state such as the map's shared scene belongs to one window)."""
    real: list[Builder] = []

    def build(route: Route, theme: Theme, context: ScreenContext) -> Screen | None:
        if not real:
            real.append(getattr(importlib.import_module(module), factory)())
        return real[0](route, theme, context)

    return build


class ScreenRegistry:
    def __init__(self) -> None:
        self._builders: dict[str, Builder] = {}
        self._tiles: list[Tiles] = []
        self._routes: list[Callable[[Exhibition], list[Route]]] = []
        self._one_screen: set[str] = set()  # screens that serve every argument of their route

    def register(
        self,
        screen: str,
        builder: Builder,
        tiles: Tiles | None = None,
        routes: Callable[[Exhibition], list[Route]] | None = None,
        one_screen: bool = False,
    ) -> None:
        """`routes` lists the top-level routes of this screen (visited by smoke mode and warmed up after
        start); by default the routes of its tiles, or the bare screen name if it has none. `one_screen`: one
        screen serves every argument of the route (the viewer shows any photo), given to it by
        `Screen.show_route`; otherwise each argument has a screen of its own (each section)."""
        self._builders[screen] = builder
        if one_screen:
            self._one_screen.add(screen)
        if tiles is not None:
            self._tiles.append(tiles)
        if routes is None:
            routes = (lambda ex: [d.route for d in tiles(ex)]) if tiles is not None else (lambda ex: [Route(screen)])
        self._routes.append(routes)

    def screen_key(self, route: Route) -> str:
        """Which built screen serves `route`: the window keeps one screen per key."""
        return route.screen if route.screen in self._one_screen else route.key

    def build(self, route: Route, theme: Theme, context: ScreenContext) -> Screen | None:
        builder = self._builders.get(route.screen)
        return None if builder is None else builder(route, theme, context)

    def destinations(self, exhibition: Exhibition) -> list[Destination]:
        return [d for tiles in self._tiles for d in tiles(exhibition)]

    def top_level_routes(self, exhibition: Exhibition) -> list[Route]:
        return [r for routes in self._routes for r in routes(exhibition)]
