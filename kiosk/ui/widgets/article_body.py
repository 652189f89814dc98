"""Body text in a readable measure: topic headings, short paragraphs and photos, in a kinetic scroll area.

Photos load lazily: only cards within a screen's height of what is shown ask for their picture, and cards far
away (or all of them, once the section is left) give theirs back, so a section with a hundred photos costs no
more memory than one with three."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEasingCurve, QRect, Qt, QVariantAnimation, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.content.schema import Lang, Text
from kiosk.layout import typography
from kiosk.ui import theme as t
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.photo_card import PhotoCard
from kiosk.ui.widgets.touch_scroll import TouchScrollArea
from kiosk.ui.widgets.typeset_label import TypesetLabel, leading, metrics_measure

MEASURE = 1100  # widest text column at the reference size: ~38 Chinese characters of body text
NEAR = 1.0  # photos within this many viewport heights above and below the visible part load
FAR = 3.0  # photos further away than this give their pictures back


@dataclass
class Block:
    """One run of the body: an optional heading, its paragraphs, then its photos."""

    key: str
    heading: Text | None
    paragraphs: list[Text]
    photos: list[PhotoCard] = field(default_factory=list)
    # "body": the article's text. "terms": glossary entries, smaller and muted, each entry's term (before its first
    # colon) in bold so the eye finds it. "credits": a byline and source, smaller and muted, set apart from the text.
    style: str = "body"


class ArticleBody(TouchScrollArea):
    def __init__(self, theme: Theme, blocks: list[Block], accent: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme = theme
        self._blocks = blocks
        p = theme.px
        content = QWidget()
        content.setMaximumWidth(p(MEASURE))
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, p(24), p(t.MARGIN))
        layout.setSpacing(p(t.GAP))
        self._content = content
        self._headings: dict[str, TypesetLabel] = {}
        self._paragraphs: list[tuple[QLabel, Text, str]] = []  # body paragraphs are TypesetLabels
        for block in blocks:
            if block.heading is not None:
                heading = TypesetLabel(content)
                heading.setFont(theme.font(t.HEADING, bold=True))
                theme.apply(heading, "accent_text", accent=accent, padding_top=16)
                heading.setIndent(0)  # a padded label indents its text by half an x otherwise: flush with the body
                layout.addWidget(heading)
                self._headings[block.key] = heading
            for paragraph in block.paragraphs:
                # Body paragraphs are set by the typography rules; notes (glossary terms with a bold head, the
                # credits) stay rich text that Qt wraps.
                body = block.style == "body"
                pitch = typography.body_pitch("zh")
                label = TypesetLabel(content, title=False, pitch=pitch, justify=True) if body else QLabel(content)
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setFont(theme.font(t.BODY if block.style == "body" else t.CAPTION + 2))
                if block.style != "body":
                    label.setProperty("role", "muted")  # a note: the app style sheet mutes it
                label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
                layout.addWidget(label)
                self._paragraphs.append((label, paragraph, block.style))
            for card in block.photos:
                card.setParent(content)
                layout.addSpacing(p(8))
                layout.addWidget(card)
        layout.addStretch(1)
        self.setWidget(content)
        self._scroll_animation = QVariantAnimation(self)
        self._scroll_animation.setDuration(t.TRANSITION_MS + 120)
        self._scroll_animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._scroll_animation.valueChanged.connect(lambda v: self.verticalScrollBar().setValue(int(v)))
        self.verticalScrollBar().valueChanged.connect(self._update_photos)

    def set_language(self, lang: Lang) -> None:
        for block in self._blocks:
            if block.key in self._headings and block.heading is not None:
                self._headings[block.key].set_source(block.heading.get(lang))
                self._headings[block.key].setVisible(bool(block.heading.get(lang)))  # e.g. English-only glosses
            for card in block.photos:
                card.set_language(lang)
        # A readable measure: ~40 Chinese or ~75 English characters of body text, never wider than MEASURE
        body = typography.readable_width(metrics_measure(self._theme.font(t.BODY)), lang)
        self._content.setMaximumWidth(min(self._theme.px(MEASURE), round(body) + self._theme.px(24) + 4))
        for label, paragraph, style in self._paragraphs:
            text = paragraph.get(lang)
            if isinstance(label, TypesetLabel):
                label.set_pitch(typography.body_pitch(lang))
                label.set_source(text)
                label.setVisible(bool(text))
                continue
            if style == "terms" and ": " in text:
                term, explanation = text.split(": ", 1)
                shown = f'<b style="color:{t.TEXT}">{html.escape(term)}</b>: {html.escape(explanation)}'
            else:
                shown = html.escape(text)
            height = leading(label.font(), typography.body_pitch(lang, note=style != "body"))
            label.setText(f'<p style="line-height:{height}%">{shown}</p>')
            label.setVisible(bool(text))

    def add_preamble(self, widget: QWidget) -> None:
        """Put `widget` above the text, scrolling with it (a portrait section's lead and figures)."""
        widget.setParent(self._content)
        layout = self._content.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, widget)

    def scroll_to(self, key: str) -> None:
        """Glide to the heading of block `key`."""
        heading = self._headings.get(key)
        if heading is None:
            return
        self.controller.stop()
        self._scroll_animation.stop()
        self._scroll_animation.setStartValue(self.verticalScrollBar().value())
        self._scroll_animation.setEndValue(min(heading.y(), self.verticalScrollBar().maximum()))
        self._scroll_animation.start()

    def heading_visible(self, key: str) -> bool:
        heading = self._headings[key]
        top = heading.y() - self.verticalScrollBar().value()
        return 0 <= top < self.viewport().height()

    def all_photo_cards(self) -> list[PhotoCard]:
        return [card for block in self._blocks for card in block.photos]

    # lazy photos ------------------------------------------------------------------------------------

    @Slot()
    def _update_photos(self) -> None:
        if not self.isVisible():
            return
        top = self.verticalScrollBar().value()
        height = self.viewport().height()
        width = max(1, self.widget().width())
        near = QRect(0, round(top - height * NEAR), width, round(height * (1 + 2 * NEAR)))
        far = QRect(0, round(top - height * FAR), width, round(height * (1 + 2 * FAR)))
        for card in self.all_photo_cards():
            area = card.geometry()  # cards are children of the scrolled content widget
            if area.intersects(near):
                card.load()
            elif not area.intersects(far):
                card.release()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._update_photos()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_photos()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        for card in self.all_photo_cards():  # back to the provider's bounded cache
            card.release()

    def visible_text(self) -> str:
        parts = [h.source() for h in self._headings.values()]
        parts += [lb.source() if isinstance(lb, TypesetLabel) else lb.text() for lb, _, _ in self._paragraphs]
        return "\n".join(parts)

    def for_each_photo(self, action: Callable[[PhotoCard], None]) -> None:
        for card in self.all_photo_cards():
            action(card)
