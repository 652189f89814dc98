"""The foreword: the feature's opening paragraphs (the district's founding and its ambitions) and the credits."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.schema import LANGS, Exhibition, Lang, Text
from kiosk.ui import theme as t
from kiosk.ui.panels.screen import Screen
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.article_body import ArticleBody, Block
from kiosk.ui.widgets.figure_card import FigureCard
from kiosk.ui.widgets.touch_scroll import TouchScrollArea
from kiosk.ui.widgets.typeset_label import DisplayTitleLabel, TypesetLabel, hang_width, latin_family


class IntroScreen(Screen):
    def __init__(self, theme: Theme, exhibition: Exhibition, parent: QWidget | None = None):
        super().__init__(parent)
        self._exhibition = exhibition
        p = theme.px
        self._theme = theme
        self.kicker = QLabel(self)  # 前言 / Foreword, over the exhibition's title
        self.kicker.setFont(theme.font(t.LEAD, bold=True))
        self.kicker.setProperty("role", "accent")
        self.heading = DisplayTitleLabel(self)
        self.heading.setFont(theme.font(t.TITLE, bold=True))
        self.subtitle = TypesetLabel(self)
        self.subtitle.setFont(theme.font(t.LEAD))
        credits = exhibition.credits
        byline = Text.composed(  # 文/… and Text: … as a printed feature's author line
            tr("byline", "zh", who=credits.authors.zh), tr("byline", "en", who=credits.authors.en)
        )
        lines = [byline, credits.source]
        if any(not photo.placeholder for photo in exhibition.all_photos()):
            # The photos' credit in the form the photos show it ("图片：…"), and only once a real photo is shown:
            # the generated stand-ins are credited to nobody.
            lines.insert(1, Text.composed(*(tr("credit", lang, who=credits.photos.get(lang)) for lang in LANGS)))
        self.body = ArticleBody(
            theme,
            [Block("intro", None, list(exhibition.intro)), Block("credits", None, lines, style="credits")],
            t.ACCENT_DEFAULT,
            self,
        )
        self.body.swiped.connect(self.swipe)
        # The district in four figures beside the text (a printed feature's fact box): the foreword's own numbers
        self.figures = [FigureCard(theme, f, t.ACCENT_DEFAULT, self) for f in exhibition.headline_figures]
        figures = QGridLayout()
        figures.setSpacing(p(16))
        per_row = 4 if theme.portrait else 2
        for index, card in enumerate(self.figures):
            figures.addWidget(card, index // per_row, index % per_row)
        for column in range(per_row):
            figures.setColumnStretch(column, 1)
        margin = p(t.MARGIN)
        self.side: TouchScrollArea | None = None
        if theme.portrait:
            layout = QVBoxLayout(self)
            layout.setContentsMargins(margin, margin, margin, 0)
            layout.setSpacing(p(t.GAP))
            layout.addWidget(self.kicker)
            layout.addWidget(self.heading)
            layout.addWidget(self.subtitle)
            box = QWidget()  # the figures head the text and scroll away with it
            box.setLayout(figures)
            figures.setContentsMargins(0, 0, 0, p(t.GAP))
            self.body.add_preamble(box)
            layout.addWidget(self.body, 1)
        else:
            # A page of two columns: title, date and figures on the left, the text in its measure on the right
            side = QVBoxLayout()
            side.setSpacing(p(t.GAP))
            side.addWidget(self.kicker)
            side.addWidget(self.heading)
            side.addWidget(self.subtitle)
            side.addSpacing(p(t.GAP))
            # The figures scroll on their own when large text leaves them less room than they need
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addLayout(figures)
            box_layout.addStretch(1)
            self.side = TouchScrollArea(self)
            self.side.setWidget(box)
            self.side.swiped.connect(self.swipe)
            side.addWidget(self.side, 1)
            layout = QHBoxLayout(self)
            layout.setContentsMargins(margin, margin, round(margin * 0.5), 0)
            layout.setSpacing(round(margin * 0.75))
            layout.addLayout(side, 38)
            layout.addWidget(self.body, 62)
        self.set_language("zh")

    def set_language(self, lang: Lang) -> None:
        super().set_language(lang)
        ex = self._exhibition
        self.kicker.setText(tr("intro_title", lang))
        # The exhibition's title as on the home screen: proportional quotes, the opening one hung in the margin
        title = html.unescape(ex.title.get(lang))
        font = self._theme.font(t.TITLE, bold=True)
        latin = latin_family(font.families())
        self.heading.setFont(font)
        self.heading.set_source(title)
        self._hang_title(hang_width(font, latin, title))
        # The date on a line of its own: run on after the subtitle, a narrow screen broke it as "18 / December".
        self.subtitle.set_source(f"{ex.subtitle.get(lang)}\n{ex.date_label.get(lang)}")
        self.body.set_language(lang)
        for card in self.figures:
            card.set_language(lang)

    def _hang_title(self, hang: int) -> None:
        """Hang the title's opening quote in the margin (landscape, where the title heads its own column): the
        page's margin gives up `hang` pixels on the left and all of the column but the title takes them back,
        so the title's first character lines up with the kicker, the date and the figures."""
        if self._theme.portrait:
            return  # the text runs on under the title: the proportional quotes alone
        for label in (self.kicker, self.subtitle):
            label.setIndent(hang)
        self.side.setViewportMargins(hang, 0, 0, 0)
        margins = self.layout().contentsMargins()
        self.layout().setContentsMargins(self._theme.px(t.MARGIN) - hang, margins.top(), margins.right(),
                                         margins.bottom())

    def place_title(self) -> str:
        return tr("intro_title", self.lang)

    def reset(self) -> None:
        self.body.reset()
        if self.side is not None:
            self.side.reset()

    def entered(self) -> None:
        for card in self.figures:
            card.count_up()
