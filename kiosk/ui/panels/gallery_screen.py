"""The photo gallery: every photo of the exhibition, grouped by section (the exhibition-wide photos first),
each with its caption, in a kinetic scroll. Tapping a photo opens the full-screen viewer.

Thumbnails load lazily: only cards within a screen's height of the visible part ask for their picture, and
cards that scroll far away give it back, so a gallery of hundreds of photos holds only what is near the
screen. Each picture fades in as it arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, Slot
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.schema import Exhibition, Lang, Photo, Text
from kiosk.navigation import Route
from kiosk.ui import theme as t
from kiosk.ui.image_provider import ImageProvider
from kiosk.ui.panels.screen import Screen
from kiosk.ui.registry import Builder, ScreenContext
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.photo_card import PhotoCard
from kiosk.ui.widgets.touch_scroll import TouchScrollArea

ROUTE = Route("gallery")
NEAR = 1.0  # load cards within this many viewport heights above and below the visible part
FAR = 3.0  # release pictures of cards further away than this


def photo_groups(exhibition: Exhibition) -> list[tuple[Text | None, str, list[Photo]]]:
    """(section title or None for the exhibition-wide photos, accent, photos), in the exhibition's order."""
    groups: list[tuple[Text | None, str, list[Photo]]] = []
    if exhibition.photos:
        groups.append((None, t.ACCENT_DEFAULT, list(exhibition.photos)))
    for section in exhibition.sections:
        if section.photos:
            groups.append((section.title, section.accent, list(section.photos)))
    return groups


def gallery_order(exhibition: Exhibition) -> list[Photo]:
    """Every photo once, in the order the gallery shows them (the viewer pages through the same order)."""
    return [photo for _, _, photos in photo_groups(exhibition) for photo in photos]


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
        p = theme.px
        self.title = QLabel(self)
        self.title.setFont(theme.font(t.TITLE, bold=True))
        self.subtitle = QLabel(self)
        self.subtitle.setFont(theme.font(t.LEAD))
        self.subtitle.setStyleSheet(f"color: {t.TEXT_MUTED};")
        self.subtitle.setWordWrap(True)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, p(24), p(t.MARGIN))
        column.setSpacing(p(t.GAP))
        self.cards: list[PhotoCard] = []
        self._headings: list[tuple[QLabel, Text | None]] = []
        columns = 2 if theme.portrait else 3
        for heading_text, accent, photos in photo_groups(exhibition):
            heading = QLabel(content)
            heading.setFont(theme.font(t.HEADING, bold=True))
            heading.setWordWrap(True)
            heading.setStyleSheet(f"color: {accent}; padding: {p(20)}px 0 0 0; margin: 0;")
            column.addWidget(heading)
            self._headings.append((heading, heading_text))
            grid = QGridLayout()
            grid.setHorizontalSpacing(p(t.GAP * 1.5))
            grid.setVerticalSpacing(p(t.GAP * 1.5))
            for index, photo in enumerate(photos):
                card = PhotoCard(
                    theme, photo, photo_path(photo.file), exhibition.photo_credit(photo), provider, content,
                    lazy=True, brief=True,
                )
                card.chosen.connect(on_photo)
                grid.addWidget(card, index // columns, index % columns)
                self.cards.append(card)
            for c in range(columns):
                grid.setColumnStretch(c, 1)
            column.addLayout(grid)
        column.addStretch(1)
        self.scroll = TouchScrollArea(self)
        self.scroll.setWidget(content)
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

    # lazy loading -----------------------------------------------------------------------------------

    @Slot()
    def _update_visible(self) -> None:
        if not self.isVisible():
            return
        viewport = self.scroll.viewport()
        top = self.scroll.verticalScrollBar().value()
        height = viewport.height()
        near = QRect(0, round(top - height * NEAR), viewport.width(), round(height * (1 + 2 * NEAR)))
        far = QRect(0, round(top - height * FAR), viewport.width(), round(height * (1 + 2 * FAR)))
        for card in self.cards:
            area = card.geometry()
            if area.intersects(near):
                card.load()
            elif not area.intersects(far):
                card.release()

    def visible_cards(self) -> list[PhotoCard]:
        viewport = self.scroll.viewport()
        shown = QRect(0, self.scroll.verticalScrollBar().value(), viewport.width(), viewport.height())
        return [card for card in self.cards if card.geometry().intersects(shown)]

    def showEvent(self, event) -> None:  # noqa: ANN001
        super().showEvent(event)
        self._update_visible()

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        super().resizeEvent(event)
        self._update_visible()

    def hideEvent(self, event) -> None:  # noqa: ANN001
        super().hideEvent(event)
        for card in self.cards:  # pictures go back to the provider's bounded cache
            card.release()

    # Screen -----------------------------------------------------------------------------------------

    def set_language(self, lang: Lang) -> None:
        super().set_language(lang)
        self.title.setText(tr("gallery_title", lang))
        self.subtitle.setText(tr("gallery_hint", lang))
        for heading, text in self._headings:
            heading.setText(text.get(lang) if text is not None else tr("gallery_overview", lang))
        for card in self.cards:
            card.set_language(lang)

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
