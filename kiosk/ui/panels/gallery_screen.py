"""The photo gallery: every photo of the exhibition, grouped by section (the exhibition-wide photos first),
each with its caption, in a kinetic scroll. Tapping a photo opens the full-screen viewer.

The gallery is virtual: its layout (`kiosk.layout.gallery_grid`) is plain geometry computed from the photo
list, the width and the measured heights of headings and captions, and only a small pool of `GalleryCard`s
exists — enough to cover the screen and half a screen above and below. As the visitor scrolls, cards that
leave that band are re-bound to the photos entering it, each asking the `ImageProvider` (which decodes off the
GUI thread) for its thumbnail and fading it in when it arrives. So a gallery of hundreds of photos costs what
a gallery of a few does: a screenful of widgets and pictures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRect, Slot
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.schema import Exhibition, Lang, Photo, Text
from kiosk.layout.gallery_grid import GalleryGrid, GridMetrics, GroupSpec, card_width, columns_for, layout_grid
from kiosk.navigation import Route
from kiosk.ui import theme as t
from kiosk.ui.image_provider import ImageProvider
from kiosk.ui.panels.screen import Screen
from kiosk.ui.registry import Builder, ScreenContext
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.gallery_card import CardText, GalleryCard
from kiosk.ui.widgets.touch_scroll import TouchScrollArea
from kiosk.ui.widgets.typeset_label import TypesetLabel, typeset

ROUTE = Route("gallery")
CARD_WIDTH = 400  # the narrowest comfortable card at the reference size: four columns at 1920, two at 1080 wide
NEAR = 0.5  # cards exist (and hold their picture) within this many viewport heights above and below the screen


def photo_groups(exhibition: Exhibition) -> list[tuple[Text | None, str, list[Photo]]]:
    """(section title or None for the exhibition-wide photos, accent, photos): the content's groups, coloured."""
    return [
        (None, t.ACCENT_DEFAULT, photos) if section is None else (section.title, section.accent, photos)
        for section, photos in exhibition.photo_groups()
    ]


class GalleryScreen(Screen):
    def __init__(
        self,
        theme: Theme,
        exhibition: Exhibition,
        photo_path: Callable[[str], Path],
        provider: ImageProvider,
        on_photo: Callable[[str], None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._theme = theme
        self._exhibition = exhibition
        self._photo_path = photo_path
        self._provider = provider
        self._on_photo = on_photo
        p = theme.px
        self.title = QLabel(self)
        self.title.setFont(theme.font(t.TITLE, bold=True))
        self.subtitle = TypesetLabel(self)  # set like a title: wrapped, it leaves no word alone on a line
        self.subtitle.setFont(theme.font(t.LEAD))
        self.subtitle.setProperty("role", "muted")

        self._metrics = GridMetrics(
            columns=2,  # until the width is known: see _relayout
            column_gap=p(t.GAP * 1.5),
            row_gap=p(t.GAP * 1.5),
            group_gap=p(t.GAP),
            right_pad=p(24),  # room for the scroll bar
            bottom_pad=p(t.MARGIN),
        )
        self._text = CardText(theme)
        self._groups = photo_groups(exhibition)
        self._photos = [photo for _, _, photos in self._groups for photo in photos]
        self._canvas = QWidget()
        self._headings: list[tuple[TypesetLabel, Text | None]] = []  # few: one per section
        for heading_text, accent, _ in self._groups:
            heading = TypesetLabel(self._canvas)
            heading.setFont(theme.font(t.HEADING, bold=True))
            theme.apply(heading, "gallery_heading", accent=accent)
            heading.setIndent(0)  # flush with the cards (a padded label indents its text otherwise)
            self._headings.append((heading, heading_text))
        self._grid: GalleryGrid | None = None
        self._grid_key: tuple[int, str] | None = None  # (width, language) the grid was computed for
        self._bound: dict[int, GalleryCard] = {}  # gallery index → the card showing that photo
        self._spare: list[GalleryCard] = []

        self.scroll = TouchScrollArea(self)
        self.scroll.setWidgetResizable(False)  # the canvas is sized from the layout, not from a QLayout
        self.scroll.setWidget(self._canvas)
        self.scroll.viewport().installEventFilter(self)
        self.scroll.verticalScrollBar().valueChanged.connect(self._update_visible)

        header = QHBoxLayout()
        header.setSpacing(p(t.GAP))
        header.addWidget(self.title)
        header.addWidget(self.subtitle, 1)
        root = QVBoxLayout(self)
        root.setContentsMargins(p(t.MARGIN), p(t.MARGIN * 0.6), p(t.MARGIN * 0.5), 0)
        root.setSpacing(p(t.GAP))
        root.addLayout(header)
        root.addWidget(self.scroll, 1)
        self.set_language("zh")

    # layout -----------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._relayout()
        return False

    def _relayout(self, force: bool = False) -> None:
        """Compute the layout for the viewport's width and the language (only when either changed)."""
        width = self.scroll.viewport().width()
        key = (width, self.lang)
        if width < 1 or (key == self._grid_key and not force):
            return
        self._grid_key = key
        p = self._theme.px
        columns = columns_for(width, p(CARD_WIDTH), self._metrics.column_gap, self._metrics.right_pad)
        self._metrics = replace(self._metrics, columns=columns)
        text_width = round(card_width(width, self._metrics))
        specs = []
        for (heading, _), (_, _, photos) in zip(self._headings, self._groups, strict=True):
            heading.ensurePolished()
            bodies = [
                self._text.body_height(len(self._text.lines(photo, self.lang, text_width)), photo.placeholder)
                for photo in photos
            ]
            specs.append(GroupSpec(partial(self._heading_height, heading), bodies))
        self._grid = grid = layout_grid(specs, width, self._metrics)
        self._canvas.resize(width, max(grid.height, 1))
        for (heading, _), box in zip(self._headings, grid.headings, strict=True):
            heading.setGeometry(box.x, box.y, box.width, box.height)
        while self._bound:  # every card re-placed (and re-wrapped) below
            self._unbind(next(iter(self._bound)))
        self._update_visible()

    def _heading_height(self, heading: TypesetLabel, width: float) -> float:
        """A heading's height at `width`: its lines as the typography rules break them, and its top padding."""
        lines = typeset(heading.font(), heading.source(), width, title=True)
        padding = heading.height() - heading.contentsRect().height() if heading.height() > 1 else self._theme.px(20)
        return max(1, len(lines)) * QFontMetricsF(heading.font()).lineSpacing() + padding + 2

    # the card pool ----------------------------------------------------------------------------------

    def _card(self) -> GalleryCard:
        if self._spare:
            return self._spare.pop()
        card = GalleryCard(self._theme, self._text, self._provider, self._canvas)
        card.chosen.connect(self._on_photo)
        return card

    def _unbind(self, index: int) -> None:
        """Return the card showing photo `index` to the pool. Tolerates a card already returned: a 50,000-event
        monkey run once unbound the same card twice during a language switch (a re-entrant re-bind, presumably
        from a scroll while re-laying out; not reproduced in a test)."""
        card = self._bound.pop(index, None)
        if card is None:
            return
        card.unbind()
        self._spare.append(card)

    def _bind(self, index: int) -> GalleryCard:
        assert self._grid is not None
        photo = self._photos[index]
        box = self._grid.cards[index]
        card = self._card()
        area = QRect(box.x, box.y, box.width, box.height)
        card.bind(photo, self._photo_path(photo.file), self.lang, area, self._grid.pictures[index])
        card.show()
        self._bound[index] = card
        return card

    def _shown_rect(self) -> QRect:
        viewport = self.scroll.viewport()
        return QRect(0, self.scroll.verticalScrollBar().value(), viewport.width(), viewport.height())

    @Slot()
    def _update_visible(self) -> None:
        """Re-bind the pool to the photos on screen and half a screen around it; ask for their pictures."""
        if self._grid is None:
            return
        shown = self._shown_rect()
        margin = shown.height() * NEAR
        wanted = self._grid.cards_between(shown.top() - margin, shown.bottom() + 1 + margin)
        for index in [i for i in self._bound if i not in wanted]:
            self._unbind(index)
        for index in wanted:
            if index not in self._bound:
                self._bind(index)
        if not self.isVisible():
            return  # laid out (for a grab while warming up) but no pictures until the visitor comes
        # on-screen cards ask first, so their pictures are decoded before those of the margin
        on_screen = self._grid.cards_between(shown.top(), shown.bottom() + 1)
        for index in sorted(wanted, key=lambda i: i not in on_screen):
            card = self._bound.get(index)
            if card is not None:  # (a scroll in between may have re-bound the pool)
                card.load()

    # for tests and the viewer ---------------------------------------------------------------------------

    def photo_ids(self) -> list[str]:
        """Every photo's id, in the order the gallery shows them."""
        return [photo.id for photo in self._photos]

    def visible_cards(self) -> list[GalleryCard]:
        """The cards on screen (at least partly), in gallery order."""
        shown = self._shown_rect()
        return [card for _, card in sorted(self._bound.items()) if card.geometry().intersects(shown)]

    def built_cards(self) -> list[GalleryCard]:
        """Every card widget the gallery has made (bound or waiting to be)."""
        return [card for _, card in sorted(self._bound.items())] + list(self._spare)

    def reveal(self, index: int) -> GalleryCard:
        """Scroll (at once) until the card of the `index`th photo is wholly on screen; returns that card."""
        self._relayout()
        assert self._grid is not None
        box = self._grid.cards[index]
        bar = self.scroll.verticalScrollBar()
        shown = self._shown_rect()
        if box.y < shown.top():
            bar.setValue(box.y)
        elif box.bottom > shown.bottom() + 1:
            bar.setValue(box.bottom - shown.height())
        self._update_visible()
        return self._bound[index]

    # showing and hiding -------------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._relayout()
        self._update_visible()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        for card in self._bound.values():  # pictures go back to the provider's bounded cache
            card.release()

    # Screen -----------------------------------------------------------------------------------------

    def set_language(self, lang: Lang) -> None:
        super().set_language(lang)
        self.title.setText(tr("gallery_title", lang))
        self.subtitle.set_source(tr("gallery_hint", lang))
        for heading, text in self._headings:
            heading.set_source(text.get(lang) if text is not None else tr("gallery_overview", lang))
        self._text.refresh_fonts()
        if self._grid_key is not None:
            self._relayout()  # captions and headings wrap differently in the other language

    def place_title(self) -> str:
        return tr("gallery_title", self.lang)

    def entered(self) -> None:
        self._update_visible()

    def reset(self) -> None:
        self.scroll.reset()


def builder() -> Builder:
    """How the registry builds the gallery screen (registered in `kiosk.ui.features`)."""

    def build(route: Route, theme: Theme, ctx: ScreenContext) -> Screen | None:
        if route.arg is not None:
            return None
        return GalleryScreen(theme, ctx.exhibition, ctx.photo_path, ctx.images, ctx.open_photo)

    return build
