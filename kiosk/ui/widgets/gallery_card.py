"""A reusable gallery card: a photo (the `PhotoView` of `photo_card`) over its whole caption (on as many lines
as it takes: the gallery gives every card of a row the row's longest caption) and, for generated stand-in
photos, the short placeholder note.

The gallery keeps only a handful of these and moves them about as the visitor scrolls: `bind` points a card
at another photo (the old picture request is cancelled, the new one asked of the `ImageProvider`, which
decodes off the GUI thread), so a card costs the same whatever the exhibition's size. Caption and note are
painted, not laid out, so their height is known in advance (`body_height`) and the gallery's layout can be
computed without building a widget per photo.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from kiosk.content.schema import Lang, Photo
from kiosk.ui import theme as t
from kiosk.ui.image_provider import PRIORITY_VISIBLE, ImageProvider
from kiosk.ui.strings import photo_note, tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.photo_card import PhotoView
from kiosk.ui.widgets.typeset_label import typeset

CAPTION_LINES = 2
REQUEST_STEP = 64  # pictures are asked for in coarse steps so small size changes never trigger a new decode


def elide_lines(text: str, font: QFont, width: int, max_lines: int = CAPTION_LINES) -> list[str]:
    """`text` broken by the typography rules (between phrases, balanced, no lone character) to `width`, at most
    `max_lines` lines; if it needs more, the last line ends in "…"."""
    text = " ".join(text.split())
    if not text:
        return []
    metrics = QFontMetrics(font)
    if metrics.horizontalAdvance(text) <= width:
        return [text]  # the usual case, without breaking
    lines = list(typeset(font, text, width, title=True).lines)
    if len(lines) <= max_lines:
        return lines
    start = 0  # where the last line allowed begins in `text`
    for line in lines[: max_lines - 1]:
        start = text.find(line, start) + len(line)
    rest = text[start:].strip()
    cut = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    if cut != rest and cut.endswith("…"):
        cut = cut[:-1].rstrip(" ,;:，、；：") + "…"  # "to…", never "to …"
    return [*lines[: max_lines - 1], cut]


def whole_lines(text: str, font: QFont, width: int) -> list[str]:
    """`text` broken by the typography rules (between phrases, balanced, no lone character) to `width`, whole."""
    text = " ".join(text.split())
    if not text:
        return []
    if QFontMetrics(font).horizontalAdvance(text) <= width:
        return [text]  # the usual case, without breaking
    return list(typeset(font, text, width, title=True).lines)


class CardText:
    """Fonts and spacing of a card's caption area, shared by the cards and by the layout that sizes them."""

    def __init__(self, theme: Theme):
        self._theme = theme
        self.gap = theme.px(10)
        self.refresh_fonts()

    def refresh_fonts(self) -> None:
        """Take the theme's fonts again: after a change of language their faces come in another order (the
        window reorders the fonts of widgets, but these are only painted with)."""
        theme = self._theme
        self.caption_font = theme.font(t.CAPTION, bold=True)
        self.note_font = theme.font(t.CAPTION - 2)
        self.caption_line = QFontMetrics(self.caption_font).lineSpacing()
        self.note_line = QFontMetrics(self.note_font).lineSpacing()

    @staticmethod
    def note(photo: Photo, lang: Lang) -> str:
        return photo_note(photo, None, lang)  # the label of a stand-in; the viewer shows a real photo's credit

    def body_height(self, caption_lines: int, note: bool) -> int:
        """Height of the caption area under the picture."""
        height = self.gap + caption_lines * self.caption_line
        if note:
            height += self.gap + self.note_line
        return height + self.gap // 2  # a little air so descenders never touch the next row's gap

    def lines(self, photo: Photo, lang: Lang, width: int) -> list[str]:
        """The whole caption, broken by the typography rules: a caption carries meaning, so it is never cut."""
        return whole_lines(photo.caption.get(lang), self.caption_font, width)


class GalleryCard(QWidget):
    chosen = Signal(str)  # photo id

    def __init__(self, theme: Theme, text: CardText, provider: ImageProvider, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme = theme
        self._text = text
        self._provider = provider
        self._photo: Photo | None = None
        self._path: Path | None = None
        self._lang: Lang = "zh"
        self._lines: list[str] = []
        self._note = ""
        self._picture = 0
        self._active = False
        self._requested: QSize | None = None
        self._ticket = 0  # bumped on every re-bind: answers for an earlier photo are ignored
        self.view = PhotoView(theme, self)
        self.view.setMinimumHeight(0)
        self.view.clicked.connect(self._clicked)

    # binding ----------------------------------------------------------------------------------------

    def bind(self, photo: Photo, path: Path, lang: Lang, box: QRect, picture: int) -> None:
        """Show `photo` in `box` (content coordinates) with a picture `picture` pixels tall."""
        if self._photo is not photo or self._path != path:
            self._drop_picture()
            self._photo, self._path = photo, path
        self._picture = picture
        self.setGeometry(box)
        self.view.setGeometry(0, 0, box.width(), picture)
        self.set_language(lang)

    def unbind(self) -> None:
        """Give the photo and its picture back (the card waits, hidden, to be bound again)."""
        self._drop_picture()
        self._photo = self._path = None
        self._active = False
        self.hide()

    @property
    def photo(self) -> Photo | None:
        return self._photo

    def set_language(self, lang: Lang) -> None:
        self._lang = lang
        self.view.unavailable_text = tr("photo_unavailable", lang)
        self.view.update()
        if self._photo is not None:
            self._lines = self._text.lines(self._photo, lang, self.width())
            self._note = self._text.note(self._photo, lang)
        self.update()

    # what the visitor reads (also for tests) -------------------------------------------------------

    @property
    def caption_text(self) -> str:
        """The full caption in the current language (the card may show it shortened)."""
        return self._photo.caption.get(self._lang) if self._photo is not None else ""

    @property
    def caption_lines(self) -> list[str]:
        """The caption as drawn, line by line."""
        return list(self._lines)

    def audit_records(self) -> list[dict]:
        """The painted caption for the layout audit: its lines, and the whole caption they stand for."""
        if not self._lines:
            return []
        rect = self.caption_rect()
        metrics = QFontMetrics(self._text.caption_font)
        need = (max(metrics.horizontalAdvance(line) for line in self._lines), rect.height())
        joiner = "" if self._lang == "zh" else " "
        return [{"name": "caption", "rect": (rect.x(), rect.y(), rect.width(), rect.height()),
                 "text": joiner.join(self._lines), "full_text": self.caption_text, "required": need,
                 "bounds": (0, 0, self.width(), self.height())}]

    @property
    def note_text(self) -> str:
        return self._note

    def caption_rect(self) -> QRect:
        """Where the caption is drawn, in card coordinates."""
        top = self._picture + self._text.gap
        return QRect(0, top, self.width(), len(self._lines) * self._text.caption_line)

    # pictures ---------------------------------------------------------------------------------------

    def load(self) -> None:
        """Ask for the picture at the size shown (the gallery's cue that the card is near the screen)."""
        self._active = True
        size = self.view.size()
        if self._path is None or size.width() < 8 or size.height() < 8:
            return
        want = QSize(-(-size.width() // REQUEST_STEP) * REQUEST_STEP, -(-size.height() // REQUEST_STEP) * REQUEST_STEP)
        if self._requested == want:
            return
        if self._requested is not None:
            self._provider.cancel(self.view)
        self._requested = want
        self._ticket += 1
        ticket = self._ticket
        waiting = [False]  # a pixmap already in memory arrives during request(): shown at once, no fade

        def show(pixmap: QPixmap | None) -> None:
            if ticket == self._ticket:
                self.view.set_pixmap(pixmap, fade=waiting[0])

        self._provider.request(self._path, want, show, owner=self.view, cover=True, priority=PRIORITY_VISIBLE)
        waiting[0] = True

    def release(self) -> None:
        """Give the picture back; `load()` brings it again, usually from the provider's memory cache."""
        self._active = False
        self._drop_picture()

    @property
    def active(self) -> bool:
        return self._active

    def _drop_picture(self) -> None:
        self._ticket += 1
        if self._requested is not None:
            self._provider.cancel(self.view)
            self._requested = None
        self.view.clear()

    # input and painting -----------------------------------------------------------------------------

    def _clicked(self) -> None:
        if self._photo is not None:
            self.chosen.emit(self._photo.id)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._lines and not self._note:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        text = self._text
        y = self._picture + text.gap
        p.setPen(QColor(t.TEXT))
        p.setFont(text.caption_font)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for line in self._lines:
            p.drawText(QRect(0, y, self.width(), text.caption_line), left, line)
            y += text.caption_line
        if self._note:
            y += text.gap
            p.setPen(QColor(t.TEXT_MUTED))
            p.setFont(text.note_font)
            p.drawText(QRect(0, y, self.width(), text.note_line), left, self._note)
        p.end()
