"""The foreword: the feature's opening paragraphs (the district's founding and its ambitions) and the credits."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.content.schema import LANGS, Exhibition, Lang, Text
from kiosk.ui import theme as t
from kiosk.ui.panels.screen import Screen
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.article_body import ArticleBody, Block


class IntroScreen(Screen):
    def __init__(self, theme: Theme, exhibition: Exhibition, parent: QWidget | None = None):
        super().__init__(parent)
        self._exhibition = exhibition
        p = theme.px
        self.heading = QLabel(self)
        self.heading.setFont(theme.font(t.TITLE, bold=True))
        self.heading.setProperty("role", "accent")
        self.heading.setWordWrap(True)
        self.subtitle = QLabel(self)
        self.subtitle.setFont(theme.font(t.LEAD))
        self.subtitle.setWordWrap(True)
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
        layout = QVBoxLayout(self)
        margin = p(t.MARGIN)
        layout.setContentsMargins(margin * 2 if not theme.portrait else margin, margin, margin, 0)
        layout.setSpacing(p(t.GAP))
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.body, 1)
        self.set_language("zh")

    def set_language(self, lang: Lang) -> None:
        super().set_language(lang)
        ex = self._exhibition
        self.heading.setText(f"{tr('intro_title', lang)} · {ex.title.get(lang)}")
        # The date on a line of its own: run on after the subtitle, a narrow screen broke it as "18 / December".
        self.subtitle.setText(f"{ex.subtitle.get(lang)}\n{ex.date_label.get(lang)}")
        self.body.set_language(lang)

    def place_title(self) -> str:
        return tr("intro_title", self.lang)

    def reset(self) -> None:
        self.body.reset()
