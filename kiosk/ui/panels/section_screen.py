"""One section of the exhibition: title, lead, key figures that count up, sub-topic chips and the body text
with its photos. Swiping sideways anywhere on it moves to the neighbouring section."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.glossary import glosses_on_screen
from kiosk.content.schema import Exhibition, Lang, Section, Text
from kiosk.layout import rows
from kiosk.ui import theme as t
from kiosk.ui.image_provider import ImageProvider
from kiosk.ui.panels.screen import Screen
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.article_body import ArticleBody, Block
from kiosk.ui.widgets.chip_button import ChipButton
from kiosk.ui.widgets.figure_card import FigureCard
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.more_below import EdgeFades
from kiosk.ui.widgets.photo_card import PhotoCard
from kiosk.ui.widgets.touch_scroll import TouchDragController, TouchScrollArea
from kiosk.ui.widgets.typeset_label import TypesetLabel

PhotoPath = Callable[[str], Path]


class SectionScreen(Screen):
    def __init__(
        self,
        theme: Theme,
        exhibition: Exhibition,
        section: Section,
        photo_path: PhotoPath,
        provider: ImageProvider,
        on_photo: Callable[[str], None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._theme = theme
        self._section = section
        self._number = exhibition.sections.index(section) + 1
        self._total = len(exhibition.sections)
        p = theme.px
        accent = section.accent

        self.kicker = QLabel(self)
        self.kicker.setFont(theme.font(t.CAPTION, bold=True))
        theme.apply(self.kicker, "accent_text", accent=accent)
        self.title = TypesetLabel(self)
        self.title.setFont(theme.font(t.TITLE, bold=True))
        self.lead = TypesetLabel(self, title=False)
        self.lead.setFont(theme.font(t.LEAD))
        self.lead.setProperty("role", "text")

        self.figures = [FigureCard(theme, f, accent, self) for f in section.figures]
        # Rows as even as they can be, each the grid's whole width (seven figures: 2, 2, 2 and a wide 1; in
        # portrait 3, 2 and 2); a row's cards share it equally, whatever a long English unit would like.
        figure_grid = QVBoxLayout()
        figure_grid.setSpacing(p(16))
        start = 0
        for count in rows.even_rows(len(self.figures), 2 if not theme.portrait else 3):
            line = QHBoxLayout()
            line.setSpacing(p(16))
            for card in self.figures[start:start + count]:
                policy = card.sizePolicy()
                policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
                card.setSizePolicy(policy)
                line.addWidget(card, 1)
            figure_grid.addLayout(line)
            start += count

        self.chips: list[ChipButton] = []
        chips_box = QWidget(self)
        chips = FlowLayout(chips_box, spacing=p(14))
        chips.setContentsMargins(0, 0, 0, 0)
        for topic in section.topics:
            chip = ChipButton(theme, accent, chips_box, wraps=True)  # a long topic wraps in its column
            chip.clicked.connect(lambda _=False, key=topic.id: self.body.scroll_to(key))
            chips.addWidget(chip)
            self.chips.append(chip)

        photos = {photo.id: photo for photo in section.photos}
        placed = {ref for topic in section.topics for ref in topic.photos}

        def cards_for(refs: list[str]) -> list[PhotoCard]:
            cards = []
            for ref in refs:
                photo = photos[ref]
                card = PhotoCard(
                    theme, photo, photo_path(photo.file), exhibition.photo_credit(photo), provider, lazy=True
                )  # the body loads it when it scrolls near
                card.chosen.connect(on_photo)
                cards.append(card)
            return cards

        blocks = [
            Block(topic.id, topic.title, list(topic.paragraphs), cards_for(list(topic.photos)))
            for topic in section.topics
        ]
        # The lead quotes a sentence of the source's own text (most sections open with it): shown as the lead,
        # not a second time in the body.
        for block in blocks:
            if section.lead in block.paragraphs:
                block.paragraphs.remove(section.lead)
                break
        # A photo no topic claims belongs to the section as a whole (the source prints it beside the page, not
        # beside a paragraph): it gets a block of its own rather than seeming to illustrate the last topic.
        loose = [pid for pid in photos if pid not in placed]
        if loose:
            heading = Text.composed(tr("section_photos", "zh"), tr("section_photos", "en"))
            blocks.append(Block("photos", heading, [], cards_for(loose)))
        blocks.extend(_gloss_block(exhibition, section))
        self.body = ArticleBody(theme, blocks, accent, self)
        self.body.swiped.connect(self.swipe)

        header = QVBoxLayout()
        header.setSpacing(p(12))
        header.addWidget(self.kicker)
        header.addWidget(self.title)
        header.addWidget(self.lead)
        if theme.portrait:
            self._portrait_layout(header, figure_grid, chips_box)
        else:
            self._landscape_layout(header, figure_grid, chips_box)
        self._swipes = TouchDragController(self)
        self._swipes.swiped.connect(self.swipe)
        # the text's lines fade into the bar and under the chips, instead of being sliced at their edges
        self.body_fades = EdgeFades(self.body, p(t.GAP * 2))
        self.set_language("zh")

    def _landscape_layout(self, header: QVBoxLayout, figures: QVBoxLayout, chips: QWidget) -> None:
        """The title stays put at the top of the left column; the lead and the figures below it scroll, so a
        scrolled column never shows half a title, and a long title and lead (or large text) never squeeze each
        other: the title is shown whole, the lead scrolls."""
        p = self._theme.px
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, p(24), p(t.GAP))
        side_layout.setSpacing(p(t.GAP))
        header.removeWidget(self.lead)
        side_layout.addWidget(self.lead)
        side_layout.addSpacing(p(8))
        side_layout.addLayout(figures)
        side_layout.addStretch(1)
        self.side = TouchScrollArea(self)
        self.side.setWidget(side)
        self.side.swiped.connect(self.swipe)
        self.side_fades = EdgeFades(self.side, p(t.GAP * 2))  # cards slide under the title, not cut at its edge
        left = QVBoxLayout()
        left.setSpacing(p(12))  # the title to the lead, as in the header
        header.setContentsMargins(0, 0, p(24), 0)
        left.addLayout(header)
        left.addWidget(self.side, 1)
        right = QVBoxLayout()
        right.setSpacing(p(t.GAP))
        right.addWidget(chips)
        right.addWidget(self.body, 1)
        root = QHBoxLayout(self)
        root.setContentsMargins(p(t.MARGIN), p(t.MARGIN * 0.75), p(t.MARGIN * 0.5), 0)
        root.setSpacing(p(t.MARGIN * 0.75))
        # The columns keep the designed 38 : 62 whatever their content: a long chip or title wraps inside its
        # column instead of widening it and squeezing the other.
        for layout, share in ((left, 38), (right, 62)):
            column = QWidget(self)
            column.setLayout(layout)
            layout.setContentsMargins(0, 0, 0, 0)
            column.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            root.addWidget(column, share)

    def _portrait_layout(self, header: QVBoxLayout, figures: QVBoxLayout, chips: QWidget) -> None:
        """Portrait: the lead and figures head the text and scroll away with it; the title and the topic
        chips stay, and the kicker folds away once the text is scrolled, so the text gets most of the screen
        (and is read at eye height, not at the waist)."""
        p = self._theme.px
        self.side = None
        preamble = QWidget()
        fold = QVBoxLayout(preamble)
        fold.setContentsMargins(0, 0, 0, p(t.GAP))
        fold.setSpacing(p(t.GAP))
        header.removeWidget(self.lead)
        fold.addWidget(self.lead)
        fold.addLayout(figures)
        self.body.add_preamble(preamble)
        root = QVBoxLayout(self)
        root.setContentsMargins(p(t.MARGIN * 0.75), p(t.MARGIN * 0.75), p(t.MARGIN * 0.5), 0)
        root.setSpacing(p(t.GAP))
        root.addLayout(header)
        root.addWidget(chips)
        root.addWidget(self.body, 1)
        self.body.verticalScrollBar().valueChanged.connect(self._fold_header)

    def _fold_header(self, value: int) -> None:
        """Fold the kicker away once the text is scrolled a little; unfold it back at the top. The two
        thresholds differ so the jump in the text's height cannot make it flicker."""
        folded = self.kicker.isHidden()
        if not folded and value > self._theme.px(48):
            self.kicker.hide()
        elif folded and value <= 0:
            self.kicker.show()

    def header_folded(self) -> bool:
        return self.side is None and self.kicker.isHidden()

    @property
    def section(self) -> Section:
        return self._section

    def set_language(self, lang: Lang) -> None:
        super().set_language(lang)
        s = self._section
        self.kicker.setText(tr("section_of", lang, n=self._number, total=self._total))
        self.title.set_source(s.title.get(lang))
        self.title.setFont(self._theme.font(t.TITLE * (1.0 if lang == "zh" else 0.8), bold=True))
        self.lead.set_source(s.lead.get(lang))
        for card in self.figures:
            card.set_language(lang)
        for chip, topic in zip(self.chips, s.topics, strict=True):
            chip.setText(topic.title.get(lang))
        self.body.set_language(lang)

    def place_title(self) -> str:
        return self._section.title.get(self.lang)

    def reach_anchor(self) -> QWidget | None:
        """Accessible mode opens on the reading text (the bar names the section): the lead beside the article's
        start in landscape; the article, which begins with the lead, in portrait."""
        return self.lead if self.side is not None else self.body

    def entered(self) -> None:
        for card in self.figures:
            card.count_up()

    def reset(self) -> None:
        self.body.reset()
        if self.side is not None:
            self.side.reset()
        else:
            self.kicker.show()

    def photo_cards(self) -> list[PhotoCard]:
        return self.body.all_photo_cards()


def _gloss_block(exhibition: Exhibition, section: Section) -> list[Block]:
    """The glossary's explanations of the terms this screen uses, each once, after the last topic. English only:
    the Chinese reader needs none, so in Chinese the block is empty and the body hides it."""
    texts = [section.title.en, section.lead.en]
    texts += [part.en for figure in section.figures for part in (figure.unit, figure.label)]
    for topic in section.topics:
        texts += [topic.title.en, *(p.en for p in topic.paragraphs)]
    texts += [photo.caption.en for photo in section.photos]
    glosses = [Text.composed("", term.gloss or "") for term in glosses_on_screen(exhibition.glossary, texts)]
    if not glosses:
        return []
    return [Block("glossary", Text.composed("", tr("glossary_heading", "en")), glosses, style="terms")]
