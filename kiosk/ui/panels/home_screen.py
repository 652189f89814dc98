"""Home: the hero photo with the exhibition's title and date, its headline figures, and one large tile per
destination (the four sections, then the timeline, map and gallery as they exist)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.schema import Exhibition, Lang
from kiosk.layout import rows
from kiosk.navigation import Route
from kiosk.ui import theme as t
from kiosk.ui.icons import icon, icons_ready
from kiosk.ui.image_provider import ImageProvider
from kiosk.ui.panels.screen import Screen
from kiosk.ui.registry import Destination
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.figure_card import FigureCard
from kiosk.ui.widgets.hero_view import HeroView
from kiosk.ui.widgets.tile_button import TileButton
from kiosk.ui.widgets.typeset_label import DisplayTitleLabel, TypesetLabel, hang_width, latin_family


class HomeScreen(Screen):
    def __init__(
        self,
        theme: Theme,
        exhibition: Exhibition,
        destinations: list[Destination],
        photo_path: Path,
        provider: ImageProvider,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._theme = theme
        self._exhibition = exhibition
        self._destinations = destinations
        p = theme.px
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)

        self.hero = HeroView(provider, photo_path, self)
        self.hero.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._hero_photo = exhibition.photo(exhibition.hero_photo)
        self.hero_caption = QLabel(self.hero)
        self.hero_caption.setFont(theme.font(t.CAPTION - 4))
        self.hero_caption.setProperty("role", "hero_caption")
        if t.high_contrast:  # the photo lies under opaque black there: no caption for a picture nobody sees
            keep_room = self.hero_caption.sizePolicy()
            keep_room.setRetainSizeWhenHidden(True)  # the title and figures stay where they are
            self.hero_caption.setSizePolicy(keep_room)
            self.hero_caption.hide()
        caption_row = QHBoxLayout()
        caption_row.addStretch(1)
        caption_row.addWidget(self.hero_caption)

        self.date_label = self._label(theme.font(t.LEAD, bold=True), "accent")
        self.title_label = DisplayTitleLabel(self.hero)
        self.title_label.setFont(theme.font(t.DISPLAY * 1.2, bold=True))
        self.title_label.setProperty("role", "text")
        self.subtitle_label = TypesetLabel(self.hero)
        self.subtitle_label.setFont(theme.font(t.TITLE * 0.7))
        self.subtitle_label.setProperty("role", "text")
        self.intro_button = QPushButton(self.hero)
        self.intro_button.setFont(theme.font(t.CAPTION + 2, bold=True))
        self.intro_button.setMinimumHeight(p(t.TOUCH_TARGET * 0.8))
        self.intro_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.intro_button.setProperty("role", "intro")
        self.intro_button.clicked.connect(lambda: self.go(Route("intro")))
        # A scrim over the photo; in high contrast the photo lies under opaque black, and so would the cards:
        # there they take the tiles' surface, or only their accent top edges would show
        on_photo = t.SURFACE_RAISED if t.high_contrast else t.SCRIM.format(alpha=190)
        self.figures = [
            FigureCard(theme, f, t.ACCENT_DEFAULT, self, surface=on_photo, size=t.FIGURE * 0.62)
            for f in exhibition.headline_figures
        ]
        figures_row = QGridLayout()
        figures_row.setSpacing(p(16))
        per_row = 2 if theme.portrait else max(1, len(self.figures))
        for index, card in enumerate(self.figures):
            if not theme.portrait:  # wide enough for a two-line label in either language, in large text too
                card.setFixedWidth(self._figure_width())
            figures_row.addWidget(card, index // per_row, index % per_row)
        if not theme.portrait:
            figures_row.setColumnStretch(per_row, 1)
            figures_row.addWidget(self.intro_button, 0, per_row + 1, Qt.AlignmentFlag.AlignBottom)

        self._figures_row = figures_row
        self._hero_layout = hero_layout = QVBoxLayout(self.hero)
        hero_layout.setContentsMargins(p(t.MARGIN), p(t.GAP), p(t.MARGIN), p(t.GAP * 1.5))
        hero_layout.setSpacing(p(8))
        hero_layout.addLayout(caption_row)
        hero_layout.addStretch(1)
        hero_layout.addWidget(self.date_label)
        hero_layout.addWidget(self.title_label)
        hero_layout.addWidget(self.subtitle_label)
        self._intro_row: QHBoxLayout | None = None  # portrait only: the foreword's button on a row of its own
        if theme.portrait:
            hero_layout.addSpacing(p(8))
            self._intro_row = QHBoxLayout()
            self._intro_row.addWidget(self.intro_button)
            self._intro_row.addStretch(1)
            hero_layout.addLayout(self._intro_row)
        hero_layout.addSpacing(p(20))
        hero_layout.addLayout(figures_row)

        self.tiles: list[TileButton] = []
        grid = QVBoxLayout()
        grid.setSpacing(p(t.GAP))
        columns = self._columns(len(destinations), theme.portrait, larger=theme.reach_scale > 1)
        for dest in destinations:
            tile = TileButton(theme, dest.accent, self)
            tile.clicked.connect(lambda _=False, r=dest.route: self.go(r))
            tile.installEventFilter(self)  # the grid sizes the tiles after the screen's own resize
            self.tiles.append(tile)
        self._place_tiles(grid, self.tiles, columns, p(t.GAP))

        lower = QVBoxLayout()
        lower.setContentsMargins(p(t.MARGIN), p(t.GAP * 1.5), p(t.MARGIN), p(t.GAP * 1.5))
        lower.setSpacing(p(t.GAP))
        lower.addLayout(grid, 1)
        # Large text needs taller tiles (three lines of an English title): the hero gives up some height
        hero_share = 9 if theme.portrait or theme.text_scale > 1 else 11
        self._hero_share = hero_share
        root.addWidget(self.hero, hero_share)
        root.addLayout(lower, 20 - hero_share)
        self._lower = lower
        self._title_scale = 1.0
        self._tiles_pending = False
        # Until it is first shown the screen has its construction size, and every layout pass would size the tiles
        # for nothing (both languages at three heights: ~25 ms a pass, five passes before the first frame)
        self._shown_once = False
        self._tile_answers: dict[tuple, tuple[float, list[bool]]] = {}
        self.set_language("zh")
        if icons_ready():  # built again (large text, new content) after the first frame: its icons at once
            self.load_icons()

    @staticmethod
    def _columns(count: int, portrait: bool, larger: bool = False) -> int:
        if portrait:  # accessible mode: one column of wide tiles, as large a title as in landscape; the band scrolls
            return 1 if larger else 2
        if larger:  # accessible mode's larger titles need wider tiles (a long Chinese title keeps to one line)
            return min(count, 3)
        return count if count <= 4 else (count + 1) // 2

    @staticmethod
    def _place_tiles(grid: QVBoxLayout, tiles: list[TileButton], columns: int, gap: int) -> None:
        """The tiles in rows as even as they can be (7 in four columns: 4 and 3; in three: 3, 2 and 2), each row
        the grid's whole width: a shorter row's tiles are wider, and no cell stands empty at a row's end."""
        start = 0
        for count in rows.even_rows(len(tiles), columns):
            line = QHBoxLayout()
            line.setSpacing(gap)
            for tile in tiles[start:start + count]:
                line.addWidget(tile, 1)
            grid.addLayout(line, 1)
            start += count

    def _label(self, font, role: str) -> QLabel:
        label = QLabel(self.hero)
        label.setFont(font)
        label.setWordWrap(True)
        label.setProperty("role", role)
        return label

    def set_language(self, lang: Lang) -> None:
        super().set_language(lang)
        self._show_hero_text(lang)
        self.intro_button.setText(tr("read_intro", lang))
        caption = self._hero_photo.caption.get(lang)
        if self._hero_photo.placeholder:
            caption += " · " + tr("placeholder_photo", lang)
        self.hero_caption.setText(caption)
        for tile, dest in zip(self.tiles, self._destinations, strict=True):
            tile.set_text(dest.title.get(lang), dest.subtitle.get(lang))
        self._size_tile_titles()  # at once (no frame with a title sized for the other language); known answers
        if self._shown_once:  # the title fitted again to the room: a round trip of languages gives the same page
            self._fit_caption()
            self._fit_figures()
            self._fit_hero()

    def _show_hero_text(self, lang: Lang) -> None:
        """The hero's date, title, subtitle and figures in `lang`."""
        ex = self._exhibition
        self.date_label.setText(ex.date_label.get(lang))
        # English titles run about twice as long as the Chinese: a smaller size keeps them to two lines.
        self._title_scale = 1.2 if lang == "zh" else (0.8 if self._theme.portrait else 0.9)
        self.title_label.set_source(html.unescape(ex.title.get(lang)))
        self._set_title_size(self._title_scale)
        self.subtitle_label.set_source(ex.subtitle.get(lang))
        for card in self.figures:
            card.set_language(lang)

    def _set_title_size(self, scale: float) -> None:
        font = self._theme.font(t.DISPLAY * scale, bold=True)
        if font.key() != self.title_label.font().key():
            self.title_label.setFont(font)
        self._hang_title(hang_width(font, latin_family(font.families()), self.title_label.source()))

    def _fit_hero(self) -> None:
        """The title a size smaller (down to two thirds) while the hero's content is taller than the room the
        tiles leave it: in large Chinese text the figures were squeezed, their labels over their numbers."""
        # Its share of the page (the tiles keep theirs), whatever the size of the page's last layout pass: the
        # same page gives the same title however the language or size came to be what it is
        room = min(self.height() * self._hero_share // 20, self.height() - self._lower.minimumSize().height())
        if room <= 0 or self.width() <= 1:
            return
        scale = self._title_scale
        self._set_title_size(scale)
        size = t.TITLE * 0.7
        self._set_subtitle_size(size)
        while self.hero.minimumSizeHint().height() > room and scale > self._title_scale * 0.65:
            scale *= 0.92
            self._set_title_size(scale)
        # Then, while the hero would squeeze the tiles below their least height, the subtitle, down to the date's
        # size (only an editor's long hero text comes this far)
        room = self.height() - self._lower.minimumSize().height()
        while self._hero_needs() > room and size > t.LEAD:
            size = max(t.LEAD, size - 2)
            self._set_subtitle_size(size)

    def _hero_needs(self) -> int:
        """The hero's height at its width with every wrapped line (its minimum size hint wraps its labels narrower)."""
        needs = self.hero.heightForWidth(self.width())
        return needs if needs > 0 else self.hero.minimumSizeHint().height()

    def _set_subtitle_size(self, size: float) -> None:
        font = self._theme.font(size)
        if font.key() != self.subtitle_label.font().key():
            self.subtitle_label.setFont(font)

    def _figure_width(self) -> int:
        return self._theme.px(270 * max(1.0, self._theme.text_scale))

    def _fit_figures(self) -> None:
        """Every figure label at one type size; in landscape the figure cards share the row's free width when a
        label (an editor's) would take more than three lines at their usual width, so the cards grow less tall and
        the tiles keep their room."""
        if not self.figures or self.hero.width() <= 1:
            return
        self._same_label_size()
        if self._theme.portrait:
            return
        width = self._figure_width()
        card = self.figures[0]
        margins = card.layout().contentsMargins()
        inner = width - margins.left() - margins.right() - 2 * card.frameWidth()
        most = 3 * QFontMetrics(card.label.font()).lineSpacing()
        if any(c.label.heightForWidth(inner) > most for c in self.figures):
            spacing = self._figures_row.horizontalSpacing()
            free = (self.hero.width() - 2 * self._theme.px(t.MARGIN) - self.intro_button.sizeHint().width()
                    - spacing * (len(self.figures) + 1))
            width = max(width, min(2 * width, free // len(self.figures)))
        for c in self.figures:
            c.setFixedWidth(width)
        self._same_label_size()

    def _same_label_size(self) -> None:
        """Every figure label at one type size, and every number at one: the smallest any of them needs at its
        card's width (a long unit's smaller number would otherwise stand out in the row)."""
        size = min(card.label_size() for card in self.figures)
        number = min(card.number_size() for card in self.figures)
        for card in self.figures:
            card.set_label_ceiling(size)
            card.set_number_ceiling(number)

    def _fit_caption(self) -> None:
        """The photo's caption chip on one line while it fits the hero's width, else wrapped within it."""
        room = self.hero.width() - 2 * self._theme.px(t.MARGIN)
        if room <= 0:
            return
        chip = self.hero_caption
        chip.setWordWrap(False)
        chip.setMinimumWidth(0)
        chip.setMaximumWidth(16777215)
        if chip.sizeHint().width() > room:
            chip.setWordWrap(True)
            chip.setFixedWidth(room)

    def _hang_title(self, hang: int) -> None:
        """Hang the title's opening quote in the margin: the hero's margin gives up `hang` pixels and everything
        but the title takes them back, so the title's first character lines up with the date and subtitle."""
        p = self._theme.px
        self._hero_layout.setContentsMargins(p(t.MARGIN) - hang, p(t.GAP), p(t.MARGIN), p(t.GAP * 1.5))
        for label in (self.date_label, self.subtitle_label):
            label.setIndent(hang)
        self._figures_row.setContentsMargins(hang, 0, 0, 0)
        if self._intro_row is not None:  # (the theme may turn portrait under a landscape home being replaced)
            self._intro_row.setContentsMargins(hang, 0, 0, 0)

    def _size_tile_titles(self) -> None:
        """Every tile's title at one type size: the largest at which each of them fits whole. A tile says the
        same in both languages: its subtitle shows only where it fits in each, and tiles of one kind (the
        sections) show theirs all or none, so no row has some tiles with a subtitle and some without."""
        if not self.tiles or self.tiles[0].width() <= 1 or not self._shown_once:
            return
        # Worked out once for each language at each set of tile sizes and faces: switching back and forth (or a
        # layout pass that changes nothing) takes the answer from here instead of laying both languages out again
        key = (self.lang, tuple((tile.width(), tile.height()) for tile in self.tiles),
               tuple(self._theme.families), self._theme.scale, self._theme.text_scale, self._theme.reach_scale)
        known = self._tile_answers.get(key)
        if known is not None:
            title_size, shown = known
            for tile, subtitle in zip(self.tiles, shown, strict=True):
                tile.set_title_size(title_size)
                tile.set_subtitle_shown(subtitle)
            return
        fits = [True] * len(self.tiles)
        size = 0.0
        theme = self._theme
        own_faces = theme.families
        for lang in (*(other for other in ("zh", "en") if other != self.lang), self.lang):  # this one last
            theme.set_language(lang)  # each language's face first, as it is drawn in that language
            if lang == self.lang:
                theme.families = own_faces
            for tile, dest in zip(self.tiles, self._destinations, strict=True):
                tile.set_text(dest.title.get(lang), dest.subtitle.get(lang))
            # The other language's hero may be taller (an English subtitle or figure label on two lines) and its
            # tiles up to an eighth shorter: its subtitle must fit all the way down to that (a shorter tile may take
            # a smaller title, so fitting at one height says little about the next)
            shorter = self.tiles[0].height() * 0.12 if lang != self.lang else 0.0
            for step in (0.0, 0.5, 1.0) if shorter else (0.0,):
                for tile in self.tiles:
                    tile.set_shorter(shorter * step)
                    tile.set_title_size(None)
                size = min(tile.best_title_size() for tile in self.tiles)
                for index, tile in enumerate(self.tiles):
                    tile.set_title_size(size)
                    fits[index] = fits[index] and tile.subtitle_fits()
            for tile in self.tiles:
                tile.set_shorter(0.0)
        theme.families = own_faces
        kinds: dict[str, bool] = {}
        for dest, ok in zip(self._destinations, fits, strict=True):
            kinds[dest.route.screen] = kinds.get(dest.route.screen, True) and ok
        for tile, dest in zip(self.tiles, self._destinations, strict=True):
            tile.set_subtitle_shown(kinds[dest.route.screen])
        self._tile_answers[key] = (size, [kinds[dest.route.screen] for dest in self._destinations])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched in self.tiles:
            self._schedule_tiles()
        return super().eventFilter(watched, event)

    def _schedule_tiles(self) -> None:
        if not self._tiles_pending:
            self._tiles_pending = True  # once for all the tiles the grid resized
            QTimer.singleShot(0, self, self._size_tiles_again)

    def _size_tiles_again(self) -> None:
        self._tiles_pending = False
        self._size_tile_titles()
        # The hero again with the figure cards at the widths this pass gave them (during the screen's own resize
        # they may still have their earlier ones, and their labels the heights of those)
        self._fit_figures()
        self._fit_hero()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._schedule_tiles()
        self._size_tile_titles()
        self._fit_caption()
        self._fit_figures()
        self._fit_hero()

    def load_icons(self) -> None:
        """Icons come after the first frame (qtawesome is slow to import)."""
        for tile, dest in zip(self.tiles, self._destinations, strict=True):
            tile.set_tile_icon(icon(dest.icon, dest.accent))

    def place_title(self) -> str:
        return html.unescape(self._exhibition.title.get(self.lang))

    def reach_anchor(self) -> QWidget | None:
        return self.tiles[0] if self.tiles else None  # the first row of tiles, whole

    def entered(self) -> None:
        self.hero.set_moving(True)
        for card in self.figures:
            card.count_up()

    def hideEvent(self, event) -> None:
        self.hero.set_moving(False)
        super().hideEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self._size_tile_titles()
        self.hero.set_moving(True)

    def tile_for(self, route: Route) -> TileButton:
        for tile, dest in zip(self.tiles, self._destinations, strict=True):
            if dest.route == route:
                return tile
        raise KeyError(route)
